"""Caches one app process keeps must follow what another process writes (PostgreSQL).

An import through one process is folded into that process's tables at once
(refresh_after_import); another process notices the changed fingerprint of the import
tables within IMPORTS_CHECK_TTL_S and reads its tables again. Simulated here in one
process: the import goes straight to the store, and the interval is skipped by clearing
the fingerprint's cache.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

import tests.import_fixtures as ifx
from smhi import parse_lansrapport
from store.database import build_database
from store.imported import store_import
from tests.conftest import DATA_DIR
from ui import data_access


def test_an_import_through_another_process_reaches_this_one(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "klimat.duckdb"
    build_database(db, DATA_DIR)
    monkeypatch.setenv("KLIMAT_DB", str(db))
    monkeypatch.setenv("KLIMAT_DATABASE_URL", postgres_url)
    st.cache_resource.clear()
    try:
        before = data_access.load_tables()
        assert before.imported.imports.empty and before.imports_stamp is not None
        data_access.follow_imports_elsewhere()
        assert data_access.load_tables() is before  # nothing changed: nothing reloaded

        store_import(postgres_url, parse_lansrapport(ifx.write_ghg(tmp_path), "0880"), "x.xlsx")
        data_access.follow_imports_elsewhere()
        assert data_access.load_tables() is before  # not before the interval has passed

        data_access._recent_imports_stamp.clear()  # the interval has passed
        data_access.follow_imports_elsewhere()
        after = data_access.load_tables()
        assert list(after.imported.imports["municipality_code"]) == ["0880"]
        assert after.imports_stamp != before.imports_stamp
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()
