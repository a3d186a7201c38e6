"""`python -m model municipalities` and `python -m model overview`: all municipalities at once.

    python -m model municipalities [--format json|csv] [--db PATH]
    python -m model overview [--set LEVER=VALUE ...] [--format json|csv]
                             [--budget-principle utslapp|befolkning|blandning]
                             [--emissions-weight 0.5] [--db PATH]

`overview` runs every municipality under the same levers in one vectorised run
(model/overview.py): the levers set apply to all, the others stay at each municipality's
own reference.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from cli.common import add_db_argument, tables_for_cli
from cli.errors import CommandError
from model.budget_estimate import (
    DEFAULT_EMISSIONS_WEIGHT,
    DEFAULT_PRINCIPLE,
    PRINCIPLES,
    allocation_basis,
)
from model.data import Tables
from model.levers import LEVERS_BY_ID, LeverError, check_lever_value
from model.overview import (
    OverviewBase,
    overview_base,
    overview_budgets,
    overview_frame,
    run_overview,
)

MUNICIPALITY_FIELDS = ("code", "name", "county", "population", "ghg_2024_t", "budget_t",
                       "budget_estimated")
OVERVIEW_FIELDS = ("code", "name", "ghg_2024_t", "ghg_2030_t", "fossil_fuel_co2_2030_t",
                   "budget_t", "budget_estimated", "budget_exhausted_year")


def add_overview_parsers(sub: argparse._SubParsersAction) -> None:
    """Register `municipalities` and `overview` on the CLI's sub-commands."""
    listing = sub.add_parser("municipalities",
                             help="lista alla kommuner / list every municipality")
    listing.add_argument("--format", choices=("json", "csv"), default="json")
    _add_budget_arguments(listing)
    add_db_argument(listing)
    overview = sub.add_parser(
        "overview", help="alla kommuner med samma spakar / every municipality, same levers",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    overview.add_argument("--set", action="append", metavar="LEVER=VALUE",
                          help="sätt en spak för alla kommuner (upprepa för flera)")
    overview.add_argument("--format", choices=("json", "csv"), default="json")
    _add_budget_arguments(overview)
    add_db_argument(overview)


def _add_budget_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--budget-principle", choices=PRINCIPLES, default=DEFAULT_PRINCIPLE,
                        help="hur uppskattade budgetar fördelas (utsläpp, befolkning, blandning)")
    parser.add_argument("--emissions-weight", type=float, default=DEFAULT_EMISSIONS_WEIGHT,
                        help="utsläppens vikt i blandningen, 0–1")


_BASES: dict[int, tuple[Tables, OverviewBase]] = {}


def _tables_and_base(db: str | None) -> tuple[Tables, OverviewBase]:
    """The tables and their stacked base, built once per tables object in this process."""
    tables = tables_for_cli(db)
    cached = _BASES.get(id(tables))
    if cached is None or cached[0] is not tables:
        cached = (tables, overview_base(tables))
        _BASES.clear()
        _BASES[id(tables)] = cached
    return cached


def _budgets(tables: Tables, base: OverviewBase, args: argparse.Namespace) -> np.ndarray:
    if not 0.0 <= args.emissions_weight <= 1.0:
        raise CommandError("--emissions-weight måste vara mellan 0 och 1.")
    basis = allocation_basis(tables.ned_ghg, tables.population, tables.budget)
    return overview_budgets(base, basis, args.budget_principle, args.emissions_weight)


def _moved(pairs: Sequence[str]) -> dict[str, float]:
    moved: dict[str, float] = {}
    for pair in pairs:
        lever_id, sep, raw = pair.partition("=")
        lever_id = lever_id.strip()
        if not sep:
            raise CommandError(f"--set väntar LEVER=VALUE, fick {pair!r}.")
        if lever_id not in LEVERS_BY_ID:
            raise CommandError(f"Okänd spak: {lever_id!r} (se python -m model levers).")
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            raise CommandError(f"Värdet för {lever_id} är inte ett tal: {raw!r}.") from None
        try:
            check_lever_value(lever_id, value)
        except LeverError as error:
            raise CommandError(error.message_sv) from None
        moved[lever_id] = value
    return moved


def _clean(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else round(float(value), 3)
    return value


def _render(frame: pd.DataFrame, fields: Sequence[str], fmt: str) -> str:
    rows = [{f: _clean(row[f]) for f in fields} for row in frame.to_dict("records")]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in r.items()} for r in rows)
        return out.getvalue()
    return json.dumps(rows, ensure_ascii=False, indent=2)


def run_municipalities(args: argparse.Namespace) -> str:
    """Every runnable municipality with its population, 2024 emissions and budget."""
    tables, base = _tables_and_base(args.db)
    budgets = _budgets(tables, base, args)
    frame = pd.DataFrame({
        "code": base.codes,
        "name": base.names,
        "county": base.counties,
        "population": _latest_population(tables, base),
        "ghg_2024_t": base.history_totals[:, base.history_years == 2024].sum(axis=1)
        if (base.history_years == 2024).any() else np.nan,
        "budget_t": budgets,
        "budget_estimated": base.budget_estimated,
    })
    return _render(frame, MUNICIPALITY_FIELDS, args.format)


def _latest_population(tables: Tables, base: OverviewBase) -> pd.array:
    pop = tables.population.sort_values("year").drop_duplicates("municipality_code", keep="last")
    values = pop.set_index("municipality_code")["population"].reindex(list(base.codes))
    return pd.array([None if pd.isna(v) else int(v) for v in values], dtype="Int64")


def run_overview_command(args: argparse.Namespace) -> str:
    """One row per municipality under the levers set (`--set`), for all of them at once."""
    moved = _moved(args.set or [])
    tables, base = _tables_and_base(args.db)
    result = run_overview(base, moved, _budgets(tables, base, args))
    frame = overview_frame(result).rename(columns={f"ghg_{base.base_year}_t": "ghg_2024_t"})
    return _render(frame, OVERVIEW_FIELDS, args.format)
