"""Every chart spec the app sends is valid Vega-Lite.

The app builds its specs without Altair's schema check (presentation.charts.spec_dict: it
took 2 s of every server start and a wait on each new municipality's first chart). Here
every builder's final spec, after the app's own changes to it, is checked against the
schema instead, in both languages and in each variant the pages ask for.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema

from model.targets import TARGET_IDS
from presentation import charts
from ui import (
    compare_charts,
    decision_charts,
    municipalities_page,
    presenter,
    sverige_page,
    uncertainty_charts,
    workshop_charts,
)

SCHEMA = load_schema()
MEASURES = decision_charts.MEASURES

BUILDERS: dict[str, Callable[[str], dict]] = {
    "trajectory": lambda lang: charts.trajectory_spec(lang, False, 2024, TARGET_IDS),
    "trajectory per capita, no targets": lambda lang: charts.trajectory_spec(lang, True, 2024),
    "trajectory, two targets": lambda lang: charts.trajectory_spec(
        lang, False, 2023, ("sweden_2045", "budget_path")),
    "fossil": charts.fossil_spec,
    "budget": charts.budget_spec,
    "presenter": lambda lang: presenter.presenter_spec(lang, 2024),
    "presenter on a phone": lambda lang: presenter.presenter_spec(lang, 2024, phone=True),
    "wedges": lambda lang: decision_charts.wedge_spec(lang, MEASURES),
    "wedges, two measures": lambda lang: decision_charts.wedge_spec(lang, MEASURES[:2]),
    "bars": lambda lang: decision_charts.bar_spec(lang, 2030),
    "control": lambda lang: decision_charts.control_spec(lang, 2030),
    "investments": decision_charts.invest_spec,
    "cost curve": lambda lang: decision_charts.mac_spec(lang, 2025, MEASURES[:3]),
    "compare": lambda lang: compare_charts.comparison_spec(lang),
    "compare with GHG": lambda lang: compare_charts.comparison_spec(lang, show_ghg=True),
    "municipalities": lambda lang: municipalities_page.comparison_spec(lang, False),
    "municipalities per capita": lambda lang: municipalities_page.comparison_spec(lang, True),
    "fan": uncertainty_charts.fan_spec,
    "tornado, budget": lambda lang: uncertainty_charts.tornado_spec(lang, "budget"),
    "tornado, fossil": lambda lang: uncertainty_charts.tornado_spec(lang, "fossil"),
    "workshop": lambda lang: workshop_charts.overlay_spec(lang),
    "workshop with colours": lambda lang: workshop_charts.overlay_spec(
        lang, pd.DataFrame({"layer": ["submission"], "series": ["Bord 1"],
                           "colour": ["#1b9e77"]})),
    "sverige": lambda lang: sverige_page.distribution_spec(
        "ghg_per_capita_2030_kg", "Växjö", lang),
}


def as_sent(spec: dict) -> dict:
    """The spec with the data Streamlit attaches to it (a named dataset)."""
    return {"data": {"name": "data"}, **spec}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_spec_is_valid_vega_lite(name: str, lang: str) -> None:
    validate_jsonschema(as_sent(BUILDERS[name](lang)), SCHEMA)


def test_an_invalid_spec_is_caught() -> None:
    """The check above can fail: a mark type Vega-Lite does not have."""
    spec = charts.fossil_spec("sv")
    with pytest.raises(Exception, match="nonsense|valid"):
        validate_jsonschema(as_sent({**spec, "mark": {"type": "nonsense"}}), SCHEMA)
