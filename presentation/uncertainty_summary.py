"""The uncertainty of a scenario as the app and the exports show it: its ranges and chances
as plain sentences, its percentiles as a table. No Streamlit here, so the exports use it too;
the cached Monte Carlo runs behind them are store/uncertainty_runs.py.
"""

from __future__ import annotations

import pandas as pd

from model.uncertainty import UncertaintyResult
from presentation.formatting import fmt_month_year, fmt_number, fmt_percent
from presentation.i18n import t


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
