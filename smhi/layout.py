"""Finding the layout of a Länsrapport sheet: metadata, the year row and the header row.

The rows are located by their labels, not by fixed numbers, so an extra blank line does no
harm. Everything above the data is checked here (report name and date, substance, unit,
headings, years), so that the data rows can be read against a known layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from smhi.cells import YEAR_MAX, YEAR_MIN, cell, text, year_or_none
from smhi.messages import Problems, column_letter, reject
from smhi.sectors import clean_label, sector_key
from smhi.workbook import gas_of_label

HEADER_SCAN_ROWS = 30
HEADER_LABELS = ("Huvudsektor", "Undersektor", "Län", "Kommun")
FIRST_YEAR_COL = 4  # column E, 0-based

_UNIT_RE = re.compile(
    r"^(?P<q>kiloton|kton|kt|tusen ton|1000 ton|ton|t)(?=$|[\s/(,.])", re.IGNORECASE
)


@dataclass
class Layout:
    """Where the data is and what it means: the report, its unit and its year columns."""

    report_name: str
    report_date: date
    unit: str
    unit_factor: float
    header_idx: int  # 0-based index into rows
    year_cols: list[tuple[int, int]]  # (0-based column, year)
    warnings: list[str]


def unit_factor(unit: str) -> float | None:
    """Tonnes per unit for "ton/år", "kiloton CO2-ekvivalenter/år", "kt/år", ...; else None."""
    cleaned = clean_label(unit).casefold()
    match = _UNIT_RE.match(cleaned)
    if not match:
        return None
    return 1.0 if match.group("q") in {"ton", "t"} else 1000.0


def find_layout(rows: list[tuple], gas: str) -> Layout:
    """Locate and check the metadata rows, the year row and the header row.

    Raises ImportRejected with every problem found above the data.
    """
    problems = Problems()
    warnings: list[str] = []
    header_idx = _header_index(rows)
    _check_headings(rows[header_idx], header_idx, problems)
    year_idx = header_idx - 1  # the years are in the row just above the header
    year_cols = _read_years(rows, header_idx, problems)
    meta = rows[: max(year_idx, 0)]
    report_name, report_date = _read_report_name(meta, problems)
    _check_title(meta, gas, problems, warnings)
    unit, factor = _read_unit(meta, problems)
    if report_date is not None:
        _check_years_not_after(report_date, year_cols, year_idx, problems)
    problems.raise_if_any()
    assert report_date is not None
    return Layout(report_name, report_date, unit, factor, header_idx, year_cols, warnings)


def _header_index(rows: list[tuple]) -> int:
    """The header row ("Huvudsektor", ...) among the first rows; else say what is missing."""
    scan = rows[:HEADER_SCAN_ROWS]
    header_idx = next(
        (i for i, r in enumerate(scan) if r and sector_key(r[0]) == sector_key("Huvudsektor")),
        None,
    )
    if header_idx is not None:
        return header_idx
    year_idx = next((i for i, r in enumerate(scan) if year_or_none(cell(r, 4))), None)
    if year_idx is None:
        raise reject(
            None,
            None,
            "hittar varken raden med årtal eller rubrikraden (Huvudsektor, Undersektor, Län, "
            f"Kommun) bland de första {HEADER_SCAN_ROWS} raderna. Är det en Länsrapport från "
            "Nationella emissionsdatabasen?",
            "neither the year row nor the header row (Huvudsektor, Undersektor, Län, Kommun) "
            f"is in the first {HEADER_SCAN_ROWS} rows.",
        )
    found = text(cell(rows[year_idx + 1], 0)) if year_idx + 1 < len(rows) else ""
    raise reject(
        year_idx + 2,
        "A",
        f"rubrikraden saknas: väntade 'Huvudsektor' (följt av Undersektor, Län, Kommun) "
        f"direkt under årtalen, fann '{found}'.",
        f"the header row is missing: expected 'Huvudsektor' (then Undersektor, Län, Kommun) "
        f"right below the years, found '{found}'.",
    )


def _check_headings(header: tuple, header_idx: int, problems: Problems) -> None:
    """Columns B-D must be Undersektor, Län, Kommun: the rows are read by that order."""
    for col, label in enumerate(HEADER_LABELS[1:], start=1):
        got = text(cell(header, col))
        if sector_key(got) != sector_key(label):
            problems.add(
                header_idx + 1,
                column_letter(col),
                f"väntade rubriken '{label}', fann '{got}'.",
                f"expected the heading '{label}', found '{got}'.",
            )


def _read_years(rows: list[tuple], header_idx: int, problems: Problems) -> list[tuple[int, int]]:
    """(column, year) from the row just above the header, column E to its last filled cell."""
    year_idx = header_idx - 1
    if year_idx < 0:
        problems.add(
            header_idx + 1,
            "E",
            "raden med årtal saknas ovanför rubrikraden.",
            "the row of years above the header row is missing.",
        )
        return []
    year_row = rows[year_idx]
    last = max(
        (c for c in range(FIRST_YEAR_COL, len(year_row)) if year_row[c] not in (None, "")),
        default=None,
    )
    if last is None:
        problems.add(
            year_idx + 1,
            "E",
            "raden med årtal (från kolumn E) är tom.",
            "the row of years (from column E) is empty.",
        )
    year_cols: list[tuple[int, int]] = []
    seen: dict[int, int] = {}
    for c in range(FIRST_YEAR_COL, (last or 0) + 1):
        raw = year_row[c]
        year = year_or_none(raw)
        if year is None:
            problems.add(
                year_idx + 1,
                column_letter(c),
                f"'{text(raw)}' är inget årtal (väntade ett heltal {YEAR_MIN}–{YEAR_MAX}).",
                f"'{text(raw)}' is not a year (expected an integer {YEAR_MIN}–{YEAR_MAX}).",
            )
        elif year in seen:
            problems.add(
                year_idx + 1,
                column_letter(c),
                f"året {year} finns redan i kolumn {column_letter(seen[year])}.",
                f"the year {year} already appears in column {column_letter(seen[year])}.",
            )
        else:
            seen[year] = c
            year_cols.append((c, year))
    return year_cols


def _read_report_name(meta: list[tuple], problems: Problems) -> tuple[str, date | None]:
    """The "Rapportnamn:" row: the release's name and date (the date names the import)."""
    report_idx = next(
        (i for i, r in enumerate(meta) if text(cell(r, 0)).casefold().startswith("rapportnamn")),
        None,
    )
    if report_idx is None:
        problems.add(
            1,
            "A",
            "raden 'Rapportnamn:' (med rapportens namn och datum) saknas.",
            "the 'Rapportnamn:' row (report name and date) is missing.",
        )
        return "", None
    r = meta[report_idx]
    first = text(cell(r, 0))
    report_name = text(cell(r, 1)) or first.split(":", 1)[-1].strip()
    report_date = _report_date(cell(r, 1), f"{first} {report_name}")
    if report_date is None:
        problems.add(
            report_idx + 1,
            "B",
            f"hittar inget datum (ÅÅÅÅ-MM-DD) i rapportnamnet '{report_name}'.",
            f"no date (YYYY-MM-DD) in the report name '{report_name}'.",
        )
    return report_name, report_date


