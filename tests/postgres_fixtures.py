"""Fixtures for the PostgreSQL backend: a real server from Debian's package, one per run.

Why it looks like this:

* One server per pytest process (session scope; each xdist worker has its own, on its own
  Unix socket), started by deploy/postgres.py in a temporary directory and stopped at the
  end. Each test gets a fresh schema, so tests never see each other's rows.
* Without the binaries (``apt-get install postgresql``) the PostgreSQL variants skip with
  a note saying so; with ``CI=true`` they fail, so CI cannot pass by skipping them.
* ``users_db`` is the parametrised store: every test that takes it runs once on a DuckDB
  file and once on PostgreSQL, which is how "one store test suite on both" is kept true.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from store.database import build_database

MISSING_NOTE = (
    "PostgreSQL server binaries are not installed, so the PostgreSQL variants of the store "
    "tests are SKIPPED. Install them with 'apt-get install postgresql' (or run .ci/run as "
    "root); with CI=true this fails instead."
)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_postgres_binaries() -> None:
    """Skip (or, in CI, fail) a test that starts its own PostgreSQL when there is none."""
    from deploy.postgres import find_bin_dir

    if find_bin_dir() is None:
        if _in_ci():
            pytest.fail(MISSING_NOTE)
        pytest.skip(MISSING_NOTE)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """A running throwaway PostgreSQL server (deploy.postgres.LocalPostgres)."""
    from deploy.postgres import PostgresUnavailable, throwaway

    try:
        server = throwaway(fast=True)
    except PostgresUnavailable as error:
        if _in_ci():
            pytest.fail(f"{MISSING_NOTE} ({error})")
        pytest.skip(f"{MISSING_NOTE} ({error})")
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.base_dir, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: object) -> Iterator[str]:
    """The address of a fresh, empty schema on the test server."""
    import psycopg

    from store.backend import close_backend

    schema = f"t_{uuid.uuid4().hex[:12]}"
    base = postgres_server.url()  # type: ignore[attr-defined]
    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{base}&options={quote(f'-csearch_path={schema}')}"
    try:
        yield url
    finally:
        close_backend(url)
        with psycopg.connect(base, autocommit=True) as con:
            con.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["duckdb", "postgres"])
def users_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty users' store: a built DuckDB file, or a PostgreSQL schema."""
    if request.param == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "population.csv").write_text("year,inhabitants\n2024,98334\n")
    path = tmp_path / "klimat.duckdb"
    build_database(path, data_dir)
    return str(path)


@contextmanager
def users_in_postgres(server: object) -> Iterator[str]:
    """``KLIMAT_DATABASE_URL`` set to a fresh schema on ``server`` for the duration, as in a
    cluster: the app's default database then keeps only the source tables. Streamlit's
    caches are cleared before and after, since they hold the previous store's data."""
    import psycopg
    import streamlit as st

    from store.backend import close_backend

    schema = f"t_{uuid.uuid4().hex[:12]}"
    base = server.url()  # type: ignore[attr-defined]
    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{base}&options={quote(f'-csearch_path={schema}')}"
    previous = os.environ.get("KLIMAT_DATABASE_URL")
    os.environ["KLIMAT_DATABASE_URL"] = url
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        yield url
    finally:
        close_backend(url)
        st.cache_resource.clear()
        st.cache_data.clear()
        if previous is None:
            os.environ.pop("KLIMAT_DATABASE_URL", None)
        else:
            os.environ["KLIMAT_DATABASE_URL"] = previous
