"""A two-page PDF report of a scenario, for a committee paper.

Page 1: title (municipality, scenario, date, data release), key figures, the trajectory
chart, and the fossil-CO2 and budget charts. Page 2: the levers (those that differ from the
reference first), the sources with their releases and a short note on method.

Text is set in DejaVu Sans, embedded, so å, ä, ö, − and CO₂ print. The layout is placed by
hand with automatic page breaks off; if page 2 would overflow, the whole report is set again
in a smaller size, so the report is always exactly two pages.
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Sequence
from datetime import UTC, datetime, time
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from exports.charts import chart_spec, png_size, render
from exports.tables import ExportInfo, LeverRow, lever_rows, reference_for, source_labels
from exports.uncertainty import uncertainty_lines
from model.paths import reference_levers
from model.scenario import ScenarioResult
from presentation.formatting import fmt_month_year, fmt_number, fmt_percent, fmt_tonnes
from presentation.i18n import t
from presentation.verdict_text import verdict_definition

FONT_FAMILY = "DejaVu"
# Debian's fonts-dejavu-core (CI installs it); matplotlib's copy if that is installed instead.
FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts/dejavu"),
)
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 15.0
CONTENT_W = PAGE_W - 2 * MARGIN
FOOTER_Y = PAGE_H - 10.0
# Body sizes tried in turn until page 2 fits (a long scenario name or many changed levers).
BODY_SIZES = (8.5, 8.0, 7.5, 7.0, 6.5, 6.0)
ACCENT = (27, 127, 90)
# Narrower than on screen, so that axis labels stay legible at the printed size.
REPORT_CHART_WIDTHS = {"trajectory": 640, "fossil": 330, "budget": 330}
GREY = (90, 90, 90)


class ExportError(RuntimeError):
    """An export cannot be made on this machine (e.g. no Unicode font)."""


def _matplotlib_font_dir() -> Path | None:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


def font_files() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold, from the first folder that has both."""
    folders = [*FONT_DIRS]
    extra = _matplotlib_font_dir()
    if extra is not None:
        folders.append(extra)
    for folder in folders:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    raise ExportError(
        "No DejaVu Sans font found (install Debian's fonts-dejavu-core); the PDF needs a "
        "Unicode font for å, ä, ö and CO₂."
    )


class _Report(FPDF):
    """A4 portrait with the footer drawn by hand (so it never adds a page)."""

    def __init__(self, body_size: float) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        regular, bold = font_files()
        self.add_font(FONT_FAMILY, "", str(regular))
        self.add_font(FONT_FAMILY, "B", str(bold))
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.body_size = body_size
        self.line_h = body_size * 0.5

    def body(self, bold: bool = False, size: float | None = None,
             colour: tuple[int, int, int] = (0, 0, 0)) -> None:
        self.set_font(FONT_FAMILY, "B" if bold else "", size or self.body_size)
        self.set_text_color(*colour)

    def heading(self, text: str) -> None:
        self.ln(1.5)
        self.body(bold=True, size=self.body_size + 2.5, colour=ACCENT)
        self.cell(0, self.line_h + 2.5, text, new_x="LMARGIN", new_y="NEXT")
        self.body()

    def paragraph(self, text: str, size: float | None = None,
                  colour: tuple[int, int, int] = (0, 0, 0)) -> None:
        self.body(size=size, colour=colour)
        self.multi_cell(0, (size or self.body_size) * 0.5, text, align="L", new_x="LMARGIN",
                        new_y="NEXT")
        self.body()

    def footer_text(self, left: str, right: str) -> None:
        y = self.get_y()
        self.body(size=7, colour=GREY)
        self.set_xy(MARGIN, FOOTER_Y)
        self.cell(CONTENT_W / 2, 4, left)
        self.cell(CONTENT_W / 2, 4, right, align="R")
        self.set_xy(MARGIN, y)
        self.body()

    def image_fit(self, png: bytes, x: float, y: float, max_w: float, max_h: float) -> float:
        """Place a PNG at its aspect within max_w × max_h; returns the height used."""
        width_px, height_px = png_size(png)
        w = max_w
        h = w * height_px / width_px
        if h > max_h:
            h = max_h
            w = h * width_px / height_px
        self.image(io.BytesIO(png), x=x, y=y, w=w, h=h)
        return h


