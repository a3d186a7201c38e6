"""What a person waits for in Chromium: a lever move until the page is idle, and "Sök" on
"Vad krävs?" until the answer is drawn, against the floor page (the same sidebar widgets,
no model, no charts) served the same way, and against each page's own floor: its own
widgets, captured in AppTest just before (bench/floor_widgets.py), drawn by the floor page.

The app runs as deployed (``python -m ui.server``, bench/load_server.py), the floor page
under ``streamlit run bench/floor_page.py`` with the same options; both on loopback, each
with its own temporary database. Headless Chromium (Playwright, ``CHROMIUM_PATH`` or
/usr/bin/chromium) opens each page, and every measurement is:

* a lever move: the el_personbilar slider gets a key press (a new value each time), and the
  clock runs until Streamlit has finished the run the move started and every visible chart
  is drawn (two animation frames after the last ``notRunning``, with no new run for
  ``QUIET_MS`` afterwards). The slider's own debounce in the frontend is included: it is
  what a person waits for, on the floor page too.
* Sök: a click on the search button, until the run is over and the answer (a green or red
  box) is on the page. Before each search a lever moves, so the solver really runs.

The pages are visited in turn (floor, main page, Vad krävs?, …) for each repetition, so all
of them see the same machine load; medians are reported, and the ratio to the floor.

    python -m bench.browser_timing            ≈ 2 minutes
    python -m bench.browser_timing --quick    ≈ 40 s
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench import floor_widgets
from bench.load_server import AppServer, load_average

REPO_ROOT = Path(__file__).resolve().parents[1]
FLOOR_SCRIPT = Path(__file__).resolve().parent / "floor_page.py"
CHROMIUM_DEFAULT = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking"]
SLIDER_LABEL = "Elbilarnas andel av nya bilar 2030"
QUIET_MS = 400
LEVER_RATIO_TARGET = 1.5
SEARCH_TARGET_S = 0.5

# Installed once per page load: every change of Streamlit's script state, with its time and,
# for the end of a run, the time of the second animation frame after it (the page painted).
_OBSERVER_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__runs = [];
  new MutationObserver(() => {
    const entry = {state: app.dataset.testScriptState, at: performance.now(), painted: null};
    window.__runs.push(entry);
    if (entry.state === 'notRunning') {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        entry.painted = performance.now();
      }));
    }
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""

# True once a run that started after `since` has ended and been painted, nothing ran for
# `quiet` ms since, every visible chart has its canvas or svg and `selector` (if any) is there.
_DONE_JS = """([since, quiet, selector]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const runs = window.__runs.filter(entry => entry.at > since);
  if (!runs.some(entry => entry.state === 'running')) return false;
  const last = runs[runs.length - 1];
  if (last.state !== 'notRunning' || last.painted === null) return false;
  if (app.dataset.testScriptState !== 'notRunning') return false;
  if (performance.now() - last.at < quiet) return false;
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  if (!charts.every(el => el.offsetParent === null || el.querySelector('canvas, svg')))
    return false;
  return !selector || !!document.querySelector(selector);
}"""


@dataclass
class Series:
    """Seconds of one kind of wait on one page."""

    name: str
    seconds: list[float] = field(default_factory=list)

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")


class FloorServer(AppServer):
    """The floor page, served like the app (same options, config and loopback)."""

    needs_database = False  # the floor page draws widgets only

    def command(self, port: int) -> list[str]:
        return [sys.executable, "-m", "streamlit", "run", str(FLOOR_SCRIPT),
                "--server.headless", "true", "--server.port", str(port),
                "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
                *(part for name, value in self.options.items() for part in (f"--{name}", value))]

    def start(self) -> str:
        os.environ.setdefault("PYTHONPATH", str(REPO_ROOT))  # floor_page imports model/
        return super().start()


def _wait_done(page, since: float, selector: str | None = None, timeout_ms: float = 60_000
               ) -> float:
    """Seconds from `since` (performance.now() in the page) to the painted end of the run."""
    page.wait_for_function(_DONE_JS, arg=[since, QUIET_MS, selector], timeout=timeout_ms,
                           polling=20)
    painted = page.evaluate("window.__runs[window.__runs.length - 1].painted")
    return (painted - since) / 1000.0


class Visit:
    """One browser tab on one page of one server."""

    def __init__(self, browser, base_url: str, path: str, name: str,
                 reduced_motion: bool = False) -> None:
        self.name = name
        self.context = browser.new_context(base_url=base_url,
                                           viewport={"width": 1280, "height": 900},
                                           locale="sv-SE",
                                           reduced_motion="reduce" if reduced_motion else None)
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)
        self.page.goto(path)
        self.page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]'
                                    '[data-test-connection-state="CONNECTED"]')
        self.page.evaluate(_OBSERVER_JS)
        time.sleep(1.0)
        self.thumb = self.page.get_by_role("slider", name=SLIDER_LABEL)
        self.thumb.scroll_into_view_if_needed()
        self.direction = "ArrowRight"
        self.lever = Series(f"{name}: lever move")
        self.search = Series(f"{name}: Sök")

    def move_lever(self, keep: bool = True) -> float:
        """One step of the slider (back and forth between its ends), until idle."""
        # Streamlit 1.67's slider is an <input type="range">: value, min and max (it has no
        # aria-valuenow; read as 0, every press went right and stuck at the top, where a
        # press starts no run and the wait timed out).
        value, low, high = self.thumb.evaluate(
            "e => [e.value ?? e.getAttribute('aria-valuenow'),"
            " e.min ?? e.getAttribute('aria-valuemin'), e.max ?? e.getAttribute('aria-valuemax')]")
        value, low, high = float(value or 0), float(low or 0), float(high or 100)
        if value >= high:
            self.direction = "ArrowLeft"
        elif value <= low:
            self.direction = "ArrowRight"
        self.page.bring_to_front()  # a tab in the background gets no animation frames
        since = self.page.evaluate("performance.now()")
        self.thumb.press(self.direction)
        try:
            seconds = _wait_done(self.page, since, timeout_ms=20_000)
        except PlaywrightTimeout:  # the press was lost (seen once in 100): not a measurement
            since = self.page.evaluate("performance.now()")
            self.thumb.press(self.direction)
            seconds = _wait_done(self.page, since)
        if keep:
            self.lever.seconds.append(seconds)
        return seconds

    def click_search(self) -> float:
        """A lever move first (a new search), then Sök until the answer is drawn."""
        self.move_lever(keep=False)
        button = self.page.locator(".st-key-dec_search button")
        self.page.bring_to_front()
        since = self.page.evaluate("performance.now()")
        button.click()
        seconds = _wait_done(self.page, since, '[data-testid="stAlertContentSuccess"], '
                             '[data-testid="stAlertContentError"]')
        self.search.seconds.append(seconds)
        return seconds

    def close(self) -> None:
        self.context.close()


OWN_FLOORS = {"main": "pages/scenario.py", "decision": "pages/beslutsstod.py"}


def save_own_floors(folder: Path) -> None:
    """The main page's and Vad krävs?'s widgets, captured in AppTest, where the floor server
    reads them (the database is the one KLIMAT_DB names, as for the app's own tests)."""
    from bench import page_bench

    page_bench._use_pages_as_a_server_does()
    specs = {}
    for name, page in OWN_FLOORS.items():
        rerun = page_bench.AppPageRerun(page, name)
        rerun()  # after a lever move, as the page is measured
        specs[name] = floor_widgets.capture(rerun.app_test)
    path = folder / "floor_specs.json"
    floor_widgets.save(specs, path)
    os.environ[floor_widgets.SPECS_ENV] = str(path)


def run(repetitions: int, chromium: str, app_url: str | None = None,
        warmups: int = 2, reduced_motion: bool = False) -> tuple[list[Series], str]:
    """Start the servers and the browser, and time every page in turn.

    app_url: an app server that already runs (the tests' own, started the same way) instead
    of a new one. warmups: lever moves per page (and one search) before measuring; the first
    runs load specs and fill caches, which a smoke test need not wait for. reduced_motion:
    pages that ask for it draw no running animations (cheaper for a smoke test; a person's
    browser usually draws them, so the benchmark does by default).
    """
    import tempfile

    from playwright.sync_api import sync_playwright

    with ExitStack() as stack:
        if app_url is None:
            app_url = stack.enter_context(AppServer()).base_url
        save_own_floors(Path(stack.enter_context(tempfile.TemporaryDirectory())))
        floor = stack.enter_context(FloorServer())
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                             args=CHROMIUM_ARGS)
        load_before = load_average()
        param = floor_widgets.FLOOR_PARAM
        visits = [Visit(browser, floor.base_url, "/", "floor page", reduced_motion),
                  Visit(browser, floor.base_url, f"/?{param}=main", "main page: own floor",
                        reduced_motion),
                  Visit(browser, app_url, "/", "main page", reduced_motion),
                  Visit(browser, floor.base_url, f"/?{param}=decision",
                        "Vad krävs?: own floor", reduced_motion),
                  Visit(browser, app_url, "/beslutsstod", "Vad krävs?", reduced_motion)]
        decision = visits[4]
        for visit in visits:  # warm: the first runs load specs and fill caches
            for _ in range(warmups):
                visit.move_lever(keep=False)
        if warmups:
            decision.click_search()
            decision.search.seconds.clear()
        for _ in range(repetitions):
            for visit in visits:
                visit.move_lever()
            decision.click_search()
        # After a search the answer is on the page (stale after a move): lever moves again,
        # beside the floor and the page's own floor.
        after = Series("Vad krävs? after Sök: lever move")
        for _ in range(repetitions):
            visits[0].move_lever()
            visits[3].move_lever()
            after.seconds.append(decision.move_lever(keep=False))
        series = [v.lever for v in visits] + [after, decision.search]
        for visit in visits:
            visit.close()
        browser.close()
        load = f"load average {load_before} before, {load_average()} after"
    return series, load


