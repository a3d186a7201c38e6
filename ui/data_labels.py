"""Labels for the data page's codes, in the page's language.

The CSV tables keep short Swedish codes (units "bilar", kinds "fakta", releases as the
publisher names them) and internal parameter ids (``car_fleet_total``); the English page
showed them as they are. Here they become words in either language. A code not listed
falls back to itself (a new row is never hidden), with underscores as spaces.
"""

from __future__ import annotations

from model.sectors import SECTOR_LABELS, SECTORS

UNITS: dict[str, dict[str, str]] = {
    "bilar": {"sv": "bilar", "en": "cars"},
    "andel": {"sv": "andel", "en": "share"},
    "andel per år": {"sv": "andel per år", "en": "share per year"},
    "år": {"sv": "år", "en": "year"},
    "flagga": {"sv": "1 = ja", "en": "1 = yes"},
    "kg CO2/l": {"sv": "kg CO2/l", "en": "kg CO2/l"},
    "kt CO2/år": {"sv": "kt CO2/år", "en": "kt CO2/yr"},
    "Mkr": {"sv": "Mkr", "en": "SEK m"},
    "kvot": {"sv": "kvot", "en": "ratio"},
    "fordon": {"sv": "fordon", "en": "vehicles"},
}
KINDS: dict[str, dict[str, str]] = {
    "fakta": {"sv": "fakta", "en": "fact"},
    "antagande": {"sv": "antagande", "en": "assumption"},
    "uppskattning": {"sv": "uppskattning", "en": "estimate"},
    "statistik": {"sv": "statistik", "en": "statistics"},
    "beslut": {"sv": "beslut", "en": "decision"},
    "kommunens uppgift": {"sv": "kommunens uppgift", "en": "the municipality's figure"},
}
# Releases as data/sources.csv names them (Swedish); the English page's words for them.
RELEASES_EN: dict[str, str] = {
    "Publicering med data till 2024": "Release with data to 2024",
    "Publicering med data till 2023": "Release with data to 2023",
    "Länsrapport 2024-04-18, data till 2022": "County report 2024-04-18, data to 2022",
    "2023 och 2024": "2023 and 2024",
    "Fordon i län och kommuner 2025": "Vehicles in counties and municipalities 2025",
    "Fordon 2019–2025": "Vehicles 2019–2025",
    "Nivåer 2018–2025; 6 % 2024, 10 % från 1 juli 2025":
        "Levels 2018–2025; 6% in 2024, 10% from 1 July 2025",
    "Bensin 2,36 kg/l, diesel 2,54 kg/l": "Petrol 2.36 kg/l, diesel 2.54 kg/l",
    "Version 2025–2026 (kommunens egen inventering, basår 1993)":
        "Version 2025–2026 (the municipality's own inventory, base year 1993)",
    "Uppskattningar: 180–200 kt CO2/år, cirka 1 miljard kr, tidigast cirka 2027–2030":
        "Estimates: 180–200 kt CO2/yr, about SEK 1 billion, 2027–2030 at the earliest",
    "Modellversion 1": "Model version 1",
    "Körsträckor 2018–2020: personbil cirka 1 200 mil, tung lastbil cirka 4 000 mil, lätt "
    "lastbil cirka 1 370 mil, buss cirka 4 950 mil per år":
        "Distances 2018–2020: car about 12,000 km, heavy truck about 40,000 km, light truck "
        "about 13,700 km, bus about 49,500 km a year",
    "Tabell efter National Inventory Report 2021": "Table after the National Inventory "
                                                   "Report 2021",
    "December 2019": "December 2019",
    "Förordning 2016:836 med ändringar": "Ordinance 2016:836 as amended",
    "Räkneexempel": "Worked example",
    "Granskad 4 oktober 2024": "Reviewed 4 October 2024",
    "Energiläget 2023": "Energy in Sweden 2023",
    "Projektet 2014–2023": "The project 2014–2023",
    "Förslaget 'Första, andra, tredje'; första auktionen 2025 (Stockholm Exergi: 20 "
    "miljarder kr för 800 kt per år i 15 år)":
        "The proposal 'First, second, third'; first auction 2025 (Stockholm Exergi: "
        "SEK 20 billion for 800 kt a year for 15 years)",
    "Uppskattningar: 180–200 kt CO2/år, cirka 1 miljard kr, tidigast cirka 2027–2030 "
    "(modellen räknar med tidigast 2030 och en kostnad som Stockholm Exergis, se "
    "stockholm_exergi_beccs)":
        "Estimates: 180–200 kt CO2/yr, about SEK 1 billion, 2027–2030 at the earliest (the "
        "model assumes 2030 at the earliest and a cost like Stockholm Exergi's, see "
        "stockholm_exergi_beccs)",
    "Publiceringarna med data till 2023 och till 2024": "The releases with data to 2023 and "
                                                        "to 2024",
    "Juni 2022": "June 2022",
    "Befolkningsframskrivning 2024–2070": "Population projection 2024–2070",
    "Basprognos 2024": "Base forecast 2024",
    "Beslutad 2021": "Decided 2021",
    "Beslutat 2017": "Decided 2017",
    "Drivmedel 2022–2023": "Fuels 2022–2023",
    "SFS 2011:319 med ändringar": "SFS 2011:319 as amended",
    "Fordon 2023; Hur gamla är olika typer av vägfordon? (2024-02-24)":
        "Vehicles 2023; How old are different types of road vehicles? (2024-02-24)",
    "Bilsalget 2025": "Car sales 2025",
    "Pressmeddelanden 2020–2023": "Press releases 2020–2023",
    "Utvärderingar 2006–2016": "Evaluations 2006–2016",
    "Husdjur i juni": "Livestock in June",
    "Investeringsbeslut 2025": "Investment decision 2025",
    "Miljöprogram; Klimatkontrakt 2030 version 2025–2026":
        "Environmental programme; Klimatkontrakt 2030 version 2025–2026",
}

