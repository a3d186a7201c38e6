"""Issue 10: a websocket client's "clear cache" messages must not slow the room down.

Streamlit 1.67 accepts a ``clear_cache`` BackMsg from any client and empties
st.cache_data and st.cache_resource for every session. Before issue 10 the app's tables
and model inputs lived there: at 5 messages a second, 40 participants went from p50 81 ms
to p50 27 s. Now they live in ui/shared_cache.py, which that message does not touch.

This runs the load benchmark (bench/load_bench.py) with 40 sessions for a short while and
one more client sending "clear cache" five times a second all along; p95 must stay under
1 s. Short on purpose (the machine is shared): about 25 s of load.

On a machine where other processes take most of the cores, no app meets 1 s with 40
sessions (a control run without the hostile client on 2026-11-29 with 1.5 of 2 cores busy
elsewhere: p95 4.3 s; with it: p95 3.0 s, the same server CPU per change, 50 vs 55 ms). So
the contention-free figure is always asserted: the server's CPU per change stays near
what a normal run costs (15-55 ms measured), where rebuilding the cleared tables on every
rerun would cost hundreds of ms; p95 < 1 s is asserted when the machine is not busy with
others, and otherwise the test is reported as an expected failure with the numbers.

What made p95 < 1 s reachable was not the clear-cache client but the runs themselves: with
a dozen reruns in flight, the threads traded the interpreter lock (ui/run_turns.py). On a
quiet machine on 2026-11-29, after runs took turns: p50 186 ms, p95 413 ms (before:
p50 1.3 s, p95 2.9 s), 0 errors, 66 ms of server CPU per change.
"""

from __future__ import annotations

import pytest

from bench.load_bench import Settings, report, run_benchmark


@pytest.mark.slow
def test_clear_cache_requests_during_a_40_session_run_keep_p95_under_1_s() -> None:
    settings = Settings(sessions=40, seconds=25.0, interval=3.0, jitter=1.0, ramp=5.0,
                        baseline_changes=3, baseline_pause=0.2, verify_every=4,
                        memory_every=2.0, settle=0.5, clear_cache_per_s=5.0)
    summary = run_benchmark(settings, log=lambda *_: None)
    load = summary["load"]
    text = report(summary)
    assert load["clear_cache_sent"] >= 80, text  # the hostile client really kept sending
    assert summary["errors_total"] == 0, text
    assert load["latency"]["n"] >= 100, text
    assert summary["server_cpu_ms_per_change"] < 120, text
    others = summary["cpu_cores_during_load"]["others"]
    if load["latency"]["p95_ms"] >= 1000 and others is not None and others > 0.5:
        pytest.xfail(f"machine busy with other processes ({others} cores): {text}")
    assert load["latency"]["p95_ms"] < 1000, text


# Runs in the serial phase of `make test`, after the parallel one, with the machine to
# itself: its p95 target needs an otherwise idle machine.
pytestmark = pytest.mark.serial
