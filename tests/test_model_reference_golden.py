"""Reproduction test: the reference scenario against stored golden trajectories.

Like FaIR's reproduction test, this pins every number of the reference scenario (each year
from the base year to 2050, each NED sector, GHG and fossil CO2) so that no refactor changes
a result silently. The golden files are tests/golden/reference_<code>.csv.

A change to a golden file is a deliberate, reviewed change: regenerate it only when the model
or the data is meant to change, and say in the commit message why the numbers moved (for
example "NED release 2026 revises 2015–2024" or "machinery now follows the diesel
obligation"). Regenerate from the repository root with

    .venv/bin/python -m tests.test_model_reference_golden --regenerate

and review `git diff tests/golden/` before committing.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
import pytest

from model import SECTORS, build_municipality_data, run_reference
from store.csv_tables import read_csv_tables

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
CODES = ("0780", "0764")  # Växjö, Alvesta
COLUMNS = ("year", "sector", "ghg_t", "fossil_co2_t")
TOLERANCE_T = 0.01


def golden_path(code: str) -> Path:
    """Where the golden trajectory of a municipality lives."""
    return GOLDEN_DIR / f"reference_{code}.csv"


def current_rows(code: str) -> list[tuple[int, str, float, float]]:
    """The reference scenario now: (year, sector, ghg_t, fossil_co2_t), base year to 2050."""
    result = run_reference(build_municipality_data(read_csv_tables(), code))
    trajectory = result.trajectory
    return [
        (
            int(year),
            sector,
            float(trajectory.ghg[i, j]),
            float(trajectory.fossil_co2[i, j]),
        )
        for i, year in enumerate(trajectory.years)
        for j, sector in enumerate(SECTORS)
    ]


def write_golden(code: str) -> Path:
    """Write the golden file for a municipality, rounded to 0.001 t."""
    path = golden_path(code)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for year, sector, ghg, fossil in current_rows(code):
            writer.writerow([year, sector, f"{ghg:.3f}", f"{fossil:.3f}"])
    return path


def read_golden(code: str) -> list[tuple[int, str, float, float]]:
    """The stored golden rows."""
    with golden_path(code).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        return [
            (int(r["year"]), r["sector"], float(r["ghg_t"]), float(r["fossil_co2_t"]))
            for r in reader
        ]


@pytest.mark.parametrize("code", CODES)
def test_reference_matches_golden(code: str) -> None:
    """Every year and sector of the reference within 0.01 t of the golden file."""
    if not golden_path(code).is_file():
        pytest.fail(f"{golden_path(code)} is missing: regenerate it (see the module docstring)")
    golden = read_golden(code)
    now = current_rows(code)
    assert [(y, s) for y, s, _, _ in now] == [(y, s) for y, s, _, _ in golden], (
        "years or sectors differ from the golden file"
    )
    expected = np.array([[g, f] for _, _, g, f in golden])
    actual = np.array([[g, f] for _, _, g, f in now])
    off = np.nonzero(np.abs(actual - expected) > TOLERANCE_T)[0]
    details = [
        f"{now[i][0]} {now[i][1]}: ghg {actual[i, 0]:.3f} vs {expected[i, 0]:.3f}, "
        f"fossil {actual[i, 1]:.3f} vs {expected[i, 1]:.3f}"
        for i in sorted(set(off.tolist()))[:10]
    ]
    assert not details, "reference differs from golden:\n" + "\n".join(details)


def test_golden_files_start_at_the_statistics() -> None:
    """The golden files' first year is NED's base year, so they also pin the data."""
    for code in CODES:
        data = build_municipality_data(read_csv_tables(), code)
        first = [r for r in read_golden(code) if r[0] == data.base_year]
        assert [r[1] for r in first] == list(SECTORS)
        np.testing.assert_allclose([r[2] for r in first], data.base_ghg, atol=0.001)


def main(argv: list[str] | None = None) -> int:
    """`python -m tests.test_model_reference_golden --regenerate` rewrites the golden files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regenerate", action="store_true", help="rewrite the golden files")
    args = parser.parse_args(argv)
    if not args.regenerate:
        parser.print_help()
        return 2
    for code in CODES:
        print(f"wrote {write_golden(code).relative_to(Path.cwd())}")
    print("Review `git diff tests/golden/` and give the reason for the change in the commit.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
