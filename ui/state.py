"""Session state shared by app.py and the pages: language, municipality and lever values."""

from __future__ import annotations

import streamlit as st

from model.levers import LEVER_SPECS, LeverError, Levers
from presentation.i18n import DEFAULT_LANGUAGE, LANGUAGES

LANG_KEY = "lang"
MUNICIPALITY_KEY = "municipality"
DEFAULT_MUNICIPALITY = "0780"
# Presenter mode (ui/presenter.py) and the workshop the session takes part in
# (ui/workshop_page.py); all three are kept in the page address by ui/sharing.py.
PRESENTER_KEY = "presenter"
WORKSHOP_KEY = "workshop_code"
# The workshop code this session is the verified facilitator of (never set from the address).
FACILITATOR_KEY = "workshop_facilitator"
# A facilitator link's token read from the address, not yet checked (ui/workshop_page.py).
FACILITATOR_TOKEN_KEY = "workshop_facilitator_token"
# The participant device's key (ui/workshop_page.py makes it; the address keeps it).
DEVICE_KEY = "workshop_device_key"


def lever_key(lever_id: str) -> str:
    """The widget key of a lever's slider (stable: tests and links use it)."""
    return f"lever_{lever_id}"


def current_language() -> str:
    """The chosen language, Swedish unless English was picked."""
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def current_municipality() -> str:
    """The chosen municipality code."""
    return str(st.session_state.get(MUNICIPALITY_KEY, DEFAULT_MUNICIPALITY))


def ensure_lever_state(reference: Levers) -> None:
    """Give every lever slider its reference value the first time a session sees it."""
    for spec in LEVER_SPECS:
        st.session_state.setdefault(lever_key(spec.id), float(getattr(reference, spec.id)))


def reset_levers(reference: Levers) -> None:
    """Put every lever back to the reference (used as a button callback)."""
    for spec in LEVER_SPECS:
        st.session_state[lever_key(spec.id)] = float(getattr(reference, spec.id))


def current_levers(reference: Levers) -> Levers:
    """The levers as the sliders show them; a value that does not fit falls back."""
    values = {}
    for spec in LEVER_SPECS:
        value = st.session_state.get(lever_key(spec.id), getattr(reference, spec.id))
        values[spec.id] = float(value)
    try:
        return reference.with_values(**values)
    except LeverError:
        return reference
