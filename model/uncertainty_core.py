"""The one place where the Monte Carlo meets the emission model: N draws in, N paths out.

``run_draws`` takes one lever setting and, for each uncertain input, an array of N values
(one per draw), and returns every draw's net emissions, fossil CO2 in 2030 and budget
exhaustion date as arrays with a leading draw axis. No Python loop runs over the draws.

It works on the current model core (``model.emissions``): the scenario is run once at the
central values, then each draw scales the parts of that run its inputs act on, using the
same factors the core uses (activity × electric share × fossil fraction of the fuel, sector
by sector). Because the core is multiplicative, that is exact for every factor except the
transport sector's other gases (methane and nitrous oxide, 1–3 % of the sector), which follow
the draws' activity weighted by each sub-sector's fossil CO2. With every input at its central
value the draws reproduce ``run_scenario`` exactly (tested). When the batch core lands
(``model.batch``), this module is what changes; its interface does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from model.budget import BudgetSettings
from model.data import MunicipalityData, diesel_shares
from model.levers import TARGET_YEAR, Levers
from model.paths import car_electric_share, lever_paths, reference_paths
from model.scenario import FOSSIL_FREE_TOLERANCE_T, run_scenario
from model.sectors import AGRICULTURE, MACHINERY, SECTORS, TRANSPORT, TRANSPORT_SUBSECTORS

_CARS, _HEAVY, _LIGHT, _BUSES, _AVIATION, _OTHER = range(len(TRANSPORT_SUBSECTORS))
NOT_EXHAUSTED = np.inf  # an exhaustion date for a budget that lasts past the last year


@dataclass(frozen=True, eq=False)
class DrawOutcome:
    """Every draw's result; arrays have the draws on the first axis."""

    years: np.ndarray  # scenario years, base year first (T,)
    net: np.ndarray  # (n, T) t CO2e, BECCS included
    fossil_co2_2030: np.ndarray  # (n,) t CO2
    fossil_free_2030: np.ndarray  # (n,) bool, the same test as the key figure
    exhausted_date: np.ndarray  # (n,) year + (month − 0.5)/12; inf if it lasts past 2050
    exhausted_year: np.ndarray  # (n,) int; 0 if not exhausted
    exhausted_month: np.ndarray  # (n,) 1–12; 0 if not exhausted


def neutral_values(data: MunicipalityData) -> dict[str, float]:
    """The value of each input the model uses when nothing is uncertain."""
    values = {f"ned_revision_{i}": 0.0 for i in range(len(SECTORS))}
    values.update(
        fleet_renewal_factor=1.0,
        phev_electric_share=float(data.parameters["phev_electric_share"]),
        car_mileage_trend=0.0,
        population_growth_shift=0.0,
        freight_traffic_growth=0.0,
        biofuel_tailpipe_factor=1.0,
        beccs_capture_factor=1.0,
        beccs_start_shift=0.0,
        agri_ef_enteric=1.0,
        agri_ef_soils=1.0,
    )
    return values


KNOWN_INPUTS: frozenset[str] = frozenset(
    [f"ned_revision_{i}" for i in range(len(SECTORS))]
    + ["fleet_renewal_factor", "phev_electric_share", "car_mileage_trend",
       "population_growth_shift", "freight_traffic_growth", "biofuel_tailpipe_factor",
       "beccs_capture_factor", "beccs_start_shift", "agri_ef_enteric", "agri_ef_soils"]
)


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, 0 where the denominator is 0 (nothing left to scale)."""
    return numerator / np.where(denominator == 0.0, np.inf, denominator)  # x / inf = 0


def _power(base: np.ndarray, exponent: np.ndarray) -> np.ndarray:
    """base ** exponent for positive bases, as exp(log): twice as fast as numpy's pow."""
    return np.exp(np.log(np.maximum(base, 1e-300)) * exponent)


def _remaining(path_pct: np.ndarray) -> np.ndarray:
    """(1 − share(t)) / (1 − share(base)) along the last axis, as in the core."""
    remaining = 1.0 - path_pct / 100.0
    return _ratio(remaining, np.broadcast_to(remaining[..., :1], remaining.shape))


