"""AppTest tests of presets, scenario links and the saved-scenarios page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from model import build_municipality_data, reference_levers, run_scenario
from model.presets import presets_from_tables
from presentation.formatting import fmt_tonnes
from store import scenarios
from store.csv_tables import read_csv_tables
from store.database import build_database
from tests.apptest_helpers import APP_TIMEOUT_S, metric_value, open_section, start_app
from tests.conftest import DATA_DIR
from ui import scenario_state

FOSSIL = "Fossil CO2 år 2030"
HOSTILE = ["<script>alert(1)</script>", "**bold**", "'); DROP TABLE saved_scenarios;--"]


@pytest.fixture(autouse=True, scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A database of this module's own: saved scenarios written here stay here."""
    path = tmp_path_factory.mktemp("db") / "klimat.duckdb"
    build_database(path, DATA_DIR)
    previous = os.environ.get("KLIMAT_DB")
    os.environ["KLIMAT_DB"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("KLIMAT_DB", None)
    else:
        os.environ["KLIMAT_DB"] = previous


@pytest.fixture(scope="module")
def tables():
    return read_csv_tables()


@pytest.fixture(scope="module")
def vaxjo(tables):
    return build_municipality_data(tables, "0780")


def open_link(params: dict[str, str]) -> AppTest:
    """The app opened with these query parameters, as from a shared link."""
    at = AppTest.from_file("../app.py", default_timeout=APP_TIMEOUT_S)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def sidebar_text(at: AppTest) -> str:
    return " ".join(c.value for c in at.sidebar.caption)


# --------------------------------------------------------------------------------------
# Presets


def test_each_preset_reproduces_its_figures(tables, vaxjo) -> None:
    at = start_app()
    for preset in presets_from_tables(tables):
        at.selectbox(key="preset_choice").set_value(preset.id).run()
        at.button(key="apply_preset").click().run()
        assert not at.exception
        expected = run_scenario(vaxjo, preset.levers(vaxjo)).kpis
        assert metric_value(at, FOSSIL) == fmt_tonnes(expected.fossil_co2_2030_t, "sv"), preset.id
        for lever_id, value in preset.levers(vaxjo).as_dict().items():
            assert at.slider(key=f"lever_{lever_id}").value == value
        assert f"Spakarna följer {preset.name('sv')}" in sidebar_text(at).replace("**", "")
        if preset.id == "fossilfritt_2030":  # every lever at its possible end
            open_section(at, 1)
            assert not at.success and len(at.error) == 1
            assert "fossil CO2 från bränslen återstår år 2030" in at.error[0].value
            assert expected.fossil_fuel_co2_2030_t > 0


def test_preset_rationale_warning_and_reasons_in_the_levers_help(tables) -> None:
    preset = {p.id: p for p in presets_from_tables(tables)}["lokal_kraftsamling"]
    at = start_app()
    assert at.button(key="apply_preset").disabled  # nothing chosen: nothing to apply
    at.slider(key="lever_el_personbilar").set_value(90.0).run()
    at.selectbox(key="preset_choice").set_value(preset.id).run()
    text = sidebar_text(at)
    assert preset.rationale("sv") in text
    assert "ersätter dina nuvarande inställningar" in text  # before anything is replaced
    assert at.slider(key="lever_el_personbilar").value == 90.0
    at.button(key="apply_preset").click().run()
    help_text = at.slider(key="lever_trafik_personbilar").help
    assert help_text.startswith("**Lokal kraftsamling:** −10") and preset.reason(
        "trafik_personbilar", "sv") in help_text
    at.slider(key="lever_el_personbilar").set_value(60.0).run()
    assert "Utgår från **Lokal kraftsamling**; sedan dess har du ändrat 1 spak." in sidebar_text(at)
    at.button(key="reset_levers").click().run()
    assert "Lokal kraftsamling:" not in at.slider(key="lever_trafik_personbilar").help
    assert at.slider(key="lever_trafik_personbilar").value == 6.0  # Växjö: population trend to 2030


# --------------------------------------------------------------------------------------
# Links


def test_a_link_sets_levers_language_municipality_and_budget(tables) -> None:
    alvesta = build_municipality_data(tables, "0764")
    params = {"v": "1", "kommun": "0764", "lang": "en", "el_personbilar": "80",
              "reduktionsplikt_diesel": "30", "budget_kt": "2000"}
    at = open_link(params)
    assert at.title[0].value == "Climate scenarios for Alvesta"
    assert not at.warning
    levers = reference_levers(alvesta).with_values(el_personbilar=80, reduktionsplikt_diesel=30)
    expected = run_scenario(alvesta, levers).kpis
    assert metric_value(at, "Fossil CO2 in 2030") == fmt_tonnes(expected.fossil_co2_2030_t, "en")
    open_section(at, 2, "en")
    assert at.number_input(key="budget_kt").value == 2000
    assert at.query_params == params  # the address keeps the scenario, nothing more
    assert at.code[0].value.endswith("/?" + "&".join(f"{k}={v}" for k, v in params.items()))


def test_the_address_follows_the_levers_language_and_budget() -> None:
    at = start_app()
    assert at.query_params == {"v": "1", "kommun": "0780"}
    at.slider(key="lever_el_personbilar").set_value(80.0).run()
    assert at.query_params == {"v": "1", "kommun": "0780", "el_personbilar": "80"}
    at.radio(key="lang").set_value("en").run()
    open_section(at, 2, "en")
    at.number_input(key="budget_start").set_value(2024).run()
    at.toggle(key="budget_count_beccs").set_value(True).run()
    assert at.query_params == {"v": "1", "kommun": "0780", "lang": "en", "el_personbilar": "80",
                               "budget_start": "2024", "beccs_budget": "1"}
    at.button(key="reset_levers").click().run()
    assert "el_personbilar" not in at.query_params
    # The budget survives a visit to another page (it used to raise KeyError).
    at.switch_page("pages/data_och_metod.py").run()
    at.switch_page("pages/scenario.py").run()
    assert not at.exception
    open_section(at, 2, "en")
    assert at.number_input(key="budget_start").value == 2024
    assert at.query_params["budget_start"] == "2024"


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({"v": "1", "flygbilar": "50"}, "Okänd parameter flygbilar"),
        ({"v": "1", "el_personbilar": "150"}, "el\\_personbilar: 150 ligger utanför"),
        ({"v": "1", "el_personbilar": "mycket"}, "mycket är inget giltigt tal"),
        ({"v": "1", "kommun": "9999", "el_personbilar": "80"}, "kommunen 9999 finns inte"),
        ({"v": "99", "el_personbilar": "80"}, "Länkformatet v = 99 är okänt"),
        ({"v": "1", "beccs_kt": "200", "kommun": "0764"}, "beccs\\_kt: 200 ligger utanför"),
    ],
)
def test_a_bad_link_shows_a_notice_and_uses_the_reference(tables, params, shown) -> None:
    at = open_link(params)
    assert len(at.warning) == 1 and shown in at.warning[0].value
    assert "Referensvärdet används" in at.warning[0].value
    good_lever = params.get("el_personbilar") == "80" and params.get("v") == "1"
    code = params["kommun"] if params.get("kommun") in ("0780", "0764") else "0780"
    reference = reference_levers(build_municipality_data(tables, code))
    assert at.slider(key="lever_el_personbilar").value == (
        80.0 if good_lever else reference.el_personbilar)
    assert at.session_state["lever_beccs_kt"] == reference.beccs_kt  # hidden without a plant
    assert "flygbilar" not in at.query_params and at.query_params["v"] == "1"
    at.button(key="scenario_notice_dismiss").click().run()
    assert not at.warning


