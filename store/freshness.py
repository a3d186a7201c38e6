"""How a process notices that another process changed users' data it keeps in memory.

With several app processes, each keeps the source tables with imported municipalities
folded in (ui/data_access.py) for as long as it runs. An import through one process must
reach the others: ``imports_stamp`` is a cheap fingerprint of the import tables that each
process compares, every few seconds, with the one its tables were read at.
"""

from __future__ import annotations

from store.backend import connect, table_names
from store.database import DbPath


def imports_stamp(db: DbPath) -> str:
    """Row count and last ``rowid`` of the imports and typed-in populations (changes on
    every import or population entry; both tables are append-only)."""
    with connect(db, read_only=True) as con:
        names = table_names(con)
        parts = []
        for table in ("imports", "imported_population"):
            if table in names:
                row = con.execute(f"SELECT count(*), max(rowid) FROM {table}").fetchone()
                parts.append(f"{table}:{row[0] if row else 0}:{row[1] if row else ''}")
    return ";".join(parts)