def _car_electric_paths(
    data: MunicipalityData, levers: Levers, paths: Mapping[str, np.ndarray],
    renewal_factor: np.ndarray, phev_share: np.ndarray,
) -> np.ndarray:
    """Electric share of car driving (%) per draw: the trend moves, the lever's target holds.

    The reference trend is recomputed with each draw's renewal rate and plug-in hybrid
    electric share, scaled as the core scales it (to hit the rounded 2030 value). Its
    deviation from the central trend counts in proportion to the room the lever leaves the
    trend: none when the lever asks for 100 % electric driving.
    """
    ref = reference_paths(data)
    years = ref.years
    p = data.parameters
    raw_2030 = float(car_electric_share(data, np.array([TARGET_YEAR]))[0]) * 100.0
    scale = ref.levers.el_personbilar / raw_2030 if raw_2030 else 1.0
    fleet_total = p["car_fleet_total"]
    fleet_share = (p["car_fleet_bev"] + phev_share * p["car_fleet_phev"]) / fleet_total
    new_share = p["new_car_bev_share"] + phev_share * p["new_car_phev_share"]
    renewal = np.clip(p["fleet_renewal_rate"] * renewal_factor, 0.0, 1.0)
    drawn = new_share - (new_share - fleet_share) * _power(1.0 - renewal,
                                                           years - p["car_fleet_year"])
    drawn_ref = drawn * 100.0 * scale
    central_ref = ref.paths["el_personbilar"]
    central = paths["el_personbilar"]
    room = _ratio(100.0 - central, np.maximum(100.0 - central_ref, 0.0))
    return np.clip(central + (drawn_ref - central_ref) * np.clip(room, 0.0, 1.0), 0.0, 100.0)


def _column(values: Mapping[str, np.ndarray], name: str, default: float, n: int) -> np.ndarray:
    """One input's draws as a column (n, 1), or its neutral value for every draw."""
    if name not in values:
        return np.full((n, 1), default)
    return np.asarray(values[name], dtype=float).reshape(n, 1)


