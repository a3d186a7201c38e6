"""model/overview.py: the 290-municipality run equals run_scenario municipality by municipality,
and model.batch.run_municipalities (one vectorised run) equals its old loop of run_batch.

When the model core changes (issue 9), this is the test that says the batch must be
re-pointed at the new core (model/overview.py, _batch_trajectory).
"""

from __future__ import annotations

import dataclasses
from dataclasses import fields
from functools import cache
from types import MappingProxyType

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import (
    BatchResult,
    MunicipalityData,
    build_municipality_data,
    reference_levers,
    run_batch,
    run_municipalities,
    run_scenario,
)
from model.batch import prepare_municipalities, run_municipalities_totals, sector_sum
from model.levers import LEVER_SPECS, LEVERS_BY_ID, LeverError
from model.local_levers import carry_over, lever_max
from model.overview import (
    OverviewBase,
    fossil_fuel_co2_2030,
    overview_base,
    overview_columns,
    run_overview,
    run_overview_totals,
)
from store.csv_tables import read_csv_tables

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


# ---------------------------------------------------------------------------------------
# model.batch.run_municipalities: one vectorised run equals the loop over municipalities.

MOVED = {"el_personbilar": 70.0, "trafik_personbilar": -10.0, "reduktionsplikt_diesel": 30.0,
         "fossilfri_fjarrvarme": 90.0, "idisslare": -10.0, "beccs_kt": 150.0,
         "beccs_start": 2032.0}


def loop(datas: tuple[MunicipalityData, ...], levers: dict[str, float]) -> list[BatchResult]:
    """What run_municipalities did before issue 13: run_batch per municipality, BECCS
    clipped to its plant, the levers not given at its own reference."""
    rows = []
    for data in datas:
        own = dict(levers)
        if "beccs_kt" in own:
            own["beccs_kt"] = min(own["beccs_kt"], lever_max(data, "beccs_kt"))
        rows.append(run_batch(data, own))
    return rows


def assert_rows_equal(result: BatchResult, rows: list[BatchResult]) -> None:
    assert result.n == len(rows)
    for f in fields(BatchResult):
        if f.name == "years":
            np.testing.assert_array_equal(result.years, rows[0].years)
            continue
        expected = np.concatenate([getattr(r, f.name) for r in rows])
        np.testing.assert_allclose(getattr(result, f.name), expected, rtol=1e-9, atol=1e-9,
                                   err_msg=f.name)


@pytest.mark.parametrize("levers", [{}, MOVED], ids=["reference", "moved"])
def test_all_290_in_one_run_equal_the_loop(levers: dict[str, float]) -> None:
    stacked = base()
    result = run_municipalities(stacked.batch, levers)
    assert_rows_equal(result, loop(stacked.datas, levers))
    # BECCS only where there is a plant (Växjö's), clipped to it; none anywhere else.
    beccs = result.beccs.sum(axis=1)
    vaxjo = stacked.index_of("0780")
    assert np.all(np.delete(beccs, vaxjo) == 0.0)
    assert (beccs[vaxjo] < 0.0) == bool(levers)
    # A sequence of MunicipalityData gives the same as the prepared batch.
    some = stacked.datas[:3]
    assert_rows_equal(run_municipalities(some, levers), loop(some, levers))


def test_levers_not_given_stay_at_each_municipalitys_reference() -> None:
    stacked = base()
    result = run_municipalities(stacked.batch, {"reduktionsplikt_diesel": 30.0})
    for code in ("0780", "1280"):
        i = stacked.index_of(code)
        data = stacked.datas[i]
        own = reference_levers(data).with_values(reduktionsplikt_diesel=30.0)
        expected = run_scenario(data, own).trajectory.ghg
        np.testing.assert_allclose(result.ghg[i], expected, rtol=1e-9, atol=1e-6)


def test_lever_ranges_are_checked_per_municipality() -> None:
    batch = base().batch
    with pytest.raises(LeverError):
        run_municipalities(batch, {"el_personbilar": 101.0})
    with pytest.raises(LeverError):
        run_municipalities(batch, {"beccs_kt": -1.0})
    with pytest.raises(LeverError):
        run_municipalities(batch, {"el_personbilar": float("nan")})
    with pytest.raises(LeverError, match="Unknown|Okänd"):
        run_municipalities(batch, {"nope": 1.0})
    # Above every plant: clipped to each one's (Växjö's ceiling, 0 elsewhere), not refused.
    result = run_municipalities(batch, {"beccs_kt": LEVERS_BY_ID["beccs_kt"].max})
    vaxjo = base().datas[base().index_of("0780")]
    expected = run_batch(vaxjo, {"beccs_kt": lever_max(vaxjo, "beccs_kt")})
    np.testing.assert_allclose(result.beccs[base().index_of("0780")], expected.beccs[0])


