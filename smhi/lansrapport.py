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
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.utils import get_column_letter

from smhi.limits import MAX_COLUMNS, TooLarge, preflight
from smhi.municipalities import COUNTIES, MUNICIPALITIES, county_code, resolve_municipality
from smhi.municipalities import municipality_code as _municipality_code
from smhi.sectors import (
    MACHINERY,
    MACHINERY_SUBSECTORS,
    MAIN_SECTORS,
    TRANSPORT,
    TRANSPORT_SUBSECTORS,
    UNALLOCATED,
    clean_label,
    is_total,
    normalise_main_sector,
    normalise_subsector,
    sector_key,
)

GASES = ("CO2", "GHG")
YEAR_MIN, YEAR_MAX = 1980, 2100
REL_TOLERANCE = 0.005  # sub-sectors vs main sector, main sectors vs total
ABS_TOLERANCE_T = 1.0
ROUNDING_NEGATIVE_T = 1.0  # values in [-1 t, 0) are rounding noise
MAX_PROBLEMS = 50
HEADER_SCAN_ROWS = 30
HEADER_LABELS = ("Huvudsektor", "Undersektor", "Län", "Kommun")
FIRST_YEAR_COL = 4  # column E, 0-based

Source = str | Path | bytes | bytearray | BinaryIO


@dataclass(frozen=True)
class ImportProblem:
    """One reason a file was rejected; row is the Excel row (1-based), column its letter."""

    row: int | None
    column: str | None
    message_sv: str
    message_en: str


class ImportRejected(Exception):
    """The file cannot be imported; `problems` says where and why (nothing was kept)."""

    def __init__(self, problems: Iterable[ImportProblem]) -> None:
        self.problems: tuple[ImportProblem, ...] = tuple(problems)
        super().__init__(self.summary_sv())

    def summary_sv(self) -> str:
        """All problems as one Swedish text, for the UI."""
        lines = [f"- {p.message_sv}" for p in self.problems]
        return "Filen kunde inte importeras:\n" + "\n".join(lines)

    def summary_en(self) -> str:
        """All problems as one English text, for logs."""
        lines = [f"- {p.message_en}" for p in self.problems]
        return "The file could not be imported:\n" + "\n".join(lines)


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


# --------------------------------------------------------------------------------------------
# problems


def _where(row: int | None, column: str | None) -> tuple[str, str]:
    if row is not None and column is not None:
        return f"Rad {row}, kolumn {column}: ", f"Row {row}, column {column}: "
    if row is not None:
        return f"Rad {row}: ", f"Row {row}: "
    if column is not None:
        return f"Kolumn {column}: ", f"Column {column}: "
    return "", ""


class _Problems:
    """Collects problems up to a limit, then counts the rest."""

    def __init__(self) -> None:
        self.items: list[ImportProblem] = []
        self.dropped = 0

    def add(self, row: int | None, column: str | None, sv: str, en: str) -> None:
        if len(self.items) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        psv, pen = _where(row, column)
        self.items.append(ImportProblem(row, column, psv + sv, pen + en))

    def __bool__(self) -> bool:
        return bool(self.items)

    def rejected(self) -> ImportRejected:
        items = list(self.items)
        if self.dropped:
            items.append(
                ImportProblem(
                    None,
                    None,
                    f"... och {self.dropped} problem till av samma slag.",
                    f"... and {self.dropped} more problems.",
                )
            )
        return ImportRejected(items)

    def raise_if_any(self) -> None:
        if self.items:
            raise self.rejected()


def _reject(row: int | None, column: str | None, sv: str, en: str) -> ImportRejected:
    problems = _Problems()
    problems.add(row, column, sv, en)
    return problems.rejected()


def _fmt_t(value: float) -> str:
    """Swedish number format: 95 069 (or 0,48 for small values)."""
    text = f"{value:,.2f}" if abs(value) < 10 else f"{value:,.0f}"
    return text.replace(",", " ").replace(".", ",")


def _col(idx0: int) -> str:
    return get_column_letter(idx0 + 1)


# --------------------------------------------------------------------------------------------
# reading the workbook


def _read_bytes(source: Source) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise _reject(
                None,
                None,
                f"filen '{path.name}' kunde inte läsas ({exc.strerror or exc}).",
                f"cannot read '{path.name}' ({exc.strerror or exc}).",
            ) from exc
    if hasattr(source, "getvalue"):  # BytesIO, Streamlit's UploadedFile
        return bytes(source.getvalue())
    if hasattr(source, "seek"):
        source.seek(0)
    return bytes(source.read())


