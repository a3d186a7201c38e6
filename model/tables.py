"""Source tables from DataFrames keyed by table name (the frames come from the CSV files,
store/csv_tables.py, or from DuckDB, store/database.py; model/ reads no files)."""

from __future__ import annotations

import pandas as pd

from model.data import TABLE_NAMES, Tables


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
