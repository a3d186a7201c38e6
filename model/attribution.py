"""Which lever removes how many tonnes: an exact, order-independent split of the difference
between a scenario and the reference.

Levers combine multiplicatively (cars: traffic × (1 − electric share) × fossil share of the
fuel), so "the effect of lever A" depends on whether B moved first. The Shapley value
settles that: each lever gets its marginal effect averaged over every order in which the
levers could be moved. It is order-independent and the parts add up exactly to the whole.

Over all 19 levers that would mean 2^19 runs. It is not needed: levers that act on
different sectors do not interact (sector emissions are added, never multiplied), and a
game that is a sum of independent parts has as Shapley values the Shapley values of each
part. So the levers are grouped by the sectors they act on (LeverSpec.sectors; BECCS is a
sector of its own), and the exact Shapley value is computed within each group over its
changed levers only (levers at their reference value get zero). The largest group, road
transport with machinery and aviation, has at most 9 levers, i.e. 512 runs, all evaluated
in one vectorised call. Every year and every sector gets its own exact split.

Sign: values are tonnes *removed* compared with the reference (positive = less emitted;
BECCS removals count as removed tonnes of net emissions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from model.data import MunicipalityData
from model.emissions import compute_trajectory
from model.levers import CONTROL_LABELS, LEVER_SPECS, Levers
from model.paths import lever_paths, reference_levers, scenario_years

CONTROLS: tuple[str, ...] = tuple(CONTROL_LABELS["sv"])


@lru_cache(maxsize=1)
def interaction_groups() -> tuple[tuple[int, ...], ...]:
    """Lever indices (LEVER_SPECS order) grouped by shared sectors (connected components);
    the registry is fixed, so worked out once."""
    parent = list(range(len(LEVER_SPECS)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_by_sector: dict[str, int] = {}
    for i, spec in enumerate(LEVER_SPECS):
        for sector in spec.sectors:
            if sector in first_by_sector:
                parent[root(i)] = root(first_by_sector[sector])
            else:
                first_by_sector[sector] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(LEVER_SPECS)):
        groups.setdefault(root(i), []).append(i)
    return tuple(tuple(g) for g in groups.values())


@dataclass(frozen=True, eq=False)
class Attribution:
    """Tonnes each lever removes compared with the reference, per year (base year to 2050).

    net_t and fossil_t have shape (levers, years) in LEVER_SPECS order. Summed over levers
    they equal reference − scenario exactly, every year: net GHG (incl. BECCS) and fossil
    CO2 respectively.
    """

    years: np.ndarray
    lever_ids: tuple[str, ...]
    net_t: np.ndarray
    fossil_t: np.ndarray
    reference_net_t: np.ndarray  # (years,)
    scenario_net_t: np.ndarray
    reference_fossil_t: np.ndarray
    scenario_fossil_t: np.ndarray

    def in_year(self, year: int) -> np.ndarray:
        """Net tonnes removed per lever in one year."""
        return self.net_t[:, int(np.nonzero(self.years == year)[0][0])]

    def total(self, first_year: int, last_year: int) -> np.ndarray:
        """Net tonnes removed per lever summed over the years first..last (inclusive)."""
        mask = (self.years >= first_year) & (self.years <= last_year)
        return self.net_t[:, mask].sum(axis=1)

    @property
    def changed(self) -> tuple[str, ...]:
        """Levers that remove (or add) anything in any year."""
        moved = (np.abs(self.net_t).max(axis=1) >= 0.5) | (np.abs(self.fossil_t).max(axis=1)
                                                           >= 0.5)
        return tuple(lid for lid, keep in zip(self.lever_ids, moved, strict=True) if keep)

    def frame(self) -> pd.DataFrame:
        """Tidy: lever_id, control, year, net_t, fossil_t (every lever and year)."""
        controls = {spec.id: spec.control for spec in LEVER_SPECS}
        n = len(self.years)
        return pd.DataFrame({
            "lever_id": np.repeat(np.array(self.lever_ids, dtype=object), n),
            "control": np.repeat(np.array([controls[i] for i in self.lever_ids], dtype=object),
                                 n),
            "year": np.tile(self.years, len(self.lever_ids)),
            "net_t": self.net_t.ravel(),
            "fossil_t": self.fossil_t.ravel(),
        })

    def by_control(self) -> dict[str, np.ndarray]:
        """Net tonnes removed per year, summed by who controls the lever (rådighet)."""
        controls = {spec.id: spec.control for spec in LEVER_SPECS}
        out = {c: np.zeros(len(self.years)) for c in CONTROLS}
        for lever_id, row in zip(self.lever_ids, self.net_t, strict=True):
            out[controls[lever_id]] = out[controls[lever_id]] + row
        return out


def _shapley_weights(n: int) -> np.ndarray:
    """w[s] = s!(n−s−1)!/n!: the weight of a coalition of size s for one more player."""
    return np.array([math.factorial(s) * math.factorial(n - s - 1) / math.factorial(n)
                     for s in range(n)])


def attribute(data: MunicipalityData, levers: Levers) -> Attribution:
    """The exact Shapley split of scenario − reference by lever, every year."""
    return _attribute_cached(data, levers)


@lru_cache(maxsize=64)
def _attribute_cached(data: MunicipalityData, levers: Levers) -> Attribution:
    reference = reference_levers(data)
    years = scenario_years(data)
    n_years = len(years)
    scenario_paths = lever_paths(data, levers)
    reference_paths = lever_paths(data, reference)
    changed = {spec.id for spec in LEVER_SPECS
               if abs(getattr(levers, spec.id) - getattr(reference, spec.id)) > 1e-12}
    groups = [tuple(i for i in g if LEVER_SPECS[i].id in changed)
              for g in interaction_groups()]
    groups = [g for g in groups if g]

    # One row per coalition (subset of a group at scenario values, the rest at reference);
    # row 0 is the reference itself.
    coalitions: list[tuple[int, ...]] = [()]
    offsets = []
    for group in groups:
        offsets.append(len(coalitions))
        for mask in range(1, 2 ** len(group)):
            coalitions.append(tuple(group[b] for b in range(len(group)) if mask >> b & 1))
    # The scenario itself (every changed lever at its value) is one more row, last: one
    # run of the core for all of them.
    coalitions.append(tuple(j for j, spec in enumerate(LEVER_SPECS) if spec.id in changed))
    rows = len(coalitions)
    paths = {}
    for j, spec in enumerate(LEVER_SPECS):
        ref_path, scen_path = reference_paths[spec.id], scenario_paths[spec.id]
        stacked = np.repeat(ref_path[None, :], rows, axis=0)
        if spec.id in changed:
            use = np.array([j in c for c in coalitions])
            stacked[use] = scen_path
        paths[spec.id] = stacked.ravel()
    trajectory = compute_trajectory(data, np.tile(years, rows), paths)
    net = (trajectory.ghg.sum(axis=1) + trajectory.beccs).reshape(rows, n_years)
    fossil = trajectory.fossil_co2.sum(axis=1).reshape(rows, n_years)

    net_t = np.zeros((len(LEVER_SPECS), n_years))
    fossil_t = np.zeros((len(LEVER_SPECS), n_years))
    for group, offset in zip(groups, offsets, strict=True):
        n = len(group)
        weights = _shapley_weights(n)
        # Value of coalition mask: row 0 for the empty set, offset + mask − 1 otherwise.
        index = np.array([0] + [offset + m - 1 for m in range(1, 2 ** n)])
        sizes = np.array([bin(m).count("1") for m in range(2 ** n)])
        for b, j in enumerate(group):
            without = np.array([m for m in range(2 ** n) if not m >> b & 1])
            w = weights[sizes[without]][:, None]
            # Removed tonnes: value without the lever minus value with it.
            net_t[j] = (w * (net[index[without]] - net[index[without | 1 << b]])).sum(axis=0)
            fossil_t[j] = (w * (fossil[index[without]]
                                - fossil[index[without | 1 << b]])).sum(axis=0)

    return Attribution(
        years=years,
        lever_ids=tuple(spec.id for spec in LEVER_SPECS),
        net_t=net_t,
        fossil_t=fossil_t,
        reference_net_t=net[0],
        scenario_net_t=net[-1],
        reference_fossil_t=fossil[0],
        scenario_fossil_t=fossil[-1],
    )
