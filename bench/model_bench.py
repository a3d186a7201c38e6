"""How long a lever change takes: the model alone, and a rerun of the main page vs a floor page.

Why medians of many warm runs: a facilitator moves a slider dozens of times, so the typical
warm rerun is what the room feels; the first (cold) run and single outliers (garbage
collection, a busy machine) are not. Targets: a model run ≤ 2 ms, and a main-page rerun at
most twice the floor page's (the same sliders, no model, no charts), so the page adds little
to what any Streamlit page with these widgets costs.

    python -m bench            ≈ 4 minutes
    python -m bench --quick    under a minute, fewer repetitions

bench/page_bench.py adds every page and "Vad krävs?" (lever move, Sök) against the floor;
bench/browser_timing.py times the same in Chromium.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
MAIN_PAGE = REPO_ROOT / "app.py"
FLOOR_PAGE = Path(__file__).resolve().parent / "floor_page.py"
SLIDER_KEY = "lever_el_personbilar"
# Values the slider cycles through, so that every rerun is a real change.
SLIDER_VALUES = (30.0, 45.0, 60.0, 75.0, 90.0, 50.0)
MODEL_TARGET_MS = 2.0
PAGE_RATIO_TARGET = 2.0


@dataclass(frozen=True)
class Timing:
    """Repeated wall-clock times of one operation, in seconds."""

    name: str
    seconds: list[float]
    target: str = ""

    @property
    def median_ms(self) -> float:
        """The median in milliseconds: the typical warm call."""
        return statistics.median(self.seconds) * 1000.0

    def quantile_ms(self, q: float) -> float:
        """A quantile in milliseconds (nearest rank), for the spread."""
        ordered = sorted(self.seconds)
        index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
        return ordered[index] * 1000.0


def time_calls(call: Callable[[], object], repetitions: int, warmup: int) -> list[float]:
    """perf_counter around each call, after warm-up calls that are not kept."""
    for _ in range(warmup):
        call()
    gc.collect()
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


# ----------------------------------------------------------------------------------------
# The model


def bench_model(repetitions: int, warmup: int) -> list[Timing]:
    """run_scenario with a changed lever, the same with its frames, and the core alone."""
    from model import build_municipality_data, reference_levers, run_scenario
    from model.emissions import compute_trajectory
    from model.paths import lever_paths, scenario_years
    from store.csv_tables import read_csv_tables

    data = build_municipality_data(read_csv_tables(), "0780")
    reference = reference_levers(data)
    # Alternate two settings so no run can reuse the previous one's result.
    settings = itertools.cycle(
        [reference.with_values(el_personbilar=v) for v in (50.0, 60.0, 70.0)]
    )
    years = scenario_years(data)

    def scenario() -> object:
        return run_scenario(data, next(settings))

    def scenario_with_frames() -> object:
        result = run_scenario(data, next(settings))
        return result.sectors_frame, result.totals_frame

    def core() -> object:
        return compute_trajectory(data, years, lever_paths(data, next(settings)))

    return [
        Timing(
            "model: run_scenario (trajectory + key figures + budget)",
            time_calls(scenario, repetitions, warmup),
            f"≤ {MODEL_TARGET_MS:g} ms",
        ),
        Timing(
            "model: core trajectory only (lever paths + emissions)",
            time_calls(core, repetitions, warmup),
        ),
        Timing(
            "model: run_scenario + sectors_frame + totals_frame",
            time_calls(scenario_with_frames, max(repetitions // 4, 10), warmup),
        ),
    ]


# ----------------------------------------------------------------------------------------
# Pages through Streamlit's AppTest


def _keep_page(app_test: Any) -> None:
    """Make the next AppTest run start at the main script again.

    With st.navigation and a pages/ directory, AppTest's second run goes straight to the page
    it finished on (pages/scenario.py) without app.py, so the sidebar and its lever state are
    gone. A browser session does not do that; clearing AppTest's record of the finished page
    makes every measured rerun the full app.py a user gets.
    """
    if hasattr(app_test, "_finished_page_script_hash"):
        app_test._finished_page_script_hash = ""


class PageRerun:
    """One AppTest session of a page; each call moves the el_personbilar slider and reruns."""

    def __init__(self, path: Path, query: dict[str, str] | None = None) -> None:
        from streamlit.testing.v1 import AppTest

        self.path = path
        self.app_test = AppTest.from_file(str(path), default_timeout=60)
        for key, value in (query or {}).items():  # as if opened from a link
            self.app_test.query_params[key] = value
        self.app_test.run()
        self._raise_on_exception()
        self.values: Iterator[float] = itertools.cycle(SLIDER_VALUES)
        self.last_value: float | None = None

    def __call__(self) -> object:
        self.last_value = next(self.values)
        _keep_page(self.app_test)
        self.app_test.slider(key=SLIDER_KEY).set_value(self.last_value).run()
        self._raise_on_exception()
        return self.app_test

    def verify(self) -> None:
        """After timing: the slider is still there and holds the last value set, so every
        measured rerun really was the page reacting to a lever change."""
        slider = self.app_test.slider(key=SLIDER_KEY)
        if slider.value != self.last_value:
            raise RuntimeError(
                f"{self.path.name}: slider shows {slider.value}, expected {self.last_value}"
            )

    def _raise_on_exception(self) -> None:
        if self.app_test.exception:
            raise RuntimeError(f"{self.path.name} raised: {self.app_test.exception[0].value}")


def bench_pages(repetitions: int, warmup: int) -> tuple[list[Timing], str | None]:
    """Main page and floor page reruns, interleaved so both see the same machine load."""
    floor = PageRerun(FLOOR_PAGE)
    if not MAIN_PAGE.is_file():
        note = f"skipped the main page: {MAIN_PAGE.relative_to(REPO_ROOT)} does not exist yet"
        times = time_calls(floor, repetitions, warmup)
        floor.verify()
        return [Timing("page: floor (same widgets, no charts)", times)], note
    try:
        main_page = PageRerun(MAIN_PAGE)
    except Exception as error:  # a page being edited must not hide the other figures
        times = time_calls(floor, repetitions, warmup)
        floor.verify()
        note = f"skipped the main page: its first run failed ({type(error).__name__}: {error})"
        return [Timing("page: floor (same widgets, no charts)", times)], note
    presenter = PageRerun(MAIN_PAGE, {"presenter": "1"})  # issue 5: lighter than the page
    for _ in range(warmup):
        main_page()
        floor()
        presenter()
    gc.collect()
    main_times: list[float] = []
    floor_times: list[float] = []
    presenter_times: list[float] = []
    for _ in range(repetitions):
        for call, sink in ((main_page, main_times), (floor, floor_times),
                           (presenter, presenter_times)):
            start = time.perf_counter()
            call()
            sink.append(time.perf_counter() - start)
    main_page.verify()
    floor.verify()
    presenter.verify()
    return [
        Timing(
            "page: app.py rerun after a slider change",
            main_times,
            f"≤ {PAGE_RATIO_TARGET:g} × floor",
        ),
        Timing("page: floor (same widgets, no charts)", floor_times),
        Timing("page: app.py in presenter mode (presenter=1)", presenter_times,
               "< app.py rerun"),
    ], None


# ----------------------------------------------------------------------------------------
# Report


def report(timings: list[Timing], notes: list[str]) -> str:
    """A plain table of medians (and the 10th and 90th percentiles for the spread)."""
    width = max(len(t.name) for t in timings)
    lines = [
        f"{'what':<{width}}  {'reps':>5}  {'median ms':>9}  {'p10':>8}  {'p90':>8}  target",
        "-" * (width + 48),
    ]
    for t in timings:
        lines.append(
            f"{t.name:<{width}}  {len(t.seconds):>5}  {t.median_ms:>9.3f}  "
            f"{t.quantile_ms(0.1):>8.3f}  {t.quantile_ms(0.9):>8.3f}  {t.target}"
        )
    by_name = {t.name: t for t in timings}
    main_page = next((t for n, t in by_name.items() if n.startswith("page: app.py")), None)
    floor = next((t for n, t in by_name.items() if n.startswith("page: floor")), None)
    model = timings[0]
    lines.append("")
    verdict = "ok" if model.median_ms <= MODEL_TARGET_MS else "OVER TARGET"
    lines.append(
        f"model run median {model.median_ms:.3f} ms (target ≤ {MODEL_TARGET_MS:g} ms): {verdict}"
    )
    if main_page and floor:
        ratio = main_page.median_ms / floor.median_ms
        verdict = "ok" if ratio <= PAGE_RATIO_TARGET else "OVER TARGET"
        lines.append(
            f"main/floor rerun ratio {ratio:.2f}× (target ≤ {PAGE_RATIO_TARGET:g}×): {verdict}"
        )
    lines.extend(notes)
    return "\n".join(lines)


def prepare() -> tempfile.TemporaryDirectory:
    """A private database, the repository on the path, and Streamlit's noise filtered."""
    # The app builds its DuckDB file on first use: give it a private one, so the bench never
    # waits for (or locks) the database of a running server.
    scratch = tempfile.TemporaryDirectory(prefix="klimat-bench-")
    os.environ["KLIMAT_DB"] = str(Path(scratch.name) / "klimat.duckdb")
    os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
    sys.path.insert(0, str(REPO_ROOT))
    os.chdir(REPO_ROOT)  # st.navigation resolves "pages/..." from the working directory
    # AppTest touches st.* outside a script run while it sets up; Streamlit then warns
    # "missing ScriptRunContext" on every rerun, which would drown the table.
    import streamlit.runtime.scriptrunner_utils.script_run_context as context_module

    # A filter, not a level: AppTest resets the loggers' levels on every run.
    logging.getLogger(context_module.__name__).addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )
    return scratch


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the table; exit 0 (targets are reported, not enforced)."""
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (seconds)")
    parser.add_argument("--no-pages", action="store_true", help="only the model")
    args = parser.parse_args(argv)
    model_reps, page_reps, warmup = (300, 15, 3) if args.quick else (3000, 300, 10)

    scratch = prepare()
    started = time.perf_counter()
    timings = bench_model(model_reps, warmup * 10)
    from bench.overview_bench import bench_overview  # all 290 municipalities (issue 13)

    timings.extend(bench_overview(max(model_reps // 30, 10), warmup))
    notes: list[str] = []
    if not args.no_pages:
        page_timings, note = bench_pages(page_reps, warmup)
        timings.extend(page_timings)
        if note:
            notes.append(note)
    if not args.no_pages:  # issue 11: a lever move on the pages and Sök on Vad krävs?
        from bench import page_bench

        page_timings = page_bench.bench(max(page_reps // 10, 8), warmup,
                                        page_bench.QUICK_PAGES if args.quick
                                        else page_bench.PAGES)
        timings.extend(page_timings)
        notes.append(page_bench.report(page_timings).splitlines()[-1])
    from bench import uncertainty_bench  # issue 12: draws and the fan

    timings.extend(uncertainty_bench.bench_draws(model_reps // 30, warmup))
    if not args.no_pages:
        timings.extend(uncertainty_bench.bench_fan_page(page_reps // 5, warmup))
    notes.extend(uncertainty_bench.verdicts(timings))
    notes.append(
        f"total bench time {time.perf_counter() - started:.1f} s "
        f"({'quick' if args.quick else 'full'}; python {sys.version.split()[0]})"
    )
    print(report(timings, notes))
    scratch.cleanup()
    return 0
