"""Emissions by sector and year: base-year emissions times lever-driven factors.

Each part of a sector is its base-year emissions times a product of factors (activity,
non-electric share of vehicle-km, fossil fraction of the fuel, ...), each factor being one
in the base year. Levers therefore combine multiplicatively: electric cars and biofuel
cannot remove the same tonne twice, and the reference reproduces the last statistics year
exactly.

Fossil CO2 has two parts: fossil *fuel* CO2 (transport, machinery, own heating, electricity
and district heating, industry's energy), which is what the municipality's goal "fossil-fuel
free" is about, and the rest (solvents and other products, waste, industrial processes,
international transport), shown beside the goal and not counted in it. BECCS is a separate
negative flow and never counts towards fossil-fuel free.

Paths may carry leading batch axes: every path is (..., years) and every parameter a float
or an array broadcastable against (..., 1); the outputs are then (..., years, sectors).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import numpy as np

from model.data import MunicipalityData, MunicipalityStack, diesel_shares
from model.levers import LEVER_SPECS, lever_with_effect
from model.paths import FrozenParameters
from model.sectors import (
    AGRICULTURE,
    ELECTRICITY_HEAT,
    HEATING,
    INDUSTRY,
    INTERNATIONAL,
    MACHINERY,
    PART_BECCS_PLANT,
    PART_DISTRICT_HEATING,
    PART_DISTRICT_HEATING_FUEL,
    PART_HEATING,
    PART_HEATING_FUEL,
    PART_INDUSTRY_FUEL,
    PART_INTERNATIONAL,
    PART_MACHINERY,
    PART_PRODUCTS,
    PART_RUMINANTS,
    PART_SOILS,
    PART_WASTE,
    PRODUCTS,
    SECTOR_INDEX,
    SECTORS,
    TRANSPORT,
    TRANSPORT_SUBSECTORS,
    WASTE,
)

# Sectors whose fossil CO2 comes from burning fossil fuel (industry: its energy part).
FOSSIL_FUEL_SECTORS: tuple[str, ...] = (TRANSPORT, MACHINERY, HEATING, ELECTRICITY_HEAT,
                                        INDUSTRY)


@dataclass(frozen=True, eq=False)
class Trajectory:
    """Scenario emissions from the base year to 2050 (t CO2e; BECCS negative).

    Shapes are given for one scenario; a batch adds leading axes.
    """

    years: np.ndarray
    ghg: np.ndarray  # (years, 9 sectors), all greenhouse gases
    fossil_co2: np.ndarray  # (years, 9 sectors), all fossil CO2 (part of ghg)
    transport_fossil_co2: np.ndarray  # (years, 6 transport sub-sectors)
    beccs: np.ndarray  # (years,), captured biogenic CO2 as negative emissions
    fossil_fuel_co2: np.ndarray | None = None  # (years, 9), fossil CO2 from fuels only
    biofuel_share_petrol: np.ndarray | None = None  # (years,), 0–1 by energy
    biofuel_share_diesel: np.ndarray | None = None


def _ratio(remaining: np.ndarray) -> np.ndarray:
    """remaining / remaining in the first (base) year, 0 where the base is 0."""
    if remaining.ndim == 1:  # one scenario (the common, fast case)
        first = remaining[0]
        return remaining * (1.0 / first) if first > 0 else np.zeros_like(remaining)
    base = remaining[..., :1]
    safe = np.where(base > 0, base, 1.0)
    return np.where(base > 0, remaining / safe, 0.0)


def _share_ratio(path_pct: np.ndarray) -> np.ndarray:
    """(1 − share(t)) / (1 − share(base)): what is left of a fossil share, relative to base."""
    return _ratio(1.0 - path_pct / 100.0)


def biofuel_share(obligation_pct: np.ndarray, saving: float | np.ndarray,
                  limit: float | np.ndarray) -> np.ndarray:
    """Biofuel's share of the fuel's energy for a reduction obligation (lifecycle %).

    The obligation cuts the fuel's lifecycle emissions by p %; biofuel with a lifecycle
    saving σ does it at an energy share p/σ, up to the blend limit.
    """
    return np.minimum(np.asarray(obligation_pct) / 100.0 / saving, limit)


def beccs_captured_t(
    years: np.ndarray,
    capacity_kt: np.ndarray,
    start_year: np.ndarray,
    efficiency_pct: np.ndarray,
    params: Mapping[str, float | np.ndarray],
) -> np.ndarray:
    """Captured biogenic CO2 (t, positive): capacity, at most the plant's biogenic CO2 ×
    the highest capture rate × availability (falling with heat demand), ramped up over the
    first years from the start year."""
    return _captured(years, capacity_kt, start_year, 1.0 - efficiency_pct / 100.0, params)


def _captured(years: np.ndarray, capacity_kt: np.ndarray, start_year: np.ndarray,
              plant_factor: float | np.ndarray, params: Mapping[str, float | np.ndarray]
              ) -> np.ndarray:
    """beccs_captured_t with the plant's biogenic CO2 relative to the base year given."""
    plant_kt = (params.get("beccs_biogenic_co2_kt", 0.0) * plant_factor
                * params.get("beccs_capture_rate_max", 0.9) * params.get("beccs_availability",
                                                                         0.9))
    ramp_years = params.get("beccs_rampup_years", 1.0)
    rampup = np.minimum(np.maximum((years - start_year + 1.0) / ramp_years, 0.0), 1.0)
    return np.minimum(capacity_kt, plant_kt) * rampup * 1000.0


