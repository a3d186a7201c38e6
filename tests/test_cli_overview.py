"""`municipalities`, `overview` and `run` for every one of the 290 municipalities, in-process."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cli.__main__ import main
from model import build_municipality_data, reference_levers, run_scenario
from model.local_levers import carry_over
from store.csv_tables import read_csv_tables


@pytest.fixture(autouse=True)
def _no_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLIMAT_DB", str(tmp_path / "none.duckdb"))


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.slow
def test_municipalities_lists_all_290_with_budgets(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, "municipalities", "--format", "json")
    assert len(rows) == 290
    assert set(rows[0]) == {"code", "name", "county", "population", "ghg_2024_t", "budget_t",
                            "budget_estimated"}
    by_code = {r["code"]: r for r in rows}
    assert by_code["0780"] == {"code": "0780", "name": "Växjö", "county": "Kronobergs län",
                               "population": 98334, "ghg_2024_t": 224163.0,
                               "budget_t": 2760000.0, "budget_estimated": False}
    assert by_code["0764"]["budget_t"] == 1317000.0 and by_code["0764"]["budget_estimated"]
    assert sum(not r["budget_estimated"] for r in rows) == 1
    # Another principle shares Växjö's budget out by population instead.
    by_pop = {r["code"]: r for r in _json(capsys, "municipalities", "--budget-principle",
                                          "befolkning")}
    assert by_pop["0764"]["budget_t"] == round(2_760_000 * (20040 + 19830) / (97574 + 98334),
                                               -3)
    assert by_pop["0780"]["budget_t"] == 2760000.0


def test_overview_matches_run_for_the_same_levers(capsys: pytest.CaptureFixture[str]) -> None:
    settings = ["--set", "el_personbilar=60", "--set", "reduktionsplikt_diesel=30"]
    rows = {r["code"]: r for r in _json(capsys, "overview", *settings)}
    assert len(rows) == 290
    assert set(rows["0780"]) == {"code", "name", "ghg_2024_t", "ghg_2030_t",
                                 "fossil_fuel_co2_2030_t", "budget_t", "budget_estimated",
                                 "budget_exhausted_year"}
    tables = read_csv_tables()
    vaxjo_ref = reference_levers(build_municipality_data(tables, "0780"))
    moved = vaxjo_ref.with_values(el_personbilar=60, reduktionsplikt_diesel=30)
    for code in ("0780", "0764", "2584", "1280", "0114"):
        data = build_municipality_data(tables, code)
        kpis = run_scenario(data, carry_over(moved, vaxjo_ref, data)).kpis
        row = rows[code]
        assert row["ghg_2030_t"] == pytest.approx(kpis.ghg_2030_t, abs=1e-3)
        assert row["fossil_fuel_co2_2030_t"] == pytest.approx(kpis.fossil_fuel_co2_2030_t, abs=1e-3)
        assert row["budget_exhausted_year"] == kpis.budget_exhausted_year
    reference = {r["code"]: r for r in _json(capsys, "overview")}
    assert all(rows[c]["ghg_2030_t"] < reference[c]["ghg_2030_t"] for c in rows)


def test_overview_csv_and_bad_settings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["overview", "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(table) == 290 and table[0]["code"] == "0114"
    for bad, message in ((["--set", "nope=3"], "Okänd spak"),
                         (["--set", "el_personbilar=300"], "el_personbilar"),
                         (["--set", "el_personbilar"], "LEVER=VALUE"),
                         (["--emissions-weight", "2", "--budget-principle", "blandning"],
                          "mellan 0 och 1")):
        assert main(["overview", *bad]) == 2
        assert message in capsys.readouterr().err


@pytest.mark.slow
def test_run_works_for_every_code_and_2024_is_the_sum_of_the_shipped_sectors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every municipality through the model; the command line for every 29th (each call
    opens the database for imports: 290 calls took 13-30 s for the same code path)."""
    tables = read_csv_tables()
    ned = tables.ned_ghg
    totals = ned[ned["year"] == 2024].groupby("municipality_code")["ghg_t_co2e"].sum()
    assert len(totals) == 290
    for code, total in totals.items():
        data = build_municipality_data(tables, str(code))
        result = run_scenario(data, reference_levers(data))
        i = list(result.years).index(2024)
        assert result.trajectory.ghg[i].sum() == pytest.approx(total), code
    for code, total in list(totals.items())[::29]:
        assert main(["run", "--municipality", str(code)]) == 0, code
        payload = json.loads(capsys.readouterr().out)
        i = payload["years"].index(2024)
        assert payload["kind"][i] == "statistik"
        assert sum(v[i] for v in payload["sectors"].values()) == pytest.approx(total), code
