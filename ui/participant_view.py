"""The workshop as a participant sees it, usually on a phone.

Why it looks like this (tried at 390 × 844): in the normal layout the levers sit in the
side drawer, which covers most of a phone and hides the figures while it is open, so a
participant moved levers blind; a submission's confirmation appeared far above the visible
area; and every page of the app was one tap away. Here instead:

* the compact figures (the verdict, when the budget runs out, the pace needed) stay at the
  top of the screen while scrolling (position: sticky);
* the levers are in the page itself, grouped by sector in expanders that can be closed;
* sliders, buttons and fields are at least 44 px high and text is 16 px (CSS scoped to
  this view's container, our own constant, never user text);
* no sidebar and no page menu: app.py hides both and keeps the participant on this page;
* a submission is confirmed right under the submit button, where the thumb is, and by a
  toast; a closed workshop shows one message and no form.

Submitting goes through the workshop page's own callback (store access stays there); its
message is taken over and shown here instead of at the top of the page.
"""

from __future__ import annotations

import streamlit as st

from model.scenario import ScenarioError, run_scenario
from presentation.i18n import t
from store.workshops import Workshop
from ui.context import page_context
from ui.figures import fossil_verdict, verdict_value
from ui.scenario_page import budget_figure, rate_figure, reference_result
from ui.scenario_state import FACILITATOR_KEY, LANG_KEY, PRESENTER_KEY, WORKSHOP_KEY
from ui.sidebar import lever_groups

VIEW_KEY = "participant_view"
FIGURES_KEY = "pv_figures"
LEVERS_KEY = "pv_levers"
SUBMIT_KEY = "pv_submit"
CONFIRM_KEY = "pv_confirmation"  # the submission's messages, moved here from the page flash
URL_PATH = "workshop"
WORKSHOP_PAGE = "pages/workshop.py"

# 44 px touch targets and 16 px text on this view only; the figures stick to the top.
CSS = """<style>
header[data-testid="stHeader"], section[data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"]
  {display: none !important;}
[data-testid="stMainBlockContainer"] {padding-top: 0.75rem; padding-left: 0.9rem;
  padding-right: 0.9rem; max-width: 760px;}
[data-testid="stMain"] h1 {font-size: 1.5rem; padding: 0.25rem 0;}
.st-key-participant_view, .st-key-participant_view p,
.st-key-participant_view label, .st-key-participant_view input,
.st-key-participant_view summary {font-size: 16px;}
.st-key-participant_view [data-testid="stCaptionContainer"] p {font-size: 15px;}
[data-testid="stLayoutWrapper"]:has(> .st-key-pv_figures) {position: sticky; top: 0;
  z-index: 999; background: #ffffff; border-bottom: 1px solid #d0d0d8;
  padding: 0.35rem 0 0.45rem 0;}
.st-key-pv_figures [data-testid="stHorizontalBlock"] {flex-wrap: nowrap; gap: 0.5rem;}
.st-key-pv_figures [data-testid="stHorizontalBlock"] > div {flex: 1 1 0; min-width: 0;}
.st-key-pv_figures [data-testid="stMetric"] {padding: 0;}
.st-key-pv_figures [data-testid="stMetricLabel"] p {font-size: 14px; line-height: 1.2;
  white-space: normal;}
.st-key-pv_figures [data-testid="stMetricValue"] {font-size: 18px; line-height: 1.25;
  font-weight: 600;}
.st-key-pv_figures [data-testid="stMetricDelta"] {font-size: 13px;}
.st-key-pv_figures .stMarkdownEllipsis, .st-key-pv_figures .stMarkdownEllipsis p
  {white-space: normal; overflow: visible; text-overflow: clip;}
.st-key-pv_figures [data-testid="stTooltipIcon"] {display: none;}
.st-key-participant_view [data-testid="stSlider"] div:has(> div > input[type="range"])
  {width: 28px; height: 28px;}
.st-key-participant_view [data-testid="stSlider"] [role="group"] {min-height: 44px;
  display: flex; flex-direction: column; justify-content: center;}
.st-key-participant_view button, .st-key-participant_view input,
.st-key-participant_view summary {min-height: 44px;}
.st-key-participant_view [data-testid="stExpander"] summary {align-items: center;}
</style>"""


def participant_mode() -> bool:
    """True when this session takes part in a workshop that exists (not as its facilitator).

    When the workshop cannot be read (the store is down, the code is unknown) the normal
    app is shown: its message says the scenario pages work as usual, so they must be
    reachable. The lookup is the workshop page's own, cached for a few seconds.
    """
    state = st.session_state
    code = state.get(WORKSHOP_KEY)
    if not code or state.get(PRESENTER_KEY):
        return False
    from ui import workshop_page  # the page imports this module: import at call time

    # A facilitator (verified: the key holds the workshop's code), or a facilitator link
    # whose token the workshop page has yet to check: not a participant.
    if state.get(FACILITATOR_KEY) or state.get(workshop_page.FACILITATOR_TOKEN_KEY):
        return False

    lookup = workshop_page._workshop(workshop_page._db(), str(code))
    return lookup.workshop is not None and lookup.error("sv") is None


