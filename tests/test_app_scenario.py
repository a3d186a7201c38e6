"""AppTest tests of the main page: move levers, read the figures and chart data it shows."""

from __future__ import annotations

import json
import math

import pytest
from streamlit.testing.v1 import AppTest

from model import LEVER_SPECS, build_municipality_data, reference_levers, run_scenario
from model.potential import best_value
from presentation.formatting import fmt_month_year, fmt_percent, fmt_tonnes
from store.csv_tables import read_csv_tables
from tests.apptest_helpers import (
    chart_data,
    metric_delta,
    metric_value,
    open_section,
    start_app,
)

pytestmark = pytest.mark.usefixtures("app_database")


@pytest.fixture(scope="module")
def vaxjo():
    return build_municipality_data(read_csv_tables(), "0780")


def test_reference_page_shows_the_reference_figures_in_swedish(vaxjo) -> None:
    at = start_app()
    reference = run_scenario(vaxjo, reference_levers(vaxjo)).kpis
    assert at.title[0].value == "Klimatscenarier för Växjö"
    assert metric_value(at, "Fossil CO2 år 2030") == fmt_tonnes(reference.fossil_co2_2030_t, "sv")
    assert metric_value(at, "Budgeten tar slut") == fmt_month_year(
        reference.budget_exhausted_year, reference.budget_exhausted_month, "sv", "")
    assert metric_value(at, "Krävd minskning per år") == "9,1\u00a0%"
    # Only the open tab runs: the trajectory (and its uncertainty fan, issue 12) first,
    # then the others on request.
    assert len(at.get("vega_lite_chart")) == 2
    open_section(at, 1)
    assert not at.success and len(at.error) == 1  # not fossil-free in the reference


def test_more_electric_cars_lower_fossil_co2_and_the_chart(vaxjo) -> None:
    at = start_app()
    before_value = metric_value(at, "Fossil CO2 år 2030")
    before = chart_data(at, 0)
    at.slider(key="lever_el_personbilar").set_value(80.0).run()
    assert not at.exception
    after = chart_data(at, 0)
    expected = run_scenario(vaxjo, reference_levers(vaxjo).with_values(el_personbilar=80.0))
    assert metric_value(at, "Fossil CO2 år 2030") == fmt_tonnes(
        expected.kpis.fossil_co2_2030_t, "sv")
    assert metric_value(at, "Fossil CO2 år 2030") != before_value
    assert "mot referens" in metric_delta(at, "Fossil CO2 år 2030")

    def transport_2030(frame):
        rows = frame[(frame["year"] == 2030) & (frame["series"] == "Transporter")]
        return float(rows["value"].iloc[0])

    assert transport_2030(after) < transport_2030(before)
    # History does not move with a lever.
    history = before[before["year"] <= 2024].reset_index(drop=True)
    assert history.equals(after[after["year"] <= 2024].reset_index(drop=True))


def test_beccs_appears_as_negative_band_and_can_count_against_budget() -> None:
    at = start_app()
    assert at.slider(key="lever_beccs_kt").max == 186.0  # the plant's ceiling
    at.slider(key="lever_beccs_kt").set_value(180.0).run()
    data = chart_data(at, 0)
    beccs = data[data["layer"] == "beccs"]
    # From 2030, ramping up over three years: full capture in 2032.
    assert beccs[beccs["year"] == 2030]["value"].iloc[0] == pytest.approx(-60.0)
    assert beccs[beccs["year"] == 2035]["value"].iloc[0] == pytest.approx(-180.0)
    net = data[(data["layer"] == "net") & (data["year"] == 2035)]["value"].iloc[0]
    areas = data[(data["layer"] == "area") & (data["year"] == 2035)]["value"].sum()
    assert net == pytest.approx(areas - 180.0)
    without = metric_value(at, "Budgeten tar slut")
    open_section(at, 2)
    at.toggle(key="budget_count_beccs").set_value(True).run()
    assert not at.exception
    assert metric_value(at, "Budgeten tar slut") != without


