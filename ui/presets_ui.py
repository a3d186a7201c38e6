"""The preset picker at the top of the levers: choose a preset, read why, apply it.

Applying is an explicit button press (never on select), and the caption says beforehand
how many of the user's own lever settings it would replace. The applied preset stays
"active" until the levers are reset or another scenario is loaded: its reasons then show
in the levers' help and the caption says whether the levers still follow it.
"""

from __future__ import annotations

import streamlit as st

from model.levers import Levers
from model.presets import Preset, presets_from_tables
from presentation.i18n import t
from ui.data_access import load_tables, municipality_data
from ui.shared_cache import shared
from ui.state import current_municipality, lever_key, reset_levers

PRESET_CHOICE_KEY = "preset_choice"
ACTIVE_PRESET_KEY = "active_preset"
APPLY_BUTTON_KEY = "apply_preset"


@shared()
def load_presets() -> dict[str, Preset]:
    """Every preset by id, in the order of data/preset_descriptions.csv (once per server)."""
    return {preset.id: preset for preset in presets_from_tables(load_tables().tables)}


@shared()
def preset_lever_values(preset_id: str, code: str) -> dict[str, float]:
    """A preset's lever values for one municipality (its values on top of the reference)."""
    return load_presets()[preset_id].levers(municipality_data(code)).as_dict()


def active_preset() -> Preset | None:
    """The preset last applied in this session, if any."""
    preset_id = st.session_state.get(ACTIVE_PRESET_KEY)
    return load_presets().get(preset_id) if preset_id else None


def set_levers(values: dict[str, float]) -> None:
    """Put lever values into the sliders' state (call from a callback or before the sliders)."""
    for lever_id, value in values.items():
        st.session_state[lever_key(lever_id)] = float(value)


def apply_chosen_preset() -> None:
    """Button callback: every lever to the chosen preset's value for this municipality."""
    preset_id = st.session_state.get(PRESET_CHOICE_KEY)
    if preset_id not in load_presets():
        return
    set_levers(preset_lever_values(preset_id, current_municipality()))
    st.session_state[ACTIVE_PRESET_KEY] = preset_id


def reset_levers_and_preset(reference: Levers) -> None:
    """Reset button callback: every lever to the reference, and no preset active."""
    reset_levers(reference)
    st.session_state.pop(ACTIVE_PRESET_KEY, None)


def matching_preset(values: dict[str, float], code: str) -> str | None:
    """The id of a preset whose levers equal these values exactly, if any."""
    for preset_id in load_presets():
        if preset_lever_values(preset_id, code) == values:
            return preset_id
    return None


def n_levers(n: int, lang: str) -> str:
    """'1 spak', '3 spakar' (and '1 lever', '3 levers')."""
    return t("n_levers_one" if n == 1 else "n_levers_many", lang, n=n)


def _changed(values: dict[str, float], target: dict[str, float]) -> int:
    return sum(abs(values[k] - target[k]) > 1e-9 for k in target)


def preset_picker(reference: Levers, lang: str) -> None:
    """Selectbox and Apply button, the chosen preset's rationale and what applying replaces."""
    presets = load_presets()
    code = current_municipality()
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
    values = {k: float(st.session_state.get(lever_key(k), v))
              for k, v in reference.as_dict().items()}
    if choice is not None:
        about = [presets[choice].rationale(lang)]
        own = _changed(values, reference.as_dict())
        replaced = _changed(values, preset_lever_values(choice, code))
        if replaced and own:  # the user's settings are not the reference: say what goes
            about.append(t("preset_will_replace", lang, levers=n_levers(replaced, lang)))
        sidebar.caption("\n\n".join(about))
    sidebar.button(t("preset_apply", lang), key=APPLY_BUTTON_KEY, on_click=apply_chosen_preset,
                   disabled=choice is None, help=t("preset_apply_help", lang), type="primary",
                   width="stretch")
    active = active_preset()
    if active is not None:
        changed = _changed(values, preset_lever_values(active.id, code))
        sidebar.caption(t("preset_active_changed", lang, name=active.name(lang),
                          levers=n_levers(changed, lang))
                        if changed else t("preset_active", lang, name=active.name(lang)))
