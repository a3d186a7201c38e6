"""Climate investment plan (klimatinvesteringsplan): what a scenario costs, when, who pays.

Each lever has cost items in data/costs.csv: an investment or a yearly operating cost (or
saving, negative) per unit of a physical driver, with a low, central and high unit cost,
a source and who pays (shares for the municipality, the region, the state, business and
households). Conversions in data/cost_parameters.csv turn tonnes into units.

The driver of a lever is the change it makes against the reference, in physical units:

* ``fordon`` (vehicles electrified): change in the electric share × the base year's fossil
  CO2 of that vehicle type / t CO2 per vehicle and year.
* ``fordonskm`` (car-km avoided): − change in car traffic × base-year car CO2 / t per km.
* ``liter`` (fossil litres replaced: biofuel blend, HVO100 in machinery, SAF, bio-oil):
  change in the share × the fuel volume *in the scenario* (so 100 % electric cars leave no
  petrol to blend). The volume is the model's own: fossil CO2 with the lever held at its
  base-year level minus fossil CO2 with it at 100 %, scaled to a share of 100 %.
* ``panna`` (oil boilers replaced): the same volume for oil heating / t CO2 per boiler.
* ``mwh`` (energy saved a year): change in the efficiency share × MWh per inhabitant ×
  population in the base year.
* ``ton`` (t CO2e removed): the lever's exact Shapley contribution (model/attribution.py).
* ``kapacitet`` and ``infangat_ton`` (BECCS): capture capacity built (half in each of the
  two years before the start), and tonnes captured each year.

Investments follow the change in a stock: investment in a year = (units that year − units
the year before) × unit cost. Operating items are units × unit cost every year. For cost
per tonne, investments are spread over their lifetime as an annuity at the discount rate
(ASEK 3.5 %). Everything is measured against the reference, so the reference costs nothing.

Cost per tonne and the marginal abatement cost (MAC) curve use the years after the base
year through 2035: height = (annuities + operating costs over those years) / tonnes of
net CO2e removed over those years, width = those tonnes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import numpy as np
import pandas as pd

from model.attribution import attribute
from model.data import MunicipalityData
from model.emissions import beccs_captured_t, compute_trajectory
from model.levers import LEVER_SPECS, LEVERS_BY_ID, Levers
from model.paths import lever_paths, reference_levers, scenario_years
from model.sectors import TRANSPORT_SUBSECTORS

PAYERS: tuple[str, ...] = ("kommun", "region", "stat", "naringsliv", "hushall")
CASES: tuple[str, ...] = ("low", "central", "high")
KINDS: tuple[str, ...] = ("investering", "drift")
DRIVERS: tuple[str, ...] = ("fordon", "fordonskm", "liter", "panna", "mwh", "ton", "kapacitet",
                            "infangat_ton")
PLAN_END_YEAR = 2035

# Vehicles electrified: the lever, its transport sub-sector and t CO2 per vehicle and year.
_VEHICLES = {
    "el_personbilar": ("Personbilar", "t_co2_per_car_year"),
    "el_tunga_lastbilar": ("Tunga lastbilar", "t_co2_per_heavy_truck_year"),
    "el_latta_lastbilar": ("Lätta lastbilar", "t_co2_per_light_truck_year"),
    "fossilfria_bussar": ("Bussar", "t_co2_per_bus_year"),
}
# Fuel levers: t CO2 per litre from the model's parameters or from cost_parameters.csv.
_LITRE_FACTORS = {
    "reduktionsplikt_bensin": ("parameters", "ef_petrol_kg_per_l"),
    "reduktionsplikt_diesel": ("parameters", "ef_diesel_kg_per_l"),
    "fossilfria_arbetsmaskiner": ("parameters", "ef_diesel_kg_per_l"),
    "hvo100_lokalt": ("parameters", "ef_diesel_kg_per_l"),
    "fossilfritt_flyg": ("costs", "kg_co2_per_l_jet_fuel"),
    "fossilfri_fjarrvarme": ("costs", "kg_co2_per_l_heating_oil"),
}
# BECCS start only shifts BECCS: its costs and tonnes count with the capture lever.
_MEASURE_OF = {"beccs_start": "beccs_kt"}


class CostDataError(ValueError):
    """data/costs.csv or data/cost_parameters.csv cannot be used as they are."""


@dataclass(frozen=True)
class CostItem:
    """One documented unit cost of a lever."""

    lever_id: str
    item_id: str
    item_sv: str
    item_en: str
    kind: str  # "investering" or "drift"
    driver: str
    unit_sv: str
    unit_en: str
    low: float
    central: float
    high: float
    lifetime_years: float | None
    shares: tuple[float, ...]  # PAYERS order, sums to 1
    basis: str  # "fakta" or "uppskattning"
    source_id: str
    note_sv: str
    note_en: str

    def label(self, lang: str) -> str:
        """What the cost is, in the chosen language."""
        return self.item_en if lang == "en" else self.item_sv

    def unit(self, lang: str) -> str:
        """The unit of the unit cost, in the chosen language."""
        return self.unit_en if lang == "en" else self.unit_sv

    def note(self, lang: str) -> str:
        """Where the figure comes from, in the chosen language."""
        return self.note_en if lang == "en" else self.note_sv

    def unit_cost(self, case: str) -> float:
        """The unit cost in one case (low, central or high)."""
        return {"low": self.low, "central": self.central, "high": self.high}[case]


@dataclass(frozen=True, eq=False)
class CostTable:
    """Every cost item and the conversion parameters."""

    items: tuple[CostItem, ...]
    parameters: Mapping[str, float]


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


def cost_table_from_frames(costs: pd.DataFrame, parameters: pd.DataFrame) -> CostTable:
    """Validate and shape the two cost tables (from CSV files or from DuckDB)."""
    items = []
    for row in costs.to_dict("records"):
        where = f"costs.csv, {row.get('lever_id')}/{row.get('item_id')}"
        if row["lever_id"] not in LEVERS_BY_ID:
            raise CostDataError(f"{where}: okänd spak")
        if row["kind"] not in KINDS or row["driver"] not in DRIVERS:
            raise CostDataError(f"{where}: okänd typ eller drivare")
        low, central, high = (float(row[k]) for k in ("low", "central", "high"))
        if not low <= central <= high:
            raise CostDataError(f"{where}: low ≤ central ≤ high gäller inte")
        shares = tuple(float(row[f"share_{p}"]) for p in PAYERS)
        if abs(sum(shares) - 1.0) > 1e-9 or min(shares) < 0:
            raise CostDataError(f"{where}: andelarna per betalare summerar inte till 1")
        lifetime = row.get("lifetime_years")
        lifetime = None if lifetime is None or pd.isna(lifetime) else float(lifetime)
        if row["kind"] == "investering" and not lifetime:
            raise CostDataError(f"{where}: investering utan livslängd")
        items.append(CostItem(
            lever_id=str(row["lever_id"]), item_id=str(row["item_id"]),
            item_sv=_text(row["item_sv"]), item_en=_text(row["item_en"]),
            kind=str(row["kind"]), driver=str(row["driver"]),
            unit_sv=_text(row["unit_sv"]), unit_en=_text(row["unit_en"]),
            low=low, central=central, high=high, lifetime_years=lifetime, shares=shares,
            basis=str(row["basis"]), source_id=str(row["source_id"]),
            note_sv=_text(row["note_sv"]), note_en=_text(row["note_en"]),
        ))
    values = {str(k): float(v) for k, v in zip(parameters["parameter_id"], parameters["value"],
                                               strict=True)}
    return CostTable(tuple(items), MappingProxyType(values))


def annuity_factor(rate: float, lifetime_years: float) -> float:
    """Share of an investment paid each year over its lifetime at the discount rate."""
    if rate == 0:
        return 1.0 / lifetime_years
    return rate / (1.0 - (1.0 + rate) ** -lifetime_years)


@dataclass(frozen=True, eq=False)
class CostPlan:
    """Costs of a scenario against the reference, per cost item and year (SEK).

    Arrays have shape (cases, items, years) with CASES = low, central, high, and the years
    from the year after the base year through 2035. Payer splits follow item.shares.
    """

    years: np.ndarray
    items: tuple[CostItem, ...]
    quantities: np.ndarray  # (items, years): driver units
    investment: np.ndarray
    operating: np.ndarray
    annuity: np.ndarray  # investments spread over their lifetimes
    reduced_t: Mapping[str, np.ndarray]  # measure (lever id) → net t CO2e removed per year

    def _case(self, case: str) -> int:
        return CASES.index(case)

    def investment_by_payer(self, case: str = "central") -> pd.DataFrame:
        """Tidy: year, payer, investment_sek (every year and payer, zeros included)."""
        shares = np.array([item.shares for item in self.items])  # (items, payers)
        by_payer = self.investment[self._case(case)].T @ shares  # (years, payers)
        return pd.DataFrame({
            "year": np.repeat(self.years, len(PAYERS)),
            "payer": np.tile(np.array(PAYERS, dtype=object), len(self.years)),
            "investment_sek": by_payer.ravel(),
        })

    def by_item_and_payer(self, case: str = "central") -> pd.DataFrame:
        """Tidy, the whole plan: lever_id, item_id, kind, payer, year, sek (investment in its
        year, or the year's operating cost; negative = saving), rows that are not zero."""
        c = self._case(case)
        frames = []
        for i, item in enumerate(self.items):
            amounts = (self.investment if item.kind == "investering" else self.operating)[c, i]
            for payer, share in zip(PAYERS, item.shares, strict=True):
                values = amounts * share
                keep = np.abs(values) >= 0.5
                if not keep.any():
                    continue
                frames.append(pd.DataFrame({
                    "lever_id": item.lever_id, "item_id": item.item_id, "kind": item.kind,
                    "payer": payer, "year": self.years[keep], "sek": values[keep],
                }))
        columns = ["lever_id", "item_id", "kind", "payer", "year", "sek"]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)

    def operating_by_year(self, case: str = "central") -> np.ndarray:
        """Yearly operating cost (negative = saving), all items."""
        return self.operating[self._case(case)].sum(axis=0)

    def total_reduced_t(self) -> float:
        """Net t CO2e removed over the plan's years, all measures."""
        return float(sum(v.sum() for v in self.reduced_t.values()))

    def cost_per_tonne(self, case: str = "central") -> float | None:
        """(Annuities + operating costs) / tonnes removed over the plan's years."""
        tonnes = self.total_reduced_t()
        if tonnes < 1.0:
            return None
        c = self._case(case)
        return float((self.annuity[c].sum() + self.operating[c].sum()) / tonnes)

    def per_measure(self, case: str = "central") -> pd.DataFrame:
        """One row per measure with costs or tonnes: investment, operating, annual cost
        (annuity + operating), tonnes removed and SEK per tonne, over the plan's years."""
        c = self._case(case)
        rows = []
        for measure in _measures():
            mine = [i for i, item in enumerate(self.items)
                    if _MEASURE_OF.get(item.lever_id, item.lever_id) == measure]
            investment = float(self.investment[c, mine].sum()) if mine else 0.0
            operating = float(self.operating[c, mine].sum()) if mine else 0.0
            annual = float(self.annuity[c, mine].sum()) + operating if mine else 0.0
            tonnes = float(self.reduced_t.get(measure, np.zeros(1)).sum())
            if abs(investment) < 1 and abs(operating) < 1 and abs(tonnes) < 0.5:
                continue
            rows.append({
                "lever_id": measure,
                "investment_sek": investment,
                "operating_sek": operating,
                "cost_sek": annual,
                "reduced_t": tonnes,
                "sek_per_t": annual / tonnes if tonnes >= 1.0 else np.nan,
            })
        return pd.DataFrame(rows, columns=["lever_id", "investment_sek", "operating_sek",
                                           "cost_sek", "reduced_t", "sek_per_t"])

    def mac_curve(self, case: str = "central",
                  per_measure: pd.DataFrame | None = None) -> pd.DataFrame:
        """Marginal abatement cost curve: measures that remove at least a tonne, cheapest
        first; width = tonnes removed over the plan's years, height = SEK per tonne.
        per_measure: self.per_measure(case), when the caller has it already."""
        frame = self.per_measure(case) if per_measure is None else per_measure
        frame = frame[frame["reduced_t"] >= 1.0].sort_values("sek_per_t", kind="stable")
        frame = frame.reset_index(drop=True)
        frame["x_end"] = frame["reduced_t"].cumsum()
        frame["x_start"] = frame["x_end"] - frame["reduced_t"]
        return frame