def _open_workbook(data: bytes) -> openpyxl.Workbook:
    if not data:
        raise _reject(None, None, "filen är tom.", "the file is empty.")
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise _reject(
            None,
            None,
            "filen är i det gamla .xls-formatet (eller lösenordsskyddad). Öppna den i Excel "
            "och spara som .xlsx, eller ladda ner exporten från SMHI på nytt.",
            "the file is an old .xls workbook (or password protected); save it as .xlsx.",
        )
    if data[:2] != b"PK":
        raise _reject(
            None,
            None,
            "filen är inte en Excel-fil (.xlsx). Ladda ner Länsrapporten från "
            "Nationella emissionsdatabasen som Excel.",
            "the file is not an Excel workbook (.xlsx).",
        )
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise _reject(
            None,
            None,
            f"filen kunde inte läsas som Excel-fil (.xlsx): {exc}.",
            f"the file could not be read as an .xlsx workbook: {exc}.",
        ) from exc
    except Exception as exc:  # openpyxl raises its own InvalidFileException and others
        raise _reject(
            None,
            None,
            f"filen kunde inte läsas som Excel-fil (.xlsx): {exc}.",
            f"the file could not be read as an .xlsx workbook: {exc}.",
        ) from exc


def gas_of_label(label: object) -> str | None:
    """Return "CO2" or "GHG" for a substance label ("Koldioxid (CO2)", "Växthusgaser totalt")."""
    key = sector_key(label)
    if key in {"koldioxidco2", "koldioxid", "co2", "fossilco2", "koldioxidco2fossil"}:
        return "CO2"
    if key.startswith("växthusgas") or key in {"ggt", "co2ekv", "co2ekvivalenter", "co2e"}:
        return "GHG"
    return None


def _pick_sheet(sheetnames: list[str], gas: str | None) -> tuple[str, str]:
    found = [(name, gas_of_label(name)) for name in sheetnames]
    matching = [(n, g) for n, g in found if g is not None and (gas is None or g == gas)]
    listed = ", ".join(f"'{n}'" for n in sheetnames) or "(inga)"
    wanted_sv = {
        None: "'Koldioxid (CO2)' eller 'Växthusgaser totalt'",
        "CO2": "'Koldioxid (CO2)'",
        "GHG": "'Växthusgaser totalt'",
    }[gas]
    if not matching:
        raise _reject(
            None,
            None,
            f"hittar inget blad {wanted_sv}; filen har bladen {listed}. Är det en Länsrapport "
            "från Nationella emissionsdatabasen för koldioxid eller växthusgaser totalt?",
            f"no sheet {wanted_sv} found; the workbook has the sheets {listed}.",
        )
    gases = {g for _, g in matching}
    if len(gases) > 1:
        raise _reject(
            None,
            None,
            f"filen har blad för både koldioxid och växthusgaser ({listed}); välj ämne.",
            f"the workbook has sheets for both CO2 and GHG ({listed}); choose the gas.",
        )
    name, found_gas = matching[0]
    assert found_gas is not None
    return name, found_gas


_UNIT_RE = re.compile(
    r"^(?P<q>kiloton|kton|kt|tusen ton|1000 ton|ton|t)(?=$|[\s/(,.])", re.IGNORECASE
)


def unit_factor(unit: str) -> float | None:
    """Tonnes per unit for "ton/år", "kiloton CO2-ekvivalenter/år", "kt/år", ...; else None."""
    text = clean_label(unit).casefold()
    match = _UNIT_RE.match(text)
    if not match:
        return None
    return 1.0 if match.group("q") in {"ton", "t"} else 1000.0


def _text(value: object) -> str:
    return "" if value is None else clean_label(value)


@dataclass
class _Layout:
    report_name: str
    report_date: date
    unit: str
    unit_factor: float
    header_idx: int  # 0-based index into rows
    year_cols: list[tuple[int, int]]  # (0-based column, year)
    warnings: list[str]


