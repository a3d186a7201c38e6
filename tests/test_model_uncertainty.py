"""The Monte Carlo (model/uncertainty.py): sampling, ordering, reproducibility, chances.

Why: a range on the page is only worth showing if it is the model's own range: the draws
must be stratified and reproducible, the central draw must be the scenario the page shows,
the percentiles must be ordered and open only after the statistics, and the chances must
move the right way when a lever moves.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.budget import BudgetSettings
from model.data import MunicipalityData, build_municipality_data
from model.levers import LEVER_SPECS
from model.local_levers import lever_max
from model.paths import reference_levers
from model.scenario import run_scenario
from model.uncertainty import (
    QUANTILES,
    UncertainInput,
    UncertaintyError,
    _inverted_cdf_positions,
    inputs_from_frame,
    latin_hypercube,
    most_likely_month,
    run_uncertainty,
    sample,
    sorted_quantiles,
    tornado,
)
from model.uncertainty_core import KNOWN_INPUTS, neutral_values, prepare_draws, run_draws
from store.csv_tables import read_csv_tables, read_uncertainty_frame, uncertain_inputs

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared" / "data"
TABLES = read_csv_tables()
CODES = ("0780", "0764")
DRAWS = 400  # enough for stable percentiles, cheap enough for many settings


def municipality(code: str) -> MunicipalityData:
    return build_municipality_data(TABLES, code)


DATA = {code: municipality(code) for code in CODES}
INPUTS = uncertain_inputs()


def budget(data: MunicipalityData, count_beccs: bool = False) -> BudgetSettings:
    return BudgetSettings(data.budget_t, data.budget_start_year, count_beccs)


# ----------------------------------------------------------------------------------------
# The table


def test_every_uncertain_input_is_known_to_the_model_and_listed_once() -> None:
    frame = read_uncertainty_frame()
    assert frame["parameter"].is_unique
    assert set(frame["parameter"]) <= KNOWN_INPUTS
    assert len(INPUTS) == len(frame)
    for spec in INPUTS:
        assert spec.low <= spec.central <= spec.high, spec.parameter
        assert spec.reason_sv and spec.reason_en and spec.source_id, spec.parameter


def test_the_tables_central_values_are_the_models_own() -> None:
    """Central values are what the model uses, so the central draw is the page's scenario."""
    neutral = neutral_values(DATA["0780"])
    for spec in INPUTS:
        assert spec.central == pytest.approx(neutral[spec.parameter]), spec.parameter


def test_the_issue_lists_inputs_are_all_covered() -> None:
    names = {spec.parameter for spec in INPUTS}
    for needed in ("ned_revision_0", "fleet_renewal_factor", "car_mileage_trend",
                   "freight_traffic_growth", "biofuel_saving_diesel", "beccs_capture_rate_max",
                   "beccs_availability", "car_lifetime_years", "population_growth_shift",
                   "agri_ef_enteric"):
        assert needed in names


def test_a_bad_row_gives_a_clear_error() -> None:
    frame = read_uncertainty_frame().head(1).copy()
    bad = frame.assign(low=1.0, high=-1.0)
    for broken, words in ((bad, "låg ≤ central ≤ hög"),
                          (frame.assign(parameter="no_such_input"), "okänd parameter"),
                          (frame.assign(distribution="lognormal"), "okänd fördelning")):
        with pytest.raises(UncertaintyError) as error:
            inputs_from_frame(broken)
        assert words in error.value.message_sv and "rad 2" in error.value.message_sv


@pytest.mark.skipif(not (SHARED / "ned-ghg-by-sector-290-municipalities-release-2025.json")
                    .exists(), reason="../shared/data is not here")
def test_revision_rows_rederive_from_the_two_releases(tmp_path: Path) -> None:
    """The committed revision ranges are what store/ned_revisions.py derives today."""
    from store.ned_revisions import write

    (tmp_path / "uncertainty.csv").write_text(
        (REPO_ROOT / "data" / "uncertainty.csv").read_text(encoding="utf-8"), encoding="utf-8")
    write(SHARED, tmp_path)
    for name in ("uncertainty.csv", "ned_revisions.csv"):
        with (tmp_path / name).open(encoding="utf-8") as f:
            derived = list(csv.DictReader(f))
        with (REPO_ROOT / "data" / name).open(encoding="utf-8") as f:
            committed = list(csv.DictReader(f))
        assert derived == committed, name


