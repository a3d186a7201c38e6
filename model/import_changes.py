"""What an SMHI import changed, per municipality: for the import page and `model import`.

Every municipality is shipped now (data/ned_ghg.csv has all 290), so an import no longer
adds municipalities; it replaces a release or adds what the shipped tables lack, mainly
CO2 by sub-sector, which gives a municipality its own transport split instead of the
national proxy. This module compares the shipped tables with them after the import and says
so in one line per municipality and gas. Pure: no files, no database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from model.data import Tables
from model.imported import CO2, GHG, ImportedData, import_decisions
from model.sectors import TRANSPORT, TRANSPORT_SUBSECTORS


@dataclass(frozen=True)
class MunicipalityChange:
    """One municipality's change from one imported report."""

    code: str
    name: str
    gas: str
    used: bool
    changes_sv: tuple[str, ...]
    changes_en: tuple[str, ...]

    def text(self, lang: str) -> str:
        """The changes as one sentence-like line."""
        return "; ".join(self.changes_en if lang == "en" else self.changes_sv)


def _t(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ")


def _has_own_split(co2: pd.DataFrame, code: str) -> bool:
    rows = co2[(co2["municipality_code"] == code) & (co2["sector"] == TRANSPORT)]
    return bool(rows["subsector"].isin(TRANSPORT_SUBSECTORS).any())


def _ghg_total(ghg: pd.DataFrame, code: str, year: int) -> float | None:
    rows = ghg[(ghg["municipality_code"] == code) & (ghg["year"] == year)]
    return float(rows["ghg_t_co2e"].sum()) if not rows.empty else None


def import_changes(
    shipped: Tables, imported: ImportedData, codes: Iterable[str] | None = None
) -> list[MunicipalityChange]:
    """Per imported municipality and gas (optionally only `codes`): what the import changed."""
    decisions = import_decisions(shipped, imported)
    if codes is not None:
        decisions = decisions[decisions["municipality_code"].isin(set(codes))]
    ghg_main = imported.main
    changes = []
    for row in decisions.itertuples(index=False):
        code, gas, last = str(row.municipality_code), str(row.gas), int(row.last_year)
        shipped_last = None if pd.isna(row.shipped_last_year) else int(row.shipped_last_year)
        sv: list[str] = []
        en: list[str] = []
        if not row.used:
            sv.append(f"används inte: appen har nyare data (till {shipped_last})")
            en.append(f"not used: the app has newer figures (to {shipped_last})")
        elif gas == GHG:
            if shipped_last is None:
                sv.append(f"växthusgaser {row.first_year}–{last} tillagda")
                en.append(f"greenhouse gases {row.first_year}–{last} added")
            elif last > shipped_last:
                sv.append(f"växthusgaser ersatta av en nyare publicering (till {last}, "
                          f"tidigare till {shipped_last})")
                en.append(f"greenhouse gases replaced by a newer release (to {last}, "
                          f"before to {shipped_last})")
            else:
                sv.append(f"växthusgaser ersatta av importens siffror (till {last})")
                en.append(f"greenhouse gases replaced by the import's figures (to {last})")
            before = _ghg_total(shipped.ned_ghg, code, last)
            mine = ghg_main[ghg_main["import_id"] == row.import_id]
            after = float(mine.loc[mine["year"] == last, "value_t"].sum())
            if before is not None and abs(after - before) >= 0.5:
                sv.append(f"totalt {last}: {_t(before)} → {_t(after)} t CO2e")
                en.append(f"total {last}: {before:,.0f} → {after:,.0f} t CO2e")
        elif gas == CO2:
            if _has_own_split(shipped.ned_co2_subsector, code):
                sv.append(f"CO2 per sektor och undersektor ersatt (till {last})")
                en.append(f"CO2 by sector and sub-sector replaced (to {last})")
            else:
                sv.append(f"eget transportsplit och egna CO2-andelar från {last} i stället "
                          "för nationella schabloner")
                en.append(f"own transport split and CO2 shares from {last} instead of "
                          "national proxies")
        changes.append(MunicipalityChange(code, str(row.municipality), gas, bool(row.used),
                                          tuple(sv), tuple(en)))
    return changes
