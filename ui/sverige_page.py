"""Sverige: every municipality under the session's levers ("if every one did this").

One vectorised run for all (model/overview.py); the levers moved from the current
municipality's reference apply to all (national ones as they are, local ones as shares of
each municipality's own base), the rest stay at each one's own reference. Budgets: Växjö's
own, the others estimated by the principle the user chooses (ui/budget_principle.py).
A table (sortable, searchable), a distribution chart with the current municipality
highlighted, and a link that opens a municipality with the same levers (`kommun=CODE`).

A lever move costs the model's run and the elements, little else: what no lever moves
(names, counties, base-year figures, search text, link parameters, budgets) is kept per
base, language and principle in ui/shared_cache, and the table and the chart's data go to
Streamlit as Arrow tables built from the model's arrays (model.overview.run_overview_totals),
not as pandas frames it would convert again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from model.levers import LEVERS_BY_ID
from model.local_levers import BECCS_LEVERS
from model.overview import OverviewBase, overview_budgets, overview_columns, run_overview_totals
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
from ui.data_access import budget_allocation_basis, municipality_labels, overview_base_cached
from ui.figures import metric_delta
from ui.shared_cache import shared
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


@dataclass(frozen=True, eq=False)
class _Fixed:
    """What the page shows that no lever moves, for one base and language: the table's
    fixed columns as Arrow arrays, the search text and link parameter of every row."""

    columns: dict[str, pa.Array]  # titled, in the table's order before the model's columns
    codes: np.ndarray  # (n,) str, the base's order
    budget_kind: pa.Array  # estimated or the municipality's own, in the language
    names: pa.Array
    code_array: pa.Array
    name_of: dict[str, str]
    hay: tuple[str, ...]  # name, county and code, casefolded (the search)
    plant: dict[str, bool]  # a BECCS plant (the link keeps the BECCS lever)
    code_param: dict[str, str]  # "kommun=CODE", encoded once
    total_base: float  # t CO2e, all municipalities in the base year
    total_1990: float | None
    table_meta: dict[str, object]  # pandas' schema metadata of the table, and of the chart
    chart_meta: dict[str, object]


def _pandas_meta(columns: dict[str, str]) -> dict[str, object]:
    """The schema metadata pyarrow writes for a pandas frame with these column dtypes (and
    a default index): the page's Arrow tables carry it, so the browser and AppTest read
    them exactly as they read the pandas frames the page used to send."""
    sample = pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in columns.items()})
    return json.loads(pa.Schema.from_pandas(sample).metadata[b"pandas"])


def _as_from_pandas(table: pa.Table, meta: dict[str, object]) -> pa.Table:
    """The table with pandas' metadata for its row count (a RangeIndex 0..n)."""
    (index,) = meta["index_columns"]  # type: ignore[misc]
    return table.replace_schema_metadata({"pandas": json.dumps(
        {**meta, "index_columns": [{**index, "stop": table.num_rows}]})})


@shared(max_entries=8)
def _fixed(base: OverviewBase, lang: str) -> _Fixed:
    """The lever-independent parts, once per base (an import builds a new base and empties
    this cache) and language: a lever move then only adds the model's columns."""
    codes = [str(c) for c in base.codes]
    names = [str(n) for n in base.names]
    counties = [str(c) for c in base.counties]
    h1990 = np.nonzero(base.history_years == 1990)[0]
    titles = [t(key, lang) for key in (
        "sverige_col_code", "sverige_col_name", "sverige_col_county", "col_ghg_2024",
        "col_ghg_2030", "col_change_1990", "col_per_capita", "col_fossil_2030", "col_budget",
        "col_budget_kind", "col_exhausted", "sverige_col_link")]
    kinds = ["str"] * 3 + ["float64"] * 6 + ["str", "Int64", "str"]
    return _Fixed(
        table_meta=_pandas_meta(dict(zip(titles, kinds, strict=True))),
        chart_meta=_pandas_meta({"name": "str", "code": "str", "value": "float64",
                                 "current": "bool", "rank": "int64"}),
        columns={
            t("sverige_col_code", lang): pa.array(codes, pa.large_string()),
            t("sverige_col_name", lang): pa.array(names, pa.large_string()),
            t("sverige_col_county", lang): pa.array(counties, pa.large_string()),
            t("col_ghg_2024", lang): pa.array(np.round(base.history_totals[:, -1], 0)),
        },
        budget_kind=pa.array(np.where(base.budget_estimated, t("budget_kind_estimate", lang),
                                      t("budget_kind_stated", lang)).tolist(), pa.large_string()),
        codes=base.codes,
        names=pa.array(names, pa.large_string()),
        code_array=pa.array(codes, pa.large_string()),
        name_of=dict(zip(codes, names, strict=True)),
        hay=tuple(f"{n} {county} {c}".casefold() for c, n, county in zip(codes, names, counties,
                                                                          strict=True)),
        plant=dict(zip(codes, (bool(p) for p in base.beccs_max > 0), strict=True)),
        code_param={c: urlencode({MUNICIPALITY_PARAM: c}) for c in codes},
        total_base=float(base.history_totals[:, -1].sum()),
        total_1990=float(base.history_totals[:, h1990[0]].sum()) if len(h1990) else None,
    )