def _key_figures(result: ScenarioResult, lang: str) -> list[tuple[str, str]]:
    """The figures on page 1, formatted as on the page."""
    k = result.kpis
    verdict = t("exp_yes", lang) if k.fossil_free_2030 else t("exp_no", lang)
    return [
        (t("kpi_fossil_2030", lang), f"{fmt_tonnes(k.fossil_co2_2030_t, lang)} CO₂"),
        (t("exp_kf_fossil_fuel_2030", lang), f"{fmt_tonnes(k.fossil_fuel_co2_2030_t, lang)} CO₂"),
        (t("verdict_heading", lang), verdict),
        (t("exp_kf_fossil_change_1990", lang),
         fmt_percent(k.fossil_co2_change_vs_1990, lang, 0, signed=True)),
        (t("exp_kf_ghg_2030", lang), f"{fmt_tonnes(k.ghg_2030_t, lang)} CO₂e"),
        (t("kpi_change_1990", lang), fmt_percent(k.ghg_change_2030_vs_1990, lang, 0,
                                                  signed=True)),
        (t("kpi_per_capita", lang),
         f"{fmt_number(k.ghg_per_capita_2030_kg / 1000.0, lang, 2)} t CO₂e"),
        (t("exp_kf_net_2030", lang), f"{fmt_tonnes(k.net_2030_t, lang)} CO₂e"),
        (t("exp_kf_net_2050", lang), f"{fmt_tonnes(k.net_2050_t, lang)} CO₂e"),
        (t("kpi_budget_exhausted", lang),
         fmt_month_year(k.budget_exhausted_year, k.budget_exhausted_month, lang,
                        t("not_by_2050", lang))),
        (t("exp_kf_needed_rate", lang, year=k.base_year + 1),
         fmt_percent(k.needed_annual_reduction, lang)),
        (t("kpi_scenario_rate", lang), fmt_percent(k.scenario_annual_reduction, lang)),
        (t("exp_kf_budget_remaining", lang, year=k.base_year + 1),
         f"{fmt_tonnes(max(k.budget_remaining_at_base_t, 0.0), lang)} CO₂e"),
        (t("exp_kf_budget", lang),
         f"{fmt_tonnes(k.budget_t, lang)} CO₂e · {k.budget_start_year}"),
    ]


def _page_one(pdf: _Report, result: ScenarioResult, lang: str, info: ExportInfo,
              images: dict[str, bytes]) -> None:
    pdf.add_page()
    pdf.body(bold=True, size=17, colour=ACCENT)
    pdf.cell(0, 9, t("exp_pdf_title", lang, name=result.data.name), new_x="LMARGIN",
             new_y="NEXT")
    pdf.paragraph(t("exp_pdf_subtitle", lang, scenario=info.scenario_name,
                    date=info.created.isoformat(), release=info.data_release),
                  size=pdf.body_size + 0.5, colour=GREY)
    pdf.heading(t("exp_pdf_key_figures", lang))
    figures = _key_figures(result, lang)
    half = (len(figures) + 1) // 2
    column_w = CONTENT_W / 2
    top = pdf.get_y()
    row_h = pdf.line_h + 1.2
    for column, chunk in enumerate((figures[:half], figures[half:])):
        for i, (label, value) in enumerate(chunk):
            pdf.set_xy(MARGIN + column * column_w, top + i * row_h)
            pdf.body()
            pdf.cell(column_w * 0.62, row_h, label)
            pdf.body(bold=True)
            pdf.cell(column_w * 0.38 - 3, row_h, value)
    pdf.set_xy(MARGIN, top + half * row_h + 2)
    # The verdict's definition stands next to it: what fossil-fuel free counts.
    pdf.paragraph(verdict_definition(result.data, lang), size=pdf.body_size - 1, colour=GREY)

    pdf.heading(t("export_chart_trajectory", lang))
    y = pdf.get_y()
    used = pdf.image_fit(images["trajectory"], MARGIN, y, CONTENT_W, 112)
    pdf.set_xy(MARGIN, y + used + 1)
    pdf.paragraph(t("exp_pdf_trajectory", lang, base_year=result.data.base_year),
                  size=pdf.body_size - 0.5, colour=GREY)

    # Fossil CO2 left in 2030 and the budget, side by side.
    pdf.ln(1)
    y = pdf.get_y()
    half_w = (CONTENT_W - 6) / 2
    room = FOOTER_Y - 3 - y - 2 * pdf.line_h
    pdf.body(bold=True)
    pdf.set_xy(MARGIN, y)
    pdf.multi_cell(half_w, pdf.line_h, t("exp_pdf_fossil_chart", lang), align="L")
    pdf.set_xy(MARGIN + half_w + 6, y)
    k = result.kpis
    pdf.multi_cell(half_w, pdf.line_h, t("exp_pdf_budget_chart", lang,
                                          start=k.budget_start_year,
                                          budget=fmt_number(k.budget_t / 1000.0, lang)),
                   align="L")
    y += 2 * pdf.line_h + 1
    pdf.body()
    if "fossil" in images:
        pdf.image_fit(images["fossil"], MARGIN, y, half_w, room)
    else:
        pdf.set_xy(MARGIN, y + 4)
        pdf.multi_cell(half_w, pdf.line_h, t("exp_pdf_fossil_free", lang), align="L")
    pdf.image_fit(images["budget"], MARGIN + half_w + 6, y, half_w, room)
    pdf.footer_text(t("app_title", lang), t("exp_pdf_page", lang, page=1))


