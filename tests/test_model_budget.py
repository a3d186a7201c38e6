"""The carbon-budget arithmetic against hand calculations (brief §4, §6, §7).

Why by hand: the budget figures are the ones a politician quotes ("the budget runs out in
March 2036"), so each is checked against arithmetic a reader can redo on paper, with the NED
totals read straight from data/ned_ghg.csv rather than through the model.
"""

from __future__ import annotations

import csv
import math
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import (
    BudgetSettings,
    MunicipalityData,
    ScenarioError,
    build_municipality_data,
    reference_levers,
    run_reference,
    run_scenario,
)
from model.budget import budget_outcome, exhaustion, needed_annual_reduction
from store.csv_tables import read_csv_tables

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
VAXJO_BUDGET_T = 2_760_000.0


@cache
def municipality(code: str) -> MunicipalityData:
    """Built once per code."""
    return build_municipality_data(read_csv_tables(), code)


@cache
def ned_total(code: str, year: int) -> float:
    """NED GHG total for a year, summed from the CSV rows without the model."""
    with (DATA_DIR / "ned_ghg.csv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        total = sum(
            float(row["ghg_t_co2e"])
            for row in rows
            if row["municipality_code"] == code and int(row["year"]) == year
        )
    assert total > 0, (code, year)
    return total


def exhaustion_key(year: int | None, month: int | None) -> tuple[int, int]:
    """Never exhausted sorts after every real (year, month)."""
    return (10_000, 13) if year is None else (year, month or 0)


# ----------------------------------------------------------------------------------------
# Växjö's budget: 2.76 Mt from 1 January 2023


def test_vaxjo_budget_left_at_start_of_2025_is_2_339_mt() -> None:
    """2,760,000 − (NED 2023 + NED 2024) = 2,760,000 − 421,090 = 2,338,910 t."""
    kpis = run_reference(municipality("0780")).kpis
    used = ned_total("0780", 2023) + ned_total("0780", 2024)
    assert used == 421_090.0
    assert kpis.budget_t == VAXJO_BUDGET_T
    assert kpis.budget_start_year == 2023
    assert kpis.budget_used_to_base_t == pytest.approx(421_090.0, abs=1e-6)
    assert kpis.budget_remaining_at_base_t == pytest.approx(2_338_910.0, abs=1e-6)
    assert round(kpis.budget_remaining_at_base_t / 1e6, 3) == 2.339  # the brief's figure


def test_vaxjo_budget_used_share_is_about_15_per_cent() -> None:
    """421,090 / 2,760,000 = 15.3 % (the contract says 16 % from its own inventory)."""
    kpis = run_reference(municipality("0780")).kpis
    assert kpis.budget_used_share_to_base == pytest.approx(421_090 / 2_760_000, rel=1e-12)
    assert round(kpis.budget_used_share_to_base * 100) == 15


def test_vaxjo_needed_annual_reduction_from_2025() -> None:
    """k = E2024 / B = 224,163 / 2,338,910; rate = 1 − e^(−k) ≈ 9.1 % a year."""
    kpis = run_reference(municipality("0780")).kpis
    e2024 = ned_total("0780", 2024)
    expected = 1.0 - math.exp(-e2024 / 2_338_910.0)
    assert kpis.needed_annual_reduction == pytest.approx(expected, rel=1e-12)
    assert round(kpis.needed_annual_reduction, 3) == 0.091


def test_needed_rate_is_what_keeps_an_exponential_path_within_the_budget() -> None:
    """The continuous path E0·e^(−kt) with k = E0/B integrates to exactly B."""
    e0, remaining = 224_163.0, 2_338_910.0
    rate = needed_annual_reduction(e0, remaining)
    k = -math.log(1.0 - rate)
    assert e0 / k == pytest.approx(remaining, rel=1e-12)
    assert needed_annual_reduction(e0, 0.0) == 1.0  # nothing left: stop at once
    assert needed_annual_reduction(e0, -5.0) == 1.0
    assert needed_annual_reduction(0.0, remaining) == 0.0


@pytest.mark.parametrize("code", ["0780", "0764"])
def test_reference_exhaustion_matches_a_hand_walk_through_the_path(code: str) -> None:
    """Walk the years by hand: statistics 2023–2024, then the reference scenario from 2025."""
    data = municipality(code)
    result = run_reference(data)
    budget = data.budget_t
    path = {2023: ned_total(code, 2023), 2024: ned_total(code, 2024)}
    totals = result.trajectory.ghg.sum(axis=1)
    for year, total in zip(result.trajectory.years, totals, strict=True):
        if year > 2024:
            path[int(year)] = float(total)
    cumulative = 0.0
    expected: tuple[int, int] | None = None
    for year, total in path.items():
        if cumulative + total >= budget:
            fraction = (budget - cumulative) / total
            expected = (year, math.ceil(fraction * 12))
            break
        cumulative += total
    kpis = result.kpis
    assert expected is not None, "the reference is expected to exhaust the budget by 2050"
    assert (kpis.budget_exhausted_year, kpis.budget_exhausted_month) == expected


