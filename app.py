"""Klimatscenarier: the Streamlit entry point. Thin: sidebar widgets, then the chosen page."""

from __future__ import annotations

import logging
import os

import streamlit as st

from presentation.i18n import t
from ui.accessibility import page_frame
from ui.data_access import follow_imports_elsewhere, load_tables
from ui.memory import freeze_startup_objects
from ui.pages_folder import settle_first_run
from ui.participant_view import keep_on_workshop, participant_mode
from ui.reconnect import run_on_reconnect
from ui.scenario_state import begin_run
from ui.sharing import sync_link
from ui.sidebar import language_and_municipality, lever_widgets

st.set_page_config(page_title="Klimatscenarier", page_icon="ui/assets/favicon.png", layout="wide",
                   initial_sidebar_state="auto")

# The scenario's one owner works out language, municipality, levers and budget (a shared
# link on the first run, Back/Forward), before any widget exists.
scenario = begin_run()
lang, code = language_and_municipality()
page_frame(lang)  # skip links, focus ring, Streamlit's own texts in lang (ui/accessibility.py)
follow_imports_elsewhere()  # several app processes: another one may have imported something
loaded = load_tables()
if loaded.store_problem_sv:
    st.warning(loaded.store_problem_en if lang == "en" else loaded.store_problem_sv)
share_slot = st.sidebar.container()
participant = participant_mode()  # a workshop participant: levers in the page, no menu
if not participant:
    lever_widgets(scenario.reference, lang)

navigation = st.navigation(
    [
        st.Page("pages/scenario.py", title=t("page_scenario", lang),
                icon=":material/show_chart:", default=True),
        st.Page("pages/data_och_metod.py", title=t("page_data", lang), icon=":material/menu_book:",
                url_path="data"),
        st.Page("pages/beslutsstod.py", title=t("page_decisions", lang),
                icon=":material/target:", url_path="beslutsstod"),
        st.Page("pages/jamfor.py", title=t("page_compare", lang),
                icon=":material/compare_arrows:", url_path="jamfor"),
        st.Page("pages/sparade.py", title=t("page_saved", lang), icon=":material/bookmarks:",
                url_path="sparade"),
        st.Page("pages/kommuner.py", title=t("page_municipalities", lang),
                icon=":material/location_city:", url_path="kommuner"),
        st.Page("pages/sverige.py", title=t("page_sverige", lang), icon=":material/map:",
                url_path="sverige"),
        st.Page("pages/importera.py", title=t("page_import", lang), icon=":material/upload_file:",
                url_path="importera"),
        st.Page("pages/workshop.py", title=t("page_workshop", lang), icon=":material/groups:",
                url_path="workshop"),
    ],
    position="hidden" if participant else "sidebar",
)
settle_first_run()  # `streamlit run app.py`: a session's first run restarts as the app
if participant:
    keep_on_workshop(navigation.url_path)
sync_link(lang, navigation.url_path, share_slot)  # the address follows the levers
run_on_reconnect(share_slot)  # a page moved to another process reruns at once (ui/reconnect.py)
try:
    navigation.run()
except Exception:  # noqa: BLE001 - a page's bug must not show a visitor a trace or a path
    if os.environ.get("KLIMAT_RAISE_PAGE_ERRORS"):  # tests see the real error
        raise
    logging.getLogger("klimatscenarier").exception("page %s failed", navigation.url_path)
    st.error(t("page_error", lang), icon=":material/error:")
freeze_startup_objects()  # once per server, after the first full run
