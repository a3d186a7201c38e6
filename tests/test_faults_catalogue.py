"""Catalogue of bad input and faults (issue 5): what happens, case by case, and its test.

Every case is a test. The new ones are in this file (ids W01–W56 in the test ids); earlier
ones that already cover a case live where their feature is tested and are listed below with
their place, so that the whole catalogue can be read here. Expected behaviour, always: a
clear message in the page (asserted through AppTest where the case has a page) and stored
data left as it was (asserted on the store).

Counted: 58 new cases below (parametrised cases count one each) + 35 existing + 30
from issue 10 elsewhere = 123.

Links and query values
======================
====  ==========================================================  ==========================
id    case                                                        expected
====  ==========================================================  ==========================
W01   ``presenter=ja``                                            bad_flag, not presenting
W02   ``presenter=2``                                             bad_flag
W03   ``facilitator=yes``                                         bad_flag, participant view
W04   ``workshop=<script>alert(1)</script>``                      bad_workshop_code, cut
W05   ``workshop=`` (empty)                                       bad_workshop_code
W06   ``workshop=`` 10 000 characters                             bad_workshop_code, ≤ 40 shown
W07   ``workshop=VXJ-1234`` (a 1: never in a code)                bad_workshop_code
W08   ``workshop=vxj 4822`` (typed loosely)                       read as VXJ-4822
W09   ``v=99`` with workshop and presenter                        both read, levers not
W10   ``presenter`` repeated (1, then 0)                          the last counts
W11   workshop/facilitator/presenter written into a link          read back exactly
W12   the app opened with ``presenter=ja&el_personbilar=80``      notice names presenter,
                                                                  normal page, lever used
W13   ``workshop=<script>…`` on the workshop page                 notice, start view, no code
W14   500 unknown parameters                                      8 listed + "och 492 till"
W15   a 100 000-character lever value                             not a number, cut
(existing) tests/test_links.py::test_each_bad_parameter_is_reported_and_not_used — 15 cases:
  unknown parameter, out of range (2), not a number (nan, inf, 1_0, empty, text), unknown
  municipality, unknown language, budget 0 / 2760.5 / start 1990, bad BECCS flag, v=2
(existing) tests/test_links.py::test_an_unknown_version_still_reads_municipality_and_language
(existing) tests/test_links.py::test_good_parameters_survive_bad_ones_beside_them
(existing) tests/test_links.py::test_hostile_input_is_cut_and_stripped_of_control_characters
(existing) tests/test_links.py::test_a_repeated_parameter_counts_with_its_last_value
(existing) tests/test_links.py::test_garbage_never_raises_and_only_valid_values_come_through
(existing) tests/test_app_scenarios.py::test_a_bad_link_shows_a_notice_and_uses_the_reference
  — 6 cases in the page: unknown parameter, out of range, text, unknown municipality,
  unknown version, BECCS where the municipality has no plant
(existing) tests/test_app_scenarios.py::test_hostile_link_is_cut_and_never_rendered_as_markup
====  ==========================================================  ==========================

Workshop codes
==============
W16   a well-formed code that does not exist (from the link)      "Det finns ingen workshop
                                                                  med koden …", no form
W17   a malformed code typed in the join box                      message, nothing joined
W18   a code typed in lower case with a space                     joins the workshop

Hostile names in every text field
=================================
W19–W22  workshop name: <script>, Markdown link, SQL, =HYPERLINK  stored exactly, shown as
                                                                  plain/escaped text only
W23–W26  participant and scenario name: the same four             stored exactly; table,
                                                                  chart and picker plain
W27   a NUL character in the participant name                     message, nothing stored
W28   a line break in the scenario name                           message, nothing stored
W29   a right-to-left override in the workshop name               message, nothing stored
W30   formula-like names in the CSV and Excel export              text cells, never formulas
W31   an upload whose municipality field is hostile               rejected, listed in a table
(existing) tests/test_app_scenarios.py::test_hostile_names_are_stored_and_shown_as_plain_text
  — 3 cases: saved scenario name, author and description
(existing) tests/test_app_scenarios.py::
  test_a_saved_scenario_with_unknown_levers_opens_with_a_notice

Oversized input
===============
W32   workshop name of 10 000 characters                          "högst 80 tecken", nothing
W33   participant name of 10 000 characters                       "högst 60 tecken", nothing
W34   scenario name of 10 000 characters                          "högst 80 tecken", nothing
W35   a submission with 10 000 lever entries (a forged request)   refused by the store
W36   300 submissions in one workshop                             the panel lists them all
(existing) tests/test_app_scenarios.py::test_too_long_texts_get_a_clear_message_and_save_nothing
(existing) tests/test_app_import.py::test_too_large_and_wrong_name_are_refused_before_parsing

Several people at once
======================
W37   two facilitators open two workshops at once                 own code, own submissions
W38   two views of one workshop                                   both see every submission
W39   20 submissions at the same moment                           all 20 stored
W40   one participant submitting twice at the same moment         both kept, versions 1 and 2
W41   a participant loses the connection and comes back           levers from the address,
                                                                  resubmits as version 2
W42   a submission after the facilitator closed the workshop      message, nothing stored
W43   "show on the big screen" for a submission with an unknown   notice, reference used,
      lever and a value out of range                              presenter mode
(existing) tests/test_app_scenarios.py::
  test_a_conflicting_save_is_reported_and_can_be_reloaded_or_saved_as_new

The database
============
W44   the file deleted while the app runs                         workshop and saved pages
                                                                  say so, scenario page works,
                                                                  no empty file made
W45   read-only (chattr +i: root ignores chmod)                   "går inte att skriva till",
                                                                  reads still work, file intact
W46   locked by another process (a write connection)              "används av ett annat
                                                                  program", intact, retry works
W47   locked when the server starts                               warning, figures from CSVs
W48   corrupt (garbage bytes) when the server starts              "skadad", figures from
                                                                  CSVs, file not overwritten
W49   a directory where the file should be (workshop page)        "ingen databasfil"
W50   a data rebuild after a CSV changed                          workshop tables kept
W51   the saved-scenarios page on a read-only file                message, scenarios intact
W52   the saved-scenarios page on a locked file                   message, scenarios intact
(existing) tests/test_app_scenarios.py::
  test_a_broken_database_gets_a_message_and_the_rest_keeps_working

A page reload mid-save
======================
W53   the run stopped between INSERT and COMMIT (store)           nothing half-written
W54   a saved scenario's run stopped mid-transaction (store)      nothing stored, rest intact
W55   reload while the save is in flight, the save completes      once in the store, levers
                                                                  kept by the address
W56   reload stops the save before it commits                     nothing stored; after the
                                                                  reload the same submission
                                                                  goes in once

A room you don't know (issue 10)
================================
W57   a URL in the workshop's name                                plain text (st.text), no
                                                                  link, no Markdown anywhere
W58   a saved scenario whose name is Markdown with an outside     escaped in the comparison
      image, listed in the comparison notice                      notice: no image loads
(issue 10) tests/test_app_roles.py::test_facilitator_1_in_a_participant_link_grants_nothing
(issue 10) tests/test_app_roles.py::
  test_the_facilitator_link_opens_the_panel_and_leaves_the_address
(issue 10) tests/test_app_roles.py::test_a_forged_token_is_refused — forged, another
  workshop's and a malformed key
(issue 10) tests/test_app_roles.py::test_a_second_device_cannot_take_a_name
(issue 10) tests/test_app_roles.py::
  test_a_hidden_submission_leaves_the_chart_and_the_big_screen_choice
(issue 10) tests/test_app_roles.py::test_wrong_codes_lock_the_join_box_for_a_while
(issue 10) tests/test_app_roles.py::test_the_panel_with_2000_submissions_stays_under_its_refresh
(issue 10) tests/test_app_roles.py::test_imports_need_the_admin_token_when_the_server_has_one
(issue 10) tests/test_app_roles.py::test_a_saved_scenario_is_changed_only_with_its_key
(issue 10) tests/test_safety_store.py — the 2099 file (row and column), a stored import
  that no longer loads (skipped), every figure × 0.1 (changes shown, confirmation), removing
  an import (CLI), the wide-row workbook (refused before parsing, child's peak memory
  bounded), a 150 MB upload (refused; server limit = page limit), rename/delete/undo
  without the edit key, 20 simultaneous "save new" with one name (1 saved, 19 refused),
  invisible names (4 cases), export headers, facilitator-only store calls, device-owned
  names and the per-minute cap, hidden submissions kept and marked, the workshop CLI,
  Streamlit's clear-cache leaving the shared tables
(issue 10) tests/test_clear_cache_load.py — 40 sessions with a client sending "clear
  cache" five times a second
(issue 10) tests/test_e2e_roles.py — the same roles, names and hiding in Chromium
"""

