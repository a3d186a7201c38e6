"""All municipalities under one lever setting in one vectorised run ("if every one did this").

`overview_base(tables)` stacks every runnable municipality's base data into arrays with a
leading municipality axis (built once per set of tables: one pivot per table, no per-
municipality objects except the few with data of their own, see below); `run_overview`
then runs the emissions maths once for all of them.

Lever semantics are those of the comparison page (model.local_levers.carry_over): the
levers moved from the reference keep their values everywhere (the national ones, the
reduction obligation, apply to all as they are; the local ones are shares of each
municipality's own base, e.g. 60 % electric car-km of its own car traffic); the levers
not moved stay at each municipality's own reference (its fleet turnover, its population
path), and BECCS is clipped to each one's known plant (none but Växjö's).

The emissions maths of model/emissions.py is repeated here with the leading axis in one
function, `_batch_trajectory`, kept small on purpose: when the model core gets a batch API
(model.batch.run_batch, issue 9) that function is re-pointed at it. A test checks that
this module and run_scenario agree municipality by municipality.

Municipalities with data of their own beyond the shared tables (their own parameter rows,
CO2 by sector from NED or an import, other statistics years) are built one by one with
build_municipality_data, so their own CO2 shares and transport split are used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from model.budget_estimate import (
    DEFAULT_EMISSIONS_WEIGHT,
    DEFAULT_PRINCIPLE,
    STATED_KIND,
    AllocationBasis,
    allocated_budgets,
)
from model.data import (
    FLEET_PARAMETERS,
    NEW_CAR_PARAMETERS,
    MunicipalityData,
    Tables,
    build_municipality_data,
    diesel_shares,
)
from model.imported import runnable_codes
from model.levers import LEVER_SPECS, LEVERS_BY_ID, TARGET_YEAR
from model.local_levers import BECCS_LEVER, BECCS_POTENTIAL_PARAMETER
from model.paths import END_YEAR, _ramp_start, ramp, reference_path, reference_paths
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
_TURNOVER_PARAMETERS = ("car_fleet_total", "car_fleet_bev", "car_fleet_phev",
                        "new_car_bev_share", "new_car_phev_share", "fleet_renewal_rate",
                        "car_fleet_year", "phev_electric_share")


@dataclass(frozen=True, eq=False)
class OverviewBase:
    """Every runnable municipality's base data, stacked: leading axis n municipalities."""

    codes: np.ndarray  # (n,) str
    names: np.ndarray  # (n,) str
    counties: np.ndarray  # (n,) str
    base_year: int
    years: np.ndarray  # (T,) scenario years, base year to 2050
    history_years: np.ndarray  # (H,)
    history_totals: np.ndarray  # (n, H) t CO2e
    base_ghg: np.ndarray  # (n, 9)
    co2_share: np.ndarray  # (n, 9)
    transport_split: np.ndarray  # (n, 6)
    diesel_share: np.ndarray  # (6,) diesel's share of each transport sub-sector's CO2
    machinery_diesel_share: float
    ruminant_share: np.ndarray  # (n,)
    population_base: np.ndarray  # (n,) in the base year (NaN if unknown)
    population_growth: np.ndarray  # (n,) yearly
    ref_paths: Mapping[str, np.ndarray]  # lever id → (n, T) reference path
    ref_values: Mapping[str, np.ndarray]  # lever id → (n,) reference value (2030 target)
    ramps: Mapping[str, np.ndarray]  # lever id → (T,) phase-in
    beccs_max: np.ndarray  # (n,) kt/yr
    budget_t: np.ndarray  # (n,) shipped default budget
    budget_start_year: np.ndarray  # (n,)
    budget_estimated: np.ndarray  # (n,) bool
    own_split: np.ndarray  # (n,) bool: transport split from the municipality's own CO2 data

    @property
    def n(self) -> int:
        """Number of municipalities."""
        return len(self.codes)

    def index_of(self, code: str) -> int:
        """Row of a municipality code."""
        hits = np.nonzero(self.codes == code)[0]
        if not len(hits):
            raise KeyError(code)
        return int(hits[0])


