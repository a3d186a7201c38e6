"""The command line (`python -m model run|levers`): output shapes and usage errors.

Why: analysts script against the JSON and CSV, so their shape is a contract; and a typo in
--set must stop with a message that says what was wrong, not a traceback or a silent
reference run.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.__main__ import main
from model import LEVER_SPECS, SECTORS

REPO_ROOT = Path(__file__).resolve().parents[1]
SPEC_KPIS = (
    "fossil_co2_2030_t",
    "budget_exhausted_year",
    "needed_annual_reduction",
    "budget_used_to_2024_t",
)
LEVER_FIELDS = ("id", "label", "unit", "min", "max", "reference", "sector", "control")


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process: exit code, stdout, stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    """`run --format json` with extra arguments, parsed."""
    code, out, err = run_cli(capsys, "run", "--format", "json", *argv)
    assert code == 0, err
    payload = json.loads(out)
    assert isinstance(payload, dict)
    return payload


def assert_run_shape(payload: dict[str, object]) -> None:
    """The spec's shape: years, sectors by NED name, beccs, kpis; equal list lengths."""
    years = payload["years"]
    assert isinstance(years, list) and years
    assert all(isinstance(y, int) for y in years)
    assert years == sorted(set(years))
    assert years[0] == 1990 and years[-1] == 2050
    assert {2023, 2024, 2025, 2030} <= set(years)  # history and scenario together

    sectors = payload["sectors"]
    assert isinstance(sectors, dict)
    assert list(sectors) == list(SECTORS)
    for name, values in sectors.items():
        assert isinstance(values, list) and len(values) == len(years), name
        assert all(isinstance(v, int | float) and v >= 0 for v in values), name

    beccs = payload["beccs"]
    assert isinstance(beccs, list) and len(beccs) == len(years)
    assert all(isinstance(v, int | float) and v <= 0 for v in beccs)

    kpis = payload["kpis"]
    assert isinstance(kpis, dict)
    assert set(SPEC_KPIS) <= set(kpis)
    assert isinstance(kpis["fossil_co2_2030_t"], float)
    exhausted = kpis["budget_exhausted_year"]
    assert exhausted is None or (isinstance(exhausted, int) and 2015 <= exhausted <= 2050)
    rate = kpis["needed_annual_reduction"]
    assert isinstance(rate, float) and 0.0 <= rate <= 1.0  # a fraction, not per cent
    assert isinstance(kpis["budget_used_to_2024_t"], float)


# ----------------------------------------------------------------------------------------
# run


def test_run_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """The reference run has the spec's shape and the statistics in the history years."""
    payload = run_json(capsys)
    assert_run_shape(payload)
    years = payload["years"]
    sectors = payload["sectors"]
    assert isinstance(years, list) and isinstance(sectors, dict)
    at_2024 = years.index(2024)
    assert sectors["Transporter"][at_2024] == 120_840
    assert sum(values[years.index(2023)] for values in sectors.values()) == 196_927
    kpis = payload["kpis"]
    assert isinstance(kpis, dict)
    assert kpis["budget_used_to_2024_t"] == pytest.approx(421_090.0)
    assert kpis["needed_annual_reduction"] == pytest.approx(0.0914, abs=5e-4)