def own_floor(series: list[Series], name: str) -> Series | None:
    """The own floor a lever move is held to ("main page: own floor" for "main page: …",
    Vad krävs?'s for its moves after a search too)."""
    page = name.split(":")[0].removesuffix(" after Sök")
    return next((s for s in series if s.name == f"{page}: own floor: lever move"), None)


def report(series: list[Series], load: str) -> str:
    """Medians, the spread and the ratios to the floor page and to the page's own floor."""
    floor = series[0].median_s
    lines = [f"{'what':<36} {'n':>3} {'median s':>9} {'min':>6} {'max':>6} {'÷ floor':>8} "
             f"{'÷ own':>6}"]
    for s in series:
        ratio = "" if "Sök" in s.name and "after" not in s.name else f"{s.median_s / floor:.2f}×"
        own = own_floor(series, s.name) if "own floor" not in s.name else None
        mine = f"{s.median_s / own.median_s:.2f}×" if own and ratio else ""
        lines.append(f"{s.name:<36} {len(s.seconds):>3} {s.median_s:>9.3f} "
                     f"{min(s.seconds):>6.3f} {max(s.seconds):>6.3f} {ratio:>8} {mine:>6}")
    lines.append("")
    for s in series[1:-1]:
        own = own_floor(series, s.name)
        if own is None or "own floor" in s.name:
            continue
        ratio = s.median_s / own.median_s
        verdict = "ok" if ratio <= LEVER_RATIO_TARGET else "OVER TARGET"
        lines.append(f"{s.name}: {ratio:.2f}× its own floor, {s.median_s / floor:.2f}× the "
                     f"common floor (target ≤ {LEVER_RATIO_TARGET:g}×): {verdict}")
    search = series[-1].median_s
    verdict = "ok" if search <= SEARCH_TARGET_S else "OVER TARGET"
    lines.append(f"Sök: {search:.2f} s (target ≤ {SEARCH_TARGET_S:g} s): {verdict}")
    lines.append(load)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Time, print the table; exit 0 (targets are reported, not enforced)."""
    parser = argparse.ArgumentParser(prog="python -m bench.browser_timing", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--repetitions", type=int, default=None)
    args = parser.parse_args(argv)
    repetitions = args.repetitions or (4 if args.quick else 12)
    chromium = os.environ.get("CHROMIUM_PATH", CHROMIUM_DEFAULT)
    if not Path(chromium).is_file():
        print(f"no Chromium at {chromium} (set CHROMIUM_PATH)", file=sys.stderr)
        return 2
    from bench.model_bench import prepare

    scratch = prepare()  # a private database for the AppTest runs that capture own floors
    started = time.perf_counter()
    series, load = run(repetitions, chromium)
    scratch.cleanup()
    print(report(series, load))
    print(f"total {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