@dataclass(frozen=True, eq=False)
class OverviewResult:
    """Scenario emissions of every municipality: arrays with the leading municipality axis."""

    base: OverviewBase
    ghg: np.ndarray  # (n, T, 9) t CO2e
    fossil_co2: np.ndarray  # (n, T, 9) t CO2
    beccs: np.ndarray  # (n, T) negative
    budget_t: np.ndarray  # (n,) the budgets used
    exhausted_year: np.ndarray  # (n,) float, NaN when not exhausted by 2050

    def year_index(self, year: int) -> int:
        """Column of a scenario year."""
        return int(np.nonzero(self.base.years == year)[0][0])

    def totals(self, year: int) -> np.ndarray:
        """Total GHG (t CO2e) of every municipality in a scenario year."""
        return self.ghg[:, self.year_index(year), :].sum(axis=1)


def fossil_fuel_co2_2030(result: OverviewResult) -> np.ndarray:
    """Fossil-fuel CO2 in 2030 (t) for every municipality: the one place that defines it.

    Today the model's fossil CO2 (NED CO2 less agriculture's liming). When the new core of
    issue 9 separates fossil-fuel CO2 from process CO2, only this function changes.
    """
    return result.fossil_co2[:, result.year_index(TARGET_YEAR), :].sum(axis=1)


def _generic_codes(tables: Tables, codes: list[str], base_years: pd.Series) -> set[str]:
    """Codes the stacked fast path can serve: only shared defaults and the common shapes."""
    own_params = set(tables.parameters["municipality_code"]) - {"*"}
    with_co2 = set(tables.ned_co2_subsector["municipality_code"])
    common_year = int(base_years.mode().iloc[0])
    ghg = tables.ned_ghg
    year_sets = ghg.groupby("municipality_code")["year"].apply(lambda y: tuple(sorted(set(y))))
    common_years = year_sets.mode().iloc[0]
    pop_counts = tables.population.groupby("municipality_code")["year"].nunique()
    return {
        code for code in codes
        if code not in own_params and code not in with_co2
        and int(base_years[code]) == common_year and year_sets[code] == common_years
        and int(pop_counts.get(code, 0)) >= 2
    }


