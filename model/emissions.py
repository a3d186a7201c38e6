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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from model.data import MunicipalityData, MunicipalityStack, diesel_shares
from model.sectors import (
    AGRICULTURE,
    ELECTRICITY_HEAT,
    HEATING,
    INDUSTRY,
    INTERNATIONAL,
    MACHINERY,
    PRODUCTS,
    SECTOR_INDEX,
    SECTORS,
    TRANSPORT,
    TRANSPORT_SUBSECTORS,
    WASTE,
)

_CARS, _HEAVY, _LIGHT, _BUSES, _AVIATION, _OTHER = range(len(TRANSPORT_SUBSECTORS))
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
    plant_kt = (params.get("beccs_biogenic_co2_kt", 0.0) * (1.0 - efficiency_pct / 100.0)
                * params.get("beccs_capture_rate_max", 0.9) * params.get("beccs_availability",
                                                                         0.9))
    ramp_years = params.get("beccs_rampup_years", 1.0)
    rampup = np.clip((years - start_year + 1.0) / ramp_years, 0.0, 1.0)
    return np.minimum(capacity_kt, plant_kt) * rampup * 1000.0


def _weighted(activity: np.ndarray, split: np.ndarray) -> np.ndarray:
    """activity (..., 6) weighted by the transport split: (6,), or a stack's (n, 1, 6)."""
    return activity @ split if split.ndim == 1 else (activity * split).sum(axis=-1)


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


