"""The server backend: users' tables in PostgreSQL, shared by every app process.

Why it looks like this:

* psycopg 3 with a small connection pool per process (``psycopg_pool``); each connection
  is checked when taken from the pool, so a restarted database server costs a reconnect,
  not an error page. Connections run in autocommit mode and the store's own
  ``BEGIN``/``COMMIT`` statements make the transactions, as on DuckDB.
* ``PostgresConnection`` adapts psycopg to the calls the store modules make on a DuckDB
  connection: ``execute(sql, params)`` with ``?`` placeholders (rewritten to ``%s``, and a
  literal ``%`` to ``%%``), ``fetchone``/``fetchall``/``df`` on the result. Parameters are
  bound on the client (``ClientCursor``), so an untyped ``? IS NULL`` works as in DuckDB.
* Schema: the tables each store module creates are created by its own
  ``CREATE TABLE IF NOT EXISTS`` statements, run once per process before its first write
  (under an advisory lock, so two processes starting together do not race). Tables that
  need PostgreSQL's own spelling (the imports, with ``DOUBLE PRECISION`` and a ``rowid``
  column that keeps insertion order as DuckDB's ``rowid`` does) come from numbered
  migrations recorded in ``klimat_schema_version``.
* A unique violation, a serialization failure or a deadlock means another writer got there
  first: ``store.backend.write_transaction`` re-runs the transaction, as for DuckDB's
  write conflicts. Everything else reaches callers as ``StoreError`` without the password.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import lru_cache
from typing import Any

import pandas as pd
import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool, PoolTimeout

from store.database import StoreError

POOL_MAX = int(os.environ.get("KLIMAT_DB_POOL_MAX", "10"))
# Longest wait for a pooled connection: a page whose database server is gone should say so
# in seconds (DuckDB's 30 s are for another process holding its file).
MAX_WAIT_S = float(os.environ.get("KLIMAT_PG_TIMEOUT", "10"))
# pg_advisory_lock key for schema changes: any fixed number the app owns ("KLIM").
SCHEMA_LOCK_KEY = 0x4B4C494D
VERSION_TABLE = "klimat_schema_version"

# Numbered migrations; append, never edit one that has shipped.
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
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
            imported_at TIMESTAMP NOT NULL,
            rowid BIGSERIAL
        );
        CREATE TABLE IF NOT EXISTS imported_ned_main (
            import_id VARCHAR NOT NULL,
            municipality_code VARCHAR NOT NULL,
            year INTEGER NOT NULL,
            sector VARCHAR NOT NULL,
            value_t DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (import_id, year, sector)
        );
        CREATE TABLE IF NOT EXISTS imported_ned_sub (
            import_id VARCHAR NOT NULL,
            municipality_code VARCHAR NOT NULL,
            year INTEGER NOT NULL,
            sector VARCHAR NOT NULL,
            subsector VARCHAR NOT NULL,
            value_t DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (import_id, year, sector, subsector)
        );
        CREATE TABLE IF NOT EXISTS imported_population (
            municipality_code VARCHAR NOT NULL,
            year INTEGER NOT NULL,
            population BIGINT NOT NULL,
            entered_at TIMESTAMP NOT NULL,
            rowid BIGSERIAL
        );
        """,
    ),
)

_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%")


@lru_cache(maxsize=1024)
def to_pyformat(sql: str) -> str:
    """``?`` placeholders (outside quoted text) to psycopg's ``%s``, and every ``%`` to ``%%``."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        # psycopg reads every % as a placeholder, inside quoted text too.
        return token.replace("%", "%%")

    return _TOKEN.sub(replace, sql)


def describe(url: str) -> str:
    """``host:port/dbname`` of an address, never its password (for messages)."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "PostgreSQL"
    host = parts.get("host") or "localhost"
    port = parts.get("port") or "5432"
    return f"{host}:{port}/{parts.get('dbname', '')}"


class PostgresRows:
    """The result of one statement, read like DuckDB's: tuples, or a DataFrame."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self._cursor = cursor

    def fetchone(self) -> tuple[Any, ...] | None:
        """The next row, or None."""
        return self._cursor.fetchone()

    def fetchall(self) -> list[tuple[Any, ...]]:
        """All remaining rows."""
        return self._cursor.fetchall()

    def df(self) -> pd.DataFrame:
        """All rows as a DataFrame; DATE columns as datetime64 as DuckDB gives them."""
        columns = [column.name for column in self._cursor.description or ()]
        frame = pd.DataFrame(self._cursor.fetchall(), columns=columns)
        for name in columns:
            values = frame[name].dropna()
            first = values.iloc[0] if len(values) else None
            if isinstance(first, dt.date) and not isinstance(first, dt.datetime):
                frame[name] = pd.to_datetime(frame[name])
        return frame


class PostgresConnection:
    """A pooled psycopg connection that answers the store's DuckDB-style calls."""

    is_postgres = True  # store.backend.is_postgres

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> PostgresRows:
        """Run one statement with ``?`` placeholders."""
        cursor = self.raw.cursor()
        if parameters is None or len(parameters) == 0:
            cursor.execute(sql.encode())  # bytes: no placeholder or % processing at all
        else:
            cursor.execute(to_pyformat(sql), list(parameters))
        return PostgresRows(cursor)

    def table_names(self) -> set[str]:
        """Lower-case names of the tables in the current schema."""
        rows = self.raw.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema()"
        ).fetchall()
        return {str(row[0]).lower() for row in rows}

    def copy_rows(self, table: str, columns: Sequence[str], rows: pd.DataFrame) -> None:
        """Bulk-insert ``rows`` (columns in ``columns`` order) with COPY."""
        names = ", ".join(columns)
        with self.raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            # astype(object): plain Python values, which psycopg knows how to send.
            for record in rows[list(columns)].astype(object).itertuples(index=False, name=None):
                copy.write_row(record)


