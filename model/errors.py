"""Errors users read: each carries its message in Swedish and English."""

from __future__ import annotations


class UserFacingError(ValueError):
    """A setting the model cannot use, explained in both of the app's languages."""

    def __init__(self, message_sv: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_sv = message_sv
        self.message_en = message_en
