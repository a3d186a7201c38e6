"""Texts of the app frame, the scenario page and the data page."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"sv": "Klimatscenarier", "en": "Klimatscenarier (climate scenarios)"},
    "page_scenario": {"sv": "Scenario", "en": "Scenario"},
    "page_data": {"sv": "Data och metod", "en": "Data and method"},
    "language": {"sv": "Språk", "en": "Language"},
    "municipality": {"sv": "Kommun", "en": "Municipality"},
    "levers_heading": {"sv": "Spakar", "en": "Levers"},
    "levers_intro": {
        "sv": "Flytta spakarna: värdet gäller år 2030. Referensen är vägen utan nya lokala "
        "beslut.",
        "en": "Move the levers: the value applies to 2030. The reference is the path without "
        "new local decisions.",
    },
    "reset": {"sv": "Återställ till referens", "en": "Reset to reference"},
    "lever_help_reference": {"sv": "Referens: {value}. {note}", "en": "Reference: {value}. {note}"},
    "lever_help_control": {"sv": "Rådighet: {control}", "en": "Who controls it: {control}"},
    "lever_help_source": {"sv": "Källa: {source}", "en": "Source: {source}"},
    "levers_changed": {"sv": "{n} spakar ändrade från referensen", "en": "{n} levers changed "
                       "from the reference"},
    "levers_unchanged": {"sv": "Alla spakar på referens", "en": "All levers at reference"},
    "title": {"sv": "Klimatscenarier för {name}", "en": "Climate scenarios for {name}"},
    "intro": {
        "sv": "Utsläpp av växthusgaser i {name} enligt den officiella statistiken (SMHI, "
        "Nationella emissionsdatabasen) till {base_year}, och ditt scenario till 2050.",
        "en": "Greenhouse-gas emissions in {name} from the official statistics (SMHI, National "
        "emissions database) to {base_year}, and your scenario to 2050.",
    },
    "kpi_fossil_2030": {"sv": "Fossil CO2 år 2030", "en": "Fossil CO2 in 2030"},
    "kpi_fossil_2030_help": {
        "sv": "Fossil koldioxid år 2030 i scenariot. Förändringen är jämfört med "
        "referensscenariot.",
        "en": "Fossil carbon dioxide in 2030 in the scenario. The change is against the "
        "reference scenario.",
    },
    "kpi_budget_exhausted": {"sv": "Budgeten tar slut", "en": "Budget runs out"},
    "kpi_budget_help": {
        "sv": "När scenariots utsläpp sedan {start} har använt hela koldioxidbudgeten "
        "({budget}).",
        "en": "When the scenario's emissions since {start} have used the whole carbon budget "
        "({budget}).",
    },
    "not_by_2050": {"sv": "Inte före 2050", "en": "Not by 2050"},
    "kpi_needed_rate": {"sv": "Krävd minskning per år", "en": "Reduction needed a year"},
    "kpi_needed_rate_help": {
        "sv": "Den konstanta årliga minskning från {year} som håller utsläppen inom det som "
        "återstår av budgeten ({remaining}).",
        "en": "The constant yearly reduction from {year} that keeps emissions within what is "
        "left of the budget ({remaining}).",
    },
    "kpi_change_1990": {"sv": "Förändring 1990–2030", "en": "Change 1990–2030"},
    "kpi_change_1990_help": {
        "sv": "Växthusgaser 2030 i scenariot jämfört med 1990 (NED).",
        "en": "Greenhouse gases in 2030 in the scenario compared with 1990 (NED).",
    },
    "kpi_per_capita": {"sv": "Per invånare 2030", "en": "Per inhabitant 2030"},
    "kpi_per_capita_help": {
        "sv": "Växthusgaser per invånare 2030; befolkningen växer som 2023–2024 (SCB).",
        "en": "Greenhouse gases per inhabitant in 2030; population grows as in 2023–2024 (SCB).",
    },
    "vs_reference": {"sv": "mot referens", "en": "vs reference"},
    "percentage_points": {"sv": "procentenheter", "en": "pp"},
    "years_unit": {"sv": "år", "en": "yr"},
    "own_figures_heading": {"sv": "Kommunens egna siffror", "en": "The municipality's own figures"},
    "own_figures": {
        "sv": "Kommunens egen inventering (Klimatkontrakt 2030) anger för {year}: "
        "{ghg} växthusgaser och {fossil} fossil CO2. NED: {ned_ghg} växthusgaser; modellens "
        "NED-baserade fossila CO2: {ned_fossil}.",
        "en": "The municipality's own inventory (Klimatkontrakt 2030) gives for {year}: "
        "{ghg} greenhouse gases and {fossil} fossil CO2. NED: {ned_ghg} greenhouse gases; the "
        "model's NED-based fossil CO2: {ned_fossil}.",
    },
    "own_figures_why": {
        "sv": "Skillnaden beror på metod: kommunen räknar fossil CO2 från sålt bränsle, NED "
        "fördelar nationell statistik geografiskt. Båda visas, ingen tvingas att stämma.",
        "en": "The difference is one of method: the municipality counts fossil CO2 from fuel "
        "sold, NED distributes national statistics geographically. Both are shown; neither is "
        "forced to match.",
    },
    "trajectory_heading": {"sv": "Utsläppsbana", "en": "Emissions trajectory"},
    "trajectory_caption": {
        "sv": "Staplade ytor: växthusgaser per sektor (kt CO2e). Till och med {base_year} "
        "statistik (NED), därefter scenario. Svart linje: nettoutsläpp med BECCS. "
        "Streckad linje: referensscenariot.",
        "en": "Stacked areas: greenhouse gases by sector (kt CO2e). Up to {base_year} "
        "statistics (NED), then scenario. Black line: net emissions with BECCS. Dashed line: "
        "the reference scenario.",
    },
    "marker_own": {"sv": "Kommunens egen siffra {year}", "en": "The municipality's own figure "
                   "{year}"},
    "marker_base": {"sv": "Kommunens basår {year} (beräknat ur klimatkontraktet)",
                    "en": "The municipality's base year {year} (derived from the contract)"},
    "trajectory_markers_caption": {
        "sv": "Romber: kommunens egna siffror ur klimatkontraktet (annan metod än NED).",
        "en": "Diamonds: the municipality's own figures from the climate contract (another "
        "method than NED).",
    },
    "per_capita_toggle": {"sv": "Per invånare", "en": "Per inhabitant"},
    "axis_year": {"sv": "År", "en": "Year"},
    "axis_kt": {"sv": "kt CO2e per år", "en": "kt CO2e per year"},
    "axis_per_capita": {"sv": "ton CO2e per invånare", "en": "tonnes CO2e per inhabitant"},
    "legend_sector": {"sv": "Sektor", "en": "Sector"},
    "series_net": {"sv": "Netto", "en": "Net"},
    "series_reference": {"sv": "Referens", "en": "Reference"},
    "series_beccs": {"sv": "BECCS (negativa utsläpp)", "en": "BECCS (negative emissions)"},
    "label_statistics": {"sv": "Statistik", "en": "Statistics"},
    "label_scenario": {"sv": "Scenario", "en": "Scenario"},
    "fossil_heading": {"sv": "Fossilbränslefritt 2030", "en": "Fossil-fuel free 2030"},
    "fossil_reached": {
        "sv": "Ja: scenariot når noll fossil CO2 år 2030.",
        "en": "Yes: the scenario reaches zero fossil CO2 in 2030.",
    },
    "fossil_not_reached": {
        "sv": "Nej: {left} fossil CO2 återstår år 2030.",
        "en": "No: {left} of fossil CO2 remain in 2030.",
    },
    "fossil_changes": {
        "sv": "Förändring av fossil CO2: {since_base} sedan {base_year} (modellens NED-baserade "
        "värde), {since_1990} sedan 1990 (NED).",
        "en": "Change in fossil CO2: {since_base} since {base_year} (the model's NED-based "
        "value), {since_1990} since 1990 (NED).",
    },
    "fossil_by_sector": {"sv": "Kvar år 2030 per sektor", "en": "Left in 2030 by sector"},
    "fossil_potentials": {
        "sv": "Spakarna som kan ta bort mest av det som är kvar",
        "en": "The levers that can remove most of what is left",
    },
    "fossil_potentials_note": {
        "sv": "Varje spak för sig, flyttad så långt det går. Spakarna samverkar "
        "(multiplikativt), så minskningarna kan inte läggas ihop.",
        "en": "Each lever on its own, moved as far as it goes. The levers interact "
        "(multiplicatively), so the reductions do not add up.",
    },
    "axis_fossil_t": {"sv": "ton fossil CO2 år 2030", "en": "tonnes fossil CO2 in 2030"},
    "budget_heading": {"sv": "Koldioxidbudget", "en": "Carbon budget"},
    "budget_size": {"sv": "Budget (kt CO2e)", "en": "Budget (kt CO2e)"},
    "budget_size_help": {
        "sv": "Standard: {default} från {start}. Källa: {source}.",
        "en": "Default: {default} from {start}. Source: {source}.",
    },
    "budget_estimate_note": {
        "sv": "Budgeten är en uppskattning: {note}",
        "en": "The budget is an estimate: {note}",
    },
    "budget_start": {"sv": "Budgetens startår", "en": "Budget start year"},
    "budget_count_beccs": {
        "sv": "Räkna BECCS-upptag mot budgeten",
        "en": "Count BECCS removals against the budget",
    },
    "budget_count_beccs_help": {
        "sv": "Av: budgeten jämförs med utsläppen. På: negativa utsläpp från BECCS dras av.",
        "en": "Off: the budget is compared with emissions. On: negative emissions from BECCS "
        "are subtracted.",
    },
    "budget_used": {"sv": "Använt {start}–{base_year}", "en": "Used {start}–{base_year}"},
    "budget_remaining": {"sv": "Kvar 1 januari {year}", "en": "Left on 1 January {year}"},
    "budget_summary": {
        "sv": "Scenariot använder budgeten till och med {when}. För att hålla budgeten krävs "
        "{rate} minskning per år från {year}.",
        "en": "The scenario uses the budget up to {when}. Staying within it takes a {rate} "
        "reduction per year from {year}.",
    },
    "budget_summary_never": {
        "sv": "Scenariot håller sig inom budgeten till 2050. Den nödvändiga takten från {year} "
        "är {rate} minskning per år.",
        "en": "The scenario stays within the budget to 2050. The pace needed from {year} is a "
        "{rate} reduction per year.",
    },
    "budget_already_used": {
        "sv": "Budgeten var redan slut vid utgången av {base_year}.",
        "en": "The budget was already used up by the end of {base_year}.",
    },
    "axis_cumulative": {"sv": "Kumulativa utsläpp (kt CO2e)", "en": "Cumulative emissions "
                        "(kt CO2e)"},
    "series_budget": {"sv": "Budget", "en": "Budget"},
    "series_cumulative": {"sv": "Scenario, kumulativt", "en": "Scenario, cumulative"},
    "error_budget": {"sv": "Budgeten kunde inte användas: {message}", "en": "The budget could "
                     "not be used: {message}"},
    "data_error": {
        "sv": "Data kunde inte läsas: {message}. Appen visar ingenting hellre än fel siffror.",
        "en": "Data could not be read: {message}. The app shows nothing rather than wrong "
        "figures.",
    },
    "data_title": {"sv": "Data och metod", "en": "Data and method"},
    "data_intro": {
        "sv": "Varje siffra i appen kommer från en tabell här eller från en spak. Tabellerna "
        "finns som CSV-filer i projektets katalog data/ och läses in i en DuckDB-databas.",
        "en": "Every number in the app comes from a table here or from a lever. The tables are "
        "CSV files in the project's data/ folder and are loaded into a DuckDB database.",
    },
    "data_sources_heading": {"sv": "Källor", "en": "Sources"},
    "data_tables_heading": {"sv": "Tabeller", "en": "Tables"},
    "data_levers_heading": {"sv": "Spakar, referensvärden och källor",
                            "en": "Levers, reference values and sources"},
    "data_method_heading": {"sv": "Modellen i ord", "en": "The model in words"},
    "data_check_heading": {"sv": "Kontroll mot statistiken", "en": "Check against the statistics"},
    "data_check": {
        "sv": "Med reduktionsplikten på 2023 års nivå ({petrol} % bensin, {diesel} % diesel) "
        "ger modellen för {year} transporter {transport} och arbetsmaskiner {machinery}. "
        "Statistiken för {compared}: {transport_stat} och {machinery_stat} "
        "(avvikelse {transport_dev} och {machinery_dev}). Modellen förklarar alltså hoppet "
        "2023–2024 med den sänkta inblandningen.",
        "en": "With the reduction obligation at its 2023 level ({petrol} % petrol, {diesel} % "
        "diesel) the model gives for {year} transport {transport} and machinery {machinery}. "
        "The statistics for {compared}: {transport_stat} and {machinery_stat} (deviation "
        "{transport_dev} and {machinery_dev}). So the model explains the 2023–2024 jump by the "
        "lower blend.",
    },
    "data_assumptions_heading": {"sv": "Parametrar och antaganden", "en": "Parameters and "
                                 "assumptions"},
    "col_lever": {"sv": "Spak", "en": "Lever"},
    "col_unit": {"sv": "Enhet", "en": "Unit"},
    "col_range": {"sv": "Intervall", "en": "Range"},
    "col_reference": {"sv": "Referens", "en": "Reference"},
    "col_reference_note": {"sv": "Varför", "en": "Why"},
    "col_sector": {"sv": "Verkar på", "en": "Acts on"},
    "col_control": {"sv": "Rådighet", "en": "Who controls it"},
    "col_source": {"sv": "Källa", "en": "Source"},
    "col_table": {"sv": "Tabell", "en": "Table"},
    "col_rows": {"sv": "Rader", "en": "Rows"},
    "col_content": {"sv": "Innehåll", "en": "Content"},
    "col_title": {"sv": "Titel", "en": "Title"},
    "col_publisher": {"sv": "Utgivare", "en": "Publisher"},
    "col_release": {"sv": "Publicering", "en": "Release"},
    "col_reference_link": {"sv": "Referens", "en": "Reference"},
    "col_kind": {"sv": "Typ", "en": "Kind"},
    "col_parameter": {"sv": "Parameter", "en": "Parameter"},
    "col_value": {"sv": "Värde", "en": "Value"},
    "col_note": {"sv": "Kommentar", "en": "Note"},
}

TABLE_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "uncertainty": {"sv": "Osäkra indata: fördelning, intervall, källa och skäl (osäkerheten)",
                    "en": "Uncertain inputs: distribution, range, source and reason (uncertainty)"},
    "ned_revisions": {"sv": "NED:s revideringar per sektor mellan publiceringarna 2025 och 2026",
                      "en": "NED's revisions by sector between the 2025 and 2026 releases"},
    "ned_ghg": {"sv": "Växthusgaser per kommun, år och huvudsektor (t CO2e)",
                "en": "Greenhouse gases by municipality, year and main sector (t CO2e)"},
    "ned_co2_subsector": {"sv": "Fossil CO2 per huvud- och undersektor (t CO2)",
                          "en": "Fossil CO2 by main and sub-sector (t CO2)"},
    "population": {"sv": "Folkmängd 31 december", "en": "Population on 31 December"},
    "parameters": {"sv": "Parametrar: fordonsparker och förnyelse, biodrivmedel, andelar, BECCS",
                   "en": "Parameters: vehicle fleets and renewal, biofuels, shares, BECCS"},
    "vehicle_fleet": {"sv": "Fordon i trafik vid slutet av 2025 per kommun, fordonsslag och "
                      "drivmedel (Trafikanalys)",
                      "en": "Vehicles in traffic at the end of 2025 by municipality, vehicle "
                      "type and fuel (Trafikanalys)"},
    "reduktionsplikt": {"sv": "Reduktionspliktens nivåer per år",
                        "en": "Reduction obligation levels by year"},
    "budget": {"sv": "Koldioxidbudget per kommun", "en": "Carbon budget by municipality"},
    "municipalities": {"sv": "Kommuner", "en": "Municipalities"},
    "municipality_reported": {"sv": "Kommunens egna siffror (klimatkontraktet)",
                              "en": "The municipality's own figures (climate contract)"},
    "sources": {"sv": "Källor", "en": "Sources"},
    "presets": {"sv": "Förinställda scenarier: spakvärden med motivering",
                "en": "Preset scenarios: lever values with reasons"},
    "preset_descriptions": {"sv": "Förinställda scenarier: namn och motivering",
                            "en": "Preset scenarios: names and rationale"},
    "costs": {"sv": "Kostnader per spak: investering och drift med låg–hög nivå och källor",
              "en": "Costs per lever: investment and operation with low–high levels and sources"},
    "cost_parameters": {"sv": "Kostnadsparametrar: enhetskostnader, livslängder, priser",
                        "en": "Cost parameters: unit costs, lifetimes, prices"},
    "new_cars": {"sv": "Nyregistrerade personbilar per kommun och drivmedel 2025",
                 "en": "Newly registered cars by municipality and fuel, 2025"},
}

METHOD_TEXT: dict[str, str] = {
    "sv": """
