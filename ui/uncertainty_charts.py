"""Chart specs and frames for the uncertainty: the fan around net emissions and the tornado.

Specs are built once per language (Altair validates once) and shared between sessions;
each rerun only passes a small frame, as in presentation/charts.py.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import altair as alt
import numpy as np
import pandas as pd

from model.uncertainty import Tornado, UncertaintyResult
from presentation.charts import ChartData, streamlit_spec
from presentation.i18n import t

FAN_COLOUR = "#2166ac"  # the median line
BAND_80_COLOUR = "#c6dbef"  # light: 10–90 %
BAND_50_COLOUR = "#7fb2d9"  # darker: 25–75 %, drawn over the light band
CENTRAL_COLOUR = "#111111"
LOW_COLOUR = "#4393c3"
HIGH_COLOUR = "#d6604d"
FAN_FIRST_YEAR = 2015  # statistics before this add nothing to the picture of the range
TORNADO_ROWS = 8


def _finish(chart: alt.TopLevelMixin, lang: str) -> dict:
    """streamlit_spec, fitted to the column's width with its legend below."""
    spec = streamlit_spec(chart, lang)
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def _legend_scale(lang: str) -> alt.Scale:
    domain = [t("unc_band_80", lang), t("unc_band_50", lang), t("unc_series_median", lang),
              t("unc_series_central", lang)]
    return alt.Scale(domain=domain,
                     range=[BAND_80_COLOUR, BAND_50_COLOUR, FAN_COLOUR, CENTRAL_COLOUR])


@lru_cache(maxsize=4)
def fan_spec(lang: str) -> dict:
    """Two bands (10–90 %, 25–75 %), the median dashed and the central scenario solid."""
    scale = _legend_scale(lang)
    legend = alt.Legend(orient="bottom", title=None, symbolType="square", symbolOpacity=1)
    x = alt.X("year:Q", title=t("axis_year", lang), axis=alt.Axis(format="d", tickCount=8),
              scale=alt.Scale(nice=False, zero=False))
    value_title = t("unc_axis_net", lang)
    tooltip = [alt.Tooltip("year:Q", title=t("axis_year", lang), format="d")] + [
        alt.Tooltip(f"{name}:Q", title=title, format=",.1f")
        for name, title in (("central", t("unc_series_central", lang)), ("p10", "10 %"),
                            ("p25", "25 %"), ("p50", "50 %"), ("p75", "75 %"), ("p90", "90 %"))
    ]
    base = alt.Chart().encode(x=x)

    def series(chart: alt.Chart, key: str) -> alt.Chart:
        # Wide data, one series per layer: name each layer's series for the shared legend.
        label = t(key, lang).replace("'", "")
        return chart.transform_calculate(series=f"'{label}'").encode(
            color=alt.Color("series:N", scale=scale, legend=legend))

    outer = series(base.mark_area(opacity=1).encode(
        y=alt.Y("p10:Q", title=value_title), y2="p90:Q", tooltip=tooltip), "unc_band_80")
    inner = series(base.mark_area(opacity=1).encode(y="p25:Q", y2="p75:Q", tooltip=tooltip),
                   "unc_band_50")
    median = series(base.mark_line(strokeDash=[4, 3], strokeWidth=1.5).encode(y="p50:Q"),
                    "unc_series_median")
    central = series(base.mark_line(strokeWidth=2.5).encode(y="central:Q", tooltip=tooltip),
                     "unc_series_central")
    chart = alt.layer(outer, inner, median, central).properties(height=260, width="container")
    return _finish(chart, lang)


def fan_data(result: UncertaintyResult, central_net_t: np.ndarray) -> ChartData:
    """Year, percentiles and the central scenario, in kt, from FAN_FIRST_YEAR (plain arrays:
    the chart takes them as an Arrow table, the text and the table read the same)."""
    keep = result.years >= FAN_FIRST_YEAR
    columns = {"year": result.years[keep]}
    for name, values in result.net.items():
        columns[name] = values[keep] / 1000.0
    columns["central"] = np.asarray(central_net_t)[keep] / 1000.0
    return ChartData(columns, {}, tuple(columns))


@lru_cache(maxsize=8)
def tornado_spec(lang: str, metric: Literal["fossil", "budget"]) -> dict:
    """Bars from the scenario's value to each input's low and high result, largest first."""
    axis_title = t("unc_tornado_axis_years" if metric == "budget" else "unc_tornado_axis_t", lang)
    value_format = ",.1f" if metric == "budget" else ",.0f"
    scale = alt.Scale(domain=[t("unc_at_low", lang), t("unc_at_high", lang)],
                      range=[LOW_COLOUR, HIGH_COLOUR])
    chart = alt.Chart().mark_bar(height={"band": 0.7}).encode(
        y=alt.Y("input:N", title=None, sort=alt.SortField("rank", order="ascending"),
                axis=alt.Axis(labelLimit=260)),
        x=alt.X("delta:Q", title=axis_title, axis=alt.Axis(format=value_format)),
        color=alt.Color("end:N", scale=scale, title=None, legend=alt.Legend(orient="bottom")),
        yOffset="end:N",
        tooltip=[alt.Tooltip("input:N", title=t("unc_input", lang)),
                 alt.Tooltip("end:N", title=" "),
                 alt.Tooltip("value:N", title=t("col_value", lang)),
                 alt.Tooltip("delta:Q", title=axis_title, format=value_format)],
    ).properties(width="container")
    return _finish(chart, lang)


def tornado_data(tornado: Tornado, metric: Literal["fossil", "budget"], lang: str,
                 fmt_value: object = None) -> pd.DataFrame:
    """Two rows per input (its low and its high end): the change against the scenario."""
    rows = []
    for rank, row in enumerate(tornado.ranked(metric, TORNADO_ROWS)):
        if metric == "fossil":
            ends = (row.fossil_co2_2030_low - tornado.fossil_co2_2030_central,
                    row.fossil_co2_2030_high - tornado.fossil_co2_2030_central)
        else:
            ends = (row.exhausted_low - tornado.exhausted_central,
                    row.exhausted_high - tornado.exhausted_central)
        for end, delta, value in ((t("unc_at_low", lang), ends[0], row.low),
                                  (t("unc_at_high", lang), ends[1], row.high)):
            shown = fmt_value(value, row.unit, lang) if callable(fmt_value) else str(value)
            rows.append({"input": row.label(lang), "rank": rank, "end": end,
                         "delta": round(float(delta), 3), "value": shown})
    return pd.DataFrame(rows, columns=["input", "rank", "end", "delta", "value"])
