"""Hand-made Länsrapport workbooks in SMHI's exact layout, good and deliberately broken.

The real export may not be copied into the project, so these write small files with the same
shape: the six header rows, then one block per (Huvudsektor, Undersektor) with Sweden, each
county and its municipalities, using SMHI's own spellings ("Avfall (inkl.avlopp)",
"Egen uppärmning ..."). Every broken variant returns the Excel row and column the importer
must name.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

YEARS: tuple[int, ...] = (1990, 2015, 2022)
PLACES: tuple[tuple[str, str], ...] = (
    ("Kronobergs län", "Växjö"),
    ("Kronobergs län", "Alvesta"),
    ("Kalmar län", "Kalmar"),
)
CODES = {"Växjö": "0780", "Alvesta": "0764", "Kalmar": "0880"}

# Main sectors in SMHI's file order and spelling, with the sub-sectors the fixtures use.
SMHI_SECTORS: dict[str, tuple[str, ...]] = {
    "Transporter": (
        "Personbilar",
        "Tunga lastbilar",
        "Lätta lastbilar",
        "Bussar",
        "Mopeder och Motorcyklar",
        "Inrikes flygtrafik",
        "Järnväg",
    ),
    "Industri (energi + processer)": (),
    "Jordbruk": ("Djurs matsmältning", "Kalkning av åkermark"),
    "El och fjärrvärme": (),
    "Egen uppärmning av bostäder och lokaler": ("Bostäder", "Kommersiella och offentliga lokaler"),
    "Arbetsmaskiner": (
        "Hushållens arbetsmaskiner",
        "Jordbruk och skogsbruk",
        "Industri- och byggsektorns arbetsmaskiner (inkl vägarbeten)",
    ),
    "Produktanvändning (inkl. lösningsmedel)": ("Färg - hushåll", "Paraffinvax"),
    "Avfall (inkl.avlopp)": ("Avfallsdeponier", "Krematorier och förbranning av farligt avfall"),
    "Utrikes transporter": ("Utrikes sjöfart inom Sveriges gränser",),
}

# The project's canonical name for each SMHI spelling above.
CANONICAL = {
    "Transporter": "Transporter",
    "Industri (energi + processer)": "Industri (energi + processer)",
    "Jordbruk": "Jordbruk",
    "El och fjärrvärme": "El och fjärrvärme",
    "Egen uppärmning av bostäder och lokaler": "Egen uppvärmning av bostäder och lokaler",
    "Arbetsmaskiner": "Arbetsmaskiner",
    "Produktanvändning (inkl. lösningsmedel)": "Produktanvändning (inkl. lösningsmedel)",
    "Avfall (inkl.avlopp)": "Avfall (inkl. avlopp)",
    "Utrikes transporter": "Utrikes transporter",
}

# Leaf values: (municipality, SMHI main sector, sub-sector or "Alla" when the sector has no
# breakdown) -> value per year, t. Main sectors and totals are sums of these.
Leaves = dict[tuple[str, str, str], tuple[float, ...]]

_VAXJO: dict[tuple[str, str], tuple[float, ...]] = {
    ("Transporter", "Personbilar"): (96032, 86802, 60651),
    ("Transporter", "Tunga lastbilar"): (21950, 26312, 19068),
    ("Transporter", "Lätta lastbilar"): (7730, 12432, 9595),
    ("Transporter", "Bussar"): (9463, 2814, 1298),
    ("Transporter", "Mopeder och Motorcyklar"): (402.5, 655.2, 612.7),
    ("Transporter", "Inrikes flygtrafik"): (8421, 5483, 3244),
    ("Transporter", "Järnväg"): (31.5, 18.0, 16.5),
    ("Industri (energi + processer)", "Alla"): (17552, 1871, 412),
    ("Jordbruk", "Djurs matsmältning"): (0, 0, 0),
    ("Jordbruk", "Kalkning av åkermark"): (934, 654, 644),
    ("El och fjärrvärme", "Alla"): (95931, 8276, 93),
    ("Egen uppärmning av bostäder och lokaler", "Bostäder"): (41000, 3100, 1597),
    ("Egen uppärmning av bostäder och lokaler", "Kommersiella och offentliga lokaler"): (
        17346,
        2262,
        2228,
    ),
    ("Arbetsmaskiner", "Hushållens arbetsmaskiner"): (10683, 4884, 4371),
    ("Arbetsmaskiner", "Jordbruk och skogsbruk"): (5095, 4971, 3423),
    ("Arbetsmaskiner", "Industri- och byggsektorns arbetsmaskiner (inkl vägarbeten)"): (
        7382,
        8705,
        8132,
    ),
    ("Produktanvändning (inkl. lösningsmedel)", "Färg - hushåll"): (51, 60, 51),
    ("Produktanvändning (inkl. lösningsmedel)", "Paraffinvax"): (2700, 3560, 1219),
    ("Avfall (inkl.avlopp)", "Avfallsdeponier"): (0, 0, 0),
    ("Avfall (inkl.avlopp)", "Krematorier och förbranning av farligt avfall"): (0, 0, 184),
    ("Utrikes transporter", "Utrikes sjöfart inom Sveriges gränser"): (0, 0, 0),
}
# Alvesta and Kalmar: Växjö's pattern scaled by hand-picked factors, rounded to 0.1 t.
_SCALE = {"Växjö": 1.0, "Alvesta": 0.23, "Kalmar": 0.71}


def default_leaves() -> Leaves:
    """The standard fixture numbers (Växjö close to NED's real CO2 figures)."""
    leaves: Leaves = {}
    for _, kommun in PLACES:
        for (main, sub), values in _VAXJO.items():
            leaves[(kommun, main, sub)] = tuple(round(v * _SCALE[kommun], 1) for v in values)
    return leaves


def leaf_keys() -> list[tuple[str, str, str]]:
    """Every (municipality, SMHI main sector, sub-sector or "Alla") leaf the layout has."""
    keys = []
    for _, kommun in PLACES:
        for main, subs in SMHI_SECTORS.items():
            keys.extend((kommun, main, sub) for sub in (subs or ("Alla",)))
    return keys


def written(value: float) -> float:
    """The number a cell holds after saving: openpyxl writes floats as "%.16g"."""
    return float(f"{value:.16g}")


def main_values(leaves: Leaves, kommun: str, main: str, n_years: int) -> list[float]:
    """The main-sector value the fixture writes: the sum of its leaves, as stored."""
    subs = SMHI_SECTORS[main] or ("Alla",)
    out = [0.0] * n_years
    for sub in subs:
        for j, v in enumerate(leaves[(kommun, main, sub)]):
            out[j] += v
    return [written(v) for v in out]


def build_rows(
    leaves: Leaves | None = None,
    *,
    years: tuple[object, ...] = YEARS,
    report_name: str = "Länsrapport, 2024-04-18",
    title: str = "Emissioner av Koldioxid (CO2)",
    unit: str = "Enhet: ton/år",
    gas_label: str = "CO2",
    divisor: float = 1.0,
) -> list[list[object]]:
    """All rows of the sheet, as SMHI lays them out; values divided by `divisor` (kt files)."""
    leaves = default_leaves() if leaves is None else leaves
    n = len(years)
    rows: list[list[object]] = [
        ["Rapportnamn:", report_name],
        [title],
        [unit],
        [],
        [None, None, None, None, *years],
        ["Huvudsektor", "Undersektor", "Län", "Kommun", *([gas_label] * n)],
    ]
    counties = list(dict.fromkeys(c for c, _ in PLACES))
    places: list[tuple[str, str, list[str]]] = [("Alla", "Alla", [k for _, k in PLACES])]
    for county in counties:
        members = [k for c, k in PLACES if c == county]
        places.append((county, "Alla", members))
        places.extend((county, k, [k]) for k in members)

    def value(kommun: str, main: str, sub: str) -> list[float]:
        if main == "Alla":
            total = [0.0] * n
            for m in SMHI_SECTORS:
                for j, v in enumerate(main_values(leaves, kommun, m, n)):
                    total[j] += v
            return total
        if sub == "Alla":
            return main_values(leaves, kommun, main, n)
        return list(leaves[(kommun, main, sub)])

    blocks = [("Alla", "Alla")]
    for main, subs in SMHI_SECTORS.items():
        blocks.append((main, "Alla"))
        blocks.extend((main, sub) for sub in subs)
    for main, sub in blocks:
        for county, kommun, members in places:
            sums = [0.0] * n
            for member in members:
                for j, v in enumerate(value(member, main, sub)):
                    sums[j] += v
            rows.append([main, sub, county, kommun, *(_cell(v / divisor) for v in sums)])
    return rows


def _cell(value: float) -> float | int:
    value = written(value)
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def find_row(rows: list[list[object]], main: str, sub: str, county: str, kommun: str) -> int:
    """Excel row number (1-based) of a data row."""
    for i, row in enumerate(rows):
        if row[:4] == [main, sub, county, kommun]:
            return i + 1
    raise KeyError((main, sub, county, kommun))


def year_column(year_index: int) -> str:
    """Column letter of the n-th year (0 -> E)."""
    return "EFGHIJKLMNOP"[year_index]


def workbook_bytes(rows: list[list[object]], sheet_name: str = "Koldioxid (CO2)") -> bytes:
    """The rows as an .xlsx file in memory."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_rows(path: Path, rows: list[list[object]], sheet_name: str = "Koldioxid (CO2)") -> Path:
    """Write the rows as an .xlsx file and return its path."""
    path.write_bytes(workbook_bytes(rows, sheet_name))
    return path


# --------------------------------------------------------------------------------------------
# good files


def write_valid(tmp: Path, name: str = "lansrapport.xlsx") -> Path:
    """A correct CO2 Länsrapport with three municipalities."""
    return write_rows(tmp / name, build_rows())


def write_ghg_kiloton(tmp: Path) -> Path:
    """The greenhouse-gas variant: other sheet and title, kiloton CO2-ekvivalenter."""
    rows = build_rows(
        title="Emissioner av Växthusgaser totalt",
        unit="Enhet: kiloton CO2-ekvivalenter/år",
        gas_label="GGT",
        divisor=1000.0,
    )
    return write_rows(tmp / "ghg.xlsx", rows, sheet_name="Växthusgaser totalt")


# --------------------------------------------------------------------------------------------
# broken files


@dataclass(frozen=True)
class Broken:
    """A broken fixture and where the importer must say the problem is."""

    path: Path
    row: int | None
    column: str | None
    municipality: str | None = None


def _vaxjo_row(rows: list[list[object]], main: str, sub: str) -> int:
    return find_row(rows, main, sub, "Kronobergs län", "Växjö")


def broken_wrong_sheet(tmp: Path) -> Broken:
    return Broken(write_rows(tmp / "sheet.xlsx", build_rows(), sheet_name="Blad1"), None, None)


def broken_wrong_unit(tmp: Path) -> Broken:
    return Broken(write_rows(tmp / "unit.xlsx", build_rows(unit="Enhet: kg/år")), 3, "A")


def broken_text_in_number(tmp: Path) -> Broken:
    rows = build_rows()
    row = _vaxjo_row(rows, "Transporter", "Personbilar")
    rows[row - 1][4 + 1] = "abc"  # 2015 -> column F
    return Broken(write_rows(tmp / "text.xlsx", rows), row, "F")


def broken_missing_header(tmp: Path) -> Broken:
    rows = build_rows()
    del rows[5]  # the Huvudsektor/Undersektor/Län/Kommun row; data now starts at row 6
    return Broken(write_rows(tmp / "header.xlsx", rows), 6, "A")


def broken_header_column(tmp: Path) -> Broken:
    rows = build_rows()
    rows[5][2] = "Region"
    return Broken(write_rows(tmp / "header_c.xlsx", rows), 6, "C")


def broken_duplicate_year(tmp: Path) -> Broken:
    rows = build_rows(years=(1990, 2015, 2015))
    return Broken(write_rows(tmp / "dup_year.xlsx", rows), 5, "G")


def broken_bad_year(tmp: Path) -> Broken:
    rows = build_rows(years=(1990, 1850, 2022))
    return Broken(write_rows(tmp / "bad_year.xlsx", rows), 5, "F")


def broken_negative_value(tmp: Path) -> Broken:
    leaves = default_leaves()
    values = list(leaves[("Växjö", "Transporter", "Bussar")])
    values[2] = -50.0
    leaves[("Växjö", "Transporter", "Bussar")] = tuple(values)
    rows = build_rows(leaves)
    return Broken(
        write_rows(tmp / "negative.xlsx", rows), _vaxjo_row(rows, "Transporter", "Bussar"), "G"
    )


def broken_subsectors_not_summing(tmp: Path) -> Broken:
    rows = build_rows()
    sub_row = _vaxjo_row(rows, "Transporter", "Personbilar")
    rows[sub_row - 1][4 + 2] += 5000  # 2022 -> column G
    main_row = _vaxjo_row(rows, "Transporter", "Alla")
    return Broken(write_rows(tmp / "sums.xlsx", rows), main_row, "G")


def broken_total_not_summing(tmp: Path) -> Broken:
    rows = build_rows()
    row = _vaxjo_row(rows, "Alla", "Alla")
    rows[row - 1][4] += 5000  # 1990 -> column E (more than 0.5 % of Växjö's total)
    return Broken(write_rows(tmp / "total.xlsx", rows), row, "E")


def broken_unknown_sector(tmp: Path) -> Broken:
    rows = build_rows()
    first = None
    for i, row in enumerate(rows):
        if row[:1] == ["Jordbruk"] and row[3:4] == ["Växjö"]:
            row[0] = "Skogsbruk"
            first = first or i + 1
    return Broken(write_rows(tmp / "sector.xlsx", rows), first, "A")


def broken_missing_main_sector(tmp: Path) -> Broken:
    rows = [
        r for r in build_rows() if not (r[:1] == ["Utrikes transporter"] and r[3:4] == ["Alvesta"])
    ]
    return Broken(write_rows(tmp / "no_sector.xlsx", rows), None, "A")


def broken_duplicate_row(tmp: Path) -> Broken:
    rows = build_rows()
    row = _vaxjo_row(rows, "Jordbruk", "Kalkning av åkermark")
    rows.insert(row, list(rows[row - 1]))
    return Broken(write_rows(tmp / "dup_row.xlsx", rows), row + 1, None)


def broken_missing_municipality(tmp: Path) -> Broken:
    return Broken(write_valid(tmp, "no_kiruna.xlsx"), None, "D", municipality="Kiruna")


def broken_empty_file(tmp: Path) -> Broken:
    path = tmp / "empty.xlsx"
    path.write_bytes(b"")
    return Broken(path, None, None)


def broken_not_xlsx(tmp: Path) -> Broken:
    path = tmp / "data.xlsx"
    path.write_text("Huvudsektor;Undersektor;Län;Kommun;1990\n", encoding="utf-8")
    return Broken(path, None, None)


def broken_corrupt_zip(tmp: Path) -> Broken:
    path = tmp / "corrupt.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    return Broken(path, None, None)


def broken_empty_workbook(tmp: Path) -> Broken:
    return Broken(write_rows(tmp / "blank.xlsx", [], sheet_name="Koldioxid (CO2)"), None, None)


BROKEN: dict[str, Callable[[Path], Broken]] = {
    "wrong_sheet": broken_wrong_sheet,
    "wrong_unit": broken_wrong_unit,
    "text_in_number": broken_text_in_number,
    "missing_header": broken_missing_header,
    "header_column": broken_header_column,
    "duplicate_year": broken_duplicate_year,
    "bad_year": broken_bad_year,
    "negative_value": broken_negative_value,
    "subsectors_not_summing": broken_subsectors_not_summing,
    "total_not_summing": broken_total_not_summing,
    "unknown_sector": broken_unknown_sector,
    "missing_main_sector": broken_missing_main_sector,
    "duplicate_row": broken_duplicate_row,
    "missing_municipality": broken_missing_municipality,
    "empty_file": broken_empty_file,
    "not_xlsx": broken_not_xlsx,
    "corrupt_zip": broken_corrupt_zip,
    "empty_workbook": broken_empty_workbook,
}