# ----------------------------------------------------------------------------------------
# Exhaustion month on hand-made paths
#
# The documented rule: emissions are spread evenly over a year, so the budget runs out in
# month m of the year where cumulative emissions first reach it, with
# (m − 1)/12 < (budget − cumulative before that year) / that year's emissions ≤ m/12.


YEARS = np.arange(2030, 2041)
FLAT_100 = np.full(len(YEARS), 100.0)


@pytest.mark.parametrize(
    ("budget", "expected"),
    [
        (250.0, (2032, 6)),  # 200 by end of 2031; 50 of 100 left → half a year → June
        (225.0, (2032, 3)),  # a quarter of 2032 → end of March
        (201.0, (2032, 1)),  # 1 t into 2032 → January
        (300.0, (2032, 12)),  # exactly the end of 2032
        (100.0, (2030, 12)),  # exactly the first year
        (1.0, (2030, 1)),
        (1099.0, (2040, 12)),  # 1,000 by end of 2039; 99 of 100 → 11.88 months → December
        (1100.0, (2040, 12)),  # exactly everything
        (1100.5, (None, None)),  # never within the path
    ],
)
def test_exhaustion_month_on_a_flat_path(
    budget: float, expected: tuple[int | None, int | None]
) -> None:
    """Constant 100 t a year from 2030."""
    assert exhaustion(YEARS, FLAT_100, budget) == expected


def test_exhaustion_with_nothing_to_spend_is_january_of_the_first_year() -> None:
    """A budget of zero is gone at once."""
    assert exhaustion(YEARS, FLAT_100, 0.0) == (2030, 1)


def test_exhaustion_month_on_an_uneven_path() -> None:
    """400, 300, 200, …: budget 800 → 100 of 200 left in the third year → June of 2032."""
    emissions = np.array([400.0, 300.0, 200.0, 100.0])
    years = np.array([2030, 2031, 2032, 2033])
    assert exhaustion(years, emissions, 800.0) == (2032, 6)
    assert exhaustion(years, emissions, 750.0) == (2032, 3)  # 50 of 200 → 3 months
    assert exhaustion(years, emissions, 701.0) == (2032, 1)


def test_budget_outcome_does_not_count_the_base_year_twice() -> None:
    """Statistics to 2024 and a scenario whose first year is 2024 again.

    Budget 450 from 2023: 2023 and 2024 use 200 (2022's 1,000 is before the start), 2025 to
    2026 use another 200, so 50 of 2027's 100 are left: June 2027. Counting 2024 twice
    would give June 2026.
    """
    outcome = budget_outcome(
        BudgetSettings(450.0, 2023),
        history_years=np.array([2022, 2023, 2024]),
        history_totals=np.array([1000.0, 100.0, 100.0]),
        scenario_years=np.arange(2024, 2031),
        scenario_totals=np.full(7, 100.0),
    )
    assert outcome.used_to_base_t == 200.0
    assert outcome.remaining_at_base_t == 250.0
    assert (outcome.exhausted_year, outcome.exhausted_month) == (2027, 6)
    assert outcome.needed_annual_reduction == pytest.approx(1.0 - math.exp(-100.0 / 250.0))


def test_budget_starting_after_the_statistics_counts_only_scenario_years() -> None:
    """A budget from 2027: nothing used by 2024, and the path starts in 2027."""
    outcome = budget_outcome(
        BudgetSettings(250.0, 2027),
        history_years=np.array([2023, 2024]),
        history_totals=np.array([100.0, 100.0]),
        scenario_years=np.arange(2024, 2035),
        scenario_totals=np.full(11, 100.0),
    )
    assert outcome.used_to_base_t == 0.0
    assert outcome.remaining_at_base_t == 250.0
    assert (outcome.exhausted_year, outcome.exhausted_month) == (2029, 6)


def test_budget_already_spent_in_the_statistics_years() -> None:
    """500,000 t from 2015: 2015 uses 264,670 t, so 235,330 of 2016's 259,104 t remain,
    which is 90.8 % of 2016 → November 2016; nothing remains, so 100 % a year is needed."""
    data = municipality("0780")
    result = run_scenario(data, reference_levers(data), BudgetSettings(500_000.0, 2015))
    kpis = result.kpis
    e2015, e2016 = ned_total("0780", 2015), ned_total("0780", 2016)
    fraction = (500_000.0 - e2015) / e2016
    assert (kpis.budget_exhausted_year, kpis.budget_exhausted_month) == (
        2016,
        math.ceil(fraction * 12),
    )
    assert kpis.budget_exhausted_month == 11
    assert kpis.budget_remaining_at_base_t < 0
    assert kpis.needed_annual_reduction == 1.0


