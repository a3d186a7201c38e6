"""Server CPU per lever change, one session at a time: the figure the room's latency hangs on.

    python -m bench.change_cpu [--changes 80] [--query presenter=1] [--app-dir DIR] [--floor]

Starts the app as deployed (bench/load_server.py), connects one websocket session, moves
the "Elbilar" lever to values the server has not seen, one after the other, and reads the
server's CPU time from /proc before and after. The split says where it goes:

- *event loop*: the server's main thread (websocket sends, message hashing, new-session
  messages); it grows with the number of elements a run sends;
- *script runs*: everything else (Streamlit runs each rerun in a fresh thread).

With 40 sessions moving a lever every 3 s a process gets about 13 changes a second, so the
p95 < 1 s target of issues 10 and 15 needs this total well under 75 ms (about 45 ms leaves
room for page loads and the proxy). Unlike latency, CPU per change barely depends on what
else the machine is doing, so it can be compared between runs on a busy machine.
``--floor`` measures the floor page too (bench/floor_page.py: the same sidebar widgets and
nothing else), which is what any Streamlit page with these widgets costs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.load_client import StreamlitSession
from bench.load_server import AppServer

LEVER_KEY = "lever_el_personbilar"


@dataclass(frozen=True)
class ChangeCpu:
    """What one run of the bench measured (milliseconds per lever change)."""

    changes: int
    total_ms: float
    event_loop_ms: float
    script_ms: float
    latency_median_ms: float


def _ticks(path: Path) -> int:
    """User + system clock ticks of a process or thread from its stat file."""
    fields = path.read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _thread_ticks(pid: int) -> dict[str, int]:
    """Clock ticks of every live thread of a process, by thread id."""
    ticks = {}
    for stat in Path(f"/proc/{pid}/task").glob("*/stat"):
        try:
            ticks[stat.parent.name] = _ticks(stat)
        except OSError:  # the thread ended between listing and reading
            continue
    return ticks


def lever_values(changes: int) -> list[float]:
    """Distinct slider values (whole per cent), so no cache keyed by a setting helps."""
    return [float(20 + (i * 7) % 75) for i in range(changes)]


async def measure(base_url: str, pid: int, changes: int, query: str = "") -> ChangeCpu:
    """Warm one session up, then time `changes` lever moves and read the server's CPU."""
    session = StreamlitSession(base_url)
    session.query_string = query  # as if opened from a link
    await session.connect()
    try:
        await session.load()
        widget = session.widget_by_key(LEVER_KEY)
        if widget is None:
            raise RuntimeError(f"no slider {LEVER_KEY} on the page")
        for value in (11.0, 12.0, 13.0):  # warm-up: caches, imports, first charts
            await session.move_slider(widget, value)
        tick = os.sysconf("SC_CLK_TCK")
        main_before = _thread_ticks(pid).get(str(pid), 0)
        total_before = _ticks(Path(f"/proc/{pid}/stat"))
        latencies = []
        for value in lever_values(changes):
            started = time.perf_counter()
            await session.move_slider(widget, value)
            latencies.append(time.perf_counter() - started)
        total = _ticks(Path(f"/proc/{pid}/stat")) - total_before
        main = _thread_ticks(pid).get(str(pid), 0) - main_before
    finally:
        await session.close()
    per_change = 1000.0 / tick / changes
    return ChangeCpu(changes=changes, total_ms=total * per_change,
                     event_loop_ms=main * per_change, script_ms=(total - main) * per_change,
                     latency_median_ms=1000.0 * statistics.median(latencies))


def report(result: ChangeCpu, label: str = "") -> str:
    """One line a person can compare between runs."""
    return (f"{label}server CPU per lever change: {result.total_ms:.1f} ms "
            f"(event loop {result.event_loop_ms:.1f} ms, script runs {result.script_ms:.1f} ms; "
            f"{result.changes} changes, median round trip {result.latency_median_ms:.0f} ms)")


def main(argv: list[str] | None = None) -> int:
    """Command line: start a server, measure, print one line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=80)
    parser.add_argument("--query", default="", help="address query, e.g. presenter=1")
    parser.add_argument("--app-dir", type=Path, default=None,
                        help="another checkout to measure (default: this one)")
    parser.add_argument("--floor", action="store_true",
                        help="measure the floor page as well, right after the app")
    args = parser.parse_args(argv)
    servers: list[tuple[str, AppServer]] = [("app:   ", AppServer(app_dir=args.app_dir))]
    if args.floor:
        from bench.browser_timing import FloorServer

        servers.append(("floor: ", FloorServer()))
    for label, server in servers:
        with server:  # started on entry, stopped on exit
            base_url = server.base_url
            assert server.pid is not None
            result = asyncio.run(measure(base_url, server.pid, args.changes, args.query))
        print(report(result, label))
    return 0


if __name__ == "__main__":
    sys.exit(main())
