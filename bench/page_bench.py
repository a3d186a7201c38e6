"""A lever move on every page, and "Sök" on "Vad krävs?", against the floor page (AppTest).

The floor page (bench/floor_page.py) has the main page's sidebar widgets and nothing else:
what Streamlit itself costs for a rerun with those widgets. Every page of the app is rerun
after the same slider change, the pages in turn within each repetition so that all of them
see the same machine load, and the report gives each page's median as a multiple of the
floor's.

A lever move here is a setting the server has not seen: before each timed rerun the caches
keyed by a setting (the model's attribution, cost plan and solver answers, the pages' own
caches of them) are emptied, outside the clock. Otherwise a cycle of a few slider values
would be answered from those caches and look faster than a person's first move to a value.

"Vad krävs?" is measured three ways: a lever move before any search, a lever move after a
search (the answer on the page goes stale), and Sök itself: a click after a lever move (not
timed) with the solver's answers forgotten, so the search really runs, while the page's
caches of the setting it has just drawn are kept, as they are for a person.

    python -m bench.page_bench            ≈ 3 minutes
    python -m bench.page_bench --quick    ≈ 30 s
"""

from __future__ import annotations

import argparse
import gc
import importlib
import itertools
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bench.model_bench import FLOOR_PAGE, MAIN_PAGE, PageRerun, Timing, prepare

DECISION_PAGE = "pages/beslutsstod.py"
# Every page of the app (pages/scenario.py is the main page, app.py's default).
PAGES = ("pages/scenario.py", DECISION_PAGE, "pages/data_och_metod.py", "pages/jamfor.py",
         "pages/sparade.py", "pages/kommuner.py", "pages/sverige.py", "pages/importera.py",
         "pages/workshop.py")
QUICK_PAGES = ("pages/scenario.py", DECISION_PAGE)
# Distinct slider values, more of them than any cache keeps.
LEVER_VALUES = tuple(float(v) for v in range(21, 100))
LEVER_RATIO_TARGET = 1.5
SEARCH_TARGET_MS = 500.0  # the target is for Chromium; AppTest is the server part
# Caches keyed by a lever setting: emptied before each timed move (module, function).
SETTING_CACHES = (
    ("model.attribution", "_attribute_cached"),
    ("model.costs", "_cost_plan_cached"),
    ("model.solver", "_solve_cached"),
    ("model.potential", "fossil_potentials"),
    ("ui.decision_page", "_own"),
    ("ui.decision_page", "_contributions"),
    ("ui.decision_page", "_year_charts"),
    ("ui.decision_page", "_costs"),
    ("ui.municipalities_page", "_run"),
    ("ui.workshop_page", "_result"),
)


def forget_settings() -> None:
    """Empty the caches that remember lever settings (modules not loaded yet are skipped)."""
    import sys

    for module_name, name in SETTING_CACHES:
        module = sys.modules.get(module_name)
        function = getattr(module, name, None) if module else None
        clear = getattr(function, "cache_clear", None)
        if clear is not None:
            clear()


def _use_pages_as_a_server_does() -> None:
    """With a pages/ folder beside app.py, AppTest would run a page file alone on reruns
    (without app.py's sidebar); a server does not. The tests' helper restores that."""
    importlib.import_module("tests.apptest_helpers")


class AppPageRerun(PageRerun):
    """app.py opened on one page; each call moves the el_personbilar slider (a new value)."""

    def __init__(self, page: str, name: str, search_first: bool = False) -> None:
        super().__init__(MAIN_PAGE)
        self.name = name
        if page != "pages/scenario.py":
            self.app_test.switch_page(page).run()
            self._raise_on_exception()
        if search_first:
            self.search()
        self.values = itertools.cycle(LEVER_VALUES)

    def search(self) -> None:
        """Click Sök and check that an answer (or a reason there is none) is shown."""
        self.app_test.button(key="dec_search").click().run()
        self._raise_on_exception()
        shown = [*self.app_test.success, *self.app_test.error]
        if not shown:
            raise RuntimeError(f"{self.name}: Sök showed no answer")


class FloorRerun(PageRerun):
    """The floor page with the same new slider values."""

    def __init__(self) -> None:
        super().__init__(FLOOR_PAGE)
        self.name = "floor"
        self.values = itertools.cycle(LEVER_VALUES)


def _timed(call: Callable[[], object], clock: Callable[[], float]) -> float:
    forget_settings()
    start = clock()
    call()
    return clock() - start


