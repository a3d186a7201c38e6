"""In headless Chromium: a solver answer applied on top of the user's own levers (issue 11).

As a new user would: Elbilar to 95 % on the scenario page, then 'Vad krävs?', the budget
goal, Sök, 'Använd inställningarna'. The scenario page must then show the scenario the
answer promised: the user's lever kept (or moved further), the budget lasting to 2050,
and the address saying the same.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import Page, expect

from model import build_municipality_data, reference_levers, run_scenario
from model.solver import solve
from store.csv_tables import read_csv_tables
from tests.conftest import wait_for_app_idle

# The solver's search and a page switch take a few seconds; more on a loaded 2-core machine.
SLOW_MS = 90_000
CARS = "Elbilarnas andel av nya bilar 2030"
BUDGET_METRIC = (
    '[data-testid="stMetric"]:has-text("Budgeten tar slut") [data-testid="stMetricValue"]'
)


def _query(page: Page) -> dict[str, str]:
    # page.url can miss the app's history.pushState; the document's location does not.
    return dict(parse_qsl(urlsplit(page.evaluate("location.href")).query))


def test_applying_an_answer_on_top_of_the_users_lever_reaches_the_promised_goal(
    open_app: Callable[[str], Page],
) -> None:
    vaxjo = build_municipality_data(read_csv_tables(), "0780")
    mine = reference_levers(vaxjo).with_values(el_personbilar=95.0)
    answer = solve(vaxjo, mine, "budget")
    assert answer.reached and answer.moves

    page = open_app("/")  # idle: every element drawn, so the slider takes the keys
    thumb = page.get_by_role("slider", name=CARS)
    expect(thumb).to_have_value(f"{reference_levers(vaxjo).el_personbilar:g}")
    # 100 %, then five steps back: 95 %. The presses come faster than the runs they start,
    # so a rerun can carry the address from before the previous run's write arrived: the
    # app must keep the move all the same (ui/scenario_state.py, not a Back step).
    thumb.press("End")
    expect(thumb).to_have_value("100")
    page.wait_for_function("location.search.includes('el_personbilar=100')", timeout=SLOW_MS)
    for _ in range(5):
        thumb.press("ArrowLeft")
    expect(thumb).to_have_value("95")
    page.wait_for_function("location.search.includes('el_personbilar=95')", timeout=SLOW_MS)
    wait_for_app_idle(page, SLOW_MS)
    expect(thumb).to_have_value("95")  # no later run took a move back

    page.get_by_role("link", name="Vad krävs?").click()
    expect(page.get_by_role("heading", name="Vad krävs?").first).to_be_visible()
    wait_for_app_idle(page, SLOW_MS)
    page.get_by_text("Koldioxidbudgeten räcker till 2050", exact=True).click()
    wait_for_app_idle(page, SLOW_MS)
    page.get_by_role("button", name="Sök", exact=True).and_(
        page.get_by_test_id("stBaseButton-primary")).click()
    expect(page.get_by_text("Målet nås.", exact=False).first).to_be_visible(timeout=SLOW_MS)
    wait_for_app_idle(page, SLOW_MS)
    page.get_by_role("button", name="Använd inställningarna", exact=True).click()

    expect(page.get_by_role("heading", name="Klimatscenarier för Växjö")).to_be_visible(
        timeout=SLOW_MS)
    wait_for_app_idle(page, SLOW_MS)
    expect(page.locator(BUDGET_METRIC)).to_have_text("Inte före 2050")
    expect(page.get_by_role("slider", name=CARS)).to_have_value(
        f"{answer.levers.el_personbilar:g}")
    query = _query(page)
    applied = reference_levers(vaxjo).with_values(**{
        k: float(v) for k, v in query.items() if k not in ("v", "kommun")})
    assert applied == answer.levers
    assert run_scenario(vaxjo, applied).kpis.budget_exhausted_year is None
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_the_locks_stay_open_while_one_locks_and_the_line_says_which(
    open_app: Callable[[str], Page],
) -> None:
    """'Låsta spakar' draws its checkboxes only while open, so it must stay open after a
    click: its label never changes (a changed label is a new expander, closed again)."""
    page = open_app("/beslutsstod?v=1")
    expect(page.get_by_text("Ingen spak är låst.", exact=False)).to_be_visible()
    assert page.get_by_role("checkbox").count() == 0  # nothing drawn while closed
    page.get_by_text("Låsta spakar", exact=True).click()
    wait_for_app_idle(page, SLOW_MS)
    page.get_by_text("Transporter · 0 av 9 låsta", exact=True).click()
    main = page.get_by_test_id("stMainBlockContainer")
    main.get_by_text(CARS, exact=True).click()  # the checkbox's label
    wait_for_app_idle(page, SLOW_MS)
    expect(page.get_by_text("Låsta: Transporter 1 av 9 låsta.", exact=False)).to_be_visible()
    expect(main.get_by_role("checkbox", name=CARS)).to_be_checked()  # still open and drawn
    page.get_by_role("button", name="Lås upp alla").click()
    wait_for_app_idle(page, SLOW_MS)
    expect(page.get_by_text("Ingen spak är låst.", exact=False)).to_be_visible()
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
