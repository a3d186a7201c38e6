"""A room full of phones: N concurrent sessions of the real app, each moving a lever.

    python -m bench.load_bench [--sessions 40] [--seconds 120] [--interval 3] [--json out.json]
    python -m bench.load_bench --processes 2 ...       # through HAProxy to 2 app processes
    python -m bench.load_bench --url http://127.0.0.1:8500 --pids 101,102   # a running cluster

What it does, in one process and on loopback only:

1. starts ``streamlit run app.py`` on a free port with a database in a temporary directory
   (or attaches to ``--url``; give ``--pid``/``--pids`` to sample the servers' memory); with
   ``--processes N`` it starts a cluster instead (deploy/cluster.py: PostgreSQL, N app
   processes, HAProxy) and measures through the proxy; each session keeps the proxy's
   affinity cookie, as a browser does, and the report says how they were spread;
2. opens the page once (the cold first load), then measures ONE session alone: a lever
   change every ``--baseline-pause`` seconds, ``--baseline-changes`` times (the baseline);
3. connects ``--sessions`` sessions, spread over a short ramp like people joining, each
   speaking Streamlit's websocket protocol (bench/load_client.py); every session moves a
   random lever slider every ``--interval`` ± ``--jitter`` seconds and waits for the
   updated result, until ``--seconds`` have passed;
4. reports p50/p95/max of "lever change → updated result" (BackMsg sent → script_finished
   received, FINISHED_SUCCESSFULLY), changes per second, errors (exception elements,
   disconnects, runs slower than ``--timeout``, results that did not update) and the
   server's resident memory at the start, middle and end of the load (flat: end − middle
   under 10 %).

Proof that results update: every ``--verify-every``-th change of a session moves the
electric-car lever by at least 10 points, and the "Fossil CO2 år 2030" metric must then
show a different figure than before the change.

Targets (issue 5): p95 under 1 s with 40 sessions, zero errors, memory flat. They are
reported, and with ``--check`` a missed target makes the exit status 1.

The machine may be shared: the report shows how many cores the server, this client and all
other processes used during the load, and the server's CPU time per change, which does not
depend on what else runs. To try a configuration without editing a file, pass it through:
``--server-option runner.postScriptGC=false``. ``--app-dir`` runs another checkout (e.g. a
``git archive HEAD`` snapshot while others edit this tree). bench/load_profile.py
summarises a py-spy profile of the server taken during a run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.load_client import FINISHED, RunResult, SessionClosed, StreamlitSession, Widget
from bench.load_server import (
    AppServer,
    MemorySampler,
    cpu_seconds,
    load_average,
    machine_busy_seconds,
    rss_bytes,
)

LEVER_PREFIX = "lever_"
VERIFY_LEVER_KEY = "lever_el_personbilar"
VERIFY_MIN_STEP = 10.0
P95_TARGET_S = 1.0
MEMORY_FLAT_LIMIT = 0.10
HARD_TIMEOUT_S = 60.0
ERROR_EXAMPLES = 5
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def fossil_metric_label() -> str:
    """The Swedish label of the fossil CO2 2030 metric, from the app's text catalogue."""
    from presentation.i18n import t

    return t("kpi_fossil_2030", "sv")


@dataclass(frozen=True)
class Settings:
    """One benchmark run's parameters."""

    sessions: int = 40
    seconds: float = 120.0
    interval: float = 3.0
    jitter: float = 1.0
    timeout: float = 10.0
    ramp: float | None = None  # seconds over which sessions join; None: min(10, seconds / 6)
    baseline_changes: int = 30
    baseline_pause: float = 0.3
    verify_every: int = 4
    seed: int = 1
    url: str | None = None
    pid: int | None = None
    pids: tuple[int, ...] = ()  # with --url: every app process behind the proxy
    processes: int = 0  # 0: one server, no proxy; N: a cluster of N behind HAProxy
    server_options: tuple[str, ...] = ()  # "name=value", e.g. "runner.postScriptGC=false"
    app_dir: str | None = None
    query: str = ""  # the page address's query, e.g. "presenter=1" (presenter mode)
    memory_every: float = 2.0
    settle: float = 2.0  # seconds after the load before the last memory reading
    clear_cache_per_s: float = 0.0  # a hostile client's "clear cache" messages (issue 10)

    @property
    def ramp_s(self) -> float:
        """How long the sessions take to join."""
        return self.ramp if self.ramp is not None else min(10.0, self.seconds / 6)


