"""The one place where the Monte Carlo meets the emission model: N draws in, N paths out.

``run_draws`` takes one lever setting and, for each uncertain input, an array of N values
(one per draw), and returns every draw's net emissions, fossil-fuel CO2 in 2030 and budget
exhaustion date as arrays with a leading draw axis. No Python loop runs over the draws.

It calls the model's batch entry point once (``model.batch.run_batch_totals``: run_batch's
totals, fossil-fuel CO2 in 2030, transport sub-sectors and BECCS, without the per-sector
arrays the Monte Carlo does not read):

* model parameters (car lifetime and fleet renewal, plug-in hybrids' electric share,
  biofuels' lifecycle savings, BECCS capture rate and availability) go in as (n,) arrays;
* the revision of the statistics goes in as ``base_scale`` (n, 9): every sector is linear
  in its base-year emissions, so this is exact;
* BECCS's start goes in as the ``beccs_start`` lever per draw (shifted, kept in range).

Three inputs have no model parameter and are applied to the batch's output: distance per
car and population growth (car traffic) and truck traffic growth scale the sub-sectors'
fossil CO2 (exact: fossil CO2 is linear in activity; their methane and nitrous oxide, about
1–3 % of transport, are left as they are), and agriculture's emission factors scale the
ruminants' and the soils' parts of agriculture (the same split the core makes). With every
input at its central value the draws reproduce ``run_scenario`` exactly (tested).

What follows from the draws alone (the parameters as FrozenParameters, the revision, the
traffic growth factors) is ``prepare_draws``: made once per sample and municipality
(model.uncertainty keeps it), so a lever move runs only what the levers change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from model.batch import run_batch_totals
from model.budget import BudgetSettings
from model.data import MunicipalityData
from model.emissions import part_factors
from model.levers import TARGET_YEAR, Levers, lever_with_effect
from model.local_levers import lever_max
from model.paths import FrozenParameters, frozen_parameter_view, lever_paths, reference_paths
from model.scenario import FOSSIL_FREE_TOLERANCE_T
from model.sectors import AGRICULTURE, PART_RUMINANTS, PART_SOILS, SECTORS, TRANSPORT_SUBSECTORS

_CARS, _HEAVY, _LIGHT = (TRANSPORT_SUBSECTORS.index(s)
                         for s in ("Personbilar", "Tunga lastbilar", "Lätta lastbilar"))
NOT_EXHAUSTED = np.inf  # an exhaustion date for a budget that lasts past the last year
# Uncertain inputs that are model parameters (data/parameters.csv), passed as they are.
MODEL_PARAMETERS: tuple[str, ...] = (
    "car_lifetime_years", "phev_electric_share", "biofuel_saving_petrol",
    "biofuel_saving_diesel", "beccs_capture_rate_max", "beccs_availability",
)


@dataclass(frozen=True, eq=False)
class DrawOutcome:
    """Every draw's result; arrays have the draws on the first axis."""

    years: np.ndarray  # scenario years, base year first (T,)
    net: np.ndarray  # (n, T) t CO2e, BECCS included
    fossil_co2_2030: np.ndarray  # (n,) t CO2 from fossil fuels (the verdict's measure)
    fossil_free_2030: np.ndarray  # (n,) bool, the same test as the key figure
    exhausted_date: np.ndarray  # (n,) year + (month − 0.5)/12; inf if it lasts past 2050
    exhausted_year: np.ndarray  # (n,) int; 0 if not exhausted
    exhausted_month: np.ndarray  # (n,) 1–12; 0 if not exhausted


def neutral_values(data: MunicipalityData) -> dict[str, float]:
    """The value of each input the model uses when nothing is uncertain."""
    values = {f"ned_revision_{i}": 0.0 for i in range(len(SECTORS))}
    values.update({name: float(data.parameters[name]) for name in MODEL_PARAMETERS})
    values.update(
        fleet_renewal_factor=1.0,
        car_mileage_trend=0.0,
        population_growth_shift=0.0,
        freight_traffic_growth=0.0,
        beccs_start_shift=0.0,
        agri_ef_enteric=1.0,
        agri_ef_soils=1.0,
    )
    return values


