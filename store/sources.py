"""The data build: official raw files for all 290 municipalities → the project's data/*.csv.

    python -m store.sources [--raw DIR] [--data DIR] [--check]

Reads the raw files in ``../shared/data`` (beside the repository; ``--raw`` or the
environment variable KLIMAT_RAW_DATA overrides it) and writes ``ned_ghg.csv``,
``population.csv``, ``municipalities.csv``, ``vehicle_fleet.csv``, ``new_cars.csv`` and
``budget.csv`` in
``data/``. The derived CSVs are committed, so a plain clone works without the raw files;
``--check`` re-derives them and reports (exit 1) any that differ from the committed ones.

Why it looks like this:

* **Names → codes through SCB's code list.** The NED files carry names only; SCB's list
  (``scb-kommunlankod-2023.xls``) gives code, name and county. Every one of the 290 names
  must match exactly (SCB's trailing spaces stripped), or the build stops: a silent
  mismatch would drop a municipality.
* **NED releases**: the release with data to 2024 (raw file "release-2026", source id
  ``ned_2025`` as before) for 1990, 2000, 2005, 2010, 2015 and 2020–2024; the previous
  release (``ned_2025_prev``) for 2016–2019, the only annual years it alone has. Tonnes are
  rounded to whole tonnes (half to even), which reproduces the earlier hand-made rows.
* **Budgets**: a budget the municipality states itself (kind "kommunens uppgift", entered
  by hand with its source, e.g. Växjö's Klimatkontrakt) is kept from the current
  ``budget.csv``; every other municipality gets the estimate of model/budget_estimate.py
  (the default principle: share of recent emissions), labelled an estimate.
* **Vehicles**: Trafikanalys Table 1 (vehicles in use by type) and Table 4 (cars by
  fuel), in the shape agreed for ``vehicle_fleet.csv``; Table 5 (new cars registered in
  2025 by fuel) in ``new_cars.csv``; "–" means none.
* xlrd reads SCB's old .xls (pandas' own xlrd engine is deprecated, so xlrd is called
  directly); openpyxl reads the .xlsx files. Both are build-time only.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from model.budget_estimate import STATED_KIND, estimate_budget
from model.sectors import SECTORS

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT / "data"
RAW_ENV = "KLIMAT_RAW_DATA"
DEFAULT_RAW_DIR = REPO_ROOT.parent / "shared" / "data"

NED_LATEST = "ned-ghg-by-sector-290-municipalities-release-2026.json"
NED_PREVIOUS = "ned-ghg-by-sector-290-municipalities-release-2025.json"
CODE_LIST = "scb-kommunlankod-2023.xls"
POPULATION_FILES = {2023: "scb-folkmangd-kommuner-2023.xlsx",
                    2024: "scb-folkmangd-kommuner-2024.xlsx"}
FLEET_FILE = "trafa-fordon-i-lan-och-kommuner-2025.xlsx"
FLEET_YEAR = 2025

NED_LATEST_SOURCE = "ned_2025"
NED_PREVIOUS_SOURCE = "ned_2025_prev"
POPULATION_SOURCE = "scb_folkmangd"
CODE_LIST_SOURCE = "scb_kommunlankod"
FLEET_SOURCE = "trafa_fordon_2025"
PREVIOUS_RELEASE_YEARS = (2016, 2017, 2018, 2019)
MUNICIPALITY_COUNT = 290

# Municipalities that share Växjö's situation closely enough to be offered as its twin.
TWINS = {"0764": "0780"}

# NED's raw sector names where they differ from the project's (model/sectors.py).
_SECTOR_ALIASES = {"Avfall (inkl.avlopp)": "Avfall (inkl. avlopp)"}

# Trafikanalys Table 1 columns (0-based) per vehicle type; Table 4 columns per car fuel.
_TABLE1_COLUMNS = {"personbilar": 2, "lätta_lastbilar": 5, "tunga_lastbilar": 6,
                   "bussar": 10, "traktorer": 13}
_TABLE4_COLUMNS = {"bensin": 2, "diesel": 3, "el": 4, "elhybrid": 5, "laddhybrid": 6,
                   "etanol": 7, "gas": 8, "övrigt": 9}
_TABLE4_TOTAL = 10

NEW_CARS_SOURCE = "trafa_nya_bilar_2025"
OUTPUT_TABLES = ("municipalities", "population", "ned_ghg", "vehicle_fleet", "new_cars",
                 "budget")


class BuildError(Exception):
    """The raw files are missing or do not say what the build expects."""


def raw_dir_default() -> Path:
    """``$KLIMAT_RAW_DATA`` if set, else ``../shared/data`` beside the repository."""
    env = os.environ.get(RAW_ENV, "").strip()
    return Path(env).expanduser() if env else DEFAULT_RAW_DIR


def _need(raw: Path, name: str) -> Path:
    path = raw / name
    if not path.is_file():
        raise BuildError(f"Raw file missing: {path}")
    return path


def _code(value: object) -> str | None:
    """A 4-digit municipality code from a cell (text '0114' or number 114), else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        number = int(value)
        return f"{number:04d}" if number == value and 100 <= number <= 9999 else None
    text = str(value).strip()
    return text.zfill(4) if text.isdigit() and len(text) in (3, 4) else None


