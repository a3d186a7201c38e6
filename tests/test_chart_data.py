"""The charts' data as plain arrays (presentation.charts.ChartData): the Arrow table the page
sends holds exactly what the pandas frame (tables, exports) holds, and the words under a
chart read the same from either."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from streamlit import dataframe_util

from model import build_municipality_data, reference_levers, run_scenario
from model.targets import TARGET_IDS
from presentation import charts
from presentation.chart_text import (
    bars_description,
    budget_description,
    fan_description,
    trajectory_description,
)
from store.csv_tables import read_csv_tables
from store.uncertainty_runs import for_result
from ui import uncertainty_charts

MARKERS = ((2024, 227_000.0, "Egen 2024"), (1993, 454_000.0, "Bas 1993"))


@pytest.fixture(scope="module")
def results():
    data = build_municipality_data(read_csv_tables(), "0780")
    reference = run_scenario(data, reference_levers(data))
    moved = run_scenario(data, reference_levers(data).with_values(el_personbilar=90.0,
                                                                  beccs_kt=150.0))
    return moved, reference


def sent(data: charts.ChartData) -> pd.DataFrame:
    """What the chart gets, read back as Streamlit's frontend tests read it (text as str)."""
    frame = dataframe_util.convert_arrow_bytes_to_pandas_df(
        dataframe_util.convert_anything_to_arrow_bytes(data.arrow()))
    for name in data.texts:
        frame[name] = frame[name].astype(str)
    return frame


@pytest.mark.parametrize("per_capita", [False, True])
@pytest.mark.parametrize("targets", [(), tuple(TARGET_IDS)])
def test_trajectory_arrow_frame_and_words_agree(results, per_capita, targets) -> None:
    result, reference = results
    data = charts.trajectory_chart_data(result, reference, "sv", per_capita, MARKERS, targets)
    frame = data.frame()
    pd.testing.assert_frame_equal(sent(data), frame, check_dtype=False, check_exact=True)
    assert list(frame.columns) == ["year", "series", "layer", "value", "order"]
    assert np.isfinite(frame["value"]).all()
    assert (frame["layer"] == "marker").sum() == (0 if per_capita else len(MARKERS))
    assert (frame["layer"] == "target").any() == bool(targets)
    name, base_year = result.data.name, result.data.base_year
    assert (trajectory_description(data, name, base_year, per_capita, "sv")
            == trajectory_description(frame, name, base_year, per_capita, "sv"))
    # The same rows again (kept per municipality and choice): the numbers move with a lever.
    again = charts.trajectory_chart_data(reference, reference, "sv", per_capita, MARKERS,
                                         targets)
    assert len(again) == len(data)
    assert not np.array_equal(again["value"], data["value"])


def test_fossil_budget_and_fan_agree(results) -> None:
    result, _ = results
    fossil = charts.fossil_chart_data(result, "sv")
    pd.testing.assert_frame_equal(sent(fossil), fossil.frame(), check_dtype=False)
    assert (bars_description(fossil, "chart_fossil_text", "sv", " t")
            == bars_description(fossil.frame(), "chart_fossil_text", "sv", " t"))
    budget = charts.budget_chart_data(result, "sv")
    pd.testing.assert_frame_equal(sent(budget), budget.frame(), check_dtype=False)
    assert budget_description(budget, "sv") == budget_description(budget.frame(), "sv")
    fan = uncertainty_charts.fan_data(for_result(result), result.net_path)
    np.testing.assert_array_equal(result.net_path, result.totals_frame["net_t"].to_numpy())
    pd.testing.assert_frame_equal(sent(fan), fan.frame())
    assert fan_description(fan, "sv") == fan_description(fan.frame(), "sv")
