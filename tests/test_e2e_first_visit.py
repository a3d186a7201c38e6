"""The first visits after a server start: the room joins the moment the facilitator starts it.

Each round starts a fresh server (as ``make run`` does, through ui/server.py) and opens two
deep links at once as its very first visits: a shared scenario link and the facilitator's
workshop link, each with a lever of its own. Both must come up as the app: our navigation
(never Streamlit's old pages-folder list of file names), the sidebar's levers, the link's
lever value, and for the facilitator the workshop with its controls.

A participant's workshop link shows no sidebar on purpose (ui/participant_view.py: the
levers are in the page); tests/test_e2e_participant_view.py covers that view.

Round 1 opens the links in Chromium; the other rounds open them as two websocket clients
speaking Streamlit's protocol (bench/load_client.py), which see the same navigation,
sliders and buttons the server sends: what goes wrong on a first visit is decided on the
server, and a browser costs ten times the server's CPU per visit (7.5-12 min for ten
browser rounds on a busy machine).

Readiness is waited for on what the visitor sees, never on the script state alone: the
frontend reports "not running" before it has drawn every element (lazily loaded widget code
on a busy machine), so a count taken at that moment could be short.
"""

from __future__ import annotations

import asyncio
import queue
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from bench.load_client import StreamlitSession
from model.data import build_municipality_data
from model.levers import LEVER_SPECS
from model.paths import reference_levers
from presentation.links import FACILITATOR_KEY_PARAM
from store.csv_tables import read_csv_tables
from store.database import build_database
from store.workshops import start_workshop
from tests.conftest import DATA_DIR, _stop, start_app

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROUNDS = 10
# A first visit draws in a few seconds on a quiet machine; a busy one took up to 50 s.
VISIT_TIMEOUT_MS = 90_000
SIDEBAR_SLIDERS = '[data-testid="stSidebar"] [data-testid="stSlider"]'
# Page file names as Streamlit's pages-folder mode lists them in its navigation.
FOLDER_MODE_NAMES = {"app", "beslutsstod", "data och metod", "jamfor", "sparade", "workshop"}
# Our navigation's titles (Swedish): what the pages-folder mode never shows.
OUR_TITLES = ("Scenario", "Data och metod", "Vad krävs?")


def _linked_levers() -> list[tuple[str, str, float]]:
    """Two levers (id, Swedish label) and values that differ from Växjö's reference."""
    vaxjo = build_municipality_data(read_csv_tables(DATA_DIR), "0780")
    reference = reference_levers(vaxjo).as_dict()
    found = []
    for spec in LEVER_SPECS:
        value = round(reference[spec.id] + 2 * spec.step, 6)
        if spec.min <= value <= spec.max:
            found.append((spec.id, spec.label_sv, value))
    assert len(found) >= 2, "fewer than two levers can move up from their reference"
    return found[:2]


def _open_together(browser: Browser, base_url: str, paths: list[str]) -> list[Page]:
    """Open the paths in separate browser contexts (separate visitors) at the same time."""
    pages = []
    for path in paths:
        context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900},
                                      locale="sv-SE")
        context.set_default_timeout(VISIT_TIMEOUT_MS)
        page = context.new_page()
        page.goto(path, wait_until="commit")
        pages.append(page)
    return pages


def _assert_is_the_app(page: Page, round_no: int, label: str, value: float) -> None:
    """Our navigation, the sidebar's levers and the link's value for one lever."""
    nav = page.locator('[data-testid="stSidebarNav"]')
    for title in OUR_TITLES:
        expect(nav.get_by_text(title, exact=True)).to_be_attached(timeout=VISIT_TIMEOUT_MS)
    entries = {line.strip() for line in nav.inner_text().splitlines()}
    assert not entries & FOLDER_MODE_NAMES, f"round {round_no}: pages-folder navigation: {entries}"
    thumb = page.locator('[data-testid="stSidebar"]').get_by_role("slider", name=label,
                                                                  include_hidden=True)
    expect(thumb, f"round {round_no}: the link's {label} in {page.url}").to_have_value(
        f"{value:g}", timeout=VISIT_TIMEOUT_MS)
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel).length >= n",
                           arg=[SIDEBAR_SLIDERS, len(LEVER_SPECS) - 2], polling=200)


