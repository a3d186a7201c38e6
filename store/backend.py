"""Where users' data lives: one interface, two implementations (a DuckDB file or PostgreSQL).

Why it looks like this:

* The modules that keep users' data (store/scenarios.py, store/workshops.py,
  store/imported.py) ask this module for a connection with ``connect(db, read_only=...)``
  and write through ``write_transaction``; they write plain SQL with ``?`` placeholders and
  read rows with ``.fetchone()``, ``.fetchall()`` and ``.df()``. Both backends answer that
  (store/duckdb_backend.py hands out DuckDB's own connection, store/postgres_backend.py an
  adapter over psycopg), so no caller knows which one it has.
* Which one: ``db`` given as a ``postgresql://`` address is PostgreSQL. The deployment's
  default database (``store.database.default_db_path()``) stands for PostgreSQL when
  ``KLIMAT_DATABASE_URL`` is set, so every caller that means "the server's store" (pages,
  CLIs) follows the setting; any other DuckDB path (tests, ``--db``) stays that file.
* With PostgreSQL configured, the DuckDB file holds only the source tables built from
  data/: it is built once and then opened read-only by every app process, which DuckDB
  allows only while no process holds it for writing.
* Driver errors reach callers as ``StoreError``; lost races (a write-write conflict, a taken
  key) are retried by ``write_transaction`` on both backends the same way.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pandas as pd

from store.database import (
    DEFAULT_TIMEOUT_S,
    DbPath,
    StoreError,
    default_db_path,
    rollback_quietly,
)

DATABASE_URL_ENV = "KLIMAT_DATABASE_URL"
URL_PREFIXES = ("postgresql://", "postgres://")
WRITE_ATTEMPTS = 50

Result = TypeVar("Result")


class Rows(Protocol):
    """What ``execute`` returns: the result rows of one statement."""

    def fetchone(self) -> tuple[Any, ...] | None: ...

    def fetchall(self) -> list[tuple[Any, ...]]: ...

    def df(self) -> pd.DataFrame: ...


class UsersConnection(Protocol):
    """A connection to the users' tables: ``?`` placeholders, rows as tuples."""

    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> Any: ...


class UsersBackend(Protocol):
    """One place users' data can live."""

    name: str
    # Errors meaning "another writer got there first": the transaction is re-run.
    retryable_errors: tuple[type[BaseException], ...]
    # Every error the driver raises (turned into StoreError with the caller's message).
    driver_errors: tuple[type[BaseException], ...]

    def connect(
        self, read_only: bool, *, create: bool, timeout: float
    ) -> AbstractContextManager[Any]: ...

    def prepare(self, con: Any, statements: Sequence[str]) -> None:
        """Make sure the tables ``statements`` create exist (before a write transaction)."""
        ...

    def table_names(self, con: Any) -> set[str]:
        """Names (lower case) of the tables in the users' schema."""
        ...


def is_database_url(db: object) -> bool:
    """True for a ``postgresql://`` address (as opposed to a DuckDB file path)."""
    return isinstance(db, str) and db.startswith(URL_PREFIXES)


def configured_url() -> str | None:
    """The PostgreSQL address from ``KLIMAT_DATABASE_URL``, or None (the DuckDB default)."""
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    if url and not is_database_url(url):
        raise StoreError(
            f"{DATABASE_URL_ENV} ska börja med postgresql:// (nu {url[:20]!r}).",
            f"{DATABASE_URL_ENV} must start with postgresql:// (got {url[:20]!r}).",
        )
    return url or None


def users_location(db: DbPath) -> str:
    """The PostgreSQL address or DuckDB file that holds the users' tables for ``db``."""
    if is_database_url(db):
        return str(db)
    url = configured_url()
    if url is not None and _same_file(Path(db), default_db_path()):
        return url
    return str(db)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.expanduser().resolve() == b.expanduser().resolve()
    except OSError:
        return False


def backend_for(db: DbPath) -> UsersBackend:
    """The backend that holds users' data for ``db`` (see the module docstring)."""
    return _backend(users_location(db))


