"""Storing validated NED imports in DuckDB, so an uploaded release survives a restart.

Tables (created on first use):

* imports: one row per municipality stored (import_id is its primary key), with the release
  (report_name, report_date), gas, file name and time of import (UTC).
* imported_ned_main / imported_ned_sub: the numbers, in tonnes, keyed by import_id.

One call of store_report is one batch. Its id is returned; it is also the import_id when the
report holds one municipality (the usual case), and "<batch id>-<code>" for each municipality
otherwise. imports.batch_id always holds the batch id. Everything is written in one
transaction: a failure leaves the database as it was.

Where imports are stored (three places, each for a reason):

* here: the DuckDB tables' schema, the rows a report becomes (report_frames, shared with
  PostgreSQL), writing them (store_report) and reading one back (latest_import);
* store/imported.py: what the app and the command line call (store_import picks DuckDB or
  PostgreSQL; read_imported, list_imports, remove_import; typed-in populations);
* store/postgres_backend.py: the same tables in PostgreSQL's spelling (its migrations) and
  writing them with COPY.
"""

from __future__ import annotations

import contextlib
import uuid
from datetime import UTC, datetime
from typing import BinaryIO

import duckdb
import pandas as pd

from smhi.lansrapport import GASES, ParsedReport, parse_lansrapport
from smhi.municipalities import resolve_municipality
from smhi.sectors import (
    MACHINERY,
    MACHINERY_SUBSECTORS,
    MAIN_SECTORS,
    TRANSPORT,
    TRANSPORT_SUBSECTORS,
)

SCHEMA = (
    """
    CREATE TABLE IF NOT EXISTS imports (
        import_id VARCHAR PRIMARY KEY,
        batch_id VARCHAR NOT NULL,
        municipality_code VARCHAR NOT NULL,
        municipality VARCHAR NOT NULL,
        report_name VARCHAR NOT NULL,
        report_date DATE NOT NULL,
        gas VARCHAR NOT NULL,
        file_name VARCHAR NOT NULL,
        imported_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS imported_ned_main (
        import_id VARCHAR NOT NULL,
        municipality_code VARCHAR NOT NULL,
        year INTEGER NOT NULL,
        sector VARCHAR NOT NULL,
        value_t DOUBLE NOT NULL,
        PRIMARY KEY (import_id, year, sector)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS imported_ned_sub (
        import_id VARCHAR NOT NULL,
        municipality_code VARCHAR NOT NULL,
        year INTEGER NOT NULL,
        sector VARCHAR NOT NULL,
        subsector VARCHAR NOT NULL,
        value_t DOUBLE NOT NULL,
        PRIMARY KEY (import_id, year, sector, subsector)
    )
    """,
)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the three import tables if they are not there yet."""
    for statement in SCHEMA:
        con.execute(statement)


def report_frames(
    report: ParsedReport, file_name: str
) -> tuple[str, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The batch id and the rows for the three import tables (meta, main, sub)."""
    if report.main_sectors.empty:
        raise ValueError("the report holds no data to store")
    codes = [m.code for m in report.municipalities]
    batch_id = f"ned-{report.gas.lower()}-{report.report_date.isoformat()}-{uuid.uuid4().hex[:10]}"
    ids = {code: batch_id if len(codes) == 1 else f"{batch_id}-{code}" for code in codes}
    imported_at = datetime.now(UTC).replace(tzinfo=None)

    meta = pd.DataFrame(
        {
            "import_id": [ids[m.code] for m in report.municipalities],
            "batch_id": batch_id,
            "municipality_code": codes,
            "municipality": [m.name for m in report.municipalities],
            "report_name": report.report_name,
            "report_date": pd.Timestamp(report.report_date),
            "gas": report.gas,
            "file_name": file_name,
            "imported_at": pd.Timestamp(imported_at),
        }
    )
    main = report.main_sectors.assign(import_id=report.main_sectors["municipality_code"].map(ids))
    sub = report.sub_sectors.assign(import_id=report.sub_sectors["municipality_code"].map(ids))
    return batch_id, meta, main, sub