from __future__ import annotations

import functools
import hashlib
import io
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

from model.levers import LEVER_SPECS
from presentation.links import MAX_SHOWN, link_params, parse_link
from store import backend, database, scenarios, workshops
from store.database import build_database, is_user_table
from tests import smhi_fixtures as fx
from tests.apptest_helpers import metric_value
from tests.conftest import DATA_DIR
from tests.workshop_helpers import (
    HOSTILE,
    SCENARIO_PAGE,
    create_workshop,
    database_at,
    join,
    markup,
    messages,
    open_app,
    rerun,
    submit,
)
from ui.workshop_page import _export as export_workshop
from ui.workshop_page import forget_cached

MUNICIPALITIES = ("0780", "0764")
FOSSIL = "Fossil CO2 år 2030"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DEVICE = "test-device-key-0123456789abcdef"  # one participant's device in store-level cases


@pytest.fixture(autouse=True, scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """This module's own database; cases that break one use their own (database_at)."""
    with database_at(tmp_path_factory.mktemp("db") / "klimat.duckdb") as path:
        yield path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(db: Path, code: str) -> int:
    return len(workshops.list_submissions(db, code, latest_only=False))


# ======================================================================================
# Links and query values


@pytest.mark.parametrize(
    ("params", "kind", "param"),
    [
        pytest.param({"presenter": "ja"}, "bad_flag", "presenter", id="W01"),
        pytest.param({"presenter": "2"}, "bad_flag", "presenter", id="W02"),
        pytest.param({"facilitator": "yes"}, "bad_flag", "facilitator", id="W03"),
        pytest.param({"workshop": "<script>alert(1)</script>"}, "bad_workshop_code", "workshop",
                     id="W04"),
        pytest.param({"workshop": ""}, "bad_workshop_code", "workshop", id="W05"),
        pytest.param({"workshop": "VXJ-4821" * 1250}, "bad_workshop_code", "workshop", id="W06"),
        pytest.param({"workshop": "VXJ-1234"}, "bad_workshop_code", "workshop", id="W07"),
    ],
)
def test_bad_new_link_values_are_reported_and_not_used(params, kind, param) -> None:
    parsed = parse_link(params, MUNICIPALITIES)
    assert [(p.kind, p.param) for p in parsed.problems] == [(kind, param)]
    assert all(len(p.value) <= MAX_SHOWN for p in parsed.problems)  # cut, never echoed
    assert parsed.presenter is None and parsed.workshop is None and parsed.facilitator is None


def test_W08_a_loosely_typed_code_is_read() -> None:
    parsed = parse_link({"workshop": " vxj 4822 "}, MUNICIPALITIES)
    assert parsed.workshop == "VXJ-4822" and parsed.problems == ()


def test_W09_an_unknown_version_still_reads_workshop_and_presenter() -> None:
    parsed = parse_link({"v": "99", "workshop": "VXJ-4822", "presenter": "1",
                         "el_personbilar": "80"}, MUNICIPALITIES)
    assert (parsed.workshop, parsed.presenter, dict(parsed.levers)) == ("VXJ-4822", True, {})


def test_W10_a_repeated_flag_counts_with_its_last_value() -> None:
    assert parse_link({"presenter": ["1", "0"]}, MUNICIPALITIES).presenter is False


def test_W11_new_parameters_round_trip() -> None:
    reference = {spec.id: float(spec.reference) for spec in LEVER_SPECS}
    params = link_params("0780", "sv", reference, reference, presenter=True,
                         workshop="VXJ-4822", facilitator=True)
    assert params == {"v": "1", "kommun": "0780", "workshop": "VXJ-4822", "facilitator": "1",
                      "presenter": "1"}
    parsed = parse_link(params, MUNICIPALITIES)
    assert (parsed.presenter, parsed.workshop, parsed.facilitator) == (True, "VXJ-4822", True)
    assert "facilitator" not in link_params("0780", "sv", reference, reference,
                                            facilitator=True)  # only with a workshop


def test_W12_a_bad_presenter_flag_in_the_app_keeps_the_normal_page() -> None:
    at = open_app({"v": "1", "presenter": "ja", "el_personbilar": "80"}, page=None)
    (warning,) = at.warning
    assert "presenter: ja ska vara 1 eller 0" in warning.value
    assert len(at.metric) == 6 and at.slider(key="lever_el_personbilar").value == 80.0
    assert "presenter" not in at.query_params


def test_W13_a_hostile_workshop_code_in_the_link(db_path: Path) -> None:
    at = open_app({"v": "1", "workshop": "<script>alert(1)</script>"})
    assert "ingen workshopkod" in at.warning[0].value
    assert "<script>" not in " ".join(markup(at))
    assert "workshop_code" not in at.session_state and at.button(key="ws_join")
    assert "workshop" not in at.query_params


def test_W14_hundreds_of_unknown_parameters() -> None:
    at = open_app({f"okand{i}": "x" for i in range(500)}, page=None)
    (warning,) = at.warning
    assert warning.value.count("Okänd parameter") == 8 and "och 492 till." in warning.value
    assert at.query_params == {"v": "1", "kommun": "0780"} and len(at.metric) == 6


def test_W15_a_huge_value_is_cut() -> None:
    at = open_app({"el_personbilar": "9" * 100_000}, page=None)
    (warning,) = at.warning
    assert "är inget giltigt tal" in warning.value and "9" * 60 not in warning.value
    assert at.query_params == {"v": "1", "kommun": "0780"}


# ======================================================================================
# Workshop codes


def test_W16_a_code_that_does_not_exist(db_path: Path) -> None:
    before = workshops.get_workshop(db_path, "ABC-2345")
    phone = join("ABC-2345")
    assert "Det finns ingen workshop med koden ABC-2345" in phone.error[0].value
    assert "ws_submit" not in [b.key for b in phone.button]
    assert before is None and workshops.get_workshop(db_path, "ABC-2345") is None
    phone.button(key="ws_leave").click().run()
    assert "workshop" not in phone.query_params


def test_W17_a_malformed_code_typed_in(db_path: Path) -> None:
    at = open_app()
    at.text_input(key="ws_code_input").input("**12**").run()
    at.button(key="ws_join").click().run()
    assert "är ingen workshopkod" in messages(at) and "**12**" not in " ".join(markup(at))
    assert "workshop_code" not in at.session_state


def test_W18_a_code_typed_loosely_joins(db_path: Path) -> None:
    _, code = create_workshop("Skrivs slarvigt")
    at = open_app()
    at.text_input(key="ws_code_input").input(code.lower().replace("-", " ")).run()
    at.button(key="ws_join").click().run()
    assert at.session_state["workshop_code"] == code
    assert "Skrivs slarvigt" in [s.value for s in at.text]


# ======================================================================================
# Hostile names


@pytest.mark.parametrize("name", [pytest.param(text, id=f"W{19 + i}")
                                  for i, text in enumerate(HOSTILE)])
def test_hostile_workshop_names_stay_plain_text(name: str, db_path: Path) -> None:
    facilitator, code = create_workshop(name)
    assert workshops.get_workshop(db_path, code).name == name
    assert name in [s.value for s in facilitator.text]  # plain text, never Markdown
    assert not any(name in value for value in markup(facilitator))


@pytest.mark.parametrize("name", [pytest.param(text, id=f"W{23 + i}")
                                  for i, text in enumerate(HOSTILE)])
def test_hostile_participant_and_scenario_names_stay_plain_text(name: str, db_path) -> None:
    facilitator, code = create_workshop("Fientliga namn")
    phone = submit(join(code, el_personbilar=70), name, name)
    assert not any(name in value for value in markup(phone))
    (stored,) = workshops.list_submissions(db_path, code)
    assert (stored.participant, stored.scenario_name) == (name, name)
    rerun(facilitator)
    figures = facilitator.dataframe[0].value
    assert list(figures["Deltagare"]) == [name] and list(figures["Scenario"]) == [name]
    assert f"{name} · {name}" in facilitator.selectbox(key="ws_show_choice").options
    assert not any(name in value for value in markup(facilitator))


@pytest.mark.parametrize(
    ("field", "participant", "scenario", "shown"),
    [
        pytest.param("participant", "Bord\x001", "Plan", "Deltagarens namn innehåller ett "
                     "otillåtet styrtecken (U+0000)", id="W27"),
        pytest.param("scenario", "Bord 1", "Plan\nB", "Scenariots namn innehåller ett "
                     "otillåtet styrtecken (U+000A)", id="W28"),
    ],
)
def test_control_characters_in_names_are_refused(field, participant, scenario, shown,
                                                 db_path) -> None:
    _, code = create_workshop("Styrtecken")
    phone = submit(join(code), participant, scenario)
    assert shown in messages(phone)
    assert _count(db_path, code) == 0
    assert phone.text_input(key="ws_participant").value == participant  # kept to correct


def test_W29_a_bidi_override_in_the_workshop_name(db_path: Path) -> None:
    at = open_app()
    at.text_input(key="ws_new_name").input("Workshop \u202egnirts")
    at.button(key="ws_create").click().run()
    assert "otillåtet styrtecken (U+202E)" in messages(at)
    assert "workshop_code" not in at.session_state


def test_W30_formula_names_stay_text_in_the_exports(db_path: Path) -> None:
    formula = '=HYPERLINK("http://evil.example","klicka")'
    _, code = create_workshop(formula)
    submit(join(code), formula, "@SUM(A1:A2)")
    csv_bytes, xlsx_bytes = export_workshop(workshops.get_workshop(db_path, code), "sv")
    text = csv_bytes.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM" in text
    sheet = load_workbook(io.BytesIO(xlsx_bytes)).active
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(c.value == formula for c in cells)
    assert all(c.data_type != "f" for c in cells)  # nothing a spreadsheet would run


def test_W31_a_hostile_municipality_in_an_upload(db_path: Path) -> None:
    hostile = "<img src=x onerror=alert(1)>**Kalmar**"
    rows = fx.build_rows()
    for row in rows:
        if len(row) > 3 and row[3] == "Kalmar":
            row[3] = hostile
    at = open_app(page="pages/importera.py")
    at.file_uploader(key="import_file").set_value(("lan.xlsx", fx.workbook_bytes(rows), XLSX))
    at.run()
    assert not at.exception
    problems = at.table[0].value
    assert any(hostile in text for text in problems["Problem"])
    assert "Filen kan inte importeras (1 problem). Ingenting har sparats." in at.error[0].value
    assert not any(hostile in value for value in markup(at))
    assert "import_button" not in [b.key for b in at.button]  # nothing to import


# ======================================================================================
# Oversized input


def test_W32_an_oversized_workshop_name(db_path: Path) -> None:
    at = open_app()
    at.text_input(key="ws_new_name").input("x" * 10_000)
    at.button(key="ws_create").click().run()
    assert "Workshopens namn får vara högst 80 tecken (nu 10000)" in messages(at)
    assert "x" * 200 not in " ".join(markup(at))
    assert "workshop_code" not in at.session_state


@pytest.mark.parametrize(
    ("participant", "scenario", "shown"),
    [
        pytest.param("y" * 10_000, "Plan", "Deltagarens namn får vara högst 60 tecken",
                     id="W33"),
        pytest.param("Bord 1", "z" * 10_000, "Scenariots namn får vara högst 80 tecken",
                     id="W34"),
    ],
)
def test_oversized_submission_names(participant, scenario, shown, db_path: Path) -> None:
    _, code = create_workshop("Långa namn")
    phone = submit(join(code), participant, scenario)
    assert shown in messages(phone) and _count(db_path, code) == 0


def test_W35_a_forged_submission_with_too_many_levers(db_path: Path) -> None:
    _, code = create_workshop("Förfalskat")
    with pytest.raises(scenarios.ValidationError):
        workshops.submit(db_path, code, "Bot", "Spam", "0780",
                         {f"lever_{i}": 1.0 for i in range(10_000)}, device_key=DEVICE)
    with pytest.raises(scenarios.ValidationError):
        workshops.submit(db_path, code, "Bot", "Spam", "0780", {"el_personbilar": float("nan")},
                         device_key=DEVICE)
    assert _count(db_path, code) == 0


def test_W36_three_hundred_submissions(db_path: Path) -> None:
    facilitator, code = create_workshop("Stort rum")
    with duckdb.connect(str(db_path)) as con:  # 300 rows in one go; the panel is the test
        con.executemany(
            "INSERT INTO workshop_submissions VALUES (?, ?, ?, 'Plan', ?, '0780', now())",
            [(code, f"{i:016x}", f"Deltagare {i}", f'{{"el_personbilar": {i % 101}}}')
             for i in range(300)])
    forget_cached()
    started = time.perf_counter()
    rerun(facilitator)
    assert time.perf_counter() - started < 10
    assert any("Inskick: 300 från 300 deltagare" in s.value for s in facilitator.subheader)
    assert len(facilitator.dataframe[0].value) == 300


# ======================================================================================
# Several people at once


def test_W37_two_facilitators_two_workshops(db_path: Path) -> None:
    first, first_code = create_workshop("Förmiddag")
    second, second_code = create_workshop("Eftermiddag")
    assert first_code != second_code
    submit(join(first_code), "Bord A", "Förmiddagens plan")
    submit(join(second_code), "Bord B", "Eftermiddagens plan")
    rerun(first)
    rerun(second)
    assert list(first.dataframe[0].value["Deltagare"]) == ["Bord A"]
    assert list(second.dataframe[0].value["Deltagare"]) == ["Bord B"]


def test_W38_two_views_of_one_workshop(db_path: Path) -> None:
    first, code = create_workshop("Två skärmar")
    # A second screen opens the facilitator link made on the server (facilitator=1 no longer
    # gives anything: see tests/test_app_roles.py).
    token = workshops.new_facilitator_token(db_path, code)
    second = open_app({"workshop": code, "facilitator_key": token})
    submit(join(code), "Bord 1", "Plan")
    for view in (rerun(first), rerun(second)):
        assert list(view.dataframe[0].value["Deltagare"]) == ["Bord 1"]


def test_W39_twenty_submissions_at_once(db_path: Path) -> None:
    _, code = create_workshop("Rusning")
    errors: list[BaseException] = []

    def send(i: int) -> None:
        try:
            workshops.submit(db_path, code, f"Bord {i}", "Plan", "0780",
                             {"el_personbilar": float(i)}, device_key=workshops.new_secret())
        except BaseException as error:  # noqa: BLE001 (collected and reported below)
            errors.append(error)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    stored = workshops.list_submissions(db_path, code)
    assert sorted(s.participant for s in stored) == sorted(f"Bord {i}" for i in range(20))


def test_W40_one_participant_twice_at_once(db_path: Path) -> None:
    _, code = create_workshop("Dubbelklick")
    threads = [threading.Thread(target=workshops.submit, args=(
        db_path, code, "Bord 1", "Plan", "0780", {"el_personbilar": value}),
        kwargs={"device_key": DEVICE}) for value in (40.0, 50.0)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = workshops.list_submissions(db_path, code, latest_only=False)
    assert [s.version for s in every] == [1, 2]
    assert len(workshops.list_submissions(db_path, code)) == 1


def test_W41_a_participant_comes_back_after_losing_the_connection(db_path: Path) -> None:
    facilitator, code = create_workshop("Tappad anslutning")
    phone = join(code)
    phone.slider(key="lever_el_personbilar").set_value(85.0).run()
    submit(phone, "Bord 7", "Elbil")
    address = dict(phone.query_params)
    assert address["el_personbilar"] == "85" and address["workshop"] == code
    # The phone's browser reconnects: a new session from the same address.
    again = open_app(address)
    assert again.slider(key="lever_el_personbilar").value == 85.0
    assert "Tappad anslutning" in [s.value for s in again.text]
    assert again.session_state["workshop_device_key"] == address["device"]  # still its name
    again.slider(key="lever_el_personbilar").set_value(95.0).run()
    submit(again, "Bord 7", "Elbil")
    assert "version 2" in again.success[0].value
    rerun(facilitator)
    figures = facilitator.dataframe[0].value
    assert len(figures) == 1 and figures.iloc[0]["Version"] == 2
    assert [s.levers["el_personbilar"] for s in workshops.list_submissions(
        db_path, code, latest_only=False)] == [85.0, 95.0]


def test_W42_a_submission_after_closing(db_path: Path) -> None:
    facilitator, code = create_workshop("Stänger snart")
    phone = join(code)  # the form is on the phone already
    facilitator.button(key="ws_close").click().run()
    submit(phone, "Bord 1", "Sent")
    assert "stängt workshopen för inskick" in messages(phone)
    assert _count(db_path, code) == 0


def test_W43_showing_a_submission_with_levers_the_app_cannot_use(db_path: Path) -> None:
    facilitator, code = create_workshop("Gammalt inskick")
    stored = workshops.submit(db_path, code, "Bord 1", "Gammal", "0780",
                              {"el_personbilar": 55.0, "borttagen_spak": 3.0,
                               "reduktionsplikt_diesel": 250.0}, device_key=DEVICE)
    forget_cached()
    rerun(facilitator)
    facilitator.selectbox(key="ws_show_choice").set_value(stored.submission_id).run()
    facilitator.button(key="ws_show").click().run()
    assert not facilitator.exception
    (warning,) = facilitator.warning
    assert "Inskicket kunde inte läsas helt" in warning.value
    assert "borttagen\\_spak" in warning.value and "250" in warning.value
    assert facilitator.query_params["presenter"] == "1"
    assert facilitator.session_state["lever_el_personbilar"] == 55.0
    assert facilitator.session_state["lever_reduktionsplikt_diesel"] == 10.0  # the reference


# ======================================================================================
# The database


@pytest.fixture
def own_db(tmp_path: Path) -> Iterator[Path]:
    """A fresh database for a case that breaks it."""
    with database_at(tmp_path / "own" / "klimat.duckdb") as path:
        forget_cached()
        yield path
    forget_cached()


@pytest.fixture
def immutable():
    """Make a file read-only for root too (chattr +i); undone afterwards."""
    made: list[Path] = []

    def make(path: Path) -> None:
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"chattr +i is not permitted here: {done.stderr.decode().strip()}")
        made.append(path)

    yield make
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], check=False)