**Utgångspunkt.** Scenariot börjar i det senaste statistikåret ({base_year}) med SMHI:s
växthusgaser per huvudsektor. Referensspakarna återskapar det året exakt, sektor för sektor.

**Utsläpp = aktivitet × energiintensitet × fossil andel.** Varje del av en sektor är
basårets utsläpp gånger faktorer som spakarna styr. Faktorerna multipliceras, så 100 %
elbilar och 100 % biodrivmedel kan inte ta bort samma ton två gånger.

- *Transporter* delas i personbilar, tunga och lätta lastbilar, bussar, flyg och övrigt efter
  senaste årets CO2 per undersektor (justerat för reduktionspliktens förändring sedan dess).
  Bilar: biltrafik × (1 − elandel av körningen) × fossil andel av bränslet. Lastbilar:
  (1 − elandel av körningen) × fossil andel.
- *Fordonsparker som förnyas.* Bilar, lätta och tunga lastbilar är bestånd (Trafikanalys,
  slutet av 2025). Spaken är elandelen av **nya** fordon; varje år byts en andel av parken
  (bilar 4,5–5,6 %, lastbilar cirka 7 %), och elfordon som såldes för en livslängd sedan
  (bilar 18 år) lämnar den. Unga fordon kör längre, så elandelen av körningen väger elfordonen
  tyngre. Elandelen av körningen kan därför inte hoppa: även om alla nya bilar är elbilar
  från 2026 går högst omkring en tredjedel av bilkörningen på el 2030.
