"""AppTest tests of presenter mode and the workshop page: what a facilitator and a room see."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from model import build_municipality_data, reference_levers, run_scenario
from presentation.formatting import fmt_tonnes
from store import workshops
from store.csv_tables import read_csv_tables
from tests.apptest_helpers import chart_data, metric_value
from tests.workshop_helpers import (
    SCENARIO_PAGE,
    create_workshop,
    database_at,
    join,
    open_app,
    rerun,
    submit,
)
from ui.workshop_page import _export, qr_png

FOSSIL = "Fossil CO2 år 2030"
VERDICT = "Fossilbränslefritt 2030"


@pytest.fixture(autouse=True, scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A database of this module's own: workshops written here stay here."""
    with database_at(tmp_path_factory.mktemp("db") / "klimat.duckdb") as path:
        yield path


@pytest.fixture(scope="module")
def vaxjo():
    return build_municipality_data(read_csv_tables(), "0780")


def _fossil(vaxjo, **levers: float) -> str:
    result = run_scenario(vaxjo, reference_levers(vaxjo).with_values(**levers))
    return fmt_tonnes(result.kpis.fossil_co2_2030_t, "sv")


def _fuel_left(vaxjo, **levers: float) -> str:
    """What the verdict says is left: fossil-fuel CO2 in 2030."""
    result = run_scenario(vaxjo, reference_levers(vaxjo).with_values(**levers))
    return fmt_tonnes(result.kpis.fossil_fuel_co2_2030_t, "sv")


# --------------------------------------------------------------------------------------
# Presenter mode


def test_presenter_mode_from_the_page_and_back(vaxjo) -> None:
    at = open_app({"v": "1", "el_personbilar": "80"}, page=None)
    assert len(at.metric) == 6 and len(at.get("vega_lite_chart")) >= 1
    at.button(key="presenter_on").click().run()
    assert not at.exception
    assert [m.label for m in at.metric] == [FOSSIL, "Budgeten tar slut", "Krävd minskning per år"]
    assert metric_value(at, FOSSIL) == _fossil(vaxjo, el_personbilar=80)
    assert len(at.get("vega_lite_chart")) == 1  # one chart: the trajectory
    assert at.query_params["presenter"] == "1" and at.query_params["el_personbilar"] == "80"
    css = [h.proto.body for h in at.get("html")]
    assert any('data-testid="stSidebar"' in body for body in css)  # the sidebar is hidden
    # Moving a lever (the sidebar shown for that) updates the big figure.
    at.toggle(key="presenter_show_levers").set_value(True).run()
    assert not any('data-testid="stSidebar"' in h.proto.body for h in at.get("html"))
    at.slider(key="lever_el_personbilar").set_value(100.0).run()
    assert metric_value(at, FOSSIL) == _fossil(vaxjo, el_personbilar=100)
    at.button(key="presenter_off").click().run()
    assert len(at.metric) == 6 and "presenter" not in at.query_params
    assert at.slider(key="lever_el_personbilar").value == 100.0


def test_presenter_link_opens_presenter_mode_in_english(vaxjo) -> None:
    at = open_app({"v": "1", "lang": "en", "presenter": "1", "reduktionsplikt_diesel": "30"},
                  page=None)
    assert at.title[0].value == "Climate scenarios for Växjö"
    assert [m.label for m in at.metric] == ["Fossil CO2 in 2030", "Budget runs out",
                                            "Reduction needed a year"]
    data = chart_data(at)
    assert {"area", "net", "reference"} <= set(data["layer"])
    assert at.button(key="presenter_off").label == "Leave presenter mode"


def test_the_projector_gets_new_data_not_a_new_chart_on_a_lever_move() -> None:
    """The chart's spec is the same after a move (the frontend then only swaps the data);
    what it shows is in a text for screen readers, with the new figures."""
    import json

    at = open_app({"v": "1", "presenter": "1"}, page=None)
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    text = at.caption[0].value
    assert text.startswith("Diagrammet visar") and spec["description"] != text
    at.slider(key="lever_el_personbilar").set_value(90.0).run()
    assert json.loads(at.get("vega_lite_chart")[0].proto.spec) == spec
    assert at.caption[0].value.startswith("Diagrammet visar") and at.caption[0].value != text


# --------------------------------------------------------------------------------------
# Workshop: the whole flow


