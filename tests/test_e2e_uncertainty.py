"""End-to-end in headless Chromium: the uncertainty fan is drawn, follows a lever, and the
tornado opens on request (issue 12)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.conftest import wait_for_app_idle

FAN = '[data-testid="stVegaLiteChart"]'


def test_fan_drawn_moves_with_a_lever_and_tornado_opens(open_app: Callable[[str], Page]) -> None:
    page = open_app("/")
    expect(page.get_by_text("Hur säkra är vi?")).to_be_visible()
    fan = page.locator(FAN).nth(1)
    expect(fan.locator("canvas, svg").first).to_be_visible()
    expect(page.get_by_text("Koldioxidbudgeten tar slut mellan")).to_be_visible()
    before = fan.screenshot()
    shots = os.environ.get("KLIMAT_SCREENSHOTS")  # a folder to keep a picture for review
    if shots:
        fan.screenshot(path=str(Path(shots) / "fan.png"))
    thumb = page.get_by_role("slider", name="Elbilarnas andel av nya bilar 2030")
    thumb.focus()
    thumb.press("End")
    wait_for_app_idle(page)
    expect(thumb).to_have_value("100")
    assert page.locator(FAN).nth(1).screenshot() != before
    page.get_by_text("Vad betyder mest?").click()
    wait_for_app_idle(page)
    expect(page.locator(FAN)).to_have_count(4)
    if shots:
        page.locator(FAN).nth(2).screenshot(path=str(Path(shots) / "tornado.png"))
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)

