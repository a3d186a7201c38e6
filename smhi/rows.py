"""Turning the data rows into records: sector, sub-sector, place, and values in tonnes.

Each row below the header is read against the layout: its four labels (Huvudsektor,
Undersektor, Län, Kommun; "Alla" marks a total), its municipality's official code, and one
value per year column. Faults are reported per cell and the row is left out, so that one
upload lists every bad row at once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from smhi.cells import cell, number, text
from smhi.checks import ROUNDING_NEGATIVE_T
from smhi.layout import HEADER_LABELS, Layout
from smhi.messages import Problems, column_letter, fmt_t
from smhi.municipalities import COUNTIES, county_code
from smhi.municipalities import municipality_code as _municipality_code
from smhi.sectors import MAIN_SECTORS, is_total, normalise_main_sector, sector_key


@dataclass
class Row:
    """One data row's labels; values are kept apart, in an array with one row per Row."""

    excel_row: int
    main: str | None  # canonical main sector; None = "Alla" (all sectors)
    sub: str | None  # SMHI sub-sector label; None = "Alla"
    county: str | None  # None = Sweden
    kommun: str | None  # None = whole county / Sweden
    code: str | None  # municipality code for municipality rows


def parse_rows(
    rows: list[tuple], layout: Layout, problems: Problems, warnings: list[str]
) -> tuple[list[Row], np.ndarray, np.ndarray]:
    """Labels and values of every data row; values in tonnes, blank = NaN (later 0).

    Returns the rows, their values (one column per year) and where the cells were blank.
    """
    reader = _RowReader(layout, problems, warnings)
    for i in range(layout.header_idx + 1, len(rows)):
        raw = rows[i]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw):
            continue
        reader.read(raw, i + 1)
    n_cols = len(layout.year_cols)
    arr = np.array(reader.values, dtype=float).reshape(len(reader.values), n_cols)
    blank = np.isnan(arr)
    return reader.out, arr, blank


def value_warnings(values: np.ndarray, blank: np.ndarray, keep: list[int]) -> list[str]:
    """What reading the kept rows' values decided: blanks read as 0, rounding noise set to 0."""
    warnings = []
    kept_values = values[keep] if keep else values[:0]
    n_blank = int(blank[keep].sum()) if keep else 0
    if n_blank:
        warnings.append(f"{n_blank} tomma celler (eller '-') lästes som 0 t.")
    tiny = int(((kept_values < 0) & (kept_values >= -ROUNDING_NEGATIVE_T)).sum())
    if tiny:
        warnings.append(
            f"{tiny} små negativa värden (mellan -1 och 0 t, avrundningsbrus) sattes till 0 t."
        )
    return warnings