def test_a_workshop_from_opening_to_the_big_screen(vaxjo, db_path: Path) -> None:
    facilitator, code = create_workshop("Klimatarena Växjö")
    assert workshops.CODE_PATTERN.match(code) and code.startswith("VXJ-")
    assert facilitator.query_params["workshop"] == code
    # The facilitator's role is in the session only: the projected address holds no key.
    assert "facilitator" not in facilitator.query_params
    assert "facilitator_key" not in facilitator.query_params
    address = [c.value for c in facilitator.code
               if "/workshop?" in c.value and "facilitator_key" not in c.value][0]
    assert address.endswith(f"/workshop?v=1&kommun=0780&workshop={code}")
    assert qr_png(address).startswith(b"\x89PNG")  # what st.image shows
    assert len(facilitator.get("image")) == 1
    assert "Inga inskick än" in facilitator.info[0].value

    table_one = join(code, el_personbilar=80)
    assert "Klimatarena Växjö" in [s.value for s in table_one.text]  # plain text, not Markdown
    assert metric_value(table_one, VERDICT) == f"Nej, {_fuel_left(vaxjo, el_personbilar=80)} kvar"
    assert "Du har ändrat 1 spak" in " ".join(c.value for c in table_one.caption)
    submit(table_one, "Bord 1", "Elbilar först")
    assert "är inskickat (version 1)" in table_one.success[0].value
    table_two = join(code, reduktionsplikt_diesel=30, fossilfria_bussar=100)
    submit(table_two, "Bord 2", "Biodrivmedel")

    rerun(facilitator)  # the panel's next refresh
    assert any("Inskick: 2 från 2 deltagare" in s.value for s in facilitator.subheader)
    figures = facilitator.dataframe[0].value
    assert list(figures["Deltagare"]) == ["Bord 1", "Bord 2"]
    assert figures.iloc[0][FOSSIL] == _fossil(vaxjo, el_personbilar=80)
    lines = chart_data(facilitator)
    assert set(lines["series"]) >= {"Bord 1 · Elbilar först", "Bord 2 · Biodrivmedel"}
    spread = facilitator.dataframe[1].value.set_index("Spak")
    car = spread.loc["Elbilarnas andel av nya bilar 2030"]
    assert (car["Median"], car["Högst"], car["Flyttad av"]) == ("73\xa0%", "80\xa0%", "1 av 2")

    # Show table two on the big screen: its levers, presenter mode, its name on top.
    chosen = workshops.list_submissions(db_path, code)[1]
    facilitator.selectbox(key="ws_show_choice").set_value(chosen.submission_id).run()
    facilitator.button(key="ws_show").click().run()
    assert not facilitator.exception
    assert facilitator.query_params["presenter"] == "1"
    assert metric_value(facilitator, FOSSIL) == _fossil(
        vaxjo, reduktionsplikt_diesel=30, fossilfria_bussar=100)
    assert "Bord 2 · Biodrivmedel" in [t.value for t in facilitator.text]
    facilitator.button(key="presenter_workshop").click().run()
    assert not facilitator.exception
    assert facilitator.title[0].value == "Workshop" and "presenter" not in facilitator.query_params


def test_a_resubmission_is_a_new_version_and_the_overview_shows_the_latest(db_path) -> None:
    facilitator, code = create_workshop("Versioner")
    phone = join(code, el_personbilar=60)
    submit(phone, "Anna", "Plan")
    phone.slider(key="lever_el_personbilar").set_value(90.0).run()
    submit(phone, " anna ", "plan")  # the same names, whatever the case and spaces
    assert "version 2" in phone.success[0].value
    rerun(facilitator)
    figures = facilitator.dataframe[0].value
    assert len(figures) == 1 and figures.iloc[0]["Version"] == 2
    assert [s.levers["el_personbilar"] for s in workshops.list_submissions(
        db_path, code, latest_only=False)] == [60.0, 90.0]
    csv_bytes, xlsx_bytes = _export(workshops.get_workshop(db_path, code), "sv")
    csv_text = csv_bytes.decode("utf-8-sig")
    assert csv_text.count("\r\n") == 3 and "Deltagare;Scenario;Version" in csv_text
    sheet = load_workbook(io.BytesIO(xlsx_bytes)).active
    assert sheet["A1"].value == f"Workshop {code}: alla inskick, varje version"


def test_closing_the_workshop_stops_submissions(db_path: Path) -> None:
    facilitator, code = create_workshop("Stängs")
    phone = join(code)
    facilitator.button(key="ws_close").click().run()
    assert "tar inte emot inskick" in facilitator.warning[0].value
    phone = join(code)  # a phone that opens it now: one message, no form, no levers
    assert [w.value for w in phone.warning] == [
        "Ledaren har stängt workshopen för inskick. Tack för att du var med!"]
    assert not phone.get("form") and not phone.slider
    facilitator.button(key="ws_reopen").click().run()
    assert not workshops.get_workshop(db_path, code).closed


def test_a_participant_on_another_municipality_can_switch(db_path: Path) -> None:
    _, code = create_workshop("Kommunbyte")
    phone = open_app({"v": "1", "kommun": "0764", "workshop": code})
    assert "gäller Växjö" in phone.warning[0].value
    phone.button(key="ws_switch_municipality").click().run()
    assert not phone.exception and not phone.warning
    assert phone.session_state["municipality"] == "0780"


