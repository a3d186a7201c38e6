"""Imported municipalities as model inputs: SMHI file → DuckDB → Tables → model.

Round trips with Växjö's and Alvesta's real NED figures (tests/import_fixtures.py), the
documented defaults (budget estimate, population, CO2-only), municipality-specific levers
(BECCS), and the real SMHI export when it is present.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import duckdb
import numpy as np
import pytest

from model import build_municipality_data, run_reference, run_scenario
from model.budget_estimate import estimate_budget
from model.data import DataError, Tables
from model.imported import ImportedData, import_decisions, runnable_codes, with_imports
from model.levers import LEVERS_BY_ID, LeverError
from model.local_levers import carry_over, check_levers_for, fit_levers, has_beccs_potential
from model.paths import reference_levers
from model.presets import presets_from_tables
from model.scenario import population_path
from model.sectors import SECTORS, TRANSPORT_SUBSECTORS
from smhi import parse_lansrapport
from store.csv_tables import read_csv_tables
from store.database import StoreError, connect
from store.imported import read_imported, save_population, store_import
from tests import import_fixtures as ifx
from tests import smhi_fixtures as fx
from tests.real_lansrapport import REAL_FILE, parsed_real_report


def _only(tables: Tables, codes: set[str]) -> Tables:
    """The tables restricted to these municipalities (and the defaults, '*')."""
    keep = codes | {"*"}
    return dataclasses.replace(tables, **{
        field.name: frame[frame["municipality_code"].isin(keep)]
        for field in dataclasses.fields(tables)
        if "municipality_code" in (frame := getattr(tables, field.name))
    })


@pytest.fixture(scope="module")
def shipped() -> Tables:
    """Växjö and Alvesta only, as shipped before all 290: Kalmar (0880) is then new."""
    return _only(read_csv_tables(), {"0780", "0764"})


@pytest.fixture(scope="module")
def shipped_290() -> Tables:
    """All 290 municipalities, as shipped."""
    return read_csv_tables()


def _without(tables: Tables, codes: set[str]) -> Tables:
    """The shipped tables with these municipalities' statistics removed (not their budget)."""
    return dataclasses.replace(
        tables,
        ned_ghg=tables.ned_ghg[~tables.ned_ghg["municipality_code"].isin(codes)],
        ned_co2_subsector=tables.ned_co2_subsector[
            ~tables.ned_co2_subsector["municipality_code"].isin(codes)],
    )


