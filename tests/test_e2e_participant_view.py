"""In headless Chromium at 390, 1400 and 1920 px: the workshop's participant view keeps the
figures and the levers in sight together, confirms a submission where the thumb is, and a
closed workshop shows one message and no form. And the verdict among the key figures, in a
grid that does not jump when deltas appear."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.conftest import wait_for_app_idle
from tests.test_e2e_axe import violations

PHONE_AGENT = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
               "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")
VIEWPORTS = {390: {"width": 390, "height": 844}, 1400: {"width": 1400, "height": 1000},
             1920: {"width": 1920, "height": 1080}}
FIGURES = ".st-key-pv_figures"
FIGURE_VALUE = '.st-key-pv_figures [data-testid="stMetricValue"]'


@pytest.fixture(scope="module")
def new_page(browser: Browser, app_server: str) -> Iterator[Callable[[int], Page]]:
    """``new_page(width)``: a fresh page (a new session of the app) at one of VIEWPORTS.

    The pages of one width share a browser context, so Streamlit's script files come from
    its cache after the first load (about a third of a load's time); the app keeps nothing
    in cookies or browser storage, so nothing else is shared. Close the page, not its
    context.
    """
    contexts: dict[int, BrowserContext] = {}

    def _page(width: int) -> Page:
        if width not in contexts:
            phone = width < 700
            contexts[width] = browser.new_context(
                base_url=app_server, viewport=VIEWPORTS[width], locale="sv-SE",
                is_mobile=phone, has_touch=phone, user_agent=PHONE_AGENT if phone else None)
            contexts[width].set_default_timeout(90_000)
        return contexts[width].new_page()

    try:
        yield _page
    finally:
        for context in contexts.values():
            context.close()


def _open(page: Page, path: str, ready: str) -> Page:
    page.goto(path)
    page.wait_for_selector(ready)
    wait_for_app_idle(page, 90_000)
    return page


@pytest.fixture(scope="module")
def workshop_code(new_page: Callable[[int], Page]) -> str:
    """A workshop opened by a facilitator in the browser (the server's own database)."""
    page = _open(new_page(1400), "/workshop", ".st-key-ws_new_name")
    page.get_by_role("textbox", name="Workshopens namn").fill("Telefonprov")
    page.get_by_role("button", name="Starta workshopen").click()
    page.wait_for_function("location.search.includes('workshop=')")
    code = page.evaluate("new URLSearchParams(location.search).get('workshop')")
    page.close()
    return str(code)


def _in_view(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"] if page.viewport_size else 0
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= height


def _scroll_main(page: Page, pixels: int) -> None:
    page.locator('[data-testid="stMain"]').evaluate(f"e => e.scrollBy(0, {pixels})")
    page.wait_for_timeout(300)


@pytest.mark.parametrize("width", [390, 1400, 1920])
def test_levers_and_figures_in_sight_and_a_visible_confirmation(
        new_page: Callable[[int], Page], workshop_code: str, width: int,
        tmp_path: Path) -> None:
    path = f"/workshop?v=1&kommun=0780&workshop={workshop_code}&el_personbilar=70"
    page = _open(new_page(width), path, FIGURE_VALUE)
    page.screenshot(path=str(tmp_path / f"participant-{width}-first.png"))
    if width == 390:  # the participant view on a phone passes axe (in the same page load)
        page.wait_for_timeout(800)  # the language script's last pass, as tests/test_e2e_axe.py
        assert violations(page, path) == []
    # No side drawer and no menu to the other pages.
    expect(page.locator('section[data-testid="stSidebar"]')).to_be_hidden(timeout=20_000)
    expect(page.locator('[data-testid="stSidebarNav"]')).to_have_count(0)
    expect(page.get_by_role("link", name="Importera data")).to_have_count(0)
    # The verdict first among the compact figures, and a lever on the same screen.
    expect(page.locator(FIGURE_VALUE).first).to_contain_text("Nej,")
    slider = '.st-key-pv_levers [data-testid="stSlider"]'
    assert _in_view(page, FIGURES) and _in_view(page, slider)
    page.screenshot(path=str(tmp_path / f"participant-{width}-top.png"))
    # Touch targets and text size.
    heights = page.eval_on_selector_all(
        '.st-key-pv_levers [data-testid="stSlider"] [role="group"], '
        '.st-key-participant_view button',
        "els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44, heights
    sizes = page.eval_on_selector_all(
        '.st-key-pv_levers [data-testid="stWidgetLabel"] p, .st-key-pv_submit label p',
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 16, sizes
    # Scrolled down to the form: the figures are still at the top of the screen.
    page.locator(".st-key-ws_participant").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    assert _in_view(page, FIGURES) and _in_view(page, ".st-key-ws_participant")
    page.get_by_role("textbox", name="Deltagare eller bord").fill(f"Bord {width}")
    page.get_by_role("textbox", name="Scenariots namn").fill("Elbilar")
    page.get_by_role("button", name="Skicka in scenariot").click()
    confirmation = page.locator('[data-testid="stAlertContentSuccess"]')
    expect(confirmation).to_contain_text("är inskickat (version 1)")
    wait_for_app_idle(page, 90_000)
    assert _in_view(page, '[data-testid="stAlertContentSuccess"]')  # where the thumb is
    expect(page.locator('[data-testid="stToast"]')).to_be_visible()
    page.screenshot(path=str(tmp_path / f"participant-{width}-submitted.png"))
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1]
    page.close()


def test_a_closed_workshop_shows_one_message_and_no_form(
        new_page: Callable[[int], Page]) -> None:
    facilitator = _open(new_page(1400), "/workshop", ".st-key-ws_new_name")
    facilitator.get_by_role("textbox", name="Workshopens namn").fill("Stängs snart")
    facilitator.get_by_role("button", name="Starta workshopen").click()
    facilitator.wait_for_function("location.search.includes('workshop=')")
    code = facilitator.evaluate("new URLSearchParams(location.search).get('workshop')")
    wait_for_app_idle(facilitator, 90_000)
    phone = _open(new_page(390),
                  f"/workshop?v=1&kommun=0780&workshop={code}", FIGURE_VALUE)
    facilitator.get_by_role("button", name="Stäng för inskick").click()
    expect(facilitator.get_by_role("button", name="Öppna för inskick igen")).to_be_visible()
    phone.get_by_role("textbox", name="Deltagare eller bord").fill("Sen")
    phone.get_by_role("textbox", name="Scenariots namn").fill("Försent")
    phone.get_by_role("button", name="Skicka in scenariot").click()
    message = phone.locator('[data-testid="stAlert"]')
    expect(message).to_have_count(1)
    expect(message).to_contain_text("Ledaren har stängt workshopen för inskick")
    expect(phone.locator('[data-testid="stForm"]')).to_have_count(0)
    expect(phone.locator('[data-testid="stSlider"]')).to_have_count(0)
    assert _in_view(phone, '[data-testid="stAlert"]')
    for page in (facilitator, phone):
        page.close()


def test_the_verdict_among_the_key_figures_in_a_grid_that_does_not_jump(
        new_page: Callable[[int], Page], tmp_path: Path) -> None:
    metric = '[data-testid="stMain"] [data-testid="stMetric"]'
    places: dict[int, list[list[int]]] = {1400: [], 1920: []}
    page = new_page(1400)
    for query in ("/?v=1", "/?v=1&el_personbilar=80&reduktionsplikt_diesel=30"):
        _open(page, query, metric)  # each address a fresh load, so a session of its own
        for width in places:  # the same page at both widths: a resize, not a new load
            page.set_viewport_size(VIEWPORTS[width])
            expect(page.locator(metric)).to_have_count(6)
            first = page.locator(metric).first
            expect(first.locator('[data-testid="stMetricLabel"]')).to_have_text(
                "Fossilbränslefritt 2030")
            expect(first.locator('[data-testid="stMetricValue"]')).to_have_text(
                __import__("re").compile(r"^Nej, [\d\u00a0]+\u00a0t kvar$"))
            page.wait_for_function(  # the grid has taken the new width
                "w => document.documentElement.clientWidth === w", arg=width)
            page.wait_for_timeout(300)
            boxes = page.eval_on_selector_all(
                metric, "els => els.map(e => { const r = e.getBoundingClientRect();"
                        " return [Math.round(r.x), Math.round(r.y)]; })")
            rows = sorted({y for _, y in boxes})
            assert len(rows) == 2 and [y for _, y in boxes].count(rows[0]) == 3, (width, boxes)
            places[width].append([x for x, _ in boxes])
            page.screenshot(path=str(tmp_path / f"key-figures-{width}.png"))
    page.close()
    for width, (before, after) in places.items():
        assert before == after, width  # the deltas did not move any figure sideways
