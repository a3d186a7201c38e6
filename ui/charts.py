"""Chart specs (built once per language) and the small frames they draw each run.

Altair builds and validates a spec once; each rerun only passes new data to
st.vega_lite_chart, which keeps a lever change cheap even with a room full of phones.
"""

from __future__ import annotations

import copy
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd

from model.scenario import ScenarioResult
from model.sectors import BECCS_COLOUR, SECTOR_COLOURS, SECTORS, sector_label
from ui.formatting import VEGA_LOCALE
from ui.i18n import t

NET_COLOUR = "#111111"
REFERENCE_COLOUR = "#6b6b6b"
BUDGET_COLOUR = "#b2182b"


def _finish(spec: dict, lang: str) -> dict:
    """Make the spec take its data from st.vega_lite_chart, and format numbers for lang.

    Altair gives every layer of a data-less chart an empty named dataset; layers must
    instead inherit the top-level data that Streamlit attaches. Decorations (the history
    band and its labels) draw once from a single empty row.
    """
    spec.pop("datasets", None)
    spec.pop("data", None)
    for layer in spec.get("layer", []):
        mark = layer.get("mark", {})
        mark_type = mark.get("type") if isinstance(mark, dict) else mark
        if mark_type in ("rect", "text"):
            layer["data"] = {"values": [{}]}
        else:
            layer.pop("data", None)
    spec.setdefault("config", {})["locale"] = VEGA_LOCALE[lang]
    return spec


def _series_scale(lang: str) -> alt.Scale:
    domain = [sector_label(s, lang) for s in SECTORS] + [
        t("series_beccs", lang), t("series_net", lang), t("series_reference", lang)]
    colours = [SECTOR_COLOURS[s] for s in SECTORS] + [BECCS_COLOUR, NET_COLOUR, REFERENCE_COLOUR]
    return alt.Scale(domain=domain, range=colours)


@lru_cache(maxsize=16)
def _trajectory_spec(lang: str, per_capita: bool, base_year: int) -> dict:
    value_title = t("axis_per_capita", lang) if per_capita else t("axis_kt", lang)
    value_format = ",.2f" if per_capita else ",.0f"
    years = alt.Scale(domain=[1990, 2050], nice=False, zero=False)
    base = alt.Chart().encode(
        x=alt.X("year:Q", title=t("axis_year", lang), axis=alt.Axis(format="d", tickCount=8),
                scale=years),
    )
    tooltip = [
        alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
        alt.Tooltip("series:N", title=t("legend_sector", lang)),
        alt.Tooltip("value:Q", title=value_title, format=value_format),
    ]
    colour = alt.Color("series:N", scale=_series_scale(lang), title=None,
                       legend=alt.Legend(orient="bottom", columns=3, symbolType="square"))
    history = alt.Chart().mark_rect(color="#888888", opacity=0.08).encode(
        x=alt.X(datum=1990, scale=years), x2=alt.X2(datum=base_year))
    history_label = alt.Chart().mark_text(align="left", dx=4, dy=8, baseline="top",
                                          color="#555555", fontSize=12).encode(
        x=alt.X(datum=1990, scale=years), y=alt.value(0),
        text=alt.value(t("label_statistics", lang)))
    scenario_label = alt.Chart().mark_text(align="left", dx=4, dy=8, baseline="top",
                                           color="#555555", fontSize=12).encode(
        x=alt.X(datum=base_year, scale=years), y=alt.value(0),
        text=alt.value(t("label_scenario", lang)))
    areas = base.mark_area(opacity=0.9).encode(
        y=alt.Y("value:Q", stack="zero", title=value_title),
        color=colour,
        order=alt.Order("order:Q"),
        tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "area")
    beccs = base.mark_area(opacity=0.8).encode(
        y="value:Q", color=colour, tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "beccs")
    net = base.mark_line(strokeWidth=2.5).encode(
        y="value:Q", color=colour, tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "net")
    reference = base.mark_line(strokeDash=[6, 4], strokeWidth=2).encode(
        y="value:Q", color=colour, tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "reference")
    chart = alt.layer(history, areas, beccs, net, reference, history_label, scenario_label)
    return _finish(chart.properties(height=380, width="container").to_dict(), lang)


def trajectory_spec(lang: str, per_capita: bool, base_year: int) -> dict:
    """Stacked areas by sector, BECCS below zero, net and reference lines."""
    return copy.deepcopy(_trajectory_spec(lang, per_capita, base_year))


