"""Exports parsed back: CSV (csv module), Excel (openpyxl), chart images, the PDF (pypdf)."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest
from pypdf import PdfReader

from exports import (
    NamedResult,
    comparison_csv,
    comparison_xlsx,
    export_info,
    key_figures_csv,
    reference_for,
    scenario_chart,
    scenario_xlsx,
    yearly_csv,
)
from exports.compare import unique_names
from exports.report import font_files, scenario_pdf
from exports.tabular import csv_cell
from model import LEVER_SPECS, build_municipality_data, reference_levers, run_scenario
from model.presets import presets_from_tables
from presentation.formatting import fmt_tonnes
from store.csv_tables import read_csv_tables

CREATED = date(2026, 11, 27)


@pytest.fixture(scope="module")
def tables():
    return read_csv_tables()


@pytest.fixture(scope="module")
def vaxjo(tables):
    return build_municipality_data(tables, "0780")


@pytest.fixture(scope="module")
def scenario(vaxjo):
    """More electric cars and BECCS: a scenario that differs from the reference."""
    return run_scenario(vaxjo, reference_levers(vaxjo).with_values(el_personbilar=70.0,
                                                                   beccs_kt=150.0))


@pytest.fixture(scope="module")
def info(tables):
    return export_info(tables, "0780", "Test <b>scenario</b>", CREATED)


def _csv_rows(data: bytes, delimiter: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so that Excel reads å, ä, ö"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def test_yearly_csv_has_history_and_scenario_in_swedish(scenario, vaxjo) -> None:
    rows = _csv_rows(yearly_csv(scenario, "sv"), ";")
    header, body = rows[0], rows[1:]
    assert header[:3] == ["År", "Typ", "Transporter (t CO2e)"]
    assert "Produktanvändning (t CO2e)" in header and header[-1] == "Fossil CO2 (t CO2)"
    by_year = {int(r[0]): dict(zip(header, r, strict=True)) for r in body}
    assert by_year[1990]["Transporter (t CO2e)"] == "161633"  # NED, data/ned_ghg.csv
    assert by_year[1990]["Typ"] == "Statistik" and by_year[2050]["Typ"] == "Scenario"
    assert min(by_year) == 1990 and max(by_year) == 2050
    beccs_2030 = float(by_year[2030]["BECCS (t CO2)"].replace(",", "."))
    assert beccs_2030 == pytest.approx(-50_000)  # the first of three ramp-up years
    assert float(by_year[2032]["BECCS (t CO2)"].replace(",", ".")) == pytest.approx(-150_000)
    net = float(by_year[2030]["Netto (t CO2e)"])
    total = float(by_year[2030]["Växthusgaser totalt (t CO2e)"])
    assert net == pytest.approx(total + beccs_2030, abs=1.0)
    assert float(by_year[2030]["Fossil CO2 (t CO2)"]) == pytest.approx(
        scenario.kpis.fossil_co2_2030_t, abs=0.5)


def test_key_figures_csv_in_both_languages(scenario) -> None:
    sv = {r[0]: r for r in _csv_rows(key_figures_csv(scenario, "sv"), ";")}
    assert sv["Nyckeltal"] == ["Nyckeltal", "Värde", "Enhet"]
    assert sv["Fossil CO2 2030"][1:] == [str(round(scenario.kpis.fossil_co2_2030_t)), "t CO2"]
    assert sv["Krävd minskning per år från 2025"][1] == "9,1"  # decimal comma in Swedish
    en = {r[0]: r for r in _csv_rows(key_figures_csv(scenario, "en"), ",")}
    assert en["Reduction needed a year from 2025"][1] == "9.1"
    assert en["Key figure"] == ["Key figure", "Value", "Unit"]


def test_csv_cell_formats() -> None:
    assert csv_cell(None, "sv") == "" and csv_cell(float("nan"), "en") == ""
    assert csv_cell(2030, "sv") == "2030" and csv_cell(12.0, "sv") == "12"
    assert csv_cell(-53.25, "sv") == "-53,2" and csv_cell(-53.25, "en") == "-53.2"


def test_excel_sheets_header_and_numbers(scenario, info, vaxjo) -> None:
    book = openpyxl.load_workbook(io.BytesIO(scenario_xlsx(scenario, "sv", info)))
    assert book.sheetnames == ["Utsläpp", "Nyckeltal", "Spakar", "Källor", "Osäkerhet"]
    emissions = book["Utsläpp"]
    assert emissions["A1"].value == "Klimatscenarier: Växjö (0780)"
    assert emissions["A2"].value == "Scenario: Test <b>scenario</b>"  # plain text, as given
    assert "Publicering med data till 2024" in emissions["A3"].value
    header_row = next(r for r in emissions.iter_rows(min_row=1, max_row=12)
                      if r[0].value == "År")
    start = header_row[0].row
    first = [c.value for c in emissions[start + 1]]
    assert first[0] == 1990 and first[2] == 161633
    assert isinstance(first[2], int | float) and emissions.cell(start + 1, 3).data_type == "n"

    figures = {r[0]: r for r in book["Nyckeltal"].iter_rows(values_only=True) if r[0]}
    fossil = figures["Fossil CO2 2030"]
    assert fossil[1] == pytest.approx(round(scenario.kpis.fossil_co2_2030_t))
    assert isinstance(fossil[1], int | float) and fossil[2] == "t CO2"
    assert figures["Budgetens startår"][1] == 2023

    levers = {r[0]: r for r in book["Spakar"].iter_rows(values_only=True) if r[0]}
    assert levers["Spak"][:6] == ("Spak", "Värde", "Referens", "Enhet", "Rådighet", "Källa")
    cars = levers["Elbilarnas andel av nya bilar 2030"]
    assert cars[1] == 70 and cars[2] == pytest.approx(reference_levers(vaxjo).el_personbilar)
    assert cars[6] == "ja"
    assert len([r for r in levers.values() if r[0] != "Spak" and r[1] is not None]) == len(
        LEVER_SPECS)

    sources = [r for r in book["Källor"].iter_rows(values_only=True) if r[0] == "ned_2025"]
    assert sources and sources[0][2] == "SMHI"


def test_excel_in_english(scenario, info) -> None:
    book = openpyxl.load_workbook(io.BytesIO(scenario_xlsx(scenario, "en", info)))
    assert book.sheetnames == ["Emissions", "Key figures", "Levers", "Sources", "Uncertainty"]
    assert book["Emissions"]["A1"].value == "Climate scenarios: Växjö (0780)"


def test_chart_png_and_svg(scenario) -> None:
    reference = reference_for(scenario)
    png = scenario_chart(scenario, "trajectory", "png", "sv", reference)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    svg = scenario_chart(scenario, "budget", "svg", "sv", reference, title="Växjö: budget")
    assert svg.lstrip().startswith(b"<svg") and len(svg) > 1_000
    text = svg.decode("utf-8")
    assert "Växjö: budget" in text
    assert "4\u00a0000" in text  # the Swedish locale: a no-break space between thousands


def _pdf_text(data: bytes) -> tuple[int, str]:
    """Page count and the text with every run of white space (line breaks too) as one space."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.replace("\u00a0", " ").split())


