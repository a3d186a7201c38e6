"""Main page: key figures, the emissions trajectory, fossil-free 2030 and the carbon budget."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from model.budget import BudgetSettings
from model.budget_estimate import DEFAULT_PRINCIPLE
from model.data import MunicipalityData
from model.levers import LEVERS_BY_ID, Levers
from model.potential import fossil_potentials
from model.scenario import ScenarioError, ScenarioResult, run_scenario
from model.sectors import AGRICULTURE, SECTOR_INDEX
from model.targets import TARGET_IDS, TARGET_PARAMETERS, TARGET_SOURCES, available_targets
from presentation import charts
from presentation.chart_text import (
    bars_description,
    budget_description,
    series_table,
    trajectory_description,
    trajectory_table,
)
from presentation.formatting import (
    fmt_lever_value,
    fmt_month_year,
    fmt_months,
    fmt_number,
    fmt_percent,
    fmt_points,
    fmt_signed,
    fmt_tonnes,
    months_between,
)
from presentation.i18n import t
from presentation.verdict_text import verdict_definition
from ui.budget_principle import note as principle_note_text
from ui.budget_principle import principle_widgets
from ui.chart_access import chart_with_text
from ui.context import page_context
from ui.data_access import budget_source, parameter_row, reported_figures, source_citations
from ui.export_section import export_section
from ui.figures import fossil_verdict, metric_delta, verdict_value
from ui.scenario_state import (
    BUDGET_BECCS_KEY,
    BUDGET_KT_KEY,
    BUDGET_START_KEY,
    allocated_budget_t,
    current_principle,
    forget_budget,
    read_inputs,
    set_budget,
)
from ui.uncertainty_view import budget_range_line, uncertainty_section


@lru_cache(maxsize=64)
def reference_result(
    data: MunicipalityData, reference: Levers, budget: BudgetSettings
) -> ScenarioResult:
    """The reference scenario for a budget: the same for every lever change, so kept."""
    return run_scenario(data, reference, budget)


def fossil_figure(parent: DeltaGenerator, result: ScenarioResult, reference: ScenarioResult,
                  lang: str) -> None:
    """Fossil CO2 in 2030, against the reference."""
    k, r = result.kpis, reference.kpis
    change = k.fossil_co2_2030_t - r.fossil_co2_2030_t
    text = f"{fmt_signed(fmt_tonnes(abs(change), lang), change)} {t('vs_reference', lang)}"
    parent.metric(t("kpi_fossil_2030", lang), fmt_tonnes(k.fossil_co2_2030_t, lang),
                  help=t("kpi_fossil_2030_help", lang),
                  **metric_delta(change, text, lower_is_better=True, tolerance=0.5))


def budget_figure(parent: DeltaGenerator, result: ScenarioResult, reference: ScenarioResult,
                  lang: str) -> None:
    """When the budget runs out (year and month), against the reference."""
    k, r = result.kpis, reference.kpis
    months = months_between(k.budget_exhausted_year, k.budget_exhausted_month,
                            r.budget_exhausted_year, r.budget_exhausted_month)
    if months is None:  # one of them not by 2050: later (good) or earlier than that
        later = (k.budget_exhausted_year is None) - (r.budget_exhausted_year is None)
        delta = metric_delta(-later, t("budget_after_2050" if later > 0 else "budget_before_2050",
                                       lang), lower_is_better=False)
        if later:
            delta["delta_arrow"] = "up" if later > 0 else "down"
    else:
        delta = metric_delta(months, f"{fmt_months(months, lang)} {t('vs_reference', lang)}",
                             lower_is_better=False)
    parent.metric(
        t("kpi_budget_exhausted", lang),
        fmt_month_year(k.budget_exhausted_year, k.budget_exhausted_month, lang,
                       t("not_by_2050", lang)),
        help=t("kpi_budget_help", lang, start=k.budget_start_year,
               budget=fmt_tonnes(k.budget_t, lang)),
        **delta,
    )


def rate_figure(parent: DeltaGenerator, result: ScenarioResult, lang: str) -> None:
    """The yearly reduction needed to keep the budget, beside the scenario's own pace
    (which moves with the levers)."""
    k = result.kpis
    parent.metric(
        t("kpi_needed_rate", lang), fmt_percent(k.needed_annual_reduction, lang),
        delta=t("scenario_rate_delta", lang, own=fmt_percent(k.scenario_annual_reduction, lang)),
        delta_color="off", delta_arrow="off",
        help=t("kpi_needed_rate_help", lang, year=k.base_year + 1,
               remaining=fmt_tonnes(k.budget_remaining_at_base_t, lang))
        + "\n\n" + t("kpi_scenario_rate_help", lang),
    )


def verdict_figure(parent: DeltaGenerator, result: ScenarioResult, lang: str) -> None:
    """'Fossilbränslefritt 2030: Nej, 63 900 t kvar': the answer people came for."""
    parent.metric(t("verdict_label", lang), verdict_value(fossil_verdict(result), lang),
                  help=t("verdict_help", lang))


def add_main_figures(row: DeltaGenerator, result: ScenarioResult, reference: ScenarioResult,
                     lang: str) -> None:
    """Fossil CO2 2030, when the budget runs out and the pace needed, against the reference
    (shared by this page and presenter mode)."""
    fossil_figure(row, result, reference, lang)
    budget_figure(row, result, reference, lang)
    rate_figure(row, result, lang)


def key_figures(result: ScenarioResult, reference: ScenarioResult, lang: str) -> None:
    """Six figures in a fixed grid of three and three, with the change against the reference.

    First row, the answer: the verdict, when the budget runs out, the pace needed; second
    row, the details. Cells keep their place when deltas appear (a wrapping row jumped
    4 + 1 at 1400 px); a phone stacks them in this order. One grid instead of two rows of
    three columns: one block on every rerun instead of eight.
    """
    k, r = result.kpis, reference.kpis
    grid = st.grid(3, gap="small")
    verdict_figure(grid, result, lang)
    budget_figure(grid, result, reference, lang)
    rate_figure(grid, result, lang)
    fossil_figure(grid, result, reference, lang)
    change_delta = (k.ghg_change_2030_vs_1990 or 0.0) - (r.ghg_change_2030_vs_1990 or 0.0)
    grid.metric(
        t("kpi_change_1990", lang), fmt_percent(k.ghg_change_2030_vs_1990, lang, 0, signed=True),
        help=t("kpi_change_1990_help", lang),
        **metric_delta(change_delta, f"{fmt_points(change_delta * 100, lang, 1)} "
                       f"{t('vs_reference', lang)}", lower_is_better=True, tolerance=0.0005),
    )
    per_capita_t = k.ghg_per_capita_2030_kg / 1000.0
    known = per_capita_t == per_capita_t  # NaN where the population is unknown (imports)
    grid.metric(
        t("kpi_per_capita", lang),
        f"{fmt_number(per_capita_t, lang, 2)} t CO2e" if known else t("per_capita_unknown", lang),
        help=(t("kpi_per_capita_help", lang) if known
              else t("per_capita_unknown_help", lang, name=result.data.name)),
    )


def own_figures(result: ScenarioResult, lang: str) -> None:
    """The municipality's own reported figures beside NED's, with why they differ."""
    year, values = reported_figures(result.data.code)
    if year is None or "ghg_total_t" not in values:
        return
    ned_ghg = result.data.ghg_in(year)
    st.caption(
        t("own_figures", lang, year=year, ghg=fmt_tonnes(values["ghg_total_t"], lang),
          fossil=fmt_tonnes(values.get("fossil_co2_t"), lang),
          ned_ghg=fmt_tonnes(ned_ghg, lang),
          ned_fossil=fmt_tonnes(result.kpis.fossil_co2_base_t, lang))
        + " " + t("own_figures_why", lang)
    )


def own_figure_markers(code: str, lang: str) -> tuple[tuple[int, float, str], ...]:
    """The municipality's own GHG figures as chart points: the latest reported year and the
    contract's base year (derived from the reported change since then)."""
    year, values = reported_figures(code)
    if year is None or "ghg_total_t" not in values:
        return ()
    markers = [(year, values["ghg_total_t"], t("marker_own", lang, year=year))]
    base_year, change = values.get("ghg_base_year"), values.get("ghg_change_vs_base")
    if base_year is not None and change is not None and change > -1.0:
        markers.append((int(base_year), values["ghg_total_t"] / (1.0 + change),
                        t("marker_base", lang, year=int(base_year))))
    return tuple(markers)