_SUBSECTORS: dict[str, dict[str, str]] = {
    "personbilar": {"sv": "personbilar", "en": "cars"},
    "bussar": {"sv": "bussar", "en": "buses"},
    "lätta_lastbilar": {"sv": "lätta lastbilar", "en": "light trucks"},
    "tunga_lastbilar": {"sv": "tunga lastbilar", "en": "heavy trucks"},
    "inrikes_flygtrafik": {"sv": "inrikes flyg", "en": "domestic aviation"},
    "övriga": {"sv": "övriga transporter", "en": "other transport"},
    "övriga_transporter": {"sv": "övriga transporter", "en": "other transport"},
    "arbetsmaskiner": {"sv": "arbetsmaskiner", "en": "working machinery"},
}
_FUELS: dict[str, dict[str, str]] = {
    "total": {"sv": "alla", "en": "all"}, "petrol": {"sv": "bensin", "en": "petrol"},
    "diesel": {"sv": "diesel", "en": "diesel"}, "ethanol": {"sv": "etanol", "en": "ethanol"},
    "gas": {"sv": "gas", "en": "gas"}, "hybrid": {"sv": "elhybrider", "en": "hybrids"},
    "phev": {"sv": "laddhybrider", "en": "plug-in hybrids"},
    "bev": {"sv": "elbilar", "en": "battery-electric"},
    "year": {"sv": "år för räkningen", "en": "year counted"},
}
_SINGLE: dict[str, dict[str, str]] = {
    "beccs_capex_msek": {"sv": "BECCS: investering", "en": "BECCS: investment"},
    "beccs_capture_high_kt": {"sv": "BECCS: infångning, hög", "en": "BECCS: capture, high"},
    "beccs_capture_low_kt": {"sv": "BECCS: infångning, låg", "en": "BECCS: capture, low"},
    "beccs_earliest_start": {"sv": "BECCS: tidigaste start", "en": "BECCS: earliest start"},
    "beccs_potential_kt": {"sv": "BECCS: potential", "en": "BECCS: potential"},
    "ef_diesel_kg_per_l": {"sv": "Utsläppsfaktor diesel", "en": "Emission factor diesel"},
    "climate_contract_2030": {"sv": "Kommun med Klimatkontrakt 2030 (klimatneutral 2030)",
                              "en": "Municipality with a Climate City Contract 2030 "
                                    "(climate-neutral 2030)"},
    "goal_fossil_free_2030": {"sv": "Kommunens mål: fossilbränslefritt 2030",
                              "en": "Own goal: fossil-fuel free 2030"},
    "ef_petrol_kg_per_l": {"sv": "Utsläppsfaktor bensin", "en": "Emission factor petrol"},
    "fleet_renewal_rate": {"sv": "Bilparkens förnyelse per år",
                           "en": "Car fleet renewal a year"},
    "new_car_bev_share": {"sv": "Nya bilar: andel elbilar", "en": "New cars: battery-electric "
                                                                  "share"},
    "new_car_phev_share": {"sv": "Nya bilar: andel laddhybrider",
                           "en": "New cars: plug-in hybrid share"},
    "new_cars_2025": {"sv": "Nya bilar 2025", "en": "New cars 2025"},
    "phev_electric_share": {"sv": "Laddhybrider: andel på el", "en": "Plug-in hybrids: share "
                                                                     "on electricity"},
    "ruminant_share_of_agriculture": {"sv": "Idisslare: andel av jordbrukets utsläpp",
                                      "en": "Ruminants: share of agriculture's emissions"},
    # BECCS
    "beccs_availability": {"sv": "BECCS: tillgänglighet", "en": "BECCS: availability"},
    "beccs_biogenic_co2_kt": {"sv": "BECCS: biogen koldioxid från verket",
                              "en": "BECCS: biogenic CO2 from the plant"},
    "beccs_capture_rate_max": {"sv": "BECCS: högsta infångningsgrad",
                               "en": "BECCS: highest capture rate"},
    "beccs_rampup_years": {"sv": "BECCS: år till full infångning",
                           "en": "BECCS: years to full capture"},
    # Biofuels
    "biofuel_saving_diesel": {"sv": "Biodrivmedel i diesel: minskning mot fossil diesel",
                              "en": "Biofuel in diesel: cut against fossil diesel"},
    "biofuel_saving_petrol": {"sv": "Biodrivmedel i bensin: minskning mot fossil bensin",
                              "en": "Biofuel in petrol: cut against fossil petrol"},
    "blend_limit_diesel_energy": {"sv": "Högsta andel biodrivmedel i diesel",
                                  "en": "Highest biofuel share in diesel"},
    "blend_limit_petrol_energy": {"sv": "Högsta andel biodrivmedel i bensin",
                                  "en": "Highest biofuel share in petrol"},
    # Vehicle fleets: lifetimes, renewal, distances
    "car_lifetime_years": {"sv": "Personbilar: livslängd", "en": "Cars: lifetime"},
    "car_mileage_ratio_new": {"sv": "Nya personbilar: körsträcka mot genomsnittet",
                              "en": "New cars: distance against the average"},
    "heavy_fleet_el": {"sv": "Tunga lastbilar: eldrivna i trafik",
                       "en": "Heavy trucks: electric in traffic"},
    "heavy_fleet_total": {"sv": "Tunga lastbilar i trafik", "en": "Heavy trucks in traffic"},
    "heavy_lifetime_years": {"sv": "Tunga lastbilar: livslängd", "en": "Heavy trucks: lifetime"},
    "heavy_mileage_ratio_new": {"sv": "Nya tunga lastbilar: körsträcka mot genomsnittet",
                                "en": "New heavy trucks: distance against the average"},
    "heavy_renewal_rate": {"sv": "Tunga lastbilar: förnyelse per år",
                           "en": "Heavy trucks: renewal a year"},
    "new_heavy_ze_share": {"sv": "Nya tunga lastbilar: andel eldrivna",
                           "en": "New heavy trucks: electric share"},
    "new_van_ze_share": {"sv": "Nya lätta lastbilar: andel eldrivna",
                         "en": "New light trucks: electric share"},
    "van_fleet_el": {"sv": "Lätta lastbilar: eldrivna i trafik",
                     "en": "Light trucks: electric in traffic"},
    "van_fleet_total": {"sv": "Lätta lastbilar i trafik", "en": "Light trucks in traffic"},
    "van_lifetime_years": {"sv": "Lätta lastbilar: livslängd", "en": "Light trucks: lifetime"},
    "van_mileage_ratio_new": {"sv": "Nya lätta lastbilar: körsträcka mot genomsnittet",
                              "en": "New light trucks: distance against the average"},
    "van_renewal_rate": {"sv": "Lätta lastbilar: förnyelse per år",
                         "en": "Light trucks: renewal a year"},
    # The municipality's own diesel (its own decisions)
    "own_share_heavy_diesel": {"sv": "Kommunens andel av de tunga lastbilarnas diesel",
                               "en": "The municipality's share of heavy trucks' diesel"},
    "own_share_light_diesel": {"sv": "Kommunens andel av de lätta lastbilarnas diesel",
                               "en": "The municipality's share of light trucks' diesel"},
    "own_share_machinery_diesel": {"sv": "Kommunens andel av arbetsmaskinernas diesel",
                                   "en": "The municipality's share of machinery diesel"},
    # Other
    "fgas_phaseout_year": {"sv": "F-gaser: år då de är borta", "en": "F-gases: year phased out"},
    "industry_process_share": {"sv": "Industrins processutsläpp: andel av dess CO2",
                               "en": "Industry's process emissions: share of its CO2"},
    "population_growth_trend": {"sv": "Befolkningens tillväxt per år",
                                "en": "Population growth a year"},
}
_PATTERNS: dict[str, dict[str, str]] = {
    "car_fleet_": {"sv": "Bilparken: {x}", "en": "Car fleet: {x}"},
    "co2_share_": {"sv": "Andel CO2: {x}", "en": "CO2 share: {x}"},
    "diesel_share_": {"sv": "Andel diesel: {x}", "en": "Diesel share: {x}"},
    "transport_split_": {"sv": "Transporternas fördelning: {x}", "en": "Transport split: {x}"},
    "new_car_rechargeable_share_": {"sv": "Nya bilar: andel laddbara {x}",
                                    "en": "New cars: rechargeable share {x}"},
}