@pytest.fixture
def locker():
    """Another process holding a write connection on a database file until released."""
    held: list[subprocess.Popen[str]] = []

    def lock(path: Path) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1]); "
             "print('ready', flush=True); sys.stdin.read()", str(path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        held.append(process)
        return process

    yield lock
    for process in held:
        release(process)


def release(process: subprocess.Popen[str]) -> None:
    """Let the locking process close its connection and exit."""
    if process.poll() is None:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=20)


def test_W44_the_file_deleted_while_running(own_db: Path) -> None:
    facilitator, code = create_workshop("Försvinner")
    phone = join(code)
    own_db.unlink()
    forget_cached()
    rerun(phone)
    assert "Workshopens data kan inte nås just nu" in phone.error[0].value
    assert "finns inte" in phone.error[0].value
    assert str(own_db.parent) not in phone.error[0].value  # no server path for a visitor
    rerun(facilitator)
    assert "finns inte" in facilitator.error[0].value
    assert str(own_db.parent) not in facilitator.error[0].value
    phone.switch_page(SCENARIO_PAGE).run()
    assert not phone.exception and metric_value(phone, FOSSIL)  # the scenario still works
    phone.switch_page("pages/sparade.py").run()
    assert "kan inte nås just nu" in phone.error[0].value
    assert not own_db.exists()  # no empty database made in its place


