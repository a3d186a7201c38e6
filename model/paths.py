"""Yearly paths of the levers: what a lever value means in each year, base year to 2050.

A lever's value is its 2030 target; its path is how the world gets there and goes on:

* new vehicles (``new_share``): the zero-emission share of new cars, light and heavy trucks
  rises evenly from its 2025 value to the lever's 2030 value, then follows the EU rules
  (100 % new zero-emission cars and vans from 2035; at least 65 % / 90 % of new heavy
  trucks in 2035 / 2040). What emissions see is the electric share of vehicle-km, which
  follows from fleet renewal (model/fleet.py) and cannot jump.
* every other lever: the reference path plus the lever's difference from its reference
  value, phased in linearly to 2030; adoption levers (``continues``) keep the same pace
  after 2030 until 100 %, the others keep the 2030 difference.

All functions take lever values as floats or arrays of shape (n,) (a batch of scenarios),
and parameters from ``parameter_view`` (floats, or arrays with a trailing year axis), so one
call computes many scenarios at once (model/batch.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import numpy as np

from model.data import MunicipalityData, MunicipalityStack
from model.fleet import FleetState, fleet_path
from model.levers import LEVER_SPECS, LEVERS_BY_ID, TARGET_YEAR, Levers, LeverSpec

END_YEAR = 2050
EU_ZERO_EMISSION_YEAR = 2035  # Regulation (EU) 2023/851: 100 % zero-emission new cars and vans
HEAVY_EU_KNOTS = ((2035, 65.0), (2040, 90.0))  # Regulation (EU) 2024/1610, read as shares
PLUGIN_PHASE_OUT_YEAR = 2035  # plug-in hybrids are not zero-emission under the 2035 rule

Params = Mapping[str, "float | np.ndarray"]

# The new-vehicle levers and their fleets (LeverSpec.fleet): lever id → fleet.
FLEETS: dict[str, str] = {spec.id: spec.fleet for spec in LEVER_SPECS if spec.fleet}
# Fleets under the rule of 100 % zero-emission new vehicles from 2035 (Regulation (EU)
# 2023/851); heavy trucks follow HEAVY_EU_KNOTS instead.
ZERO_EMISSION_2035_FLEETS = frozenset({"car", "van"})
CAR_LEVER = next(lever_id for lever_id, fleet in FLEETS.items() if fleet == "car")


def scenario_years(data: MunicipalityData) -> np.ndarray:
    """The base year (last statistics year) through 2050."""
    return np.arange(data.base_year, END_YEAR + 1)


def parameter_view(data: MunicipalityData | MunicipalityStack,
                   overrides: Mapping[str, float | np.ndarray] | None = None) -> Params:
    """The municipality's parameters with overrides; arrays of shape (n,) get a year axis
    (n, 1) so that they broadcast against paths of shape (n, years)."""
    if not overrides:
        return data.parameters
    merged: dict[str, float | np.ndarray] = dict(data.parameters)
    for key, value in overrides.items():
        array = np.asarray(value, dtype=float)
        merged[key] = float(array) if array.ndim == 0 else array[..., None]
    return MappingProxyType(merged)


class FrozenParameters(dict):  # type: ignore[type-arg]
    """A parameter view that cannot change (no item assignment, read-only arrays), made
    once for many runs (a Monte Carlo's draws, frozen_parameter_view): what follows from
    it and from levers that did not move is then kept between runs (model.emissions)."""

    n: int  # the batch size of its arrays (1 if none)

    def _frozen(self, *args: object, **kwargs: object) -> None:
        raise TypeError("FrozenParameters cannot change.")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _frozen  # type: ignore
    __ior__ = _frozen  # type: ignore[assignment]


def frozen_parameter_view(data: MunicipalityData | MunicipalityStack,
                          overrides: Mapping[str, float | np.ndarray]) -> FrozenParameters:
    """parameter_view's numbers as FrozenParameters: every array its own read-only copy."""
    merged: dict[str, float | np.ndarray] = dict(data.parameters)
    sizes = set()
    for key, value in overrides.items():
        array = np.asarray(value, dtype=float)
        if array.ndim == 0:
            merged[key] = float(array)
            continue
        column = np.array(array[..., None])
        column.flags.writeable = False
        merged[key] = column
        sizes.add(array.shape[0])
    if len(sizes) > 1:
        raise ValueError(f"All batch arrays must have the same length; got {sorted(sizes)}.")
    frozen = FrozenParameters(merged)
    frozen.n = sizes.pop() if sizes else 1
    return frozen


def ramp(years: np.ndarray, start: int, target: int = TARGET_YEAR,
         continues: bool = False) -> np.ndarray:
    """0 up to the start year, rising linearly to 1 in the target year; after it 1, or
    (continues) rising at the same pace."""
    span = max(target - start, 1)
    share = (years - start) / span
    return np.maximum(share, 0.0) if continues else np.clip(share, 0.0, 1.0)


def population_growth(data: MunicipalityData) -> float:
    """Yearly population growth: the documented multi-year trend where data/parameters.csv
    has one (population_growth_trend), else the last two known years."""
    trend = data.parameters.get("population_growth_trend")
    return float(trend) if trend is not None else data.population_growth


# The parameters (data/parameters.csv) each fleet reads, by the role they play in it.
FLEET_PARAMETERS: dict[str, dict[str, str]] = {
    "car": {
        "total": "car_fleet_total", "zero_emission": "car_fleet_bev", "plugin": "car_fleet_phev",
        "plugin_electric": "phev_electric_share", "renewal": "fleet_renewal_rate",
        "lifetime": "car_lifetime_years", "mileage_ratio": "car_mileage_ratio_new",
        "new_share": "new_car_bev_share", "new_plugin": "new_car_phev_share",
    },
    "van": {
        "total": "van_fleet_total", "zero_emission": "van_fleet_el",
        "renewal": "van_renewal_rate", "lifetime": "van_lifetime_years",
        "mileage_ratio": "van_mileage_ratio_new", "new_share": "new_van_ze_share",
    },
    "heavy": {
        "total": "heavy_fleet_total", "zero_emission": "heavy_fleet_el",
        "renewal": "heavy_renewal_rate", "lifetime": "heavy_lifetime_years",
        "mileage_ratio": "heavy_mileage_ratio_new", "new_share": "new_heavy_ze_share",
    },
}
FLEET_YEAR_PARAMETER = "car_fleet_year"


def _fleet_kwargs(params: Params, prefix: str) -> dict[str, object]:
    """The stock figures and renewal parameters of one fleet."""
    keys = FLEET_PARAMETERS[prefix]
    kwargs: dict[str, object] = {
        "fleet_year": int(data_year(params)),
        "stock_zero_emission": params[keys["zero_emission"]] / params[keys["total"]],
    }
    if "plugin" in keys:
        kwargs["stock_plugin"] = params[keys["plugin"]] / params[keys["total"]]
        kwargs["plugin_electric"] = params[keys["plugin_electric"]]
    kwargs.update(renewal=params[keys["renewal"]], lifetime=params[keys["lifetime"]],
                  mileage_ratio=params[keys["mileage_ratio"]])
    return kwargs


def fleet_reads_only(params: Params, data: MunicipalityData | MunicipalityStack,
                     lever_id: str) -> bool:
    """True when a parameter view gives the fleet behind a lever exactly the
    municipality's own parameters (its overrides, if any, are for other things)."""
    if params is data.parameters:
        return True
    own = data.parameters
    keys = (*FLEET_PARAMETERS[FLEETS[lever_id]].values(), FLEET_YEAR_PARAMETER)
    return all(params.get(k) is own.get(k) for k in keys)


def data_year(params: Params) -> int:
    """The year of the fleet figures (end of year)."""
    return int(np.asarray(params[FLEET_YEAR_PARAMETER]).ravel()[0])


def new_share_base(params: Params, lever_id: str) -> float | np.ndarray:
    """The zero-emission share of new vehicles in the fleet year (%)."""
    return params[FLEET_PARAMETERS[FLEETS[lever_id]]["new_share"]] * 100.0


def new_share_path(params: Params, lever_id: str, years: np.ndarray,
                   value: float | np.ndarray) -> np.ndarray:
    """Zero-emission share of new vehicles (%) by year for a 2030 value: evenly from the
    fleet year to 2030, then the EU rules (never below them after 2030)."""
    value = np.asarray(value, dtype=float)[..., None]
    start = data_year(params)
    base = new_share_base(params, lever_id)
    up = base + (value - base) * ramp(years, start)
    if FLEETS[lever_id] not in ZERO_EMISSION_2035_FLEETS:
        (y1, s1), (y2, s2) = HEAVY_EU_KNOTS
        k1, k2 = np.maximum(value, s1), np.maximum(value, s2)
        after = np.where(
            years <= y1,
            value + (k1 - value) * (years - TARGET_YEAR) / (y1 - TARGET_YEAR),
            np.where(years <= y2, k1 + (k2 - k1) * (years - y1) / (y2 - y1), k2),
        )
    else:
        after = value + (100.0 - value) * ramp(years, TARGET_YEAR, EU_ZERO_EMISSION_YEAR)
    return np.clip(np.where(years > TARGET_YEAR, after, up), 0.0, 100.0)


def fleet_state(params: Params, lever_id: str, years: np.ndarray,
                value: float | np.ndarray) -> FleetState:
    """The fleet behind a new-vehicle lever: shares of new vehicles, stock and driving."""
    prefix = FLEETS[lever_id]
    kwargs = _fleet_kwargs(params, prefix)
    new = new_share_path(params, lever_id, years, value) / 100.0
    new_plugin = FLEET_PARAMETERS[prefix].get("new_plugin")
    if new_plugin is not None:
        start = data_year(params)
        fading = 1.0 - ramp(years, start, PLUGIN_PHASE_OUT_YEAR)
        kwargs["new_plugin"] = params[new_plugin] * fading
    return fleet_path(years, new, **kwargs)  # type: ignore[arg-type]


def _obligation_pct(data: MunicipalityData, years: np.ndarray, levels: np.ndarray) -> np.ndarray:
    """Decided obligation levels (%) by year; the last decided level holds after."""
    idx = np.searchsorted(data.obligation_years, years, side="right") - 1
    values = levels[np.clip(idx, 0, None)] * 100.0
    return np.where(idx < 0, 0.0, values)


def reference_path(spec: LeverSpec, data: MunicipalityData, years: np.ndarray) -> np.ndarray:
    """The lever's path without new local decisions, in the lever's unit (not for
    new_share levers, whose path comes from the value itself)."""
    base_year = data.base_year
    elapsed = (years - base_year) / (TARGET_YEAR - base_year)
    if spec.path == "population":
        return ((1.0 + population_growth(data)) ** (years - base_year) - 1.0) * 100.0
    if spec.path == "obligation":
        levels = (data.obligation_petrol if spec.effect == "obligation_petrol"
                  else data.obligation_diesel)
        return _obligation_pct(data, years, levels)
    if spec.path == "linear":
        path = spec.base + (spec.reference - spec.base) * elapsed
        return np.clip(path, 0.0, 100.0)
    if spec.path == "exponential":
        return (1.0 - (1.0 - spec.reference / 100.0) ** np.maximum(elapsed, 0.0)) * 100.0
    if spec.path == "hold":
        return spec.base + (spec.reference - spec.base) * ramp(years, base_year)
    return np.full(len(years), spec.reference, dtype=float)


def _ramp_start(spec: LeverSpec, data: MunicipalityData) -> int:
    if spec.path == "obligation":  # years already decided by law are not a lever
        return max(int(data.obligation_years[-1]), data.base_year)
    return data.base_year


@dataclasses.dataclass(frozen=True, eq=False)
class ReferencePaths:
    """Reference paths and phase-in ramps of every lever for one municipality."""

    years: np.ndarray
    paths: dict[str, np.ndarray]
    ramps: dict[str, np.ndarray]
    levers: Levers


def _derived_reference(spec: LeverSpec, data: MunicipalityData, years: np.ndarray) -> float:
    """Reference values that depend on the municipality (rounded to whole slider steps)."""
    if FLEETS.get(spec.id) in ZERO_EMISSION_2035_FLEETS:
        base = float(new_share_base(data.parameters, spec.id))
        start = data_year(data.parameters)
        share = (TARGET_YEAR - start) / (EU_ZERO_EMISSION_YEAR - start)
        return float(round(base + (100.0 - base) * share))
    raw = float(reference_path(spec, data, np.array([TARGET_YEAR]))[0])
    return float(round(raw))


@dataclasses.dataclass(frozen=True, eq=False)
class StackedReference:
    """Reference paths of several municipalities (a MunicipalityStack), stacked once so that
    every run of all of them reuses them: paths (n, years), values (n,) by lever id."""

    years: np.ndarray
    paths: dict[str, np.ndarray]
    ramps: dict[str, np.ndarray]  # (years,), the same for all (one base year)
    values: dict[str, np.ndarray]


def stack_reference_paths(datas: tuple[MunicipalityData, ...] | list[MunicipalityData]
                          ) -> StackedReference:
    """Each municipality's reference paths and lever values on a leading axis n (for
    model.data.stack_municipalities' stack of the same municipalities)."""
    refs = [reference_paths(d) for d in datas]
    first = refs[0]
    if any(not np.array_equal(r.years, first.years)
           or any(not np.array_equal(r.ramps[k], v) for k, v in first.ramps.items())
           for r in refs):
        raise ValueError("The municipalities' reference paths have different year axes.")
    return StackedReference(
        years=first.years,
        paths={k: np.stack([r.paths[k] for r in refs]) for k in first.paths},
        ramps=dict(first.ramps),
        values={spec.id: np.array([float(getattr(r.levers, spec.id)) for r in refs])
                for spec in LEVER_SPECS},
    )


@lru_cache(maxsize=32)
def reference_paths(data: MunicipalityData) -> ReferencePaths:
    """Computed once per municipality: every scenario run reuses them."""
    years = scenario_years(data)
    derived = {
        spec.id: _derived_reference(spec, data, years)
        for spec in LEVER_SPECS
        if FLEETS.get(spec.id) in ZERO_EMISSION_2035_FLEETS or spec.path == "population"
    }
    levers = dataclasses.replace(Levers(), **derived)
    paths: dict[str, np.ndarray] = {}
    ramps: dict[str, np.ndarray] = {}
    target_index = int(np.nonzero(years == TARGET_YEAR)[0][0])
    for spec in LEVER_SPECS:
        ramps[spec.id] = ramp(years, _ramp_start(spec, data), continues=spec.continues)
        if spec.path == "new_share":
            continue
        path = reference_path(spec, data, years)
        if spec.path == "population":
            # Users see whole per cent on the slider, so the path is scaled to hit the
            # rounded 2030 value exactly: the lever then says what the model does.
            raw = float(path[target_index])
            if raw != 0.0:
                path = path * (derived[spec.id] / raw)
        paths[spec.id] = path
    for lever_id in FLEETS:
        paths[lever_id] = lever_path_values(data, LEVERS_BY_ID[lever_id],
                                            getattr(levers, lever_id), years=years,
                                            reference=(paths, ramps, levers))
    return ReferencePaths(years, paths, ramps, levers)


def reference_levers(data: MunicipalityData) -> Levers:
    """The levers of the reference scenario ("no new local decisions") for a municipality."""
    return reference_paths(data).levers


def lever_path_values(
    data: MunicipalityData | MunicipalityStack,
    spec: LeverSpec,
    values: float | np.ndarray,
    params: Params | None = None,
    *,
    years: np.ndarray | None = None,
    reference: tuple[dict[str, np.ndarray], dict[str, np.ndarray],
                     Levers | Mapping[str, np.ndarray]] | None = None,
) -> np.ndarray:
    """One lever's yearly path for a value (float → (years,)) or values ((n,) → (n, years)).

    In the lever's unit, except new-vehicle levers: their path is the electric share of
    vehicle-km (%), which is what emissions depend on. A stack of municipalities passes its
    StackedReference's (paths, ramps, values) as `reference` (reference values (n,)).
    """
    if reference is None:
        assert isinstance(data, MunicipalityData), "a stack passes its StackedReference"
        ref = reference_paths(data)
        ref_paths, ref_ramps, ref_levers, years = ref.paths, ref.ramps, ref.levers, ref.years
    else:
        ref_paths, ref_ramps, ref_levers = reference
    assert years is not None
    params = params if params is not None else data.parameters
    values = np.asarray(values, dtype=float)
    if spec.path == "fixed":
        return np.broadcast_to(values[..., None], values.shape + years.shape).astype(float)
    if spec.path == "new_share":
        return fleet_state(params, spec.id, years, values).electric_km * 100.0
    own = (ref_levers[spec.id] if isinstance(ref_levers, Mapping)
           else getattr(ref_levers, spec.id))
    shift = values[..., None] - np.asarray(own, dtype=float)[..., None]
    path = ref_paths[spec.id] + shift * ref_ramps[spec.id]
    if spec.min < 0:  # a change in per cent: activity cannot fall below zero
        return np.maximum(path, -100.0)
    return np.clip(path, 0.0, 100.0)


def lever_path(data: MunicipalityData, spec: LeverSpec, value: float) -> np.ndarray:
    """One lever's yearly path for a value (see lever_path_values); cached per value, since
    a rerun after one slider move only changes one lever (the array is read-only)."""
    return _cached_path(data, spec.id, float(value))


@lru_cache(maxsize=8192)
def _cached_path(data: MunicipalityData, lever_id: str, value: float) -> np.ndarray:
    if lever_id in FLEETS:
        path = cached_fleet_state(data, lever_id, value).electric_km * 100.0
    else:
        path = np.array(lever_path_values(data, LEVERS_BY_ID[lever_id], value))
    path.flags.writeable = False
    return path


@lru_cache(maxsize=1024)
def cached_fleet_state(data: MunicipalityData, lever_id: str, value: float) -> FleetState:
    """fleet_state with the municipality's own parameters, cached per value (read-only)."""
    state = fleet_state(data.parameters, lever_id, reference_paths(data).years, value)
    for array in dataclasses.astuple(state):
        array.flags.writeable = False
    return state


def lever_paths(data: MunicipalityData, levers: Levers) -> dict[str, np.ndarray]:
    """Every lever's yearly path for the scenario."""
    return {spec.id: lever_path(data, spec, getattr(levers, spec.id)) for spec in LEVER_SPECS}


def lever_paths_batch(
    data: MunicipalityData | MunicipalityStack,
    values: Mapping[str, float | np.ndarray],
    params: Params | None = None,
    stacked: StackedReference | None = None,
) -> dict[str, np.ndarray]:
    """Every lever's path for a batch: values by lever id (float or (n,)), missing levers at
    the municipality's reference. Shapes broadcast to (n, years) where any input is (n,):
    a lever given as a float, whose path no overridden parameter changes, keeps one path
    (years,) for the whole batch (the cached lever_path), which the core broadcasts.

    For a MunicipalityStack, pass its `stacked` reference: row i is then municipality i,
    with its own reference paths, parameters and (for missing levers) reference values.
    """
    return paths_and_fleets(data, values, params, stacked)[0]


def paths_and_fleets(
    data: MunicipalityData | MunicipalityStack,
    values: Mapping[str, float | np.ndarray],
    params: Params | None = None,
    stacked: StackedReference | None = None,
) -> tuple[dict[str, np.ndarray], dict[str, FleetState]]:
    """lever_paths_batch, and the fleet behind each new-vehicle lever (FLEETS) on the way."""
    params = params if params is not None else data.parameters
    if stacked is None:
        assert isinstance(data, MunicipalityData), "a stack needs its StackedReference"
        ref = reference_paths(data)
        years, paths, ramps = ref.years, ref.paths, ref.ramps
        own: Levers | Mapping[str, np.ndarray] = ref.levers
        defaults = {spec.id: getattr(ref.levers, spec.id) for spec in LEVER_SPECS}
    else:
        years, paths, ramps, own = stacked.years, stacked.paths, stacked.ramps, stacked.values
        defaults = stacked.values
    out: dict[str, np.ndarray] = {}
    fleets: dict[str, FleetState] = {}
    own_params = params is data.parameters
    for spec in LEVER_SPECS:
        value = values.get(spec.id, defaults[spec.id])
        if stacked is not None and own_params and value is defaults[spec.id]:
            # A lever left at every municipality's own reference: the same path on every
            # run of this stack, kept read-only (so the factors made from it are kept too).
            out[spec.id], fleet = _stacked_reference_path(data, stacked, spec.id)
            if fleet is not None:
                fleets[spec.id] = fleet
            continue
        if spec.id in FLEETS:
            if _fleet_cached(data, params, spec.id, value):
                fleets[spec.id] = cached_fleet_state(data, spec.id, float(value))  # type: ignore
                out[spec.id] = lever_path(data, spec, float(value))  # type: ignore[arg-type]
            else:
                fleets[spec.id] = fleet_state(params, spec.id, years, value)
                out[spec.id] = fleets[spec.id].electric_km * 100.0
        elif stacked is None and np.ndim(value) == 0:
            out[spec.id] = lever_path(data, spec, float(value))  # type: ignore[arg-type]
        else:
            out[spec.id] = lever_path_values(data, spec, value, params, years=years,
                                             reference=(paths, ramps, own))
    return out, fleets


@lru_cache(maxsize=64)  # every lever of the overview's stack and of one rebuilt after an import
def _stacked_reference_path(data: MunicipalityData | MunicipalityStack,
                            stacked: StackedReference, lever_id: str
                            ) -> tuple[np.ndarray, FleetState | None]:
    """A stack's path (and fleet) for a lever at each municipality's reference value, with
    the stack's own parameters: what paths_and_fleets computes for it, computed once per
    stack (both are built once and never change) and read-only. A run of all 290 with one
    lever moved then recomputes that lever's path only, not the other sixteen."""
    spec = LEVERS_BY_ID[lever_id]
    value = stacked.values[lever_id]
    fleet = None
    if lever_id in FLEETS:
        fleet = fleet_state(data.parameters, lever_id, stacked.years, value)
        fleet = FleetState(*(_owned_read_only(a) for a in dataclasses.astuple(fleet)))
        path = fleet.electric_km * 100.0
    else:
        path = lever_path_values(data, spec, value, data.parameters, years=stacked.years,
                                 reference=(stacked.paths, stacked.ramps, stacked.values))
    return _owned_read_only(path), fleet


def _owned_read_only(array: np.ndarray) -> np.ndarray:
    """A read-only array that owns its data (a copy where it is a view)."""
    out = np.array(array) if not array.flags.owndata else array
    out.flags.writeable = False
    return out


def _fleet_cached(data: MunicipalityData | MunicipalityStack, params: Params, lever_id: str,
                  value: float | np.ndarray) -> bool:
    """True where the fleet is the cached one: one municipality, one value, and only the
    municipality's own parameters for the fleet."""
    return (isinstance(data, MunicipalityData) and np.ndim(value) == 0
            and fleet_reads_only(params, data, lever_id))
