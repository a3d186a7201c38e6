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
* Codes like ``VXJ-K7M-4P2``: three letters from the municipality's name and six
  characters from a 32-sign alphabet without I, O, 0 and 1 (about 10^9 codes per prefix,
  so guessing one is hopeless, and the page limits failed joins per session), easy to read
  off a projector and type on a phone. ``normalise_code`` accepts ``vxj k7m4p2`` too, and
  the four-digit codes of older workshops (``VXJ-4821``) still open them. The written form
  is presentation/workshop_codes.py (the links read it too).
* Roles are checked here, not only in the page: a workshop is started with a facilitator
  token (``secrets``, 192 bits) of which only the SHA-256 is stored; closing, reopening,
  hiding submissions and the per-device cap need it (``check_facilitator``). A
  participant's device has its own key (also stored as a hash): the first device to submit
  under a participant name owns it, and new versions under that name come only from it
  (names compared after NFKC, case folding and whitespace folding). Hidden submissions are
  kept (the export marks them); a device may send at most ``per_device_per_minute``.
* The extra facts live in their own tables (``workshop_facilitators``,
  ``workshop_participants``, ``workshop_devices``, ``workshop_hidden``,
  ``workshop_limits``), so databases made by older versions need no migration.
* Every write is one transaction through ``store.database.connect``; concurrent
  submissions from a room of phones each retry on DuckDB's write conflicts. Waiting for a
  database held by another program is short (``TIMEOUT_S``): a participant should read
  "try again" in seconds, not stare at a spinner for half a minute.
* Text is stored exactly as given (names stripped of surrounding spaces) and never escaped
  here: display code shows it as plain text. Control and bidirectional-override
  characters are refused, since they would scramble a name shown to a room; zero-width
  characters are dropped, and a name must keep at least one visible character.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import re
import secrets
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Any, TypeVar

import duckdb

from presentation.workshop_codes import (  # the written form, shared with the links
    CODE_LENGTH,
    CODE_LETTERS,
    CODE_PATTERN,
    CODE_SIGNS,
    TOKEN_PATTERN,
)
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
DEFAULT_PER_MINUTE = 6  # submissions per device and minute unless the facilitator changes it
PER_MINUTE_RANGE = (1, 60)
_MUNICIPALITY_CODE = re.compile(r"^[0-9]{4}$")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                           "\u200e\u200f\u061c")
# Invisible signs that would let two names look alike (or a name look empty): dropped.
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad\u034f\u115f\u1160"
                        "\u3164\uffa0")
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
_CREATE_FACILITATORS = """
CREATE TABLE IF NOT EXISTS workshop_facilitators (
    token_hash VARCHAR PRIMARY KEY,
    workshop_code VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
)
"""
_CREATE_PARTICIPANTS = """
CREATE TABLE IF NOT EXISTS workshop_participants (
    workshop_code VARCHAR NOT NULL,
    name_key VARCHAR NOT NULL,
    device_hash VARCHAR NOT NULL,
    claimed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (workshop_code, name_key)
)
"""
_CREATE_DEVICES = """
CREATE TABLE IF NOT EXISTS workshop_devices (
    submission_id VARCHAR PRIMARY KEY,
    workshop_code VARCHAR NOT NULL,
    device_hash VARCHAR NOT NULL,
    submitted_at TIMESTAMP NOT NULL
)
"""
_CREATE_HIDDEN = """
CREATE TABLE IF NOT EXISTS workshop_hidden (
    submission_id VARCHAR PRIMARY KEY,
    workshop_code VARCHAR NOT NULL,
    hidden_at TIMESTAMP NOT NULL
)
"""
_CREATE_LIMITS = """
CREATE TABLE IF NOT EXISTS workshop_limits (
    workshop_code VARCHAR PRIMARY KEY,
    per_device_per_minute BIGINT NOT NULL
)
"""
_CREATE_ALL = (_CREATE_WORKSHOPS, _CREATE_SUBMISSIONS, _CREATE_FACILITATORS,
               _CREATE_PARTICIPANTS, _CREATE_DEVICES, _CREATE_HIDDEN, _CREATE_LIMITS)
_WORKSHOP_COLUMNS = "code, name, municipality_code, created_at, closed"
_SUBMISSION_COLUMNS = ("workshop_code, submission_id, participant, scenario_name, levers_json, "
                       "municipality_code, submitted_at")


class NotFoundError(StoreError):
    """No workshop with this code."""

    def __init__(self, code: str) -> None:
        super().__init__(f"Det finns ingen workshop med koden {code}.",
                         f"There is no workshop with the code {code}.")
        self.code = code


