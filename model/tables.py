"""Reading the source tables from data/*.csv (the DuckDB file is built from the same files)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from model.data import TABLE_NAMES, Tables

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Municipality codes have leading zeros ("0780"): never let them become numbers.
_TEXT_COLUMNS = {"municipality_code": str, "source_id": str, "parameter_id": str}


def tables_from_frames(frames: dict[str, pd.DataFrame]) -> Tables:
    """Tables from DataFrames keyed by table name (from CSV files or from DuckDB)."""
    missing = [name for name in TABLE_NAMES if name not in frames]
    if missing:
        raise KeyError(f"Tabeller saknas: {', '.join(missing)}")
    cleaned = {}
    for name in TABLE_NAMES:
        frame = frames[name].copy()
        if "municipality_code" in frame:
            codes = frame["municipality_code"].astype(str)
            frame["municipality_code"] = codes.where(codes == "*", codes.str.zfill(4))
        cleaned[name] = frame
    return Tables(**cleaned)


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
