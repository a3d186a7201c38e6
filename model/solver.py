"""What it would take ("Vad krävs?"): the least change of the unlocked levers that reaches a goal.

Goals:

* ``fossil-free-2030``: fossil-FUEL CO2 in 2030 below the model's tolerance (1 t), i.e.
  ``KeyFigures.fossil_free_2030`` (the municipality's goal; solvents, processes and BECCS
  do not count).
* ``budget``: the carbon budget (with the given settings) not exhausted by 2050, i.e.
  ``KeyFigures.budget_exhausted_year is None``.

Every lever stays inside its range, which is what is possible by 2030 (model/levers.py);
when even the best possible setting misses the goal, the answer says so (``reached`` false),
returns that best setting and what remains by sector, in a plain sentence (``verdict``).

Change is measured per lever as |new − now| / (max − min), so a lever moved across its whole
range counts 1 whatever its unit; the total change is the sum over levers. Levers only move
towards the end of their range that lowers emissions (potential.best_value), never past it,
and locked levers do not move.

Method (numpy only, no optimiser library): the goal's shortfall is monotone in every lever,
and along one lever it is linear where no path is clipped (the model multiplies factors that
are each affine in one lever). So

1. if all unlocked levers at their best still miss the goal, say so and report how close
   that gets;
2. else a greedy pass moves, one at a time, the lever that removes the most shortfall per
   unit of change, all the way, until the goal is within reach of the next lever, which then
   moves only as far as needed;
3. then each moved lever is pulled back as far as the goal allows (on its slider steps),
   repeatedly, which drops levers that later moves made unnecessary.

Candidates are evaluated in batches through the model's own compute_trajectory (all
candidate years side by side), and the answer is checked with run_scenario: ``reached`` is
what run_scenario says. The result is a small change, not a proven minimum (the problem is
not convex), and it is exact in the sense that matters: the returned levers reach the goal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np

from model.budget import BudgetSettings
from model.data import MunicipalityData
from model.emissions import compute_trajectory
from model.errors import UserFacingError
from model.levers import LEVER_SPECS, LEVERS_BY_ID, TARGET_YEAR, Levers, LeverSpec
from model.local_levers import lever_max
from model.paths import lever_path, reference_paths
from model.potential import best_value
from model.scenario import (
    FOSSIL_FREE_TOLERANCE_T,
    ScenarioResult,
    check_budget,
    default_budget,
    run_scenario,
)
from model.sectors import SECTORS, TRANSPORT, TRANSPORT_SUBSECTORS

Goal = Literal["fossil-free-2030", "budget"]
GOALS: tuple[str, ...] = ("fossil-free-2030", "budget")

# Aim a hair inside the goal so that the final check with run_scenario (which sums in a
# slightly different order) agrees.
_MARGIN_T = 1e-6
_MAX_PULLBACK_PASSES = 4


class SolveError(UserFacingError):
    """A goal, lock or lever the solver cannot use, with a message users can read."""


@dataclass(frozen=True)
class LeverMove:
    """One lever's value now and the value the solution needs."""

    lever_id: str
    now: float
    needed: float

    @property
    def change(self) -> float:
        """needed − now, in the lever's unit."""
        return self.needed - self.now

    @property
    def normalised_change(self) -> float:
        """|needed − now| as a share of the lever's range (0–1)."""
        spec = LEVERS_BY_ID[self.lever_id]
        return abs(self.change) / (spec.max - spec.min)


@dataclass(frozen=True, eq=False)
class SolveResult:
    """The answer: reached or not, the levers that do it (or get closest), and the run."""

    goal: str
    reached: bool
    already_reached: bool  # the starting setting reaches the goal: nothing to move
    start: Levers
    levers: Levers
    locked: frozenset[str]
    moves: tuple[LeverMove, ...]  # levers that move, in LEVER_SPECS order
    result: ScenarioResult  # run_scenario with the returned levers and the budget

    @property
    def total_change(self) -> float:
        """Sum of the normalised changes (0 = nothing moves)."""
        return float(sum(m.normalised_change for m in self.moves))

    @property
    def fossil_co2_2030_t(self) -> float:
        """Fossil-fuel CO2 in 2030 with the returned levers (what the goal counts)."""
        return self.result.kpis.fossil_fuel_co2_2030_t

    def remaining_by_sector(self) -> dict[str, float]:
        """Fossil-fuel CO2 left in 2030 by sector, transport split into its sub-sectors
        (largest first, zeros left out)."""
        return remaining_by_sector(self.result)

    @property
    def shortfall_t(self) -> float:
        """How far the returned levers are from the goal, in tonnes (0 when reached).

        Fossil goal: fossil CO2 left in 2030. Budget goal: cumulative emissions to 2050
        above the budget.
        """
        if self.reached:
            return 0.0
        if self.goal == "fossil-free-2030":
            return self.fossil_co2_2030_t
        return max(budget_excess(self.result), 0.0)


