"""AppTest: switching municipality, Alvesta's rural profile, and the comparison page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

from model import build_municipality_data, reference_levers, run_scenario
from model.local_levers import carry_over
from model.scenario import default_budget
from presentation.formatting import fmt_month_year, fmt_percent, fmt_tonnes
from store.csv_tables import read_csv_tables
from tests.apptest_helpers import chart_data, metric_value, open_section, start_app
from ui.shared_cache import clear_all

COMPARE_PAGE = "pages/kommuner.py"


@pytest.fixture(autouse=True, scope="module")
def _database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every AppTest run of this module reads a database built in a temporary folder."""
    path: Path = tmp_path_factory.mktemp("db") / "klimat.duckdb"
    previous = os.environ.get("KLIMAT_DB")
    os.environ["KLIMAT_DB"] = str(path)
    clear_all()  # tables cached by another module's database
    st.cache_resource.clear()
    yield
    clear_all()
    st.cache_resource.clear()
    if previous is None:
        os.environ.pop("KLIMAT_DB", None)
    else:
        os.environ["KLIMAT_DB"] = previous


@pytest.fixture(scope="module")
def datas():
    tables = read_csv_tables()
    return {code: build_municipality_data(tables, code) for code in ("0780", "0764")}


def test_switching_to_alvesta_changes_the_figures_and_reads_rural(datas) -> None:
    at = start_app()
    vaxjo_fossil = metric_value(at, "Fossil CO2 år 2030")
    at.selectbox(key="municipality").set_value("0764").run()
    assert not at.exception, at.exception
    alvesta = datas["0764"]
    expected = run_scenario(alvesta, reference_levers(alvesta)).kpis
    assert at.title[0].value == "Klimatscenarier för Alvesta"
    assert metric_value(at, "Fossil CO2 år 2030") == fmt_tonnes(expected.fossil_co2_2030_t, "sv")
    assert metric_value(at, "Fossil CO2 år 2030") != vaxjo_fossil
    # The switch alone moves no lever: Alvesta's own reference (its flat population trend).
    assert at.slider(key="lever_trafik_personbilar").value == reference_levers(
        alvesta).trafik_personbilar < reference_levers(datas["0780"]).trafik_personbilar
    assert not any("≠ ref." in e.label for e in at.expander)
    # No contract figures for Alvesta, so no own-figures caption; BECCS is Växjö's.
    captions = " ".join(c.value for c in at.caption)
    assert "Kommunens egen inventering" not in captions and "egna siffror" not in captions
    assert "Ingen känd anläggning för bio-CCS i Alvesta" in captions
    assert "lever_beccs_kt" not in [s.key for s in at.slider]
    chart = chart_data(at, 0)
    assert chart["year"].min() == 1990 and chart["year"].max() == 2050
    # Agriculture is 41 %: the fossil-free panel says what going fossil-free leaves.
    open_section(at, 1)
    assert any("Jordbruket står för 41" in m.value for m in at.markdown)
    open_section(at, 2)
    assert "uppskattning" in at.info[0].value  # the estimated budget is labelled


def test_moved_levers_survive_a_switch_and_beccs_is_dropped(datas) -> None:
    at = start_app()
    at.slider(key="lever_el_tunga_lastbilar").set_value(60.0).run()
    at.slider(key="lever_beccs_kt").set_value(150.0).run()
    at.selectbox(key="municipality").set_value("0764").run()
    assert not at.exception, at.exception
    alvesta = datas["0764"]
    assert at.slider(key="lever_el_tunga_lastbilar").value == 60.0
    expected = run_scenario(alvesta, reference_levers(alvesta).with_values(el_tunga_lastbilar=60.0))
    assert metric_value(at, "Fossil CO2 år 2030") == fmt_tonnes(
        expected.kpis.fossil_co2_2030_t, "sv")
    at.selectbox(key="municipality").set_value("0780").run()
    assert at.slider(key="lever_el_tunga_lastbilar").value == 60.0
    assert at.slider(key="lever_beccs_kt").value == 0.0  # not brought back from Alvesta


def _figures(at):
    table = at.table[0].value
    return table


