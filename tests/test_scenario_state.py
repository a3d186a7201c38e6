"""The scenario state's one owner (ui/scenario_state.py, issue 11), driven without a browser.

A property test: whatever sequence of links (a new visitor, Back/Forward), presets, solver
answers, resets, municipality switches, slider moves and budget edits a session goes
through, the sliders, the address and the model input never disagree, and the address read
by a new session gives the same scenario. Session state and the address are plain dicts
here; the data is the real data (the module's database).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.levers import LEVER_SPECS, LEVERS_BY_ID, Levers
from model.local_levers import fit_levers, lever_max
from model.paths import reference_levers
from presentation.links import (
    BUDGET_KT_RANGE,
    BUDGET_START_RANGE,
    Budget,
    format_number,
    parse_link,
)
from ui import scenario_state as ss
from ui.data_access import load_presets, municipality_data, municipality_names

pytestmark = pytest.mark.usefixtures("app_database")

# Växjö has the only BECCS plant; Stockholm and Uppvidinge have estimated budgets.
CODES = ("0780", "0180", "0760")


class Session:
    """One browser tab: its session state and its address, as the app's run leaves them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, address: dict[str, str]) -> None:
        self.state: dict[str, Any] = {}
        self.address = dict(address)
        monkeypatch.setattr(ss, "_session", lambda: self.state)
        monkeypatch.setattr(ss, "_address", lambda: self.address)

    def run(self) -> ss.ScenarioInputs:
        """What app.py does around the widgets: begin the run, then write the address."""
        inputs = ss.begin_run()
        params = ss.address_params(inputs)
        self.address = dict(params)
        self.state[ss.LINK_WRITTEN_KEY] = params
        return inputs


def lever_values(draw: st.DrawFn, wild: bool) -> dict[str, float]:
    """Some levers with values in their general range (wild: also beyond it)."""
    chosen = draw(st.lists(st.sampled_from([s.id for s in LEVER_SPECS]), max_size=6,
                           unique=True))
    values = {}
    for lever_id in chosen:
        spec = LEVERS_BY_ID[lever_id]
        low, high = (spec.min - 50, spec.max + 50) if wild else (spec.min, spec.max)
        steps = int((high - low) / spec.step)
        values[lever_id] = low + draw(st.integers(0, steps)) * spec.step
    return values


@st.composite
def link(draw: st.DrawFn) -> dict[str, str]:
    params = {"v": "1", "kommun": draw(st.sampled_from(CODES))}
    if draw(st.booleans()):
        params["lang"] = "en"
    params.update({k: format_number(float(v)) for k, v in lever_values(draw, True).items()})
    if draw(st.booleans()):
        params["budget_kt"] = str(draw(st.integers(*BUDGET_KT_RANGE)))
    if draw(st.booleans()):
        params["budget_start"] = str(draw(st.integers(*BUDGET_START_RANGE)))
    if draw(st.booleans()):
        params["beccs_budget"] = "1"
    return params


@st.composite
def step(draw: st.DrawFn) -> tuple:
    kind = draw(st.sampled_from(["history", "preset", "solver", "reset", "municipality",
                                 "slider", "budget"]))
    if kind == "history":
        return ("history", draw(link()))
    if kind == "preset":
        return ("preset", draw(st.sampled_from(sorted(load_presets()))))
    if kind == "solver":
        return ("solver", lever_values(draw, False))
    if kind == "municipality":
        return ("municipality", draw(st.sampled_from(CODES)))
    if kind == "slider":
        spec = draw(st.sampled_from(LEVER_SPECS))
        return ("slider", spec.id, draw(st.floats(0, 1)))
    if kind == "budget":
        return ("budget", Budget(draw(st.integers(*BUDGET_KT_RANGE)),
                                 draw(st.integers(*BUDGET_START_RANGE)), draw(st.booleans())))
    return ("reset",)


def do(session: Session, action: tuple) -> None:
    """One thing a user does, as the widget or callback does it, before the next run."""
    state = session.state
    kind = action[0]
    if kind == "history":  # Back/Forward: the browser puts an older address back
        session.address = dict(action[1])
    elif kind == "preset":
        ss.apply_preset(action[1])
    elif kind == "solver":  # an answer: every lever, in range (the decision page's apply)
        reference = reference_levers(municipality_data(ss.current_municipality()))
        ss.apply_levers({**reference.as_dict(), **action[1]}, "solver")
    elif kind == "reset":
        ss.reset_levers()
    elif kind == "municipality":  # the picker writes its key, then calls back
        state[ss.MUNICIPALITY_KEY] = action[1]
        ss.municipality_chosen()
    elif kind == "slider":  # a slider can only take values in its (municipality's) range
        spec = LEVERS_BY_ID[action[1]]
        high = lever_max(municipality_data(ss.current_municipality()), spec.id)
        steps = round((high - spec.min) / spec.step)
        state[ss.lever_key(spec.id)] = float(spec.min + round(action[2] * steps) * spec.step)
    elif kind == "budget":  # the scenario page's inputs (only drawn once it has set them)
        state[ss.BUDGET_KT_KEY], state[ss.BUDGET_START_KEY], state[ss.BUDGET_BECCS_KEY] = (
            action[1].kt, action[1].start, action[1].count_beccs)


