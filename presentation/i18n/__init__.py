"""The text catalogue: every word the UI shows, in Swedish (default) and English.

One lookup, t(key, lang), over texts kept in one module per part of the app (core.py for
the frame, the scenario and data pages; one module per later page), so that parts can grow
without editing each other's files. A key may exist once only: importing the package
checks that. Lever labels and help live with the levers (model/levers.py) and sector labels
with the sectors (model/sectors.py).
"""

from __future__ import annotations

from presentation.i18n import (
    compare,
    core,
    credible,
    decisions,
    exports,
    firstuse,
    municipalities,
    safety,
    scenarios,
    sverige,
    workshop,
)
from presentation.i18n import uncertainty as uncertainty_texts

LANGUAGES: tuple[str, ...] = ("sv", "en")
DEFAULT_LANGUAGE = "sv"

_PARTS = (core, exports, compare, decisions, municipalities, scenarios, workshop, credible,
          safety, uncertainty_texts, sverige, firstuse)


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in _PARTS:
        for key, entry in part.TEXTS.items():
            if key in merged:
                raise KeyError(f"Text key {key!r} is defined twice (in {part.__name__}).")
            if set(entry) != set(LANGUAGES):
                raise KeyError(f"Text key {key!r} needs exactly {LANGUAGES}.")
            merged[key] = entry
    return merged


TEXTS: dict[str, dict[str, str]] = _merge()
TABLE_DESCRIPTIONS = core.TABLE_DESCRIPTIONS
METHOD_TEXT = core.METHOD_TEXT


def t(key: str, lang: str, **values: object) -> str:
    """The text for a key in the language, with {placeholders} filled in."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