def trajectory_section(result: ScenarioResult, reference: ScenarioResult, lang: str) -> None:
    """Stacked sector areas, history and scenario, with BECCS, net and reference."""
    markers = own_figure_markers(result.data.code, lang)
    no_population = len(result.data.population) == 0  # an import nobody gave a population
    per_capita = st.toggle(
        t("per_capita_toggle", lang), key="per_capita", disabled=no_population,
        help=t("per_capita_unknown_help", lang, name=result.data.name) if no_population else None,
    ) and not no_population
    offered = available_targets(result.data)
    # A key per set of targets offered: Streamlit keeps a keyed pill group's choice by
    # position, so another municipality's set must not inherit it.
    key = "target_lines" if offered == TARGET_IDS else "target_lines_" + "_".join(offered)
    targets = st.pills(
        t("targets_label", lang), offered, selection_mode="multi", default=list(offered),
        format_func=lambda target_id: t(f"target_{target_id}", lang), key=key,
    ) or []
    data = charts.trajectory_chart_data(result, reference, lang, per_capita, markers,
                                        tuple(targets))
    chart_with_text(
        data.arrow(), charts.trajectory_spec(lang, per_capita, result.data.base_year, targets),
        trajectory_description(data, result.data.name, result.data.base_year, per_capita, lang),
        "chart_trajectory", lambda: trajectory_table(data.frame(), lang), lang)
    caption = t("trajectory_caption", lang, base_year=result.data.base_year)
    if markers and not per_capita:
        caption += " " + t("trajectory_markers_caption", lang)
    if targets:
        caption += " " + targets_caption(result, tuple(targets), lang)
    st.caption(caption)


