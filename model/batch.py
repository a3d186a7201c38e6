"""Many scenarios in one vectorised call: uncertainty draws, lever sweeps, municipalities.

    from model.batch import run_batch, run_municipalities

    result = run_batch(
        data,                                   # MunicipalityData (model.data)
        levers={"el_personbilar": np.array([66.0, 80.0, 100.0])},   # (n,) or float
        parameters={"car_lifetime_years": np.array([16.0, 18.0, 20.0])},  # (n,) or float
        base_scale=None,                        # (9,), (n, 9) or (n, 1) multiplier, optional
    )
    result.ghg                # (n, years, 9)  t CO2e by NED main sector (model.SECTORS)
    result.fossil_fuel_co2_2030   # (n,)  what the fossil-fuel-free verdict counts
    result.fossil_free_2030   # (n,) bool

Arguments
    data        one municipality (``model.build_municipality_data``).
    levers      lever id → value in the lever's unit (see ``python -m model levers``), a
                float or an array of shape (n,); a ``Levers`` is accepted too. Levers not
                given stay at the municipality's reference. Values must lie within the
                lever's range for the municipality (LeverError otherwise), so a batch can
                never describe a future the model says is impossible.
    parameters  overrides of data/parameters.csv (floats or (n,) arrays), for the
                parameters the dynamic model reads: fleet renewal and lifetimes
                (``fleet_renewal_rate``, ``car_lifetime_years``, ``car_mileage_ratio_new``,
                ``van_*``/``heavy_*``, ``new_car_bev_share``, ``new_car_phev_share``,
                ``phev_electric_share``), biofuels (``biofuel_saving_petrol|diesel``,
                ``blend_limit_petrol|diesel_energy``), ``own_share_*``,
                ``industry_process_share``, ``fgas_phaseout_year`` and BECCS
                (``beccs_biogenic_co2_kt``, ``beccs_capture_rate_max``,
                ``beccs_availability``, ``beccs_rampup_years``).
    base_scale  optional multiplier on the base-year (statistics) emissions by sector, shape
                (9,), (n, 9) or (n, 1) (all sectors alike), e.g. uncertainty in NED: every
                sector is linear in its base-year emissions, so this is exact.

The batch size n is the common length of every array given (all must be (n,) or scalar);
with only scalars n = 1. Every output carries the leading axis n. Years are
``result.years`` (the base year through 2050).

For many municipalities with the same levers, ``run_municipalities(datas, levers,
parameters)`` gives one row per municipality (levers not given stay at each
municipality's own reference; BECCS is capped by each municipality's own plant). It is one
vectorised run, not a loop: the municipalities' inputs are stacked on the batch axis
(model.data.MunicipalityStack, model.paths.StackedReference), which the core broadcasts
over as it does over draws. ``prepare_municipalities(datas)`` stacks them once, for a
caller that runs the same municipalities many times (the Sverige page: 290 in ~10 ms).

The numbers are identical to ``model.run_scenario`` for the same setting (a test checks).

A lever or parameter given as one float keeps one path (years,) for the whole batch; only
what varies is computed per row (the core broadcasts), so a batch costs little more than
the inputs that differ. ``run_batch_totals`` (same arguments) gives only the totals,
fossil-fuel CO2 in 2030, the transport sub-sectors and BECCS, summed per sector without
the (n, years, 9) arrays: what the Monte Carlo (model.uncertainty_core) reads.
``run_municipalities_totals(batch, levers)`` does the same for many municipalities (totals
and fossil-fuel CO2 in 2030, bitwise those of run_municipalities): the Sverige page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import cast

import numpy as np

from model.data import MunicipalityData, MunicipalityStack, stack_municipalities
from model.emissions import Trajectory, compute_trajectory, sector_columns, times
from model.fleet import FleetState
from model.levers import LEVER_SPECS, LEVERS_BY_ID, TARGET_YEAR, LeverError, Levers
from model.local_levers import BECCS_LEVER, lever_max, lever_max_stacked
from model.paths import (
    CAR_LEVER,
    FrozenParameters,
    StackedReference,
    parameter_view,
    paths_and_fleets,
    reference_levers,
    reference_paths,
    stack_reference_paths,
)
from model.scenario import FOSSIL_FREE_TOLERANCE_T

ArrayLike = float | np.ndarray | Sequence[float]


@dataclass(frozen=True, eq=False)
class BatchResult:
    """Outputs of a batch, each with the leading batch axis n."""

    years: np.ndarray  # (years,)
    ghg: np.ndarray  # (n, years, 9) t CO2e by sector
    fossil_co2: np.ndarray  # (n, years, 9) all fossil CO2
    fossil_fuel_co2: np.ndarray  # (n, years, 9) fossil CO2 from fuels (the goal's measure)
    transport_fossil_co2: np.ndarray  # (n, years, 6) by transport sub-sector
    beccs: np.ndarray  # (n, years) captured biogenic CO2, negative
    electric_share_car_km: np.ndarray  # (n, years) 0–1
    zero_emission_share_new_cars: np.ndarray  # (n, years) 0–1
    biofuel_share_petrol: np.ndarray  # (n, years) 0–1 by energy
    biofuel_share_diesel: np.ndarray  # (n, years)

    @property
    def n(self) -> int:
        """Number of scenarios in the batch."""
        return int(self.ghg.shape[0])

    @property
    def totals(self) -> np.ndarray:
        """(n, years) all greenhouse gases, BECCS not included."""
        return self.ghg.sum(axis=-1)

    @property
    def net(self) -> np.ndarray:
        """(n, years) greenhouse gases plus (negative) BECCS."""
        return self.totals + self.beccs

    def year_index(self, year: int) -> int:
        """Column of a year in the outputs."""
        return int(np.nonzero(self.years == year)[0][0])

    @property
    def fossil_fuel_co2_2030(self) -> np.ndarray:
        """(n,) fossil-fuel CO2 in 2030: what the verdict counts."""
        return self.fossil_fuel_co2[:, self.year_index(TARGET_YEAR)].sum(axis=-1)

    @property
    def fossil_co2_2030(self) -> np.ndarray:
        """(n,) all fossil CO2 in 2030 (solvents, processes, waste included)."""
        return self.fossil_co2[:, self.year_index(TARGET_YEAR)].sum(axis=-1)

    @property
    def fossil_free_2030(self) -> np.ndarray:
        """(n,) bool: the fossil-fuel-free verdict for 2030."""
        return self.fossil_fuel_co2_2030 < FOSSIL_FREE_TOLERANCE_T


def _batch_size(*groups: Mapping[str, ArrayLike] | None,
                extra: np.ndarray | None = None) -> int:
    sizes = {np.asarray(v).shape[0] for g in groups if g for v in g.values()
             if np.ndim(v) > 0}
    if extra is not None and np.ndim(extra) == 2:
        sizes.add(np.shape(extra)[0])
    if len(sizes) > 1:
        raise ValueError(f"All batch arrays must have the same length; got {sorted(sizes)}.")
    return sizes.pop() if sizes else 1


def _check_ranges(data: MunicipalityData, values: Mapping[str, ArrayLike]) -> None:
    for lever_id, value in values.items():
        if lever_id not in LEVERS_BY_ID:
            raise LeverError(f"Okänd spak: {lever_id!r}.", f"Unknown lever: {lever_id!r}.")
        low, high = LEVERS_BY_ID[lever_id].min, lever_max(data, lever_id)
        if isinstance(value, (float, int)):
            inside = low <= value <= high
        else:
            array = np.asarray(value, dtype=float)
            inside = bool(np.all((array >= low) & (array <= high)))
        if not inside:  # also rejects NaN
            raise LeverError(
                f"{lever_id}: värden utanför det möjliga intervallet {low:g}–{high:g}.",
                f"{lever_id}: values outside the possible range {low:g}–{high:g}.",
            )


def run_batch(
    data: MunicipalityData,
    levers: Mapping[str, ArrayLike] | Levers | None = None,
    parameters: Mapping[str, ArrayLike] | None = None,
    base_scale: ArrayLike | None = None,
) -> BatchResult:
    """Run n scenarios of one municipality at once (see the module docstring)."""
    run = _prepare(data, levers, parameters, base_scale)
    trajectory = compute_trajectory(data, run.years, run.paths, run.params)
    return _result(run.n, run.years, trajectory, run.fleets[CAR_LEVER], run.scale)


@dataclass(frozen=True, eq=False)
class BatchTotals:
    """What a Monte Carlo reads from a batch (run_batch_totals), each with the leading n."""

    years: np.ndarray  # (years,)
    totals: np.ndarray  # (n, years) all greenhouse gases, BECCS not included
    fossil_fuel_co2_2030: np.ndarray  # (n,) what the verdict counts
    transport_fossil_co2: tuple[np.ndarray, ...]  # (n, years) by TRANSPORT_SUBSECTORS
    beccs: np.ndarray  # (n, years) captured biogenic CO2, negative

    def year_index(self, year: int) -> int:
        """Column of a year in the outputs."""
        return int(np.nonzero(self.years == year)[0][0])


def run_batch_totals(
    data: MunicipalityData,
    levers: Mapping[str, ArrayLike] | Levers | None = None,
    parameters: Mapping[str, ArrayLike] | None = None,
    base_scale: ArrayLike | None = None,
) -> BatchTotals:
    """run_batch's totals, fossil-fuel CO2 in 2030, transport sub-sectors and BECCS, summed
    from each sector's numbers without laying out the (n, years, 9) arrays (a 300-draw
    batch spent most of its time making them). Equal to run_batch's (the same arithmetic,
    summed in sector order). ``parameters`` may be FrozenParameters
    (model.paths.frozen_parameter_view, made once for many lever settings): what follows
    from them and from levers that did not move is then kept between runs."""
    run = _prepare(data, levers, parameters, base_scale)
    columns = sector_columns(data, run.years, run.paths, run.params)
    shape = (run.n, len(run.years))
    t = int(np.nonzero(run.years == TARGET_YEAR)[0][0])
    # Each sector's numbers in one array (sectors, n, years), scaled in one operation and
    # summed over the first axis in sector order, as a loop over the sectors adds them (the
    # same numbers; far fewer numpy calls for a 300-draw batch). np.add.reduce adds the
    # sectors one after another when the years are the inner axis; fuel in 2030 (sectors,
    # n) may have n = 1, where numpy would sum pairwise, so it is accumulated instead.
    by_sector = np.empty((len(columns.ghg),) + shape)
    fuel_by_sector = np.empty((len(columns.ghg), run.n))
    for j, (ghg, fuel) in enumerate(zip(columns.ghg, columns.fossil_fuel_co2, strict=True)):
        by_sector[j] = ghg
        fuel_by_sector[j] = fuel[..., t] if np.ndim(fuel) else fuel
    transport = np.empty((len(columns.transport_fossil_co2),) + shape)
    for k, column in enumerate(columns.transport_fossil_co2):
        transport[k] = column
    if run.scale is not None:
        factors = run.scale.T if run.scale.shape[1] > 1 else run.scale[:, :1].T  # (9|1, n|1)
        by_sector *= factors[:, :, None]
        fuel_by_sector *= factors
        transport *= factors[:1, :, None]
    totals = np.add.reduce(by_sector, axis=0)
    fuel_2030 = np.cumsum(fuel_by_sector, axis=0)[-1]
    return BatchTotals(run.years, totals, fuel_2030, tuple(transport),
                       np.broadcast_to(columns.beccs, shape))


@dataclass(frozen=True, eq=False)
class _Run:
    """A batch's inputs, ready for the core."""

    n: int
    years: np.ndarray
    paths: dict[str, np.ndarray]
    fleets: dict[str, FleetState]
    params: Mapping[str, float | np.ndarray]
    scale: np.ndarray | None


