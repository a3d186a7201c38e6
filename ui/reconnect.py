"""A page whose app process died comes back by itself, so the first click after it counts.

Why it looks like this:

* Behind HAProxy (deploy/haproxy.py) a page whose process dies reconnects its websocket
  through the proxy, which sends it to a live process. That process has never seen the
  page's session, so it starts a new, empty one.
* Streamlit's frontend asks for a script run on a reconnect only when it thinks the server
  may have lost track of the page: a run was in progress, the last run was a fragment's, or
  the page has a fragment that reruns on a timer. Otherwise it assumes the server kept its
  session (true for a network blip to the same process) and waits for the visitor.
* So the new session's first run used to be the visitor's first action. That run starts
  from the page address (ui/scenario_state.begin_run), which sets the levers before the
  sliders exist and so overwrote the lever just moved; and a button's callback is known
  only to sessions whose runs drew the button, so a first click on "Skicka in" ran nothing.
  The first action after a crash did nothing; the second worked.
* A fragment with a long timer (drawing nothing) makes every page one that asks for a run
  on reconnect: the frontend sends its widget values and address at once, the new session
  runs from them and redraws the page, and the visitor's first action reaches a session
  that knows every widget. The timer itself fires once an hour and reruns only the empty
  fragment.

Remaining: an action in the second or so between the reconnect and the end of that first
run still reaches a session that is mid-way through it (a lever move then reruns with the
new value; a click lands after the button is drawn, or is lost if it came before).
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

# Long: the timer only has to exist; its runs cost one empty fragment run an hour.
RECONNECT_TIMER_S = 3600


@st.fragment(run_every=RECONNECT_TIMER_S)
def _run_on_reconnect() -> None:
    """Draws nothing: its timer is what makes the frontend ask for a run on reconnect."""


def run_on_reconnect(slot: DeltaGenerator) -> None:
    """Register the timer fragment in ``slot`` (call on every run of every page)."""
    with slot:
        _run_on_reconnect()
