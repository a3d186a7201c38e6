"""Sverige: every municipality under the session's levers ("if every one did this").

One vectorised run for all (model/overview.py); the levers moved from the current
municipality's reference apply to all (national ones as they are, local ones as shares of
each municipality's own base), the rest stay at each one's own reference. Budgets: Växjö's
own, the others estimated by the principle the user chooses (ui/budget_principle.py).
A table (sortable, searchable), a distribution chart with the current municipality
highlighted, and a link that opens a municipality with the same levers (`kommun=CODE`).
"""

from __future__ import annotations

from urllib.parse import urlencode

import numpy as np
import pandas as pd
import streamlit as st

from model.levers import LEVERS_BY_ID
from model.local_levers import BECCS_LEVERS
from model.overview import OverviewBase, overview_budgets, overview_frame, run_overview
from presentation.chart_text import distribution_description, renamed
from presentation.formatting import VEGA_LOCALE, fmt_percent, fmt_tonnes
from presentation.i18n import t
from presentation.links import (
    LANG_PARAM,
    MUNICIPALITY_PARAM,
    SCHEMA_VERSION,
    VERSION_PARAM,
    format_number,
)
from ui.budget_principle import current_principle, principle_widgets
from ui.budget_principle import note as principle_note
from ui.chart_access import chart_with_text
from ui.context import page_context
from ui.data_access import budget_allocation_basis, overview_base_cached
from ui.figures import metric_delta
from ui.sharing import share_url

SEARCH_KEY = "sverige_search"
MEASURE_KEY = "sverige_measure"
OPEN_KEY = "sverige_open"
PAGE_PATH = "sverige"
CHANGE = "ghg_change_2030_vs_1990"  # drawn in per cent
MEASURES = ("ghg_per_capita_2030_kg", "ghg_change_2030_vs_1990", "ghg_2030_t",
            "fossil_fuel_co2_2030_t", "budget_exhausted_year")
_MEASURE_TEXT = {"ghg_per_capita_2030_kg": "col_per_capita",
                 "ghg_change_2030_vs_1990": "col_change_1990", "ghg_2030_t": "col_ghg_2030",
                 "fossil_fuel_co2_2030_t": "col_fossil_2030",
                 "budget_exhausted_year": "col_exhausted"}
HIGHLIGHT = "#D55E00"
OTHERS = "#0072B2"


def municipality_query(code: str, lang: str, moved: dict[str, float], base: OverviewBase,
                       plant: bool | None = None) -> dict[str, str]:
    """The link parameters that open a municipality with the moved levers (no BECCS where it
    has no plant, so the link reads without a problem)."""
    params = {VERSION_PARAM: str(SCHEMA_VERSION), MUNICIPALITY_PARAM: code}
    if lang != "sv":
        params[LANG_PARAM] = lang
    no_plant = not plant if plant is not None else base.beccs_max[base.index_of(code)] <= 0
    for lever_id, value in moved.items():
        if no_plant and lever_id in BECCS_LEVERS:
            continue
        params[lever_id] = format_number(value)
    return params


def municipality_links(codes: list[str], lang: str, moved: dict[str, float],
                       base: OverviewBase) -> list[str]:
    """municipality_query's address for many municipalities at once (one per table row):
    the parameters are worked out twice (with and without a BECCS plant), not 290 times."""
    prefix = share_url({}, PAGE_PATH).rstrip("?")
    plant = dict(zip(base.codes, base.beccs_max > 0, strict=True))
    templates = {has: municipality_query("", lang, moved, base, plant=has)
                 for has in (True, False)}
    return [f"{prefix}?{urlencode({**templates[bool(plant.get(c))], MUNICIPALITY_PARAM: c})}"
            for c in codes]


