"""Yearly paths of the levers: the reference path, and a lever's shift from it.

A lever's value is its 2030 target. Its path is the reference path plus the difference between
the value and the lever's reference value, phased in linearly from the base year (or from the
last decided year) to 2030 and kept after 2030. So the reference levers give the reference
path exactly, and a larger lever value never gives a lower path in any year.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import numpy as np

from model.data import MunicipalityData
from model.levers import LEVER_SPECS, TARGET_YEAR, Levers, LeverSpec

END_YEAR = 2050


def scenario_years(data: MunicipalityData) -> np.ndarray:
    """The base year (last statistics year) through 2050."""
    return np.arange(data.base_year, END_YEAR + 1)


def ramp(years: np.ndarray, start: int, target: int = TARGET_YEAR) -> np.ndarray:
    """0 up to the start year, rising linearly to 1 in the target year, 1 after."""
    span = max(target - start, 1)
    return np.clip((years - start) / span, 0.0, 1.0)


def car_electric_share(data: MunicipalityData, years: np.ndarray) -> np.ndarray:
    """Electric share of car vehicle-km from fleet turnover, as a fraction.

    The fleet (end of car_fleet_year) gives today's electric share of driving: battery cars and the
    electric part of plug-in hybrids. Each year a fixed share of the fleet is replaced by new
    cars with today's electric share of new cars, so the fleet approaches that share.
    """
    p = data.parameters
    phev_electric = p["phev_electric_share"]
    fleet_share = (p["car_fleet_bev"] + phev_electric * p["car_fleet_phev"]) / p["car_fleet_total"]
    new_share = p["new_car_bev_share"] + phev_electric * p["new_car_phev_share"]
    renewal = p["fleet_renewal_rate"]
    fleet_year = p["car_fleet_year"]
    return new_share - (new_share - fleet_share) * (1.0 - renewal) ** (years - fleet_year)


def _obligation_pct(data: MunicipalityData, years: np.ndarray, levels: np.ndarray) -> np.ndarray:
    """Decided obligation levels (%) by year; the last decided level holds after."""
    idx = np.searchsorted(data.obligation_years, years, side="right") - 1
    values = levels[np.clip(idx, 0, None)] * 100.0
    return np.where(idx < 0, 0.0, values)


def reference_path(spec: LeverSpec, data: MunicipalityData, years: np.ndarray) -> np.ndarray:
    """The lever's path without new local decisions, in the lever's unit."""
    base_year = data.base_year
    elapsed = (years - base_year) / (TARGET_YEAR - base_year)
    if spec.path == "turnover":
        return car_electric_share(data, years) * 100.0
    if spec.path == "population":
        return ((1.0 + data.population_growth) ** (years - base_year) - 1.0) * 100.0
    if spec.path == "obligation":
        levels = data.obligation_petrol if spec.id.endswith("bensin") else data.obligation_diesel
        return _obligation_pct(data, years, levels)
    if spec.path == "linear":
        path = spec.base + (spec.reference - spec.base) * elapsed
        return np.clip(path, spec.min, spec.max)
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


@lru_cache(maxsize=32)
def reference_paths(data: MunicipalityData) -> ReferencePaths:
    """Computed once per municipality: every scenario run reuses them."""
    years = scenario_years(data)
    paths = {spec.id: reference_path(spec, data, years) for spec in LEVER_SPECS}
    ramps = {spec.id: ramp(years, _ramp_start(spec, data)) for spec in LEVER_SPECS}
    target_index = int(np.nonzero(years == TARGET_YEAR)[0][0])
    derived: dict[str, float] = {}
    for spec in LEVER_SPECS:
        if spec.path not in ("turnover", "population"):
            continue
        # Users see whole per cent on the slider, so the reference path is scaled to hit the
        # rounded 2030 value exactly: the lever then says what the model does.
        raw = float(paths[spec.id][target_index])
        derived[spec.id] = float(round(raw))
        if raw != 0.0:
            paths[spec.id] = paths[spec.id] * (derived[spec.id] / raw)
    return ReferencePaths(years, paths, ramps, dataclasses.replace(Levers(), **derived))


def reference_levers(data: MunicipalityData) -> Levers:
    """The levers of the reference scenario ("no new local decisions") for a municipality."""
    return reference_paths(data).levers


def lever_path(data: MunicipalityData, spec: LeverSpec, value: float) -> np.ndarray:
    """One lever's yearly path for a value, in the lever's unit."""
    ref = reference_paths(data)
    if spec.path == "fixed":
        return np.full(len(ref.years), float(value))
    shift = value - getattr(ref.levers, spec.id)
    path = ref.paths[spec.id] + shift * ref.ramps[spec.id]
    if spec.min < 0:  # a change in per cent: activity cannot fall below zero
        return np.maximum(path, -100.0)
    return np.clip(path, 0.0, 100.0)


def lever_paths(data: MunicipalityData, levers: Levers) -> dict[str, np.ndarray]:
    """Every lever's yearly path for the scenario, in the lever's unit."""
    return {spec.id: lever_path(data, spec, getattr(levers, spec.id)) for spec in LEVER_SPECS}