def test_every_lever_at_its_best_says_fossil_fuel_free_2030_is_not_reached() -> None:
    """What is possible by 2030 still leaves old cars and trucks on fossil fuel: the verdict
    says no, states its definition, and shows the indicators that explain why."""
    at = start_app()
    for spec in LEVER_SPECS:
        if spec.group != "beccs":
            at.slider(key=f"lever_{spec.id}").set_value(float(best_value(spec)))
    at.run()
    open_section(at, 1)
    assert not at.success and len(at.error) == 1
    assert "fossil CO2 från bränslen återstår år 2030" in at.error[0].value
    text = " ".join(m.value for m in at.markdown)
    assert "Så räknas målet: fossilbränslefritt betyder" in text
    assert "(kommunens mål)" in text  # Växjö's data has the goal
    assert "BECCS räknas aldrig mot målet" in text
    assert "av nya bilar är elbilar" in text and "100 %" in text


def line_legend(at: AppTest) -> list[str]:
    """The trajectory chart's line legend as the page sent it."""
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    return next(layer["encoding"]["stroke"]["scale"]["domain"] for layer in spec["layer"]
                if "stroke" in layer.get("encoding", {}))


def test_target_lines_are_drawn_and_can_be_switched_off() -> None:
    at = start_app()
    data = chart_data(at, 0)
    targets = set(data[data["layer"] == "target"]["series"])
    assert targets == {"Kommunens mål: fossilbränslefritt 2030",
                       "Klimatkontrakt 2030: klimatneutral 2030", "Sverige: nettonoll 2045",
                       "Budgetförenlig bana"}
    eu = data[(data["layer"] == "target") & (data["year"] == 2030)
              & (data["series"] == "Klimatkontrakt 2030: klimatneutral 2030")]
    assert eu["value"].iloc[0] == pytest.approx(0.0)
    assert len(line_legend(at)) == 6
    at.pills(key="target_lines").set_value(["sweden_2045"]).run()
    data = chart_data(at, 0)
    assert set(data[data["layer"] == "target"]["series"]) == {"Sverige: nettonoll 2045"}
    # The legend lists the lines drawn, not the ones switched off.
    assert line_legend(at) == ["Netto", "Referens", "Sverige: nettonoll 2045"]
    captions = " ".join(c.value for c in at.caption)
    assert "Prickade mållinjer" in captions and "nettonollutsläpp" in captions  # sources


def test_a_municipality_gets_only_the_target_lines_it_has() -> None:
    """Växjö's own goal and its climate contract drew on every municipality's chart, with Växjö's
    sources; Alvesta has neither in the data, so it gets Sweden's 2045 goal and its
    budget path only."""
    at = start_app()
    at.selectbox(key="municipality").set_value("0764").run()
    assert not at.exception, at.exception
    pills = at.get("button_group")
    offered = [p for p in pills if "Sverige: nettonoll 2045" in str(p.proto)]
    assert len(offered) == 1
    text = str(offered[0].proto)
    assert "Kommunens mål" not in text and "Klimatkontrakt" not in text
    data = chart_data(at, 0)
    assert set(data[data["layer"] == "target"]["series"]) == {
        "Sverige: nettonoll 2045", "Budgetförenlig bana"}
    assert line_legend(at) == ["Netto", "Referens", "Sverige: nettonoll 2045",
                               "Budgetförenlig bana"]
    captions = " ".join(c.value for c in at.caption)
    assert "Prickade mållinjer" in captions and "Fossilbränslefritt Växjö" not in captions
    assert "Klimatneutrala städer" not in captions and "nettonollutsläpp" in captions
    # Back in Växjö all four are offered and drawn again.
    at.selectbox(key="municipality").set_value("0780").run()
    assert len(line_legend(at)) == 6


def test_the_climate_contract_line_is_drawn_for_the_contract_s_municipalities() -> None:
    """Kalmar has a Klimatkontrakt 2030 (one of Viable Cities' 23), not Växjö's fossil-fuel
    goal. The line was once called the EU mission's, a mission Växjö is not in."""
    at = start_app()
    at.selectbox(key="municipality").set_value("0880").run()
    assert not at.exception, at.exception
    assert line_legend(at) == ["Netto", "Referens", "Klimatkontrakt 2030: klimatneutral 2030",
                               "Sverige: nettonoll 2045", "Budgetförenlig bana"]
    captions = " ".join(c.value for c in at.caption)
    assert "Klimatneutrala städer 2030 och Klimatkontrakt 2030" in captions
    assert "EU-uppdraget" not in captions
    # The source in one bracket of the caption's own: it read "Umeå) (2021–))".
    assert "Umeå, 2021–)" in captions and "))" not in captions


