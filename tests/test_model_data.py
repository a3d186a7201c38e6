"""The source tables in data/ and the figures the model derives from them.

Why: every number shipped must trace to a source (brief: "cite the source in data/ next to
every number"), the NED table must be the brief's table, and the reference levers must come
from the data they claim to come from. The credibility check is the brief's own test of the
model: the cut reduction obligation must explain the 2023→2024 jump.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest

from model import (
    LEVER_SPECS,
    LEVERS_BY_ID,
    SECTORS,
    MunicipalityData,
    build_municipality_data,
    reference_levers,
)
from model.checks import obligation_backcast
from model.data import FLEET_PARAMETERS, NEW_CAR_PARAMETERS
from model.levers import TARGET_YEAR
from model.paths import reference_paths
from store.csv_tables import read_csv_tables

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CSV_FILES = sorted(p.name for p in DATA_DIR.glob("*.csv"))

# The brief's §2 table, column "total", for Växjö (t CO2e). 2016–2019 are from the previous
# release. The brief's totals are rounded sums, so they may differ from the sum of the
# rounded sector values by a tonne or two.
BRIEF_TOTALS_VAXJO: dict[int, int] = {
    1990: 483_906,
    2000: 369_384,
    2005: 387_208,
    2010: 354_601,
    2015: 264_670,
    2016: 259_104,
    2017: 255_813,
    2018: 252_135,
    2019: 246_912,
    2020: 214_838,
    2021: 211_750,
    2022: 199_834,
    2023: 196_929,
    2024: 224_164,
}


def read_rows(name: str) -> list[dict[str, str]]:
    """A CSV file's rows as text, exactly as stored (no type guessing)."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def municipality(code: str) -> MunicipalityData:
    """Built once per code."""
    return build_municipality_data(read_csv_tables(), code)


def parameter(code: str, parameter_id: str) -> float:
    """A parameter as the data says: the municipality's own row, its own car fleet
    (vehicle_fleet.csv, Trafikanalys), else the default ('*')."""
    rows = [r for r in read_rows("parameters.csv") if r["parameter_id"] == parameter_id]
    own = [r for r in rows if r["municipality_code"] == code]
    fleet_fuel = FLEET_PARAMETERS.get(parameter_id)
    if not own and fleet_fuel is not None:
        own = [{"value": r["count"]} for r in read_rows("vehicle_fleet.csv")
               if r["municipality_code"] == code and r["vehicle_type"] == "personbilar"
               and r["fuel"] == fleet_fuel]
    new_fuel = NEW_CAR_PARAMETERS.get(parameter_id)
    if not own and new_fuel is not None:  # new cars 2025 (new_cars.csv, Trafikanalys)
        new = {r["fuel"]: float(r["count"]) for r in read_rows("new_cars.csv")
               if r["municipality_code"] == code}
        own = [{"value": new[new_fuel] / new["alla"]}]
    default = [r for r in rows if r["municipality_code"] == "*"]
    chosen = own or default
    assert len(chosen) == 1, (code, parameter_id)
    return float(chosen[0]["value"])


# ----------------------------------------------------------------------------------------
# Sources


def test_sources_have_unique_ids() -> None:
    """One row per source id."""
    ids = [row["source_id"] for row in read_rows("sources.csv")]
    assert ids and len(ids) == len(set(ids))


def files_with(column: str) -> list[str]:
    """The data files whose header has a column (read at collection time)."""
    return [n for n in CSV_FILES if column in read_rows(n)[0]]


@pytest.mark.parametrize("name", [n for n in files_with("source_id") if n != "sources.csv"])
def test_every_row_cites_a_known_source(name: str) -> None:
    """Every row of a table with a source_id column names a source listed in sources.csv."""
    known = {row["source_id"] for row in read_rows("sources.csv")}
    rows = read_rows(name)
    unknown = {
        (i + 2, row["source_id"]) for i, row in enumerate(rows) if row["source_id"] not in known
    }
    assert not unknown, f"{name}: rows (line, source_id) citing no known source: {sorted(unknown)}"


def test_every_table_but_sources_has_a_source_column() -> None:
    """A new table without sources would slip past the test above: name the exceptions."""
    without = [n for n in CSV_FILES if n != "sources.csv" and "source_id" not in read_rows(n)[0]]
    assert without == []


