"""After an import: per municipality, what it changed (model/import_changes.py), as a table.

Kept apart from ui/import_page.py, which calls it once after a successful import.
"""

from __future__ import annotations

import pandas as pd

from model.import_changes import import_changes
from presentation.i18n import t
from ui.data_access import load_tables


def changes_table(codes: tuple[str, ...], gas: str, lang: str) -> pd.DataFrame:
    """One row per imported municipality: code, name and what the import changed."""
    loaded = load_tables()
    shipped = loaded.shipped or loaded.tables
    changes = [c for c in import_changes(shipped, loaded.imported, codes) if c.gas == gas]
    return pd.DataFrame({
        t("imp_col_code", lang): [c.code for c in changes],
        t("imp_col_municipality", lang): [c.name for c in changes],
        t("imp_changed_col", lang): [c.text(lang) for c in changes],
    })