def test_W45_a_read_only_file(own_db: Path, immutable) -> None:
    facilitator, code = create_workshop("Skrivskyddad")
    phone = submit(join(code), "Bord 1", "Före")
    before = _digest(own_db)
    immutable(own_db)
    submit(phone, "Bord 2", "Efter")
    assert "går inte att skriva till" in messages(phone)
    forget_cached()
    rerun(facilitator)  # reading still works: the room keeps its overview
    assert list(facilitator.dataframe[0].value["Deltagare"]) == ["Bord 1"]
    assert _digest(own_db) == before and _count(own_db, code) == 1


def test_W46_a_file_locked_by_another_process(own_db: Path, locker, monkeypatch) -> None:
    monkeypatch.setattr(workshops, "TIMEOUT_S", 0.5)
    facilitator, code = create_workshop("Låst")
    phone = submit(join(code), "Bord 1", "Före")
    holder = locker(own_db)
    submit(phone, "Bord 2", "Under låset")
    assert "används av ett annat program" in messages(phone)
    assert str(own_db.parent) not in messages(phone)  # no server path for a visitor
    forget_cached()
    rerun(facilitator)
    assert "används av ett annat program" in facilitator.error[0].value
    release(holder)
    forget_cached()
    submit(phone, "Bord 2", "Efter låset")
    assert "är inskickat" in phone.success[0].value
    assert [s.participant for s in workshops.list_submissions(own_db, code)] == [
        "Bord 1", "Bord 2"]


