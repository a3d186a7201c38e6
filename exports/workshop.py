"""A workshop's submissions as CSV and Excel: every version, its key figures and its levers.

Participant and scenario names are whatever people typed in the room, so they are written
as text only: in Excel every text cell is a string cell (a name like ``=HYPERLINK(...)``
never becomes a formula), and in CSV a text beginning with = + - @ or a tab gets a leading
apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pandas as pd
from openpyxl import Workbook

from exports.tables import percent_number, unit_label, whole_number
from exports.tabular import (
    FORMULA_START,
    _header_block,
    _workbook_bytes,
    _write_table,
    frame_csv,
)
from model.levers import LEVER_SPECS
from model.scenario import ScenarioResult
from presentation.i18n import t
from store.workshops import Submission, Workshop

LOCAL_TIME = ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class SubmissionResult:
    """A submission and its model result (None when its municipality cannot be run)."""

    submission: Submission
    result: ScenarioResult | None


def local_time(value: datetime) -> datetime:
    """A stored UTC time (without zone) in Swedish local time, without zone."""
    return value.replace(tzinfo=UTC).astimezone(LOCAL_TIME).replace(tzinfo=None)


def submissions_frame(rows: Sequence[SubmissionResult], names: Mapping[str, str], lang: str
                      ) -> pd.DataFrame:
    """One row per submission (every version): who, what, when, key figures, every lever."""
    columns: dict[str, list[object]] = {
        t("ws_col_participant", lang): [r.submission.participant for r in rows],
        t("ws_col_scenario", lang): [r.submission.scenario_name for r in rows],
        t("ws_col_version", lang): [r.submission.version for r in rows],
        t("ws_col_submitted", lang): [local_time(r.submission.submitted_at)
                                      .strftime("%Y-%m-%d %H:%M:%S") for r in rows],
        t("ws_col_municipality_code", lang): [r.submission.municipality_code for r in rows],
        t("ws_col_municipality", lang): [names.get(r.submission.municipality_code, "")
                                         for r in rows],
        t("ws_col_hidden", lang): [t("ws_hidden_yes", lang) if r.submission.hidden else ""
                                   for r in rows],
    }
    kpis = [r.result.kpis if r.result is not None else None for r in rows]
    columns[t("ws_exp_fossil_2030", lang)] = [
        whole_number(k.fossil_co2_2030_t) if k else None for k in kpis]
    columns[t("ws_exp_budget_year", lang)] = [
        (k.budget_exhausted_year or t("not_by_2050", lang)) if k else None for k in kpis]
    columns[t("ws_exp_budget_month", lang)] = [k.budget_exhausted_month if k else None
                                               for k in kpis]
    columns[t("ws_exp_needed_rate", lang)] = [
        percent_number(k.needed_annual_reduction) if k else None for k in kpis]
    columns[t("ws_exp_change_1990", lang)] = [
        percent_number(k.ghg_change_2030_vs_1990) if k else None for k in kpis]
    for spec in LEVER_SPECS:
        columns[f"{spec.label(lang)} ({unit_label(spec.unit, lang)})"] = [
            r.submission.levers.get(spec.id) for r in rows]
    return pd.DataFrame(columns)


def _text_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def submissions_csv(frame: pd.DataFrame, lang: str) -> bytes:
    """The frame as CSV in the convention of lang, text cells safe from formula injection."""
    safe = frame.copy()
    for column in safe.columns:
        safe[column] = safe[column].map(_text_safe)  # only text changes
    safe.columns = [str(_text_safe(str(c))) for c in safe.columns]
    return frame_csv(safe, lang)


def submissions_xlsx(frame: pd.DataFrame, workshop: Workshop, lang: str,
                     created: datetime) -> bytes:
    """One sheet headed by the workshop; every text a string cell, numbers as numbers."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("ws_sheet", lang)
    start = _header_block(sheet, [
        t("ws_xl_title", lang, code=workshop.code),
        workshop.name,
        t("ws_xl_created", lang, time=created.strftime("%Y-%m-%d %H:%M")),
    ])
    _write_table(sheet, frame, start, number_format="General")
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"  # a name that looks like a formula stays a name
    return _workbook_bytes(workbook)