def store_report(con: duckdb.DuckDBPyConnection, report: ParsedReport, file_name: str) -> str:
    """Write a parsed report in one transaction and return its batch id (see module doc)."""
    batch_id, meta, main, sub = report_frames(report, file_name)
    views = {"_smhi_meta": meta, "_smhi_main": main, "_smhi_sub": sub}
    con.execute("BEGIN TRANSACTION")
    try:
        ensure_schema(con)
        for name, frame in views.items():
            con.register(name, frame)
        con.execute(
            """
            INSERT INTO imports
            SELECT import_id, batch_id, municipality_code, municipality, report_name,
                   CAST(report_date AS DATE), gas, file_name, CAST(imported_at AS TIMESTAMP)
            FROM _smhi_meta
            """
        )
        con.execute(
            """
            INSERT INTO imported_ned_main
            SELECT import_id, municipality_code, year, sector, value_t FROM _smhi_main
            """
        )
        con.execute(
            """
            INSERT INTO imported_ned_sub
            SELECT import_id, municipality_code, year, sector, subsector, value_t FROM _smhi_sub
            """
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in views:
            with contextlib.suppress(duckdb.Error):
                con.unregister(name)
    return batch_id


def import_lansrapport(
    con: duckdb.DuckDBPyConnection,
    source: str | BinaryIO | bytes,
    file_name: str,
    municipality: str | None = None,
    *,
    gas: str | None = None,
) -> str:
    """Parse and store in one go (what an upload button needs); a rejected file stores nothing.

    Raises ImportRejected exactly like parse_lansrapport.
    """
    report = parse_lansrapport(source, municipality, gas=gas)
    return store_report(con, report, file_name)


def _tables_exist(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name IN "
        "('imports', 'imported_ned_main', 'imported_ned_sub')"
    ).fetchone()
    return bool(found) and found[0] == 3


def _sub_rank(sector: str, subsector: str) -> int:
    if sector == TRANSPORT and subsector in TRANSPORT_SUBSECTORS:
        return TRANSPORT_SUBSECTORS.index(subsector)
    if sector == MACHINERY and subsector in MACHINERY_SUBSECTORS:
        return MACHINERY_SUBSECTORS.index(subsector)
    return 0


def latest_import(
    con: duckdb.DuckDBPyConnection, municipality_code: str, gas: str
) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """(main, sub) frames of the most recent import for a municipality and gas, or None.

    The frames have the same columns as ParsedReport's; `attrs` carries import_id,
    report_name, report_date, file_name and imported_at so the UI can say what it shows.
    """
    if gas not in GASES:
        raise ValueError(f"gas must be one of {GASES}, not {gas!r}")
    resolved = resolve_municipality(municipality_code)
    if resolved is None or not _tables_exist(con):
        return None
    row = con.execute(
        """
        SELECT import_id, municipality, report_name, report_date, file_name, imported_at
        FROM imports WHERE municipality_code = ? AND gas = ?
        ORDER BY imported_at DESC, rowid DESC LIMIT 1
        """,
        [resolved[0], gas],
    ).fetchone()
    if row is None:
        return None
    import_id, name, report_name, report_date, file_name, imported_at = row
    main, sub = _import_frames(con, import_id, name)
    attrs = {
        "import_id": import_id,
        "gas": gas,
        "report_name": report_name,
        "report_date": report_date,
        "file_name": file_name,
        "imported_at": imported_at,
    }
    return _typed(main, attrs), _typed(sub, attrs)


def _import_frames(
    con: duckdb.DuckDBPyConnection, import_id: str, name: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One import's main and sub rows, in the order parse_lansrapport returns them."""
    rank = {s: i for i, s in enumerate(MAIN_SECTORS)}
    main = con.execute(
        "SELECT municipality_code, year, sector, value_t FROM imported_ned_main "
        "WHERE import_id = ?",
        [import_id],
    ).df()
    sub = con.execute(
        "SELECT municipality_code, year, sector, subsector, value_t, rowid AS _r "
        "FROM imported_ned_sub WHERE import_id = ?",
        [import_id],
    ).df()

    main.insert(1, "municipality", name)
    main["_s"] = main["sector"].map(rank)
    main = main.sort_values(["year", "_s"], kind="stable").drop(columns="_s")
    sub.insert(1, "municipality", name)
    sub["_s"] = sub["sector"].map(rank)
    sub["_o"] = [_sub_rank(s, n) for s, n in zip(sub["sector"], sub["subsector"], strict=True)]
    sub = sub.sort_values(["year", "_s", "_o", "_r"], kind="stable")
    sub = sub.drop(columns=["_s", "_o", "_r"])
    return main, sub


def _typed(frame: pd.DataFrame, attrs: dict[str, object]) -> pd.DataFrame:
    """The same dtypes as ParsedReport's frames, and where the numbers came from."""
    frame = frame.reset_index(drop=True)
    frame["year"] = frame["year"].astype("int64")
    frame["value_t"] = frame["value_t"].astype("float64")
    for col in ("municipality_code", "municipality", "sector"):
        frame[col] = frame[col].astype("str")
    if "subsector" in frame:
        frame["subsector"] = frame["subsector"].astype("str")
    frame.attrs = dict(attrs)
    return frame
