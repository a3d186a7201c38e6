"""All municipalities under one lever setting ("if every one did this"), for the Sverige page
and `python -m model overview`.

`overview_base(tables)` builds every runnable municipality's model inputs once (per server
or CLI process) and stacks them, and what the summary needs (history, population, budgets),
into arrays with a leading municipality axis; `run_overview` runs the model core's batch API
(model.batch.run_municipalities, issue 9) for all of them in one vectorised call and works
out the budgets' years of exhaustion for all at once.

Lever semantics are those of the comparison page (model.local_levers.carry_over): the levers
moved from the reference keep their values everywhere (the national ones, the reduction
obligation, apply to all as they are; the local ones are shares of each municipality's own
base); the levers not moved stay at each municipality's own reference, and BECCS is capped
by each one's plant (none but Växjö's). A test checks that every row equals run_scenario.

Speed (target ≤ 200 ms for run_overview + overview_frame over 290, bench/overview_bench.py):
the core runs all municipalities as one batch (model.data.MunicipalityStack: base data and
parameters with a leading municipality axis), not a loop of run_batch calls, which took
2–5 s. The stacking (reference paths of all 290) is done once, in overview_base.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from model.batch import (
    MunicipalityBatch,
    prepare_municipalities,
    run_municipalities,
    run_municipalities_totals,
)
from model.budget_estimate import (
    DEFAULT_EMISSIONS_WEIGHT,
    DEFAULT_PRINCIPLE,
    AllocationBasis,
    allocated_budgets,
)
from model.data import MunicipalityData, Tables, build_municipality_data
from model.imported import runnable_codes
from model.levers import LEVERS_BY_ID, TARGET_YEAR
from model.local_levers import BECCS_LEVER, lever_max


@dataclass(frozen=True, eq=False)
class OverviewBase:
    """Every runnable municipality's inputs, and its summary data stacked: leading axis n."""

    datas: tuple[MunicipalityData, ...]
    batch: MunicipalityBatch  # the same municipalities stacked for the model core
    codes: np.ndarray  # (n,) str
    names: np.ndarray  # (n,) str
    counties: np.ndarray  # (n,) str
    base_year: int
    history_years: np.ndarray  # (H,)
    history_totals: np.ndarray  # (n, H) t CO2e
    population_base: np.ndarray  # (n,) in the base year (NaN if unknown)
    population_growth: np.ndarray  # (n,) yearly
    beccs_max: np.ndarray  # (n,) kt/yr
    budget_t: np.ndarray  # (n,) shipped default budget
    budget_start_year: np.ndarray  # (n,)
    budget_estimated: np.ndarray  # (n,) bool
    own_split: np.ndarray  # (n,) bool: transport split from the municipality's own CO2 data

    @property
    def n(self) -> int:
        """Number of municipalities."""
        return len(self.codes)

    def index_of(self, code: str) -> int:
        """Row of a municipality code."""
        hits = np.nonzero(self.codes == code)[0]
        if not len(hits):
            raise KeyError(code)
        return int(hits[0])


@dataclass(frozen=True, eq=False)
class OverviewResult:
    """Scenario emissions of every municipality: arrays with the leading municipality axis."""

    base: OverviewBase
    years: np.ndarray  # (T,) scenario years, base year to 2050
    ghg: np.ndarray  # (n, T, 9) t CO2e
    fossil_fuel_co2: np.ndarray  # (n, T, 9) t CO2 from fuels (the fossil-fuel-free measure)
    beccs: np.ndarray  # (n, T) negative
    budget_t: np.ndarray  # (n,) the budgets used
    exhausted_year: np.ndarray  # (n,) float, NaN when not exhausted by 2050

    def year_index(self, year: int) -> int:
        """Column of a scenario year."""
        return int(np.nonzero(self.years == year)[0][0])

    def totals(self, year: int) -> np.ndarray:
        """Total GHG (t CO2e) of every municipality in a scenario year."""
        return self.ghg[:, self.year_index(year), :].sum(axis=1)


