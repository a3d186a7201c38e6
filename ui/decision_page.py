"""Decision support ("Vad krävs?"): what reaches a goal, which lever does what, who controls
it and what it costs. Runs only on this page (nothing here is on the main page's rerun path).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import streamlit as st

from model.attribution import Attribution, attribute
from model.budget import BudgetSettings
from model.costs import (
    CASES,
    PAYERS,
    CostPlan,
    CostTable,
    cost_plan,
    cost_table_from_frames,
)
from model.data import MunicipalityData
from model.levers import CONTROL_LABELS, GROUP_LABELS, GROUPS, LEVER_SPECS, LEVERS_BY_ID, Levers
from model.scenario import ScenarioError
from model.solver import (
    GOALS,
    OwnDecisions,
    SolveError,
    SolveResult,
    lever_upper,
    own_decisions,
    solve,
)
from presentation.chart_text import (
    bars_description,
    invest_description,
    mac_description,
    renamed,
    wedge_description,
    wide_table,
)
from presentation.charts import ChartData
from presentation.formatting import (
    fmt_lever_value,
    fmt_month_year,
    fmt_number,
    fmt_percent,
    fmt_points,
    fmt_signed,
    fmt_tonnes,
)
from presentation.i18n import t
from presentation.solver_text import verdict_text
from store.csv_tables import read_cost_table
from ui import decision_charts as charts
from ui.chart_access import chart_with_text
from ui.context import PageContext, page_context
from ui.cost_export import plan_workbook
from ui.data_access import source_titles
from ui.scenario_state import apply_levers
from ui.shared_cache import shared

GOAL_KEY = "dec_goal"
SEARCH_KEY = "dec_search"
APPLY_KEY = "dec_apply"
RESULT_KEY = "dec_result"
GO_TO_SCENARIO_KEY = "dec_go_to_scenario"
YEAR_KEY = "dec_year"
CASE_KEY = "dec_cost_case"
DOWNLOAD_KEY = "dec_download"
SCENARIO_PAGE = "pages/scenario.py"


def lock_key(lever_id: str) -> str:
    """The widget key of a lever's lock checkbox."""
    return f"dec_lock_{lever_id}"


def _available(data: MunicipalityData) -> list[str]:
    """Levers the municipality can move at all (BECCS and its start year need a plant)."""
    movable = [s.id for s in LEVER_SPECS if lever_upper(data, s) > s.min]
    if "beccs_kt" not in movable:
        movable = [i for i in movable if LEVERS_BY_ID[i].group != "beccs"]
    return movable


def _locked(data: MunicipalityData) -> frozenset[str]:
    """Levers locked by the user, plus those the municipality cannot move."""
    available = set(_available(data))
    return frozenset(s.id for s in LEVER_SPECS
                     if s.id not in available or st.session_state.get(lock_key(s.id), False))


def _lock_all_but_own() -> None:
    """Button callback: lock every lever the municipality does not control alone."""
    for spec in LEVER_SPECS:
        st.session_state[lock_key(spec.id)] = spec.control != "kommun"


def _unlock_all() -> None:
    """Button callback: unlock every lever."""
    for spec in LEVER_SPECS:
        st.session_state[lock_key(spec.id)] = False


def _apply(values: dict[str, float]) -> None:
    """Button callback: put the found values on the sidebar sliders, then show the scenario.

    Runs before the next script run, so the sliders are created with the new values.
    """
    apply_levers(values, "solver")
    st.session_state[GO_TO_SCENARIO_KEY] = True


def _goal_label(goal: str, lang: str) -> str:
    return t("dec_goal_fossil" if goal == "fossil-free-2030" else "dec_goal_budget", lang)


def _fmt_msek(value_sek: float, lang: str, decimals: int = 0) -> str:
    return t("dec_msek", lang, value=fmt_number(value_sek / 1e6, lang, decimals))


