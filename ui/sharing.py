"""The scenario in the page address: read a shared link once, keep the address current.

Why not Streamlit's ``bind="query-params"`` on the sliders: a bound widget names its
parameter after its key (``lever_el_personbilar``), silently drops or resets a value it
cannot use (the issue asks for a visible notice), lets the URL win over session state on
the first run (so an unknown link version could not fall back to the reference), and
removes the parameter whenever the widget is not drawn (the budget inputs live on one
page only). Instead this module reads ``st.query_params`` on a session's first run (and
after Back/Forward), before the sidebar's widgets exist, and on every run writes the
parameters only when they differ from what is there (one dict comparison per rerun).
The link format itself is in presentation/links.py.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from model.data import MunicipalityData
from model.local_levers import fit_levers
from model.paths import reference_levers
from presentation.formatting import plain_markdown
from presentation.i18n import DEFAULT_LANGUAGE, t
from presentation.links import (
    DEVICE_PARAM,
    FACILITATOR_PARAM,
    WORKSHOP_PARAM,
    Budget,
    LinkProblem,
    format_number,
    link_params,
    parse_link,
    shown,
)
from ui.context import page_context
from ui.data_access import municipality_data, municipality_names
from ui.presets_ui import ACTIVE_PRESET_KEY, matching_preset
from ui.scenario_page import BUDGET_BECCS_KEY, BUDGET_FOR_KEY, BUDGET_KT_KEY, BUDGET_START_KEY
from ui.state import (
    DEFAULT_MUNICIPALITY,
    DEVICE_KEY,
    FACILITATOR_TOKEN_KEY,
    LANG_KEY,
    MUNICIPALITY_KEY,
    PRESENTER_KEY,
    WORKSHOP_KEY,
    lever_key,
)

LINK_READ_KEY = "link_read"
# The query parameters this session last wrote into the address (see read_link_once).
LINK_WRITTEN_KEY = "link_written"
NOTICES_KEY = "scenario_notices"
NOTICE_DISMISS_KEY = "scenario_notice_dismiss"
SHARE_EXPANDER_KEY = "share_link"
SHARE_BASE_KEY = "share_base_url"
# At most this many problems are listed; the rest are counted.
MAX_LISTED = 8
def default_budget(data: MunicipalityData) -> Budget:
    """The municipality's budget as the scenario page starts it."""
    return Budget(int(round(data.budget_t / 1000.0)), int(data.budget_start_year), False)


def current_budget(code: str) -> Budget | None:
    """The budget inputs' values, or None before the scenario page has set them up."""
    state = st.session_state
    if state.get(BUDGET_FOR_KEY) != code or BUDGET_KT_KEY not in state:
        return None
    return Budget(int(state[BUDGET_KT_KEY]), int(state.get(BUDGET_START_KEY, 0)),
                  bool(state.get(BUDGET_BECCS_KEY, False)))


def fit_to_municipality(
    levers: dict[str, float], data: MunicipalityData
) -> tuple[dict[str, float], tuple[LinkProblem, ...]]:
    """Drop lever values above what this municipality allows (BECCS without a plant)."""
    reference = reference_levers(data)
    fitted = fit_levers(reference.with_values(**levers), data).as_dict()
    kept = {k: v for k, v in levers.items() if fitted[k] == v}
    problems = tuple(LinkProblem("out_of_range", k, shown(format_number(v)))
                     for k, v in levers.items() if k not in kept)
    return kept, problems


def add_notice(source: str, problems: tuple[LinkProblem, ...]) -> None:
    """Keep problems to show above the page until dismissed ('link' or 'saved')."""
    if problems:
        st.session_state[NOTICES_KEY] = (source, problems)


def _address_changed_by_browser(params: dict[str, str]) -> bool:
    """True when the address holds a scenario this session did not write: Back or Forward.

    The app writes the address after every run (sync_link), so an address that differs from
    the last one written came from the browser's history. An empty address is not taken as
    one: Streamlit clears the parameters when the user switches pages, and the scenario
    must survive that.
    """
    written = st.session_state.get(LINK_WRITTEN_KEY)
    return bool(params) and written is not None and params != written


