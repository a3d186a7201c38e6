"""How workshop codes and secrets are written: ``VXJ-K7M-4P2`` and URL-safe tokens.

The written form is shared by the links (presentation/links.py reads ``workshop=`` and the
keys) and the store (store/workshops.py makes and checks codes), so it lives here, with no
I/O: three letters from the municipality's name and six characters from a 32-sign
alphabet without I, O, 0 and 1, easy to read off a projector and type on a phone.
``normalise_code`` accepts ``vxj k7m4p2`` too, and the four-digit codes of older workshops
(``VXJ-4821``).
"""

from __future__ import annotations

import re

# Letters and digits that cannot be mistaken for one another (no I/1, no O/0).
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_DIGITS = "23456789"
CODE_SIGNS = CODE_LETTERS + CODE_DIGITS  # 32 signs: 5 bits each
CODE_LENGTH = 6  # after the prefix: 32**6, about 1.07e9 codes per municipality
CODE_PATTERN = re.compile(
    rf"^[{CODE_LETTERS}]{{3}}-(?:[{CODE_SIGNS}]{{3}}-[{CODE_SIGNS}]{{3}}|[{CODE_DIGITS}]{{4}})$")
_LOOSE_CODE = re.compile(r"^([A-Z]{3})([A-Z0-9]{6}|[0-9]{4})$")
# A facilitator token or a device key (store/workshops.py: new_secret).
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")


def normalise_code(text: object) -> str | None:
    """``VXJ-4821`` from what a person typed (``vxj 4821``, `` VXJ4821``), None if unusable."""
    if not isinstance(text, str) or len(text) > 20:
        return None
    match = _LOOSE_CODE.match(re.sub(r"[-\s]", "", text.upper()))
    if match is None:
        return None
    rest = match.group(2)
    tail = rest if len(rest) == 4 else f"{rest[:3]}-{rest[3:]}"
    code = f"{match.group(1)}-{tail}"
    return code if CODE_PATTERN.match(code) else None
