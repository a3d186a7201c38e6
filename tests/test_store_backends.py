"""The users' store on both backends: every test here runs on a DuckDB file and on PostgreSQL.

What must not depend on the backend: versions and conflicts of saved scenarios, workshop
submissions and their versions, imports and typed-in populations, text stored byte-exact
(including ``?``, ``%`` and quotes, which the PostgreSQL adapter must not mistake for
placeholders), and no lost write when many threads write at once.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest

import tests.import_fixtures as ifx
from smhi import parse_lansrapport
from store import scenarios, workshops
from store.backend import uses_postgres
from store.database import StoreError
from store.imported import read_imported, save_population, store_import
from store.postgres_backend import to_pyformat

VAXJO = "0780"
TRICKY = "50 % el? 'ja'; DROP TABLE saved_scenarios; -- \"citat\" %s ?"


def test_store_round_trip_versions_and_conflict(users_db: str) -> None:
    first = scenarios.save_new(users_db, TRICKY, "Anna", "rad 1\nrad 2", VAXJO, {"x": 1.5})
    assert scenarios.load(users_db, first.scenario_id) == first
    second = scenarios.save_version(users_db, first.scenario_id, 1, levers={"x": 2.0})
    assert second.version == 2 and second.name == TRICKY
    with pytest.raises(scenarios.ConflictError) as conflict:
        scenarios.save_version(users_db, first.scenario_id, 1, name="sent")
    assert conflict.value.latest_version == 2
    scenarios.save_new(users_db, "Alvesta", "", "", "0764", {})
    assert [s.name for s in scenarios.list_scenarios(users_db, VAXJO)] == [TRICKY]
    assert len(scenarios.list_scenarios(users_db)) == 2
    scenarios.delete(users_db, first.scenario_id, 2)
    assert [s.municipality_code for s in scenarios.list_scenarios(users_db)] == ["0764"]
    assert [s.version for s in scenarios.history(users_db, first.scenario_id)] == [1, 2, 3]
    with pytest.raises(scenarios.NotFoundError):
        scenarios.load(users_db, first.scenario_id)


def test_reads_before_any_write_find_nothing(users_db: str) -> None:
    assert scenarios.list_scenarios(users_db) == []
    assert workshops.get_workshop(users_db, "VXJ-2345") is None
    assert workshops.list_submissions(users_db, "VXJ-2345") == []
    with pytest.raises(scenarios.NotFoundError):
        scenarios.load(users_db, "0123456789abcdef")


def test_racing_editors_one_wins_and_no_new_scenario_is_lost(users_db: str) -> None:
    contested = scenarios.save_new(users_db, "Omstritt", "", "", VAXJO, {})
    barrier = threading.Barrier(12)
    outcomes: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(index: int) -> None:
        barrier.wait()
        try:
            if index % 2:
                scenarios.save_new(users_db, f"Tråd {index}", "", "", VAXJO, {"i": index})
                outcome = "created"
            else:
                scenarios.save_version(users_db, contested.scenario_id, 1, levers={"i": index})
                outcome = "won"
        except scenarios.ConflictError:
            outcome = "conflict"
        except BaseException as error:  # collected for the assertion below
            with lock:
                errors.append(error)
            return
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sorted(outcomes) == ["conflict"] * 5 + ["created"] * 6 + ["won"]
    assert len(scenarios.list_scenarios(users_db)) == 7
    assert len(scenarios.history(users_db, contested.scenario_id)) == 2


def test_workshop_submissions_versions_and_closing(users_db: str) -> None:
    workshop = workshops.create_workshop(users_db, TRICKY[:80], VAXJO, "Växjö")
    assert workshop.code.startswith("VXJ-")
    assert workshops.get_workshop(users_db, workshop.code) == workshop
    workshops.submit(users_db, workshop.code, "Anna", "Snabbt", VAXJO, {"x": 1.0})
    again = workshops.submit(users_db, workshop.code, " anna ", "SNABBT", VAXJO, {"x": 2.0})
    assert again.version == 2
    workshops.submit(users_db, workshop.code, "Bo", "50 % ?", VAXJO, {})
    latest = workshops.list_submissions(users_db, workshop.code)
    assert [(s.participant, s.version, dict(s.levers)) for s in latest] == [
        ("anna", 2, {"x": 2.0}), ("Bo", 1, {})]
    assert len(workshops.list_submissions(users_db, workshop.code, latest_only=False)) == 3
    workshops.set_closed(users_db, workshop.code, True)
    with pytest.raises(workshops.ClosedError):
        workshops.submit(users_db, workshop.code, "Cia", "Sent", VAXJO, {})
    with pytest.raises(workshops.NotFoundError):
        workshops.submit(users_db, "VXJ-9999", "Cia", "Fel kod", VAXJO, {})


def test_a_room_submitting_at_once_loses_nothing(users_db: str) -> None:
    workshop = workshops.create_workshop(users_db, "Rummet", VAXJO, "Växjö")
    barrier = threading.Barrier(16)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        barrier.wait()
        try:
            workshops.submit(users_db, workshop.code, f"Deltagare {index}", "Mitt",
                             VAXJO, {"x": float(index)})
        except BaseException as error:  # collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    submitted = workshops.list_submissions(users_db, workshop.code)
    assert sorted(s.levers["x"] for s in submitted) == [float(i) for i in range(16)]


def test_imports_and_populations_latest_wins(users_db: str, tmp_path: Path) -> None:
    assert read_imported(users_db).imports.empty
    store_import(users_db, parse_lansrapport(ifx.write_ghg(tmp_path, years=(2015, 2022)),
                                             "0880"), "first.xlsx")
    store_import(users_db, parse_lansrapport(ifx.write_ghg(tmp_path), "0880"), "second.xlsx")
    save_population(users_db, "0880", 2024, 70_000)
    save_population(users_db, "0880", 2024, 71_000)
    data = read_imported(users_db)
    assert list(data.imports["file_name"]) == ["second.xlsx"]
    assert pd.api.types.is_datetime64_any_dtype(data.imports["report_date"])
    assert set(data.main["import_id"]) == set(data.imports["import_id"])
    assert not data.main.empty and data.main["value_t"].dtype.kind == "f"
    assert data.population.to_dict("records") == [
        {"municipality_code": "0880", "year": 2024, "population": 71_000}]


def test_same_import_reads_the_same_on_both_backends(postgres_url: str, tmp_path: Path) -> None:
    duck = tmp_path / "klimat.duckdb"
    report = parse_lansrapport(ifx.write_ghg(tmp_path), "0880")
    frames = []
    for db in (str(duck), postgres_url):
        from store.database import build_database

        if db == str(duck):
            (tmp_path / "data").mkdir()
            (tmp_path / "data" / "population.csv").write_text("year,inhabitants\n2024,1\n")
            build_database(duck, tmp_path / "data")
        store_import(db, report, "ghg.xlsx")
        data = read_imported(db)
        frames.append(data.main.drop(columns="import_id").sort_values(
            ["year", "sector"]).reset_index(drop=True))
    pd.testing.assert_frame_equal(frames[0], frames[1], check_dtype=False)


def test_database_url_moves_the_default_databases_users_tables(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store.database import build_database, default_db_path, list_tables

    default = tmp_path / "klimat.duckdb"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "population.csv").write_text("year,inhabitants\n2024,1\n")
    build_database(default, tmp_path / "data")
    monkeypatch.setenv("KLIMAT_DB", str(default))
    monkeypatch.setenv("KLIMAT_DATABASE_URL", postgres_url)
    assert uses_postgres(default_db_path())
    saved = scenarios.save_new(default_db_path(), "I servern", "", "", VAXJO, {})
    assert scenarios.load(postgres_url, saved.scenario_id) == saved
    assert "saved_scenarios" not in list_tables(default)  # the file stays source-only
    other = tmp_path / "other.duckdb"
    build_database(other, tmp_path / "data")
    assert not uses_postgres(other)  # an explicit other file stays DuckDB
    assert scenarios.list_scenarios(other) == []


def test_a_bad_database_url_setting_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLIMAT_DATABASE_URL", "mysql://nope")
    with pytest.raises(StoreError, match="postgresql://"):
        uses_postgres("klimat.duckdb")


def test_an_unreachable_server_is_a_store_error(tmp_path: Path) -> None:
    url = f"postgresql://klimat@/klimat?host={tmp_path}&port=1"
    with pytest.raises(StoreError, match="does not answer"):
        workshops.get_workshop(url, "VXJ-2345")
    from store.backend import close_backend

    close_backend(url)


def test_migrations_are_recorded_and_run_once(postgres_url: str) -> None:
    from store.postgres_backend import MIGRATIONS, PostgresBackend

    first, second = PostgresBackend(postgres_url), PostgresBackend(postgres_url)
    try:
        assert first.schema_version() == MIGRATIONS[-1][0]
        assert second.schema_version() == MIGRATIONS[-1][0]  # a second process: no error
    finally:
        first.close()
        second.close()


def test_placeholders_are_rewritten_outside_quoted_text_only() -> None:
    assert to_pyformat("SELECT ? , '?', \"a?\" WHERE x LIKE '50%' AND y = ? % 2") == (
        "SELECT %s , '?', \"a?\" WHERE x LIKE '50%%' AND y = %s %% 2")


def test_percent_and_question_marks_in_sql_text_work(users_db: str) -> None:
    from store.backend import connect

    with connect(users_db, read_only=True) as con:
        row = con.execute("SELECT '50% ?' LIKE '50%', ? || '%'", ["a?"]).fetchone()
    assert tuple(row) == (True, "a?%")
    assert to_pyformat("SELECT 'it''s ?' , ?") == "SELECT 'it''s ?' , %s"
