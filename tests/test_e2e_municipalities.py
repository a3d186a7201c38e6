"""In headless Chromium: switch municipality, upload an SMHI file, open the new municipality.

The upload test adds a municipality, so it runs against its own server and database (the
shared app_server stays as other tests expect it: Växjö and Alvesta only).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from model import build_municipality_data, reference_levers, run_scenario
from presentation.formatting import fmt_tonnes
from store.csv_tables import read_csv_tables
from store.database import build_database
from tests import import_fixtures as ifx
from tests.conftest import DATA_DIR, REPO_ROOT, _free_port, _healthy, _stop, wait_for_app_idle

FOSSIL_METRIC = (
    '[data-testid="stMetric"]:has-text("Fossil CO2 år 2030") [data-testid="stMetricValue"]'
)


def _no_errors(page: Page) -> None:
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def _choose_municipality(page: Page, option: str, typed: str = "") -> None:
    page.get_by_role("combobox", name="Kommun", exact=True).click()
    if typed:  # 290 options: type to filter, as a user would
        page.keyboard.type(typed)
    page.get_by_role("option", name=option).click()
    wait_for_app_idle(page)


def test_switching_municipality_changes_the_figures(open_app: Callable[[str], Page]) -> None:
    page = open_app("/")
    expect(page.get_by_role("heading", name="Klimatscenarier för Växjö")).to_be_visible()
    vaxjo = page.locator(FOSSIL_METRIC).inner_text()
    _choose_municipality(page, "Kronobergs län – Alvesta (0764)", "Alvesta")
    expect(page.get_by_role("heading", name="Klimatscenarier för Alvesta")).to_be_visible()
    alvesta = build_municipality_data(read_csv_tables(), "0764")
    expected = run_scenario(alvesta, reference_levers(alvesta)).kpis.fossil_co2_2030_t
    expect(page.locator(FOSSIL_METRIC)).to_have_text(fmt_tonnes(expected, "sv"))
    assert page.locator(FOSSIL_METRIC).inner_text() != vaxjo
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Bio-CCS (BECCS)").click()
    expect(sidebar.get_by_text("Ingen känd anläggning för bio-CCS i Alvesta")).to_be_visible()
    _no_errors(page)


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server of its own: the test below imports a municipality into its database."""
    workdir = tmp_path_factory.mktemp("import_server")
    db_path = workdir / "klimat.duckdb"
    build_database(db_path, DATA_DIR)
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "KLIMAT_DB": str(db_path), "STREAMLIT_BROWSER_GATHER_USAGE_STATS":
           "false"}
    with (workdir / "streamlit.log").open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.fileWatcherType", "none"],
            cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None and not _healthy(base_url):
        time.sleep(0.2)
    if not _healthy(base_url):
        _stop(process)
        pytest.fail(f"the import test's server did not start; see {workdir / 'streamlit.log'}")
    try:
        yield base_url
    finally:
        _stop(process)


def test_upload_import_and_open_the_new_municipality(browser: Browser, own_server: str,
                                                     tmp_path: Path) -> None:
    context = browser.new_context(base_url=own_server, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        page.goto("/importera")
        wait_for_app_idle(page)
        expect(page.get_by_role("heading", name="Importera data från SMHI")).to_be_visible()
        path = ifx.write_ghg(tmp_path)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
        expect(page.get_by_role("heading", name="Det här sparas")).to_be_visible()
        wait_for_app_idle(page)
        # All 290 ship: the import replaces Kalmar's figures, which must be confirmed first.
        import_button = page.get_by_role("button", name="Importera")
        expect(import_button).to_be_disabled()
        page.locator(".st-key-import_confirm_replace label").click()
        wait_for_app_idle(page)
        expect(import_button).to_be_enabled()
        import_button.click()
        # Storing, then reloading the 290 municipalities' tables: allow for a busy machine.
        expect(page.get_by_text("Importerat: Växthusgaser totalt för")).to_be_visible(
            timeout=30_000)
        wait_for_app_idle(page)
        # Kalmar is shipped: the import replaces its figures and says so per municipality.
        changes = page.locator('[data-testid="stDataFrame"]').last
        expect(changes).to_be_visible()
        _choose_municipality(page, "Kalmar län – Kalmar (0880)", "0880")
        page.get_by_role("link", name="Scenario").first.click()
        wait_for_app_idle(page)
        expect(page.get_by_role("heading", name="Klimatscenarier för Kalmar")).to_be_visible()
        per_capita = page.locator('[data-testid="stMetric"]:has-text("Per invånare 2030") '
                                  '[data-testid="stMetricValue"]')
        expect(per_capita).not_to_have_text("saknas")  # SCB's population is shipped
        _no_errors(page)
    finally:
        context.close()
