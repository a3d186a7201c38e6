"""In headless Chromium: the comparison page draws its chart and tables without an error."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from tests.conftest import wait_for_app_idle


def test_comparison_page_renders_chart_and_tables(open_app: Callable[[str], Page]) -> None:
    page = open_app("/jamfor")
    expect(page.get_by_role("heading", name="Jämför scenarier för Växjö")).to_be_visible()
    chart = page.locator('[data-testid="stVegaLiteChart"]')
    expect(chart).to_have_count(1)
    expect(chart.first.locator("canvas, svg").first).to_be_visible()
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(2)
    expect(page.get_by_role("button", name="Jämförelse (Excel)")).to_be_visible()
    # The page's sidebar (app.py) is there too, so the current levers can be moved.
    cars = page.get_by_role("slider", name="Elbilarnas andel av nya bilar 2030")
    expect(cars).to_be_attached()
    before = chart.first.screenshot()
    page.get_by_text("Visa även växthusgaser utan BECCS (streckat)").click()
    wait_for_app_idle(page)
    assert chart.first.screenshot() != before
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator('[data-testid="stAlertContentError"]')).to_have_count(0)

