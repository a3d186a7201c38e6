"""`python -m model run --uncertainty N [--seed S]`: the key's shape, the seed, and no change
without the flag.

Why: analysts script against the JSON; the issue fixes the key's shape, and a run without
the flag must stay byte-for-byte what it was.
"""

from __future__ import annotations

import json

import pytest

from cli.__main__ import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_uncertainty_key_has_the_issues_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "run", "--uncertainty", "500", "--seed", "4", "--format", "json")
    assert code == 0
    payload = json.loads(out)
    u = payload["uncertainty"]
    assert list(u) == ["draws", "seed", "net", "p_fossil_free_2030", "p_budget_lasts_to_2050",
                       "budget_exhausted_year"]
    assert u["draws"] == 500 and u["seed"] == 4
    assert list(u["net"]) == ["p10", "p25", "p50", "p75", "p90"]
    for values in u["net"].values():
        assert len(values) == len(payload["years"])
    for i, year in enumerate(payload["years"]):
        column = [u["net"][k][i] for k in ("p10", "p25", "p50", "p75", "p90")]
        assert column == sorted(column), year
        if payload["kind"][i] == "statistik":
            assert len(set(column)) == 1 and column[0] == payload["net"][i]
    assert 0.0 <= u["p_fossil_free_2030"] <= 1.0 and 0.0 <= u["p_budget_lasts_to_2050"] <= 1.0
    assert list(u["budget_exhausted_year"]) == ["p10", "p50", "p90"]
    years = [y for y in u["budget_exhausted_year"].values() if y is not None]
    assert years == sorted(years)


def test_same_seed_same_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("run", "--set", "el_personbilar=60", "--uncertainty", "200", "--seed", "9")
    first = json.loads(run(capsys, *argv)[1])["uncertainty"]
    second = json.loads(run(capsys, *argv)[1])["uncertainty"]
    other = json.loads(run(capsys, *argv[:-1], "10")[1])["uncertainty"]
    assert first == second
    assert first["net"] != other["net"]


def test_without_the_flag_the_output_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "run", "--format", "json")
    assert code == 0 and "uncertainty" not in json.loads(out)
    with_flag = json.loads(run(capsys, "run", "--uncertainty", "50")[1])
    del with_flag["uncertainty"]
    assert with_flag == json.loads(out)


@pytest.mark.parametrize(("argv", "message"), [
    (("--uncertainty", "1"), "mellan 2 och"),
    (("--uncertainty", "10", "--format", "csv"), "--format json"),
])
def test_bad_uncertainty_use_says_why(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...],
                                      message: str) -> None:
    code, out, err = run(capsys, "run", *argv)
    assert code != 0 and not out and message in err