def test_every_lever_cites_a_known_source() -> None:
    """The levers' reference values are numbers we ship too."""
    known = {row["source_id"] for row in read_rows("sources.csv")}
    assert {spec.source_id for spec in LEVER_SPECS} <= known


# ----------------------------------------------------------------------------------------
# NED greenhouse gases


def test_ned_totals_match_the_brief() -> None:
    """Växjö's NED totals per year are the brief's §2 totals within 2 t."""
    totals: dict[int, float] = {}
    for row in read_rows("ned_ghg.csv"):
        if row["municipality_code"] == "0780":
            year = int(row["year"])
            totals[year] = totals.get(year, 0.0) + float(row["ghg_t_co2e"])
    assert sorted(totals) == sorted(BRIEF_TOTALS_VAXJO)
    off = {y: totals[y] - t for y, t in BRIEF_TOTALS_VAXJO.items() if abs(totals[y] - t) > 2}
    assert off == {}


@pytest.mark.parametrize("code", ["0780", "0764"])
def test_ned_has_every_sector_every_year_once(code: str) -> None:
    """Nine sectors per published year, no duplicates, no negative values."""
    rows = [r for r in read_rows("ned_ghg.csv") if r["municipality_code"] == code]
    keys = [(int(r["year"]), r["sector"]) for r in rows]
    assert len(keys) == len(set(keys))
    years = {y for y, _ in keys}
    assert {2023, 2024} <= years
    for year in years:
        assert {s for y, s in keys if y == year} == set(SECTORS), year
    assert all(float(r["ghg_t_co2e"]) >= 0 for r in rows)


def test_years_2016_to_2019_cite_the_previous_release() -> None:
    """The brief marks 2016–2019 (*) as taken from the previous NED release."""
    for row in read_rows("ned_ghg.csv"):
        year = int(row["year"])
        expected = "ned_2025_prev" if 2016 <= year <= 2019 else "ned_2025"
        assert row["source_id"] == expected, (row["municipality_code"], year, row["sector"])


def test_brief_sector_values_for_2023_and_2024() -> None:
    """Spot checks of single cells: the jump in transport and machinery 2023 → 2024."""
    cells = {
        (r["year"], r["sector"]): float(r["ghg_t_co2e"])
        for r in read_rows("ned_ghg.csv")
        if r["municipality_code"] == "0780"
    }
    assert cells[("2023", "Transporter")] == 98_416
    assert cells[("2024", "Transporter")] == 120_840
    assert cells[("2023", "Arbetsmaskiner")] == 14_955
    assert cells[("2024", "Arbetsmaskiner")] == 19_697
    assert cells[("2024", "Utrikes transporter")] == 985


# ----------------------------------------------------------------------------------------
# Municipality codes


@pytest.mark.parametrize("name", files_with("municipality_code"))
def test_municipality_codes_keep_leading_zeros_in_the_files(name: str) -> None:
    """Codes are four digits as text ('0780'), or '*' for a default."""
    rows = read_rows(name)
    bad = {
        r["municipality_code"]
        for r in rows
        if not re.fullmatch(r"\d{4}|\*", r["municipality_code"])
    }
    assert bad == set()


def test_municipality_codes_keep_leading_zeros_when_read() -> None:
    """Reading the tables keeps codes as text; a number-like code still finds Växjö."""
    tables = read_csv_tables()
    for name in ("ned_ghg", "population", "budget", "municipalities", "parameters"):
        codes = set(getattr(tables, name)["municipality_code"])
        assert all(c == "*" or (len(c) == 4 and c.isdigit()) for c in codes), (name, codes)
        assert "0780" in codes and "0114" in codes or name == "parameters", name
    assert build_municipality_data(tables, "780").code == "0780"
    assert build_municipality_data(tables, 780).code == "0780"  # type: ignore[arg-type]
    assert municipality("0780").name == "Växjö"
    assert municipality("0764").name == "Alvesta"