def trajectory_data(
    result: ScenarioResult, reference: ScenarioResult, lang: str, per_capita: bool
) -> pd.DataFrame:
    """Long frame for trajectory_spec: year, series, layer, value, order."""
    frame = result.sectors_frame
    totals = result.totals_frame
    ref_totals = reference.totals_frame
    if per_capita:
        population = totals.set_index("year")["population"]
        divisor = frame["year"].map(population).to_numpy() / 1000.0  # kg → t per inhabitant
        scale_years = totals["population"].to_numpy() / 1000.0
    else:
        divisor = np.full(len(frame), 1000.0)
        scale_years = np.full(len(totals), 1000.0)
    labels = {s: sector_label(s, lang) for s in SECTORS}
    order = {s: i for i, s in enumerate(SECTORS)}
    areas = pd.DataFrame({
        "year": frame["year"].to_numpy(),
        "series": frame["sector"].map(labels).to_numpy(),
        "layer": "area",
        "value": frame["ghg_t"].to_numpy() / divisor / (1.0 if not per_capita else 1000.0),
        "order": frame["sector"].map(order).to_numpy(),
    })
    scenario = totals["kind"].to_numpy() == "scenario"
    last_stat = int(np.nonzero(~scenario)[0][-1])
    lines = scenario.copy()
    lines[last_stat] = True  # lines start at the last statistics year
    years = totals["year"].to_numpy()
    factor = 1.0 if not per_capita else 1000.0
    extra = pd.DataFrame({
        "year": np.concatenate([years[lines], years[lines], years[lines]]),
        "series": np.repeat([t("series_beccs", lang), t("series_net", lang),
                             t("series_reference", lang)], lines.sum()),
        "layer": np.repeat(["beccs", "net", "reference"], lines.sum()),
        "value": np.concatenate([
            totals["beccs_t"].to_numpy()[lines] / scale_years[lines] / factor,
            totals["net_t"].to_numpy()[lines] / scale_years[lines] / factor,
            ref_totals["net_t"].to_numpy()[lines] / scale_years[lines] / factor,
        ]),
        "order": 99,
    })
    data = pd.concat([areas, extra], ignore_index=True)
    return data.dropna(subset=["value"])


@lru_cache(maxsize=8)
def _fossil_spec(lang: str) -> dict:
    colours = alt.Scale(domain=[sector_label(s, lang) for s in SECTORS],
                        range=[SECTOR_COLOURS[s] for s in SECTORS])
    chart = alt.Chart().mark_bar().encode(
        y=alt.Y("series:N", sort="-x", title=None),
        x=alt.X("value:Q", title=t("axis_fossil_t", lang), axis=alt.Axis(format=",.0f")),
        color=alt.Color("series:N", scale=colours, legend=None),
        tooltip=[alt.Tooltip("series:N", title=t("legend_sector", lang)),
                 alt.Tooltip("value:Q", title=t("axis_fossil_t", lang), format=",.0f")],
    ).properties(height=alt.Step(26), width="container")
    return _finish(chart.to_dict(), lang)


def fossil_spec(lang: str) -> dict:
    """Horizontal bars: fossil CO2 left in 2030 by sector."""
    return copy.deepcopy(_fossil_spec(lang))


def fossil_data(result: ScenarioResult, lang: str) -> pd.DataFrame:
    """Sectors with fossil CO2 left in 2030 (at least half a tonne)."""
    values = np.array(result.kpis.fossil_co2_2030_by_sector)
    keep = values >= 0.5
    return pd.DataFrame({
        "series": [sector_label(s, lang) for s, k in zip(SECTORS, keep, strict=True) if k],
        "value": values[keep],
    })


@lru_cache(maxsize=8)
def _budget_spec(lang: str) -> dict:
    x = alt.X("year:Q", title=t("axis_year", lang), axis=alt.Axis(format="d"))
    y_title = t("axis_cumulative", lang)
    tooltip = [alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
               alt.Tooltip("series:N", title=" "),
               alt.Tooltip("value:Q", title=y_title, format=",.0f")]
    colour = alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom"),
                       scale=alt.Scale(domain=[t("series_cumulative", lang),
                                               t("series_budget", lang)],
                                       range=[NET_COLOUR, BUDGET_COLOUR]))
    cumulative = alt.Chart().mark_area(line=True, opacity=0.25).encode(
        x=x, y=alt.Y("value:Q", title=y_title), color=colour, tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "cumulative")
    budget = alt.Chart().mark_line(strokeDash=[8, 4], strokeWidth=2).encode(
        x=x, y="value:Q", color=colour, tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "budget")
    chart = alt.layer(cumulative, budget).properties(height=300, width="container")
    return _finish(chart.to_dict(), lang)


def budget_spec(lang: str) -> dict:
    """Cumulative emissions from the budget's start year against the budget."""
    return copy.deepcopy(_budget_spec(lang))


def budget_data(result: ScenarioResult, lang: str) -> pd.DataFrame:
    """Cumulative emissions (kt) from the start year and the budget as a flat line."""
    totals = result.totals_frame
    start = result.budget.start_year
    counted = totals["net_t"] if result.budget.count_beccs else totals["ghg_t"]
    mask = (totals["year"] >= start).to_numpy()
    years = totals["year"].to_numpy()[mask]
    cumulative = np.cumsum(counted.to_numpy()[mask]) / 1000.0
    n = len(years)
    return pd.DataFrame({
        "year": np.concatenate([years, years]),
        "series": [t("series_cumulative", lang)] * n + [t("series_budget", lang)] * n,
        "layer": ["cumulative"] * n + ["budget"] * n,
        "value": np.concatenate([cumulative, np.full(n, result.budget.budget_t / 1000.0)]),
    })
