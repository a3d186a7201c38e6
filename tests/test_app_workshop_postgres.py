"""The workshop page's AppTest suite (tests/test_app_workshop.py) again, on PostgreSQL.

The page is the same code; only ``KLIMAT_DATABASE_URL`` differs, as in a cluster: the
module's database file then holds the source tables and the workshops live in a fresh
PostgreSQL schema. Importing the tests makes pytest collect them here with this module's
``db_path`` fixture, so tests added there later run on both backends too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres_fixtures import users_in_postgres
from tests.test_app_workshop import *  # noqa: F403
from tests.workshop_helpers import database_at


@pytest.fixture(autouse=True, scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory, postgres_server: object
            ) -> Iterator[Path]:
    """KLIMAT_DB for the source tables, KLIMAT_DATABASE_URL a fresh schema for workshops."""
    with users_in_postgres(postgres_server), database_at(
            tmp_path_factory.mktemp("db") / "klimat.duckdb") as path:
        yield path


def test_the_workshops_really_are_in_postgresql(db_path: Path) -> None:
    from store import workshops
    from store.backend import uses_postgres
    from store.database import list_tables

    assert uses_postgres(db_path)
    made = workshops.create_workshop(str(db_path), "I PostgreSQL", "0780", "Växjö")
    assert workshops.get_workshop(os.environ["KLIMAT_DATABASE_URL"], made.code) == made
    assert not any(name.startswith("workshop") for name in list_tables(db_path))