def test_the_page_in_english_and_leaving(db_path: Path) -> None:
    at = open_app({"lang": "en"})
    assert at.button(key="ws_join").label == "Join"
    at.text_input(key="ws_new_name").input("Arena")
    at.button(key="ws_create").click().run()
    assert "The workshop has started with the code" in at.success[0].value
    at.button(key="ws_leave").click().run()
    assert "workshop" not in at.query_params and at.button(key="ws_join")
    at.switch_page(SCENARIO_PAGE).run()
    assert not at.exception


def _line_colours(at) -> dict[str, str]:
    """Each submission line's colour, from the chart's explicit colour scale."""
    import json

    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    scales = [layer["encoding"]["color"]["scale"] for layer in spec["layer"]
              if layer.get("encoding", {}).get("color", {}).get("field") == "series"]
    (scale,) = scales
    return dict(zip(scale["domain"], scale["range"], strict=True))


def test_participant_keeps_one_colour_across_resubmits_and_newcomers() -> None:
    """Bord 1 was blue, then red after its version 2 (issue 14): the colour follows the
    participant, by the order they first submitted."""
    facilitator, code = create_workshop("Färger")
    table_one = submit(join(code, el_personbilar=80), "Bord 1", "Elbilar")
    submit(join(code, reduktionsplikt_diesel=30), "Bord 2", "Bio")
    rerun(facilitator)
    first = _line_colours(facilitator)
    bord_1, bord_2 = first["Bord 1 · Elbilar"], first["Bord 2 · Bio"]
    assert bord_1 != bord_2
    # Bord 1 sends a version 2 (now the latest line, after Bord 2's); Bord 3 joins.
    table_one.slider(key="lever_el_personbilar").set_value(90.0)
    submit(table_one, "Bord 1", "Elbilar")
    assert "(version 2)" in table_one.success[0].value
    submit(join(code), "Bord 3", "Referens")
    rerun(facilitator)
    second = _line_colours(facilitator)
    assert second["Bord 1 · Elbilar (v2)"] == bord_1
    assert second["Bord 2 · Bio"] == bord_2
    assert second["Bord 3 · Referens"] not in (bord_1, bord_2)
    rerun(facilitator)  # and a plain refresh changes nothing
    assert _line_colours(facilitator) == second


def test_participant_colours_follow_the_joining_order_only() -> None:
    from ui.workshop_charts import SUBMISSION_COLOURS, participant_colours

    colours = participant_colours(["Bord 2", "Bord 1", "BORD 2"])
    assert colours == {"bord 2": SUBMISSION_COLOURS[0], "bord 1": SUBMISSION_COLOURS[1]}
    assert participant_colours(["Bord 2", "Bord 1", "Bord 3"])["bord 1"] == colours["bord 1"]


def test_submissions_table_shows_full_names_as_plain_text() -> None:
    """"Mindre bilåka…" (issue 14): the name columns fit the longest name; the names are
    cells of a dataframe, never Markdown."""
    import json

    from tests.workshop_helpers import markup
    from ui.workshop_page import CELL_PADDING_PX, PX_PER_CHAR

    long_name = "Mindre bilåkande och fler cyklar i hela kommunen till 2030"
    participant = "**Bord 7** <b>Stadsbyggnad</b>"
    facilitator, code = create_workshop("Långa namn")
    submit(join(code), participant, long_name)
    rerun(facilitator)
    frame = facilitator.dataframe[0]
    assert list(frame.value["Scenario"]) == [long_name]
    assert list(frame.value["Deltagare"]) == [participant]
    widths = {name: column.get("width") for name, column in
              json.loads(frame.proto.columns).items()}
    assert widths["Scenario"] >= len(long_name) * PX_PER_CHAR + CELL_PADDING_PX
    assert widths["Deltagare"] >= len(participant) * PX_PER_CHAR + CELL_PADDING_PX
    assert not any("<b>" in text or "**Bord" in text for text in markup(facilitator))


def _interrupted_panel_script() -> None:
    import streamlit as st

    from ui.workshop_page import FLASH_KEY, _show_flash, keeping_messages

    first = "seen" not in st.session_state
    st.session_state["seen"] = True
    if first:  # what a click's callback leaves for the panel's run
        st.session_state[FLASH_KEY] = [("success", "Inskicket är dolt", "Hidden")]

    def panel() -> None:
        _show_flash("sv", keep=True)
        if first:  # the refresh timer interrupts the run: Streamlit raises, then runs again
            st.rerun()
        st.caption("the rest of the panel")

    keeping_messages(panel)


def test_a_confirmation_survives_a_panel_run_that_is_interrupted() -> None:
    """The panel's refresh timer can interrupt the run a click started, and Streamlit throws
    away what that run drew: the confirmation waits for the run that finishes, then goes."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_interrupted_panel_script, default_timeout=60)
    at.run()  # the interrupted run and the one after it
    assert [s.value for s in at.success] == ["Inskicket är dolt"]
    at.run()
    assert not at.success
