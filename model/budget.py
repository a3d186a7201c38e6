"""Carbon budget arithmetic: what is used, when it runs out, and the pace needed to keep it."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class BudgetSettings:
    """A carbon budget (t CO2e) from 1 January of its start year, and whether BECCS counts."""

    budget_t: float
    start_year: int
    count_beccs: bool = False


@dataclass(frozen=True)
class BudgetOutcome:
    """What the budget looks like for one emissions path."""

    used_to_base_t: float  # used from the start year through the last statistics year
    remaining_at_base_t: float  # left on 1 January of the year after the last statistics year
    exhausted_year: int | None  # None: not exhausted by the last year of the path
    exhausted_month: int | None  # 1–12
    needed_annual_reduction: float  # fraction per year, from the year after the base year


def exhaustion(
    years: np.ndarray, emissions: np.ndarray, budget_t: float
) -> tuple[int | None, int | None]:
    """Year and month in which cumulative emissions first reach the budget.

    Emissions are spread evenly over each year, so the month is where within the year the
    remaining budget runs out.
    """
    if budget_t <= 0:
        return int(years[0]), 1
    cumulative = np.cumsum(emissions)
    hit = np.nonzero(cumulative >= budget_t)[0]
    if not len(hit):
        return None, None
    k = int(hit[0])
    before = float(cumulative[k - 1]) if k > 0 else 0.0
    fraction = (budget_t - before) / float(emissions[k]) if emissions[k] > 0 else 1.0
    month = min(max(math.ceil(fraction * 12.0 - 1e-9), 1), 12)
    return int(years[k]), month


def needed_annual_reduction(base_emissions_t: float, remaining_t: float) -> float:
    """Constant yearly reduction rate that keeps an exponential path within the budget.

    E(t) = E0·exp(−k·t) sums to E0/k over all future years, so k = E0/B and the yearly rate
    is 1 − exp(−E0/B). With nothing left, the answer is 100 %.
    """
    if remaining_t <= 0:
        return 1.0
    if base_emissions_t <= 0:
        return 0.0
    return 1.0 - math.exp(-base_emissions_t / remaining_t)


def budget_outcome(
    settings: BudgetSettings,
    history_years: np.ndarray,
    history_totals: np.ndarray,
    scenario_years: np.ndarray,
    scenario_totals: np.ndarray,
) -> BudgetOutcome:
    """Budget figures for a path of yearly totals: statistics up to the base year, then the
    scenario (whose first year is the base year and is not counted twice)."""
    base_year = int(history_years[-1])
    in_history = history_years >= settings.start_year
    used = float(history_totals[in_history].sum())
    future = scenario_years > max(base_year, settings.start_year - 1)
    years = np.concatenate([history_years[in_history], scenario_years[future]])
    path = np.concatenate([history_totals[in_history], scenario_totals[future]])
    year, month = exhaustion(years, path, settings.budget_t)
    remaining = settings.budget_t - used
    base_emissions = float(history_totals[-1])
    return BudgetOutcome(
        used_to_base_t=used,
        remaining_at_base_t=remaining,
        exhausted_year=year,
        exhausted_month=month,
        needed_annual_reduction=needed_annual_reduction(base_emissions, remaining),
    )