class NotFacilitatorError(StoreError):
    """The facilitator token is missing, forged or for another workshop."""

    def __init__(self, code: str) -> None:
        super().__init__(
            f"Ledarlänken gäller inte workshopen {code}. Öppna den ledarlänk du fick när "
            "workshopen startades (eller be om en ny).",
            f"The facilitator link is not valid for the workshop {code}. Open the facilitator "
            "link you got when the workshop was started (or ask for a new one).")
        self.code = code


class NameTakenError(StoreError):
    """Another device already submits under this participant name."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"Namnet {name!r} används redan av en annan deltagare. Välj ett annat namn.",
            f"The name {name!r} is already used by another participant. Choose another name.")
        self.name = name


class TooManyError(StoreError):
    """The device sent more submissions in the last minute than the workshop allows."""

    def __init__(self, per_minute: int) -> None:
        super().__init__(
            f"Högst {per_minute} inskick per minut från samma enhet. Vänta en stund.",
            f"At most {per_minute} submissions a minute from one device. Wait a moment.")
        self.per_minute = per_minute


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
    hidden: bool = False


# --------------------------------------------------------------------------------------
# Codes


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
    signs = "".join(secrets.choice(CODE_SIGNS) for _ in range(CODE_LENGTH))
    return f"{prefix}-{signs[:3]}-{signs[3:]}"


# --------------------------------------------------------------------------------------
# Secrets: only their hashes are stored


def new_secret() -> str:
    """A fresh facilitator token or device key: 192 bits from ``secrets``, URL-safe."""
    return secrets.token_urlsafe(24)


def secret_hash(secret: str) -> str:
    """The stored form of a token or key (SHA-256; the secrets are random, not passwords)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _check_secret(secret: object) -> str | None:
    return secret if isinstance(secret, str) and TOKEN_PATTERN.match(secret) else None


def name_key(name: str) -> str:
    """What makes two names the same name: NFKC, case folded, inner whitespace folded."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


# --------------------------------------------------------------------------------------
# Validation


def _check_text(field_name: str, label_sv: str, value: object, max_len: int) -> str:
    """A one-line name: stripped, 1..max_len characters, no control or bidi characters."""
    if not isinstance(value, str):
        raise ValidationError(field_name, f"{label_sv} måste vara text.",
                              f"{field_name} must be text.")
    value = clean_name(value)
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
    if not any(_visible(char) for char in value):
        raise ValidationError(field_name, f"{label_sv} måste ha minst ett synligt tecken.",
                              f"{field_name} must have at least one visible character.")
    return value


def _visible(char: str) -> bool:
    return unicodedata.category(char)[0] not in ("Z", "C", "M")


def clean_name(value: str) -> str:
    """A name without zero-width signs and surrounding whitespace (other checks follow)."""
    return "".join(c for c in value if c not in _ZERO_WIDTH and (
        c in _BIDI_CONTROLS or unicodedata.category(c) != "Cf")).strip()


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
        db, _CREATE_ALL, work,
        failed=("Workshopen kunde inte sparas", "The workshop could not be saved"),
        busy=("Databasen är upptagen just nu. Försök igen om en stund.",
              "The database is busy right now. Try again in a moment."),
        timeout=TIMEOUT_S,
    )


def _is_facilitator(con: duckdb.DuckDBPyConnection, code: str, token: object) -> bool:
    checked = _check_secret(token)
    if checked is None:
        return False
    wanted = secret_hash(checked)
    rows = con.execute("SELECT token_hash FROM workshop_facilitators WHERE workshop_code = ?",
                       [code]).fetchall()
    # Compare every stored hash in constant time (no early exit on the first match).
    return sum(hmac.compare_digest(str(row[0]), wanted) for row in rows) > 0


def _require_facilitator(con: duckdb.DuckDBPyConnection, code: str, token: object) -> Workshop:
    found = _get(con, code)
    if found is None:
        raise NotFoundError(code)
    if not _is_facilitator(con, code, token):
        raise NotFacilitatorError(code)
    return found


def _add_token(con: duckdb.DuckDBPyConnection, code: str) -> str:
    token = new_secret()
    con.execute("INSERT INTO workshop_facilitators (token_hash, workshop_code, created_at) "
                "VALUES (?, ?, ?)", [secret_hash(token), code, _now()])
    return token


def start_workshop(db: DbPath, name: str, municipality_code: str,
                   municipality_name: str = "") -> tuple[Workshop, str]:
    """Open a workshop under a fresh code; returns it and its facilitator token (shown once,
    only its hash is stored)."""
    name = check_workshop_name(name)
    municipality_code = _check_municipality(municipality_code)
    prefix = code_prefix(municipality_name or "XXX")
    attempts = iter(range(_CODE_ATTEMPTS * 2))

    def work(con: duckdb.DuckDBPyConnection) -> tuple[Workshop, str]:
        # A taken code retries with new signs, and after many tries with new letters too.
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
        return workshop, _add_token(con, workshop.code)

    return _write(db, work)


def create_workshop(db: DbPath, name: str, municipality_code: str,
                    municipality_name: str = "") -> Workshop:
    """Open a workshop (its facilitator token is thrown away: mint one with
    ``new_facilitator_token``); for scripts and tests."""
    return start_workshop(db, name, municipality_code, municipality_name)[0]


def new_facilitator_token(db: DbPath, code: str) -> str:
    """A further facilitator token for an existing workshop (``python -m store workshop
    facilitator-link``: runs on the server, so whoever runs it is an admin)."""

    def work(con: duckdb.DuckDBPyConnection) -> str:
        if _get(con, code) is None:
            raise NotFoundError(code)
        return _add_token(con, code)

    return _write(db, work)


def check_facilitator(db: DbPath, code: str, token: object) -> bool:
    """True when ``token`` is one of the workshop's facilitator tokens."""
    if not isinstance(code, str) or not CODE_PATTERN.match(code) or _check_secret(token) is None:
        return False
    with connect(db, read_only=True, timeout=TIMEOUT_S) as con:
        if "workshop_facilitators" not in _tables(con):
            return False
        return _is_facilitator(con, code, token)


