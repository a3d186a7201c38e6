"""`run` and `levers`: one scenario for one municipality, and the levers with their ranges.

    python -m model run [--set LEVER=VALUE ...] [--format json|csv] [--municipality CODE]
                        [--budget T] [--budget-start YEAR] [--count-beccs]
                        [--uncertainty N [--seed S]] [--db PATH]
    python -m model levers [--format json|csv] [--municipality CODE] [--db PATH]
"""

from __future__ import annotations

import argparse
import json

from cli.common import (
    add_budget_arguments,
    add_db_argument,
    budget_from_args,
    check_local_levers,
    load_municipality,
    parse_settings,
)
from cli.errors import CliError
from cli.formats import levers_json, result_csv, result_json, rows_csv
from cli.uncertainty import add_uncertainty_arguments, uncertainty_json
from model.paths import reference_levers
from model.scenario import ScenarioError, run_scenario


def add_run_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `run` and `levers` on the CLI's sub-commands."""
    run = sub.add_parser("run", help="kör ett scenario / run a scenario")
    run.add_argument("--set", action="append", metavar="LEVER=VALUE",
                     help="sätt en spak (upprepa för flera)")
    run.add_argument("--format", choices=("json", "csv"), default="json")
    run.add_argument("--municipality", default="0780", help="kommunkod, t.ex. 0780 (Växjö)")
    add_budget_arguments(run)
    add_uncertainty_arguments(run)
    add_db_argument(run)
    levers = sub.add_parser("levers", help="lista spakarna / list the levers")
    levers.add_argument("--format", choices=("json", "csv"), default="json")
    levers.add_argument("--municipality", default="0780")
    add_db_argument(levers)


def run_command(args: argparse.Namespace) -> str:
    """Run the scenario and render it as JSON (with the uncertainty, if asked) or CSV."""
    data = load_municipality(args.municipality, args.db)
    levers = parse_settings(args.set or [], reference_levers(data))
    check_local_levers(levers, data)  # BECCS only where the municipality has a plant
    budget = budget_from_args(data, args)
    try:
        result = run_scenario(data, levers, budget)
    except ScenarioError as error:
        raise CliError(error.message_sv) from None
    payload = None if args.uncertainty is None else uncertainty_json(result, args)
    if args.format == "csv":
        return result_csv(result)
    extra = {} if payload is None else {"uncertainty": payload}
    return json.dumps({**result_json(result), **extra}, ensure_ascii=False, indent=2)


def levers_command(args: argparse.Namespace) -> str:
    """Every lever for the municipality as JSON or CSV."""
    rows = levers_json(load_municipality(args.municipality, args.db))
    if args.format == "csv":
        return rows_csv(rows)
    return json.dumps(rows, ensure_ascii=False, indent=2)
