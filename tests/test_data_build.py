"""The data build (store/sources.py): the committed data/*.csv are what the raw files give.

Re-derives every derived table from ../shared/data when it is there and fails if a committed
table differs; skips cleanly without the raw files. The shipped-table checks below need no
raw files and always run.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from model.sectors import SECTORS
from store import sources

DATA = Path(__file__).resolve().parents[1] / "data"
RAW = sources.raw_dir_default()
needs_raw = pytest.mark.skipif(
    not (RAW / sources.CODE_LIST).is_file(),
    reason=f"raw files not found in {RAW} (set {sources.RAW_ENV})",
)


@pytest.fixture(scope="module")
def built() -> dict[str, pd.DataFrame]:
    return sources.build_tables(RAW, DATA)


@needs_raw
def test_committed_tables_equal_a_fresh_build(built: dict[str, pd.DataFrame]) -> None:
    assert sources.differing_tables(built, DATA) == []


@needs_raw
def test_all_290_ned_names_map_to_scb_codes(built: dict[str, pd.DataFrame]) -> None:
    codes = sources.read_code_list(RAW)
    ned = built["ned_ghg"]
    assert len(codes) == 290
    assert ned["municipality_code"].nunique() == 290
    assert set(ned["municipality_code"]) == set(codes["municipality_code"])
    # The NED name is SCB's name for the same code (trailing spaces stripped).
    pairs = ned.drop_duplicates("municipality_code").merge(codes, on="municipality_code")
    assert (pairs["municipality_x"] == pairs["municipality_y"]).all()


@needs_raw
def test_a_renamed_municipality_stops_the_build(tmp_path: Path) -> None:
    codes = sources.read_code_list(RAW)
    codes.loc[codes["municipality_code"] == "0780", "municipality"] = "Vaxjo"
    with pytest.raises(sources.BuildError, match="Växjö"):
        sources.read_ned(RAW, codes)


@needs_raw
def test_check_command_passes_and_missing_raw_files_fail_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sources.main(["--check", "--raw", str(RAW)]) == 0
    assert sources.main(["--check", "--raw", str(tmp_path)]) == 1
    assert "Raw file missing" in capsys.readouterr().err


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype={"municipality_code": str, "county_code": str},
                       keep_default_na=False, na_values=[""])


def test_shipped_tables_cover_290_municipalities_with_sources() -> None:
    known_sources = set(_read("sources")["source_id"])
    for name in sources.OUTPUT_TABLES:
        table = _read(name)
        assert table["municipality_code"].nunique() == 290, name
        assert table["municipality_code"].str.fullmatch(r"\d{4}").all(), name
        assert set(table["source_id"]) <= known_sources, name


def test_each_2024_total_is_the_sum_of_its_sectors_in_the_latest_release() -> None:
    ned = _read("ned_ghg")
    latest = ned[ned["year"] == 2024]
    assert set(latest["source_id"]) == {sources.NED_LATEST_SOURCE}
    per_code = latest.groupby("municipality_code")["sector"].apply(set)
    assert (per_code.apply(lambda s: s == set(SECTORS))).all()
    years = ned.groupby("source_id")["year"].unique().apply(lambda y: sorted(int(v) for v in y))
    assert years[sources.NED_PREVIOUS_SOURCE] == list(sources.PREVIOUS_RELEASE_YEARS)


def test_vehicle_fleet_has_the_agreed_shape() -> None:
    fleet = _read("vehicle_fleet")
    assert list(fleet.columns) == ["municipality_code", "vehicle_type", "fuel", "count", "year",
                                   "source_id"]
    cars = fleet[fleet["vehicle_type"] == "personbilar"]
    totals = cars[cars["fuel"] == "alla"].set_index("municipality_code")["count"]
    by_fuel = cars[cars["fuel"] != "alla"].groupby("municipality_code")["count"].sum()
    assert (totals == by_fuel.reindex(totals.index)).all()
    assert totals["0780"] == 45649
    assert set(fleet.loc[fleet["vehicle_type"] != "personbilar", "fuel"]) == {"alla"}
