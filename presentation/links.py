"""Scenario links: lever settings to URL query parameters and back (no Streamlit here).

A link holds what differs from the municipality's reference, so that it stays short and
says what the scenario changes: ``?v=1&kommun=0780&el_personbilar=80&lang=en``.

* ``v``: the link schema version (``SCHEMA_VERSION``); a link without it is read as the
  current version. An unknown version reads no levers or budget (their meaning may have
  changed), only municipality and language.
* ``kommun``: the municipality code (always written).
* ``lang``: ``en`` when English (Swedish is the default and not written).
* one parameter per lever id whose value differs from the reference, in the lever's unit.
* ``budget_kt``, ``budget_start``, ``beccs_budget=1``: the carbon budget when it differs
  from the municipality's default.
* ``presenter=1``: presenter mode (big figures, one chart, no sidebar; ui/presenter.py).
* ``workshop=VXJ-4821``: the workshop the session takes part in (ui/workshop_page.py), with
  ``facilitator=1`` when it is the facilitator's view. Read whatever the version, like the
  municipality and the language: they do not change what a lever means.

Reading never raises: whatever cannot be read becomes a ``LinkProblem`` (shown to the
user) and the reference is used for it. Problems carry the parameter and value cut to
``MAX_SHOWN`` characters with control characters replaced, never the raw input.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from model.levers import LEVER_SPECS, LEVERS_BY_ID
from presentation.workshop_codes import TOKEN_PATTERN, normalise_code

SCHEMA_VERSION = 1
VERSION_PARAM = "v"
MUNICIPALITY_PARAM = "kommun"
LANG_PARAM = "lang"
BUDGET_KT_PARAM = "budget_kt"
BUDGET_START_PARAM = "budget_start"
BECCS_BUDGET_PARAM = "beccs_budget"
PRESENTER_PARAM = "presenter"
WORKSHOP_PARAM = "workshop"
FACILITATOR_PARAM = "facilitator"  # read and written, but grants nothing (issue 10)
# The facilitator link's token: read once into the session, never written back, so the
# address bar (on a projector) loses it at the first rerun.
FACILITATOR_KEY_PARAM = "facilitator_key"
# A participant's device key (made at its first submission), kept in the participant's own
# address so that a reload on the phone still owns its name. Never in shared links.
DEVICE_PARAM = "device"
LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
# The budget inputs' ranges on the scenario page.
BUDGET_KT_RANGE = (1, 100_000)
BUDGET_START_RANGE = (2015, 2030)
MAX_SHOWN = 40
# Longer values are not numbers any lever or budget could take: not parsed at all.
_MAX_NUMBER_CHARS = 32

ProblemKind = Literal[
    "unknown_version",
    "unknown_param",
    "not_a_number",
    "out_of_range",
    "unknown_municipality",
    "unknown_language",
    "bad_flag",
    "bad_workshop_code",
    "bad_facilitator_key",
    "bad_device_key",
]


@dataclass(frozen=True)
class Budget:
    """The carbon budget settings as the scenario page's inputs hold them."""

    kt: int
    start: int
    count_beccs: bool = False


@dataclass(frozen=True)
class LinkProblem:
    """One parameter that could not be used, safe to show (cut, no control characters)."""

    kind: ProblemKind
    param: str
    value: str


@dataclass(frozen=True)
class ParsedLink:
    """What a link sets; ``None`` or missing means: keep the default / the reference."""

    municipality: str | None = None
    lang: str | None = None
    levers: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    budget_kt: int | None = None
    budget_start: int | None = None
    count_beccs: bool | None = None
    presenter: bool | None = None
    workshop: str | None = None  # a well-formed code (it may still not exist)
    facilitator: bool | None = None
    facilitator_token: str | None = None  # well-formed; checked against the store later
    device_key: str | None = None  # well-formed participant device key
    problems: tuple[LinkProblem, ...] = ()

    @property
    def sets_budget(self) -> bool:
        """True when the link changes any budget setting."""
        return any(v is not None for v in (self.budget_kt, self.budget_start, self.count_beccs))


def shown(text: str) -> str:
    """A parameter or value cut to MAX_SHOWN characters, control characters as '?'."""
    cleaned = "".join("?" if (ord(c) < 32 or 0x7F <= ord(c) < 0xA0) else c for c in text)
    return cleaned if len(cleaned) <= MAX_SHOWN else cleaned[: MAX_SHOWN - 1] + "…"