_backends: dict[str, UsersBackend] = {}
_backends_lock = threading.Lock()


def _backend(location: str) -> UsersBackend:
    """One backend (and so one connection pool) per location and process."""
    with _backends_lock:
        backend = _backends.get(location)
        if backend is None:
            if is_database_url(location):
                from store.postgres_backend import PostgresBackend

                backend = PostgresBackend(location)
            else:
                from store.duckdb_backend import DuckDBBackend

                backend = DuckDBBackend(Path(location))
            _backends[location] = backend
        return backend


def file_stamp(db: DbPath) -> tuple[int, ...] | None:
    """A fingerprint of a DuckDB users' file that changes with every write to it, from any
    process: size and modification time of the file and of its write-ahead log (a write
    appends to the log; a checkpoint rewrites the file and empties the log). ``None`` for
    PostgreSQL, whose pooled connections are cheap to ask.

    Why: opening a DuckDB file costs 35-55 ms of CPU, which a page that lists saved
    scenarios paid on every lever move; a stat of two files costs microseconds.
    """
    location = users_location(db)
    if is_database_url(location):
        return None
    stamp: list[int] = []
    for path in (Path(location), Path(location + ".wal")):
        try:
            found = path.stat()
        except FileNotFoundError:
            stamp += [-1, -1, -1]
            continue
        stamp += [found.st_size, found.st_mtime_ns, found.st_ctime_ns]
    return tuple(stamp)


def close_backend(db: DbPath) -> None:
    """Close the pool of ``db``'s backend, if one is open (tests; shutdown)."""
    with _backends_lock:
        backend = _backends.pop(users_location(db), None)
    close = getattr(backend, "close", None)
    if close is not None:
        close()


def uses_postgres(db: DbPath) -> bool:
    """True when users' data for ``db`` lives in PostgreSQL."""
    return is_database_url(users_location(db))


@contextmanager
def connect(
    db: DbPath,
    read_only: bool = True,
    *,
    create: bool = False,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> Iterator[Any]:
    """A short-lived connection to the users' tables: ``with connect(db) as con: ...``."""
    with backend_for(db).connect(read_only, create=create, timeout=timeout) as con:
        yield con


def table_names(con: Any) -> set[str]:
    """Lower-case names of the users' tables visible on ``con`` (either backend)."""
    if is_postgres(con):
        return set(con.table_names())
    from store.duckdb_backend import duckdb_table_names

    return duckdb_table_names(con)


def is_postgres(con: Any) -> bool:
    """True for a PostgreSQL connection (for the rare statement the dialects spell apart).

    An attribute, not isinstance: the DuckDB path never imports psycopg.
    """
    return bool(getattr(con, "is_postgres", False))


def write_transaction(
    db: DbPath,
    create_statements: Sequence[str],
    work: Callable[[Any], Result],
    failed: tuple[str, str],
    busy: tuple[str, str],
    timeout: float = DEFAULT_TIMEOUT_S,
) -> Result:
    """Run ``work`` in one transaction, retrying write conflicts and key clashes.

    The user tables are created first if missing. A retry re-runs ``work`` from scratch, so
    a version check inside it turns a lost race into the caller's own error. ``failed`` and
    ``busy`` are (Swedish, English) messages; a driver error is appended to ``failed``.
    """
    backend = backend_for(db)
    pause = 0.002
    with backend.connect(False, create=False, timeout=timeout) as con:
        for _attempt in range(WRITE_ATTEMPTS):
            try:
                backend.prepare(con, create_statements)
                con.execute("BEGIN TRANSACTION")
                result = work(con)
                con.execute("COMMIT")
                return result
            except backend.retryable_errors:
                # Another writer touched the same rows or took the same key: try again.
                rollback_quietly(con)
            except StoreError:
                rollback_quietly(con)
                raise
            except backend.driver_errors as error:
                rollback_quietly(con)
                raise StoreError(f"{failed[0]}: {error}", f"{failed[1]}: {error}") from error
            time.sleep(pause)
            pause = min(pause * 2, 0.1)
    raise StoreError(*busy)