def _prepare(data: MunicipalityData, levers: Mapping[str, ArrayLike] | Levers | None,
             parameters: Mapping[str, ArrayLike] | None, base_scale: ArrayLike | None) -> _Run:
    values: dict[str, ArrayLike] = (
        levers.as_dict() if isinstance(levers, Levers) else dict(levers or {})
    )
    _check_ranges(data, values)
    scale = None if base_scale is None else np.atleast_2d(np.asarray(base_scale, dtype=float))
    frozen = parameters if isinstance(parameters, FrozenParameters) else None
    n = _batch_size(values, None if frozen is not None else parameters,
                    extra=scale if scale is not None and scale.shape[0] > 1 else None)
    if frozen is not None and frozen.n > 1:
        if n not in (1, frozen.n):
            raise ValueError(f"All batch arrays must have the same length; got "
                             f"{sorted({n, frozen.n})}.")
        n = frozen.n
    # A lever given as one float keeps one path for the whole batch (the core broadcasts);
    # every output still carries the leading axis n.
    reference = reference_levers(data)
    full = {spec.id: _one_or_n(values.get(spec.id, getattr(reference, spec.id)))
            for spec in LEVER_SPECS}
    params = frozen if frozen is not None else parameter_view(
        data, {k: _one_or_n(v) for k, v in (parameters or {}).items()})
    paths, fleets = paths_and_fleets(data, full, params)
    return _Run(n, reference_paths(data).years.copy(), paths, fleets, params, scale)