KNOWN_INPUTS: frozenset[str] = frozenset(
    [f"ned_revision_{i}" for i in range(len(SECTORS))] + list(MODEL_PARAMETERS)
    + ["fleet_renewal_factor", "car_mileage_trend", "population_growth_shift",
       "freight_traffic_growth", "beccs_start_shift", "agri_ef_enteric", "agri_ef_soils"]
)


def _growth(rate_pct: np.ndarray, elapsed: np.ndarray) -> np.ndarray:
    """(1 + rate)^elapsed for (n,) rates in per cent a year: (n, years), as exp(log)."""
    return np.exp(np.log1p(rate_pct[:, None] / 100.0) * elapsed[None, :])


@dataclass(frozen=True, eq=False)
class PreparedDraws:
    """What follows from the draws alone, made once per sample and municipality: every lever
    setting reuses it (a lever move then runs only what the levers change)."""

    data: MunicipalityData
    n: int
    given: frozenset[str]  # the inputs the draws give (others are at their neutral value)
    parameters: FrozenParameters  # the model's parameters with the drawn ones, (n, 1)
    beccs_shift: np.ndarray | None  # (n,) years added to the BECCS start, if drawn
    level: np.ndarray  # (n, 9) the statistics' revision as a factor by sector
    car_growth: np.ndarray  # (n, T) car traffic's growth factor − 1
    freight_growth: np.ndarray  # (n, T) truck traffic's growth factor − 1
    enteric: np.ndarray  # (n, 1) ruminants' emission factor − 1
    soils: np.ndarray  # (n, 1) soils' emission factor − 1
    level_agriculture: np.ndarray  # (n, 1) agriculture's column of level


def prepare_draws(data: MunicipalityData, values: Mapping[str, np.ndarray]) -> PreparedDraws:
    """The lever-independent part of run_draws for N draws (see run_draws for ``values``);
    keep it to run the same draws with many lever settings. Unknown ids raise KeyError."""
    unknown = set(values) - KNOWN_INPUTS
    if unknown:
        raise KeyError(f"Okända osäkra indata: {', '.join(sorted(unknown))}")
    n = len(next(iter(values.values()))) if values else 1
    neutral = neutral_values(data)

    def col(name: str) -> np.ndarray:
        if name not in values:
            return np.full(n, neutral[name])
        return np.asarray(values[name], dtype=float).reshape(n)

    parameters = {name: col(name) for name in MODEL_PARAMETERS if name in values}
    if "fleet_renewal_factor" in values:
        parameters["fleet_renewal_rate"] = (float(data.parameters["fleet_renewal_rate"])
                                            * col("fleet_renewal_factor"))
    level = 1.0 + np.stack([col(f"ned_revision_{i}") for i in range(len(SECTORS))], axis=1)
    elapsed = (reference_paths(data).years - data.base_year).astype(float)
    a = SECTORS.index(AGRICULTURE)
    prepared = PreparedDraws(
        data=data, n=n, given=frozenset(values),
        parameters=frozen_parameter_view(data, parameters),
        beccs_shift=col("beccs_start_shift") if "beccs_start_shift" in values else None,
        level=level,
        car_growth=(_growth(col("car_mileage_trend"), elapsed)
                    * _growth(col("population_growth_shift"), elapsed) - 1.0),
        freight_growth=_growth(col("freight_traffic_growth"), elapsed) - 1.0,
        enteric=col("agri_ef_enteric")[:, None] - 1.0,
        soils=col("agri_ef_soils")[:, None] - 1.0,
        level_agriculture=level[:, a:a + 1],
    )
    for array in (prepared.beccs_shift, level, prepared.car_growth,
                  prepared.freight_growth, prepared.enteric, prepared.soils):
        if array is not None:
            array.flags.writeable = False  # kept and shared between runs
    return prepared


