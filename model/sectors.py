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

# One colour per sector everywhere (tests/test_chart_palette.py checks the contrasts). In
# stacking order, dark and mid-light colours alternate: every colour has at least 3:1
# contrast against white and against the sector stacked next to it, so neighbours differ in
# lightness, which colour-blind readers see as well as anyone. Hues: blue, green, ochre,
# purple, pink, red, grey; no two neighbours share one.
SECTOR_COLOURS: dict[str, str] = {
    TRANSPORT: "#16305E",  # dark blue
    MACHINERY: "#4596D6",  # light blue
    AGRICULTURE: "#00472F",  # dark green
    WASTE: "#BA8200",  # ochre
    PRODUCTS: "#4A1F66",  # dark purple
    HEATING: "#D0609E",  # pink
    ELECTRICITY_HEAT: "#641818",  # dark red
    INDUSTRY: "#8A8A8A",  # grey
    INTERNATIONAL: "#24313D",  # dark slate
}
BECCS_COLOUR = "#279A8C"  # teal, below zero next to the dark blue of transport

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
