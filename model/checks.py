"""Checks of the model against the statistics that users can read on the data page."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.data import MunicipalityData
from model.emissions import compute_trajectory
from model.levers import lever_with_effect
from model.paths import lever_paths, reference_levers
from model.sectors import MACHINERY, SECTOR_INDEX, TRANSPORT


@dataclass(frozen=True)
class ObligationBackcast:
    """The base year's transport and machinery emissions had the obligation been different."""

    year: int
    petrol_pct: float
    diesel_pct: float
    transport_t: float
    machinery_t: float
    transport_statistics_t: float  # NED in the year compared with
    machinery_statistics_t: float
    compared_year: int

    @property
    def transport_deviation(self) -> float:
        """Relative deviation of the modelled transport emissions from the statistics."""
        return self.transport_t / self.transport_statistics_t - 1.0

    @property
    def machinery_deviation(self) -> float:
        """Relative deviation of the modelled machinery emissions from the statistics."""
        return self.machinery_t / self.machinery_statistics_t - 1.0


def obligation_backcast(data: MunicipalityData, compared_year: int) -> ObligationBackcast:
    """Re-run the base year with the obligation of an earlier year (2023: 7.8 % / 30.5 %).

    Activity stays at the base year's level; only the biofuel blend changes. If the model
    explains the jump from 2023 to 2024 by the cut obligation, the result lands near the
    statistics of the earlier year.
    """
    reference = lever_paths(data, reference_levers(data))
    row = int(np.nonzero(data.obligation_years == compared_year)[0][0])
    petrol = float(data.obligation_petrol[row]) * 100.0
    diesel = float(data.obligation_diesel[row]) * 100.0
    # Factors are relative to the first year of a path: year 0 is the base year as it was,
    # year 1 the same year with the other obligation.
    years = np.array([data.base_year, data.base_year])
    paths = {k: np.repeat(v[:1], 2) for k, v in reference.items()}
    paths[lever_with_effect("obligation_petrol").id][1] = petrol
    paths[lever_with_effect("obligation_diesel").id][1] = diesel
    trajectory = compute_trajectory(data, years, paths)
    stats = data.history_ghg[np.nonzero(data.history_years == compared_year)[0][0]]
    return ObligationBackcast(
        year=data.base_year,
        petrol_pct=petrol,
        diesel_pct=diesel,
        transport_t=float(trajectory.ghg[1, SECTOR_INDEX[TRANSPORT]]),
        machinery_t=float(trajectory.ghg[1, SECTOR_INDEX[MACHINERY]]),
        transport_statistics_t=float(stats[SECTOR_INDEX[TRANSPORT]]),
        machinery_statistics_t=float(stats[SECTOR_INDEX[MACHINERY]]),
        compared_year=compared_year,
    )
