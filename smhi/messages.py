"""The problems an import reports: where in the file, in Swedish and English.

Every rule of the importer reports through `Problems`, so that a rejected file lists all that
is wrong with it (up to a limit) at once, each naming the Excel row and column, and a user can
fix the file or report it to SMHI instead of fixing one error per upload.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

MAX_PROBLEMS = 50


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


def _where(row: int | None, column: str | None) -> tuple[str, str]:
    if row is not None and column is not None:
        return f"Rad {row}, kolumn {column}: ", f"Row {row}, column {column}: "
    if row is not None:
        return f"Rad {row}: ", f"Row {row}: "
    if column is not None:
        return f"Kolumn {column}: ", f"Column {column}: "
    return "", ""


class Problems:
    """Collects problems up to a limit, then counts the rest (a broken file can have
    thousands of bad cells; the first fifty say enough)."""

    def __init__(self) -> None:
        self.items: list[ImportProblem] = []
        self.dropped = 0

    def add(self, row: int | None, column: str | None, sv: str, en: str) -> None:
        """Record one problem; the place ("Rad 7, kolumn E: ") is put in front of the text."""
        if len(self.items) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        psv, pen = _where(row, column)
        self.items.append(ImportProblem(row, column, psv + sv, pen + en))

    def __bool__(self) -> bool:
        return bool(self.items)

    def rejected(self) -> ImportRejected:
        """The exception that carries every problem recorded (and how many were left out)."""
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
        """Stop here if anything was found, so later steps only see a sound file."""
        if self.items:
            raise self.rejected()


def reject(row: int | None, column: str | None, sv: str, en: str) -> ImportRejected:
    """A rejection with one problem, for faults after which nothing else can be checked."""
    problems = Problems()
    problems.add(row, column, sv, en)
    return problems.rejected()


def fmt_t(value: float) -> str:
    """Swedish number format: 95 069 (or 0,48 for small values)."""
    text = f"{value:,.2f}" if abs(value) < 10 else f"{value:,.0f}"
    return text.replace(",", " ").replace(".", ",")


def column_letter(idx0: int) -> str:
    """Excel's letter for a 0-based column index (0 -> A), as users see it in Excel."""
    return get_column_letter(idx0 + 1)
