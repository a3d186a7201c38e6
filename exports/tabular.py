"""CSV and Excel files of a scenario (and of a comparison), as bytes.

CSV is written for the spreadsheet the reader most likely has: in Swedish with semicolons
and decimal commas (what Excel with Swedish settings expects), in English with commas and
points; always UTF-8 with a byte-order mark so that Excel shows å, ä and ö. The Excel file
keeps numbers as numbers and says at the top whose numbers they are.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exports.compare import NamedResult, comparison_frame, figure_rows, lever_rows, rows_frame
from exports.compare import trajectories_frame as compare_trajectories_frame
from exports.tables import (
    ExportInfo,
    key_figures_frame,
    levers_frame,
    sources_frame,
    yearly_frame,
)
from model.scenario import ScenarioResult
from presentation.formatting import fmt_number
from presentation.i18n import t

CSV_DELIMITER = {"sv": ";", "en": ","}
HEADER_FILL = PatternFill("solid", start_color="E4EFEA")
TITLE_FONT = Font(bold=True, size=13)
BOLD = Font(bold=True)
TONNES_FORMAT = "#,##0"
# What makes a spreadsheet read a cell as a formula (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
DECIMAL_FORMAT = "0.0"
INTEGER_FORMAT = "0"


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def csv_cell(value: object, lang: str, decimals: int = 1) -> str:
    """A cell as CSV text: whole numbers without decimals, a decimal comma in Swedish."""
    if _is_missing(value):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or (isinstance(value, float) and float(value).is_integer()):
        return str(int(value))
    if isinstance(value, float):
        text = f"{round(value, decimals):.{decimals}f}"
        return text.replace(".", ",") if lang == "sv" else text
    text = str(value)
    # A spreadsheet would run user text such as '=HYPERLINK(...)' as a formula.
    return "'" + text if text.startswith(FORMULA_START) else text


def frame_csv(frame: pd.DataFrame, lang: str, decimals: int = 1) -> bytes:
    """A DataFrame as CSV bytes (UTF-8 with BOM) in the convention of lang."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER.get(lang, ","), lineterminator="\r\n")
    # Headers too: a comparison's headers are saved scenarios' names, typed by anyone.
    writer.writerow([csv_cell(str(c), lang, decimals) for c in frame.columns])
    for row in frame.itertuples(index=False):
        writer.writerow([csv_cell(_plain(v), lang, decimals) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def _plain(value: object) -> object:
    """numpy scalars as Python numbers (csv and openpyxl want those)."""
    return value.item() if hasattr(value, "item") else value


def _rounded_yearly(result: ScenarioResult, lang: str) -> pd.DataFrame:
    """Yearly tonnes rounded to whole tonnes: the statistics have no decimals either."""
    frame = yearly_frame(result, lang)
    numeric = frame.columns[2:]
    frame[numeric] = frame[numeric].round(0)
    return frame


def yearly_csv(result: ScenarioResult, lang: str) -> bytes:
    """Yearly results by sector (statistics, then scenario), BECCS, net and fossil CO2."""
    return frame_csv(_rounded_yearly(result, lang), lang, decimals=0)


def key_figures_csv(result: ScenarioResult, lang: str) -> bytes:
    """The key figures with their units."""
    return frame_csv(key_figures_frame(result, lang), lang)


# ---------------------------------------------------------------------------------------
# Excel


def _text_cell(cell: Cell) -> Cell:
    """Text stays text: openpyxl makes any string starting with '=' a formula (a saved
    scenario called '=HYPERLINK(...)' would otherwise run in the user's Excel)."""
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def _header_block(sheet: Worksheet, lines: Sequence[str]) -> int:
    """Title lines at the top of a sheet; returns the row where the table starts."""
    for i, line in enumerate(lines, start=1):
        cell = _text_cell(sheet.cell(row=i, column=1, value=line))
        cell.font = TITLE_FONT if i == 1 else Font(italic=i > 2)
    return len(lines) + 2


def _write_table(
    sheet: Worksheet,
    frame: pd.DataFrame,
    start_row: int,
    number_format: str = TONNES_FORMAT,
    row_formats: Sequence[str | None] | None = None,
    column_formats: dict[int, str] | None = None,
) -> None:
    """Header row and data below it; numbers stay numbers with a display format."""
    for j, column in enumerate(frame.columns, start=1):
        cell = _text_cell(sheet.cell(row=start_row, column=j, value=str(column)))
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [min(max(len(str(c)), 8), 40) for c in frame.columns]
    for i, row in enumerate(frame.itertuples(index=False)):
        for j, raw in enumerate(row, start=1):
            value = _plain(raw)
            if _is_missing(value):
                continue
            cell = _text_cell(sheet.cell(row=start_row + 1 + i, column=j, value=value))
            if isinstance(value, int | float) and not isinstance(value, bool):
                row_format = row_formats[i] if row_formats else None
                column_format = (column_formats or {}).get(j - 1)
                cell.number_format = column_format or row_format or number_format
            widths[j - 1] = min(max(widths[j - 1], len(str(value)) + 2), 60)
    for j, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(j)].width = width
    sheet.freeze_panes = sheet.cell(row=start_row + 1, column=1)


def _format_for_unit(unit: str, lang: str) -> str:
    """Display format of a key-figure value by its unit."""
    if unit in (t("exp_unit_year", lang), t("exp_unit_month", lang)):
        return INTEGER_FORMAT
    if unit.startswith("%"):
        return DECIMAL_FORMAT
    return TONNES_FORMAT


def _workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header_lines(result: ScenarioResult, info: ExportInfo, lang: str, scenario_line: str
                  ) -> list[str]:
    budget = result.budget
    return [
        t("exp_xl_title", lang, name=result.data.name, code=result.data.code),
        scenario_line,
        t("exp_xl_data_release", lang, release=info.data_release),
        t("exp_xl_budget", lang, budget=fmt_number(budget.budget_t, lang),
          start=budget.start_year,
          beccs="" if budget.count_beccs else t("exp_xl_beccs_not", lang)),
        t("exp_xl_created", lang, date=info.created.isoformat()),
    ]


def scenario_xlsx(result: ScenarioResult, lang: str, info: ExportInfo) -> bytes:
    """Sheets Utsläpp, Nyckeltal, Spakar and Källor (names in lang), headed by the
    municipality, scenario and data release."""
    header = _header_lines(result, info, lang,
                           t("exp_xl_scenario", lang, scenario=info.scenario_name))
    workbook = Workbook()
    emissions = workbook.active
    emissions.title = t("exp_sheet_emissions", lang)
    yearly = _rounded_yearly(result, lang)
    start = _header_block(emissions, header)
    _write_table(emissions, yearly, start, column_formats={0: INTEGER_FORMAT})
    emissions.column_dimensions["A"].width = 8

    figures_sheet = workbook.create_sheet(t("exp_sheet_key_figures", lang))
    figures = key_figures_frame(result, lang)
    start = _header_block(figures_sheet, header)
    units = figures.iloc[:, 2].tolist()
    _write_table(figures_sheet, figures, start,
                 row_formats=[_format_for_unit(u, lang) for u in units])

    levers_sheet = workbook.create_sheet(t("exp_sheet_levers", lang))
    start = _header_block(levers_sheet, header)
    _write_table(levers_sheet, levers_frame(result, info.sources, lang), start,
                 number_format="General")

    sources_sheet = workbook.create_sheet(t("exp_sheet_sources", lang))
    start = _header_block(sources_sheet, header)
    _write_table(sources_sheet, sources_frame(info.sources, lang), start)
    from exports.uncertainty import add_uncertainty_sheet  # issue 12; it imports this module

    add_uncertainty_sheet(workbook, result, lang, header)
    return _workbook_bytes(workbook)


# ---------------------------------------------------------------------------------------
# A comparison of scenarios


def comparison_csv(named: Sequence[NamedResult], lang: str) -> bytes:
    """Key figures and every lever, one column per scenario."""
    return frame_csv(comparison_frame(named, lang), lang)


def comparison_xlsx(named: Sequence[NamedResult], lang: str, info: ExportInfo) -> bytes:
    """Sheets Nyckeltal, Spakar, Utsläpp and Källor for two to four scenarios."""
    first = named[0].result
    header = _header_lines(first, info, lang, t(
        "exp_xl_scenarios", lang, scenarios=", ".join(n.name for n in named)))
    names = [n.name for n in named]
    workbook = Workbook()
    figures_sheet = workbook.active
    figures_sheet.title = t("exp_sheet_key_figures", lang)
    rows = figure_rows(named, lang, for_export=True)
    start = _header_block(figures_sheet, header)
    _write_table(figures_sheet, rows_frame(rows, names, t("compare_col_figure", lang), lang,
                                           as_text=False), start,
                 row_formats=[_format_for_unit(r.unit, lang) for r in rows])

    levers_sheet = workbook.create_sheet(t("exp_sheet_levers", lang))
    start = _header_block(levers_sheet, header)
    _write_table(levers_sheet, rows_frame(lever_rows(named, lang, only_differing=False), names,
                                          t("compare_col_lever", lang), lang, as_text=False),
                 start, number_format="General")

    emissions = workbook.create_sheet(t("exp_sheet_emissions", lang))
    start = _header_block(emissions, header)
    trajectories = compare_trajectories_frame(named, lang)
    numeric = trajectories.columns[2:]
    trajectories[numeric] = trajectories[numeric].round(0)
    _write_table(emissions, trajectories, start, column_formats={0: INTEGER_FORMAT})

    sources_sheet = workbook.create_sheet(t("exp_sheet_sources", lang))
    start = _header_block(sources_sheet, header)
    _write_table(sources_sheet, sources_frame(info.sources, lang), start)
    return _workbook_bytes(workbook)
