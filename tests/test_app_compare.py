"""AppTest tests of the comparison page and of the scenario page's export section."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from model import build_municipality_data, reference_levers, run_scenario
from model.presets import presets_from_tables
from presentation.formatting import fmt_month_year, fmt_percent, fmt_tonnes
from store.csv_tables import read_csv_tables
from store.database import StoreError, build_database
from store.scenarios import save_new
from tests.apptest_helpers import chart_data, start_app

# The preset with every lever at its possible end (data/preset_descriptions.csv).
CLOSEST = "Så nära fossilbränslefritt 2030 som möjligt"
COMPARE_PAGE = "pages/jamfor.py"
HOSTILE_NAME = "<script>alert('x')</script> **fet** ; DROP TABLE saved_scenarios; --"


@pytest.fixture(autouse=True, scope="module")
def _database(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every AppTest run of this module reads a database built in a temporary folder."""
    path: Path = tmp_path_factory.mktemp("db") / "klimat.duckdb"
    previous = os.environ.get("KLIMAT_DB")
    os.environ["KLIMAT_DB"] = str(path)
    yield
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


@pytest.fixture(scope="module")
def presets(tables):
    return {p.id: p for p in presets_from_tables(tables)}


class _RecordingMediaFileManager(MediaFileManager):
    """AppTest's media file manager, kept so a test can run a download's deferred callable."""

    latest: MediaFileManager | None = None

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        _RecordingMediaFileManager.latest = self


@pytest.fixture
def recording_media(monkeypatch: pytest.MonkeyPatch) -> type[_RecordingMediaFileManager]:
    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager",
                        _RecordingMediaFileManager)
    return _RecordingMediaFileManager


def _download_bytes(button, manager: MediaFileManager) -> bytes:
    """What clicking the button would download (runs its deferred callable)."""
    file_id = button.proto.deferred_file_id
    assert file_id, f"{button.proto.label} has no deferred data"
    data = manager._deferred_callables[file_id]["callable"]()
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _open_compare() -> AppTest:
    at = start_app()
    at.switch_page(COMPARE_PAGE).run()
    assert not at.exception, at.exception
    return at


def _figures(at: AppTest):
    return at.dataframe[0].value.set_index(at.dataframe[0].value.columns[0])


def test_default_comparison_shows_the_models_figures(vaxjo, presets) -> None:
    at = _open_compare()
    assert at.title[0].value == "Jämför scenarier för Växjö"
    choice = at.multiselect(key="compare_choice")
    # Three, not the most (four): adding one needs no removal first.
    assert choice.value == ["current", "preset:nationell_backning", "preset:lokal_kraftsamling"]
    figures = _figures(at)
    assert list(figures.columns) == ["Nuvarande spakar", "Nationell backning",
                                     "Lokal kraftsamling"]
    reference = run_scenario(vaxjo, reference_levers(vaxjo)).kpis
    local = run_scenario(vaxjo, presets["lokal_kraftsamling"].levers(vaxjo)).kpis
    assert figures.loc["Fossil CO2 2030", "Nuvarande spakar"] == fmt_tonnes(
        reference.fossil_co2_2030_t, "sv")
    assert figures.loc["Fossil CO2 2030", "Lokal kraftsamling"] == fmt_tonnes(
        local.fossil_co2_2030_t, "sv")
    assert figures.loc["Budgeten tar slut", "Lokal kraftsamling"] == fmt_month_year(
        local.budget_exhausted_year, local.budget_exhausted_month, "sv", "Inte före 2050")
    assert figures.loc["Krävd minskning per år", "Nuvarande spakar"] == fmt_percent(
        reference.needed_annual_reduction, "sv")
    assert figures.loc["Växthusgaser 2030", "Lokal kraftsamling"] == fmt_tonnes(
        local.ghg_2030_t, "sv")
    assert figures.loc["Förändring 1990–2030", "Lokal kraftsamling"] == fmt_percent(
        local.ghg_change_2030_vs_1990, "sv", 0, signed=True)


def test_two_presets_chart_table_and_differing_levers(vaxjo, presets) -> None:
    at = _open_compare()
    at.multiselect(key="compare_choice").set_value(
        ["preset:referens", "preset:fossilfritt_2030"]).run()
    assert not at.exception
    fossil_free = run_scenario(vaxjo, presets["fossilfritt_2030"].levers(vaxjo)).kpis
    figures = _figures(at)
    assert list(figures.columns) == ["Referens", CLOSEST]
    assert figures.loc["Fossil CO2 2030", CLOSEST] == fmt_tonnes(
        fossil_free.fossil_co2_2030_t, "sv") != "0\u00a0t"  # not possible by 2030
    assert figures.loc["Budgeten tar slut", CLOSEST] == fmt_month_year(
        fossil_free.budget_exhausted_year, fossil_free.budget_exhausted_month, "sv",
        "Inte före 2050")

    levers = at.dataframe[1].value.set_index("Spak")
    moved = set(presets["fossilfritt_2030"].values)
    reference = reference_levers(vaxjo).as_dict()
    differing = {k for k in moved
                 if abs(presets["fossilfritt_2030"].values[k] - reference[k]) > 1e-9}
    assert len(levers) == len(differing)
    assert levers.loc["Elbilarnas andel av nya bilar 2030", "Enhet"] == "%"
    assert levers.loc["Elbilarnas andel av nya bilar 2030", CLOSEST] == \
        str(int(presets["fossilfritt_2030"].values["el_personbilar"]))

    data = chart_data(at)
    assert set(data["series"]) == {"Statistik (NED)", "Referens", CLOSEST}
    net_2040 = data[(data["series"] == CLOSEST) & (data["year"] == 2040)]
    result = run_scenario(vaxjo, presets["fossilfritt_2030"].levers(vaxjo))
    i = list(result.years).index(2040)
    expected = (result.trajectory.ghg[i].sum() + result.trajectory.beccs[i]) / 1000.0
    assert net_2040["value"].iloc[0] == pytest.approx(expected)
    at.toggle(key="compare_show_ghg").set_value(True).run()
    assert set(chart_data(at)["measure"]) == {"Netto", "Växthusgaser"}