# ----------------------------------------------------------------------------------------
# Sampling


@settings(max_examples=25, deadline=None)
@given(n=st.integers(2, 300), d=st.integers(1, 20), seed=st.integers(0, 2**31))
def test_latin_hypercube_hits_every_slice_of_every_input_once(n: int, d: int, seed: int) -> None:
    unit = latin_hypercube(n, d, seed)
    assert unit.shape == (n, d)
    slices = np.floor(unit * n).astype(int)
    for j in range(d):
        assert sorted(slices[:, j]) == list(range(n))


@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 300), d=st.integers(1, 20), seed=st.integers(0, 2**31))
def test_latin_hypercube_is_scipys(n: int, d: int, seed: int) -> None:
    """The same numbers as scipy's sampler, which the model no longer imports (0.9 s)."""
    from scipy.stats import qmc

    expected = qmc.LatinHypercube(d=d, rng=np.random.default_rng(seed)).random(n)
    assert np.array_equal(latin_hypercube(n, d, seed), expected)


def test_same_seed_same_draws_other_seed_other_draws() -> None:
    a, b, c = (sample(INPUTS, 200, s) for s in (7, 7, 8))
    for key in a:
        np.testing.assert_array_equal(a[key], b[key])
    assert any(not np.array_equal(a[k], c[k]) for k in a)


def test_distributions_put_their_quantiles_where_the_table_says() -> None:
    normal = UncertainInput("x", "", "", "normal", -2.0, 0.0, 2.0, "", "s", "", "")
    np.testing.assert_allclose(normal.ppf(np.array([0.1, 0.5, 0.9])), [-2.0, 0.0, 2.0])
    tri = UncertainInput("x", "", "", "triangular", 0.0, 1.0, 4.0, "", "s", "", "")
    # F(mode) = (mode − low) / (high − low) = 0.25
    assert tri.ppf(np.array([0.25]))[0] == pytest.approx(1.0)
    values = tri.ppf(np.linspace(0.001, 0.999, 101))
    assert (np.diff(values) > 0).all() and values.min() >= 0.0 and values.max() <= 4.0
    uniform = UncertainInput("x", "", "", "uniform", 1.0, 1.5, 3.0, "", "s", "", "")
    np.testing.assert_allclose(uniform.ppf(np.array([0.0, 0.5, 1.0])), [1.0, 2.0, 3.0])


# ----------------------------------------------------------------------------------------
# The batch reproduces the model


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("count_beccs", [False, True])
def test_central_draws_reproduce_run_scenario(code: str, count_beccs: bool) -> None:
    data = DATA[code]
    beccs = 100.0 if code == "0780" else 0.0
    for levers in (reference_levers(data),
                   reference_levers(data).with_values(el_personbilar=80, beccs_kt=beccs,
                                                      reduktionsplikt_diesel=30,
                                                      idisslare=-10, beccs_start=2032)):
        b = budget(data, count_beccs)
        central = run_scenario(data, levers, b)
        values = {k: np.full(3, v) for k, v in neutral_values(data).items()}
        out = run_draws(data, levers, b, values)
        net = central.trajectory.ghg.sum(axis=1) + central.trajectory.beccs
        np.testing.assert_allclose(out.net, np.tile(net, (3, 1)), rtol=1e-12, atol=1e-6)
        assert out.fossil_co2_2030 == pytest.approx(central.kpis.fossil_fuel_co2_2030_t)
        assert list(out.exhausted_year) == [central.kpis.budget_exhausted_year or 0] * 3
        assert list(out.exhausted_month) == [central.kpis.budget_exhausted_month or 0] * 3


def test_an_unknown_input_is_refused() -> None:
    data = DATA["0780"]
    with pytest.raises(KeyError):
        run_draws(data, reference_levers(data), budget(data), {"nonsense": np.ones(2)})


# ----------------------------------------------------------------------------------------
# Percentiles and chances


