"""Command line for analysts and checks: run a scenario, list the levers.

    python -m model run [--set LEVER=VALUE ...] [--format json|csv] [--municipality CODE]
    python -m model levers [--format json|csv] [--municipality CODE]
    python -m model solve --goal fossil-free-2030|budget [--set ...] [--lock LEVER ...]
    python -m model import FILE [--municipality CODE] [--db PATH]   (model/import_cli.py)

run and levers also serve municipalities imported into the database (--db PATH).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import sys
from collections.abc import Sequence

from model.budget import BudgetSettings
from model.data import DataError, MunicipalityData, build_municipality_data
from model.import_cli import (
    CommandError,
    add_db_argument,
    add_import_parser,
    run_import,
    tables_for_cli,
)
from model.levers import LEVER_SPECS, LeverError, Levers
from model.local_levers import check_levers_for, lever_max
from model.paths import reference_levers
from model.scenario import ScenarioError, ScenarioResult, default_budget, run_scenario
from model.sectors import SECTORS
from model.solve_cli import add_solve_parser, run_solve
from model.uncertainty_cli import add_uncertainty_arguments, uncertainty_json


class CliError(Exception):
    """A usage error: printed without a traceback, exit code 2."""


def _load(municipality: str, db: str | None = None) -> MunicipalityData:
    try:
        return build_municipality_data(tables_for_cli(db), municipality)
    except DataError as error:
        raise CliError(str(error)) from None


def parse_settings(pairs: Sequence[str], base: Levers) -> Levers:
    """Levers from LEVER=VALUE pairs on top of a base setting; clear errors otherwise."""
    values: dict[str, float] = {}
    for pair in pairs:
        lever_id, sep, raw = pair.partition("=")
        if not sep:
            raise CliError(f"--set väntar LEVER=VALUE, fick {pair!r}.")
        try:
            number = float(raw.replace(",", "."))
        except ValueError:
            raise CliError(f"Värdet för {lever_id} är inte ett tal: {raw!r}.") from None
        values[lever_id.strip()] = number
    try:
        return base.with_values(**values)
    except LeverError as error:
        raise CliError(error.message_sv) from None
    except TypeError as error:  # dataclasses.replace on an unknown field
        raise CliError(str(error)) from None


def _clean(value: object) -> object:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def result_json(result: ScenarioResult) -> dict[str, object]:
    """The run as JSON-ready data: history and scenario years together."""
    frame = result.sectors_frame
    wide = frame.pivot(index="year", columns="sector", values="ghg_t").reindex(columns=SECTORS)
    totals = result.totals_frame.set_index("year")
    kpis = {k: _clean(v) for k, v in result.kpis.as_dict().items()}
    kpis[f"budget_used_to_{result.data.base_year}_t"] = result.kpis.budget_used_to_base_t
    years = [int(y) for y in wide.index]
    return {
        "municipality": {"code": result.data.code, "name": result.data.name},
        "unit": "t CO2e",
        "years": [int(y) for y in wide.index],
        "kind": [str(k) for k in totals["kind"]],
        "sectors": {s: [round(float(v), 3) for v in wide[s]] for s in SECTORS},
        "beccs": [round(float(v), 3) for v in totals["beccs_t"]],
        "net": [round(float(v), 3) for v in totals["net_t"]],
        "levers": result.levers.as_dict(),
        "kpis": kpis,
        "indicators": indicators_json(result, years),
    }


def indicators_json(result: ScenarioResult, years: list[int]) -> dict[str, list[float | None]]:
    """Each indicator as a list aligned with `years` (null in statistics years before the
    scenario starts): electric cars, shares 0–1, BECCS in t CO2 a year."""
    indicators = result.indicators
    position = {int(y): i for i, y in enumerate(indicators.years)}
    out: dict[str, list[float | None]] = {}
    for name, values in indicators.as_dict().items():
        digits = 1 if name in ("electric_cars", "beccs_captured_t") else 4
        out[name] = [round(float(values[position[y]]), digits) if y in position else None
                     for y in years]
    return out


def result_csv(result: ScenarioResult) -> str:
    """Yearly emissions by sector, then the key figures, as two CSV blocks."""
    payload = result_json(result)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["year", "kind", *SECTORS, "BECCS", "net"])
    for i, year in enumerate(payload["years"]):  # type: ignore[arg-type]
        sectors = [payload["sectors"][s][i] for s in SECTORS]  # type: ignore[index]
        writer.writerow([year, payload["kind"][i], *sectors, payload["beccs"][i],  # type: ignore[index]
                         payload["net"][i]])  # type: ignore[index]
    out.write("\n")
    writer.writerow(["kpi", "value"])
    for key, value in payload["kpis"].items():  # type: ignore[union-attr]
        if isinstance(value, dict):
            for sector, sector_value in value.items():
                writer.writerow([f"{key}[{sector}]", sector_value])
        else:
            writer.writerow([key, "" if value is None else value])
    return out.getvalue()


def levers_json(data: MunicipalityData) -> list[dict[str, object]]:
    """Every lever with its range, reference (for this municipality), rådighet and why the
    range ends where it does (max_reason: what is possible by 2030, with its source)."""
    reference = reference_levers(data).as_dict()
    return [
        {
            "id": spec.id,
            "label": spec.label_sv,
            "label_en": spec.label_en,
            "unit": spec.unit,
            "min": spec.min,
            "max": spec.max,
            "step": spec.step,
            "reference": reference[spec.id],
            "sector": spec.sector,
            "group": spec.group,
            "control": spec.control,
            "source": spec.source_id,
            "reference_note": spec.reference_note_sv,
            "max_local": lever_max(data, spec.id),
            "most_ambitious": min(spec.most_ambitious, lever_max(data, spec.id)),
            "max_reason": spec.max_reason_sv,
            "max_reason_en": spec.max_reason_en,
            "max_source": spec.max_source_id,
            "help": spec.help_sv,
            "help_en": spec.help_en,
        }
        for spec in LEVER_SPECS
    ]


def _run(args: argparse.Namespace) -> str:
    data = _load(args.municipality, args.db)
    levers = parse_settings(args.set or [], reference_levers(data))
    try:
        check_levers_for(levers, data)  # BECCS only where the municipality has a plant
    except LeverError as error:
        raise CliError(error.message_sv) from None
    default = default_budget(data)
    budget = BudgetSettings(
        args.budget if args.budget is not None else default.budget_t,
        args.budget_start if args.budget_start is not None else default.start_year,
        args.count_beccs,
    )
    try:
        result = run_scenario(data, levers, budget)
    except ScenarioError as error:
        raise CliError(error.message_sv) from None
    payload = None if args.uncertainty is None else uncertainty_json(result, args)
    if args.format == "csv":
        return result_csv(result)
    extra = {} if payload is None else {"uncertainty": payload}
    return json.dumps({**result_json(result), **extra}, ensure_ascii=False, indent=2)


def _levers(args: argparse.Namespace) -> str:
    rows = levers_json(_load(args.municipality, args.db))
    if args.format == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    return json.dumps(rows, ensure_ascii=False, indent=2)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the tests)."""
    parser = argparse.ArgumentParser(prog="python -m model", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="kör ett scenario / run a scenario")
    run.add_argument("--set", action="append", metavar="LEVER=VALUE",
                     help="sätt en spak (upprepa för flera)")
    run.add_argument("--format", choices=("json", "csv"), default="json")
    run.add_argument("--municipality", default="0780", help="kommunkod, t.ex. 0780 (Växjö)")
    run.add_argument("--budget", type=float, help="koldioxidbudget i ton CO2e")
    run.add_argument("--budget-start", type=int, help="budgetens startår")
    run.add_argument("--count-beccs", action="store_true",
                     help="räkna BECCS-upptag mot budgeten")
    add_uncertainty_arguments(run)
    add_db_argument(run)
    levers = sub.add_parser("levers", help="lista spakarna / list the levers")
    levers.add_argument("--format", choices=("json", "csv"), default="json")
    levers.add_argument("--municipality", default="0780")
    add_db_argument(levers)
    add_import_parser(sub)
    add_solve_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: prints the result, returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        commands = {"run": _run, "levers": _levers, "solve": run_solve,
                    "import": run_import}
        output = commands[args.command](args)
    except CliError as error:
        print(f"fel: {error}", file=sys.stderr)
        return 2
    except CommandError as error:
        print(f"fel: {error}", file=sys.stderr)
        return error.exit_code
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0
