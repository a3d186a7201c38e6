"""The preset picker at the top of the levers: choose a preset, read why, apply it.

Applying is an explicit button press (never on select), and the caption says beforehand
how many of the user's own lever settings it would replace. The applied preset stays
"active" until the levers are reset or another scenario is loaded: its reasons then show
in the levers' help and the caption says whether the levers still follow it.
"""

from __future__ import annotations

import streamlit as st

from model.levers import Levers, differing
from presentation.i18n import t
from ui.data_access import load_presets, preset_lever_values
from ui.scenario_state import apply_preset, read_inputs

PRESET_CHOICE_KEY = "preset_choice"
APPLY_BUTTON_KEY = "apply_preset"


def apply_chosen_preset() -> None:
    """Button callback: every lever to the chosen preset's value for this municipality."""
    apply_preset(str(st.session_state.get(PRESET_CHOICE_KEY)))


def n_levers(n: int, lang: str) -> str:
    """'1 spak', '3 spakar' (and '1 lever', '3 levers')."""
    return t("n_levers_one" if n == 1 else "n_levers_many", lang, n=n)


def preset_picker(reference: Levers, lang: str) -> None:
    """Selectbox and Apply button, the chosen preset's rationale and what applying replaces."""
    presets = load_presets()
    inputs = read_inputs()
    code = inputs.data.code
    # One container, so that the captions coming and going do not shift the sliders below.
    sidebar = st.sidebar.container()
    choice = sidebar.selectbox(
        t("preset_choose", lang),
        options=list(presets),
        index=None,
        format_func=lambda preset_id: presets[preset_id].name(lang),
        placeholder=t("preset_placeholder", lang),
        key=PRESET_CHOICE_KEY,
        help=t("preset_choose_help", lang),
    )
    values = inputs.levers.as_dict()
    if choice is not None:
        about = [presets[choice].rationale(lang)]
        own = len(differing(values, reference.as_dict()))
        replaced = len(differing(values, preset_lever_values(choice, code)))
        if replaced and own:  # the user's settings are not the reference: say what goes
            about.append(t("preset_will_replace", lang, levers=n_levers(replaced, lang)))
        sidebar.caption("\n\n".join(about))
    sidebar.button(t("preset_apply", lang), key=APPLY_BUTTON_KEY, on_click=apply_chosen_preset,
                   disabled=choice is None, help=t("preset_apply_help", lang), type="primary",
                   width="stretch")
    active = presets.get(inputs.preset_id) if inputs.preset_id else None
    if active is not None:
        changed = len(differing(values, preset_lever_values(active.id, code)))
        sidebar.caption(t("preset_active_changed", lang, name=active.name(lang),
                          levers=n_levers(changed, lang))
                        if changed else t("preset_active", lang, name=active.name(lang)))
