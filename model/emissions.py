"""Emissions by sector and year: base-year emissions times lever-driven factors.

Each part of a sector is its base-year emissions times a product of factors (activity,
non-electric share, fossil fraction of the fuel, ...), each factor being one in the base year
under the reference. Levers therefore combine multiplicatively: 100 % electric cars and a
100 % biofuel blend cannot remove the same tonne twice, and the reference reproduces the
last statistics year exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.data import MunicipalityData, diesel_shares
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


@dataclass(frozen=True, eq=False)
class Trajectory:
    """Scenario emissions from the base year to 2050 (t CO2e; BECCS negative)."""

    years: np.ndarray
    ghg: np.ndarray  # (years, 9 sectors), all greenhouse gases
    fossil_co2: np.ndarray  # (years, 9 sectors), fossil CO2 only (part of ghg)
    transport_fossil_co2: np.ndarray  # (years, 6 transport sub-sectors)
    beccs: np.ndarray  # (years,), captured biogenic CO2 as negative emissions


def _share_ratio(path_pct: np.ndarray) -> np.ndarray:
    """(1 − share(t)) / (1 − share(base)): what is left of a fossil share, relative to base."""
    remaining = 1.0 - path_pct / 100.0
    base = remaining[0]
    return remaining / base if base > 0 else np.zeros_like(remaining)


def compute_trajectory(
    data: MunicipalityData, years: np.ndarray, paths: dict[str, np.ndarray]
) -> Trajectory:
    """Emissions for every sector and year from the lever paths."""
    base = data.base_ghg
    co2 = base * data.co2_share
    other_gases = base - co2
    n = len(years)
    ghg = np.zeros((n, len(SECTORS)))
    fossil = np.zeros((n, len(SECTORS)))

    petrol = _share_ratio(paths["reduktionsplikt_bensin"])
    diesel = _share_ratio(paths["reduktionsplikt_diesel"])

    # Transport, per sub-sector: activity × non-electric share × fossil fraction of the fuel.
    d = diesel_shares(data.parameters)[:, None]
    fuel = d * diesel[None, :] + (1.0 - d) * petrol[None, :]
    fuel[_AVIATION] = 1.0  # the road-fuel obligation does not cover jet fuel
    combustion = np.ones((len(TRANSPORT_SUBSECTORS), n))
    combustion[_CARS] = (1.0 + paths["trafik_personbilar"] / 100.0) * _share_ratio(
        paths["el_personbilar"]
    )
    combustion[_HEAVY] = _share_ratio(paths["el_tunga_lastbilar"])
    combustion[_LIGHT] = _share_ratio(paths["el_latta_lastbilar"])
    combustion[_BUSES] = _share_ratio(paths["fossilfria_bussar"])
    aviation = _share_ratio(paths["fossilfritt_flyg"])
    combustion[_AVIATION] = aviation
    split = data.transport_split[:, None]
    transport_fossil = co2[SECTOR_INDEX[TRANSPORT]] * split * combustion * fuel
    t = SECTOR_INDEX[TRANSPORT]
    fossil[:, t] = transport_fossil.sum(axis=0)
    ghg[:, t] = fossil[:, t] + other_gases[t] * (split * combustion).sum(axis=0)

    # Working machinery: fossil-free share (electric or HVO100) × fossil fraction of the fuel.
    m = SECTOR_INDEX[MACHINERY]
    dm = data.parameters["diesel_share_arbetsmaskiner"]
    machines = _share_ratio(paths["fossilfria_arbetsmaskiner"])
    fossil[:, m] = co2[m] * machines * (dm * diesel + (1.0 - dm) * petrol)
    ghg[:, m] = fossil[:, m] + other_gases[m] * machines

    efficiency = 1.0 - paths["energieffektivisering"] / 100.0
    h = SECTOR_INDEX[HEATING]
    fossil[:, h] = co2[h] * _share_ratio(paths["utfasning_olja"]) * efficiency
    ghg[:, h] = fossil[:, h] + other_gases[h] * efficiency

    # Electricity and district heating: the fossil remainder, and methane and nitrous oxide
    # from burning biomass, which only falls when less is burnt.
    e = SECTOR_INDEX[ELECTRICITY_HEAT]
    fossil[:, e] = co2[e] * _share_ratio(paths["fossilfri_fjarrvarme"]) * efficiency
    ghg[:, e] = fossil[:, e] + other_gases[e] * efficiency

    i = SECTOR_INDEX[INDUSTRY]
    fossil[:, i] = co2[i] * _share_ratio(paths["fossilfri_industri"])
    ghg[:, i] = fossil[:, i] + other_gases[i]

    # Agriculture: ruminants (enteric methane, manure) and soils; its CO2 is from liming,
    # mineral rather than fossil fuel, so it is not counted as fossil CO2.
    a = SECTOR_INDEX[AGRICULTURE]
    ruminants = base[a] * data.parameters["ruminant_share_of_agriculture"]
    soils = base[a] - ruminants
    herd = np.maximum(1.0 + paths["idisslare"] / 100.0, 0.0)
    ghg[:, a] = ruminants * herd + soils * (1.0 - paths["jordbruk_atgarder"] / 100.0)

    for sector, lever in ((WASTE, "avfall_minskning"), (PRODUCTS, "produkter_fgaser")):
        s = SECTOR_INDEX[sector]
        factor = _share_ratio(paths[lever])
        fossil[:, s] = co2[s] * factor
        ghg[:, s] = base[s] * factor

    # International transport (flights from the local airport) follows the aviation lever.
    x = SECTOR_INDEX[INTERNATIONAL]
    fossil[:, x] = co2[x] * aviation
    ghg[:, x] = base[x] * aviation

    start = paths["beccs_start"]
    beccs = np.where(years >= start, -paths["beccs_kt"] * 1000.0, 0.0) + 0.0  # no -0.0
    return Trajectory(years, ghg, fossil, transport_fossil.T, beccs)
