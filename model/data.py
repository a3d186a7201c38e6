"""The inputs the model needs for one municipality, built from the source tables.

The source tables come from data/*.csv (or the DuckDB file built from them); this module only
shapes them into arrays. Reading files is in store/csv_tables.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
import pandas as pd

from model.sectors import AGRICULTURE, SECTOR_INDEX, SECTORS, TRANSPORT, TRANSPORT_SUBSECTORS

TABLE_NAMES: tuple[str, ...] = (
    "ned_ghg",
    "ned_co2_subsector",
    "population",
    "parameters",
    "reduktionsplikt",
    "budget",
    "municipalities",
    "municipality_reported",
    "sources",
    "presets",
    "preset_descriptions",
    "vehicle_fleet",
    "new_cars",
)

# The car fleet's parameters and the vehicle_fleet.csv rows (personbilar by fuel) they come
# from, so every municipality gets its own fleet size and fuel mix (Trafikanalys).
FLEET_PARAMETERS: dict[str, str] = {
    "car_fleet_total": "alla",
    "car_fleet_petrol": "bensin",
    "car_fleet_diesel": "diesel",
    "car_fleet_bev": "el",
    "car_fleet_phev": "laddhybrid",
    "car_fleet_hybrid": "elhybrid",
    "car_fleet_ethanol": "etanol",
    "car_fleet_gas": "gas",
}
# New cars' shares and the new_cars.csv rows (Trafikanalys table 5, 2025) they come from.
NEW_CAR_PARAMETERS: dict[str, str] = {
    "new_car_bev_share": "el",
    "new_car_phev_share": "laddhybrid",
}

# Parameter ids for a sector's CO2 share, used where the municipality has no CO2 data.
_CO2_SHARE_PARAMETER: dict[str, str] = {
    "Transporter": "co2_share_transporter",
    "Arbetsmaskiner": "co2_share_arbetsmaskiner",
    "Jordbruk": "co2_share_jordbruk",
    "Avfall (inkl. avlopp)": "co2_share_avfall",
    "Produktanvändning (inkl. lösningsmedel)": "co2_share_produktanvändning",
    "Egen uppvärmning av bostäder och lokaler": "co2_share_egen_uppvärmning",
    "El och fjärrvärme": "co2_share_el_och_fjärrvärme",
    "Industri (energi + processer)": "co2_share_industri",
    "Utrikes transporter": "co2_share_utrikes_transporter",
}


class DataError(ValueError):
    """The source tables lack something the model needs for this municipality."""


@dataclass(frozen=True)
class Tables:
    """The source tables as DataFrames, exactly as stored in data/ (one per CSV file)."""

    ned_ghg: pd.DataFrame
    ned_co2_subsector: pd.DataFrame
    population: pd.DataFrame
    parameters: pd.DataFrame
    reduktionsplikt: pd.DataFrame
    budget: pd.DataFrame
    municipalities: pd.DataFrame
    municipality_reported: pd.DataFrame
    sources: pd.DataFrame
    presets: pd.DataFrame
    preset_descriptions: pd.DataFrame
    vehicle_fleet: pd.DataFrame
    new_cars: pd.DataFrame
    # Each table's rows grouped by municipality code, built on first use (see _rows_for):
    # filtering 290 municipalities' rows anew for every build cost 0.1 s a municipality.
    _by_code: dict[str, tuple[pd.DataFrame, dict[str, np.ndarray]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )


@dataclass(frozen=True, eq=False)
class MunicipalityData:
    """Everything the maths needs for one municipality, as arrays ready for vectorised use."""

    code: str
    name: str
    history_years: np.ndarray  # NED years, e.g. 1990, 2000, ..., 2024
    history_ghg: np.ndarray  # t CO2e, shape (len(history_years), 9), SECTORS order
    co2_years: np.ndarray  # years with CO2 by sector (may be empty)
    co2_history: np.ndarray  # t CO2, shape (len(co2_years), 9); NaN where unknown
    co2_share: np.ndarray  # CO2's share of each sector's GHG in the base year, shape (9,)
    transport_split: np.ndarray  # shares of transport CO2 by TRANSPORT_SUBSECTORS, base year
    transport_split_from_data: bool  # False where a national split stands in
    obligation_years: np.ndarray
    obligation_petrol: np.ndarray  # fraction of fossil CO2 replaced by biofuel, petrol
    obligation_diesel: np.ndarray
    population_years: np.ndarray
    population: np.ndarray
    budget_t: float
    budget_start_year: int
    budget_is_estimate: bool
    parameters: Mapping[str, float] = field(default_factory=dict)
    # Parameters that are the municipality's own (its own row in parameters.csv or its own
    # vehicle_fleet.csv rows); every other parameter is a labelled default or proxy ('*').
    own_parameters: frozenset[str] = frozenset()

    @property
    def base_year(self) -> int:
        """The last statistics year: the scenario starts from it."""
        return int(self.history_years[-1])

    @property
    def base_ghg(self) -> np.ndarray:
        """GHG by sector in the base year."""
        return self.history_ghg[-1]

    @property
    def population_growth(self) -> float:
        """Yearly population growth over the last two known years."""
        if len(self.population) < 2:
            return 0.0
        years = float(self.population_years[-1] - self.population_years[-2])
        return float((self.population[-1] / self.population[-2]) ** (1.0 / years) - 1.0)

    def ghg_in(self, year: int) -> float | None:
        """Total NED GHG in a statistics year, or None if it is not published."""
        hit = np.nonzero(self.history_years == year)[0]
        return float(self.history_ghg[hit[0]].sum()) if len(hit) else None

    @property
    def fossil_co2_history(self) -> np.ndarray:
        """NED CO2 by sector without agriculture's liming, which is mineral, not fossil fuel.

        The same definition as the scenario's fossil CO2, so history and scenario join.
        """
        fossil = self.co2_history.copy()
        fossil[:, SECTOR_INDEX[AGRICULTURE]] = 0.0
        return fossil

    def fossil_co2_in(self, year: int) -> float | None:
        """Fossil CO2 (NED CO2 less liming) in a year with CO2 statistics, or None."""
        hit = np.nonzero(self.co2_years == year)[0]
        if not len(hit):
            return None
        return float(np.nansum(self.fossil_co2_history[hit[0]]))


@dataclass(frozen=True, eq=False)
class MunicipalityStack:
    """Several municipalities' model inputs on a leading municipality axis n.

    Shaped so that the core's maths, written for one municipality with batch axes on the
    lever paths, broadcasts over municipalities exactly as it does over uncertainty draws:
    per-municipality numbers are (n, 1, ...) and every parameter (n, 1), against paths of
    shape (n, years). One base year, one reduction-obligation table and one fleet-data
    year for all (``stack_municipalities`` checks), since those set the shared year axis.
    """

    codes: tuple[str, ...]
    base_year: int
    base_ghg: np.ndarray  # (n, 1, 9) GHG by sector in the base year
    co2_share: np.ndarray  # (n, 1, 9)
    transport_split: np.ndarray  # (n, 1, 6)
    obligation_years: np.ndarray  # shared (national)
    obligation_petrol: np.ndarray
    obligation_diesel: np.ndarray
    # Each (n, 1); NaN where a municipality lacks a parameter the others have, so that a
    # calculation reading it shows NaN rather than a wrong number.
    parameters: Mapping[str, np.ndarray] = field(default_factory=dict)

    @property
    def n(self) -> int:
        """Number of municipalities."""
        return len(self.codes)


def stack_municipalities(datas: Sequence[MunicipalityData]) -> MunicipalityStack:
    """Stack municipalities for one vectorised run; ValueError if they cannot share a
    year axis (different base years, obligation tables or fleet-data years)."""
    if not datas:
        raise ValueError("No municipalities to stack.")
    first = datas[0]
    if any(d.base_year != first.base_year for d in datas):
        raise ValueError("The municipalities have different base years.")
    if any(not (np.array_equal(d.obligation_years, first.obligation_years)
                and np.array_equal(d.obligation_petrol, first.obligation_petrol)
                and np.array_equal(d.obligation_diesel, first.obligation_diesel))
           for d in datas):
        raise ValueError("The municipalities have different reduction-obligation tables.")
    fleet_years = {d.parameters.get("car_fleet_year") for d in datas}
    if len(fleet_years) > 1:
        raise ValueError("The municipalities have different fleet-data years.")
    keys = list(dict.fromkeys(k for d in datas for k in d.parameters))
    parameters = {k: np.array([[d.parameters.get(k, np.nan)] for d in datas], dtype=float)
                  for k in keys}
    return MunicipalityStack(
        codes=tuple(d.code for d in datas),
        base_year=first.base_year,
        base_ghg=np.stack([d.base_ghg for d in datas])[:, None, :],
        co2_share=np.stack([d.co2_share for d in datas])[:, None, :],
        transport_split=np.stack([d.transport_split for d in datas])[:, None, :],
        obligation_years=first.obligation_years,
        obligation_petrol=first.obligation_petrol,
        obligation_diesel=first.obligation_diesel,
        parameters=MappingProxyType(parameters),
    )


def _rows_for(tables: Tables, name: str, code: str) -> pd.DataFrame:
    """The rows of one table for one municipality code, from a per-table index of row
    positions (built once per table; positions, not 290 small frames, to keep memory low)."""
    entry = tables._by_code.get(name)
    if entry is None:
        frame = getattr(tables, name)
        # Plain object columns: pandas' Arrow strings cost more per small lookup than the
        # lookup itself, and these frames are cut into 290 small ones.
        frame = frame.astype({c: object for c in frame.columns if frame[c].dtype == "str"})
        codes = frame["municipality_code"].astype(str)
        codes = codes.where(codes == "*", codes.str.zfill(4))
        positions = {str(k): v for k, v in frame.groupby(codes.to_numpy(), sort=False)
                     .indices.items()}
        entry = (frame, positions)
        tables._by_code[name] = entry
    frame, positions = entry
    found = positions.get(code)
    return frame.iloc[found] if found is not None else frame.iloc[0:0]


def _parameters_for(tables: Tables, code: str) -> tuple[dict[str, float], frozenset[str]]:
    """Defaults ('*') overridden by the municipality's own rows and its own car fleet."""
    defaults = _rows_for(tables, "parameters", "*")
    own_rows = _rows_for(tables, "parameters", code)
    params = {str(k): float(v) for k, v in zip(defaults["parameter_id"], defaults["value"],
                                                  strict=True)}
    own = {str(k): float(v) for k, v in zip(own_rows["parameter_id"], own_rows["value"],
                                             strict=True)}
    fleet = _rows_for(tables, "vehicle_fleet", code)
    cars = fleet[fleet["vehicle_type"] == "personbilar"]
    by_fuel = dict(zip(cars["fuel"].astype(str), cars["count"].astype(float), strict=True))
    if by_fuel.get("alla", 0.0) > 0:
        for parameter_id, fuel in FLEET_PARAMETERS.items():
            own.setdefault(parameter_id, by_fuel.get(fuel, 0.0))
        if len(cars):
            own.setdefault("car_fleet_year", float(cars["year"].iloc[0]))
    new = _rows_for(tables, "new_cars", code)
    new_by_fuel = dict(zip(new["fuel"].astype(str), new["count"].astype(float), strict=True))
    if new_by_fuel.get("alla", 0.0) > 0:
        for parameter_id, fuel in NEW_CAR_PARAMETERS.items():
            own.setdefault(parameter_id, new_by_fuel.get(fuel, 0.0) / new_by_fuel["alla"])
    params.update(own)
    return params, frozenset(own)