def _fmt_sek_per_t(value: float | None, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return t("dec_sek_per_t", lang, value=fmt_number(round(value, -1), lang))


LOCKS_KEY = "dec_locks"


def lock_widgets(data: MunicipalityData, lang: str) -> None:
    """Which levers are locked, in a line; the checkboxes (one per lever, in an expander per
    group) and two quick buttons only while "Låsta spakar" is open.

    Twenty checkboxes in six groups were a third of the page's elements on every lever move,
    for a choice most visitors never make. The locks keep their values while hidden
    (``persist_state``), and the line says which are on.
    """
    available = set(_available(data))
    shown_groups = [g for g in GROUPS if any(s.group == g and s.id in available
                                             for s in LEVER_SPECS)]
    specs_of = {g: [s for s in LEVER_SPECS if s.group == g and s.id in available]
                for g in shown_groups}
    n_locked = {g: sum(bool(st.session_state.get(lock_key(s.id), False)) for s in specs)
                for g, specs in specs_of.items()}
    counts = {g: t("dec_locks_count", lang, n=n_locked[g], total=len(specs_of[g]))
              for g in shown_groups}
    summary = (t("dec_locks_list", lang, levers=" · ".join(
        f"{GROUP_LABELS[lang][g]} {counts[g]}" for g in shown_groups if n_locked[g]))
        if any(n_locked.values()) else t("dec_locks_none", lang))
    st.caption(f"{t('dec_locks_help', lang)} {summary}")
    # The label stays the same whatever is locked: a new label would be a new expander,
    # closed again after every click on a checkbox.
    locks = st.expander(t("dec_locks_heading", lang), key=LOCKS_KEY, on_change="rerun",
                        icon=":material/lock:")
    if not locks.open:
        return
    with locks:
        buttons = st.container(horizontal=True, gap="small")
        buttons.button(t("dec_lock_not_own", lang), key="dec_lock_not_own",
                       on_click=_lock_all_but_own)
        buttons.button(t("dec_unlock_all", lang), key="dec_unlock_all", on_click=_unlock_all)
        for index, group in enumerate(shown_groups):
            if index % 3 == 0:  # rows of three, so that a phone stacks them in reading order
                columns = st.columns(3)
            label = f"{GROUP_LABELS[lang][group]} · {counts[group]}"
            with columns[index % 3].expander(label, key=f"dec_group_{group}"):
                for spec in specs_of[group]:
                    st.checkbox(spec.label(lang), key=lock_key(spec.id),
                                persist_state="session",
                                help=f"{t('dec_col_control', lang)}: "
                                     f"{CONTROL_LABELS[lang][spec.control]}")


def moves_table(answer: SolveResult, lang: str) -> pd.DataFrame:
    """The levers that move: now, needed, change, share of range, who controls it."""
    rows = []
    for move in answer.moves:
        spec = LEVERS_BY_ID[move.lever_id]
        # A change of a share is in percentage points: '+90 p.e.', not '+90 %'.
        change = (fmt_points(move.change, lang, 0 if float(move.change).is_integer() else 1,
                             short=True) if spec.unit == "%"
                  else fmt_signed(fmt_lever_value(abs(move.change), spec.unit, lang),
                                  move.change))
        rows.append({
            t("dec_col_lever", lang): spec.label(lang),
            t("dec_col_now", lang): fmt_lever_value(move.now, spec.unit, lang),
            t("dec_col_needed", lang): fmt_lever_value(move.needed, spec.unit, lang),
            t("dec_col_change", lang): change,
            t("dec_col_share_of_range", lang): fmt_percent(move.normalised_change, lang, 0),
            t("dec_col_control", lang): CONTROL_LABELS[lang][spec.control],
        })
    return pd.DataFrame(rows)


def answer_message(answer: SolveResult, lang: str) -> None:
    """Reached, already reached, or how close the best setting gets."""
    if answer.already_reached:
        st.success(t("dec_already", lang), icon=":material/check_circle:")
    elif answer.reached:
        st.success(t("dec_reached", lang, n=len(answer.moves),
                     total=fmt_number(answer.total_change, lang, 1)),
                   icon=":material/check_circle:")
    elif answer.goal == "fossil-free-2030":
        # One plain sentence first (what the best possible leaves, and where), then how.
        st.error(verdict_text(answer, lang) + " " + t("dec_not_reached_fossil", lang),
                 icon=":material/block:")
    else:
        k = answer.result.kpis
        st.error(t("dec_not_reached_budget", lang,
                   when=fmt_month_year(k.budget_exhausted_year, k.budget_exhausted_month, lang,
                                       "–"),
                   over=fmt_tonnes(answer.shortfall_t, lang)), icon=":material/block:")


def solve_section(ctx: PageContext, budget: BudgetSettings) -> None:
    """Goal, locks, search button, the answer and the button that applies it."""
    lang, data = ctx.lang, ctx.data
    st.session_state.setdefault(GOAL_KEY, GOALS[0])
    st.radio(t("dec_goal", lang), options=list(GOALS), key=GOAL_KEY, horizontal=True,
             format_func=lambda goal: _goal_label(goal, lang), persist_state="session")
    goal = str(st.session_state[GOAL_KEY])
    if goal == "budget":
        st.caption(t("dec_budget_used", lang, budget=fmt_tonnes(budget.budget_t, lang),
                     start=budget.start_year,
                     beccs=t("dec_budget_beccs", lang) if budget.count_beccs else ""))
    lock_widgets(data, lang)
    locked = _locked(data)
    inputs = (data.code, ctx.levers, goal, locked, budget)
    if st.button(t("dec_search", lang), key=SEARCH_KEY, type="primary", icon=":material/search:"):
        try:
            st.session_state[RESULT_KEY] = (inputs, solve(data, ctx.levers, goal, locked, budget))
        except (SolveError, ScenarioError) as error:
            st.session_state.pop(RESULT_KEY, None)
            st.error(t("dec_error", lang, message=error.message_en if lang == "en"
                       else error.message_sv))
            return
    stored = st.session_state.get(RESULT_KEY)
    if stored is None:
        st.caption(t("dec_press_search", lang))
        return
    stored_inputs, answer = stored
    if stored_inputs != inputs:
        if (answer.moves and answer.levers == ctx.levers
                and stored_inputs[0] == inputs[0] and stored_inputs[2:] == inputs[2:]):
            st.success(t("dec_applied", lang), icon=":material/check:")
        else:
            st.info(t("dec_stale", lang), icon=":material/refresh:")
        return
    answer_message(answer, lang)
    if answer.moves:
        st.dataframe(moves_table(answer, lang), hide_index=True, width="stretch",
                     key="dec_moves")
        st.caption(t("dec_change_note", lang))
        # The whole solved set, not only the levers that moved: the applied scenario is then
        # exactly the one the answer was checked with, whatever the sliders held before.
        values = answer.levers.as_dict()
        st.button(t("dec_apply", lang), key=APPLY_KEY, on_click=_apply, args=(values,),
                  help=t("dec_apply_help", lang), icon=":material/tune:")


@dataclass(frozen=True)
class _Contributions:
    """Everything the contribution charts draw for one setting, in one language."""

    years: tuple[int, ...]
    measures: tuple[str, ...]
    total: float  # t removed from the first scenario year through 2050
    wedge: ChartData | None
    wedge_text: str


@lru_cache(maxsize=32)
def _contributions(attribution: Attribution, lang: str) -> _Contributions:
    """Built once per setting (the attribution is the model's cached object for it), so a
    rerun that is not a lever move (Sök, a lock, a toggle) rebuilds none of it. Model numbers
    and the app's own words only: nothing a user typed."""
    years = tuple(int(y) for y in attribution.years[1:])
    measures = tuple(charts.active_measures(attribution))
    if not measures:
        return _Contributions(years, measures, 0.0, None, "")
    wedge = charts.wedge_data(attribution, lang)
    return _Contributions(years, measures, float(attribution.total(years[0], 2050).sum()),
                          wedge, wedge_description(wedge, lang))


@dataclass(frozen=True)
class _YearBars:
    """The bars of one year by measure ("Effekt")."""

    year_total: float
    bars: ChartData
    bars_text: str


@lru_cache(maxsize=32)
def _year_bars(attribution: Attribution, year: int, lang: str) -> _YearBars:
    bars = charts.bar_data(attribution, year, lang)
    return _YearBars(float(attribution.in_year(year).sum()), bars,
                     bars_description(bars, "chart_dec_bars_text", lang, "\u00a0t", year=year))


@lru_cache(maxsize=32)
def _year_control(attribution: Attribution, year: int, lang: str) -> tuple[pd.DataFrame, str]:
    """The bars of one year by who controls the lever ("Rådighet"; worked out only there)."""
    control = charts.control_data(attribution, year, lang)
    return control, bars_description(control, "chart_control_text", lang, "\u00a0t", year=year)


def chosen_year(years: list[int]) -> int:
    """The year the bars show (the slider on "Effekt" and "Rådighet"; 2030 until one is
    chosen)."""
    if st.session_state.get(YEAR_KEY) not in years:
        st.session_state[YEAR_KEY] = 2030 if 2030 in years else years[0]
    return int(st.session_state[YEAR_KEY])


def year_slider(years: list[int], lang: str) -> None:
    """The year of the bars; on "Effekt" and on "Rådighet" (one tab runs at a time, so the
    one key is drawn once per run)."""
    st.select_slider(t("dec_contrib_year", lang), options=years, key=YEAR_KEY,
                     persist_state="session")


def contribution_section(ctx: PageContext) -> None:
    """Wedges over time, and bars for a chosen year."""
    lang, data = ctx.lang, ctx.data
    st.header(t("dec_contrib_heading", lang))
    st.caption(t("dec_contrib_intro", lang))
    attribution = attribute(data, ctx.levers)
    view = _contributions(attribution, lang)
    years = list(view.years)
    year = chosen_year(years)
    if not view.measures:
        st.info(t("dec_contrib_none", lang), icon=":material/info:")
        return
    in_year = _year_bars(attribution, year, lang)
    # One element for the summary and the wedge chart's title (each element costs a rerun).
    st.markdown(t("dec_contrib_summary", lang, year=year,
                  year_total=fmt_tonnes(in_year.year_total, lang),
                  total=fmt_tonnes(view.total, lang), first=years[0])
                + f"\n\n**{t('dec_wedge_title', lang)}**")
    wedge = view.wedge
    assert wedge is not None  # there are measures
    chart_with_text(wedge.arrow(), charts.wedge_spec(lang, view.measures), view.wedge_text,
                    "dec_chart_wedge", lambda: wide_table(wedge.frame(), lang), lang)
    year_slider(years, lang)
    bars = in_year.bars
    chart_with_text(bars.arrow(), charts.bar_spec(lang, year), in_year.bars_text,
                    "dec_chart_bars",
                    lambda: renamed(bars.frame(), {"series": t("dec_col_lever", lang),
                                                   "value": t("dec_axis_removed_t", lang)}),
                    lang)


@lru_cache(maxsize=64)
def _own(data: MunicipalityData, levers: Levers) -> tuple[OwnDecisions, OwnDecisions]:
    return own_decisions(data, levers, ("kommun",)), own_decisions(data, levers,
                                                                  ("kommun", "delad"))


def control_section(ctx: PageContext) -> None:
    """The reductions by who controls the lever, and how much of the gap the municipality
    can close with its own decisions."""
    lang = ctx.lang
    st.header(t("dec_control_heading", lang))
    own, shared = _own(ctx.data, ctx.levers)
    if own.gap_t < 1.0:
        sentence = t("dec_control_no_gap", lang)
    elif own.reached:
        sentence = t("dec_control_full", lang, gap=fmt_tonnes(own.gap_t, lang))
    else:
        sentence = t("dec_control_sentence", lang, closable=fmt_tonnes(own.closable_t, lang),
                     gap=fmt_tonnes(own.gap_t, lang), share=fmt_percent(own.share, lang, 0),
                     closable_shared=fmt_tonnes(shared.closable_t, lang),
                     share_shared=fmt_percent(shared.share, lang, 0))
    st.markdown(sentence)
    attribution = attribute(ctx.data, ctx.levers)
    view = _contributions(attribution, lang)
    if view.measures:
        year = chosen_year(list(view.years))
        year_slider(list(view.years), lang)
        control, control_text = _year_control(attribution, year, lang)
        chart_with_text(control, charts.control_spec(lang, year), control_text,
                        "dec_chart_control",
                        lambda: renamed(control, {"series": t("dec_col_control", lang),
                                                  "value": t("dec_axis_removed_t", lang)}),
                        lang)
        st.caption(t("dec_control_caption", lang, year=year))


@shared()
def cost_table() -> CostTable:
    """The unit costs, from the database built from data/ (else the CSV files)."""
    from store.database import StoreError, default_db_path, read_tables

    try:
        frames = read_tables(default_db_path(), ["costs", "cost_parameters"])
        return cost_table_from_frames(frames["costs"], frames["cost_parameters"])
    except (StoreError, KeyError, ValueError):
        return read_cost_table()


@lru_cache(maxsize=8)
def unit_costs_table(table: CostTable, lang: str) -> pd.DataFrame:
    """Every unit cost with its range, payers, basis and source (the same for every setting:
    built once per language and cost table)."""
    sources = source_titles(lang)
    order = {spec.id: i for i, spec in enumerate(LEVER_SPECS)}
    items = sorted(table.items, key=lambda item: order[item.lever_id])
    return pd.DataFrame({
        t("dec_col_lever", lang): [LEVERS_BY_ID[i.lever_id].label(lang) for i in items],
        t("dec_col_item", lang): [i.label(lang) for i in items],
        t("dec_col_kind", lang): [t(f"dec_kind_{i.kind}", lang) for i in items],
        t("dec_col_unit", lang): [i.unit(lang) for i in items],
        t("dec_col_low", lang): [fmt_number(i.low, lang, 1 if abs(i.low) < 10 else 0)
                                 for i in items],
        t("dec_col_central", lang): [fmt_number(i.central, lang, 1 if abs(i.central) < 10 else 0)
                                     for i in items],
        t("dec_col_high", lang): [fmt_number(i.high, lang, 1 if abs(i.high) < 10 else 0)
                                  for i in items],
        t("dec_col_payers", lang): [
            ", ".join(f"{charts.payer_label(p, lang)} {fmt_percent(s, lang, 0)}"
                      for p, s in zip(PAYERS, i.shares, strict=True) if s) for i in items],
        t("dec_col_basis", lang): [t(f"dec_basis_{i.basis}", lang) for i in items],
        t("dec_col_source", lang): [sources.get(i.source_id, i.source_id) for i in items],
        t("dec_col_note", lang): [i.note(lang) for i in items],
    })


def _by_payer(plan: CostPlan, case: str, year: int) -> tuple[np.ndarray, np.ndarray]:
    """Per payer (PAYERS order): investments over the plan's years, and the operating cost
    in one year; the sums of plan.by_item_and_payer's rows (amounts under 0.5 SEK dropped),
    from the arrays: that frame and its groupby cost ~20 ms a lever move."""
    c = CASES.index(case)
    shares = np.array([item.shares for item in plan.items], dtype=float)  # (items, payers)
    is_investment = np.array([item.kind == "investering" for item in plan.items])
    amounts = np.where(is_investment[:, None], plan.investment[c], plan.operating[c])
    values = amounts[:, None, :] * shares[:, :, None]  # (items, payers, years)
    values = np.where(np.abs(values) >= 0.5, values, 0.0)
    invest = values[is_investment].sum(axis=(0, 2))
    column = np.nonzero(plan.years == year)[0]
    running = (values[~is_investment][:, :, column[0]].sum(axis=0) if len(column)
               else np.zeros(len(PAYERS)))
    return invest, running


def payer_table(plan: CostPlan, case: str, year: int, lang: str) -> pd.DataFrame:
    """Per payer: investments over the plan's years and the operating cost in one year."""
    first = int(plan.years[0])
    invest, running = _by_payer(plan, case, year)
    return pd.DataFrame({
        t("dec_payer", lang): [charts.payer_label(p, lang) for p in PAYERS],
        t("dec_metric_investment", lang, first=first): [
            _fmt_msek(float(v), lang, 1) for v in invest],
        t("dec_metric_operating", lang, year=year): [
            _fmt_msek(float(v), lang, 1) for v in running],
    })


def measures_table(plan: CostPlan, case: str, lang: str,
                   frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per measure: investment, operation, cost incl. annuity, tonnes, SEK per tonne
    (frame: plan.per_measure(case), when the caller has it already)."""
    frame = plan.per_measure(case) if frame is None else frame
    return pd.DataFrame({
        t("dec_col_lever", lang): [charts.measure_label(m, lang) for m in frame["lever_id"]],
        t("dec_col_investment", lang): [fmt_number(v / 1e6, lang, 1)
                                        for v in frame["investment_sek"]],
        t("dec_col_operating", lang): [fmt_number(v / 1e6, lang, 1)
                                       for v in frame["operating_sek"]],
        t("dec_col_cost", lang): [fmt_number(v / 1e6, lang, 1) for v in frame["cost_sek"]],
        t("dec_col_reduced", lang): [fmt_number(v, lang) for v in frame["reduced_t"]],
        t("dec_col_sek_per_t", lang): [_fmt_sek_per_t(v, lang) for v in frame["sek_per_t"]],
    })


@dataclass(frozen=True)
class _Costs:
    """Everything the cost section shows for one setting, case and language."""

    empty: bool
    first: int
    investment: str
    operating_year: int
    operating: str
    per_tonne: str
    per_tonne_help: str
    invest: pd.DataFrame
    invest_text: str
    payers: pd.DataFrame
    mac: pd.DataFrame
    mac_text: str
    mac_measures: tuple[str, ...]
    measures: pd.DataFrame


@lru_cache(maxsize=32)
def _costs(plan: CostPlan, table: CostTable, case: str, lang: str) -> _Costs:
    """Built once per cost plan (the model's cached object for a setting), case and language:
    a rerun that is not a lever move rebuilds none of it. Model numbers and the app's own
    words only."""
    first = int(plan.years[0])
    if not (plan.investment.any() or plan.operating.any()):
        empty = pd.DataFrame()
        return _Costs(True, first, "", first, "", "", "", empty, "", empty, empty, "", (),
                      empty)
    c = CASES.index(case)
    operating_year = 2030 if 2030 in plan.years else first
    operating = float(plan.operating_by_year(case)[list(plan.years).index(operating_year)])
    invest = charts.invest_data(plan, case, lang)
    per_measure = plan.per_measure(case)
    curve = plan.mac_curve(case, per_measure)
    mac = charts.mac_data(plan, case, lang, curve)
    return _Costs(
        False, first, _fmt_msek(float(plan.investment[c].sum()), lang), operating_year,
        _fmt_msek(operating, lang), _fmt_sek_per_t(plan.cost_per_tonne(case), lang),
        t("dec_metric_per_tonne_help", lang, first=first,
          rate=fmt_percent(table.parameters["discount_rate"], lang, 1),
          low=_fmt_sek_per_t(plan.cost_per_tonne("low"), lang),
          high=_fmt_sek_per_t(plan.cost_per_tonne("high"), lang)),
        invest, invest_description(invest, lang),
        payer_table(plan, case, operating_year, lang),
        mac, mac_description(mac, lang) if len(mac) else "",
        tuple(m for m in charts.MEASURES if m in set(curve["lever_id"])),
        measures_table(plan, case, lang, per_measure))


def cost_section(ctx: PageContext) -> None:
    """Investment by payer, operating cost, cost per tonne, the MAC curve and the Excel plan."""
    lang, data = ctx.lang, ctx.data
    st.header(t("dec_costs_heading", lang))
    st.caption(t("dec_costs_intro", lang))
    table = cost_table()
    plan = cost_plan(data, ctx.levers, table)
    if not (plan.investment.any() or plan.operating.any()):
        st.info(t("dec_costs_none", lang), icon=":material/info:")
    else:
        st.session_state.setdefault(CASE_KEY, "central")
        st.radio(t("dec_cost_case", lang), options=list(CASES), key=CASE_KEY, horizontal=True,
                 format_func=lambda case: t(f"dec_case_{case}", lang), persist_state="session")
        case = str(st.session_state[CASE_KEY])
        view = _costs(plan, table, case, lang)
        first = view.first
        row = st.container(horizontal=True, gap="medium")
        row.metric(t("dec_metric_investment", lang, first=first), view.investment,
                   help=t("dec_metric_investment_help", lang))
        row.metric(t("dec_metric_operating", lang, year=view.operating_year), view.operating,
                   help=t("dec_metric_operating_help", lang))
        row.metric(t("dec_metric_per_tonne", lang), view.per_tonne, help=view.per_tonne_help)
        invest = view.invest
        chart_with_text(invest, charts.invest_spec(lang), view.invest_text,
                        "dec_chart_invest", lambda: wide_table(invest, lang), lang)
        st.caption(t("dec_invest_caption", lang))
        st.dataframe(view.payers, hide_index=True, width="stretch", key="dec_payers")
        mac = view.mac
        if len(mac):
            st.markdown(f"**{t('dec_mac_title', lang)}**")
            chart_with_text(mac, charts.mac_spec(lang, first, view.mac_measures),
                            view.mac_text, "dec_chart_mac",
                            lambda: renamed(mac, {"series": t("dec_col_lever", lang),
                                                  "reduced_t": t("dec_col_reduced", lang),
                                                  "sek_per_t": t("dec_col_sek_per_t", lang)}),
                            lang)
            st.caption(t("dec_mac_caption", lang, first=first,
                         clip=fmt_number(charts.MAC_CLIP_SEK, lang)))
        st.subheader(t("dec_measures_heading", lang, first=first))
        st.dataframe(view.measures, hide_index=True, width="stretch", key="dec_measures")
        st.caption(t("dec_cost_caveat", lang))
        sources = source_titles(lang)
        st.download_button(
            t("dec_download", lang),
            data=lambda: plan_workbook(plan, ctx.levers, ctx.reference, data.name, lang,
                                       sources),
            file_name=f"klimatinvesteringsplan_{data.code}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=DOWNLOAD_KEY, on_click="ignore", icon=":material/download:")
    unit_costs = st.expander(t("dec_unit_costs", lang), key="dec_unit_costs",
                             on_change="rerun")
    if unit_costs.open:  # the table is built and sent only while it is open
        with unit_costs:
            st.dataframe(unit_costs_table(table, lang), hide_index=True, width="stretch",
                         key="dec_unit_cost_table")


def main() -> None:
    """Render the page for the session's levers."""
    if st.session_state.pop(GO_TO_SCENARIO_KEY, False):
        st.switch_page(SCENARIO_PAGE)
    ctx = page_context()
    lang = ctx.lang
    st.title(t("dec_title", lang))
    st.caption(t("dec_intro", lang))
    # In its own container: when the answer appears or goes stale, the views after it keep
    # their places in the page's tree, so the browser updates their charts instead of
    # drawing them anew.
    with st.container():
        solve_section(ctx, ctx.budget_settings)
    views(ctx)


VIEW_KEY = "dec_view"


def view_labels(lang: str) -> tuple[str, str, str]:
    """Tab labels of the three views under the search (also how a test opens one)."""
    return (t("dec_tab_effects", lang), t("dec_tab_control", lang), t("dec_tab_costs", lang))


def views(ctx: PageContext) -> None:
    """What the levers do, who controls it and what it costs, as tabs; only the open one runs.

    A lever move or a search reran all four sections (five charts, three tables): 5.7 ×
    the floor page in AppTest. The search stays above the tabs; the costs, the dearest
    section, run when their tab is opened.
    """
    effects, control, costs = st.tabs(list(view_labels(ctx.lang)), key=VIEW_KEY,
                                      on_change="rerun")
    if effects.open:
        with effects:
            contribution_section(ctx)
    if control.open:
        with control:
            control_section(ctx)
    if costs.open:
        with costs:
            cost_section(ctx)