def test_hostile_link_is_cut_and_never_rendered_as_markup(vaxjo) -> None:
    at = open_link({"<img src=x onerror=alert(1)>" + "A" * 5000: "<script>alert(1)</script>",
                    "el_personbilar": "**80**", "reduktionsplikt_diesel": "30"})
    (warning,) = at.warning
    assert "\\<img src\\=x onerror\\=alert\\(1\\)\\>AAA" in warning.value
    assert "A" * 60 not in warning.value  # cut, not echoed
    assert "<script>" not in warning.value and "\\*\\*80\\*\\*" in warning.value
    expected = run_scenario(vaxjo, reference_levers(vaxjo).with_values(reduktionsplikt_diesel=30))
    assert metric_value(at, FOSSIL) == fmt_tonnes(expected.kpis.fossil_co2_2030_t, "sv")


def test_a_link_equal_to_a_preset_shows_that_preset(tables, vaxjo) -> None:
    preset = {p.id: p for p in presets_from_tables(tables)}["nationell_backning"]
    levers = preset.levers(vaxjo).differences(reference_levers(vaxjo))
    at = open_link({"v": "1", **{k: f"{mine:g}" for k, (mine, _) in levers.items()}})
    assert "Spakarna följer **Nationell backning**" in sidebar_text(at)


