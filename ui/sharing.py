"""The scenario in the page address: keep the address current, show what a link could not set.

Why not Streamlit's ``bind="query-params"`` on the sliders: a bound widget names its
parameter after its key (``lever_el_personbilar``), silently drops or resets a value it
cannot use (the issue asks for a visible notice), lets the URL win over session state on
the first run (so an unknown link version could not fall back to the reference), and
removes the parameter whenever the widget is not drawn (the budget inputs live on one
page only). Instead ui/scenario_state.py reads ``st.query_params`` on a session's first run
(and after Back/Forward), before the sidebar's widgets exist, and this module on every run
writes the parameters only when they differ from what is there (one dict comparison per
rerun). The link format itself is in presentation/links.py.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from presentation.formatting import plain_markdown
from presentation.i18n import t
from presentation.links import DEVICE_PARAM, FACILITATOR_PARAM, WORKSHOP_PARAM
from ui.scenario_state import LINK_WRITTEN_KEY, NOTICES_KEY, address_params, read_inputs

NOTICE_DISMISS_KEY = "scenario_notice_dismiss"
SHARE_EXPANDER_KEY = "share_link"
SHARE_BASE_KEY = "share_base_url"
# At most this many problems are listed; the rest are counted.
MAX_LISTED = 8


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


def sync_link(lang: str, page_url_path: str, slot: st.delta_generator.DeltaGenerator) -> None:
    """Write the scenario into the address when it changed; notices; the copy-link box."""
    show_notices(lang)
    params = address_params(read_inputs())
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
