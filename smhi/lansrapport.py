"""Parser for SMHI Nationella emissionsdatabasen's "Länsrapport" Excel export.

Layout (one sheet per substance, e.g. "Koldioxid (CO2)"):

    row 1  Rapportnamn: | Länsrapport, 2024-04-18
    row 2  Emissioner av Koldioxid (CO2)
    row 3  Enhet: ton/år
    row 4  (blank)
    row 5  (blank x4) | 1990 | 2000 | ...            <- years from column E
    row 6  Huvudsektor | Undersektor | Län | Kommun | CO2 | CO2 | ...
    row 7+ data; "Alla" marks totals (all sectors / all sub-sectors / whole county / Sweden)

The rows are located by their labels, not by fixed numbers, so an extra blank line does no
harm. The file is checked completely before anything is returned: either a ParsedReport or
ImportRejected with every problem found (up to a limit), in Swedish and English, naming the
Excel row and column, so that a user can fix the file or report it to SMHI.

Decisions (documented for users in the messages and warnings):

* Blank cells and "-" in a value column mean "nothing reported" and are read as 0 t, with a
  warning that counts them; SMHI itself writes 0.
* Negative values are rejected: LULUCF is not in these reports, so no sector can be negative.
  Values between -1 t and 0 are rounding noise; they become 0 with a warning.
* Sub-sectors must sum to their main sector, and main sectors to the "Alla" total, within
  0.5 % or 1 t, whichever is larger.
* All nine main sectors must be present for every municipality: a scenario built on a
  partial export would silently miss emissions.
* The whole file is validated even when one municipality is asked for: a damaged export is not
  trusted for any municipality.

Where each step lives (this module is the public entry and puts them in order):

    smhi/workbook.py  reading the file: size limits, openpyxl, the substance's sheet
    smhi/cells.py     one cell as text, year or number
    smhi/layout.py    metadata, the year row and the header row (unit_factor)
    smhi/rows.py      data rows as records with values in tonnes
    smhi/checks.py    sums, all main sectors, the municipality asked for
    smhi/frames.py    the tidy result frames, SMHI's missing breakdowns booked as remainder
    smhi/messages.py  ImportProblem, ImportRejected and the collected problems
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from smhi.checks import Gap, check_municipalities, check_sums
from smhi.frames import book_unallocated, frames, rounding_warnings
from smhi.layout import find_layout, unit_factor
from smhi.messages import ImportProblem, ImportRejected, Problems, reject
from smhi.municipalities import MUNICIPALITIES, resolve_municipality
from smhi.rows import Row, parse_rows, value_warnings
from smhi.workbook import Source, gas_of_label, read_sheet

__all__ = [
    "GASES",
    "ImportProblem",
    "ImportRejected",
    "Municipality",
    "ParsedReport",
    "Source",
    "gas_of_label",
    "parse_lansrapport",
    "unit_factor",
]

GASES = ("CO2", "GHG")


@dataclass(frozen=True)
class Municipality:
    """A municipality as found in the file, with its official code."""

    code: str
    name: str
    county: str


@dataclass(frozen=True, eq=False)
class ParsedReport:
    """A validated Länsrapport: tidy frames in tonnes plus where they came from.

    main_sectors: municipality_code, municipality, year, sector, value_t (canonical sectors).
    sub_sectors: municipality_code, municipality, year, sector, subsector, value_t. Transport
    and machinery use the project's sub-sectors (the rest summed into "Övriga"); other main
    sectors keep SMHI's sub-sectors; main sectors without a breakdown in the file (El och
    fjärrvärme, Industri) have no sub-sector rows.
    """

    report_name: str
    report_date: date
    gas: str
    unit: str
    unit_factor: float
    sheet_name: str
    years: tuple[int, ...]
    municipalities: tuple[Municipality, ...]
    municipalities_in_file: tuple[Municipality, ...]
    main_sectors: pd.DataFrame
    sub_sectors: pd.DataFrame
    warnings: tuple[str, ...]

    def totals(self) -> pd.DataFrame:
        """Total over the main sectors: municipality_code, municipality, year, value_t."""
        keys = ["municipality_code", "municipality", "year"]
        return self.main_sectors.groupby(keys, as_index=False, sort=True)["value_t"].sum()


def parse_lansrapport(
    source: Source,
    municipality: str | int | None = None,
    *,
    gas: str | None = None,
) -> ParsedReport:
    """Read and validate a Länsrapport export; all municipalities, or one by name or code.

    `gas` ("CO2" or "GHG") picks the sheet when a workbook holds both. Raises ImportRejected
    with every problem found; never returns partial data.
    """
    if gas is not None and gas not in GASES:
        raise ValueError(f"gas must be one of {GASES}, not {gas!r}")
    wanted = _wanted(municipality)
    sheet = read_sheet(source, gas)
    layout = find_layout(sheet.rows, sheet.gas)
    warnings = list(layout.warnings)
    problems = Problems()
    parsed, values, blank = parse_rows(sheet.rows, layout, problems, warnings)
    gaps: dict[int, Gap] = {}
    if not problems:  # sums over unreadable rows would only add confusing follow-up errors
        gaps = check_sums(parsed, values, layout, problems)
    in_file = _municipalities_in_file(parsed)
    check_municipalities({c: m.name for c, m in in_file.items()}, wanted, problems)
    problems.raise_if_any()

    keep = _kept(parsed, wanted)
    warnings.extend(value_warnings(values, blank, keep))
    years = [y for _, y in layout.year_cols]
    kept_rows, kept_values = book_unallocated(parsed, values, keep, gaps, years, warnings)
    main, sub = frames(kept_rows, kept_values, years)
    warnings.extend(rounding_warnings(main, sub))
    chosen = tuple(in_file[c] for c in sorted({r.code for r in kept_rows if r.code}))
    return ParsedReport(
        report_name=layout.report_name,
        report_date=layout.report_date,
        gas=sheet.gas,
        unit=layout.unit,
        unit_factor=layout.unit_factor,
        sheet_name=sheet.name,
        years=tuple(years),
        municipalities=chosen,
        municipalities_in_file=tuple(in_file[c] for c in sorted(in_file)),
        main_sectors=main,
        sub_sectors=sub,
        warnings=tuple(warnings),
    )


def _wanted(municipality: str | int | None) -> tuple[str, str] | None:
    """(code, name) of the municipality asked for; an unknown one is rejected before reading."""
    if municipality is None:
        return None
    wanted = resolve_municipality(municipality)
    if wanted is None:
        raise reject(
            None,
            None,
            f"'{municipality}' är ingen svensk kommun (ange namn, t.ex. Växjö, eller "
            "kommunkod, t.ex. 0780).",
            f"'{municipality}' is not a Swedish municipality name or code.",
        )
    return wanted


def _kept(parsed: list[Row], wanted: tuple[str, str] | None) -> list[int]:
    """Indices of the municipality rows to return (the whole file was checked regardless)."""
    return [
        i
        for i, r in enumerate(parsed)
        if r.code is not None and (wanted is None or r.code == wanted[0])
    ]


def _municipalities_in_file(parsed: list[Row]) -> dict[str, Municipality]:
    """Every municipality with rows in the file, by code, in the order they first appear."""
    in_file: dict[str, Municipality] = {}
    for r in parsed:
        if r.code is not None and r.code not in in_file:
            in_file[r.code] = Municipality(r.code, MUNICIPALITIES[r.code], r.county or "")
    return in_file