- *Reduktionsplikten* är en minskning av bränslets livscykelutsläpp i procent. Biodrivmedlets
  andel av energin = plikten / biodrivmedlets livscykelminskning (bensin 80 %, diesel 90 %),
  högst inblandningsgränsen; bränslets fossila andel är 1 − den andelen. HVO100 och biogas i
  kommunens egna och upphandlade fordon och maskiner är en egen spak, begränsad till den volym
  kommunen rår över.
- *Arbetsmaskiner*: (1 − fossilfri andel) × fossil andel av bränslet.
- *Egen uppvärmning* och *el och fjärrvärme*: den fossila resten minskar med utfasningen;
  metan och lustgas från biobränsle minskar bara med energieffektivisering.
- *Jordbruk*: idisslarna (cirka 60 %) följer djurantalet, mark och gödsel följer åtgärderna.
  Jordbrukets CO2 kommer från kalkning och räknas inte som fossil.
- *Avfall*, *produktanvändning* och *industri* minskar med sina spakar; F-gaserna fasas ut
  till 2050 enligt EU:s F-gasförordning redan i referensen. Industrins processutsläpp ändras
  inte av spaken för fossilfri energi.
- *BECCS* ger negativa utsläpp: infångat = min(kapacitet, anläggningens biogena CO2 × högst
  90 % × tillgänglighet), där den biogena CO2:n minskar när värmebehovet minskar, med tre års
  upptrappning från startåret (tidigast 2030). De ändrar inte sektorernas utsläpp.

