"""The scenario state through the real app (AppTest): sliders, address and figures agree.

A few hypothesis examples of what a user does in a row: open a link, apply a preset, apply
the solver's answer ('Vad krävs?'), reset, switch municipality, move a slider. After each
step the sliders as drawn, the page address and the figure the model computed must describe
one scenario (tests/test_scenario_state.py runs many more sequences without Streamlit).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from model import build_municipality_data, reference_levers, run_scenario
from model.budget import BudgetSettings
from model.levers import LEVER_SPECS
from presentation.formatting import fmt_tonnes
from presentation.links import parse_link
from store.csv_tables import read_csv_tables
from tests.apptest_helpers import APP_TIMEOUT_S, metric_value

pytestmark = pytest.mark.usefixtures("app_database")

CODES = ("0780", "0180", "0760")  # Växjö (a BECCS plant), Stockholm, Uppvidinge
PRESETS = ("nationell_backning", "lokal_kraftsamling", "fossilfritt_2030")
SCENARIO, DECISIONS = "pages/scenario.py", "pages/beslutsstod.py"
TABLES = read_csv_tables()
DATA = {code: build_municipality_data(TABLES, code) for code in CODES}


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def do(at: AppTest, step: tuple) -> None:
    kind = step[0]
    if kind == "preset":
        at.selectbox(key="preset_choice").set_value(step[1])
        run(at)
        at.button(key="apply_preset").click()
    elif kind == "reset":
        at.button(key="reset_levers").click()
    elif kind == "municipality":
        at.selectbox(key="municipality").set_value(step[1])
    elif kind == "slider":
        at.slider(key=f"lever_{step[1]}").set_value(step[2])
    elif kind == "solver":
        run(at.switch_page(DECISIONS))
        at.radio(key="dec_goal").set_value(step[1])
        run(at)
        at.button(key="dec_search").click()
        run(at)
        if any(b.key == "dec_apply" for b in at.button):
            at.button(key="dec_apply").click()
            run(at)
        at.switch_page(SCENARIO)
    run(at)


def check(at: AppTest) -> None:
    state = at.session_state
    code = at.selectbox(key="municipality").value
    data = DATA[code]
    drawn = {s.key: s.value for s in at.slider if s.key and s.key.startswith("lever_")}
    reference = reference_levers(data).as_dict()

    def kept(lever_id: str) -> float:
        """An undrawn slider's value: its state, or the reference once Streamlit dropped the
        state of a widget the run did not draw (BECCS where there is no plant)."""
        key = f"lever_{lever_id}"
        return float(state[key]) if key in state else reference[lever_id]

    sliders = {spec.id: float(drawn.get(f"lever_{spec.id}", kept(spec.id)))
               for spec in LEVER_SPECS}
    levers = reference_levers(data).with_values(**sliders)
    link = parse_link(at.query_params, {c: c for c in CODES})
    assert link.problems == () and link.municipality == code
    assert reference_levers(data).with_values(**dict(link.levers)) == levers
    budget = BudgetSettings(float(state["budget_kt"]) * 1000.0, int(state["budget_start"]),
                            bool(state["budget_count_beccs"]))
    expected = run_scenario(data, levers, budget).kpis.fossil_co2_2030_t
    assert metric_value(at, "Fossil CO2 år 2030") == fmt_tonnes(expected, "sv")


steps = st.one_of(
    st.tuples(st.just("preset"), st.sampled_from(PRESETS)),
    st.tuples(st.just("reset")),
    st.tuples(st.just("municipality"), st.sampled_from(CODES)),
    st.tuples(st.just("slider"), st.sampled_from(["el_personbilar", "fossilfria_bussar"]),
              st.sampled_from([0.0, 55.0, 95.0])),
    st.tuples(st.just("solver"), st.sampled_from(["budget", "fossil-free-2030"])),
)


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(code=st.sampled_from(CODES), cars=st.sampled_from(["80", "95"]),
       sequence=st.lists(steps, min_size=2, max_size=4))
def test_sliders_address_and_figures_agree_after_any_changes(
        code: str, cars: str, sequence: list[tuple]) -> None:
    at = AppTest.from_file("../app.py", default_timeout=APP_TIMEOUT_S)
    at.query_params.update({"v": "1", "kommun": code, "el_personbilar": cars})
    run(at)
    check(at)
    for step in sequence:
        do(at, step)
        check(at)