def _one_or_n(value: ArrayLike) -> float | np.ndarray:
    """A batch input as a float (the same for all) or a float array (n,)."""
    array = np.asarray(value, dtype=float)
    return float(array) if array.ndim == 0 else array


def _result(n: int, year_axis: np.ndarray, trajectory: Trajectory, cars: FleetState,
            scale: np.ndarray | None = None) -> BatchResult:
    """The batch's outputs, every one broadcast to the leading axis n."""
    ghg, fossil = trajectory.ghg, trajectory.fossil_co2
    fuel = cast(np.ndarray, trajectory.fossil_fuel_co2)
    transport = trajectory.transport_fossil_co2
    if scale is not None:
        by_sector = scale[:, None, :]  # (n or 1, 1, 9 or 1)
        ghg, fossil, fuel = (times(a, by_sector) for a in (ghg, fossil, fuel))
        transport = times(transport, by_sector[..., :1])
    years = len(year_axis)
    shape = (n, years)
    return BatchResult(
        years=year_axis,
        ghg=np.broadcast_to(ghg, shape + (ghg.shape[-1],)),
        fossil_co2=np.broadcast_to(fossil, shape + (fossil.shape[-1],)),
        fossil_fuel_co2=np.broadcast_to(fuel, shape + (fuel.shape[-1],)),
        transport_fossil_co2=np.broadcast_to(transport, shape + (transport.shape[-1],)),
        beccs=np.broadcast_to(trajectory.beccs, shape),
        electric_share_car_km=np.broadcast_to(cars.electric_km, shape),
        zero_emission_share_new_cars=np.broadcast_to(cars.new_zero_emission, shape),
        biofuel_share_petrol=np.broadcast_to(trajectory.biofuel_share_petrol, shape),
        biofuel_share_diesel=np.broadcast_to(trajectory.biofuel_share_diesel, shape),
    )


