"""Issue 10, store and import level: each hostile finding as a test that could fail.

Imports that could break or falsify the app (a year 2099, every figure × 0.1), a workbook
that pads rows to column XFD, a 150 MB upload, removing an import, a stored import that
no longer loads, saved scenarios without their edit key, export headers, invisible names,
facilitator-only store calls, and Streamlit's "clear cache" leaving the shared tables.
"""

from __future__ import annotations

import io
import threading
import time
import tomllib
from pathlib import Path

import duckdb
import pytest
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from streamlit.runtime import caching

from exports.compare import NamedResult
from exports.tabular import comparison_csv
from model.data import build_municipality_data
from model.imported import with_usable_imports
from model.paths import reference_levers
from model.scenario import run_scenario
from smhi import ImportRejected, parse_lansrapport
from smhi.isolated import parse_isolated
from smhi.limits import MAX_COLUMNS, MAX_UPLOAD_MB, preflight
from store import scenarios, workshops
from store.__main__ import main as store_cli
from store.csv_tables import read_csv_tables
from store.database import build_database
from store.imported import list_imports, read_imported, remove_import, store_import
from tests import import_fixtures as ifx
from tests import smhi_fixtures as fx
from tests.conftest import DATA_DIR
from ui.import_page import changes_frame, check_upload, replaces_shipped

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "klimat.duckdb"
    build_database(path, DATA_DIR)
    return path


def _loaded(db: Path):  # noqa: ANN202 - LoadedTables without Streamlit's cache
    from ui.data_access import LoadedTables

    shipped = read_csv_tables()
    imported = read_imported(db)
    tables, skipped = with_usable_imports(shipped, imported)
    return LoadedTables(tables, shipped=shipped, imported=imported, skipped_imports=skipped)


# ======================================================================================
# Imports that cannot break or falsify the app


def test_a_year_2099_is_a_row_and_column_message_and_nothing_is_stored(db: Path) -> None:
    years = (*ifx.ghg_years(), 2099)
    with pytest.raises(ImportRejected) as info:
        check_upload("2099.xlsx", ifx.ghg_workbook(years), isolated=False)
    (problem,) = info.value.problems
    # The year row (5) and the column of 2099 (the last year, from column E).
    assert (problem.row, problem.column) == (5, get_column_letter(5 + len(years) - 1))
    assert "2099" in problem.message_sv and "2099" in problem.message_en
    assert list_imports(db) == []


def test_a_stored_import_that_no_longer_loads_is_skipped_not_a_crash(db: Path) -> None:
    report = parse_lansrapport(ifx.ghg_workbook(), "0880")
    store_import(db, report, "kalmar.xlsx")
    with duckdb.connect(str(db)) as con:  # as if stored by an older version without the rule
        con.execute("UPDATE imported_ned_main SET year = 2099 WHERE year = 2024")
    loaded = _loaded(db)
    assert loaded.skipped_imports == ("0880",)
    # Kalmar ships with its own figures (all 290 do): the broken import leaves them in place.
    ned = loaded.tables.ned_ghg
    kalmar = ned[ned["municipality_code"] == "0880"]
    shipped = loaded.shipped.ned_ghg
    assert len(kalmar) == len(shipped[shipped["municipality_code"] == "0880"])
    assert 2099 not in set(kalmar["year"])
    assert {"0780", "0764"} <= set(ned["municipality_code"])  # the shipped ones still run


def test_a_tenth_of_every_figure_shows_the_change_and_must_be_confirmed(db: Path) -> None:
    leaves = {key: tuple(round(v * 0.1, 1) for v in values)
              for key, values in ifx.ghg_leaves(ifx.ghg_years()).items()}
    rows = fx.build_rows(leaves, years=ifx.ghg_years(), title="Emissioner av Växthusgaser totalt",
                         unit="Enhet: ton CO2-ekvivalenter/år", gas_label="GGT")
    report = check_upload("tiondel.xlsx", fx.workbook_bytes(rows, "Växthusgaser totalt"), "0780",
                          isolated=False)
    loaded = _loaded(db)
    assert replaces_shipped(report, loaded)
    changes = changes_frame(report, loaded, "sv")
    flagged = changes[changes["Obs"] == "stor ändring"]
    assert len(flagged) == len(changes) >= 10  # every shared year, −90 %
    assert all(text.startswith("\u221290") for text in changes["Ändring"])


def test_removing_an_import_through_the_command_line(db: Path, capsys) -> None:
    report = parse_lansrapport(ifx.ghg_workbook(), "0880")
    batch = store_import(db, report, "kalmar.xlsx")
    assert [row["import_id"] for row in list_imports(db)] == [batch]
    assert store_cli(["imports", "list", "--db", str(db), "--format", "json"]) == 0
    assert batch in capsys.readouterr().out
    assert store_cli(["imports", "remove", batch, "--db", str(db)]) == 0
    assert list_imports(db) == [] and remove_import(db, batch) == 0
    assert store_cli(["imports", "remove", batch, "--db", str(db)]) == 1


