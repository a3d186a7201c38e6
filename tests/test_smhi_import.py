"""Tests for the SMHI Länsrapport importer: every rejection rule, storage, and the real file."""

from __future__ import annotations

import dataclasses
import io
import time
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smhi import (
    MAIN_SECTORS,
    ImportRejected,
    ParsedReport,
    import_lansrapport,
    latest_import,
    normalise_main_sector,
    parse_lansrapport,
    store_report,
)
from smhi.lansrapport import unit_factor
from smhi.municipalities import MUNICIPALITIES, resolve_municipality
from smhi.sectors import normalise_subsector
from tests import smhi_fixtures as fx
from tests.real_lansrapport import REAL_FILE, parsed_real_report


def _rejected(source: object, municipality: str | None = None) -> ImportRejected:
    with pytest.raises(ImportRejected) as info:
        parse_lansrapport(source, municipality)  # type: ignore[arg-type]
    assert info.value.problems, "a rejection must say why"
    return info.value


def _assert_problem_at(exc: ImportRejected, row: int | None, column: str | None) -> str:
    """The first problem is at (row, column) and its Swedish text names both."""
    problem = exc.problems[0]
    assert (problem.row, problem.column) == (row, column), exc.summary_sv()
    if row is not None and column is not None:
        assert problem.message_sv.startswith(f"Rad {row}, kolumn {column}: ")
        assert problem.message_en.startswith(f"Row {row}, column {column}: ")
    elif row is not None:
        assert problem.message_sv.startswith(f"Rad {row}: ")
    elif column is not None:
        assert problem.message_sv.startswith(f"Kolumn {column}: ")
    return problem.message_sv


# --------------------------------------------------------------------------------------------
# names


def test_main_sector_spellings() -> None:
    assert MAIN_SECTORS[3] == "Avfall (inkl. avlopp)"
    for name in MAIN_SECTORS:
        assert normalise_main_sector(name) == name
        assert normalise_main_sector(f"  {name.upper()} ") == name
    assert normalise_main_sector("Avfall (inkl.avlopp)") == "Avfall (inkl. avlopp)"
    assert normalise_main_sector("Egen uppärmning av bostäder och lokaler") == MAIN_SECTORS[5]
    assert normalise_main_sector("Industri (energi+processer)") == MAIN_SECTORS[7]
    assert normalise_main_sector("El\u00a0och fjärrvärme") == "El och fjärrvärme"
    assert normalise_main_sector("Alla") is None
    assert normalise_main_sector("Energiförsörjning") is None  # other boundaries: not mapped
    assert normalise_main_sector("Skogsbruk") is None


def test_subsector_folding() -> None:
    t, m = "Transporter", "Arbetsmaskiner"
    assert normalise_subsector(t, "Personbilar") == "Personbilar"
    assert normalise_subsector(t, "inrikes flygtrafik") == "Inrikes flygtrafik"
    for other in (
        "Mopeder och Motorcyklar",
        "Järnväg",
        "Slitage fran vägbanan",
        "inrikes civil sjöfart (inkl privata fritidsbåtar)",
    ):
        assert normalise_subsector(t, other) == "Övriga"
    assert (
        normalise_subsector(m, "Industri- och byggsektorns arbetsmaskiner (inkl vägarbeten)")
        == "Industri och bygg"
    )
    assert normalise_subsector(m, "Jordbruk och skogsbruk") == "Jord- och skogsbruk"
    assert normalise_subsector(m, "Fiskebåtar") == "Övriga"
    assert normalise_subsector("Jordbruk", "Hastgödsel (lagring, användning och bete)") == (
        "Hästgödsel (lagring, användning och bete)"
    )


def test_municipality_table() -> None:
    assert len(MUNICIPALITIES) == 290
    assert len(set(MUNICIPALITIES.values())) == 290
    assert MUNICIPALITIES["0780"] == "Växjö"
    assert MUNICIPALITIES["0764"] == "Alvesta"
    assert MUNICIPALITIES["0180"] == "Stockholm"
    assert MUNICIPALITIES["2584"] == "Kiruna"
    assert resolve_municipality("780") == ("0780", "Växjö")
    assert resolve_municipality("växjö kommun") == ("0780", "Växjö")
    assert resolve_municipality("Upplands Bro") == ("0139", "Upplands-Bro")
    assert resolve_municipality("Atlantis") is None