def remaining_by_sector(result: ScenarioResult) -> dict[str, float]:
    """Fossil-fuel CO2 in 2030 by sector (transport by sub-sector), largest first."""
    t = int(np.nonzero(result.years == TARGET_YEAR)[0][0])
    parts: dict[str, float] = {}
    for sector, value in zip(SECTORS, result.trajectory.fossil_fuel_co2[t], strict=True):
        if sector == TRANSPORT:
            subs = result.trajectory.transport_fossil_co2[t]
            for sub, sub_value in zip(TRANSPORT_SUBSECTORS, subs, strict=True):
                parts[f"{TRANSPORT}: {sub}"] = float(sub_value)
        else:
            parts[sector] = float(value)
    return dict(sorted(((k, v) for k, v in parts.items() if v >= 0.5), key=lambda kv: -kv[1]))


def budget_excess(result: ScenarioResult) -> float:
    """Highest cumulative emissions (from the budget's start year to 2050) minus the budget."""
    data, budget = result.data, result.budget
    totals = result.trajectory.ghg.sum(axis=1)
    if budget.count_beccs:
        totals = totals + result.trajectory.beccs
    history = data.history_ghg.sum(axis=1)
    in_history = data.history_years >= budget.start_year
    future = result.years > max(data.base_year, budget.start_year - 1)
    path = np.concatenate([history[in_history], totals[future]])
    return float(np.cumsum(path).max()) - budget.budget_t if len(path) else -budget.budget_t


def lever_upper(data: MunicipalityData, spec: LeverSpec) -> float:
    """The largest value the lever may take in this municipality (BECCS needs a plant)."""
    return float(lever_max(data, spec.id))


def best_end(data: MunicipalityData, spec: LeverSpec) -> float:
    """The end of the lever's range (in this municipality) that gives the lowest emissions."""
    return min(best_value(spec), lever_upper(data, spec))


class _Evaluator:
    """The goal's shortfall for many lever settings at once (negative = goal reached)."""

    def __init__(self, data: MunicipalityData, goal: str, budget: BudgetSettings) -> None:
        self.data = data
        self.goal = goal
        self.budget = budget
        ref = reference_paths(data)
        self.ref = ref
        self.years = ref.years
        self.n_years = len(ref.years)
        self.target = int(np.nonzero(ref.years == TARGET_YEAR)[0][0])
        self.reference_values = np.array([getattr(ref.levers, s.id) for s in LEVER_SPECS])
        if goal == "budget":
            history = data.history_ghg.sum(axis=1)
            in_history = data.history_years >= budget.start_year
            self.history_cumulative = np.cumsum(history[in_history])
            self.future = ref.years > max(data.base_year, budget.start_year - 1)

    def _paths(self, values: np.ndarray, columns: np.ndarray) -> dict[str, np.ndarray]:
        """Lever paths (as lever_path computes them, fleet renewal included) for each row of
        values, in the given year columns, laid side by side: shape (rows × columns,)."""
        paths: dict[str, np.ndarray] = {}
        for j, spec in enumerate(LEVER_SPECS):
            # Candidates share few values per lever: each distinct value's path once
            # (cached across searches), then gathered per row.
            column = values[:, j]
            first = float(column[0])
            if (column == first).all():  # most levers: one value for every candidate
                path = lever_path(self.data, spec, first)[columns]
                paths[spec.id] = np.tile(path, len(column))
                continue
            distinct, row_of = np.unique(column, return_inverse=True)
            table = np.stack([lever_path(self.data, spec, float(v))[columns] for v in distinct])
            paths[spec.id] = table[row_of].ravel()
        return paths

    def shortfall(self, values: np.ndarray) -> np.ndarray:
        """Shortfall per row of lever values (rows in LEVER_SPECS order), in tonnes."""
        values = np.atleast_2d(values)
        rows = len(values)
        if self.goal == "fossil-free-2030":
            # Column 0 is the base year (identical for every row: the ramps start there),
            # so each row needs only its 2030 column beside it.
            columns = np.array([0, self.target])
            years = np.tile(self.years[columns], rows)
            trajectory = compute_trajectory(self.data, years, self._paths(values, columns))
            fossil = trajectory.fossil_fuel_co2.sum(axis=1).reshape(rows, 2)[:, 1]
            return fossil - (FOSSIL_FREE_TOLERANCE_T - _MARGIN_T)
        columns = np.arange(self.n_years)
        years = np.tile(self.years, rows)
        trajectory = compute_trajectory(self.data, years, self._paths(values, columns))
        totals = trajectory.ghg.sum(axis=1)
        if self.budget.count_beccs:
            totals = totals + trajectory.beccs
        totals = totals.reshape(rows, self.n_years)[:, self.future]
        used = self.history_cumulative[-1] if len(self.history_cumulative) else 0.0
        cumulative = used + np.cumsum(totals, axis=1)
        peak = cumulative.max(axis=1)
        if len(self.history_cumulative):
            peak = np.maximum(peak, self.history_cumulative.max())
        return peak - (self.budget.budget_t - _MARGIN_T)


