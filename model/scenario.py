"""One scenario run: levers and budget settings in, trajectories and key figures out."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd

from model.budget import BudgetOutcome, BudgetSettings, budget_outcome
from model.data import MunicipalityData
from model.emissions import Trajectory, compute_trajectory
from model.errors import UserFacingError
from model.indicators import Indicators, compute_indicators
from model.levers import TARGET_YEAR, Levers
from model.paths import lever_paths, population_growth, reference_levers, scenario_years
from model.sectors import SECTORS

# Below this, fossil CO2 in 2030 counts as zero (rounding in the statistics is larger).
FOSSIL_FREE_TOLERANCE_T = 1.0
BUDGET_START_RANGE = (2015, 2030)  # NED is published every year from 2015


class ScenarioError(UserFacingError):
    """Settings the model cannot run, with a message users can read."""


@dataclass(frozen=True)
class KeyFigures:
    """The figures users look at first. Tonnes are t CO2e (fossil CO2 in t CO2)."""

    base_year: int
    target_year: int
    fossil_co2_base_t: float
    fossil_co2_2030_t: float
    fossil_co2_2030_by_sector: tuple[float, ...]  # in SECTORS order
    fossil_free_2030: bool  # the verdict: fossil-FUEL free (same as fossil_fuel_free_2030)
    fossil_co2_change_vs_base: float
    fossil_co2_1990_t: float | None
    fossil_co2_change_vs_1990: float | None
    ghg_1990_t: float | None
    ghg_base_t: float
    ghg_2030_t: float
    ghg_2050_t: float
    ghg_change_2030_vs_1990: float | None
    beccs_2030_t: float
    net_2030_t: float
    net_2050_t: float
    population_2030: float
    ghg_per_capita_2030_kg: float
    budget_t: float
    budget_start_year: int
    budget_count_beccs: bool
    budget_used_to_base_t: float
    budget_used_share_to_base: float
    budget_remaining_at_base_t: float
    budget_exhausted_year: int | None
    budget_exhausted_month: int | None
    needed_annual_reduction: float
    fossil_fuel_co2_2030_t: float = 0.0  # fossil CO2 from fuels: what the goal counts
    fossil_fuel_co2_2030_by_sector: tuple[float, ...] = ()  # in SECTORS order
    fossil_fuel_free_2030: bool = False
    other_fossil_co2_2030_t: float = 0.0  # solvents, processes, waste, international: beside
    fossil_fuel_co2_base_t: float = 0.0
    scenario_annual_reduction: float | None = None  # the scenario's own pace 2025–2030

    def as_dict(self) -> dict[str, object]:
        """Plain values for JSON: per-sector figures keyed by sector name."""
        values = dict(self.__dict__)
        values["fossil_co2_2030_by_sector"] = dict(
            zip(SECTORS, self.fossil_co2_2030_by_sector, strict=True)
        )
        if self.fossil_fuel_co2_2030_by_sector:
            values["fossil_fuel_co2_2030_by_sector"] = dict(
                zip(SECTORS, self.fossil_fuel_co2_2030_by_sector, strict=True)
            )
        return values


def default_budget(data: MunicipalityData) -> BudgetSettings:
    """The municipality's budget as stored in data/budget.csv."""
    return BudgetSettings(data.budget_t, data.budget_start_year, False)


def check_budget(settings: BudgetSettings) -> None:
    """Raise ScenarioError for a budget the arithmetic cannot use."""
    low, high = BUDGET_START_RANGE
    if not (low <= settings.start_year <= high):
        raise ScenarioError(
            f"Budgetens startår måste vara mellan {low} och {high}.",
            f"The budget's start year must be between {low} and {high}.",
        )
    if not (0 < settings.budget_t < 1e9) or np.isnan(settings.budget_t):
        raise ScenarioError(
            "Budgeten måste vara ett positivt antal ton.",
            "The budget must be a positive number of tonnes.",
        )


