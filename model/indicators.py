"""Physical indicators users can picture: electric cars, biofuel shares, captured CO2.

One value per scenario year (base year to 2050), computed from the same paths as the
emissions, so they move exactly as the levers allow (fleet renewal, blend limits, BECCS
ramp-up).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.data import MunicipalityData
from model.emissions import Trajectory
from model.levers import Levers
from model.paths import CAR_LEVER, data_year, fleet_state, lever_paths

INDICATOR_NAMES: tuple[str, ...] = (
    "electric_cars",
    "electric_share_car_km",
    "zero_emission_share_new_cars",
    "biofuel_share_petrol",
    "biofuel_share_diesel",
    "beccs_captured_t",
)


@dataclass(frozen=True, eq=False)
class Indicators:
    """Each field is an array aligned with the scenario years."""

    years: np.ndarray
    electric_cars: np.ndarray  # battery-electric cars in the fleet
    electric_share_car_km: np.ndarray  # 0–1, incl. plug-in hybrids' electric driving
    zero_emission_share_new_cars: np.ndarray  # 0–1
    biofuel_share_petrol: np.ndarray  # 0–1 by energy, from the reduction obligation
    biofuel_share_diesel: np.ndarray
    beccs_captured_t: np.ndarray  # t CO2 a year, positive

    def as_dict(self) -> dict[str, np.ndarray]:
        """The indicators by name, in INDICATOR_NAMES order."""
        return {name: getattr(self, name) for name in INDICATOR_NAMES}


def compute_indicators(data: MunicipalityData, levers: Levers,
                       trajectory: Trajectory) -> Indicators:
    """The indicators of one scenario run."""
    years = trajectory.years
    params = data.parameters
    cars = fleet_state(params, CAR_LEVER, years, getattr(levers, CAR_LEVER))
    traffic = lever_paths(data, levers)["trafik_personbilar"]
    anchor = years == data_year(params)
    at_anchor = float(traffic[anchor][0]) if anchor.any() else 0.0
    fleet_size = params["car_fleet_total"] * (1.0 + traffic / 100.0) / (1.0 + at_anchor / 100.0)
    return Indicators(
        years=years,
        electric_cars=fleet_size * cars.stock_zero_emission,
        electric_share_car_km=cars.electric_km,
        zero_emission_share_new_cars=cars.new_zero_emission,
        biofuel_share_petrol=np.asarray(trajectory.biofuel_share_petrol),
        biofuel_share_diesel=np.asarray(trajectory.biofuel_share_diesel),
        beccs_captured_t=-trajectory.beccs + 0.0,
    )