def set_closed(db: DbPath, code: str, closed: bool, token: object) -> Workshop:
    """Close the workshop for submissions, or open it again (facilitator only)."""

    def work(con: duckdb.DuckDBPyConnection) -> Workshop:
        found = _require_facilitator(con, code, token)
        con.execute(f"UPDATE {WORKSHOPS_TABLE} SET closed = ? WHERE code = ?", [closed, code])
        return Workshop(found.code, found.name, found.municipality_code, found.created_at,
                        closed)

    return _write(db, work)


def set_hidden(db: DbPath, code: str, submission_id: str, hidden: bool, token: object) -> None:
    """Hide a submission from the room (kept, marked in exports), or show it again."""

    def work(con: duckdb.DuckDBPyConnection) -> None:
        _require_facilitator(con, code, token)
        row = con.execute(f"SELECT 1 FROM {SUBMISSIONS_TABLE} WHERE workshop_code = ? "
                          "AND submission_id = ?", [code, submission_id]).fetchone()
        if row is None:
            raise NotFoundError(code)
        con.execute("DELETE FROM workshop_hidden WHERE submission_id = ?", [submission_id])
        if hidden:
            con.execute("INSERT INTO workshop_hidden (submission_id, workshop_code, hidden_at) "
                        "VALUES (?, ?, ?)", [submission_id, code, _now()])

    _write(db, work)


def set_per_minute(db: DbPath, code: str, per_minute: int, token: object) -> int:
    """Cap each device's submissions per minute (facilitator only); returns the cap."""
    low, high = PER_MINUTE_RANGE
    if isinstance(per_minute, bool) or not isinstance(per_minute, int) or not (
            low <= per_minute <= high):
        raise ValidationError("per_minute", f"Taket ska vara ett heltal {low}–{high}.",
                              f"The cap must be a whole number {low}–{high}.")

    def work(con: duckdb.DuckDBPyConnection) -> int:
        _require_facilitator(con, code, token)
        con.execute("DELETE FROM workshop_limits WHERE workshop_code = ?", [code])
        con.execute("INSERT INTO workshop_limits (workshop_code, per_device_per_minute) "
                    "VALUES (?, ?)", [code, per_minute])
        return per_minute

    return _write(db, work)


def _per_minute(con: duckdb.DuckDBPyConnection, code: str) -> int:
    row = con.execute("SELECT per_device_per_minute FROM workshop_limits WHERE workshop_code = ?",
                      [code]).fetchone()
    return int(row[0]) if row else DEFAULT_PER_MINUTE


def per_minute(db: DbPath, code: str) -> int:
    """The workshop's cap on submissions per device and minute."""
    with connect(db, read_only=True, timeout=TIMEOUT_S) as con:
        if "workshop_limits" not in _tables(con):
            return DEFAULT_PER_MINUTE
        return _per_minute(con, code)