class PostgresBackend:
    """Users' data in a PostgreSQL database (``store.backend.UsersBackend``)."""

    name = "postgres"
    retryable_errors: tuple[type[BaseException], ...] = (
        pg_errors.UniqueViolation,
        pg_errors.SerializationFailure,
        pg_errors.DeadlockDetected,
    )
    driver_errors: tuple[type[BaseException], ...] = (psycopg.Error,)

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.Lock()
        self._pool: ConnectionPool | None = None
        self._migrated = False
        self._prepared: set[tuple[str, ...]] = set()

    def _get_pool(self) -> ConnectionPool:
        with self._lock:
            if self._pool is None:
                pool = ConnectionPool(
                    self.url,
                    min_size=1,
                    max_size=max(POOL_MAX, 1),
                    kwargs={"autocommit": True, "cursor_factory": psycopg.ClientCursor,
                            "connect_timeout": 5},
                    check=ConnectionPool.check_connection,
                    open=False,
                    name="klimat-users",
                )
                pool.open(wait=False)
                self._pool = pool
            return self._pool

    def close(self) -> None:
        """Close the pool (tests; a server process just exits)."""
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None

    @contextmanager
    def connect(
        self, read_only: bool, *, create: bool, timeout: float
    ) -> Iterator[PostgresConnection]:
        """A connection from the pool, migrated; driver errors become ``StoreError``."""
        try:
            with self._get_pool().connection(timeout=min(timeout, MAX_WAIT_S)) as raw:
                con = PostgresConnection(raw)
                if not self._migrated:
                    self._migrate(con)
                try:
                    yield con
                finally:
                    if raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                        with suppress(psycopg.Error):
                            raw.rollback()
        except PoolTimeout as error:
            raise self._unreachable() from error
        except psycopg.OperationalError as error:
            raise self._unreachable(str(error)) from error
        except psycopg.Error as error:
            raise StoreError(
                "Databasen svarade med ett fel. Försök igen; hjälper inte det, be den som "
                "driver tjänsten se i serverns logg.",
                "The database answered with an error. Try again; if that does not help, ask "
                "whoever runs the service to look in the server's log.",
                detail=f"{describe(self.url)}: {error}",
            ) from error

    def _unreachable(self, detail: str = "") -> StoreError:
        where = describe(self.url)
        return StoreError(
            "Databasservern svarar inte just nu. Försök igen om en stund.",
            "The database server does not answer right now. Try again in a moment.",
            detail=f"{where}: {detail.strip()}" if detail.strip() else where,
        )

    def _migrate(self, con: PostgresConnection) -> None:
        with self._lock:
            if self._migrated:
                return
            with con.raw.transaction():
                con.raw.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEMA_LOCK_KEY])
                con.raw.execute(
                    f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} ("
                    "version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL DEFAULT "
                    "(now() AT TIME ZONE 'utc'))"
                )
                row = con.raw.execute(f"SELECT max(version) FROM {VERSION_TABLE}").fetchone()
                current = int(row[0]) if row and row[0] is not None else 0
                for version, statements in MIGRATIONS:
                    if version > current:
                        con.raw.execute(statements.encode())
                        con.raw.execute(
                            f"INSERT INTO {VERSION_TABLE} (version) VALUES (%s)", [version]
                        )
            self._migrated = True

    def prepare(self, con: PostgresConnection, statements: Sequence[str]) -> None:
        """Run a module's CREATE statements once per process, under the schema lock."""
        key = tuple(statements)
        if not key or key in self._prepared:
            return
        with con.raw.transaction():
            con.raw.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEMA_LOCK_KEY])
            for statement in statements:
                con.raw.execute(statement.encode())
        self._prepared.add(key)

    def table_names(self, con: PostgresConnection) -> set[str]:
        """Lower-case names of the tables in the current schema."""
        return con.table_names()

    def schema_version(self) -> int:
        """The highest migration applied (for tests and the cluster launcher)."""
        with self.connect(True, create=False, timeout=10) as con:
            row = con.execute(f"SELECT max(version) FROM {VERSION_TABLE}").fetchone()
        return int(row[0]) if row and row[0] is not None else 0


def store_report(con: PostgresConnection, report: Any, file_name: str) -> str:
    """Write a parsed SMHI report in one transaction (as smhi.storage.store_report does
    for DuckDB, whose DataFrame views PostgreSQL lacks); returns the batch id."""
    from smhi.storage import report_frames

    batch_id, meta, main, sub = report_frames(report, file_name)
    meta = meta.assign(report_date=pd.to_datetime(meta["report_date"]).dt.date)
    with con.raw.transaction():
        con.copy_rows("imports", IMPORT_META_COLUMNS, meta)
        con.copy_rows("imported_ned_main", IMPORT_MAIN_COLUMNS, main)
        con.copy_rows("imported_ned_sub", IMPORT_SUB_COLUMNS, sub)
    return batch_id


IMPORT_META_COLUMNS = ("import_id", "batch_id", "municipality_code", "municipality",
                       "report_name", "report_date", "gas", "file_name", "imported_at")
IMPORT_MAIN_COLUMNS = ("import_id", "municipality_code", "year", "sector", "value_t")
IMPORT_SUB_COLUMNS = ("import_id", "municipality_code", "year", "sector", "subsector",
                      "value_t")
