"""Länsrapport workbooks with Växjö's and Alvesta's real NED greenhouse-gas figures.

Built with tests/smhi_fixtures.py (SMHI's exact layout and spellings) from data/ned_ghg.csv,
so an import round trip can be compared with the shipped tables. Kalmar (0880), the third
place in the layout, gets Växjö's figures times 0.71: a municipality the app does not ship.
"""

from __future__ import annotations

from pathlib import Path

from store.csv_tables import read_csv_tables
from tests import smhi_fixtures as fx

CODES = fx.CODES  # Växjö 0780, Alvesta 0764, Kalmar 0880
KALMAR_SCALE = 0.71


def _ghg_by_sector() -> dict[str, dict[tuple[int, str], float]]:
    ghg = read_csv_tables().ned_ghg
    out: dict[str, dict[tuple[int, str], float]] = {}
    for code in ("0780", "0764"):
        rows = ghg[ghg["municipality_code"] == code]
        out[code] = {(int(y), str(s)): float(v)
                     for y, s, v in zip(rows["year"], rows["sector"], rows["ghg_t_co2e"],
                                        strict=True)}
    return out


def ghg_years() -> tuple[int, ...]:
    """The statistics years shipped for both municipalities (1990 ... 2024)."""
    ghg = read_csv_tables().ned_ghg
    return tuple(sorted(int(y) for y in ghg.loc[ghg["municipality_code"] == "0780", "year"]
                        .unique()))


def ghg_leaves(years: tuple[int, ...]) -> fx.Leaves:
    """Leaves whose main sectors are the shipped GHG figures (all in the first sub-sector)."""
    shipped = _ghg_by_sector()
    leaves: fx.Leaves = {}
    for _, kommun in fx.PLACES:
        code = CODES[kommun]
        source, scale = (shipped["0780"], KALMAR_SCALE) if code == "0880" else (shipped[code], 1)
        for smhi_main, subs in fx.SMHI_SECTORS.items():
            sector = fx.CANONICAL[smhi_main]
            values = tuple(round(source.get((y, sector), 0.0) * scale, 1) for y in years)
            names = subs or ("Alla",)
            leaves[(kommun, smhi_main, names[0])] = values
            for other in names[1:]:
                leaves[(kommun, smhi_main, other)] = tuple(0.0 for _ in years)
    return leaves


def ghg_workbook(years: tuple[int, ...] | None = None) -> bytes:
    """The greenhouse-gas Länsrapport (t CO2e) for Växjö, Alvesta and Kalmar."""
    years = years or ghg_years()
    rows = fx.build_rows(
        ghg_leaves(years), years=years, title="Emissioner av Växthusgaser totalt",
        unit="Enhet: ton CO2-ekvivalenter/år", gas_label="GGT",
    )
    return fx.workbook_bytes(rows, sheet_name="Växthusgaser totalt")


def write_ghg(tmp: Path, name: str = "vaxthusgaser.xlsx",
              years: tuple[int, ...] | None = None) -> Path:
    """ghg_workbook written to a file."""
    path = tmp / name
    path.write_bytes(ghg_workbook(years))
    return path
