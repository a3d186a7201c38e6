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


# The parts of a municipality's emissions that a lever's factor multiplies (LeverSpec.parts;
# model/emissions.py computes each sector from its parts). A transport sub-sector (above) and
# working machinery stand for their activity, all gases; a *_fuel part for the sector's fossil
# fuel CO2 only; the others for all of the part's gases.
PART_MACHINERY = "machinery"
PART_HEATING = "heating"  # own heating (Egen uppvärmning), all gases
PART_HEATING_FUEL = "heating_fuel"  # its fossil fuel's CO2
PART_DISTRICT_HEATING = "district_heating"  # electricity and district heating, all gases
PART_DISTRICT_HEATING_FUEL = "district_heating_fuel"  # its fossil fuel's CO2
PART_INDUSTRY_FUEL = "industry_fuel"  # industry's energy CO2 (not its processes)
PART_RUMINANTS = "ruminants"  # agriculture: enteric methane and manure
PART_SOILS = "soils"  # agriculture: the rest
PART_WASTE = "waste"
PART_PRODUCTS = "products"  # solvents and F-gases
PART_INTERNATIONAL = "international"  # flights from the local airport
PART_BECCS_PLANT = "beccs_plant"  # the biogenic CO2 of the plant BECCS captures from
# Parts that burn road fuel (petrol and diesel): what the reduction obligation covers.
ROAD_FUEL_PARTS: tuple[str, ...] = (
    *(s for s in TRANSPORT_SUBSECTORS if s != "Inrikes flygtrafik"), PART_MACHINERY,
)
# Every part and the sector it belongs to (BECCS is not a NED sector).
PART_SECTOR: dict[str, str] = {
    **{s: TRANSPORT for s in TRANSPORT_SUBSECTORS},
    PART_MACHINERY: MACHINERY,
    PART_HEATING: HEATING,
    PART_HEATING_FUEL: HEATING,
    PART_DISTRICT_HEATING: ELECTRICITY_HEAT,
    PART_DISTRICT_HEATING_FUEL: ELECTRICITY_HEAT,
    PART_INDUSTRY_FUEL: INDUSTRY,
    PART_RUMINANTS: AGRICULTURE,
    PART_SOILS: AGRICULTURE,
    PART_WASTE: WASTE,
    PART_PRODUCTS: PRODUCTS,
    PART_INTERNATIONAL: INTERNATIONAL,
    PART_BECCS_PLANT: "BECCS",
}
PARTS: tuple[str, ...] = tuple(PART_SECTOR)


def sector_label(sector: str, lang: str) -> str:
    """Short label for a sector in the chosen language (falls back to the NED name)."""
    return SECTOR_LABELS.get(lang, SECTOR_LABELS["sv"]).get(sector, sector)