def _grid(now: float, best: float, spec: LeverSpec) -> np.ndarray:
    """The values a lever can take from now towards best: now, the slider steps between,
    and best (sorted from now to best)."""
    if best == now:
        return np.array([now])
    direction = 1.0 if best > now else -1.0
    k = (now - spec.min) / spec.step
    start = math.floor(k + 1e-9) + 1 if direction > 0 else math.ceil(k - 1e-9) - 1
    stop = (best - spec.min) / spec.step
    steps = np.arange(start, stop + direction * 1e-9, direction)
    inner = spec.min + steps * spec.step
    inner = inner[(inner - now) * direction > 1e-9]
    inner = inner[(best - inner) * direction > 1e-9]
    return np.concatenate([[now], inner, [best]])


def _first_reaching(evaluator: _Evaluator, base: np.ndarray, j: int,
                    candidates: np.ndarray) -> int | None:
    """Index of the first candidate value of lever j (ordered from now towards best) that
    reaches the goal with the other levers as in base; None if none does."""
    rows = np.repeat(base[None, :], len(candidates), axis=0)
    rows[:, j] = candidates
    reached = np.nonzero(evaluator.shortfall(rows) <= 0.0)[0]
    return int(reached[0]) if len(reached) else None


def _pull_back(evaluator: _Evaluator, values: np.ndarray, start: np.ndarray,
               grids: dict[int, np.ndarray], weights: np.ndarray) -> np.ndarray:
    """Move each moved lever back towards its start as far as the goal allows, repeatedly.

    The costliest move is tried first, so the big changes shrink before the small ones.
    """
    values = values.copy()
    for _ in range(_MAX_PULLBACK_PASSES):
        changed = False
        moved = [j for j in grids if values[j] != start[j]]
        for j in sorted(moved, key=lambda k: -abs(values[k] - start[k]) * weights[k]):
            grid = grids[j]
            upto = int(np.searchsorted(np.abs(grid - start[j]), abs(values[j] - start[j])
                                       + 1e-9, side="right"))
            first = _first_reaching(evaluator, values, j, grid[:upto])
            if first is not None and grid[first] != values[j]:
                values[j] = grid[first]
                changed = True
        if not changed:
            break
    return values


def _prune(evaluator: _Evaluator, values: np.ndarray, start: np.ndarray,
           grids: dict[int, np.ndarray]) -> np.ndarray:
    """For a goal out of reach: put back every lever whose move does not lower the
    shortfall (so the answer only moves what helps).

    The levers are tried in order, each against the values as the earlier ones left them.
    All the remaining trials go in one batch (one model run instead of one per lever, the
    cost of the page's "own decisions" on every lever move); after a lever is put back the
    rest are tried again against the new values, so the answer is the one-by-one answer.
    """
    values = values.copy()
    pending = [j for j in grids if values[j] != start[j]]
    while pending:
        trials = np.repeat(values[None, :], len(pending) + 1, axis=0)
        for row, j in enumerate(pending, start=1):
            trials[row, j] = start[j]
        shortfall = evaluator.shortfall(trials)
        put_back = next((k for k in range(len(pending))
                         if shortfall[k + 1] <= shortfall[0] + 1e-9), None)
        if put_back is None:
            break
        values[pending[put_back]] = start[pending[put_back]]
        pending = pending[put_back + 1:]
    return values


def _greedy(evaluator: _Evaluator, start: np.ndarray, best: np.ndarray,
            grids: dict[int, np.ndarray], weights: np.ndarray) -> np.ndarray:
    """Move the lever with the most shortfall removed per unit of change, fully, until the
    next one can finish the job part-way."""
    values = start.copy()
    open_levers = set(grids)
    while open_levers:
        current = float(evaluator.shortfall(values)[0])
        if current <= 0.0:
            break
        order = sorted(open_levers)
        rows = np.repeat(values[None, :], len(order), axis=0)
        for row, j in enumerate(order):
            rows[row, j] = best[j]
        after = evaluator.shortfall(rows)
        gain = current - after
        cost = np.array([abs(best[j] - values[j]) * weights[j] for j in order])
        efficiency = np.where(gain > 1e-9, gain / np.maximum(cost, 1e-12), -np.inf)
        pick = int(np.argmax(efficiency))
        if not np.isfinite(efficiency[pick]):
            break  # nothing left lowers the shortfall
        j = order[pick]
        if after[pick] <= 0.0:
            grid = grids[j]
            from_here = grid[np.abs(grid - start[j]) >= abs(values[j] - start[j]) - 1e-12]
            first = _first_reaching(evaluator, values, j, from_here)
            values[j] = from_here[first] if first is not None else best[j]
            break
        values[j] = best[j]
        open_levers.discard(j)
    return values


