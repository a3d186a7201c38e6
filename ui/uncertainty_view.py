"""The uncertainty on the main page: a fan around net emissions, the budget date as a range,
the chances of reaching each goal, and what matters most.

The Monte Carlo (model/uncertainty.py) runs after the central result is on the page, so the
room sees the scenario at once; its results are kept per input (store/uncertainty_runs.py),
so moving a lever back costs nothing; the sentences are presentation/uncertainty_summary.py.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from model.scenario import ScenarioResult
from model.uncertainty import DEFAULT_DRAWS, DEFAULT_SEED
from presentation.chart_text import fan_description, fan_table, tornado_description, tornado_table
from presentation.formatting import fmt_number
from presentation.i18n import t
from presentation.uncertainty_summary import budget_range_text, fmt_input_value, summary_lines
from store.csv_tables import uncertain_inputs
from store.uncertainty_runs import PAGE_DRAWS, for_result, tornado_for
from ui import uncertainty_charts as charts
from ui.chart_access import chart_with_text
from ui.data_access import source_titles

SHOW_KEY = "show_uncertainty"
TORNADO_KEY = "uncertainty_tornado"


def uncertainty_section(result: ScenarioResult, lang: str) -> None:
    """Below the trajectory: the fan, the range, the chances and (on request) the tornado."""
    show = st.toggle(t("unc_toggle", lang), value=True, key=SHOW_KEY,
                     help=t("unc_toggle_help", lang, n=fmt_number(PAGE_DRAWS, lang)))
    if not show:
        return
    u = for_result(result)
    st.subheader(t("unc_heading", lang))
    st.markdown("\n\n".join(summary_lines(u, lang)))
    fan = charts.fan_data(u, result.net_path)
    chart_with_text(fan.arrow(), charts.fan_spec(lang), fan_description(fan, lang),
                    "chart_uncertainty_fan", lambda: fan_table(fan.frame(), lang), lang)
    st.caption(t("unc_caption", lang, n=fmt_number(u.draws, lang), seed=u.seed))
    more = st.expander(t("unc_tornado_heading", lang), key=TORNADO_KEY, on_change="rerun")
    if more.open:
        with more:
            tornado_section(result, lang)


def tornado_section(result: ScenarioResult, lang: str) -> None:
    """Which inputs move the budget date and fossil CO2 in 2030 most (one at a time)."""
    st.caption(t("unc_tornado_intro", lang))
    tor = tornado_for(result.data, result.levers, result.budget)
    for metric, heading in (("budget", "unc_tornado_budget"), ("fossil", "unc_tornado_fossil")):
        st.markdown(f"**{t(heading, lang)}**")
        frame = charts.tornado_data(tor, metric, lang, fmt_input_value)  # type: ignore[arg-type]
        if frame.empty:
            st.caption(t("unc_tornado_none", lang))
            continue
        spec = dict(charts.tornado_spec(lang, metric))  # type: ignore[arg-type]
        spec["height"] = 34 * frame["input"].nunique()
        chart_with_text(frame, spec, tornado_description(frame, metric, lang),
                        f"chart_tornado_{metric}",
                        lambda frame=frame, metric=metric: tornado_table(frame, metric, lang),
                        lang)


def budget_range_line(result: ScenarioResult, lang: str) -> None:
    """One line in the budget section: the exhaustion date as a range (when shown)."""
    if st.session_state.get(SHOW_KEY, True):
        st.markdown(budget_range_text(for_result(result), lang)
                    + " " + t("unc_budget_range_note", lang))


def uncertainty_method(lang: str, inputs: pa.Table) -> None:
    """On "Data och metod": what is uncertain, how it is sampled, what is not covered, and
    every uncertain input with its range, source and reason (``inputs``: ``inputs_frame``
    as the page keeps it built)."""
    st.header(t("unc_method_heading", lang))
    st.markdown(t("unc_method", lang, n=fmt_number(PAGE_DRAWS, lang), seed=DEFAULT_SEED,
                  n_cli=fmt_number(DEFAULT_DRAWS, lang)))
    st.subheader(t("unc_method_table", lang))
    st.dataframe(inputs, hide_index=True, width="stretch", key="uncertainty_inputs")


def inputs_frame(lang: str) -> pd.DataFrame:
    """The uncertain inputs as a table in the chosen language."""
    sources = source_titles(lang)
    inputs = uncertain_inputs()
    return pd.DataFrame({
        t("unc_input", lang): [spec.label(lang) for spec in inputs],
        t("unc_col_distribution", lang): [t(f"unc_dist_{spec.distribution}", lang)
                                          for spec in inputs],
        t("unc_col_low", lang): [fmt_input_value(spec.low, spec.unit, lang) for spec in inputs],
        t("unc_col_central", lang): [fmt_input_value(spec.central, spec.unit, lang)
                                     for spec in inputs],
        t("unc_col_high", lang): [fmt_input_value(spec.high, spec.unit, lang) for spec in inputs],
        t("unc_col_reason", lang): [spec.reason(lang) for spec in inputs],
        t("col_source", lang): [sources.get(spec.source_id, spec.source_id) for spec in inputs],
    })