@dataclass(frozen=True, eq=False)
class OverviewTotals:
    """run_overview_totals: what the Sverige page shows of a run, without the sectors."""

    base: OverviewBase
    years: np.ndarray  # (T,)
    ghg_totals: np.ndarray  # (n, T) t CO2e, BECCS not included
    fossil_fuel_co2_2030: np.ndarray  # (n,) t
    budget_t: np.ndarray  # (n,) the budgets used
    exhausted_year: np.ndarray  # (n,) float, NaN when not exhausted by 2050

    def totals(self, year: int) -> np.ndarray:
        """Total GHG (t CO2e) of every municipality in a scenario year."""
        return self.ghg_totals[:, int(np.nonzero(self.years == year)[0][0])]


def fossil_fuel_co2_2030(result: OverviewResult) -> np.ndarray:
    """Fossil-fuel CO2 in 2030 (t) for every municipality: the one place that defines it
    (the core's fossil-fuel CO2, what its fossil-fuel-free verdict counts)."""
    return result.fossil_fuel_co2[:, result.year_index(TARGET_YEAR), :].sum(axis=1)


def overview_base(tables: Tables, codes: list[str] | None = None) -> OverviewBase:
    """Every runnable municipality (or `codes`) with the most common base year."""
    codes = sorted(codes if codes is not None else runnable_codes(tables))
    datas = [build_municipality_data(tables, code) for code in codes]
    base_year = int(pd.Series([d.base_year for d in datas]).mode().iloc[0])
    # One year axis for all: a municipality whose statistics end in another year (an import
    # of a newer release for it alone) is left out until the others catch up.
    datas = [d for d in datas if d.base_year == base_year]
    history_years = np.unique(np.concatenate([d.history_years for d in datas]))
    totals = np.zeros((len(datas), len(history_years)))
    for i, d in enumerate(datas):
        totals[i, np.searchsorted(history_years, d.history_years)] = d.history_ghg.sum(axis=1)
    population = np.array([
        d.population[-1] * (1 + d.population_growth) ** (base_year - d.population_years[-1])
        if len(d.population) else np.nan for d in datas])
    counties = tables.municipalities.drop_duplicates("municipality_code").set_index(
        "municipality_code")["county"]
    return OverviewBase(
        datas=tuple(datas),
        batch=prepare_municipalities(datas),
        codes=np.array([d.code for d in datas], dtype=object),
        names=np.array([d.name for d in datas], dtype=object),
        counties=np.array([str(counties.get(d.code, "") or "") for d in datas], dtype=object),
        base_year=base_year,
        history_years=history_years,
        history_totals=totals,
        population_base=population,
        population_growth=np.array([d.population_growth for d in datas]),
        beccs_max=np.array([lever_max(d, BECCS_LEVER) for d in datas]),
        budget_t=np.array([d.budget_t for d in datas]),
        budget_start_year=np.array([d.budget_start_year for d in datas]),
        budget_estimated=np.array([d.budget_is_estimate for d in datas]),
        own_split=np.array([d.transport_split_from_data for d in datas]),
    )


def _exhaustion_years(base: OverviewBase, scenario_years: np.ndarray,
                      scenario_totals: np.ndarray, budget_t: np.ndarray) -> np.ndarray:
    """The year each budget runs out (NaN if not by 2050), as model.budget.budget_outcome."""
    future = scenario_years > base.base_year
    years = np.concatenate([base.history_years, scenario_years[future]])
    path = np.concatenate([base.history_totals, scenario_totals[:, future]], axis=1)
    counted = np.where(years[None, :] >= base.budget_start_year[:, None], path, 0.0)
    cumulative = np.cumsum(counted, axis=1)
    reached = cumulative >= budget_t[:, None]
    first = np.argmax(reached, axis=1)
    out = np.where(reached.any(axis=1), years[first].astype(float), np.nan)
    return np.where(budget_t <= 0, base.budget_start_year.astype(float), out)


def _known(moved: Mapping[str, float] | None) -> dict[str, float]:
    """The moved levers; KeyError for an unknown lever id."""
    moved = dict(moved or {})
    unknown = sorted(set(moved) - set(LEVERS_BY_ID))
    if unknown:
        raise KeyError(f"Okända spakar: {', '.join(unknown)}")
    return moved