def _find_layout(rows: list[tuple], gas: str) -> _Layout:
    """Locate and check the metadata rows, the year row and the header row."""
    problems = _Problems()
    warnings: list[str] = []
    scan = rows[:HEADER_SCAN_ROWS]

    header_idx = next(
        (i for i, r in enumerate(scan) if r and sector_key(r[0]) == sector_key("Huvudsektor")),
        None,
    )
    if header_idx is None:
        year_idx = next((i for i, r in enumerate(scan) if _year_or_none(_cell(r, 4))), None)
        if year_idx is None:
            raise _reject(
                None,
                None,
                "hittar varken raden med årtal eller rubrikraden (Huvudsektor, Undersektor, Län, "
                f"Kommun) bland de första {HEADER_SCAN_ROWS} raderna. Är det en Länsrapport från "
                "Nationella emissionsdatabasen?",
                "neither the year row nor the header row (Huvudsektor, Undersektor, Län, Kommun) "
                f"is in the first {HEADER_SCAN_ROWS} rows.",
            )
        found = _text(_cell(rows[year_idx + 1], 0)) if year_idx + 1 < len(rows) else ""
        raise _reject(
            year_idx + 2,
            "A",
            f"rubrikraden saknas: väntade 'Huvudsektor' (följt av Undersektor, Län, Kommun) "
            f"direkt under årtalen, fann '{found}'.",
            f"the header row is missing: expected 'Huvudsektor' (then Undersektor, Län, Kommun) "
            f"right below the years, found '{found}'.",
        )

    header = rows[header_idx]
    for col, label in enumerate(HEADER_LABELS[1:], start=1):
        got = _text(_cell(header, col))
        if sector_key(got) != sector_key(label):
            problems.add(
                header_idx + 1,
                _col(col),
                f"väntade rubriken '{label}', fann '{got}'.",
                f"expected the heading '{label}', found '{got}'.",
            )

    # Years: the row just above the header, from column E to its last filled cell.
    year_idx = header_idx - 1
    year_cols: list[tuple[int, int]] = []
    if year_idx < 0:
        problems.add(
            header_idx + 1,
            "E",
            "raden med årtal saknas ovanför rubrikraden.",
            "the row of years above the header row is missing.",
        )
    else:
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
        seen: dict[int, int] = {}
        for c in range(FIRST_YEAR_COL, (last or 0) + 1):
            raw = year_row[c]
            year = _year_or_none(raw)
            if year is None:
                problems.add(
                    year_idx + 1,
                    _col(c),
                    f"'{_text(raw)}' är inget årtal (väntade ett heltal {YEAR_MIN}–{YEAR_MAX}).",
                    f"'{_text(raw)}' is not a year (expected an integer {YEAR_MIN}–{YEAR_MAX}).",
                )
            elif year in seen:
                problems.add(
                    year_idx + 1,
                    _col(c),
                    f"året {year} finns redan i kolumn {_col(seen[year])}.",
                    f"the year {year} already appears in column {_col(seen[year])}.",
                )
            else:
                seen[year] = c
                year_cols.append((c, year))

    # Metadata above the header: report name and date, substance, unit.
    meta = rows[: max(year_idx, 0)]
    report_name, report_date = "", None
    report_idx = next(
        (i for i, r in enumerate(meta) if _text(_cell(r, 0)).casefold().startswith("rapportnamn")),
        None,
    )
    if report_idx is None:
        problems.add(
            1,
            "A",
            "raden 'Rapportnamn:' (med rapportens namn och datum) saknas.",
            "the 'Rapportnamn:' row (report name and date) is missing.",
        )
    else:
        r = meta[report_idx]
        first = _text(_cell(r, 0))
        report_name = _text(_cell(r, 1)) or first.split(":", 1)[-1].strip()
        raw_date = _cell(r, 1)
        if isinstance(raw_date, datetime | date):
            report_date = raw_date.date() if isinstance(raw_date, datetime) else raw_date
        else:
            match = re.search(r"(\d{4})-(\d{2})-(\d{2})", f"{first} {report_name}")
            if match:
                try:
                    report_date = date(*(int(g) for g in match.groups()))
                except ValueError:
                    report_date = None
        if report_date is None:
            problems.add(
                report_idx + 1,
                "B",
                f"hittar inget datum (ÅÅÅÅ-MM-DD) i rapportnamnet '{report_name}'.",
                f"no date (YYYY-MM-DD) in the report name '{report_name}'.",
            )

    title_idx = next(
        (
            i
            for i, r in enumerate(meta)
            if re.match(r"(emissioner|utsläpp) av ", _text(_cell(r, 0)).casefold())
        ),
        None,
    )
    if title_idx is None:
        warnings.append("Raden 'Emissioner av ...' saknas; ämnet togs från bladets namn.")
    else:
        title = _text(_cell(meta[title_idx], 0))
        substance = title.split(" av ", 1)[1]
        if gas_of_label(substance) != gas:
            problems.add(
                title_idx + 1,
                "A",
                f"rapporten gäller '{substance}', men bladets namn säger "
                f"{'koldioxid' if gas == 'CO2' else 'växthusgaser'}.",
                f"the report is about '{substance}' but the sheet name says {gas}.",
            )

    unit, factor = "", 1.0
    unit_idx = next(
        (i for i, r in enumerate(meta) if _text(_cell(r, 0)).casefold().startswith("enhet")),
        None,
    )
    if unit_idx is None:
        problems.add(
            3,
            "A",
            "raden 'Enhet: ton/år' saknas, så enheten är okänd.",
            "the 'Enhet: ton/år' row is missing, so the unit is unknown.",
        )
    else:
        unit_cell = _text(_cell(meta[unit_idx], 0))
        unit = unit_cell.split(":", 1)[1].strip() if ":" in unit_cell else ""
        unit = unit or _text(_cell(meta[unit_idx], 1))
        found_factor = unit_factor(unit)
        if found_factor is None:
            problems.add(
                unit_idx + 1,
                "A",
                f"enheten '{unit}' stöds inte; väntade ton/år eller kiloton/år "
                "(för växthusgaser: ton CO2-ekvivalenter/år).",
                f"unsupported unit '{unit}'; expected ton/år or kiloton/år.",
            )
        else:
            factor = found_factor

    if report_date is not None:
        # Statistics cannot describe a year after the report was made (nor after today): a
        # year like 2099 would make the model start its scenario there.
        latest = min(report_date.year, date.today().year)
        for c, year in year_cols:
            if year > latest:
                problems.add(
                    year_idx + 1,
                    _col(c),
                    f"året {year} ligger efter rapportens datum ({report_date.isoformat()}); "
                    f"statistiken kan gälla högst år {latest}.",
                    f"the year {year} is after the report's date ({report_date.isoformat()}); "
                    f"the statistics can cover {latest} at the latest.",
                )

    problems.raise_if_any()
    assert report_date is not None
    return _Layout(report_name, report_date, unit, factor, header_idx, year_cols, warnings)