def check_locks(locked: frozenset[str] | set[str] | tuple[str, ...]) -> frozenset[str]:
    """The locked lever ids, validated."""
    unknown = sorted(set(locked) - set(LEVERS_BY_ID))
    if unknown:
        raise SolveError(f"Okänd spak att låsa: {', '.join(unknown)}.",
                         f"Unknown lever to lock: {', '.join(unknown)}.")
    return frozenset(locked)


def solve(
    data: MunicipalityData,
    levers: Levers,
    goal: str,
    locked: frozenset[str] | set[str] | tuple[str, ...] = frozenset(),
    budget: BudgetSettings | None = None,
) -> SolveResult:
    """Settings that reach the goal from the current levers with the least total change."""
    if goal not in GOALS:
        raise SolveError(f"Okänt mål: {goal!r} (välj {' eller '.join(GOALS)}).",
                         f"Unknown goal: {goal!r} (choose {' or '.join(GOALS)}).")
    locked = check_locks(locked)
    budget = budget or default_budget(data)
    check_budget(budget)
    return _solve_cached(data, levers, goal, locked, budget)


@lru_cache(maxsize=128)
def _solve_cached(data: MunicipalityData, levers: Levers, goal: str, locked: frozenset[str],
                  budget: BudgetSettings) -> SolveResult:
    evaluator = _Evaluator(data, goal, budget)
    start = np.array([getattr(levers, spec.id) for spec in LEVER_SPECS], dtype=float)
    best = np.array([best_end(data, spec) for spec in LEVER_SPECS], dtype=float)
    weights = np.array([1.0 / (spec.max - spec.min) for spec in LEVER_SPECS])
    grids: dict[int, np.ndarray] = {}
    for j, spec in enumerate(LEVER_SPECS):
        # A lever already past its municipal best (e.g. BECCS above the local potential)
        # only counts as movable in the direction that lowers emissions.
        towards_best = (best[j] - start[j]) * (1.0 if best_value(spec) == spec.max else -1.0)
        if spec.id not in locked and towards_best > 1e-12:
            grids[j] = _grid(start[j], best[j], spec)

    already = bool(evaluator.shortfall(start)[0] <= 0.0)
    if already:
        values = start
    else:
        everything = start.copy()
        for j in grids:
            everything[j] = best[j]
        if float(evaluator.shortfall(everything)[0]) > 0.0:
            values = _prune(evaluator, everything, start, grids)
        else:
            values = _greedy(evaluator, start, best, grids, weights)
            values = _pull_back(evaluator, values, start, grids, weights)
    found = levers.with_values(**{
        spec.id: float(values[j]) for j, spec in enumerate(LEVER_SPECS) if values[j] != start[j]
    })
    result = run_scenario(data, found, budget)
    reached = (result.kpis.fossil_free_2030 if goal == "fossil-free-2030"
               else result.kpis.budget_exhausted_year is None)
    moves = tuple(
        LeverMove(spec.id, float(start[j]), float(values[j]))
        for j, spec in enumerate(LEVER_SPECS) if values[j] != start[j]
    )
    return SolveResult(goal, bool(reached), already and bool(reached), levers, found, locked,
                       moves, result)


@dataclass(frozen=True)
class OwnDecisions:
    """How much of the gap to fossil-free 2030 a group's own levers can close."""

    controls: tuple[str, ...]
    gap_t: float  # fossil CO2 in 2030 in the scenario
    closable_t: float  # what moving only the group's levers can remove
    reached: bool  # the group alone reaches fossil-free 2030

    @property
    def share(self) -> float | None:
        """closable / gap (None when there is no gap)."""
        return self.closable_t / self.gap_t if self.gap_t > 0 else None


def own_decisions(data: MunicipalityData, levers: Levers,
                  controls: tuple[str, ...] = ("kommun",)) -> OwnDecisions:
    """Solve fossil-free 2030 with only the levers those who control them unlocked.

    The answer is the best the group can do: if it reaches the goal, the whole gap; else
    the gap minus what is left with every one of its levers at its best.
    """
    locked = frozenset(s.id for s in LEVER_SPECS if s.control not in controls)
    answer = solve(data, levers, "fossil-free-2030", locked)
    gap = run_scenario(data, levers).kpis.fossil_fuel_co2_2030_t
    closable = gap - answer.fossil_co2_2030_t
    return OwnDecisions(tuple(controls), gap, max(closable, 0.0), answer.reached)
