"""`python -m model import`: bring an SMHI Länsrapport into the database from a terminal.

    python -m model import FILE [--municipality CODE] [--gas GHG|CO2] [--db PATH]
                                [--population N [--population-year YEAR]]

The file is checked completely (smhi/lansrapport.py); a rejected file stores nothing, prints
every problem in Swedish with its Excel row and column, and exits with 1. `run` and `levers`
read the imported municipalities from the same database (`tables_for_cli` in cli/common.py);
without a database the shipped CSV municipalities work as before.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import add_db_argument, db_path
from cli.errors import EXIT_REJECTED, CommandError
from model.import_changes import import_changes
from model.imported import GHG, import_decisions, runnable_codes, with_imports
from store.csv_tables import read_csv_tables

GAS_NAMES = {"GHG": "växthusgaser totalt (t CO2e)", "CO2": "koldioxid (t CO2)"}


def add_import_parser(sub: argparse._SubParsersAction) -> None:
    """Register `import` on the CLI's sub-commands."""
    parser = sub.add_parser(
        "import", help="importera en Länsrapport från SMHI / import an SMHI county report",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="Länsrapporten (.xlsx)")
    parser.add_argument("--municipality", metavar="CODE",
                        help="bara den här kommunen (kod eller namn); standard: alla i filen")
    parser.add_argument("--gas", choices=("GHG", "CO2"),
                        help="ämne, om filen har blad för både CO2 och växthusgaser")
    parser.add_argument("--population", type=int, metavar="N",
                        help="folkmängd att spara för kommunen (NED saknar folkmängd)")
    parser.add_argument("--population-year", type=int, metavar="YEAR",
                        help="året för --population (standard: filens sista år)")
    add_db_argument(parser)


def run_import(args: argparse.Namespace) -> str:
    """Check, store and summarise; raises CommandError (exit 1 for a rejected file)."""
    from smhi import ImportRejected, parse_lansrapport
    from store.database import StoreError
    from store.imported import read_imported, save_population, store_import

    path = Path(args.file)
    if path.suffix.lower() != ".xlsx":
        raise CommandError(f"{path.name} är ingen .xlsx-fil; ladda ner Länsrapporten som Excel.",
                           EXIT_REJECTED)
    try:
        report = parse_lansrapport(path, args.municipality, gas=args.gas)
    except ImportRejected as rejected:
        lines = [f"  {p.message_sv}" for p in rejected.problems]
        raise CommandError(f"{path.name} kunde inte importeras; ingenting sparades:\n"
                           + "\n".join(lines), EXIT_REJECTED) from None
    if args.population is not None and len(report.municipalities) != 1:
        raise CommandError("--population gäller en kommun: ange --municipality.")
    db = db_path(args.db)
    try:
        store_import(db, report, path.name)
        if args.population is not None:
            save_population(db, report.municipalities[0].code,
                            args.population_year or max(report.years), args.population)
        imported = read_imported(db)
    except StoreError as error:
        raise CommandError(error.message_sv) from None

    shipped = read_csv_tables()
    merged = with_imports(shipped, imported)
    runnable = set(runnable_codes(merged))
    decisions = import_decisions(shipped, imported).set_index(["municipality_code", "gas"])
    codes = [m.code for m in report.municipalities]
    lines = [
        f"Importerat till {db}: {GAS_NAMES[report.gas]}, {report.report_name}, "
        f"år {min(report.years)}–{max(report.years)}, {len(codes)} kommun(er).",
    ]
    changed = {c.code: c for c in import_changes(shipped, imported, codes)
               if c.gas == report.gas}
    for m in report.municipalities[:20]:
        change = changed.get(m.code)
        used = bool(decisions.loc[(m.code, report.gas), "used"])
        if not used:
            shipped_last = decisions.loc[(m.code, report.gas), "shipped_last_year"]
            state = f"används inte: appen har nyare data (till {shipped_last})"
        elif m.code in runnable:
            state = f"kan köras: python -m model run --municipality {m.code}"
        else:
            state = "behöver också växthusgaser totalt för att kunna köras"
        if used and change is not None:
            state = f"{change.text('sv')}; {state}"
        lines.append(f"  {m.name} ({m.code}): {state}")
    if len(codes) > 20:
        lines.append(f"  ... och {len(codes) - 20} kommuner till")
    if report.gas != GHG and not runnable.intersection(codes):
        lines.append("Modellen behöver Länsrapporten för 'Växthusgaser totalt': ladda ner den "
                     "från Nationella emissionsdatabasen och importera den också.")
    lines.extend(f"Anmärkning: {w}" for w in report.warnings)
    return "\n".join(lines)
