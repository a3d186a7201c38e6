"""The uncertainty on the main page: a fan around net emissions, the budget date as a range,
the chances of reaching each goal, and what matters most.

The Monte Carlo (model/uncertainty.py) runs after the central result is on the page, so the
room sees the scenario at once; its results are kept in a module-level LRU keyed on the
inputs (municipality data, levers, budget), so moving a lever back costs nothing. No user
text is involved and nothing is shared but the model's own numbers for public inputs.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import streamlit as st

from model.budget import BudgetSettings
from model.data import MunicipalityData
from model.levers import Levers
from model.scenario import ScenarioResult
from model.uncertainty import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    Tornado,
    UncertaintyResult,
    run_uncertainty,
    tornado,
)
from model.uncertainty_table import uncertain_inputs
from ui import uncertainty_charts as charts
from ui.formatting import fmt_month_year, fmt_number, fmt_percent
from ui.i18n import t

SHOW_KEY = "show_uncertainty"
TORNADO_KEY = "uncertainty_tornado"


@lru_cache(maxsize=256)
def uncertainty_for(data: MunicipalityData, levers: Levers, budget: BudgetSettings
                    ) -> UncertaintyResult:
    """The Monte Carlo for a scenario (DEFAULT_DRAWS draws, DEFAULT_SEED), kept per input."""
    return run_uncertainty(data, levers, budget, uncertain_inputs(), DEFAULT_DRAWS,
                           DEFAULT_SEED)


@lru_cache(maxsize=64)
def tornado_for(data: MunicipalityData, levers: Levers, budget: BudgetSettings) -> Tornado:
    """One-at-a-time sensitivity for a scenario, kept per input."""
    return tornado(data, levers, budget, uncertain_inputs())


def for_result(result: ScenarioResult) -> UncertaintyResult:
    """The uncertainty of a scenario result (cached)."""
    return uncertainty_for(result.data, result.levers, result.budget)


def fmt_input_value(value: float, unit: str, lang: str) -> str:
    """An uncertain input's value: relative changes as per cent, others with their unit."""
    if unit == "relativ ändring":
        return fmt_percent(value, lang, 1, signed=True)
    decimals = 0 if float(value).is_integer() else (2 if abs(value) < 1 else 1)
    unit_text = unit if lang == "sv" else {"faktor": "×", "andel": "share", "år": "years",
                                           "% per år": "% a year",
                                           "procentenheter per år": "pp a year"}.get(unit, unit)
    return f"{fmt_number(value, lang, decimals)} {unit_text}"


def _likely(u: UncertaintyResult, lang: str) -> str:
    if u.most_likely_exhaustion is None:
        return t("unc_after_2050", lang)
    year, month = u.most_likely_exhaustion
    return fmt_month_year(year, month, lang, "")


def budget_range_text(u: UncertaintyResult, lang: str) -> str:
    """'Koldioxidbudgeten tar slut mellan 2035 och 2037, troligast mars 2036.'"""
    low, high = u.budget_exhausted_year["p10"], u.budget_exhausted_year["p90"]
    lasts = fmt_percent(u.p_budget_lasts_to_2050, lang, 0)
    if low is None:
        return t("unc_budget_range_lasts", lang, share=lasts)
    if high is None:
        return t("unc_budget_range_open", lang, low=low, share=lasts)
    if low == high:
        return t("unc_budget_range_one_year", lang, year=low, likely=_likely(u, lang))
    return t("unc_budget_range", lang, low=low, high=high, likely=_likely(u, lang))


def chance_texts(u: UncertaintyResult, lang: str) -> tuple[str, str]:
    """The two chances as plain percentages, one sentence each on what they mean."""
    n = fmt_number(u.draws, lang)
    return (t("unc_chance_fossil", lang, p=fmt_percent(u.p_fossil_free_2030, lang, 0), n=n),
            t("unc_chance_budget", lang, p=fmt_percent(u.p_budget_lasts_to_2050, lang, 0)))


def summary_lines(u: UncertaintyResult, lang: str) -> list[str]:
    """The range and the chances as plain sentences (page, PDF report and Excel)."""
    return [budget_range_text(u, lang), *chance_texts(u, lang)]


def uncertainty_section(result: ScenarioResult, lang: str) -> None:
    """Below the trajectory: the fan, the range, the chances and (on request) the tornado."""
    show = st.toggle(t("unc_toggle", lang), value=True, key=SHOW_KEY,
                     help=t("unc_toggle_help", lang, n=fmt_number(DEFAULT_DRAWS, lang)))
    if not show:
        return
    u = for_result(result)
    st.subheader(t("unc_heading", lang))
    st.markdown("\n\n".join(summary_lines(u, lang)))
    central = result.totals_frame["net_t"].to_numpy()
    st.vega_lite_chart(charts.fan_data(u, central), charts.fan_spec(lang), width="stretch",
                       key="chart_uncertainty_fan")
    st.caption(t("unc_caption", lang, n=fmt_number(u.draws, lang), seed=u.seed))
    more = st.expander(t("unc_tornado_heading", lang), key=TORNADO_KEY, on_change="rerun")
    if more.open:
        with more:
            tornado_section(result, lang)


def tornado_section(result: ScenarioResult, lang: str) -> None:
    """Which inputs move the budget date and fossil CO2 in 2030 most (one at a time)."""
    st.caption(t("unc_tornado_intro", lang))
    tor = tornado_for(result.data, result.levers, result.budget)
    for metric, heading in (("budget", "unc_tornado_budget"), ("fossil", "unc_tornado_fossil")):
        st.markdown(f"**{t(heading, lang)}**")
        frame = charts.tornado_data(tor, metric, lang, fmt_input_value)  # type: ignore[arg-type]
        if frame.empty:
            st.caption(t("unc_tornado_none", lang))
            continue
        spec = dict(charts.tornado_spec(lang, metric))  # type: ignore[arg-type]
        spec["height"] = 34 * frame["input"].nunique()
        st.vega_lite_chart(frame, spec, width="stretch", key=f"chart_tornado_{metric}")


def budget_range_line(result: ScenarioResult, lang: str) -> None:
    """One line in the budget section: the exhaustion date as a range (when shown)."""
    if st.session_state.get(SHOW_KEY, True):
        st.markdown(budget_range_text(for_result(result), lang)
                    + " " + t("unc_budget_range_note", lang))


def export_frame(u: UncertaintyResult) -> pd.DataFrame:
    """Percentiles per year in tonnes, for the Excel export and the report."""
    return u.frame().round(1)
