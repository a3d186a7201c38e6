"""Saved scenarios: named lever settings that users keep, share and revise.

Why it looks like this:

* Append-only versions: every save, rename and delete adds a row ``(scenario_id,
  version)``; nothing is updated in place, so history is never lost and a delete is a
  version flagged ``deleted``.
* Optimistic concurrency: an edit names the version it started from
  (``expected_version``). The check and the insert share one transaction, and the
  primary key ``(scenario_id, version)`` makes sure that of two writers racing for the
  same next version only one commits; the other gets ``ConflictError``.
* Text is stored exactly as given (only the name is stripped of surrounding
  whitespace). It is never escaped here: display code must render it as plain text.
* ``saved_at`` is UTC without a time zone.
* Edit keys (issue 10): ``save_new`` makes a random edit key (``secrets``, 192 bits) and
  stores only its SHA-256 (``saved_scenarios_keys``); the key is returned once, on the
  saved object. New versions, renaming, deleting and undoing a deletion need it (compared
  with ``hmac.compare_digest``); anyone else opens the scenario and saves a copy. A
  scenario saved before keys existed has none and can only be copied.
* Names are unique among scenarios not deleted, compared after NFKC, case folding and
  whitespace folding: ``saved_scenarios_names`` holds one row per name in use, whose
  primary key makes twenty simultaneous "save new" with one name give one scenario and
  nineteen ``NameTakenError``. Zero-width and other invisible format characters are
  dropped from names; a name must keep one visible character.
* A deletion can be undone with the key for ``UNDO_WINDOW`` (a new version, not deleted).
* The carbon budget settings (issue 11) are stored with the levers, under the names a
  link gives them (``budget_kt``, ``budget_start``, ``beccs_budget``), so a saved scenario
  holds what its link holds and needs no new column; a scenario saved before has none.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
import secrets
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import duckdb

from model.scenario import BUDGET_START_RANGE
from store.backend import connect, file_stamp, table_names  # DuckDB file or PostgreSQL
from store.database import DbPath, StoreError, write_transaction

TABLE = "saved_scenarios"
KEYS_TABLE = "saved_scenarios_keys"
NAMES_TABLE = "saved_scenarios_names"
UNDO_WINDOW = timedelta(minutes=30)
NAME_MAX = 80
AUTHOR_MAX = 80
DESCRIPTION_MAX = 1000
LEVER_ID_MAX = 64
LEVERS_MAX = 200
# The budget's entries among the stored levers (the link's parameter names).
BUDGET_KT, BUDGET_START, BECCS_BUDGET = "budget_kt", "budget_start", "beccs_budget"
BUDGET_KT_RANGE = (1, 100_000)  # the scenario page's input
# Retries when DuckDB reports a write-write conflict between concurrent transactions.

_MUNICIPALITY_CODE = re.compile(r"^[0-9]{4}$")
_SCENARIO_ID = re.compile(r"^[0-9a-f]{16}$")
# Description is multi-line text: newline, carriage return and tab are allowed there.
_DESCRIPTION_WHITESPACE = frozenset("\n\r\t")

_CREATE_TABLE = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    scenario_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    author VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    municipality_code VARCHAR NOT NULL,
    levers_json VARCHAR NOT NULL,
    saved_at TIMESTAMP NOT NULL,
    deleted BOOLEAN NOT NULL,
    PRIMARY KEY (scenario_id, version)
)
"""
_CREATE_KEYS = f"""
CREATE TABLE IF NOT EXISTS {KEYS_TABLE} (
    scenario_id VARCHAR PRIMARY KEY,
    key_hash VARCHAR NOT NULL
)
"""
_CREATE_NAMES = f"""
CREATE TABLE IF NOT EXISTS {NAMES_TABLE} (
    name_key VARCHAR PRIMARY KEY,
    scenario_id VARCHAR NOT NULL
)
"""
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad\u034f\u115f\u1160"
                        "\u3164\uffa0")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
                  "\u061c")
_COLUMNS = (
    "scenario_id, version, name, author, description, municipality_code, levers_json, "
    "saved_at, deleted"
)


class ValidationError(StoreError, ValueError):
    """Input a user can correct; ``field`` names the offending field."""

    def __init__(self, field_name: str, message_sv: str, message_en: str) -> None:
        super().__init__(message_sv, message_en)
        self.field = field_name