@shared(max_entries=16)
def _budgets(base: OverviewBase, principle: str, weight: float) -> np.ndarray:
    """Every municipality's budget under a principle (the same on every lever move; shared
    by every session, so read-only)."""
    budgets = np.array(overview_budgets(base, budget_allocation_basis(), principle, weight),
                       dtype=float)
    budgets.flags.writeable = False
    return budgets


def _around_code(params: dict[str, str]) -> tuple[str, str]:
    """urlencode(params) split around its municipality parameter: what comes before it (with
    its "&") and after it, so each row's address is one string join."""
    pairs = [urlencode({key: value}) for key, value in params.items()]
    at = list(params).index(MUNICIPALITY_PARAM)
    return "".join(p + "&" for p in pairs[:at]), "".join("&" + p for p in pairs[at + 1:])


def municipality_links(codes: list[str], lang: str, moved: dict[str, float],
                       base: OverviewBase) -> list[str]:
    """municipality_query's address for many municipalities at once (one per table row):
    the parameters are worked out twice (with and without a BECCS plant), not 290 times,
    and each row only joins its encoded code between them."""
    prefix = share_url({}, PAGE_PATH).rstrip("?")
    fixed = _fixed(base, lang)
    parts = {has: _around_code(municipality_query("", lang, moved, base, plant=has))
             for has in (True, False)}
    out = []
    for c in codes:
        before, after = parts[fixed.plant.get(c, False)]
        param = fixed.code_param.get(c) or urlencode({MUNICIPALITY_PARAM: c})
        out.append(f"{prefix}?{before}{param}{after}")
    return out


def _table(fixed: _Fixed, columns: dict[str, np.ndarray], lang: str,
           rows: np.ndarray | None, links: list[str]) -> pa.Table:
    """The table as Arrow (the fixed columns kept, the model's added): the same columns and
    types a pandas frame of it converts to, without building one on every lever move."""
    exhausted = columns["budget_exhausted_year"]
    missing = np.isnan(exhausted)
    moving = {
        t("col_ghg_2030", lang): pa.array(np.round(columns["ghg_2030_t"], 0)),
        t("col_change_1990", lang): pa.array(np.round(columns[CHANGE] * 100, 1)),
        t("col_per_capita", lang): pa.array(np.round(columns["ghg_per_capita_2030_kg"], 0)),
        t("col_fossil_2030", lang): pa.array(np.round(columns["fossil_fuel_co2_2030_t"], 0)),
        t("col_budget", lang): pa.array(np.round(columns["budget_t"], 0)),
        t("col_budget_kind", lang): fixed.budget_kind,
        t("col_exhausted", lang): pa.array(np.where(missing, 0, exhausted).astype(np.int64),
                                           mask=missing),
    }
    table = pa.table({**fixed.columns, **moving})
    if rows is not None:
        table = table.take(pa.array(rows, pa.int64()))
    return _as_from_pandas(table.append_column(
        t("sverige_col_link", lang), pa.array(links, pa.large_string())), fixed.table_meta)


# Columns of figures, shown in the reader's own number format ("76 432", "−49,1" in a
# Swedish browser; Streamlit's default is "76432", "-49.1"). The year column stays as it is.
_NUMBER_COLUMNS = ("col_ghg_2024", "col_ghg_2030", "col_change_1990", "col_per_capita",
                   "col_fossil_2030", "col_budget")


def table_columns(lang: str) -> dict[str, object]:
    """The table's column settings: figures in the browser's number format, the link as a
    link."""
    config: dict[str, object] = {t(key, lang): st.column_config.NumberColumn(format="localized")
                                 for key in _NUMBER_COLUMNS}
    config[t("sverige_col_link", lang)] = st.column_config.LinkColumn(
        display_text=t("sverige_col_link", lang))
    return config


