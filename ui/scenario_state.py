"""The scenario state's one owner: language, municipality, levers, preset marker and budget.

Every run starts with ``begin_run()`` (app.py, before any widget): it reads the page
address on a session's first run and after Back/Forward, puts defaults where nothing is
set yet, and makes sure the levers fit the municipality. Pages then read the run's
``ScenarioInputs`` through ``read_inputs()`` and never look at the keys themselves.

Every change of levers goes through ``apply_levers(values, source)``: the values are taken
on top of the municipality's reference, checked and cleaned in one way (a loaded scenario's
unusable values take the reference and are reported; a computed setting is clipped to the
municipality's ranges), written to the sliders' keys, recorded with their source, and the
preset marker follows. The sliders themselves are the only other writers (the user).

The address mirrors the state (``address_params``); ui/sharing.py writes it.
Session state is reached through ``_session()`` and the address through ``_address()``, so
that a test can drive this module with plain dicts.

``read_inputs()`` is worked out once per script run (pages and the sidebar ask for it
several times): the answer is kept with a marker of the run and dropped by every writer
here (apply_levers, the budget, a municipality switch) and at the start of ``begin_run``
(callbacks may have written before it). Outside a run (tests with plain dicts) nothing is
kept.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, replace
from typing import Any, Literal

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from model.budget import BudgetSettings
from model.budget_estimate import (
    DEFAULT_EMISSIONS_WEIGHT,
    DEFAULT_PRINCIPLE,
    PRINCIPLES,
    allocated_budgets,
)
from model.data import MunicipalityData
from model.levers import LEVER_SPECS, LEVERS_BY_ID, LeverError, Levers, differing
from model.local_levers import carry_over, fit_levers, lever_max
from model.paths import reference_levers
from model.scenario import default_budget as model_default_budget
from presentation.i18n import DEFAULT_LANGUAGE, LANGUAGES
from presentation.links import (
    Budget,
    LinkProblem,
    format_number,
    link_params,
    parse_link,
    shown,
)
from ui.data_access import (
    budget_allocation_basis,
    load_presets,
    municipality_data,
    municipality_names,
    preset_lever_values,
)

# --------------------------------------------------------------------------------------
# The keys (the lever sliders' keys are lever_key(id), stable: tests and links use them)

LANG_KEY = "lang"
MUNICIPALITY_KEY = "municipality"
DEFAULT_MUNICIPALITY = "0780"
# The municipality the levers were last set for (a switch carries levers from it).
SHOWN_MUNICIPALITY_KEY = "municipality_shown"
SWITCH_NOTE_KEY = "municipality_switch_note"  # (name, kept lever ids, reset lever ids)
ACTIVE_PRESET_KEY = "active_preset"
# (source, values) of the last apply_levers: where the sliders' values came from.
LEVER_SOURCE_KEY = "lever_source"
# The budget inputs (scenario page) and the municipality their values are for.
BUDGET_KT_KEY = "budget_kt"
BUDGET_START_KEY = "budget_start"
BUDGET_BECCS_KEY = "budget_count_beccs"
BUDGET_FOR_KEY = "budget_for_municipality"
# How estimated budgets are allocated (ui/budget_principle.py draws the inputs).
PRINCIPLE_KEY = "budget_principle"
WEIGHT_KEY = "budget_emissions_weight_pct"
# Presenter mode (ui/presenter.py) and the workshop the session takes part in
# (ui/workshop_page.py); kept in the page address.
PRESENTER_KEY = "presenter"
WORKSHOP_KEY = "workshop_code"
# The workshop code this session is the verified facilitator of (never set from the address).
FACILITATOR_KEY = "workshop_facilitator"
# A facilitator link's token read from the address, not yet checked (ui/workshop_page.py).
FACILITATOR_TOKEN_KEY = "workshop_facilitator_token"
# The participant device's key (ui/workshop_page.py makes it; the address keeps it).
DEVICE_KEY = "workshop_device_key"
# The address: read once per session (and after Back/Forward); what this session last wrote.
LINK_READ_KEY = "link_read"
LINK_WRITTEN_KEY = "link_written"
# (source, problems) of the last scenario read whose values could not all be used.
NOTICES_KEY = "scenario_notices"
# (run marker, ScenarioInputs): read_inputs' answer for the run it was worked out in.
RUN_INPUTS_KEY = "scenario_inputs_this_run"

LeverSource = Literal["start", "link", "history", "saved", "workshop", "preset", "solver",
                      "reset", "municipality", "fit"]
# A scenario loaded from outside: what cannot be used takes the reference and is reported,
# and the preset marker says whether the loaded setting is a preset.
LOADED_SOURCES = frozenset({"link", "history", "saved", "workshop"})
# The sliders' values changed since the last apply_levers: the user moved them.
SLIDERS = "sliders"


def lever_key(lever_id: str) -> str:
    """The widget key of a lever's slider (stable: tests and links use it)."""
    return f"lever_{lever_id}"


