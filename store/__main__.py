"""Command line for the store, run on the server (whoever runs it is an admin).

``python -m store build [--db PATH] [--data DIR]``
``python -m store workshop create --name NAME --municipality CODE [--base-url URL] --format json``
``python -m store workshop facilitator-link CODE [--base-url URL]``
``python -m store workshop export CODE --format csv|xlsx [--output FILE]``
``python -m store imports list [--format json]`` and ``python -m store imports remove ID``
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from presentation.workshop_codes import normalise_code
from store.database import DEFAULT_DATA_DIR, StoreError, build_database, default_db_path

DEFAULT_BASE_URL = "http://localhost:8501"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m store", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=None, help="database file (default: $KLIMAT_DB)")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build or refresh the database from data/*.csv")
    build.add_argument("--db", type=Path, default=None, dest="db_sub", help=argparse.SUPPRESS)
    build.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="CSV directory")

    workshop = commands.add_parser("workshop", help="prepare, hand over or export a workshop")
    ws = workshop.add_subparsers(dest="action", required=True)
    create = ws.add_parser("create", help="start a workshop; prints its code and links")
    create.add_argument("--name", required=True)
    create.add_argument("--municipality", required=True, help="four-digit code, e.g. 0780")
    create.add_argument("--base-url", default=DEFAULT_BASE_URL)
    create.add_argument("--lang", choices=("sv", "en"), default="sv")
    create.add_argument("--format", choices=("json", "text"), default="json")
    link = ws.add_parser("facilitator-link", help="a new facilitator link for a workshop")
    link.add_argument("code")
    link.add_argument("--base-url", default=DEFAULT_BASE_URL)
    link.add_argument("--lang", choices=("sv", "en"), default="sv")
    link.add_argument("--format", choices=("json", "text"), default="text")
    export = ws.add_parser("export", help="every submission (all versions, hidden marked)")
    export.add_argument("code")
    export.add_argument("--format", choices=("csv", "xlsx"), required=True)
    export.add_argument("--lang", choices=("sv", "en"), default="sv")
    export.add_argument("--output", type=Path, default=None, help="file (default: stdout)")

    imports = commands.add_parser("imports", help="list or remove imported SMHI reports")
    im = imports.add_subparsers(dest="action", required=True)
    listing = im.add_parser("list", help="every stored import, newest first")
    listing.add_argument("--format", choices=("json", "text"), default="text")
    remove = im.add_parser("remove", help="remove an import (import id or batch id)")
    remove.add_argument("import_id")
    for leaf in (create, link, export, listing, remove):
        leaf.add_argument("--db", type=Path, default=None, dest="db_sub", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    args = _parser().parse_args(argv)
    chosen = getattr(args, "db_sub", None) or args.db
    db_path = chosen if chosen is not None else default_db_path()
    try:
        if args.command == "build":
            return _build(db_path, args.data)
        if args.command == "workshop":
            return _workshop(db_path, args)
        return _imports(db_path, args)
    except StoreError as error:
        print(f"error: {error.message_en}\nfel: {error.message_sv}", file=sys.stderr)
        if error.detail:
            print(f"detail: {error.detail}", file=sys.stderr)
        return 1


def _build(db_path: Path, data: Path) -> int:
    if build_database(db_path, data):
        print(f"rebuilt {db_path} from {data}")
    else:
        print(f"{db_path} is up to date with {data}; nothing rebuilt")
    return 0


def _workshop_url(base: str, code: str, municipality: str, lang: str,
                  token: str | None = None) -> str:
    from urllib.parse import urlencode

    from presentation.links import FACILITATOR_KEY_PARAM

    params = {"v": "1", "kommun": municipality, "workshop": code}
    if lang == "en":
        params["lang"] = "en"
    if token:
        params[FACILITATOR_KEY_PARAM] = token
    return f"{base.rstrip('/')}/workshop?{urlencode(params)}"


def _workshop(db_path: Path, args: argparse.Namespace) -> int:
    from store import workshops

    if args.action == "create":
        build_database(db_path)
        from smhi.municipalities import MUNICIPALITIES

        workshop, token = workshops.start_workshop(
            db_path, args.name, args.municipality, MUNICIPALITIES.get(args.municipality, ""))
        out = {"code": workshop.code,
               "participant_url": _workshop_url(args.base_url, workshop.code,
                                                workshop.municipality_code, args.lang),
               "facilitator_url": _workshop_url(args.base_url, workshop.code,
                                                workshop.municipality_code, args.lang, token)}
        print(json.dumps(out, ensure_ascii=False) if args.format == "json"
              else "\n".join(f"{k}: {v}" for k, v in out.items()))
        return 0
    code = normalise_code(args.code)
    found = workshops.get_workshop(db_path, code) if code else None
    if found is None:
        raise workshops.NotFoundError(str(args.code))
    if args.action == "facilitator-link":
        token = workshops.new_facilitator_token(db_path, found.code)
        url = _workshop_url(args.base_url, found.code, found.municipality_code, args.lang, token)
        print(json.dumps({"code": found.code, "facilitator_url": url}) if args.format == "json"
              else url)
        return 0
    data = _export(db_path, found, args.format, args.lang)
    if args.output is None:
        sys.stdout.buffer.write(data)
    else:
        args.output.write_bytes(data)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _export(db_path: Path, workshop: object, fmt: str, lang: str) -> bytes:
    """The workshop's submissions as CSV or Excel, as the facilitator's buttons make them."""
    from exports.workshop import (
        SubmissionResult,
        local_time,
        submissions_csv,
        submissions_frame,
        submissions_xlsx,
    )
    from model.data import TABLE_NAMES, build_municipality_data
    from model.imported import runnable_codes, with_usable_imports
    from model.levers import LEVERS_BY_ID
    from model.local_levers import fit_levers
    from model.paths import reference_levers
    from model.scenario import ScenarioError, run_scenario
    from model.tables import tables_from_frames
    from store import workshops
    from store.database import read_tables
    from store.imported import read_imported

    assert isinstance(workshop, workshops.Workshop)
    build_database(db_path)
    tables, _ = with_usable_imports(tables_from_frames(read_tables(db_path, TABLE_NAMES)),
                                    read_imported(db_path))
    runnable = set(runnable_codes(tables))
    names = dict(zip(tables.municipalities["municipality_code"].astype(str),
                     tables.municipalities["municipality"].astype(str), strict=True))
    rows = []
    for submission in workshops.list_submissions(db_path, workshop.code, latest_only=False,
                                                 include_hidden=True):
        result = None
        if submission.municipality_code in runnable:
            data = build_municipality_data(tables, submission.municipality_code)
            values = {k: v for k, v in submission.levers.items()
                      if k in LEVERS_BY_ID and LEVERS_BY_ID[k].min <= v <= LEVERS_BY_ID[k].max}
            try:
                result = run_scenario(data, fit_levers(
                    reference_levers(data).with_values(**values), data))
            except ScenarioError:
                result = None
        rows.append(SubmissionResult(submission, result))
    frame = submissions_frame(rows, names, lang)
    if fmt == "csv":
        return submissions_csv(frame, lang)
    return submissions_xlsx(frame, workshop, lang,
                            local_time(datetime.now(UTC).replace(tzinfo=None)))


def _imports(db_path: Path, args: argparse.Namespace) -> int:
    from store.imported import list_imports, remove_import

    if args.action == "list":
        rows = list_imports(db_path)
        if args.format == "json":
            print(json.dumps(rows, default=str, ensure_ascii=False))
        elif not rows:
            print("no imports")
        for row in rows if args.format == "text" else []:
            print(f"{row['import_id']}  {row['municipality_code']} {row['municipality']}  "
                  f"{row['gas']} {row['first_year']}–{row['last_year']}  {row['file_name']}  "
                  f"{row['imported_at']:%Y-%m-%d %H:%M} UTC")
        return 0
    removed = remove_import(db_path, args.import_id)
    if not removed:
        print(f"error: no import {args.import_id!r}\nfel: ingen import {args.import_id!r}",
              file=sys.stderr)
        return 1
    print(f"removed {removed} import(s); a running server uses the shipped figures again "
          "after a restart")
    return 0


if __name__ == "__main__":
    sys.exit(main())
