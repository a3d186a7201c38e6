"""Store for Klimatscenarier: source tables built from data/ (DuckDB) and users' data.

Users' data (saved scenarios, workshops, imports) lives in the same DuckDB file, or in
PostgreSQL when ``KLIMAT_DATABASE_URL`` is set (``store.backend``). See ``store.database``
for why DuckDB connections are short-lived.
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