@dataclass(frozen=True, eq=False)
class _Group:
    """Municipalities that share a year axis, stacked: rows of the batch they fill."""

    rows: np.ndarray  # (m,) int, positions in the batch
    data: MunicipalityStack
    reference: StackedReference
    beccs_max: np.ndarray  # (m,) each municipality's BECCS ceiling (lever_max)


@dataclass(frozen=True, eq=False)
class MunicipalityBatch:
    """Municipalities stacked for run_municipalities: built once, run many times (stacking
    290 municipalities' reference paths takes longer than running them)."""

    datas: tuple[MunicipalityData, ...]
    groups: tuple[_Group, ...]

    @property
    def n(self) -> int:
        """Number of municipalities (rows of every result)."""
        return len(self.datas)


def prepare_municipalities(datas: Sequence[MunicipalityData]) -> MunicipalityBatch:
    """Stack municipalities for run_municipalities; ValueError if their base years differ.

    Municipalities whose fleet figures are for different years (the fleet paths are
    anchored there) are stacked apart, one group each; with the shipped data there is one.
    """
    datas = tuple(datas)
    if not datas:
        raise ValueError("No municipalities to run.")
    if len({d.base_year for d in datas}) > 1:
        raise ValueError("The municipalities have different base years.")
    by_fleet_year: dict[object, list[int]] = {}
    for i, d in enumerate(datas):
        by_fleet_year.setdefault(d.parameters.get("car_fleet_year"), []).append(i)
    groups = []
    for rows in by_fleet_year.values():
        members = [datas[i] for i in rows]
        stack = stack_municipalities(members)
        groups.append(_Group(np.array(rows), stack, stack_reference_paths(members),
                             lever_max_stacked(stack, BECCS_LEVER)))
    return MunicipalityBatch(datas, tuple(groups))


