"""Helpers for AppTest tests: a database per test session, chart data out of the page."""

from __future__ import annotations

import pandas as pd
from streamlit import dataframe_util
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from ui.pages_folder import clear_before_start

APP_TIMEOUT_S = 60

# AppTest resets PagesManager.uses_pages_directory before every run, so with a pages/
# folder beside app.py each rerun takes Streamlit's old multipage path and runs the page
# file alone, without app.py's sidebar. A real server calls st.navigation once and the
# flag stays False for the process; this restores that behaviour under AppTest.
_original_init = PagesManager.__init__


def _init_as_after_navigation(self: PagesManager, *args: object, **kwargs: object) -> None:
    _original_init(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


PagesManager.__init__ = _init_as_after_navigation  # type: ignore[method-assign]
clear_before_start()  # as under ui.server: no session restarts its first run


def start_app() -> AppTest:
    """The app's entry script, run once."""
    at = AppTest.from_file("../app.py", default_timeout=APP_TIMEOUT_S)
    at.run()
    assert not at.exception, at.exception
    return at


def chart_data(at: AppTest, index: int = 0) -> pd.DataFrame:
    """The data a Vega-Lite chart on the page was given (in page order)."""
    proto = at.get("vega_lite_chart")[index].proto
    return dataframe_util.convert_arrow_bytes_to_pandas_df(proto.data.data)


def metric_value(at: AppTest, label: str) -> str:
    """The shown value of the first metric with this label."""
    for metric in at.metric:
        if metric.label == label:
            return str(metric.value)
    raise AssertionError(f"no metric {label!r}: {[m.label for m in at.metric]}")


def metric_delta(at: AppTest, label: str) -> str:
    """The shown delta of the first metric with this label."""
    for metric in at.metric:
        if metric.label == label:
            return str(metric.delta)
    raise AssertionError(f"no metric {label!r}")


def open_section(at: AppTest, index: int, lang: str = "sv") -> AppTest:
    """Open one of the scenario page's tabs (0 trajectory, 1 fossil-free 2030, 2 budget).

    Only the open tab's content runs, so a test of the budget opens the budget tab first.
    """
    from ui.scenario_page import SECTION_KEY, section_labels

    at.session_state[SECTION_KEY] = section_labels(lang)[index]
    at.run()
    assert not at.exception, at.exception
    return at