@pytest.mark.slow
def test_run_json_as_a_subprocess() -> None:
    """`python -m model run --format json` works from a shell, exit code 0, valid JSON."""
    completed = subprocess.run(
        [sys.executable, "-m", "model", "run", "--format", "json"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    payload = json.loads(completed.stdout)
    assert_run_shape(payload)


def test_budget_exhausted_year_is_null_when_not_exhausted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A budget far beyond 2050's cumulative emissions: null, not a sentinel year."""
    payload = run_json(capsys, "--budget", "900000000")
    kpis = payload["kpis"]
    assert isinstance(kpis, dict)
    assert kpis["budget_exhausted_year"] is None


def test_set_more_electric_cars_lowers_fossil_co2_2030(capsys: pytest.CaptureFixture[str]) -> None:
    """--set el_personbilar=80 cuts 2030's fossil CO2 below the reference."""
    reference = run_json(capsys)["kpis"]
    electric = run_json(capsys, "--set", "el_personbilar=80")["kpis"]
    assert isinstance(reference, dict) and isinstance(electric, dict)
    assert electric["fossil_co2_2030_t"] < reference["fossil_co2_2030_t"]


def test_set_accepts_several_levers_and_a_decimal_comma(capsys: pytest.CaptureFixture[str]) -> None:
    """Repeated --set, and Swedish '12,5' for 12.5."""
    payload = run_json(
        capsys, "--set", "el_personbilar=12,5", "--set", "beccs_kt=100", "--set", "beccs_start=2030"
    )
    levers = payload["levers"]
    assert isinstance(levers, dict)
    assert levers["el_personbilar"] == 12.5
    beccs = payload["beccs"]
    years = payload["years"]
    assert isinstance(beccs, list) and isinstance(years, list)
    # Capture ramps up over three years from the start year.
    assert beccs[years.index(2030)] == pytest.approx(-100_000 / 3, abs=0.001)
    assert beccs[years.index(2032)] == -100_000
    assert beccs[years.index(2029)] == 0


def test_run_csv_parses(capsys: pytest.CaptureFixture[str]) -> None:
    """--format csv: a yearly block with every sector, then a kpi block; both parse."""
    code, out, err = run_cli(capsys, "run", "--format", "csv")
    assert code == 0, err
    yearly, _, kpi_block = out.partition("\n\n")
    rows = list(csv.DictReader(io.StringIO(yearly)))
    assert rows
    assert set(SECTORS) <= set(rows[0])
    assert [int(r["year"]) for r in rows][0] == 1990
    assert int(rows[-1]["year"]) == 2050
    for row in rows:
        for sector in SECTORS:
            assert float(row[sector]) >= 0
    kpis = {r["kpi"]: r["value"] for r in csv.DictReader(io.StringIO(kpi_block))}
    assert set(SPEC_KPIS) <= set(kpis)
    assert float(kpis["fossil_co2_2030_t"]) > 0


@pytest.mark.parametrize("code", ["0764", "764"])
def test_run_other_municipality(capsys: pytest.CaptureFixture[str], code: str) -> None:
    """Alvesta runs with the same shape, also when the leading zero is dropped."""
    payload = run_json(capsys, "--municipality", code)
    assert_run_shape(payload)
    municipality = payload["municipality"]
    assert isinstance(municipality, dict) and municipality["code"] == "0764"


# ----------------------------------------------------------------------------------------
# levers


def test_levers_json(capsys: pytest.CaptureFixture[str]) -> None:
    """Every lever once, with id, label, unit, min, max, reference, sector and control."""
    code, out, err = run_cli(capsys, "levers", "--format", "json")
    assert code == 0, err
    levers = json.loads(out)
    assert [lever["id"] for lever in levers] == [spec.id for spec in LEVER_SPECS]
    for lever in levers:
        assert set(LEVER_FIELDS) <= set(lever), lever["id"]
        assert isinstance(lever["label"], str) and lever["label"]
        assert lever["min"] <= lever["reference"] <= lever["max"], lever["id"]
        assert lever["control"] in {"kommun", "region", "stat_eu", "naringsliv_hushall", "delad"}
        assert lever["sector"] in (*SECTORS, "BECCS")


def test_levers_csv_parses(capsys: pytest.CaptureFixture[str]) -> None:
    """The lever list as CSV has the same ids and fields."""
    code, out, err = run_cli(capsys, "levers", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == [spec.id for spec in LEVER_SPECS]
    assert set(LEVER_FIELDS) <= set(rows[0])


# ----------------------------------------------------------------------------------------
# Usage errors


@pytest.mark.parametrize(
    ("setting", "must_mention"),
    [
        ("bilar=50", "bilar"),  # unknown lever
        ("el_personbilar=150", "el_personbilar"),  # out of range
        ("trafik_personbilar=-41", "trafik_personbilar"),  # out of range below
        ("el_personbilar=mycket", "mycket"),  # garbage value
        ("el_personbilar=nan", "el_personbilar"),  # not a usable number
        ("el_personbilar=", "el_personbilar"),  # empty value
        ("el_personbilar", "el_personbilar"),  # missing '='
    ],
)
def test_bad_set_exits_non_zero_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], setting: str, must_mention: str
) -> None:
    """Each bad --set stops with exit code ≠ 0, nothing on stdout, one readable line on
    stderr naming the culprit, and no traceback."""
    code, out, err = run_cli(capsys, "run", "--set", setting)
    assert code != 0
    assert out == ""
    assert must_mention in err
    assert "Traceback" not in err
    assert err.strip() and len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_bad_set_as_a_subprocess() -> None:
    """From a shell too: non-zero exit and the message on stderr."""
    completed = subprocess.run(
        [sys.executable, "-m", "model", "run", "--set", "el_personbilar=150"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode != 0
    assert completed.stdout == ""
    assert "el_personbilar" in completed.stderr
    assert "Traceback" not in completed.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ("run", "--budget-start", "2014"),
        ("run", "--budget", "-5"),
        ("run", "--municipality", "9999"),
    ],
)
def test_bad_settings_exit_non_zero(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    """Budget out of range or an unknown municipality: a message, not a traceback."""
    code, out, err = run_cli(capsys, *argv)
    assert code != 0
    assert out == ""
    assert err.strip() and "Traceback" not in err


def test_unknown_format_is_an_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse rejects formats it does not know (exit code 2)."""
    with pytest.raises(SystemExit) as excinfo:
        main(["run", "--format", "xml"])
    assert excinfo.value.code == 2
    assert "xml" in capsys.readouterr().err
