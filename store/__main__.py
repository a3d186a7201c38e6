"""Command line: ``python -m store build [--db PATH] [--data DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from store.database import DEFAULT_DATA_DIR, StoreError, build_database, default_db_path


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m store", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build or refresh the database from data/*.csv")
    build.add_argument("--db", type=Path, default=None, help="database file (default: $KLIMAT_DB)")
    build.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="CSV directory")
    args = parser.parse_args(argv)

    db_path = args.db if args.db is not None else default_db_path()
    try:
        rebuilt = build_database(db_path, args.data)
    except StoreError as error:
        print(f"error: {error.message_en}\nfel: {error.message_sv}", file=sys.stderr)
        return 1
    if rebuilt:
        print(f"rebuilt {db_path} from {args.data}")
    else:
        print(f"{db_path} is up to date with {args.data}; nothing rebuilt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