def targets_caption(result: ScenarioResult, targets: tuple[str, ...], lang: str) -> str:
    """Where each drawn target line comes from (source titles), in TARGET_IDS order."""
    titles = source_citations(lang)
    code = result.data.code
    sources = {**TARGET_SOURCES, "budget_path": budget_source(code)["source_id"]}
    for target_id, parameter_id in TARGET_PARAMETERS.items():
        row = parameter_row(code, parameter_id) if target_id in targets else None
        if row:  # the municipality's own row says where its goal is written
            sources[target_id] = row["source_id"]
    parts = []
    for target_id in TARGET_IDS:
        if target_id in targets:
            source_id = sources.get(target_id, "")
            parts.append(t(f"targets_caption_{target_id}", lang,
                           source=titles.get(source_id, source_id)))
    return t("targets_caption", lang, base_year=result.data.base_year,
             lines="; ".join(parts))


def indicators_text(result: ScenarioResult, lang: str, year: int = 2030) -> str:
    """The physical indicators in one line (electric cars, biofuel, BECCS) for a year."""
    ind = result.indicators
    i = int(list(ind.years).index(year))
    return t("indicators_text", lang,
             cars=fmt_number(round(float(ind.electric_cars[i]), -2), lang, 0),
             car_km=fmt_percent(float(ind.electric_share_car_km[i]), lang, 0),
             new_cars=fmt_percent(float(ind.zero_emission_share_new_cars[i]), lang, 0),
             petrol=fmt_percent(float(ind.biofuel_share_petrol[i]), lang, 0),
             diesel=fmt_percent(float(ind.biofuel_share_diesel[i]), lang, 0),
             beccs=fmt_tonnes(float(ind.beccs_captured_t[i]), lang))


RURAL_AGRICULTURE_SHARE = 0.30  # agriculture's share of GHG above which the note is shown