def distribution_data(fixed: _Fixed, values: np.ndarray, code: str) -> pa.Table:
    """Every municipality's value of the measure, sorted, with its rank and whether it is
    the current one (the chart's data, as Arrow: Streamlit sends it as it is)."""
    kept = np.flatnonzero(~np.isnan(values))
    order = kept[np.argsort(values[kept], kind="stable")]
    return _as_from_pandas(pa.table({
        "name": fixed.names.take(order),
        "code": fixed.code_array.take(order),
        "value": pa.array(values[order].astype(float)),
        "current": pa.array(fixed.codes[order] == code),
        "rank": pa.array(np.arange(1, len(order) + 1, dtype=np.int64)),
    }), fixed.chart_meta)


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
    fixed = _fixed(base, lang)
    with st.container(border=True):
        principle_widgets(lang)
        st.caption(t("sverige_budget_note", lang) + " "
                   + principle_note(lang, one_municipality=False))
    principle, weight = current_principle()
    result = run_overview_totals(base, moved, _budgets(base, principle, weight))
    columns = overview_columns(result)

    total_2030 = float(np.nansum(columns["ghg_2030_t"]))
    total_base, total_1990 = fixed.total_base, fixed.total_1990
    exhausted = int((columns["budget_exhausted_year"] <= 2030).sum())
    cols = st.columns(4)
    change = total_2030 / total_base - 1.0
    # The real minus sign hides the sign from Streamlit: metric_delta sets arrow and colour.
    cols[0].metric(t("sverige_total_2030", lang), fmt_tonnes(total_2030, lang),
                   **metric_delta(change, t("sverige_vs_base", lang,
                                            change=fmt_percent(change, lang, 0),
                                            year=base.base_year),
                                  lower_is_better=True, tolerance=0.0005))
    cols[1].metric(t("sverige_change_1990", lang),
                   fmt_percent(total_2030 / total_1990 - 1.0, lang, 0) if total_1990 else "–")
    cols[2].metric(t("sverige_fossil_2030", lang),
                   fmt_tonnes(float(np.nansum(columns["fossil_fuel_co2_2030_t"])), lang))
    cols[3].metric(t("sverige_exhausted_by_2030", lang),
                   t("sverige_kommuner_count", lang, n=exhausted, total=base.n))

    measure = st.selectbox(t("sverige_chart_measure", lang), options=list(MEASURES),
                           format_func=lambda m: t(_MEASURE_TEXT[m], lang), key=MEASURE_KEY)
    name = str(ctx.data.name)
    values = columns[measure] * 100.0 if measure == CHANGE else columns[measure]
    distribution = distribution_data(fixed, values, code)
    label = t(_MEASURE_TEXT[measure], lang)
    chart_with_text(distribution, distribution_spec(measure, name, lang),
                    distribution_description(distribution, label, name, lang,
                                             years=measure == "budget_exhausted_year",
                                             unit="\u00a0%" if measure == CHANGE else ""),
                    "sverige_chart",
                    lambda: renamed(distribution.to_pandas(),
                                    {"rank": t("col_rank", lang),
                                     "name": t("mun_legend_municipality", lang),
                                     "value": label}, 1),
                    lang)

    query = st.text_input(t("sverige_search", lang), key=SEARCH_KEY).strip().casefold()
    rows = (np.array([i for i, hay in enumerate(fixed.hay) if query in hay], dtype=np.int64)
            if query else None)
    shown = [str(c) for c in (fixed.codes if rows is None else fixed.codes[rows])]
    links = municipality_links(shown, lang, moved, base)
    st.dataframe(
        _table(fixed, columns, lang, rows, links), hide_index=True, width="stretch",
        key="sverige_table",
        column_config=table_columns(lang),
    )
    options = shown or [code]
    default = options.index(code) if code in options else 0
    labels = municipality_labels()  # the sidebar picker's "Län – Kommun (kod)"
    picked = st.selectbox(t("sverige_open_pick", lang), options=options, index=default,
                          format_func=lambda c: labels.get(c, c),
                          key=OPEN_KEY)
    st.link_button(t("sverige_open", lang, name=fixed.name_of.get(picked, picked)),
                   share_url(municipality_query(picked, lang, moved, base), PAGE_PATH),
                   icon=":material/open_in_new:")
