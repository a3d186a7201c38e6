"""The first visits after a server start: the room joins the moment the facilitator starts it.

Each round starts a fresh server (as ``make run`` does, through ui/server.py) and opens two
deep links at once as its very first visits: a scenario link and a workshop link. Every
one must come up as the app (our navigation, the sidebar's levers, the link's scenario),
never in Streamlit's old pages-folder mode (file names in the navigation, no levers).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from model.data import build_municipality_data
from model.levers import LEVER_SPECS
from model.paths import reference_levers
from store.csv_tables import read_csv_tables
from store.database import build_database
from store.workshops import create_workshop
from tests.conftest import DATA_DIR, _stop, start_app

# Serial phase of `make test` (the machine to itself): ten fresh server starts, timed.
pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.serial]

ROUNDS = 10
SIDEBAR_SLIDERS = '[data-testid="stSidebar"] [data-testid="stSlider"]'
# Page file names as Streamlit's pages-folder mode lists them in its navigation.
FOLDER_MODE_NAMES = {"app", "beslutsstod", "data och metod", "jamfor", "sparade"}


def _linked_lever() -> tuple[str, str, float]:
    """A lever (id, Swedish label) and a value that differs from Växjö's reference."""
    vaxjo = build_municipality_data(read_csv_tables(DATA_DIR), "0780")
    reference = reference_levers(vaxjo).as_dict()
    for spec in LEVER_SPECS:
        value = reference[spec.id] + 2 * spec.step
        if spec.min <= value <= spec.max:
            return spec.id, spec.label_sv, round(value, 6)
    raise AssertionError("no lever can move up from its reference")


def _open_together(browser: Browser, base_url: str, paths: list[str]) -> list[Page]:
    """Open the paths in separate browser contexts at the same time; each page when idle."""
    pages = []
    for path in paths:
        context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900},
                                      locale="sv-SE")
        context.set_default_timeout(60_000)  # a fresh server on a busy machine
        page = context.new_page()
        page.goto(path, wait_until="commit")
        pages.append(page)
    for page in pages:
        page.wait_for_selector(f"{SIDEBAR_SLIDERS} >> nth=0", state="attached")
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]'
                               '[data-test-connection-state="CONNECTED"]')
    return pages


def _assert_is_the_app(page: Page, round_no: int) -> None:
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    entries = {line.strip() for line in nav.splitlines()}
    assert not entries & FOLDER_MODE_NAMES, f"round {round_no}: pages-folder navigation: {nav!r}"
    sliders = page.locator(SIDEBAR_SLIDERS).count()
    assert sliders >= len(LEVER_SPECS) - 2, (
        f"round {round_no}: {sliders} levers in the sidebar of {page.url}")


@pytest.mark.skipif(sys.platform != "linux", reason="starts servers on loopback")
@pytest.mark.xfail(strict=False, reason=(
    "issue 11 open: in one of ten rounds on a quiet machine (2026-11-29) a first visit showed "
    "no sidebar levers within 60 s; cause not yet found"))
def test_every_first_visit_after_a_start_is_the_app(
    browser: Browser, tmp_path: Path
) -> None:
    db_path = tmp_path / "klimat.duckdb"
    build_database(db_path, DATA_DIR)
    workshop = create_workshop(db_path, "Första besöket", "0780", "Växjö")
    lever_id, label, value = _linked_lever()
    scenario_link = f"/?v=1&kommun=0780&{lever_id}={value:g}"
    workshop_link = f"/workshop?v=1&kommun=0780&workshop={workshop.code}"
    for round_no in range(1, ROUNDS + 1):
        process, base_url = start_app(tmp_path, db_path)
        try:
            scenario, room = _open_together(browser, base_url, [scenario_link, workshop_link])
            for page in (scenario, room):
                _assert_is_the_app(page, round_no)
            thumb = scenario.get_by_role("slider", name=label, include_hidden=True)
            assert float(thumb.input_value()) == value, (
                f"round {round_no}: the link's {lever_id}={value:g} was not applied")
            assert "Första besöket" in room.locator('[data-testid="stMain"]').inner_text(), (
                f"round {round_no}: the workshop link did not open the workshop")
            for page in (scenario, room):
                page.context.close()
        finally:
            _stop(process)