def _agriculture_share(data: MunicipalityData) -> float:
    """Agriculture's share of the base year's GHG (Alvesta 41 %, Växjö 24 %)."""
    total = float(data.base_ghg.sum())
    return float(data.base_ghg[SECTOR_INDEX[AGRICULTURE]]) / total if total > 0 else 0.0


def fossil_section(result: ScenarioResult, lang: str) -> None:
    """Verdict on fossil-free 2030, what is left by sector and which levers would cut it."""
    k = result.kpis
    text, chart = st.columns([2, 3], gap="large")
    with text:
        if k.fossil_free_2030:
            st.success(t("verdict_reached", lang), icon=":material/check_circle:")
        else:
            st.error(t("verdict_not_reached", lang,
                       left=fmt_tonnes(k.fossil_fuel_co2_2030_t, lang)),
                     icon=":material/local_gas_station:")
        # One markdown element for the text: each element costs on every rerun.
        text_parts = [
            f"*{verdict_definition(result.data, lang)}*",
            t("verdict_beside", lang, other=fmt_tonnes(k.other_fossil_co2_2030_t, lang),
              total=fmt_tonnes(k.fossil_co2_2030_t, lang)),
            f"**{t('indicators_heading', lang, year=2030)}:** {indicators_text(result, lang)} "
            f"{t('indicators_note', lang)}",
            t("fossil_changes", lang, base_year=k.base_year,
                        since_base=fmt_percent(k.fossil_co2_change_vs_base, lang, 0, signed=True),
                        since_1990=fmt_percent(k.fossil_co2_change_vs_1990, lang, 0,
                                               signed=True)),
        ]
        potentials = fossil_potentials(result.data, result.levers)[:5]
        if potentials:
            text_parts.append(f"**{t('fossil_potentials', lang)}**")
            text_parts.append("\n".join(
                f"- {LEVERS_BY_ID[p.lever_id].label(lang)} → "
                f"{fmt_lever_value(p.value, LEVERS_BY_ID[p.lever_id].unit, lang)}: "
                f"−{fmt_tonnes(p.reduction_t, lang)}"
                for p in potentials
            ))
            text_parts.append(f"*{t('fossil_potentials_note', lang)}*")
        farming = _agriculture_share(result.data)
        if farming >= RURAL_AGRICULTURE_SHARE:  # a rural profile: say what fossil-free leaves
            text_parts.append(t("fossil_agriculture_note", lang, base_year=k.base_year,
                                share=fmt_percent(farming, lang, 0)))
        st.markdown("\n\n".join(text_parts))
    if not k.fossil_free_2030:
        with chart:
            data = charts.fossil_chart_data(result, lang)
            chart_with_text(
                data.arrow(), charts.fossil_spec(lang),
                bars_description(data, "chart_fossil_text", lang, "\u00a0t"), "chart_fossil",
                lambda: data.frame().rename(columns={"series": t("legend_sector", lang),
                                                     "value": t("axis_fossil_t", lang)}).round(0),
                lang)


def _apply_principle(code: str) -> None:
    """The principle changed: the budget input takes the new estimate (still editable)."""
    allocated = allocated_budget_t(code)
    if allocated is not None:
        set_budget(replace(read_inputs().budget, kt=int(round(allocated / 1000.0))))


def estimate_principle(code: str, lang: str, shipped_note: str) -> None:
    """An estimated budget: the allocation principle to choose and how it was made."""
    principle_widgets(lang, on_change=_apply_principle, args=(code,))
    principle, _ = current_principle()
    text = shipped_note if principle == DEFAULT_PRINCIPLE else principle_note_text(lang)
    st.info(t("budget_estimate_note", lang, note=text), icon=":material/info:")