def test_population_is_the_scb_figures() -> None:
    """Växjö 97,574 (2023) and 98,334 (2024)."""
    population = {
        (r["municipality_code"], int(r["year"])): int(r["population"])
        for r in read_rows("population.csv")
    }
    assert population[("0780", 2023)] == 97_574
    assert population[("0780", 2024)] == 98_334


def test_reduction_obligation_is_the_law() -> None:
    """2023 7.8/30.5, 2024 6/6, from mid-2025 10/10 (brief §4)."""
    levels = {
        int(r["year"]): (float(r["petrol_pct"]), float(r["diesel_pct"]))
        for r in read_rows("reduktionsplikt.csv")
    }
    assert levels[2023] == (7.8, 30.5)
    assert levels[2024] == (6.0, 6.0)
    assert levels[max(levels)] == (10.0, 10.0)


# ----------------------------------------------------------------------------------------
# Reference lever values come from the data


def _half_step(lever_id: str) -> float:
    """A derived reference may be rounded to the slider's step, never by more."""
    return max(0.05, LEVERS_BY_ID[lever_id].step / 2)


@pytest.mark.parametrize("code", ["0780", "0764"])
def test_reference_new_car_share_follows_the_eu_rule_to_2035(code: str) -> None:
    """By hand: the electric share of new cars rises evenly from 2025 (Trafikanalys) to the
    EU's 100 % in 2035 (Regulation 2023/851), so 2030 is halfway."""
    new_2025 = parameter(code, "new_car_bev_share") * 100
    halfway = new_2025 + (100 - new_2025) / 2
    reference = reference_levers(municipality(code)).el_personbilar
    assert reference == pytest.approx(halfway, abs=_half_step("el_personbilar"))
    if code == "0780":
        assert reference == 66.0


@pytest.mark.parametrize("code", ["0780", "0764"])
def test_reference_car_traffic_grows_with_the_population_trend_to_2030(code: str) -> None:
    """By hand: the documented multi-year population trend compounded over 2024→2030."""
    growth = 1 + parameter(code, "population_growth_trend")
    change_2030 = (growth ** (2030 - 2024) - 1) * 100
    reference = reference_levers(municipality(code)).trafik_personbilar
    assert reference == pytest.approx(change_2030, abs=_half_step("trafik_personbilar"))


@pytest.mark.parametrize("code", ["0780", "0764"])
def test_reference_path_passes_through_the_reference_value_in_2030(code: str) -> None:
    """What the slider shows as the reference is what the reference path does in 2030."""
    data = municipality(code)
    paths = reference_paths(data)
    at_2030 = list(paths.years).index(TARGET_YEAR)
    references = reference_levers(data).as_dict()
    for spec in LEVER_SPECS:
        if spec.path in ("fixed", "new_share"):  # new vehicles: the path is driving, not sales
            continue
        assert paths.paths[spec.id][at_2030] == pytest.approx(references[spec.id], abs=1e-9), (
            spec.id
        )


@pytest.mark.parametrize("code", ["0780", "0764"])
def test_reference_levers_are_within_their_ranges(code: str) -> None:
    """A derived reference outside the slider's range could not be shown or restored."""
    values = reference_levers(municipality(code)).as_dict()
    for spec in LEVER_SPECS:
        assert spec.min <= values[spec.id] <= spec.max, spec.id


# ----------------------------------------------------------------------------------------
# Credibility: the obligation cut explains the jump 2023 → 2024


@pytest.mark.parametrize("code", ["0780", "0764"])
def test_obligation_backcast_lands_near_2023_statistics(code: str) -> None:
    """2024's activity with 2023's obligation (7.8 / 30.5 %) comes within 5 % of NED 2023
    for transport and machinery (Växjö: about +3 % and +1 %)."""
    check = obligation_backcast(municipality(code), 2023)
    assert (check.petrol_pct, check.diesel_pct) == (7.8, 30.5)
    assert check.compared_year == 2023
    assert abs(check.transport_deviation) < 0.05, check
    assert abs(check.machinery_deviation) < 0.05, check
    # And it moves the right way: the higher obligation gives less than 2024.
    base = municipality(code).base_ghg
    assert check.transport_t < base[SECTORS.index("Transporter")]
    assert check.machinery_t < base[SECTORS.index("Arbetsmaskiner")]