@dataclass
class Change:
    """One lever change and what came back."""

    session: int
    t: float  # seconds since the phase started, when the change was sent
    seconds: float
    lever: str
    ok: bool
    verified: bool | None = None  # None: not a verification change


@dataclass
class Phase:
    """The changes, page loads and errors of one phase of the run."""

    name: str
    changes: list[Change] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (kind, detail)
    servers: Counter[str] = field(default_factory=Counter)  # sessions per app process
    started: float = field(default_factory=time.monotonic)
    started_unix: float = field(default_factory=time.time)  # to line up with a profiler
    wall_s: float = 0.0
    clear_cache_sent: int = 0  # "clear cache" messages a hostile client sent

    def error(self, kind: str, detail: str) -> None:
        """Record an error of a kind (exception, disconnect, timeout, stale, ...)."""
        self.errors.append((kind, detail))


# ----------------------------------------------------------------------------------------
# Statistics


def quantile(values: list[float], q: float) -> float:
    """Nearest-rank quantile (q in 0..1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def latency_stats(seconds: list[float]) -> dict[str, float | int | None]:
    """Count, p50, p95, max and mean in milliseconds (None when nothing was measured)."""
    if not seconds:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "max_ms": None, "mean_ms": None}
    return {
        "n": len(seconds),
        "p50_ms": round(quantile(seconds, 0.50) * 1000, 1),
        "p95_ms": round(quantile(seconds, 0.95) * 1000, 1),
        "max_ms": round(max(seconds) * 1000, 1),
        "mean_ms": round(statistics.fmean(seconds) * 1000, 1),
    }


def phase_summary(phase: Phase) -> dict[str, Any]:
    """A phase as plain numbers for the table and the JSON file."""
    ok = [c.seconds for c in phase.changes if c.ok]
    verified = [c.verified for c in phase.changes if c.verified is not None]
    kinds = Counter(kind for kind, _ in phase.errors)
    examples: dict[str, list[str]] = {}
    for kind, detail in phase.errors:
        examples.setdefault(kind, [])
        if len(examples[kind]) < ERROR_EXAMPLES:
            examples[kind].append(detail)
    return {
        "name": phase.name,
        "started_unix": round(phase.started_unix, 3),
        "wall_s": round(phase.wall_s, 1),
        "latency": latency_stats(ok),
        "changes": len(phase.changes),
        "changes_ok": len(ok),
        "changes_per_s": round(len(ok) / phase.wall_s, 2) if phase.wall_s else None,
        "page_load": latency_stats(phase.loads),
        "verified_updates": sum(bool(v) for v in verified),
        "verification_changes": len(verified),
        "errors": len(phase.errors),
        "errors_by_kind": dict(kinds),
        "error_examples": examples,
        "sessions_by_server": dict(sorted(phase.servers.items())),
        "clear_cache_sent": phase.clear_cache_sent,
    }


def timeline(phase: Phase, window_s: float = 10.0) -> list[dict[str, Any]]:
    """p50/p95 per time window: does latency creep up while the load goes on?"""
    if not phase.changes:
        return []
    end = max(c.t for c in phase.changes)
    rows = []
    for start in range(0, int(end) + 1, int(window_s)):
        inside = [c.seconds for c in phase.changes if start <= c.t < start + window_s and c.ok]
        if inside:
            stats = latency_stats(inside)
            rows.append({"from_s": start, "n": stats["n"], "p50_ms": stats["p50_ms"],
                         "p95_ms": stats["p95_ms"]})
    return rows


# ----------------------------------------------------------------------------------------
# Sessions


class Participant:
    """One simulated participant: a session, a random generator and the result so far."""

    def __init__(self, index: int, base_url: str, settings: Settings, label: str) -> None:
        self.index = index
        self.base_url = base_url
        self.settings = settings
        self.label = label
        self.rng = random.Random(settings.seed * 1000 + index)
        self.session: StreamlitSession | None = None
        self.fossil: str | None = None
        self.moves = 0

    async def open(self, phase: Phase) -> bool:
        """Connect and load the page; False (with the error recorded) if that failed."""
        self.session = StreamlitSession(self.base_url, timeout_s=HARD_TIMEOUT_S)
        self.session.query_string = self.settings.query  # as if opened from a link
        try:
            await self.session.connect()
            result = await self.session.load()
        except Exception as error:  # refused, reset, timed out, closed, bad handshake
            phase.error("connect", f"session {self.index}: {type(error).__name__}: {error}")
            await self.close()
            return False
        phase.loads.append(result.seconds)
        phase.servers[self.session.server or "direct"] += 1
        self._check(result, phase, "page load")
        self.fossil = result.metrics.get(self.label, (None, ""))[0]
        if not self.session.sliders(LEVER_PREFIX):
            phase.error("page", f"session {self.index}: the page showed no lever sliders")
            return False
        return True

    async def close(self) -> None:
        """Close the websocket."""
        if self.session is not None:
            await self.session.close()
            self.session = None

    def _check(self, result: RunResult, phase: Phase, what: str) -> bool:
        ok = True
        for text in result.exceptions:
            phase.error("exception", f"session {self.index}, {what}: {text}")
            ok = False
        if result.status != FINISHED:
            phase.error("status", f"session {self.index}, {what}: {result.status}")
            ok = False
        if result.seconds > self.settings.timeout:
            phase.error("timeout", f"session {self.index}, {what}: {result.seconds:.1f} s "
                                   f"> {self.settings.timeout:g} s")
            ok = False
        return ok

    def _next_move(self) -> tuple[Widget, float, bool] | None:
        """The slider to move, its new value, and whether this change is a verification."""
        assert self.session is not None
        self.moves += 1
        sliders = self.session.sliders(LEVER_PREFIX)
        if not sliders:
            return None
        verify_widget = self.session.widget_by_key(VERIFY_LEVER_KEY)
        verify = (self.settings.verify_every > 0 and verify_widget is not None
                  and self.moves % self.settings.verify_every == 0)
        widget = verify_widget if verify and verify_widget else self.rng.choice(sliders)
        steps = max(1, round((widget.maximum - widget.minimum) / widget.step))
        grid = [widget.minimum + k * widget.step for k in range(steps + 1)]
        current = widget.slider_value
        far = VERIFY_MIN_STEP if verify else 1e-9
        choices = [v for v in grid if abs(v - current) >= far] or [
            v for v in grid if v != current]
        return widget, self.rng.choice(choices), verify

    async def change_lever(self, phase: Phase) -> bool:
        """Move one lever and record the change; False when the session broke."""
        assert self.session is not None
        move = self._next_move()
        if move is None:
            phase.error("page", f"session {self.index}: no lever sliders left to move")
            return False
        widget, value, verify = move
        key = widget.id.rsplit("-", 1)[-1]
        sent_at = time.monotonic() - phase.started
        try:
            result = await self.session.move_slider(widget, value)
        except TimeoutError:
            phase.error("timeout", f"session {self.index}: no result within "
                                   f"{HARD_TIMEOUT_S:g} s after moving {key}")
            phase.changes.append(Change(self.index, sent_at, HARD_TIMEOUT_S, key, False))
            return False
        except SessionClosed as error:
            phase.error("disconnect", f"session {self.index} after moving {key}: {error}")
            return False
        ok = self._check(result, phase, f"moving {key}")
        fossil = result.metrics.get(self.label, (None, ""))[0]
        verified = None
        if verify:
            verified = fossil is not None and self.fossil is not None and fossil != self.fossil
            if not verified:
                phase.error("stale", f"session {self.index}: {key} → {value:g} but "
                                     f"'{self.label}' stayed {self.fossil!r} (now {fossil!r})")
                ok = False
        if fossil is not None:
            self.fossil = fossil
        phase.changes.append(Change(self.index, sent_at, result.seconds, key, ok, verified))
        return True


async def run_baseline(base_url: str, settings: Settings, label: str) -> tuple[Phase, Phase]:
    """The cold first load, then one session alone moving levers."""
    cold = Phase("first page load (cold)")
    alone = Phase("single session")
    participant = Participant(0, base_url, settings, label)
    if await participant.open(cold):
        alone.started, alone.started_unix = time.monotonic(), time.time()
        for _ in range(settings.baseline_changes):
            await asyncio.sleep(settings.baseline_pause)
            if not await participant.change_lever(alone):
                break
    alone.wall_s = time.monotonic() - alone.started
    cold.wall_s = time.monotonic() - cold.started
    await participant.close()
    return cold, alone


async def run_load(
    base_url: str, settings: Settings, label: str, on_mark: Any = None
) -> Phase:
    """N sessions joining over the ramp, each moving a lever every interval ± jitter."""
    phase = Phase(f"{settings.sessions} sessions")
    deadline = phase.started + settings.seconds
    # Bounded loops: even if every change returned at once, no session goes beyond this.
    max_moves = int(settings.seconds / max(0.05, settings.interval - settings.jitter)) + 2

    async def participant_loop(index: int) -> None:
        await asyncio.sleep(settings.ramp_s * index / max(1, settings.sessions))
        participant = Participant(index, base_url, settings, label)
        reconnects = 0
        try:
            opened = await participant.open(phase)
            for _ in range(max_moves):
                if not opened:
                    if reconnects >= 3 or time.monotonic() > deadline - settings.interval:
                        return
                    reconnects += 1
                    await participant.close()
                    opened = await participant.open(phase)
                    continue
                pause = settings.interval + participant.rng.uniform(-settings.jitter,
                                                                    settings.jitter)
                if time.monotonic() + max(0.0, pause) > deadline:
                    return
                await asyncio.sleep(max(0.0, pause))
                opened = await participant.change_lever(phase)
        finally:
            await participant.close()

    async def clear_cache_loop() -> None:
        """One more client that only sends "clear cache", at the set rate, all along."""
        hostile = StreamlitSession(base_url, timeout_s=settings.timeout)
        try:
            await hostile.connect()
            await hostile.load()
            while time.monotonic() < deadline:
                await hostile.send_clear_cache()
                phase.clear_cache_sent += 1
                await asyncio.sleep(1.0 / settings.clear_cache_per_s)
        finally:
            await hostile.close()

    marks = asyncio.create_task(_marks(phase, settings, on_mark)) if on_mark else None
    loops = [participant_loop(i) for i in range(settings.sessions)]
    if settings.clear_cache_per_s > 0:
        loops.append(clear_cache_loop())
    await asyncio.gather(*loops)
    phase.wall_s = time.monotonic() - phase.started
    if marks is not None:
        marks.cancel()
    return phase


async def _marks(phase: Phase, settings: Settings, on_mark: Any) -> None:
    """Call on_mark at the phase's landmarks: all sessions joined, the middle."""
    marks = [("after ramp", settings.ramp_s + settings.interval + settings.jitter),
             ("middle", settings.seconds / 2)]
    for name, at in sorted(marks, key=lambda m: m[1]):
        await asyncio.sleep(max(0.0, phase.started + at - time.monotonic()))
        on_mark(name)