def test_fewer_than_two_shows_a_message() -> None:
    at = _open_compare()
    at.multiselect(key="compare_choice").set_value(["current"]).run()
    assert not at.exception
    assert any("minst två" in info.value for info in at.info)
    assert not at.dataframe


def test_current_levers_follow_the_sidebar(vaxjo) -> None:
    at = _open_compare()
    at.slider(key="lever_el_personbilar").set_value(80.0).run()
    expected = run_scenario(vaxjo, reference_levers(vaxjo).with_values(el_personbilar=80.0))
    assert _figures(at).loc["Fossil CO2 2030", "Nuvarande spakar"] == fmt_tonnes(
        expected.kpis.fossil_co2_2030_t, "sv")


def test_saved_scenario_with_hostile_name_is_plain_text(vaxjo) -> None:
    db = os.environ["KLIMAT_DB"]
    build_database(db)
    saved = save_new(db, HOSTILE_NAME, "Test", "", "0780", {"el_personbilar": 60.0})
    at = _open_compare()
    choice = at.multiselect(key="compare_choice")
    key = f"saved:{saved.scenario_id}"
    assert f"{HOSTILE_NAME} (sparat)" in choice.options  # the label, as typed
    choice.set_value(["preset:referens", key]).run()
    assert not at.exception
    figures = _figures(at)
    assert HOSTILE_NAME in figures.columns  # the name as typed, in a plain table header
    expected = run_scenario(vaxjo, reference_levers(vaxjo).with_values(el_personbilar=60.0))
    assert figures.loc["Fossil CO2 2030", HOSTILE_NAME] == fmt_tonnes(
        expected.kpis.fossil_co2_2030_t, "sv")
    assert all(HOSTILE_NAME not in m.value for m in at.markdown)


def test_unreadable_saved_scenarios_leave_presets_working(monkeypatch) -> None:
    def broken(*_args: object, **_kwargs: object):
        raise StoreError("Databasen är låst.", "The database is locked.")

    monkeypatch.setattr("ui.compare_page.list_scenarios", broken)
    at = _open_compare()
    assert any("Databasen är låst\\." in info.value for info in at.info)  # escaped
    assert list(_figures(at).columns)[0] == "Nuvarande spakar"


def test_english_comparison_and_its_exports(recording_media) -> None:
    at = _open_compare()
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Compare scenarios for Växjö"
    assert "Fossil CO2 2030" in _figures(at).index
    buttons = {b.proto.label: b for b in at.get("download_button")}
    assert set(buttons) == {"Comparison (CSV)", "Comparison (Excel)"}
    manager = recording_media.latest
    csv_bytes = _download_bytes(buttons["Comparison (CSV)"], manager)
    assert csv_bytes.startswith(b"\xef\xbb\xbfKey figure,Unit,Current levers,National")
    book = openpyxl.load_workbook(io.BytesIO(_download_bytes(buttons["Comparison (Excel)"],
                                                             manager)))
    assert book.sheetnames == ["Key figures", "Levers", "Emissions", "Sources"]


@pytest.mark.slow
def test_scenario_page_exports_are_built_only_when_opened(recording_media) -> None:
    at = start_app()
    assert not at.get("download_button")  # collapsed: nothing built on a lever change
    at.session_state["export_section_open"] = True
    at.slider(key="lever_el_personbilar").set_value(70.0).run()
    assert not at.exception
    buttons = {b.proto.label: b for b in at.get("download_button")}
    assert set(buttons) == {
        "Årsvärden (CSV)", "Nyckeltal (CSV)", "Allt i Excel", "Rapport (PDF)",
        "Utsläppsbana (PNG)", "Utsläppsbana (SVG)", "Fossil CO2 2030 (PNG)",
        "Fossil CO2 2030 (SVG)", "Koldioxidbudget (PNG)", "Koldioxidbudget (SVG)"}
    magic = {"csv": b"\xef\xbb\xbf", "xlsx": b"PK", "pdf": b"%PDF", "png": b"\x89PNG"}
    manager = recording_media.latest
    for label in ("Årsvärden (CSV)", "Nyckeltal (CSV)", "Allt i Excel", "Rapport (PDF)",
                  "Utsläppsbana (PNG)", "Koldioxidbudget (SVG)"):
        button = buttons[label]
        data = _download_bytes(button, manager)
        file_name = manager._deferred_callables[button.proto.deferred_file_id]["filename"]
        stem, extension = file_name.rsplit(".", 1)
        assert stem.endswith(f"-vaxjo-{date.today().isoformat()}")
        assert len(data) > 0
        if extension in magic:
            assert data.startswith(magic[extension]), label
    assert _download_bytes(buttons["Koldioxidbudget (SVG)"], manager).lstrip().startswith(
        b"<svg")
    key_figures = _download_bytes(buttons["Nyckeltal (CSV)"], manager).decode("utf-8-sig")
    assert "Fossil CO2 2030;" in key_figures
    book = openpyxl.load_workbook(io.BytesIO(_download_bytes(buttons["Allt i Excel"], manager)))
    assert book["Utsläpp"]["A2"].value == "Scenario: Eget scenario (1 spak ändrad)"