def overview_base(tables: Tables, codes: list[str] | None = None) -> OverviewBase:
    """Stack the base data of every runnable municipality (or `codes`) for run_overview."""
    codes = sorted(codes if codes is not None else runnable_codes(tables))
    ghg = tables.ned_ghg[tables.ned_ghg["municipality_code"].isin(codes)]
    base_years = ghg.groupby("municipality_code")["year"].max()
    generic = _generic_codes(tables, codes, base_years)
    special = [c for c in codes if c not in generic]
    base_year = int(base_years.mode().iloc[0])
    # One year axis for all: a municipality whose statistics end in another year (an import
    # of a newer release for it alone) is left out until the others catch up.
    special = [c for c in special if int(base_years[c]) == base_year]
    codes = sorted(generic | set(special))
    n = len(codes)
    row = {code: i for i, code in enumerate(codes)}

    # One representative municipality gives what all share: years, obligation, ramps.
    representative = build_municipality_data(tables, codes[0])
    years = np.arange(base_year, END_YEAR + 1)
    history_years = np.unique(ghg.loc[ghg["municipality_code"].isin(generic), "year"]
                              .to_numpy(dtype=int)) if generic else representative.history_years

    # History, generic rows: one numpy scatter of the long table.
    mine = ghg[ghg["municipality_code"].isin(generic)]
    r = mine["municipality_code"].map(row).to_numpy(dtype=int)
    y = np.searchsorted(history_years, mine["year"].to_numpy(dtype=int))
    s = mine["sector"].map(SECTOR_INDEX).to_numpy(dtype=int)
    history = np.zeros((n, len(history_years), len(SECTORS)))
    np.add.at(history, (r, y, s), mine["ghg_t_co2e"].to_numpy(dtype=float))

    params = representative.parameters
    defaults = tables.parameters[tables.parameters["municipality_code"] == "*"]
    default = dict(zip(defaults["parameter_id"], defaults["value"].astype(float), strict=True))
    co2_default = np.array([default[p] for p in _co2_share_ids()], dtype=float)
    split_default = np.array([default[f"transport_split_{s.lower().replace(' ', '_')}"]
                              for s in TRANSPORT_SUBSECTORS], dtype=float)
    split_default = split_default / split_default.sum()

    co2_share = np.tile(np.clip(co2_default, 0.0, 1.0), (n, 1))
    split = np.tile(split_default, (n, 1))
    own_split = np.zeros(n, dtype=bool)
    ruminant = np.full(n, default["ruminant_share_of_agriculture"])
    beccs_max = np.full(n, min(LEVERS_BY_ID[BECCS_LEVER].max,
                               max(default.get(BECCS_POTENTIAL_PARAMETER, 0.0), 0.0)))
    turnover = {p: np.full(n, default.get(p, np.nan)) for p in _TURNOVER_PARAMETERS}

    fleet = tables.vehicle_fleet
    cars = fleet[(fleet["vehicle_type"] == "personbilar") & fleet["municipality_code"].isin(row)]
    for parameter_id, fuel in FLEET_PARAMETERS.items():
        if parameter_id not in turnover:
            continue
        these = cars[cars["fuel"] == fuel]
        idx = these["municipality_code"].map(row).to_numpy(dtype=int)
        turnover[parameter_id][idx] = these["count"].to_numpy(dtype=float)
    with_fleet = cars.loc[cars["fuel"] == "alla", "municipality_code"].map(row).to_numpy(int)
    turnover["car_fleet_year"][with_fleet] = cars["year"].iloc[0] if len(cars) else np.nan
    new = tables.new_cars[tables.new_cars["municipality_code"].isin(row)]
    new_totals = new[new["fuel"] == "alla"].set_index("municipality_code")["count"]
    for parameter_id, fuel in NEW_CAR_PARAMETERS.items():
        these = new[new["fuel"] == fuel].set_index("municipality_code")["count"]
        totals = new_totals.reindex(these.index)
        ok = (totals > 0).to_numpy()
        idx = these.index.map(row).to_numpy(dtype=int)[ok]
        turnover[parameter_id][idx] = (these.to_numpy(float) / totals.to_numpy(float))[ok]

    pop = tables.population[tables.population["municipality_code"].isin(row)]
    pop = pop.sort_values("year")
    last_two = pop.groupby("municipality_code").tail(2)
    pivot = last_two.groupby("municipality_code").agg(
        first=("population", "first"), last=("population", "last"),
        y0=("year", "first"), y1=("year", "last"))
    population_base = np.full(n, np.nan)
    growth = np.zeros(n)
    idx = pivot.index.map(row).to_numpy(dtype=int)
    span = (pivot["y1"] - pivot["y0"]).to_numpy(dtype=float)
    ok = span > 0
    growth[idx[ok]] = ((pivot["last"].to_numpy(float)[ok] / pivot["first"].to_numpy(float)[ok])
                       ** (1.0 / span[ok]) - 1.0)
    last_year = pivot["y1"].to_numpy(dtype=float)
    population_base[idx] = pivot["last"].to_numpy(float) * (1.0 + growth[idx]) ** (
        base_year - last_year)

    # The few with data of their own: built one by one, their arrays copied in.
    specials: dict[int, MunicipalityData] = {}
    for code in special:
        data = build_municipality_data(tables, code)
        i = row[code]
        specials[i] = data
        hit = np.searchsorted(data.history_years, history_years)
        found = (hit < len(data.history_years)) & (
            data.history_years[np.minimum(hit, len(data.history_years) - 1)] == history_years)
        history[i, found] = data.history_ghg[hit[found]]
        co2_share[i], split[i] = data.co2_share, data.transport_split
        own_split[i] = data.transport_split_from_data
        ruminant[i] = data.parameters["ruminant_share_of_agriculture"]
        beccs_max[i] = min(LEVERS_BY_ID[BECCS_LEVER].max,
                           max(float(data.parameters.get(BECCS_POTENTIAL_PARAMETER, 0.0)), 0.0))
        for p in _TURNOVER_PARAMETERS:
            turnover[p][i] = data.parameters[p]
        population_base[i] = (data.population[-1] * (1 + data.population_growth) ** (
            base_year - data.population_years[-1]) if len(data.population) else np.nan)
        growth[i] = data.population_growth

    ref_paths, ref_values, ramps = _reference_paths(representative, years, turnover, growth,
                                                    specials)
    budget = tables.budget.drop_duplicates("municipality_code").set_index("municipality_code")
    budget = budget.reindex(codes)
    names = tables.municipalities.drop_duplicates("municipality_code").set_index(
        "municipality_code").reindex(codes)
    return OverviewBase(
        codes=np.array(codes, dtype=object),
        names=names["municipality"].fillna(pd.Series(codes, index=codes)).astype(str)
        .to_numpy(dtype=object),
        counties=names["county"].fillna("").astype(str).to_numpy(dtype=object),
        base_year=base_year,
        years=years,
        history_years=history_years,
        history_totals=history.sum(axis=2),
        base_ghg=history[:, -1, :],
        co2_share=co2_share,
        transport_split=split,
        diesel_share=diesel_shares(params),
        machinery_diesel_share=float(params["diesel_share_arbetsmaskiner"]),
        ruminant_share=ruminant,
        population_base=population_base,
        population_growth=growth,
        ref_paths=ref_paths,
        ref_values=ref_values,
        ramps=ramps,
        beccs_max=beccs_max,
        budget_t=budget["budget_t_co2e"].to_numpy(dtype=float),
        budget_start_year=budget["start_year"].to_numpy(dtype=int),
        budget_estimated=(budget["kind"].astype(str) != STATED_KIND).to_numpy(dtype=bool),
        own_split=own_split,
    )


