"""Charts of the decision-support page: specs built once per language, small frames per run.

As in presentation/charts.py, a spec is shared between sessions and never mutated; each rerun only
passes new data. Lever colours are fixed per measure (the same lever has the same colour in
the wedge chart, the bars and the cost curve).
"""

from __future__ import annotations

import math
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd

from model.attribution import CONTROLS, Attribution
from model.costs import PAYERS, CostPlan
from model.levers import CONTROL_LABELS, LEVER_SPECS
from presentation.charts import ChartData, streamlit_spec
from presentation.i18n import t

# Every lever except the BECCS start year, which counts with BECCS (one measure).
MEASURES: tuple[str, ...] = tuple(s.id for s in LEVER_SPECS if s.id != "beccs_start")
MEASURE_OF = {"beccs_start": "beccs_kt"}
# 18 measures: Vega's tableau20 without its two greys.
_PALETTE = ("#4e79a7", "#a0cbe8", "#f28e2b", "#ffbe7d", "#59a14f", "#8cd17d", "#b6992d",
            "#f1ce63", "#499894", "#86bcb6", "#e15759", "#ff9d9a", "#d37295", "#fabfd2",
            "#b07aa1", "#d4a6c8", "#9d7660", "#d7b5a6", "#79706e")
CONTROL_COLOURS = ("#1b9e77", "#7570b3", "#d95f02", "#e6ab02", "#666666")
PAYER_COLOURS = ("#1b9e77", "#7570b3", "#d95f02", "#e6ab02", "#66a61e")
MAC_CLIP_SEK = 10_000.0


def measure_label(measure: str, lang: str) -> str:
    """A measure's label: the lever's, or BECCS as one measure."""
    if measure == "beccs_kt":
        return t("dec_beccs_measure", lang)
    spec = next(s for s in LEVER_SPECS if s.id == measure)
    return spec.label(lang)


def _measure_scale(lang: str, measures: tuple[str, ...] = MEASURES) -> alt.Scale:
    """Each measure's fixed colour; the domain lists only the measures shown."""
    return alt.Scale(domain=[measure_label(m, lang) for m in measures],
                     range=[_PALETTE[MEASURES.index(m)] for m in measures])


def _legend_height(measures: tuple[str, ...]) -> int:
    """Streamlit fits a stretched chart, legend included, into the spec's height (the
    title of such a chart is written by the page, above it)."""
    return 22 * math.ceil(len(measures) / 2) + 20


@lru_cache(maxsize=32)
def _measure_totals(attribution: Attribution) -> dict[str, np.ndarray]:
    """Net tonnes removed per measure and year (BECCS start folded into BECCS)."""
    out: dict[str, np.ndarray] = {}
    for lever_id, row in zip(attribution.lever_ids, attribution.net_t, strict=True):
        measure = MEASURE_OF.get(lever_id, lever_id)
        out[measure] = out.get(measure, 0.0) + row
    return out


def active_measures(attribution: Attribution) -> list[str]:
    """Measures that remove or add at least half a tonne in some year."""
    return list(_active(attribution))


@lru_cache(maxsize=32)
def _active(attribution: Attribution) -> tuple[str, ...]:
    """active_measures, worked out once per setting (three charts ask for it)."""
    totals = _measure_totals(attribution)
    return tuple(m for m in MEASURES if np.abs(totals[m]).max() >= 0.5)


@lru_cache(maxsize=64)
def _wedge_spec(lang: str, measures: tuple[str, ...]) -> dict:
    tooltip = [alt.Tooltip("year:Q", title=t("dec_axis_year", lang), format="d"),
               alt.Tooltip("series:N", title=t("dec_col_lever", lang)),
               alt.Tooltip("value:Q", title=t("dec_axis_removed_kt", lang), format=",.1f")]
    chart = alt.Chart().mark_area(opacity=0.9).encode(
        x=alt.X("year:Q", title=t("dec_axis_year", lang), axis=alt.Axis(format="d")),
        y=alt.Y("value:Q", stack="zero", title=t("dec_axis_removed_kt", lang)),
        color=alt.Color("series:N", scale=_measure_scale(lang, measures), title=None,
                        legend=alt.Legend(orient="bottom", columns=2, symbolType="square",
                                          labelLimit=360)),
        order=alt.Order("order:Q"),
        tooltip=tooltip,
    ).properties(height=320 + _legend_height(measures), width="container")
    return streamlit_spec(chart, lang)