# ----------------------------------------------------------------------------------------
# The whole run


def run_benchmark(settings: Settings, log: Any = print) -> dict[str, Any]:
    """Run the baseline and the load phase; the summary as a JSON-ready dict."""
    label = fossil_metric_label()
    with contextlib.ExitStack() as stack:
        base_url, server = settings.url, None
        pids = list(settings.pids) or ([settings.pid] if settings.pid else [])
        if base_url is None and settings.processes:
            log(f"starting a cluster of {settings.processes} behind HAProxy ...")
            cluster = stack.enter_context(start_cluster(settings.processes))
            base_url, pids = cluster.url, [app.process.pid for app in cluster.apps]
        elif base_url is None:
            log("starting the app ...")
            options = dict(option.split("=", 1) for option in settings.server_options)
            server = stack.enter_context(AppServer(options, app_dir=settings.app_dir))
            base_url, pids = server.base_url, [server.pid] if server.pid else []
        if urlsplit(base_url).hostname not in LOOPBACK:
            raise SystemExit(f"{base_url} is not on loopback: the load benchmark stays local")
        pid = pids[0] if pids else None
        memory: dict[str, int | None] = {}
        per_process: dict[str, list[int | None]] = {}
        sampler = stack.enter_context(MemorySampler(pid, settings.memory_every)) if pid else None

        def mark(name: str) -> None:
            per_process[name] = [rss_bytes(p) for p in pids]
            known = [value for value in per_process[name] if value is not None]
            memory[name] = sum(known) if known else None
            log(f"  {name}: server RSS {' + '.join(_mb(v) for v in per_process[name])}")

        mark("server started")
        log("first page load and one session alone ...")
        cold, alone = asyncio.run(run_baseline(base_url, settings, label))
        mark("before load")
        log(f"{settings.sessions} sessions for {settings.seconds:g} s ...")
        cpu = CpuMeter(pids)
        load = asyncio.run(run_load(base_url, settings, label, on_mark=mark))
        mark("end")
        cpu.stop()
        time.sleep(settings.settle)  # disconnected sessions are released
        mark("after disconnect")
        log_tail = server.log_tail(15) if server else ""
    summary = summarise(settings, base_url, pid, cold, alone, load, memory, sampler, cpu,
                        log_tail)
    summary["memory_bytes_by_process"] = per_process
    summary["server"]["pids"] = pids
    return summary