def test_different_base_years_are_refused() -> None:
    data = base().datas[0]
    later = dataclasses.replace(data, history_years=data.history_years + 1)
    with pytest.raises(ValueError, match="base years"):
        run_municipalities([data, later])


def test_different_fleet_years_run_in_groups_and_keep_the_order() -> None:
    first, second, third = (base().datas[i] for i in (0, 1, 2))
    older = dataclasses.replace(second, parameters=MappingProxyType(
        {**second.parameters, "car_fleet_year": float(first.base_year)}))
    datas = (first, older, third)
    assert len(prepare_municipalities(datas).groups) == 2
    assert_rows_equal(run_municipalities(datas, MOVED), loop(datas, MOVED))


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(0, 289), min_size=1, max_size=6, unique=True),
       st.dictionaries(st.sampled_from([s.id for s in LEVER_SPECS]), st.floats(0.0, 1.0),
                       max_size=6))
def test_any_municipalities_and_levers_equal_the_loop(rows: list[int],
                                                      fractions: dict[str, float]) -> None:
    """A random subset of municipalities and random values within the lever ranges (BECCS up
    to the widest range: clipped per municipality) give the same as the loop."""
    levers = {k: LEVERS_BY_ID[k].min + f * (LEVERS_BY_ID[k].max - LEVERS_BY_ID[k].min)
              for k, f in fractions.items()}
    datas = tuple(base().datas[i] for i in rows)
    assert_rows_equal(run_municipalities(datas, levers), loop(datas, levers))


def test_one_lever_value_per_municipality() -> None:
    datas = tuple(base().datas[i] for i in (0, 5, 9))
    values = np.array([40.0, 60.0, 80.0])
    result = run_municipalities(datas, {"el_personbilar": values})
    rows = [run_batch(d, {"el_personbilar": v}) for d, v in zip(datas, values, strict=True)]
    assert_rows_equal(result, rows)


# ---------------------------------------------------------------------------------------
# The Sverige page's lever move: the totals alone, and the reference paths kept per stack.

@pytest.mark.parametrize("levers", [{}, MOVED, {"el_personbilar": 55.0}],
                         ids=["reference", "moved", "one"])
def test_totals_alone_are_bitwise_those_of_the_full_run(levers: dict[str, float]) -> None:
    full = run_overview(base(), levers)
    totals = run_overview_totals(base(), levers)
    np.testing.assert_array_equal(totals.ghg_totals, full.ghg.sum(axis=-1))
    np.testing.assert_array_equal(totals.fossil_fuel_co2_2030, fossil_fuel_co2_2030(full))
    np.testing.assert_array_equal(totals.exhausted_year, full.exhausted_year)
    for name, column in overview_columns(full).items():
        np.testing.assert_array_equal(overview_columns(totals)[name], column, err_msg=name)
    with pytest.raises(KeyError, match="nope"):
        run_overview_totals(base(), {"nope": 1.0})


def test_totals_alone_in_groups_keep_the_order() -> None:
    first, second, third = (base().datas[i] for i in (0, 1, 2))
    older = dataclasses.replace(second, parameters=MappingProxyType(
        {**second.parameters, "car_fleet_year": float(first.base_year)}))
    batch = prepare_municipalities((first, older, third))
    full = run_municipalities(batch, MOVED)
    totals = run_municipalities_totals(batch, MOVED)
    np.testing.assert_array_equal(totals.totals, full.totals)
    np.testing.assert_array_equal(totals.fossil_fuel_co2_2030, full.fossil_fuel_co2_2030)


@pytest.mark.parametrize("sectors", [1, 5, 8, 9, 17])
def test_sector_sum_adds_as_numpy_sums_the_last_axis(sectors: int) -> None:
    rng = np.random.default_rng(sectors)
    values = rng.standard_normal((7, 5, sectors)) * 10.0 ** rng.integers(-3, 8, (7, 5, sectors))
    columns = [values[..., j] for j in range(sectors)]
    columns[0] = 2.5  # a float broadcasts like the sectors no lever changes
    values[..., 0] = 2.5
    np.testing.assert_array_equal(sector_sum(columns, (7, 5)), values.sum(axis=-1))


def test_a_run_after_another_setting_is_unchanged() -> None:
    """The paths kept for levers at their reference (read-only, per stack) give the same
    numbers whatever ran before."""
    first = run_overview(base(), {"el_personbilar": 55.0}).ghg.copy()
    run_overview(base(), {"reduktionsplikt_diesel": 30.0, "el_tunga_lastbilar": 40.0})
    np.testing.assert_array_equal(run_overview(base(), {"el_personbilar": 55.0}).ghg, first)