def _assert_is_the_workshop(facilitator: Page) -> None:
    main = facilitator.locator('[data-testid="stMain"]')
    wait = {"timeout": VISIT_TIMEOUT_MS}
    expect(main.get_by_text("Första besöket").first).to_be_attached(**wait)
    # The facilitator's own controls: the token was accepted on the first visit.
    expect(main.get_by_role("button", name="Stäng för inskick")).to_be_attached(**wait)


def _links(db_path: Path) -> tuple[list[str], list[tuple[str, str, float]]]:
    """A database with a workshop; the scenario and facilitator links, their levers."""
    build_database(db_path, DATA_DIR)
    workshop, token = start_workshop(db_path, "Första besöket", "0780", "Växjö")
    levers = _linked_levers()
    (lever_a, _, value_a), (lever_b, _, value_b) = levers
    return [f"/?v=1&kommun=0780&{lever_a}={value_a:g}",
            f"/workshop?v=1&kommun=0780&workshop={workshop.code}"
            f"&{FACILITATOR_KEY_PARAM}={token}&{lever_b}={value_b:g}"], levers


async def _visit_by_protocol(base_url: str, link: str, lever_id: str, value: float
                            ) -> StreamlitSession:
    """One first visit as a websocket client: the address's page and query, one run."""
    path, _, query = link.partition("?")
    session = StreamlitSession(base_url, timeout_s=VISIT_TIMEOUT_MS / 1000)
    session.page_name, session.query_string = path.strip("/"), query
    await session.connect()
    try:
        result = await session.load()
        assert result.ok, f"{link}: {result.status} {result.exceptions}"
        slider = session.widget_by_key(f"lever_{lever_id}")
        assert slider is not None, f"{link}: no slider for {lever_id}"
        assert slider.state.double_array_value.data[0] == pytest.approx(value), link
    finally:
        await session.close()
    return session


def _visit_together(base_url: str, links: list[str],
                    levers: list[tuple[str, str, float]]) -> list[StreamlitSession]:
    """The links at once as clients of their own, each with its link's lever checked."""
    async def all_of_them() -> list[StreamlitSession]:
        return await asyncio.gather(*(
            _visit_by_protocol(base_url, link, lever_id, value)
            for link, (lever_id, _, value) in zip(links, levers, strict=True)))

    # Its own thread: Playwright's sync API may keep an event loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, all_of_them()).result()


def _assert_is_the_app_by_protocol(session: StreamlitSession, round_no: int) -> None:
    """Our navigation (not the old mode's file names) and the sidebar's levers."""
    # Case kept: the old mode's names are the file names ("data_och_metod", "app").
    titles = set(session.navigation_titles)
    assert not titles & (FOLDER_MODE_NAMES | {"data_och_metod"}), f"round {round_no}"
    assert set(OUR_TITLES) <= titles, session.navigation_titles
    assert len(session.sliders("lever_")) >= len(LEVER_SPECS) - 2, f"round {round_no}"


def _first_visits_by_protocol(base_url: str, links: list[str],
                              levers: list[tuple[str, str, float]], round_no: int) -> None:
    """Both links at once as two clients; each must be the app with the link's scenario."""
    scenario, facilitator = _visit_together(base_url, links, levers)
    for session in (scenario, facilitator):
        _assert_is_the_app_by_protocol(session, round_no)
    assert "Stäng för inskick" in facilitator.button_labels, facilitator.button_labels


def _protocol_round(tmp_path: Path, db_path: Path, links: list[str],
                    levers: list[tuple[str, str, float]], round_no: int) -> float:
    """One round by protocol: a fresh server of its own, both links at once; seconds taken."""
    workdir = tmp_path / f"round{round_no}"
    workdir.mkdir()
    process, base_url = start_app(workdir, db_path)
    started = time.monotonic()
    try:
        _first_visits_by_protocol(base_url, links, levers, round_no)
        return time.monotonic() - started
    finally:
        _stop(process)