def _table(frame: pd.DataFrame, lang: str, links: list[str]) -> pd.DataFrame:
    return pd.DataFrame({
        t("sverige_col_code", lang): frame["code"],
        t("sverige_col_name", lang): frame["name"],
        t("sverige_col_county", lang): frame["county"],
        t("col_ghg_2024", lang): frame["ghg_2024_t"].round(0),
        t("col_ghg_2030", lang): frame["ghg_2030_t"].round(0),
        t("col_change_1990", lang): (frame["ghg_change_2030_vs_1990"] * 100).round(1),
        t("col_per_capita", lang): frame["ghg_per_capita_2030_kg"].round(0),
        t("col_fossil_2030", lang): frame["fossil_fuel_co2_2030_t"].round(0),
        t("col_budget", lang): frame["budget_t"].round(0),
        t("col_budget_kind", lang): np.where(frame["budget_estimated"],
                                             t("budget_kind_estimate", lang),
                                             t("budget_kind_stated", lang)),
        t("col_exhausted", lang): frame["budget_exhausted_year"],
        t("sverige_col_link", lang): links,
    })


def distribution_data(frame: pd.DataFrame, measure: str, code: str) -> pd.DataFrame:
    """Every municipality's value of the measure, sorted, with its rank and whether it is
    the current one (the chart's data)."""
    values = frame[measure].astype(float)
    if measure == "ghg_change_2030_vs_1990":
        values = values * 100.0
    data = pd.DataFrame({"name": frame["name"], "code": frame["code"], "value": values,
                         "current": frame["code"] == code})
    data = data.dropna(subset=["value"]).sort_values("value", kind="stable")
    return data.assign(rank=np.arange(1, len(data) + 1)).reset_index(drop=True)


def distribution_spec(measure: str, name: str, lang: str) -> dict[str, object]:
    """A bar per municipality, sorted; the current one coloured, marked and named.

    A plain Vega-Lite dict (as presentation/charts.py): Altair's validation of the same chart took
    0.4 s a rerun for 290 rows.
    """
    label = t(_MEASURE_TEXT[measure], lang)
    current = {"filter": "datum.current"}
    return {
        "height": 280,
        "title": t("sverige_chart_title", lang, measure=label, name=name),
        # Swedish number format on the axis and in tooltips, as the other charts have it.
        "config": {"locale": VEGA_LOCALE[lang]},
        "layer": [
            {"mark": {"type": "bar"},
             "encoding": {
                 "x": {"field": "rank", "type": "quantitative", "axis": None},
                 "y": {"field": "value", "type": "quantitative", "title": label},
                 "color": {"condition": {"test": "datum.current", "value": HIGHLIGHT},
                           "value": OTHERS},
                 "tooltip": [
                     {"field": "name", "type": "nominal", "title": t("sverige_col_name", lang)},
                     {"field": "code", "type": "nominal", "title": t("sverige_col_code", lang)},
                     {"field": "value", "type": "quantitative", "title": label,
                      "format": ",.0f"},
                 ]}},
            {"transform": [current], "mark": {"type": "rule", "color": HIGHLIGHT,
                                              "strokeWidth": 2},
             "encoding": {"x": {"field": "rank", "type": "quantitative"}}},
            {"transform": [current],
             "mark": {"type": "text", "align": "left", "dx": 4, "dy": -6, "color": HIGHLIGHT,
                      "fontWeight": "bold"},
             "encoding": {"x": {"field": "rank", "type": "quantitative"},
                          "y": {"field": "value", "type": "quantitative"},
                          "text": {"field": "name", "type": "nominal"}}},
        ],
    }