@dataclass
class _RowReader:
    """Reads rows one by one; remembers what it has reported so each fault is said once."""

    layout: Layout
    problems: Problems
    warnings: list[str]
    out: list[Row] = field(default_factory=list)
    values: list[list[float]] = field(default_factory=list)
    unknown_main: set[str] = field(default_factory=set)
    unknown_kommun: set[str] = field(default_factory=set)
    county_warned: set[str] = field(default_factory=set)
    seen: dict[tuple, int] = field(default_factory=dict)

    def read(self, raw: tuple, excel_row: int) -> None:
        """Keep the row (labels and values) unless its labels are wrong or repeated."""
        labels = self._labels(raw, excel_row)
        if labels is None:
            return
        a, b, c_, d = labels
        sectors = self._sectors(a, b, excel_row)
        if sectors is None:
            return
        main, sub = sectors
        county = None if is_total(c_) else c_
        kommun = None if is_total(d) else d
        known, code = self._code(county, kommun, excel_row)
        if not known:
            return
        key = (main, sector_key(b), sector_key(c_), sector_key(d))
        if self._repeated(key, excel_row):
            return
        self.values.append(self._values(raw, excel_row))
        self.out.append(Row(excel_row, main, sub, county, kommun, code))

    def _labels(self, raw: tuple, excel_row: int) -> list[str] | None:
        """The four labels A-D, or None (reported) when any is empty."""
        labels = [text(cell(raw, c)) for c in range(4)]
        missing = [c for c in range(4) if not labels[c]]
        for c in missing:
            self.problems.add(
                excel_row,
                column_letter(c),
                f"{HEADER_LABELS[c].lower()} saknas (skriv 'Alla' för totalen).",
                f"{HEADER_LABELS[c]} is missing ('Alla' for the total).",
            )
        return None if missing else labels

    def _sectors(self, a: str, b: str, excel_row: int) -> tuple[str | None, str | None] | None:
        """(canonical main sector, SMHI sub-sector), None meaning "Alla"; None if unknown."""
        main = None if is_total(a) else normalise_main_sector(a)
        if main is None and not is_total(a):
            if a not in self.unknown_main:
                self.unknown_main.add(a)
                self.problems.add(
                    excel_row,
                    "A",
                    f"okänd huvudsektor '{a}'. Kända: {', '.join(MAIN_SECTORS)}.",
                    f"unknown main sector '{a}'.",
                )
            return None
        sub = None if is_total(b) else b
        if main is None and sub is not None:
            self.problems.add(
                excel_row,
                "B",
                f"undersektorn '{b}' står under huvudsektor 'Alla'.",
                f"sub-sector '{b}' under main sector 'Alla'.",
            )
            return None
        return main, sub

    def _code(
        self, county: str | None, kommun: str | None, excel_row: int
    ) -> tuple[bool, str | None]:
        """(row usable, municipality code); county and Sweden rows have no code."""
        if kommun is None:
            return True, None
        if county is None:
            self.problems.add(
                excel_row,
                "C",
                f"länet saknas för kommunen '{kommun}'.",
                f"county missing for municipality '{kommun}'.",
            )
            return False, None
        code = _municipality_code(kommun)
        if code is None:
            if kommun not in self.unknown_kommun:
                self.unknown_kommun.add(kommun)
                self.problems.add(
                    excel_row,
                    "D",
                    f"okänd kommun '{kommun}' (inte en av Sveriges 290 kommuner).",
                    f"unknown municipality '{kommun}'.",
                )
            return False, None
        if county_code(county) != code[:2] and kommun not in self.county_warned:
            # A wrong county is SMHI's or the user's slip; the municipality's code decides.
            self.county_warned.add(kommun)
            self.warnings.append(
                f"{kommun} står under {county} i filen men hör till "
                f"{COUNTIES.get(code[:2], code[:2])} (rad {excel_row})."
            )
        return True, code

    def _repeated(self, key: tuple, excel_row: int) -> bool:
        """A second row for the same sector and place would be counted twice in the sums."""
        if key in self.seen:
            self.problems.add(
                excel_row,
                None,
                f"raden upprepar rad {self.seen[key]} (samma huvudsektor, undersektor, län och "
                "kommun).",
                f"duplicates row {self.seen[key]} (same sector, sub-sector, county, "
                "municipality).",
            )
            return True
        self.seen[key] = excel_row
        return False

    def _values(self, raw: tuple, excel_row: int) -> list[float]:
        """The row's values in tonnes, one per year; text and real negatives are reported."""
        row_values: list[float] = []
        for col, _ in self.layout.year_cols:
            value = cell(raw, col)
            found = number(value)
            if found is None:
                self.problems.add(
                    excel_row,
                    column_letter(col),
                    f"värdet '{text(value)}' är inte ett tal.",
                    f"the value '{text(value)}' is not a number.",
                )
                found = math.nan
            else:
                found *= self.layout.unit_factor
            if found < -ROUNDING_NEGATIVE_T:
                self.problems.add(
                    excel_row,
                    column_letter(col),
                    f"värdet {fmt_t(found)} t är negativt; utsläpp i Länsrapporten kan inte "
                    "vara negativa (markanvändning, LULUCF, ingår inte).",
                    f"the value {fmt_t(found)} t is negative; emissions cannot be negative.",
                )
            row_values.append(found)
        return row_values
