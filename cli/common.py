"""What several commands share: --db, the tables (shipped CSVs plus imports, read through
store/), one municipality's data, --set LEVER=VALUE and the budget arguments."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cli.errors import CliError, CommandError
from model.budget import BudgetSettings
from model.data import DataError, MunicipalityData, Tables, build_municipality_data
from model.imported import with_imports
from model.levers import LeverError, Levers
from model.local_levers import check_levers_for
from model.scenario import default_budget
from store.csv_tables import read_csv_tables


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """--db for the commands that read imported municipalities."""
    parser.add_argument(
        "--db", metavar="PATH",
        help="DuckDB-fil med importerade kommuner (standard: KLIMAT_DB eller klimat.duckdb)",
    )


def add_budget_arguments(parser: argparse.ArgumentParser) -> None:
    """--budget, --budget-start and --count-beccs (run and solve)."""
    parser.add_argument("--budget", type=float, help="koldioxidbudget i ton CO2e")
    parser.add_argument("--budget-start", type=int, help="budgetens startår")
    parser.add_argument("--count-beccs", action="store_true",
                        help="räkna BECCS-upptag mot budgeten")


def db_path(db: str | None) -> Path:
    """--db, else the app's database (KLIMAT_DB or klimat.duckdb)."""
    from store.database import default_db_path

    return Path(db) if db else default_db_path()


def tables_for_cli(db: str | None) -> Tables:
    """The shipped CSV tables plus the imports in the database (if there is one)."""
    from store.database import StoreError
    from store.imported import read_imported

    tables = read_csv_tables()
    path = db_path(db)
    if not path.exists():
        if db:
            raise CommandError(f"Databasen {path} finns inte (--db).")
        return tables
    try:
        imported = read_imported(path)
    except StoreError as error:
        if db:
            raise CommandError(error.message_sv) from None
        print(f"varning: importerade kommuner lästes inte: {error.message_sv}", file=sys.stderr)
        return tables
    return with_imports(tables, imported)


def load_municipality(municipality: str, db: str | None = None) -> MunicipalityData:
    """One municipality's model inputs; an unknown code is a usage error."""
    try:
        return build_municipality_data(tables_for_cli(db), municipality)
    except DataError as error:
        raise CliError(str(error)) from None


def parse_settings(pairs: Sequence[str], base: Levers) -> Levers:
    """Levers from LEVER=VALUE pairs on top of a base setting; clear errors otherwise."""
    values: dict[str, float] = {}
    for pair in pairs:
        lever_id, sep, raw = pair.partition("=")
        if not sep:
            raise CliError(f"--set väntar LEVER=VALUE, fick {pair!r}.")
        try:
            number = float(raw.replace(",", "."))
        except ValueError:
            raise CliError(f"Värdet för {lever_id} är inte ett tal: {raw!r}.") from None
        values[lever_id.strip()] = number
    try:
        return base.with_values(**values)
    except LeverError as error:
        raise CliError(error.message_sv) from None
    except TypeError as error:  # dataclasses.replace on an unknown field
        raise CliError(str(error)) from None


def check_local_levers(levers: Levers, data: MunicipalityData) -> None:
    """BECCS only where the municipality has a plant: a usage error otherwise."""
    try:
        check_levers_for(levers, data)
    except LeverError as error:
        raise CliError(error.message_sv) from None


def budget_from_args(data: MunicipalityData, args: argparse.Namespace) -> BudgetSettings:
    """--budget and --budget-start over the municipality's default budget."""
    default = default_budget(data)
    return BudgetSettings(
        args.budget if args.budget is not None else default.budget_t,
        args.budget_start if args.budget_start is not None else default.start_year,
        args.count_beccs,
    )
