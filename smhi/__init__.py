"""Importer for SMHI Nationella emissionsdatabasen's Länsrapport exports (Excel).

Parse with `parse_lansrapport`, store with `store_report`, read back with `latest_import`.
"""

from smhi.lansrapport import (
    ImportProblem,
    ImportRejected,
    Municipality,
    ParsedReport,
    parse_lansrapport,
)
from smhi.municipalities import MUNICIPALITIES, resolve_municipality
from smhi.sectors import MAIN_SECTORS, normalise_main_sector, normalise_subsector
from smhi.storage import import_lansrapport, latest_import, store_report

__all__ = [
    "MAIN_SECTORS",
    "MUNICIPALITIES",
    "ImportProblem",
    "ImportRejected",
    "Municipality",
    "ParsedReport",
    "import_lansrapport",
    "latest_import",
    "normalise_main_sector",
    "normalise_subsector",
    "parse_lansrapport",
    "resolve_municipality",
    "store_report",
]