def expected_levers(action: tuple, inputs: ss.ScenarioInputs) -> Levers | None:
    """The levers a change must leave (None: not checked here, e.g. a switch's carry-over)."""
    data, reference = inputs.data, inputs.reference
    if action[0] == "reset":
        return reference
    if action[0] == "preset":
        return Levers(**ss.preset_lever_values(action[1], data.code))
    if action[0] == "solver":  # clipped to the municipality's ranges
        return fit_levers(reference.with_values(**action[1]), data)
    return None


def scenario(inputs: ss.ScenarioInputs) -> tuple:
    return inputs.lang, inputs.data.code, inputs.levers, inputs.budget


def check_agreement(session: Session, inputs: ss.ScenarioInputs) -> None:
    """Sliders, address and model input say the same."""
    data = inputs.data
    state = session.state
    assert state[ss.MUNICIPALITY_KEY] == data.code
    assert state[ss.LANG_KEY] == inputs.lang
    for spec in LEVER_SPECS:  # every slider can show its value, and it is the model's
        value = state[ss.lever_key(spec.id)]
        assert spec.min <= value <= lever_max(data, spec.id), spec.id
        assert value == getattr(inputs.levers, spec.id), spec.id
    assert (state[ss.BUDGET_KT_KEY], state[ss.BUDGET_START_KEY],
            state[ss.BUDGET_BECCS_KEY]) == (inputs.budget.kt, inputs.budget.start,
                                            inputs.budget.count_beccs)
    parsed = parse_link(session.address, municipality_names())
    assert parsed.problems == ()
    assert parsed.municipality == data.code
    assert (parsed.lang or "sv") == inputs.lang
    assert inputs.reference.with_values(**dict(parsed.levers)) == inputs.levers
    default = inputs.default_budget
    assert Budget(default.kt if parsed.budget_kt is None else parsed.budget_kt,
                  default.start if parsed.budget_start is None else parsed.budget_start,
                  bool(parsed.count_beccs)) == inputs.budget
    if inputs.preset_id is not None and inputs.source == "preset":
        assert inputs.levers == Levers(**ss.preset_lever_values(inputs.preset_id, data.code))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=link(), steps=st.lists(step(), max_size=8))
def test_no_sequence_of_changes_makes_sliders_address_and_model_disagree(
        monkeypatch: pytest.MonkeyPatch, first: dict[str, str], steps: list[tuple]) -> None:
    with monkeypatch.context() as patch:
        session = Session(patch, first)  # a visitor opens a shared link
        inputs = session.run()
        check_agreement(session, inputs)
        for action in steps:
            do(session, action)
            inputs = session.run()
            check_agreement(session, inputs)
            expected = expected_levers(action, inputs)
            if expected is not None:
                assert inputs.levers == expected, action
        # The address is the scenario: a new visitor opening it sees the same one.
        newcomer = Session(patch, session.address)
        assert scenario(newcomer.run()) == scenario(inputs)
        assert newcomer.state.get(ss.NOTICES_KEY) is None


def test_a_link_value_a_municipality_cannot_use_takes_the_reference_and_is_reported(
        monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session(monkeypatch, {"v": "1", "kommun": "0180", "beccs_kt": "100",
                                    "el_personbilar": "80"})
    inputs = session.run()
    assert inputs.levers.beccs_kt == 0.0 and inputs.levers.el_personbilar == 80.0
    source, problems = session.state[ss.NOTICES_KEY]
    assert source == "link" and [p.param for p in problems] == ["beccs_kt"]
    assert inputs.source == "link"


def test_a_switch_clips_a_carried_value_and_keeps_the_preset_marker(
        monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session(monkeypatch, {})
    session.run()
    preset_id = next(iter(load_presets()))
    ss.apply_preset(preset_id)
    session.state[ss.lever_key("beccs_kt")] = 100.0
    inputs = session.run()
    assert inputs.preset_id == preset_id and inputs.source == ss.SLIDERS
    session.state[ss.MUNICIPALITY_KEY] = "0180"
    ss.municipality_chosen()
    inputs = session.run()
    assert inputs.levers.beccs_kt == 0.0 and inputs.preset_id == preset_id
    assert inputs.source == "municipality"
    ss.reset_levers()
    inputs = session.run()
    assert inputs.preset_id is None and inputs.levers == inputs.reference


class _Run:
    """Stands in for Streamlit's per-run object that read_inputs keys its answer on."""


def test_read_inputs_is_worked_out_once_per_run_and_every_writer_drops_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    run = _Run()
    monkeypatch.setattr(ss, "_run_marker", lambda: run)
    session = Session(monkeypatch, {"v": "1", "kommun": "0780"})
    inputs = session.run()
    assert ss.read_inputs() is inputs  # kept for the run
    ss.apply_levers({"el_personbilar": 55.0}, "solver")
    assert ss.read_inputs().levers.el_personbilar == 55.0
    ss.set_budget(Budget(1234, 2025, True))
    assert ss.read_inputs().budget == Budget(1234, 2025, True)
    ss.forget_budget()
    assert ss.read_inputs().budget.kt == ss.starting_budget(inputs.data).kt  # (toggle kept)
    ss.switch_municipality("0180")
    assert ss.read_inputs().data.code == "0180"
    # The next run (a new marker): the user's slider move is seen.
    run = _Run()
    session.state[ss.lever_key("el_personbilar")] = 30.0
    assert ss.read_inputs().levers.el_personbilar == 30.0
    # A write straight into session state in a callback before the run: begin_run drops it.
    kept = ss.read_inputs()
    session.state[ss.LANG_KEY] = "en"
    assert ss.read_inputs() is kept
    assert session.run().lang == "en"