def _cell(row: tuple, idx: int) -> object:
    return row[idx] if idx < len(row) else None


def _year_or_none(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and YEAR_MIN <= value <= YEAR_MAX:
        return value
    return None


_NUMBER_RE = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
_BLANKS = {"", "-", "–", "—", ".."}


def _number(value: object) -> float | None:
    """The number in a cell, math.nan for blank/"-", None when it is not a number."""
    if value is None:
        return math.nan
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        text = re.sub(r"[\s\u00a0\u202f]", "", value).replace("−", "-")
        if text in _BLANKS:
            return math.nan
        text = text.replace(",", ".")
        return float(text) if _NUMBER_RE.match(text) else None
    return None


# --------------------------------------------------------------------------------------------
# the data rows


@dataclass
class _Row:
    excel_row: int
    main: str | None  # canonical main sector; None = "Alla" (all sectors)
    sub: str | None  # SMHI sub-sector label; None = "Alla"
    county: str | None  # None = Sweden
    kommun: str | None  # None = whole county / Sweden
    code: str | None  # municipality code for municipality rows


def _parse_rows(
    rows: list[tuple], layout: _Layout, problems: _Problems, warnings: list[str]
) -> tuple[list[_Row], np.ndarray, np.ndarray]:
    """Labels and values of every data row; values in tonnes, blank = NaN (later 0)."""
    cols = [c for c, _ in layout.year_cols]
    out: list[_Row] = []
    values: list[list[float]] = []
    unknown_main: set[str] = set()
    unknown_kommun: set[str] = set()
    county_warned: set[str] = set()
    seen: dict[tuple, int] = {}
    factor = layout.unit_factor

    for i in range(layout.header_idx + 1, len(rows)):
        raw = rows[i]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw):
            continue
        excel_row = i + 1
        labels = [_text(_cell(raw, c)) for c in range(4)]
        missing = [c for c in range(4) if not labels[c]]
        for c in missing:
            problems.add(
                excel_row,
                _col(c),
                f"{HEADER_LABELS[c].lower()} saknas (skriv 'Alla' för totalen).",
                f"{HEADER_LABELS[c]} is missing ('Alla' for the total).",
            )
        if missing:
            continue
        a, b, c_, d = labels
        main = None if is_total(a) else normalise_main_sector(a)
        if main is None and not is_total(a):
            if a not in unknown_main:
                unknown_main.add(a)
                problems.add(
                    excel_row,
                    "A",
                    f"okänd huvudsektor '{a}'. Kända: {', '.join(MAIN_SECTORS)}.",
                    f"unknown main sector '{a}'.",
                )
            continue
        sub = None if is_total(b) else b
        if main is None and sub is not None:
            problems.add(
                excel_row,
                "B",
                f"undersektorn '{b}' står under huvudsektor 'Alla'.",
                f"sub-sector '{b}' under main sector 'Alla'.",
            )
            continue
        county = None if is_total(c_) else c_
        kommun = None if is_total(d) else d
        code = None
        if kommun is not None:
            if county is None:
                problems.add(
                    excel_row,
                    "C",
                    f"länet saknas för kommunen '{kommun}'.",
                    f"county missing for municipality '{kommun}'.",
                )
                continue
            code = _municipality_code(kommun)
            if code is None:
                if kommun not in unknown_kommun:
                    unknown_kommun.add(kommun)
                    problems.add(
                        excel_row,
                        "D",
                        f"okänd kommun '{kommun}' (inte en av Sveriges 290 kommuner).",
                        f"unknown municipality '{kommun}'.",
                    )
                continue
            if county_code(county) != code[:2] and kommun not in county_warned:
                county_warned.add(kommun)
                warnings.append(
                    f"{kommun} står under {county} i filen men hör till "
                    f"{COUNTIES.get(code[:2], code[:2])} (rad {excel_row})."
                )

        key = (main, sector_key(b), sector_key(c_), sector_key(d))
        if key in seen:
            problems.add(
                excel_row,
                None,
                f"raden upprepar rad {seen[key]} (samma huvudsektor, undersektor, län och kommun).",
                f"duplicates row {seen[key]} (same sector, sub-sector, county, municipality).",
            )
            continue
        seen[key] = excel_row

        row_values: list[float] = []
        for col in cols:
            cell = _cell(raw, col)
            number = _number(cell)
            if number is None:
                problems.add(
                    excel_row,
                    _col(col),
                    f"värdet '{_text(cell)}' är inte ett tal.",
                    f"the value '{_text(cell)}' is not a number.",
                )
                number = math.nan
            else:
                number *= factor
            if number < -ROUNDING_NEGATIVE_T:
                problems.add(
                    excel_row,
                    _col(col),
                    f"värdet {_fmt_t(number)} t är negativt; utsläpp i Länsrapporten kan inte "
                    "vara negativa (markanvändning, LULUCF, ingår inte).",
                    f"the value {_fmt_t(number)} t is negative; emissions cannot be negative.",
                )
            row_values.append(number)
        out.append(_Row(excel_row, main, sub, county, kommun, code))
        values.append(row_values)

    arr = np.array(values, dtype=float).reshape(len(values), len(cols))
    blank = np.isnan(arr)
    return out, arr, blank


