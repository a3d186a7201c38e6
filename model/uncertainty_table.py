"""Reading the uncertain inputs from data/uncertainty.csv (the maths is in model/uncertainty.py)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from model.tables import DATA_DIR
from model.uncertainty import UncertainInput, inputs_from_frame

UNCERTAINTY_CSV = "uncertainty.csv"


def read_uncertainty_frame(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """The table as stored: one row per uncertain input."""
    return pd.read_csv(data_dir / UNCERTAINTY_CSV, dtype={"parameter": str, "source_id": str},
                       keep_default_na=False)


@lru_cache(maxsize=4)
def uncertain_inputs(data_dir: Path = DATA_DIR) -> tuple[UncertainInput, ...]:
    """The inputs, read once per process (the table ships with the code)."""
    return inputs_from_frame(read_uncertainty_frame(data_dir))
