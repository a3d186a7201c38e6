"""The NED main sectors: one place for their names, English labels, order and colours."""

from __future__ import annotations

# SMHI Nationella emissionsdatabasen's nine main sectors, in the order the charts stack them
# (the big fossil emitters at the bottom, where a change is easiest to see).
SECTORS: tuple[str, ...] = (
    "Transporter",
    "Arbetsmaskiner",
    "Jordbruk",
    "Avfall (inkl. avlopp)",
    "Produktanvändning (inkl. lösningsmedel)",
    "Egen uppvärmning av bostäder och lokaler",
    "El och fjärrvärme",
    "Industri (energi + processer)",
    "Utrikes transporter",
)

TRANSPORT = SECTORS[0]
MACHINERY = SECTORS[1]
AGRICULTURE = SECTORS[2]
WASTE = SECTORS[3]
PRODUCTS = SECTORS[4]
HEATING = SECTORS[5]
ELECTRICITY_HEAT = SECTORS[6]
INDUSTRY = SECTORS[7]
INTERNATIONAL = SECTORS[8]

SECTOR_INDEX: dict[str, int] = {name: i for i, name in enumerate(SECTORS)}

SECTOR_LABELS: dict[str, dict[str, str]] = {
    "sv": {
        TRANSPORT: "Transporter",
        MACHINERY: "Arbetsmaskiner",
        AGRICULTURE: "Jordbruk",
        WASTE: "Avfall och avlopp",
        PRODUCTS: "Produktanvändning",
        HEATING: "Egen uppvärmning",
        ELECTRICITY_HEAT: "El och fjärrvärme",
        INDUSTRY: "Industri",
        INTERNATIONAL: "Utrikes transporter",
    },
    "en": {
        TRANSPORT: "Transport",
        MACHINERY: "Working machinery",
        AGRICULTURE: "Agriculture",
        WASTE: "Waste and sewage",
        PRODUCTS: "Product use",
        HEATING: "Own heating of buildings",
        ELECTRICITY_HEAT: "Electricity and district heating",
        INDUSTRY: "Industry",
        INTERNATIONAL: "International transport",
    },
}

# Colour-blind-safe palette (Okabe–Ito based), one colour per sector everywhere.
SECTOR_COLOURS: dict[str, str] = {
    TRANSPORT: "#0072B2",
    MACHINERY: "#56B4E9",
    AGRICULTURE: "#009E73",
    WASTE: "#8C6D31",
    PRODUCTS: "#CC79A7",
    HEATING: "#E69F00",
    ELECTRICITY_HEAT: "#D55E00",
    INDUSTRY: "#7F7F7F",
    INTERNATIONAL: "#B8B8E0",
}
BECCS_COLOUR = "#2F4F4F"

# Transport sub-sectors that the levers act on separately.
TRANSPORT_SUBSECTORS: tuple[str, ...] = (
    "Personbilar",
    "Tunga lastbilar",
    "Lätta lastbilar",
    "Bussar",
    "Inrikes flygtrafik",
    "Övriga",
)


def sector_label(sector: str, lang: str) -> str:
    """Short label for a sector in the chosen language (falls back to the NED name)."""
    return SECTOR_LABELS.get(lang, SECTOR_LABELS["sv"]).get(sector, sector)
