"""AppTest of the uncertainty on the main page: the fan, the range, the chances, the tornado.

Why: the fan is only worth showing if it is the model's (the central line is the scenario
on the page, the bands are ordered), if it follows a lever at once, and if it can be turned
off; the tornado opens on request only, so the page stays light.
"""

from __future__ import annotations

import numpy as np
import pytest

from model import build_municipality_data, reference_levers, run_scenario
from model.scenario import default_budget
from model.uncertainty import run_uncertainty
from presentation.uncertainty_summary import budget_range_text
from store.csv_tables import read_csv_tables, uncertain_inputs
from store.uncertainty_runs import PAGE_DRAWS
from tests.apptest_helpers import chart_data, open_section, start_app
from ui.uncertainty_view import SHOW_KEY, TORNADO_KEY

pytestmark = pytest.mark.usefixtures("app_database")
FAN = 1  # the trajectory is the first chart on the page, the fan the second


@pytest.fixture(scope="module")
def vaxjo():
    return build_municipality_data(read_csv_tables(), "0780")


def page_text(at) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def test_the_fan_holds_the_central_scenario_and_is_ordered(vaxjo) -> None:
    at = start_app()
    fan = chart_data(at, FAN)
    assert list(fan.columns) == ["year", "p10", "p25", "p50", "p75", "p90", "central"]
    bands = fan[["p10", "p25", "p50", "p75", "p90"]].to_numpy()
    assert (np.diff(bands, axis=1) >= -1e-9).all()
    central = run_scenario(vaxjo, reference_levers(vaxjo)).totals_frame.set_index("year")
    expected = central.loc[fan["year"], "net_t"].to_numpy() / 1000.0
    np.testing.assert_allclose(fan["central"], expected)
    assert (fan["p25"] <= fan["central"] + 1e-9).all()
    assert (fan["central"] <= fan["p75"] + 1e-9).all()
    text = page_text(at)
    u = run_uncertainty(vaxjo, reference_levers(vaxjo), default_budget(vaxjo), uncertain_inputs(),
                       PAGE_DRAWS)
    low, high = u.budget_exhausted_year["p10"], u.budget_exhausted_year["p90"]
    assert f"Koldioxidbudgeten tar slut mellan {low} och {high}, troligast" in text
    assert budget_range_text(u, "sv") in text
    assert "Chansen att nå fossilbränslefritt 2030: 0\u00a0%" in text
    assert "Chansen att budgeten räcker till 2050: 0\u00a0%" in text


def test_a_lever_moves_the_fan_and_the_chances() -> None:
    at = start_app()
    before = chart_data(at, FAN)
    at.slider(key="lever_el_personbilar").set_value(90.0).run()
    assert not at.exception
    after = chart_data(at, FAN)
    later = after["year"] > 2025  # the lever acts from the year after the first scenario year
    assert (after.loc[later, "p50"] < before.loc[later, "p50"]).all()
    open_section(at, 2)
    at.number_input(key="budget_kt").set_value(6000).run()
    assert not at.exception
    open_section(at, 0)
    assert "Chansen att budgeten räcker till 2050: 100\u00a0%" in page_text(at)


def test_the_fan_can_be_turned_off() -> None:
    at = start_app()
    at.toggle(key=SHOW_KEY).set_value(False).run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 1
    assert "Chansen" not in page_text(at)


def test_what_matters_most_opens_on_request_with_two_tornados() -> None:
    at = start_app()
    charts_closed = len(at.get("vega_lite_chart"))
    at.session_state[TORNADO_KEY] = True
    at.run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == charts_closed + 2
    budget = chart_data(at, FAN + 1)
    assert set(budget["end"]) == {"Lågt värde", "Högt värde"}
    assert budget["rank"].min() == 0 and len(budget) == 2 * budget["input"].nunique()


def test_the_budget_tab_gives_the_date_as_a_range() -> None:
    at = start_app()
    open_section(at, 2)
    assert "tar slut mellan" in page_text(at)


def test_english_texts(vaxjo) -> None:
    at = start_app()
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    text = page_text(at)
    u = run_uncertainty(vaxjo, reference_levers(vaxjo), default_budget(vaxjo), uncertain_inputs(),
                       PAGE_DRAWS)
    assert budget_range_text(u, "en") in text
    assert "The carbon budget runs out between" in text
    assert "The chance of reaching fossil-fuel-free 2030: 0%" in text
