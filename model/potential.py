"""How much each lever alone could still cut fossil CO2 in 2030, from the current setting."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from model.data import MunicipalityData
from model.emissions import FOSSIL_FUEL_SECTORS, compute_trajectory
from model.levers import LEVER_SPECS, TARGET_YEAR, Levers, LeverSpec
from model.paths import lever_path, lever_paths
from model.sectors import PART_SECTOR


def changes_fossil_fuel(spec: LeverSpec) -> bool:
    """Whether the lever acts on fossil-fuel CO2 (the goal): on a part of a sector whose
    fossil CO2 is fuel. Not BECCS, agriculture, waste or products (their fossil CO2 is not
    from fuel and is shown beside the goal)."""
    return any(PART_SECTOR[part] in FOSSIL_FUEL_SECTORS for part in spec.parts)


@dataclass(frozen=True)
class LeverPotential:
    """A lever pushed to the end of its range, and the fossil CO2 2030 it would remove."""

    lever_id: str
    value: float
    reduction_t: float


def best_value(spec: LeverSpec) -> float:
    """The end of the lever's range that gives the lowest emissions."""
    return spec.most_ambitious


@lru_cache(maxsize=256)
def fossil_potentials(data: MunicipalityData, levers: Levers) -> tuple[LeverPotential, ...]:
    """Each lever alone at its best value: fossil-fuel CO2 2030 removed, largest first.

    Levers combine multiplicatively, so the single-lever cuts do not add up to the total;
    they show where the big remaining tonnes are. All candidates run in one vectorised
    call: column 0 is the base year, column 1 the current 2030, column k+1 the 2030 with
    lever k pushed (factors are relative to column 0, so the columns do not interact).
    """
    t = TARGET_YEAR - data.base_year
    current = lever_paths(data, levers)
    candidates = [
        (spec, best_value(spec))
        for spec in LEVER_SPECS
        if changes_fossil_fuel(spec) and abs(getattr(levers, spec.id) - best_value(spec)) > 1e-9
    ]
    n = len(candidates)
    paths = {k: np.concatenate([v[[0]], np.full(n + 1, v[t])]) for k, v in current.items()}
    for column, (spec, value) in enumerate(candidates, start=2):
        paths[spec.id][column] = lever_path(data, spec, value)[t]
    years = np.array([data.base_year] + [TARGET_YEAR] * (n + 1))
    fossil = compute_trajectory(data, years, paths).fossil_fuel_co2.sum(axis=1)
    found = [
        LeverPotential(spec.id, value, float(fossil[1] - fossil[column]))
        for column, (spec, value) in enumerate(candidates, start=2)
        if fossil[1] - fossil[column] >= 0.5
    ]
    return tuple(sorted(found, key=lambda p: -p.reduction_t))