def test_W47_locked_when_the_server_starts(tmp_path: Path, locker, monkeypatch) -> None:
    monkeypatch.setitem(database.connect.__wrapped__.__kwdefaults__, "timeout", 0.5)
    path = tmp_path / "locked" / "klimat.duckdb"
    build_database(path, DATA_DIR)
    locker(path)
    with database_at(path, build=False, clear_caches=True):
        at = open_app(page=None)
        assert "används av ett annat program" in at.warning[0].value
        assert metric_value(at, FOSSIL)  # the figures come from the CSV files


def test_W48_a_corrupt_file_when_the_server_starts(tmp_path: Path) -> None:
    path = tmp_path / "corrupt" / "klimat.duckdb"
    path.parent.mkdir()
    path.write_bytes(b"\x00garbage, not a database\xff" * 4096)
    before = _digest(path)
    with database_at(path, build=False, clear_caches=True):
        at = open_app(page=None)
        assert "skadad" in at.warning[0].value
        assert metric_value(at, FOSSIL)
        at.switch_page("pages/workshop.py").run()
        at.text_input(key="ws_new_name").input("Går inte")
        at.button(key="ws_create").click().run()
        assert "skadad" in messages(at)
        forget_cached()
    assert _digest(path) == before  # never overwritten: whatever was saved can be rescued