def lever_settings(data: MunicipalityData) -> list:
    ref = reference_levers(data)
    return [
        ref,
        ref.with_values(el_personbilar=80, trafik_personbilar=-15, reduktionsplikt_diesel=50),
        ref.with_values(idisslare=-15, jordbruk_atgarder=15, beccs_kt=0.0),
        ref.with_values(beccs_kt=lever_max(data, "beccs_kt"), beccs_start=2030),
        ref.with_values(beccs_kt=min(100.0, lever_max(data, "beccs_kt")), beccs_start=2035),
    ]


@pytest.mark.parametrize("code", CODES)
def test_percentiles_ordered_open_after_base_year_and_hold_the_central_scenario(
    code: str,
) -> None:
    data = DATA[code]
    for levers in lever_settings(data):
        b = budget(data)
        result = run_uncertainty(data, levers, b, INPUTS, DRAWS, seed=3)
        bands = np.vstack([result.net[name] for name, _ in QUANTILES])
        assert (np.diff(bands, axis=0) >= -1e-9).all(), "p10 ≤ p25 ≤ p50 ≤ p75 ≤ p90"
        width = result.net["p90"] - result.net["p10"]
        history = result.years <= data.base_year
        assert np.allclose(width[history], 0.0), "statistics are taken as given"
        assert (width[~history] > 0).all(), "the fan opens after the base year"
        relative = width / np.abs(result.net["p50"])
        first = int(np.argmax(~history))
        assert relative[-1] > relative[first], "and widens (relative to the level) to 2050"
        central = run_scenario(data, levers, b).totals_frame["net_t"].to_numpy()
        assert len(central) == len(result.years)
        inside = (result.net["p25"] <= central + 1e-6) & (central <= result.net["p75"] + 1e-6)
        assert inside.all(), result.years[~inside]


@pytest.mark.parametrize("code", CODES)
def test_same_seed_same_result(code: str) -> None:
    data = DATA[code]
    a = run_uncertainty(data, reference_levers(data), budget(data), INPUTS, 300, seed=5)
    b = run_uncertainty(data, reference_levers(data), budget(data), INPUTS, 300, seed=5)
    c = run_uncertainty(data, reference_levers(data), budget(data), INPUTS, 300, seed=6)
    assert a.as_json() == b.as_json()
    assert a.as_json()["net"] != c.as_json()["net"]


def chances(data: MunicipalityData, levers, b: BudgetSettings) -> tuple[float, float]:
    result = run_uncertainty(data, levers, b, INPUTS, DRAWS, seed=11)
    return result.p_fossil_free_2030, result.p_budget_lasts_to_2050


def test_chances_are_probabilities_and_rise_with_ambition() -> None:
    data = DATA["0780"]
    b = BudgetSettings(data.budget_t * 1.6, data.budget_start_year, False)  # a close call
    ref = reference_levers(data)
    budget_chances = []
    for value in (ref.el_personbilar, 75, 85, 100):
        p_fossil, p_budget = chances(data, ref.with_values(el_personbilar=value), b)
        assert 0.0 <= p_fossil <= 1.0 and 0.0 <= p_budget <= 1.0
        budget_chances.append(p_budget)
    assert budget_chances == sorted(budget_chances), budget_chances
    assert budget_chances[-1] > budget_chances[0]
    assert max(budget_chances) > 0.0 and min(budget_chances) < 1.0


def test_fossil_free_chance_never_falls_when_every_fossil_lever_goes_to_its_end() -> None:
    """The chance is the share of draws with the verdict; with every fossil lever at the end
    of its possible range it is at least the reference's (the model may still say that
    fossil-fuel-free 2030 is out of reach: then both are 0)."""
    data = DATA["0780"]
    ref = reference_levers(data)
    ends = {spec.id: lever_max(data, spec.id) for spec in LEVER_SPECS
            if spec.id not in ("trafik_personbilar", "idisslare", "beccs_start")}
    full = ref.with_values(**ends, trafik_personbilar=-15.0)
    p_ref, _ = chances(data, ref, budget(data))
    p_full, _ = chances(data, full, budget(data))
    assert 0.0 <= p_ref <= p_full <= 1.0
    central = run_scenario(data, full, budget(data)).kpis
    if central.fossil_free_2030:
        assert p_full > 0.0


