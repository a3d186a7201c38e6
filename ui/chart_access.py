"""Charts everyone can read: a text description and "Visa som tabell" with the same figures.

A screen reader announced every chart as "Vega visualization". Each chart now carries a
description in its spec (Vega puts it in the chart's aria-label) and the same text under
it, and a toggle shows the chart's own data as a table: the same numbers, rows by year or
by category, a column per series. The table is built only when the toggle is on, so a
lever change costs nothing extra while it is off.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pyarrow as pa
import streamlit as st

from presentation.charts import described
from presentation.formatting import plain_markdown
from presentation.i18n import t


def chart_with_text(data: pd.DataFrame | pa.Table, spec: dict, description: str, key: str,
                    table: Callable[[], pd.DataFrame], lang: str,
                    chart: Callable[..., object] | None = None) -> None:
    """Draw the chart with its description, the description as text, and the table toggle.

    chart draws (defaults to st.vega_lite_chart with width="stretch" and the key). data may
    be an Arrow table (presentation.charts.ChartData.arrow): Streamlit sends it as it is,
    without building and converting a pandas frame on every rerun.

    The spec's own description (the chart's accessible name) is the same on every rerun and
    points to the text under the chart: Streamlit's frontend builds a chart anew whenever
    its spec changes, and only updates the data when the spec stays. With the figures in the
    spec, every lever move redrew every chart from scratch (main page 3x the floor in
    Chromium, bench/browser_timing.py).
    """
    stable = described(spec, t("chart_aria_label", lang))
    if chart is None:
        st.vega_lite_chart(data, stable, width="stretch", key=key)
    else:
        chart(data, stable)
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    # Names in a description can be user text (saved scenarios, participants): plain text.
    row.caption(plain_markdown(description), width="stretch")
    show = row.toggle(t("show_as_table", lang), key=f"{key}_as_table", width="content")
    if show:
        st.dataframe(table(), hide_index=True, width="stretch", key=f"{key}_table")
