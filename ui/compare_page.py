"""Jämför scenarier: two to four scenarios side by side (current levers, presets, saved).

One chart of their trajectories, one table of the figures a decision turns on (fossil CO2
2030, when the budget runs out, the pace needed, GHG 2030 and the change since 1990), the
levers that differ, and the comparison as CSV or Excel. Saved scenario names are user text:
they appear only as plain text (widget labels, table cells, chart data), never as markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial

import pyarrow as pa
import streamlit as st

from exports import comparison_csv, comparison_xlsx, export_info
from exports.compare import CompareRow, NamedResult, figure_rows, lever_rows, rows_columns
from model.budget import BudgetSettings
from model.data import MunicipalityData
from model.levers import LeverError, Levers
from model.presets import Preset, presets_from_tables
from model.scenario import ScenarioError, ScenarioResult, run_scenario
from presentation.chart_text import compare_description, compare_lines, wide_table
from presentation.formatting import fmt_tonnes
from presentation.i18n import t
from store.database import StoreError, default_db_path
from store.scenarios import list_scenarios
from store.uncertainty_runs import PAGE_DRAWS
from ui.chart_access import chart_with_text
from ui.compare_charts import comparison_data, comparison_spec
from ui.context import PageContext, page_context
from ui.data_access import load_tables
from ui.export_section import CSV_MIME, XLSX_MIME, slug
from ui.shared_cache import shared
from ui.sharing import plain_markdown

CHOICE_KEY = "compare_choice"
SHOW_GHG_KEY = "compare_show_ghg"
CURRENT = "current"
MAX_SCENARIOS = 4


@dataclass(frozen=True)
class Candidate:
    """A scenario the user can pick: a stable option key, its name and its levers."""

    key: str  # "current", "preset:<id>" or "saved:<scenario id>"
    name: str  # plain text; a saved scenario's name is whatever its author typed
    label: str  # the name with its kind, for the picker
    levers: Levers


@shared()
def presets() -> tuple[Preset, ...]:
    """The preset scenarios (validated once per server)."""
    return presets_from_tables(load_tables().tables)


@lru_cache(maxsize=64)
def _preset_candidates(data: MunicipalityData, lang: str) -> tuple[Candidate, ...]:
    """The presets as candidates for a municipality (its data, which an import replaces)
    and language: the same on every lever move, and fitting their levers to the municipality
    cost ~0.5 ms a move."""
    preset_kind = t("compare_kind_preset", lang)
    return tuple(Candidate(f"preset:{preset.id}", preset.name(lang),
                           f"{preset.name(lang)} ({preset_kind})", preset.levers(data))
                 for preset in presets())


def candidates(ctx: PageContext) -> tuple[list[Candidate], list[str]]:
    """Everything that can be compared, and notices to show (plain text)."""
    lang = ctx.lang
    current = t("compare_current", lang)
    found = [Candidate(CURRENT, current, current, ctx.levers)]
    found += _preset_candidates(ctx.data, lang)
    notices: list[str] = []
    try:
        saved = list_scenarios(default_db_path(), ctx.data.code)
    except StoreError as error:
        notices.append(t("compare_saved_unavailable", lang, message=plain_markdown(
            error.message_en if lang == "en" else error.message_sv)))
        saved = []
    saved_kind = t("compare_kind_saved", lang)
    skipped = []
    for scenario in saved:
        try:
            levers = ctx.reference.with_values(**dict(scenario.levers))
        except (LeverError, TypeError):
            skipped.append(scenario.name)
            continue
        found.append(Candidate(f"saved:{scenario.scenario_id}", scenario.name,
                               f"{scenario.name} ({saved_kind})", levers))
    if skipped:
        # Names are users' text: escaped, so Markdown (an image from another host) stays text.
        notices.append(t("compare_saved_skipped", lang,
                         names=", ".join(plain_markdown(name) for name in skipped)))
    return found, notices


DEFAULT_SCENARIOS = 3  # one fewer than the most, so adding one needs no removal first


def default_choice(options: list[Candidate]) -> list[str]:
    """The current levers and the presets after the first (the reference): three."""
    keys = [CURRENT] + [c.key for c in options if c.key.startswith("preset:")][1:]
    return keys[:DEFAULT_SCENARIOS]


def chosen(options: list[Candidate], lang: str) -> list[Candidate]:
    """The picker, kept to options that exist (another municipality has other saves)."""
    by_key = {c.key: c for c in options}
    state = st.session_state
    if CHOICE_KEY in state:
        state[CHOICE_KEY] = [k for k in state[CHOICE_KEY] if k in by_key][:MAX_SCENARIOS]
    else:
        state[CHOICE_KEY] = default_choice(options)
    # No max_selections: Streamlit's own message for it is English only. Ours, in the
    # page's language, says which ones are shown.
    keys = st.multiselect(
        t("compare_pick", lang), options=list(by_key),
        format_func=lambda key: by_key[key].label,
        key=CHOICE_KEY, help=t("compare_pick_help", lang),
    )
    if len(keys) > MAX_SCENARIOS:
        st.warning(t("compare_too_many", lang, n=MAX_SCENARIOS), icon=":material/info:")
        keys = keys[:MAX_SCENARIOS]
    return [by_key[k] for k in keys]


@lru_cache(maxsize=64)
def _other_result(data: MunicipalityData, levers: Levers, budget: BudgetSettings
                  ) -> ScenarioResult:
    """A preset's or a saved scenario's result, kept: it does not follow the levers, so a
    lever move would run it again for nothing (keyed by the municipality's data, which an
    import replaces, the levers and the budget)."""
    return run_scenario(data, levers, budget)


def text_table(rows: Sequence[CompareRow], names: Sequence[str], first_column: str, lang: str,
               with_unit: bool = True) -> pa.Table:
    """exports.compare's table as text, built as Arrow for st.dataframe: the same columns
    and cells, without a pandas frame to build and convert on every lever move (~3 ms for
    the page's two tables)."""
    columns = rows_columns(rows, names, first_column, lang, as_text=True, with_unit=with_unit)
    return pa.table({name: pa.array(cells, type=pa.string()) for name, cells in columns.items()})


def _comparison_xlsx(named: list[NamedResult], lang: str, code: str) -> bytes:
    """The Excel file, with its sources worked out when it is asked for (a click), not on
    every lever move."""
    info = export_info(load_tables().tables, code, ", ".join(n.name for n in named))
    return comparison_xlsx(named, lang, info)


def main() -> None:
    """Render the comparison page."""
    ctx = page_context()
    lang = ctx.lang
    st.title(t("compare_title", lang, name=ctx.data.name))
    budget = ctx.budget_settings
    st.caption(t("compare_intro", lang, budget=fmt_tonnes(budget.budget_t, lang),
                 start=budget.start_year,
                 beccs=t("compare_beccs_counted" if budget.count_beccs
                         else "compare_beccs_not_counted", lang)))
    options, notices = candidates(ctx)
    for notice in notices:
        st.info(notice, icon=":material/info:")
    picked = chosen(options, lang)
    if len(picked) < 2:
        st.info(t("compare_pick_two", lang), icon=":material/compare_arrows:")
        return
    try:
        named = [NamedResult(c.name, run_scenario(ctx.data, c.levers, budget) if c.key == CURRENT
                             else _other_result(ctx.data, c.levers, budget)) for c in picked]
    except ScenarioError as error:
        st.error(t("error_budget", lang, message=error.message_en if lang == "en"
                   else error.message_sv))
        return

    st.subheader(t("compare_chart_heading", lang))
    show_ghg = st.toggle(t("compare_show_ghg", lang), key=SHOW_GHG_KEY)
    data = comparison_data(named, lang, show_ghg)
    chart_with_text(data.arrow(), comparison_spec(lang, show_ghg),
                    compare_description(data, lang, ctx.data.base_year), "chart_compare",
                    lambda: wide_table(compare_lines(data.frame()), lang), lang)
    st.caption(t("compare_chart_caption", lang, base_year=ctx.data.base_year))

    names = [n.name for n in named]
    st.subheader(t("compare_figures_heading", lang))
    # The figures carry their units in the text; the budget row has none to give.
    st.dataframe(text_table(figure_rows(named, lang), names, t("compare_col_figure", lang),
                            lang, with_unit=False),
                 hide_index=True, width="stretch", key="compare_figures")
    st.caption(t("compare_chance_caption", lang, n=PAGE_DRAWS))  # issue 12

    st.subheader(t("compare_levers_heading", lang))
    differing = lever_rows(named, lang)
    if differing:
        # The unit column wide enough for "kt CO2/år" (it was cut to "kt CO2/").
        st.dataframe(text_table(differing, names, t("compare_col_lever", lang), lang),
                     hide_index=True, width="stretch", height="content", key="compare_levers",
                     column_config={t("compare_col_unit", lang): st.column_config.TextColumn(
                         width=110)})
    else:
        st.caption(t("compare_levers_same", lang))

    st.subheader(t("compare_export_heading", lang))
    stem = f"{t('exp_file_comparison', lang)}-{slug(ctx.data.name)}-{date.today().isoformat()}"
    buttons = st.container(horizontal=True, gap="small")
    buttons.download_button(t("compare_export_csv", lang), data=partial(comparison_csv, named,
                                                                         lang),
                            file_name=f"{stem}.csv", mime=CSV_MIME, key="compare_export_csv",
                            icon=":material/table:", on_click="ignore")
    buttons.download_button(t("compare_export_excel", lang),
                            data=partial(_comparison_xlsx, named, lang, ctx.data.code),
                            file_name=f"{stem}.xlsx", mime=XLSX_MIME, key="compare_export_xlsx",
                            icon=":material/grid_on:", on_click="ignore")
