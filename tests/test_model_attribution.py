"""Contribution of each lever (Shapley values) and rådighet.

Why: "which of our measures matter" is answered with these numbers; they must add up to the
scenario's whole difference from the reference in every year (or the wedges lie), must not
depend on the order the levers are listed in, and must be zero when nothing moved.
"""

from __future__ import annotations

import itertools
from functools import cache

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import LEVER_SPECS, build_municipality_data, reference_levers, run_scenario
from model.attribution import CONTROLS, attribute, interaction_groups
from store.csv_tables import read_csv_tables


@cache
def municipality(code: str):
    return build_municipality_data(read_csv_tables(), code)


def net(result) -> np.ndarray:
    return result.trajectory.ghg.sum(axis=1) + result.trajectory.beccs


def fossil(result) -> np.ndarray:
    return result.trajectory.fossil_co2.sum(axis=1)


EVERYTHING = {
    "el_personbilar": 70.0, "trafik_personbilar": -15.0, "el_tunga_lastbilar": 40.0,
    "el_latta_lastbilar": 60.0, "fossilfria_bussar": 50.0, "reduktionsplikt_bensin": 25.0,
    "hvo100_lokalt": 50.0,
    "reduktionsplikt_diesel": 60.0, "fossilfritt_flyg": 30.0, "fossilfria_arbetsmaskiner": 50.0,
    "utfasning_olja": 80.0, "fossilfri_fjarrvarme": 50.0, "energieffektivisering": 15.0,
    "fossilfri_industri": 50.0, "idisslare": -12.0, "jordbruk_atgarder": 10.0,
    "avfall_minskning": 60.0, "produkter_fgaser": 40.0, "beccs_kt": 150.0, "beccs_start": 2033.0,
}


def test_zero_for_the_reference() -> None:
    data = municipality("0780")
    attribution = attribute(data, reference_levers(data))
    assert not attribution.net_t.any() and not attribution.fossil_t.any()
    assert attribution.changed == ()


@pytest.mark.parametrize("code", ["0780", "0764"])
def test_every_lever_moved_adds_up_every_year_incl_beccs(code: str) -> None:
    data = municipality(code)
    values = dict(EVERYTHING)
    if code == "0764":  # no BECCS plant in Alvesta: the lever is still a lever in the maths
        values["beccs_kt"] = 50.0
    levers = reference_levers(data).with_values(**values)
    attribution = attribute(data, levers)
    scenario, reference = run_scenario(data, levers), run_scenario(data, reference_levers(data))
    np.testing.assert_allclose(attribution.net_t.sum(axis=0), net(reference) - net(scenario),
                               atol=1e-6)
    np.testing.assert_allclose(attribution.fossil_t.sum(axis=0),
                               fossil(reference) - fossil(scenario), atol=1e-6)
    # BECCS is its own lever: its removals are attributed to the BECCS levers only.
    beccs = [attribution.lever_ids.index(i) for i in ("beccs_kt", "beccs_start")]
    np.testing.assert_allclose(attribution.net_t[beccs].sum(axis=0),
                               reference.trajectory.beccs - scenario.trajectory.beccs,
                               atol=1e-6)
    assert not attribution.fossil_t[beccs].any()


def test_equals_the_average_over_every_order() -> None:
    """The definition of the Shapley value, by brute force over 4! orders of four
    interacting levers (cars: traffic, electric share, both fuels)."""
    data = municipality("0780")
    reference = reference_levers(data)
    moved = {"el_personbilar": 60.0, "trafik_personbilar": -10.0,
             "reduktionsplikt_diesel": 50.0, "reduktionsplikt_bensin": 25.0}
    attribution = attribute(data, reference.with_values(**moved))
    expected = {lever_id: np.zeros(len(attribution.years)) for lever_id in moved}
    orders = list(itertools.permutations(moved))
    for order in orders:
        applied: dict[str, float] = {}
        before = net(run_scenario(data, reference))
        for lever_id in order:
            applied[lever_id] = moved[lever_id]
            after = net(run_scenario(data, reference.with_values(**applied)))
            expected[lever_id] += (before - after) / len(orders)
            before = after
    for lever_id, values in expected.items():
        row = attribution.net_t[attribution.lever_ids.index(lever_id)]
        np.testing.assert_allclose(row, values, atol=1e-6)


def test_levers_that_share_no_sector_are_in_different_groups() -> None:
    groups = interaction_groups()
    assert sorted(i for g in groups for i in g) == list(range(len(LEVER_SPECS)))
    for group in groups:
        sectors = [set(LEVER_SPECS[i].sectors) for i in group]
        others = set().union(*(LEVER_SPECS[i].sectors for g in groups if g is not group
                               for i in g))
        assert not set().union(*sectors) & others
    assert max(len(g) for g in groups) <= 10  # 2^10 runs at most: fast


def test_by_control_shares_sum_to_the_whole() -> None:
    data = municipality("0780")
    attribution = attribute(data, reference_levers(data).with_values(**EVERYTHING))
    by_control = attribution.by_control()
    assert set(by_control) == set(CONTROLS)
    np.testing.assert_allclose(sum(by_control.values()), attribution.net_t.sum(axis=0),
                               atol=1e-6)
    controls = {s.id: s.control for s in LEVER_SPECS}
    municipality_own = sum(row for lid, row in zip(attribution.lever_ids, attribution.net_t,
                                                   strict=True) if controls[lid] == "kommun")
    np.testing.assert_allclose(by_control["kommun"], municipality_own)


def test_frame_is_tidy_and_totals_match() -> None:
    data = municipality("0780")
    attribution = attribute(data, reference_levers(data).with_values(el_personbilar=90.0))
    frame = attribution.frame()
    assert len(frame) == len(LEVER_SPECS) * len(attribution.years)
    assert frame["net_t"].sum() == pytest.approx(attribution.net_t.sum())
    assert attribution.changed == ("el_personbilar",)
    assert attribution.in_year(2030)[0] > 0
    assert attribution.total(2025, 2050)[0] == pytest.approx(
        attribution.net_t[0, attribution.years >= 2025].sum())


lever_values = st.fixed_dictionaries({
    spec.id: st.floats(spec.min, spec.max, allow_nan=False) for spec in LEVER_SPECS
    if spec.id != "beccs_start"
})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=lever_values, start=st.integers(2030, 2045))
def test_any_setting_adds_up_exactly_every_year(values, start) -> None:
    data = municipality("0780")
    levers = reference_levers(data).with_values(**values, beccs_start=float(start))
    attribution = attribute(data, levers)
    scenario, reference = run_scenario(data, levers), run_scenario(data, reference_levers(data))
    np.testing.assert_allclose(attribution.net_t.sum(axis=0), net(reference) - net(scenario),
                               atol=1e-6)
    np.testing.assert_allclose(attribution.fossil_t.sum(axis=0),
                               fossil(reference) - fossil(scenario), atol=1e-6)