@pytest.fixture(scope="module")
def ghg_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the GHG fixture (Växjö, Alvesta, Kalmar, 1990–2024) as one import."""
    tmp = tmp_path_factory.mktemp("ghg")
    db = tmp / "klimat.duckdb"
    store_import(db, parse_lansrapport(ifx.write_ghg(tmp)), "vaxthusgaser.xlsx")
    return db


# --------------------------------------------------------------------------------------------
# round trip


@pytest.mark.parametrize("code", ["0780", "0764"])
def test_round_trip_reproduces_the_shipped_statistics_and_base_year(
    shipped: Tables, ghg_db: Path, code: str
) -> None:
    tables = with_imports(_without(shipped, {"0780", "0764"}), read_imported(ghg_db))
    imported = build_municipality_data(tables, code)
    original = build_municipality_data(shipped, code)
    np.testing.assert_array_equal(imported.history_years, original.history_years)
    np.testing.assert_allclose(imported.history_ghg, original.history_ghg, rtol=0, atol=1e-9)
    assert imported.base_year == 2024
    assert imported.name == original.name
    result = run_reference(imported)
    # The reference scenario starts exactly at the imported base year, sector by sector.
    np.testing.assert_allclose(result.trajectory.ghg[0], original.history_ghg[-1], atol=1e-6)
    assert result.kpis.ghg_base_t == pytest.approx(original.history_ghg[-1].sum(), abs=1e-6)
    # Without CO2 statistics the model uses the default shares and the national split.
    assert not imported.transport_split_from_data


def test_import_of_the_same_release_leaves_the_model_unchanged(
    shipped: Tables, ghg_db: Path
) -> None:
    """Växjö's and Alvesta's import reaches 2024 like the shipped table: same numbers."""
    tables = with_imports(shipped, read_imported(ghg_db))
    decisions = import_decisions(shipped, read_imported(ghg_db)).set_index("municipality_code")
    assert decisions.loc["0780", "reason"] == "same_last_year"
    assert decisions.loc["0880", "reason"] == "new"
    for code in ("0780", "0764"):
        before = run_reference(build_municipality_data(shipped, code)).kpis
        after = run_reference(build_municipality_data(tables, code)).kpis
        assert after.ghg_2030_t == pytest.approx(before.ghg_2030_t, rel=1e-12)
        assert after.fossil_co2_2030_t == pytest.approx(before.fossil_co2_2030_t, rel=1e-12)
    # The shipped budget (stated for Växjö, estimated for Alvesta) is kept.
    assert build_municipality_data(tables, "0780").budget_t == 2_760_000


def test_imported_municipality_gets_name_county_budget_and_sources(
    shipped: Tables, ghg_db: Path
) -> None:
    tables = with_imports(shipped, read_imported(ghg_db))
    assert runnable_codes(tables) == ["0764", "0780", "0880"]
    kalmar = build_municipality_data(tables, "0880")
    assert kalmar.name == "Kalmar"
    row = tables.municipalities.set_index("municipality_code").loc["0880"]
    assert row["county"] == "Kalmar län"
    np.testing.assert_allclose(kalmar.base_ghg.sum(),
                               build_municipality_data(shipped, "0780").base_ghg.sum() * 0.71,
                               rtol=1e-4)
    assert kalmar.budget_is_estimate
    # Växjö's budget scaled by Kalmar's emissions relative to Växjö's in 2023–2024: 0.71.
    assert kalmar.budget_t == pytest.approx(round(2_760_000 * 0.71, -3), abs=1000)
    source_ids = set(tables.ned_ghg.loc[tables.ned_ghg["municipality_code"] == "0880",
                                        "source_id"])
    assert len(source_ids) == 1
    source = tables.sources.set_index("source_id").loc[source_ids.pop()]
    assert source["publisher"] == "SMHI" and "vaxthusgaser.xlsx" in source["reference"]


def test_co2_import_adds_subsectors_and_the_transport_split(shipped: Tables,
                                                            tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    store_import(db, parse_lansrapport(ifx.write_ghg(tmp_path)), "ghg.xlsx")
    store_import(db, parse_lansrapport(fx.write_valid(tmp_path)), "co2.xlsx")
    tables = with_imports(shipped, read_imported(db))
    kalmar = build_municipality_data(tables, "0880")
    assert kalmar.transport_split_from_data
    assert list(kalmar.co2_years) == [1990, 2015, 2022]
    co2 = tables.ned_co2_subsector
    rows = co2[(co2["municipality_code"] == "0880") & (co2["year"] == 2022)]
    subs = set(rows.loc[rows["sector"] == "Transporter", "subsector"])
    assert subs == {"Alla", *TRANSPORT_SUBSECTORS}
    assert {"Industri och bygg", "Jord- och skogsbruk"} <= set(
        rows.loc[rows["sector"] == "Arbetsmaskiner", "subsector"])
    total = rows.loc[rows["sector"] == "Alla", "co2_t"].sum()
    mains = rows.loc[(rows["subsector"] == "Alla") & rows["sector"].isin(SECTORS), "co2_t"]
    assert total == pytest.approx(mains.sum())
    # Växjö's CO2 import (same release, data to 2022 like the shipped table) keeps its split.
    vaxjo = build_municipality_data(tables, "0780")
    original = build_municipality_data(shipped, "0780")
    cars = TRANSPORT_SUBSECTORS.index("Personbilar")
    assert vaxjo.transport_split[cars] == pytest.approx(original.transport_split[cars], abs=0.01)


def test_co2_only_is_stored_but_not_runnable_and_says_what_to_download(
    shipped: Tables, tmp_path: Path
) -> None:
    db = tmp_path / "k.duckdb"
    store_import(db, parse_lansrapport(fx.write_valid(tmp_path), "Kalmar"), "co2.xlsx")
    tables = with_imports(shipped, read_imported(db))
    assert "0880" not in runnable_codes(tables)
    assert "0880" in set(tables.ned_co2_subsector["municipality_code"])
    with pytest.raises(DataError, match="Växthusgaser totalt"):
        build_municipality_data(tables, "0880")


def test_an_older_release_does_not_replace_newer_shipped_figures(
    shipped: Tables, tmp_path: Path
) -> None:
    years = (1990, 2015, 2022)
    db = tmp_path / "k.duckdb"
    store_import(db, parse_lansrapport(ifx.write_ghg(tmp_path, years=years)), "old.xlsx")
    imported = read_imported(db)
    decisions = import_decisions(shipped, imported).set_index("municipality_code")
    assert not decisions.loc["0780", "used"]
    assert decisions.loc["0780", "reason"] == "older_than_shipped"
    assert decisions.loc["0780", "shipped_last_year"] == 2024
    tables = with_imports(shipped, imported)
    assert build_municipality_data(tables, "0780").base_year == 2024
    assert build_municipality_data(tables, "0880").base_year == 2022


def test_latest_import_wins(shipped: Tables, tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    store_import(db, parse_lansrapport(ifx.write_ghg(tmp_path, years=(2015, 2022)), "0880"),
                 "first.xlsx")
    store_import(db, parse_lansrapport(ifx.write_ghg(tmp_path), "0880"), "second.xlsx")
    imported = read_imported(db)
    assert list(imported.imports["file_name"]) == ["second.xlsx"]
    assert build_municipality_data(with_imports(shipped, imported), "0880").base_year == 2024


def test_nothing_imported_changes_nothing(shipped: Tables, tmp_path: Path) -> None:
    assert read_imported(tmp_path / "missing.duckdb").is_empty
    assert with_imports(shipped, ImportedData.empty()) is shipped
    with connect(tmp_path / "empty.duckdb", read_only=False, create=True) as con:
        con.execute("CREATE TABLE other (x INTEGER)")
    assert read_imported(tmp_path / "empty.duckdb").is_empty


# --------------------------------------------------------------------------------------------
# defaults: population and budget


def test_unknown_population_gives_no_per_capita_figures(shipped: Tables, ghg_db: Path) -> None:
    kalmar = build_municipality_data(with_imports(shipped, read_imported(ghg_db)), "0880")
    assert len(kalmar.population) == 0
    assert kalmar.population_growth == 0.0
    result = run_reference(kalmar)
    assert np.isnan(result.kpis.ghg_per_capita_2030_kg)
    assert np.isnan(population_path(kalmar, np.array([2024, 2030]))).all()
    assert result.totals_frame["ghg_per_capita_kg"].isna().all()
    # The car-traffic reference (which follows population) is flat rather than wrong.
    assert reference_levers(kalmar).trafik_personbilar == 0.0


def test_typed_population_is_used(shipped: Tables, tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    store_import(db, parse_lansrapport(ifx.write_ghg(tmp_path), "0880"), "ghg.xlsx")
    save_population(db, "0880", 2024, 70_000)
    save_population(db, "0880", 2024, 71_000)  # a correction: the latest wins
    tables = with_imports(shipped, read_imported(db))
    kalmar = build_municipality_data(tables, "0880")
    assert list(kalmar.population) == [71_000]
    result = run_reference(kalmar)
    assert result.kpis.ghg_per_capita_2030_kg == pytest.approx(
        result.kpis.ghg_2030_t / 71_000 * 1000)
    assert "anvandarens_uppgift" in set(tables.sources["source_id"])


@pytest.mark.parametrize(("code", "year", "population"), [
    ("9999", 2024, 1000), ("0880", 1800, 1000), ("0880", 2024, 0),
    ("0880", 2024, float("nan")), ("0880", 2024, 5_000_000),
])
def test_implausible_population_is_refused(tmp_path: Path, code: str, year: int,
                                           population: float) -> None:
    with pytest.raises(StoreError):
        save_population(tmp_path / "k.duckdb", code, year, population)
    assert not (tmp_path / "k.duckdb").exists()


def test_alvestas_shipped_budget_is_the_estimate_rule(shipped: Tables) -> None:
    estimate = estimate_budget(shipped.ned_ghg, shipped.budget, "0764", "Alvesta")
    assert estimate is not None
    row = shipped.budget.set_index("municipality_code").loc["0764"]
    assert estimate.budget_t == row["budget_t_co2e"] == 1_317_000
    assert estimate.years == (2023, 2024)
    assert estimate.note("sv") == row["note_sv"]
    assert estimate.note("en") == row["note_en"]
    assert row["kind"] == "uppskattning"
    # The ratio of Alvesta's to Växjö's emissions, not a share of their sum.
    assert estimate.budget_t == round(2_760_000 * estimate.own_t / estimate.reference_t, -3)


# --------------------------------------------------------------------------------------------
# BECCS only where there is a plant


def test_beccs_is_vaxjos_only(shipped: Tables) -> None:
    vaxjo = build_municipality_data(shipped, "0780")
    alvesta = build_municipality_data(shipped, "0764")
    assert has_beccs_potential(vaxjo) and not has_beccs_potential(alvesta)
    assert "Sandviksverket" not in LEVERS_BY_ID["beccs_kt"].label_sv
    setting = reference_levers(vaxjo).with_values(beccs_kt=180.0, el_personbilar=80.0)
    assert fit_levers(setting, vaxjo) is setting
    fitted = fit_levers(setting, alvesta)
    assert fitted.beccs_kt == 0.0 and fitted.el_personbilar == 80.0
    with pytest.raises(LeverError) as info:
        check_levers_for(setting, alvesta)
    assert "Alvestas kända potential" in info.value.message_sv
    check_levers_for(setting, vaxjo)


def test_presets_with_beccs_are_clipped_elsewhere(shipped: Tables) -> None:
    alvesta = build_municipality_data(shipped, "0764")
    vaxjo = build_municipality_data(shipped, "0780")
    with_beccs = [p for p in presets_from_tables(shipped) if p.values.get("beccs_kt", 0) > 0]
    assert with_beccs, "the shipped presets set BECCS for Växjö"
    for preset in with_beccs:
        assert preset.levers(alvesta).beccs_kt == 0.0
        assert preset.levers(vaxjo).beccs_kt == preset.values["beccs_kt"]
        run_scenario(alvesta, preset.levers(alvesta))


def test_carry_over_keeps_moved_levers_and_the_others_reference(shipped: Tables) -> None:
    vaxjo = build_municipality_data(shipped, "0780")
    alvesta = build_municipality_data(shipped, "0764")
    setting = reference_levers(vaxjo).with_values(el_tunga_lastbilar=60.0, beccs_kt=100.0)
    carried = carry_over(setting, reference_levers(vaxjo), alvesta)
    assert carried.el_tunga_lastbilar == 60.0
    assert carried.beccs_kt == 0.0
    # Car traffic follows each municipality's population trend: Alvesta flat, Växjö grows.
    assert carried.trafik_personbilar == reference_levers(alvesta).trafik_personbilar
    assert reference_levers(alvesta).trafik_personbilar < reference_levers(vaxjo).trafik_personbilar
    assert carry_over(reference_levers(vaxjo), reference_levers(vaxjo), alvesta) == \
        reference_levers(alvesta)


# --------------------------------------------------------------------------------------------
# the real SMHI export (CO2, all municipalities, data to 2022); skipped when absent


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = parsed_real_report(tmp_path_factory)
    db = tmp_path_factory.mktemp("real") / "klimat.duckdb"
    start = time.perf_counter()
    store_import(db, report, REAL_FILE.name)
    print(f"imported the real Länsrapport in {time.perf_counter() - start:.1f} s")
    return db


def test_real_export_imports_every_municipality(shipped: Tables, shipped_290: Tables,
                                                 real_db: Path) -> None:
    imported = read_imported(real_db)
    assert len(imported.imports) == 290
    assert set(imported.imports["gas"]) == {"CO2"}
    tables = with_imports(shipped, imported)
    co2_codes = set(tables.ned_co2_subsector["municipality_code"])
    assert len(co2_codes) == 290
    # CO2 only, without shipped GHG: not runnable, and it says which report to download.
    assert runnable_codes(tables) == ["0764", "0780"]
    with pytest.raises(DataError, match="Växthusgaser totalt"):
        build_municipality_data(tables, "2584")
    # As shipped (GHG for all 290), the import gives every one its own transport split.
    everyone = with_imports(shipped_290, imported)
    assert len(runnable_codes(everyone)) == 290
    assert build_municipality_data(everyone, "2584").transport_split_from_data
    with duckdb.connect(str(real_db), read_only=True) as con:
        assert con.execute("SELECT count(DISTINCT municipality_code) FROM imported_ned_main"
                           ).fetchone() == (290,)


def test_real_export_gives_alvesta_its_own_transport_split(shipped: Tables,
                                                           real_db: Path) -> None:
    tables = with_imports(shipped, read_imported(real_db))
    alvesta = build_municipality_data(tables, "0764")
    assert alvesta.transport_split_from_data
    assert alvesta.transport_split.sum() == pytest.approx(1.0)
    assert alvesta.co2_years[-1] == 2022
    # Växjö's import is the release its shipped CO2 table came from: the same 2022 total.
    vaxjo = build_municipality_data(tables, "0780")
    assert vaxjo.fossil_co2_in(2022) == pytest.approx(
        build_municipality_data(shipped, "0780").fossil_co2_in(2022), abs=2)
    result = run_reference(alvesta)
    np.testing.assert_allclose(result.trajectory.ghg[0], alvesta.base_ghg, atol=1e-6)