@dataclass(frozen=True, eq=False)
class ScenarioResult:
    """A scenario's trajectory (base year to 2050) beside the statistics, and key figures."""

    data: MunicipalityData
    levers: Levers
    budget: BudgetSettings
    trajectory: Trajectory
    budget_result: BudgetOutcome
    kpis: KeyFigures = field(repr=False)

    @property
    def years(self) -> np.ndarray:
        """Scenario years, base year first."""
        return self.trajectory.years

    @cached_property
    def indicators(self) -> Indicators:
        """Physical indicators per scenario year (electric cars, biofuel shares, BECCS)."""
        return compute_indicators(self.data, self.levers, self.trajectory)

    @cached_property
    def sectors_frame(self) -> pd.DataFrame:
        """Tidy: year, sector, ghg_t, fossil_co2_t, kind ('statistik' or 'scenario').

        Statistics up to the base year, then the scenario from the year after.
        """
        data = self.data
        hist_years = np.repeat(data.history_years, len(SECTORS))
        fossil_hist = np.full(data.history_ghg.shape, np.nan)
        rows = np.searchsorted(data.history_years, data.co2_years)
        fossil_hist[rows] = data.fossil_co2_history
        future = self.years > data.base_year
        n_future = int(future.sum())
        return pd.DataFrame(
            {
                "year": np.concatenate([hist_years, np.repeat(self.years[future], len(SECTORS))]),
                "sector": np.tile(np.array(SECTORS, dtype=object), len(data.history_years)
                                  + n_future),
                "ghg_t": np.concatenate(
                    [data.history_ghg.ravel(), self.trajectory.ghg[future].ravel()]
                ),
                "fossil_co2_t": np.concatenate(
                    [fossil_hist.ravel(), self.trajectory.fossil_co2[future].ravel()]
                ),
                "kind": np.repeat(
                    np.array(["statistik", "scenario"], dtype=object),
                    [len(hist_years), n_future * len(SECTORS)],
                ),
            }
        )

    @cached_property
    def net_path(self) -> np.ndarray:
        """Net emissions (t CO2e, BECCS included) a year: the statistics, then the scenario.

        totals_frame's net_t as an array: the page's uncertainty fan reads it on every lever
        change, where building the whole frame would cost more than the line itself.
        """
        data = self.data
        future = self.years > data.base_year
        return np.concatenate([data.history_ghg.sum(axis=1) + 0.0,
                               self.trajectory.ghg[future].sum(1) + self.trajectory.beccs[future]])

    @cached_property
    def totals_frame(self) -> pd.DataFrame:
        """One row a year: ghg_t, beccs_t, net_t, fossil_co2_t, population, per capita."""
        data = self.data
        future = self.years > data.base_year
        years = np.concatenate([data.history_years, self.years[future]])
        ghg = np.concatenate([data.history_ghg.sum(axis=1), self.trajectory.ghg[future].sum(1)])
        beccs = np.concatenate([np.zeros(len(data.history_years)), self.trajectory.beccs[future]])
        fossil_hist = np.full(len(data.history_years), np.nan)
        fossil_hist[np.searchsorted(data.history_years, data.co2_years)] = np.nansum(
            data.fossil_co2_history, axis=1
        )
        fossil = np.concatenate([fossil_hist, self.trajectory.fossil_co2[future].sum(axis=1)])
        population = population_path(data, years)
        return pd.DataFrame(
            {
                "year": years,
                "ghg_t": ghg,
                "beccs_t": beccs,
                "net_t": self.net_path,
                "fossil_co2_t": fossil,
                "population": population,
                "ghg_per_capita_kg": ghg / population * 1000.0,
                "kind": np.where(years <= data.base_year, "statistik", "scenario"),
            }
        )


def population_path(data: MunicipalityData, years: np.ndarray) -> np.ndarray:
    """Known population where published, else the last value grown at the recent rate.

    NaN in every year where the population is unknown (an imported municipality nobody
    gave a population for): per-capita figures are then shown as unavailable, not wrong.
    """
    if len(data.population) == 0:
        return np.full(len(years), np.nan)
    last_year = int(data.population_years[-1])
    grown = data.population[-1] * (1.0 + population_growth(data)) ** (years - last_year)
    known = np.interp(years, data.population_years, data.population)
    inside = (years >= data.population_years[0]) & (years <= last_year)
    return np.where(inside, known, np.where(years > last_year, grown, np.nan))


RATE_FROM, RATE_TO = 2025, 2030


def scenario_rate(years: np.ndarray, totals: np.ndarray) -> float | None:
    """The scenario's own average yearly reduction 2025–2030 (same emissions as the budget
    counts), to set beside the needed rate: 1 − (E2030 / E2025)^(1/5)."""
    hit_from, hit_to = np.nonzero(years == RATE_FROM)[0], np.nonzero(years == RATE_TO)[0]
    if not len(hit_from) or not len(hit_to):
        return None
    first, last = float(totals[hit_from[0]]), float(totals[hit_to[0]])
    if first <= 0 or last < 0:
        return None
    return 1.0 - (last / first) ** (1.0 / (RATE_TO - RATE_FROM))


def _change(new: float, old: float | None) -> float | None:
    return None if not old else new / old - 1.0


