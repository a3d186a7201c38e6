"""NED sector names: the project's canonical spellings and SMHI's many variants of them.

SMHI's exports are not consistent with their own web pages: the Länsrapport of 2024-04-18
writes "Avfall (inkl.avlopp)" without a space and "Egen uppärmning ..." without the v, and
its sub-sector names have "fran" for "från". Everything downstream uses the canonical names
below, so every spelling SMHI has used is mapped here, in one place.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from model.sectors import SECTORS
from model.sectors import TRANSPORT_SUBSECTORS as MODEL_TRANSPORT_SUBSECTORS

# The canonical names are the model's: one place for each fact.
MAIN_SECTORS: tuple[str, ...] = SECTORS
TRANSPORT, MACHINERY = MAIN_SECTORS[0], MAIN_SECTORS[1]

# The label SMHI uses in the sector columns for "all of them" (totals).
TOTAL_LABEL = "Alla"

OTHER = "Övriga"
# Sub-sector for the part of a main sector that SMHI did not break down (see lansrapport).
UNALLOCATED = "Ej fördelat"
TRANSPORT_SUBSECTORS: tuple[str, ...] = MODEL_TRANSPORT_SUBSECTORS
MACHINERY_SUBSECTORS: tuple[str, ...] = ("Industri och bygg", "Jord- och skogsbruk", OTHER)


@lru_cache(maxsize=8192)
def sector_key(name: object) -> str:
    """Comparison key that ignores case, spacing, punctuation and dash variants.

    "Avfall (inkl.avlopp)", "AVFALL (inkl. avlopp)" and "Avfall – inkl avlopp" all give the same
    key; letters (å, ä, ö kept), digits and "+" are all that count.
    """
    text = unicodedata.normalize("NFC", str(name)).casefold()
    return re.sub(r"[^0-9a-zåäöéü+]", "", text)


# Every spelling seen in SMHI exports, web pages and older releases, by canonical name. Keys go
# through sector_key, so only genuinely different wordings need listing.
_MAIN_ALIASES: dict[str, tuple[str, ...]] = {
    "Transporter": (
        "Transporter",
        "Inrikes transporter",
        "Transport",
        "Domestic transport",
    ),
    "Arbetsmaskiner": (
        "Arbetsmaskiner",
        "Arbetsfordon och arbetsmaskiner",
        "Working machinery",
        "Off-road vehicles and other machinery",
    ),
    "Jordbruk": ("Jordbruk", "Agriculture"),
    "Avfall (inkl. avlopp)": (
        "Avfall (inkl. avlopp)",
        "Avfall (inkl.avlopp)",  # Länsrapport 2024-04-18
        "Avfall inklusive avlopp",
        "Avfall och avlopp",
        "Avfall",
        "Waste (incl. wastewater)",
        "Waste",
    ),
    "Produktanvändning (inkl. lösningsmedel)": (
        "Produktanvändning (inkl. lösningsmedel)",
        "Produktanvändning inklusive lösningsmedel",
        "Produktanvändning",
        "Product use (incl. solvents)",
        "Product use",
    ),
    "Egen uppvärmning av bostäder och lokaler": (
        "Egen uppvärmning av bostäder och lokaler",
        "Egen uppärmning av bostäder och lokaler",  # Länsrapport 2024-04-18 (typo)
        "Egen uppvärmning",
        "Uppvärmning av bostäder och lokaler",
        "Heating of houses and premises",
        "Domestic heating",
    ),
    "El och fjärrvärme": (
        "El och fjärrvärme",
        "El- och fjärrvärme",
        "El och fjärrvärmeproduktion",
        "Electricity and district heating",
    ),
    "Industri (energi + processer)": (
        "Industri (energi + processer)",
        "Industri (energi och processer)",
        "Industri",
        "Industry (energy + processes)",
        "Industry",
    ),
    "Utrikes transporter": (
        "Utrikes transporter",
        "International transport",
        "International transports",
    ),
}
# Deliberately NOT mapped: "Energiförsörjning" and "Industriprocesser" from releases before 2016.
# Their boundaries differ from today's sectors (industry's own energy use sat in
# Energiförsörjning), so mapping them would silently move emissions between sectors.

MAIN_SECTOR_BY_KEY: dict[str, str] = {
    sector_key(alias): canonical
    for canonical, aliases in _MAIN_ALIASES.items()
    for alias in aliases
}

# Transport sub-sectors the levers act on; everything else (mopeds and MC, tyre and road wear,
# evaporation, domestic shipping and leisure boats, rail, ...) is "Övriga".
_TRANSPORT_SUB_ALIASES: dict[str, tuple[str, ...]] = {
    "Personbilar": ("Personbilar", "Bilar", "Passenger cars", "Cars"),
    "Tunga lastbilar": ("Tunga lastbilar", "Heavy trucks", "Heavy-duty trucks"),
    "Lätta lastbilar": ("Lätta lastbilar", "Light trucks", "Light-duty trucks"),
    "Bussar": ("Bussar", "Buses"),
    "Inrikes flygtrafik": (
        "Inrikes flygtrafik",
        "Inrikes flyg",
        "Inrikes luftfart",
        "Domestic aviation",
    ),
}
_MACHINERY_SUB_ALIASES: dict[str, tuple[str, ...]] = {
    "Industri och bygg": (
        "Industri- och byggsektorns arbetsmaskiner (inkl vägarbeten)",  # 2024-04-18
        "Industri- och byggsektorns arbetsmaskiner (inkl. vägarbeten)",
        "Industri- och byggsektorns arbetsmaskiner",
        "Industri och bygg",
        "Industri- och bygg",
        "Industry and construction",
    ),
    "Jord- och skogsbruk": (
        "Jordbruk och skogsbruk",  # 2024-04-18
        "Jord- och skogsbruk",
        "Jord och skogsbruk",
        "Jordbrukets och skogsbrukets arbetsmaskiner",
        "Agriculture and forestry",
    ),
}
_TRANSPORT_SUB_BY_KEY = {
    sector_key(a): c for c, aliases in _TRANSPORT_SUB_ALIASES.items() for a in aliases
}
_MACHINERY_SUB_BY_KEY = {
    sector_key(a): c for c, aliases in _MACHINERY_SUB_ALIASES.items() for a in aliases
}

# Obvious typos in SMHI's sub-sector names (2024-04-18), corrected for display. Keys are exact
# (after whitespace clean-up); unlisted names are kept as SMHI wrote them.
SUBSECTOR_SPELLING_FIXES: dict[str, str] = {
    "Slitage fran däck och bromsar": "Slitage från däck och bromsar",
    "Slitage fran vägbanan": "Slitage från vägbanan",
    "Avdunsting fran vägfordon": "Avdunstning från vägfordon",
    "inrikes civil sjöfart (inkl privata fritidsbåtar)": (
        "Inrikes civil sjöfart (inkl. privata fritidsbåtar)"
    ),
    "Hastgödsel (lagring, användning och bete)": "Hästgödsel (lagring, användning och bete)",
    "Indirekta utsläpp av lustgas fran brukad mark": (
        "Indirekta utsläpp av lustgas från brukad mark"
    ),
    "Övrigt gödselmedel m.m": "Övrigt gödselmedel m.m.",
    "Urea for katalysatorer": "Urea för katalysatorer",
    "Lustgas fran produktanvändning": "Lustgas från produktanvändning",
}


@lru_cache(maxsize=8192)
def clean_label(name: object) -> str:
    """Trim and collapse whitespace (incl. non-breaking spaces) in a label from a cell."""
    return re.sub(r"\s+", " ", str(name).replace("\u00a0", " ")).strip()


def is_total(name: object) -> bool:
    """True for SMHI's "Alla" (all sectors / all sub-sectors / whole county)."""
    return sector_key(name) == sector_key(TOTAL_LABEL)


def normalise_main_sector(name: object) -> str | None:
    """Canonical main-sector name for any SMHI spelling; None if unknown (or "Alla")."""
    if name is None:
        return None
    return MAIN_SECTOR_BY_KEY.get(sector_key(name))


def normalise_subsector(main_sector: str, name: object) -> str:
    """Project sub-sector for an SMHI sub-sector under a canonical main sector.

    Transport and machinery fold into the few sub-sectors the levers use (the rest is
    "Övriga"); other sectors keep SMHI's name, with known typos corrected.
    """
    key = sector_key(name)
    if main_sector == TRANSPORT:
        return _TRANSPORT_SUB_BY_KEY.get(key, OTHER)
    if main_sector == MACHINERY:
        return _MACHINERY_SUB_BY_KEY.get(key, OTHER)
    label = clean_label(name)
    return SUBSECTOR_SPELLING_FIXES.get(label, label)
