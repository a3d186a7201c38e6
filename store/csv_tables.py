"""Reading the shipped tables from data/*.csv: the model's source tables, the uncertain inputs
and the cost items (the DuckDB file is built from the same files, store/database.py).

File reading lives here, on the store side; model/ takes the tables and frames in
(model/tables.py, model/uncertainty.py, model/costs.py) and does no I/O.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from model.costs import CostTable, cost_table_from_frames
from model.data import TABLE_NAMES, Tables
from model.tables import tables_from_frames
from model.uncertainty import UncertainInput, inputs_from_frame

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
UNCERTAINTY_CSV = "uncertainty.csv"

# Municipality codes have leading zeros ("0780"): never let them become numbers.
_TEXT_COLUMNS = {"municipality_code": str, "source_id": str, "parameter_id": str}


def read_csv_tables(data_dir: Path = DATA_DIR) -> Tables:
    """Read every source table from CSV files (once per process while the files are unchanged:
    the tables are read-only, and reading 290 municipalities' tables takes a noticeable
    fraction of a second)."""
    stamps = tuple(
        (name, *_stamp(data_dir / f"{name}.csv")) for name in TABLE_NAMES
    )
    return _read_csv_tables(Path(data_dir), stamps)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return (-1, -1)
    return (stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _read_csv_tables(data_dir: Path, stamps: tuple[tuple[str, int, int], ...]) -> Tables:
    frames = {
        name: pd.read_csv(data_dir / f"{name}.csv", dtype=_TEXT_COLUMNS, keep_default_na=False,
                          na_values=[""])
        for name in TABLE_NAMES
    }
    return tables_from_frames(frames)


def read_uncertainty_frame(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """data/uncertainty.csv as stored: one row per uncertain input."""
    return pd.read_csv(data_dir / UNCERTAINTY_CSV, dtype={"parameter": str, "source_id": str},
                       keep_default_na=False)


@lru_cache(maxsize=4)
def uncertain_inputs(data_dir: Path = DATA_DIR) -> tuple[UncertainInput, ...]:
    """The uncertain inputs, read once per process (the table ships with the code)."""
    return inputs_from_frame(read_uncertainty_frame(data_dir))


@lru_cache(maxsize=4)
def read_cost_table(data_dir: Path = DATA_DIR) -> CostTable:
    """Read data/costs.csv and data/cost_parameters.csv (the maths is in model/costs.py)."""
    return cost_table_from_frames(
        pd.read_csv(data_dir / "costs.csv", keep_default_na=False, na_values=[""]),
        pd.read_csv(data_dir / "cost_parameters.csv", keep_default_na=False, na_values=[""]),
    )
