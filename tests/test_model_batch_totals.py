"""model.batch.run_batch_totals, what the Monte Carlo reads from a batch, is run_batch's
numbers summed per sector instead of laid out as (n, years, 9) arrays."""

from __future__ import annotations

import numpy as np
import pytest

from model.batch import run_batch, run_batch_totals
from model.data import build_municipality_data
from model.sectors import TRANSPORT_SUBSECTORS
from store.csv_tables import read_csv_tables


@pytest.mark.parametrize("scale_shape", [None, (7, 9), (7, 1)])
def test_batch_totals_equal_run_batch(scale_shape: tuple[int, int] | None) -> None:
    """Draws of levers, parameters and statistics (base_scale by sector or for all)."""
    data = build_municipality_data(read_csv_tables(), "0780")
    rng = np.random.default_rng(5)
    n = 7
    levers = {"el_personbilar": rng.uniform(0, 100, n), "idisslare": -5.0}
    parameters = {"car_lifetime_years": rng.uniform(14, 20, n), "biofuel_saving_diesel": 0.7}
    scale = None if scale_shape is None else rng.uniform(0.9, 1.1, scale_shape)
    full = run_batch(data, levers, parameters, base_scale=scale)
    lean = run_batch_totals(data, levers, parameters, base_scale=scale)
    np.testing.assert_allclose(lean.totals, full.totals, rtol=1e-12)
    np.testing.assert_allclose(lean.fossil_fuel_co2_2030, full.fossil_fuel_co2_2030,
                               rtol=1e-12)
    np.testing.assert_allclose(lean.beccs, full.beccs, rtol=1e-12)
    for k in range(len(TRANSPORT_SUBSECTORS)):
        np.testing.assert_allclose(lean.transport_fossil_co2[k],
                                   full.transport_fossil_co2[:, :, k], rtol=1e-12)


def test_batch_totals_of_one_float_setting() -> None:
    """Only floats: n = 1, every output with the leading axis."""
    data = build_municipality_data(read_csv_tables(), "0780")
    full = run_batch(data, {"el_personbilar": 80.0})
    lean = run_batch_totals(data, {"el_personbilar": 80.0})
    assert lean.totals.shape == full.totals.shape == (1, len(full.years))
    np.testing.assert_allclose(lean.totals, full.totals, rtol=1e-12)
    np.testing.assert_allclose(lean.fossil_fuel_co2_2030, full.fossil_fuel_co2_2030,
                               rtol=1e-12)