def bench(repetitions: int, warmup: int, pages: tuple[str, ...] = PAGES,
          clock: Callable[[], float] = time.perf_counter) -> list[Timing]:
    """One Timing per page (and three for Vad krävs?), interleaved, the floor first.

    clock: wall time by default; ``time.process_time`` counts this process's CPU only (the
    script thread's work; the test's own thread waits), which other processes on a busy
    machine barely change."""
    _use_pages_as_a_server_does()
    floor = FloorRerun()
    reruns: list[AppPageRerun] = []
    for page in pages:
        name = Path(page).stem
        reruns.append(AppPageRerun(page, f"{name}: lever move"))
        if page == DECISION_PAGE:
            reruns.append(AppPageRerun(page, f"{name}: lever move after Sök", search_first=True))
    searcher = AppPageRerun(DECISION_PAGE, "beslutsstod: Sök") if DECISION_PAGE in pages else None
    calls: list[tuple[str, Callable[[], object]]] = [("floor", floor)]
    calls += [(r.name, r) for r in reruns]
    if searcher is not None:
        def search_after_a_move() -> float:
            searcher()  # not timed: a new setting, drawn once as a person would see it
            # The page has drawn this setting (its caches hold it); the search is new.
            from model.solver import _solve_cached

            _solve_cached.cache_clear()
            start = clock()
            searcher.search()
            return clock() - start

    for _ in range(warmup):
        for _, call in calls:
            call()
        if searcher is not None:
            search_after_a_move()
    gc.collect()
    times: dict[str, list[float]] = {name: [] for name, _ in calls}
    search_times: list[float] = []
    for _ in range(repetitions):
        for name, call in calls:
            times[name].append(_timed(call, clock))
        if searcher is not None:
            search_times.append(search_after_a_move())
    floor.verify()
    for rerun in reruns:
        rerun.verify()
    floor_ms = statistics.median(times["floor"]) * 1000.0
    out = [Timing("page: floor (same sidebar widgets, no charts)", times["floor"])]
    for name, _ in calls[1:]:
        out.append(Timing(f"page: {name}", times[name], f"≤ {LEVER_RATIO_TARGET:g} × floor "
                          f"({floor_ms * LEVER_RATIO_TARGET:.0f} ms)"))
    if searcher is not None:
        out.append(Timing("page: beslutsstod: Sök (click → answer)", search_times,
                          f"Chromium ≤ {SEARCH_TARGET_MS:g} ms"))
    return out


def report(timings: list[Timing]) -> str:
    """Medians, p90 and the ratio to the floor."""
    floor = timings[0].median_ms
    width = max(len(t.name) for t in timings)
    lines = [f"{'what':<{width}}  {'reps':>4}  {'median ms':>9}  {'p90':>7}  {'÷ floor':>7}  "
             "target", "-" * (width + 56)]
    for t in timings:
        lines.append(f"{t.name:<{width}}  {len(t.seconds):>4}  {t.median_ms:>9.1f}  "
                     f"{t.quantile_ms(0.9):>7.1f}  {t.median_ms / floor:>6.2f}×  {t.target}")
    over = [t.name for t in timings[1:]
            if "Sök (" not in t.name and t.median_ms / floor > LEVER_RATIO_TARGET]
    lines.append("")
    lines.append(f"lever move ≤ {LEVER_RATIO_TARGET:g} × floor: "
                 + ("ok on every page" if not over else f"OVER on {len(over)}: "
                    + ", ".join(name.removeprefix("page: ") for name in over)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run and print the table (targets are reported, not enforced)."""
    parser = argparse.ArgumentParser(prog="python -m bench.page_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, two pages")
    parser.add_argument("--repetitions", type=int, default=None)
    parser.add_argument("--cpu", action="store_true",
                        help="CPU time of this process instead of wall time (for a busy machine)")
    args = parser.parse_args(argv)
    repetitions = args.repetitions or (8 if args.quick else 40)
    scratch = prepare()
    import os

    started = time.perf_counter()
    load = os.getloadavg()
    timings = bench(repetitions, 2, QUICK_PAGES if args.quick else PAGES,
                    time.process_time if args.cpu else time.perf_counter)
    if args.cpu:
        print("CPU time of the process (not wall time)")
    print(report(timings))
    print(f"load average {tuple(round(x, 1) for x in load)} before, "
          f"{tuple(round(x, 1) for x in os.getloadavg())} after; "
          f"{time.perf_counter() - started:.0f} s")
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
