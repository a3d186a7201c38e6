"""Workshops: a facilitator opens one under a short code, participants submit scenarios into it.

Why it looks like this:

* Two user tables, created if missing and never touched by a data rebuild
  (store/database.py counts every ``workshop*`` table as the users'):
  ``workshops(code PRIMARY KEY, name, municipality_code, created_at, closed)`` and
  ``workshop_submissions(workshop_code, submission_id PRIMARY KEY, participant,
  scenario_name, levers_json, municipality_code, submitted_at)``.
* Append-only submissions: a participant who submits again under the same participant and
  scenario name (case and surrounding spaces aside) adds a row; it is the next *version*
  of that submission (counted when read), and the facilitator's overview shows the latest
  version while the export keeps every one. Nothing a participant sent is ever overwritten.
* Codes like ``VXJ-4821``: three letters from the municipality's name and four digits,
  from an alphabet without I, O, 0 and 1, so that a code read off a projector or typed on a
  phone is not misread. ``normalise_code`` accepts ``vxj 4821`` or ``VXJ4821`` too.
* Every write is one transaction through ``store.database.connect``; concurrent
  submissions from a room of phones each retry on DuckDB's write conflicts. Waiting for a
  database held by another program is short (``TIMEOUT_S``): a participant should read
  "try again" in seconds, not stare at a spinner for half a minute.
* Text is stored exactly as given (names stripped of surrounding spaces) and never escaped
  here: display code shows it as plain text. Control and bidirectional-override
  characters are refused, since they would scramble a name shown to a room.
"""

from __future__ import annotations

import json
import math
import os
import re
import secrets
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, TypeVar

import duckdb

from store.backend import connect, table_names  # DuckDB file or PostgreSQL
from store.database import DbPath, StoreError, write_transaction
from store.scenarios import ValidationError

WORKSHOPS_TABLE = "workshops"
SUBMISSIONS_TABLE = "workshop_submissions"
NAME_MAX = 80
PARTICIPANT_MAX = 60
SCENARIO_NAME_MAX = 80
LEVER_ID_MAX = 64
LEVERS_MAX = 200
# Letters and digits that cannot be mistaken for one another (no I/1, no O/0).
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_DIGITS = "23456789"
CODE_PATTERN = re.compile(rf"^[{CODE_LETTERS}]{{3}}-[{CODE_DIGITS}]{{4}}$")
_LOOSE_CODE = re.compile(r"^([A-Z]{3})[-\s]*([0-9]{4})$")
_MUNICIPALITY_CODE = re.compile(r"^[0-9]{4}$")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_FOLD = str.maketrans({"Å": "A", "Ä": "A", "Ö": "O", "É": "E", "Ü": "U"})
# Seconds to wait for a database file another program holds (env KLIMAT_WORKSHOP_DB_TIMEOUT).
TIMEOUT_S = float(os.environ.get("KLIMAT_WORKSHOP_DB_TIMEOUT", "5"))
_CODE_ATTEMPTS = 40

_CREATE_WORKSHOPS = f"""
CREATE TABLE IF NOT EXISTS {WORKSHOPS_TABLE} (
    code VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    municipality_code VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    closed BOOLEAN NOT NULL
)
"""
_CREATE_SUBMISSIONS = f"""
CREATE TABLE IF NOT EXISTS {SUBMISSIONS_TABLE} (
    workshop_code VARCHAR NOT NULL,
    submission_id VARCHAR PRIMARY KEY,
    participant VARCHAR NOT NULL,
    scenario_name VARCHAR NOT NULL,
    levers_json VARCHAR NOT NULL,
    municipality_code VARCHAR NOT NULL,
    submitted_at TIMESTAMP NOT NULL
)
"""
_WORKSHOP_COLUMNS = "code, name, municipality_code, created_at, closed"
_SUBMISSION_COLUMNS = ("workshop_code, submission_id, participant, scenario_name, levers_json, "
                       "municipality_code, submitted_at")


class NotFoundError(StoreError):
    """No workshop with this code."""

    def __init__(self, code: str) -> None:
        super().__init__(f"Det finns ingen workshop med koden {code}.",
                         f"There is no workshop with the code {code}.")
        self.code = code


class ClosedError(StoreError):
    """The facilitator has closed the workshop for submissions."""

    def __init__(self, code: str) -> None:
        super().__init__(f"Workshopen {code} tar inte emot fler scenarier.",
                         f"The workshop {code} no longer takes submissions.")
        self.code = code


@dataclass(frozen=True)
class Workshop:
    """One workshop as stored."""

    code: str
    name: str
    municipality_code: str
    created_at: datetime
    closed: bool


@dataclass(frozen=True)
class Submission:
    """One submitted scenario; ``version`` counts the same participant's same scenario name."""

    workshop_code: str
    submission_id: str
    participant: str
    scenario_name: str
    municipality_code: str
    levers: Mapping[str, float] = field(hash=False)
    submitted_at: datetime
    version: int = 1


# --------------------------------------------------------------------------------------
# Codes


