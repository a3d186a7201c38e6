"""`solve`: settings that reach a goal, as JSON (see model/solver.py).

    python -m model solve --goal fossil-free-2030|budget [--set LEVER=VALUE ...]
                          [--lock LEVER ...] [--municipality CODE] --format json

prints {"reached": true|false, "verdict": "...", "verdict_en": "...", "levers": {...},
"moved": {...}, "remaining_by_sector": {...}, "kpis": {...}}: the levers the solver found
inside the possible ranges (or, when the goal is out of reach, the best possible setting),
one plain sentence saying so, the fossil-fuel CO2 left in 2030 by sector (transport by
sub-sector) and the same key figures as `python -m model run` for them.
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
from cli.formats import result_json
from model.paths import reference_levers
from model.scenario import ScenarioError
from model.solver import GOALS, SolveError, solve
from presentation.solver_text import verdict_text


def add_solve_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The `solve` sub-command's arguments (the same settings as `run`, plus goal and locks)."""
    parser = sub.add_parser("solve", help="vad krävs för ett mål / what would reach a goal")
    parser.add_argument("--goal", choices=GOALS, required=True,
                        help="fossilfritt 2030 eller budgeten räcker till 2050")
    parser.add_argument("--set", action="append", metavar="LEVER=VALUE",
                        help="utgångsläge: sätt en spak (upprepa för flera)")
    parser.add_argument("--lock", action="append", metavar="LEVER",
                        help="lås en spak så att den inte flyttas (upprepa för flera)")
    parser.add_argument("--format", choices=("json",), default="json")
    parser.add_argument("--municipality", default="0780", help="kommunkod, t.ex. 0780 (Växjö)")
    add_budget_arguments(parser)
    add_db_argument(parser)  # municipalities imported into the database


def run_solve(args: argparse.Namespace) -> str:
    """Solve from the given start and print the answer as JSON."""
    data = load_municipality(args.municipality, args.db)
    levers = parse_settings(args.set or [], reference_levers(data))
    check_local_levers(levers, data)  # BECCS only where the municipality has a plant
    budget = budget_from_args(data, args)
    try:
        answer = solve(data, levers, args.goal, frozenset(args.lock or ()), budget)
    except (SolveError, ScenarioError) as error:
        raise CliError(error.message_sv) from None
    payload = result_json(answer.result)
    return json.dumps({
        "reached": answer.reached,
        "verdict": verdict_text(answer, "sv"),
        "verdict_en": verdict_text(answer, "en"),
        "levers": answer.levers.as_dict(),
        "moved": {m.lever_id: m.needed for m in answer.moves},
        "remaining_by_sector": {k: round(v, 1) for k, v in answer.remaining_by_sector().items()},
        "kpis": payload["kpis"],
    }, ensure_ascii=False, indent=2)