def main() -> None:
    """The page."""
    ctx = page_context()
    lang, code = ctx.lang, ctx.data.code
    st.title(t("sverige_title", lang))
    moved = {i: mine for i, (mine, _) in ctx.levers.differences(ctx.reference).items()}
    moved_text = (t("sverige_moved", lang, levers=", ".join(
        f"{LEVERS_BY_ID[i].label(lang)} {format_number(v)}" for i, v in moved.items()))
        if moved else t("sverige_moved_none", lang))
    st.caption(t("sverige_intro", lang, moved=moved_text))

    base = overview_base_cached()
    with st.container(border=True):
        principle_widgets(lang)
        st.caption(t("sverige_budget_note", lang) + " " + principle_note(lang))
    principle, weight = current_principle()
    budgets = overview_budgets(base, budget_allocation_basis(), principle, weight)
    result = run_overview(base, moved, budgets)
    frame = overview_frame(result).rename(columns={f"ghg_{base.base_year}_t": "ghg_2024_t"})

    total_2030 = float(frame["ghg_2030_t"].sum())
    total_base = float(frame["ghg_2024_t"].sum())
    h1990 = np.nonzero(base.history_years == 1990)[0]
    total_1990 = float(base.history_totals[:, h1990[0]].sum()) if len(h1990) else None
    exhausted = int((frame["budget_exhausted_year"].fillna(9999) <= 2030).sum())
    cols = st.columns(4)
    change = total_2030 / total_base - 1.0
    # The real minus sign hides the sign from Streamlit: metric_delta sets arrow and colour.
    cols[0].metric(t("sverige_total_2030", lang), fmt_tonnes(total_2030, lang),
                   **metric_delta(change, fmt_percent(change, lang, 0), lower_is_better=True,
                                  tolerance=0.0005))
    cols[1].metric(t("sverige_change_1990", lang),
                   fmt_percent(total_2030 / total_1990 - 1.0, lang, 0) if total_1990 else "–")
    cols[2].metric(t("sverige_fossil_2030", lang),
                   fmt_tonnes(float(frame["fossil_fuel_co2_2030_t"].sum()), lang))
    cols[3].metric(t("sverige_exhausted_by_2030", lang),
                   t("sverige_kommuner_count", lang, n=exhausted, total=len(frame)))

    measure = st.selectbox(t("sverige_chart_measure", lang), options=list(MEASURES),
                           format_func=lambda m: t(_MEASURE_TEXT[m], lang), key=MEASURE_KEY)
    name = str(ctx.data.name)
    distribution = distribution_data(frame, measure, code)
    label = t(_MEASURE_TEXT[measure], lang)
    chart_with_text(distribution, distribution_spec(measure, name, lang),
                    distribution_description(distribution, label, name, lang,
                                             years=measure == "budget_exhausted_year",
                                             unit="\u00a0%" if measure == CHANGE else ""),
                    "sverige_chart",
                    lambda: renamed(distribution, {"rank": t("col_rank", lang),
                                                   "name": t("mun_legend_municipality", lang),
                                                   "value": label}, 1),
                    lang)

    query = st.text_input(t("sverige_search", lang), key=SEARCH_KEY).strip().casefold()
    shown = frame
    if query:
        hay = (frame["name"] + " " + frame["county"] + " " + frame["code"]).str.casefold()
        shown = frame[hay.str.contains(query, regex=False)]
    links = municipality_links(list(shown["code"]), lang, moved, base)
    st.dataframe(
        _table(shown, lang, links), hide_index=True, width="stretch", key="sverige_table",
        column_config={t("sverige_col_link", lang): st.column_config.LinkColumn(
            display_text=t("sverige_col_link", lang))},
    )
    options = list(shown["code"]) or [code]
    names = dict(zip(frame["code"], frame["name"], strict=True))
    counties = dict(zip(frame["code"], frame["county"], strict=True))
    default = options.index(code) if code in options else 0
    picked = st.selectbox(t("sverige_open_pick", lang), options=options, index=default,
                          format_func=lambda c: f"{counties.get(c, '')} – {names.get(c, c)} ({c})",
                          key=OPEN_KEY)
    st.link_button(t("sverige_open", lang, name=names.get(picked, picked)),
                   share_url(municipality_query(picked, lang, moved, base), PAGE_PATH),
                   icon=":material/open_in_new:")
