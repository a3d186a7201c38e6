"""The user's choice of how estimated budgets are allocated, shared by the scenario budget
section and the Sverige page (session state; model/budget_estimate.py does the maths)."""

from __future__ import annotations

import streamlit as st

from model.budget_estimate import DEFAULT_EMISSIONS_WEIGHT, DEFAULT_PRINCIPLE, PRINCIPLES
from presentation.i18n import t
from ui.scenario_state import PRINCIPLE_KEY, WEIGHT_KEY, current_principle


def principle_widgets(lang: str, on_change: object = None, args: tuple = ()) -> None:
    """The principle as a radio (and the mix's weight as a slider), with stable keys; kept
    for the session when a page without them runs (persist_state)."""
    st.session_state.setdefault(PRINCIPLE_KEY, DEFAULT_PRINCIPLE)
    st.radio(t("sverige_budget_principle", lang), options=list(PRINCIPLES),
             format_func=lambda p: t(f"principle_{p}", lang), key=PRINCIPLE_KEY,
             horizontal=True, on_change=on_change, args=args, persist_state="session")
    if st.session_state[PRINCIPLE_KEY] == "blandning":
        st.session_state.setdefault(WEIGHT_KEY, int(DEFAULT_EMISSIONS_WEIGHT * 100))
        st.slider(t("principle_weight", lang), min_value=0, max_value=100, step=5,
                  key=WEIGHT_KEY, on_change=on_change, args=args, persist_state="session")


def note(lang: str, one_municipality: bool = True) -> str:
    """How estimated budgets are allocated under the current choice; for one municipality
    (its scenario page) it adds that the municipality has no published budget."""
    principle, weight = current_principle()
    pct = round(weight * 100)
    how = t(f"principle_how_{principle}", lang, pct=pct, rest=100 - pct)
    text = t("principle_estimate", lang, how=how)
    return f"{text} {t('principle_no_own_budget', lang)}" if one_municipality else text