def _wide(frame: pd.DataFrame, value: str, columns: str = "sector") -> tuple[np.ndarray,
                                                                               np.ndarray]:
    """Years and a (years, 9) array in SECTORS order, summing duplicates; NaN where absent."""
    years, year_pos = np.unique(frame["year"].to_numpy(dtype=int), return_inverse=True)
    sector_pos = frame[columns].map(SECTOR_INDEX).to_numpy()
    known = ~pd.isna(sector_pos)
    rows, cols = year_pos[known], sector_pos[known].astype(int)
    values = frame[value].to_numpy(dtype=float)[known]
    filled = np.zeros((len(years), len(SECTORS)))
    np.add.at(filled, (rows, cols), values)
    seen = np.zeros(filled.shape, dtype=bool)
    seen[rows, cols] = True
    return years, np.where(seen, filled, np.nan)


def _fossil_fraction(obligation_pct: np.ndarray) -> np.ndarray:
    return 1.0 - obligation_pct / 100.0


def build_municipality_data(tables: Tables, code: str) -> MunicipalityData:
    """Shape the source tables into the model's inputs for one municipality."""
    code = str(code).zfill(4)
    ghg = _rows_for(tables, "ned_ghg", code)
    if ghg.empty:
        raise DataError(_no_ghg_message(tables, code))
    history_years, history_ghg = _wide(ghg, "ghg_t_co2e")
    history_ghg = np.nan_to_num(history_ghg, nan=0.0)
    names = _rows_for(tables, "municipalities", code)
    fallback = ghg["municipality"].iloc[0] if "municipality" in ghg else code
    name = str(names["municipality"].iloc[0]) if len(names) else str(fallback)
    params, own = _parameters_for(tables, code)

    obligation = tables.reduktionsplikt.sort_values("year")
    obligation_years = obligation["year"].to_numpy(dtype=int)
    obligation_petrol = obligation["petrol_pct"].to_numpy(dtype=float) / 100.0
    obligation_diesel = obligation["diesel_pct"].to_numpy(dtype=float) / 100.0

    co2 = _rows_for(tables, "ned_co2_subsector", code)
    co2_main = co2[(co2["subsector"] == "Alla") & co2["sector"].isin(SECTORS)]
    co2_years, co2_history = _wide(co2_main, "co2_t")

    base_year = int(history_years[-1])
    co2_share = _co2_shares(params, history_years, history_ghg, co2_years, co2_history)
    split, split_from_data = _transport_split(
        co2, params, obligation_years, obligation_petrol, obligation_diesel, base_year
    )

    pop = _rows_for(tables, "population", code).sort_values("year")
    budget = _rows_for(tables, "budget", code)
    if budget.empty:
        raise DataError(f"Ingen koldioxidbudget för kommunkod {code}.")
    budget_row = budget.iloc[0]
    return MunicipalityData(
        code=code,
        name=name,
        history_years=history_years,
        history_ghg=history_ghg,
        co2_years=co2_years,
        co2_history=co2_history,
        co2_share=co2_share,
        transport_split=split,
        transport_split_from_data=split_from_data,
        obligation_years=obligation_years,
        obligation_petrol=obligation_petrol,
        obligation_diesel=obligation_diesel,
        population_years=pop["year"].to_numpy(dtype=int),
        population=pop["population"].to_numpy(dtype=float),
        budget_t=float(budget_row["budget_t_co2e"]),
        budget_start_year=int(budget_row["start_year"]),
        budget_is_estimate=str(budget_row["kind"]) != "kommunens uppgift",
        parameters=MappingProxyType(params),
        own_parameters=own,
    )