@dataclass(frozen=True, eq=False)
class _Base:
    """What compute_trajectory needs from a municipality's statistics, computed once."""

    base: np.ndarray  # (..., 9) GHG by sector in the base year
    co2: np.ndarray  # (..., 9) its CO2
    other_gases: np.ndarray  # (..., 9) methane, nitrous oxide, F-gases
    transport_co2: np.ndarray  # (..., 6) transport CO2 by sub-sector
    split: np.ndarray  # (6,), a stack's (n, 1, 6)
    diesel: np.ndarray  # (6,) diesel's share by sub-sector; a stack's (6, n, 1)
    diesel_machinery: float | np.ndarray
    ruminants: np.ndarray  # (...,) agriculture's ruminant part in the base year
    soils: np.ndarray  # (...,) and the rest
    # Per transport sub-sector (TRANSPORT_SUBSECTORS order): its name, its CO2, its share of
    # the sector and diesel's share of its fuel (each a float, or a stack's (n, 1)).
    by_subsector: tuple[tuple[str, np.ndarray, np.ndarray, np.ndarray], ...] = ()


@lru_cache(maxsize=512)
def _base(data: MunicipalityData | MunicipalityStack) -> _Base:
    base = data.base_ghg
    co2 = base * data.co2_share
    a = SECTOR_INDEX[AGRICULTURE]
    ruminants = base[..., a] * data.parameters["ruminant_share_of_agriculture"]
    transport_co2 = co2[..., SECTOR_INDEX[TRANSPORT], None] * data.transport_split
    diesel = diesel_shares(data.parameters)
    return _Base(
        base=base,
        co2=co2,
        other_gases=base - co2,
        transport_co2=transport_co2,
        split=data.transport_split,
        diesel=diesel,
        by_subsector=tuple(
            (sub, transport_co2[..., k], data.transport_split[..., k], diesel[k])
            for k, sub in enumerate(TRANSPORT_SUBSECTORS)
        ),
        diesel_machinery=data.parameters["diesel_share_arbetsmaskiner"],
        ruminants=ruminants,
        soils=base[..., a] - ruminants,
    )


def times(array: np.ndarray, factor: float | np.ndarray) -> np.ndarray:
    """array * factor, in place where the array is a new one of the product's shape (the
    same numbers without new memory: a batch's arrays are megabytes, and fresh memory costs
    the kernel's page faults)."""
    if (array.flags.writeable and array.flags.owndata
            and array.shape == np.broadcast_shapes(array.shape, np.shape(factor))):
        array *= factor
        return array
    return array * factor


