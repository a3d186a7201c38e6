"""The uncertainty in the exports: an Excel sheet, a paragraph in the PDF report, and the
chances of each goal as rows of the scenario comparison.

The same numbers and sentences as the page (presentation/uncertainty_summary.py), with the markdown
emphasis taken out where the output is not markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from exports.compare import CompareRow, NamedResult
from exports.tables import percent_number
from model.scenario import ScenarioResult
from presentation.formatting import fmt_percent
from presentation.i18n import t
from presentation.uncertainty_summary import export_frame, summary_lines
from store.uncertainty_runs import for_result

if TYPE_CHECKING:
    from openpyxl import Workbook


def plain(text: str) -> str:
    """A sentence without its markdown bold."""
    return text.replace("**", "")


def uncertainty_lines(result: ScenarioResult, lang: str) -> list[str]:
    """The range and the chances as plain sentences, and how they were made."""
    u = for_result(result)
    method = t("unc_caption", lang, n=u.draws, seed=u.seed)
    return [plain(line) for line in summary_lines(u, lang)] + [method]


def add_uncertainty_sheet(workbook: Workbook, result: ScenarioResult, lang: str,
                          header: Sequence[str]) -> None:
    """A sheet 'Osäkerhet': the sentences, then net emissions' percentiles per year."""
    from exports.tabular import INTEGER_FORMAT, _header_block, _write_table

    u = for_result(result)
    sheet = workbook.create_sheet(t("unc_export_sheet", lang))
    lines = [*header, *uncertainty_lines(result, lang),
             t("unc_export_table", lang, n=u.draws)]
    start = _header_block(sheet, lines)
    _write_table(sheet, export_frame(u, lang), start, column_formats={0: INTEGER_FORMAT})


def chance_rows(named: Sequence[NamedResult], lang: str) -> list[CompareRow]:
    """Each scenario's chance of fossil-free 2030 and of the budget lasting to 2050."""
    results = [for_result(n.result) for n in named]
    unit = t("exp_unit_percent", lang)
    return [
        CompareRow(t("compare_chance_fossil", lang), unit,
                   tuple(percent_number(u.p_fossil_free_2030) for u in results),
                   tuple(fmt_percent(u.p_fossil_free_2030, lang, 0) for u in results)),
        CompareRow(t("compare_chance_budget", lang), unit,
                   tuple(percent_number(u.p_budget_lasts_to_2050) for u in results),
                   tuple(fmt_percent(u.p_budget_lasts_to_2050, lang, 0) for u in results)),
    ]
