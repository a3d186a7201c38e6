"""Presenter mode: three big figures and the trajectory, readable from the back of a room.

Switched on by the button above the scenario page, by ``presenter=1`` in the address (kept
there by ui/sharing.py) or by a workshop facilitator's "show on the big screen"; a button
switches back. What it leaves out is the point: no sidebar, no sections below, one chart,
so that a lever change on the projector redraws less than the normal page does.

The only HTML here is our own constant CSS (larger type, sidebar and header hidden), never
anything a user typed; the name of a shown workshop submission goes through st.text.
"""

from __future__ import annotations

import copy
from functools import lru_cache

import streamlit as st

from model.scenario import ScenarioError, ScenarioResult, run_scenario
from presentation import charts
from presentation.chart_text import trajectory_description
from presentation.charts import described
from presentation.formatting import plain_markdown
from presentation.i18n import t
from ui import scenario_page
from ui.context import page_context
from ui.scenario_page import reference_result
from ui.scenario_state import (
    FACILITATOR_KEY,
    PRESENTER_KEY,
    WORKSHOP_KEY,
    current_language,
    forget_budget,
    keep_for_page_switch,
)

ON_KEY = "presenter_on"
OFF_KEY = "presenter_off"
SHOW_LEVERS_KEY = "presenter_show_levers"
BACK_TO_WORKSHOP_KEY = "presenter_back_to_workshop"
# (title, municipality code, levers) of a workshop submission shown on the big screen.
SHOWN_KEY = "presenter_shown"
PHONE_KEY = "presenter_phone"
WORKSHOP_PAGE = "pages/workshop.py"
CHART_HEIGHT = 560

# Sizes in rem of the browser's 16 px: the figures' values 4.4 rem ≈ 70 px on a projector.
_CSS = """<style>
header[data-testid="stHeader"] {display: none;}
[data-testid="stMainBlockContainer"] {padding-top: 1.2rem; padding-bottom: 0.5rem;
  max-width: none;}
.st-key-presenter_head h1 {font-size: 2.6rem; padding: 0;}
.st-key-presenter_head [data-testid="stText"] {font-size: 1.7rem; font-weight: 600;}
.st-key-presenter_figures [data-testid="stMetricLabel"] p {font-size: 1.6rem; line-height: 1.3;}
.st-key-presenter_figures [data-testid="stMetricValue"] {font-size: 4.4rem; line-height: 1.15;}
.st-key-presenter_figures [data-testid="stMetricDelta"] {font-size: 1.35rem;}
.st-key-presenter_caption p {font-size: 1.1rem;}
.st-key-presenter_chart_text {position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;}
@media (max-width: 700px) {
  .st-key-presenter_head h1 {font-size: 1.7rem;}
  .st-key-presenter_figures [data-testid="stMetricLabel"] p {font-size: 1.1rem;}
  .st-key-presenter_figures [data-testid="stMetricValue"] {font-size: 2.4rem;}
}
</style>"""
_CSS_NO_SIDEBAR = """<style>
section[data-testid="stSidebar"], [data-testid="stExpandSidebarButton"] {display: none !important;}
</style>"""


def presenting() -> bool:
    """True when the session is in presenter mode."""
    return bool(st.session_state.get(PRESENTER_KEY))


def enter() -> None:
    """Button callback: presenter mode on."""
    st.session_state[PRESENTER_KEY] = True


def leave() -> None:
    """Button callback: back to the normal view."""
    st.session_state[PRESENTER_KEY] = False
    st.session_state.pop(SHOWN_KEY, None)


def _back_to_workshop() -> None:
    leave()
    keep_for_page_switch()
    st.session_state[BACK_TO_WORKSHOP_KEY] = True


def presenter_button(lang: str) -> None:
    """The switch on the normal scenario page, at its top right (one small button)."""
    row = st.container(horizontal=True, horizontal_alignment="right")
    row.button(t("presenter_on", lang), key=ON_KEY, on_click=enter, type="tertiary",
               icon=":material/slideshow:", help=t("presenter_on_help", lang))


