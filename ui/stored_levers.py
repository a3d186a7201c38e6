"""Levers stored earlier (a saved scenario, a workshop submission) back into the session."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from model.levers import LEVERS_BY_ID
from model.paths import reference_levers
from presentation.links import LinkProblem, format_number, shown
from ui.data_access import municipality_data, municipality_names
from ui.presets_ui import ACTIVE_PRESET_KEY, matching_preset, set_levers
from ui.sharing import fit_to_municipality
from ui.state import MUNICIPALITY_KEY, current_municipality


def load_stored_levers(
    municipality_code: str, levers: Mapping[str, float]
) -> tuple[str, dict[str, float], list[LinkProblem]]:
    """Set municipality and levers in session state; return the code, the values set and
    what could not be used (unknown lever, out of range, not for this municipality), which
    takes the reference instead. Call from a callback, before the sidebar's widgets exist.
    """
    state = st.session_state
    problems: list[LinkProblem] = []
    code = municipality_code
    if code in municipality_names():
        state[MUNICIPALITY_KEY] = code
    else:
        problems.append(LinkProblem("unknown_municipality", "kommun", shown(code)))
        code = current_municipality()
    data = municipality_data(code)
    readable: dict[str, float] = {}
    for lever_id, value in levers.items():
        spec = LEVERS_BY_ID.get(lever_id)
        if spec is None:
            problems.append(LinkProblem("unknown_param", shown(lever_id),
                                        shown(format_number(value))))
        elif not spec.min <= value <= spec.max:
            problems.append(LinkProblem("out_of_range", lever_id, shown(format_number(value))))
        else:
            readable[lever_id] = float(value)
    kept, unfit = fit_to_municipality(readable, data)
    problems.extend(unfit)
    values = {**reference_levers(data).as_dict(), **kept}
    set_levers(values)
    preset_id = matching_preset(values, code)
    if preset_id is None:
        state.pop(ACTIVE_PRESET_KEY, None)
    else:
        state[ACTIVE_PRESET_KEY] = preset_id
    return code, values, problems