# Serial phase of `make test`: it asserts no time, but its rounds start two servers at a
# time, each a busy core for 7-9 s; beside a worker's browser tests on a 2-core CI machine the
# first visits' waits would be at the mercy of the load. It stays with the machine to itself.
@pytest.mark.serial
@pytest.mark.skipif(sys.platform != "linux", reason="starts servers on loopback")
def test_every_first_visit_after_a_start_is_the_app(browser: Browser, tmp_path: Path) -> None:
    """Ten rounds, each on a fresh server of its own. Two rounds run at a time (a server's
    start is one busy core for 7-9 s, and CI has two): round 1 in Chromium in this thread,
    rounds 2-10 by protocol, taken one after the other by a second thread and, once round 1
    is done, by this one too. Each server still gets only its own round's two visitors."""
    db_path = tmp_path / "klimat.duckdb"
    links, levers = _links(db_path)
    pending = queue.SimpleQueue()
    for round_no in range(2, ROUNDS + 1):
        pending.put(round_no)
    timings: dict[int, float] = {}

    def take_rounds() -> None:
        while True:
            try:
                round_no = pending.get_nowait()
            except queue.Empty:
                return
            timings[round_no] = _protocol_round(tmp_path, db_path, links, levers, round_no)

    with ThreadPoolExecutor(max_workers=1) as other:
        beside = other.submit(take_rounds)
        try:
            workdir = tmp_path / "round1"
            workdir.mkdir()
            process, base_url = start_app(workdir, db_path)
            started = time.monotonic()
            try:
                pages = _open_together(browser, base_url, links)
                for page, (_, label, value) in zip(pages, levers, strict=True):
                    _assert_is_the_app(page, 1, label, value)
                _assert_is_the_workshop(pages[1])
                for page in pages:
                    page.context.close()
                timings[1] = time.monotonic() - started
            finally:
                _stop(process)
            take_rounds()
        finally:
            while True:  # on a failure here, the other thread starts no new round
                try:
                    pending.get_nowait()
                except queue.Empty:
                    break
            beside.result()
    assert sorted(timings) == list(range(1, ROUNDS + 1))
    print("first visits drawn after",
          ", ".join(f"{timings[n]:.1f}" for n in sorted(timings)), "s")


# In the parallel phase: one server start and no timing. By protocol, as rounds 2-10 above:
# the old mode is chosen on the server, and three Chromium pages cost 40 s of a worker.
@pytest.mark.skipif(sys.platform != "linux", reason="starts servers on loopback")
@pytest.mark.xfail(strict=False, reason=(
    "issue 11: the pages-folder race is fixed (3 of 3 broken before, 0 of 6 after), but without "
    "ui.server's warm-up the first sessions import the app's modules at the same time and one "
    "in about three starts fails with a partially initialised module (ImportError from "
    "model.scenario, KeyError 'model'); make run and the cluster warm before the port opens"))
def test_first_visits_under_a_plain_streamlit_run_are_the_app(tmp_path: Path) -> None:
    """`streamlit run app.py` (no ui.server): three first visits at once, one a page's own
    address, each restart their first run as the app (ui/pages_folder.py). Before, another
    session's run could switch the old mode off under a run already inside it."""
    db_path = tmp_path / "klimat.duckdb"
    links, levers = _links(db_path)
    lever_id, _, value = levers[0]
    links.append(f"/beslutsstod?v=1&kommun=0780&{lever_id}={value:g}")
    levers.append(levers[0])
    process, base_url = start_app(tmp_path, db_path,
                                  launch=[sys.executable, "-m", "streamlit", "run", "app.py"])
    try:
        sessions = _visit_together(base_url, links, levers)
    finally:
        _stop(process)
    for session in sessions:
        _assert_is_the_app_by_protocol(session, 1)
    assert "Stäng för inskick" in sessions[1].button_labels, sessions[1].button_labels
    assert sessions[2].page_title == "Vad krävs?", sessions[2].page_title
