"""``run --uncertainty N [--seed S]``: the arguments and the JSON key (model/uncertainty.py
does the draws; the uncertain inputs are read through store/csv_tables.py)."""

from __future__ import annotations

import argparse

from cli.errors import CommandError
from model.scenario import ScenarioResult
from model.uncertainty import DEFAULT_SEED, UncertaintyError, run_uncertainty
from store.csv_tables import uncertain_inputs


def add_uncertainty_arguments(parser: argparse.ArgumentParser) -> None:
    """--uncertainty N and --seed S for the run command."""
    parser.add_argument("--uncertainty", type=int, metavar="N",
                        help="lägg till osäkerhet: N dragningar (Latin hypercube), t.ex. 1000")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, metavar="S",
                        help=f"slumpfrö för dragningarna (standard {DEFAULT_SEED})")


def uncertainty_json(result: ScenarioResult, args: argparse.Namespace) -> dict[str, object]:
    """The ``uncertainty`` key for a run, aligned with the run's ``years``."""
    if args.format != "json":
        raise CommandError("--uncertainty kräver --format json.")
    try:
        outcome = run_uncertainty(result.data, result.levers, result.budget, uncertain_inputs(),
                                  args.uncertainty, args.seed)
    except UncertaintyError as error:
        raise CommandError(error.message_sv) from None
    return outcome.as_json()
