"""The text catalogue and Swedish number formatting."""

from __future__ import annotations

import string

import pytest

from presentation.formatting import fmt_month_year, fmt_number, fmt_percent, fmt_tonnes
from presentation.i18n import TEXTS, t


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_have_the_same_placeholders(key: str) -> None:
    entry = TEXTS[key]
    assert entry["sv"].strip() and entry["en"].strip()
    assert _placeholders(entry["sv"]) == _placeholders(entry["en"])


def test_swedish_numbers_use_space_and_comma() -> None:
    assert fmt_number(2338910, "sv") == "2\u00a0338\u00a0910"
    assert fmt_number(-1234.5, "sv", 1) == "−1\u00a0234,5"
    assert fmt_percent(0.0914, "sv") == "9,1\u00a0%"
    assert fmt_tonnes(127794.5, "sv") == "127\u00a0800\u00a0t"
    assert fmt_month_year(2036, 3, "sv", "aldrig") == "mars 2036"
    assert fmt_month_year(None, None, "sv", "Inte före 2050") == "Inte före 2050"


def test_english_numbers_use_comma_and_point() -> None:
    assert fmt_number(2338910, "en") == "2,338,910"
    assert fmt_percent(0.0914, "en") == "9.1%"
    assert fmt_month_year(2036, 3, "en", "never") == "March 2036"


def test_missing_values_show_a_dash() -> None:
    assert fmt_number(None, "sv") == "–"
    assert fmt_number(float("nan"), "sv") == "–"
    assert fmt_percent(None, "en") == "–"


def test_lookup_fills_placeholders() -> None:
    assert t("title", "sv", name="Alvesta") == "Klimatscenarier för Alvesta"
    assert t("title", "en", name="Alvesta") == "Climate scenarios for Alvesta"