def normalise_code(text: object) -> str | None:
    """``VXJ-4821`` from what a person typed (``vxj 4821``, `` VXJ4821``), None if unusable."""
    if not isinstance(text, str) or len(text) > 20:
        return None
    match = _LOOSE_CODE.match(text.strip().upper())
    if match is None:
        return None
    code = f"{match.group(1)}-{match.group(2)}"
    return code if CODE_PATTERN.match(code) else None


def code_prefix(municipality_name: str) -> str:
    """Three letters for a municipality: its first letter, then consonants (Växjö → VXJ).

    Letters outside the code alphabet are skipped; a short name is filled up at random.
    """
    letters = [c for c in municipality_name.upper().translate(_FOLD) if c in CODE_LETTERS]
    prefix = letters[:1] + [c for c in letters[1:] if c not in "AEUYÅÄÖ"]
    if len(prefix) < 3:
        prefix += [c for c in letters[1:] if c not in prefix]
    while len(prefix) < 3:
        prefix.append(secrets.choice(CODE_LETTERS))
    return "".join(prefix[:3])


def _new_code(prefix: str) -> str:
    return f"{prefix}-" + "".join(secrets.choice(CODE_DIGITS) for _ in range(4))


# --------------------------------------------------------------------------------------
# Validation


def _check_text(field_name: str, label_sv: str, value: object, max_len: int) -> str:
    """A one-line name: stripped, 1..max_len characters, no control or bidi characters."""
    if not isinstance(value, str):
        raise ValidationError(field_name, f"{label_sv} måste vara text.",
                              f"{field_name} must be text.")
    value = value.strip()
    if not value:
        raise ValidationError(field_name, f"{label_sv} får inte vara tomt.",
                              f"{field_name} must not be empty.")
    if len(value) > max_len:
        raise ValidationError(
            field_name, f"{label_sv} får vara högst {max_len} tecken (nu {len(value)}).",
            f"{field_name} may be at most {max_len} characters (got {len(value)}).")
    for char in value:
        if unicodedata.category(char) in ("Cc", "Cs") or char in _BIDI_CONTROLS:
            raise ValidationError(
                field_name,
                f"{label_sv} innehåller ett otillåtet styrtecken (U+{ord(char):04X}).",
                f"{field_name} contains a control character (U+{ord(char):04X}).")
    return value


def check_workshop_name(name: object) -> str:
    """The workshop's name as stored (raises ValidationError)."""
    return _check_text("name", "Workshopens namn", name, NAME_MAX)


def check_submission(participant: object, scenario_name: object) -> tuple[str, str]:
    """Participant and scenario name as stored (raises ValidationError)."""
    return (_check_text("participant", "Deltagarens namn", participant, PARTICIPANT_MAX),
            _check_text("scenario_name", "Scenariots namn", scenario_name, SCENARIO_NAME_MAX))


def _check_municipality(code: object) -> str:
    if not isinstance(code, str) or not _MUNICIPALITY_CODE.match(code):
        raise ValidationError(
            "municipality_code", f"Kommunkoden {code!r} ska vara fyra siffror, t.ex. 0780.",
            f"The municipality code {code!r} must be four digits, e.g. 0780.")
    return code


def _check_levers(levers: object) -> dict[str, float]:
    if not isinstance(levers, Mapping) or len(levers) > LEVERS_MAX:
        raise ValidationError("levers", f"Högst {LEVERS_MAX} spakar, som id → tal.",
                              f"At most {LEVERS_MAX} levers, as id → number.")
    checked: dict[str, float] = {}
    for lever_id, value in levers.items():
        if (not isinstance(lever_id, str) or len(lever_id) > LEVER_ID_MAX
                or not _IDENTIFIER.match(lever_id) or isinstance(value, bool)
                or not isinstance(value, int | float) or not math.isfinite(value)):
            raise ValidationError("levers", f"Spaken {str(lever_id)[:LEVER_ID_MAX]!r} kan inte "
                                  "sparas (id eller värde ogiltigt).",
                                  f"Lever {str(lever_id)[:LEVER_ID_MAX]!r} cannot be stored "
                                  "(invalid id or value).")
        checked[lever_id] = float(value)
    return checked


# --------------------------------------------------------------------------------------
# Writing

Result = TypeVar("Result")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _write(db: DbPath, work: Callable[[duckdb.DuckDBPyConnection], Result]) -> Result:
    """Run ``work`` in one transaction; retry DuckDB's write conflicts and key clashes."""
    return write_transaction(
        db, (_CREATE_WORKSHOPS, _CREATE_SUBMISSIONS), work,
        failed=("Workshopen kunde inte sparas", "The workshop could not be saved"),
        busy=("Databasen är upptagen just nu. Försök igen om en stund.",
              "The database is busy right now. Try again in a moment."),
        timeout=TIMEOUT_S,
    )


