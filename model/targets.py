"""Targets drawn beside the trajectory: what each stated goal would mean for the emissions.

Each target is a path in t CO2e from the last statistics year, for the same emissions the
chart shows (all greenhouse gases; climate neutrality is about net emissions):

* ``own_2030``: the municipality's own goal, fossil-fuel free 2030 — its base-year
  emissions without the fossil-fuel CO2 by 2030 (the rest stays).
* ``contract_2030``: Klimatkontrakt 2030 (Viable Cities' Klimatneutrala städer 2030,
  23 municipalities) — climate neutral, net zero, in 2030.
* ``sweden_2045``: Sweden's climate framework — net zero by 2045.
* ``budget_path``: the budget-compatible path, falling by the needed yearly rate.

Straight lines from the base year are the simplest reading of each goal; they are marked
as such in the chart's caption with each goal's source.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.data import MunicipalityData
from model.scenario import ScenarioResult

TARGET_IDS: tuple[str, ...] = ("own_2030", "contract_2030", "sweden_2045", "budget_path")
# Sources of the targets every municipality has (the budget path's is its budget's own).
# A target of TARGET_PARAMETERS takes its source from the municipality's row of that
# parameter, so the data alone says whose goal it is and where that is written.
TARGET_SOURCES: dict[str, str] = {
    "sweden_2045": "klimatpolitiska_ramverket",
    "budget_path": "budget",
}


# Targets a municipality has only if the data says so: a parameter of its own (1 = yes) with
# its source. The others (Sweden's 2045 goal, the budget path) apply to every municipality.
# Before, every municipality's chart drew "Kommunens mål: fossilbränslefritt 2030" and a
# climate-neutral 2030 line with Växjö's sources. That line was called the EU mission's, a
# mission Växjö is not in (its seven Swedish cities are Gävle, Göteborg, Helsingborg, Lund,
# Malmö, Stockholm and Umeå); Växjö's 2030 goal is its Klimatkontrakt 2030.
TARGET_PARAMETERS: dict[str, str] = {
    "own_2030": "goal_fossil_free_2030",
    "contract_2030": "climate_contract_2030",
}


def available_targets(data: MunicipalityData) -> tuple[str, ...]:
    """The targets that apply to this municipality, in TARGET_IDS order."""
    return tuple(target_id for target_id in TARGET_IDS
                 if target_id not in TARGET_PARAMETERS
                 or data.parameters.get(TARGET_PARAMETERS[target_id], 0.0) >= 1.0)


@dataclass(frozen=True)
class TargetPath:
    """One target's path: years and t CO2e."""

    target_id: str
    years: np.ndarray
    values: np.ndarray


def _line(start_year: int, start: float, end_year: int, end: float) -> tuple[np.ndarray,
                                                                              np.ndarray]:
    years = np.arange(start_year, end_year + 1)
    return years, np.linspace(start, end, len(years))


def target_paths(result: ScenarioResult) -> tuple[TargetPath, ...]:
    """Every target for a scenario run (the budget path uses its budget settings)."""
    k = result.kpis
    base_year = k.base_year
    base = float(result.trajectory.ghg[0].sum())
    fuel = float(result.trajectory.fossil_fuel_co2[0].sum())
    paths = [
        TargetPath("own_2030", *_line(base_year, base, 2030, base - fuel)),
        TargetPath("contract_2030", *_line(base_year, base, 2030, 0.0)),
        TargetPath("sweden_2045", *_line(base_year, base, 2045, 0.0)),
    ]
    years = np.arange(base_year, 2051)
    rate = min(max(k.needed_annual_reduction, 0.0), 1.0)
    paths.append(TargetPath("budget_path", years, base * (1.0 - rate) ** (years - base_year)))
    return tuple(paths)