def budget_section(result: ScenarioResult, lang: str) -> None:
    """Budget inputs, used and left, when it runs out and the pace needed."""
    k = result.kpis
    data = result.data
    inputs = st.container(horizontal=True, vertical_alignment="bottom", gap="medium")
    row = budget_source(data.code)
    inputs.number_input(
        t("budget_size", lang), min_value=1, max_value=100_000, step=10, key=BUDGET_KT_KEY,
        width=180, persist_state="session",
        help=t("budget_size_help", lang, default=fmt_tonnes(data.budget_t, lang),
               start=data.budget_start_year, source=row["source_id"]),
    )
    inputs.number_input(t("budget_start", lang), min_value=2015, max_value=2030, step=1,
                        key=BUDGET_START_KEY, width=180, persist_state="session")
    inputs.toggle(t("budget_count_beccs", lang), key=BUDGET_BECCS_KEY,
                  help=t("budget_count_beccs_help", lang), width="content",
                  persist_state="session")
    if data.budget_is_estimate:
        estimate_principle(data.code, lang, row["note_en"] if lang == "en" else row["note_sv"])
    used = (f"**{t('budget_used', lang, start=k.budget_start_year, base_year=k.base_year)}:** "
            f"{fmt_tonnes(k.budget_used_to_base_t, lang)} "
            f"({fmt_percent(k.budget_used_share_to_base, lang, 0)}) · "
            f"**{t('budget_remaining', lang, year=k.base_year + 1)}:** "
            f"{fmt_tonnes(max(k.budget_remaining_at_base_t, 0.0), lang)}")
    if k.budget_remaining_at_base_t <= 0:
        st.warning(t("budget_already_used", lang, base_year=k.base_year))
        summary = ""
    elif k.budget_exhausted_year is None:
        summary = t("budget_summary_never", lang, year=k.base_year + 1,
                    rate=fmt_percent(k.needed_annual_reduction, lang))
    else:
        summary = t("budget_summary", lang, year=k.base_year + 1,
                    rate=fmt_percent(k.needed_annual_reduction, lang),
                    when=fmt_month_year(k.budget_exhausted_year, k.budget_exhausted_month, lang,
                                        ""))
    if summary:
        summary += " " + t("rate_comparison", lang,
                           needed=fmt_percent(k.needed_annual_reduction, lang),
                           own=fmt_percent(k.scenario_annual_reduction, lang))
    st.markdown(f"{used}\n\n{summary}")
    data = charts.budget_chart_data(result, lang)
    chart_with_text(data.arrow(), charts.budget_spec(lang), budget_description(data, lang),
                    "chart_budget", lambda: series_table(data.frame(), lang, decimals=0), lang)


def main() -> None:
    """Render the page for the session's levers."""
    ctx = page_context()
    lang = ctx.lang
    st.title(t("title", lang, name=ctx.data.name))
    st.caption(t("intro", lang, name=ctx.data.name, base_year=ctx.data.base_year))
    try:
        budget = ctx.budget_settings
        result = run_scenario(ctx.data, ctx.levers, budget)
        reference = reference_result(ctx.data, ctx.reference, budget)
    except ScenarioError as error:
        st.error(t("error_budget", lang, message=error.message_en if lang == "en"
                   else error.message_sv))
        forget_budget()  # next run starts from the default
        return
    key_figures(result, reference, lang)
    own_figures(result, lang)
    sections(result, reference, lang)
    export_section(result, reference, lang)


SECTION_KEY = "scenario_section"


def section_labels(lang: str) -> tuple[str, str, str]:
    """Tab labels of the three views (also how a test or a link opens one)."""
    return (t("trajectory_heading", lang), t("fossil_heading", lang), t("budget_heading", lang))


def sections(result: ScenarioResult, reference: ScenarioResult, lang: str) -> None:
    """Trajectory, fossil-free 2030 and budget as tabs; only the open tab runs.

    The key figures above cover all three, so a lever change redraws one chart instead of
    three: on a phone there is less to scroll, and a room of 40 phones costs less.
    """
    trajectory_tab, fossil_tab, budget_tab = st.tabs(
        list(section_labels(lang)), key=SECTION_KEY, on_change="rerun"
    )
    if trajectory_tab.open:
        with trajectory_tab:
            trajectory_section(result, reference, lang)
            uncertainty_section(result, lang)  # after the central result: it shows first
    if fossil_tab.open:
        with fossil_tab:
            fossil_section(result, lang)
    if budget_tab.open:
        with budget_tab:
            budget_section(result, lang)
            budget_range_line(result, lang)
