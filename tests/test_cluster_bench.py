"""The load bench through HAProxy: the cluster table's arithmetic, and a short real run.

The short run starts a cluster of two app processes (PostgreSQL, HAProxy) and moves levers
from a few sessions through the proxy: every session keeps its affinity cookie, the
sessions are spread over both processes, memory is read per process, and nothing fails.
The full table is `python -m bench.cluster_bench` (minutes; not part of the suite).
"""

from __future__ import annotations

from typing import Any

import pytest

from bench.cluster_bench import markdown, saturation_ratio
from bench.load_bench import Settings, run_benchmark
from deploy.haproxy import find_haproxy
from tests.conftest import in_ci
from tests.postgres_fixtures import require_postgres_binaries


def _result(processes: int, sessions: int, rate: float) -> dict[str, Any]:
    return {
        "processes": processes,
        "settings": {"sessions": sessions},
        "load": {"latency": {"p50_ms": 40.0, "p95_ms": 1500.0}, "changes_per_s": rate},
        "errors_total": 0,
        "memory_bytes_by_process": {"end": [300 * 2**20] * processes},
        "load_average_before_after": [(1.0, 1.0, 1.0), (2.5, 2.0, 1.5)],
    }


def test_saturation_is_each_process_count_s_best_rate() -> None:
    results = [_result(1, 40, 13.0), _result(1, 80, 15.0), _result(1, 120, 14.0),
               _result(2, 40, 13.2), _result(2, 80, 26.0), _result(2, 120, 27.0)]
    assert saturation_ratio(results) == ((2, 27.0), 15.0, pytest.approx(1.8))
    table = markdown(results)
    assert "| 2 | 120 | 40 ms | 1.5 s | 27.0 | 0 | 300 / 300 | 2.5 |" in table
    assert "**1.80×**" in table
    assert saturation_ratio(results[:3]) is None  # one process count: no ratio


@pytest.mark.slow
def test_short_load_run_through_the_proxy_spreads_sessions() -> None:
    require_postgres_binaries()
    if find_haproxy() is None:
        message = "haproxy is not installed: the cluster load run is SKIPPED"
        if in_ci():
            pytest.fail(message + " (CI=true, so this fails)")
        pytest.skip(message + "; apt-get install haproxy")
    settings = Settings(sessions=4, seconds=6.0, interval=1.0, jitter=0.3, ramp=1.0,
                        baseline_changes=2, baseline_pause=0.1, verify_every=2,
                        memory_every=1.0, settle=0.5, processes=2)
    summary = run_benchmark(settings, log=lambda *_: None)
    assert summary["errors_total"] == 0, summary["load"]["error_examples"]
    assert summary["load"]["changes_ok"] > 0
    assert set(summary["load"]["sessions_by_server"]) == {"app1", "app2"}
    assert len(summary["server"]["pids"]) == 2
    assert all(m and m > 50 * 2**20 for m in summary["memory_bytes_by_process"]["end"])