def _count(value: object) -> int:
    """A count from a Trafikanalys cell: '–' (none) and blanks are 0."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    text = str(value or "").strip()
    if text in {"", "–", "-", ".."}:
        return 0
    return int(text.replace(" ", ""))


def read_code_list(raw: Path) -> pd.DataFrame:
    """SCB's code list: municipality_code, municipality, county_code, county (290 rows)."""
    import xlrd  # build-time only (a dev dependency)

    sheet = xlrd.open_workbook(str(_need(raw, CODE_LIST))).sheet_by_index(0)
    counties: dict[str, str] = {}
    rows = []
    for i in range(sheet.nrows):
        code, name = str(sheet.cell_value(i, 0)).strip(), str(sheet.cell_value(i, 1)).strip()
        if code.isdigit() and len(code) == 2:
            counties[code] = name
        elif code.isdigit() and len(code) == 4:
            rows.append((code, name, code[:2]))
    frame = pd.DataFrame(rows, columns=["municipality_code", "municipality", "county_code"])
    frame["county"] = frame["county_code"].map(counties)
    if len(frame) != MUNICIPALITY_COUNT or frame["county"].isna().any():
        raise BuildError(f"{CODE_LIST}: expected {MUNICIPALITY_COUNT} municipalities with "
                         f"counties, found {len(frame)}")
    return frame


def read_population(raw: Path, year: int) -> pd.DataFrame:
    """SCB population on 31 December of `year`: municipality_code, population."""
    import openpyxl

    book = openpyxl.load_workbook(_need(raw, POPULATION_FILES[year]), read_only=True,
                                  data_only=True)
    rows = []
    for row in book["Totalt"].iter_rows(values_only=True):
        code = row[0].strip() if isinstance(row[0], str) else None
        if code and code.isdigit() and len(code) == 4 and isinstance(row[2], int | float):
            rows.append((code, int(row[2])))
    book.close()
    return pd.DataFrame(rows, columns=["municipality_code", "population"])


def _ned_long(path: Path, source_id: str, years: Sequence[int] | None) -> pd.DataFrame:
    records = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for record in records:
        for year, sectors in record["sectors"].items():
            if years is not None and int(year) not in years:
                continue
            for sector, value in sectors.items():
                rows.append((record["name"], int(year), _SECTOR_ALIASES.get(sector, sector),
                             float(value), source_id))
    return pd.DataFrame(rows, columns=["municipality", "year", "sector", "value", "source_id"])


def read_ned(raw: Path, codes: pd.DataFrame) -> pd.DataFrame:
    """NED GHG by municipality, year and main sector from the two releases (see module doc)."""
    latest = _ned_long(_need(raw, NED_LATEST), NED_LATEST_SOURCE, None)
    latest = latest[~latest["year"].isin(PREVIOUS_RELEASE_YEARS)]
    previous = _ned_long(_need(raw, NED_PREVIOUS), NED_PREVIOUS_SOURCE, PREVIOUS_RELEASE_YEARS)
    ned = pd.concat([latest, previous], ignore_index=True)
    unknown = sorted(set(ned["sector"]) - set(SECTORS))
    if unknown:
        raise BuildError(f"Unknown NED sectors: {unknown}")
    by_name = dict(zip(codes["municipality"], codes["municipality_code"], strict=True))
    unmatched = sorted(set(ned["municipality"]) - set(by_name))
    if unmatched:
        raise BuildError(f"NED names not in SCB's code list: {unmatched}")
    ned["municipality_code"] = ned["municipality"].map(by_name)
    ned["sector_order"] = ned["sector"].map({s: i for i, s in enumerate(SECTORS)})
    # Round half to even: the earlier hand-made rows were made that way.
    ned["ghg_t_co2e"] = ned["value"].round(0).astype("int64")
    ned = ned.sort_values(["municipality_code", "year", "sector_order"], kind="stable")
    return ned[["municipality_code", "municipality", "year", "sector", "ghg_t_co2e",
                "source_id"]].reset_index(drop=True)