def _co2_share_ids() -> list[str]:
    from model.data import _CO2_SHARE_PARAMETER

    return [_CO2_SHARE_PARAMETER[s] for s in SECTORS]


def _reference_paths(
    representative: MunicipalityData,
    years: np.ndarray,
    turnover: dict[str, np.ndarray],
    growth: np.ndarray,
    specials: dict[int, MunicipalityData],
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Each lever's reference path (n, T), 2030 value (n,) and ramp (T,), as model.paths."""
    n = len(growth)
    base_year = int(years[0])
    t2030 = int(np.nonzero(years == TARGET_YEAR)[0][0])
    paths, values, ramps = {}, {}, {}
    for spec in LEVER_SPECS:
        ramps[spec.id] = ramp(years, _ramp_start(spec, representative))
        if spec.path == "turnover":
            p = turnover
            phev = p["phev_electric_share"]
            fleet = (p["car_fleet_bev"] + phev * p["car_fleet_phev"]) / p["car_fleet_total"]
            new = p["new_car_bev_share"] + phev * p["new_car_phev_share"]
            decay = (1.0 - p["fleet_renewal_rate"])[:, None] ** (
                years[None, :] - p["car_fleet_year"][:, None])
            raw = (new[:, None] - (new - fleet)[:, None] * decay) * 100.0
        elif spec.path == "population":
            raw = ((1.0 + growth[:, None]) ** (years[None, :] - base_year) - 1.0) * 100.0
        else:
            shared = reference_path(spec, representative, years)
            paths[spec.id] = np.tile(shared, (n, 1))
            values[spec.id] = np.full(n, float(getattr(
                reference_paths(representative).levers, spec.id)))
            continue
        # As model.paths.reference_paths: scaled so the 2030 value is the whole per cent.
        at_2030 = raw[:, t2030]
        rounded = np.round(at_2030)
        scale = np.divide(rounded, at_2030, out=np.ones(n), where=at_2030 != 0.0)
        paths[spec.id] = raw * scale[:, None]
        values[spec.id] = rounded
    for i, data in specials.items():  # exactly what run_scenario uses for these
        ref = reference_paths(data)
        for spec in LEVER_SPECS:
            paths[spec.id][i] = ref.paths[spec.id]
            values[spec.id][i] = float(getattr(ref.levers, spec.id))
    return paths, values, ramps


def lever_paths_batch(base: OverviewBase, moved: Mapping[str, float]) -> dict[str, np.ndarray]:
    """Every lever's (n, T) path: moved levers at their value everywhere, others own refs."""
    paths = {}
    for spec in LEVER_SPECS:
        ref_values = base.ref_values[spec.id]
        value = np.full(base.n, float(moved[spec.id])) if spec.id in moved else ref_values
        if spec.id == BECCS_LEVER:
            value = np.minimum(value, base.beccs_max)
        if spec.path == "fixed":
            paths[spec.id] = np.repeat(value[:, None], len(base.years), axis=1)
            continue
        path = base.ref_paths[spec.id] + (value - ref_values)[:, None] * base.ramps[spec.id]
        paths[spec.id] = np.maximum(path, -100.0) if spec.min < 0 else np.clip(path, 0, 100)
    return paths


def _share_ratio(path_pct: np.ndarray) -> np.ndarray:
    """(1 − share(t)) / (1 − share(base)) along the last axis, per municipality."""
    remaining = 1.0 - path_pct / 100.0
    base = remaining[..., :1]
    return np.divide(remaining, base, out=np.zeros_like(remaining), where=base > 0)


def _batch_trajectory(
    base: OverviewBase, paths: Mapping[str, np.ndarray]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """model.emissions.compute_trajectory with a leading municipality axis: ghg, fossil
    (n, T, 9) and BECCS (n, T). The one function to re-point at the batch core of issue 9."""
    n, T = base.n, len(base.years)
    ghg = np.zeros((n, T, len(SECTORS)))
    fossil = np.zeros((n, T, len(SECTORS)))
    b = base.base_ghg
    co2 = b * base.co2_share
    other = b - co2
    petrol = _share_ratio(paths["reduktionsplikt_bensin"])  # (n, T)
    diesel = _share_ratio(paths["reduktionsplikt_diesel"])

    d = base.diesel_share[None, :, None]  # (1, 6, 1)
    fuel = d * diesel[:, None, :] + (1.0 - d) * petrol[:, None, :]  # (n, 6, T)
    fuel[:, _AVIATION] = 1.0
    combustion = np.ones((n, len(TRANSPORT_SUBSECTORS), T))
    combustion[:, _CARS] = (1.0 + paths["trafik_personbilar"] / 100.0) * _share_ratio(
        paths["el_personbilar"])
    combustion[:, _HEAVY] = _share_ratio(paths["el_tunga_lastbilar"])
    combustion[:, _LIGHT] = _share_ratio(paths["el_latta_lastbilar"])
    combustion[:, _BUSES] = _share_ratio(paths["fossilfria_bussar"])
    aviation = _share_ratio(paths["fossilfritt_flyg"])
    combustion[:, _AVIATION] = aviation
    split = base.transport_split[:, :, None]
    t = SECTOR_INDEX[TRANSPORT]
    transport_fossil = co2[:, t, None, None] * split * combustion * fuel
    fossil[:, :, t] = transport_fossil.sum(axis=1)
    ghg[:, :, t] = fossil[:, :, t] + other[:, t, None] * (split * combustion).sum(axis=1)

    m = SECTOR_INDEX[MACHINERY]
    dm = base.machinery_diesel_share
    machines = _share_ratio(paths["fossilfria_arbetsmaskiner"])
    fossil[:, :, m] = co2[:, m, None] * machines * (dm * diesel + (1.0 - dm) * petrol)
    ghg[:, :, m] = fossil[:, :, m] + other[:, m, None] * machines

    efficiency = 1.0 - paths["energieffektivisering"] / 100.0
    for sector, lever, efficient in ((HEATING, "utfasning_olja", True),
                                     (ELECTRICITY_HEAT, "fossilfri_fjarrvarme", True),
                                     (INDUSTRY, "fossilfri_industri", False)):
        s = SECTOR_INDEX[sector]
        factor = efficiency if efficient else 1.0
        fossil[:, :, s] = co2[:, s, None] * _share_ratio(paths[lever]) * factor
        ghg[:, :, s] = fossil[:, :, s] + other[:, s, None] * factor

    a = SECTOR_INDEX[AGRICULTURE]
    ruminants = b[:, a] * base.ruminant_share
    soils = b[:, a] - ruminants
    herd = np.maximum(1.0 + paths["idisslare"] / 100.0, 0.0)
    ghg[:, :, a] = ruminants[:, None] * herd + soils[:, None] * (
        1.0 - paths["jordbruk_atgarder"] / 100.0)

    for sector, lever in ((WASTE, "avfall_minskning"), (PRODUCTS, "produkter_fgaser")):
        s = SECTOR_INDEX[sector]
        factor = _share_ratio(paths[lever])
        fossil[:, :, s] = co2[:, s, None] * factor
        ghg[:, :, s] = b[:, s, None] * factor

    x = SECTOR_INDEX[INTERNATIONAL]
    fossil[:, :, x] = co2[:, x, None] * aviation
    ghg[:, :, x] = b[:, x, None] * aviation

    beccs = np.where(base.years[None, :] >= paths["beccs_start"],
                     -paths["beccs_kt"] * 1000.0, 0.0) + 0.0
    return ghg, fossil, beccs


def _exhaustion_years(base: OverviewBase, scenario_totals: np.ndarray,
                      budget_t: np.ndarray) -> np.ndarray:
    """The year each budget runs out (NaN if not by 2050), as model.budget.budget_outcome."""
    future = base.years > base.base_year
    years = np.concatenate([base.history_years, base.years[future]])
    path = np.concatenate([base.history_totals, scenario_totals[:, future]], axis=1)
    counted = np.where(years[None, :] >= base.budget_start_year[:, None], path, 0.0)
    cumulative = np.cumsum(counted, axis=1)
    reached = cumulative >= budget_t[:, None]
    first = np.argmax(reached, axis=1)
    out = np.where(reached.any(axis=1), years[first].astype(float), np.nan)
    return np.where(budget_t <= 0, base.budget_start_year.astype(float), out)


def run_overview(base: OverviewBase, moved: Mapping[str, float] | None = None,
                 budget_t: np.ndarray | None = None) -> OverviewResult:
    """Every municipality under the moved levers (lever id → value), in one run."""
    moved = dict(moved or {})
    unknown = sorted(set(moved) - set(LEVERS_BY_ID))
    if unknown:
        raise KeyError(f"Okända spakar: {', '.join(unknown)}")
    paths = lever_paths_batch(base, moved)
    ghg, fossil, beccs = _batch_trajectory(base, paths)
    budgets = base.budget_t if budget_t is None else np.asarray(budget_t, dtype=float)
    exhausted = _exhaustion_years(base, ghg.sum(axis=2), budgets)
    return OverviewResult(base, ghg, fossil, beccs, budgets, exhausted)


def overview_frame(result: OverviewResult) -> pd.DataFrame:
    """One row per municipality with the figures the Sverige page and the CLI show."""
    base = result.base
    t2030 = result.year_index(TARGET_YEAR)
    ghg_2030 = result.ghg[:, t2030, :].sum(axis=1)
    h1990 = np.nonzero(base.history_years == 1990)[0]
    ghg_1990 = base.history_totals[:, h1990[0]] if len(h1990) else np.full(base.n, np.nan)
    population_2030 = base.population_base * (1.0 + base.population_growth) ** (
        TARGET_YEAR - base.base_year)
    with np.errstate(divide="ignore", invalid="ignore"):
        change = np.where(ghg_1990 > 0, ghg_2030 / ghg_1990 - 1.0, np.nan)
        per_capita = ghg_2030 / population_2030 * 1000.0
    return pd.DataFrame({
        "code": base.codes,
        "name": base.names,
        "county": base.counties,
        f"ghg_{base.base_year}_t": base.history_totals[:, -1],
        "ghg_2030_t": ghg_2030,
        "ghg_change_2030_vs_1990": change,
        "ghg_per_capita_2030_kg": per_capita,
        "fossil_fuel_co2_2030_t": fossil_fuel_co2_2030(result),
        "budget_t": result.budget_t,
        "budget_estimated": base.budget_estimated,
        "budget_exhausted_year": pd.array(
            [None if np.isnan(v) else int(v) for v in result.exhausted_year], dtype="Int64"),
    })


def overview_budgets(base: OverviewBase, basis: AllocationBasis | None,
                     principle: str = DEFAULT_PRINCIPLE,
                     emissions_weight: float = DEFAULT_EMISSIONS_WEIGHT) -> np.ndarray:
    """Each municipality's budget: its stated one, else the estimate under a principle."""
    if basis is None:
        return base.budget_t
    allocated = allocated_budgets(basis, principle, emissions_weight)
    values = allocated.reindex(list(base.codes)).to_numpy(dtype=float)
    return np.where(base.budget_estimated & ~np.isnan(values), values, base.budget_t)