def run_overview(base: OverviewBase, moved: Mapping[str, float] | None = None,
                 budget_t: np.ndarray | None = None) -> OverviewResult:
    """Every municipality under the moved levers (lever id → value), in one run."""
    moved = _known(moved)
    batch = run_municipalities(base.batch, moved)
    budgets = base.budget_t if budget_t is None else np.asarray(budget_t, dtype=float)
    exhausted = _exhaustion_years(base, batch.years, batch.totals, budgets)
    return OverviewResult(base, batch.years, batch.ghg, batch.fossil_fuel_co2, batch.beccs,
                          budgets, exhausted)


def overview_columns(result: OverviewResult | OverviewTotals) -> dict[str, np.ndarray]:
    """The lever-dependent figures of overview_frame as plain arrays (one row per
    municipality; the year of exhaustion as float, NaN when not by 2050): the Sverige page
    builds its table from them without a pandas frame on every lever move."""
    base = result.base
    ghg_2030 = result.totals(TARGET_YEAR)
    h1990 = np.nonzero(base.history_years == 1990)[0]
    ghg_1990 = base.history_totals[:, h1990[0]] if len(h1990) else np.full(base.n, np.nan)
    population_2030 = base.population_base * (1.0 + base.population_growth) ** (
        TARGET_YEAR - base.base_year)
    with np.errstate(divide="ignore", invalid="ignore"):
        change = np.where(ghg_1990 > 0, ghg_2030 / ghg_1990 - 1.0, np.nan)
        per_capita = ghg_2030 / population_2030 * 1000.0
    return {
        "ghg_2030_t": ghg_2030,
        "ghg_change_2030_vs_1990": change,
        "ghg_per_capita_2030_kg": per_capita,
        "fossil_fuel_co2_2030_t": (result.fossil_fuel_co2_2030
                                   if isinstance(result, OverviewTotals)
                                   else fossil_fuel_co2_2030(result)),
        "budget_t": result.budget_t,
        "budget_exhausted_year": result.exhausted_year,
    }


def run_overview_totals(base: OverviewBase, moved: Mapping[str, float] | None = None,
                        budget_t: np.ndarray | None = None) -> OverviewTotals:
    """run_overview's totals, fossil-fuel CO2 in 2030 and years of exhaustion (bitwise the
    same), without the (n, years, sectors) arrays: what a lever move on the Sverige page
    needs (model.batch.run_municipalities_totals)."""
    moved = _known(moved)
    run = run_municipalities_totals(base.batch, moved)
    budgets = base.budget_t if budget_t is None else np.asarray(budget_t, dtype=float)
    exhausted = _exhaustion_years(base, run.years, run.totals, budgets)
    return OverviewTotals(base, run.years, run.totals, run.fossil_fuel_co2_2030, budgets,
                          exhausted)


def overview_frame(result: OverviewResult) -> pd.DataFrame:
    """One row per municipality with the figures the Sverige page and the CLI show."""
    base = result.base
    columns = overview_columns(result)
    return pd.DataFrame({
        "code": base.codes,
        "name": base.names,
        "county": base.counties,
        f"ghg_{base.base_year}_t": base.history_totals[:, -1],
        "ghg_2030_t": columns["ghg_2030_t"],
        "ghg_change_2030_vs_1990": columns["ghg_change_2030_vs_1990"],
        "ghg_per_capita_2030_kg": columns["ghg_per_capita_2030_kg"],
        "fossil_fuel_co2_2030_t": columns["fossil_fuel_co2_2030_t"],
        "budget_t": columns["budget_t"],
        "budget_estimated": base.budget_estimated,
        "budget_exhausted_year": pd.array(
            [None if np.isnan(v) else int(v) for v in columns["budget_exhausted_year"]],
            dtype="Int64"),
    })


def overview_budgets(base: OverviewBase, basis: AllocationBasis | None,
                     principle: str = DEFAULT_PRINCIPLE,
                     emissions_weight: float = DEFAULT_EMISSIONS_WEIGHT) -> np.ndarray:
    """Each municipality's budget: its stated one, else the estimate under a principle."""
    if basis is None:
        return base.budget_t
    allocated = allocated_budgets(basis, principle, emissions_weight)
    values = allocated.reindex(list(base.codes)).to_numpy(dtype=float)
    return np.where(base.budget_estimated & ~np.isnan(values), values, base.budget_t)
