"""Reading one cell: text, year or number, as SMHI's exports and Excel write them.

Kept apart from the layout and the rows because both read cells the same way, and the rules
(what counts as blank, which number spellings are accepted) must be one and the same.
"""

from __future__ import annotations

import math
import re

from smhi.sectors import clean_label

YEAR_MIN, YEAR_MAX = 1980, 2100

_NUMBER_RE = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
_BLANKS = {"", "-", "–", "—", ".."}


def cell(row: tuple, idx: int) -> object:
    """The value at a 0-based column, None past the row's end (openpyxl trims short rows)."""
    return row[idx] if idx < len(row) else None


def text(value: object) -> str:
    """A cell as cleaned text ("" for an empty cell)."""
    return "" if value is None else clean_label(value)


def year_or_none(value: object) -> int | None:
    """The year in a cell (1990, 1990.0 or "1990"), None unless a whole year in range."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and YEAR_MIN <= value <= YEAR_MAX:
        return value
    return None


def number(value: object) -> float | None:
    """The number in a cell, math.nan for blank/"-", None when it is not a number."""
    if value is None:
        return math.nan
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        cleaned = re.sub(r"[\s\u00a0\u202f]", "", value).replace("−", "-")
        if cleaned in _BLANKS:
            return math.nan
        cleaned = cleaned.replace(",", ".")
        return float(cleaned) if _NUMBER_RE.match(cleaned) else None
    return None
