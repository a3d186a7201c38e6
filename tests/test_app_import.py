"""The import page: upload a Länsrapport, see the preview or every problem, import it.

AppTest (Streamlit 1.67) can set a file_uploader's file, so these drive the real page. Every
rejection rule of the importer is also run through the page's handler (check_upload and
problems_frame: what the page's table shows), which is quick; a few go through the page.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import streamlit as st

from model import build_municipality_data, run_reference
from model.imported import with_imports
from presentation.formatting import fmt_number
from smhi import ImportRejected, parse_lansrapport
from store.csv_tables import read_csv_tables
from store.database import build_database
from store.imported import read_imported, store_import
from tests import import_fixtures as ifx
from tests import smhi_fixtures as fx
from tests.apptest_helpers import metric_value, start_app
from ui.import_page import MAX_UPLOAD_MB, check_upload, problems_frame
from ui.shared_cache import clear_all

IMPORT_PAGE = "pages/importera.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REPO_DATA = Path(__file__).resolve().parents[1] / "data"


def _clear_caches() -> None:
    clear_all()  # the app's shared tables (ui/shared_cache.py)
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    """A fresh database per test (imports change it), and no cached tables from before."""
    path = tmp_path / "klimat.duckdb"
    build_database(path, REPO_DATA)
    previous = os.environ.get("KLIMAT_DB")
    os.environ["KLIMAT_DB"] = str(path)
    _clear_caches()
    yield path
    _clear_caches()
    if previous is None:
        os.environ.pop("KLIMAT_DB", None)
    else:
        os.environ["KLIMAT_DB"] = previous


def _imports(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'imports'"
                            ).fetchone()
        if not found or not found[0]:
            return 0
        return int(con.execute("SELECT count(*) FROM imports").fetchone()[0])


def _frame_with(at, column: str) -> pd.DataFrame:
    """The first data grid or static table on the page with this column."""
    frames = [f.value for f in at.dataframe] + [f.value for f in at.table]
    for frame in frames:
        if column in frame.columns:
            return frame
    raise AssertionError(f"no table with column {column!r}: {[list(f.columns) for f in frames]}")


def _open_import_page():
    at = start_app()
    at.switch_page(IMPORT_PAGE).run()
    assert not at.exception, at.exception
    return at


def _upload(at, name: str, content: bytes):
    at.file_uploader(key="import_file").set_value((name, content, XLSX)).run()
    assert not at.exception, at.exception
    return at


# --------------------------------------------------------------------------------------------
# the page


def test_page_explains_what_to_upload(db: Path) -> None:
    at = _open_import_page()
    assert at.title[0].value == "Importera data från SMHI"
    uploader = at.file_uploader(key="import_file")
    assert uploader.allowed_type == [".xlsx"]
    assert uploader.label == f"Länsrapport (.xlsx, högst {MAX_UPLOAD_MB} MB)"
    assert "Växthusgaser totalt" in at.markdown[0].value
    assert any("Inget importerat än" in m.value for m in at.markdown)
    assert "import_button" not in [b.key for b in at.button]  # nothing to import yet


@pytest.mark.slow
def test_upload_previews_then_imports_and_the_municipality_appears(db: Path) -> None:
    at = _open_import_page()
    # All 290 are shipped: the import replaces Kalmar's figures rather than adding Kalmar.
    assert "Kalmar län – Kalmar (0880)" in at.selectbox(key="municipality").options
    _upload(at, "vaxthusgaser.xlsx", ifx.ghg_workbook())
    facts = _frame_with(at, "Uppgift").set_index("Uppgift")["Värde"]
    assert facts["Ämne"] == "Växthusgaser totalt"
    assert facts["Fil"] == "vaxthusgaser.xlsx"
    assert facts["Kommuner"] == "3 av 3 i filen"
    table = _frame_with(at, "Efter importen").set_index("Kommunkod")
    assert table.loc["0880", "Efter importen"].startswith("Ersätter")
    assert table.loc["0780", "Efter importen"].startswith("Ersätter")  # same last year, 2024
    assert table.loc["0880", "Totalt 2024 (t)"] == fmt_number(
        build_municipality_data(read_csv_tables(), "0780").base_ghg.sum() * 0.71, "sv")
    assert _imports(db) == 0  # a preview stores nothing

    # It replaces shipped figures: the changes are shown, and asked for. The fixture gives
    # Växjö and Alvesta their shipped figures (no change) and Kalmar 0.71 × Växjö's (its
    # real, shipped figures differ, by more than the warning limit in some years).
    changes = _frame_with(at, "Efter import (t)")
    same = changes[changes["Kommun"].isin(["Växjö", "Alvesta"])]
    assert set(same["Ändring"]) == {"0,0 %"} and set(same["Obs"]) == {""}
    kalmar = changes[changes["Kommun"] == "Kalmar"]
    assert len(kalmar) and (kalmar["Ändring"] != "0,0 %").all()
    assert at.button(key="import_button").disabled
    at.checkbox(key="import_confirm_replace").check().run()
    at.button(key="import_button").click().run()
    assert not at.exception, at.exception
    assert _imports(db) == 3
    assert at.success[0].value.startswith("Importerat: Växthusgaser totalt för")
    changed = _frame_with(at, "Vad importen ändrade").set_index("Kommunkod")
    assert changed.loc["0880", "Vad importen ändrade"].startswith(
        "växthusgaser ersatta av importens siffror (till 2024); totalt 2024:")
    listed = _frame_with(at, "Används")
    assert set(listed["Kommunkod"]) == {"0764", "0780", "0880"}
    assert any("redan importerad" in i.value for i in at.info)


@pytest.mark.slow
def test_import_one_municipality_then_open_its_scenario(db: Path) -> None:
    at = _open_import_page()
    at.selectbox(key="import_municipality").set_value("0880").run()
    _upload(at, "vaxthusgaser.xlsx", ifx.ghg_workbook())
    sectors = _frame_with(at, "Huvudsektor").set_index("Huvudsektor")
    kalmar_2024 = build_municipality_data(read_csv_tables(), "0780").base_ghg * 0.71
    assert sectors.loc["Transporter", "2024 (t)"] == fmt_number(kalmar_2024[0], "sv")
    assert sectors.loc["Totalt", "2024 (t)"] == fmt_number(kalmar_2024.sum(), "sv")
    # Kalmar ships with its own figures: replacing them must be confirmed.
    at.checkbox(key="import_confirm_replace").check().run()
    at.button(key="import_button").click().run()
    assert _imports(db) == 1
    at.button(key="import_open").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Klimatscenarier för Kalmar"
    assert metric_value(at, "Per invånare 2030") != "saknas"  # SCB's population is shipped
    # BECCS is Växjö's: Kalmar's sidebar says so instead of offering sliders.
    assert any("Ingen känd anläggning för bio-CCS i Kalmar" in c.value for c in at.caption)
    assert "lever_beccs_kt" not in [s.key for s in at.slider]


@pytest.mark.parametrize("name", ["text_in_number", "subsectors_not_summing", "not_xlsx"])
def test_rejections_are_listed_with_row_and_column_and_nothing_is_stored(
    db: Path, tmp_path: Path, name: str
) -> None:
    case = fx.BROKEN[name](tmp_path)
    at = _open_import_page()
    _upload(at, case.path.name, case.path.read_bytes())
    assert at.error[0].value.startswith("Filen kan inte importeras")
    assert "Ingenting har sparats" in at.error[0].value
    problems = _frame_with(at, "Problem")
    first = problems.iloc[0]
    expected_row = pd.NA if case.row is None else case.row
    assert (first["Rad"] is pd.NA and expected_row is pd.NA) or first["Rad"] == expected_row
    assert first["Kolumn"] == (case.column or "")
    # Row and column have their own columns; the text says what is wrong, in Swedish.
    assert not first["Problem"].startswith("Rad ") and first["Problem"][0].isupper()
    assert "import_button" not in [b.key for b in at.button]
    assert _imports(db) == 0


def test_english_page(db: Path) -> None:
    at = start_app()
    at.radio(key="lang").set_value("en").run()
    at.switch_page(IMPORT_PAGE).run()
    assert at.title[0].value == "Import data from SMHI"
    case_bytes = fx.workbook_bytes(fx.build_rows(unit="Enhet: kg/år"))
    _upload(at, "unit.xlsx", case_bytes)
    problems = _frame_with(at, "Problem")
    assert problems.iloc[0]["Problem"].startswith("Unsupported unit 'kg/år'")
    assert (problems.iloc[0]["Row"], problems.iloc[0]["Column"]) == (3, "A")


def test_population_form_is_not_offered_where_scb_has_the_population(db: Path,
                                                                     tmp_path: Path) -> None:
    """Every shipped municipality has SCB's population, so an import of Kalmar asks for none
    (typing one for a municipality without it: tests/test_imported_municipalities.py)."""
    store_import(db, parse_lansrapport(ifx.write_ghg(tmp_path), "0880"), "ghg.xlsx")
    at = _open_import_page()
    assert not at.exception, at.exception
    assert "import_population_municipality" not in [s.key for s in at.selectbox]
    at.selectbox(key="municipality").set_value("0880").run()
    at.switch_page("pages/scenario.py").run()
    kalmar = build_municipality_data(with_imports(read_csv_tables(), read_imported(db)), "0880")
    expected = run_reference(kalmar).kpis.ghg_per_capita_2030_kg / 1000
    assert metric_value(at, "Per invånare 2030") == f"{fmt_number(expected, 'sv', 2)} t CO2e"


# --------------------------------------------------------------------------------------------
# the handler, for every rejection rule


@pytest.mark.parametrize("name", sorted(fx.BROKEN))
def test_every_rejection_rule_reaches_the_page_table(tmp_path: Path, name: str) -> None:
    case = fx.BROKEN[name](tmp_path)
    with pytest.raises(ImportRejected) as info:
        check_upload(case.path.name, case.path.read_bytes(), case.municipality)
    shown = problems_frame(info.value, "sv")
    assert list(shown.columns) == ["Rad", "Kolumn", "Problem"]
    first = shown.iloc[0]
    assert (pd.isna(first["Rad"]) if case.row is None else first["Rad"] == case.row)
    assert first["Kolumn"] == (case.column or "")
    assert all(isinstance(text, str) and text for text in shown["Problem"])
    english = problems_frame(info.value, "en")
    assert list(english.columns) == ["Row", "Column", "Problem"]


def test_too_large_and_wrong_name_are_refused_before_parsing() -> None:
    """Streamlit's uploader already refuses other extensions; the handler checks again."""
    big = b"PK" + b"\0" * (MAX_UPLOAD_MB * 1_000_000 + 1)
    with pytest.raises(ImportRejected) as info:
        check_upload("stor.xlsx", big)
    assert "gränsen är 20 MB" in info.value.problems[0].message_sv
    with pytest.raises(ImportRejected) as info:
        check_upload("rapport.csv", b"a;b")
    assert "ingen .xlsx-fil" in info.value.problems[0].message_sv
