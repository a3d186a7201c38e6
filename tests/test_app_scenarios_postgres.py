"""The saved-scenario pages' AppTest suite (tests/test_app_scenarios.py) again, on PostgreSQL.

Only ``KLIMAT_DATABASE_URL`` differs, as in a cluster; see
tests/test_app_workshop_postgres.py for how the import picks up the tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres_fixtures import users_in_postgres
from tests.test_app_scenarios import *  # noqa: F403
from tests.workshop_helpers import database_at

# Breaks the DuckDB file on purpose; the PostgreSQL counterpart (server unreachable) is in
# tests/test_store_backends.py.
globals().pop("test_a_broken_database_gets_a_message_and_the_rest_keeps_working", None)


@pytest.fixture(autouse=True, scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory, postgres_server: object
            ) -> Iterator[Path]:
    """KLIMAT_DB for the source tables, KLIMAT_DATABASE_URL a fresh schema for scenarios."""
    with users_in_postgres(postgres_server), database_at(
            tmp_path_factory.mktemp("db") / "klimat.duckdb") as path:
        yield path