def _common_shape(values: Iterable[float | np.ndarray]) -> tuple[int, ...]:
    """The shape values of broadcastable shapes broadcast to (most share one shape)."""
    shapes = {getattr(v, "shape", ()) for v in values}
    shapes.discard(())
    if len(shapes) <= 1:
        return shapes.pop() if shapes else ()
    return np.broadcast_shapes(*shapes)


def _last_axis(columns: Sequence[float | np.ndarray],
               shape: tuple[int, ...] | None = None) -> np.ndarray:
    """Columns of any broadcastable shapes as one array (shape or their shape, len(columns))."""
    shape = _common_shape(columns) if shape is None else shape
    out = np.empty(shape + (len(columns),))
    for j, column in enumerate(columns):
        out[..., j] = column
    return out


def _change(path_pct: np.ndarray) -> np.ndarray:
    """1 + change/100: an activity's level relative to the base year (never below 0)."""
    return np.maximum(1.0 + path_pct / 100.0, 0.0)


def _cut(path_pct: np.ndarray) -> np.ndarray:
    """1 − cut/100: what is left after a cut in per cent."""
    return 1.0 - path_pct / 100.0


# Results kept per inputs, by the inputs' ids: model.paths' cached paths (read-only arrays
# that own their data) and a municipality's own (read-only) parameters. An entry keeps its
# inputs alive, so an id cannot stand for another object while it is here.
_KEPT: dict[tuple[int, ...], tuple[tuple[object, ...], object]] = {}
_KEPT_MAX = 8192  # entries of one path (years,) each: a few MB at most
_R = TypeVar("_R")


def _kept(make: Callable[..., _R], *inputs: object,
          store: dict[tuple[int, ...], tuple[tuple[object, ...], object]] | None = None,
          limit: int = _KEPT_MAX) -> _R:
    """make(*inputs), kept while the inputs are the same unchangeable objects: a slider move
    changes one lever, and the other levers' factors are those of the last run. Arrays
    that may change (writeable, or views) are never kept. ``store`` and ``limit``: where
    and how many (a batch's results are larger than one path's)."""
    if any(isinstance(x, np.ndarray) and (x.flags.writeable or not x.flags.owndata)
           for x in inputs):
        return make(*inputs)
    kept = _KEPT if store is None else store
    key = (id(make), *map(id, inputs))
    hit = kept.get(key)
    if hit is not None and all(x is y for x, y in zip(hit[0], inputs, strict=True)):
        return hit[1]  # type: ignore[return-value]
    value = make(*inputs)
    if len(kept) >= limit:
        kept.clear()
    kept[key] = (inputs, value)
    return value


# Results for FrozenParameters (a Monte Carlo's draws): arrays (n, years) each, so few.
_KEPT_BATCH: dict[tuple[int, ...], tuple[tuple[object, ...], object]] = {}
_KEPT_BATCH_MAX = 16


def _kept_factor(make: Callable[[np.ndarray], np.ndarray], path: np.ndarray) -> np.ndarray:
    """_kept(make, path) for one path: the common case, made cheap (a run asks for fifteen)."""
    if path.flags.writeable or not path.flags.owndata:
        return make(path)
    key = (id(make), id(path))
    hit = _KEPT.get(key)
    if hit is not None and hit[0][0] is path:
        return hit[1]  # type: ignore[return-value]
    return _kept(make, path)


