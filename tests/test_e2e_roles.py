"""In headless Chromium (issue 10): roles in a workshop, from separate browser contexts.

A participant's address with ``facilitator=1`` added shows no facilitator control and no
other participant's name; the facilitator link does; a forged key is refused; a second
device using a taken name is refused; a hidden submission leaves the room's chart and the
big-screen picker. The projector's address bar never shows the facilitator key.
"""

from __future__ import annotations

import secrets

from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.conftest import wait_for_app_idle
from tests.test_e2e_workshop import PHONE, PHONE_AGENT, PROJECTOR

CLOSE = "Stäng för inskick"
WAIT_MS = 60_000  # the machine is shared: a cold start or a busy minute takes a while


def _open(page: Page, path: str, ready: str) -> Page:
    page.set_default_timeout(WAIT_MS)
    page.goto(path)
    page.wait_for_selector(ready, timeout=WAIT_MS)
    wait_for_app_idle(page, WAIT_MS)
    return page


def _choose(page: Page, key: str, option: str) -> None:
    """Pick an option in a selectbox (retried: a click during a panel refresh may miss)."""
    for _attempt in range(4):
        page.locator(f".st-key-{key}").get_by_role("combobox").click()
        try:
            page.get_by_role("option", name=option).click(timeout=3_000)
            return
        except Exception:  # noqa: BLE001 - the panel redrew under the click; try again
            page.keyboard.press("Escape")
    raise AssertionError(f"could not choose {option!r} in {key}")


def _context(browser: Browser, app_server: str, viewport: dict[str, int],
             phone: bool = False) -> BrowserContext:
    """One context per kind of device: its pages share the HTTP cache (Streamlit's script
    files load once), each page is still a session of its own, and the app keeps nothing in
    cookies or browser storage (roles live in the session and the address)."""
    context = browser.new_context(base_url=app_server, viewport=viewport, locale="sv-SE",
                                  is_mobile=phone, has_touch=phone,
                                  user_agent=PHONE_AGENT if phone else None)
    context.set_default_timeout(30_000)
    return context


def test_roles_names_and_moderation_in_the_browser(browser: Browser, app_server: str) -> None:
    # Every page but the facilitator's closes once its checks are done: open pages (a second
    # facilitator panel refreshes every 4 s) slow the server and the browser for the rest.
    screens = _context(browser, app_server, PROJECTOR)
    phones = _context(browser, app_server, PHONE, phone=True)
    facilitator = _open(screens.new_page(), "/workshop", ".st-key-ws_new_name")
    facilitator.get_by_role("textbox", name="Workshopens namn").fill("Roller i rummet")
    facilitator.get_by_role("button", name="Starta workshopen").click()
    address_box = facilitator.locator('[data-testid="stMain"] [data-testid="stCode"]').first
    expect(address_box).to_contain_text("/workshop?", timeout=WAIT_MS)
    wait_for_app_idle(facilitator, WAIT_MS)
    address = address_box.inner_text().replace("\n", "")
    assert "facilitator" not in facilitator.url  # the projected address bar
    facilitator.get_by_text("Ledarlänk (visa den inte på storskärmen)").click()
    link_box = facilitator.locator('[data-testid="stMain"] [data-testid="stExpander"] '
                                   '[data-testid="stCode"]')
    expect(link_box).to_contain_text("facilitator_key=", timeout=WAIT_MS)
    facilitator_link = link_box.inner_text().replace("\n", "")

    owner = _open(phones.new_page(), f"{address}&el_personbilar=70", ".st-key-ws_participant")
    owner.get_by_role("textbox", name="Deltagare eller bord").fill("Bord 1")
    owner.get_by_role("textbox", name="Scenariots namn").fill("Elbilar")
    owner.get_by_role("button", name="Skicka in scenariot").click()
    expect(owner.get_by_text("är inskickat (version 1)")).to_be_visible(timeout=WAIT_MS)
    owner.close()

    # A participant's address with facilitator=1: no control, no one else's name.
    intruder = _open(screens.new_page(), f"{address}&facilitator=1", ".st-key-ws_participant")
    expect(intruder.get_by_role("button", name=CLOSE)).to_have_count(0, timeout=WAIT_MS)
    expect(intruder.get_by_text("Bord 1")).to_have_count(0, timeout=WAIT_MS)
    expect(intruder.get_by_role("button", name="Öppna som ledare")).to_have_count(0)
    intruder.close()

    # A forged key: refused, participant view.
    forged = _open(screens.new_page(),
                   f"{address}&facilitator_key={secrets.token_urlsafe(24)}",
                   ".st-key-ws_participant")
    expect(forged.get_by_text("Ledarlänken gäller inte")).to_be_visible(timeout=WAIT_MS)
    expect(forged.get_by_role("button", name=CLOSE)).to_have_count(0, timeout=WAIT_MS)
    forged.close()

    # The facilitator link on a second screen: the panel, and the key leaves the address.
    second = _open(screens.new_page(), facilitator_link, ".st-key-ws_close")
    expect(second.get_by_text("Inskick: 1 från 1 deltagare")).to_be_visible(timeout=WAIT_MS)
    assert "facilitator_key" not in second.url
    second.close()

    # Another device under the same name (other case): refused.
    thief = _open(phones.new_page(), f"{address}&el_personbilar=0", ".st-key-ws_participant")
    thief.get_by_role("textbox", name="Deltagare eller bord").fill("bord 1")
    thief.get_by_role("textbox", name="Scenariots namn").fill("Elbilar")
    thief.get_by_role("button", name="Skicka in scenariot").click()
    expect(thief.get_by_text("används redan av en annan deltagare")).to_be_visible(timeout=WAIT_MS)
    phones.close()

    # Hide Bord 1: it leaves the chart and the big-screen picker.
    # The chart draws on a canvas: its description under it names the lines.
    expect(facilitator.locator('[data-testid="stVegaLiteChart"]')).to_have_count(1)
    expect(facilitator.locator('[data-testid="stCaptionContainer"]',
                               has_text="lägst Bord 1 · Elbilar")).to_be_visible(timeout=WAIT_MS)
    wait_for_app_idle(facilitator, WAIT_MS)
    _choose(facilitator, "ws_hide_choice", "Bord 1 · Elbilar")
    hide = facilitator.get_by_role("button", name="Dölj", exact=True)
    expect(hide).to_be_enabled(timeout=WAIT_MS)  # enabled once the choice has reached the server
    hide.click()
    expect(facilitator.get_by_text("Inskicket är dolt för rummet")).to_be_visible(timeout=WAIT_MS)
    # It was the only one: no chart line and nothing to put on the big screen.
    expect(facilitator.get_by_text("Inskick: 0 från 0 deltagare")).to_be_visible(timeout=WAIT_MS)
    expect(facilitator.locator('[data-testid="stVegaLiteChart"]')).to_have_count(0, timeout=WAIT_MS)
    expect(facilitator.locator(".st-key-ws_show_choice")).to_have_count(0, timeout=WAIT_MS)
    screens.close()