def test_budget_range_and_most_likely_month() -> None:
    data = DATA["0780"]
    result = run_uncertainty(data, reference_levers(data), budget(data), INPUTS, 1000)
    years = result.budget_exhausted_year
    assert years["p10"] <= years["p50"] <= years["p90"]
    year, month = result.most_likely_exhaustion
    assert years["p10"] <= year <= years["p90"] and 1 <= month <= 12


def test_most_likely_month_is_none_when_most_draws_last() -> None:
    dates = np.array([np.inf] * 6 + [2036.2, 2036.3, 2036.4, 2037.0])
    assert most_likely_month(dates) is None
    assert most_likely_month(np.array([2036.04, 2036.13, 2036.13, 2040.5])) == (2036, 2)


# ----------------------------------------------------------------------------------------
# Tornado


def test_tornado_has_every_input_and_ranks_by_swing() -> None:
    data = DATA["0780"]
    levers = reference_levers(data)
    b = budget(data)
    result = tornado(data, levers, b, INPUTS)
    assert [r.parameter for r in result.rows] == [s.parameter for s in INPUTS]
    central = run_scenario(data, levers, b).kpis
    assert result.fossil_co2_2030_central == pytest.approx(central.fossil_fuel_co2_2030_t)
    for metric, swing in (("fossil", "fossil_swing"), ("budget", "budget_swing")):
        ranked = result.ranked(metric)  # type: ignore[arg-type]
        swings = [getattr(r, swing) for r in ranked]
        assert swings == sorted(swings, reverse=True) and swings[0] > 0
    # Agriculture has no fossil fuel; BECCS is off in the reference.
    fossil = {r.parameter for r in result.ranked("fossil")}
    assert "agri_ef_enteric" not in fossil and "beccs_availability" not in fossil
    assert "agri_ef_enteric" in {r.parameter for r in result.ranked("budget")}


def test_tornado_shows_beccs_when_it_counts_against_a_tight_budget() -> None:
    data = DATA["0780"]
    levers = reference_levers(data).with_values(beccs_kt=lever_max(data, "beccs_kt"),
                                                beccs_start=2030)
    b = BudgetSettings(data.budget_t * 0.6, data.budget_start_year, True)
    names = {r.parameter for r in tornado(data, levers, b, INPUTS).ranked("budget")}
    assert {"beccs_availability", "beccs_capture_rate_max"} <= names


def test_a_later_beccs_start_in_a_draw_captures_later() -> None:
    """The batch takes a start shift per draw (not in the table: its ramp is capped, so a
    symmetric shift would not keep the page's scenario in the middle; the lever shows it)."""
    data = DATA["0780"]
    levers = reference_levers(data).with_values(beccs_kt=150, beccs_start=2032)
    out = run_draws(data, levers, budget(data), {"beccs_start_shift": np.array([0.0, 2.0])})
    year = int(np.nonzero(out.years == 2033)[0][0])
    assert out.net[1, year] > out.net[0, year]
    assert out.net[1, -1] == pytest.approx(out.net[0, -1])


def test_frame_is_one_row_a_year() -> None:
    data = DATA["0764"]
    result = run_uncertainty(data, reference_levers(data), budget(data), INPUTS, 100)
    frame = result.frame()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["year", "p10", "p25", "p50", "p75", "p90"]
    assert frame["year"].is_monotonic_increasing and frame["year"].is_unique


def test_the_pages_fewer_draws_give_the_same_picture_as_a_thousand() -> None:
    """The page runs PAGE_DRAWS (a lever change must stay light); the Latin hypercube keeps
    its deciles and chances close to the CLI's default of 1,000 draws."""
    from store.uncertainty_runs import PAGE_DRAWS

    data = DATA["0780"]
    levers = reference_levers(data).with_values(el_personbilar=80)
    b = BudgetSettings(data.budget_t * 1.3, data.budget_start_year, False)
    few = run_uncertainty(data, levers, b, INPUTS, PAGE_DRAWS)
    many = run_uncertainty(data, levers, b, INPUTS, 1000)
    for name in ("p10", "p50", "p90"):
        np.testing.assert_allclose(few.net[name], many.net[name], rtol=0.02)
    assert abs(few.p_budget_lasts_to_2050 - many.p_budget_lasts_to_2050) <= 0.05