def _read_only(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


# Effects that are a factor on the lever's parts, by LeverSpec.effect (kept results are
# shared, so read-only).
FACTOR_EFFECTS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "remaining": lambda path: _read_only(_share_ratio(path)),
    "change": lambda path: _read_only(_change(path)),
    "cut": lambda path: _read_only(_cut(path)),
}
# The municipality's own (and procured) share of a part's diesel, which HVO100 can replace.
OWN_DIESEL_SHARE: dict[str, str] = {
    "Tunga lastbilar": "own_share_heavy_diesel",
    "Lätta lastbilar": "own_share_light_diesel",
    PART_MACHINERY: "own_share_machinery_diesel",
}
_FUEL_LEVERS = tuple(spec for spec in LEVER_SPECS
                     if spec.effect in ("obligation_petrol", "obligation_diesel", "own_diesel"))


def part_factors(paths: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Each part's factor relative to the base year: the product of the factors of the
    levers acting on it (LEVER_SPECS' effect and parts). A part no lever acts on is absent
    (a factor of 1)."""
    factors: dict[str, np.ndarray] = {}
    for spec in LEVER_SPECS:
        make = FACTOR_EFFECTS.get(spec.effect)
        if make is None:
            continue
        factor = _kept_factor(make, paths[spec.id])
        for part in spec.parts:
            factors[part] = factors[part] * factor if part in factors else factor
    return factors


def _road_fuel(p: Mapping[str, float | np.ndarray], b: _Base, *fuel_paths: np.ndarray
               ) -> tuple[dict[str, float | np.ndarray], dict[str, np.ndarray]]:
    """What the fuel levers (_FUEL_LEVERS, paths in that order) do to road fuel: the fossil
    fraction of each part's fuel relative to the base year (diesel's share × diesel's
    factors + petrol's share × petrol's factors; 1 where no lever acts), and biofuel's
    share of petrol and diesel (0–1 by energy)."""
    petrol: dict[str, list[np.ndarray]] = {}
    diesel: dict[str, list[np.ndarray]] = {}
    biofuel: dict[str, np.ndarray] = {}
    for spec, path in zip(_FUEL_LEVERS, fuel_paths, strict=True):
        if spec.effect == "own_diesel":
            # HVO100 and biogas in the municipality's own and procured vehicles and
            # machinery: only the volume it controls.
            local = path / 100.0
            for part in spec.parts:
                diesel.setdefault(part, []).append(
                    _ratio(1.0 - local * p[OWN_DIESEL_SHARE[part]]))
            continue
        fuel = spec.effect.removeprefix("obligation_")
        share = biofuel_share(path, p[f"biofuel_saving_{fuel}"], p[f"blend_limit_{fuel}_energy"])
        biofuel[fuel] = _read_only(share)  # kept and shared between runs
        fossil = _ratio(1.0 - share)
        for part in spec.parts:
            (petrol if fuel == "petrol" else diesel).setdefault(part, []).append(fossil)
    shares = [(sub, d) for sub, _, _, d in b.by_subsector]
    shares.append((PART_MACHINERY, b.diesel_machinery))
    fractions: dict[str, float | np.ndarray] = {}
    for part, diesel_share in shares:
        if part not in diesel and part not in petrol:
            fractions[part] = 1.0
            continue
        d: float | np.ndarray = diesel_share
        for factor in diesel.get(part, ()):
            d = d * factor
        rest: float | np.ndarray = 1.0 - diesel_share
        for factor in petrol.get(part, ()):
            rest = rest * factor
        fractions[part] = d + rest
    return fractions, biofuel


@dataclass(frozen=True, eq=False)
class SectorColumns:
    """compute_trajectory's numbers before they are laid out as arrays: each a float or an
    array (..., years) in its own shape (a part no batch row changes keeps one path)."""

    years: np.ndarray
    ghg: tuple[float | np.ndarray, ...]  # by sector, SECTORS order
    fossil_co2: tuple[float | np.ndarray, ...]
    fossil_fuel_co2: tuple[float | np.ndarray, ...]
    transport_fossil_co2: tuple[float | np.ndarray, ...]  # by TRANSPORT_SUBSECTORS
    beccs: np.ndarray  # captured biogenic CO2 as negative emissions
    biofuel_share_petrol: np.ndarray
    biofuel_share_diesel: np.ndarray

    def shape(self) -> tuple[int, ...]:
        """The common shape of the sectors' numbers (years, or (..., years))."""
        return _common_shape([*self.ghg, *self.fossil_co2, *self.fossil_fuel_co2, self.years])


def compute_trajectory(
    data: MunicipalityData | MunicipalityStack,
    years: np.ndarray,
    paths: Mapping[str, np.ndarray],
    params: Mapping[str, float | np.ndarray] | None = None,
) -> Trajectory:
    """Emissions for every sector and year from the lever paths (see model/paths.py).

    `params` overrides data.parameters (floats, or arrays broadcastable against the paths).
    `data` may be a MunicipalityStack (paths (n, years)): every municipality in one call.
    Paths may differ in shape (a lever the same in every row of a batch keeps one path
    (years,)): each part is computed in its own shape, the outputs in the common one.
    """
    columns = sector_columns(data, years, paths, params)
    shape = columns.shape()
    ghg, fossil, fuel_only = (_last_axis(c, shape) for c in (
        columns.ghg, columns.fossil_co2, columns.fossil_fuel_co2))
    transport_fossil = _last_axis(columns.transport_fossil_co2)
    if transport_fossil.shape[:-1] != shape:
        transport_fossil = np.broadcast_to(transport_fossil, shape + transport_fossil.shape[-1:])
    petrol, diesel = columns.biofuel_share_petrol, columns.biofuel_share_diesel
    return Trajectory(years, ghg, fossil, transport_fossil, columns.beccs, fuel_only,
                      petrol if petrol.shape == shape else np.broadcast_to(petrol, shape),
                      diesel if diesel.shape == shape else np.broadcast_to(diesel, shape))


def sector_columns(
    data: MunicipalityData | MunicipalityStack,
    years: np.ndarray,
    paths: Mapping[str, np.ndarray],
    params: Mapping[str, float | np.ndarray] | None = None,
) -> SectorColumns:
    """Emissions for every sector and year from the lever paths, as SectorColumns (see
    compute_trajectory, which lays them out as arrays (..., years, sectors)).

    Which lever acts where is the registry's (LeverSpec.effect and parts): this function
    names sectors and parts, never a lever.
    """
    p = params if params is not None else data.parameters
    b = _base(data)
    co2, other_gases = b.co2, b.other_gases
    act = part_factors(paths)
    fuel_paths = [paths[spec.id] for spec in _FUEL_LEVERS]
    if p is data.parameters:
        fuel, biofuel = _kept(_road_fuel, p, b, *fuel_paths)
    elif isinstance(p, FrozenParameters):
        fuel, biofuel = _kept(_road_fuel, p, b, *fuel_paths, store=_KEPT_BATCH,
                              limit=_KEPT_BATCH_MAX)
    else:
        fuel, biofuel = _road_fuel(p, b, *fuel_paths)

    # Transport, per sub-sector: activity (lever factors such as the non-electric share of
    # vehicle-km) × the fossil fraction of its fuel.
    t = SECTOR_INDEX[TRANSPORT]
    columns = []
    fossil_t: float | np.ndarray = 0.0
    weighted: float | np.ndarray = 0.0
    for k, (sub, sub_co2, split, _) in enumerate(b.by_subsector):
        activity = act.get(sub, 1.0)
        column = sub_co2 * activity * fuel[sub]
        columns.append(column)
        fossil_t = column if k == 0 else fossil_t + column
        share = activity * split
        weighted = share if k == 0 else weighted + share
    ghg_t = fossil_t + other_gases[..., t] * weighted

    # Working machinery: its activity (not electric or HVO100) × the fossil fraction of
    # its fuel.
    m = SECTOR_INDEX[MACHINERY]
    machines = act.get(PART_MACHINERY, 1.0)
    fossil_m = co2[..., m] * machines * fuel[PART_MACHINERY]
    ghg_m = fossil_m + other_gases[..., m] * machines

    # Own heating; electricity and district heating: the fossil remainder, and methane and
    # nitrous oxide from burning biomass, which only fall when less is burnt.
    h = SECTOR_INDEX[HEATING]
    heating = act.get(PART_HEATING, 1.0)
    fossil_h = co2[..., h] * act.get(PART_HEATING_FUEL, 1.0) * heating
    ghg_h = fossil_h + other_gases[..., h] * heating
    e = SECTOR_INDEX[ELECTRICITY_HEAT]
    district = act.get(PART_DISTRICT_HEATING, 1.0)
    fossil_e = co2[..., e] * act.get(PART_DISTRICT_HEATING_FUEL, 1.0) * district
    ghg_e = fossil_e + other_gases[..., e] * district

    # Industry: energy (the levers) and processes (unchanged, not fuel).
    i = SECTOR_INDEX[INDUSTRY]
    process = p["industry_process_share"]
    energy = co2[..., i] * (1.0 - process) * act.get(PART_INDUSTRY_FUEL, 1.0)
    fossil_i = energy + co2[..., i] * process
    ghg_i = fossil_i + other_gases[..., i]

    # Agriculture: ruminants (enteric methane, manure) and soils; its CO2 is from liming,
    # mineral rather than fossil fuel, so it is not counted as fossil CO2.
    ghg_a = (b.ruminants * act.get(PART_RUMINANTS, 1.0)
             + b.soils * act.get(PART_SOILS, 1.0))

    w = SECTOR_INDEX[WASTE]
    factor = act.get(PART_WASTE, 1.0)
    fossil_w = co2[..., w] * factor
    ghg_w = b.base[..., w] * factor

    # Product use: solvents (fossil CO2) and F-gases (the other gases), which the EU F-gas
    # Regulation phases out by 2050 in the reference; the levers cut both further.
    s = SECTOR_INDEX[PRODUCTS]
    factor = act.get(PART_PRODUCTS, 1.0)
    phaseout = p["fgas_phaseout_year"]
    fgas = np.minimum(np.maximum(
        1.0 - (years - data.base_year) / (phaseout - data.base_year), 0.0), 1.0)
    fossil_s = co2[..., s] * factor
    ghg_s = fossil_s + other_gases[..., s] * fgas * factor

    # International transport (flights from the local airport).
    x = SECTOR_INDEX[INTERNATIONAL]
    factor = act.get(PART_INTERNATIONAL, 1.0)
    fossil_x = co2[..., x] * factor
    ghg_x = b.base[..., x] * factor

    by_sector: dict[int, tuple[float | np.ndarray, ...]] = {
        t: (ghg_t, fossil_t, fossil_t),
        m: (ghg_m, fossil_m, fossil_m),
        h: (ghg_h, fossil_h, fossil_h),
        e: (ghg_e, fossil_e, fossil_e),
        i: (ghg_i, fossil_i, energy),
        SECTOR_INDEX[AGRICULTURE]: (ghg_a, 0.0, 0.0),
        w: (ghg_w, fossil_w, 0.0),
        s: (ghg_s, fossil_s, 0.0),
        x: (ghg_x, fossil_x, 0.0),
    }
    sectors = [by_sector[j] for j in range(len(SECTORS))]
    capacity, start = lever_with_effect("beccs_capacity"), lever_with_effect("beccs_start_year")
    captured = _captured(years, paths[capacity.id], paths[start.id],
                         act.get(PART_BECCS_PLANT, 1.0), p)
    beccs = -captured + 0.0  # no -0.0
    return SectorColumns(
        years=years,
        ghg=tuple(c[0] for c in sectors),
        fossil_co2=tuple(c[1] for c in sectors),
        fossil_fuel_co2=tuple(c[2] for c in sectors),
        transport_fossil_co2=tuple(columns),
        beccs=beccs,
        biofuel_share_petrol=biofuel["petrol"],
        biofuel_share_diesel=biofuel["diesel"],
    )
