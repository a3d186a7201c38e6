"""AppTest: every chart on every page says what it shows in words and offers "Visa som
tabell" with the same figures (issue 14: charts were announced as "Vega visualization")."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from presentation.formatting import fmt_number, plain_markdown
from presentation.i18n import t
from tests.apptest_helpers import open_section, start_app
from tests.workshop_helpers import create_workshop, join, rerun, submit
from ui.decision_page import VIEW_KEY, view_labels
from ui.uncertainty_view import TORNADO_KEY

pytestmark = pytest.mark.usefixtures("app_database")

MOVED = {"el_personbilar": 90.0, "reduktionsplikt_diesel": 50.0, "trafik_personbilar": -10.0,
         "beccs_kt": 180.0}


def _in_order(node: object) -> list[object]:
    """Every element and block under node, in page order."""
    found = [node]
    for child in getattr(node, "children", {}).values():
        found += _in_order(child)
    return found


def descriptions(at: AppTest) -> list[str]:
    """The text under each chart (what it shows, in words), in page order; each chart's
    spec carries the same stable accessible name that points to it."""
    nodes = _in_order(at._tree)
    texts = []
    for i, node in enumerate(nodes):
        if getattr(node, "type", None) == "vega_lite_chart":
            stable = json.loads(node.proto.spec).get("description", "")
            assert stable in {t("chart_aria_label", lang) for lang in ("sv", "en")}, stable
            caption = next((n for n in nodes[i + 1:] if getattr(n, "type", None) == "caption"),
                           None)
            # The caption is the text made plain (presentation.formatting.plain_markdown).
            texts.append(re.sub(r"\\(.)", r"\1", caption.value) if caption is not None
                         else "")
    return texts


def assert_readable(at: AppTest, lang: str = "sv") -> list[str]:
    """Every chart: a description in its spec, the same words under it, a table toggle that
    shows one more table. Returns the descriptions."""
    texts = descriptions(at)
    assert texts, "no chart on the page"
    assert all(texts), texts
    captions = [c.value for c in at.caption]
    for text in texts:
        assert plain_markdown(text) in captions, text
    toggles = [w for w in at.toggle if str(w.key).endswith("_as_table")]
    assert len(toggles) == len(texts)
    assert {w.label for w in toggles} == {t("show_as_table", lang)}
    tables_before = len(at.dataframe)
    for toggle in toggles:
        toggle.set_value(True)
    at.run()
    assert not at.exception, at.exception
    assert len(at.dataframe) == tables_before + len(texts)
    return texts


def test_scenario_page_trajectory_and_uncertainty_fan() -> None:
    at = start_app()
    texts = assert_readable(at)
    assert texts[0].startswith("Diagrammet visar utsläppen av växthusgaser i Växjö")
    assert texts[1].startswith("Diagrammet visar nettoutsläppen med osäkerheten")
    assert "8 av 10 utfall mellan" in texts[1]


def test_scenario_page_fossil_and_budget_tabs() -> None:
    at = start_app()
    open_section(at, 1)
    assert any(text.startswith("Fossil koldioxid kvar år 2030") for text in assert_readable(at))
    open_section(at, 2)
    assert any(text.startswith("Kumulativa utsläpp") for text in assert_readable(at))


def test_what_matters_most_tornados() -> None:
    at = start_app()
    at.session_state[TORNADO_KEY] = True
    at.run()
    texts = assert_readable(at)
    assert any(text.startswith("Det som flyttar när budgeten tar slut") for text in texts)
    assert any(text.startswith("Det som ändrar den fossila koldioxiden") for text in texts)


def test_compare_page_names_each_scenario_with_its_figures() -> None:
    at = start_app()
    at.switch_page("pages/jamfor.py").run()
    assert not at.exception, at.exception
    (text,) = assert_readable(at)
    assert text.startswith("Diagrammet visar nettoutsläppen för")
    table = at.dataframe[0].value  # the chart's table comes first
    in_2030 = table[table["År"] == 2030].iloc[0]
    for column in table.columns[1:]:
        if str(column) != t("compare_statistics", "sv"):
            assert f"{column} {fmt_number(float(in_2030[column]), 'sv')}" in text


def test_decision_page_five_charts() -> None:
    at = start_app()
    for lever_id, value in MOVED.items():
        at.slider(key=f"lever_{lever_id}").set_value(value)
    at.switch_page("pages/beslutsstod.py").run()
    assert not at.exception, at.exception
    texts = []
    for label in view_labels("sv"):  # Effekt, Rådighet, Kostnader: one runs at a time
        at.session_state[VIEW_KEY] = label
        at.run()
        assert not at.exception, at.exception
        texts += assert_readable(at)
    assert len(texts) == 5
    assert texts[0].startswith("Diagrammet visar hur mycket varje åtgärd minskar")
    assert texts[1].startswith("Minskning år 2030 per åtgärd")
    assert texts[2].startswith("Minskning år 2030 efter vem som bestämmer")
    assert texts[3].startswith("Diagrammet visar investeringarna per år")
    assert texts[4].startswith("Kostnadskurvan visar")


def test_municipalities_page() -> None:
    at = start_app()
    at.switch_page("pages/kommuner.py").run()
    assert not at.exception, at.exception
    (text,) = assert_readable(at)
    assert text.startswith("Diagrammet visar utsläppen av växthusgaser i Växjö, Alvesta")
    assert ["År", "Växjö", "Alvesta"] in [list(f.value.columns) for f in at.dataframe]


def test_sverige_page_places_the_municipality_among_all() -> None:
    at = start_app()
    at.switch_page("pages/sverige.py").run()
    assert not at.exception, at.exception
    (text,) = assert_readable(at)
    assert "för 290 kommuner" in text and "Växjö: " in text and "av 290" in text


def test_workshop_results_and_english() -> None:
    facilitator, code = create_workshop()
    submit(join(code, el_personbilar=80), "Bord 1", "Elbilar")
    submit(join(code), "Bord 2", "Referens")
    rerun(facilitator)
    (text,) = assert_readable(facilitator)
    assert text.startswith("Diagrammet visar nettoutsläppen för 2 inskickade scenarier")
    assert "Bord 1 · Elbilar" in text and "Bord 2 · Referens" in text
    facilitator.radio(key="lang").set_value("en").run()
    (english,) = descriptions(facilitator)
    assert english.startswith("The chart shows the net emissions of 2 submitted scenarios")
