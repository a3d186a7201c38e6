"""The real SMHI Länsrapport beside the repository (``../shared/data``), parsed once per test
run: openpyxl takes 30–45 s for its 290 municipalities, and two test files read it.

The parsed report is pickled under the run's shared temporary directory (all xdist workers
see it); a file lock lets the first worker parse while the others wait for its result.
"""

from __future__ import annotations

import fcntl
import pickle
from pathlib import Path

import pytest

from smhi.lansrapport import ParsedReport, parse_lansrapport

REAL_FILE = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "smhi-ned-lansrapport-co2-2024-04-18.xlsx"
)


def parsed_real_report(tmp_path_factory: pytest.TempPathFactory) -> ParsedReport:
    """The whole real report, parsed by the first caller of the run; skips without it."""
    if not REAL_FILE.exists():
        pytest.skip(f"the real SMHI export is not at {REAL_FILE}")
    shared = tmp_path_factory.getbasetemp().parent
    cache = shared / "real-lansrapport.pickle"
    with (shared / "real-lansrapport.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not cache.exists():
            report = parse_lansrapport(REAL_FILE)
            cache.write_bytes(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
            return report
    return pickle.loads(cache.read_bytes())  # noqa: S301 - written by this test run
