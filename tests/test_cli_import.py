"""`python -m model import`, then `run` and `levers` for the imported municipality."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from cli.__main__ import main
from cli.common import tables_for_cli
from model import build_municipality_data, reference_levers, run_scenario
from store.csv_tables import read_csv_tables
from tests import import_fixtures as ifx
from tests import smhi_fixtures as fx

REPO_ROOT = Path(__file__).resolve().parents[1]


def _count(db: Path, table: str = "imports") -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_import_then_run_the_imported_municipality(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "k.duckdb"
    path = ifx.write_ghg(tmp_path)
    assert main(["import", str(path), "--municipality", "Kalmar", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    # Kalmar is shipped: the import replaces its figures and says what changed.
    assert "Kalmar (0880): växthusgaser ersatta av importens siffror (till 2024)" in out
    assert "totalt 2024:" in out and "kan köras" in out

    assert main(["run", "--municipality", "0880", "--db", str(db)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["municipality"] == {"code": "0880", "name": "Kalmar"}
    base = payload["years"].index(2024)
    vaxjo = build_municipality_data(read_csv_tables(), "0780")
    for sector, values in payload["sectors"].items():
        expected = vaxjo.base_ghg[list(payload["sectors"]).index(sector)] * ifx.KALMAR_SCALE
        assert values[base] == pytest.approx(expected, abs=0.1)
    assert payload["kpis"]["ghg_per_capita_2030_kg"] > 0  # SCB's population is shipped
    shipped_budget = read_csv_tables().budget.set_index("municipality_code")["budget_t_co2e"]
    assert payload["kpis"]["budget_t"] == pytest.approx(shipped_budget["0880"])

    assert main(["levers", "--municipality", "0880", "--db", str(db), "--format", "csv"]) == 0
    assert "beccs_kt" in capsys.readouterr().out


def test_import_with_population(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "k.duckdb"
    # A typed population adds a year SCB's table lacks (2025); SCB's 2024 stays.
    args = ["import", str(ifx.write_ghg(tmp_path)), "--municipality", "0880", "--db", str(db),
            "--population", "73000", "--population-year", "2025"]
    assert main(args) == 0
    capsys.readouterr()
    kalmar = build_municipality_data(tables_for_cli(str(db)), "0880")
    assert list(kalmar.population_years[-2:]) == [2024, 2025]
    assert list(kalmar.population[-2:]) == [72_704, 73_000]
    assert main(["run", "--municipality", "0880", "--db", str(db)]) == 0
    kpis = json.loads(capsys.readouterr().out)["kpis"]
    assert kpis["population_2030"] > 73_000


def test_rejected_file_exits_non_zero_names_row_and_column_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.duckdb"
    assert main(["import", str(fx.write_valid(tmp_path)), "--municipality", "0780",
                 "--db", str(db)]) == 0
    capsys.readouterr()
    case = fx.broken_text_in_number(tmp_path)
    assert main(["import", str(case.path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "ingenting sparades" in err
    assert f"Rad {case.row}, kolumn {case.column}: värdet 'abc' är inte ett tal" in err
    assert _count(db) == 1


@pytest.mark.parametrize("name", ["not_xlsx", "empty_file", "wrong_sheet"])
def test_malformed_files_are_rejected(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      name: str) -> None:
    case = fx.BROKEN[name](tmp_path)
    assert main(["import", str(case.path), "--db", str(tmp_path / "k.duckdb")]) == 1
    assert "kunde inte importeras" in capsys.readouterr().err
    assert not (tmp_path / "k.duckdb").exists()


def test_only_xlsx_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rapport.csv"
    path.write_text("Huvudsektor;Undersektor\n", encoding="utf-8")
    assert main(["import", str(path), "--db", str(tmp_path / "k.duckdb")]) == 1
    assert ".xlsx" in capsys.readouterr().err


def test_co2_import_gives_a_shipped_municipality_its_own_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.duckdb"
    assert main(["import", str(fx.write_valid(tmp_path)), "--municipality", "Kalmar",
                 "--db", str(db)]) == 0
    out = capsys.readouterr().out
    # Kalmar's GHG is shipped: its CO2 import gives it its own split and stays runnable.
    assert "Kalmar (0880): eget transportsplit och egna CO2-andelar från 2022" in out
    assert main(["run", "--municipality", "0880", "--db", str(db)]) == 0
    capsys.readouterr()
    assert build_municipality_data(tables_for_cli(str(db)), "0880").transport_split_from_data


def test_csv_municipalities_work_without_a_database(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLIMAT_DB", str(tmp_path / "none.duckdb"))
    assert main(["run", "--municipality", "0764"]) == 0
    payload = json.loads(capsys.readouterr().out)
    alvesta = build_municipality_data(read_csv_tables(), "0764")
    expected = run_scenario(alvesta, reference_levers(alvesta)).kpis
    assert payload["kpis"]["fossil_co2_2030_t"] == pytest.approx(expected.fossil_co2_2030_t)
    assert main(["run", "--municipality", "0764", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "finns inte" in capsys.readouterr().err


def test_beccs_is_refused_where_there_is_no_plant(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLIMAT_DB", str(tmp_path / "none.duckdb"))
    assert main(["run", "--municipality", "0764", "--set", "beccs_kt=100"]) == 2
    assert "bio-CCS" in capsys.readouterr().err
    assert main(["run", "--municipality", "0780", "--set", "beccs_kt=100"]) == 0


@pytest.mark.slow
def test_python_dash_m_model_import(tmp_path: Path) -> None:
    """The real entry point: exit code and Swedish reasons on stderr."""
    case = fx.broken_negative_value(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "model", "import", str(case.path), "--db",
         str(tmp_path / "k.duckdb")],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    assert f"Rad {case.row}, kolumn {case.column}:" in done.stderr
    assert "negativt" in done.stderr