def test_comparison_page_shows_both_with_the_models_figures(datas) -> None:
    at = start_app()
    at.switch_page(COMPARE_PAGE).run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Jämför kommuner"
    assert at.selectbox(key="kommuner_a").value == "0780"
    assert at.selectbox(key="kommuner_b").value == "0764"  # the twin by default
    table = _figures(at)
    assert list(table.columns) == ["Växjö", "Alvesta"]
    for code, name in (("0780", "Växjö"), ("0764", "Alvesta")):
        data = datas[code]
        k = run_scenario(data, reference_levers(data), default_budget(data)).kpis
        column = table[name]
        assert column["Fossil CO2 år 2030"] == fmt_tonnes(k.fossil_co2_2030_t, "sv")
        assert column["Budgeten tar slut"] == fmt_month_year(
            k.budget_exhausted_year, k.budget_exhausted_month, "sv", "")
        assert column["Krävd minskning per år"] == fmt_percent(k.needed_annual_reduction, "sv")
        assert column["Växthusgaser senaste statistikår"] == (
            f"{fmt_tonnes(data.base_ghg.sum(), 'sv')} (2024)")
    assert table["Alvesta"]["Jordbrukets andel senaste statistikår"] == "41\u00a0% (2024)"
    assert table["Växjö"]["Koldioxidbudget"].endswith("(kommunens uppgift)")
    assert table["Alvesta"]["Koldioxidbudget"] == "1\u00a0317 kt CO2e från 2023 (uppskattning)"
    assert table["Alvesta"]["Förändring från 1990 till senaste statistikår"] == "−31\u00a0% (2024)"
    chart = chart_data(at, 0)
    assert set(chart["municipality"]) == {"Växjö", "Alvesta"}
    assert set(chart["kind"]) == {"Statistik", "Scenario"}
    assert (chart["year"].min(), chart["year"].max()) == (1990, 2050)
    total = chart[(chart["municipality"] == "Alvesta") & (chart["year"] == 2024)]
    assert total["value"].iloc[0] == pytest.approx(105.666, abs=0.01)  # kt
    at.toggle(key="kommuner_per_capita").set_value(True).run()
    chart = chart_data(at, 0)
    per_capita = chart[(chart["municipality"] == "Alvesta") & (chart["year"] == 2024)]
    assert per_capita["value"].iloc[0] == pytest.approx(105_666 / 19_830, rel=1e-3)
    assert chart["year"].min() == 2023  # population is known from 2023
    captions = " ".join(c.value for c in at.caption)
    assert "Alvesta: Växjös budget skalad med förhållandet" in captions


def test_comparison_follows_the_levers_or_the_reference(datas) -> None:
    at = start_app()
    at.slider(key="lever_el_tunga_lastbilar").set_value(60.0).run()
    at.slider(key="lever_beccs_kt").set_value(180.0).run()
    at.switch_page(COMPARE_PAGE).run()
    assert not at.exception, at.exception
    vaxjo, alvesta = datas["0780"], datas["0764"]
    moved = reference_levers(vaxjo).with_values(el_tunga_lastbilar=60.0, beccs_kt=180.0)
    carried = carry_over(moved, reference_levers(vaxjo), alvesta)
    expected = run_scenario(alvesta, carried, default_budget(alvesta)).kpis
    assert _figures(at)["Alvesta"]["Fossil CO2 år 2030"] == fmt_tonnes(
        expected.fossil_co2_2030_t, "sv")
    captions = " ".join(c.value for c in at.caption)
    assert "BECCS gäller inte Alvesta" in captions
    assert "Elektriska andelen av nya tunga lastbilar 2030" in captions

    at.radio(key="kommuner_levers").set_value("reference").run()
    reference = run_scenario(alvesta, reference_levers(alvesta), default_budget(alvesta)).kpis
    assert _figures(at)["Alvesta"]["Fossil CO2 år 2030"] == fmt_tonnes(
        reference.fossil_co2_2030_t, "sv")


def test_the_same_municipality_twice_asks_for_two(datas) -> None:
    at = start_app()
    at.switch_page(COMPARE_PAGE).run()
    at.selectbox(key="kommuner_b").set_value("0780").run()
    assert not at.exception, at.exception
    assert at.warning[0].value == "Välj två olika kommuner."
    assert not at.table


def test_comparison_in_english(datas) -> None:
    at = start_app()
    at.radio(key="lang").set_value("en").run()
    at.switch_page(COMPARE_PAGE).run()
    assert at.title[0].value == "Compare municipalities"
    table = _figures(at)
    assert "Fossil CO2 in 2030" in table.index
    assert table["Alvesta"]["Carbon budget"] == "1,317 kt CO2e from 2023 (estimate)"


def test_the_comparison_chart_spec_is_built_once_per_language_and_view() -> None:
    """Built with Altair (a few ms); a lever move must not build it again (it lost its cache
    once, and a lever move on the page went from 44 to 60 ms: bench/page_bench.py)."""
    from ui.municipalities_page import comparison_spec

    assert comparison_spec("sv", False) is comparison_spec("sv", False)
    legends = [enc["legend"] for enc in comparison_spec("sv", False)["encoding"].values()
               if isinstance(enc, dict) and "legend" in enc]
    assert legends and all(legend["symbolType"] == "stroke" and legend["symbolSize"] == 400
                           for legend in legends)
