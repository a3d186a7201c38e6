"""The uncertainty of a scenario over the shipped uncertain inputs, kept per input.

The page, its exports and the comparison share these results, so they live here, beside
the reading of the inputs (store/csv_tables.py), where both ui/ and exports/ may import
them; the sentences about them are presentation/uncertainty_summary.py.

The results are kept in module-level LRUs keyed on the inputs (municipality data, levers,
budget): only the model's own numbers for the inputs, no user text, nothing per session.
"""

from __future__ import annotations

from functools import lru_cache

from model.budget import BudgetSettings
from model.data import MunicipalityData
from model.levers import Levers
from model.scenario import ScenarioResult
from model.uncertainty import DEFAULT_SEED, Tornado, UncertaintyResult, run_uncertainty, tornado
from store.csv_tables import uncertain_inputs

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
