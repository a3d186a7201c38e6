"""Helpers for AppTest tests of the workshop page and presenter mode."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from store.database import build_database
from tests.apptest_helpers import APP_TIMEOUT_S
from tests.conftest import DATA_DIR
from ui.shared_cache import clear_all

WORKSHOP_PAGE = "pages/workshop.py"
SCENARIO_PAGE = "pages/scenario.py"
HOSTILE = [
    "<script>alert(1)</script>",
    "**bold** [link](javascript:alert(1))",
    "'); DROP TABLE workshop_submissions;--",
    '=HYPERLINK("http://evil.example","klicka")',
]


@contextmanager
def database_at(path: Path, *, build: bool = True, clear_caches: bool = False) -> Iterator[Path]:
    """KLIMAT_DB at path for the duration (built from data/ unless told not to).

    clear_caches: forget every shared value (ui/shared_cache.py) and Streamlit cache before
    and after, for
    tests whose database is broken from the start (load_tables would remember it).
    """
    if build:
        build_database(path, DATA_DIR)
    previous = os.environ.get("KLIMAT_DB")
    os.environ["KLIMAT_DB"] = str(path)
    if clear_caches:
        clear_all()
        st.cache_resource.clear()
        st.cache_data.clear()
    try:
        yield path
    finally:
        if clear_caches:
            clear_all()
            st.cache_resource.clear()
            st.cache_data.clear()
        if previous is None:
            os.environ.pop("KLIMAT_DB", None)
        else:
            os.environ["KLIMAT_DB"] = previous


def open_app(params: dict[str, str] | None = None, page: str | None = WORKSHOP_PAGE) -> AppTest:
    """A fresh session (a phone, a laptop) opened at page with these address parameters."""
    at = AppTest.from_file("../app.py", default_timeout=APP_TIMEOUT_S)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if page is not None:
        at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def rerun(at: AppTest) -> AppTest:
    """Run the session again on the page it is on (a refresh of the facilitator's panel)."""
    at.run()
    assert not at.exception, at.exception
    return at


def create_workshop(name: str = "Workshop i Växjö") -> tuple[AppTest, str]:
    """A facilitator's session that opened a workshop, and its code."""
    at = open_app()
    at.text_input(key="ws_new_name").input(name)
    at.button(key="ws_create").click().run()
    assert not at.exception, at.exception
    return at, str(at.session_state["workshop_code"])


def join(code: str, **levers: float) -> AppTest:
    """A participant's phone opened from the QR code's address, with levers in the link."""
    params = {"v": "1", "kommun": "0780", "workshop": code}
    params.update({k: f"{v:g}" for k, v in levers.items()})
    return open_app(params)


def submit(at: AppTest, participant: str, scenario: str) -> AppTest:
    """Fill in the participant form and submit."""
    at.text_input(key="ws_participant").input(participant)
    at.text_input(key="ws_scenario_name").input(scenario)
    at.button(key="ws_submit").click().run()
    assert not at.exception, at.exception
    return at


def markup(at: AppTest) -> list[str]:
    """Every text the page renders as Markdown (where user text must never appear raw)."""
    return [e.value for e in (*at.markdown, *at.caption, *at.success, *at.error, *at.warning,
                              *at.info, *at.subheader, *at.title)]


def messages(at: AppTest) -> str:
    """Errors, warnings and successes on the page, unescaped, as one text."""
    return " ".join(e.value for e in (*at.error, *at.warning, *at.success)).replace("\\", "")


def table(at: AppTest, key: str):
    """The DataFrame shown by the st.dataframe with this key."""
    for frame in at.dataframe:
        if frame.proto.id.endswith(key) or key in frame.proto.id:
            return frame.value
    raise AssertionError(f"no dataframe {key!r}")