@dataclass
class _Gap:
    """Years in which a main sector's SMHI breakdown is missing, for one main-sector row."""

    mask: np.ndarray  # bool per year
    sub_rows: list[int]  # indices of that place's sub-sector rows
    ignored: bool  # sub-sectors held non-zero values that were set aside


def _check_sums(
    parsed: list[_Row], values: np.ndarray, layout: _Layout, problems: _Problems
) -> dict[int, _Gap]:
    """Sub-sectors must add up to their main sector and main sectors to the total.

    One exception is real: SMHI sometimes publishes a main sector without its breakdown. In the
    CO2 release of 2024-04-18 every Avfall sub-sector is 0 in 2005 and 2018-2021 while the main
    sector is not, except in Kumla (and Örebro län), whose "Krematorier ..." row holds the
    national figure instead. A sector-year counts as "not broken down" when at least half of
    the places with emissions in it have all sub-sectors at 0, and a single place when all its
    sub-sectors are 0. Those are returned ({main row index: _Gap}) instead of reported, and
    the caller books the main sector's value as not allocated.
    """
    years = [y for _, y in layout.year_cols]
    cols = [c for c, _ in layout.year_cols]
    v = np.nan_to_num(values, nan=0.0)
    main_rows: dict[tuple, int] = {}
    total_rows: dict[tuple, int] = {}
    sub_sum: dict[tuple, np.ndarray] = {}
    sub_idx: dict[tuple, list[int]] = {}
    main_sum: dict[tuple, np.ndarray] = {}
    for idx, r in enumerate(parsed):
        place = (r.county, r.kommun)
        if r.main is None:
            total_rows[place] = idx
        elif r.sub is None:
            main_rows[(r.main, *place)] = idx
            main_sum[place] = main_sum.get(place, 0.0) + v[idx]
        else:
            key = (r.main, *place)
            sub_sum[key] = sub_sum.get(key, 0.0) + v[idx]
            sub_idx.setdefault(key, []).append(idx)

    def compare(
        idx: int, expected: np.ndarray, what_sv: str, what_en: str, skip: np.ndarray | None
    ) -> None:
        diff = np.abs(v[idx] - expected)
        tol = np.maximum(ABS_TOLERANCE_T, REL_TOLERANCE * np.abs(v[idx]))
        off = diff > tol
        if skip is not None:
            off &= ~skip
        bad = np.flatnonzero(off)
        if bad.size == 0:
            return
        j = int(bad[0])
        more = f" (och {bad.size - 1} år till)" if bad.size > 1 else ""
        more_en = f" (and {bad.size - 1} more years)" if bad.size > 1 else ""
        problems.add(
            parsed[idx].excel_row,
            _col(cols[j]),
            f"{what_sv} summerar till {_fmt_t(expected[j])} t år {years[j]}, men raden säger "
            f"{_fmt_t(v[idx][j])} t{more}.",
            f"{what_en} sum to {expected[j]:.0f} t in {years[j]} but the row says "
            f"{v[idx][j]:.0f} t{more_en}.",
        )

    # Where is the breakdown missing? Per place, then per sector-year over all places.
    zero: dict[tuple, np.ndarray] = {}
    emitting: dict[str, np.ndarray] = {}
    zero_count: dict[str, np.ndarray] = {}
    for key, total in sub_sum.items():
        if key not in main_rows:
            continue
        main_v = v[main_rows[key]]
        zero[key] = (total == 0.0) & (main_v > ABS_TOLERANCE_T)
        emitting[key[0]] = emitting.get(key[0], 0) + (main_v > ABS_TOLERANCE_T)
        zero_count[key[0]] = zero_count.get(key[0], 0) + zero[key]
    not_broken_down = {
        sector: (zero_count[sector] > 0) & (2 * zero_count[sector] >= emitting[sector])
        for sector in zero_count
    }

    gaps: dict[int, _Gap] = {}
    for key, total in sub_sum.items():
        main, county, kommun = key
        place = kommun or county or "Sverige"
        if key not in main_rows:
            first = parsed[sub_idx[key][0]]
            problems.add(
                first.excel_row,
                "B",
                f"raden med undersektor 'Alla' för {main} i {place} saknas.",
                f"the 'Alla' sub-sector row for {main} in {place} is missing.",
            )
            continue
        idx = main_rows[key]
        skip = zero[key] | not_broken_down[main]
        if skip.any():
            ignored = bool((total[skip] != 0.0).any())
            gaps[idx] = _Gap(skip, sub_idx[key], ignored)
        compare(
            idx,
            total,
            f"undersektorerna till {main} i {place}",
            f"the sub-sectors of {main} in {place}",
            skip,
        )

    for place, idx in total_rows.items():
        if place in main_sum:
            where = place[1] or place[0] or "Sverige"
            compare(
                idx,
                main_sum[place],
                f"huvudsektorerna i {where}",
                f"the main sectors in {where}",
                None,
            )

    # Every municipality needs all nine main sectors.
    present: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for r in parsed:
        if r.code is not None and r.main is not None:
            present.setdefault(r.code, set()).add(r.main)
            names[r.code] = r.kommun or r.code
    for code, mains in present.items():
        for sector in MAIN_SECTORS:
            if sector not in mains:
                problems.add(
                    None,
                    "A",
                    f"huvudsektorn '{sector}' saknas för {names[code]}; exportera alla "
                    "huvudsektorer.",
                    f"main sector '{sector}' is missing for {names[code]}.",
                )
    return gaps


