"""The levers users move: one definition each, with labels, help, range, reference and source.

A lever's value is what the user thinks in: a target for 2030 (a share, a change or an amount).
The model turns it into a yearly path (model/paths.py): a ramp from today to the 2030 value
that continues after 2030 where the lever is an adoption (new vehicles towards the EU's 2035
rule, phase-outs at the same pace). Every range is what is physically and legally possible
by 2030, and `max_reason_sv`/`max_reason_en` say why the most ambitious end is where it is
(with `max_source_id`). For vehicles the lever is the zero-emission share of NEW vehicles:
the electric share of driving follows from fleet renewal (model/fleet.py) and cannot jump.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal, TypeVar

from model.errors import UserFacingError
from model.sectors import (
    AGRICULTURE,
    ELECTRICITY_HEAT,
    HEATING,
    INDUSTRY,
    INTERNATIONAL,
    MACHINERY,
    PART_BECCS_PLANT,
    PART_DISTRICT_HEATING,
    PART_DISTRICT_HEATING_FUEL,
    PART_HEATING,
    PART_HEATING_FUEL,
    PART_INDUSTRY_FUEL,
    PART_INTERNATIONAL,
    PART_MACHINERY,
    PART_PRODUCTS,
    PART_RUMINANTS,
    PART_SOILS,
    PART_WASTE,
    PRODUCTS,
    ROAD_FUEL_PARTS,
    TRANSPORT,
    WASTE,
)

Control = Literal["kommun", "region", "stat_eu", "naringsliv_hushall", "delad"]
PathKind = Literal["new_share", "population", "obligation", "linear", "exponential", "hold",
                   "fixed"]

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
LEVER_TOLERANCE = 1e-9  # lever values closer than this are the same setting
# How a lever's yearly path acts on emissions (model/emissions.py): "remaining" is the share
# of a fossil activity left relative to the base year (1 − share(t)) / (1 − share(base)),
# "change" a change in activity (1 + path/100, at least 0), "cut" a cut (1 − path/100), each
# a factor on the lever's parts; the others feed the fuel and BECCS arithmetic: a reduction
# obligation for petrol or diesel on the parts that burn it, HVO100 in the municipality's
# own diesel use of its parts, BECCS's capacity and its start year.
Effect = Literal["remaining", "change", "cut", "obligation_petrol", "obligation_diesel",
                 "own_diesel", "beccs_capacity", "beccs_start_year"]


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
    max_reason_sv: str = ""  # why the most ambitious end of the range is where it is
    max_reason_en: str = ""
    max_source_id: str = "klimatscenarier_antagande"
    continues: bool = False  # after 2030 the change keeps its pace (up to 100 %)
    # How it acts: model/emissions.py applies the effect to the parts (model/sectors.py PARTS).
    effect: Effect = "remaining"
    parts: tuple[str, ...] = ()
    fleet: str = ""  # a new-vehicle lever's fleet (model/paths.py FLEET_PARAMETERS)
    lower_is_better: bool = False  # a lower value lowers emissions

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

    def max_reason(self, lang: str) -> str:
        """Why the range ends where it does (what is possible by 2030), in the language."""
        return self.max_reason_en if lang == "en" else self.max_reason_sv

    @property
    def most_ambitious(self) -> float:
        """The end of the range that lowers emissions most (min for levers where less is
        better: car traffic, ruminants, BECCS start year)."""
        return self.min if self.lower_is_better else self.max

    def reference_note(self, lang: str) -> str:
        """Why the reference value is what it is, in the chosen language."""
        return self.reference_note_en if lang == "en" else self.reference_note_sv


LEVER_SPECS: tuple[LeverSpec, ...] = (
    LeverSpec(
        id="el_personbilar",
        group="transport",
        label_sv="Elbilarnas andel av nya bilar 2030",
        label_en="Electric share of new cars in 2030",
        help_sv="Andel av de nya personbilarna som är elbilar år 2030; vägen dit går jämnt "
        "från 2025 och efter 2030 mot 100 % år 2035 (EU-krav). Andelen el av bilkörningen "
        "följer av bilparkens förnyelse: bara de bilar som byts ut kan bli elbilar.",
        help_en="Share of new cars that are battery-electric in 2030; the path rises evenly "
        "from 2025 and after 2030 towards 100 % in 2035 (EU rule). The electric share of "
        "car traffic follows from fleet renewal: only the cars that are replaced can become "
        "electric.",
        unit="%",
        min=0.0,
        max=100.0,
        step=1.0,
        reference=66.0,
        sector=TRANSPORT,
        control="delad",
        source_id="eu_2023_851",
        reference_note_sv="EU:s koldioxidkrav för nya bilar (förordning 2023/851): 100 % "
        "utsläppsfria nya bilar från 2035; från dagens andel (32 % i Växjö 2025) jämnt dit",
        reference_note_en="The EU's CO2 standards for new cars (Regulation 2023/851): 100 % "
        "zero-emission new cars from 2035; evenly from today's share (32 % in Växjö 2025)",
        path="new_share",
        effect="remaining",
        parts=("Personbilar",),
        fleet="car",
        max_reason_sv="Alla nya bilar kan vara elbilar 2030 (Norge: cirka 96 % 2025). Men "
        "bara cirka 4,5–5,6 % av bilparken byts varje år, så högst omkring en tredjedel av "
        "bilkörningen kan gå på el 2030.",
        max_reason_en="Every new car can be electric by 2030 (Norway: about 96 % in 2025). But "
        "only about 4.5–5.6 % of the fleet is replaced each year, so at most about a third "
        "of car traffic can be electric in 2030.",
        max_source_id="ofv_norge_2025",
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
        min=-15.0,
        max=20.0,
        step=1.0,
        reference=5.0,
        sector=TRANSPORT,
        control="kommun",
        source_id="scb_folkmangd",
        reference_note_sv="Biltrafiken följer befolkningens trend (SCB); referensvärdet "
        "gäller Växjö",
        reference_note_en="Car traffic follows the population's trend (SCB); the reference "
        "value is Växjö's",
        path="population",
        effect="change",
        parts=("Personbilar",),
        lower_is_better=True,
        max_reason_sv="Högst −15 % på sex år (cirka −2,5 % per år): trängselskatten i "
        "Stockholm minskade trafiken över avgiftssnittet med cirka 20 %, men i en hel kommun "
        "ändras biltrafiken långsammare (antagande).",
        max_reason_en="At most −15 % in six years (about −2.5 % a year): Stockholm's "
        "congestion charge cut traffic across the cordon by about 20 %, but across a whole "
        "municipality car traffic changes more slowly (assumption).",
        max_source_id="trafikverket_trangselskatt",
    ),
    LeverSpec(
        id="el_tunga_lastbilar",
        group="transport",
        label_sv="Elektriska andelen av nya tunga lastbilar 2030",
        label_en="Electric share of new heavy trucks in 2030",
        help_sv="Andel av de nya tunga lastbilarna som är eldrivna år 2030; efter 2030 minst "
        "EU-kravens 65 % (2035) och 90 % (2040). Andelen el av lastbilstrafiken följer av "
        "förnyelsen; nya lastbilar kör mycket längre än gamla.",
        help_en="Share of new heavy trucks that are electric in 2030; after 2030 at least the "
        "EU rules' 65 % (2035) and 90 % (2040). The electric share of truck traffic follows "
        "from renewal; new trucks drive much further than old ones.",
        unit="%",
        min=0.0,
        max=60.0,
        step=1.0,
        reference=45.0,
        sector=TRANSPORT,
        control="naringsliv_hushall",
        source_id="eu_2024_1610",
        reference_note_sv="EU:s koldioxidkrav för nya tunga fordon (förordning 2024/1610): "
        "−45 % 2030, −65 % 2035, −90 % 2040, läst som samma andel eldrivna nya lastbilar",
        reference_note_en="The EU's CO2 standards for new heavy vehicles (Regulation "
        "2024/1610): −45 % 2030, −65 % 2035, −90 % 2040, read as the same share of electric "
        "new trucks",
        path="new_share",
        effect="remaining",
        parts=("Tunga lastbilar",),
        fleet="heavy",
        base=8.0,
        max_reason_sv="Högst 60 % av nya tunga lastbilar 2030: tillverkarnas egna mål är "
        "ungefär hälften eldrivet 2030, och laddning längs vägarna byggs ut först då "
        "(antagande).",
        max_reason_en="At most 60 % of new heavy trucks in 2030: the manufacturers' own "
        "targets are about half electric in 2030, and charging along the roads is only being "
        "built then (assumption).",
        max_source_id="tillverkare_tunga_elmal",
    ),
    LeverSpec(
        id="el_latta_lastbilar",
        group="transport",
        label_sv="Elektriska andelen av nya lätta lastbilar 2030",
        label_en="Electric share of new light trucks in 2030",
        help_sv="Andel av de nya lätta lastbilarna som är eldrivna år 2030; efter 2030 mot "
        "100 % år 2035 (EU-krav). Andelen el av körningen följer av förnyelsen.",
        help_en="Share of new light trucks that are electric in 2030; after 2030 towards 100 % "
        "in 2035 (EU rule). The electric share of driving follows from renewal.",
        unit="%",
        min=0.0,
        max=100.0,
        step=1.0,
        reference=58.0,
        sector=TRANSPORT,
        control="naringsliv_hushall",
        source_id="eu_2023_851",
        reference_note_sv="EU:s koldioxidkrav för nya lätta lastbilar (förordning 2023/851): "
        "100 % utsläppsfria från 2035; från dagens andel jämnt dit",
        reference_note_en="The EU's CO2 standards for new vans (Regulation 2023/851): 100 % "
        "zero-emission from 2035; evenly from today's share",
        path="new_share",
        effect="remaining",
        parts=("Lätta lastbilar",),
        fleet="van",
        base=15.0,
        max_reason_sv="Eldrivna lätta lastbilar finns i alla storlekar, så alla nya kan vara "
        "eldrivna 2030; förnyelsen (cirka 7 % av fordonen per år) begränsar andelen av "
        "körningen.",
        max_reason_en="Electric light trucks exist in every size, so every new one can be "
        "electric by 2030; renewal (about 7 % of vehicles a year) limits the share of "
        "driving.",
        max_source_id="trafa_fordon_2025",
    ),
    LeverSpec(
        id="fossilfria_bussar",
        group="transport",
        label_sv="Fossilfria bussar: andel av återstående fossil busstrafik som ställs om",
        label_en="Fossil-free buses: share of the remaining fossil bus traffic converted",
        help_sv="Stadsbussarna går redan till stor del på biogas och el. Spaken ställer om det "
        "som återstår (regionbussar, skolskjuts, turisttrafik) till el, biogas eller HVO100 "
        "till 2030.",
        help_en="City buses already run mostly on biogas and electricity. The lever converts "
        "what remains (regional buses, school transport, coaches) to electricity, biogas or "
        "HVO100 by 2030.",
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
        effect="remaining",
        parts=("Bussar",),
        max_reason_sv="Befintliga dieselbussar kan tanka HVO100 direkt, och regionen "
        "upphandlar trafiken: allt kan vara fossilfritt 2030.",
        max_reason_en="Existing diesel buses can run on HVO100 at once, and the region "
        "procures the traffic: all of it can be fossil-free by 2030.",
        continues=True,
    ),
    LeverSpec(
        id="reduktionsplikt_bensin",
        group="transport",
        label_sv="Reduktionsplikt bensin 2030 (minskning av livscykelutsläpp)",
        label_en="Reduction obligation petrol 2030 (cut in lifecycle emissions)",
        help_sv="Plikten är den procent som bränslets växthusgasutsläpp i ett "
        "livscykelperspektiv ska minska genom inblandning av biodrivmedel. Modellen räknar "
        "om den till biodrivmedlets andel av energin (plikten delad med biodrivmedlets "
        "livscykelminskning, högst inblandningsgränsen). Gäller också arbetsmaskiner. "
        "2023: 7,8 %, 2024: 6 %.",
        help_en="The obligation is the percentage by which the fuel's lifecycle greenhouse-gas "
        "emissions must fall through blended biofuel. The model turns it into biofuel's "
        "share of the energy (the obligation divided by biofuel's lifecycle saving, at most "
        "the blend limit). Also applies to machinery. 2023: 7.8 %, 2024: 6 %.",
        unit="%",
        min=0.0,
        max=28.0,
        step=1.0,
        reference=10.0,
        sector=TRANSPORT,
        control="stat_eu",
        source_id="reduktionsplikt_lag",
        reference_note_sv="Beslutad nivå 10 % från 1 juli 2025, oförändrad därefter",
        reference_note_en="Decided level 10 % from 1 July 2025, unchanged after",
        path="obligation",
        effect="obligation_petrol",
        parts=ROAD_FUEL_PARTS,
        base=6.0,
        also_acts_on=(MACHINERY,),
        max_reason_sv="28 % är den nivå för 2030 som riksdagen beslutade 2021 (innan "
        "sänkningen 2024); mer kräver förnybar bensin utöver E10:s etanol.",
        max_reason_en="28 % is the level for 2030 that the Riksdag decided in 2021 (before "
        "the 2024 cut); more needs renewable petrol beyond E10's ethanol.",
        max_source_id="reduktionsplikt_2021",
    ),
    LeverSpec(
        id="reduktionsplikt_diesel",
        group="transport",
        label_sv="Reduktionsplikt diesel 2030 (minskning av livscykelutsläpp)",
        label_en="Reduction obligation diesel 2030 (cut in lifecycle emissions)",
        help_sv="Som för bensin: procent lägre livscykelutsläpp genom inblandning (HVO, "
        "FAME), omräknat till biodrivmedlets andel av energin. Gäller lastbilar, bussar, "
        "bilar och arbetsmaskiner. 2023: 30,5 %, 2024: 6 %.",
        help_en="As for petrol: per cent lower lifecycle emissions through blending (HVO, "
        "FAME), turned into biofuel's share of the energy. Applies to trucks, buses, cars "
        "and machinery. 2023: 30.5 %, 2024: 6 %.",
        unit="%",
        min=0.0,
        max=66.0,
        step=1.0,
        reference=10.0,
        sector=TRANSPORT,
        control="stat_eu",
        source_id="reduktionsplikt_lag",
        reference_note_sv="Beslutad nivå 10 % från 1 juli 2025, oförändrad därefter",
        reference_note_en="Decided level 10 % from 1 July 2025, unchanged after",
        path="obligation",
        effect="obligation_diesel",
        parts=ROAD_FUEL_PARTS,
        base=6.0,
        also_acts_on=(MACHINERY,),
        max_reason_sv="66 % är den nivå för 2030 som riksdagen beslutade 2021 (innan "
        "sänkningen 2024); tillgången på HVO sätter gränsen.",
        max_reason_en="66 % is the level for 2030 that the Riksdag decided in 2021 (before "
        "the 2024 cut); the supply of HVO sets the limit.",
        max_source_id="reduktionsplikt_2021",
    ),
    LeverSpec(
        id="hvo100_lokalt",
        group="transport",
        label_sv="HVO100 och biogas i kommunens egna och upphandlade fordon och maskiner 2030",
        label_en="HVO100 and biogas in the municipality's own and procured vehicles and "
        "machinery in 2030",
        help_sv="Andel av dieseln i kommunens och bolagens egna fordon och i upphandlade "
        "transporter och bygg- och anläggningsmaskiner som ersätts med HVO100 eller biogas. "
        "Volymen är begränsad: kommunens del av tunga och lätta lastbilars och "
        "arbetsmaskinernas diesel (parametrar own_share_*).",
        help_en="Share of the diesel in the municipality's and its companies' own vehicles and "
        "in procured transport and construction machinery replaced by HVO100 or biogas. The "
        "volume is limited: the municipality's part of heavy and light trucks' and "
        "machinery's diesel (parameters own_share_*).",
        unit="%",
        min=0.0,
        max=100.0,
        step=5.0,
        reference=0.0,
        sector=MACHINERY,
        control="kommun",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Inga nya beslut: som 2024",
        reference_note_en="No new decisions: as in 2024",
        path="hold",
        effect="own_diesel",
        parts=("Tunga lastbilar", "Lätta lastbilar", PART_MACHINERY),
        also_acts_on=(TRANSPORT,),
        max_reason_sv="Kommunen bestämmer själv över sina fordon och kan ställa krav i "
        "upphandling; HVO100 passar de flesta dieselmotorer. Gränsen är volymen kommunen rår "
        "över, inte andelen.",
        max_reason_en="The municipality decides over its own vehicles and can set requirements "
        "in procurement; HVO100 suits most diesel engines. The limit is the volume it "
        "controls, not the share.",
        max_source_id="ivl_hvo100",
        continues=True,
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
        max=30.0,
        step=5.0,
        reference=0.0,
        sector=TRANSPORT,
        control="delad",
        source_id="eu_2023_2405",
        reference_note_sv="Inga nya beslut: flyget som 2024",
        reference_note_en="No new decisions: aviation as in 2024",
        path="hold",
        effect="remaining",
        parts=("Inrikes flygtrafik", PART_INTERNATIONAL),
        also_acts_on=(INTERNATIONAL,),
        max_reason_sv="EU kräver 6 % hållbart flygbränsle 2030 och 20 % 2035 (ReFuelEU); en "
        "flygplats kan gå före, men tillgången är liten: högst 30 % (antagande).",
        max_reason_en="The EU requires 6 % sustainable aviation fuel in 2030 and 20 % in 2035 "
        "(ReFuelEU); an airport can go further, but supply is small: at most 30 % "
        "(assumption).",
        max_source_id="eu_2023_2405",
        continues=True,
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
        max=50.0,
        step=1.0,
        reference=8.0,
        sector=MACHINERY,
        control="delad",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Antagande: från cirka 2 % 2024 till 8 % 2030, samma takt därefter",
        reference_note_en="Assumption: from about 2 % in 2024 to 8 % in 2030, same pace after",
        path="linear",
        effect="remaining",
        parts=(PART_MACHINERY,),
        base=2.0,
        max_reason_sv="Eldrivna maskiner kommer bara in när maskiner byts (livslängd 10–15 "
        "år) och HVO100 räcker inte till alla: högst hälften 2030 (antagande).",
        max_reason_en="Electric machines only come in when machines are replaced (lifetime "
        "10–15 years) and there is not enough HVO100 for all: at most half in 2030 "
        "(assumption).",
        continues=True,
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
        max=90.0,
        step=5.0,
        reference=30.0,
        sector=HEATING,
        control="naringsliv_hushall",
        source_id="ned_2025",
        reference_note_sv="Trenden 2015–2024 (cirka −6 % per år) fortsätter",
        reference_note_en="The 2015–2024 trend (about −6 % a year) continues",
        path="exponential",
        effect="remaining",
        parts=(PART_HEATING_FUEL,),
        max_reason_sv="Oljepannor byts när de går sönder eller huset byter ägare; några står "
        "kvar som reserv: högst 90 % borta 2030 (antagande).",
        max_reason_en="Oil boilers are replaced when they break or the house changes owner; "
        "some stay as back-up: at most 90 % gone by 2030 (assumption).",
        continues=True,
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
        effect="remaining",
        parts=(PART_DISTRICT_HEATING_FUEL,),
        max_reason_sv="Start- och spetsolja kan bytas mot bioolja i befintliga pannor: allt "
        "kan vara borta 2030.",
        max_reason_en="Start-up and peak oil can be replaced by bio-oil in existing boilers: "
        "all of it can be gone by 2030.",
    ),
    LeverSpec(
        id="energieffektivisering",
        group="energi",
        label_sv="Energieffektivisering och lokal el till 2030",
        label_en="Energy efficiency and local electricity by 2030",
        help_sv="Minskad köpt värme och el i byggnader. Ger lite direkt CO2e (mindre "
        "biobränsle att elda, och därmed också mindre biogen CO2 att fånga in) men sänker "
        "effekttoppar och kostnader.",
        help_en="Less bought heat and electricity in buildings. Little direct CO2e (less "
        "biomass burnt, and so less biogenic CO2 to capture) but lower peak power and costs.",
        unit="%",
        min=0.0,
        max=20.0,
        step=1.0,
        reference=0.0,
        sector=ELECTRICITY_HEAT,
        control="delad",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Inga nya beslut: energianvändning som 2024",
        reference_note_en="No new decisions: energy use as in 2024",
        path="hold",
        effect="cut",
        parts=(PART_HEATING, PART_DISTRICT_HEATING, PART_BECCS_PLANT),
        also_acts_on=(HEATING, "BECCS"),  # less biomass burnt, less to capture
        max_reason_sv="Cirka 3 % per år i befintliga byggnader är mycket: högst 20 % på sex "
        "år (antagande).",
        max_reason_en="About 3 % a year in existing buildings is a lot: at most 20 % in six "
        "years (assumption).",
    ),
    LeverSpec(
        id="fossilfri_industri",
        group="energi",
        label_sv="Fossilfri energi i industrin till 2030",
        label_en="Fossil-free energy in industry by 2030",
        help_sv="Andel av industrins fossila bränslen som är borta 2030. Processutsläpp "
        "(från råvaror, inte bränslen) ingår inte och visas bredvid målet.",
        help_en="Share of industry's fossil fuels gone by 2030. Process emissions (from raw "
        "materials, not fuel) are not included and are shown beside the goal.",
        unit="%",
        min=0.0,
        max=80.0,
        step=5.0,
        reference=0.0,
        sector=INDUSTRY,
        control="naringsliv_hushall",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Inga nya beslut: som 2024",
        reference_note_en="No new decisions: as in 2024",
        path="hold",
        effect="remaining",
        parts=(PART_INDUSTRY_FUEL,),
        max_reason_sv="Industrins pannor och ugnar byts eller byggs om under flera år: högst "
        "80 % 2030 (antagande).",
        max_reason_en="Industry's boilers and furnaces are replaced or rebuilt over several "
        "years: at most 80 % by 2030 (assumption).",
        continues=True,
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
        min=-15.0,
        max=10.0,
        step=1.0,
        reference=0.0,
        sector=AGRICULTURE,
        control="naringsliv_hushall",
        source_id="vaxjo_klimatkontrakt",
        reference_note_sv="Inga nya beslut: djurantal som 2024",
        reference_note_en="No new decisions: livestock as in 2024",
        path="hold",
        effect="change",
        parts=(PART_RUMINANTS,),
        lower_is_better=True,
        max_reason_sv="Antalet nötkreatur i Sverige har ändrats med högst några procent per "
        "år: −15 % på sex år vore snabbare än på decennier (antagande).",
        max_reason_en="The number of cattle in Sweden has changed by at most a few per cent a "
        "year: −15 % in six years would be faster than in decades (assumption).",
        max_source_id="jordbruksverket_husdjur",
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
        max=15.0,
        step=1.0,
        reference=0.0,
        sector=AGRICULTURE,
        control="delad",
        source_id="klimatscenarier_antagande",
        reference_note_sv="Inga nya beslut: som 2024",
        reference_note_en="No new decisions: as in 2024",
        path="hold",
        effect="cut",
        parts=(PART_SOILS,),
        max_reason_sv="Åtgärderna når en del av gårdarna och minskar lustgas och metan med "
        "en bråkdel: högst 15 % 2030 (antagande).",
        max_reason_en="The measures reach part of the farms and cut nitrous oxide and methane "
        "by a fraction: at most 15 % by 2030 (assumption).",
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
        max=60.0,
        step=5.0,
        reference=30.0,
        sector=WASTE,
        control="kommun",
        source_id="ned_2025",
        reference_note_sv="Trenden 2015–2024 (cirka −6 % per år) fortsätter",
        reference_note_en="The 2015–2024 trend (about −6 % a year) continues",
        path="exponential",
        effect="remaining",
        parts=(PART_WASTE,),
        max_reason_sv="Deponigas bildas i decennier och gasuppsamling fångar bara en del: "
        "högst 60 % lägre 2030 (antagande).",
        max_reason_en="Landfill gas forms for decades and gas collection catches only part of "
        "it: at most 60 % lower by 2030 (assumption).",
        continues=True,
    ),
    LeverSpec(
        id="produkter_fgaser",
        group="avfall",
        label_sv="Minskade utsläpp från lösningsmedel och F-gaser till 2030",
        label_en="Lower emissions from solvents and F-gases by 2030",
        help_sv="Minskning av utsläppen från produktanvändning: lösningsmedel, köldmedier "
        "(F-gaser) och andra produkter, utöver EU:s utfasning av F-gaser som redan ingår "
        "i referensen.",
        help_en="Reduction of emissions from product use: solvents, refrigerants (F-gases) "
        "and other products, beyond the EU's F-gas phase-down already in the reference.",
        unit="%",
        min=0.0,
        max=50.0,
        step=5.0,
        reference=0.0,
        sector=PRODUCTS,
        control="delad",
        source_id="klimatscenarier_antagande",
        reference_note_sv="EU:s F-gasförordning (2024/573) fasar ut F-gaserna till 2050; "
        "lösningsmedel som 2024",
        reference_note_en="The EU F-gas Regulation (2024/573) phases F-gases out by 2050; "
        "solvents as in 2024",
        path="hold",
        effect="remaining",
        parts=(PART_PRODUCTS,),
        max_reason_sv="Lösningsmedel finns i färg, rengöring och industri och byts produkt för "
        "produkt: högst hälften 2030 (antagande).",
        max_reason_en="Solvents are in paint, cleaning and industry and are replaced product "
        "by product: at most half by 2030 (assumption).",
    ),
    LeverSpec(
        id="beccs_kt",
        group="beccs",
        label_sv="Infångningskapacitet för biogen koldioxid (BECCS)",
        label_en="Capture capacity for biogenic CO2 (BECCS)",
        help_sv="Koldioxid från förbränning av biobränsle i kraftvärmeverket som fångas in "
        "och lagras: negativa utsläpp. Infångat = anläggningens biogena CO2 (minskar när "
        "värmebehovet minskar) × infångningsgrad (högst 90 %) × tillgänglighet, med "
        "upptrappning de första åren. Räknas aldrig mot fossilbränslefritt.",
        help_en="CO2 from burning biomass in the combined heat and power plant that is "
        "captured and stored: negative emissions. Captured = the plant's biogenic CO2 "
        "(falling when heat demand falls) × capture rate (at most 90 %) × availability, "
        "ramping up over the first years. Never counts towards fossil-fuel-free.",
        unit="kt CO2/år",
        min=0.0,
        max=200.0,
        step=1.0,
        reference=0.0,
        sector="BECCS",
        control="delad",
        source_id="vaxjo_energi_beccs",
        reference_note_sv="Inget beslut om BECCS: ingen infångning",
        reference_note_en="No decision on BECCS: no capture",
        path="fixed",
        effect="beccs_capacity",
        max_reason_sv="Högst 90 % av anläggningens biogena koldioxid gånger tillgängligheten "
        "(parametrar beccs_*); utan anläggning 0.",
        max_reason_en="At most 90 % of the plant's biogenic CO2 times its availability "
        "(parameters beccs_*); without a plant 0.",
        max_source_id="stockholm_exergi_beccs",
    ),
    LeverSpec(
        id="beccs_start",
        group="beccs",
        label_sv="Startår för BECCS",
        label_en="Start year for BECCS",
        help_sv="Första driftåret; infångningen trappas upp under tre år. Tidigast 2030.",
        help_en="First year of operation; capture ramps up over three years. 2030 at the "
        "earliest.",
        unit="år",
        min=2030.0,
        max=2045.0,
        step=1.0,
        reference=2030.0,
        sector="BECCS",
        control="delad",
        source_id="vaxjo_energi_beccs",
        reference_note_sv="Tidigaste möjliga start",
        reference_note_en="Earliest possible start",
        path="fixed",
        effect="beccs_start_year",
        lower_is_better=True,
        max_reason_sv="Stockholm Exergi beslutade 2025 och räknar med drift 2028, tre år "
        "senare; en anläggning utan beslut 2026 kan tidigast vara igång 2030.",
        max_reason_en="Stockholm Exergi decided in 2025 and expects operation in 2028, three "
        "years later; a plant without a decision in 2026 can run in 2030 at the earliest.",
        max_source_id="stockholm_exergi_beccs",
    ),
)

LEVERS_BY_ID: dict[str, LeverSpec] = {spec.id: spec for spec in LEVER_SPECS}
# Levers where a lower value lowers emissions.
LOWER_IS_BETTER = frozenset(spec.id for spec in LEVER_SPECS if spec.lower_is_better)


@cache
def lever_with_effect(effect: Effect) -> LeverSpec:
    """The one lever with an effect that only one lever may have (an obligation, BECCS)."""
    found = [spec for spec in LEVER_SPECS if spec.effect == effect]
    if len(found) != 1:
        raise ValueError(f"{len(found)} levers have the effect {effect!r}; the model needs one.")
    return found[0]


_T = TypeVar("_T")


def _lever_fields(cls: type[_T]) -> type[_T]:
    """Make a class the dataclass of lever values: one float field per LEVER_SPECS entry, in
    the registry's order, defaulting to the lever's reference (frozen, so hashable)."""
    cls.__annotations__ = {spec.id: "float" for spec in LEVER_SPECS}
    for spec in LEVER_SPECS:
        setattr(cls, spec.id, spec.reference)
    return dataclass(frozen=True)(cls)


@_lever_fields
class Levers:
    """One value per lever, in the lever's own unit (the same units the CLI's --set takes).

    The fields are LEVER_SPECS, generated: adding a lever to the registry adds its field
    (with the reference as default), so links, saved scenarios and the CLI know it at once.
    """

    if TYPE_CHECKING:  # the generated fields, for type checkers: every lever is a float
        def __init__(self, **values: float) -> None: ...

        def __getattr__(self, lever_id: str) -> float: ...

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
        return {k: (mine[k], theirs[k]) for k in differing(mine, theirs)}


def _differs(first: Mapping[str, float], second: Mapping[str, float], lever_id: str) -> bool:
    """The one comparison: a lever differs when one side lacks it or the values are more
    than LEVER_TOLERANCE apart (a slider's float round trip is the same setting)."""
    return (lever_id not in first or lever_id not in second
            or abs(float(first[lever_id]) - float(second[lever_id])) > LEVER_TOLERANCE)


def differing(values: Mapping[str, float], target: Mapping[str, float]) -> tuple[str, ...]:
    """The ids of target's levers whose value in values differs from target's (the sidebar's
    groups, the preset captions, the pages). A lever missing from values differs (a
    scenario saved before the lever existed)."""
    return tuple(k for k in target if _differs(values, target, k))


def levers_differing(a: Levers | Mapping[str, float], b: Levers | Mapping[str, float],
                     lever_ids: Iterable[str] | None = None) -> int:
    """How many levers differ between two settings: the one count behind every "n levers
    moved" (the app, its exports and texts).

    Either setting may be a Levers or a mapping lever id → value (a saved scenario, a preset,
    the sliders' values). A lever one of them lacks counts as differing. Given lever_ids (a
    group's levers, say), only those count; else every lever of the registry that either
    setting has.
    """
    first = a.as_dict() if isinstance(a, Levers) else a
    second = b.as_dict() if isinstance(b, Levers) else b
    ids = (lever_ids if lever_ids is not None
           else [s.id for s in LEVER_SPECS if s.id in first or s.id in second])
    return sum(_differs(first, second, k) for k in ids)


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