def _session() -> MutableMapping[str, Any]:
    return st.session_state  # type: ignore[return-value]


def _address() -> dict[str, str]:
    return st.query_params.to_dict()


# --------------------------------------------------------------------------------------
# What a run computes with


@dataclass(frozen=True)
class ScenarioInputs:
    """The session's scenario for one run, resolved against the cached data."""

    lang: str
    data: MunicipalityData
    reference: Levers
    levers: Levers  # the model input: the sliders' values fitted to the municipality
    budget: Budget  # as the budget inputs hold it
    preset_id: str | None = None  # the preset last applied, while it is the marker
    source: str = "start"  # where the levers came from (SLIDERS: the user moved them)

    @property
    def budget_settings(self) -> BudgetSettings:
        """The budget as the model takes it (tonnes)."""
        return BudgetSettings(float(self.budget.kt) * 1000.0, int(self.budget.start),
                              bool(self.budget.count_beccs))

    @property
    def default_budget(self) -> Budget:
        """The municipality's shipped budget (links write what differs from it)."""
        return default_budget(self.data)


def current_language() -> str:
    """The chosen language, Swedish unless English was picked."""
    lang = _session().get(LANG_KEY, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def current_municipality() -> str:
    """The chosen municipality code."""
    return str(_session().get(MUNICIPALITY_KEY, DEFAULT_MUNICIPALITY))


def default_municipality(names: Mapping[str, str]) -> str:
    """Växjö, unless the data has no Växjö."""
    return DEFAULT_MUNICIPALITY if DEFAULT_MUNICIPALITY in names else next(iter(names))


def current_principle() -> tuple[str, float]:
    """The chosen allocation principle and the emissions weight (0–1) for the mix."""
    state = _session()
    principle = state.get(PRINCIPLE_KEY, DEFAULT_PRINCIPLE)
    if principle not in PRINCIPLES:
        principle = DEFAULT_PRINCIPLE
    weight = float(state.get(WEIGHT_KEY, DEFAULT_EMISSIONS_WEIGHT * 100)) / 100.0
    return principle, min(max(weight, 0.0), 1.0)


def allocated_budget_t(code: str) -> float | None:
    """The estimated budget of a municipality under the chosen principle (None: no basis)."""
    basis = budget_allocation_basis()
    if basis is None or code not in basis.codes:
        return None
    principle, weight = current_principle()
    value = float(allocated_budgets(basis, principle, weight)[code])
    return None if math.isnan(value) else value


def default_budget(data: MunicipalityData) -> Budget:
    """The municipality's budget as shipped in data/budget.csv (links store what differs):
    the model's default (model.scenario.default_budget) in the inputs' whole kt."""
    shipped = model_default_budget(data)
    return Budget(int(round(shipped.budget_t / 1000.0)), int(shipped.start_year),
                  bool(shipped.count_beccs))


def starting_budget(data: MunicipalityData) -> Budget:
    """The budget a municipality starts with in this session: the shipped one, or for an
    estimated budget the chosen allocation principle's (the inputs stay editable)."""
    budget = default_budget(data)
    if data.budget_is_estimate and current_principle()[0] != DEFAULT_PRINCIPLE:
        allocated = allocated_budget_t(data.code)
        if allocated is not None:
            budget = replace(budget, kt=int(round(allocated / 1000.0)))
    return budget


def _slider_values(state: Mapping[str, Any], reference: Levers) -> Levers:
    values = {spec.id: state.get(lever_key(spec.id), getattr(reference, spec.id))
              for spec in LEVER_SPECS}
    try:
        return reference.with_values(**{k: float(v) for k, v in values.items()})
    except (LeverError, TypeError, ValueError):
        return reference


def _current_budget(state: Mapping[str, Any], data: MunicipalityData) -> Budget:
    if state.get(BUDGET_FOR_KEY) != data.code or BUDGET_KT_KEY not in state:
        return replace(starting_budget(data), count_beccs=bool(state.get(BUDGET_BECCS_KEY)))
    return Budget(int(state[BUDGET_KT_KEY]), int(state.get(BUDGET_START_KEY, 0)),
                  bool(state.get(BUDGET_BECCS_KEY, False)))


def _run_marker() -> object | None:
    """An object that lives for one script run only: Streamlit makes a new coordinator of
    parallel fragments when a run starts (a fragment's run too), before the callbacks. None
    outside a run, or if Streamlit no longer has one: then nothing is kept."""
    ctx = get_script_run_ctx(suppress_warning=True)
    return getattr(ctx, "parallel_coordinator", None) if ctx is not None else None


def _forget_inputs() -> None:
    """A writer changed what read_inputs reads: the next call works it out again."""
    _session().pop(RUN_INPUTS_KEY, None)


def read_inputs() -> ScenarioInputs:
    """The scenario the session holds now (reads only): worked out once per run, as the
    sidebar and the page ask for it several times (see the module's docstring)."""
    marker = _run_marker()
    state = _session()
    kept = state.get(RUN_INPUTS_KEY) if marker is not None else None
    if kept is not None and kept[0]() is marker:
        return kept[1]  # type: ignore[no-any-return]
    inputs = _read_inputs(state)
    if marker is not None:
        state[RUN_INPUTS_KEY] = (weakref.ref(marker), inputs)
    return inputs


def _read_inputs(state: MutableMapping[str, Any]) -> ScenarioInputs:
    """The scenario resolved from session state (cheap: the data is cached)."""
    data = municipality_data(current_municipality())
    reference = reference_levers(data)
    # A setting carried over from another municipality (BECCS) is clipped to this one's.
    levers = fit_levers(_slider_values(state, reference), data)
    preset_id = state.get(ACTIVE_PRESET_KEY)
    recorded = state.get(LEVER_SOURCE_KEY)
    source = "start"
    if recorded is not None:
        source = recorded[0] if not differing(levers.as_dict(), recorded[1]) else SLIDERS
    return ScenarioInputs(current_language(), data, reference, levers,
                          _current_budget(state, data),
                          preset_id if preset_id in load_presets() else None, source)


# --------------------------------------------------------------------------------------
# Changing the levers: one way


def clean_levers(
    values: Mapping[str, object], data: MunicipalityData, clip: bool = False
) -> tuple[dict[str, float], tuple[LinkProblem, ...]]:
    """The values a municipality can use, and what could not be used.

    An unknown lever or a value that is not a number is left out and reported; a value
    outside the lever's range for this municipality (BECCS without a plant) is clipped
    when ``clip``, else left out and reported.
    """
    kept: dict[str, float] = {}
    problems: list[LinkProblem] = []
    for lever_id, value in values.items():
        spec = LEVERS_BY_ID.get(str(lever_id))
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            number = float("nan")
        text = shown(format_number(number) if number == number else str(value))
        if spec is None:
            problems.append(LinkProblem("unknown_param", shown(str(lever_id)), text))
            continue
        if number != number:  # NaN
            problems.append(LinkProblem("not_a_number", spec.id, text))
            continue
        low, high = spec.min, lever_max(data, spec.id)
        if low <= number <= high:
            kept[spec.id] = number
        elif clip:
            kept[spec.id] = min(max(number, low), high)
        else:
            problems.append(LinkProblem("out_of_range", spec.id, text))
    return kept, tuple(problems)


def _matching_preset(values: Mapping[str, float], code: str) -> str | None:
    """The id of a preset whose levers equal these values exactly, if any."""
    for preset_id in load_presets():
        if preset_lever_values(preset_id, code) == dict(values):
            return preset_id
    return None


def apply_levers(
    values: Mapping[str, object], source: LeverSource, *, preset_id: str | None = None
) -> tuple[LinkProblem, ...]:
    """Set every lever: ``values`` on top of the current municipality's reference.

    Checks and cleans the values (clean_levers: a loaded scenario's unusable values are
    reported and take the reference, a computed setting is clipped), writes the sliders'
    keys, records the source, and updates the preset marker: a preset sets it, a reset
    clears it, a loaded scenario sets it when it equals a preset and clears it otherwise;
    adjusting (solver, municipality switch) keeps it. Call from a callback or before the
    sliders exist. Returns what could not be used.
    """
    state = _session()
    code = current_municipality()
    data = municipality_data(code)
    reference = reference_levers(data).as_dict()
    kept, problems = clean_levers(values, data, clip=source not in LOADED_SOURCES)
    full = {**reference, **kept}
    for lever_id, value in full.items():
        state[lever_key(lever_id)] = float(value)
    state[LEVER_SOURCE_KEY] = (source, full)
    if source == "preset":
        state[ACTIVE_PRESET_KEY] = preset_id
    elif source == "reset":
        state.pop(ACTIVE_PRESET_KEY, None)
    elif source in LOADED_SOURCES:
        match = _matching_preset(full, code) if differing(full, reference) else None
        if match is None:
            state.pop(ACTIVE_PRESET_KEY, None)
        else:
            state[ACTIVE_PRESET_KEY] = match
    _forget_inputs()
    return problems


def apply_preset(preset_id: str) -> None:
    """Every lever to a preset's value for the current municipality; the preset is marked."""
    if preset_id in load_presets():
        apply_levers(preset_lever_values(preset_id, current_municipality()), "preset",
                     preset_id=preset_id)


def reset_levers() -> None:
    """Every lever back to the reference, and no preset active (a button callback)."""
    apply_levers({}, "reset")


def _carry_levers(previous: str | None, code: str) -> None:
    """Moved levers keep their values on a switch from previous to code; the rest follow
    the new municipality's reference (its own population path, no BECCS without a plant),
    so a switch alone never shows levers "changed". The note says what was kept or reset."""
    state = _session()
    names = municipality_names()
    if not previous or previous == code or previous not in names or code not in names:
        return
    old_reference = reference_levers(municipality_data(previous))
    current = _slider_values(state, old_reference)
    new_data = municipality_data(code)
    carried = carry_over(current, old_reference, new_data)
    apply_levers(carried.as_dict(), "municipality")
    moved = current.differences(old_reference)
    reset = list(differing({i: getattr(carried, i) for i in moved},
                           {i: mine for i, (mine, _) in moved.items()}))
    kept = [i for i in moved if i not in reset]
    if moved:
        state[SWITCH_NOTE_KEY] = (new_data.name, kept, reset)


def municipality_chosen() -> None:
    """The municipality picker's callback: the widget has set the code; levers follow."""
    _carry_levers(_session().get(SHOWN_MUNICIPALITY_KEY), current_municipality())


def switch_municipality(code: str) -> None:
    """The user picked another municipality elsewhere than the picker (a page's button)."""
    state = _session()
    previous = state.get(SHOWN_MUNICIPALITY_KEY, state.get(MUNICIPALITY_KEY))
    state[MUNICIPALITY_KEY] = code
    _forget_inputs()
    _carry_levers(previous, code)


def load_scenario(
    municipality_code: str, levers: Mapping[str, float], source: LeverSource,
    budget: Budget | None = None,
) -> tuple[str, dict[str, float], tuple[LinkProblem, ...]]:
    """A stored scenario (saved, a workshop submission) into the session: municipality,
    levers and, when it has one, the budget; returns the code, the values set and what
    could not be used (it takes the reference). Call from a callback, before the sidebar's
    widgets exist."""
    state = _session()
    problems: tuple[LinkProblem, ...] = ()
    code = municipality_code
    if code in municipality_names():
        state[MUNICIPALITY_KEY] = code
        _forget_inputs()
    else:
        problems = (LinkProblem("unknown_municipality", "kommun", shown(code)),)
        code = current_municipality()
    problems += apply_levers(levers, source)
    if budget is not None:
        set_budget(budget)
    values = {spec.id: float(state[lever_key(spec.id)]) for spec in LEVER_SPECS}
    return code, values, problems


def add_notice(source: str, problems: tuple[LinkProblem, ...]) -> None:
    """Keep problems to show above the page until dismissed ('link', 'saved', 'workshop')."""
    if problems:
        _session()[NOTICES_KEY] = (source, problems)


# --------------------------------------------------------------------------------------
# The budget


def set_budget(budget: Budget) -> None:
    """The budget inputs' values for the current municipality (call before they exist)."""
    state = _session()
    state[BUDGET_KT_KEY] = int(budget.kt)
    state[BUDGET_START_KEY] = int(budget.start)
    state[BUDGET_BECCS_KEY] = bool(budget.count_beccs)
    state[BUDGET_FOR_KEY] = current_municipality()
    _forget_inputs()


def forget_budget() -> None:
    """The budget could not be used: the next run starts from the municipality's."""
    _session().pop(BUDGET_FOR_KEY, None)
    _forget_inputs()


def _ensure_budget(state: MutableMapping[str, Any], data: MunicipalityData) -> None:
    if state.get(BUDGET_FOR_KEY) != data.code or BUDGET_KT_KEY not in state:
        start = starting_budget(data)
        state[BUDGET_KT_KEY] = start.kt
        state[BUDGET_START_KEY] = start.start
        state[BUDGET_FOR_KEY] = data.code
    state.setdefault(BUDGET_BECCS_KEY, False)  # kept across municipalities, like the toggle


# --------------------------------------------------------------------------------------
# The address


def _run_is_back_or_forward() -> bool:
    """Whether the browser's Back or Forward started this run (Streamlit's popstate flag).

    An address that differs from the last one written is not enough: a lever moved while
    the previous move's run is still on its way carries the address the browser had before
    that run's write arrived, and taken as a step back it undid the move (five ArrowLeft
    presses in Chromium ended at 97 %, not 95 %). Outside a run (tests driving this module
    with plain dicts) there is no flag, and the address alone decides.
    """
    ctx = get_script_run_ctx(suppress_warning=True)
    return ctx is None or bool(getattr(ctx, "is_history_navigation", False))


def _address_changed_by_browser(params: dict[str, str]) -> bool:
    """True when the browser's Back or Forward put a scenario this session did not write
    last into the address.

    The app writes the address after every run (ui/sharing.py), so an address that differs
    from the last one written came from the browser's history, if the browser says the
    run is a history step (``_run_is_back_or_forward``). An empty address is not taken as
    one: Streamlit clears the parameters when the user switches pages, and the scenario
    must survive that.
    """
    written = _session().get(LINK_WRITTEN_KEY)
    return (bool(params) and written is not None and params != written
            and _run_is_back_or_forward())


def _read_address() -> tuple[LinkProblem, ...]:
    """On a session's first run (and after Back/Forward), the address sets the scenario.

    Whatever cannot be read keeps its default (the reference) and is reported. The address
    changes with every lever move (a browser history entry each), so Back and Forward step
    through the user's own lever moves.
    """
    state = _session()
    params = _address()
    history = bool(state.get(LINK_READ_KEY)) and _address_changed_by_browser(params)
    if state.get(LINK_READ_KEY) and not history:
        return ()
    state[LINK_READ_KEY] = True
    if not params:
        return ()
    names = municipality_names()
    parsed = parse_link(params, names)
    if parsed.lang is not None or history:
        state[LANG_KEY] = parsed.lang or DEFAULT_LANGUAGE
    code = parsed.municipality or default_municipality(names)
    state[MUNICIPALITY_KEY] = code
    state[SHOWN_MUNICIPALITY_KEY] = code
    problems = apply_levers(parsed.levers, "history" if history else "link")
    if parsed.sets_budget or history:
        default = default_budget(municipality_data(code))
        set_budget(Budget(default.kt if parsed.budget_kt is None else parsed.budget_kt,
                          default.start if parsed.budget_start is None else parsed.budget_start,
                          bool(parsed.count_beccs)))
    if parsed.presenter is not None or history:
        state[PRESENTER_KEY] = bool(parsed.presenter)
    if parsed.workshop is not None or history:
        if parsed.workshop is None:
            state.pop(WORKSHOP_KEY, None)
        else:
            state[WORKSHOP_KEY] = parsed.workshop
    # facilitator=1 grants nothing; a facilitator link's token waits for the workshop page to
    # check it against the store (ui/workshop_page.py), and is never written back.
    if parsed.facilitator_token is not None:
        state[FACILITATOR_TOKEN_KEY] = parsed.facilitator_token
    if parsed.device_key is not None:
        state[DEVICE_KEY] = parsed.device_key
    return parsed.problems + problems


def address_params(inputs: ScenarioInputs) -> dict[str, str]:
    """The query parameters of the session's scenario (what differs from the reference)."""
    state = _session()
    return link_params(inputs.data.code, inputs.lang, inputs.levers.as_dict(),
                       inputs.reference.as_dict(), inputs.budget, inputs.default_budget,
                       presenter=bool(state.get(PRESENTER_KEY)),
                       workshop=state.get(WORKSHOP_KEY), device=state.get(DEVICE_KEY))


# --------------------------------------------------------------------------------------
# Once per run


def _fits(value: object, lever_id: str, data: MunicipalityData) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and LEVERS_BY_ID[lever_id].min <= value <= lever_max(data, lever_id))


