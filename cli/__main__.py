"""Command line for analysts and checks: run a scenario, list the levers.

    python -m model run [--set LEVER=VALUE ...] [--format json|csv] [--municipality CODE]
    python -m model levers [--format json|csv] [--municipality CODE]
    python -m model solve --goal fossil-free-2030|budget [--set ...] [--lock LEVER ...]
    python -m model import FILE [--municipality CODE] [--db PATH]   (cli/imports.py)
    python -m model municipalities|overview [--set ...] [--format json|csv] (cli/overview.py)

run and levers also serve municipalities imported into the database (--db PATH).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from cli.errors import CommandError
from cli.imports import add_import_parser, run_import
from cli.overview import add_overview_parsers, run_municipalities, run_overview_command
from cli.run import add_run_parsers, levers_command, run_command
from cli.solve import add_solve_parser, run_solve

COMMANDS: dict[str, Callable[[argparse.Namespace], str]] = {
    "run": run_command,
    "levers": levers_command,
    "solve": run_solve,
    "import": run_import,
    "municipalities": run_municipalities,
    "overview": run_overview_command,
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the tests)."""
    parser = argparse.ArgumentParser(prog="python -m model", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    add_run_parsers(sub)
    add_import_parser(sub)
    add_solve_parser(sub)
    add_overview_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: prints the result, returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        output = COMMANDS[args.command](args)
    except CommandError as error:
        print(f"fel: {error}", file=sys.stderr)
        return error.exit_code
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
