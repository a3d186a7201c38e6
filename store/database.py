"""The DuckDB store: source tables built from ``data/*.csv`` plus the users' own tables.

Why it looks like this:

* ``data/`` is the source of truth for statistics; the database is a build product
  (never committed). ``build_database`` rebuilds the CSV-derived tables only when a
  CSV's SHA-256 changed or a file was added or removed, so starting the app is cheap.
* The same file also holds what users create (``saved_scenarios``, ``imported_*``,
  ``imports*``, ``workshop*``). A rebuild never drops or touches those tables.
* DuckDB lets only ONE process hold a file open for writing, and while it does, no
  other process may even read it. So every access here goes through ``connect``, a
  context manager for a short-lived connection: open, do the work, close. A Streamlit
  server and a CLI (``python -m store build``) can then take turns; ``connect`` retries
  for a while when another process holds the file, instead of failing at once.
  Do not keep a connection open across a Streamlit rerun, and do not nest ``connect``
  calls with different ``read_only`` values in one thread.
* Inside one process DuckDB shares one database instance between connections to the
  same file, but refuses a read-only and a read-write connection at the same time.
  A small per-file gate makes threads wait for the other mode instead of erroring.
* Errors reach callers as ``StoreError`` with a Swedish and an English message, never
  as a raw duckdb exception, so the UI can show something a user understands.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeAlias, TypeVar

import duckdb
import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO_ROOT / "data"
DEFAULT_DB_NAME = "klimat.duckdb"

MANIFEST_TABLE = "_manifest"
# Bump when the way CSVs are loaded changes, so existing databases rebuild once.
BUILD_FORMAT = 1
# Tables that belong to users, not to data/: a rebuild must never touch them.
USER_TABLES = frozenset({"saved_scenarios", "saved_scenarios_keys", "saved_scenarios_names"})
# "workshop": workshops and workshop_submissions (store/workshops.py).
USER_TABLE_PREFIXES = ("imported_", "imports", "workshop")
# How long connect() keeps retrying while another process holds the file.
DEFAULT_TIMEOUT_S = float(os.environ.get("KLIMAT_DB_TIMEOUT", "30"))

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

DbPath: TypeAlias = str | os.PathLike[str]


class StoreError(Exception):
    """A store failure explained for users, in Swedish (``message_sv``) and English.

    The messages are shown to visitors, so they never hold a server path or a driver's own
    text; ``detail`` (the file, the driver's message) is for the operator: the command line
    prints it and ``str()`` carries it into the server log.
    """

    def __init__(self, message_sv: str, message_en: str, detail: str = "") -> None:
        super().__init__(message_en)
        self.message_sv = message_sv
        self.message_en = message_en
        self.detail = detail
        if detail:  # the operator learns which file or server; the visitor does not
            logging.getLogger("klimatscenarier.store").warning("%s [%s]", message_en, detail)

    def __str__(self) -> str:
        text = f"{self.message_en} ({self.message_sv})"
        return f"{text} [{self.detail}]" if self.detail else text


def default_db_path() -> Path:
    """The database file: env ``KLIMAT_DB`` if set, else ``<repo>/klimat.duckdb``."""
    env = os.environ.get("KLIMAT_DB", "").strip()
    return Path(env).expanduser() if env else REPO_ROOT / DEFAULT_DB_NAME


def is_user_table(name: str) -> bool:
    """True for tables users own (never dropped by a rebuild)."""
    lowered = name.lower()
    return lowered in USER_TABLES or lowered.startswith(USER_TABLE_PREFIXES)


def quote_identifier(name: str) -> str:
    """Quote a table name after checking it is a plain identifier (no SQL can ride along)."""
    if not _IDENTIFIER.match(name):
        raise StoreError(
            f"Ogiltigt tabellnamn: {name!r}. Använd bokstäver, siffror och understreck.",
            f"Invalid table name: {name!r}. Use letters, digits and underscores.",
        )
    return f'"{name}"'


# --------------------------------------------------------------------------------------
# Connections


class _ModeGate:
    """Lets same-mode connections to one file share it and makes the other mode wait.

    Re-entrant per thread for the same mode; a thread asking for the other mode while it
    holds one would wait for itself, so that raises at once.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._mode: bool | None = None
        self._active = 0
        self._waiting = {True: 0, False: 0}
        self._held = threading.local()

    def acquire(self, read_only: bool, timeout: float, path: Path) -> None:
        held: list[bool] = getattr(self._held, "modes", [])
        if held:
            if held[-1] != read_only:
                raise StoreError(
                    "Intern fel: en läs- och en skrivanslutning öppnades samtidigt i samma tråd.",
                    "Internal error: a read and a write connection were nested in one thread.",
                )
            with self._cond:
                self._active += 1
            held.append(read_only)
            return
        deadline = time.monotonic() + timeout
        with self._cond:
            self._waiting[read_only] += 1
            try:
                while not self._can_enter(read_only):
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise _busy_error(path)
                    self._cond.wait(remaining)
                self._mode = read_only
                self._active += 1
            finally:
                self._waiting[read_only] -= 1
        self._held.modes = [read_only]

    def release(self) -> None:
        self._held.modes.pop()
        with self._cond:
            self._active -= 1
            if self._active == 0:
                self._mode = None
            self._cond.notify_all()

    def _can_enter(self, read_only: bool) -> bool:
        if self._active == 0:
            return True
        # Same mode may join, unless the other mode is queuing (so writers are not starved).
        return self._mode == read_only and self._waiting[not read_only] == 0


_gates: dict[str, _ModeGate] = {}
_gates_lock = threading.Lock()


def _gate_for(path: Path) -> _ModeGate:
    key = str(path.resolve())
    with _gates_lock:
        gate = _gates.get(key)
        if gate is None:
            gate = _gates[key] = _ModeGate()
        return gate


def _busy_error(path: Path) -> StoreError:
    return StoreError(
        "Databasen används av ett annat program just nu. Försök igen om en stund.",
        "The database is in use by another program. Try again in a moment.",
        detail=str(path),
    )


def _missing_error(path: Path) -> StoreError:
    return StoreError(
        "Databasen finns inte. Bygg den med 'make db' (python -m store build).",
        "The database does not exist. Build it with 'make db' (python -m store build).",
        detail=str(path),
    )


def _translate(error: duckdb.Error, path: Path) -> StoreError:
    """Turn a duckdb error on opening ``path`` into a StoreError users can act on."""
    text = str(error)
    lowered = text.lower()
    if "not a valid duckdb database" in lowered or "corrupt" in lowered:
        return StoreError(
            "Databasfilen är skadad eller ingen DuckDB-fil. Flytta undan den och kör "
            "'make db' igen (sparade scenarier i filen går då förlorade).",
            "The database file is damaged or not a DuckDB file. Move it away and run "
            "'make db' again (scenarios saved in it are then lost).",
            detail=f"{path}: {text}",
        )
    if "does not exist" in lowered:
        return _missing_error(path)
    if ("permission denied" in lowered or "read-only file system" in lowered
            or "operation not permitted" in lowered):  # the last: an immutable file (chattr +i)
        return StoreError(
            "Databasen går inte att skriva till (skrivskyddad fil eller katalog).",
            "The database cannot be written to (read-only file or directory).",
            detail=f"{path}: {text}",
        )
    if "could not set lock" in lowered or "conflicting lock" in lowered:
        return _busy_error(path)
    return StoreError(
        "Databasen kunde inte öppnas.",
        "The database could not be opened.",
        detail=f"{path}: {text}",
    )


def _is_lock_conflict(error: duckdb.Error) -> bool:
    lowered = str(error).lower()
    return "could not set lock" in lowered or "conflicting lock" in lowered


@contextmanager
def connect(
    db_path: DbPath,
    read_only: bool = True,
    *,
    create: bool = False,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open a short-lived connection: ``with connect(db) as con: ...``; closed on exit.

    ``read_only=True`` lets other processes read at the same time. A missing file raises
    ``StoreError`` unless ``create=True`` (and not read-only). While another process holds
    the file, opening is retried for up to ``timeout`` seconds.
    """
    path = Path(db_path)
    if not path.exists() and (read_only or not create):
        raise _missing_error(path)
    if path.exists() and not path.is_file():
        raise StoreError(
            "Databasens sökväg pekar på en katalog, det är ingen databasfil.",
            "The database path is a directory, not a database file.",
            detail=str(path),
        )
    gate = _gate_for(path)
    gate.acquire(read_only, timeout, path)
    try:
        con = _open_with_retry(path, read_only, timeout)
        try:
            yield con
        finally:
            con.close()
    finally:
        gate.release()


def _open_with_retry(path: Path, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + timeout
    pause = 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:
            if not _is_lock_conflict(error) or time.monotonic() + pause > deadline:
                raise _translate(error, path) from error
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


# --------------------------------------------------------------------------------------
# Reading


def list_tables(db_path: DbPath) -> list[str]:
    """Names of all tables in the main schema, sorted."""
    with connect(db_path, read_only=True) as con:
        return _table_names(con)


def _table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name = 'main' "
        "ORDER BY table_name"
    ).fetchall()
    return [row[0] for row in rows]


def read_table(db_path: DbPath, name: str) -> pd.DataFrame:
    """The whole table ``name`` as a DataFrame (read through a short-lived connection).

    Opening the file costs tens of milliseconds: cache the result (st.cache_data) rather
    than calling this on every rerun, or use ``read_tables`` for several at once.
    """
    return read_tables(db_path, [name])[name]


def read_tables(db_path: DbPath, names: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """Several tables through one connection; default: every table built from data/."""
    with connect(db_path, read_only=True) as con:
        existing = {table.lower(): table for table in _table_names(con)}
        if names is None:
            names = _csv_tables(con) if MANIFEST_TABLE in existing.values() else []
        frames: dict[str, pd.DataFrame] = {}
        for name in names:
            quoted = quote_identifier(name)
            if name.lower() not in existing:
                raise StoreError(
                    f"Tabellen {name!r} finns inte i databasen. Kör 'make db'.",
                    f"The table {name!r} is not in the database. Run 'make db'.",
                    detail=str(db_path),
                )
            try:
                frames[name] = con.execute(f"SELECT * FROM {quoted}").df()
            except duckdb.Error as error:
                raise StoreError(
                    f"Tabellen {name!r} kunde inte läsas.",
                    f"The table {name!r} could not be read.",
                    detail=f"{db_path}: {error}",
                ) from error
    return frames


def _csv_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(f"SELECT table_name FROM {MANIFEST_TABLE} ORDER BY table_name").fetchall()
    return [row[0] for row in rows]


# --------------------------------------------------------------------------------------
# Building from data/


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _source_files(data_dir: Path) -> dict[str, tuple[Path, str]]:
    """Table name -> (csv path, sha256) for every ``*.csv`` in ``data_dir``."""
    if not data_dir.is_dir():
        raise StoreError(
            f"Datakatalogen {data_dir} finns inte.",
            f"The data directory {data_dir} does not exist.",
        )
    sources: dict[str, tuple[Path, str]] = {}
    seen: dict[str, str] = {}
    for csv in sorted(data_dir.glob("*.csv")):
        table = csv.stem
        quote_identifier(table)
        if is_user_table(table) or table.startswith("_"):
            raise StoreError(
                f"{csv.name}: namnet är reserverat för användarnas tabeller eller internt bruk.",
                f"{csv.name}: the name is reserved for users' tables or internal use.",
            )
        # DuckDB identifiers are case-insensitive: Foo.csv and foo.csv would be one table.
        if table.lower() in seen:
            raise StoreError(
                f"{csv.name} och {seen[table.lower()]} ger samma tabellnamn.",
                f"{csv.name} and {seen[table.lower()]} map to the same table name.",
            )
        seen[table.lower()] = csv.name
        sources[table] = (csv, _sha256(csv))
    return sources


def _wanted_manifest(sources: dict[str, tuple[Path, str]]) -> dict[str, tuple[str, str, int]]:
    return {path.name: (table, sha, BUILD_FORMAT) for table, (path, sha) in sources.items()}


def _read_manifest(db_path: Path) -> dict[str, tuple[str, str, int]] | None:
    """The manifest stored in the database, or None when there is none yet."""
    if not db_path.exists():
        return None
    with connect(db_path, read_only=True) as con:
        if MANIFEST_TABLE not in _table_names(con):
            return None
        rows = con.execute(
            f"SELECT file_name, table_name, sha256, build_format FROM {MANIFEST_TABLE}"
        ).fetchall()
    return {file_name: (table, sha, fmt) for file_name, table, sha, fmt in rows}


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Exclusive lock across processes (and threads: each call opens its own descriptor)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a")
    except OSError as error:
        raise StoreError(
            f"Kan inte skapa databasens låsfil: {error.strerror}.",
            f"Cannot create the database's lock file: {error.strerror}.",
            detail=str(path),
        ) from error
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_database(db_path: DbPath | None = None, data_dir: DbPath | None = None) -> bool:
    """Bring the CSV-derived tables in line with ``data_dir``; True if it rebuilt them.

    Each ``<stem>.csv`` becomes table ``<stem>``; ``_manifest`` records file names and
    SHA-256. The check and the rebuild run under ``<db>.lock`` so that two processes
    starting at once build once. The rebuild drops and recreates only tables named in
    the old or new manifest, in one transaction; users' tables are left alone.
    """
    path = Path(db_path) if db_path is not None else default_db_path()
    source_dir = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    sources = _source_files(source_dir)
    wanted = _wanted_manifest(sources)
    with _file_lock(path.with_name(path.name + ".lock")):
        current = _read_manifest(path)
        if current == wanted:
            return False
        with connect(path, read_only=False, create=True) as con:
            _rebuild(con, sources, current or {})
        return True


def _identifier_column_types(con: duckdb.DuckDBPyConnection, csv: Path) -> dict[str, str]:
    """Force code and id columns to text, whatever the type sniffer guesses.

    A municipality code like 1280 would otherwise become a number, and 0780 next to it
    would lose its leading zero in a file where all codes look numeric.
    """
    columns = con.execute(
        "DESCRIBE SELECT * FROM read_csv(?, header = true, all_varchar = false)", [str(csv)]
    ).fetchall()
    return {
        name: "VARCHAR"
        for name, column_type, *_rest in columns
        if _is_identifier_column(name) and column_type != "VARCHAR"
    }


def _is_identifier_column(name: str) -> bool:
    lowered = name.lower()
    return lowered in {"id", "code"} or lowered.endswith(("_id", "_code"))


def _rebuild(
    con: duckdb.DuckDBPyConnection,
    sources: dict[str, tuple[Path, str]],
    old_manifest: dict[str, tuple[str, str, int]],
) -> None:
    old_tables = {table for table, _sha, _fmt in old_manifest.values()}
    built_at = datetime.now(UTC).replace(tzinfo=None)
    con.execute("BEGIN TRANSACTION")
    try:
        for table in sorted(old_tables | set(sources)):
            if not is_user_table(table):
                con.execute(f"DROP TABLE IF EXISTS {quote_identifier(table)}")
        for table, (csv, _sha) in sources.items():
            try:
                types = _identifier_column_types(con, csv)
                con.execute(
                    f"CREATE TABLE {quote_identifier(table)} AS SELECT * FROM "
                    "read_csv(?, header = true, all_varchar = false"
                    + (", types = ?)" if types else ")"),
                    [str(csv), types] if types else [str(csv)],
                )
            except duckdb.Error as error:
                raise StoreError(
                    f"{csv.name} kunde inte läsas som CSV: {error}",
                    f"{csv.name} could not be read as CSV: {error}",
                ) from error
        con.execute(
            f"CREATE OR REPLACE TABLE {MANIFEST_TABLE} ("
            "file_name VARCHAR PRIMARY KEY, table_name VARCHAR NOT NULL, "
            "sha256 VARCHAR NOT NULL, build_format INTEGER NOT NULL, "
            "row_count BIGINT NOT NULL, built_at TIMESTAMP NOT NULL)"
        )
        for table, (csv, sha) in sources.items():
            (row_count,) = con.execute(
                f"SELECT count(*) FROM {quote_identifier(table)}"
            ).fetchone() or (0,)
            con.execute(
                f"INSERT INTO {MANIFEST_TABLE} VALUES (?, ?, ?, ?, ?, ?)",
                [csv.name, table, sha, BUILD_FORMAT, row_count, built_at],
            )
        con.execute("COMMIT")
    except duckdb.Error as error:
        rollback_quietly(con)
        raise StoreError(
            f"Databasen kunde inte byggas om; den förra versionen finns kvar: {error}",
            f"The database could not be rebuilt; the previous version is kept: {error}",
        ) from error
    except BaseException:
        rollback_quietly(con)
        raise


def _driver_errors() -> tuple[type[BaseException], ...]:
    """Every database driver error installed: DuckDB's, and psycopg's when present."""
    try:
        import psycopg
    except ImportError:  # PostgreSQL support is optional for a single-user install
        return (duckdb.Error,)
    return (duckdb.Error, psycopg.Error)


# For ``except`` clauses that must catch a failure of either backend (store/backend.py).
DATABASE_ERRORS = _driver_errors()


def rollback_quietly(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back if a transaction is open; an error here must not hide the original one."""
    with suppress(*DATABASE_ERRORS):
        con.execute("ROLLBACK")


Result = TypeVar("Result")


def write_transaction(
    db: DbPath,
    create_statements: Sequence[str],
    work: Callable[[duckdb.DuckDBPyConnection], Result],
    failed: tuple[str, str],
    busy: tuple[str, str],
    timeout: float = DEFAULT_TIMEOUT_S,
) -> Result:
    """Run ``work`` in one retrying transaction on the users' store (DuckDB or PostgreSQL).

    See ``store.backend.write_transaction``; kept here so callers import it from one place.
    """
    from store.backend import write_transaction as backend_write_transaction

    return backend_write_transaction(db, create_statements, work, failed, busy, timeout)