@contextlib.contextmanager
def start_cluster(processes: int) -> Any:
    """A throwaway cluster (deploy/cluster.py) on loopback: PostgreSQL, apps, HAProxy."""
    import shutil
    import tempfile

    from deploy.cluster import Cluster
    from deploy.postgres import free_port

    state = Path(tempfile.mkdtemp(prefix="klimat-bench-cluster-"))
    cluster = Cluster(state, processes=processes, port=free_port(), bind_address="127.0.0.1",
                      source_db=state / "klimat.duckdb", fast_postgres=True)
    try:
        cluster.start()
        asyncio.run(warm_up([app.url for app in cluster.apps]))
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(state, ignore_errors=True)


async def warm_up(urls: list[str]) -> None:
    """Load the page once on each app process directly, so that no process's cold start
    (reading the tables, first imports: seconds) lands inside the measured load."""
    for url in urls:
        session = StreamlitSession(url, timeout_s=HARD_TIMEOUT_S * 2)
        try:
            await session.connect()
            await session.load()
        finally:
            await session.close()


def _cpu_seconds(pids: list[int]) -> float | None:
    readings = [cpu_seconds(pid) for pid in pids]
    return None if not pids or None in readings else sum(r for r in readings if r is not None)


class CpuMeter:
    """CPU used during the load by the servers, by this client and by everything else."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.load_before = load_average()
        self.load_after: tuple[float, float, float] | None = None
        self._wall = time.monotonic()
        self._server = _cpu_seconds(pids)
        self._client = time.process_time()
        self._machine = machine_busy_seconds()
        self.wall_s = 0.0
        self.server_s: float | None = None
        self.client_s = 0.0
        self.machine_s: float | None = None

    def stop(self) -> None:
        """Take the end readings."""
        self.wall_s = time.monotonic() - self._wall
        server = _cpu_seconds(self.pids)
        if server is not None and self._server is not None:
            self.server_s = server - self._server
        self.client_s = time.process_time() - self._client
        machine = machine_busy_seconds()
        if machine is not None and self._machine is not None:
            self.machine_s = machine - self._machine
        self.load_after = load_average()

    def cores(self) -> dict[str, float | None]:
        """Average cores busy: server, client, others (machine minus both)."""
        def per_wall(seconds: float | None) -> float | None:
            return None if seconds is None or not self.wall_s else round(
                seconds / self.wall_s, 2)
        others = (self.machine_s - self.client_s - (self.server_s or 0.0)
                  if self.machine_s is not None else None)
        return {"server": per_wall(self.server_s), "client": per_wall(self.client_s),
                "others": per_wall(max(0.0, others) if others is not None else None),
                "machine": per_wall(self.machine_s)}


def _mb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 2**20:.0f} MB"


def summarise(settings: Settings, base_url: str, pid: int | None, cold: Phase, alone: Phase,
              load: Phase, memory: dict[str, int | None], sampler: MemorySampler | None,
              cpu: CpuMeter, log_tail: str) -> dict[str, Any]:
    """Everything the table and the JSON file show."""
    load_summary = phase_summary(load)
    handled = len(load.changes) + len(load.loads)
    per_change = (round(cpu.server_s / handled * 1000, 1)
                  if cpu.server_s is not None and handled else None)
    middle, end = memory.get("middle"), memory.get("end")
    growth = (end - middle) / middle if middle and end else None
    errors = cold.errors + alone.errors + load.errors
    p95 = load_summary["latency"]["p95_ms"]
    targets = {
        "p95_under_1s": p95 is not None and p95 < P95_TARGET_S * 1000,
        "zero_errors": not errors and load_summary["changes_ok"] > 0,
        "memory_flat": growth is not None and growth < MEMORY_FLAT_LIMIT,
    }
    return {
        "settings": asdict(settings) | {"ramp_s": settings.ramp_s},
        "server": {"url": base_url, "pid": pid, "cpu_count": os.cpu_count(),
                   "python": sys.version.split()[0]},
        "first_load": phase_summary(cold)["page_load"],
        "single_session": phase_summary(alone),
        "load": load_summary,
        "load_timeline": timeline(load),
        # Every change: [seconds after the load started, latency ms, lever key, ok].
        "load_changes": [[round(c.t, 3), round(c.seconds * 1000, 1), c.lever, c.ok]
                         for c in load.changes],
        "memory_bytes": memory,
        "memory_growth_middle_to_end": None if growth is None else round(growth, 4),
        "memory_samples": [
            {"t": round(s.t, 1), "rss_bytes": s.rss_bytes, "cpu_s": s.cpu_s}
            for s in (sampler.samples if sampler else [])
        ],
        "cpu_cores_during_load": cpu.cores(),
        # Contention-free figures: server CPU per handled change (page loads included) and
        # the share of one core the offered rate needs (the scripts share one GIL).
        "server_cpu_ms_per_change": per_change,
        "server_core_share_needed": (round(per_change / 1000 * settings.sessions
                                           / settings.interval, 2) if per_change else None),
        "load_average_before_after": [cpu.load_before, cpu.load_after],
        "errors_total": len(errors),
        "targets": targets,
        "targets_met": all(targets.values()),
        "server_log_tail": log_tail,
    }


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def report(summary: dict[str, Any]) -> str:
    """A readable table of the run."""
    s = summary["settings"]
    lines = [
        f"Load benchmark: {s['sessions']} sessions × {s['seconds']:g} s, a lever every "
        f"{s['interval']:g} ± {s['jitter']:g} s ({summary['server']['url']}, server pid "
        f"{summary['server']['pid']}, {summary['server']['cpu_count']} CPUs)",
        "",
        f"{'what':<32} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'changes/s':>10}"
        f" {'errors':>7}",
        "-" * 84,
    ]
    first = summary["first_load"]
    lines.append(f"{'first page load (cold)':<32} {first['n']:>6} {_ms(first['p50_ms']):>8} "
                 f"{'':>8} {_ms(first['max_ms']):>8}")
    for key in ("single_session", "load"):
        phase = summary[key]
        lat = phase["latency"]
        lines.append(
            f"{'lever → result, ' + phase['name']:<32} {lat['n']:>6} {_ms(lat['p50_ms']):>8} "
            f"{_ms(lat['p95_ms']):>8} {_ms(lat['max_ms']):>8} "
            f"{phase['changes_per_s'] or 0:>10.2f} {phase['errors']:>7}")
    loads = summary["load"]["page_load"]
    lines.append(f"{'page load, under load':<32} {loads['n']:>6} {_ms(loads['p50_ms']):>8} "
                 f"{_ms(loads['p95_ms']):>8} {_ms(loads['max_ms']):>8}")
    lines.append("")
    rows = summary["load_timeline"]
    if rows:
        lines.append("p50/p95 ms per 10 s of load: " + "  ".join(
            f"{r['from_s']}s:{_ms(r['p50_ms'])}/{_ms(r['p95_ms'])}" for r in rows))
    memory = summary["memory_bytes"]
    lines.append("server memory (RSS): " + ", ".join(
        f"{name} {_mb(value)}" for name, value in memory.items()))
    per_process = summary.get("memory_bytes_by_process", {})
    if len(summary["server"].get("pids", [])) > 1 and "end" in per_process:
        lines.append("memory per process at the end: " + ", ".join(
            _mb(value) for value in per_process["end"]))
        lines.append("sessions per process: " + ", ".join(
            f"{name} {count}" for name, count in summary["load"]["sessions_by_server"].items()))
    growth = summary["memory_growth_middle_to_end"]
    if growth is not None:
        lines.append(f"memory middle → end: {growth * 100:+.1f} % "
                     f"({'flat' if growth < MEMORY_FLAT_LIMIT else 'GROWING'})")
    cores = summary["cpu_cores_during_load"]
    lines.append(f"CPU cores busy during load: server {cores['server']}, this client "
                 f"{cores['client']}, other processes {cores['others']} (of "
                 f"{summary['server']['cpu_count']}); load average before/after "
                 f"{summary['load_average_before_after'][0]} / "
                 f"{summary['load_average_before_after'][1]}")
    if summary["server_cpu_ms_per_change"] is not None:
        lines.append(f"server CPU per change: {summary['server_cpu_ms_per_change']:.0f} ms → "
                     f"{s['sessions']} sessions every {s['interval']:g} s need "
                     f"{summary['server_core_share_needed']:.0%} of one core (the script "
                     f"runs share one interpreter lock; over 100 % means queues grow)")
    load = summary["load"]
    lines.append(f"results verified to update ({VERIFY_LEVER_KEY} → '{fossil_metric_label()}'):"
                 f" {load['verified_updates']}/{load['verification_changes']} under load, "
                 f"{summary['single_session']['verified_updates']}/"
                 f"{summary['single_session']['verification_changes']} alone")
    if summary["errors_total"]:
        lines.append(f"ERRORS: {summary['errors_total']}")
        for key in ("single_session", "load"):
            for kind, examples in summary[key]["error_examples"].items():
                count = summary[key]["errors_by_kind"][kind]
                lines.append(f"  {summary[key]['name']}: {count} × {kind}, e.g. {examples[0]}")
    else:
        lines.append("errors: none")
    verdicts = summary["targets"]
    lines.append("targets: " + ", ".join(
        f"{name} {'ok' if met else 'MISSED'}" for name, met in verdicts.items()))
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> tuple[Settings, argparse.Namespace]:
    """Command-line options → Settings."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.load_bench", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    defaults = Settings()
    parser.add_argument("--sessions", type=int, default=defaults.sessions)
    parser.add_argument("--seconds", type=float, default=defaults.seconds,
                        help="length of the load phase")
    parser.add_argument("--interval", type=float, default=defaults.interval,
                        help="seconds between a session's lever changes (mean)")
    parser.add_argument("--jitter", type=float, default=defaults.jitter,
                        help="± seconds of random spread around the interval")
    parser.add_argument("--timeout", type=float, default=defaults.timeout,
                        help="a change slower than this counts as an error")
    parser.add_argument("--ramp", type=float, default=None,
                        help="seconds over which sessions join (default min(10, seconds/6))")
    parser.add_argument("--baseline-changes", type=int, default=defaults.baseline_changes)
    parser.add_argument("--baseline-pause", type=float, default=defaults.baseline_pause)
    parser.add_argument("--verify-every", type=int, default=defaults.verify_every,
                        help="every n-th change checks that the fossil figure changed")
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--url", help="attach to a running app on loopback instead")
    parser.add_argument("--pid", type=int, help="with --url: the server's pid, for memory")
    parser.add_argument("--pids", default="",
                        help="with --url to a cluster: the app processes' pids, comma-separated")
    parser.add_argument("--processes", type=int, default=0,
                        help="start a cluster of this many app processes behind HAProxy "
                             "(PostgreSQL, deploy/cluster.py) and measure through the proxy")
    parser.add_argument("--server-option", action="append", default=[], metavar="NAME=VALUE",
                        help="extra streamlit option, e.g. runner.postScriptGC=false")
    parser.add_argument("--app-dir", help="run the app from this checkout (default: this one)")
    parser.add_argument("--query", default="",
                        help="open the page with this query, e.g. presenter=1")
    parser.add_argument("--clear-cache-rate", type=float, default=0.0, metavar="PER_S",
                        help="a hostile client sends 'clear cache' this often during the load")
    parser.add_argument("--json", type=Path, help="write the summary to this file")
    parser.add_argument("--check", action="store_true",
                        help="exit with status 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.sessions < 1 or args.seconds <= 0 or args.interval <= 0 or args.jitter < 0:
        parser.error("sessions ≥ 1, seconds > 0, interval > 0 and jitter ≥ 0, please")
    for option in args.server_option:
        if "=" not in option:
            parser.error(f"--server-option wants NAME=VALUE, not {option!r}")
    settings = Settings(
        sessions=args.sessions, seconds=args.seconds, interval=args.interval,
        jitter=min(args.jitter, args.interval), timeout=args.timeout, ramp=args.ramp,
        baseline_changes=args.baseline_changes, baseline_pause=args.baseline_pause,
        verify_every=args.verify_every, seed=args.seed, url=args.url, pid=args.pid,
        pids=tuple(int(p) for p in args.pids.split(",") if p.strip()),
        processes=args.processes,
        server_options=tuple(o.removeprefix("--") for o in args.server_option),
        app_dir=args.app_dir, query=args.query.lstrip("?"),
        clear_cache_per_s=args.clear_cache_rate)
    return settings, args


def main(argv: list[str] | None = None) -> int:
    """Run, print the table, write the JSON; status 1 only with --check and a missed target."""
    settings, args = parse_args(argv)
    summary = run_benchmark(settings)
    print()
    print(report(summary))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
        print(f"summary written to {args.json}")
    return 1 if args.check and not summary["targets_met"] else 0


if __name__ == "__main__":
    sys.exit(main())
