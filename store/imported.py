"""Reading and writing imported SMHI reports and typed-in populations in the DuckDB file.

The importer's own tables (smhi/storage.py: imports, imported_ned_main, imported_ned_sub)
keep every import; this module reads the latest one per municipality and gas into
model.imported.ImportedData, which model.imported.with_imports folds into the model's
tables. Every access is one short-lived connection (see store/database.py).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from model.imported import (
    IMPORT_COLUMNS,
    MAIN_COLUMNS,
    POPULATION_COLUMNS,
    SUB_COLUMNS,
    ImportedData,
)
from model.sectors import MACHINERY, TRANSPORT
from smhi.lansrapport import ParsedReport
from smhi.municipalities import COUNTIES, MUNICIPALITIES
from smhi.storage import store_report
from store.backend import connect, is_postgres, table_names, uses_postgres  # or PostgreSQL
from store.database import DATABASE_ERRORS, DbPath, StoreError, rollback_quietly

POPULATION_TABLE = "imported_population"
POPULATION_MAX = 2_000_000  # Stockholm has about a million inhabitants
YEAR_RANGE = (1990, 2100)
_IMPORT_TABLES = {"imports", "imported_ned_main", "imported_ned_sub"}

_LATEST = """
    WITH ranked AS (
        SELECT import_id, batch_id, municipality_code, municipality, gas, report_name,
               report_date, file_name, imported_at,
               row_number() OVER (PARTITION BY municipality_code, gas
                                  ORDER BY imported_at DESC, rowid DESC) AS rank
        FROM imports
    )
    SELECT import_id, batch_id, municipality_code, municipality, gas, report_name,
           report_date, file_name, imported_at FROM ranked WHERE rank = 1