@lru_cache(maxsize=512)
def _base(data: MunicipalityData | MunicipalityStack) -> _Base:
    base = data.base_ghg
    co2 = base * data.co2_share
    a = SECTOR_INDEX[AGRICULTURE]
    ruminants = base[..., a] * data.parameters["ruminant_share_of_agriculture"]
    return _Base(
        base=base,
        co2=co2,
        other_gases=base - co2,
        transport_co2=co2[..., SECTOR_INDEX[TRANSPORT], None] * data.transport_split,
        split=data.transport_split,
        diesel=diesel_shares(data.parameters),
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


def _last_axis(columns: Sequence[float | np.ndarray]) -> np.ndarray:
    """Columns of any broadcastable shapes as one array (..., len(columns))."""
    shape = np.broadcast_shapes(*(np.shape(c) for c in columns))
    out = np.empty(shape + (len(columns),))
    for j, column in enumerate(columns):
        out[..., j] = column
    return out


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
    p = params if params is not None else data.parameters
    b = _base(data)
    co2, other_gases = b.co2, b.other_gases

    bio_petrol = biofuel_share(paths["reduktionsplikt_bensin"], p["biofuel_saving_petrol"],
                               p["blend_limit_petrol_energy"])
    bio_diesel = biofuel_share(paths["reduktionsplikt_diesel"], p["biofuel_saving_diesel"],
                               p["blend_limit_diesel_energy"])
    petrol = _ratio(1.0 - bio_petrol)
    diesel = _ratio(1.0 - bio_diesel)
    # HVO100 and biogas in the municipality's own and procured vehicles and machinery:
    # only the volume it controls.
    local = paths["hvo100_lokalt"] / 100.0

    def own(key: str) -> np.ndarray:
        return _ratio(1.0 - local * p[key])

    # Transport, per sub-sector: activity × non-electric share × fossil fraction of the fuel.
    d = b.diesel
    activity = _last_axis([
        (1.0 + paths["trafik_personbilar"] / 100.0) * _share_ratio(paths["el_personbilar"]),
        _share_ratio(paths["el_tunga_lastbilar"]),
        _share_ratio(paths["el_latta_lastbilar"]),
        _share_ratio(paths["fossilfria_bussar"]),
        _share_ratio(paths["fossilfritt_flyg"]),
        1.0,
    ])
    diesel_local = {_HEAVY: own("own_share_heavy_diesel"), _LIGHT: own("own_share_light_diesel")}
    # Fuel's fossil fraction per sub-sector (the road-fuel obligation does not cover jet
    # fuel), on a last axis of 6 sub-sectors.
    fuel = _last_axis([
        d[k] * diesel * diesel_local.get(k, 1.0) + (1.0 - d[k]) * petrol
        if k != _AVIATION else 1.0
        for k in range(len(TRANSPORT_SUBSECTORS))
    ])
    transport_fossil = times(b.transport_co2 * activity, fuel)
    t = SECTOR_INDEX[TRANSPORT]
    fossil_t = transport_fossil.sum(axis=-1)
    ghg_t = fossil_t + other_gases[..., t] * _weighted(activity, b.split)

    # Working machinery: fossil-free share (electric or HVO100) × fossil fraction of the fuel.
    m = SECTOR_INDEX[MACHINERY]
    dm = b.diesel_machinery
    machines = _share_ratio(paths["fossilfria_arbetsmaskiner"])
    machine_fuel = dm * diesel * own("own_share_machinery_diesel") + (1.0 - dm) * petrol
    fossil_m = co2[..., m] * machines * machine_fuel
    ghg_m = fossil_m + other_gases[..., m] * machines

    efficiency = 1.0 - paths["energieffektivisering"] / 100.0
    h = SECTOR_INDEX[HEATING]
    fossil_h = co2[..., h] * _share_ratio(paths["utfasning_olja"]) * efficiency
    ghg_h = fossil_h + other_gases[..., h] * efficiency

    # Electricity and district heating: the fossil remainder, and methane and nitrous oxide
    # from burning biomass, which only falls when less is burnt.
    e = SECTOR_INDEX[ELECTRICITY_HEAT]
    fossil_e = co2[..., e] * _share_ratio(paths["fossilfri_fjarrvarme"]) * efficiency
    ghg_e = fossil_e + other_gases[..., e] * efficiency

    # Industry: energy (the lever) and processes (unchanged, not fuel).
    i = SECTOR_INDEX[INDUSTRY]
    process = p["industry_process_share"]
    energy = co2[..., i] * (1.0 - process) * _share_ratio(paths["fossilfri_industri"])
    fossil_i = energy + co2[..., i] * process
    ghg_i = fossil_i + other_gases[..., i]

    # Agriculture: ruminants (enteric methane, manure) and soils; its CO2 is from liming,
    # mineral rather than fossil fuel, so it is not counted as fossil CO2.
    herd = np.maximum(1.0 + paths["idisslare"] / 100.0, 0.0)
    ghg_a = b.ruminants * herd + b.soils * (1.0 - paths["jordbruk_atgarder"] / 100.0)

    w = SECTOR_INDEX[WASTE]
    factor = _share_ratio(paths["avfall_minskning"])
    fossil_w = co2[..., w] * factor
    ghg_w = b.base[..., w] * factor

    # Product use: solvents (fossil CO2) and F-gases (the other gases), which the EU F-gas
    # Regulation phases out by 2050 in the reference; the lever cuts both further.
    s = SECTOR_INDEX[PRODUCTS]
    factor = _share_ratio(paths["produkter_fgaser"])
    phaseout = p["fgas_phaseout_year"]
    fgas = np.clip(1.0 - (years - data.base_year) / (phaseout - data.base_year), 0.0, 1.0)
    fossil_s = co2[..., s] * factor
    ghg_s = fossil_s + other_gases[..., s] * fgas * factor

    # International transport (flights from the local airport) follows the aviation lever.
    x = SECTOR_INDEX[INTERNATIONAL]
    aviation = _share_ratio(paths["fossilfritt_flyg"])
    fossil_x = co2[..., x] * aviation
    ghg_x = b.base[..., x] * aviation

    by_sector: dict[int, tuple[np.ndarray, np.ndarray | float, np.ndarray | float]] = {
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
    columns = [by_sector[j] for j in range(len(SECTORS))]
    shape = np.broadcast_shapes(*(np.shape(v) for c in columns for v in c), np.shape(years))
    ghg, fossil, fuel_only = (np.empty(shape + (len(SECTORS),)) for _ in range(3))
    for j, (g, f, u) in enumerate(columns):
        ghg[..., j] = g
        fossil[..., j] = f
        fuel_only[..., j] = u

    captured = beccs_captured_t(years, paths["beccs_kt"], paths["beccs_start"],
                                paths["energieffektivisering"], p)
    beccs = -captured + 0.0  # no -0.0
    if transport_fossil.shape[:-1] != shape:
        transport_fossil = np.broadcast_to(transport_fossil, shape + transport_fossil.shape[-1:])
    return Trajectory(years, ghg, fossil, transport_fossil, beccs, fuel_only,
                      np.broadcast_to(bio_petrol, shape), np.broadcast_to(bio_diesel, shape))