def test_the_verdict_calls_the_goal_the_municipality_s_own_only_where_it_is() -> None:
    """The fossil-free goal is Växjö's: Alvesta's verdict said "(kommunens mål)" too."""
    at = start_app()
    at.selectbox(key="municipality").set_value("0764").run()
    open_section(at, 1)
    text = " ".join(m.value for m in at.markdown)
    assert "Så räknas målet" in text and "(kommunens mål)" not in text
    assert "appens källor har inget sådant mål för Alvesta" in text


def test_the_scenario_rate_stands_beside_the_needed_rate_and_moves(vaxjo) -> None:
    at = start_app()
    needed = metric_value(at, "Krävd minskning per år")
    own = metric_delta(at, "Krävd minskning per år")
    reference = run_scenario(vaxjo, reference_levers(vaxjo)).kpis
    rate = fmt_percent(reference.scenario_annual_reduction, "sv")
    assert own == f"Scenariot 2025–2030: {rate} per år"
    at.slider(key="lever_trafik_personbilar").set_value(-15.0).run()
    assert metric_delta(at, "Krävd minskning per år") != own
    assert metric_value(at, "Krävd minskning per år") == needed
    assert len(at.metric) == 6  # the verdict leads the key figures (issue 14)


def test_reset_puts_every_lever_back() -> None:
    at = start_app()
    at.slider(key="lever_el_personbilar").set_value(90.0).run()
    at.button(key="reset_levers").click().run()
    assert at.slider(key="lever_el_personbilar").value == 66.0


def test_budget_size_and_start_year_are_editable() -> None:
    at = open_section(start_app(), 2)
    at.number_input(key="budget_kt").set_value(1000).run()
    assert not at.exception
    assert metric_value(at, "Krävd minskning per år") == fmt_percent(
        1 - math.exp(-224163 / (1_000_000 - 421090)), "sv")
    budget = chart_data(at, 0)
    assert budget[budget["layer"] == "budget"]["value"].iloc[0] == pytest.approx(1000.0)
    at.number_input(key="budget_start").set_value(2025).run()
    assert "**Använt 2025–2024:** 0\u00a0t" in " ".join(m.value for m in at.markdown)


def test_english_switch_translates_and_formats_numbers_the_english_way(vaxjo) -> None:
    at = start_app()
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    reference = run_scenario(vaxjo, reference_levers(vaxjo)).kpis
    assert at.title[0].value == "Climate scenarios for Växjö"
    assert metric_value(at, "Fossil CO2 in 2030") == fmt_tonnes(reference.fossil_co2_2030_t,
                                                                 "en")
    assert "," in metric_value(at, "Fossil CO2 in 2030")
    assert metric_value(at, "Reduction needed a year") == "9.1%"
    series = set(chart_data(at, 0)["series"])
    assert "Transport" in series and "Transporter" not in series


def test_switching_to_alvesta_changes_figures_and_labels_the_budget_estimate() -> None:
    at = start_app()
    vaxjo_value = metric_value(at, "Fossil CO2 år 2030")
    at.selectbox(key="municipality").set_value("0764").run()
    assert not at.exception
    assert at.title[0].value == "Klimatscenarier för Alvesta"
    assert metric_value(at, "Fossil CO2 år 2030") != vaxjo_value
    open_section(at, 2)
    assert any("uppskattning" in info.value for info in at.info)
    assert at.number_input(key="budget_kt").value == 1317


def test_the_municipalitys_own_figures_are_markers_on_the_chart() -> None:
    """Klimatkontrakt: 227 kt in 2024, −50 % against 1993, so 454 kt in the base year."""
    at = start_app()
    markers = chart_data(at, 0)
    markers = markers[markers["layer"] == "marker"].set_index("year")["value"]
    assert markers.to_dict() == pytest.approx({2024: 227.0, 1993: 454.0})
    assert "Romber: kommunens egna siffror" in " ".join(c.value for c in at.caption)
    at.selectbox(key="municipality").set_value("0764").run()
    data = chart_data(at, 0)
    assert not (data["layer"] == "marker").any()  # Alvesta reports no own figures here
