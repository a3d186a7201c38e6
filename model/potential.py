"""How much each lever alone could still cut fossil CO2 in 2030, from the current setting."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from model.data import MunicipalityData
from model.emissions import compute_trajectory
from model.levers import LEVER_SPECS, TARGET_YEAR, Levers, LeverSpec
from model.paths import lever_paths

# Levers where less is better for emissions; BECCS does not change fossil CO2.
_LOWER_IS_BETTER = frozenset({"trafik_personbilar", "idisslare"})
_NOT_FOSSIL = frozenset({"beccs_kt", "beccs_start", "idisslare", "jordbruk_atgarder"})


@dataclass(frozen=True)
class LeverPotential:
    """A lever pushed to the end of its range, and the fossil CO2 2030 it would remove."""

    lever_id: str
    value: float
    reduction_t: float


def best_value(spec: LeverSpec) -> float:
    """The end of the lever's range that gives the lowest emissions."""
    return spec.min if spec.id in _LOWER_IS_BETTER else spec.max


def _fossil_2030(data: MunicipalityData, levers: Levers) -> float:
    paths = lever_paths(data, levers)
    years = np.arange(data.base_year, TARGET_YEAR + 1)
    cut = {k: v[: len(years)] for k, v in paths.items()}
    return float(compute_trajectory(data, years, cut).fossil_co2[-1].sum())


@lru_cache(maxsize=256)
def fossil_potentials(data: MunicipalityData, levers: Levers) -> tuple[LeverPotential, ...]:
    """Each lever alone at its best value: fossil CO2 2030 removed, largest first.

    Levers combine multiplicatively, so the single-lever cuts do not add up to the total;
    they show where the big remaining tonnes are.
    """
    now = _fossil_2030(data, levers)
    found = []
    for spec in LEVER_SPECS:
        if spec.id in _NOT_FOSSIL:
            continue
        value = best_value(spec)
        if abs(getattr(levers, spec.id) - value) < 1e-9:
            continue
        reduction = now - _fossil_2030(data, levers.with_values(**{spec.id: value}))
        if reduction >= 0.5:
            found.append(LeverPotential(spec.id, value, reduction))
    return tuple(sorted(found, key=lambda p: -p.reduction_t))
