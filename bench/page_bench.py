"""A lever move on every page, and "Sök" on "Vad krävs?", against the floor (AppTest).

Two floors. The common floor page (bench/floor_page.py) has the main page's sidebar widgets
and nothing else. Each page's own floor (bench/floor_widgets.py) has that page's widgets,
captured from the page itself as it stands before the clock starts, in its layout, with no
charts, text or model: the issue's "framework floor, the same widgets and no charts". The
target (≤ 1.5 ×) is judged against the page's own floor; the common floor's ratio is shown
beside it. Every page and floor is rerun after the same slider change, in turn within each
repetition so that all of them see the same machine load, and the report gives each page's
median as a multiple of the floors'.

A lever move here is a setting the server has not seen: every rerun of the run, on every
page, takes the next of 1,248 slider values (a sixteenth of a per cent apart), so no page finds
the scenario another page or an earlier repetition has just worked out (the main page's
Monte Carlo, say). The caches keyed by a setting are emptied too, outside the clock. What
does not follow the moved lever stays cached, as it does for a person: a preset's results
on "Jämför", the paths of the other levers.

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
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import floor_widgets
from bench.model_bench import FLOOR_PAGE, MAIN_PAGE, PageRerun, Timing, prepare

DECISION_PAGE = "pages/beslutsstod.py"
# Every page of the app (pages/scenario.py is the main page, app.py's default).
PAGES = ("pages/scenario.py", DECISION_PAGE, "pages/data_och_metod.py", "pages/jamfor.py",
         "pages/sparade.py", "pages/kommuner.py", "pages/sverige.py", "pages/importera.py",
         "pages/workshop.py")
QUICK_PAGES = ("pages/scenario.py", DECISION_PAGE)
# Distinct slider values, taken one after the other by every rerun of a run (see the module
# doc): more of them than a default run's reruns (42 repetitions × 24 pages, floors, Sök).
LEVER_VALUES = tuple(21.0 + i / 16.0 for i in range(1248))
_NEXT_VALUES = itertools.cycle(LEVER_VALUES)
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
    ("ui.decision_page", "_year_bars"),
    ("ui.decision_page", "_year_control"),
    ("ui.decision_charts", "_measure_totals"),
    ("ui.decision_charts", "_active"),
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
        self.values = _NEXT_VALUES  # one sequence for every page: a new value each move

    def search(self) -> None:
        """Click Sök and check that an answer (or a reason there is none) is shown."""
        self.app_test.button(key="dec_search").click().run()
        self._raise_on_exception()
        shown = [*self.app_test.success, *self.app_test.error]
        if not shown:
            raise RuntimeError(f"{self.name}: Sök showed no answer")


class FloorRerun(PageRerun):
    """The floor page with the same new slider values: the common one, or a page's own
    (own: the name its captured widgets are saved under)."""

    def __init__(self, own: str | None = None) -> None:
        super().__init__(FLOOR_PAGE, {floor_widgets.FLOOR_PARAM: own} if own else None)
        self.name = own.replace("lever move", "own floor") if own else "floor"
        self.values = _NEXT_VALUES  # one sequence for every page: a new value each move


def own_floors(reruns: list[AppPageRerun], folder: Path) -> list[FloorRerun]:
    """Each page's own floor, from the widgets the page has drawn (saved as JSON in folder,
    where the floor page reads them)."""
    import os

    specs = {}
    for rerun in reruns:
        rerun()  # as the page stands after a lever move ("Vad krävs?" draws its year
        # slider only once a lever has moved away from the reference)
        specs[rerun.name] = floor_widgets.capture(rerun.app_test)
    path = folder / "floor_specs.json"
    floor_widgets.save(specs, path)
    os.environ[floor_widgets.SPECS_ENV] = str(path)
    return [FloorRerun(rerun.name) for rerun in reruns]


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
    folder = tempfile.TemporaryDirectory(prefix="klimat-floors-")
    owns = own_floors(reruns, Path(folder.name))
    calls: list[tuple[str, Callable[[], object]]] = [("floor", floor)]
    for rerun, own in zip(reruns, owns, strict=True):
        calls += [(own.name, own), (rerun.name, rerun)]
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
    folder.cleanup()
    for rerun in [floor, *owns, *reruns]:
        rerun.verify()
    out = [Timing("page: floor (main page's sidebar widgets, no charts)", times["floor"])]
    for rerun, own in zip(reruns, owns, strict=True):
        own_ms = statistics.median(times[own.name]) * 1000.0
        out.append(Timing(f"page: {own.name}", times[own.name]))
        out.append(Timing(f"page: {rerun.name}", times[rerun.name],
                          f"≤ {LEVER_RATIO_TARGET:g} × own floor "
                          f"({own_ms * LEVER_RATIO_TARGET:.0f} ms)"))
    if searcher is not None:
        out.append(Timing("page: beslutsstod: Sök (click → answer)", search_times,
                          f"Chromium ≤ {SEARCH_TARGET_MS:g} ms"))
    return out


def own_floor_ratios(timings: list[Timing]) -> dict[str, float]:
    """Each lever move's median ÷ its page's own floor (the row before it)."""
    return {t.name: t.median_ms / timings[i - 1].median_ms
            for i, t in enumerate(timings) if "lever move" in t.name}


def report(timings: list[Timing]) -> str:
    """Medians, p90, the ratio to the common floor and to the page's own floor."""
    floor = timings[0].median_ms
    own = own_floor_ratios(timings)
    width = max(len(t.name) for t in timings)
    lines = [f"{'what':<{width}}  {'reps':>4}  {'median ms':>9}  {'p90':>7}  {'÷ floor':>7}  "
             f"{'÷ own':>6}  target", "-" * (width + 64)]
    for t in timings:
        mine = f"{own[t.name]:>5.2f}×" if t.name in own else " " * 6
        lines.append(f"{t.name:<{width}}  {len(t.seconds):>4}  {t.median_ms:>9.1f}  "
                     f"{t.quantile_ms(0.9):>7.1f}  {t.median_ms / floor:>6.2f}×  {mine}  "
                     f"{t.target}")
    over = [name for name, ratio in own.items() if ratio > LEVER_RATIO_TARGET]
    lines.append("")
    lines.append(f"lever move ≤ {LEVER_RATIO_TARGET:g} × the page's own floor: "
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
