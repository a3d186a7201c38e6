"""Texts for credible futures (issue 9): the verdict's definition, possible ranges, the
scenario's own pace, physical indicators and target lines."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "lever_help_max": {
        "sv": "Möjligt till 2030: {reason} (källa: {source})",
        "en": "Possible by 2030: {reason} (source: {source})",
    },
    "col_max_reason": {"sv": "Möjligt till 2030: varför", "en": "Possible by 2030: why"},
    "exp_kf_fossil_fuel_2030": {"sv": "Fossil CO₂ från bränslen 2030 (målet)",
                                "en": "Fossil CO₂ from fuels 2030 (the goal)"},
    "verdict_heading": {"sv": "Fossilbränslefritt 2030", "en": "Fossil-fuel free 2030"},
    "verdict_reached": {
        "sv": "Ja: scenariot når noll fossil koldioxid från bränslen år 2030.",
        "en": "Yes: the scenario reaches zero fossil carbon dioxide from fuels in 2030.",
    },
    "verdict_not_reached": {
        "sv": "Nej: {left} fossil CO2 från bränslen återstår år 2030.",
        "en": "No: {left} of fossil CO2 from fuels remain in 2030.",
    },
    "verdict_definition": {
        "sv": "Så räknas målet: fossilbränslefritt betyder mindre än 1 ton fossil koldioxid "
        "från bränslen år 2030 i transporter, arbetsmaskiner, egen uppvärmning, el och fjärrvärme "
        "och industrins energi ({whose}). Lösningsmedel och andra produkter, "
        "industriprocesser, avfall och utrikes transporter räknas inte men visas bredvid. "
        "BECCS räknas aldrig mot målet.",
        "en": "How the goal is counted: fossil-fuel free means less than 1 tonne of fossil "
        "carbon dioxide from fuels in 2030 in transport, working machinery, own heating, "
        "electricity and district heating and industry's energy ({whose}). Solvents and other "
        "products, industrial processes, waste and international transport are not counted "
        "but shown beside it. BECCS never counts towards the goal.",
    },
    "verdict_whose_own": {"sv": "kommunens mål", "en": "the municipality's goal"},
    "verdict_whose_none": {
        "sv": "Växjös mål; appens källor har inget sådant mål för {name}",
        "en": "Växjö's goal; the app's sources give no such goal for {name}",
    },
    "verdict_beside": {
        "sv": "Bredvid målet: {other} fossil CO2 från lösningsmedel, industriprocesser, avfall "
        "och utrikes transporter år 2030 (totalt fossil CO2: {total}).",
        "en": "Beside the goal: {other} of fossil CO2 from solvents, industrial processes, "
        "waste and international transport in 2030 (all fossil CO2: {total}).",
    },
    "kpi_scenario_rate": {
        "sv": "Scenariots minskning per år 2025–2030",
        "en": "The scenario's reduction a year 2025–2030",
    },
    "kpi_scenario_rate_help": {
        "sv": "Hur fort scenariots utsläpp (samma som budgeten räknar) minskar i genomsnitt per "
        "år 2025–2030. Jämför med den krävda minskningen: skillnaden är det som fattas.",
        "en": "How fast the scenario's emissions (the same the budget counts) fall on average "
        "a year 2025–2030. Compare with the reduction needed: the difference is what is "
        "missing.",
    },
    "scenario_rate_delta": {"sv": "Scenariot 2025–2030: {own} per år",
                            "en": "The scenario 2025–2030: {own} a year"},
    "rate_comparison": {
        "sv": "Krävd minskning per år {needed} · scenariots minskning 2025–2030: {own} per år.",
        "en": "Reduction needed a year {needed} · the scenario's reduction 2025–2030: {own} a "
        "year.",
    },
    "indicators_heading": {"sv": "Det här betyder scenariot {year}",
                           "en": "What the scenario means in {year}"},
    "indicators_text": {
        "sv": "{cars} elbilar i bilparken · {car_km} av bilkörningen på el · {new_cars} av nya "
        "bilar är elbilar · biodrivmedel {petrol} av bensinen och {diesel} av dieseln "
        "(energi) · BECCS fångar {beccs}.",
        "en": "{cars} electric cars in the fleet · {car_km} of car traffic on electricity · "
        "{new_cars} of new cars electric · biofuel {petrol} of petrol and {diesel} of diesel "
        "(energy) · BECCS captures {beccs}.",
    },
    "indicators_note": {
        "sv": "Elbilarna kommer in i takt med att bilparken förnyas (cirka 5 % av bilarna per "
        "år), så andelen av körningen ökar långsammare än andelen av nya bilar.",
        "en": "Electric cars come in as the fleet renews (about 5 % of cars a year), so the "
        "share of driving rises more slowly than the share of new cars.",
    },
    "targets_label": {"sv": "Mål i diagrammet", "en": "Targets in the chart"},
    "target_own_2030": {"sv": "Kommunens mål: fossilbränslefritt 2030",
                        "en": "Own goal: fossil-fuel free 2030"},
    "target_contract_2030": {"sv": "Klimatkontrakt 2030: klimatneutral 2030",
                             "en": "Climate City Contract 2030: climate-neutral 2030"},
    "target_sweden_2045": {"sv": "Sverige: nettonoll 2045", "en": "Sweden: net zero 2045"},
    "target_budget_path": {"sv": "Budgetförenlig bana", "en": "Budget-compatible path"},
    "targets_caption": {
        "sv": "Prickade mållinjer, raka linjer från {base_year}: {lines}.",
        "en": "Dotted target lines, straight from {base_year}: {lines}.",
    },
    "targets_caption_own_2030": {
        "sv": "kommunens mål fossilbränslefritt 2030 (utsläppen utan fossila bränslen; {source})",
        "en": "the municipality's goal fossil-fuel free 2030 (emissions without fossil fuels; "
        "{source})",
    },
    "targets_caption_contract_2030": {
        "sv": "Klimatkontrakt 2030, klimatneutral 2030 (netto noll; {source})",
        "en": "the Climate City Contract 2030, climate-neutral 2030 (net zero; {source})",
    },
    "targets_caption_sweden_2045": {"sv": "Sveriges nettonoll 2045 ({source})",
                                    "en": "Sweden's net zero 2045 ({source})"},
    "targets_caption_budget_path": {
        "sv": "budgetförenlig bana med den krävda minskningen per år ({source})",
        "en": "the budget-compatible path at the needed yearly reduction ({source})",
    },
    "apply_full_set_note": {
        "sv": "Tillämpar hela den lösta uppsättningen spakar.",
        "en": "Applies the whole solved set of levers.",
    },
}
