"""Shared fixtures: a built DuckDB per test, a Streamlit server and headless Chromium.

Why it looks like this:

* Everything a test writes lives under pytest's tmp_path, and each pytest-xdist worker
  starts its own Streamlit server on its own free port, so ``pytest -n 2`` is safe.
* Browser tests use the system Chromium (/usr/bin/chromium; Playwright's own browser
  download is not available). Locally they skip when it is missing; with ``CI=true``
  they fail instead, so CI can never pass by silently skipping them.
* Any test that uses ``page``, ``browser``, ``open_app`` or ``app_server`` is marked
  ``e2e`` automatically, so ``pytest -m "not e2e"`` runs the fast tiers only.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from store.database import build_database

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright

# app.py shows visitors a plain message for a page's error; AppTest tests need the error.
os.environ.setdefault("KLIMAT_RAISE_PAGE_ERRORS", "1")

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT / "data"
CHROMIUM_DEFAULT = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT_S = 60.0
E2E_FIXTURES = frozenset({"page", "browser", "open_app", "app_server", "playwright_instance",
                          "shared_context"})


def _scan_components_once() -> None:
    """Scan the installed packages for Streamlit components once per test process.

    Every new AppTest scans the metadata of every installed package (about 0.8 s, most of
    a short AppTest's cost); the installed packages do not change during a test run.
    """
    from streamlit.components.v2 import manifest_scanner

    original = manifest_scanner.scan_component_manifests
    found: list = []

    def scan_once(max_workers: int | None = None) -> list:
        if not found:
            found.append(original(max_workers))
        return list(found[0])

    manifest_scanner.scan_component_manifests = scan_once


_scan_components_once()


def in_ci() -> bool:
    """True when running under CI (env CI=true), where missing tools must fail, not skip."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives the browser or the server as ``e2e``."""
    for item in items:
        if E2E_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.e2e)


def _heavy(item: pytest.Item) -> bool:
    return bool(item.get_closest_marker("e2e") or item.get_closest_marker("slow"))


def heavy_first_in_each_half(items: list[pytest.Item]) -> list[pytest.Item]:
    """The order for ``-n 2 --dist worksteal``: each half of the list starts with about half
    of the heavy tests (``e2e`` or ``slow``) and ends with quick ones.

    Worksteal gives the first worker the first half of the list and the second worker the
    rest, and an idle worker later takes the last half of the other's queue. In file order
    every browser test sat in the first half (841 quick text tests close the list), so the
    second worker ran out of work early and the two finished by stealing browser tests of
    10-50 s each; now what is left to steal at the end is quick.

    A module whose tests are all heavy is dealt out test by test (its tests stay in order
    within each half); a module with only some heavy tests moves whole to the half with
    fewer heavy tests, so its module fixtures are still set up once per worker.
    """
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    halves: tuple[list[pytest.Item], list[pytest.Item]] = ([], [])
    light: list[pytest.Item] = []
    dealt = 0
    for module_items in modules.values():
        heavy = [item for item in module_items if _heavy(item)]
        if not heavy:
            light.extend(module_items)
        elif len(heavy) == len(module_items):
            for item in module_items:
                halves[dealt % 2].append(item)
                dealt += 1
        else:
            lighter = min(halves, key=lambda half: sum(map(_heavy, half)))
            lighter.extend(module_items)
    if not light or not (halves[0] or halves[1]):
        return items
    first, second = halves
    quick_in_first = max(0, len(items) // 2 - len(first))
    return first + light[:quick_in_first] + second + light[quick_in_first:]


class _WorkstealOrder:
    """Reorders the collected tests after ``-m`` has deselected (see heavy_first_in_each_half)."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        items[:] = heavy_first_in_each_half(items)


def pytest_configure(config: pytest.Config) -> None:
    """Register the order only where xdist runs the tests (its workers collect them)."""
    if hasattr(config, "workerinput"):
        config.pluginmanager.register(_WorkstealOrder(), "klimat-worksteal-order")


# --------------------------------------------------------------------------------------
# Database


def _forget_shared_values() -> None:
    """Empty the app's process-wide caches (ui/shared_cache.py and Streamlit's own)."""
    import streamlit as st

    from ui.shared_cache import clear_all

    clear_all()
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture(scope="module")
def app_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """KLIMAT_DB pointing at a fresh database file for one module's AppTest runs.

    The app builds it from data/ on its first run; the previous value is restored after.
    Use with ``pytestmark = pytest.mark.usefixtures("app_database")``.
    """
    path = tmp_path_factory.mktemp("db") / "klimat.duckdb"
    previous = os.environ.get("KLIMAT_DB")
    os.environ["KLIMAT_DB"] = str(path)
    # The tables a previous module loaded are shared for the whole process: without this
    # the app would keep them, never build this module's file, and a page that writes to
    # the store (a workshop) would find no database there.
    _forget_shared_values()
    yield path
    _forget_shared_values()
    if previous is None:
        os.environ.pop("KLIMAT_DB", None)
    else:
        os.environ["KLIMAT_DB"] = previous


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    """A DuckDB built from the real data/ in this test's tmp_path."""
    db_path = tmp_path / "klimat.duckdb"
    build_database(db_path, DATA_DIR)
    return db_path