def _sector_word(code: str, lang: str) -> str | None:
    """'egen_uppvärmning' → the sector's label ('Own heating of buildings')."""
    for sector in SECTORS:
        if sector.lower().split(" (")[0].replace(" ", "_") == code or \
                SECTOR_LABELS["sv"][sector].lower().replace(" ", "_") == code:
            return SECTOR_LABELS[lang][sector]
    return None


def parameter_label(parameter_id: str, lang: str) -> str:
    """A parameter's name in words; unknown ids as they are, underscores as spaces."""
    if parameter_id in _SINGLE:
        return _SINGLE[parameter_id][lang]
    for prefix, template in _PATTERNS.items():
        if parameter_id.startswith(prefix):
            rest = parameter_id.removeprefix(prefix)
            word = (_FUELS.get(rest, {}).get(lang) or _SUBSECTORS.get(rest, {}).get(lang)
                    or _sector_word(rest, lang) or rest.replace("_", " "))
            return template[lang].format(x=word)
    return parameter_id.replace("_", " ").capitalize()


def has_label(parameter_id: str) -> bool:
    """Whether the id has words of its own (not the fallback): every parameter the data page
    shows must, in both languages (tests/test_data_labels.py)."""
    if parameter_id in _SINGLE:
        return True
    for prefix in _PATTERNS:
        if parameter_id.startswith(prefix):
            rest = parameter_id.removeprefix(prefix)
            return (rest in _FUELS or rest in _SUBSECTORS or rest.isdigit()
                    or all(_sector_word(rest, lang) for lang in ("sv", "en")))
    return False


