"""Texts for the municipality picker, the Sverige page and the per-municipality data notes."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "municipality_picker_help": {
        "sv": "Skriv namn, län eller kommunkod för att söka bland Sveriges 290 kommuner.",
        "en": "Type a name, county or municipality code to search Sweden's 290 "
              "municipalities.",
    },
    "switch_kept": {
        "sv": "Bytte till {name}: dina ändrade spakar gäller även här ({levers}).",
        "en": "Switched to {name}: your changed levers apply here too ({levers}).",
    },
    "switch_reset": {
        "sv": "Återställda i {name}: {levers} (gäller inte här, t.ex. ingen känd anläggning "
              "för bio-CCS).",
        "en": "Reset in {name}: {levers} (they do not apply here, e.g. no known plant for "
              "bio-CCS).",
    },
    "page_sverige": {"sv": "Sverige", "en": "Sweden"},
    "sverige_title": {"sv": "Sverige: alla 290 kommuner", "en": "Sweden: all 290 municipalities"},
    "sverige_intro": {
        "sv": "Om varje kommun gjorde som dina spakar: nationella spakar (reduktionsplikten) "
              "gäller alla; lokala spakar gäller som andelar av varje kommuns egen bas. Spakar "
              "du inte flyttat följer varje kommuns egen referens. {moved}",
        "en": "If every municipality did what your levers say: national levers (the reduction "
              "obligation) apply to all; local levers apply as shares of each municipality's "
              "own base. Levers you have not moved follow each municipality's own reference. "
              "{moved}",
    },
    "sverige_moved_none": {"sv": "Alla spakar står på referens.",
                           "en": "All levers are at the reference."},
    "sverige_moved": {"sv": "Flyttade spakar: {levers}.", "en": "Levers moved: {levers}."},
    "sverige_total_2030": {"sv": "Alla kommuner 2030", "en": "All municipalities 2030"},
    # The figure's change says against what (a bare "−10 %" read as "against the reference").
    "sverige_vs_base": {"sv": "{change} mot {year}", "en": "{change} against {year}"},
    "sverige_change_1990": {"sv": "Förändring sedan 1990", "en": "Change since 1990"},
    "sverige_fossil_2030": {"sv": "Fossil CO2 2030, alla", "en": "Fossil CO2 2030, all"},
    "sverige_exhausted_by_2030": {"sv": "Budget slut senast 2030",
                                  "en": "Budget used up by 2030"},
    # Short: at 1400 px "0 av 290 kommuner" was cut to "0 av 290 ko…" (the label says it).
    "sverige_kommuner_count": {"sv": "{n} av {total}", "en": "{n} of {total}"},
    "sverige_search": {"sv": "Sök kommun eller län", "en": "Search municipality or county"},
    "sverige_chart_measure": {"sv": "Visa fördelningen av", "en": "Show the distribution of"},
    "sverige_chart_title": {
        "sv": "{measure}: alla kommuner, {name} markerad",
        "en": "{measure}: every municipality, {name} highlighted",
    },
    "sverige_open": {"sv": "Öppna {name} i scenariot", "en": "Open {name} in the scenario"},
    "sverige_open_pick": {"sv": "Öppna en kommun", "en": "Open a municipality"},
    "sverige_budget_principle": {"sv": "Uppskattade budgetar fördelas efter",
                                 "en": "Estimated budgets are allocated by"},
    "sverige_col_code": {"sv": "Kod", "en": "Code"},
    "sverige_col_name": {"sv": "Kommun", "en": "Municipality"},
    "sverige_col_county": {"sv": "Län", "en": "County"},
    "col_ghg_2024": {"sv": "Utsläpp 2024 (t CO2e)", "en": "Emissions 2024 (t CO2e)"},
    "col_ghg_2030": {"sv": "Utsläpp 2030 (t CO2e)", "en": "Emissions 2030 (t CO2e)"},
    "col_change_1990": {"sv": "Förändring 1990–2030", "en": "Change 1990–2030"},
    "col_per_capita": {"sv": "Per invånare 2030 (kg)", "en": "Per inhabitant 2030 (kg)"},
    "col_fossil_2030": {"sv": "Fossil CO2 2030 (t)", "en": "Fossil CO2 2030 (t)"},
    "col_budget": {"sv": "Budget (t CO2e)", "en": "Budget (t CO2e)"},
    "col_budget_kind": {"sv": "Budgettyp", "en": "Budget type"},
    "col_exhausted": {"sv": "Budget slut år", "en": "Budget used up"},
    "sverige_col_link": {"sv": "Öppna", "en": "Open"},
    "budget_kind_estimate": {"sv": "uppskattning", "en": "estimate"},
    "budget_kind_stated": {"sv": "kommunens egen", "en": "the municipality's own"},
    "principle_utslapp": {"sv": "andel av utsläppen", "en": "share of emissions"},
    "principle_befolkning": {"sv": "andel av befolkningen", "en": "share of population"},
    "principle_blandning": {"sv": "blandning", "en": "mix"},
    "principle_weight": {"sv": "Utsläppens vikt i blandningen (%)",
                         "en": "Weight of emissions in the mix (%)"},
    # How an estimated budget was made (the scenario page of a municipality without a
    # budget of its own, and the Sverige page, where the last sentence is left out: after
    # "Only Växjö has a budget of its own" it read as if Växjö had none).
    "principle_how_utslapp": {"sv": "efter andel av utsläppen 2023–2024",
                              "en": "by its share of emissions 2023–2024"},
    "principle_how_befolkning": {"sv": "efter andel av befolkningen 2023–2024",
                                 "en": "by its share of population 2023–2024"},
    "principle_how_blandning": {
        "sv": "efter en blandning: {pct} % andel av utsläppen, {rest} % andel av befolkningen "
              "2023–2024",
        "en": "by a mix: {pct} % share of emissions, {rest} % share of population 2023–2024",
    },
    "principle_estimate": {
        "sv": "Uppskattning: Växjös angivna budget (2,76 Mt CO2e från 2023) fördelad {how}, i "
              "förhållande till Växjö.",
        "en": "Estimate: Växjö's stated budget (2.76 Mt CO2e from 2023) shared out {how}, "
              "relative to Växjö.",
    },
    "principle_no_own_budget": {"sv": "Kommunen har ingen publicerad budget.",
                                "en": "The municipality has no published budget."},
    "sverige_budget_note": {
        "sv": "Bara Växjö har en egen budget (Klimatkontrakt 2030). Övriga kommuners budgetar "
              "är uppskattningar: Växjös budget fördelad efter vald princip i förhållande till "
              "Växjö. Ingen nationell budget med källa finns i projektet.",
        "en": "Only Växjö has a budget of its own (Klimatkontrakt 2030). The other "
              "municipalities' budgets are estimates: Växjö's budget shared out by the chosen "
              "principle relative to Växjö. The project ships no sourced national budget.",
    },
    "own_or_proxy_heading": {"sv": "Egna siffror och ersättningar för {name}",
                            "en": "Own figures and proxies for {name}"},
    "own_figure": {"sv": "egen", "en": "own"},
    "proxy_figure": {"sv": "ersättning (nationell eller Växjös)",
                     "en": "proxy (national or Växjö's)"},
    "figure_ghg": {"sv": "Växthusgaser per sektor (NED)", "en": "Greenhouse gases by sector (NED)"},
    "figure_population": {"sv": "Folkmängd (SCB)", "en": "Population (SCB)"},
    "figure_fleet": {"sv": "Bilpark och drivmedelsmix (Trafikanalys)",
                     "en": "Car fleet and fuel mix (Trafikanalys)"},
    "figure_new_cars": {"sv": "Nya bilars andel el och laddhybrid",
                        "en": "New cars' electric and plug-in shares"},
    "figure_renewal": {"sv": "Bilparkens förnyelsetakt", "en": "Fleet renewal rate"},
    "figure_split": {"sv": "Transporternas CO2 per undersektor",
                     "en": "Transport CO2 by sub-sector"},
    "figure_co2_share": {"sv": "CO2-andel per sektor", "en": "CO2 share by sector"},
    "figure_budget": {"sv": "Koldioxidbudget", "en": "Carbon budget"},
    "figure_beccs": {"sv": "Potential för bio-CCS", "en": "Bio-CCS potential"},
    "imp_changed_col": {"sv": "Vad importen ändrade", "en": "What the import changed"},
    "figure_col": {"sv": "Uppgift", "en": "Figure"},
    "figure_kind_col": {"sv": "Egen eller ersättning", "en": "Own or proxy"},
    "figure_source_col": {"sv": "Källa", "en": "Source"},
}
