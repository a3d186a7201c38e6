"""Two app processes behind HAProxy with users' data in PostgreSQL, in headless Chromium.

One test, one cluster (starting it is most of the cost): a scenario saved in a session on
one process is listed in a session on the other; a workshop's participants on both
processes appear in one facilitator view; killing a process mid-workshop loses no
submission, and its pages come back (on the other process) by themselves, with the
scenario from their address, and the first action on them counts: a lever move changes the
key figure, a click on "Skicka in" submits (ui/reconnect.py; before it, the first action
after the switch did nothing). Each browser context is pinned to a process by HAProxy's
own affinity cookie, as a real visitor would be after the first response.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from deploy.cluster import Cluster
from deploy.haproxy import find_haproxy
from deploy.postgres import free_port
from store import workshops
from tests.conftest import DATA_DIR, in_ci, wait_for_app_idle

PROJECTOR = {"width": 1600, "height": 1000}
PHONE = {"width": 390, "height": 844}
# Generous: the machine running this may be busy; a wait ends as soon as its condition holds.
WAIT_MS = 60_000
FOSSIL = '[data-testid="stMetric"]:has-text("Fossil CO2 år 2030") [data-testid="stMetricValue"]'
ELBILAR = "Elbilarnas andel av nya bilar 2030"
# Counts the page's script runs from now on (the attribute Streamlit sets on its root).
COUNT_RUNS_JS = """() => {
  window.__klimatRuns = 0;
  new MutationObserver((changes) => {
    for (const c of changes) {
      if (c.target.dataset.testScriptState === 'running') window.__klimatRuns += 1;
    }
  }).observe(document.body, {subtree: true, attributes: true,
                             attributeFilter: ['data-test-script-state']});
}"""


@pytest.fixture
def cluster(postgres_url: str) -> Iterator[Cluster]:
    """Two app processes and HAProxy on a free port, users' data in a fresh schema."""
    if find_haproxy() is None:
        message = ("haproxy is not installed, so the cluster test is SKIPPED; install it with "
                   "'apt-get install haproxy' (or run .ci/run as root)")
        if in_ci():
            pytest.fail(message + "; CI=true, so this fails instead.")
        pytest.skip(message)
    state = Path(tempfile.mkdtemp(prefix="klimat-cluster-"))
    from store.database import build_database

    build_database(state / "klimat.duckdb", DATA_DIR)
    running = Cluster(state, processes=2, port=free_port(), bind_address="127.0.0.1",
                      database_url=postgres_url, source_db=state / "klimat.duckdb")
    running.start()
    try:
        yield running
    finally:
        running.stop()
        shutil.rmtree(state, ignore_errors=True)


def _context(browser: Browser, cluster: Cluster, server: str, viewport: dict[str, int]
             ) -> BrowserContext:
    """A browser whose affinity cookie already names ``server`` (app1 or app2)."""
    context = browser.new_context(base_url=cluster.url, viewport=viewport, locale="sv-SE")
    context.add_cookies([{"name": "SERVERID", "value": server, "url": cluster.url}])
    context.set_default_timeout(90_000)
    return context


def _visit(context: BrowserContext, path: str) -> Page:
    """Start loading path; the app's run goes on while the test opens other pages.

    Pages that do not depend on each other load at once: the two app processes and the
    browser's renderers then work side by side instead of one page after the other.
    """
    page = context.new_page()
    page.goto(path)
    return page


def _ready(page: Page, ready: str) -> Page:
    page.wait_for_selector(ready)
    wait_for_app_idle(page, 90_000)
    return page


def _open(context: BrowserContext, path: str, ready: str) -> Page:
    return _ready(_visit(context, path), ready)


def _server_of(page: Page) -> str:
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    return cookies.get("SERVERID", "")


