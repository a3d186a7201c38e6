"""The uncertainty of a scenario as the app and the exports show it: kept per input, and
its ranges and chances as plain sentences. No Streamlit here, so the exports use it too.

The results are kept in module-level LRUs keyed on the inputs (municipality data, levers,
budget): only the model's own numbers for the inputs, no user text, nothing per session.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from model.budget import BudgetSettings
from model.data import MunicipalityData
from model.levers import Levers
from model.scenario import ScenarioResult
from model.uncertainty import (
    DEFAULT_SEED,
    Tornado,
    UncertaintyResult,
    run_uncertainty,
    tornado,
)
from store.csv_tables import uncertain_inputs
from ui.formatting import fmt_month_year, fmt_number, fmt_percent
from ui.i18n import t

# Draws behind the page, its exports and the comparison: fewer than the model's default
# (DEFAULT_DRAWS, the CLI's and the benchmark's 1,000) so that a lever change with the fan
# costs at most about 1.5 × the page without it. The Latin hypercube hits every one of the
# PAGE_DRAWS slices of each input once: deciles within 2 % of 1,000 draws' (tested).
PAGE_DRAWS = 300


@lru_cache(maxsize=256)
def uncertainty_for(data: MunicipalityData, levers: Levers, budget: BudgetSettings
                    ) -> UncertaintyResult:
    """The Monte Carlo for a scenario (PAGE_DRAWS draws, DEFAULT_SEED), kept per input."""
    return run_uncertainty(data, levers, budget, uncertain_inputs(), PAGE_DRAWS, DEFAULT_SEED)


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


def export_frame(u: UncertaintyResult, lang: str) -> pd.DataFrame:
    """Percentiles per year in tonnes, for the Excel export."""
    return u.frame().round(1).rename(columns={"year": t("axis_year", lang)})