@dataclass(frozen=True)
class _Fixed:
    """What run_scenario needs that no lever changes, computed once per municipality."""

    years: np.ndarray
    target: int  # TARGET_YEAR's position in years
    history_totals: np.ndarray
    fossil_1990: float | None
    ghg_1990: float | None
    population_2030: float


@lru_cache(maxsize=512)
def _fixed(data: MunicipalityData) -> _Fixed:
    years = scenario_years(data)
    years.flags.writeable = False
    history_totals = data.history_ghg.sum(axis=1)
    history_totals.flags.writeable = False
    return _Fixed(
        years=years,
        target=int(np.nonzero(years == TARGET_YEAR)[0][0]),
        history_totals=history_totals,
        fossil_1990=data.fossil_co2_in(1990),
        ghg_1990=data.ghg_in(1990),
        population_2030=float(population_path(data, np.array([TARGET_YEAR]))[0]),
    )


def run_scenario(
    data: MunicipalityData, levers: Levers, budget: BudgetSettings | None = None
) -> ScenarioResult:
    """Run the model for one municipality, lever setting and budget."""
    budget = budget or default_budget(data)
    check_budget(budget)
    fixed = _fixed(data)
    years = fixed.years.copy()
    trajectory = compute_trajectory(data, years, lever_paths(data, levers))
    totals = trajectory.ghg.sum(axis=1)
    counted = totals + trajectory.beccs if budget.count_beccs else totals
    outcome = budget_outcome(budget, data.history_years, fixed.history_totals, years, counted)
    t = fixed.target
    fossil_2030_by_sector = trajectory.fossil_co2[t]
    fossil_2030 = float(fossil_2030_by_sector.sum())
    fossil_base = float(trajectory.fossil_co2[0].sum())
    fossil_1990 = fixed.fossil_1990
    ghg_1990 = fixed.ghg_1990
    ghg_2030 = float(totals[t])
    population_2030 = fixed.population_2030
    fuel_2030_by_sector = trajectory.fossil_fuel_co2[t]
    fuel_2030 = float(fuel_2030_by_sector.sum())
    own_rate = scenario_rate(years, counted)
    kpis = KeyFigures(
        base_year=data.base_year,
        target_year=TARGET_YEAR,
        fossil_co2_base_t=fossil_base,
        fossil_co2_2030_t=fossil_2030,
        fossil_co2_2030_by_sector=tuple(float(v) for v in fossil_2030_by_sector),
        fossil_free_2030=fuel_2030 < FOSSIL_FREE_TOLERANCE_T,
        fossil_co2_change_vs_base=fossil_2030 / fossil_base - 1.0 if fossil_base else 0.0,
        fossil_co2_1990_t=fossil_1990,
        fossil_co2_change_vs_1990=_change(fossil_2030, fossil_1990),
        ghg_1990_t=ghg_1990,
        ghg_base_t=float(totals[0]),
        ghg_2030_t=ghg_2030,
        ghg_2050_t=float(totals[-1]),
        ghg_change_2030_vs_1990=_change(ghg_2030, ghg_1990),
        beccs_2030_t=float(trajectory.beccs[t]),
        net_2030_t=ghg_2030 + float(trajectory.beccs[t]),
        net_2050_t=float(totals[-1] + trajectory.beccs[-1]),
        population_2030=population_2030,
        ghg_per_capita_2030_kg=ghg_2030 / population_2030 * 1000.0,
        budget_t=budget.budget_t,
        budget_start_year=budget.start_year,
        budget_count_beccs=budget.count_beccs,
        budget_used_to_base_t=outcome.used_to_base_t,
        budget_used_share_to_base=outcome.used_to_base_t / budget.budget_t,
        budget_remaining_at_base_t=outcome.remaining_at_base_t,
        budget_exhausted_year=outcome.exhausted_year,
        budget_exhausted_month=outcome.exhausted_month,
        needed_annual_reduction=outcome.needed_annual_reduction,
        fossil_fuel_co2_2030_t=fuel_2030,
        fossil_fuel_co2_2030_by_sector=tuple(float(v) for v in fuel_2030_by_sector),
        fossil_fuel_free_2030=fuel_2030 < FOSSIL_FREE_TOLERANCE_T,
        other_fossil_co2_2030_t=fossil_2030 - fuel_2030,
        fossil_fuel_co2_base_t=float(trajectory.fossil_fuel_co2[0].sum()),
        scenario_annual_reduction=own_rate,
    )
    return ScenarioResult(data, levers, budget, trajectory, outcome, kpis)


def run_reference(data: MunicipalityData, budget: BudgetSettings | None = None) -> ScenarioResult:
    """The reference scenario: every lever at its reference value."""
    return run_scenario(data, reference_levers(data), budget)
