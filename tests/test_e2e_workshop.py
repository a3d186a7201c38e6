"""In headless Chromium: presenter mode on a projector and a phone, and a workshop with a
facilitator and two participants' phones at once (separate browser contexts)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.conftest import wait_for_app_idle

PROJECTOR = {"width": 1920, "height": 1080}
PHONE = {"width": 390, "height": 844}
PHONE_AGENT = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
               "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")
FIGURE_VALUES = '.st-key-presenter_figures [data-testid="stMetricValue"]'


def _context_page(browser: Browser, app_server: str, viewport: dict[str, int],
                  phone: bool = False) -> Page:
    context = browser.new_context(base_url=app_server, viewport=viewport, locale="sv-SE",
                                  is_mobile=phone, has_touch=phone,
                                  user_agent=PHONE_AGENT if phone else None)
    context.set_default_timeout(30_000)
    return context.new_page()


def _open(page: Page, path: str, ready: str) -> Page:
    """Go to path and wait for the selector ready (a fresh page reports an idle script
    before its first run has started), then for the run to finish."""
    page.goto(path)
    page.wait_for_selector(ready)
    wait_for_app_idle(page)
    return page


def _no_overflow(page: Page) -> None:
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the page is wider than the screen: {widths}"


def _font_px(page: Page, selector: str) -> list[float]:
    return page.eval_on_selector_all(
        selector, "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")


def test_presenter_mode_reads_from_the_back_of_the_room(browser: Browser, app_server: str,
                                                        tmp_path: Path) -> None:
    page = _open(_context_page(browser, app_server, PROJECTOR),
                 "/?v=1&presenter=1&el_personbilar=80", FIGURE_VALUES)
    page.screenshot(path=str(tmp_path / "presenter-1920.png"))
    _no_overflow(page)
    assert min(_font_px(page, FIGURE_VALUES)) >= 56  # about 70 px
    assert len(_font_px(page, FIGURE_VALUES)) == 3
    labels = '.st-key-presenter_figures [data-testid="stMetricLabel"] p'
    assert min(_font_px(page, labels)) >= 22
    expect(page.locator('section[data-testid="stSidebar"]')).to_be_hidden()
    chart = page.locator('[data-testid="stVegaLiteChart"]')
    expect(chart).to_have_count(1)
    box = chart.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PROJECTOR["height"]  # no scrolling
    # Back to the normal view from the page.
    page.get_by_role("button", name="Avsluta presentationsläget").click()
    page.wait_for_function("!location.search.includes('presenter')")
    wait_for_app_idle(page)
    expect(page.get_by_role("button", name="Presentationsläge")).to_be_visible()
    page.context.close()

    phone = _open(_context_page(browser, app_server, PHONE, phone=True), "/?v=1&presenter=1",
                  FIGURE_VALUES)
    phone.screenshot(path=str(tmp_path / "presenter-390.png"), full_page=True)
    _no_overflow(phone)
    assert min(_font_px(phone, FIGURE_VALUES)) >= 32
    phone.context.close()


def test_a_facilitator_and_two_phones(browser: Browser, app_server: str, tmp_path: Path) -> None:
    facilitator = _open(_context_page(browser, app_server, PROJECTOR), "/workshop",
                        ".st-key-ws_new_name")
    facilitator.get_by_role("textbox", name="Workshopens namn").fill("Arena i webbläsaren")
    facilitator.get_by_role("button", name="Starta workshopen").click()
    # The first code box is the participants' address (the facilitator link is in a
    # collapsed expander below it).
    address_box = facilitator.locator('[data-testid="stMain"] [data-testid="stCode"]').first
    expect(address_box).to_contain_text("/workshop?")
    wait_for_app_idle(facilitator)
    expect(facilitator.locator('[data-testid="stImage"] img')).to_be_visible()  # the QR code
    address = address_box.inner_text().replace("\n", "")
    assert address.startswith(app_server + "/workshop?v=1&kommun=0780&workshop=")

    phones = []
    for table, lever in (("Bord 1", 60), ("Bord 2", 95)):
        phone = _open(_context_page(browser, app_server, PHONE, phone=True),
                      f"{address}&el_personbilar={lever}", ".st-key-ws_participant")
        expect(phone.get_by_text("Arena i webbläsaren")).to_be_visible()
        phone.get_by_role("textbox", name="Deltagare eller bord").fill(table)
        phone.get_by_role("textbox", name="Scenariots namn").fill(f"Elbilar {lever}")
        phones.append(phone)
    for phone in phones:  # both send at (nearly) the same moment
        phone.get_by_role("button", name="Skicka in scenariot").click()
    for i, phone in enumerate(phones):
        expect(phone.get_by_text("är inskickat (version 1)")).to_be_visible()
        wait_for_app_idle(phone)
        _no_overflow(phone)
        phone.screenshot(path=str(tmp_path / f"participant-{i}.png"), full_page=True)

    # The panel refreshes by itself (a fragment every few seconds): no reload here.
    expect(facilitator.get_by_text("Inskick: 2 från 2 deltagare")).to_be_visible(timeout=20_000)
    wait_for_app_idle(facilitator)
    # Both lines in the chart (the text under it names the legend's entries) and both in
    # the big-screen picker (the key-figure table is drawn on a canvas).
    expect(facilitator.locator('[data-testid="stVegaLiteChart"]')).to_be_visible()
    chart_text = facilitator.locator('[data-testid="stMain"] p').filter(
        has_text="Bord 1 · Elbilar 60").filter(has_text="Bord 2 · Elbilar 95")
    expect(chart_text.first).to_be_visible()
    options = facilitator.get_by_role("option")
    for _attempt in range(3):  # a click that lands while the panel refreshes may not open it
        facilitator.locator(".st-key-ws_show_choice").get_by_role("combobox").click()
        try:
            expect(options.first).to_be_visible(timeout=3_000)
            break
        except AssertionError:
            continue
    expect(options).to_have_text(["Bord 1 · Elbilar 60", "Bord 2 · Elbilar 95"])
    facilitator.keyboard.press("Escape")
    _no_overflow(facilitator)
    facilitator.screenshot(path=str(tmp_path / "facilitator.png"))
    for page in (facilitator, *phones):
        page.context.close()