def _report_date(raw_date: object, label: str) -> date | None:
    """A date cell as it is, else the first valid YYYY-MM-DD in the label."""
    if isinstance(raw_date, datetime | date):
        return raw_date.date() if isinstance(raw_date, datetime) else raw_date
    match = re.search(r"(\d{4})-(\d{2})-(\d{2})", label)
    if match:
        try:
            return date(*(int(g) for g in match.groups()))
        except ValueError:
            return None
    return None


def _check_title(meta: list[tuple], gas: str, problems: Problems, warnings: list[str]) -> None:
    """The "Emissioner av ..." row must name the same substance as the sheet."""
    title_idx = next(
        (
            i
            for i, r in enumerate(meta)
            if re.match(r"(emissioner|utsläpp) av ", text(cell(r, 0)).casefold())
        ),
        None,
    )
    if title_idx is None:
        warnings.append("Raden 'Emissioner av ...' saknas; ämnet togs från bladets namn.")
        return
    title = text(cell(meta[title_idx], 0))
    substance = title.split(" av ", 1)[1]
    if gas_of_label(substance) != gas:
        problems.add(
            title_idx + 1,
            "A",
            f"rapporten gäller '{substance}', men bladets namn säger "
            f"{'koldioxid' if gas == 'CO2' else 'växthusgaser'}.",
            f"the report is about '{substance}' but the sheet name says {gas}.",
        )


def _read_unit(meta: list[tuple], problems: Problems) -> tuple[str, float]:
    """The "Enhet:" row and its tonnes per unit (kiloton files are multiplied by 1000)."""
    unit_idx = next(
        (i for i, r in enumerate(meta) if text(cell(r, 0)).casefold().startswith("enhet")),
        None,
    )
    if unit_idx is None:
        problems.add(
            3,
            "A",
            "raden 'Enhet: ton/år' saknas, så enheten är okänd.",
            "the 'Enhet: ton/år' row is missing, so the unit is unknown.",
        )
        return "", 1.0
    unit_cell = text(cell(meta[unit_idx], 0))
    unit = unit_cell.split(":", 1)[1].strip() if ":" in unit_cell else ""
    unit = unit or text(cell(meta[unit_idx], 1))
    found_factor = unit_factor(unit)
    if found_factor is None:
        problems.add(
            unit_idx + 1,
            "A",
            f"enheten '{unit}' stöds inte; väntade ton/år eller kiloton/år "
            "(för växthusgaser: ton CO2-ekvivalenter/år).",
            f"unsupported unit '{unit}'; expected ton/år or kiloton/år.",
        )
        return unit, 1.0
    return unit, found_factor


def _check_years_not_after(
    report_date: date, year_cols: list[tuple[int, int]], year_idx: int, problems: Problems
) -> None:
    """Statistics cannot describe a year after the report was made (nor after today): a year
    like 2099 would make the model start its scenario there."""
    latest = min(report_date.year, date.today().year)
    for c, year in year_cols:
        if year > latest:
            problems.add(
                year_idx + 1,
                column_letter(c),
                f"året {year} ligger efter rapportens datum ({report_date.isoformat()}); "
                f"statistiken kan gälla högst år {latest}.",
                f"the year {year} is after the report's date ({report_date.isoformat()}); "
                f"the statistics can cover {latest} at the latest.",
            )