# ----------------------------------------------------------------------------------------
# Settings: BECCS switch, start-year range, budget size


def test_counting_beccs_makes_exhaustion_later() -> None:
    """180 kt a year of BECCS from 2030, counted against the budget, pushes exhaustion later."""
    data = municipality("0780")
    levers = reference_levers(data).with_values(beccs_kt=180, beccs_start=2030)
    without = run_scenario(data, levers, BudgetSettings(data.budget_t, 2023, False)).kpis
    counted = run_scenario(data, levers, BudgetSettings(data.budget_t, 2023, True)).kpis
    assert exhaustion_key(counted.budget_exhausted_year, counted.budget_exhausted_month) > (
        exhaustion_key(without.budget_exhausted_year, without.budget_exhausted_month)
    )
    # Without counting, BECCS changes nothing in the budget.
    plain = run_reference(data).kpis
    assert (without.budget_exhausted_year, without.budget_exhausted_month) == (
        plain.budget_exhausted_year,
        plain.budget_exhausted_month,
    )


@settings(max_examples=60, deadline=None)
@given(
    beccs_kt=st.floats(0, 200),
    beccs_start=st.integers(2030, 2045),
    budget_t=st.floats(300_000, 8_000_000),
    start_year=st.integers(2015, 2030),
)
def test_counting_beccs_never_makes_exhaustion_earlier(
    beccs_kt: float, beccs_start: int, budget_t: float, start_year: int
) -> None:
    """Removals can only leave more of the budget, whatever the budget and start year."""
    data = municipality("0780")
    levers = reference_levers(data).with_values(beccs_kt=beccs_kt, beccs_start=beccs_start)
    without = run_scenario(data, levers, BudgetSettings(budget_t, start_year, False)).kpis
    counted = run_scenario(data, levers, BudgetSettings(budget_t, start_year, True)).kpis
    assert exhaustion_key(counted.budget_exhausted_year, counted.budget_exhausted_month) >= (
        exhaustion_key(without.budget_exhausted_year, without.budget_exhausted_month)
    )


@settings(max_examples=60, deadline=None)
@given(small=st.floats(100_000, 6_000_000), extra=st.floats(0, 2_000_000))
def test_a_larger_budget_never_runs_out_earlier(small: float, extra: float) -> None:
    """Same path, more budget: exhaustion is later or equal."""
    data = municipality("0780")
    a = run_scenario(data, reference_levers(data), BudgetSettings(small, 2023)).kpis
    b = run_scenario(data, reference_levers(data), BudgetSettings(small + extra, 2023)).kpis
    assert exhaustion_key(b.budget_exhausted_year, b.budget_exhausted_month) >= exhaustion_key(
        a.budget_exhausted_year, a.budget_exhausted_month
    )


@pytest.mark.parametrize("start_year", [1990, 2010, 2014, 2031, 2050])
def test_budget_start_year_outside_2015_2030_is_refused(start_year: int) -> None:
    """NED is annual only from 2015, and a budget starting after 2030 is not a budget."""
    data = municipality("0780")
    with pytest.raises(ScenarioError):
        run_scenario(data, reference_levers(data), BudgetSettings(2_760_000.0, start_year))


@pytest.mark.parametrize("start_year", [2015, 2023, 2030])
def test_budget_start_year_inside_the_range_runs(start_year: int) -> None:
    """The ends of the range are allowed."""
    data = municipality("0780")
    kpis = run_scenario(data, reference_levers(data), BudgetSettings(2_760_000.0, start_year)).kpis
    assert kpis.budget_start_year == start_year


@pytest.mark.parametrize("budget_t", [0.0, -1.0, float("nan"), 2e9])
def test_a_budget_that_is_not_a_positive_amount_is_refused(budget_t: float) -> None:
    """Zero, negative, NaN and absurd budgets get a readable error, not a number."""
    data = municipality("0780")
    with pytest.raises(ScenarioError):
        run_scenario(data, reference_levers(data), BudgetSettings(budget_t, 2023))


def test_alvesta_budget_is_the_scaled_estimate() -> None:
    """Alvesta's estimated budget, 1.317 Mt, less its NED 2023–2024."""
    kpis = run_reference(municipality("0764")).kpis
    used = ned_total("0764", 2023) + ned_total("0764", 2024)
    assert kpis.budget_t == 1_317_000.0
    assert kpis.budget_remaining_at_base_t == pytest.approx(1_317_000.0 - used, abs=1e-6)
    assert municipality("0764").budget_is_estimate
    assert not municipality("0780").budget_is_estimate
