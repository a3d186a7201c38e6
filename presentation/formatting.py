"""Numbers the Swedish way in Swedish (space for thousands, comma for decimals)."""

from __future__ import annotations

import math

_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~:$=&\"'/@%^;,?")
NBSP = "\u00a0"  # keeps "224 164" and "9,1 %" on one line

MONTHS: dict[str, tuple[str, ...]] = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def fmt_number(value: float | None, lang: str, decimals: int = 0) -> str:
    """224164.4 → '224 164' (sv) or '224,164' (en); None or NaN → '–'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", " ").replace(".", ",").replace(" ", NBSP)
    return text.replace("-", "−")  # the minus sign in both languages


def fmt_tonnes(value: float | None, lang: str) -> str:
    """Tonnes with unit, rounded to 100 t from 1 000 t up (the model is no more precise;
    '8 421 t' beside '63 900 t' looked more exact than it is), whole tonnes below."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    rounded = round(value, -2) if abs(value) >= 1_000 else round(value)
    return f"{fmt_number(rounded, lang)}{NBSP}t"


def fmt_kt(value_t: float | None, lang: str, decimals: int = 0) -> str:
    """Tonnes shown as kilotonnes: 127795 → '128 kt'."""
    if value_t is None:
        return "–"
    return f"{fmt_number(value_t / 1000.0, lang, decimals)}{NBSP}kt"


def fmt_percent(fraction: float | None, lang: str, decimals: int = 1, signed: bool = False) -> str:
    """0.0914 → '9,1 %' (sv) or '9.1%' (en)."""
    if fraction is None or (isinstance(fraction, float) and math.isnan(fraction)):
        return "–"
    number = fmt_number(fraction * 100.0, lang, decimals)
    if signed and fraction > 0:
        number = "+" + number
    return f"{number}{NBSP}%" if lang == "sv" else f"{number}%"


def fmt_month_year(year: int | None, month: int | None, lang: str, never: str) -> str:
    """'mars 2036', or the given text when the budget is not exhausted."""
    if year is None:
        return never
    if month is None:
        return str(year)
    return f"{MONTHS.get(lang, MONTHS['sv'])[month - 1]} {year}"


def fmt_lever_value(value: float, unit: str, lang: str) -> str:
    """A lever value with its unit: '16,8 %', '200 kt CO2/år', '2030'."""
    if unit == "år":
        return str(int(round(value)))
    decimals = 0 if float(value).is_integer() else 1
    number = fmt_number(value, lang, decimals)
    if unit == "%":
        return f"{number}{NBSP}%" if lang == "sv" else f"{number}%"
    unit_text = unit if lang == "sv" else unit.replace("/år", "/yr")
    return f"{number}{NBSP}{unit_text}"


# Vega-Lite's locale for chart axes: the same Swedish number format as the text.
VEGA_LOCALE: dict[str, dict[str, object]] = {
    "sv": {
        "number": {"decimal": ",", "thousands": NBSP, "grouping": [3], "currency": ["", " kr"],
                   "minus": "−"},
        "time": {
            "dateTime": "%A %e %B %Y %X", "date": "%Y-%m-%d", "time": "%H:%M:%S",
            "periods": ["fm", "em"],
            "days": ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
            "shortDays": ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
            "months": list(MONTHS["sv"]),
            "shortMonths": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep",
                            "okt", "nov", "dec"],
        },
    },
    "en": {
        "number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " SEK"],
                   "minus": "−"},
    },
}


def for_metric_delta(text: str) -> str:
    """Streamlit colours and points a metric's delta by a leading ASCII '-': use it there."""
    return "-" + text[1:] if text.startswith("−") else text


MINUS = "\u2212"  # the typographic minus: "−57 %", never the hyphen "-57 %"


def fmt_signed(text: str, value: float) -> str:
    """A formatted magnitude with its sign in front: '+' or '−' (U+2212), none for zero."""
    body = text.lstrip("+-−")
    if value > 0:
        return "+" + body
    if value < 0:
        return MINUS + body
    return body


def months_between(year: int | None, month: int | None, reference_year: int | None,
                   reference_month: int | None) -> int | None:
    """Months later than the reference; None when either is 'not by 2050' (no count)."""
    if year is None or reference_year is None:
        return None
    return (year * 12 + (month or 1)) - (reference_year * 12 + (reference_month or 1))


def fmt_months(months: int, lang: str) -> str:
    """A signed span in years and months: '+1 år 7 mån', '−7 mån' ('+1 yr 7 mo')."""
    years, rest = divmod(abs(months), 12)
    year_unit, month_unit = ("år", "mån") if lang == "sv" else ("yr", "mo")
    parts = ([f"{years}{NBSP}{year_unit}"] if years else []) + (
        [f"{rest}{NBSP}{month_unit}"] if rest or not years else [])
    return fmt_signed(" ".join(parts), months)


def fmt_points(points: float, lang: str, decimals: int = 0, short: bool = False) -> str:
    """A change in percentage points: '+90 procentenheter' or '+90 p.e.' ('+90 pp')."""
    unit = ("p.e." if short else "procentenheter") if lang == "sv" else (
        "pp" if short else "percentage points")
    return f"{fmt_signed(fmt_number(abs(points), lang, decimals), points)}{NBSP}{unit}"


def plain_markdown(text: str) -> str:
    """Text that Streamlit's Markdown shows literally: every punctuation mark escaped."""
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in text)