# --------------------------------------------------------------------------------------
# Streamlit server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _log_tail(log_path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log_path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# How the tests start the app: as `make run` does, through the launcher that keeps the first
# visits out of Streamlit's pages-folder mode (ui/server.py).
APP_LAUNCH = [sys.executable, "-m", "ui.server"]


def start_app(workdir: Path, db_path: Path,
              launch: list[str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start the app on a free loopback port with KLIMAT_DB = db_path; (process, base URL).

    Fails the test with the server's log when it does not become healthy.
    """
    env = {
        **os.environ,
        "KLIMAT_DB": str(db_path),
        "PYTHONUNBUFFERED": "1",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
    }
    log_path = workdir / "streamlit.log"
    for _attempt in range(3):  # a free port can be taken between probing and binding
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        command = [
            *(launch or APP_LAUNCH),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            # Others edit the tree while tests run: the server must not rerun on their saves.
            "--server.fileWatcherType",
            "none",
        ]
        with log_path.open("ab") as log:
            process = subprocess.Popen(
                command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while time.monotonic() < deadline and process.poll() is None:
            if _healthy(base_url):
                break
            time.sleep(0.2)
        if process.poll() is None and _healthy(base_url):
            return process, base_url
        _stop(process)
        if "already in use" not in _log_tail(log_path):
            pytest.fail(
                f"Streamlit did not become healthy at {base_url} within "
                f"{SERVER_START_TIMEOUT_S:.0f} s. Log {log_path}:\n{_log_tail(log_path)}"
            )
    pytest.fail(f"Streamlit found no free port. Log {log_path}:\n{_log_tail(log_path)}")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the app (``python -m ui.server``) on a free port, with KLIMAT_DB on a tmp db."""
    if not (REPO_ROOT / "app.py").is_file():
        pytest.fail(f"{REPO_ROOT / 'app.py'} does not exist: there is no app to test")
    workdir = tmp_path_factory.mktemp("app_server")
    db_path = workdir / "klimat.duckdb"
    build_database(db_path, DATA_DIR)
    process, base_url = start_app(workdir, db_path)
    try:
        yield base_url
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# --------------------------------------------------------------------------------------
# Browser


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path to Chromium (env CHROMIUM_PATH or /usr/bin/chromium); skip or, in CI, fail."""
    path = os.environ.get("CHROMIUM_PATH", CHROMIUM_DEFAULT)
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    message = (
        f"Chromium not found at {path}: browser tests need it. "
        "Install it with 'apt-get install chromium' (or run .ci/run as root)."
    )
    if in_ci():
        pytest.fail(message + " CI=true, so this fails instead of skipping.")
    pytest.skip(message)


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    """One Playwright driver per worker process."""
    from playwright.sync_api import expect, sync_playwright

    # Assertions retry for 15 s, not Playwright's 5 s: a rerun on the 2-core CI machine with
    # two workers and their browsers can take longer than 5 s to draw.
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        yield playwright


# Every context the tests open asks for reduced motion (the CSS media feature, a user's own
# setting): Streamlit then draws no running animations and skeleton shimmers while a page
# loads. Headless Chromium paints each of their frames in software; with them a page load
# cost about 13 s of CPU (half in the GPU process), without them about 7 s, and a first
# load's wall time fell by half on a busy machine. What the tests check (text, layout,
# audits, addresses) does not depend on those animations.
CONTEXT_DEFAULTS = {"reduced_motion": "reduce"}


def _reduced_motion_contexts(browser: Browser) -> None:
    """Give every ``browser.new_context(...)`` CONTEXT_DEFAULTS unless a test says otherwise."""
    new_context = browser.new_context

    def with_defaults(**options: object) -> BrowserContext:
        return new_context(**{**CONTEXT_DEFAULTS, **options})

    browser.new_context = with_defaults  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def browser(chromium_path: str, playwright_instance: Playwright) -> Iterator[Browser]:
    """Headless system Chromium, shared by the tests of one worker (reduced motion)."""
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
    )
    _reduced_motion_contexts(browser)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture(scope="session")
def shared_context(browser: Browser, app_server: str) -> Iterator[BrowserContext]:
    """One browser context per worker for the ``page`` fixture's pages.

    Each test still gets a page of its own, so a fresh Streamlit session: only the HTTP
    cache is shared, so that Streamlit's script files (about 130 of them) are fetched and
    compiled once per worker instead of on every page load (about a third of a load's time).
    The app keeps nothing in cookies or browser storage; a test that must see every request
    (tests/test_e2e_app.py) opens a context of its own.
    """
    context = browser.new_context(
        base_url=app_server, viewport={"width": 1280, "height": 900}, locale="sv-SE"
    )
    context.set_default_timeout(30_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(shared_context: BrowserContext) -> Iterator[Page]:
    """A fresh page (a new session of the app) per test; relative URLs go to the app server."""
    page = shared_context.new_page()
    try:
        yield page
    finally:
        page.close()


# Fonts loaded (icons are a web font), every element drawn and every visible Vega-Lite
# chart drawn. Idle for IDLE_QUIET_MS without a break: a run that ends in a rerun (a link
# written, a callback) shows "notRunning" for a moment between the two runs, and a page read
# in that moment misses the figures of the second run (seen in CI on a loaded machine).
# Every element: the frontend loads each element type's code on first use and shows a
# placeholder (stSkeleton) until then; on a loaded machine a first page's sliders came
# 10-20 s after the script state said "notRunning", so a key press meant for them waited
# for the locator's timeout.
IDLE_QUIET_MS = 500
_PAGE_SETTLED_JS = """(quiet) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const idle = !!app && app.dataset.testScriptState === 'notRunning'
    && app.dataset.testConnectionState === 'CONNECTED';
  const now = performance.now();
  if (!idle) { window.__klimatIdleSince = null; return false; }
  if (window.__klimatIdleSince == null) window.__klimatIdleSince = now;
  return now - window.__klimatIdleSince >= quiet && document.fonts.status === 'loaded' &&
    !document.querySelector('[data-testid="stSkeleton"]') &&
    [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
      .every(el => el.offsetParent === null || el.querySelector('canvas, svg'));
}"""


def wait_for_app_idle(page: Page, timeout_ms: float = 30_000) -> None:
    """Wait until Streamlit has connected, finished its script runs (idle for half a second
    without a break) and drawn its elements and charts.

    Without the last part a screenshot may catch icons as empty boxes or a blank chart, and
    a widget may not exist yet to take a click or a key press.
    """
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]'
        '[data-test-connection-state="CONNECTED"]',
        timeout=timeout_ms,
    )
    page.evaluate("window.__klimatIdleSince = null")
    page.wait_for_function(_PAGE_SETTLED_JS, arg=IDLE_QUIET_MS, timeout=timeout_ms,
                           polling=50)


# A page's first load draws every element type's code once: on a loaded machine that took
# 10-20 s after the script run itself, more than wait_for_app_idle's default allows.
OPEN_TIMEOUT_MS = 60_000


@pytest.fixture
def open_app(page: Page) -> Callable[[str], Page]:
    """``open_app("/?lever=1")`` loads a URL of the app and waits until it is idle."""

    def _open(path: str = "/") -> Page:
        page.goto(path)
        wait_for_app_idle(page, OPEN_TIMEOUT_MS)
        return page

    return _open


# --------------------------------------------------------------------------------------
# PostgreSQL (the users' store on a server; tests/postgres_fixtures.py)

from tests.postgres_fixtures import postgres_server, postgres_url, users_db  # noqa: E402, F401