def read_vehicle_fleet(raw: Path, codes: pd.DataFrame) -> pd.DataFrame:
    """Vehicles in use at the end of FLEET_YEAR in the agreed vehicle_fleet.csv shape."""
    import openpyxl

    book = openpyxl.load_workbook(_need(raw, FLEET_FILE), read_only=True, data_only=True)
    rows = []
    for row in book["Tabell 1"].iter_rows(values_only=True):
        code = _code(row[0])
        if code is None:
            continue
        for vehicle_type, column in _TABLE1_COLUMNS.items():
            rows.append((code, vehicle_type, "alla", _count(row[column])))
    for row in book["Tabell 4 Personbil"].iter_rows(values_only=True):
        code = _code(row[0])
        if code is None:
            continue
        by_fuel = {fuel: _count(row[column]) for fuel, column in _TABLE4_COLUMNS.items()}
        if sum(by_fuel.values()) != _count(row[_TABLE4_TOTAL]):
            raise BuildError(f"{FLEET_FILE}: cars by fuel do not add up for {code}")
        rows.extend((code, "personbilar", fuel, count) for fuel, count in by_fuel.items())
    book.close()
    fleet = pd.DataFrame(rows, columns=["municipality_code", "vehicle_type", "fuel", "count"])
    missing = sorted(set(codes["municipality_code"]) - set(fleet["municipality_code"]))
    if missing:
        raise BuildError(f"{FLEET_FILE}: no vehicles for {missing}")
    fleet = fleet[fleet["municipality_code"].isin(set(codes["municipality_code"]))]
    type_order = {t: i for i, t in enumerate(_TABLE1_COLUMNS)}
    fuel_order = {f: i for i, f in enumerate(["alla", *_TABLE4_COLUMNS])}
    fleet = fleet.assign(year=FLEET_YEAR, source_id=FLEET_SOURCE).sort_values(
        ["municipality_code", "vehicle_type", "fuel"],
        key=lambda c: c.map(type_order) if c.name == "vehicle_type"
        else (c.map(fuel_order) if c.name == "fuel" else c),
        kind="stable",
    )
    return fleet.reset_index(drop=True)


def read_new_cars(raw: Path, codes: pd.DataFrame) -> pd.DataFrame:
    """New cars registered in FLEET_YEAR by fuel (Table 5): municipality_code, fuel, count,
    year, source_id; fuel as in vehicle_fleet.csv, "alla" for the total."""
    import openpyxl

    book = openpyxl.load_workbook(_need(raw, FLEET_FILE), read_only=True, data_only=True)
    rows = []
    for row in book["Tabell 5 Personbil"].iter_rows(values_only=True):
        code = _code(row[0])
        if code is None or code not in set(codes["municipality_code"]):
            continue
        by_fuel = {fuel: _count(row[column]) for fuel, column in _TABLE4_COLUMNS.items()}
        if sum(by_fuel.values()) != _count(row[_TABLE4_TOTAL]):
            raise BuildError(f"{FLEET_FILE}: new cars by fuel do not add up for {code}")
        rows.append((code, "alla", _count(row[_TABLE4_TOTAL])))
        rows.extend((code, fuel, count) for fuel, count in by_fuel.items())
    book.close()
    new = pd.DataFrame(rows, columns=["municipality_code", "fuel", "count"])
    missing = sorted(set(codes["municipality_code"]) - set(new["municipality_code"]))
    if missing:
        raise BuildError(f"{FLEET_FILE}: no new cars for {missing}")
    return new.assign(year=FLEET_YEAR, source_id=NEW_CARS_SOURCE).sort_values(
        "municipality_code", kind="stable").reset_index(drop=True)