def submit(db: DbPath, code: str, participant: str, scenario_name: str,
           municipality_code: str, levers: Mapping[str, float], *,
           device_key: str) -> Submission:
    """Store a participant's scenario in the workshop; its version counts earlier ones.

    The first device to submit under a participant name owns the name; another device gets
    ``NameTakenError``. More than the workshop's cap per minute from one device gives
    ``TooManyError``.
    """
    participant, scenario_name = check_submission(participant, scenario_name)
    municipality_code = _check_municipality(municipality_code)
    checked = _check_levers(levers)
    device = _check_secret(device_key)
    if device is None:
        raise ValidationError("device_key", "Enhetens nyckel saknas eller är ogiltig.",
                              "The device key is missing or invalid.")
    device_hash = secret_hash(device)
    key = name_key(participant)
    levers_json = json.dumps(checked, sort_keys=True, allow_nan=False)

    def work(con: duckdb.DuckDBPyConnection) -> Submission:
        found = _get(con, code)
        if found is None:
            raise NotFoundError(code)
        if found.closed:
            raise ClosedError(code)
        now = _now()
        owner = con.execute("SELECT device_hash FROM workshop_participants "
                            "WHERE workshop_code = ? AND name_key = ?", [code, key]).fetchone()
        if owner is None:
            con.execute("INSERT INTO workshop_participants (workshop_code, name_key, "
                        "device_hash, claimed_at) VALUES (?, ?, ?, ?)",
                        [code, key, device_hash, now])
        elif not hmac.compare_digest(str(owner[0]), device_hash):
            raise NameTakenError(participant)
        cap = _per_minute(con, code)
        recent = con.execute("SELECT count(*) FROM workshop_devices WHERE workshop_code = ? "
                             "AND device_hash = ? AND submitted_at > ?",
                             [code, device_hash, now - timedelta(minutes=1)]).fetchone()
        if recent and int(recent[0]) >= cap:
            raise TooManyError(cap)
        row = con.execute(
            f"SELECT count(*) FROM {SUBMISSIONS_TABLE} WHERE workshop_code = ? "
            "AND lower(participant) = lower(?) AND lower(scenario_name) = lower(?)",
            [code, participant, scenario_name]).fetchone()
        submission = Submission(code, uuid.uuid4().hex[:16], participant, scenario_name,
                                municipality_code, MappingProxyType(checked), now,
                                version=int(row[0] if row else 0) + 1)
        con.execute(
            f"INSERT INTO {SUBMISSIONS_TABLE} ({_SUBMISSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [submission.workshop_code, submission.submission_id, participant, scenario_name,
             levers_json, municipality_code, submission.submitted_at])
        con.execute("INSERT INTO workshop_devices (submission_id, workshop_code, device_hash, "
                    "submitted_at) VALUES (?, ?, ?, ?)",
                    [submission.submission_id, code, device_hash, now])
        return submission

    return _write(db, work)


# --------------------------------------------------------------------------------------
# Reading


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {name for name in table_names(con) if name.startswith("workshop")}


def _has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    return {WORKSHOPS_TABLE, SUBMISSIONS_TABLE} <= _tables(con)


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
     submitted_at, version, hidden) = row
    levers = {str(k): float(v) for k, v in json.loads(levers_json).items()}
    return Submission(code, submission_id, participant, scenario_name, municipality_code,
                      MappingProxyType(levers), submitted_at, int(version), bool(hidden))


def list_submissions(db: DbPath, code: str, latest_only: bool = True,
                     include_hidden: bool = False) -> list[Submission]:
    """The workshop's submissions, oldest first; by default only each one's latest version.

    A hidden latest version hides the whole entry from the room; ``include_hidden`` (the
    export) keeps hidden ones, marked.
    """
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        return []
    with connect(db, read_only=True, timeout=TIMEOUT_S) as con:
        tables = _tables(con)
        if not {WORKSHOPS_TABLE, SUBMISSIONS_TABLE} <= tables:
            return []
        hidden_join = ("LEFT JOIN (SELECT submission_id AS hidden_id FROM workshop_hidden "
                       "WHERE workshop_code = ?) h ON h.hidden_id = v.submission_id"
                       if "workshop_hidden" in tables else "")
        hidden = "h.hidden_id IS NOT NULL" if hidden_join else "FALSE"
        params = [code, code] if hidden_join else [code]
        rows = con.execute(
            f"SELECT {_SUBMISSION_COLUMNS}, version, hidden FROM ("
            f"  SELECT v.*, {hidden} AS hidden FROM ("
            f"    SELECT *, row_number() OVER same AS version, count(*) OVER same AS versions"
            f"    FROM {SUBMISSIONS_TABLE} WHERE workshop_code = ?"
            "     WINDOW same AS (PARTITION BY lower(participant), lower(scenario_name)"
            "                     ORDER BY submitted_at, submission_id"
            "                     ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
            f"  ) v {hidden_join}"
            ") w WHERE (NOT ? OR version = versions) AND (? OR NOT hidden)"
            " ORDER BY submitted_at, submission_id",
            [*params, latest_only, include_hidden]).fetchall()
    return [_submission(row) for row in rows]