def test_W49_a_directory_in_place_of_the_file(tmp_path: Path, db_path: Path) -> None:
    _, code = create_workshop("Katalog")
    with database_at(tmp_path, build=False):
        forget_cached()
        phone = join(code)
        assert "ingen databasfil" in phone.error[0].value
        assert str(tmp_path) not in phone.error[0].value  # no server path for a visitor
    forget_cached()
    assert workshops.get_workshop(db_path, code) is not None


def test_W50_a_data_rebuild_keeps_the_workshops(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = tmp_path / "klimat.duckdb"
    build_database(path, data)
    workshop = workshops.create_workshop(path, "Överlever", "0780", "Växjö")
    workshops.submit(path, workshop.code, "Bord 1", "Plan", "0780", {"el_personbilar": 80.0},
                     device_key=DEVICE)
    with (data / "sources.csv").open("a") as handle:
        handle.write("\n")  # a changed CSV: the data tables are rebuilt
    assert build_database(path, data)
    assert is_user_table("workshops") and is_user_table("workshop_submissions")
    assert workshops.get_workshop(path, workshop.code) == workshop
    assert _count(path, workshop.code) == 1


def test_W51_saving_a_scenario_on_a_read_only_file(own_db: Path, immutable) -> None:
    kept = scenarios.save_new(own_db, "Finns kvar", "", "", "0780", {"el_personbilar": 60.0})
    immutable(own_db)
    at = open_app(page="pages/sparade.py")
    at.text_input(key="saved_name").input("Nytt")
    at.button(key="saved_submit").click().run()
    assert "går inte att skriva till" in messages(at)
    assert [s.name for s in scenarios.list_scenarios(own_db)] == [kept.name]


def test_W52_saving_a_scenario_on_a_locked_file(own_db: Path, locker, monkeypatch) -> None:
    monkeypatch.setitem(database.connect.__wrapped__.__kwdefaults__, "timeout", 0.5)
    # Saving waits in write_transaction (30 s in the app): half a second here as well.
    monkeypatch.setattr(scenarios, "write_transaction",
                        functools.partial(database.write_transaction, timeout=0.5))
    monkeypatch.setitem(backend.connect.__wrapped__.__kwdefaults__, "timeout", 0.5)
    kept = scenarios.save_new(own_db, "Finns kvar", "", "", "0780", {"el_personbilar": 60.0})
    at = open_app(page="pages/sparade.py")
    holder = locker(own_db)
    at.text_input(key="saved_name").input("Nytt")
    at.button(key="saved_submit").click().run()
    assert "används av ett annat program" in messages(at)
    release(holder)
    assert [s.name for s in scenarios.list_scenarios(own_db)] == [kept.name]


# ======================================================================================
# A page reload mid-save


def _stop_after_work(module, monkeypatch) -> None:
    """Make the next write stop (as a reload stops a script run) after its INSERT, before
    its COMMIT."""
    original = module._write

    def write(db, work):  # noqa: ANN001, ANN202
        def interrupted(con: duckdb.DuckDBPyConnection):  # noqa: ANN202
            work(con)
            raise StopException()

        monkeypatch.setattr(module, "_write", original)
        return original(db, interrupted)

    monkeypatch.setattr(module, "_write", write)


def test_W53_a_stopped_submission_leaves_nothing(db_path: Path, monkeypatch) -> None:
    workshop = workshops.create_workshop(db_path, "Avbruten", "0780", "Växjö")
    _stop_after_work(workshops, monkeypatch)
    with pytest.raises(StopException):
        workshops.submit(db_path, workshop.code, "Bord 1", "Plan", "0780", {}, device_key=DEVICE)
    assert _count(db_path, workshop.code) == 0
    workshops.submit(db_path, workshop.code, "Bord 1", "Plan", "0780", {}, device_key=DEVICE)
    assert _count(db_path, workshop.code) == 1


def test_W54_a_stopped_scenario_save_leaves_nothing(db_path: Path, monkeypatch) -> None:
    before = {s.scenario_id for s in scenarios.list_scenarios(db_path)}
    _stop_after_work(scenarios, monkeypatch)
    with pytest.raises(StopException):
        scenarios.save_new(db_path, "Avbruten", "", "", "0780", {"el_personbilar": 50.0})
    assert {s.scenario_id for s in scenarios.list_scenarios(db_path)} == before


def test_W55_reload_while_the_save_is_in_flight(db_path: Path, monkeypatch) -> None:
    facilitator, code = create_workshop("Omladdning")
    phone = join(code, el_personbilar=75)
    phone.text_input(key="ws_participant").input("Bord 3")
    phone.text_input(key="ws_scenario_name").input("Mitt i")
    inside, go_on = threading.Event(), threading.Event()
    original = workshops._write

    def slow_write(db, work):  # noqa: ANN001, ANN202
        def held(con: duckdb.DuckDBPyConnection):  # noqa: ANN202
            result = work(con)
            inside.set()
            assert go_on.wait(20)
            return result

        return original(db, held)

    monkeypatch.setattr(workshops, "_write", slow_write)
    saving = threading.Thread(target=lambda: phone.button(key="ws_submit").click().run())
    saving.start()
    assert inside.wait(20)
    reloaded = open_app(dict(phone.query_params))  # the reload, while the save waits
    assert reloaded.slider(key="lever_el_personbilar").value == 75.0
    assert "Omladdning" in [s.value for s in reloaded.text]
    go_on.set()
    saving.join(30)
    monkeypatch.setattr(workshops, "_write", original)
    assert _count(db_path, code) == 1
    rerun(facilitator)
    assert list(facilitator.dataframe[0].value["Deltagare"]) == ["Bord 3"]


def test_W56_reload_stops_the_save_before_it_commits(db_path: Path, monkeypatch) -> None:
    _, code = create_workshop("Avbruten omladdning")
    phone = join(code, el_personbilar=65)
    _stop_after_work(workshops, monkeypatch)
    phone.text_input(key="ws_participant").input("Bord 4")
    phone.text_input(key="ws_scenario_name").input("Plan")
    phone.button(key="ws_submit").click().run()  # the run is stopped mid-save
    assert _count(db_path, code) == 0
    reloaded = open_app(dict(phone.query_params))
    assert reloaded.slider(key="lever_el_personbilar").value == 65.0
    submit(reloaded, "Bord 4", "Plan")
    assert "version 1" in reloaded.success[0].value and _count(db_path, code) == 1


# ======================================================================================
# A room you don't know (issue 10)


def test_W57_a_url_in_the_workshop_name_stays_text(db_path: Path) -> None:
    name = "Se https://evil.example/x och www.evil.example"
    facilitator, code = create_workshop(name)
    assert name in [s.value for s in facilitator.text]
    assert not any("evil.example" in value for value in markup(facilitator))
    phone = join(code)
    assert name in [s.value for s in phone.text]
    assert not any("evil.example" in value for value in markup(phone))


def test_W58_saved_names_in_the_comparison_notice_are_escaped(db_path: Path) -> None:
    name = "![spion](https://evil.example/pixel.png) **fet**"
    scenarios.save_new(db_path, name, "", "", "0780", {"borttagen_spak": 1.0})
    at = open_app(page="pages/jamfor.py")
    notices = [i.value for i in at.info if "spion" in i.value]
    assert notices, [i.value for i in at.info]
    assert "![spion]" not in notices[0] and "\\!\\[spion\\]" in notices[0]
