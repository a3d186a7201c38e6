"""The sidebar: language, municipality, and the levers grouped by sector."""

from __future__ import annotations

from functools import lru_cache

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from model.levers import (
    CONTROL_LABELS,
    GROUP_LABELS,
    GROUPS,
    LEVER_SPECS,
    Levers,
    LeverSpec,
    differing,
)
from model.local_levers import BECCS_LEVERS, BECCS_POTENTIAL_PARAMETER, lever_max
from presentation.formatting import fmt_lever_value
from presentation.i18n import LANGUAGES, t
from ui.data_access import (
    load_presets,
    municipality_labels,
    parameter_row,
    preset_lever_values,
    source_titles,
)
from ui.presets_ui import preset_picker
from ui.scenario_state import (
    LANG_KEY,
    MUNICIPALITY_KEY,
    SWITCH_NOTE_KEY,
    current_language,
    lever_key,
    municipality_chosen,
    read_inputs,
    reset_levers,
)

LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


def _slider_format(spec: LeverSpec, lang: str = "sv") -> str:
    if spec.unit == "%":
        return "%d %%" if lang == "sv" else "%d%%"
    if spec.unit == "år":
        return "%d"
    return "%d kt/år" if lang == "sv" else "%d kt/yr"


def language_and_municipality() -> tuple[str, str]:
    """Language switch and municipality choice at the top of the sidebar (their values are
    set before the run by ui/scenario_state.begin_run)."""
    st.sidebar.radio(
        t("language", current_language()),
        options=list(LANGUAGES),
        format_func=LANGUAGE_NAMES.__getitem__,
        key=LANG_KEY,
        horizontal=True,
    )
    lang = current_language()
    labels = municipality_labels()
    # 290 options grouped by county ("Län – Kommun (kod)"); the selectbox filters as one
    # types, so a name, a county or a code finds it. The value stays the code (links, tests).
    st.sidebar.selectbox(
        t("municipality", lang),
        options=list(labels),
        format_func=labels.__getitem__,
        key=MUNICIPALITY_KEY,
        help=t("municipality_picker_help", lang),
        on_change=municipality_chosen,
    )
    show_switch_note(lang)
    return lang, str(st.session_state[MUNICIPALITY_KEY])


def show_switch_note(lang: str) -> None:
    """Once after a switch: which moved levers carried over, and which were reset."""
    note = st.session_state.pop(SWITCH_NOTE_KEY, None)
    if not note:
        return
    name, kept, reset = note
    label = {spec.id: spec.label(lang) for spec in LEVER_SPECS}
    if kept:
        st.sidebar.caption(t("switch_kept", lang, name=name,
                             levers=", ".join(label[i] for i in kept)))
    if reset:
        st.sidebar.warning(t("switch_reset", lang, name=name,
                             levers=", ".join(label[i] for i in reset)),
                           icon=":material/restart_alt:")


@lru_cache(maxsize=32)
def _help_texts(lang: str, reference: Levers, code: str,
                preset_id: str | None = None) -> dict[str, str]:
    """Each lever's tooltip: what it means, its reference and why, who controls it, source.

    With a preset active, the preset's value and reason for the lever come first.

    BECCS names the municipality's own plant and source (parameter beccs_potential_kt).
    """
    sources = source_titles(lang)
    references = reference.as_dict()
    beccs = parameter_row(code, BECCS_POTENTIAL_PARAMETER)
    texts = {}
    preset = load_presets().get(preset_id) if preset_id else None
    for spec in LEVER_SPECS:
        source_id, local = spec.source_id, ""
        if spec.id in BECCS_LEVERS and beccs is not None:
            source_id = beccs["source_id"] or source_id
            local = beccs["note_en" if lang == "en" else "note_sv"]
        reason = preset.reason(spec.id, lang) if preset is not None else ""
        texts[spec.id] = "\n\n".join(part for part in [
            t("lever_help_preset", lang, name=preset.name(lang), reason=reason,
              value=fmt_lever_value(preset_lever_values(preset.id, code)[spec.id], spec.unit,
                                    lang))
            if preset is not None and reason else "",
            spec.help(lang),
            local,
            t("lever_help_reference", lang,
              value=fmt_lever_value(references[spec.id], spec.unit, lang),
              note=spec.reference_note(lang)),
            t("lever_help_max", lang, reason=spec.max_reason(lang),
              source=sources.get(spec.max_source_id, spec.max_source_id))
            if spec.max_reason(lang) else "",
            t("lever_help_control", lang, control=CONTROL_LABELS[lang][spec.control]),
            t("lever_help_source", lang, source=sources.get(source_id, source_id)),
        ] if part)
    return texts


def lever_widgets(reference: Levers, lang: str) -> None:
    """One slider per lever, in an expander per sector group, with a reset button."""
    sidebar = st.sidebar
    sidebar.subheader(t("levers_heading", lang))
    sidebar.caption(t("levers_intro", lang))
    preset_picker(reference, lang)
    sidebar.button(t("reset", lang), key="reset_levers", on_click=reset_levers,
                   width="stretch")
    lever_groups(sidebar, reference, lang)


def lever_groups(parent: DeltaGenerator, reference: Levers, lang: str,
                 expanded: str | None = "transport") -> None:
    """The sliders in one expander per sector group, inside parent (the sidebar, or the
    page itself in the workshop's participant view). The widget keys are the same wherever
    they are drawn, so a page must draw them in one place only."""
    inputs = read_inputs()  # the levers fit this municipality (scenario_state.begin_run)
    data = inputs.data
    help_texts = _help_texts(lang, reference, data.code, inputs.preset_id)
    references = reference.as_dict()
    moved = set(differing(inputs.levers.as_dict(), references))
    maxima = {spec.id: lever_max(data, spec.id) for spec in LEVER_SPECS}
    for group in GROUPS:
        specs = [spec for spec in LEVER_SPECS if spec.group == group]
        # No plant, no BECCS: the group says so instead of offering sliders (local_levers).
        hidden = group == "beccs" and maxima["beccs_kt"] <= 0
        changed = 0 if hidden else sum(s.id in moved for s in specs)
        label = GROUP_LABELS[lang][group]
        if changed:
            label += f" ({changed} ≠ ref.)"
        with parent.expander(label, expanded=group == expanded, key=f"group_{group}"):
            if hidden:
                st.caption(t("beccs_no_potential", lang, name=data.name))
                continue
            for spec in specs:
                st.slider(
                    spec.label(lang),
                    min_value=float(spec.min),
                    max_value=float(maxima[spec.id]),
                    # Session state holds the value; passing the reference as well spares
                    # Streamlit a scan of the whole session state per slider and rerun.
                    value=references[spec.id],
                    step=float(spec.step),
                    format=_slider_format(spec, lang),
                    key=lever_key(spec.id),
                    help=help_texts[spec.id],
                )
