"""The user's choice of how estimated budgets are allocated, shared by the scenario budget
section and the Sverige page (session state; model/budget_estimate.py does the maths)."""

from __future__ import annotations

import numpy as np
import streamlit as st

from model.budget_estimate import (
    DEFAULT_EMISSIONS_WEIGHT,
    DEFAULT_PRINCIPLE,
    PRINCIPLES,
    allocated_budgets,
    principle_note,
)
from presentation.i18n import t
from ui.data_access import budget_allocation_basis

PRINCIPLE_KEY = "budget_principle"
WEIGHT_KEY = "budget_emissions_weight_pct"


def current_principle() -> tuple[str, float]:
    """The chosen principle and the emissions weight (0–1) for the mix."""
    state = st.session_state
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
    return None if np.isnan(value) else value


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


def note(lang: str) -> str:
    """How estimated budgets are allocated under the current choice."""
    principle, weight = current_principle()
    return principle_note(principle, weight, lang)