def _lever_values(group: _Group, given: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Every lever as (m,): given values (BECCS clipped to each plant), else the
    municipality's own reference; LeverError for a value outside the lever's range."""
    full = {}
    for spec in LEVER_SPECS:
        value = given.get(spec.id)
        if value is None:
            full[spec.id] = group.reference.values[spec.id]
            continue
        value = value[group.rows]
        high: float | np.ndarray = spec.max
        if spec.id == BECCS_LEVER:
            value = np.minimum(value, group.beccs_max)
            high = group.beccs_max
        if not np.all((value >= spec.min) & (value <= high)):  # also rejects NaN
            raise LeverError(
                f"{spec.id}: värden utanför det möjliga intervallet "
                f"{spec.min:g}–{np.max(high):g}.",
                f"{spec.id}: values outside the possible range {spec.min:g}–{np.max(high):g}.",
            )
        full[spec.id] = value
    return full


def _group_inputs(group: _Group, given: Mapping[str, np.ndarray],
                  parameters: Mapping[str, np.ndarray]
                  ) -> tuple[dict[str, np.ndarray], dict[str, FleetState],
                             Mapping[str, float | np.ndarray]]:
    """A group's lever paths, fleets and parameters (row i is municipality i)."""
    full = _lever_values(group, given)
    params = parameter_view(group.data, {k: v if v.ndim == 0 else v[group.rows]
                                         for k, v in parameters.items()})
    paths, fleets = paths_and_fleets(group.data, full, params, stacked=group.reference)
    return paths, fleets, params


def _run_group(group: _Group, given: Mapping[str, np.ndarray],
               parameters: Mapping[str, np.ndarray]) -> BatchResult:
    """One vectorised run of a group: row i is municipality i with its own inputs."""
    paths, fleets, params = _group_inputs(group, given, parameters)
    trajectory = compute_trajectory(group.data, group.reference.years, paths, params)
    return _result(group.data.n, group.reference.years, trajectory, fleets[CAR_LEVER])


def sector_sum(columns: Sequence[float | np.ndarray], shape: tuple[int, ...]) -> np.ndarray:
    """The sectors' numbers added, each broadcast to shape, in the order numpy adds a short
    last axis (eight running sums, paired; then the rest): bitwise what laying them out as
    (..., sectors) and summing the last axis gives, without making that array."""
    cs = [np.broadcast_to(np.asarray(c, dtype=float), shape) for c in columns]
    if len(cs) < 8:
        total = cs[0].copy()
        for c in cs[1:]:
            total = total + c
        return total
    if len(cs) > 128:  # numpy splits longer axes recursively; sectors never are this many
        return np.stack(cs, axis=-1).sum(axis=-1)
    r = cs[:8]
    whole = len(cs) - len(cs) % 8
    for i in range(8, whole, 8):
        r = [r[j] + cs[i + j] for j in range(8)]
    total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    for c in cs[whole:]:
        total = total + c
    return total


@dataclass(frozen=True, eq=False)
class MunicipalityTotals:
    """What the Sverige page reads from a run of all municipalities: leading axis n."""

    years: np.ndarray  # (years,)
    totals: np.ndarray  # (n, years) all greenhouse gases, BECCS not included
    fossil_fuel_co2_2030: np.ndarray  # (n,) what the fossil-fuel-free verdict counts


def run_municipalities_totals(batch: MunicipalityBatch,
                              levers: Mapping[str, ArrayLike] | None = None
                              ) -> MunicipalityTotals:
    """run_municipalities' totals and fossil-fuel CO2 in 2030 (bitwise the same), summed
    from the sectors' numbers without laying out the (n, years, sectors) arrays that a
    caller reading only these would throw away (a lever move on the Sverige page)."""
    given = _given(batch, levers)
    parts = []
    for group in batch.groups:
        paths, _, params = _group_inputs(group, given, {})
        years = group.reference.years
        columns = sector_columns(group.data, years, paths, params)
        t = int(np.nonzero(years == TARGET_YEAR)[0][0])
        shape = (group.data.n, len(years))
        fuel_2030 = [np.broadcast_to(c, shape)[:, t] if np.ndim(c) else c
                     for c in columns.fossil_fuel_co2]
        parts.append((years, sector_sum(columns.ghg, shape),
                      sector_sum(fuel_2030, shape[:1])))
    if len(parts) == 1:
        return MunicipalityTotals(*parts[0])
    years = parts[0][0]
    totals = np.empty((batch.n, len(years)))
    fuel = np.empty(batch.n)
    for group, (_, group_totals, group_fuel) in zip(batch.groups, parts, strict=True):
        totals[group.rows] = group_totals
        fuel[group.rows] = group_fuel
    return MunicipalityTotals(years, totals, fuel)


def _given(batch: MunicipalityBatch, levers: Mapping[str, ArrayLike] | None
           ) -> dict[str, np.ndarray]:
    """The given levers as (n,) arrays; LeverError for an unknown lever."""
    for lever_id in levers or {}:
        if lever_id not in LEVERS_BY_ID:
            raise LeverError(f"Okänd spak: {lever_id!r}.", f"Unknown lever: {lever_id!r}.")
    return {k: np.broadcast_to(np.asarray(v, dtype=float), (batch.n,))
            for k, v in (levers or {}).items()}


def run_municipalities(
    datas: Sequence[MunicipalityData] | MunicipalityBatch,
    levers: Mapping[str, ArrayLike] | None = None,
    parameters: Mapping[str, ArrayLike] | None = None,
) -> BatchResult:
    """One row per municipality (same base year required), in one vectorised run.

    Levers and parameters are floats (the same for all) or (n,) arrays (one value per
    municipality). Levers not given stay at each municipality's own reference; BECCS is
    clipped to each municipality's plant (0 without one); any other value outside a
    lever's range raises LeverError, as in run_batch. Pass a MunicipalityBatch
    (prepare_municipalities) to run the same municipalities many times.
    """
    batch = datas if isinstance(datas, MunicipalityBatch) else prepare_municipalities(datas)
    given = _given(batch, levers)
    overrides = {k: np.asarray(v, dtype=float) for k, v in (parameters or {}).items()}
    for k, v in overrides.items():
        if v.ndim != 0 and v.shape != (batch.n,):
            raise ValueError(f"{k}: one value, or one per municipality ({batch.n}).")
    results = [_run_group(g, given, overrides) for g in batch.groups]
    if len(results) == 1:
        return results[0]
    stacked = {}
    for f in fields(BatchResult):
        if f.name == "years":
            continue
        first = getattr(results[0], f.name)
        out = np.empty((batch.n,) + first.shape[1:], dtype=first.dtype)
        for group, result in zip(batch.groups, results, strict=True):
            out[group.rows] = getattr(result, f.name)
        stacked[f.name] = out
    return BatchResult(years=results[0].years, **stacked)
