"""The command line's errors: printed as 'fel: ...' without a traceback, with an exit code."""

from __future__ import annotations

EXIT_REJECTED = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failed command: printed as 'fel: ...' without a traceback, with its exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class CliError(CommandError):
    """A usage error: printed without a traceback, exit code 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message, EXIT_USAGE)
