"""Keep Streamlit out of its old pages-folder mode, which breaks the first visitor's levers.

With a pages/ folder beside app.py, Streamlit runs the very first script run of a fresh
server inside its old multipage wrapper, until st.navigation switches that mode off for the
process. Widget ids include the running page's hash, so the sidebar sliders of that first
run get other ids than in every later run, and the first lever the first visitor moves is
lost (seen in headless Chromium). Switching the mode off and rerunning at once, before
anything is drawn, gives every run the same ids.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def leave_pages_folder_mode() -> None:
    """Rerun without the old multipage wrapper if this run is inside it (first run only)."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