def run_draws(
    data: MunicipalityData, levers: Levers, budget: BudgetSettings,
    values: Mapping[str, np.ndarray],
) -> DrawOutcome:
    """Run N draws of the uncertain inputs through the model as one batch.

    ``values`` maps input ids (see ``KNOWN_INPUTS``) to arrays of shape (n,); an input not
    given stays at its neutral value. Unknown ids raise KeyError.
    """
    unknown = set(values) - KNOWN_INPUTS
    if unknown:
        raise KeyError(f"Okända osäkra indata: {', '.join(sorted(unknown))}")
    n = len(next(iter(values.values()))) if values else 1
    neutral = neutral_values(data)

    def col(name: str) -> np.ndarray:
        return _column(values, name, neutral[name], n)

    central = run_scenario(data, levers, budget)
    traj = central.trajectory
    paths = lever_paths(data, levers)
    years = traj.years
    elapsed = (years - data.base_year)[None, :]
    target = int(np.nonzero(years == TARGET_YEAR)[0][0])
    revision = np.hstack([col(f"ned_revision_{i}") for i in range(len(SECTORS))])  # (n, 9)
    level = 1.0 + revision
    special = [SECTORS.index(s) for s in (TRANSPORT, MACHINERY, AGRICULTURE)]
    # Sectors no input acts on but the revision: a (n, 9) @ (9, T) product.
    plain_ghg, plain_fossil = traj.ghg.copy(), traj.fossil_co2[target].copy()
    plain_ghg[:, special] = 0.0
    plain_fossil[special] = 0.0
    totals = level @ plain_ghg.T
    fossil_2030 = level @ plain_fossil

    # The fuels' fossil fraction, relative to the base year, with each draw's biofuel factor.
    bio = col("biofuel_tailpipe_factor")
    petrol_c, diesel_c = paths["reduktionsplikt_bensin"], paths["reduktionsplikt_diesel"]
    petrol_d = _remaining(np.clip(petrol_c[None, :] * bio, 0.0, 100.0))  # (n, T)
    diesel_d = _remaining(np.clip(diesel_c[None, :] * bio, 0.0, 100.0))
    petrol_r, diesel_r = _remaining(petrol_c), _remaining(diesel_c)

    def fuel_ratio(diesel_share: float) -> np.ndarray:
        drawn = diesel_share * diesel_d + (1.0 - diesel_share) * petrol_d
        return _ratio(drawn, (diesel_share * diesel_r + (1.0 - diesel_share) * petrol_r)[None, :])

    # Transport, sub-sector by sub-sector: activity and electric share, then the fuel.
    electric = _car_electric_paths(data, levers, paths, col("fleet_renewal_factor"),
                                   col("phev_electric_share"))
    cars = _power((1.0 + col("car_mileage_trend") / 100.0)
                  * (1.0 + col("population_growth_shift") / 100.0), elapsed)
    freight = _power(1.0 + col("freight_traffic_growth") / 100.0, elapsed)
    activity = {
        _CARS: cars * _ratio(_remaining(electric), _remaining(paths["el_personbilar"])[None, :]),
        _HEAVY: freight,
        _LIGHT: freight,
    }
    d = diesel_shares(data.parameters)
    central_sub = traj.transport_fossil_co2  # (T, 6)
    transport_fossil = np.zeros((n, len(years)))
    transport_activity = np.zeros((n, len(years)))
    for k in range(len(TRANSPORT_SUBSECTORS)):
        part = central_sub[None, :, k] * activity.get(k, 1.0)
        transport_activity += part
        transport_fossil += part if k == _AVIATION else part * fuel_ratio(float(d[k]))
    t_idx = SECTORS.index(TRANSPORT)
    other_gases = traj.ghg[:, t_idx] - traj.fossil_co2[:, t_idx]
    activity_share = _ratio(transport_activity, central_sub.sum(axis=1)[None, :])
    activity_share = np.where(central_sub.sum(axis=1)[None, :] == 0.0, 1.0, activity_share)
    t_level = level[:, t_idx:t_idx + 1]
    totals += (transport_fossil + other_gases[None, :] * activity_share) * t_level
    fossil_2030 += transport_fossil[:, target] * t_level[:, 0]

    m_idx = SECTORS.index(MACHINERY)
    m_level = level[:, m_idx:m_idx + 1]
    machines_fossil = traj.fossil_co2[None, :, m_idx] * fuel_ratio(
        float(data.parameters["diesel_share_arbetsmaskiner"]))
    machines_other = (traj.ghg[:, m_idx] - traj.fossil_co2[:, m_idx])[None, :]
    totals += (machines_fossil + machines_other) * m_level
    fossil_2030 += machines_fossil[:, target] * m_level[:, 0]

    a_idx = SECTORS.index(AGRICULTURE)  # no fossil CO2 (liming is mineral)
    base_agri = data.base_ghg[a_idx]
    ruminant_share = data.parameters["ruminant_share_of_agriculture"]
    ruminants = base_agri * ruminant_share * np.maximum(1.0 + paths["idisslare"] / 100.0, 0.0)
    soils = base_agri * (1.0 - ruminant_share) * (1.0 - paths["jordbruk_atgarder"] / 100.0)
    totals += (ruminants[None, :] * col("agri_ef_enteric")
               + soils[None, :] * col("agri_ef_soils")) * level[:, a_idx:a_idx + 1]

    start = paths["beccs_start"][None, :] + col("beccs_start_shift")
    running = np.clip(years[None, :] - start + 1.0, 0.0, 1.0)
    beccs = -paths["beccs_kt"][None, :] * 1000.0 * col("beccs_capture_factor") * running

    net = totals + beccs
    counted = net if budget.count_beccs else totals
    exhausted_year, exhausted_month = _exhaustion(data, budget, years, counted)
    date = np.where(exhausted_year > 0, exhausted_year + (exhausted_month - 0.5) / 12.0,
                    NOT_EXHAUSTED)
    return DrawOutcome(years, net, fossil_2030, fossil_2030 < FOSSIL_FREE_TOLERANCE_T, date,
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