"""


def _table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return table_names(con)


def read_imported(db_path: DbPath) -> ImportedData:
    """The latest import per municipality and gas, and typed-in populations.

    A missing database file simply means nothing was imported.
    """
    if not uses_postgres(db_path) and not Path(db_path).exists():
        return ImportedData.empty()
    empty = ImportedData.empty()
    with connect(db_path, read_only=True) as con:
        names = _table_names(con)
        imports, main, sub = empty.imports, empty.main, empty.sub
        if names >= _IMPORT_TABLES:
            imports = con.execute(f"{_LATEST} ORDER BY municipality_code, gas").df()
            main = con.execute(
                f"SELECT m.import_id, m.municipality_code, m.year, m.sector, m.value_t "
                f"FROM imported_ned_main m JOIN ({_LATEST}) l USING (import_id)"
            ).df()
            sub = con.execute(
                f"SELECT s.import_id, s.municipality_code, s.year, s.sector, s.subsector, "
                f"s.value_t FROM imported_ned_sub s JOIN ({_LATEST}) l USING (import_id) "
                "WHERE s.sector IN (?, ?)",
                [TRANSPORT, MACHINERY],
            ).df()
        population = empty.population
        if POPULATION_TABLE in names:
            population = con.execute(
                f"""
                SELECT municipality_code, year, population FROM (
                    SELECT *, row_number() OVER (PARTITION BY municipality_code, year
                                                 ORDER BY entered_at DESC, rowid DESC) AS r
                    FROM {POPULATION_TABLE}
                ) AS entries WHERE r = 1 ORDER BY municipality_code, year
                """
            ).df()
    imports = imports.reindex(columns=[c for c in IMPORT_COLUMNS if c != "county"])
    imports.insert(
        4, "county", [COUNTIES.get(str(c)[:2], "") for c in imports["municipality_code"]]
    )
    for frame in (imports, main, sub, population):
        if "municipality_code" in frame:
            frame["municipality_code"] = frame["municipality_code"].astype(str)
        if "year" in frame:
            frame["year"] = frame["year"].astype("int64")
    return ImportedData(
        imports.reindex(columns=list(IMPORT_COLUMNS)),
        main.reindex(columns=list(MAIN_COLUMNS)),
        sub.reindex(columns=list(SUB_COLUMNS)),
        population.reindex(columns=list(POPULATION_COLUMNS)),
    )


def store_import(db_path: DbPath, report: ParsedReport, file_name: str) -> str:
    """Store a parsed (validated) report in one transaction; returns the batch id."""
    with connect(db_path, read_only=False, create=True) as con:
        try:
            if is_postgres(con):  # DuckDB's DataFrame views are not there: COPY instead
                from store import postgres_backend

                return postgres_backend.store_report(con, report, file_name)
            return store_report(con, report, file_name)
        except DATABASE_ERRORS as error:
            raise StoreError(
                "Importen kunde inte sparas i databasen; inget sparades.",
                "The import could not be saved in the database; nothing was saved.",
                detail=str(error),
            ) from error


def check_population(code: str, year: int, population: float) -> None:
    """Raise StoreError for a population that cannot be right."""
    low, high = YEAR_RANGE
    if code not in MUNICIPALITIES:
        raise StoreError(f"Okänd kommunkod: {code!r}.", f"Unknown municipality code: {code!r}.")
    if not (low <= int(year) <= high):
        raise StoreError(f"Året måste vara mellan {low} och {high}.",
                         f"The year must be between {low} and {high}.")
    if not (isinstance(population, int | float) and math.isfinite(population)
            and 1 <= population <= POPULATION_MAX):
        raise StoreError(
            f"Folkmängden måste vara ett heltal mellan 1 och {POPULATION_MAX:,}.".replace(",", " "),
            f"The population must be a whole number between 1 and {POPULATION_MAX:,}.",
        )


def save_population(db_path: DbPath, code: str, year: int, population: float) -> None:
    """Keep a population a user typed in (the latest entry per municipality and year wins)."""
    check_population(code, year, population)
    with connect(db_path, read_only=False, create=True) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(
                f"CREATE TABLE IF NOT EXISTS {POPULATION_TABLE} (municipality_code VARCHAR "
                "NOT NULL, year INTEGER NOT NULL, population BIGINT NOT NULL, entered_at "
                "TIMESTAMP NOT NULL)"
            )
            con.execute(
                f"INSERT INTO {POPULATION_TABLE} VALUES (?, ?, ?, ?)",
                [code, int(year), int(round(population)),
                 datetime.now(UTC).replace(tzinfo=None)],
            )
            con.execute("COMMIT")
        except DATABASE_ERRORS as error:
            rollback_quietly(con)
            raise StoreError(
                "Folkmängden kunde inte sparas; inget ändrades.",
                "The population could not be saved; nothing was changed.",
                detail=str(error),
            ) from error



def list_imports(db_path: DbPath) -> list[dict[str, object]]:
    """Every stored import (one row per municipality and file), newest first."""
    if not uses_postgres(db_path) and not Path(db_path).exists():
        return []
    with connect(db_path, read_only=True) as con:
        if not _table_names(con) >= _IMPORT_TABLES:
            return []
        rows = con.execute(
            "SELECT i.import_id, i.batch_id, i.municipality_code, i.municipality, i.gas, "
            "i.report_name, i.file_name, i.imported_at, min(m.year), max(m.year) "
            "FROM imports i LEFT JOIN imported_ned_main m ON m.import_id = i.import_id "
            "GROUP BY i.import_id, i.batch_id, i.municipality_code, i.municipality, i.gas, "
            "i.report_name, i.file_name, i.imported_at ORDER BY i.imported_at DESC, i.import_id"
        ).fetchall()
    keys = ("import_id", "batch_id", "municipality_code", "municipality", "gas", "report_name",
            "file_name", "imported_at", "first_year", "last_year")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def remove_import(db_path: DbPath, import_or_batch_id: str) -> int:
    """Remove an import (by its import id, or a whole batch by its batch id) in one
    transaction; returns how many municipality imports went. The shipped figures (or an
    earlier import) apply again at the next start or refresh."""
    with connect(db_path, read_only=False) as con:
        if not _table_names(con) >= _IMPORT_TABLES:
            return 0
        con.execute("BEGIN TRANSACTION")
        try:
            ids = [row[0] for row in con.execute(
                "SELECT import_id FROM imports WHERE import_id = ? OR batch_id = ?",
                [import_or_batch_id, import_or_batch_id]).fetchall()]
            for import_id in ids:
                for table in ("imported_ned_main", "imported_ned_sub", "imports"):
                    con.execute(f"DELETE FROM {table} WHERE import_id = ?", [import_id])
            con.execute("COMMIT")
        except DATABASE_ERRORS as error:
            rollback_quietly(con)
            raise StoreError(f"Importen kunde inte tas bort: {error}",
                             f"The import could not be removed: {error}") from error
    return len(ids)
