"""Compare municipalities: two trajectories side by side, in total and per inhabitant.

The same lever setting is applied to both (model/local_levers.carry_over: the levers the
user moved keep their values, the rest stay at each municipality's own reference), each
with its own default budget, stated or estimated.
"""

from __future__ import annotations

from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from model.data import MunicipalityData
from model.levers import LEVERS_BY_ID, Levers
from model.local_levers import BECCS_LEVER, carry_over
from model.paths import reference_levers
from model.scenario import ScenarioResult, default_budget, population_path, run_scenario
from model.sectors import AGRICULTURE, SECTOR_INDEX
from presentation.chart_text import municipalities_description, wide_table
from presentation.charts import ChartData, streamlit_spec, stroke_legend
from presentation.formatting import fmt_month_year, fmt_number, fmt_percent, fmt_tonnes
from presentation.i18n import t
from ui.chart_access import chart_with_text
from ui.context import page_context
from ui.data_access import (
    budget_source,
    load_tables,
    municipality_data,
    municipality_names,
    source_titles,
)
from ui.shared_cache import shared

FIRST_KEY = "kommuner_a"
SECOND_KEY = "kommuner_b"
LEVERS_MODE_KEY = "kommuner_levers"
PER_CAPITA_KEY = "kommuner_per_capita"
LEVER_MODES = ("current", "reference")
COLOURS = ("#0072B2", "#D55E00")  # Okabe–Ito blue and vermilion: apart for colour-blind eyes


@lru_cache(maxsize=64)
def _run(data: MunicipalityData, levers: Levers) -> ScenarioResult:
    """One municipality's scenario with its default budget (kept: reruns repeat them)."""
    return run_scenario(data, levers, default_budget(data))


@shared()
def _option_labels() -> dict[str, str]:
    """'Växjö (0780)' for every municipality, for the pickers (an import empties the shared
    cache, and municipality_names with it)."""
    return {code: f"{name} ({code})" for code, name in municipality_names().items()}


def twin_or_other(code: str, names: dict[str, str]) -> str:
    """The municipality to compare with by default: the twin (Alvesta for Växjö), else next."""
    table = load_tables().tables.municipalities
    twins = dict(zip(table["municipality_code"].astype(str),
                     table["twin_of"].fillna("").astype(str), strict=True))
    for other in names:
        if other != code and (twins.get(other) == code or twins.get(code) == other):
            return other
    return next((other for other in names if other != code), code)


def compared_levers(
    mode: str, current: Levers, current_reference: Levers, data: MunicipalityData
) -> Levers:
    """The levers one municipality is run with: the reference, or the session's changes."""
    if mode == "reference":
        return reference_levers(data)
    return carry_over(current, current_reference, data)


# --------------------------------------------------------------------------------------------
# chart


@lru_cache(maxsize=8)
def comparison_spec(lang: str, per_capita: bool) -> dict:
    """Lines per municipality, statistics solid and scenario dashed, total or per inhabitant.

    One responsive chart (a faceted chart cannot follow the page width on a phone); the
    per-inhabitant view spans the years with a known population only (2023 on for the
    shipped municipalities), so its year axis follows the data.
    """
    title = t("mun_measure_per_capita" if per_capita else "mun_measure_total", lang)
    years = (alt.Scale(nice=False, zero=False) if per_capita
             else alt.Scale(domain=[1990, 2050], nice=False, zero=False))
    kinds = [t("mun_kind_statistics", lang), t("mun_kind_scenario", lang)]
    lines = alt.Chart().mark_line(strokeWidth=2.5).encode(
        x=alt.X("year:Q", title=t("axis_year", lang), scale=years,
                axis=alt.Axis(format="d", tickCount=8)),
        y=alt.Y("value:Q", title=title, axis=alt.Axis(format=",.1~f")),
        color=alt.Color("municipality:N", title=t("mun_legend_municipality", lang),
                        sort=alt.EncodingSortField("order"),  # the first chosen is blue
                        scale=alt.Scale(range=list(COLOURS)),
                        legend=stroke_legend(orient="bottom", direction="vertical")),
        strokeDash=alt.StrokeDash("kind:N", title=t("mun_legend_kind", lang),
                                  scale=alt.Scale(domain=kinds, range=[[1, 0], [6, 4]]),
                                  legend=stroke_legend(orient="bottom", direction="vertical")),
        tooltip=[
            alt.Tooltip("municipality:N", title=t("mun_legend_municipality", lang)),
            alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
            alt.Tooltip("kind:N", title=t("mun_legend_kind", lang)),
            alt.Tooltip("value:Q", title=title, format=",.2f"),
        ],
    ).properties(width="container", height=340)
    return streamlit_spec(lines, lang)