def build_budget(ned_ghg: pd.DataFrame, municipalities: pd.DataFrame,
                 current_budget: pd.DataFrame) -> pd.DataFrame:
    """Stated budgets kept as entered; an estimate for every other municipality."""
    stated = current_budget[current_budget["kind"] == STATED_KIND]
    names = dict(zip(municipalities["municipality_code"], municipalities["municipality"],
                     strict=True))
    rows = [row for _, row in stated.iterrows()]
    # Yearly totals once (the estimate only needs those), not 290 filters of every sector.
    totals = ned_ghg.groupby(["municipality_code", "year"], as_index=False)["ghg_t_co2e"].sum()
    for code in municipalities["municipality_code"]:
        if code in set(stated["municipality_code"]):
            continue
        estimate = estimate_budget(totals, stated, code, names[code])
        if estimate is None:
            raise BuildError(f"No budget estimate for {code}")
        rows.append(pd.Series(estimate.budget_row()))
    budget = pd.DataFrame(rows, columns=list(current_budget.columns)).reset_index(drop=True)
    budget["budget_t_co2e"] = budget["budget_t_co2e"].astype(float).round().astype("int64")
    budget["start_year"] = budget["start_year"].astype("int64")
    # Stated budgets first (as before), then the estimates in code order.
    return budget


def build_tables(raw: Path, data_dir: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """Every derived table, keyed by file stem, from the raw files in `raw`."""
    codes = read_code_list(raw)
    municipalities = codes.assign(twin_of=codes["municipality_code"].map(TWINS),
                                  source_id=CODE_LIST_SOURCE)
    municipalities = municipalities[["municipality_code", "municipality", "county",
                                     "twin_of", "source_id", "county_code"]]
    population = pd.concat(
        [read_population(raw, year).assign(year=year) for year in sorted(POPULATION_FILES)],
        ignore_index=True,
    )
    missing = sorted(set(codes["municipality_code"]) - set(population["municipality_code"]))
    if missing:
        raise BuildError(f"No population for {missing}")
    population = population[population["municipality_code"].isin(set(codes["municipality_code"]))]
    population = population.assign(source_id=POPULATION_SOURCE).sort_values(
        ["municipality_code", "year"])[["municipality_code", "year", "population", "source_id"]]
    ned = read_ned(raw, codes)
    current_budget = pd.read_csv(data_dir / "budget.csv", dtype={"municipality_code": str},
                                 keep_default_na=False, na_values=[""])
    return {
        "municipalities": municipalities.reset_index(drop=True),
        "population": population.reset_index(drop=True),
        "ned_ghg": ned,
        "vehicle_fleet": read_vehicle_fleet(raw, codes),
        "new_cars": read_new_cars(raw, codes),
        "budget": build_budget(ned, codes, current_budget),
    }


def to_csv_text(frame: pd.DataFrame) -> str:
    """The CSV text as committed (UTF-8, '\\n' line ends, empty cells for missing)."""
    out = io.StringIO()
    frame.to_csv(out, index=False, lineterminator="\n")
    return out.getvalue()


def differing_tables(tables: dict[str, pd.DataFrame], data_dir: Path = DATA_DIR) -> list[str]:
    """Names of the derived tables whose committed CSV differs from a fresh build."""
    differing = []
    for name, frame in tables.items():
        path = data_dir / f"{name}.csv"
        if not path.is_file() or path.read_text(encoding="utf-8") != to_csv_text(frame):
            differing.append(name)
    return differing


def write_tables(tables: dict[str, pd.DataFrame], data_dir: Path = DATA_DIR) -> list[str]:
    """Write the tables that changed; returns their names."""
    changed = differing_tables(tables, data_dir)
    for name in changed:
        (data_dir / f"{name}.csv").write_text(to_csv_text(tables[name]), encoding="utf-8")
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    """Build (or with --check, verify) the derived tables; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m store.sources", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, default=None,
                        help=f"raw files (default: ${RAW_ENV} or ../shared/data)")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the project's data/")
    parser.add_argument("--check", action="store_true",
                        help="only compare with the committed tables; exit 1 if they differ")
    args = parser.parse_args(argv)
    raw = args.raw if args.raw is not None else raw_dir_default()
    try:
        tables = build_tables(raw, args.data)
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.check:
        differing = differing_tables(tables, args.data)
        for name in differing:
            print(f"{name}.csv differs from a fresh build from {raw}", file=sys.stderr)
        if not differing:
            print(f"all {len(tables)} derived tables match {raw}")
        return 1 if differing else 0
    changed = write_tables(tables, args.data)
    print(f"wrote {', '.join(f'{n}.csv' for n in changed) or 'nothing (all up to date)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