**Spakar över tid och möjliga intervall.** Spakens värde är målet för 2030. Nya fordon: från
2025 års andel jämnt till spakens värde 2030, därefter EU:s krav (100 % utsläppsfria nya bilar
och lätta lastbilar 2035; tunga minst 65 % 2035 och 90 % 2040). Övriga spakar: skillnaden mot
referensvärdet fasas in linjärt från {base_year} (reduktionsplikten från det senast beslutade
året) till 2030; spakar som är en omställning fortsätter i samma takt efter 2030, de andra
behåller skillnaden. Varje spak går bara så långt som är fysiskt och juridiskt möjligt till
2030; varför står i tabellen nedan och i spakens hjälptext.

**Referensen** är beslutad politik med källor: reduktionsplikten som beslutad, EU:s
koldioxidkrav för nya bilar, lätta och tunga lastbilar, EU:s F-gasförordning, och
befolkningens flerårstrend.

**Målet: fossilbränslefritt 2030** (Växjö kommuns mål sedan 1996) betyder mindre än 1 ton
fossil koldioxid från bränslen år 2030: transporter, arbetsmaskiner, egen uppvärmning, el
och fjärrvärme och industrins energi. Lösningsmedel och andra produkter, industriprocesser,
avfall och utrikes transporter räknas inte men visas bredvid. BECCS räknas aldrig mot målet.
**Fossil CO2** i nyckeltalen är all fossil CO2: NED:s CO2 (biogen CO2 ingår inte), utom
kalkning.

