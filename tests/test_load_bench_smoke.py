"""The load benchmark (bench/load_bench.py) runs end to end against the real app.

A short run (3 sessions for a few seconds) on a server of its own: it must connect over
Streamlit's websocket protocol, move levers, see the fossil figure change, measure
latencies and memory, and find no errors. The full run (40 sessions, 2 minutes) is
`python -m bench.load_bench`; this only keeps it working.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.load_bench import Settings, parse_args, quantile, report, run_benchmark


def test_quantile_is_nearest_rank() -> None:
    values = [0.1 * i for i in range(1, 21)]  # 0.1 … 2.0
    assert quantile(values, 0.5) == pytest.approx(1.0)
    assert quantile(values, 0.95) == pytest.approx(1.9)
    assert quantile([0.3], 0.95) == 0.3


def test_command_line_defaults_are_the_issue_s_room() -> None:
    settings, _args = parse_args([])
    assert (settings.sessions, settings.seconds, settings.interval) == (40, 120.0, 3.0)
    settings, _args = parse_args(["--sessions", "3", "--server-option",
                                  "runner.postScriptGC=false"])
    assert settings.sessions == 3
    assert settings.server_options == ("runner.postScriptGC=false",)


# Runs in the serial phase of `make test`, after the parallel one, with the machine to
# itself: its 10 s cold-load limit is a timing. (The two tests above measure nothing.)
@pytest.mark.serial
@pytest.mark.slow
def test_short_load_run_has_no_errors_and_measures_latency() -> None:
    settings = Settings(sessions=3, seconds=6.0, interval=1.0, jitter=0.3, ramp=1.0,
                        baseline_changes=4, baseline_pause=0.1, verify_every=2,
                        memory_every=1.0, settle=0.5)
    # In its own thread: in the serial phase a browser test's Playwright driver may already
    # run an event loop in this thread, and the bench starts its own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        summary = pool.submit(run_benchmark, settings, log=lambda *_: None).result()

    assert summary["errors_total"] == 0, report(summary)
    alone, load = summary["single_session"], summary["load"]
    assert alone["latency"]["n"] == 4 and alone["latency"]["p50_ms"] > 0
    assert load["latency"]["n"] >= 6 and load["latency"]["p95_ms"] >= load["latency"]["p50_ms"]
    assert load["page_load"]["n"] == 3
    # The results really updated: the fossil figure changed after the verification moves.
    assert load["verification_changes"] >= 3
    assert load["verified_updates"] == load["verification_changes"]
    assert summary["memory_bytes"]["end"] > 50 * 2**20
    assert len(summary["memory_samples"]) >= 3
    text = report(summary)
    assert "p95" in text and "errors: none" in text
    json.dumps(summary)  # the --json file can be written

