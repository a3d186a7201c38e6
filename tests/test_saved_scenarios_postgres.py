"""The whole saved-scenario suite (tests/test_saved_scenarios.py) again, on PostgreSQL.

Importing the tests makes pytest collect them here too, where ``db`` is a fresh PostgreSQL
schema instead of a DuckDB file: any test added to that file later runs on both backends.
"""

from __future__ import annotations

import pytest

from tests.test_saved_scenarios import *  # noqa: F403

# Not collected here: they look inside the DuckDB file (its tables, a rebuild from data/, a
# missing file); tests/test_store_backends.py covers the same ground on both backends.
for _name in (
    "test_hostile_text_is_stored_byte_exact",
    "test_twenty_threads_saving_at_once_lose_nothing_and_report_conflicts",
    "test_scenarios_survive_a_rebuild_from_changed_data",
    "test_load_before_any_save_is_not_found",
    "test_missing_db_raises_store_error",
):
    globals().pop(_name, None)


@pytest.fixture
def db(postgres_url: str) -> str:
    """An empty PostgreSQL schema instead of a DuckDB file."""
    return postgres_url