@pytest.mark.parametrize(
    ("unit", "factor"),
    [
        ("ton/år", 1.0),
        ("Ton CO2-ekvivalenter/år", 1.0),
        ("kiloton/år", 1000.0),
        ("kton CO2-ekv/år", 1000.0),
        ("kt/år", 1000.0),
        ("kg/år", None),
        ("", None),
    ],
)
def test_unit_factor(unit: str, factor: float | None) -> None:
    assert unit_factor(unit) == factor


# --------------------------------------------------------------------------------------------
# a good file


def test_parse_valid_fixture(tmp_path: Path) -> None:
    report = parse_lansrapport(fx.write_valid(tmp_path))
    assert report.report_name == "Länsrapport, 2024-04-18"
    assert report.report_date == date(2024, 4, 18)
    assert (report.gas, report.unit, report.unit_factor) == ("CO2", "ton/år", 1.0)
    assert report.years == fx.YEARS
    assert [(m.code, m.name) for m in report.municipalities] == [
        ("0764", "Alvesta"),
        ("0780", "Växjö"),
        ("0880", "Kalmar"),
    ]
    main = report.main_sectors
    assert list(main.columns) == ["municipality_code", "municipality", "year", "sector", "value_t"]
    assert list(report.sub_sectors.columns) == [
        "municipality_code",
        "municipality",
        "year",
        "sector",
        "subsector",
        "value_t",
    ]
    assert len(main) == 3 * len(fx.YEARS) * 9
    assert list(main["sector"].iloc[:9]) == list(MAIN_SECTORS)
    v = main.set_index(["municipality_code", "year", "sector"])["value_t"]
    assert v[("0780", 2022, "Transporter")] == 60651 + 19068 + 9595 + 1298 + 612.7 + 3244 + 16.5
    assert v[("0780", 2022, "Avfall (inkl. avlopp)")] == 184
    assert v[("0780", 2022, "Egen uppvärmning av bostäder och lokaler")] == 1597 + 2228

    sub = report.sub_sectors.set_index(["municipality_code", "year", "sector", "subsector"])[
        "value_t"
    ]
    assert sub[("0780", 2022, "Transporter", "Personbilar")] == 60651
    assert sub[("0780", 2022, "Transporter", "Övriga")] == 612.7 + 16.5
    assert sub[("0780", 2022, "Arbetsmaskiner", "Industri och bygg")] == 8132
    assert sub[("0780", 2022, "Arbetsmaskiner", "Övriga")] == 4371
    assert not (report.sub_sectors["sector"] == "El och fjärrvärme").any()
    transport = report.sub_sectors.query(
        "municipality_code == '0780' and year == 2022 and sector == 'Transporter'"
    )
    assert list(transport["subsector"]) == [
        "Personbilar",
        "Tunga lastbilar",
        "Lätta lastbilar",
        "Bussar",
        "Inrikes flygtrafik",
        "Övriga",
    ]
    totals = report.totals().set_index(["municipality_code", "year"])["value_t"]
    assert totals[("0780", 2022)] == pytest.approx(v.loc["0780", 2022].sum())
    assert report.warnings == ()


@pytest.mark.parametrize("who", ["Växjö", "0780", "780", "VÄXJÖ kommun"])
def test_parse_one_municipality(tmp_path: Path, who: str) -> None:
    report = parse_lansrapport(fx.write_valid(tmp_path), who)
    assert [m.code for m in report.municipalities] == ["0780"]
    assert len(report.municipalities_in_file) == 3
    assert set(report.main_sectors["municipality_code"]) == {"0780"}
    assert set(report.sub_sectors["municipality"]) == {"Växjö"}


def test_sources_path_bytes_and_stream(tmp_path: Path) -> None:
    path = fx.write_valid(tmp_path)
    data = path.read_bytes()
    a = parse_lansrapport(str(path), "Alvesta").main_sectors
    b = parse_lansrapport(data, "Alvesta").main_sectors
    with path.open("rb") as stream:
        c = parse_lansrapport(stream, "Alvesta").main_sectors
    d = parse_lansrapport(io.BytesIO(data), "Alvesta").main_sectors
    for other in (b, c, d):
        pd.testing.assert_frame_equal(a, other)


