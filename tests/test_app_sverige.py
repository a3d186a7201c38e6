"""AppTest: the Sverige page (all 290 under the levers) and the municipality picker."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
import streamlit as st

from model import build_municipality_data, reference_levers, run_scenario
from model.local_levers import carry_over
from presentation.formatting import fmt_tonnes
from store.csv_tables import read_csv_tables
from tests.apptest_helpers import metric_value, open_section, start_app

SVERIGE_PAGE = "pages/sverige.py"


@pytest.fixture(autouse=True, scope="module")
def _database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    path: Path = tmp_path_factory.mktemp("db") / "klimat.duckdb"
    previous = os.environ.get("KLIMAT_DB")
    os.environ["KLIMAT_DB"] = str(path)
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()
    if previous is None:
        os.environ.pop("KLIMAT_DB", None)
    else:
        os.environ["KLIMAT_DB"] = previous


def _table(at):  # the page's one dataframe
    return at.dataframe[0].value


def test_sverige_lists_290_and_follows_the_levers() -> None:
    at = start_app()
    at.switch_page(SVERIGE_PAGE).run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Sverige: alla 290 kommuner"
    table = _table(at)
    assert len(table) == 290
    before = metric_value(at, "Alla kommuner 2030")
    # The change says against what: the base year, not the reference.
    delta = next(m.delta for m in at.metric if m.label == "Alla kommuner 2030")
    assert delta.endswith(" mot 2024") and "%" in delta, delta

    at.slider(key="lever_reduktionsplikt_diesel").set_value(40.0).run()
    assert not at.exception, at.exception
    after_table = _table(at)
    assert metric_value(at, "Alla kommuner 2030") != before
    assert (after_table["Utsläpp 2030 (t CO2e)"] < table["Utsläpp 2030 (t CO2e)"]).all()
    assert "Reduktionsplikt diesel 40" in " ".join(c.value for c in at.caption) or \
        "40" in " ".join(c.value for c in at.caption)

    # Alvesta's row is what its own scenario page computes with the same moved lever.
    tables = read_csv_tables()
    vaxjo = build_municipality_data(tables, "0780")
    alvesta = build_municipality_data(tables, "0764")
    moved = reference_levers(vaxjo).with_values(reduktionsplikt_diesel=40.0)
    expected = run_scenario(alvesta, carry_over(moved, reference_levers(vaxjo), alvesta)).kpis
    row = after_table[after_table["Kod"] == "0764"].iloc[0]
    assert row["Utsläpp 2030 (t CO2e)"] == pytest.approx(round(expected.ghg_2030_t))
    assert row["Budgettyp"] == "uppskattning"
    assert after_table.loc[after_table["Kod"] == "0780", "Budgettyp"].iloc[0] == "kommunens egen"


def test_search_filters_and_the_link_opens_the_municipality_with_the_levers() -> None:
    at = start_app()
    at.slider(key="lever_el_personbilar").set_value(55.0).run()
    at.switch_page(SVERIGE_PAGE).run()
    at.text_input(key="sverige_search").set_value("kronoberg").run()
    assert not at.exception, at.exception
    table = _table(at)
    assert set(table["Län"]) == {"Kronobergs län"} and len(table) == 8
    at.selectbox(key="sverige_open").set_value("0764").run()
    link = at.get("link_button")[0].proto
    assert link.label == "Öppna Alvesta i scenariot"
    query = parse_qs(urlparse(link.url).query)
    assert query["kommun"] == ["0764"] and query["el_personbilar"] == ["55"]


def test_budget_principle_changes_estimates_but_not_vaxjo() -> None:
    at = start_app()
    at.switch_page(SVERIGE_PAGE).run()
    by_emissions = _table(at).set_index("Kod")["Budget (t CO2e)"]
    at.radio(key="budget_principle").set_value("befolkning").run()
    assert not at.exception, at.exception
    by_population = _table(at).set_index("Kod")["Budget (t CO2e)"]
    assert by_population["0780"] == by_emissions["0780"] == 2_760_000
    assert by_population["0764"] == 562_000 != by_emissions["0764"]
    # The note says how the estimates were made, and not (after "Bara Växjö har en egen
    # budget") that "the municipality" has none.
    note = next(c.value for c in at.caption if "Bara Växjö har en egen budget" in c.value)
    assert "fördelad efter andel av befolkningen 2023–2024" in note
    assert "ingen publicerad budget" not in note
    # The scenario page's budget for an estimated municipality follows the principle.
    at.selectbox(key="municipality").set_value("0764").run()
    at.switch_page("pages/scenario.py").run()
    open_section(at, 2)
    assert at.number_input(key="budget_kt").value == 562
    info = next(i.value for i in at.info if "andel av befolkningen" in i.value)
    assert "Kommunen har ingen publicerad budget." in info


def test_picker_offers_290_grouped_by_county_and_says_what_was_reset() -> None:
    at = start_app()
    picker = at.selectbox(key="municipality")
    assert len(picker.options) == 290
    assert picker.options[0] == "Stockholms län – Botkyrka (0127)"
    assert picker.options[-1] == "Norrbottens län – Övertorneå (2518)"
    assert "Kronobergs län – Växjö (0780)" in picker.options
    at.slider(key="lever_beccs_kt").set_value(150.0).run()
    at.slider(key="lever_el_personbilar").set_value(60.0).run()
    at.selectbox(key="municipality").set_value("2584").run()  # Kiruna: no BECCS plant
    assert not at.exception, at.exception
    assert at.title[0].value == "Klimatscenarier för Kiruna"
    assert at.slider(key="lever_el_personbilar").value == 60.0
    assert "lever_beccs_kt" not in [s.key for s in at.slider]  # no plant in Kiruna
    assert at.session_state["lever_beccs_kt"] == 0.0
    assert any("BECCS" in w.value and "Återställda i Kiruna" in w.value for w in at.warning)
    captions = " ".join(c.value for c in at.caption)
    assert "gäller även här" in captions
    kiruna = build_municipality_data(read_csv_tables(), "2584")
    expected = run_scenario(kiruna, reference_levers(kiruna).with_values(el_personbilar=60.0))
    assert metric_value(at, "Fossil CO2 år 2030") == fmt_tonnes(
        expected.kpis.fossil_co2_2030_t, "sv")
    assert np.isfinite(expected.kpis.ghg_per_capita_2030_kg)


def test_sverige_in_english() -> None:
    at = start_app()
    at.radio(key="lang").set_value("en").run()
    at.switch_page(SVERIGE_PAGE).run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Sweden: all 290 municipalities"
    table = _table(at)
    assert {"Municipality", "Emissions 2030 (t CO2e)", "Budget type"} <= set(table.columns)
    assert set(table["Budget type"]) == {"estimate", "the municipality's own"}


def test_figures_in_the_table_follow_the_readers_number_format() -> None:
    # "76 432" and "−49,1" in a Swedish browser, not "76432" and "-49.1"; years stay years.
    import json

    at = start_app()
    at.switch_page(SVERIGE_PAGE).run()
    config = json.loads(at.dataframe[0].proto.columns)
    for column in ("Utsläpp 2024 (t CO2e)", "Utsläpp 2030 (t CO2e)", "Förändring 1990–2030",
                   "Per invånare 2030 (kg)"):
        assert config[column]["type_config"]["format"] == "localized", column
    year = next(name for name in _table(at).columns if "slut" in name.lower())
    assert "type_config" not in config.get(year, {})