class ConflictError(StoreError):
    """Someone saved a newer version first; ``latest_version`` is what is there now."""

    def __init__(self, scenario_id: str, expected_version: int, latest_version: int) -> None:
        super().__init__(
            f"Scenariot har sparats av någon annan (version {latest_version}) sedan du "
            f"öppnade version {expected_version}. Ladda om det eller spara som nytt.",
            f"The scenario was saved by someone else (version {latest_version}) after you "
            f"opened version {expected_version}. Reload it or save it as a new scenario.",
        )
        self.scenario_id = scenario_id
        self.expected_version = expected_version
        self.latest_version = latest_version


class NameTakenError(StoreError):
    """Another saved scenario (not deleted) already has this name."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"Det finns redan ett sparat scenario som heter {name!r}. Välj ett annat namn "
            "(eller öppna det scenariot).",
            f"There is already a saved scenario called {name!r}. Choose another name (or "
            "open that scenario).")
        self.name = name


class EditKeyError(StoreError):
    """The edit key is missing or wrong: others may only open the scenario and copy it."""

    def __init__(self, scenario_id: str) -> None:
        super().__init__(
            "Bara den som sparade scenariot (med dess redigeringsnyckel) kan spara nya "
            "versioner, byta namn eller ta bort det. Öppna det och spara en kopia i stället.",
            "Only whoever saved the scenario (with its edit key) can save new versions, rename "
            "or delete it. Open it and save a copy instead.")
        self.scenario_id = scenario_id


class NotFoundError(StoreError):
    """No such scenario (or version), or it has been deleted."""

    def __init__(self, scenario_id: str, version: int | None = None) -> None:
        which = f"{scenario_id!r}" + (f" version {version}" if version is not None else "")
        super().__init__(
            f"Det sparade scenariot {which} finns inte (eller har tagits bort).",
            f"The saved scenario {which} does not exist (or has been deleted).",
        )
        self.scenario_id = scenario_id
        self.version = version


@dataclass(frozen=True)
class SavedBudget:
    """The carbon budget a scenario was saved with: kt CO2, start year, BECCS counted."""

    kt: int
    start: int
    count_beccs: bool = False


@dataclass(frozen=True)
class SavedScenario:
    """One stored version of a saved scenario. ``levers`` is a read-only mapping."""

    scenario_id: str
    version: int
    name: str
    author: str
    description: str
    municipality_code: str
    levers: Mapping[str, float] = field(hash=False)
    saved_at: datetime
    deleted: bool
    budget: SavedBudget | None = None  # None: saved before budgets were kept
    # Set only on what save_new returns: shown to the saver once, stored as a hash.
    edit_key: str | None = field(default=None, repr=False, compare=False)


# --------------------------------------------------------------------------------------
# Validation


def _check_text(
    field_name: str,
    label_sv: str,
    value: object,
    max_len: int,
    *,
    min_len: int = 0,
    allowed: frozenset[str] = frozenset(),
) -> str:
    if not isinstance(value, str):
        raise ValidationError(
            field_name, f"{label_sv} måste vara text.", f"{field_name} must be text."
        )
    length = len(value)
    if length < min_len:
        raise ValidationError(
            field_name, f"{label_sv} får inte vara tomt.", f"{field_name} must not be empty."
        )
    if length > max_len:
        raise ValidationError(
            field_name,
            f"{label_sv} får vara högst {max_len} tecken (nu {length}).",
            f"{field_name} may be at most {max_len} characters (got {length}).",
        )
    for char in value:
        category = unicodedata.category(char)
        if (category == "Cc" and char not in allowed) or category == "Cs":
            raise ValidationError(
                field_name,
                f"{label_sv} innehåller ett otillåtet styrtecken (U+{ord(char):04X}).",
                f"{field_name} contains a control character (U+{ord(char):04X}).",
            )
    return value


def _check_levers(levers: object) -> dict[str, float]:
    if not isinstance(levers, Mapping):
        raise ValidationError(
            "levers", "Spakarna måste vara en tabell id → värde.", "levers must be a mapping."
        )
    if len(levers) > LEVERS_MAX:
        raise ValidationError(
            "levers",
            f"Högst {LEVERS_MAX} spakar kan sparas.",
            f"At most {LEVERS_MAX} levers can be saved.",
        )
    checked: dict[str, float] = {}
    for lever_id, value in levers.items():
        _check_text("levers", "Spakens id", lever_id, LEVER_ID_MAX, min_len=1)
        if lever_id in (BUDGET_KT, BUDGET_START, BECCS_BUDGET):  # stored beside the levers
            raise ValidationError("levers", f"{lever_id!r} är ingen spak.",
                                  f"{lever_id!r} is not a lever.")
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValidationError(
                "levers",
                f"Spaken {lever_id!r} måste ha ett ändligt tal som värde.",
                f"Lever {lever_id!r} must have a finite number as value.",
            )
        checked[lever_id] = float(value)
    return checked


def _check_budget(budget: object) -> SavedBudget | None:
    if budget is None:
        return None
    ranges = ((BUDGET_KT_RANGE, "kt"), (BUDGET_START_RANGE, "start"))
    if not isinstance(budget, SavedBudget) or not all(
            isinstance(getattr(budget, attr), int) and not isinstance(getattr(budget, attr), bool)
            and low <= getattr(budget, attr) <= high for (low, high), attr in ranges):
        raise ValidationError(
            "budget",
            f"Budgeten ska vara {BUDGET_KT_RANGE[0]}–{BUDGET_KT_RANGE[1]} kt från ett år "
            f"{BUDGET_START_RANGE[0]}–{BUDGET_START_RANGE[1]}.",
            f"The budget must be {BUDGET_KT_RANGE[0]}–{BUDGET_KT_RANGE[1]} kt from a year "
            f"{BUDGET_START_RANGE[0]}–{BUDGET_START_RANGE[1]}.")
    return SavedBudget(budget.kt, budget.start, bool(budget.count_beccs))


def validate(
    name: str,
    author: str,
    description: str,
    municipality_code: str,
    levers: Mapping[str, float],
) -> tuple[str, str, str, str, dict[str, float]]:
    """Check user input (raises ``ValidationError``); returns the values as they are stored.

    Public so that forms can show the message before attempting a save.
    """
    if isinstance(name, str):
        cleaned = clean_name(name)
        if name.strip() and not cleaned:  # only invisible signs, e.g. a soft hyphen
            raise ValidationError("name", "Namnet måste ha minst ett synligt tecken.",
                                  "name must have at least one visible character.")
        name = cleaned
    name = _check_text("name", "Namnet", name, NAME_MAX, min_len=1)
    if not any(unicodedata.category(c)[0] not in ("Z", "C", "M") for c in name):
        raise ValidationError("name", "Namnet måste ha minst ett synligt tecken.",
                              "name must have at least one visible character.")
    bidi = next((c for c in name if c in _BIDI), None)
    if bidi is not None:
        raise ValidationError(
            "name", f"Namnet innehåller ett otillåtet styrtecken (U+{ord(bidi):04X}).",
            f"name contains a control character (U+{ord(bidi):04X}).")
    author = _check_text("author", "Författaren", author, AUTHOR_MAX)
    description = _check_text(
        "description",
        "Beskrivningen",
        description,
        DESCRIPTION_MAX,
        allowed=_DESCRIPTION_WHITESPACE,
    )
    if not isinstance(municipality_code, str) or not _MUNICIPALITY_CODE.match(municipality_code):
        raise ValidationError(
            "municipality_code",
            f"Kommunkoden {municipality_code!r} ska vara fyra siffror, t.ex. 0780.",
            f"The municipality code {municipality_code!r} must be four digits, e.g. 0780.",
        )
    return name, author, description, municipality_code, _check_levers(levers)


def clean_name(name: str) -> str:
    """The name without zero-width and other invisible format signs, stripped."""
    return "".join(c for c in name if c not in _ZERO_WIDTH and (
        c in _BIDI or unicodedata.category(c) != "Cf")).strip()


def name_key(name: str) -> str:
    """What makes two names the same: NFKC, case folded, inner whitespace folded."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _key_hash(edit_key: str) -> str:
    return hashlib.sha256(edit_key.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------
# Rows <-> SavedScenario


def _from_row(row: tuple[Any, ...]) -> SavedScenario:
    (scenario_id, version, name, author, description, code, levers_json, saved_at, deleted) = row
    levers = {str(key): float(value) for key, value in json.loads(levers_json).items()}
    budget = None
    if BUDGET_KT in levers and BUDGET_START in levers:
        budget = SavedBudget(int(levers.pop(BUDGET_KT)), int(levers.pop(BUDGET_START)),
                             bool(levers.pop(BECCS_BUDGET, 0.0)))
    return SavedScenario(
        scenario_id=scenario_id,
        version=int(version),
        name=name,
        author=author,
        description=description,
        municipality_code=code,
        levers=MappingProxyType(levers),
        saved_at=saved_at,
        deleted=bool(deleted),
        budget=budget,
    )


def _insert(con: duckdb.DuckDBPyConnection, scenario: SavedScenario) -> None:
    stored = dict(scenario.levers)
    if scenario.budget is not None:
        stored.update({BUDGET_KT: scenario.budget.kt, BUDGET_START: scenario.budget.start,
                       BECCS_BUDGET: int(scenario.budget.count_beccs)})
    levers_json = json.dumps(stored, sort_keys=True, ensure_ascii=False, allow_nan=False)
    con.execute(
        f"INSERT INTO {TABLE} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            scenario.scenario_id,
            scenario.version,
            scenario.name,
            scenario.author,
            scenario.description,
            scenario.municipality_code,
            levers_json,
            scenario.saved_at,
            scenario.deleted,
        ],
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _latest(con: duckdb.DuckDBPyConnection, scenario_id: str) -> SavedScenario | None:
    row = con.execute(
        f"SELECT {_COLUMNS} FROM {TABLE} WHERE scenario_id = ? ORDER BY version DESC LIMIT 1",
        [scenario_id],
    ).fetchone()
    return _from_row(row) if row else None


def _has_table(con: duckdb.DuckDBPyConnection) -> bool:
    return TABLE in table_names(con)


# --------------------------------------------------------------------------------------
# Writing


def _write(db: DbPath, work: Callable[[duckdb.DuckDBPyConnection], SavedScenario]) -> SavedScenario:
    """Run ``work`` in one transaction; a lost race surfaces as ``ConflictError``."""
    return write_transaction(
        db, (_CREATE_TABLE, _CREATE_KEYS, _CREATE_NAMES), work,
        failed=("Scenariot kunde inte sparas", "The scenario could not be saved"),
        busy=("Scenariot kunde inte sparas: databasen är upptagen. Försök igen.",
              "The scenario could not be saved: the database is busy. Try again."),
    )


def save_new(
    db: DbPath,
    name: str,
    author: str,
    description: str,
    municipality_code: str,
    levers: Mapping[str, float],
    budget: SavedBudget | None = None,
) -> SavedScenario:
    """Save a new scenario as version 1 with a fresh ``scenario_id``."""
    name, author, description, municipality_code, checked = validate(
        name, author, description, municipality_code, levers
    )
    budget = _check_budget(budget)

    edit_key = secrets.token_urlsafe(24)

    def work(con: duckdb.DuckDBPyConnection) -> SavedScenario:
        # A fresh id on every attempt: a (vanishingly rare) id clash just retries.
        _claim_name(con, name, None)
        scenario = SavedScenario(
            scenario_id=uuid.uuid4().hex[:16],
            version=1,
            name=name,
            author=author,
            description=description,
            municipality_code=municipality_code,
            levers=MappingProxyType(checked),
            saved_at=_now(),
            deleted=False,
            budget=budget,
        )
        _insert(con, scenario)
        con.execute(f"INSERT INTO {NAMES_TABLE} (name_key, scenario_id) VALUES (?, ?)",
                    [name_key(name), scenario.scenario_id])
        con.execute(f"INSERT INTO {KEYS_TABLE} (scenario_id, key_hash) VALUES (?, ?)",
                    [scenario.scenario_id, _key_hash(edit_key)])
        return replace(scenario, edit_key=edit_key)

    return _write(db, work)


def _claim_name(con: duckdb.DuckDBPyConnection, name: str, scenario_id: str | None) -> None:
    """Raise NameTakenError when another live scenario has the name (claims, then legacy)."""
    row = con.execute(f"SELECT scenario_id FROM {NAMES_TABLE} WHERE name_key = ?",
                      [name_key(name)]).fetchone()
    if row is not None and row[0] != scenario_id:
        raise NameTakenError(name)
    # Scenarios saved before names were claimed: compared by lower() as SQL can.
    legacy = con.execute(
        f"SELECT s.scenario_id FROM {TABLE} s WHERE lower(s.name) = lower(?) "
        f"AND s.version = (SELECT max(v.version) FROM {TABLE} v "
        "                  WHERE v.scenario_id = s.scenario_id) AND NOT s.deleted", [name]
    ).fetchall()
    if any(found[0] != scenario_id for found in legacy):
        raise NameTakenError(name)


def _check_key(con: duckdb.DuckDBPyConnection, scenario_id: str, edit_key: object) -> None:
    row = con.execute(f"SELECT key_hash FROM {KEYS_TABLE} WHERE scenario_id = ?",
                      [scenario_id]).fetchone()
    given = _key_hash(edit_key) if isinstance(edit_key, str) and edit_key else ""
    if row is None or not hmac.compare_digest(str(row[0]), given):
        raise EditKeyError(scenario_id)


def _append_version(
    db: DbPath,
    scenario_id: str,
    expected_version: int,
    change: Callable[[SavedScenario], SavedScenario],
    edit_key: object = None,
) -> SavedScenario:
    """Add version ``expected_version + 1`` made by ``change`` from the latest version."""
    if not isinstance(scenario_id, str) or not _SCENARIO_ID.match(scenario_id):
        raise NotFoundError(str(scenario_id))
    if isinstance(expected_version, bool) or not isinstance(expected_version, int):
        raise ValidationError(
            "expected_version",
            "Versionsnumret måste vara ett heltal.",
            "expected_version must be an integer.",
        )

    def work(con: duckdb.DuckDBPyConnection) -> SavedScenario:
        latest = _latest(con, scenario_id)
        if latest is None:
            raise NotFoundError(scenario_id)
        if latest.version != expected_version:
            raise ConflictError(scenario_id, expected_version, latest.version)
        if latest.deleted:
            raise NotFoundError(scenario_id)
        _check_key(con, scenario_id, edit_key)
        new = replace(change(latest), version=latest.version + 1, saved_at=_now())
        if new.deleted:
            con.execute(f"DELETE FROM {NAMES_TABLE} WHERE scenario_id = ?", [scenario_id])
        elif name_key(new.name) != name_key(latest.name):
            _claim_name(con, new.name, scenario_id)
            con.execute(f"DELETE FROM {NAMES_TABLE} WHERE scenario_id = ?", [scenario_id])
            con.execute(f"INSERT INTO {NAMES_TABLE} (name_key, scenario_id) VALUES (?, ?)",
                        [name_key(new.name), scenario_id])
        _insert(con, new)
        return new

    return _write(db, work)


def save_version(
    db: DbPath,
    scenario_id: str,
    expected_version: int,
    *,
    levers: Mapping[str, float] | None = None,
    name: str | None = None,
    author: str | None = None,
    description: str | None = None,
    municipality_code: str | None = None,
    budget: SavedBudget | None = None,
    edit_key: str | None = None,
) -> SavedScenario:
    """Save changes as the next version; fields left ``None`` keep their latest value.

    Raises ``ConflictError`` when the latest version is not ``expected_version``, and
    ``EditKeyError`` without the scenario's edit key.
    """

    def change(latest: SavedScenario) -> SavedScenario:
        new_name, new_author, new_description, new_code, new_levers = validate(
            latest.name if name is None else name,
            latest.author if author is None else author,
            latest.description if description is None else description,
            latest.municipality_code if municipality_code is None else municipality_code,
            latest.levers if levers is None else levers,
        )
        return replace(
            latest,
            name=new_name,
            author=new_author,
            description=new_description,
            municipality_code=new_code,
            levers=MappingProxyType(new_levers),
            budget=latest.budget if budget is None else _check_budget(budget),
        )

    return _append_version(db, scenario_id, expected_version, change, edit_key)


def rename(db: DbPath, scenario_id: str, expected_version: int, name: str, *,
           edit_key: str | None = None) -> SavedScenario:
    """Give the scenario a new name (as a new version); needs the edit key."""
    return save_version(db, scenario_id, expected_version, name=name, edit_key=edit_key)


def delete(db: DbPath, scenario_id: str, expected_version: int, *,
           edit_key: str | None = None) -> SavedScenario:
    """Delete the scenario: a new version flagged ``deleted``; history stays loadable."""

    def change(latest: SavedScenario) -> SavedScenario:
        return replace(latest, deleted=True)

    return _append_version(db, scenario_id, expected_version, change, edit_key)


def undo_delete(db: DbPath, scenario_id: str, *, edit_key: str | None = None) -> SavedScenario:
    """Bring a deleted scenario back (a new version, not deleted), within UNDO_WINDOW."""
    if not isinstance(scenario_id, str) or not _SCENARIO_ID.match(scenario_id):
        raise NotFoundError(str(scenario_id))

    def work(con: duckdb.DuckDBPyConnection) -> SavedScenario:
        latest = _latest(con, scenario_id)
        if latest is None or not latest.deleted or _now() - latest.saved_at > UNDO_WINDOW:
            raise NotFoundError(scenario_id)
        _check_key(con, scenario_id, edit_key)
        _claim_name(con, latest.name, scenario_id)
        con.execute(f"INSERT INTO {NAMES_TABLE} (name_key, scenario_id) VALUES (?, ?)",
                    [name_key(latest.name), scenario_id])
        back = replace(latest, version=latest.version + 1, saved_at=_now(), deleted=False)
        _insert(con, back)
        return back

    return _write(db, work)


# --------------------------------------------------------------------------------------
# Reading


def list_scenarios(db: DbPath, municipality_code: str | None = None) -> list[SavedScenario]:
    """The latest version of every scenario not deleted, newest first.

    From a DuckDB file the answer is kept per ``file_stamp``, which any write from any
    process changes: the "Sparade" and "Jämför" pages list on every lever move, and opening
    the file was most of their time. A stamp taken before a write is never seen again, so
    what was read under it is never handed out after the write.
    """
    stamp = file_stamp(db)
    if stamp is None:  # PostgreSQL
        return _list_scenarios(db, municipality_code)
    return list(_kept_list(str(db), stamp, municipality_code))


@lru_cache(maxsize=64)
def _kept_list(db: str, stamp: tuple[int, ...], municipality_code: str | None
               ) -> tuple[SavedScenario, ...]:
    return tuple(_list_scenarios(db, municipality_code))


def _list_scenarios(db: DbPath, municipality_code: str | None) -> list[SavedScenario]:
    with connect(db, read_only=True) as con:
        if not _has_table(con):
            return []
        rows = con.execute(
            f"SELECT {_COLUMNS} FROM ("
            f"  SELECT *, row_number() OVER (PARTITION BY scenario_id ORDER BY version DESC)"
            f"  AS newest FROM {TABLE}"
            ") AS latest WHERE newest = 1 AND NOT deleted"
            " AND (? IS NULL OR municipality_code = ?)"
            " ORDER BY saved_at DESC, name, scenario_id",
            [municipality_code, municipality_code],
        ).fetchall()
    return [_from_row(row) for row in rows]


def load(db: DbPath, scenario_id: str, version: int | None = None) -> SavedScenario:
    """One version (default: the latest, which must not be deleted).

    An explicit ``version`` is returned as stored, even from a deleted scenario's history.
    """
    if not isinstance(scenario_id, str) or not _SCENARIO_ID.match(scenario_id):
        raise NotFoundError(str(scenario_id), version)
    with connect(db, read_only=True) as con:
        if not _has_table(con):
            raise NotFoundError(scenario_id, version)
        if version is None:
            scenario = _latest(con, scenario_id)
            if scenario is None or scenario.deleted:
                raise NotFoundError(scenario_id)
            return scenario
        row = con.execute(
            f"SELECT {_COLUMNS} FROM {TABLE} WHERE scenario_id = ? AND version = ?",
            [scenario_id, version],
        ).fetchone()
    if row is None:
        raise NotFoundError(scenario_id, version)
    return _from_row(row)


def history(db: DbPath, scenario_id: str) -> list[SavedScenario]:
    """Every stored version of one scenario, oldest first (empty if unknown)."""
    if not isinstance(scenario_id, str) or not _SCENARIO_ID.match(scenario_id):
        return []
    with connect(db, read_only=True) as con:
        if not _has_table(con):
            return []
        rows = con.execute(
            f"SELECT {_COLUMNS} FROM {TABLE} WHERE scenario_id = ? ORDER BY version",
            [scenario_id],
        ).fetchall()
    return [_from_row(row) for row in rows]