def create_workshop(db: DbPath, name: str, municipality_code: str,
                    municipality_name: str = "") -> Workshop:
    """Open a workshop under a fresh code (prefix from the municipality's name)."""
    name = check_workshop_name(name)
    municipality_code = _check_municipality(municipality_code)
    prefix = code_prefix(municipality_name or "XXX")
    attempts = iter(range(_CODE_ATTEMPTS * 2))

    def work(con: duckdb.DuckDBPyConnection) -> Workshop:
        # A taken code retries with new digits, and after many tries with new letters too.
        attempt = next(attempts, _CODE_ATTEMPTS * 2)
        letters = prefix if attempt < _CODE_ATTEMPTS else code_prefix("")
        for _ in range(_CODE_ATTEMPTS):
            code = _new_code(letters)
            taken = con.execute(f"SELECT 1 FROM {WORKSHOPS_TABLE} WHERE code = ?",
                                [code]).fetchone()
            if taken is None:
                break
        workshop = Workshop(code, name, municipality_code, _now(), False)
        con.execute(f"INSERT INTO {WORKSHOPS_TABLE} ({_WORKSHOP_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                    [workshop.code, workshop.name, workshop.municipality_code,
                     workshop.created_at, workshop.closed])
        return workshop

    return _write(db, work)


def set_closed(db: DbPath, code: str, closed: bool) -> Workshop:
    """Close the workshop for submissions, or open it again."""

    def work(con: duckdb.DuckDBPyConnection) -> Workshop:
        found = _get(con, code)
        if found is None:
            raise NotFoundError(code)
        con.execute(f"UPDATE {WORKSHOPS_TABLE} SET closed = ? WHERE code = ?", [closed, code])
        return Workshop(found.code, found.name, found.municipality_code, found.created_at,
                        closed)

    return _write(db, work)


def submit(db: DbPath, code: str, participant: str, scenario_name: str,
           municipality_code: str, levers: Mapping[str, float]) -> Submission:
    """Store a participant's scenario in the workshop; its version counts earlier ones."""
    participant, scenario_name = check_submission(participant, scenario_name)
    municipality_code = _check_municipality(municipality_code)
    checked = _check_levers(levers)
    levers_json = json.dumps(checked, sort_keys=True, allow_nan=False)

    def work(con: duckdb.DuckDBPyConnection) -> Submission:
        found = _get(con, code)
        if found is None:
            raise NotFoundError(code)
        if found.closed:
            raise ClosedError(code)
        row = con.execute(
            f"SELECT count(*) FROM {SUBMISSIONS_TABLE} WHERE workshop_code = ? "
            "AND lower(participant) = lower(?) AND lower(scenario_name) = lower(?)",
            [code, participant, scenario_name]).fetchone()
        submission = Submission(code, uuid.uuid4().hex[:16], participant, scenario_name,
                                municipality_code, MappingProxyType(checked), _now(),
                                version=int(row[0] if row else 0) + 1)
        con.execute(
            f"INSERT INTO {SUBMISSIONS_TABLE} ({_SUBMISSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [submission.workshop_code, submission.submission_id, participant, scenario_name,
             levers_json, municipality_code, submission.submitted_at])
        return submission

    return _write(db, work)


# --------------------------------------------------------------------------------------
# Reading


def _has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    return {WORKSHOPS_TABLE, SUBMISSIONS_TABLE} <= table_names(con)


def _get(con: duckdb.DuckDBPyConnection, code: str) -> Workshop | None:
    row = con.execute(f"SELECT {_WORKSHOP_COLUMNS} FROM {WORKSHOPS_TABLE} WHERE code = ?",
                      [code]).fetchone()
    return Workshop(row[0], row[1], row[2], row[3], bool(row[4])) if row else None


def get_workshop(db: DbPath, code: str) -> Workshop | None:
    """The workshop with this code, or None (also for a code that is not well-formed)."""
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        return None
    with connect(db, read_only=True, timeout=TIMEOUT_S) as con:
        return _get(con, code) if _has_tables(con) else None


def _submission(row: tuple[Any, ...]) -> Submission:
    (code, submission_id, participant, scenario_name, levers_json, municipality_code,
     submitted_at, version) = row
    levers = {str(k): float(v) for k, v in json.loads(levers_json).items()}
    return Submission(code, submission_id, participant, scenario_name, municipality_code,
                      MappingProxyType(levers), submitted_at, int(version))


def list_submissions(db: DbPath, code: str, latest_only: bool = True) -> list[Submission]:
    """The workshop's submissions, oldest first; by default only each one's latest version."""
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        return []
    with connect(db, read_only=True, timeout=TIMEOUT_S) as con:
        if not _has_tables(con):
            return []
        rows = con.execute(
            f"SELECT {_SUBMISSION_COLUMNS}, version FROM ("
            f"  SELECT *, row_number() OVER same AS version, count(*) OVER same AS versions"
            f"  FROM {SUBMISSIONS_TABLE} WHERE workshop_code = ?"
            "   WINDOW same AS (PARTITION BY lower(participant), lower(scenario_name)"
            "                   ORDER BY submitted_at, submission_id"
            "                   ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
            ") AS numbered WHERE NOT ? OR version = versions"
            " ORDER BY submitted_at, submission_id",
            [code, latest_only]).fetchall()
    return [_submission(row) for row in rows]