def back_or_forward(at: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run as the browser's Back or Forward starts it: Streamlit's history flag set
    (AppTest cannot send the flag)."""
    with monkeypatch.context() as patch:
        patch.setattr(scenario_state, "_run_is_back_or_forward", lambda: True)
        at.run()
    assert not at.exception, at.exception


def test_an_address_the_app_did_not_write_is_read_again(vaxjo, monkeypatch) -> None:
    """Back and Forward put an address the app did not write last; the scenario follows it."""
    at = open_link({"v": "1", "el_personbilar": "80"})
    at.slider(key="lever_el_personbilar").set_value(90.0).run()
    at.slider(key="lever_reduktionsplikt_diesel").set_value(30.0).run()
    assert at.query_params == {"v": "1", "kommun": "0780", "el_personbilar": "90",
                               "reduktionsplikt_diesel": "30"}
    # A rerun over the address the app wrote itself changes nothing.
    back_or_forward(at, monkeypatch)
    assert at.slider(key="lever_el_personbilar").value == 90.0
    # Back: the browser shows an earlier address; the whole scenario follows it (a lever
    # that is not in it returns to the reference).
    at.query_params.clear()
    at.query_params.update({"v": "1", "kommun": "0780", "el_personbilar": "90"})
    back_or_forward(at, monkeypatch)
    assert at.slider(key="lever_el_personbilar").value == 90.0
    assert at.slider(key="lever_reduktionsplikt_diesel").value == (
        reference_levers(vaxjo).reduktionsplikt_diesel)
    # Forward again.
    at.query_params["reduktionsplikt_diesel"] = "30"
    back_or_forward(at, monkeypatch)
    assert at.slider(key="lever_reduktionsplikt_diesel").value == 30.0
    # An empty address (Streamlit clears it on a page switch) is not a step back.
    at.query_params.clear()
    back_or_forward(at, monkeypatch)
    assert at.slider(key="lever_el_personbilar").value == 90.0
    assert at.query_params["reduktionsplikt_diesel"] == "30"  # written back at once


def test_a_lever_moved_before_the_last_address_arrived_is_kept(vaxjo) -> None:
    """A lever moved while the previous move's run is on its way carries the address the
    browser had before that run wrote its own. That is not Back: the move must be kept
    (it was undone, and in Chromium five ArrowLeft presses ended at 97 %, not 95 %)."""
    at = open_link({"v": "1", "el_personbilar": "80"})
    at.slider(key="lever_el_personbilar").set_value(90.0).run()
    assert at.query_params["el_personbilar"] == "90"
    # The browser has not yet received "90": its next rerun still says 80.
    at.query_params["el_personbilar"] = "80"
    at.slider(key="lever_el_personbilar").set_value(95.0).run()
    assert not at.exception, at.exception
    assert at.slider(key="lever_el_personbilar").value == 95.0
    assert at.query_params["el_personbilar"] == "95"


# --------------------------------------------------------------------------------------
# Saved scenarios


def saved_page(link: dict[str, str] | None = None) -> AppTest:
    at = open_link(link or {})
    at.switch_page("pages/sparade.py").run()
    assert not at.exception, at.exception
    return at


def save(at: AppTest, name: str, author: str = "", description: str = "") -> None:
    at.text_input(key="saved_name").input(name)
    at.text_input(key="saved_author").input(author)
    at.text_area(key="saved_description").input(description)
    at.button(key="saved_submit").click().run()
    assert not at.exception, at.exception


def rows(at: AppTest):
    return at.dataframe[0].value


def test_save_list_open_and_a_new_version(vaxjo, db_path: Path) -> None:
    at = saved_page({"v": "1", "el_personbilar": "80", "reduktionsplikt_diesel": "30"})
    save(at, "Workshop 3 mars", "Anna", "Vad händer om\nflera rader?")
    assert at.success[0].value == "Scenariot sparades (version 1)."
    assert "Redigeringsnyckel" in at.success[1].value  # shown once, kept in this session
    assert at.text_input(key="saved_name").value == ""  # ready for the next one
    table = rows(at)
    row = table[table["Namn"] == "Workshop 3 mars"].iloc[0]
    assert (row["Sparat av"], row["Kommun"], row["Version"]) == ("Anna", "Växjö", 1)
    saved = [s for s in scenarios.list_scenarios(db_path) if s.name == "Workshop 3 mars"][0]
    assert saved.levers["el_personbilar"] == 80.0 and saved.municipality_code == "0780"

    # Someone else opens it in a fresh session and sees the same scenario.
    other = saved_page()
    other.selectbox(key="saved_choice").set_value(saved.scenario_id).run()
    assert "Vad händer om\nflera rader?" in [t.value for t in other.text]
    other.button(key="saved_open").click().run()
    assert not other.exception
    assert other.title[0].value == "Klimatscenarier för Växjö"  # on the scenario page
    expected = run_scenario(vaxjo, reference_levers(vaxjo).with_values(
        el_personbilar=80, reduktionsplikt_diesel=30)).kpis
    assert metric_value(other, FOSSIL) == fmt_tonnes(expected.fossil_co2_2030_t, "sv")
    assert other.query_params["el_personbilar"] == "80"

    # They change a lever: without the edit key they may save a copy, not version 2.
    other.slider(key="lever_fossilfria_bussar").set_value(100.0).run()
    other.switch_page("pages/sparade.py").run()
    assert "du har ändrat 1 spak sedan dess" in " ".join(c.value for c in other.caption)
    assert other.button(key="saved_save_version").disabled
    # The one who saved it (this session holds the key) saves version 2.
    at.slider(key="lever_fossilfria_bussar").set_value(100.0).run()
    at.button(key="saved_save_version").click().run()
    assert [s.value for s in at.success] == ["Version 2 sparades."]
    assert scenarios.load(db_path, saved.scenario_id).levers["fossilfria_bussar"] == 100.0


def test_a_conflicting_save_is_reported_and_can_be_reloaded_or_saved_as_new(db_path) -> None:
    at = saved_page()
    save(at, "Delad plan", "Anna")
    first = at.session_state["saved_opened"]["scenario_id"]
    # Meanwhile someone else saves version 2.
    scenarios.save_version(db_path, first, 1, levers={"el_personbilar": 40.0},
                           edit_key=at.session_state["saved_edit_keys"][first])
    at.slider(key="lever_el_personbilar").set_value(70.0).run()
    at.button(key="saved_save_version").click().run()
    assert not at.exception
    (warning,) = at.warning
    assert "Någon annan har sparat version 2" in warning.value and "version 1" in warning.value
    assert scenarios.load(db_path, first).version == 2  # nothing overwritten

    at.button(key="saved_conflict_new").click().run()
    copies = [s for s in scenarios.list_scenarios(db_path) if s.name == "Delad plan (kopia)"]
    assert len(copies) == 1 and copies[0].levers["el_personbilar"] == 70.0
    assert copies[0].author == "Anna"

    # The same conflict again, now answered with "reload theirs".
    at2 = saved_page()
    save(at2, "Annan plan")
    second = at2.session_state["saved_opened"]["scenario_id"]
    scenarios.save_version(db_path, second, 1, levers={"el_personbilar": 40.0},
                           edit_key=at2.session_state["saved_edit_keys"][second])
    at2.slider(key="lever_el_personbilar").set_value(70.0).run()
    at2.button(key="saved_save_version").click().run()
    at2.button(key="saved_reload").click().run()
    assert not at2.exception and not at2.warning
    assert at2.slider(key="lever_el_personbilar").value == 40.0
    assert [s.value for s in at2.success] == ["Version 2 är laddad i spakarna."]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_are_stored_and_shown_as_plain_text(text: str, db_path: Path) -> None:
    at = saved_page()
    save(at, text, text, text)
    assert at.session_state["saved_opened"]["name"] == text
    assert text in set(rows(at)["Namn"]) and text in set(rows(at)["Beskrivning"])
    assert text in [t.value for t in at.text]  # the opened scenario's name, as st.text
    markup = [m.value for m in (*at.markdown, *at.caption, *at.success, *at.error, *at.warning)]
    assert not any(text in value for value in markup)
    assert any(s.name == text and s.description == text
               for s in scenarios.list_scenarios(db_path))


def test_too_long_texts_get_a_clear_message_and_save_nothing(db_path: Path) -> None:
    before = len(scenarios.list_scenarios(db_path))
    at = saved_page()
    save(at, "x" * 10_000)
    assert "Namnet får vara högst 80 tecken" in at.error[0].value.replace("\\", "")
    save(at, "Kort namn", description="y" * 10_000)
    assert "Beskrivningen får vara högst 1000 tecken" in at.error[0].value.replace("\\", "")
    save(at, "   ")
    assert "Namnet får inte vara tomt" in at.error[0].value.replace("\\", "")
    assert len(scenarios.list_scenarios(db_path)) == before
    assert at.text_input(key="saved_name").value == "   "  # the input is kept to correct


def test_rename_and_delete_with_confirmation(db_path: Path) -> None:
    at = saved_page()
    save(at, "Att döpa om")
    scenario_id = at.session_state["saved_opened"]["scenario_id"]
    at.selectbox(key="saved_choice").set_value(scenario_id).run()
    at.text_input(key="saved_rename_to").input("Nytt namn").run()
    at.button(key="saved_rename").click().run()
    assert scenarios.load(db_path, scenario_id).name == "Nytt namn"
    assert "Nytt namn" in set(rows(at)["Namn"])
    at.button(key="saved_delete").click().run()
    assert "Ta bort det här scenariot?" in at.warning[0].value
    at.button(key="saved_delete_no").click().run()
    assert not at.warning
    at.button(key="saved_delete").click().run()
    at.button(key="saved_delete_yes").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Scenariot är borttaget."]
    assert scenario_id not in {s.scenario_id for s in scenarios.list_scenarios(db_path)}
    assert "saved_opened" not in at.session_state


def test_a_saved_scenario_with_unknown_levers_opens_with_a_notice(db_path: Path) -> None:
    saved = scenarios.save_new(db_path, "Gammal", "", "", "0780",
                               {"el_personbilar": 55.0, "borttagen_spak": 3.0,
                                "reduktionsplikt_diesel": 250.0})
    at = saved_page()
    at.selectbox(key="saved_choice").set_value(saved.scenario_id).run()
    at.button(key="saved_open").click().run()
    assert not at.exception
    assert at.slider(key="lever_el_personbilar").value == 55.0
    assert at.slider(key="lever_reduktionsplikt_diesel").value == 10.0
    (warning,) = at.warning
    assert "Det sparade scenariot kunde inte läsas helt" in warning.value
    assert "borttagen\\_spak" in warning.value and "250" in warning.value


def test_a_broken_database_gets_a_message_and_the_rest_keeps_working(
    tmp_path: Path, db_path: Path
) -> None:
    at = saved_page()
    os.environ["KLIMAT_DB"] = str(tmp_path)  # a directory: not a database
    try:
        at.run()
        assert not at.exception
        assert "kan inte nås just nu" in at.error[0].value
        save(at, "Går inte")
        assert any("katalog" in e.value for e in at.error)
        at.switch_page("pages/scenario.py").run()
        assert not at.exception and at.metric
    finally:
        os.environ["KLIMAT_DB"] = str(db_path)


def test_opening_keeps_the_language(db_path: Path) -> None:
    saved = scenarios.save_new(db_path, "In English", "", "", "0764", {"el_personbilar": 66.0})
    at = saved_page({"lang": "en"})
    assert at.title[0].value == "Saved scenarios"
    at.selectbox(key="saved_choice").set_value(saved.scenario_id).run()
    at.button(key="saved_open").click().run()
    assert at.title[0].value == "Climate scenarios for Alvesta"
    assert at.query_params["lang"] == "en" and at.query_params["kommun"] == "0764"


def test_a_saved_scenario_keeps_its_budget(db_path: Path) -> None:
    """Issue 11: the budget is part of the saved scenario, as it is of the link."""
    at = saved_page({"v": "1", "el_personbilar": "80", "budget_kt": "2500",
                     "budget_start": "2025"})
    save(at, "Med egen budget", "Anna")
    saved = [s for s in scenarios.list_scenarios(db_path) if s.name == "Med egen budget"][0]
    assert saved.budget == scenarios.SavedBudget(2500, 2025, False)
    assert saved.levers["el_personbilar"] == 80.0 and "budget_kt" not in saved.levers
    other = saved_page()
    other.selectbox(key="saved_choice").set_value(saved.scenario_id).run()
    other.button(key="saved_open").click().run()
    assert not other.exception
    assert (other.query_params["budget_kt"], other.query_params["budget_start"]) == (
        "2500", "2025")
    other.switch_page("pages/scenario.py")
    open_section(other, 2)
    assert other.number_input(key="budget_kt").value == 2500
