"""The DuckDB store: builds from CSVs, rebuilds only on change, keeps users' tables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from store import database
from store.database import (
    StoreError,
    build_database,
    connect,
    default_db_path,
    list_tables,
    read_table,
    read_tables,
)

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Two small CSVs standing in for data/ (independent of the lead's real tables)."""
    directory = tmp_path / "data"
    directory.mkdir()
    (directory / "ned_ghg.csv").write_text(
        "year,sector,t_co2e\n2023,Transporter,98416\n2024,Transporter,120840\n",
        encoding="utf-8",
    )
    (directory / "population.csv").write_text(
        "year,inhabitants,source\n2023,97574,SCB\n2024,98334,SCB\n", encoding="utf-8"
    )
    return directory


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "db" / "klimat.duckdb"


def manifest(db_path: Path) -> dict[str, str]:
    frame = read_table(db_path, "_manifest")
    return dict(zip(frame["file_name"], frame["sha256"], strict=True))


def test_build_creates_one_table_per_csv_with_manifest(db_path: Path, data_dir: Path) -> None:
    assert build_database(db_path, data_dir) is True

    assert list_tables(db_path) == ["_manifest", "ned_ghg", "population"]
    ghg = read_table(db_path, "ned_ghg")
    assert list(ghg.columns) == ["year", "sector", "t_co2e"]
    assert ghg["t_co2e"].tolist() == [98416, 120840]
    assert pd.api.types.is_integer_dtype(ghg["year"])  # typed, not all text
    assert set(manifest(db_path)) == {"ned_ghg.csv", "population.csv"}


def test_read_tables_reads_the_csv_tables_in_one_go(db_path: Path, data_dir: Path) -> None:
    build_database(db_path, data_dir)
    with connect(db_path, read_only=False) as con:
        con.execute("CREATE TABLE saved_scenarios (x INTEGER)")

    frames = read_tables(db_path)
    assert sorted(frames) == ["ned_ghg", "population"]  # users' tables are not source data
    assert frames["population"]["inhabitants"].tolist() == [97574, 98334]
    assert list(read_tables(db_path, ["saved_scenarios"])) == ["saved_scenarios"]


def test_code_and_id_columns_stay_text(db_path: Path, data_dir: Path) -> None:
    """Municipality codes keep leading zeros even when every code in a file looks numeric."""
    (data_dir / "codes.csv").write_text("municipality_code,source_id,value\n1280,7,1.5\n")
    (data_dir / "mixed.csv").write_text("municipality_code,value\n0780,1\n0764,2\n")
    build_database(db_path, data_dir)

    codes = read_table(db_path, "codes")
    assert codes["municipality_code"].tolist() == ["1280"]
    assert codes["source_id"].tolist() == ["7"]
    assert codes["value"].tolist() == [1.5]
    assert read_table(db_path, "mixed")["municipality_code"].tolist() == ["0780", "0764"]


def test_unchanged_data_does_not_rebuild(db_path: Path, data_dir: Path) -> None:
    build_database(db_path, data_dir)
    before = read_table(db_path, "_manifest")["built_at"].tolist()

    assert build_database(db_path, data_dir) is False
    assert read_table(db_path, "_manifest")["built_at"].tolist() == before


def test_changed_added_and_removed_csvs_rebuild(db_path: Path, data_dir: Path) -> None:
    build_database(db_path, data_dir)

    (data_dir / "population.csv").write_text(
        "year,inhabitants,source\n2024,98334,SCB\n", encoding="utf-8"
    )
    assert build_database(db_path, data_dir) is True
    assert len(read_table(db_path, "population")) == 1

    (data_dir / "levers.csv").write_text("lever_id,reference\ncars_ev,0.1\n", encoding="utf-8")
    assert build_database(db_path, data_dir) is True
    assert "levers" in list_tables(db_path)

    (data_dir / "ned_ghg.csv").unlink()
    assert build_database(db_path, data_dir) is True
    assert "ned_ghg" not in list_tables(db_path)
    assert set(manifest(db_path)) == {"population.csv", "levers.csv"}
    assert build_database(db_path, data_dir) is False


def test_user_tables_survive_rebuild(db_path: Path, data_dir: Path) -> None:
    build_database(db_path, data_dir)
    with connect(db_path, read_only=False) as con:
        con.execute("CREATE TABLE saved_scenarios (scenario_id VARCHAR, name VARCHAR)")
        con.execute("INSERT INTO saved_scenarios VALUES ('a', 'Mitt scenario')")
        con.execute("CREATE TABLE imported_ned (x INTEGER)")
        con.execute("INSERT INTO imported_ned VALUES (1), (2)")
        con.execute("CREATE TABLE imports_log (x INTEGER)")
        con.execute("INSERT INTO imports_log VALUES (7)")

    (data_dir / "ned_ghg.csv").write_text("year,sector,t_co2e\n2024,Transporter,1\n")
    assert build_database(db_path, data_dir) is True

    assert read_table(db_path, "saved_scenarios")["name"].tolist() == ["Mitt scenario"]
    assert read_table(db_path, "imported_ned")["x"].tolist() == [1, 2]
    assert read_table(db_path, "imports_log")["x"].tolist() == [7]
    assert read_table(db_path, "ned_ghg")["t_co2e"].tolist() == [1]


@pytest.mark.parametrize("stem", ["saved_scenarios", "imported_x", "imports", "_manifest"])
def test_csv_may_not_claim_a_reserved_table_name(db_path: Path, data_dir: Path, stem: str) -> None:
    (data_dir / f"{stem}.csv").write_text("a\n1\n")
    with pytest.raises(StoreError):
        build_database(db_path, data_dir)


