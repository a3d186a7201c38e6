"""The levers users move: one definition each, with labels, help, range, reference and source.

A lever's value is what the user thinks in: a target for 2030 (a share, a change or an amount).
The model turns it into a yearly path: the reference path plus the lever's difference from its
reference value, phased in linearly to 2030 and kept after 2030.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from model.errors import UserFacingError
from model.sectors import (
    AGRICULTURE,
    ELECTRICITY_HEAT,
    HEATING,
    INDUSTRY,
    INTERNATIONAL,
    MACHINERY,
    PRODUCTS,
    TRANSPORT,
    WASTE,
)

Control = Literal["kommun", "region", "stat_eu", "naringsliv_hushall", "delad"]
PathKind = Literal["turnover", "population", "obligation", "linear", "exponential", "hold", "fixed"]

CONTROL_LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "kommun": "Kommunen",
        "region": "Regionen",
        "stat_eu": "Staten och EU",
        "naringsliv_hushall": "Näringsliv och hushåll",
        "delad": "Delad rådighet",
    },
    "en": {
        "kommun": "The municipality",
        "region": "The region",
        "stat_eu": "The state and the EU",
        "naringsliv_hushall": "Business and households",
        "delad": "Shared",
    },
}

GROUPS: tuple[str, ...] = ("transport", "maskiner", "energi", "jordbruk", "avfall", "beccs")
GROUP_LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "transport": "Transporter",
        "maskiner": "Arbetsmaskiner",
        "energi": "Energi och industri",
        "jordbruk": "Jordbruk",
        "avfall": "Avfall och produkter",
        "beccs": "Bio-CCS (BECCS)",
    },
    "en": {
        "transport": "Transport",
        "maskiner": "Working machinery",
        "energi": "Energy and industry",
        "jordbruk": "Agriculture",
        "avfall": "Waste and products",
        "beccs": "Bio-CCS (BECCS)",
    },
}

TARGET_YEAR = 2030


@dataclass(frozen=True)
class LeverSpec:
    """What a lever is, where its reference comes from and who controls it (rådighet)."""

    id: str
    group: str
    label_sv: str
    label_en: str
    help_sv: str
    help_en: str
    unit: str
    min: float
    max: float
    step: float
    reference: float
    sector: str
    control: Control
    source_id: str
    reference_note_sv: str
    reference_note_en: str
    path: PathKind
    base: float = 0.0  # the value in the base year (2024) where the path starts
    also_acts_on: tuple[str, ...] = ()  # further sectors the lever changes

    @property
    def sectors(self) -> tuple[str, ...]:
        """Every sector whose emissions the lever changes."""
        return (self.sector, *self.also_acts_on)

    def label(self, lang: str) -> str:
        """The label in the chosen language."""
        return self.label_en if lang == "en" else self.label_sv

    def help(self, lang: str) -> str:
        """The help text in the chosen language."""
        return self.help_en if lang == "en" else self.help_sv

    def reference_note(self, lang: str) -> str:
        """Why the reference value is what it is, in the chosen language."""
        return self.reference_note_en if lang == "en" else self.reference_note_sv


LEVER_SPECS: tuple[LeverSpec, ...] = (
    LeverSpec(
        id="el_personbilar",
        group="transport",
        label_sv="Elbilarnas andel av bilkörningen 2030",
        label_en="Electric share of car traffic in 2030",
        help_sv="Andel av personbilarnas körda kilometer som går på el år 2030 (elbilar och "
        "laddhybridernas eldrift). Efter 2030 fortsätter förnyelsen av bilparken.",
        help_en="Share of car vehicle-km driven on electricity in 2030 (battery cars and the "
        "electric part of plug-in hybrids). After 2030 the fleet keeps renewing.",
        unit="%",
        min=0.0,
        max=100.0,
        step=1.0,
        reference=17.0,
        sector=TRANSPORT,
        control="delad",
        source_id="trafa_fordon_2025",
        reference_note_sv="Bilparkens förnyelse med dagens elandel av nya bilar (32 % elbilar, "
        "26 % laddhybrider, 4,5 % av bilparken byts per år)",
        reference_note_en="Fleet turnover with today's electric share of new cars (32 % battery "
        "electric, 26 % plug-in hybrid, 4.5 % of the fleet renewed per year)",
        path="turnover",
    ),
    LeverSpec(
        id="trafik_personbilar",
        group="transport",
        label_sv="Biltrafikens förändring 2030 jämfört med 2024",
        label_en="Change in car traffic in 2030 compared with 2024",
        help_sv="Förändring av personbilarnas körda kilometer genom cykel, kollektivtrafik, "
        "samhällsplanering och parkering. Negativt värde betyder mindre biltrafik.",
        help_en="Change in car vehicle-km through cycling, public transport, planning and "
        "parking. A negative value means less car traffic.",
        unit="%",
        min=-40.0,
        max=20.0,
        step=1.0,
        reference=5.0,
        sector=TRANSPORT,
        control="kommun",
        source_id="scb_folkmangd",
        reference_note_sv="Biltrafiken följer befolkningens förändring 2023–2024 (SCB); "
        "referensvärdet gäller Växjö",
        reference_note_en="Car traffic follows the population's change 2023–2024 (SCB); "
        "the reference value is Växjö's",
        path="population",
    ),
    LeverSpec(
        id="el_tunga_lastbilar",
        group="transport",
        label_sv="Elektrifierad andel av tung lastbilstrafik 2030",
        label_en="Electric share of heavy truck traffic in 2030",
        help_sv="Andel av de tunga lastbilarnas körda kilometer som går på el år 2030.",
        help_en="Share of heavy truck vehicle-km driven on electricity in 2030.",
        unit="%",
        min=0.0,
        max=100.0,
        step=1.0,
        reference=5.0,
        sector=TRANSPORT,
        control="naringsliv_hushall",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Antagande: från cirka 1 % 2024 till 5 % 2030, samma takt därefter",
        reference_note_en="Assumption: from about 1 % in 2024 to 5 % in 2030, same pace after",
        path="linear",
        base=1.0,
    ),
    LeverSpec(
        id="el_latta_lastbilar",
        group="transport",
        label_sv="Elektrifierad andel av lätt lastbilstrafik 2030",
        label_en="Electric share of light truck traffic in 2030",
        help_sv="Andel av de lätta lastbilarnas körda kilometer som går på el år 2030.",
        help_en="Share of light truck vehicle-km driven on electricity in 2030.",
        unit="%",
        min=0.0,
        max=100.0,
        step=1.0,
        reference=12.0,
        sector=TRANSPORT,
        control="naringsliv_hushall",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Antagande: från cirka 3 % 2024 till 12 % 2030, samma takt därefter",
        reference_note_en="Assumption: from about 3 % in 2024 to 12 % in 2030, same pace after",
        path="linear",
        base=3.0,
    ),
    LeverSpec(
        id="fossilfria_bussar",
        group="transport",
        label_sv="Fossilfria bussar: andel av återstående fossil busstrafik som ställs om",
        label_en="Fossil-free buses: share of the remaining fossil bus traffic converted",
        help_sv="Stadsbussarna går redan till stor del på biogas och el. Spaken ställer om det "
        "som återstår (regionbussar, skolskjuts, turisttrafik) till el eller biogas till 2030.",
        help_en="City buses already run mostly on biogas and electricity. The lever converts "
        "what remains (regional buses, school transport, coaches) to electricity or biogas.",
        unit="%",
        min=0.0,
        max=100.0,
        step=5.0,
        reference=0.0,
        sector=TRANSPORT,
        control="region",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Inga nya beslut: dagens återstående fossila busstrafik finns kvar",
        reference_note_en="No new decisions: today's remaining fossil bus traffic stays",
        path="hold",
    ),
    LeverSpec(
        id="reduktionsplikt_bensin",
        group="transport",
        label_sv="Reduktionsplikt bensin 2030 (biodrivmedel i bensinen)",
        label_en="Reduction obligation petrol 2030 (biofuel in petrol)",
        help_sv="Hur stor del av bensinens utsläpp som ersätts av biodrivmedel. Nivån 2030 "
        "gäller också arbetsmaskiner och andra bensinmotorer. 2023: 7,8 %, 2024: 6 %.",
        help_en="How much of petrol's emissions biofuel replaces. The 2030 level also applies "
        "to machinery and other petrol engines. 2023: 7.8 %, 2024: 6 %.",
        unit="%",
        min=0.0,
        max=100.0,
        step=1.0,
        reference=10.0,
        sector=TRANSPORT,
        control="stat_eu",
        source_id="reduktionsplikt_lag",
        reference_note_sv="Beslutad nivå 10 % från 1 juli 2025, oförändrad därefter",
        reference_note_en="Decided level 10 % from 1 July 2025, unchanged after",
        path="obligation",
        base=6.0,
        also_acts_on=(MACHINERY,),
    ),
    LeverSpec(
        id="reduktionsplikt_diesel",
        group="transport",
        label_sv="Reduktionsplikt diesel 2030 (biodrivmedel i dieseln)",
        label_en="Reduction obligation diesel 2030 (biofuel in diesel)",
        help_sv="Hur stor del av dieselns utsläpp som ersätts av biodrivmedel (HVO, FAME). "
        "Gäller lastbilar, bussar, bilar och arbetsmaskiner. 2023: 30,5 %, 2024: 6 %.",
        help_en="How much of diesel's emissions biofuel (HVO, FAME) replaces. Applies to "
        "trucks, buses, cars and machinery. 2023: 30.5 %, 2024: 6 %.",
        unit="%",
        min=0.0,
        max=100.0,
        step=1.0,
        reference=10.0,
        sector=TRANSPORT,
        control="stat_eu",
        source_id="reduktionsplikt_lag",
        reference_note_sv="Beslutad nivå 10 % från 1 juli 2025, oförändrad därefter",
        reference_note_en="Decided level 10 % from 1 July 2025, unchanged after",
        path="obligation",
        base=6.0,
        also_acts_on=(MACHINERY,),
    ),
    LeverSpec(
        id="fossilfritt_flyg",
        group="transport",
        label_sv="Fossilfri andel av flyget 2030 (inrikes och utrikes)",
        label_en="Fossil-free share of aviation in 2030 (domestic and international)",
        help_sv="Andel av flygets bränsle som är fossilfritt (biojet, el) eller flyg som "
        "inte blir av, för flyg som NED räknar till kommunen (i Växjö: Småland Airport).",
        help_en="Share of aviation fuel that is fossil-free (bio-jet, electric) or flights that "
        "do not happen, for flights NED counts in the municipality (in Växjö: Småland "
        "Airport).",
        unit="%",
        min=0.0,
        max=100.0,
        step=5.0,
        reference=0.0,
        sector=TRANSPORT,
        control="delad",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Inga nya beslut: flyget som 2024",
        reference_note_en="No new decisions: aviation as in 2024",
        path="hold",
        also_acts_on=(INTERNATIONAL,),
    ),
    LeverSpec(
        id="fossilfria_arbetsmaskiner",
        group="maskiner",
        label_sv="Fossilfri andel av arbetsmaskinerna 2030 (el eller HVO100)",
        label_en="Fossil-free share of working machinery in 2030 (electric or HVO100)",
        help_sv="Andel av arbetsmaskinernas energi (bygg, industri, jord- och skogsbruk) som "
        "är el eller ren HVO, utöver inblandningen genom reduktionsplikten.",
        help_en="Share of machinery energy (construction, industry, farming, forestry) that is "
        "electricity or pure HVO, beyond the blend from the reduction obligation.",
        unit="%",
        min=0.0,
        max=100.0,
        step=1.0,
        reference=8.0,
        sector=MACHINERY,
        control="delad",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Antagande: från cirka 2 % 2024 till 8 % 2030, samma takt därefter",
        reference_note_en="Assumption: from about 2 % in 2024 to 8 % in 2030, same pace after",
        path="linear",
        base=2.0,
    ),
    LeverSpec(
        id="utfasning_olja",
        group="energi",
        label_sv="Utfasning av kvarvarande oljeuppvärmning till 2030",
        label_en="Phase-out of remaining oil heating by 2030",
        help_sv="Andel av 2024 års fossila utsläpp från egen uppvärmning av bostäder och "
        "lokaler (oljepannor) som är borta 2030.",
        help_en="Share of 2024's fossil emissions from own heating of homes and premises (oil "
        "boilers) that is gone by 2030.",
        unit="%",
        min=0.0,
        max=100.0,
        step=5.0,
        reference=30.0,
        sector=HEATING,
        control="naringsliv_hushall",
        source_id="ned_2025",
        reference_note_sv="Trenden 2015–2024 (cirka −6 % per år) fortsätter",
        reference_note_en="The 2015–2024 trend (about −6 % a year) continues",
        path="exponential",
    ),
    LeverSpec(
        id="fossilfri_fjarrvarme",
        group="energi",
        label_sv="Bort med fossil rest i el och fjärrvärme till 2030",
        label_en="Remove the fossil remainder in electricity and district heating by 2030",
        help_sv="Andel av den lilla fossila CO2-resten (start- och spetsolja) som tas bort. "
        "Metan och lustgas från biobränsle finns kvar.",
        help_en="Share of the small fossil CO2 remainder (start-up and peak oil) removed. "
        "Methane and nitrous oxide from burning biomass remain.",
        unit="%",
        min=0.0,
        max=100.0,
        step=5.0,
        reference=0.0,
        sector=ELECTRICITY_HEAT,
        control="kommun",
        source_id="ned_co2_2024_04_18",
        reference_note_sv="Inga nya beslut: resten som 2024",
        reference_note_en="No new decisions: the remainder as in 2024",
        path="hold",
    ),
    LeverSpec(
        id="energieffektivisering",
        group="energi",
        label_sv="Energieffektivisering och lokal el till 2030",
        label_en="Energy efficiency and local electricity by 2030",
        help_sv="Minskad köpt värme och el i byggnader. Ger lite direkt CO2e (mindre "
        "biobränsle att elda) men sänker effekttoppar och kostnader.",
        help_en="Less bought heat and electricity in buildings. Little direct CO2e (less "
        "biomass burnt) but lower peak power and costs.",
        unit="%",
        min=0.0,
        max=30.0,
        step=1.0,
        reference=0.0,
        sector=ELECTRICITY_HEAT,
        control="delad",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Inga nya beslut: energianvändning som 2024",
        reference_note_en="No new decisions: energy use as in 2024",
        path="hold",
        also_acts_on=(HEATING,),
    ),
    LeverSpec(
        id="fossilfri_industri",
        group="energi",
        label_sv="Fossilfri industri till 2030",
        label_en="Fossil-free industry by 2030",
        help_sv="Andel av industrins fossila bränslen och processutsläpp som är borta 2030.",
        help_en="Share of industry's fossil fuels and process emissions gone by 2030.",
        unit="%",
        min=0.0,
        max=100.0,
        step=5.0,
        reference=0.0,
        sector=INDUSTRY,
        control="naringsliv_hushall",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Inga nya beslut: som 2024",
        reference_note_en="No new decisions: as in 2024",
        path="hold",
    ),
    LeverSpec(
        id="idisslare",
        group="jordbruk",
        label_sv="Antal idisslare 2030 jämfört med 2024",
        label_en="Number of ruminants in 2030 compared with 2024",
        help_sv="Förändring av antalet nötkreatur och får, som står för metan från "
        "fodersmältning och gödsel (cirka 60 % av jordbrukets utsläpp).",
        help_en="Change in the number of cattle and sheep, which cause methane from digestion "
        "and manure (about 60 % of agriculture's emissions).",
        unit="%",
        min=-50.0,
        max=10.0,
        step=1.0,
        reference=0.0,
        sector=AGRICULTURE,
        control="naringsliv_hushall",
        source_id="vaxjo_klimatkontrakt",
        reference_note_sv="Inga nya beslut: djurantal som 2024",
        reference_note_en="No new decisions: livestock as in 2024",
        path="hold",
    ),
    LeverSpec(
        id="jordbruk_atgarder",
        group="jordbruk",
        label_sv="Åtgärder på mark och gödsel till 2030 (biogas, fånggrödor)",
        label_en="Measures on soils and manure by 2030 (biogas, catch crops)",
        help_sv="Minskning av utsläppen från odlad mark och gödselhantering, till exempel "
        "biogas av gödsel, fånggrödor och precisionsgödsling.",
        help_en="Reduction of emissions from cultivated soil and manure handling, e.g. biogas "
        "from manure, catch crops and precision fertilising.",
        unit="%",
        min=0.0,
        max=30.0,
        step=1.0,
        reference=0.0,
        sector=AGRICULTURE,
        control="delad",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Inga nya beslut: som 2024",
        reference_note_en="No new decisions: as in 2024",
        path="hold",
    ),
    LeverSpec(
        id="avfall_minskning",
        group="avfall",
        label_sv="Minskade utsläpp från avfall och avlopp till 2030",
        label_en="Lower emissions from waste and sewage by 2030",
        help_sv="Minskning av metan från nedlagda deponier och av utsläpp från avlopp.",
        help_en="Reduction of methane from closed landfills and of emissions from sewage.",
        unit="%",
        min=0.0,
        max=100.0,
        step=5.0,
        reference=30.0,
        sector=WASTE,
        control="kommun",
        source_id="ned_2025",
        reference_note_sv="Trenden 2015–2024 (cirka −6 % per år) fortsätter",
        reference_note_en="The 2015–2024 trend (about −6 % a year) continues",
        path="exponential",
    ),
    LeverSpec(
        id="produkter_fgaser",
        group="avfall",
        label_sv="Minskade utsläpp från lösningsmedel och F-gaser till 2030",
        label_en="Lower emissions from solvents and F-gases by 2030",
        help_sv="Minskning av utsläppen från produktanvändning: lösningsmedel, köldmedier "
        "(F-gaser) och andra produkter.",
        help_en="Reduction of emissions from product use: solvents, refrigerants (F-gases) "
        "and other products.",
        unit="%",
        min=0.0,
        max=100.0,
        step=5.0,
        reference=0.0,
        sector=PRODUCTS,
        control="delad",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Inga nya beslut: som 2024",
        reference_note_en="No new decisions: as in 2024",
        path="hold",
    ),
    LeverSpec(
        id="beccs_kt",
        group="beccs",
        label_sv="Infångad biogen koldioxid (BECCS)",
        label_en="Captured biogenic CO2 (BECCS)",
        help_sv="Koldioxid från förbränning av biobränsle i ett kraftvärmeverk som fångas in "
        "och lagras, räknas som negativa utsläpp. Spaken når högst kommunens kända "
        "potential (parametern beccs_potential_kt).",
        help_en="CO2 from burning biomass in a combined heat and power plant that is captured "
        "and stored, counted as negative emissions. The lever goes up to the municipality's "
        "known potential (parameter beccs_potential_kt).",
        unit="kt CO2/år",
        min=0.0,
        max=200.0,
        step=10.0,
        reference=0.0,
        sector="BECCS",
        control="delad",
        source_id="vaxjo_energi_beccs",
        reference_note_sv="Inget beslut om BECCS: ingen infångning",
        reference_note_en="No decision on BECCS: no capture",
        path="fixed",
    ),
    LeverSpec(
        id="beccs_start",
        group="beccs",
        label_sv="Startår för BECCS",
        label_en="Start year for BECCS",
        help_sv="Första år med full infångning. Tidigast cirka 2027–2030 (uppskattning).",
        help_en="First year of full capture. Earliest around 2027–2030 (estimate).",
        unit="år",
        min=2027.0,
        max=2045.0,
        step=1.0,
        reference=2030.0,
        sector="BECCS",
        control="delad",
        source_id="vaxjo_energi_beccs",
        reference_note_sv="Tidigaste start som diskuteras",
        reference_note_en="Earliest start discussed",
        path="fixed",
    ),
)

LEVERS_BY_ID: dict[str, LeverSpec] = {spec.id: spec for spec in LEVER_SPECS}


@dataclass(frozen=True)
class Levers:
    """One value per lever, in the lever's own unit (the same units the CLI's --set takes)."""

    el_personbilar: float = LEVERS_BY_ID["el_personbilar"].reference
    trafik_personbilar: float = LEVERS_BY_ID["trafik_personbilar"].reference
    el_tunga_lastbilar: float = LEVERS_BY_ID["el_tunga_lastbilar"].reference
    el_latta_lastbilar: float = LEVERS_BY_ID["el_latta_lastbilar"].reference
    fossilfria_bussar: float = LEVERS_BY_ID["fossilfria_bussar"].reference
    reduktionsplikt_bensin: float = LEVERS_BY_ID["reduktionsplikt_bensin"].reference
    reduktionsplikt_diesel: float = LEVERS_BY_ID["reduktionsplikt_diesel"].reference
    fossilfritt_flyg: float = LEVERS_BY_ID["fossilfritt_flyg"].reference
    fossilfria_arbetsmaskiner: float = LEVERS_BY_ID["fossilfria_arbetsmaskiner"].reference
    utfasning_olja: float = LEVERS_BY_ID["utfasning_olja"].reference
    fossilfri_fjarrvarme: float = LEVERS_BY_ID["fossilfri_fjarrvarme"].reference
    energieffektivisering: float = LEVERS_BY_ID["energieffektivisering"].reference
    fossilfri_industri: float = LEVERS_BY_ID["fossilfri_industri"].reference
    idisslare: float = LEVERS_BY_ID["idisslare"].reference
    jordbruk_atgarder: float = LEVERS_BY_ID["jordbruk_atgarder"].reference
    avfall_minskning: float = LEVERS_BY_ID["avfall_minskning"].reference
    produkter_fgaser: float = LEVERS_BY_ID["produkter_fgaser"].reference
    beccs_kt: float = LEVERS_BY_ID["beccs_kt"].reference
    beccs_start: float = LEVERS_BY_ID["beccs_start"].reference

    def as_dict(self) -> dict[str, float]:
        """The values by lever id, in the order of LEVER_SPECS."""
        return {spec.id: float(getattr(self, spec.id)) for spec in LEVER_SPECS}

    def with_values(self, **values: float) -> Levers:
        """A copy with some levers changed; validates every value against its range."""
        for lever_id, value in values.items():
            check_lever_value(lever_id, value)
        return dataclasses.replace(self, **{k: float(v) for k, v in values.items()})

    def differences(self, other: Levers) -> dict[str, tuple[float, float]]:
        """Levers whose values differ: id → (this value, other value)."""
        mine, theirs = self.as_dict(), other.as_dict()
        return {k: (mine[k], theirs[k]) for k in mine if abs(mine[k] - theirs[k]) > 1e-9}


class LeverError(UserFacingError):
    """An unknown lever or a value out of its range, with a message users can read."""


def check_lever_value(lever_id: str, value: float) -> None:
    """Raise LeverError when the lever is unknown or the value is outside its range."""
    spec = LEVERS_BY_ID.get(lever_id)
    if spec is None:
        raise LeverError(
            f"Okänd spak: {lever_id!r}.",
            f"Unknown lever: {lever_id!r}.",
        )
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise LeverError(
            f"Värdet för {lever_id} är inte ett tal: {value!r}.",
            f"The value for {lever_id} is not a number: {value!r}.",
        ) from None
    if not (spec.min <= number <= spec.max):  # also rejects NaN
        raise LeverError(
            f"{lever_id} = {number:g} ligger utanför intervallet {spec.min:g}–{spec.max:g} "
            f"{spec.unit}.",
            f"{lever_id} = {number:g} is outside the range {spec.min:g}–{spec.max:g} "
            f"{spec.unit}.",
        )


REFERENCE_LEVERS = Levers()
