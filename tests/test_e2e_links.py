"""In headless Chromium: a link round trip, the address following a lever, Back, a bad link."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import Browser, Page, expect

from model import build_municipality_data, reference_levers, run_scenario
from presentation.formatting import fmt_tonnes
from store.csv_tables import read_csv_tables
from tests.conftest import wait_for_app_idle

FOSSIL_METRIC = (
    '[data-testid="stMetric"]:has-text("Fossil CO2 år 2030") [data-testid="stMetricValue"]'
)
LINK = ("/?v=1&kommun=0780&el_personbilar=80&reduktionsplikt_diesel=30&fossilfria_bussar=100"
        "&utfasning_olja=90")


def _expected_fossil(**values: float) -> str:
    vaxjo = build_municipality_data(read_csv_tables(), "0780")
    result = run_scenario(vaxjo, reference_levers(vaxjo).with_values(**values))
    return fmt_tonnes(result.kpis.fossil_co2_2030_t, "sv")


def _query(page: Page) -> dict[str, str]:
    # page.url can miss the app's history.pushState; the document's location does not.
    return dict(parse_qsl(urlsplit(page.evaluate("location.href")).query))


def test_a_link_opens_the_same_scenario_and_the_address_follows_a_lever(
    open_app: Callable[[str], Page], browser: Browser, app_server: str
) -> None:
    page = open_app(LINK)
    first = _expected_fossil(el_personbilar=80, reduktionsplikt_diesel=30, fossilfria_bussar=100,
                             utfasning_olja=90)
    expect(page.locator(FOSSIL_METRIC)).to_have_text(first)
    expect(page.get_by_text("Länken kunde inte läsas")).to_have_count(0)

    thumb = page.get_by_role("slider", name="Elbilarnas andel av nya bilar 2030")
    thumb.focus()
    thumb.press("End")  # every new car electric in 2030
    page.wait_for_function("location.search.includes('el_personbilar=100')")
    wait_for_app_idle(page)
    moved = _expected_fossil(el_personbilar=100, reduktionsplikt_diesel=30,
                             fossilfria_bussar=100, utfasning_olja=90)
    expect(page.locator(FOSSIL_METRIC)).to_have_text(moved)
    assert _query(page) == {"v": "1", "kommun": "0780", "el_personbilar": "100",
                            "reduktionsplikt_diesel": "30", "fossilfria_bussar": "100",
                            "utfasning_olja": "90"}

    # The copy-link box holds the same address; another browser opens it to the same figure.
    page.get_by_text("Dela scenariot").click()
    shared = page.locator('[data-testid="stCode"]').first.inner_text().replace("\n", "")
    assert shared.startswith(app_server) and dict(parse_qsl(urlsplit(shared).query)) == _query(
        page)
    other = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    try:
        fresh = other.new_page()
        fresh.goto(shared)
        wait_for_app_idle(fresh)
        expect(fresh.locator(FOSSIL_METRIC)).to_have_text(moved)
        expect(fresh.get_by_role("slider", name="Elbilarnas andel av nya bilar 2030")
               ).to_have_value("100")
    finally:
        other.close()

    # Every lever move is a browser history entry: Back steps back to the link's scenario.
    page.go_back()
    page.wait_for_function("location.search.includes('el_personbilar=80')")
    wait_for_app_idle(page)
    expect(thumb).to_have_value("80")
    expect(page.locator(FOSSIL_METRIC)).to_have_text(first)


def test_a_bad_link_shows_a_notice_and_the_reference(open_app: Callable[[str], Page]) -> None:
    page = open_app("/?v=1&el_personbilar=500&okand=%3Cb%3Ehej%3C%2Fb%3E")
    notice = page.locator('[data-testid="stAlert"]').filter(has_text="Länken kunde inte läsas")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("el_personbilar: 500 ligger utanför")
    expect(notice).to_contain_text("Okänd parameter okand (= <b>hej</b>)")  # shown, not bold
    expect(notice.locator("b")).to_have_count(0)
    expect(page.locator(FOSSIL_METRIC)).to_have_text(_expected_fossil())
    page.wait_for_function("!location.search.includes('okand')")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
