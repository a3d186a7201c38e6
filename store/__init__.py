"""DuckDB store for Klimatscenarier: source tables built from data/ and users' saved scenarios.

See ``store.database`` for why connections are short-lived.
"""

from store.database import (
    StoreError,
    build_database,
    connect,
    default_db_path,
    list_tables,
    read_table,
    read_tables,
)

__all__ = [
    "StoreError",
    "build_database",
    "connect",
    "default_db_path",
    "list_tables",
    "read_table",
    "read_tables",
]
