"""The facilitator's chart: every submission's net emissions over the statistics.

Like presentation/charts.py: the spec is built once per language and shared between sessions (never
mutate it); each refresh of the submissions panel passes only a small frame. Participant
and scenario names are data, never part of the spec, so user text cannot change a chart.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd

from exports.compare import unique_names
from model.data import MunicipalityData
from model.scenario import ScenarioResult
from presentation.charts import streamlit_spec
from presentation.i18n import t

HISTORY_COLOUR = "#8a8a8a"
REFERENCE_COLOUR = "#444444"
# Tableau's ten colours, then their light partners: neighbours in a legend stay apart.
SUBMISSION_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#edc948",
                      "#76b7b2", "#ff9da7", "#9c755f", "#bab0ac", "#a0cbe8", "#ffbe7d",
                      "#ff9d9a", "#8cd17d", "#d4a6c8", "#f1ce63", "#86bcb6", "#fabfd2",
                      "#d7b5a6", "#79706e")


@lru_cache(maxsize=4)
def _overlay_spec(lang: str) -> dict:
    years = alt.Scale(domain=[1990, 2050], nice=False, zero=False)
    x = alt.X("year:Q", title=t("axis_year", lang), axis=alt.Axis(format="d", tickCount=8),
              scale=years)
    y = alt.Y("value:Q", title=t("ws_axis_net", lang), axis=alt.Axis(format=",.0f"))
    tooltip = [
        alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
        alt.Tooltip("series:N", title=t("ws_col_submission", lang)),
        alt.Tooltip("value:Q", title=t("ws_axis_net", lang), format=",.1f"),
    ]
    history = alt.Chart().mark_line(color=HISTORY_COLOUR, strokeWidth=3).encode(
        x=x, y=y, tooltip=tooltip).transform_filter(alt.datum.layer == "history")
    reference = alt.Chart().mark_line(color=REFERENCE_COLOUR, strokeDash=[6, 4],
                                      strokeWidth=2).encode(
        x=x, y=y, tooltip=tooltip).transform_filter(alt.datum.layer == "reference")
    submissions = alt.Chart().mark_line(strokeWidth=2.2).encode(
        x=x, y=y, tooltip=tooltip, detail=alt.Detail("key:N"),
        color=alt.Color("series:N", sort=None, title=None,
                        scale=alt.Scale(range=list(SUBMISSION_COLOURS)),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=230,
                                          symbolType="stroke")),
    ).transform_filter(alt.datum.layer == "submission")
    return streamlit_spec(alt.layer(history, reference, submissions).properties(
        height=380, width="container"), lang)


def overlay_spec(lang: str, data: pd.DataFrame | None = None) -> dict:
    """Statistics in grey, the reference dashed, one coloured line per submission.

    With the chart's frame, each line gets its participant's colour (the frame's "colour"
    column) through an explicit scale: Vega would otherwise colour by the order the lines
    come in, and a table's line changed colour when it sent a new version.
    """
    spec = _overlay_spec(lang)
    if data is None or "colour" not in data:
        return spec
    lines = data[data["layer"] == "submission"].drop_duplicates("series")
    spec = copy.deepcopy(spec)  # the cached spec is shared: never mutate it
    for layer in spec["layer"]:
        colour = layer.get("encoding", {}).get("color", {})
        if colour.get("field") == "series":
            colour["scale"] = {"domain": list(lines["series"]), "range": list(lines["colour"])}
    return spec


def participant_colours(joined: Sequence[str]) -> dict[str, str]:
    """A colour per participant (lower case) by the order they first submitted: it stays
    theirs for the whole workshop, whatever others send or resend (after 20, colours repeat).
    """
    colours: dict[str, str] = {}
    for name in joined:
        key = name.lower()
        if key not in colours:
            colours[key] = SUBMISSION_COLOURS[len(colours) % len(SUBMISSION_COLOURS)]
    return colours


def _net_kt(result: ScenarioResult) -> np.ndarray:
    return (result.trajectory.ghg.sum(axis=1) + result.trajectory.beccs) / 1000.0


def overlay_data(data: MunicipalityData, reference: ScenarioResult,
                 named: Sequence[tuple[str, ScenarioResult]], lang: str,
                 colours: Sequence[str] | None = None) -> pd.DataFrame:
    """Long frame: year, series, layer, key, value (kt CO2e net), and with ``colours`` (one
    per named line) a colour column for overlay_spec.

    Scenario lines start in the last statistics year, so that they join the history line.
    """
    parts = [
        pd.DataFrame({"year": data.history_years, "series": t("compare_statistics", lang),
                      "layer": "history", "key": "history",
                      "value": data.history_ghg.sum(axis=1) / 1000.0}),
        pd.DataFrame({"year": reference.years, "series": t("series_reference", lang),
                      "layer": "reference", "key": "reference", "value": _net_kt(reference)}),
    ]
    names = unique_names([name for name, _ in named],
                         reserved=[t("compare_statistics", lang), t("series_reference", lang)])
    for i, (name, (_, result)) in enumerate(zip(names, named, strict=True)):
        part = pd.DataFrame({"year": result.years, "series": name, "layer": "submission",
                             "key": f"s{i}", "value": _net_kt(result)})
        if colours is not None:
            part["colour"] = colours[i]
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True)
    if colours is not None:
        frame["colour"] = frame["colour"].fillna("")
    return frame