@lru_cache(maxsize=32)
def _history_rows(data: MunicipalityData, per_capita: bool) -> tuple[np.ndarray, np.ndarray]:
    """A municipality's statistics rows (years, values): the same on every lever move."""
    years = data.history_years
    ghg = data.history_ghg.sum(axis=1)
    values = ghg / population_path(data, years) if per_capita else ghg / 1000.0
    values.flags.writeable = False  # shared by every session's charts
    return years, values


def chart_data(results: list[ScenarioResult], lang: str, per_capita: bool) -> ChartData:
    """Long data: municipality, order, year, kind, value (kt, or t per inhabitant), the kinds
    in the chosen language; rows without a value (no population) left out.

    Built straight from the arrays as ChartData (its Arrow table goes to the chart): the
    pandas frames, their filtering and conversion cost ~8 ms of every lever move.
    """
    years, values, municipality, order, kind = [], [], [], [], []
    names: dict[str, int] = {}
    for index, result in enumerate(results):
        data = result.data
        code = names.setdefault(data.name, len(names))
        history_years, history_values = _history_rows(data, per_capita)
        ghg = result.trajectory.ghg.sum(axis=1)
        # The scenario line starts at the last statistics year so that the two lines join.
        scenario = (ghg / population_path(data, result.years) if per_capita
                    else ghg / 1000.0)
        count = len(history_years) + len(result.years)
        years += [history_years, result.years]
        values += [history_values, scenario]
        municipality.append(np.full(count, code, dtype=np.int8))
        order.append(np.full(count, index, dtype=np.int64))
        kind += [np.zeros(len(history_years), dtype=np.int8),
                 np.ones(len(result.years), dtype=np.int8)]
    value = np.concatenate(values)
    shown = np.isfinite(value)
    kinds = (t("mun_kind_statistics", lang), t("mun_kind_scenario", lang))
    return ChartData(
        {"order": np.concatenate(order)[shown], "year": np.concatenate(years)[shown],
         "value": value[shown]},
        {"municipality": (np.concatenate(municipality)[shown], tuple(names)),
         "kind": (np.concatenate(kind)[shown], kinds)},
        ("municipality", "order", "year", "kind", "value"))


# --------------------------------------------------------------------------------------------
# key figures


def _per_capita_t(data: MunicipalityData, year: int, ghg_t: float) -> float:
    population = float(population_path(data, np.array([year]))[0])
    return ghg_t / population


def _budget_text(result: ScenarioResult, lang: str) -> str:
    """'2 760 kt CO2e från 2023 (kommunens uppgift)'; the note is shown below the table."""
    kind = t("mun_budget_estimate" if result.data.budget_is_estimate else "mun_budget_stated",
             lang)
    budget = f"{fmt_number(result.budget.budget_t / 1000.0, lang)} kt CO2e"
    return t("mun_budget_value", lang, budget=budget, start=result.budget.start_year, kind=kind)


