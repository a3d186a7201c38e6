"""The scenario page's "Exportera" section: download buttons for CSV, Excel, PDF and charts.

Cheap on the rerun path: the section is an expander whose content runs only while it is
open, and every button gets a callable instead of bytes, so a file is built (on Streamlit's
download thread) only when someone clicks it. A lever change thus costs one collapsed
expander, not a PDF.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import streamlit as st

from exports import (
    export_info,
    key_figures_csv,
    scenario_chart,
    scenario_xlsx,
    yearly_csv,
)
from exports.tables import ExportInfo
from model.scenario import ScenarioResult
from presentation.i18n import t
from ui.data_access import load_tables

EXPORT_OPEN_KEY = "export_section_open"
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_MIME = "application/pdf"
IMAGE_MIME = {"png": "image/png", "svg": "image/svg+xml"}


@dataclass(frozen=True)
class Download:
    """One download button: what it says, the file it gives and how to build the bytes."""

    key: str
    label: str
    file_name: str
    mime: str
    build: Callable[[], bytes]
    icon: str = ":material/download:"


def _scenario_pdf(result: ScenarioResult, lang: str, info: ExportInfo,
                  reference: ScenarioResult | None) -> bytes:
    """The PDF report; exports.report (and fpdf, 0.6 s to import) only when one is made."""
    from exports.report import scenario_pdf

    return scenario_pdf(result, lang, info, reference)


def slug(text: str) -> str:
    """ASCII file-name part: 'Växjö' → 'vaxjo'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "scenario"


def scenario_name(result: ScenarioResult, reference: ScenarioResult, lang: str) -> str:
    """'Referens', or 'Eget scenario (n spakar ändrade)'."""
    changed = len(result.levers.differences(reference.levers))
    if not changed:
        return t("export_scenario_reference", lang)
    if changed == 1:
        return t("export_scenario_own_one", lang)
    return t("export_scenario_own", lang, n=changed)


def scenario_downloads(
    result: ScenarioResult, reference: ScenarioResult, lang: str, info: ExportInfo
) -> tuple[Download, ...]:
    """Every download of the section, with builders bound to this run's results."""
    stem = f"{slug(result.data.name)}-{info.created.isoformat()}"
    downloads = [
        Download("export_yearly_csv", t("export_yearly_csv", lang),
                 f"{t('exp_file_yearly', lang)}-{stem}.csv", CSV_MIME,
                 partial(yearly_csv, result, lang), ":material/table:"),
        Download("export_key_figures_csv", t("export_key_figures_csv", lang),
                 f"{t('exp_file_key_figures', lang)}-{stem}.csv", CSV_MIME,
                 partial(key_figures_csv, result, lang), ":material/table:"),
        Download("export_xlsx", t("export_excel", lang),
                 f"{t('exp_file_workbook', lang)}-{stem}.xlsx", XLSX_MIME,
                 partial(scenario_xlsx, result, lang, info), ":material/grid_on:"),
        Download("export_pdf", t("export_pdf", lang),
                 f"{t('exp_file_report', lang)}-{stem}.pdf", PDF_MIME,
                 partial(_scenario_pdf, result, lang, info, reference),
                 ":material/picture_as_pdf:"),
    ]
    # In page order; no fossil chart when nothing fossil is left to draw.
    charts = ["trajectory"] + ([] if result.kpis.fossil_free_2030 else ["fossil"]) + ["budget"]
    for name in charts:
        label = t(f"export_chart_{name}", lang)
        title = f"{result.data.name}: {label} ({info.scenario_name})"
        for fmt in ("png", "svg"):
            downloads.append(Download(
                f"export_{name}_{fmt}", f"{label} ({fmt.upper()})",
                f"{slug(label)}-{stem}.{fmt}", IMAGE_MIME[fmt],
                partial(scenario_chart, result, name, fmt, lang, reference, title),
                ":material/image:"))
    return tuple(downloads)


def export_section(result: ScenarioResult, reference: ScenarioResult, lang: str) -> None:
    """A collapsed "Exportera" expander; its buttons exist only while it is open."""
    expander = st.expander(t("export_heading", lang), icon=":material/download:",
                           key=EXPORT_OPEN_KEY, on_change="rerun")
    if not expander.open:
        return
    info = export_info(load_tables().tables, result.data.code,
                       scenario_name(result, reference, lang))
    downloads = scenario_downloads(result, reference, lang, info)
    with expander:
        st.caption(t("export_intro", lang))
        files = st.container(horizontal=True, gap="small")
        images = st.container(horizontal=True, gap="small")
        for download in downloads:
            target = images if download.mime in IMAGE_MIME.values() else files
            target.download_button(
                download.label, data=download.build, file_name=download.file_name,
                mime=download.mime, key=download.key, icon=download.icon,
                on_click="ignore",
            )
