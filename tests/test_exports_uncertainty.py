"""The uncertainty in the exports (issue 12): the PDF report, the Excel workbook and the
comparison page carry the ranges and the chances.

Why: a council paper is often all a committee reads; a range on the screen that is lost in
the report would make the report look surer than the model is.
"""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from pypdf import PdfReader

from exports import export_info, scenario_xlsx
from exports.report import scenario_pdf
from model import build_municipality_data, reference_levers, run_scenario
from store.csv_tables import read_csv_tables
from store.uncertainty_runs import for_result

CREATED = date(2026, 11, 29)


@pytest.fixture(scope="module")
def tables():
    return read_csv_tables()


@pytest.fixture(scope="module")
def scenario(tables):
    data = build_municipality_data(tables, "0780")
    return run_scenario(data, reference_levers(data).with_values(el_personbilar=60.0))


@pytest.fixture(scope="module")
def info(tables):
    return export_info(tables, "0780", "Test", CREATED)


@pytest.mark.slow
def test_pdf_report_has_the_range_and_chances_and_stays_two_pages(scenario, info) -> None:
    reader = PdfReader(io.BytesIO(scenario_pdf(scenario, "sv", info)))
    text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
    assert len(reader.pages) == 2
    assert "Osäkerhet" in text
    assert "Koldioxidbudgeten tar slut" in text
    assert "Chansen att nå fossilbränslefritt 2030" in text
    assert "Chansen att budgeten räcker" in text
    assert "**" not in text


def test_excel_has_an_uncertainty_sheet_with_ordered_percentiles(scenario, info) -> None:
    book = openpyxl.load_workbook(io.BytesIO(scenario_xlsx(scenario, "sv", info)))
    sheet = book["Osäkerhet"]
    rows = [r for r in sheet.iter_rows(values_only=True) if any(v is not None for v in r)]
    texts = [str(r[0]) for r in rows]
    assert any(s.startswith("Koldioxidbudgeten tar slut") for s in texts)
    assert any(s.startswith("Chansen att nå fossilbränslefritt 2030") for s in texts)
    header = next(i for i, r in enumerate(rows) if r[0] == "År")
    table = rows[header + 1:]
    u = for_result(scenario)
    assert len(table) == len(u.years)
    for row in table:
        assert list(row[1:6]) == sorted(row[1:6])