def _lever_table(pdf: _Report, rows: Sequence[LeverRow], lang: str) -> None:
    headings = (t("col_lever", lang), t("col_value", lang), t("col_reference", lang),
                t("col_control", lang))
    grey_fill = (228, 239, 234)
    with pdf.table(
        col_widths=(78, 28, 28, 46),
        text_align=("LEFT", "RIGHT", "RIGHT", "LEFT"),
        line_height=pdf.line_h + 0.6,
        headings_style=FontFace(emphasis="BOLD", fill_color=grey_fill),
        borders_layout="HORIZONTAL_LINES",
        padding=(0.6, 1.5),
        first_row_as_headings=True,
    ) as table:
        table.row(headings)
        for row in rows:
            style = FontFace(emphasis="BOLD") if row.changed else None
            table.row((row.label, row.value_text(lang), row.reference_text(lang), row.control),
                      style=style)


def _page_two(pdf: _Report, result: ScenarioResult, lang: str, info: ExportInfo) -> None:
    pdf.add_page()
    pdf.heading(t("exp_pdf_levers", lang))
    pdf.paragraph(t("exp_pdf_levers_note", lang), colour=GREY)
    pdf.ln(1)
    rows = lever_rows(result.levers, reference_levers(result.data), info.sources, lang)
    ordered = [r for r in rows if r.changed] + [r for r in rows if not r.changed]
    pdf.body()
    _lever_table(pdf, ordered, lang)

    pdf.heading(t("exp_pdf_sources", lang))
    labels = source_labels(info.used_sources(), lang)
    for source_id, label in labels.items():
        pdf.paragraph(f"• {label} [{source_id}]", size=pdf.body_size - 0.5)

    pdf.heading(t("unc_export_heading", lang))  # issue 12: the ranges and chances
    for line in uncertainty_lines(result, lang):
        pdf.paragraph(line)

    pdf.heading(t("exp_pdf_method", lang))
    k = result.kpis
    pdf.paragraph(t("exp_pdf_method_text", lang, base_year=k.base_year,
                    next_year=k.base_year + 1))
    pdf.footer_text(t("app_title", lang), t("exp_pdf_page", lang, page=2))


def _render(result: ScenarioResult, lang: str, info: ExportInfo, images: dict[str, bytes],
            body_size: float) -> tuple[bytes, bool]:
    """The report at one body size, and whether page 2 fitted."""
    pdf = _Report(body_size)
    pdf.set_title(t("exp_pdf_title", lang, name=result.data.name))
    pdf.set_author(t("app_title", lang))
    # The report's date, not the clock: the same scenario on the same day gives the same file.
    pdf.set_creation_date(datetime.combine(info.created, time(), tzinfo=UTC))
    _page_one(pdf, result, lang, info, images)
    _page_two(pdf, result, lang, info)
    fits = pdf.page_no() == 2 and pdf.get_y() <= FOOTER_Y - 2
    return bytes(pdf.output()), fits


def report_images(result: ScenarioResult, lang: str,
                  reference: ScenarioResult | None = None) -> dict[str, bytes]:
    """The PNG charts the report shows (the fossil chart only if fossil CO2 is left)."""
    reference = reference or reference_for(result)
    names = ["trajectory", "budget"] + ([] if result.kpis.fossil_free_2030 else ["fossil"])
    images = {}
    for name in names:
        spec = chart_spec(result, name, lang, reference, width=REPORT_CHART_WIDTHS[name])
        spec.pop("title", None)  # the report sets its own heading above each chart
        images[name] = render(spec, "png")
    return images


def scenario_pdf(result: ScenarioResult, lang: str, info: ExportInfo,
                 reference: ScenarioResult | None = None) -> bytes:
    """The two-page report in lang."""
    images = report_images(result, lang, reference)
    for size in BODY_SIZES:
        report, fits = _render(result, lang, info, images, size)
        if fits:
            return report
    return report  # the smallest size; still two pages, text may reach the footer
