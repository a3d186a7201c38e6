"""Scenario links (presentation/links.py): settings → query parameters → the same settings,
and garbage."""

from __future__ import annotations

import math
from urllib.parse import parse_qs, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.levers import LEVER_SPECS, REFERENCE_LEVERS
from presentation.links import (
    BUDGET_KT_RANGE,
    BUDGET_START_RANGE,
    MAX_SHOWN,
    Budget,
    format_number,
    link_params,
    parse_link,
    shown,
)

MUNICIPALITIES = ("0780", "0764")
REFERENCE = REFERENCE_LEVERS.as_dict()
DEFAULT_BUDGET = Budget(2760, 2023, False)


def _through_url(params: dict[str, str]) -> dict[str, str]:
    """What a browser gives back: the parameters encoded into a query string and parsed."""
    parsed = parse_qs(urlencode(params), keep_blank_values=True)
    return {key: values[-1] for key, values in parsed.items()}


def test_reference_link_holds_only_version_and_municipality() -> None:
    assert link_params("0780", "sv", REFERENCE, REFERENCE) == {"v": "1", "kommun": "0780"}


def test_link_lists_differing_levers_in_lever_order_with_language_and_budget() -> None:
    levers = {**REFERENCE, "reduktionsplikt_diesel": 30.0, "el_personbilar": 80.0}
    params = link_params("0780", "en", levers, REFERENCE, Budget(3000, 2023, True),
                         DEFAULT_BUDGET)
    assert list(params.items()) == [
        ("v", "1"), ("kommun", "0780"), ("lang", "en"), ("el_personbilar", "80"),
        ("reduktionsplikt_diesel", "30"), ("budget_kt", "3000"), ("beccs_budget", "1"),
    ]


def test_a_good_link_is_read_without_problems() -> None:
    parsed = parse_link({"v": "1", "kommun": "0764", "lang": "en", "el_personbilar": "80",
                         "budget_kt": "3000", "budget_start": "2020", "beccs_budget": "1"},
                        MUNICIPALITIES)
    assert parsed.problems == ()
    assert (parsed.municipality, parsed.lang, dict(parsed.levers)) == (
        "0764", "en", {"el_personbilar": 80.0})
    assert (parsed.budget_kt, parsed.budget_start, parsed.count_beccs) == (3000, 2020, True)


def test_no_parameters_mean_the_defaults() -> None:
    parsed = parse_link({}, MUNICIPALITIES)
    assert parsed == parse_link({"v": "1"}, MUNICIPALITIES)
    assert parsed.municipality is None and parsed.lang is None and not parsed.levers
    assert not parsed.sets_budget and parsed.problems == ()


@pytest.mark.parametrize(
    ("params", "kind", "param"),
    [
        ({"flygbilar": "50"}, "unknown_param", "flygbilar"),
        ({"el_personbilar": "150"}, "out_of_range", "el_personbilar"),
        ({"trafik_personbilar": "-41"}, "out_of_range", "trafik_personbilar"),
        ({"el_personbilar": "åttio"}, "not_a_number", "el_personbilar"),
        ({"el_personbilar": "nan"}, "not_a_number", "el_personbilar"),
        ({"el_personbilar": "inf"}, "not_a_number", "el_personbilar"),
        ({"el_personbilar": "1_0"}, "not_a_number", "el_personbilar"),
        ({"el_personbilar": ""}, "not_a_number", "el_personbilar"),
        ({"kommun": "9999"}, "unknown_municipality", "kommun"),
        ({"lang": "de"}, "unknown_language", "lang"),
        ({"budget_kt": "0"}, "out_of_range", "budget_kt"),
        ({"budget_kt": "2760.5"}, "not_a_number", "budget_kt"),
        ({"budget_start": "1990"}, "out_of_range", "budget_start"),
        ({"beccs_budget": "ja"}, "bad_flag", "beccs_budget"),
        ({"v": "2", "el_personbilar": "80"}, "unknown_version", "v"),
    ],
)
def test_each_bad_parameter_is_reported_and_not_used(params: dict, kind: str, param: str) -> None:
    parsed = parse_link(params, MUNICIPALITIES)
    assert [(p.kind, p.param) for p in parsed.problems] == [(kind, param)]
    assert not parsed.levers and not parsed.sets_budget
    assert parsed.municipality is None and parsed.lang is None


