"""Each page's own floor has that page's widgets and nothing else (bench/floor_widgets.py).

The benchmark's target is a lever move at ≤ 1.5 × "the framework floor: the same widgets
and no charts". If the floor lost widgets, every page would look slower than it is; if it
kept charts or the model, faster. These tests capture real pages and draw their floors.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench import floor_widgets, page_bench
from tests.apptest_helpers import start_app

pytestmark = pytest.mark.usefixtures("app_database")

FLOOR_PAGE = str(Path(__file__).resolve().parents[1] / "bench" / "floor_page.py")


def _widget_keys(app_test: AppTest) -> set[str]:
    """Keys of every widget with a key the page gave it (sidebar and main)."""
    kinds = ("slider", "selectbox", "radio", "button", "toggle", "checkbox", "text_input",
             "text_area", "multiselect", "number_input", "button_group")
    keys = set()
    for kind in kinds:
        for widget in app_test.get(kind):
            if getattr(widget, "key", None):
                keys.add(str(widget.key))
    return keys


def _floor(spec: floor_widgets.Spec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
           ) -> AppTest:
    path = tmp_path / "specs.json"
    floor_widgets.save({"page": spec}, path)
    monkeypatch.setenv(floor_widgets.SPECS_ENV, str(path))
    floor = AppTest.from_file(FLOOR_PAGE, default_timeout=60)
    floor.query_params[floor_widgets.FLOOR_PARAM] = "page"
    floor.run()
    assert not floor.exception
    return floor


@pytest.mark.parametrize("page", ["pages/scenario.py", "pages/sverige.py", "pages/workshop.py"])
def test_a_pages_floor_has_its_widgets_and_no_charts_or_text(
        page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = start_app()
    if page != "pages/scenario.py":
        at.switch_page(page).run()
    spec = floor_widgets.capture(at)
    json.dumps(spec)  # plain JSON: a floor server in another process reads it
    floor = _floor(spec, tmp_path, monkeypatch)
    assert _widget_keys(floor) == _widget_keys(at)
    assert len(floor.slider) == len(at.slider) == 20
    assert [e.label for e in floor.expander] == [e.label for e in at.expander
                                                 if e.label != "Dela scenariot"]
    assert not floor.get("vega_lite_chart") and not floor.metric and not floor.dataframe
    assert not floor.markdown and not floor.caption and not floor.title
    # The same lever change reaches the floor as the page.
    floor.slider(key="lever_el_personbilar").set_value(61.0).run()
    assert not floor.exception
    assert floor.slider(key="lever_el_personbilar").value == 61.0


def test_closed_tabs_and_keyed_expanders_are_kept(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    at = start_app()
    spec = floor_widgets.capture(at)
    floor = _floor(spec, tmp_path, monkeypatch)
    assert [tab.label for tab in floor.tabs] == [tab.label for tab in at.tabs]
    assert "Exportera" in [e.label for e in floor.expander]


def test_without_a_spec_the_common_floor_is_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(floor_widgets.SPECS_ENV, raising=False)
    floor = AppTest.from_file(FLOOR_PAGE, default_timeout=60)
    floor.query_params[floor_widgets.FLOOR_PARAM] = "scenario"
    floor.run()
    assert not floor.exception
    assert floor.title[0].value == "Golvsida för mätning"


def test_own_floor_ratio_divides_by_the_row_before() -> None:
    timings = [page_bench.Timing("page: floor", [0.02]),
               page_bench.Timing("page: x: own floor", [0.03]),
               page_bench.Timing("page: x: lever move", [0.045])]
    assert page_bench.own_floor_ratios(timings) == {"page: x: lever move": pytest.approx(1.5)}
