"""In headless Chromium: pick a municipality by typing, the Sverige page, and its link."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import Browser, Page, expect

from tests.conftest import wait_for_app_idle


def _no_errors(page: Page) -> None:
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def choose_municipality(page: Page, typed: str, option: str) -> None:
    """Type into the picker (it filters the 290), then pick the option."""
    box = page.get_by_role("combobox", name="Kommun", exact=True)
    box.click()
    page.keyboard.type(typed)
    page.get_by_role("option", name=option).click(timeout=30_000)
    wait_for_app_idle(page)


def test_picker_searches_by_code_and_name(open_app: Callable[[str], Page]) -> None:
    page = open_app("/")
    choose_municipality(page, "2584", "Norrbottens län – Kiruna (2584)")
    expect(page.get_by_role("heading", name="Klimatscenarier för Kiruna")).to_be_visible()
    page.wait_for_function("location.search.includes('kommun=2584')")
    choose_municipality(page, "Alvesta", "Kronobergs län – Alvesta (0764)")
    expect(page.get_by_role("heading", name="Klimatscenarier för Alvesta")).to_be_visible()
    _no_errors(page)


def test_sverige_page_and_its_link_open_a_municipality_with_the_levers(
    open_app: Callable[[str], Page], browser: Browser, app_server: str
) -> None:
    page = open_app("/sverige?v=1&kommun=0780&el_personbilar=70")
    # The first visit stacks the 290 municipalities' base data: allow for a busy machine.
    expect(page.get_by_role("heading", name="Sverige: alla 290 kommuner")).to_be_visible(
        timeout=60_000)
    expect(page.locator('[data-testid="stDataFrame"]')).to_be_visible(timeout=60_000)
    expect(page.locator('[data-testid="stVegaLiteChart"] canvas, '
                        '[data-testid="stVegaLiteChart"] svg').first).to_be_visible()
    page.get_by_label("Sök kommun eller län").fill("Ljungby")
    page.keyboard.press("Enter")
    wait_for_app_idle(page)
    link = page.get_by_role("link", name="Öppna Ljungby i scenariot")
    expect(link).to_be_visible(timeout=30_000)
    href = link.get_attribute("href") or ""
    assert dict(parse_qsl(urlsplit(href).query)) == {"v": "1", "kommun": "0781",
                                                      "el_personbilar": "70"}
    other = browser.new_context(base_url=app_server, viewport={"width": 1280, "height": 900})
    try:
        opened = other.new_page()
        opened.goto(href)
        wait_for_app_idle(opened)
        expect(opened.get_by_role("heading", name="Klimatscenarier för Ljungby")).to_be_visible()
        # The lever came with the link: the address keeps it (only levers that differ).
        opened.wait_for_function("location.search.includes('el_personbilar=70')")
        assert dict(parse_qsl(urlsplit(opened.evaluate("location.href")).query))[
            "kommun"] == "0781"
        _no_errors(opened)
    finally:
        other.close()
    _no_errors(page)