# ======================================================================================
# Upload limits


def _wide_workbook(rows: int = 400) -> bytes:
    """A valid-looking report with one cell in column XFD on every row (51 KB-ish)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Koldioxid (CO2)")
    for row in fx.build_rows()[:rows]:
        sheet.append([*row, *([None] * (16_383 - len(row))), "x"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.serial  # peak memory and time of a parse: measured with the machine to itself
def test_the_wide_row_workbook_is_refused_before_parsing_with_bounded_memory() -> None:
    data = _wide_workbook()
    assert len(data) < 200_000
    with pytest.raises(Exception) as info:  # noqa: PT011 - TooLarge, checked below
        preflight(data)
    assert "16384" in str(info.value) and str(MAX_COLUMNS) in str(info.value)
    outcome = parse_isolated(data)
    assert outcome.report is None
    assert "kolumn 16384" in outcome.problems[0].message_sv
    # Measured: the child's own peak (VmHWM) is Python with pandas and openpyxl loaded,
    # 124 MB on this machine; the sheet itself is never materialised (it was 4 GB before).
    # (getrusage's figure had carried the parent's size across exec: 421 MB under pytest.)
    assert 0 < outcome.peak_mb < 200, outcome.peak_mb


def test_a_150_mb_upload_is_refused_and_the_server_limit_matches_the_page() -> None:
    big = b"PK" + bytes(150 * 1_000_000)
    with pytest.raises(ImportRejected) as info:
        check_upload("stor.xlsx", big)
    assert f"{MAX_UPLOAD_MB} MB" in info.value.problems[0].message_sv
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB
    assert config["client"]["showErrorDetails"] == "none"


def test_the_parse_runs_in_a_child_and_returns_only_data() -> None:
    outcome = parse_isolated(ifx.ghg_workbook(), "0780")
    assert outcome.report is not None and outcome.report.years[-1] == 2024
    rejected = parse_isolated(b"PK not really a zip")
    assert rejected.report is None
    assert all(isinstance(p.message_sv, str) for p in rejected.problems)


# ======================================================================================
# Saved scenarios: edit keys, unique names, undo


def test_rename_and_delete_without_the_key_are_refused(db: Path) -> None:
    mine = scenarios.save_new(db, "Min plan", "Anna", "", "0780", {"el_personbilar": 60.0})
    assert mine.edit_key and len(mine.edit_key) >= 32
    for key in (None, "", "fel-nyckel-" * 4):
        with pytest.raises(scenarios.EditKeyError):
            scenarios.rename(db, mine.scenario_id, 1, "Kapad", edit_key=key)
        with pytest.raises(scenarios.EditKeyError):
            scenarios.delete(db, mine.scenario_id, 1, edit_key=key)
    assert scenarios.load(db, mine.scenario_id).name == "Min plan"
    with duckdb.connect(str(db)) as con:  # only the hash is stored
        stored = con.execute("SELECT key_hash FROM saved_scenarios_keys").fetchall()
    assert mine.edit_key not in str(stored)
    gone = scenarios.delete(db, mine.scenario_id, 1, edit_key=mine.edit_key)
    assert gone.deleted and scenarios.list_scenarios(db) == []
    with pytest.raises(scenarios.EditKeyError):
        scenarios.undo_delete(db, mine.scenario_id, edit_key="x" * 32)
    back = scenarios.undo_delete(db, mine.scenario_id, edit_key=mine.edit_key)
    assert not back.deleted and [s.name for s in scenarios.list_scenarios(db)] == ["Min plan"]


def test_twenty_simultaneous_saves_with_one_name_give_one_scenario(db: Path) -> None:
    outcomes: list[str] = []

    def save(i: int) -> None:
        try:
            scenarios.save_new(db, "Samma namn" if i % 2 else "SAMMA  namn", "", "", "0780", {})
            outcomes.append("saved")
        except scenarios.NameTakenError:
            outcomes.append("taken")

    threads = [threading.Thread(target=save, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["saved"] + ["taken"] * 19
    assert len(scenarios.list_scenarios(db)) == 1


@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200d\ufeff", " \u2060 ", "\u3164"])
def test_names_must_keep_a_visible_character(db: Path, name: str) -> None:
    with pytest.raises(scenarios.ValidationError):
        scenarios.save_new(db, name, "", "", "0780", {})
    with pytest.raises(workshops.ValidationError):
        workshops.check_workshop_name(name)
    with pytest.raises(workshops.ValidationError):
        workshops.check_submission(name, "Plan")
    assert workshops.check_workshop_name(f"Bord\u200b 1{name}") == "Bord 1"


def test_export_headers_are_protected_like_cells(db: Path) -> None:
    data = build_municipality_data(read_csv_tables(), "0780")
    result = run_scenario(data, reference_levers(data))
    hostile = '=HYPERLINK("http://evil.example","klicka")'
    text = comparison_csv([NamedResult(hostile, result), NamedResult("@SUM(A1)", result)],
                          "sv").decode("utf-8-sig")
    header = text.splitlines()[0]
    assert f"'{hostile}".replace('"', '""') in header and ";'@SUM(A1)" in header
    assert ";=" not in header and ";@" not in header


# ======================================================================================
# Workshops: the store checks the roles itself


def test_facilitator_calls_need_the_token_and_only_its_hash_is_stored(db: Path) -> None:
    workshop, token = workshops.start_workshop(db, "Rum", "0780", "Växjö")
    assert workshops.CODE_PATTERN.match(workshop.code) and len(workshop.code) == 11
    for forged in (None, "", "1", "A" * 32, token[:-1] + ("A" if token[-1] != "A" else "B")):
        assert not workshops.check_facilitator(db, workshop.code, forged)
        with pytest.raises(workshops.NotFacilitatorError):
            workshops.set_closed(db, workshop.code, True, forged)
    assert workshops.check_facilitator(db, workshop.code, token)
    other, _ = workshops.start_workshop(db, "Annat rum", "0780", "Växjö")
    assert not workshops.check_facilitator(db, other.code, token)  # one workshop's token only
    with duckdb.connect(str(db)) as con:
        assert token not in str(con.execute("SELECT * FROM workshop_facilitators").fetchall())


def test_a_name_belongs_to_the_first_device_and_the_cap_holds(db: Path) -> None:
    workshop, token = workshops.start_workshop(db, "Rum", "0780", "Växjö")
    phone, other = workshops.new_secret(), workshops.new_secret()
    workshops.submit(db, workshop.code, "Anna", "Plan", "0780", {}, device_key=phone)
    for taken in ("anna", "ANNA ", "Anna\u200b", "ａｎｎａ"):  # case, space, zero width, NFKC
        with pytest.raises(workshops.NameTakenError):
            workshops.submit(db, workshop.code, taken, "Plan", "0780", {}, device_key=other)
    assert workshops.set_per_minute(db, workshop.code, 2, token) == 2
    workshops.submit(db, workshop.code, "Anna", "Plan", "0780", {}, device_key=phone)
    with pytest.raises(workshops.TooManyError):
        workshops.submit(db, workshop.code, "Anna", "Plan", "0780", {}, device_key=phone)
    versions = workshops.list_submissions(db, workshop.code, latest_only=False)
    assert [s.version for s in versions] == [1, 2]


def test_a_hidden_submission_is_kept_and_marked(db: Path) -> None:
    workshop, token = workshops.start_workshop(db, "Rum", "0780", "Växjö")
    rude = workshops.submit(db, workshop.code, "Otrevligt namn", "Plan", "0780", {},
                            device_key=workshops.new_secret())
    workshops.submit(db, workshop.code, "Bord 2", "Plan", "0780", {},
                     device_key=workshops.new_secret())
    with pytest.raises(workshops.NotFacilitatorError):
        workshops.set_hidden(db, workshop.code, rude.submission_id, True, "x" * 32)
    workshops.set_hidden(db, workshop.code, rude.submission_id, True, token)
    assert [s.participant for s in workshops.list_submissions(db, workshop.code)] == ["Bord 2"]
    every = workshops.list_submissions(db, workshop.code, False, include_hidden=True)
    assert [(s.participant, s.hidden) for s in every] == [("Otrevligt namn", True),
                                                          ("Bord 2", False)]


def test_the_cli_prepares_a_workshop_and_exports_it(db: Path, capsys, tmp_path: Path) -> None:
    import json

    assert store_cli(["workshop", "create", "--name", "Förberedd", "--municipality", "0780",
                      "--base-url", "https://klimat.example", "--format", "json",
                      "--db", str(db)]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["participant_url"].startswith("https://klimat.example/workshop?")
    token = made["facilitator_url"].split("facilitator_key=")[1]
    assert "facilitator_key" not in made["participant_url"]
    assert workshops.check_facilitator(db, made["code"], token)
    assert store_cli(["workshop", "facilitator-link", made["code"], "--db", str(db)]) == 0
    second = capsys.readouterr().out.strip().split("facilitator_key=")[1]
    assert second != token and workshops.check_facilitator(db, made["code"], second)
    workshops.submit(db, made["code"], "=1+1", "Plan", "0780", {"el_personbilar": 70.0},
                     device_key=workshops.new_secret())
    out = tmp_path / "ws.csv"
    assert store_cli(["workshop", "export", made["code"], "--format", "csv", "--output",
                      str(out), "--db", str(db)]) == 0
    assert "'=1+1" in out.read_text(encoding="utf-8-sig")


# ======================================================================================
# No client can degrade everyone


def test_streamlit_clear_cache_leaves_the_shared_tables() -> None:
    from ui import data_access

    first = data_access.load_tables()
    names = data_access.municipality_names()
    # Exactly what AppSession._handle_clear_cache_request does for a client's message.
    caching.cache_data.clear()
    caching.cache_resource.clear()
    started = time.perf_counter()
    assert data_access.load_tables() is first
    assert data_access.municipality_names() is names
    assert time.perf_counter() - started < 0.05
