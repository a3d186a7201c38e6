"""The uncertainty benchmark (bench/uncertainty_bench.py) keeps working: a tiny run of the
1,000 draws and of the main page with and without the fan, and the verdict lines.

The figures themselves are `make bench`'s business (timings on a shared machine are not a
test); this only checks that the benchmark measures what it says.
"""

from __future__ import annotations

import pytest

from bench.uncertainty_bench import DRAWS, bench_draws, bench_fan_page, verdicts

pytestmark = pytest.mark.usefixtures("app_database")


def test_draws_and_fan_page_bench_run_and_report() -> None:
    timings = bench_draws(2, 0) + bench_fan_page(1, 0)
    names = [t.name for t in timings]
    assert any(f"{DRAWS:,} draws incl. Latin hypercube sampling" in n for n in names)
    assert "page: app.py rerun with the fan (uncached)" in names
    assert "page: app.py rerun with the fan turned off" in names
    assert all(t.median_ms > 0 for t in timings)
    lines = verdicts(timings)
    assert any("target ≤ 150 ms" in line for line in lines)
    assert any("with/without the fan" in line for line in lines)