@lru_cache(maxsize=8)
def presenter_spec(lang: str, base_year: int, phone: bool = False) -> dict:
    """The trajectory chart in projector sizes: larger text, the legend on the right.

    On a phone (someone opened a presenter link there) the legend stays below, as on the
    normal page, so that the chart keeps its width. A copy of the normal spec (which is
    shared and never mutated), made once per language.
    """
    spec = copy.deepcopy(charts.trajectory_spec(lang, False, base_year))
    if phone:
        return spec
    spec["height"] = CHART_HEIGHT
    config = spec.setdefault("config", {})
    config["axis"] = {"labelFontSize": 17, "titleFontSize": 19, "titlePadding": 12}
    config["legend"] = {"labelFontSize": 17, "symbolSize": 260, "rowPadding": 6}
    for layer in spec.get("layer", []):
        mark = layer.get("mark")
        if isinstance(mark, dict) and mark.get("type") == "text":
            mark["fontSize"] = 17
        legend = layer.get("encoding", {}).get("color", {}).get("legend")
        if isinstance(legend, dict):
            legend.update({"orient": "right", "columns": 1, "labelLimit": 280})
    return spec


def _on_a_phone() -> bool:
    """True when the browser says it is a phone (its user agent), read once per session."""
    state = st.session_state
    if PHONE_KEY not in state:
        headers = st.context.headers
        agent = (headers.get("user-agent") or "") if headers else ""
        state[PHONE_KEY] = "Mobi" in agent or "Android" in agent
    return bool(state[PHONE_KEY])


def three_figures(result: ScenarioResult, reference: ScenarioResult, lang: str,
                  key: str = "presenter_figures", gap: str = "large") -> None:
    """Fossil CO2 2030, when the budget runs out and the pace needed, against the reference.

    In a horizontal container (keyed, so that presenter mode's CSS can size it) that wraps
    on a phone.
    """
    row = st.container(horizontal=True, gap=gap, key=key)  # type: ignore[arg-type]
    scenario_page.add_main_figures(row, result, reference, lang)

def _controls(lang: str) -> None:
    state = st.session_state
    controls = st.container(horizontal=True, horizontal_alignment="right", gap="small",
                            vertical_alignment="center")
    controls.toggle(t("presenter_show_levers", lang), key=SHOW_LEVERS_KEY,
                    help=t("presenter_show_levers_help", lang))
    if state.get(WORKSHOP_KEY) and state.get(FACILITATOR_KEY):
        controls.button(t("presenter_back_to_workshop", lang), key="presenter_workshop",
                        on_click=_back_to_workshop, icon=":material/groups:")
    controls.button(t("presenter_off", lang), key=OFF_KEY, on_click=leave,
                    icon=":material/close_fullscreen:")


def presenter_main() -> None:
    """Render the scenario in presenter mode."""
    state = st.session_state
    if state.pop(BACK_TO_WORKSHOP_KEY, False):
        st.switch_page(WORKSHOP_PAGE)
    ctx = page_context()
    lang = ctx.lang
    st.html(_CSS if state.get(SHOW_LEVERS_KEY) else _CSS + _CSS_NO_SIDEBAR)
    head = st.container(horizontal=True, key="presenter_head", vertical_alignment="center",
                        gap="medium")
    head.title(t("title", lang, name=ctx.data.name), width="content")
    shown = state.get(SHOWN_KEY)
    if shown:
        title, code, levers = shown
        same = code == ctx.data.code and levers == ctx.levers.as_dict()
        head.text(title if same else f"{title} {t('presenter_shown_changed', lang)}",
                  width="content")
    with head:
        _controls(lang)
    try:
        budget = ctx.budget_settings
        result = run_scenario(ctx.data, ctx.levers, budget)
        reference = reference_result(ctx.data, ctx.reference, budget)
    except ScenarioError as error:
        st.error(t("error_budget", lang, message=error.message_en if lang == "en"
                   else error.message_sv))
        forget_budget()  # next run starts from the default, as on the page
        return
    three_figures(result, reference, lang)
    data = charts.trajectory_chart_data(result, reference, lang, False)
    # The spec stays the same on every lever move, so the projector only gets new data: with
    # the figures in its description, every move drew the chart anew. What the chart shows
    # is in a text a screen reader reads and the room does not see (no table toggle here).
    st.vega_lite_chart(
        data.arrow(), described(presenter_spec(lang, result.data.base_year, _on_a_phone()),
                                t("chart_aria_label", lang)),
        width="stretch", key="presenter_chart",
    )
    st.container(key="presenter_chart_text").caption(plain_markdown(trajectory_description(
        data, result.data.name, result.data.base_year, False, lang)))
    st.container(key="presenter_caption").caption(
        t("trajectory_caption", lang, base_year=result.data.base_year))


def main() -> None:
    """The scenario page: presenter mode when it is on, else the normal page under its
    presenter-mode button."""
    if presenting():
        presenter_main()
        return
    presenter_button(current_language())
    scenario_page.main()