def test_ghg_kiloton_and_sheet_case(tmp_path: Path) -> None:
    co2 = parse_lansrapport(fx.write_valid(tmp_path), "Växjö").main_sectors
    ghg = parse_lansrapport(fx.write_ghg_kiloton(tmp_path), "Växjö")
    assert (ghg.gas, ghg.unit_factor) == ("GHG", 1000.0)
    assert ghg.main_sectors["value_t"].to_numpy() == pytest.approx(co2["value_t"].to_numpy())

    rows = fx.build_rows()
    upper = fx.write_rows(tmp_path / "upper.xlsx", rows, sheet_name="KOLDIOXID (co2)")
    assert parse_lansrapport(upper).gas == "CO2"


def test_workbook_with_both_gases_needs_a_choice(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = fx.write_valid(tmp_path)
    wb = load_workbook(path)
    other = wb.copy_worksheet(wb["Koldioxid (CO2)"])
    other.title = "Växthusgaser totalt"
    other["A2"] = "Emissioner av Växthusgaser totalt"
    wb.save(path)
    exc = _rejected(path)
    assert "välj ämne" in exc.problems[0].message_sv
    assert parse_lansrapport(path, gas="GHG").gas == "GHG"
    assert parse_lansrapport(path, gas="CO2").sheet_name == "Koldioxid (CO2)"


def test_blank_and_dash_read_as_zero(tmp_path: Path) -> None:
    rows = fx.build_rows()
    for kommun in ("Växjö", "Kronobergs län", "Alla"):
        county = "Alla" if kommun == "Alla" else "Kronobergs län"
        kommun_label = "Alla" if kommun == "Kronobergs län" else kommun
        row = fx.find_row(
            rows,
            "Utrikes transporter",
            "Utrikes sjöfart inom Sveriges gränser",
            county,
            kommun_label,
        )
        rows[row - 1][4] = None
        rows[row - 1][5] = "-"
    report = parse_lansrapport(fx.write_rows(tmp_path / "blank.xlsx", rows), "Växjö")
    assert any("2 tomma celler" in w for w in report.warnings)
    sub = report.sub_sectors.query("sector == 'Utrikes transporter'")
    assert (sub["value_t"] == 0).all()


def test_tiny_negative_is_rounding(tmp_path: Path) -> None:
    leaves = fx.default_leaves()
    leaves[("Växjö", "Transporter", "Järnväg")] = (31.5, -0.4, 16.5)
    report = parse_lansrapport(fx.write_rows(tmp_path / "tiny.xlsx", fx.build_rows(leaves)))
    assert any("små negativa" in w for w in report.warnings)
    assert (report.sub_sectors["value_t"] >= 0).all()
    assert (report.main_sectors["value_t"] >= 0).all()


def test_missing_breakdown_is_booked_as_unallocated(tmp_path: Path) -> None:
    """SMHI's own quirk (Avfall 2005, 2018-2021 in the 2024-04-18 release): subs all 0."""
    rows = fx.build_rows()
    for row in rows:
        if row[:1] == ["Avfall (inkl.avlopp)"] and row[1] != "Alla":
            row[6] = 0  # 2022: every sub-sector 0, the main sector still 184 t in Växjö
    report = parse_lansrapport(fx.write_rows(tmp_path / "gap.xlsx", rows), "Växjö")
    assert any("Ej fördelat" in w for w in report.warnings)
    sub = report.sub_sectors.query("sector == 'Avfall (inkl. avlopp)' and year == 2022")
    assert sub.set_index("subsector")["value_t"]["Ej fördelat"] == 184
    assert sub["value_t"].sum() == 184


# --------------------------------------------------------------------------------------------
# one test per rejection rule


def test_reject_wrong_sheet(tmp_path: Path) -> None:
    case = fx.broken_wrong_sheet(tmp_path)
    message = _assert_problem_at(_rejected(case.path), None, None)
    assert "'Blad1'" in message and "Koldioxid (CO2)" in message


def test_reject_wrong_unit(tmp_path: Path) -> None:
    case = fx.broken_wrong_unit(tmp_path)
    message = _assert_problem_at(_rejected(case.path), 3, "A")
    assert "'kg/år'" in message


def test_reject_text_in_number(tmp_path: Path) -> None:
    case = fx.broken_text_in_number(tmp_path)
    message = _assert_problem_at(_rejected(case.path), case.row, "F")
    assert message == f"Rad {case.row}, kolumn F: värdet 'abc' är inte ett tal."


def test_reject_missing_header(tmp_path: Path) -> None:
    case = fx.broken_missing_header(tmp_path)
    message = _assert_problem_at(_rejected(case.path), 6, "A")
    assert "Huvudsektor" in message


def test_reject_wrong_header_column(tmp_path: Path) -> None:
    case = fx.broken_header_column(tmp_path)
    message = _assert_problem_at(_rejected(case.path), 6, "C")
    assert "'Län'" in message and "'Region'" in message


def test_reject_duplicate_year(tmp_path: Path) -> None:
    case = fx.broken_duplicate_year(tmp_path)
    message = _assert_problem_at(_rejected(case.path), 5, "G")
    assert "2015" in message and "kolumn F" in message


def test_reject_implausible_year(tmp_path: Path) -> None:
    case = fx.broken_bad_year(tmp_path)
    message = _assert_problem_at(_rejected(case.path), 5, "F")
    assert "1850" in message


def test_reject_negative_value(tmp_path: Path) -> None:
    case = fx.broken_negative_value(tmp_path)
    message = _assert_problem_at(_rejected(case.path), case.row, "G")
    assert "negativ" in message and "-50" in message


def test_reject_subsectors_not_summing(tmp_path: Path) -> None:
    case = fx.broken_subsectors_not_summing(tmp_path)
    exc = _rejected(case.path)
    message = _assert_problem_at(exc, case.row, "G")
    assert "Transporter" in message and "Växjö" in message and "2022" in message
    assert len(exc.problems) == 1


def test_reject_total_not_summing(tmp_path: Path) -> None:
    case = fx.broken_total_not_summing(tmp_path)
    message = _assert_problem_at(_rejected(case.path), case.row, "E")
    assert "huvudsektorerna i Växjö" in message


def test_reject_unknown_sector(tmp_path: Path) -> None:
    case = fx.broken_unknown_sector(tmp_path)
    exc = _rejected(case.path)
    message = _assert_problem_at(exc, case.row, "A")
    assert "'Skogsbruk'" in message
    assert len(exc.problems) == 1  # reported once, no follow-up sum errors


def test_reject_missing_main_sector(tmp_path: Path) -> None:
    case = fx.broken_missing_main_sector(tmp_path)
    message = _assert_problem_at(_rejected(case.path), None, "A")
    assert "Utrikes transporter" in message and "Alvesta" in message


def test_reject_duplicate_row(tmp_path: Path) -> None:
    case = fx.broken_duplicate_row(tmp_path)
    message = _assert_problem_at(_rejected(case.path), case.row, None)
    assert f"rad {case.row - 1}" in message


def test_reject_missing_municipality(tmp_path: Path) -> None:
    case = fx.broken_missing_municipality(tmp_path)
    message = _assert_problem_at(_rejected(case.path, case.municipality), None, "D")
    assert "Kiruna (2584)" in message and "Växjö" in message


def test_reject_unknown_municipality_request(tmp_path: Path) -> None:
    exc = _rejected(fx.write_valid(tmp_path), "Atlantis")
    assert "'Atlantis'" in exc.problems[0].message_sv


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("empty_file", "tom"),
        ("not_xlsx", "inte en Excel-fil"),
        ("corrupt_zip", "kunde inte läsas"),
        ("empty_workbook", "rubrikraden"),
    ],
)
def test_reject_not_a_lansrapport(tmp_path: Path, name: str, text: str) -> None:
    case = fx.BROKEN[name](tmp_path)
    message = _assert_problem_at(_rejected(case.path), None, None)
    assert text in message