def test_failed_rebuild_leaves_previous_tables(db_path: Path, data_dir: Path) -> None:
    build_database(db_path, data_dir)
    (data_dir / "broken.csv").write_bytes(b'a,b\n1,2\n\xff\xfe,"unterminated\n')
    with pytest.raises(StoreError):
        build_database(db_path, data_dir)

    # One transaction: the old tables and manifest are still there, untouched.
    assert list_tables(db_path) == ["_manifest", "ned_ghg", "population"]
    assert len(read_table(db_path, "ned_ghg")) == 2


def test_two_processes_building_at_once_build_once(db_path: Path, data_dir: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "store",
        "build",
        "--db",
        str(db_path),
        "--data",
        str(data_dir),
    ]
    processes = [
        subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]

    assert [process.returncode for process in processes] == [0, 0], outputs
    messages = sorted(out.decode() for out, _err in outputs)
    assert sum(message.startswith("rebuilt ") for message in messages) == 1, messages
    assert sum("up to date" in message for message in messages) == 1, messages
    assert list_tables(db_path) == ["_manifest", "ned_ghg", "population"]


def test_reader_in_another_process_does_not_break_build(db_path: Path, data_dir: Path) -> None:
    """A short read-only reader elsewhere only delays a rebuild (connect retries)."""
    build_database(db_path, data_dir)
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time\n"
            f"con = duckdb.connect({str(db_path)!r}, read_only=True)\n"
            "print('open', flush=True)\n"
            "time.sleep(1.5)\n"
            "con.close()\n",
        ],
        stdout=subprocess.PIPE,
    )
    assert reader.stdout is not None
    assert reader.stdout.readline().strip() == b"open"
    (data_dir / "ned_ghg.csv").write_text("year,sector,t_co2e\n2024,Transporter,5\n")
    assert build_database(db_path, data_dir) is True
    reader.wait(timeout=30)
    assert read_table(db_path, "ned_ghg")["t_co2e"].tolist() == [5]


def test_missing_db_raises_store_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.duckdb"
    with pytest.raises(StoreError) as raised:
        read_table(missing, "ned_ghg")
    assert "make db" in raised.value.message_sv
    assert "make db" in raised.value.message_en
    with pytest.raises(StoreError), connect(missing, read_only=False):
        pass
    assert not missing.exists()  # reading never creates a database


def test_corrupt_db_raises_store_error(tmp_path: Path, data_dir: Path) -> None:
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"this is not a duckdb file" * 400)
    for action in (
        lambda: read_table(corrupt, "ned_ghg"),
        lambda: list_tables(corrupt),
        lambda: build_database(corrupt, data_dir),
    ):
        with pytest.raises(StoreError) as raised:
            action()
        assert "skadad" in raised.value.message_sv
        assert "damaged" in raised.value.message_en
    assert corrupt.read_bytes().startswith(b"this is not")  # never overwritten


def test_missing_table_raises_store_error(db_path: Path, data_dir: Path) -> None:
    build_database(db_path, data_dir)
    with pytest.raises(StoreError) as raised:
        read_table(db_path, "no_such_table")
    assert "no_such_table" in raised.value.message_en
    with pytest.raises(StoreError):
        read_table(db_path, 'x"; DROP TABLE ned_ghg; --')
    assert "ned_ghg" in list_tables(db_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only files")
def test_read_only_file_raises_store_error_on_write(db_path: Path, data_dir: Path) -> None:
    build_database(db_path, data_dir)
    db_path.chmod(0o444)
    try:
        with pytest.raises(StoreError), connect(db_path, read_only=False):
            pass
        assert len(read_table(db_path, "ned_ghg")) == 2  # reading still works
    finally:
        db_path.chmod(0o644)


def test_permission_error_is_translated(
    db_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs as root too: simulates what DuckDB reports for a read-only file."""
    build_database(db_path, data_dir)

    def refuse(*_args: object, **_kwargs: object) -> duckdb.DuckDBPyConnection:
        raise duckdb.IOException(f'IO Error: Cannot open file "{db_path}": Permission denied')

    monkeypatch.setattr(database.duckdb, "connect", refuse)
    with pytest.raises(StoreError) as raised, connect(db_path, read_only=False):
        pass
    assert "skrivskyddad" in raised.value.message_sv
    assert "read-only" in raised.value.message_en


def test_default_db_path_follows_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KLIMAT_DB", str(tmp_path / "other.duckdb"))
    assert default_db_path() == tmp_path / "other.duckdb"
    monkeypatch.delenv("KLIMAT_DB")
    assert default_db_path() == REPO_ROOT / "klimat.duckdb"


def test_read_and_write_connections_in_threads_take_turns(db_path: Path, data_dir: Path) -> None:
    """DuckDB refuses mixed read-only/read-write connections in one process; the gate waits."""
    import threading

    build_database(db_path, data_dir)
    with connect(db_path, read_only=False) as con:
        con.execute("CREATE TABLE imports_t (i INTEGER)")
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            for _ in range(5):
                if index % 2:
                    read_table(db_path, "population")
                else:
                    with connect(db_path, read_only=False) as con:
                        con.execute("INSERT INTO imports_t VALUES (?)", [index])
        except BaseException as error:  # collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(read_table(db_path, "imports_t")) == 20


def test_tmp_db_fixture_builds_from_real_data(tmp_db: Path) -> None:
    real_csvs = sorted(path.stem for path in (REPO_ROOT / "data").glob("*.csv"))
    assert tmp_db.exists()
    assert [t for t in list_tables(tmp_db) if t != "_manifest"] == real_csvs


def test_cli_reports_errors_in_both_languages(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "store",
            "build",
            "--db",
            str(tmp_path / "x.duckdb"),
            "--data",
            str(tmp_path / "missing"),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "fel:" in result.stderr and "error:" in result.stderr