def keep_on_workshop(url_path: str) -> None:
    """A participant who reaches another page (an old link, Back) goes to the workshop."""
    if url_path != URL_PATH:
        st.switch_page(WORKSHOP_PAGE)


def _switch_language() -> None:
    state = st.session_state
    state[LANG_KEY] = "sv" if state.get(LANG_KEY) == "en" else "en"


def _submit_here(submit, *args: object) -> None:
    """The workshop page's submit callback, with its messages moved to this view."""
    from ui import workshop_page  # the page imports this module: import at call time

    submit(*args)
    state = st.session_state
    state[CONFIRM_KEY] = state.pop(workshop_page.FLASH_KEY, [])
    if any(kind == "success" for kind, _, _ in state[CONFIRM_KEY]):
        state[CONFIRM_KEY + "_toast"] = True


def _figures(lang: str) -> None:
    """The three figures that matter, compact, in a sticky bar at the top."""
    ctx = page_context()
    bar = st.container(key=FIGURES_KEY, gap="small")
    try:
        result = run_scenario(ctx.data, ctx.levers)
        reference = reference_result(ctx.data, ctx.reference, result.budget)  # the default
    except ScenarioError:
        return  # the figures need a valid budget; the submission does not
    row = bar.container(horizontal=True, gap="small")
    verdict = fossil_verdict(result)
    row.metric(t("verdict_label", lang), verdict_value(verdict, lang), width="stretch")
    budget_figure(row, result, reference, lang)
    rate_figure(row, result, lang)


def show(workshop: Workshop, lang: str) -> None:
    """Render the participant's view of an open or closed workshop."""
    from ui import workshop_page as wp  # the page imports this module: import at call time

    state = st.session_state
    st.html(CSS)
    view = st.container(key=VIEW_KEY)
    with view:
        head = st.container(horizontal=True, vertical_alignment="center")
        with head:
            wp.workshop_heading(workshop)  # plain text, never Markdown
        head.button(t("pv_language", lang), key="pv_language", on_click=_switch_language,
                    type="tertiary")
        if workshop.closed:
            state.pop(CONFIRM_KEY, None)
            st.warning(t("ws_closed_participant", lang) + " " + t("pv_closed", lang),
                       icon=":material/lock:")
            st.button(t("ws_leave", lang), key="ws_leave", on_click=wp._leave)
            return
        _figures(lang)
        st.caption(t("pv_intro", lang, code=workshop.code))
        names = wp.municipality_names()
        ctx = page_context()
        if ctx.data.code != workshop.municipality_code and workshop.municipality_code in names:
            st.warning(t("ws_other_municipality", lang,
                         workshop=names[workshop.municipality_code],
                         mine=names.get(ctx.data.code, ctx.data.code)))
            st.button(t("ws_switch_municipality", lang, name=names[workshop.municipality_code]),
                      key="ws_switch_municipality", on_click=wp._switch_municipality,
                      args=(workshop.municipality_code,))
        levers = st.container(key=LEVERS_KEY)
        levers.subheader(t("pv_levers_heading", lang))
        lever_groups(levers, ctx.reference, lang, expanded="transport")
        st.caption(wp._changed_levers_text(ctx.levers, ctx.reference, lang)
                   if ctx.levers.differences(ctx.reference) else t("pv_levers_unchanged", lang))
        with st.container(key=SUBMIT_KEY):
            st.subheader(t("pv_submit_heading", lang))
            with st.form("ws_submit_form", border=True):
                st.text_input(t("ws_participant_label", lang), key=wp.PARTICIPANT_KEY,
                              help=t("ws_participant_help", lang,
                                     n=wp.workshops.PARTICIPANT_MAX))
                st.text_input(t("ws_scenario_label", lang), key=wp.SCENARIO_NAME_KEY,
                              help=t("ws_name_help", lang, n=wp.workshops.SCENARIO_NAME_MAX))
                st.form_submit_button(
                    t("ws_submit", lang), key="ws_submit", type="primary", width="stretch",
                    on_click=_submit_here,
                    args=(wp._submit, workshop.code, ctx.data.code, ctx.levers.as_dict()))
            # The confirmation right under the button, where the thumb is.
            for kind, sv, en in state.pop(CONFIRM_KEY, []):
                text = en if lang == "en" else sv
                {"success": st.success, "warning": st.warning}.get(kind, st.error)(text)
            if state.pop(CONFIRM_KEY + "_toast", False):
                st.toast(t("pv_toast", lang), icon=":material/check_circle:")
        st.caption(t("ws_resubmit_note", lang))
        st.button(t("ws_leave", lang), key="ws_leave", on_click=wp._leave, type="tertiary")