**Koldioxidbudget.** Använt = summan av statistikens utsläpp från startåret till {base_year}.
Budgeten tar slut när scenariots summa når budgeten; månaden räknas som om årets utsläpp
sprids jämnt. Nödvändig minskning: för en exponentiell bana E(t) = E0·e^(−k·t) som ska rymmas
i återstående budget B gäller k = E0/B och årlig minskning 1 − e^(−E0/B).
""",
    "en": """
**Starting point.** The scenario starts in the last statistics year ({base_year}) with SMHI's
greenhouse gases by main sector. The reference levers reproduce that year exactly, sector by
sector.

**Emissions = activity × energy intensity × fossil share.** Each part of a sector is its
base-year emissions times factors the levers control. Factors multiply, so 100 % electric
cars and 100 % biofuel cannot remove the same tonne twice.

- *Transport* is split into cars, heavy and light trucks, buses, aviation and other by the
  latest year's CO2 by sub-sector (adjusted for the change in the reduction obligation since).
  Cars: car traffic × (1 − electric share of driving) × fossil share of the fuel. Trucks:
  (1 − electric share of driving) × fossil share.
- *Vehicle fleets that renew.* Cars, light and heavy trucks are stocks (Trafikanalys, end of
  2025). The lever is the electric share of **new** vehicles; each year a share of the fleet
  is replaced (cars 4.5–5.6 %, trucks about 7 %), and electric vehicles sold one lifetime ago
  (cars 18 years) leave it. Young vehicles drive further, so the electric share of driving
  weighs them more. The electric share of driving therefore cannot jump: even with every new
  car electric from 2026, at most about a third of car traffic is electric in 2030.