def test_an_unknown_version_still_reads_municipality_and_language() -> None:
    parsed = parse_link({"v": "7", "kommun": "0764", "lang": "en", "el_personbilar": "80"},
                        MUNICIPALITIES)
    assert (parsed.municipality, parsed.lang, dict(parsed.levers)) == ("0764", "en", {})


def test_good_parameters_survive_bad_ones_beside_them() -> None:
    parsed = parse_link({"el_personbilar": "80", "reduktionsplikt_diesel": "300",
                         "<script>": "x"}, MUNICIPALITIES)
    assert dict(parsed.levers) == {"el_personbilar": 80.0}
    assert {p.kind for p in parsed.problems} == {"out_of_range", "unknown_param"}


def test_hostile_input_is_cut_and_stripped_of_control_characters() -> None:
    parsed = parse_link({"<img src=x onerror=alert(1)>" * 400: "\u0000\n\x1b[31m" + "A" * 10_000},
                        MUNICIPALITIES)
    (problem,) = parsed.problems
    assert len(problem.param) <= MAX_SHOWN and len(problem.value) <= MAX_SHOWN
    assert problem.value.startswith("???[31m") and problem.param.endswith("…")


def test_a_repeated_parameter_counts_with_its_last_value() -> None:
    parsed = parse_link({"el_personbilar": ["10", "90"]}, MUNICIPALITIES)
    assert dict(parsed.levers) == {"el_personbilar": 90.0}


@pytest.mark.parametrize("value", [0.0, 80.0, 12.5, 0.1, 1e-7, 2029.0, -40.0, 1 / 3])
def test_numbers_are_written_so_that_they_read_back_exactly(value: float) -> None:
    assert float(format_number(value)) == value
    assert "e" not in format_number(80.0) and format_number(80.0) == "80"


def test_shown_keeps_short_text() -> None:
    assert shown("el_personbilar") == "el_personbilar"


def _lever_values() -> st.SearchStrategy[dict[str, float]]:
    """Any valid setting: each lever at its reference or anywhere in its range."""
    return st.fixed_dictionaries({
        spec.id: st.one_of(
            st.just(float(spec.reference)),
            st.floats(spec.min, spec.max, allow_nan=False, allow_infinity=False),
            st.integers(int(spec.min), int(spec.max)).map(float),
        )
        for spec in LEVER_SPECS
    })


@settings(max_examples=200, deadline=None)
@given(
    levers=_lever_values(),
    municipality=st.sampled_from(MUNICIPALITIES),
    lang=st.sampled_from(("sv", "en")),
    budget=st.builds(Budget, st.integers(*BUDGET_KT_RANGE), st.integers(*BUDGET_START_RANGE),
                     st.booleans()),
)
def test_any_valid_setting_round_trips_through_the_address(
    levers: dict[str, float], municipality: str, lang: str, budget: Budget
) -> None:
    params = link_params(municipality, lang, levers, REFERENCE, budget, DEFAULT_BUDGET)
    parsed = parse_link(_through_url(params), MUNICIPALITIES)
    assert parsed.problems == ()
    assert parsed.municipality == municipality
    assert (parsed.lang or "sv") == lang
    assert {**REFERENCE, **parsed.levers} == levers  # exactly, not approximately
    read = Budget(
        parsed.budget_kt if parsed.budget_kt is not None else DEFAULT_BUDGET.kt,
        parsed.budget_start if parsed.budget_start is not None else DEFAULT_BUDGET.start,
        parsed.count_beccs if parsed.count_beccs is not None else DEFAULT_BUDGET.count_beccs,
    )
    assert read == budget


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(
    st.one_of(st.text(max_size=60), st.sampled_from([s.id for s in LEVER_SPECS] + ["v", "kommun",
                                                                                   "lang"])),
    st.one_of(st.text(max_size=200), st.lists(st.text(max_size=20), max_size=3),
              st.floats().map(str)),
    max_size=8,
))
def test_garbage_never_raises_and_only_valid_values_come_through(params: dict) -> None:
    parsed = parse_link(params, MUNICIPALITIES)
    for problem in parsed.problems:
        assert len(problem.param) <= MAX_SHOWN and len(problem.value) <= MAX_SHOWN
        assert not any(ord(c) < 32 for c in problem.param + problem.value)
    by_id = {spec.id: spec for spec in LEVER_SPECS}
    for lever_id, value in parsed.levers.items():
        assert math.isfinite(value) and by_id[lever_id].min <= value <= by_id[lever_id].max
