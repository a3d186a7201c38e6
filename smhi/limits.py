"""Hard limits on an uploaded workbook, checked before openpyxl parses anything.

Why: an .xlsx is a zip of XML. A 51 KB file with one cell in column XFD per row made the
parser pad every row to 16,384 cells (gigabytes); a zip can also hide a huge XML behind a
small download. So ``preflight`` reads the zip's directory and then scans each
worksheet's XML as it unpacks (chunk by chunk, nothing kept), counting rows, cells and
the widest column, and refuses the file at the first limit it passes, with a message that
says which.

The limits are far above the largest real Länsrapport (all 290 municipalities: about
19,000 rows × 16 columns) and far below what hurts the server.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

MAX_UPLOAD_MB = 20  # the page says so and .streamlit/config.toml's server.maxUploadSize
MAX_UNCOMPRESSED_BYTES = 150_000_000
MAX_ZIP_ENTRIES = 200
MAX_COMPRESSION_RATIO = 200  # a real sheet compresses 5-20 times
MAX_ROWS = 60_000
MAX_COLUMNS = 200  # four label columns and years; XFD is 16,384
MAX_CELLS = 3_000_000

_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]+)$")


@dataclass(frozen=True)
class TooLarge(Exception):
    """The workbook passes a limit; the messages say which (Swedish, English)."""

    message_sv: str
    message_en: str

    def __str__(self) -> str:
        return self.message_en


@dataclass(frozen=True)
class SheetSize:
    """What one worksheet holds: rows and cells present, and the widest column (1-based)."""

    name: str
    rows: int
    cells: int
    columns: int


def column_number(letters: str) -> int:
    """'A' → 1, 'XFD' → 16384."""
    number = 0
    for char in letters:
        number = number * 26 + (ord(char) - 64)
    return number


def preflight(data: bytes) -> list[SheetSize]:
    """Check the zip and every worksheet against the limits; raise TooLarge, else the sizes.

    A file that is not a zip is left to the parser, which says what it is instead.
    """
    if len(data) > MAX_UPLOAD_MB * 1_000_000:
        mb = len(data) / 1_000_000
        raise TooLarge(f"filen är {mb:.1f} MB; högst {MAX_UPLOAD_MB} MB tas emot.",
                       f"the file is {mb:.1f} MB; at most {MAX_UPLOAD_MB} MB is accepted.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise TooLarge(f"filen innehåller {len(entries)} delar (högst {MAX_ZIP_ENTRIES}).",
                           f"the file holds {len(entries)} parts (at most {MAX_ZIP_ENTRIES}).")
        total = sum(entry.file_size for entry in entries)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise TooLarge(
                f"filen packas upp till {total / 1e6:.0f} MB (högst "
                f"{MAX_UNCOMPRESSED_BYTES / 1e6:.0f} MB).",
                f"the file unpacks to {total / 1e6:.0f} MB (at most "
                f"{MAX_UNCOMPRESSED_BYTES / 1e6:.0f} MB).")
        for entry in entries:
            if entry.file_size > 1_000_000 and (
                    entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1)):
                ratio = entry.file_size // max(entry.compress_size, 1)
                raise TooLarge(
                    f"delen {entry.filename[:60]} är packad {ratio} gånger: ingen riktig "
                    "Länsrapport ser ut så.",
                    f"the part {entry.filename[:60]} is compressed {ratio} times: no real "
                    "report looks like that.")
        sheets = [e for e in entries
                  if e.filename.startswith("xl/worksheets/") and e.filename.endswith(".xml")]
        return [_sheet_size(archive, entry) for entry in sheets]


_TAG = re.compile(rb"<(?:[A-Za-z0-9_]+:)?(row|c)(?=[\s>/])([^>]*)>")
_REF_ATTR = re.compile(rb"""\sr\s*=\s*["']([A-Z]{1,3})[0-9]+["']""")
_CHUNK = 1 << 20


def _sheet_size(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> SheetSize:
    """Scan one worksheet's XML as it unpacks: count rows and cells, find the widest column.

    A regular-expression scan of the raw tags in 1 MB chunks (a tag cut by a chunk's end is
    carried over): several times faster than an XML parser and constant in memory.
    """
    rows = cells = widest = column = 0
    name = entry.filename.rsplit("/", 1)[-1]
    carry = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(_CHUNK):
            text = carry + chunk
            cut = text.rfind(b">") + 1
            text, carry = text[:cut], text[cut:]
            if len(carry) > _CHUNK:
                raise TooLarge(f"bladet {name} är ingen läsbar XML.",
                               f"the sheet {name} is not readable XML.")
            for match in _TAG.finditer(text):
                if match.group(1) == b"row":
                    rows += 1
                    column = 0
                    if rows > MAX_ROWS:
                        raise _too_many("rader", "rows", MAX_ROWS, name)
                    continue
                cells += 1
                ref = _REF_ATTR.search(match.group(2))
                column = column_number(ref.group(1).decode()) if ref else column + 1
                if column > widest:
                    widest = column
                    if widest > MAX_COLUMNS:
                        raise TooLarge(
                            f"bladet {name} har celler i kolumn {column} "
                            f"(högst {MAX_COLUMNS} kolumner).",
                            f"the sheet {name} has cells in column {column} "
                            f"(at most {MAX_COLUMNS} columns).")
            if cells > MAX_CELLS:
                raise _too_many("celler", "cells", MAX_CELLS, name)
    return SheetSize(name, rows, cells, widest)


def _too_many(sv: str, en: str, limit: int, name: str) -> TooLarge:
    return TooLarge(f"bladet {name} har fler än {limit:,} {sv}.".replace(",", " "),
                    f"the sheet {name} has more than {limit:,} {en}.")