def figures_table(results: list[ScenarioResult], lang: str) -> pa.Table:
    """Key figures: one row per figure (its label the index), one column per municipality
    (formatted text). Arrow for st.table, built from the texts: a pandas frame, its index
    and its conversion cost ~3 ms of every lever move."""
    never = t("not_by_2050", lang)
    unknown = t("mun_unknown", lang)
    rows: dict[str, list[str]] = {}
    for result in results:
        data, k = result.data, result.kpis
        base = data.base_year
        ghg_base = float(data.base_ghg.sum())
        change = ghg_base / k.ghg_1990_t - 1.0 if k.ghg_1990_t else None
        per_capita_base = _per_capita_t(data, base, ghg_base)
        per_capita_2030 = k.ghg_per_capita_2030_kg / 1000.0
        population = float(population_path(data, np.array([base]))[0])
        agriculture = float(data.base_ghg[SECTOR_INDEX[AGRICULTURE]]) / ghg_base
        values = {
            "mun_row_fossil_2030": fmt_tonnes(k.fossil_co2_2030_t, lang),
            "mun_row_budget_exhausted": fmt_month_year(
                k.budget_exhausted_year, k.budget_exhausted_month, lang, never),
            "mun_row_needed_rate": fmt_percent(k.needed_annual_reduction, lang),
            "mun_row_ghg_base": t("mun_value_with_year", lang,
                                  value=fmt_tonnes(ghg_base, lang), year=base),
            "mun_row_change_1990": (t("mun_value_with_year", lang,
                                      value=fmt_percent(change, lang, 0, signed=True), year=base)
                                    if change is not None else unknown),
            "mun_row_per_capita_base": (
                t("mun_value_with_year", lang,
                  value=t("mun_per_capita_unit", lang,
                          value=fmt_number(per_capita_base, lang, 2)), year=base)
                if np.isfinite(per_capita_base) else unknown),
            "mun_row_agriculture": t("mun_value_with_year", lang,
                                     value=fmt_percent(agriculture, lang, 0), year=base),
            "mun_row_per_capita_2030": (
                t("mun_per_capita_unit", lang, value=fmt_number(per_capita_2030, lang, 2))
                if np.isfinite(per_capita_2030) else unknown),
            "mun_row_population": (t("mun_value_with_year", lang,
                                     value=fmt_number(population, lang), year=base)
                                   if np.isfinite(population) else unknown),
            "mun_row_budget": _budget_text(result, lang),
            "mun_row_statistics": t("mun_statistics_value", lang,
                                    first=int(data.history_years[0]), last=base),
        }
        for key, value in values.items():
            rows.setdefault(key, []).append(value)
    index_name = t("mun_col_figure", lang)
    labels = [t(key, lang) for key in rows]
    columns = {result.data.name: [values[i] for values in rows.values()]
               for i, result in enumerate(results)}  # a name twice keeps the last, as before
    if index_name in columns:  # a municipality called like the heading: let pandas name it
        return pa.Table.from_pandas(pd.DataFrame(columns, index=pd.Index(labels,
                                                                         name=index_name)))
    schema = _figures_schema(index_name, tuple(columns))
    cells = {**columns, index_name: labels}
    return pa.Table.from_arrays([pa.array(cells[name], type=pa.string())
                                 for name in schema.names], schema=schema)


@lru_cache(maxsize=64)
def _figures_schema(index_name: str, columns: tuple[str, ...]) -> pa.Schema:
    """The key figures' Arrow schema with pandas' note that the labels are the index (the
    table shows them as row headings), worked out once per language and pair of names."""
    template = pd.DataFrame({name: ["x"] for name in columns},
                            index=pd.Index(["x"], name=index_name))
    schema = pa.Schema.from_pandas(template)
    return pa.schema([pa.field(name, pa.string()) for name in schema.names],
                     metadata=schema.metadata)


def _sources_caption(data: MunicipalityData, lang: str) -> str:
    titles = source_titles(lang)
    return f"{data.name}: " + "; ".join(titles.get(i, i) for i in _statistics_sources(data.code))