def read_link_once() -> None:
    """On a session's first run, let the page address set language, municipality and levers.

    Must run before the sidebar's widgets exist. Whatever cannot be read keeps its default
    (the reference) and is listed in a notice. The address changes with every lever move
    (a browser history entry each), so Back and Forward read the address again: they step
    through the user's own lever moves.
    """
    state = st.session_state
    params = st.query_params.to_dict()
    history = bool(state.get(LINK_READ_KEY)) and _address_changed_by_browser(params)
    if state.get(LINK_READ_KEY) and not history:
        return
    state[LINK_READ_KEY] = True
    if not params:
        return
    names = municipality_names()
    parsed = parse_link(params, names)
    if parsed.lang is not None or history:
        state[LANG_KEY] = parsed.lang or DEFAULT_LANGUAGE
    code = parsed.municipality or (DEFAULT_MUNICIPALITY if DEFAULT_MUNICIPALITY in names
                                   else next(iter(names)))
    state[MUNICIPALITY_KEY] = code
    data = municipality_data(code)
    levers, problems = fit_to_municipality(dict(parsed.levers), data)
    values = reference_levers(data).as_dict()
    values.update(levers)
    for lever_id, value in (values if history else levers).items():
        state[lever_key(lever_id)] = float(value)
    preset_id = matching_preset(values, code) if levers else None
    if preset_id is not None:
        state[ACTIVE_PRESET_KEY] = preset_id
    elif history:
        state.pop(ACTIVE_PRESET_KEY, None)
    if parsed.sets_budget or history:
        default = default_budget(data)
        state[BUDGET_KT_KEY] = parsed.budget_kt if parsed.budget_kt is not None else default.kt
        state[BUDGET_START_KEY] = (parsed.budget_start if parsed.budget_start is not None
                                   else default.start)
        state[BUDGET_BECCS_KEY] = bool(parsed.count_beccs)
        state[BUDGET_FOR_KEY] = code
    if parsed.presenter is not None or history:
        state[PRESENTER_KEY] = bool(parsed.presenter)
    if parsed.workshop is not None or history:
        if parsed.workshop is None:
            state.pop(WORKSHOP_KEY, None)
        else:
            state[WORKSHOP_KEY] = parsed.workshop
    # facilitator=1 grants nothing; a facilitator link's token waits for the workshop page to
    # check it against the store (ui/workshop_page.py), and is never written back.
    if parsed.facilitator_token is not None:
        state[FACILITATOR_TOKEN_KEY] = parsed.facilitator_token
    if parsed.device_key is not None:
        state[DEVICE_KEY] = parsed.device_key
    add_notice("link", parsed.problems + problems)


def show_notices(lang: str) -> None:
    """The problems of the last link or saved scenario read, as plain text, with a close."""
    notice = st.session_state.get(NOTICES_KEY)
    # Always one container, so that closing the notice does not shift the page below it.
    box = st.container()
    if not notice:
        return
    source, problems = notice
    lines = [t(f"notice_{source}_heading", lang)]
    for problem in problems[:MAX_LISTED]:
        lines.append("- " + t(f"link_problem_{problem.kind}", lang,
                              param=plain_markdown(problem.param),
                              value=plain_markdown(problem.value)))
    if len(problems) > MAX_LISTED:
        lines.append("- " + t("link_problem_more", lang, n=len(problems) - MAX_LISTED))
    lines.append(t("notice_reference_used", lang))
    box.warning("\n".join(lines), icon=":material/link_off:")
    box.button(t("notice_dismiss", lang), key=NOTICE_DISMISS_KEY,
              on_click=lambda: st.session_state.pop(NOTICES_KEY, None))


def scenario_params(lang: str, code: str) -> dict[str, str]:
    """The query parameters of the session's scenario (what differs from the reference)."""
    ctx = page_context()  # the levers as the page computes them (fitted to the municipality)
    state = st.session_state
    return link_params(code, lang, ctx.levers.as_dict(), ctx.reference.as_dict(),
                       current_budget(code), default_budget(ctx.data),
                       presenter=bool(state.get(PRESENTER_KEY)),
                       workshop=state.get(WORKSHOP_KEY), device=state.get(DEVICE_KEY))


def share_url(params: dict[str, str], page_url_path: str) -> str:
    """The full address of the scenario page with these parameters.

    The app's base address is worked out once per session (it does not change, and reading
    st.context on every rerun is not free).
    """
    base = st.session_state.get(SHARE_BASE_KEY)
    if base is None:
        url = st.context.url
        if url is None:  # no browser (tests): the host header, else a relative address
            host = st.context.headers.get("host") if st.context.headers else None
            url = f"http://{host}" if host else ""
        url = url.rstrip("/")
        if page_url_path and url.endswith("/" + page_url_path):
            url = url[: -len(page_url_path) - 1]
        base = st.session_state[SHARE_BASE_KEY] = url
    return f"{base}/?{urlencode(params)}"


def sync_link(lang: str, code: str, page_url_path: str, slot: st.delta_generator.DeltaGenerator
              ) -> None:
    """Write the scenario into the address when it changed; notices; the copy-link box."""
    show_notices(lang)
    params = scenario_params(lang, code)
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)
    st.session_state[LINK_WRITTEN_KEY] = params
    # The shared scenario leaves the workshop out: whoever opens it is not a participant.
    private = (WORKSHOP_PARAM, FACILITATOR_PARAM, DEVICE_PARAM)
    shared = ({k: v for k, v in params.items() if k not in private}
              if WORKSHOP_PARAM in params else params)
    with slot.expander(t("share_heading", lang), icon=":material/link:", key=SHARE_EXPANDER_KEY):
        st.caption(t("share_help", lang))
        st.code(share_url(shared, page_url_path), language=None, wrap_lines=True)