def test_pdf_report_two_pages_in_swedish(scenario, info) -> None:
    pages, text = _pdf_text(scenario_pdf(scenario, "sv", info))
    assert pages == 2
    assert "Klimatscenario för Växjö" in text
    assert "Test <b>scenario</b>" in text
    assert fmt_tonnes(scenario.kpis.fossil_co2_2030_t, "sv").replace("\u00a0", " ") in text
    assert "Källor" in text and "Publicering med data till 2024" in text
    assert "CO₂" in text and "å" in text
    # The verdict's definition stands next to it.
    assert "Så räknas målet: fossilbränslefritt betyder" in text
    assert "BECCS räknas aldrig mot målet" in text
    assert text.index("Elbilarnas andel") < text.index("Biltrafikens förändring")  # changed first


@pytest.mark.slow
def test_pdf_report_stays_two_pages_with_every_lever_changed_in_english(vaxjo, tables) -> None:
    fossil_free = next(p for p in presets_from_tables(tables) if p.id == "fossilfritt_2030")
    result = run_scenario(vaxjo, fossil_free.levers(vaxjo).with_values(
        energieffektivisering=20.0, idisslare=-15.0))
    info = export_info(tables, "0780", "A long scenario name " * 8, CREATED)
    pages, text = _pdf_text(scenario_pdf(result, "en", info))
    assert pages == 2
    assert "Climate scenario for Växjö" in text and "Sources" in text
    assert "Key figures" in text and "About the method" in text