@shared(max_entries=300)
def _statistics_sources(code: str) -> tuple[str, ...]:
    """The sources of a municipality's statistics, once per municipality (an import empties
    the shared cache): filtering the ~37,000 statistics rows cost ~3 ms a rerun each."""
    ned = load_tables().tables.ned_ghg
    sources = ned.loc[ned["municipality_code"] == code, "source_id"].unique()
    return tuple(sorted(str(source) for source in sources))


# --------------------------------------------------------------------------------------------
# page


def main() -> None:
    """Render the comparison page."""
    ctx = page_context()
    lang = ctx.lang
    st.title(t("mun_title", lang))
    st.caption(t("mun_intro", lang))
    names = municipality_names()
    if len(names) < 2:
        st.info(t("mun_only_one", lang))
        return
    state = st.session_state
    if state.get(FIRST_KEY) not in names:
        state[FIRST_KEY] = ctx.data.code
    if state.get(SECOND_KEY) not in names:
        state[SECOND_KEY] = twin_or_other(state[FIRST_KEY], names)
    row = st.container(horizontal=True, gap="medium", vertical_alignment="bottom")
    label = _option_labels().__getitem__  # 290 options formatted on every rerun: kept
    first = row.selectbox(t("mun_first", lang), list(names), key=FIRST_KEY, format_func=label,
                          width=260)
    second = row.selectbox(t("mun_second", lang), list(names), key=SECOND_KEY,
                           format_func=label, width=260)
    mode = row.radio(t("mun_levers", lang), LEVER_MODES, key=LEVERS_MODE_KEY, horizontal=True,
                     format_func=lambda m: t(f"mun_levers_{m}", lang),
                     help=t("mun_levers_help", lang), width="content")
    if first == second:
        st.warning(t("mun_same", lang))
        return

    moved = ctx.levers.differences(ctx.reference)
    if mode == "current":
        st.caption(t("mun_levers_moved", lang, levers=", ".join(
            LEVERS_BY_ID[k].label(lang) for k in moved)) if moved
            else t("mun_levers_none_moved", lang))
    datas = [municipality_data(first), municipality_data(second)]
    results = []
    for data in datas:
        levers = compared_levers(mode, ctx.levers, ctx.reference, data)
        if BECCS_LEVER in moved and getattr(levers, BECCS_LEVER) < moved[BECCS_LEVER][0]:
            st.caption(t("mun_beccs_dropped", lang, name=data.name))
        results.append(_run(data, levers))

    st.subheader(t("mun_chart_heading", lang))
    per_capita = st.toggle(t("per_capita_toggle", lang), key=PER_CAPITA_KEY)
    data = chart_data(results, lang, per_capita)
    chart_with_text(data.arrow(), comparison_spec(lang, per_capita),
                    municipalities_description(data, lang, per_capita,
                                               t("mun_kind_scenario", lang)),
                    "chart_municipalities",
                    lambda: wide_table(data.frame(), lang, "municipality",
                                       2 if per_capita else 1),
                    lang)
    st.caption(t("mun_chart_caption", lang))
    for data in datas:
        if len(data.population) == 0:
            st.caption(t("mun_no_population", lang, name=data.name))

    st.subheader(t("mun_figures_heading", lang))
    st.table(figures_table(results, lang), hide_index=False)
    st.caption(t("mun_figures_caption", lang))

    st.subheader(t("mun_budget_heading", lang))
    notes = []
    for data in datas:
        row = budget_source(data.code)
        note = row["note_en"] if lang == "en" else row["note_sv"]
        notes.append(t("mun_budget_basis", lang, name=data.name, note=note))
    # One caption, a paragraph each (budget bases, then sources): the same text as four
    # captions, with three fewer elements to send on every lever move.
    st.caption("\n\n".join(notes + [_sources_caption(data, lang) for data in datas]))