def test_reject_old_xls(tmp_path: Path) -> None:
    exc = _rejected(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert ".xls" in exc.problems[0].message_sv


@pytest.mark.parametrize("name", sorted(fx.BROKEN))
def test_every_broken_fixture_is_rejected_where_it_says(tmp_path: Path, name: str) -> None:
    case = fx.BROKEN[name](tmp_path)
    exc = _rejected(case.path, case.municipality)
    _assert_problem_at(exc, case.row, case.column)
    assert "Filen kunde inte importeras" in str(exc)


# --------------------------------------------------------------------------------------------
# storage


def test_round_trip_duckdb(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    report = parse_lansrapport(fx.write_valid(tmp_path), "Växjö")
    import_id = store_report(con, report, "lansrapport.xlsx")
    con.close()

    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    meta = con.execute("SELECT * FROM imports").df()
    assert list(meta["import_id"]) == [import_id]
    assert meta.loc[0, "municipality_code"] == "0780"
    assert meta.loc[0, "report_date"].date() == date(2024, 4, 18)
    assert meta.loc[0, "gas"] == "CO2"
    found = latest_import(con, "0780", "CO2")
    assert found is not None
    main, sub = found
    assert main.attrs["import_id"] == import_id
    assert main.attrs["file_name"] == "lansrapport.xlsx"
    pd.testing.assert_frame_equal(main, report.main_sectors, check_dtype=False)
    pd.testing.assert_frame_equal(sub, report.sub_sectors, check_dtype=False)
    assert latest_import(con, "0780", "GHG") is None
    assert latest_import(con, "0764", "CO2") is None


def test_store_several_municipalities_and_latest_wins(tmp_path: Path) -> None:
    con = duckdb.connect()
    assert latest_import(con, "0780", "CO2") is None  # no tables yet
    path = fx.write_valid(tmp_path)
    batch = store_report(con, parse_lansrapport(path), "first.xlsx")
    rows = con.execute(
        "SELECT import_id, batch_id, municipality_code FROM imports ORDER BY municipality_code"
    ).fetchall()
    assert rows == [(f"{batch}-{c}", batch, c) for c in ("0764", "0780", "0880")]
    second = import_lansrapport(con, path, "second.xlsx", "Alvesta")
    found = latest_import(con, "Alvesta", "CO2")
    assert found is not None and found[0].attrs["import_id"] == second
    assert found[0].attrs["file_name"] == "second.xlsx"
    found = latest_import(con, "0780", "CO2")
    assert found is not None and found[0].attrs["file_name"] == "first.xlsx"


def test_rejected_file_stores_nothing(tmp_path: Path) -> None:
    con = duckdb.connect()
    store_report(con, parse_lansrapport(fx.write_valid(tmp_path), "Växjö"), "good.xlsx")
    before = con.execute("SELECT count(*) FROM imported_ned_main").fetchone()
    case = fx.broken_subsectors_not_summing(tmp_path)
    with pytest.raises(ImportRejected):
        import_lansrapport(con, case.path, "bad.xlsx", "Växjö")
    assert con.execute("SELECT count(*) FROM imports").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM imported_ned_main").fetchone() == before


def test_store_is_one_transaction(tmp_path: Path) -> None:
    """A failure half-way (duplicate sub-sector rows) leaves no trace, not even the tables."""
    con = duckdb.connect()
    report = parse_lansrapport(fx.write_valid(tmp_path), "Växjö")
    broken = dataclasses.replace(
        report, sub_sectors=pd.concat([report.sub_sectors, report.sub_sectors])
    )
    with pytest.raises(duckdb.Error):
        store_report(con, broken, "x.xlsx")
    assert latest_import(con, "0780", "CO2") is None
    store_report(con, report, "x.xlsx")  # the connection is still usable
    assert latest_import(con, "0780", "CO2") is not None


# --------------------------------------------------------------------------------------------
# property: the parse returns exactly what was written

# Like SMHI's numbers: at most 15 significant digits (openpyxl keeps 16, so they survive).
_value = st.one_of(
    st.integers(min_value=0, max_value=2_000_000).map(float),
    st.floats(min_value=0, max_value=2e6, allow_nan=False, allow_infinity=False).map(
        lambda x: round(x, 6)
    ),
)


@st.composite
def _leaves(draw: st.DrawFn) -> tuple[tuple[int, ...], fx.Leaves]:
    years = tuple(sorted(draw(st.sets(st.integers(1990, 2024), min_size=1, max_size=4))))
    leaves = {key: tuple(draw(_value) for _ in years) for key in fx.leaf_keys()}
    return years, leaves


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_leaves())
def test_parse_returns_the_numbers_written(case: tuple[tuple[int, ...], fx.Leaves]) -> None:
    years, leaves = case
    data = fx.workbook_bytes(fx.build_rows(leaves, years=years))
    report = parse_lansrapport(data)
    assert report.years == years
    main = report.main_sectors.set_index(["municipality", "year", "sector"])["value_t"]
    sub = report.sub_sectors.set_index(["municipality", "year", "sector", "subsector"])
    for _, kommun in fx.PLACES:
        for smhi_main, subs in fx.SMHI_SECTORS.items():
            sector = fx.CANONICAL[smhi_main]
            expected = fx.main_values(leaves, kommun, smhi_main, len(years))
            for j, year in enumerate(years):
                assert main[(kommun, year, sector)] == expected[j]  # exact
            folded: dict[tuple[int, str], float] = {}
            for smhi_sub in subs:
                name = normalise_subsector(sector, smhi_sub)
                for j, year in enumerate(years):
                    folded[(year, name)] = (
                        folded.get((year, name), 0.0) + leaves[(kommun, smhi_main, smhi_sub)][j]
                    )
            for (year, name), value in folded.items():
                got = sub.loc[(kommun, year, sector, name), "value_t"]
                assert got == pytest.approx(value, rel=1e-12, abs=1e-9)
                if sum(normalise_subsector(sector, s) == name for s in subs) == 1:
                    assert got == value  # not summed with anything: exact


# --------------------------------------------------------------------------------------------
# the real export (not in the repository; skipped when absent)


@pytest.fixture(scope="module")
def real_report(tmp_path_factory: pytest.TempPathFactory) -> ParsedReport:
    return parsed_real_report(tmp_path_factory)


@pytest.mark.slow
def test_real_file_all_municipalities(real_report: ParsedReport) -> None:
    report = real_report
    assert report.report_date == date(2024, 4, 18)
    assert report.gas == "CO2"
    assert report.years == (1990, 2000, 2005, 2010, *range(2015, 2023))
    assert {m.code for m in report.municipalities} == set(MUNICIPALITIES)
    main = report.main_sectors
    assert len(main) == 290 * 12 * 9
    assert (main["value_t"] >= 0).all()


def test_real_file_vaxjo_matches_the_brief(real_report: ParsedReport) -> None:
    report = real_report
    totals = report.totals().set_index(["municipality_code", "year"])["value_t"]
    assert totals[("0780", 2022)] == pytest.approx(117_423, abs=1)
    assert totals[("0780", 1990)] == pytest.approx(342_967, abs=1)
    main = report.main_sectors.set_index(["municipality_code", "year", "sector"])["value_t"]
    assert main[("0780", 2022, "Transporter")] == pytest.approx(95_069, abs=1)
    assert main[("0780", 2022, "Arbetsmaskiner")] == pytest.approx(15_927, abs=1)
    assert main[("0780", 2022, "Avfall (inkl. avlopp)")] == pytest.approx(184, abs=1)
    sub = report.sub_sectors.set_index(["municipality_code", "year", "sector", "subsector"])[
        "value_t"
    ]
    assert sub[("0780", 2022, "Transporter", "Personbilar")] == pytest.approx(60_651, abs=1)
    assert sub[("0780", 2022, "Transporter", "Tunga lastbilar")] == pytest.approx(19_068, abs=1)
    assert sub[("0780", 2022, "Transporter", "Övriga")] == pytest.approx(1_212, abs=1)
    assert sub[("0780", 2022, "Arbetsmaskiner", "Industri och bygg")] == pytest.approx(8_132, abs=1)
    assert sub[("0780", 2022, "Arbetsmaskiner", "Jord- och skogsbruk")] == pytest.approx(
        3_423, abs=1
    )
    # SMHI left Avfall without a breakdown in 2019; the importer books it as not allocated.
    assert sub[("0780", 2019, "Avfall (inkl. avlopp)", "Ej fördelat")] == pytest.approx(198, abs=1)


@pytest.mark.serial  # a 20 s parse limit: measured with the machine to itself
def test_real_file_one_municipality_and_store(tmp_path: Path) -> None:
    if not REAL_FILE.exists():
        pytest.skip(f"the real SMHI export is not at {REAL_FILE}")
    start = time.perf_counter()
    report = parse_lansrapport(REAL_FILE, "0780")
    elapsed = time.perf_counter() - start
    assert elapsed < 20, f"parsing took {elapsed:.1f} s"
    con = duckdb.connect()
    store_report(con, report, REAL_FILE.name)
    found = latest_import(con, "Växjö", "CO2")
    assert found is not None
    main, _ = found
    assert main.query("year == 2022")["value_t"].sum() == pytest.approx(117_423, abs=1)
