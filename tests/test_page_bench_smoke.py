"""The page benchmarks keep working: a tiny AppTest run of bench/page_bench.py (the floor,
the main page, "Vad krävs?" before and after a search, Sök) and of bench/browser_timing.py
in Chromium (a lever move on the floor page, the main page and Vad krävs?, and Sök).

The figures themselves are `make bench`'s business (timings on a shared machine are not a
test); this only checks that the benchmarks measure what they say.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from bench import browser_timing, page_bench

pytestmark = pytest.mark.usefixtures("app_database")


def test_page_bench_runs_the_floor_the_main_page_and_vad_kravs() -> None:
    timings = page_bench.bench(1, 0, page_bench.QUICK_PAGES)
    names = [t.name for t in timings]
    assert names == ["page: floor (main page's sidebar widgets, no charts)",
                     "page: scenario: own floor", "page: scenario: lever move",
                     "page: beslutsstod: own floor", "page: beslutsstod: lever move",
                     "page: beslutsstod: own floor after Sök",
                     "page: beslutsstod: lever move after Sök",
                     "page: beslutsstod: Sök (click → answer)"]
    assert all(len(t.seconds) == 1 and t.median_ms > 0 for t in timings)
    text = page_bench.report(timings)
    assert "÷ floor" in text and "÷ own" in text
    assert "lever move ≤ 1.5 × the page's own floor" in text
    assert set(page_bench.own_floor_ratios(timings)) == {
        "page: scenario: lever move", "page: beslutsstod: lever move",
        "page: beslutsstod: lever move after Sök"}


def test_settings_caches_are_emptied_between_moves() -> None:
    from model.solver import _solve_cached

    page_bench.forget_settings()
    assert _solve_cached.cache_info().currsize == 0


# Not in the serial phase: nothing here is a timing limit (a median under a minute only says
# that the series was measured), so it runs beside the other parallel tests.
@pytest.mark.slow
def test_browser_timing_measures_a_lever_move_and_a_search(chromium_path: str,
                                                           app_server: str) -> None:
    # In its own thread: a browser test's Playwright loop may already run in this one.
    # The worker's app server (started as the benchmark starts its own), no warm-up moves
    # and reduced motion (as every test's browser context, tests/conftest.py): this checks
    # what is measured, not how fast.
    with ThreadPoolExecutor(max_workers=1) as pool:
        series, load = pool.submit(browser_timing.run, 1, chromium_path, app_server, 0,
                                   True).result()
    names = [s.name for s in series]
    assert names == ["floor page: lever move", "main page: own floor: lever move",
                     "main page: lever move", "Vad krävs?: own floor: lever move",
                     "Vad krävs?: lever move", "Vad krävs? after Sök: lever move",
                     "Vad krävs?: Sök"]
    assert all(s.seconds and 0 < s.median_s < 60 for s in series)
    text = browser_timing.report(series, load)
    assert "Sök:" in text and "load average" in text
    assert "main page: lever move: " in text and "× its own floor" in text
    assert "Vad krävs? after Sök: lever move: " in text