def test_font_is_found() -> None:
    regular, bold = font_files()
    assert regular.name == "DejaVuSans.ttf" and bold.is_file()


def test_comparison_csv_and_excel(vaxjo, tables, info) -> None:
    presets = {p.id: p for p in presets_from_tables(tables)}
    named = [NamedResult("Referens", run_scenario(vaxjo, reference_levers(vaxjo))),
             NamedResult("Referens", run_scenario(vaxjo, presets["fossilfritt_2030"].levers(
                 vaxjo)))]
    rows = _csv_rows(comparison_csv(named, "sv"), ";")
    assert rows[0] == ["Nyckeltal", "Enhet", "Referens", "Referens (2)"]  # names kept apart
    by_label = {r[0]: r for r in rows}
    # Even every lever at its possible end leaves fossil CO2 in 2030 (fleet renewal).
    assert float(by_label["Fossil CO2 2030"][3]) == pytest.approx(
        round(named[1].result.kpis.fossil_co2_2030_t))
    assert by_label["Budgeten tar slut, år"][3] == str(
        named[1].result.kpis.budget_exhausted_year)
    # Issue 12: each scenario's chance of each goal, in per cent.
    for goal in ("Chans: fossilbränslefritt 2030", "Chans: budgeten räcker till 2050"):
        assert by_label[goal][1] == "%"
        assert all(0.0 <= float(v.replace(",", ".")) <= 100.0 for v in by_label[goal][2:])
    assert len(rows) == 1 + 7 + 2 + len(LEVER_SPECS)
    book = openpyxl.load_workbook(io.BytesIO(comparison_xlsx(named, "sv", info)))
    assert book.sheetnames == ["Nyckeltal", "Spakar", "Utsläpp", "Källor"]
    values = {r[0]: r for r in book["Nyckeltal"].iter_rows(values_only=True) if r[0]}
    assert values["Fossil CO2 2030"][2] == pytest.approx(
        round(named[0].result.kpis.fossil_co2_2030_t))


def test_unique_names_avoid_reserved_columns() -> None:
    assert unique_names(["Enhet", "a", "a"], reserved=["Enhet"]) == ["Enhet (2)", "a", "a (2)"]


def test_user_text_never_becomes_a_spreadsheet_formula() -> None:
    """A saved scenario called '=HYPERLINK(...)' stays text in Excel and in CSV."""
    import io

    import openpyxl
    import pandas as pd
    from openpyxl import Workbook

    from exports.tabular import _write_table, csv_cell

    hostile = '=HYPERLINK("http://example.invalid","klicka")'
    workbook = Workbook()
    _write_table(workbook.active, pd.DataFrame({"Namn": [hostile], "t": [1.0]}), 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    cell = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active.cell(row=2, column=1)
    assert cell.data_type == "s" and cell.value == hostile
    assert csv_cell(hostile, "sv") == "'" + hostile
    assert csv_cell("−5 %", "sv") == "−5 %"  # our own Swedish minus sign is not a formula
