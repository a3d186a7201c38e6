"""Everything of a run but the page body: sidebar, navigation, the address, the page.

Kept out of app.py so that the entry script stays a few lines: Streamlit compiles its
entry script for every run in AppTest (the benches and tests), and a module is compiled
once per process.

Order of what a visitor sees is app.py's of before: in the sidebar language,
municipality, the share box, then the levers; in the page the accessibility frame, a store
problem, the link notices, then the page. The navigation is resolved before the levers so
that the share box can be drawn in its place directly (no slot container per run).
"""

from __future__ import annotations

import base64
import copy
import logging
import os
from functools import lru_cache
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from presentation.i18n import t
from ui.accessibility import page_frame
from ui.data_access import follow_imports_elsewhere, load_tables
from ui.memory import freeze_startup_objects
from ui.pages_folder import settle_first_run
from ui.participant_view import keep_on_workshop, participant_mode
from ui.reconnect import run_on_reconnect
from ui.run_turns import RUNS
from ui.scenario_state import begin_run
from ui.sharing import sync_link
from ui.sidebar import language_and_municipality, lever_widgets

# The tab's icon as a data URL, read once: given the file's path, st.set_page_config reads
# it and registers it as a media file on every run (~0.5 ms); the browser shows the same.
FAVICON = "data:image/png;base64," + base64.b64encode(
    (Path(__file__).parent / "assets" / "favicon.png").read_bytes()).decode("ascii")
# (file, title key, icon, url_path): the app's pages in menu order; the first is the default.
PAGES = (
    ("pages/scenario.py", "page_scenario", ":material/show_chart:", None),
    ("pages/data_och_metod.py", "page_data", ":material/menu_book:", "data"),
    ("pages/beslutsstod.py", "page_decisions", ":material/target:", "beslutsstod"),
    ("pages/jamfor.py", "page_compare", ":material/compare_arrows:", "jamfor"),
    ("pages/sparade.py", "page_saved", ":material/bookmarks:", "sparade"),
    ("pages/kommuner.py", "page_municipalities", ":material/location_city:", "kommuner"),
    ("pages/sverige.py", "page_sverige", ":material/map:", "sverige"),
    ("pages/importera.py", "page_import", ":material/upload_file:", "importera"),
    ("pages/workshop.py", "page_workshop", ":material/groups:", "workshop"),
)


@lru_cache(maxsize=8)
def _page_templates(lang: str, root: str) -> tuple[st.Page, ...]:
    """The st.Page objects in one language, built once per process (st.Page resolves and
    checks each file on disk: ~3 % of a rerun). Never handed to Streamlit: st.navigation
    marks the page it returns, so every run gets its own copies (``_pages``)."""
    del root  # part of the key only: the app folder the paths were resolved against
    return tuple(
        st.Page(path, title=t(title, lang), icon=icon, url_path=url_path,
                default=url_path is None)
        for path, title, icon, url_path in PAGES
    )


def _pages(lang: str) -> list[st.Page]:
    """This run's own st.Page objects (shallow copies: their fields are strings and paths)."""
    ctx = get_script_run_ctx()
    root = str(ctx.pages_manager.main_script_parent) if ctx else str(Path.cwd())
    return [copy.copy(page) for page in _page_templates(lang, root)]


def run_app() -> None:
    """One run of the app (app.py), in its turn: runs of the room's sessions one at a time
    finish sooner than all at once (ui/run_turns.py)."""
    with RUNS.turn():
        _run()


def _run() -> None:
    """The scenario state, the sidebar, then the chosen page."""
    st.set_page_config(page_title="Klimatscenarier", page_icon=FAVICON,
                       layout="wide", initial_sidebar_state="auto")
    # The scenario's one owner works out language, municipality, levers and budget (a
    # shared link on the first run, Back/Forward), before any widget exists.
    scenario = begin_run()
    lang, _ = language_and_municipality()
    page_frame(lang)  # skip links, focus ring, Streamlit's own texts in lang
    follow_imports_elsewhere()  # several app processes: another one may have imported something
    loaded = load_tables()
    if loaded.store_problem_sv:
        st.warning(loaded.store_problem_en if lang == "en" else loaded.store_problem_sv)
    participant = participant_mode()  # a workshop participant: levers in the page, no menu
    navigation = st.navigation(_pages(lang), position="hidden" if participant else "sidebar")
    settle_first_run()  # `streamlit run app.py`: a session's first run restarts as the app
    if participant:
        keep_on_workshop(navigation.url_path)
    sync_link(lang, navigation.url_path, st.sidebar)  # the address follows the levers
    # A page moved to another process reruns at once (ui/reconnect.py).
    run_on_reconnect(st.sidebar)
    if not participant:
        lever_widgets(scenario.reference, lang)
    try:
        navigation.run()
    except Exception:  # noqa: BLE001 - a page's bug must not show a visitor a trace or a path
        if os.environ.get("KLIMAT_RAISE_PAGE_ERRORS"):  # tests see the real error
            raise
        logging.getLogger("klimatscenarier").exception("page %s failed",
                                                       navigation.url_path)
        st.error(t("page_error", lang), icon=":material/error:")
    freeze_startup_objects()  # once per server, after the first full run