def wedge_spec(lang: str, measures: tuple[str, ...]) -> dict:
    """Stacked areas: kt removed per measure and year (one spec per set of measures shown,
    so the legend lists only those)."""
    return _wedge_spec(lang, tuple(measures))


def wedge_data(attribution: Attribution, lang: str) -> ChartData:
    """year, series, value (kt removed), order; measures that do something, years after the
    base year. As arrays (ChartData): the chart gets Arrow without a pandas frame."""
    totals = _measure_totals(attribution)
    measures = _active(attribution)
    years = attribution.years[1:]
    # Whole numbers go as floats: Arrow's int64 reaches Vega as BigInt, which it cannot scale.
    return ChartData(
        {"year": np.tile(years, len(measures)).astype(float),
         "value": np.concatenate([totals[m][1:] / 1000.0 for m in measures]) if measures
         else np.zeros(0),
         "order": np.repeat(np.array([MEASURES.index(m) for m in measures], dtype=float),
                            len(years))},
        {"series": (np.repeat(np.arange(len(measures), dtype=np.int8), len(years)),
                    tuple(measure_label(m, lang) for m in measures))},
        ("year", "series", "value", "order"))


@lru_cache(maxsize=16)
def _bar_spec(lang: str, year: int) -> dict:
    title = t("dec_axis_removed_t", lang)
    chart = alt.Chart().mark_bar().encode(
        y=alt.Y("series:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("value:Q", title=title, axis=alt.Axis(format=",.0f")),
        color=alt.Color("series:N", scale=_measure_scale(lang), legend=None),
        tooltip=[alt.Tooltip("series:N", title=t("dec_col_lever", lang)),
                 alt.Tooltip("value:Q", title=title, format=",.0f")],
    ).properties(height=alt.Step(24), width="container",
                 title=alt.TitleParams(t("dec_bar_title", lang, year=year), anchor="start"))
    return streamlit_spec(chart, lang)


def bar_spec(lang: str, year: int) -> dict:
    """Horizontal bars: tonnes removed per measure in one year."""
    return _bar_spec(lang, year)


def bar_data(attribution: Attribution, year: int, lang: str) -> ChartData:
    """series, value (t removed in the year) for the active measures."""
    totals = _measure_totals(attribution)
    column = int(np.nonzero(attribution.years == year)[0][0])
    measures = _active(attribution)
    return ChartData(
        {"value": np.array([float(totals[m][column]) for m in measures], dtype=float)},
        {"series": (np.arange(len(measures), dtype=np.int8),
                    tuple(measure_label(m, lang) for m in measures))},
        ("series", "value"))


@lru_cache(maxsize=16)
def _control_spec(lang: str, year: int) -> dict:
    title = t("dec_control_axis", lang, year=year)
    labels = [CONTROL_LABELS[lang][c] for c in CONTROLS]
    chart = alt.Chart().mark_bar().encode(
        y=alt.Y("series:N", sort=labels, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("value:Q", title=title, axis=alt.Axis(format=",.0f")),
        color=alt.Color("series:N", scale=alt.Scale(domain=labels, range=list(CONTROL_COLOURS)),
                        legend=None),
        tooltip=[alt.Tooltip("series:N", title=t("dec_col_control", lang)),
                 alt.Tooltip("value:Q", title=title, format=",.0f")],
    ).properties(height=alt.Step(30), width="container")
    return streamlit_spec(chart, lang)


def control_spec(lang: str, year: int) -> dict:
    """Horizontal bars: tonnes removed in a year by who controls the lever."""
    return _control_spec(lang, year)


def control_data(attribution: Attribution, year: int, lang: str) -> pd.DataFrame:
    """series (control label), control, value (t removed in the year): all five groups."""
    column = int(np.nonzero(attribution.years == year)[0][0])
    by_control = attribution.by_control()
    return pd.DataFrame({
        "series": [CONTROL_LABELS[lang][c] for c in CONTROLS],
        "control": list(CONTROLS),
        "value": [float(by_control[c][column]) for c in CONTROLS],
    })


def payer_label(payer: str, lang: str) -> str:
    """Who pays, in the chosen language."""
    return t(f"payer_{payer}", lang)


@lru_cache(maxsize=8)
def _invest_spec(lang: str) -> dict:
    labels = [payer_label(p, lang) for p in PAYERS]
    title = t("dec_axis_msek", lang)
    chart = alt.Chart().mark_bar().encode(
        x=alt.X("year:O", title=t("dec_axis_year", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", stack="zero", title=title, axis=alt.Axis(format=",.0f")),
        color=alt.Color("series:N", title=None,
                        scale=alt.Scale(domain=labels, range=list(PAYER_COLOURS)),
                        legend=alt.Legend(orient="bottom")),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("year:O", title=t("dec_axis_year", lang)),
                 alt.Tooltip("series:N", title=t("dec_payer", lang)),
                 alt.Tooltip("value:Q", title=title, format=",.1f")],
    ).properties(height=300, width="container",
                 title=alt.TitleParams(t("dec_invest_title", lang), anchor="start"))
    return streamlit_spec(chart, lang)


def invest_spec(lang: str) -> dict:
    """Stacked bars: investment per year by payer (MSEK)."""
    return _invest_spec(lang)


def invest_data(plan: CostPlan, case: str, lang: str) -> pd.DataFrame:
    """year, series (payer), value (MSEK), order."""
    frame = plan.investment_by_payer(case)
    return pd.DataFrame({
        "year": frame["year"].astype(float),
        "series": [payer_label(p, lang) for p in frame["payer"]],
        "value": frame["investment_sek"] / 1e6,
        "order": [float(PAYERS.index(p)) for p in frame["payer"]],
    })


@lru_cache(maxsize=64)
def _mac_spec(lang: str, first_year: int, measures: tuple[str, ...]) -> dict:
    x_title = t("dec_mac_x", lang, first=first_year)
    y_title = t("dec_mac_y", lang)
    chart = alt.Chart().mark_rect(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("x_start:Q", title=x_title, axis=alt.Axis(format=",.0f")),
        x2="x_end:Q",
        y=alt.Y("y_zero:Q", title=y_title, axis=alt.Axis(format=",.0f")),
        y2="top:Q",
        color=alt.Color("series:N", scale=_measure_scale(lang, measures), title=None,
                        legend=alt.Legend(orient="bottom", columns=2, symbolType="square",
                                          labelLimit=360)),
        tooltip=[alt.Tooltip("series:N", title=t("dec_col_lever", lang)),
                 alt.Tooltip("reduced_t:Q", title=t("dec_col_reduced", lang), format=",.0f"),
                 alt.Tooltip("sek_per_t:Q", title=y_title, format=",.0f")],
    ).properties(height=320 + _legend_height(measures), width="container")
    return streamlit_spec(chart, lang)


def mac_spec(lang: str, first_year: int, measures: tuple[str, ...]) -> dict:
    """Rectangles: width = tonnes removed, height = SEK per tonne, cheapest first."""
    return _mac_spec(lang, first_year, tuple(measures))


def mac_measures(plan: CostPlan, case: str) -> tuple[str, ...]:
    """The measures on the cost curve, in MEASURES order (for the spec's legend)."""
    on_curve = set(plan.mac_curve(case)["lever_id"])
    return tuple(m for m in MEASURES if m in on_curve)


def mac_data(plan: CostPlan, case: str, lang: str,
             curve: pd.DataFrame | None = None) -> pd.DataFrame:
    """series, x_start, x_end (kt), y_zero, top (SEK/t clipped), reduced_t, sek_per_t
    (curve: plan.mac_curve(case), when the caller has it already)."""
    curve = plan.mac_curve(case) if curve is None else curve
    return pd.DataFrame({
        "series": [measure_label(m, lang) for m in curve["lever_id"]],
        "x_start": curve["x_start"] / 1000.0,
        "x_end": curve["x_end"] / 1000.0,
        "y_zero": 0.0,
        "top": curve["sek_per_t"].clip(-MAC_CLIP_SEK, MAC_CLIP_SEK),
        "reduced_t": curve["reduced_t"],
        "sek_per_t": curve["sek_per_t"],
    })
