"""Keep Streamlit's old pages-folder mode away from every first visit, also several at once.

With a pages/ folder beside app.py, Streamlit (1.67) runs a session's script inside its old
multipage wrapper while a process-wide class flag, ``PagesManager.uses_pages_directory``,
says so: None until the first session, then True (the folder exists), False once any run
calls st.navigation. Inside the wrapper a deep link runs its page file alone (no sidebar,
the file names as navigation, a facilitator's workshop link lost), or runs app.py under
another page hash, so the sidebar's widgets get other ids and the first lever moved is lost.

``python -m ui.server`` (make run, the cluster, the benches, the tests) clears the flag
before the server starts (``clear_before_start``): no run ever sees the wrapper and nothing
else here does anything.

Under a plain ``streamlit run app.py`` the flag cannot be trusted inside a run: another
session may clear it between this run's start (already inside the wrapper) and the check.
That race broke several first visits at once (three visits right after a start: 3 of 3
starts broken). So the decision is per session instead: a session's first run, once app.py's
st.navigation has resolved the address's page, clears the flag and starts again; the next
run is the app for certain. A page file that runs before app.py did in its session is inside
the wrapper by definition, and does the same. The one Streamlit internal is the flag, which
is only ever written here, never read.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

# Session state: this session has run as the app (or cleared the flag and restarted).
SETTLED_KEY = "first_run_settled"
_cleared_before_start = False


def clear_before_start() -> None:
    """Switch the old mode off for the whole process, before the server takes sessions."""
    global _cleared_before_start
    PagesManager.uses_pages_directory = False
    _cleared_before_start = True


def _settled() -> bool:
    return _cleared_before_start or bool(st.session_state.get(SETTLED_KEY))


def _start_again_as_the_app() -> None:
    st.session_state[SETTLED_KEY] = True
    PagesManager.uses_pages_directory = False
    st.rerun()  # the same page: st.navigation or the page file has resolved it


def settle_first_run() -> None:
    """app.py, right after st.navigation: a session's first run starts again as the app."""
    if not _settled():
        _start_again_as_the_app()


def leave_pages_folder_mode() -> None:
    """A page file, first thing: run without app.py in this session, it is in the wrapper."""
    if not _settled():
        _start_again_as_the_app()
