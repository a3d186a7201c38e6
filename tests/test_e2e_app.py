"""End-to-end in headless Chromium: the real server, the real page, a lever moved by keyboard."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable

from playwright.sync_api import Browser, Page, Playwright, expect

from model import build_municipality_data, reference_levers
from model.scenario import run_scenario
from presentation.formatting import fmt_tonnes
from store.csv_tables import read_csv_tables
from tests.conftest import OPEN_TIMEOUT_MS, wait_for_app_idle

FOSSIL_METRIC = (
    '[data-testid="stMetric"]:has-text("Fossil CO2 år 2030") [data-testid="stMetricValue"]'
)


def _reference_fossil(lang: str) -> str:
    """Växjö's reference fossil CO2 in 2030 as the page shows it (from the model itself)."""
    vaxjo = build_municipality_data(read_csv_tables(), "0780")
    return fmt_tonnes(run_scenario(vaxjo, reference_levers(vaxjo)).kpis.fossil_co2_2030_t, lang)


def _no_errors(page: Page) -> None:
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def _assert_swedish_page_with_charts(page: Page) -> None:
    """The main page in Swedish with its key figure and charts, each tab's chart drawn.

    Checked in the page load of test_the_page_fetches_nothing_from_outside (its own load
    of "/"), so that every tab's chart is also fetched with nothing from outside.
    """
    expect(page.get_by_role("heading", name="Klimatscenarier för Växjö")).to_be_visible()
    expect(page.locator(FOSSIL_METRIC)).to_have_text(_reference_fossil("sv"))
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    expect(charts).to_have_count(2)  # only the open tab runs: trajectory and its fan
    # Drawn on a canvas (presentation/charts.py), named as the SVG was: an image whose name
    # points to the text under it.
    for index in (0, 1):
        expect(charts.nth(index).get_by_role(
            "img", name="Diagram. Vad det visar står i texten under diagrammet.")).to_be_visible()
    for tab in ("Fossilbränslefritt 2030", "Koldioxidbudget"):
        page.get_by_role("tab", name=tab).click()
        wait_for_app_idle(page)
        expect(charts.first.locator("canvas, svg").first).to_be_visible()
    _no_errors(page)


def test_moving_a_lever_changes_the_key_figure_and_keeps_the_sidebar(
    open_app: Callable[[str], Page],
) -> None:
    page = open_app("/")
    before = page.locator(FOSSIL_METRIC).inner_text()
    chart_before = page.locator('[data-testid="stVegaLiteChart"]').first.screenshot()
    thumb = page.get_by_role("slider", name="Elbilarnas andel av nya bilar 2030")
    thumb.focus()
    thumb.press("End")  # 100 % electric car traffic in 2030
    expect(page.locator(FOSSIL_METRIC)).not_to_have_text(before)
    wait_for_app_idle(page)
    expect(thumb).to_have_value("100")
    chart_after = page.locator('[data-testid="stVegaLiteChart"]').first.screenshot()
    assert chart_after != chart_before
    # A second lever still works after the first rerun (the sidebar survives reruns).
    diesel = page.get_by_role(
        "slider", name="Reduktionsplikt diesel 2030 (minskning av livscykelutsläpp)"
    )
    diesel.focus()
    diesel.press("End")
    wait_for_app_idle(page)
    expect(page.locator('[data-testid="stMetric"]:has-text("mot referens")').first).to_be_visible()
    _no_errors(page)


def test_english_switch(open_app: Callable[[str], Page]) -> None:
    page = open_app("/")
    page.get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Climate scenarios for Växjö")).to_be_visible()
    expect(page.locator('[data-testid="stMetric"]:has-text("Fossil CO2 in 2030") '
                        '[data-testid="stMetricValue"]')).to_have_text(_reference_fossil("en"))
    _no_errors(page)


def test_the_page_fetches_nothing_from_outside(browser: Browser, app_server: str) -> None:
    """Workshops run on closed networks: every request goes to the app's own server.

    The same two page loads check the main page in Swedish with its charts (every tab) and
    the data page with its table: one load of each instead of two.
    """
    # A context of its own: nothing may come out of a cache another test filled.
    context = browser.new_context(base_url=app_server, viewport={"width": 1280, "height": 900},
                                  locale="sv-SE")
    context.set_default_timeout(30_000)
    page = context.new_page()
    outside: list[str] = []
    own = (app_server, "data:", "blob:")
    page.on("request", lambda request: None if request.url.startswith(own)
            else outside.append(request.url))
    page.goto("/")
    wait_for_app_idle(page, OPEN_TIMEOUT_MS)
    _assert_swedish_page_with_charts(page)
    page.goto("/data")
    wait_for_app_idle(page, OPEN_TIMEOUT_MS)
    expect(page.get_by_role("heading", name="Data och metod").first).to_be_visible()
    expect(page.locator('[data-testid="stDataFrame"]').first).to_be_visible()
    _no_errors(page)
    context.close()
    assert outside == []


def test_a_page_that_frames_the_app_cannot_control_it(
        playwright_instance: Playwright, chromium_path: str, app_server: str) -> None:
    """Streamlit lets parent frames on its cloud's domains send control messages (disable all
    inputs, stop or rerun the script, change page). The app is never framed by such a host,
    so its allow-list is empty (.streamlit/config.toml, client.allowedOrigins): a page on
    one of those domains that frames a workshop must not freeze the room's levers. (With
    Streamlit's default list, the same message disabled every slider.)

    The empty list also spares the browser a URL-pattern check of 16 domains on every
    message the app posts to itself (about a tenth of the browser's work on a lever move).
    """
    with urllib.request.urlopen(f"{app_server}/_stcore/host-config", timeout=10) as response:
        assert json.load(response)["allowedOrigins"] == []
    # The framer stands for a public page framing a public deployment: Chromium's own
    # block on public pages framing a loopback server is lifted for this browser only.
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_path, headless=True,
        args=["--no-sandbox", "--disable-features=BlockInsecurePrivateNetworkRequests,"
              "PrivateNetworkAccessForNavigations,LocalNetworkAccessChecks"])
    framer = "https://workshop.streamlit.app/"
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
        context.set_default_timeout(30_000)
        context.route(framer, lambda route: route.fulfill(
            content_type="text/html",
            body=f'<iframe src="{app_server}/" style="width:1200px;height:850px"></iframe>'))
        page = context.new_page()
        page.goto(framer)
        slider = page.frame_locator("iframe").get_by_role("slider").first
        expect(slider).to_be_enabled(timeout=30_000)  # the app's first run, under load
        page.evaluate("""() => document.querySelector('iframe').contentWindow.postMessage(
            {stCommVersion: 1, type: 'SET_INPUTS_DISABLED', disabled: true}, '*')""")
        page.wait_for_timeout(1500)
        expect(slider).to_be_enabled()
    finally:
        browser.close()
