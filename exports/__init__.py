"""Exports of a scenario or a comparison: CSV, Excel, chart images and a PDF report.

Pure builders: each takes model results, the language and what else it needs, and returns
bytes. Nothing here imports Streamlit, so the same files can be made from a notebook, a test
or a batch job.

The PDF report is exports.report, imported where a report is made: fpdf took 0.6 s of every
server start.
"""

from exports.charts import CHART_NAMES, chart_spec, render, scenario_chart
from exports.compare import NamedResult, figure_rows, lever_rows, trajectories_frame
from exports.tables import ExportInfo, data_release, export_info, reference_for
from exports.tabular import (
    comparison_csv,
    comparison_xlsx,
    key_figures_csv,
    scenario_xlsx,
    yearly_csv,
)

__all__ = [
    "CHART_NAMES",
    "ExportInfo",
    "NamedResult",
    "chart_spec",
    "comparison_csv",
    "comparison_xlsx",
    "data_release",
    "export_info",
    "figure_rows",
    "key_figures_csv",
    "lever_rows",
    "reference_for",
    "render",
    "scenario_chart",
    "scenario_xlsx",
    "trajectories_frame",
    "yearly_csv",
]