# --------------------------------------------------------------------------------------------
# tidy frames


def _book_unallocated(
    parsed: list[_Row],
    values: np.ndarray,
    keep: list[int],
    gaps: dict[int, _Gap],
    years: list[int],
    warnings: list[str],
) -> tuple[list[_Row], np.ndarray]:
    """Kept rows, with SMHI's missing breakdowns booked as one remainder sub-sector.

    In the years of a gap the place's sub-sector values are set aside and the main sector's
    value goes to "Ej fördelat" ("Övriga" for transport and machinery), so that sub-sectors
    always add up to their main sector in the result.
    """
    rows = [parsed[i] for i in keep]
    position = {i: n for n, i in enumerate(keep)}
    kept = np.array(values[keep] if keep else values[:0], dtype=float)
    extra_values: list[np.ndarray] = []
    by_sector: dict[str, tuple[set[int], set[str], set[str]]] = {}
    for i in keep:
        gap = gaps.get(i)
        if gap is None:
            continue
        r = parsed[i]
        assert r.main is not None and r.code is not None
        for j in gap.sub_rows:
            kept[position[j], gap.mask] = 0.0
        rows.append(_Row(r.excel_row, r.main, UNALLOCATED, r.county, r.kommun, r.code))
        extra_values.append(np.where(gap.mask, np.nan_to_num(values[i]), 0.0))
        gap_years, codes, ignored = by_sector.setdefault(r.main, (set(), set(), set()))
        gap_years.update(y for y, m in zip(years, gap.mask, strict=True) if m)
        codes.add(r.code)
        if gap.ignored:
            ignored.add(r.kommun or r.code)
    for sector, (gap_years, codes, ignored) in by_sector.items():
        listed = ", ".join(str(y) for y in sorted(gap_years))
        target = normalise_subsector(sector, UNALLOCATED)
        text = (
            f"{sector}: SMHI:s fördelning på undersektorer saknas år {listed} "
            f"({_kommuner(len(codes))}); huvudsektorns värde redovisas som undersektorn "
            f"'{target}'."
        )
        if ignored:
            names = ", ".join(sorted(ignored)[:5])
            text += f" Undersektorvärden som inte stämde med huvudsektorn ({names}) användes inte."
        warnings.append(text)
    if extra_values:
        kept = np.vstack([kept, np.array(extra_values)])
    return rows, kept