def _no_ghg_message(tables: Tables, code: str) -> str:
    """Why a municipality cannot run: no data at all, or CO2 only (the model needs GHG)."""
    co2_codes = tables.ned_co2_subsector["municipality_code"].astype(str).str.zfill(4)
    if (co2_codes == code).any():
        return (
            f"Kommunkod {code} har bara koldioxid (CO2) från Nationella emissionsdatabasen. "
            "Modellen behöver växthusgaser totalt (t CO2e): ladda ner Länsrapporten för "
            "'Växthusgaser totalt' från Nationella emissionsdatabasen (SMHI) och importera den."
        )
    return f"Inga NED-data för kommunkod {code}."


def _co2_shares(
    params: Mapping[str, float],
    history_years: np.ndarray,
    history_ghg: np.ndarray,
    co2_years: np.ndarray,
    co2_history: np.ndarray,
) -> np.ndarray:
    """CO2's share of each sector's GHG, from the latest year with both, else a default.

    The CO2 and GHG tables come from different NED releases, so a share can exceed one by a
    few per cent; it is capped at one (the sector is then all CO2).
    """
    shares = np.array([params[_CO2_SHARE_PARAMETER[s]] for s in SECTORS], dtype=float)
    common = np.intersect1d(history_years, co2_years)
    if len(common):
        year = common.max()
        ghg_row = history_ghg[np.nonzero(history_years == year)[0][0]]
        co2_row = co2_history[np.nonzero(co2_years == year)[0][0]]
        known = ~np.isnan(co2_row) & (ghg_row > 0)
        shares[known] = co2_row[known] / ghg_row[known]
    return np.clip(shares, 0.0, 1.0)


