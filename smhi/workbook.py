"""Reading the uploaded workbook: bytes, size limits, openpyxl, and the substance's sheet.

Everything that touches the file itself is here, so the limits that protect the server
(smhi/limits.py's preflight, rows no wider than the widest cell) are applied in one place
before any cell is looked at.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import openpyxl

from smhi.limits import MAX_COLUMNS, TooLarge, preflight
from smhi.messages import reject
from smhi.sectors import sector_key

Source = str | Path | bytes | bytearray | BinaryIO


@dataclass(frozen=True)
class Sheet:
    """The rows of the one sheet to import, with its name and the gas it holds."""

    name: str
    gas: str
    rows: list[tuple]


def read_sheet(source: Source, gas: str | None) -> Sheet:
    """Check the file's size, open it and read the sheet for `gas` (or the only gas there)."""
    data = read_bytes(source)
    try:
        sizes = preflight(data)  # zip and sheet sizes, streamed, before openpyxl reads cells
    except TooLarge as too_large:
        raise reject(None, None, too_large.message_sv, too_large.message_en) from None
    widest = max((size.columns for size in sizes), default=MAX_COLUMNS) or 1
    wb = open_workbook(data)
    try:
        sheet_name, found_gas = pick_sheet(list(wb.sheetnames), gas)
        ws = wb[sheet_name]
        ws.reset_dimensions()  # some writers store a wrong size; read what is there
        # Rows are read no wider than the widest cell found (never padded towards XFD).
        rows = [tuple(r) for r in ws.iter_rows(values_only=True, max_col=widest)]
    finally:
        wb.close()
    return Sheet(sheet_name, found_gas, rows)


def read_bytes(source: Source) -> bytes:
    """The file's bytes from a path, bytes, or an upload object (BytesIO, UploadedFile)."""
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise reject(
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


def open_workbook(data: bytes) -> openpyxl.Workbook:
    """Open the bytes as .xlsx, saying plainly when they are .xls, not Excel, or damaged."""
    if not data:
        raise reject(None, None, "filen är tom.", "the file is empty.")
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise reject(
            None,
            None,
            "filen är i det gamla .xls-formatet (eller lösenordsskyddad). Öppna den i Excel "
            "och spara som .xlsx, eller ladda ner exporten från SMHI på nytt.",
            "the file is an old .xls workbook (or password protected); save it as .xlsx.",
        )
    if data[:2] != b"PK":
        raise reject(
            None,
            None,
            "filen är inte en Excel-fil (.xlsx). Ladda ner Länsrapporten från "
            "Nationella emissionsdatabasen som Excel.",
            "the file is not an Excel workbook (.xlsx).",
        )
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    # zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, and openpyxl's own
    # InvalidFileException and others: all mean the same to the user.
    except Exception as exc:
        raise reject(
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


def pick_sheet(sheetnames: list[str], gas: str | None) -> tuple[str, str]:
    """The sheet holding `gas` (either gas when None) and its gas; one gas per import."""
    found = [(name, gas_of_label(name)) for name in sheetnames]
    matching = [(n, g) for n, g in found if g is not None and (gas is None or g == gas)]
    listed = ", ".join(f"'{n}'" for n in sheetnames) or "(inga)"
    wanted_sv = {
        None: "'Koldioxid (CO2)' eller 'Växthusgaser totalt'",
        "CO2": "'Koldioxid (CO2)'",
        "GHG": "'Växthusgaser totalt'",
    }[gas]
    if not matching:
        raise reject(
            None,
            None,
            f"hittar inget blad {wanted_sv}; filen har bladen {listed}. Är det en Länsrapport "
            "från Nationella emissionsdatabasen för koldioxid eller växthusgaser totalt?",
            f"no sheet {wanted_sv} found; the workbook has the sheets {listed}.",
        )
    gases = {g for _, g in matching}
    if len(gases) > 1:
        raise reject(
            None,
            None,
            f"filen har blad för både koldioxid och växthusgaser ({listed}); välj ämne.",
            f"the workbook has sheets for both CO2 and GHG ({listed}); choose the gas.",
        )
    name, found_gas = matching[0]
    assert found_gas is not None
    return name, found_gas