def run_draws(
    data: MunicipalityData, levers: Levers, budget: BudgetSettings,
    values: Mapping[str, np.ndarray] | PreparedDraws,
) -> DrawOutcome:
    """Run N draws of the uncertain inputs through the model as one batch.

    ``values`` maps input ids (see ``KNOWN_INPUTS``) to arrays of shape (n,); an input not
    given stays at its neutral value. Unknown ids raise KeyError. A PreparedDraws (made by
    prepare_draws for the same municipality) gives the same results faster.
    """
    if isinstance(values, PreparedDraws):
        if values.data is not data:
            raise ValueError("The prepared draws are for another municipality.")
        draws = values
    else:
        draws = prepare_draws(data, values)
    lever_values: dict[str, float | np.ndarray] = dict(levers.as_dict())
    if draws.beccs_shift is not None:
        spec = lever_with_effect("beccs_start_year")
        lever_values[spec.id] = np.clip(getattr(levers, spec.id) + draws.beccs_shift,
                                        spec.min, lever_max(data, spec.id))
    level = draws.level
    batch = run_batch_totals(data, lever_values, draws.parameters, base_scale=level)
    years = batch.years
    target = batch.year_index(TARGET_YEAR)

    # Activity with no model parameter: scale the sub-sectors' fossil CO2 (linear in it).
    totals = batch.totals  # the batch's own arrays: changed in place
    fuel_2030 = batch.fossil_fuel_co2_2030
    sub = batch.transport_fossil_co2
    extra = sub[_CARS] * draws.car_growth
    extra += (sub[_HEAVY] + sub[_LIGHT]) * draws.freight_growth
    totals += extra
    fuel_2030 += extra[:, target]

    # Agriculture's emission factors: its ruminants' and its soils' parts, as the core splits.
    factors = part_factors(lever_paths(data, levers))
    a = SECTORS.index(AGRICULTURE)
    share = float(data.parameters["ruminant_share_of_agriculture"])
    ruminants = data.base_ghg[a] * share * factors.get(PART_RUMINANTS, 1.0)
    soils = data.base_ghg[a] * (1.0 - share) * factors.get(PART_SOILS, 1.0)
    totals += (ruminants[None, :] * draws.enteric
               + soils[None, :] * draws.soils) * draws.level_agriculture

    net = totals + batch.beccs
    counted = net if budget.count_beccs else totals
    exhausted_year, exhausted_month = _exhaustion(data, budget, years, counted)
    date = np.where(exhausted_year > 0, exhausted_year + (exhausted_month - 0.5) / 12.0,
                    NOT_EXHAUSTED)
    return DrawOutcome(years, net, fuel_2030, fuel_2030 < FOSSIL_FREE_TOLERANCE_T, date,
                       exhausted_year, exhausted_month)


def _exhaustion(
    data: MunicipalityData, budget: BudgetSettings, years: np.ndarray, counted: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Year and month each draw's cumulative emissions reach the budget (0, 0: never).

    The same arithmetic as model.budget.budget_outcome and exhaustion, for a batch: the
    statistics from the budget's start year, then each draw's scenario after the base year.
    """
    history_totals = data.history_ghg.sum(axis=1)
    in_history = data.history_years >= budget.start_year
    future = years > max(data.base_year, budget.start_year - 1)
    n = counted.shape[0]
    path_years = np.concatenate([data.history_years[in_history], years[future]])
    path = np.hstack([np.broadcast_to(history_totals[in_history], (n, int(in_history.sum()))),
                      counted[:, future]])
    cumulative = np.cumsum(path, axis=1)
    hit = cumulative >= budget.budget_t
    any_hit = hit.any(axis=1)
    k = np.argmax(hit, axis=1)
    rows = np.arange(n)
    before = np.where(k > 0, cumulative[rows, np.maximum(k - 1, 0)], 0.0)
    emitted = path[rows, k]
    fraction = np.where(emitted > 0, (budget.budget_t - before) / np.where(emitted > 0, emitted,
                                                                            1.0), 1.0)
    month = np.clip(np.ceil(fraction * 12.0 - 1e-9), 1, 12).astype(int)
    year = path_years[k].astype(int) if len(path_years) else np.zeros(n, dtype=int)
    return np.where(any_hit, year, 0), np.where(any_hit, month, 0)