def _obligation_at(years: np.ndarray, levels: np.ndarray, year: int) -> float:
    if year <= years[0]:
        return float(levels[0]) if year == years[0] else 0.0
    return float(levels[np.searchsorted(years, year, side="right") - 1])


def _transport_split(
    co2: pd.DataFrame,
    params: Mapping[str, float],
    obligation_years: np.ndarray,
    obligation_petrol: np.ndarray,
    obligation_diesel: np.ndarray,
    base_year: int,
) -> tuple[np.ndarray, bool]:
    """Shares of transport CO2 by sub-sector in the base year.

    Taken from the latest year with sub-sector CO2, adjusted for the change in each fuel's
    fossil fraction between that year and the base year (diesel-heavy trucks grew more when
    the reduction obligation was cut in 2024). Falls back to a national split.
    """
    sub = co2[(co2["sector"] == TRANSPORT) & co2["subsector"].isin(TRANSPORT_SUBSECTORS)]
    if sub.empty:
        fallback = np.array(
            [params[f"transport_split_{s.lower().replace(' ', '_')}"] for s in
             TRANSPORT_SUBSECTORS],
            dtype=float,
        )
        return fallback / fallback.sum(), False
    year = int(sub["year"].max())
    by_sub = sub[sub["year"] == year].set_index("subsector")["co2_t"]
    values = np.array([float(by_sub.get(s, 0.0)) for s in TRANSPORT_SUBSECTORS])
    diesel = diesel_shares(params)
    # The obligation is a lifecycle cut; biofuel's energy share is the cut / its saving.
    def fossil(levels: np.ndarray, at: int, fuel: str) -> float:
        share = _obligation_at(obligation_years, levels, at) / params.get(
            f"biofuel_saving_{fuel}", 1.0)
        return 1 - min(share, params.get(f"blend_limit_{fuel}_energy", 1.0))

    f_p_then = fossil(obligation_petrol, year, "petrol")
    f_d_then = fossil(obligation_diesel, year, "diesel")
    f_p_base = fossil(obligation_petrol, base_year, "petrol")
    f_d_base = fossil(obligation_diesel, base_year, "diesel")
    then_vs_base = diesel * f_d_then / f_d_base + (1 - diesel) * f_p_then / f_p_base
    then_vs_base[TRANSPORT_SUBSECTORS.index("Inrikes flygtrafik")] = 1.0
    adjusted = values / then_vs_base
    return adjusted / adjusted.sum(), True


def diesel_shares(params: Mapping[str, float] | Mapping[str, np.ndarray]) -> np.ndarray:
    """Diesel's share of each transport sub-sector's fossil CO2 (the rest is petrol)."""
    keys = {
        "Personbilar": "diesel_share_personbilar",
        "Tunga lastbilar": "diesel_share_tunga_lastbilar",
        "Lätta lastbilar": "diesel_share_lätta_lastbilar",
        "Bussar": "diesel_share_bussar",
        "Inrikes flygtrafik": None,
        "Övriga": "diesel_share_övriga_transporter",
    }
    values = [params[k] if k else 0.0 for k in keys.values()]
    if not any(isinstance(v, np.ndarray) for v in values):  # one municipality: the fast case
        return np.array(values, dtype=float)
    # A MunicipalityStack's parameters are (n, 1): the shares stack to (6, n, 1).
    return np.stack(np.broadcast_arrays(*[np.asarray(v, dtype=float) for v in values]))


def sector_position(sector: str) -> int:
    """Column of a sector in the model's arrays."""
    return SECTOR_INDEX[sector]