@pytest.mark.slow
def test_two_processes_share_scenarios_and_a_workshop_and_survive_a_crash(
    browser: Browser, cluster: Cluster, postgres_url: str
) -> None:
    # The saver, the facilitator (app1) and the visitor (app2) load at once; each is used
    # below in the same order as before.
    saver = _visit(_context(browser, cluster, "app1", PROJECTOR),
                   "/sparade?v=1&kommun=0780&el_personbilar=80")
    facilitator = _visit(_context(browser, cluster, "app1", PROJECTOR), "/workshop")
    visitor = _visit(_context(browser, cluster, "app2", PROJECTOR),
                     "/?v=1&kommun=0780&el_personbilar=50")

    # A scenario saved through app1 is listed by app2.
    _ready(saver, ".st-key-saved_name")
    saver.locator(".st-key-saved_name input").fill("Sparad i process 1")
    saver.locator(".st-key-saved_submit button").click()
    wait_for_app_idle(saver, 90_000)
    reader = _open(_context(browser, cluster, "app2", PROJECTOR), "/sparade",
                   ".st-key-saved_choice")
    reader.locator(".st-key-saved_choice").get_by_role("combobox").click()
    listed = reader.get_by_role("option", name=re.compile("Sparad i process 1"))
    expect(listed).to_be_visible(timeout=WAIT_MS)
    assert (_server_of(saver), _server_of(reader)) == ("app1", "app2")
    saver.context.close()
    reader.context.close()

    # A workshop: the facilitator on app1, one phone on each process.
    _ready(facilitator, ".st-key-ws_new_name")
    facilitator.get_by_role("textbox", name="Workshopens namn").fill("Arena över processer")
    facilitator.get_by_role("button", name="Starta workshopen").click()
    # The first code box is the participants' address (the facilitator's own link, with its
    # secret, is a second one in a collapsed expander).
    address_box = facilitator.locator('[data-testid="stMain"] [data-testid="stCode"]').first
    expect(address_box).to_contain_text("/workshop?", timeout=WAIT_MS)
    code = str(re.search(r"workshop=([A-Z0-9-]+)", address_box.inner_text()).group(1))
    phones = [_visit(_context(browser, cluster, server, PHONE),
                     f"/workshop?v=1&kommun=0780&workshop={code}&el_personbilar={lever}")
              for server, lever in (("app1", 60), ("app2", 95))]  # both load at once
    for phone, (server, lever) in zip(phones, (("app1", 60), ("app2", 95)), strict=True):
        _ready(phone, ".st-key-ws_participant")
        phone.get_by_role("textbox", name="Deltagare eller bord").fill(f"Bord {server}")
        phone.get_by_role("textbox", name="Scenariots namn").fill(f"Elbilar {lever}")
        phone.get_by_role("button", name="Skicka in scenariot").click()
        expect(phone.get_by_text("är inskickat (version 1)")).to_be_visible(timeout=WAIT_MS)
    assert [_server_of(phone) for phone in phones] == ["app1", "app2"]
    expect(facilitator.get_by_text("Inskick: 2 från 2 deltagare")).to_be_visible(timeout=WAIT_MS)

    # A visitor on the scenario page, also on app2.
    _ready(visitor, FOSSIL)
    assert _server_of(visitor) == "app2"
    survivor = phones[1]

    # app2 dies mid-workshop. Its pages reconnect by themselves and HAProxy sends them to
    # app1 (the affinity cookie changes). There the page asks for a script run at once, so
    # its new session starts from the page's address and widgets before anyone acts.
    for page in (survivor, visitor):
        page.evaluate(COUNT_RUNS_JS)
    cluster.kill_app(2)
    for page in (survivor, visitor):
        page.wait_for_function("document.cookie.includes('SERVERID=app1')", timeout=90_000)
        page.wait_for_function("window.__klimatRuns > 0", timeout=90_000)  # reran by itself
        wait_for_app_idle(page, 90_000)
        assert _server_of(page) == "app1"
    assert "el_personbilar=95" in survivor.url and f"workshop={code}" in survivor.url
    assert "el_personbilar=50" in visitor.url

    # The first lever move after the switch changes the key figure (it used to be undone by
    # the new session's first run reading the address).
    before = visitor.locator(FOSSIL).inner_text()
    thumb = visitor.get_by_role("slider", name=ELBILAR)
    thumb.focus()
    thumb.press("End")
    expect(visitor.locator(FOSSIL)).not_to_have_text(before, timeout=WAIT_MS)
    expect(visitor).to_have_url(re.compile(r"el_personbilar=100"), timeout=WAIT_MS)

    # The first click on the survivor's page submits (it used to reach a session that had
    # never drawn the button, so its callback did not run). The names typed before the
    # crash are still in the form.
    expect(survivor.get_by_text("är inskickat")).to_have_count(0)  # the new session's page
    expect(survivor.get_by_role("textbox", name="Deltagare eller bord")).to_have_value(
        "Bord app2")
    survivor.get_by_role("textbox", name="Scenariots namn").fill("Efter kraschen")
    survivor.get_by_role("button", name="Skicka in scenariot").click()
    expect(survivor.get_by_text("Efter kraschen är inskickat (version 1)")).to_be_visible(
        timeout=WAIT_MS)

    expect(facilitator.get_by_text("Inskick: 3 från 2 deltagare")).to_be_visible(timeout=WAIT_MS)
    stored = workshops.list_submissions(postgres_url, code, latest_only=False)
    assert sorted((s.participant, s.scenario_name, s.levers.get("el_personbilar"))
                  for s in stored) == [("Bord app1", "Elbilar 60", 60.0),
                                       ("Bord app2", "Efter kraschen", 95.0),
                                       ("Bord app2", "Elbilar 95", 95.0)]
    for page in (facilitator, *phones, visitor):
        page.context.close()


# Runs in the serial phase of `make test`, after the parallel one, with the machine to
# itself: PostgreSQL, HAProxy and two app processes with their own timing.
pytestmark = pytest.mark.serial