def format_number(value: float) -> str:
    """The shortest text that reads back as exactly this number: 80, 12.5, 0.1."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def _number(text: str) -> float | None:
    """A finite number written in plain decimal or exponent notation, else None."""
    if len(text) > _MAX_NUMBER_CHARS or "_" in text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _flag(text: str) -> bool | None:
    """1/true and 0/false (any case, spaces around), else None."""
    flag = text.strip().lower()
    return True if flag in {"1", "true"} else False if flag in {"0", "false"} else None


def _last(value: str | list[str]) -> str:
    """A repeated parameter counts with its last value (as Streamlit reads it)."""
    if isinstance(value, list):
        return value[-1] if value else ""
    return value


def parse_link(
    params: Mapping[str, str | list[str]], municipalities: Collection[str]
) -> ParsedLink:
    """Read a link's query parameters; every problem is reported, nothing raises."""
    values = {str(key): _last(value) for key, value in params.items()}
    problems: list[LinkProblem] = []

    def problem(kind: ProblemKind, param: str, value: str) -> None:
        problems.append(LinkProblem(kind, shown(param), shown(value)))

    readable = True
    version = values.pop(VERSION_PARAM, None)
    if version is not None and version.strip() != str(SCHEMA_VERSION):
        problem("unknown_version", VERSION_PARAM, version)
        readable = False

    municipality = values.pop(MUNICIPALITY_PARAM, None)
    if municipality is not None and municipality.strip() not in municipalities:
        problem("unknown_municipality", MUNICIPALITY_PARAM, municipality)
        municipality = None
    lang = values.pop(LANG_PARAM, None)
    if lang is not None and lang.strip() not in LANGUAGES:
        problem("unknown_language", LANG_PARAM, lang)
        lang = None

    workshop = values.pop(WORKSHOP_PARAM, None)
    if workshop is not None:
        code = normalise_code(workshop)
        if code is None:
            problem("bad_workshop_code", WORKSHOP_PARAM, workshop)
        workshop = code
    token = values.pop(FACILITATOR_KEY_PARAM, None)
    if token is not None and not TOKEN_PATTERN.match(token.strip()):
        problem("bad_facilitator_key", FACILITATOR_KEY_PARAM, "…")  # never echo a secret
        token = None
    device = values.pop(DEVICE_PARAM, None)
    if device is not None and not TOKEN_PATTERN.match(device.strip()):
        problem("bad_device_key", DEVICE_PARAM, "…")
        device = None
    flags: dict[str, bool] = {}
    for param in (PRESENTER_PARAM, FACILITATOR_PARAM):
        text = values.pop(param, None)
        if text is not None:
            flag = _flag(text)
            if flag is None:
                problem("bad_flag", param, text)
            else:
                flags[param] = flag

    levers: dict[str, float] = {}
    budget: dict[str, int | bool] = {}
    for param, text in values.items():
        spec = LEVERS_BY_ID.get(param)
        if param == BECCS_BUDGET_PARAM:
            flag = _flag(text)
            if flag is None:
                problem("bad_flag", param, text)
            else:
                budget[param] = flag
            continue
        if spec is None and param not in (BUDGET_KT_PARAM, BUDGET_START_PARAM):
            problem("unknown_param", param, text)
            continue
        number = _number(text)
        if number is None:
            problem("not_a_number", param, text)
            continue
        if spec is not None:
            if spec.min <= number <= spec.max:
                levers[param] = number
            else:
                problem("out_of_range", param, text)
            continue
        low, high = BUDGET_KT_RANGE if param == BUDGET_KT_PARAM else BUDGET_START_RANGE
        if not number.is_integer():
            problem("not_a_number", param, text)
        elif low <= number <= high:
            budget[param] = int(number)
        else:
            problem("out_of_range", param, text)

    if not readable:  # an unknown version: levers and budget may mean something else
        levers, budget = {}, {}
    return ParsedLink(
        municipality=municipality.strip() if municipality is not None else None,
        lang=lang.strip() if lang is not None else None,
        levers=MappingProxyType(levers),
        budget_kt=budget.get(BUDGET_KT_PARAM),  # type: ignore[arg-type]
        budget_start=budget.get(BUDGET_START_PARAM),  # type: ignore[arg-type]
        count_beccs=budget.get(BECCS_BUDGET_PARAM),  # type: ignore[arg-type]
        presenter=flags.get(PRESENTER_PARAM),
        workshop=workshop,
        facilitator=flags.get(FACILITATOR_PARAM),
        facilitator_token=token.strip() if token is not None else None,
        device_key=device.strip() if device is not None else None,
        problems=tuple(problems),
    )


def link_params(
    municipality: str,
    lang: str,
    levers: Mapping[str, float],
    reference: Mapping[str, float],
    budget: Budget | None = None,
    default_budget: Budget | None = None,
    *,
    presenter: bool = False,
    workshop: str | None = None,
    facilitator: bool = False,
    device: str | None = None,
) -> dict[str, str]:
    """The query parameters of a scenario: version, municipality and what differs.

    Levers come in the order of LEVER_SPECS; a lever equal to its reference is left out.
    The workshop, facilitator and presenter flags come last, only when set.
    """
    params = {VERSION_PARAM: str(SCHEMA_VERSION), MUNICIPALITY_PARAM: municipality}
    if lang != DEFAULT_LANGUAGE:
        params[LANG_PARAM] = lang
    for spec in LEVER_SPECS:
        value = float(levers.get(spec.id, reference[spec.id]))
        if value != float(reference[spec.id]):
            params[spec.id] = format_number(value)
    if budget is not None and default_budget is not None:
        if budget.kt != default_budget.kt:
            params[BUDGET_KT_PARAM] = str(budget.kt)
        if budget.start != default_budget.start:
            params[BUDGET_START_PARAM] = str(budget.start)
        if budget.count_beccs != default_budget.count_beccs:
            params[BECCS_BUDGET_PARAM] = "1" if budget.count_beccs else "0"
    if workshop:
        params[WORKSHOP_PARAM] = workshop
        if facilitator:
            params[FACILITATOR_PARAM] = "1"
        if device:
            params[DEVICE_PARAM] = device
    if presenter:
        params[PRESENTER_PARAM] = "1"
    return params
