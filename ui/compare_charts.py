"""The comparison chart: net emissions (and optionally total GHG) of 2–4 scenarios.

Like presentation/charts.py: the spec is built once per language and shared between sessions (never
mutate it); each rerun passes only a small Arrow table. Scenario names are data, so user text
never becomes part of a spec.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import altair as alt
import numpy as np

from exports.compare import NamedResult, unique_names
from presentation.charts import ChartData, streamlit_spec
from presentation.i18n import t

HISTORY_COLOUR = "#8a8a8a"
# Okabe–Ito colours that stay apart from each other and from the grey history line.
SCENARIO_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")


@lru_cache(maxsize=8)
def _comparison_spec(lang: str, show_ghg: bool) -> dict:
    years = alt.Scale(domain=[1990, 2050], nice=False, zero=False)
    x = alt.X("year:Q", title=t("axis_year", lang), axis=alt.Axis(format="d", tickCount=8),
              scale=years)
    y = alt.Y("value:Q", title=t("compare_axis", lang), axis=alt.Axis(format=",.0f"))
    tooltip = [
        alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
        alt.Tooltip("series:N", title=t("compare_legend", lang)),
        alt.Tooltip("measure:N", title=t("compare_measure", lang)),
        alt.Tooltip("value:Q", title=t("compare_axis", lang), format=",.1f"),
    ]
    net, ghg = t("compare_measure_net", lang), t("compare_measure_ghg", lang)
    history = alt.Chart().mark_line(color=HISTORY_COLOUR, strokeWidth=2.5).encode(
        x=x, y=y, tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "history")
    encoding = {
        "color": alt.Color("series:N", sort=None, title=None,
                           scale=alt.Scale(range=list(SCENARIO_COLOURS)),
                           legend=alt.Legend(orient="bottom", columns=2, symbolType="stroke")),
        "detail": alt.Detail("key:N"),
    }
    if show_ghg:  # without the dashed lines, a dash legend would explain nothing drawn
        encoding["strokeDash"] = alt.StrokeDash(
            "measure:N", title=None, sort=None,
            scale=alt.Scale(domain=[net, ghg], range=[[1, 0], [6, 4]]),
            legend=alt.Legend(orient="bottom"))
    scenarios = alt.Chart().mark_line(strokeWidth=2.5).encode(
        x=x, y=y, tooltip=tooltip, **encoding,
    ).transform_filter(alt.datum.layer == "scenario")
    return streamlit_spec(
        alt.layer(history, scenarios).properties(height=380, width="container"), lang)


def comparison_spec(lang: str, show_ghg: bool = False) -> dict:
    """Lines: statistics in grey, then one colour per scenario (dashed: GHG without BECCS)."""
    return _comparison_spec(lang, show_ghg)


def _encoded(values: Sequence[str]) -> tuple[np.ndarray, tuple[str, ...]]:
    """Texts as codes into their distinct labels, in order of first appearance."""
    labels: dict[str, int] = {}
    codes = np.array([labels.setdefault(value, len(labels)) for value in values], dtype=np.int8)
    return codes, tuple(labels)


def comparison_data(named: Sequence[NamedResult], lang: str, show_ghg: bool) -> ChartData:
    """Long data: year, series, measure, layer, key, value (kt CO2e).

    Scenario lines start in the last statistics year so that they join the history line.
    Built straight from the arrays as ChartData (its Arrow table goes to the chart): the
    pandas frame and its conversion cost ~10 ms of every lever change.
    """
    net_label, ghg_label = t("compare_measure_net", lang), t("compare_measure_ghg", lang)
    data = named[0].result.data
    history_years = data.history_years
    years = [history_years]
    values = [data.history_ghg.sum(axis=1) / 1000.0]
    # One entry per line: its series, measure, layer and key, repeated over its rows.
    lines = [(t("compare_statistics", lang), net_label, "history", "history")]
    lengths = [len(history_years)]
    for i, (name, item) in enumerate(zip(unique_names([n.name for n in named]), named,
                                         strict=True)):
        result = item.result
        ghg = result.trajectory.ghg.sum(axis=1)
        net = ghg + result.trajectory.beccs
        measures = [(net_label, net, "net")] + ([(ghg_label, ghg, "ghg")] if show_ghg else [])
        for measure, line, suffix in measures:
            years.append(result.years)
            values.append(np.asarray(line) / 1000.0)
            lines.append((name, measure, "scenario", f"{i}-{suffix}"))
            lengths.append(len(result.years))
    texts = {}
    for column, name in enumerate(("series", "measure", "layer", "key")):
        codes, labels = _encoded([line[column] for line in lines])
        texts[name] = (np.repeat(codes, lengths), labels)
    return ChartData({"year": np.concatenate(years), "value": np.concatenate(values)}, texts,
                     ("year", "series", "measure", "layer", "key", "value"))