@settings(max_examples=15, deadline=None)
@given(el=st.floats(0, 100), traffic=st.floats(-15, 20), diesel=st.floats(0, 66),
       herd=st.floats(-15, 10), beccs=st.floats(0, 1), start=st.integers(2030, 2045),
       code=st.sampled_from(CODES))
def test_any_possible_setting_keeps_the_bands_ordered_around_the_scenario(
    el: float, traffic: float, diesel: float, herd: float, beccs: float, start: int, code: str,
) -> None:
    data = DATA[code]
    levers = reference_levers(data).with_values(
        el_personbilar=el, trafik_personbilar=traffic, reduktionsplikt_diesel=diesel,
        idisslare=herd, beccs_kt=round(beccs * lever_max(data, "beccs_kt")), beccs_start=start)
    b = budget(data)
    result = run_uncertainty(data, levers, b, INPUTS, 300, seed=1)
    bands = np.vstack([result.net[name] for name, _ in QUANTILES])
    assert (np.diff(bands, axis=0) >= -1e-9).all()
    central = run_scenario(data, levers, b).totals_frame["net_t"].to_numpy()
    assert ((result.net["p25"] <= central + 1e-6) & (central <= result.net["p75"] + 1e-6)).all()
    assert 0.0 <= result.p_fossil_free_2030 <= 1.0 and 0.0 <= result.p_budget_lasts_to_2050 <= 1.0


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=400), st.integers(min_value=1, max_value=30),
       st.integers(min_value=0, max_value=2**32 - 1))
def test_sorted_quantiles_equal_numpys_bit_for_bit(draws: int, columns: int, seed: int) -> None:
    """The page's percentiles come from one sort; they must be numpy's exactly (ties too)."""
    rng = np.random.default_rng(seed)
    values = rng.normal(size=(draws, columns)) * 1e5
    values[:, :1] = np.round(values[:, :1], -4)  # ties, as in capped or clipped draws
    levels = [0.1, 0.25, 0.5, 0.75, 0.9]
    assert np.array_equal(sorted_quantiles(values, levels), np.quantile(values, levels, axis=0))


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=1200), st.integers(min_value=0, max_value=2**32 - 1))
def test_exhaustion_percentiles_equal_numpys_inverted_cdf(draws: int, seed: int) -> None:
    """The exhaustion years' percentiles come from one sort at numpy's own positions."""
    rng = np.random.default_rng(seed)
    dates = np.round(rng.uniform(2030, 2052, size=draws), 1)
    dates[dates > 2050] = np.inf  # budgets that last
    levels = (0.1, 0.5, 0.9)
    assert np.array_equal(np.sort(dates)[_inverted_cdf_positions(draws, levels)],
                          np.quantile(dates, levels, method="inverted_cdf"))


@pytest.mark.parametrize("code", CODES)
def test_prepared_draws_give_the_same_numbers_as_the_draws(code: str) -> None:
    """The kept, lever-independent part of the draws (prepare_draws, reused over lever
    moves) must give exactly what the draws themselves give, for setting after setting."""
    data = DATA[code]
    values = sample(INPUTS, 60, 3)
    prepared = prepare_draws(data, values)
    reference = reference_levers(data)
    settings_ = [reference, reference.with_values(el_personbilar=90.0),
                 reference.with_values(reduktionsplikt_diesel=float(
                     lever_max(data, "reduktionsplikt_diesel"))), reference]
    for levers in settings_:
        for count_beccs in (False, True):
            direct = run_draws(data, levers, budget(data, count_beccs), values)
            kept = run_draws(data, levers, budget(data, count_beccs), prepared)
            for field in ("net", "fossil_co2_2030", "exhausted_date", "exhausted_month"):
                assert np.array_equal(getattr(direct, field), getattr(kept, field))
    with pytest.raises(ValueError):
        run_draws(DATA[next(c for c in CODES if c != code)], reference, budget(data), prepared)
    with pytest.raises(TypeError):
        prepared.parameters["car_lifetime_years"] = 1.0