def _kommuner(n: int) -> str:
    return f"{n} kommun" if n == 1 else f"{n} kommuner"


def _rounding_warnings(main: pd.DataFrame, sub: pd.DataFrame) -> list[str]:
    """Say where sub-sectors differ from their main sector by more than 1 t (but within 0.5 %).

    SMHI's own rounding: in the 2024-04-18 release transport sub-sectors for 1990 and 2000 sum
    up to 0.3 % away from the main sector. The main sector's value is the one to use.
    """
    if sub.empty:
        return []
    keys = ["municipality_code", "year", "sector"]
    sums = sub.groupby(keys, sort=False)["value_t"].sum().rename("sub_t")
    both = main.set_index(keys)[["value_t"]].join(sums, how="inner")
    diff = (both["sub_t"] - both["value_t"]).abs()
    rel = diff / both["value_t"].abs().clip(lower=1.0)
    off = both.assign(rel=rel)[diff > ABS_TOLERANCE_T].reset_index()
    out = []
    for sector, part in off.groupby("sector", sort=False):
        years = sorted({int(y) for y in part["year"]})
        codes = part["municipality_code"].unique()
        out.append(
            f"{sector}: undersektorerna summerar inte exakt till huvudsektorn år "
            f"{', '.join(map(str, years))} ({_kommuner(len(codes))}, som mest "
            f"{_fmt_t(100 * float(part['rel'].max()))} %); huvudsektorns värde gäller."
        )
    return out


def _subsector_order(sector: str, name: str) -> int:
    if sector == TRANSPORT:
        return TRANSPORT_SUBSECTORS.index(name)
    if sector == MACHINERY:
        return MACHINERY_SUBSECTORS.index(name)
    return 0