def begin_run() -> ScenarioInputs:
    """Work out the scenario at the top of a run, before any widget: the address (first run,
    Back/Forward), defaults for what is not set, levers that fit the municipality."""
    state = _session()
    _forget_inputs()  # a callback may have written a key directly (the language toggle)
    add_notice("link", _read_address())
    if state.get(LANG_KEY) not in LANGUAGES:
        state[LANG_KEY] = DEFAULT_LANGUAGE
    names = municipality_names()
    if state.get(MUNICIPALITY_KEY) not in names:
        state[MUNICIPALITY_KEY] = (default_municipality(names) if MUNICIPALITY_KEY not in state
                                   else next(iter(names)))
    data = municipality_data(current_municipality())
    if not all(_fits(state.get(lever_key(spec.id)), spec.id, data) for spec in LEVER_SPECS):
        # Nothing set yet (a new session), or a value from elsewhere beyond this
        # municipality's range (a slider cannot show it): the clean values, clipped.
        present = {spec.id: state[lever_key(spec.id)] for spec in LEVER_SPECS
                   if lever_key(spec.id) in state}
        apply_levers(present, "fit" if present else "start")
    _ensure_budget(state, data)
    state[SHOWN_MUNICIPALITY_KEY] = data.code
    _forget_inputs()
    return read_inputs()


def keep_for_page_switch() -> None:
    """Set in code what st.switch_page would otherwise reset: language, municipality, levers.

    A page switch reruns without the browser's widget values; a widget keeps its value only
    if code set it. Call from a callback, before the widgets exist. Changes no value.
    """
    state = _session()
    state[LANG_KEY] = current_language()
    if MUNICIPALITY_KEY in state:
        state[MUNICIPALITY_KEY] = state[MUNICIPALITY_KEY]
    for spec in LEVER_SPECS:
        if lever_key(spec.id) in state:
            state[lever_key(spec.id)] = state[lever_key(spec.id)]