def _measures() -> tuple[str, ...]:
    return tuple(spec.id for spec in LEVER_SPECS if spec.id not in _MEASURE_OF)


def _litres_volume(data: MunicipalityData, years: np.ndarray, paths: dict[str, np.ndarray],
                   lever_ids: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Per lever: the fossil CO2 (t) its activity would emit at a share of 0 %, with every
    other lever as in the scenario. One vectorised run: the scenario first (its base year
    fixes the normalisation), then for each lever the path held at its base-year value and
    the path at 100 %."""
    n = len(years)
    variants = [dict(paths)]
    for lever_id in lever_ids:
        for value in (paths[lever_id][0], 100.0):
            variant = dict(paths)
            variant[lever_id] = np.full(n, value)
            variants.append(variant)
    stacked = {k: np.concatenate([v[k] for v in variants]) for k in paths}
    trajectory = compute_trajectory(data, np.tile(years, len(variants)), stacked)
    fossil = trajectory.fossil_co2.sum(axis=1).reshape(len(variants), n)
    out = {}
    for k, lever_id in enumerate(lever_ids):
        at_base, at_full = fossil[1 + 2 * k], fossil[2 + 2 * k]
        base_share = paths[lever_id][0] / 100.0
        out[lever_id] = ((at_base - at_full) / (1.0 - base_share) if base_share < 1
                          else np.zeros(n))
    return out


def _quantities(data: MunicipalityData, levers: Levers, table: CostTable
                ) -> dict[tuple[str, str], np.ndarray]:
    """Driver units per (lever, driver) and scenario year, against the reference."""
    years = scenario_years(data)
    reference = reference_levers(data)
    scenario_paths = lever_paths(data, levers)
    reference_paths = lever_paths(data, reference)
    delta = {k: scenario_paths[k] - reference_paths[k] for k in scenario_paths}
    base = compute_trajectory(data, years[:1], {k: v[:1] for k, v in reference_paths.items()})
    base_transport = dict(zip(TRANSPORT_SUBSECTORS, base.transport_fossil_co2[0], strict=True))
    p, cp = data.parameters, table.parameters
    out: dict[tuple[str, str], np.ndarray] = {}

    for lever_id, (subsector, parameter) in _VEHICLES.items():
        out[(lever_id, "fordon")] = delta[lever_id] / 100.0 * base_transport[subsector] / cp[
            parameter]
    out[("trafik_personbilar", "fordonskm")] = (-delta["trafik_personbilar"] / 100.0
                                                * base_transport["Personbilar"]
                                                / cp["t_co2_per_car_km"])
    volumes = _litres_volume(data, years, scenario_paths,
                             (*_LITRE_FACTORS, "utfasning_olja"))
    for lever_id, (where, parameter) in _LITRE_FACTORS.items():
        kg_per_litre = (p if where == "parameters" else cp)[parameter]
        out[(lever_id, "liter")] = delta[lever_id] / 100.0 * volumes[lever_id] * 1000.0 / (
            kg_per_litre)
    out[("utfasning_olja", "panna")] = (delta["utfasning_olja"] / 100.0
                                        * volumes["utfasning_olja"]
                                        / cp["t_co2_per_oil_boiler_year"])
    population = float(data.population[-1]) if len(data.population) else 0.0
    out[("energieffektivisering", "mwh")] = (delta["energieffektivisering"] / 100.0
                                             * cp["mwh_per_inhabitant_buildings"] * population)

    attribution = attribute(data, levers)
    for i, lever_id in enumerate(attribution.lever_ids):
        out[(lever_id, "ton")] = attribution.net_t[i]

    build_years = cp["beccs_build_years"]

    def built(kt: float, start: float) -> np.ndarray:
        first = start - build_years - 1.0
        return kt * 1000.0 * np.clip((years - first) / build_years, 0.0, 1.0)

    out[("beccs_kt", "kapacitet")] = (built(levers.beccs_kt, levers.beccs_start)
                                      - built(reference.beccs_kt, reference.beccs_start))
    def captured(paths: dict[str, np.ndarray]) -> np.ndarray:
        return beccs_captured_t(years, paths["beccs_kt"], paths["beccs_start"],
                                paths["energieffektivisering"], p)

    scenario_beccs = captured(scenario_paths)
    reference_beccs = captured(reference_paths)
    out[("beccs_kt", "infangat_ton")] = scenario_beccs - reference_beccs
    return out


def cost_plan(data: MunicipalityData, levers: Levers, table: CostTable) -> CostPlan:
    """The scenario's costs against the reference, per item and year to 2035."""
    return _cost_plan_cached(data, levers, table)


@lru_cache(maxsize=64)
def _cost_plan_cached(data: MunicipalityData, levers: Levers, table: CostTable) -> CostPlan:
    years = scenario_years(data)
    plan = (years > data.base_year) & (years <= PLAN_END_YEAR)
    quantities = _quantities(data, levers, table)
    rate = table.parameters["discount_rate"]
    n_items, n_years = len(table.items), int(plan.sum())
    units = np.zeros((n_items, n_years))
    investment = np.zeros((len(CASES), n_items, n_years))
    operating = np.zeros_like(investment)
    annuity = np.zeros_like(investment)
    for i, item in enumerate(table.items):
        series = quantities.get((item.lever_id, item.driver))
        if series is None:
            raise CostDataError(f"costs.csv: {item.lever_id} har ingen drivare {item.driver!r}")
        series = np.where(np.abs(series) < 1e-9, 0.0, series)
        units[i] = series[plan]
        if item.kind == "investering":
            # Units added each year; the base year's stock counts as zero (it is the
            # reference's), so anything already built by then is paid in the first year.
            stock = series.copy()
            stock[0] = 0.0
            added = np.diff(stock)[plan[1:]]
            factor = annuity_factor(rate, float(item.lifetime_years or 1.0))
            for c, case in enumerate(CASES):
                investment[c, i] = added * item.unit_cost(case)
                annuity[c, i] = np.cumsum(investment[c, i]) * factor
        else:
            for c, case in enumerate(CASES):
                operating[c, i] = units[i] * item.unit_cost(case)
    reduced = {}
    for measure in _measures():
        tonnes = quantities[(measure, "ton")].copy()
        for other, target in _MEASURE_OF.items():
            if target == measure:
                tonnes = tonnes + quantities[(other, "ton")]
        reduced[measure] = tonnes[plan]
    return CostPlan(years[plan], table.items, units, investment, operating, annuity,
                    MappingProxyType(reduced))