def _frames(
    parsed: list[_Row], values: np.ndarray, years: list[int]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    v = np.nan_to_num(values, nan=0.0)
    v[v < 0] = 0.0  # only rounding noise is left here; larger negatives were rejected
    main_idx = [i for i, r in enumerate(parsed) if r.sub is None and r.main is not None]
    sub_idx = [i for i, r in enumerate(parsed) if r.sub is not None]
    n_years = len(years)
    sector_rank = {s: i for i, s in enumerate(MAIN_SECTORS)}

    def long(idx: list[int], with_sub: bool) -> pd.DataFrame:
        codes = np.repeat([parsed[i].code for i in idx], n_years)
        frame = pd.DataFrame(
            {
                "municipality_code": pd.array(codes, dtype="str"),
                "municipality": pd.array(
                    np.repeat([MUNICIPALITIES[parsed[i].code] for i in idx], n_years),
                    dtype="str",
                ),
                "year": np.tile(np.array(years, dtype="int64"), len(idx)),
                "sector": pd.array(np.repeat([parsed[i].main for i in idx], n_years), dtype="str"),
            }
        )
        if with_sub:
            subs = [normalise_subsector(parsed[i].main, parsed[i].sub) for i in idx]
            frame["subsector"] = pd.array(np.repeat(subs, n_years), dtype="str")
        frame["value_t"] = v[idx].reshape(-1) if idx else np.array([], dtype=float)
        return frame

    main = long(main_idx, with_sub=False)
    main["_s"] = main["sector"].map(sector_rank)
    main = main.sort_values(["municipality_code", "year", "_s"], kind="stable")
    main = main.drop(columns="_s").reset_index(drop=True)

    sub = long(sub_idx, with_sub=True)
    keys = ["municipality_code", "municipality", "year", "sector", "subsector"]
    # First appearance keeps SMHI's order for the sub-sectors that are not folded together.
    sub["_first"] = np.arange(len(sub))
    sub = sub.groupby(keys, as_index=False, sort=False).agg(
        value_t=("value_t", "sum"), _first=("_first", "min")
    )
    sub["_s"] = sub["sector"].map(sector_rank)
    sub["_o"] = [
        _subsector_order(s, n) for s, n in zip(sub["sector"], sub["subsector"], strict=True)
    ]
    sub = sub.sort_values(["municipality_code", "year", "_s", "_o", "_first"], kind="stable")
    sub = sub.drop(columns=["_s", "_o", "_first"]).reset_index(drop=True)
    for frame in (main, sub):
        frame["value_t"] = frame["value_t"].astype("float64")
    return main, sub


# --------------------------------------------------------------------------------------------
# public entry point


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
    wanted: tuple[str, str] | None = None
    if municipality is not None:
        wanted = resolve_municipality(municipality)
        if wanted is None:
            raise _reject(
                None,
                None,
                f"'{municipality}' är ingen svensk kommun (ange namn, t.ex. Växjö, eller "
                "kommunkod, t.ex. 0780).",
                f"'{municipality}' is not a Swedish municipality name or code.",
            )

    data = _read_bytes(source)
    try:
        sizes = preflight(data)  # zip and sheet sizes, streamed, before openpyxl reads cells
    except TooLarge as too_large:
        raise _reject(None, None, too_large.message_sv, too_large.message_en) from None
    widest = max((size.columns for size in sizes), default=MAX_COLUMNS) or 1
    wb = _open_workbook(data)
    try:
        sheet_name, found_gas = _pick_sheet(list(wb.sheetnames), gas)
        ws = wb[sheet_name]
        ws.reset_dimensions()  # some writers store a wrong size; read what is there
        # Rows are read no wider than the widest cell found (never padded towards XFD).
        rows = [tuple(r) for r in ws.iter_rows(values_only=True, max_col=widest)]
    finally:
        wb.close()

    layout = _find_layout(rows, found_gas)
    warnings = list(layout.warnings)
    problems = _Problems()
    parsed, values, blank = _parse_rows(rows, layout, problems, warnings)
    gaps: dict[int, _Gap] = {}
    if not problems:  # sums over unreadable rows would only add confusing follow-up errors
        gaps = _check_sums(parsed, values, layout, problems)

    in_file: dict[str, Municipality] = {}
    for r in parsed:
        if r.code is not None and r.code not in in_file:
            in_file[r.code] = Municipality(r.code, MUNICIPALITIES[r.code], r.county or "")
    if not in_file and not problems:
        problems.add(
            None,
            "D",
            "filen innehåller inga kommuner (bara län eller riket).",
            "the file holds no municipalities (only counties or Sweden).",
        )
    if wanted is not None and wanted[0] not in in_file and in_file:
        shown = sorted(m.name for m in in_file.values())
        listed = ", ".join(shown[:10]) + (f" och {len(shown) - 10} till" if len(shown) > 10 else "")
        problems.add(
            None,
            "D",
            f"kommunen {wanted[1]} ({wanted[0]}) finns inte i filen; filen innehåller {listed}.",
            f"the municipality {wanted[1]} ({wanted[0]}) is not in the file.",
        )
    problems.raise_if_any()

    keep = [
        i
        for i, r in enumerate(parsed)
        if r.code is not None and (wanted is None or r.code == wanted[0])
    ]
    kept_values = values[keep] if keep else values[:0]
    n_blank = int(blank[keep].sum()) if keep else 0
    if n_blank:
        warnings.append(f"{n_blank} tomma celler (eller '-') lästes som 0 t.")
    tiny = int(((kept_values < 0) & (kept_values >= -ROUNDING_NEGATIVE_T)).sum())
    if tiny:
        warnings.append(
            f"{tiny} små negativa värden (mellan -1 och 0 t, avrundningsbrus) sattes till 0 t."
        )

    years = [y for _, y in layout.year_cols]
    kept_rows, kept_values = _book_unallocated(parsed, values, keep, gaps, years, warnings)
    main, sub = _frames(kept_rows, kept_values, years)
    warnings.extend(_rounding_warnings(main, sub))
    chosen = tuple(in_file[c] for c in sorted({r.code for r in kept_rows if r.code}))
    return ParsedReport(
        report_name=layout.report_name,
        report_date=layout.report_date,
        gas=found_gas,
        unit=layout.unit,
        unit_factor=layout.unit_factor,
        sheet_name=sheet_name,
        years=tuple(years),
        municipalities=chosen,
        municipalities_in_file=tuple(in_file[c] for c in sorted(in_file)),
        main_sectors=main,
        sub_sectors=sub,
        warnings=tuple(warnings),
    )
