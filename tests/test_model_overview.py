"""model/overview.py: the 290-municipality run equals run_scenario municipality by municipality.

When the model core changes (issue 9), this is the test that says the batch must be
re-pointed at the new core (model/overview.py, _batch_trajectory).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import build_municipality_data, reference_levers, run_scenario
from model.levers import LEVER_SPECS
from model.local_levers import carry_over
from model.overview import OverviewBase, fossil_fuel_co2_2030, overview_base, run_overview
from model.tables import read_csv_tables

# Växjö (own parameters and CO2 data), Alvesta (its twin), and a spread of others.
CODES = ("0780", "0764", "0114", "0180", "1280", "2584", "0880", "1480")


@cache
def base() -> OverviewBase:
    return overview_base(read_csv_tables())


def test_base_has_every_municipality_with_the_shipped_figures() -> None:
    stacked = base()
    assert stacked.n == 290 and stacked.base_year == 2024
    ned = read_csv_tables().ned_ghg
    totals = ned[ned["year"] == 2024].groupby("municipality_code")["ghg_t_co2e"].sum()
    np.testing.assert_allclose(stacked.history_totals[:, -1],
                               totals.reindex(list(stacked.codes)).to_numpy())
    assert stacked.own_split[stacked.index_of("0780")]  # Växjö's Länsrapport
    assert not stacked.own_split[stacked.index_of("1280")]
    assert stacked.budget_estimated.sum() == 289


@settings(max_examples=15, deadline=None)
@given(st.dictionaries(st.sampled_from([s.id for s in LEVER_SPECS if s.id != "beccs_start"]),
                       st.floats(0.0, 1.0), max_size=5))
def test_overview_equals_run_scenario(fractions: dict[str, float]) -> None:
    specs = {s.id: s for s in LEVER_SPECS}
    moved = {i: round(specs[i].min + f * (specs[i].max - specs[i].min)) for i, f in
             fractions.items()}
    tables = read_csv_tables()
    vaxjo_reference = reference_levers(build_municipality_data(tables, "0780"))
    # Moved means: differs from the reference of the municipality the user is looking at.
    moved = {k: v for k, v in moved.items() if v != getattr(vaxjo_reference, k)}
    result = run_overview(base(), moved)
    setting = vaxjo_reference.with_values(**moved)
    for code in CODES:
        data = build_municipality_data(tables, code)
        expected = run_scenario(data, carry_over(setting, vaxjo_reference, data))
        i = base().index_of(code)
        np.testing.assert_allclose(result.ghg[i], expected.trajectory.ghg, rtol=1e-9,
                                   atol=1e-6)
        assert fossil_fuel_co2_2030(result)[i] == pytest.approx(
            expected.kpis.fossil_fuel_co2_2030_t, abs=1e-6)
        year = result.exhausted_year[i]
        assert (None if np.isnan(year) else int(year)) == expected.kpis.budget_exhausted_year


def test_unknown_lever_is_refused() -> None:
    with pytest.raises(KeyError, match="nope"):
        run_overview(base(), {"nope": 1.0})
