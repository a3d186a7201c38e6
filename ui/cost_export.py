"""The climate investment plan as an Excel workbook (bytes, no Streamlit: testable alone)."""

from __future__ import annotations

import io
import math

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from model.costs import CASES, PAYERS, CostPlan
from model.levers import LEVER_SPECS, LEVERS_BY_ID, Levers
from presentation.i18n import t
from ui.decision_charts import measure_label, payer_label

_MONEY = "#,##0"


def _sheet(workbook: Workbook, title: str, header: list[str], rows: list[list[object]]) -> None:
    sheet = workbook.create_sheet(title[:31])
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column in range(1, len(header) + 1):
        width = max(len(str(header[column - 1])), *(len(f"{r[column - 1]}") for r in rows)) \
            if rows else len(str(header[column - 1]))
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 10), 60)
        for cells in sheet.iter_cols(min_col=column, max_col=column, min_row=2):
            for cell in cells:
                if isinstance(cell.value, float):
                    cell.number_format = _MONEY
    sheet.freeze_panes = "A2"


def plan_workbook(plan: CostPlan, levers: Levers, reference: Levers, name: str, lang: str,
                  sources: dict[str, str]) -> bytes:
    """Summary, investments by payer and year, operating costs, measures, the cost curve and
    the unit costs with sources, for all three cost levels."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    first = int(plan.years[0])
    cases = {case: t(f"dec_case_{case}", lang) for case in CASES}

    summary: list[list[object]] = [[t("xl_note", lang), ""]]
    for case in CASES:
        per_tonne = plan.cost_per_tonne(case)
        summary.append([f"{t('xl_case', lang)}: {cases[case]}", ""])
        summary.append([t("dec_metric_investment", lang, first=first),
                        float(plan.investment[CASES.index(case)].sum())])
        summary.append([t("xl_operating_sek", lang) + f" {first}–2035",
                        float(plan.operating[CASES.index(case)].sum())])
        summary.append([t("xl_cost_per_tonne", lang),
                        float(per_tonne) if per_tonne is not None else "–"])
    summary.append([t("xl_reduced_t", lang, first=first), float(plan.total_reduced_t())])
    summary.append(["", ""])
    summary.append([t("xl_levers", lang), ""])
    for lever_id, (now, ref) in levers.differences(reference).items():
        spec = LEVERS_BY_ID[lever_id]
        summary.append([spec.label(lang), f"{now:g} {spec.unit} (ref. {ref:g})"])
    _sheet(workbook, t("xl_sheet_summary", lang), [t("xl_title", lang, name=name), ""], summary)

    payer_names = [payer_label(p, lang) for p in PAYERS]
    rows = []
    for case in CASES:
        frame = plan.investment_by_payer(case)
        wide = frame.pivot(index="year", columns="payer", values="investment_sek")
        for year, values in wide.iterrows():
            amounts = [float(values[p]) for p in PAYERS]
            rows.append([cases[case], int(year), *amounts, float(sum(amounts))])
    _sheet(workbook, t("xl_sheet_investments", lang),
           [t("xl_case", lang), t("dec_col_year", lang), *payer_names, t("xl_total", lang)], rows)

    # The whole plan: every lever's investments and operating costs per year, by payer.
    items = {item.item_id: item for item in plan.items}
    years = [int(y) for y in plan.years]
    rows = []
    for case in CASES:
        frame = plan.by_item_and_payer(case)
        for (item_id, payer), group in frame.groupby(["item_id", "payer"], sort=False):
            item = items[item_id]
            by_year = dict(zip(group["year"].astype(int), group["sek"], strict=True))
            rows.append([cases[case], measure_label(item.lever_id, lang), item.label(lang),
                         t(f"dec_kind_{item.kind}", lang), payer_label(payer, lang),
                         *[float(by_year.get(y, 0.0)) for y in years]])
    _sheet(workbook, t("xl_sheet_plan", lang),
           [t("xl_case", lang), t("dec_col_lever", lang), t("dec_col_item", lang),
            t("dec_col_kind", lang), t("dec_payer", lang), *[str(y) for y in years]], rows)

    rows = []
    for case in CASES:
        for record in plan.per_measure(case).to_dict("records"):
            rows.append([cases[case], measure_label(record["lever_id"], lang),
                         float(record["investment_sek"]), float(record["operating_sek"]),
                         float(record["cost_sek"]), float(record["reduced_t"]),
                         "–" if math.isnan(record["sek_per_t"]) else float(record["sek_per_t"])])
    _sheet(workbook, t("xl_sheet_measures", lang),
           [t("xl_case", lang), t("dec_col_lever", lang), t("xl_investment_sek", lang),
            t("xl_operating_sek", lang), t("xl_cost_sek", lang), t("dec_col_reduced", lang),
            t("dec_col_sek_per_t", lang)], rows)

    rows = []
    for case in CASES:
        for record in plan.mac_curve(case).to_dict("records"):
            rows.append([cases[case], measure_label(record["lever_id"], lang),
                         float(record["reduced_t"]), float(record["sek_per_t"]),
                         float(record["x_start"]), float(record["x_end"])])
    _sheet(workbook, t("xl_sheet_mac", lang),
           [t("xl_case", lang), t("dec_col_lever", lang), t("dec_col_reduced", lang),
            t("dec_col_sek_per_t", lang), "x_start (t)", "x_end (t)"], rows)

    order = {spec.id: i for i, spec in enumerate(LEVER_SPECS)}
    rows = []
    for item in sorted(plan.items, key=lambda it: order[it.lever_id]):
        rows.append([
            LEVERS_BY_ID[item.lever_id].label(lang), item.label(lang),
            t(f"dec_kind_{item.kind}", lang), item.unit(lang), item.low, item.central, item.high,
            item.lifetime_years or "",
            ", ".join(f"{payer_label(p, lang)} {share:.0%}"
                      for p, share in zip(PAYERS, item.shares, strict=True) if share),
            t(f"dec_basis_{item.basis}", lang), sources.get(item.source_id, item.source_id),
            item.note(lang),
        ])
    _sheet(workbook, t("xl_sheet_unit_costs", lang),
           [t("dec_col_lever", lang), t("dec_col_item", lang), t("dec_col_kind", lang),
            t("dec_col_unit", lang), t("dec_col_low", lang), t("dec_col_central", lang),
            t("dec_col_high", lang), t("dec_col_lifetime", lang), t("dec_col_payers", lang),
            t("dec_col_basis", lang), t("dec_col_source", lang), t("dec_col_note", lang)], rows)

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
