"""Texts for importing SMHI data, other municipalities and the municipality comparison."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- levers that depend on the municipality (sidebar) ---
    "beccs_no_potential": {
        "sv": "Ingen känd anläggning för bio-CCS i {name}, så BECCS står på 0. Spaken finns "
        "där en potential är utredd (i Växjö Sandviksverket).",
        "en": "No known plant for bio-CCS in {name}, so BECCS stays at 0. The lever is "
        "offered where a potential has been studied (in Växjö Sandviksverket).",
    },
    "per_capita_unknown": {"sv": "saknas", "en": "unknown"},
    "data_check_unavailable": {
        "sv": "Kontrollen mot 2023–2024 kräver statistik för båda åren; statistiken för {name} "
        "slutar {base_year}. Importera en nyare Länsrapport för att se den.",
        "en": "The check against 2023–2024 needs statistics for both years; {name}'s "
        "statistics end in {base_year}. Import a newer county report to see it.",
    },
    "fossil_agriculture_note": {
        "sv": "Jordbruket står för {share} av utsläppen {base_year}, nästan bara metan och "
        "lustgas från djur och mark. Fossilfrihet tar inte bort dem; spakarna under Jordbruk "
        "gör det, och de räknas i budgeten.",
        "en": "Agriculture is {share} of the emissions in {base_year}, almost all methane and "
        "nitrous oxide from animals and soils. Going fossil-free does not remove them; the "
        "levers under Agriculture do, and they count in the budget.",
    },
    "per_capita_unknown_help": {
        "sv": "Folkmängden för {name} är okänd, så värden per invånare visas inte. Ange "
        "folkmängden på sidan Importera data.",
        "en": "The population of {name} is unknown, so per-inhabitant values are not shown. "
        "Enter the population on the Import data page.",
    },
    # --- import page ---
    "page_import": {"sv": "Importera data", "en": "Import data"},
    "imp_title": {"sv": "Importera data från SMHI", "en": "Import data from SMHI"},
    "imp_intro": {
        "sv": "Ladda upp kommunens Länsrapport från SMHI:s Nationella emissionsdatabasen "
        "(nationellaemissionsdatabasen.smhi.se → Länsrapport → ladda ner som Excel). "
        "Modellen behöver rapporten för **Växthusgaser totalt** (t CO2e per huvudsektor). "
        "Rapporten för **Koldioxid (CO2)** är frivillig men ger transporternas undersektorer "
        "och den fossila andelen per sektor; utan den används en nationell fördelning. "
        "Filen kontrolleras helt innan något sparas: en fil med fel sparas inte alls.",
        "en": "Upload the municipality's county report (Länsrapport) from SMHI's national "
        "emissions database (nationellaemissionsdatabasen.smhi.se → Länsrapport → download as "
        "Excel). The model needs the report for **total greenhouse gases** (Växthusgaser "
        "totalt, t CO2e by main sector). The **carbon dioxide (CO2)** report is optional but "
        "gives the transport sub-sectors and the fossil share by sector; without it a "
        "national split is used. The file is checked completely before anything is saved: a "
        "file with errors is not saved at all.",
    },
    "imp_upload": {"sv": "Länsrapport (.xlsx, högst {mb} MB)",
                   "en": "County report (.xlsx, at most {mb} MB)"},
    "imp_upload_help": {
        "sv": "Excel-filen som Nationella emissionsdatabasen laddar ner, oförändrad. Gamla "
        ".xls-filer och CSV läses inte.",
        "en": "The Excel file the national emissions database downloads, unchanged. Old .xls "
        "files and CSV are not read.",
    },
    "imp_municipality": {"sv": "Kommun (valfritt)", "en": "Municipality (optional)"},
    "imp_municipality_all": {"sv": "Alla kommuner i filen", "en": "Every municipality in the file"},
    "imp_municipality_help": {
        "sv": "Välj en kommun för att bara importera den ur en fil med flera kommuner (hela "
        "filen kontrolleras ändå).",
        "en": "Pick a municipality to import only that one from a file with several (the whole "
        "file is still checked).",
    },
    "imp_gas": {"sv": "Ämne", "en": "Substance"},
    "imp_gas_auto": {"sv": "Läs av bladets namn", "en": "From the sheet name"},
    "imp_gas_GHG": {"sv": "Växthusgaser totalt", "en": "Total greenhouse gases"},
    "imp_gas_CO2": {"sv": "Koldioxid (CO2)", "en": "Carbon dioxide (CO2)"},
    "imp_gas_help": {
        "sv": "Behövs bara om filen har blad för båda ämnena.",
        "en": "Only needed when the file has sheets for both substances.",
    },
    "imp_rejected": {
        "sv": "Filen kan inte importeras ({n} problem). Ingenting har sparats. Rätta filen, "
        "eller ladda ner den på nytt från Nationella emissionsdatabasen, och försök igen.",
        "en": "The file cannot be imported ({n} problems). Nothing has been saved. Correct the "
        "file, or download it again from the national emissions database, and try again.",
    },
    "imp_not_xlsx": {
        "sv": "filen '{name}' är ingen .xlsx-fil. Ladda upp Länsrapporten som Excel (.xlsx).",
        "en": "the file '{name}' is not an .xlsx file. Upload the county report as Excel "
        "(.xlsx).",
    },
    "imp_too_large": {
        "sv": "filen är {size} MB; gränsen är {mb} MB. En Länsrapport för hela landet är "
        "cirka 2 MB: är det rätt fil?",
        "en": "the file is {size} MB; the limit is {mb} MB. A county report for the whole "
        "country is about 2 MB: is it the right file?",
    },
    "imp_col_row": {"sv": "Rad", "en": "Row"},
    "imp_col_column": {"sv": "Kolumn", "en": "Column"},
    "imp_col_problem": {"sv": "Problem", "en": "Problem"},
    "imp_preview_heading": {"sv": "Det här sparas", "en": "What will be saved"},
    "imp_fact": {"sv": "Uppgift", "en": "Item"},
    "imp_value": {"sv": "Värde", "en": "Value"},
    "imp_fact_file": {"sv": "Fil", "en": "File"},
    "imp_fact_report": {"sv": "Rapport", "en": "Report"},
    "imp_fact_date": {"sv": "Rapportens datum", "en": "Report date"},
    "imp_fact_gas": {"sv": "Ämne", "en": "Substance"},
    "imp_fact_unit": {"sv": "Enhet i filen", "en": "Unit in the file"},
    "imp_fact_years": {"sv": "År", "en": "Years"},
    "imp_fact_municipalities": {"sv": "Kommuner", "en": "Municipalities"},
    "imp_fact_municipalities_value": {
        "sv": "{n} av {in_file} i filen", "en": "{n} of {in_file} in the file",
    },
    "imp_col_code": {"sv": "Kommunkod", "en": "Code"},
    "imp_col_municipality": {"sv": "Kommun", "en": "Municipality"},
    "imp_col_total_first": {"sv": "Totalt {year} (t)", "en": "Total {year} (t)"},
    "imp_col_total_last": {"sv": "Totalt {year} (t)", "en": "Total {year} (t)"},
    "imp_col_after": {"sv": "Efter importen", "en": "After the import"},
    "imp_col_sector": {"sv": "Huvudsektor", "en": "Main sector"},
    "imp_col_year_t": {"sv": "{year} (t)", "en": "{year} (t)"},
    "imp_sectors_caption": {
        "sv": "{name}: huvudsektorer i ton {unit} (omräknat från filens enhet).",
        "en": "{name}: main sectors in tonnes {unit} (converted from the file's unit).",
    },
    "imp_unit_ghg": {"sv": "CO2e", "en": "CO2e"},
    "imp_unit_co2": {"sv": "CO2", "en": "CO2"},
    "imp_after_runnable": {"sv": "Kan väljas i appen", "en": "Can be chosen in the app"},
    "imp_after_replaces": {
        "sv": "Ersätter de levererade siffrorna (data till {last})",
        "en": "Replaces the shipped figures (data to {last})",
    },
    "imp_after_older": {
        "sv": "Sparas men används inte: appen har nyare data (till {shipped})",
        "en": "Saved but not used: the app has newer data (to {shipped})",
    },
    "imp_after_needs_ghg": {
        "sv": "Behöver också växthusgaser totalt för att kunna väljas",
        "en": "Also needs total greenhouse gases before it can be chosen",
    },
    "imp_after_adds_co2": {
        "sv": "Lägger till CO2 per sektor och undersektor",
        "en": "Adds CO2 by sector and sub-sector",
    },
    "imp_warnings": {
        "sv": "Anmärkningar från kontrollen (filen går att importera; texterna är på svenska):",
        "en": "Notes from the check (the file can be imported; the notes are in Swedish):",
    },
    "imp_col_note": {"sv": "Anmärkning", "en": "Note"},
    "imp_button": {"sv": "Importera", "en": "Import"},
    "imp_done": {
        "sv": "Importerat: {gas} för {names}.",
        "en": "Imported: {gas} for {names}.",
    },
    "imp_checking": {"sv": "Kontrollerar filen …", "en": "Checking the file …"},
    "imp_fact_total": {"sv": "Totalt", "en": "Total"},
    "imp_done_runnable": {
        "sv": "Välj kommunen i listan Kommun i sidopanelen, eller öppna scenariot direkt.",
        "en": "Choose the municipality in the Municipality list in the sidebar, or open its "
        "scenario directly.",
    },
    "imp_done_needs_ghg": {
        "sv": "För att köra modellen behövs också Länsrapporten för Växthusgaser totalt: "
        "ladda ner den från Nationella emissionsdatabasen och importera den här.",
        "en": "To run the model, the county report for total greenhouse gases is needed too: "
        "download it from the national emissions database and import it here.",
    },
    "imp_done_older": {
        "sv": "Appen har redan nyare siffror för {names}; de används tills en nyare rapport "
        "importeras.",
        "en": "The app already has newer figures for {names}; they stay in use until a newer "
        "report is imported.",
    },
    "imp_already": {
        "sv": "Den här filen är redan importerad.",
        "en": "This file has already been imported.",
    },
    "imp_open": {"sv": "Öppna scenariot för {name}", "en": "Open the scenario for {name}"},
    "imp_more_names": {"sv": "{names} och {n} till", "en": "{names} and {n} more"},
    "imp_store_failed": {
        "sv": "Importen kunde inte sparas; ingenting har ändrats. {message}",
        "en": "The import could not be saved; nothing has changed. {message}",
    },
    "imp_list_heading": {"sv": "Importerade kommuner", "en": "Imported municipalities"},
    "imp_list_empty": {
        "sv": "Inget importerat än. Appen levereras med Växjö och Alvesta.",
        "en": "Nothing imported yet. The app ships with Växjö and Alvesta.",
    },
    "imp_col_gas": {"sv": "Ämne", "en": "Substance"},
    "imp_col_report": {"sv": "Rapport", "en": "Report"},
    "imp_col_years": {"sv": "År", "en": "Years"},
    "imp_col_imported_at": {"sv": "Importerad (UTC)", "en": "Imported (UTC)"},
    "imp_col_file": {"sv": "Fil", "en": "File"},
    "imp_col_status": {"sv": "Används", "en": "In use"},
    "imp_status_used": {"sv": "Ja", "en": "Yes"},
    "imp_status_older": {
        "sv": "Nej, appen har nyare data (till {shipped})",
        "en": "No, the app has newer data (to {shipped})",
    },
    "imp_status_needs_ghg": {
        "sv": "Ja, men växthusgaser saknas: kan inte väljas",
        "en": "Yes, but greenhouse gases are missing: cannot be chosen",
    },
    "imp_rules_heading": {"sv": "Så används importerade data", "en": "How imported data is used"},
    "imp_rules": {
        "sv": "- **Växthusgaser krävs.** En kommun kan väljas när dess växthusgaser per "
        "huvudsektor finns. Koldioxid ensam räcker inte.\n"
        "- **Senaste release gäller.** En import ersätter appens siffror för kommunen när den "
        "når minst lika långt fram i tiden; den senaste importen per kommun och ämne används.\n"
        "- **Utan CO2** används standardandelar för CO2 per sektor och en nationell fördelning "
        "av transporternas undersektorer (Data och metod, parametrar).\n"
        "- **Budget**: {rule}\n"
        "- **Folkmängd** finns inte i NED. Ange den nedan; annars visas inga värden per "
        "invånare.\n"
        "- **BECCS** erbjuds bara där en potential är utredd (i dag Växjö).",
        "en": "- **Greenhouse gases are required.** A municipality can be chosen once its "
        "greenhouse gases by main sector are there. Carbon dioxide alone is not enough.\n"
        "- **The latest release wins.** An import replaces the app's figures for the "
        "municipality when it reaches at least as far in time; the latest import per "
        "municipality and substance is used.\n"
        "- **Without CO2**, default CO2 shares by sector and a national split of the transport "
        "sub-sectors are used (Data and method, parameters).\n"
        "- **Budget**: {rule}\n"
        "- **Population** is not in NED. Enter it below; otherwise no per-inhabitant values are "
        "shown.\n"
        "- **BECCS** is offered only where a potential has been studied (today Växjö).",
    },
    "imp_budget_rule": {
        "sv": "kommuner utan egen budget får en uppskattning: Växjös budget (2,76 Mt CO2e från "
        "2023) skalad med förhållandet mellan kommunens och Växjös utsläpp 2023–2024 (eller "
        "de två senaste år båda har). Den märks som uppskattning och kan ändras på "
        "scenariosidan.",
        "en": "municipalities without a budget of their own get an estimate: Växjö's budget "
        "(2.76 Mt CO2e from 2023) scaled by the ratio of the municipality's emissions to "
        "Växjö's in 2023–2024 (or the two latest years both have). It is labelled an estimate "
        "and can be changed on the scenario page.",
    },
    "imp_population_heading": {"sv": "Folkmängd", "en": "Population"},
    "imp_population_intro": {
        "sv": "För importerade kommuner utan folkmängd i appen. Uppgiften finns hos SCB "
        "(Folkmängd i riket, län och kommuner, 31 december).",
        "en": "For imported municipalities without a population in the app. The figure is "
        "published by Statistics Sweden (SCB, population on 31 December).",
    },
    "imp_population_none": {
        "sv": "Alla kommuner som kan väljas har redan en folkmängd.",
        "en": "Every municipality that can be chosen already has a population.",
    },
    "imp_population_municipality": {"sv": "Kommun", "en": "Municipality"},
    "imp_population_year": {"sv": "År (31 december)", "en": "Year (31 December)"},
    "imp_population_value": {"sv": "Folkmängd", "en": "Population"},
    "imp_population_save": {"sv": "Spara folkmängd", "en": "Save population"},
    "imp_population_saved": {
        "sv": "Folkmängden för {name} är sparad: {population} ({year}).",
        "en": "The population of {name} is saved: {population} ({year}).",
    },
    "imp_population_failed": {
        "sv": "Folkmängden sparades inte. {message}",
        "en": "The population was not saved. {message}",
    },
    # --- municipality comparison page ---
    "page_municipalities": {"sv": "Jämför kommuner", "en": "Compare municipalities"},
    "mun_title": {"sv": "Jämför kommuner", "en": "Compare municipalities"},
    "mun_intro": {
        "sv": "Två kommuner sida vid sida med samma spakinställning: utsläppsbanor, totalt och "
        "per invånare, och nyckeltal. Statistiken är SMHI:s Nationella emissionsdatabasen för "
        "båda.",
        "en": "Two municipalities side by side with the same lever setting: emission "
        "trajectories, in total and per inhabitant, and key figures. The statistics are SMHI's "
        "national emissions database for both.",
    },
    "mun_first": {"sv": "Kommun 1", "en": "Municipality 1"},
    "mun_second": {"sv": "Kommun 2", "en": "Municipality 2"},
    "mun_only_one": {
        "sv": "Det finns bara en kommun att välja. Importera fler på sidan Importera data.",
        "en": "There is only one municipality to choose. Import more on the Import data page.",
    },
    "mun_same": {"sv": "Välj två olika kommuner.", "en": "Choose two different municipalities."},
    "mun_levers": {"sv": "Spakar", "en": "Levers"},
    "mun_levers_current": {"sv": "Nuvarande inställning", "en": "Current setting"},
    "mun_levers_reference": {"sv": "Referens för båda", "en": "Reference for both"},
    "mun_levers_help": {
        "sv": "Nuvarande inställning: de spakar du har flyttat från referensen får samma värde i "
        "båda kommunerna; övriga står på varje kommuns egen referens. BECCS bara där en "
        "potential finns.",
        "en": "Current setting: the levers you moved from the reference get the same value in "
        "both municipalities; the others stay at each municipality's own reference. BECCS only "
        "where a potential exists.",
    },
    "mun_levers_moved": {
        "sv": "Flyttade spakar: {levers}.",
        "en": "Levers moved: {levers}.",
    },
    "mun_levers_none_moved": {
        "sv": "Inga spakar är flyttade: båda kommunerna visas med sin referens.",
        "en": "No levers are moved: both municipalities are shown with their reference.",
    },
    "mun_beccs_dropped": {
        "sv": "BECCS gäller inte {name} (ingen känd anläggning) och står där på 0.",
        "en": "BECCS does not apply to {name} (no known plant) and is 0 there.",
    },
    "mun_chart_heading": {"sv": "Utsläppsbanor", "en": "Emission trajectories"},
    "mun_chart_caption": {
        "sv": "Växthusgaser totalt (NED, t CO2e) till och med senaste statistikår, därefter "
        "scenariot (streckat). Per invånare från första året med känd folkmängd (SCB). BECCS "
        "ingår inte i kurvorna.",
        "en": "Total greenhouse gases (NED, t CO2e) up to the last statistics year, then the "
        "scenario (dashed). Per inhabitant from the first year with a known population (SCB). "
        "BECCS is not in the lines.",
    },
    "mun_measure_total": {"sv": "Totalt (kt CO2e)", "en": "Total (kt CO2e)"},
    "mun_measure_per_capita": {"sv": "Per invånare (t CO2e)", "en": "Per inhabitant (t CO2e)"},
    "mun_kind_statistics": {"sv": "Statistik", "en": "Statistics"},
    "mun_kind_scenario": {"sv": "Scenario", "en": "Scenario"},
    "mun_legend_municipality": {"sv": "Kommun", "en": "Municipality"},
    "mun_legend_kind": {"sv": "Typ", "en": "Kind"},
    "mun_no_population": {
        "sv": "Folkmängden för {name} är okänd: ingen kurva per invånare (ange den på sidan "
        "Importera data).",
        "en": "The population of {name} is unknown: no per-inhabitant line (enter it on the "
        "Import data page).",
    },
    "mun_figures_heading": {"sv": "Nyckeltal", "en": "Key figures"},
    "mun_col_figure": {"sv": "Nyckeltal", "en": "Key figure"},
    "mun_row_fossil_2030": {"sv": "Fossil CO2 år 2030", "en": "Fossil CO2 in 2030"},
    "mun_row_budget_exhausted": {"sv": "Budgeten tar slut", "en": "Budget runs out"},
    "mun_row_needed_rate": {"sv": "Krävd minskning per år", "en": "Reduction needed a year"},
    "mun_row_ghg_base": {
        "sv": "Växthusgaser senaste statistikår", "en": "Greenhouse gases, last statistics year",
    },
    "mun_row_change_1990": {
        "sv": "Förändring från 1990 till senaste statistikår",
        "en": "Change from 1990 to the last statistics year",
    },
    "mun_row_per_capita_base": {
        "sv": "Per invånare senaste statistikår", "en": "Per inhabitant, last statistics year",
    },
    "mun_row_agriculture": {
        "sv": "Jordbrukets andel senaste statistikår",
        "en": "Agriculture's share, last statistics year",
    },
    "mun_row_per_capita_2030": {"sv": "Per invånare 2030", "en": "Per inhabitant 2030"},
    "mun_row_population": {"sv": "Folkmängd", "en": "Population"},
    "mun_row_budget": {"sv": "Koldioxidbudget", "en": "Carbon budget"},
    "mun_row_statistics": {"sv": "Statistik", "en": "Statistics"},
    "mun_value_with_year": {"sv": "{value} ({year})", "en": "{value} ({year})"},
    "mun_budget_value": {
        "sv": "{budget} från {start} ({kind})", "en": "{budget} from {start} ({kind})",
    },
    "mun_budget_stated": {"sv": "kommunens uppgift", "en": "stated by the municipality"},
    "mun_budget_estimate": {"sv": "uppskattning", "en": "estimate"},
    "mun_statistics_value": {
        "sv": "NED {first}–{last}", "en": "NED {first}–{last}",
    },
    "mun_unknown": {"sv": "okänd", "en": "unknown"},
    "mun_per_capita_unit": {"sv": "{value} t CO2e", "en": "{value} t CO2e"},
    "mun_budget_heading": {"sv": "Budgetens grund", "en": "What the budget is based on"},
    "mun_budget_basis": {"sv": "{name}: {note}", "en": "{name}: {note}"},
    "mun_figures_caption": {
        "sv": "Varje kommun med sin egen budget (startvärdet, inte ändringar på "
        "scenariosidan). Krävd minskning gäller från året efter senaste statistikår.",
        "en": "Each municipality with its own budget (the default, not changes made on the "
        "scenario page). The reduction needed applies from the year after the last statistics "
        "year.",
    },
}
