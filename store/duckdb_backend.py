"""The embedded backend: users' tables in the DuckDB file, beside the source tables.

Connections are DuckDB's own (through ``store.database.connect``: short-lived, retried while
another process holds the file), so a single-user install behaves exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb

from store.database import connect


class DuckDBBackend:
    """Users' data in one DuckDB file (``store.backend.UsersBackend``)."""

    name = "duckdb"
    retryable_errors: tuple[type[BaseException], ...] = (
        duckdb.TransactionException,
        duckdb.ConstraintException,
    )
    driver_errors: tuple[type[BaseException], ...] = (duckdb.Error,)

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def connect(
        self, read_only: bool, *, create: bool, timeout: float
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        """DuckDB's own connection to the file."""
        with connect(self.path, read_only=read_only, create=create, timeout=timeout) as con:
            yield con

    def prepare(self, con: duckdb.DuckDBPyConnection, statements: Sequence[str]) -> None:
        """Run the CREATE statements (cheap in DuckDB, so every time, as before)."""
        for statement in statements:
            con.execute(statement)

    def table_names(self, con: duckdb.DuckDBPyConnection) -> set[str]:
        """Lower-case names of the tables in the main schema."""
        return duckdb_table_names(con)


def duckdb_table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Lower-case names of the tables in the file's main schema."""
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name = 'main'"
    ).fetchall()
    return {str(row[0]).lower() for row in rows}
