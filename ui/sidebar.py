"""The sidebar: language, municipality, and the levers grouped by sector."""

from __future__ import annotations

from functools import lru_cache

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


@lru_cache(maxsize=32)
def _help_texts(lang: str, reference: Levers) -> dict[str, str]:
    """Each lever's tooltip: what it means, its reference and why, who controls it, source."""
    sources = source_titles(lang)
    references = reference.as_dict()
    return {
        spec.id: "\n\n".join([
            spec.help(lang),
            t("lever_help_reference", lang,
              value=fmt_lever_value(references[spec.id], spec.unit, lang),
              note=spec.reference_note(lang)),
            t("lever_help_control", lang, control=CONTROL_LABELS[lang][spec.control]),
            t("lever_help_source", lang, source=sources.get(spec.source_id, spec.source_id)),
        ])
        for spec in LEVER_SPECS
    }


def lever_widgets(reference: Levers, lang: str) -> None:
    """One slider per lever, in an expander per sector group, with a reset button."""
    ensure_lever_state(reference)
    sidebar = st.sidebar
    sidebar.subheader(t("levers_heading", lang))
    sidebar.caption(t("levers_intro", lang))
    sidebar.button(t("reset", lang), key="reset_levers", on_click=reset_levers,
                   args=(reference,), width="stretch")
    help_texts = _help_texts(lang, reference)
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
                    # Session state holds the value; passing the reference as well spares
                    # Streamlit a scan of the whole session state per slider and rerun.
                    value=references[spec.id],
                    step=float(spec.step),
                    format=_slider_format(spec),
                    key=lever_key(spec.id),
                    help=help_texts[spec.id],
                )