def unit_label(unit: str, lang: str) -> str:
    """A unit code in lang."""
    return UNITS.get(unit, {}).get(lang, unit)


# Publishers as data/sources.csv names them (Swedish); the English page's words for them.
PUBLISHERS_EN: dict[str, str] = {
    "Europaparlamentet och rådet": "European Parliament and Council",
    "Europeiska kommissionen / Viable Cities": "European Commission / Viable Cities",
    "Regeringen / riksdagen": "Swedish Government / Riksdag",
    "Riksdagen": "Riksdag",
    "Riksdagen / CEN": "Riksdag / CEN",
    "Riksdagen / Energimyndigheten": "Riksdag / Swedish Energy Agency",
    "Energimyndigheten": "Swedish Energy Agency",
    "Jordbruksverket": "Swedish Board of Agriculture",
    "Trafikverket": "Swedish Transport Administration",
    "Trafikverket / Transportstyrelsen":
        "Swedish Transport Administration / Swedish Transport Agency",
    "Boverket / BeBo": "Boverket (National Board of Housing) / BeBo",
    "Dalslands miljö- och energiförbund via Bengtsfors kommun":
        "Dalsland environment and energy association, via Bengtsfors municipality",
    "IVL Svenska Miljöinstitutet för Trafikverket":
        "IVL Swedish Environmental Research Institute, for the Swedish Transport Administration",
    "Växjö kommun": "Växjö municipality",
    "Växjö kommun / Viable Cities / statliga myndigheter":
        "Växjö municipality / Viable Cities / state agencies",
    "SMHI (jämförelse: Klimatscenarier)": "SMHI (comparison: Klimatscenarier)",
    "Drivkraft Sverige (tidigare SPBI)": "Drivkraft Sverige (formerly SPBI)",
    "Miljødirektoratet (Norge)": "Norwegian Environment Agency",
    "Volvo Lastvagnar / Scania": "Volvo Trucks / Scania",
    "Bil Sweden via Ny Teknik": "Bil Sweden, via Ny Teknik",
}


def publisher_label(publisher: str, lang: str) -> str:
    """A source's publisher as named in data/sources.csv, in English on the English page."""
    return PUBLISHERS_EN.get(publisher, publisher) if lang == "en" else publisher


def kind_label(kind: str, lang: str) -> str:
    """A kind code (fakta, antagande, …) in lang."""
    return KINDS.get(kind, {}).get(lang, kind)


def release_label(release: str, lang: str) -> str:
    """A source's release as named in data/sources.csv, in English on the English page."""
    return RELEASES_EN.get(release, release) if lang == "en" else release
