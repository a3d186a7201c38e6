"""The sidebar: language, municipality, and the levers grouped by sector."""

from __future__ import annotations

import streamlit as st

from model.levers import CONTROL_LABELS, GROUP_LABELS, GROUPS, LEVER_SPECS, Levers, LeverSpec
from ui.data_access import municipality_names, source_titles
from ui.formatting import fmt_lever_value
from ui.i18n import LANGUAGES, t
from ui.state import (
    LANG_KEY,
    MUNICIPALITY_KEY,
    current_language,
    ensure_lever_state,
    lever_key,
    reset_levers,
)

LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


def _slider_format(spec: LeverSpec) -> str:
    if spec.unit == "%":
        return "%d %%"
    if spec.unit == "år":
        return "%d"
    return "%d kt/år"


def language_and_municipality() -> tuple[str, str]:
    """Language switch and municipality choice at the top of the sidebar."""
    st.session_state.setdefault(LANG_KEY, "sv")
    st.sidebar.radio(
        t("language", current_language()),
        options=list(LANGUAGES),
        format_func=LANGUAGE_NAMES.__getitem__,
        key=LANG_KEY,
        horizontal=True,
    )
    lang = current_language()
    names = municipality_names()
    st.session_state.setdefault(MUNICIPALITY_KEY, "0780" if "0780" in names else next(iter(names)))
    if st.session_state[MUNICIPALITY_KEY] not in names:
        st.session_state[MUNICIPALITY_KEY] = next(iter(names))
    st.sidebar.selectbox(
        t("municipality", lang),
        options=list(names),
        format_func=lambda code: f"{names[code]} ({code})",
        key=MUNICIPALITY_KEY,
    )
    return lang, str(st.session_state[MUNICIPALITY_KEY])


def _help(spec: LeverSpec, reference: float, lang: str, sources: dict[str, str]) -> str:
    parts = [
        spec.help(lang),
        t("lever_help_reference", lang, value=fmt_lever_value(reference, spec.unit, lang),
          note=spec.reference_note(lang)),
        t("lever_help_control", lang, control=CONTROL_LABELS[lang][spec.control]),
        t("lever_help_source", lang, source=sources.get(spec.source_id, spec.source_id)),
    ]
    return "\n\n".join(parts)


def lever_widgets(reference: Levers, lang: str) -> None:
    """One slider per lever, in an expander per sector group, with a reset button."""
    ensure_lever_state(reference)
    sidebar = st.sidebar
    sidebar.subheader(t("levers_heading", lang))
    sidebar.caption(t("levers_intro", lang))
    sidebar.button(t("reset", lang), key="reset_levers", on_click=reset_levers,
                   args=(reference,), width="stretch")
    sources = source_titles(lang)
    references = reference.as_dict()
    for group in GROUPS:
        specs = [spec for spec in LEVER_SPECS if spec.group == group]
        changed = sum(
            abs(float(st.session_state[lever_key(s.id)]) - references[s.id]) > 1e-9 for s in specs
        )
        label = GROUP_LABELS[lang][group]
        if changed:
            label += f" ({changed} ≠ ref.)"
        with sidebar.expander(label, expanded=group == "transport", key=f"group_{group}"):
            for spec in specs:
                st.slider(
                    spec.label(lang),
                    min_value=float(spec.min),
                    max_value=float(spec.max),
                    step=float(spec.step),
                    format=_slider_format(spec),
                    key=lever_key(spec.id),
                    help=_help(spec, references[spec.id], lang, sources),
                )