- *The reduction obligation* is a cut in the fuel's lifecycle emissions in per cent.
  Biofuel's share of the energy = the obligation / biofuel's lifecycle saving (petrol 80 %,
  diesel 90 %), at most the blend limit; the fuel's fossil share is 1 − that share. HVO100
  and biogas in the municipality's own and procured vehicles and machinery is a lever of its
  own, limited to the volume the municipality controls.
- *Working machinery*: (1 − fossil-free share) × fossil share of the fuel.
- *Own heating* and *electricity and district heating*: the fossil remainder falls with the
  phase-out; methane and nitrous oxide from biomass fall only with energy efficiency.
- *Agriculture*: ruminants (about 60 %) follow livestock numbers, soils and manure follow the
  measures. Agriculture's CO2 is from liming and is not counted as fossil.
- *Waste*, *product use* and *industry* fall with their levers; F-gases are phased out by
  2050 under the EU F-gas Regulation already in the reference. Industry's process emissions
  do not change with the fossil-free energy lever.
- *BECCS* gives negative emissions: captured = min(capacity, the plant's biogenic CO2 × at
  most 90 % × availability), the biogenic CO2 falling when heat demand falls, ramping up over
  three years from the start year (2030 at the earliest). It does not change sector emissions.

**Levers over time and possible ranges.** A lever's value is its 2030 target. New vehicles:
evenly from the 2025 share to the lever's value in 2030, then the EU rules (100 %
zero-emission new cars and vans 2035; heavy at least 65 % 2035 and 90 % 2040). Other levers:
the difference from the reference value is phased in linearly from {base_year} (the
obligation from the last decided year) to 2030; levers that are a transition keep their pace
after 2030, the others keep the difference. Every lever goes only as far as is physically and
legally possible by 2030; why is in the table below and in the lever's help.

**The reference** is decided policy with sources: the obligation as decided, the EU's CO2
standards for new cars, vans and heavy trucks, the EU F-gas Regulation, and the population's
multi-year trend.

**The goal: fossil-fuel free 2030** (Växjö municipality's goal since 1996) means less than 1
tonne of fossil carbon dioxide from fuels in 2030: transport, working machinery, own heating,
electricity and district heating and industry's energy. Solvents and other products,
industrial processes, waste and international transport are not counted but shown beside it.
BECCS never counts towards the goal. **Fossil CO2** in the key figures is all fossil CO2:
NED's CO2 (biogenic CO2 is excluded), except liming.

**Carbon budget.** Used = the sum of the statistics' emissions from the start year to
{base_year}. The budget runs out when the scenario's sum reaches it; the month assumes the
year's emissions are spread evenly. Reduction needed: for an exponential path
E(t) = E0·e^(−k·t) within a remaining budget B, k = E0/B and the yearly reduction is
1 − e^(−E0/B).
""",
}
