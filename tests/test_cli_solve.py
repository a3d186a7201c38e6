"""`python -m model solve`: the JSON contract and usage errors.

Why: analysts script against {"reached", "verdict", "levers", "kpis", ...}; the key
figures must be the
same as `python -m model run` gives for the returned levers, and a typo in --lock must stop
with a message, not a traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli.__main__ import main
from model import LEVER_SPECS

REPO_ROOT = Path(__file__).resolve().parents[1]


def solve_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    code = main(["solve", "--format", "json", *argv])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def run_json(capsys: pytest.CaptureFixture[str], levers: dict[str, float]) -> dict[str, object]:
    sets = [arg for k, v in levers.items() for arg in ("--set", f"{k}={v}")]
    code = main(["run", "--format", "json", *sets])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def test_fossil_free_answer_has_the_contract_shape_and_run_agrees(capsys) -> None:
    payload = solve_json(capsys, "--goal", "fossil-free-2030")
    assert list(payload) == ["reached", "verdict", "verdict_en", "levers", "moved",
                             "remaining_by_sector", "kpis"]
    assert payload["reached"] is False  # not possible by 2030: the answer says so
    assert payload["verdict"].startswith("Fossilbränslefritt 2030 nås inte med möjliga spakar")
    assert list(payload["levers"]) == [s.id for s in LEVER_SPECS]
    kpis = payload["kpis"]
    assert kpis["fossil_free_2030"] is False
    remaining = payload["remaining_by_sector"]
    assert sum(remaining.values()) == pytest.approx(kpis["fossil_fuel_co2_2030_t"], abs=5)
    # The same key figures as `run` gives for the returned (best possible) levers.
    assert run_json(capsys, payload["levers"])["kpis"] == kpis


def test_locks_and_start_settings_are_respected(capsys) -> None:
    payload = solve_json(capsys, "--goal", "fossil-free-2030", "--set", "el_personbilar=50",
                         "--lock", "reduktionsplikt_bensin", "--lock", "reduktionsplikt_diesel")
    assert payload["reached"] is False  # other transport needs the obligation
    levers = payload["levers"]
    assert levers["reduktionsplikt_bensin"] == 10 and levers["reduktionsplikt_diesel"] == 10
    assert levers["el_personbilar"] >= 50
    assert payload["kpis"]["fossil_fuel_co2_2030_t"] > 1  # how close it gets


def test_budget_goal_with_budget_settings(capsys) -> None:
    payload = solve_json(capsys, "--goal", "budget", "--budget", "3000000",
                         "--budget-start", "2023")
    assert payload["reached"] is True
    assert payload["kpis"]["budget_exhausted_year"] is None
    assert payload["kpis"]["budget_t"] == 3_000_000


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--goal", "fossil-free-2030", "--lock", "no_such_lever"], "no_such_lever"),
        (["--goal", "fossil-free-2030", "--set", "el_personbilar=150"], "el_personbilar"),
        (["--goal", "budget", "--budget-start", "1999"], "startår"),
    ],
)
def test_bad_input_is_a_clear_error(capsys, argv: list[str], message: str) -> None:
    code = main(["solve", *argv])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert message in captured.err and "Traceback" not in captured.err


def test_unknown_goal_is_rejected_by_the_parser(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["solve", "--goal", "net-zero"])
    assert "fossil-free-2030" in capsys.readouterr().err


def test_python_m_model_solve_runs() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "model", "solve", "--goal", "budget", "--format", "json"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["reached"] is True
