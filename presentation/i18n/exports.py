"""Texts of the exports (CSV, Excel, charts, PDF report) and the scenario page's export section."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The export section on the scenario page
    "export_heading": {"sv": "Exportera", "en": "Export"},
    "export_intro": {
        "sv": "Ladda ned scenariot: årsvärden och nyckeltal som CSV, allt i en Excel-fil, en "
        "rapport på två sidor (PDF) och diagrammen som bilder. Filerna skapas när du klickar.",
        "en": "Download the scenario: yearly values and key figures as CSV, everything in one "
        "Excel file, a two-page report (PDF) and the charts as images. The files are made "
        "when you click.",
    },
    "export_yearly_csv": {"sv": "Årsvärden (CSV)", "en": "Yearly values (CSV)"},
    "export_key_figures_csv": {"sv": "Nyckeltal (CSV)", "en": "Key figures (CSV)"},
    "export_excel": {"sv": "Allt i Excel", "en": "Everything in Excel"},
    "export_pdf": {"sv": "Rapport (PDF)", "en": "Report (PDF)"},
    "export_charts": {"sv": "Diagram", "en": "Charts"},
    "export_chart_trajectory": {"sv": "Utsläppsbana", "en": "Emissions trajectory"},
    "export_chart_fossil": {"sv": "Fossil CO2 2030", "en": "Fossil CO2 2030"},
    "export_chart_budget": {"sv": "Koldioxidbudget", "en": "Carbon budget"},
    "export_scenario_reference": {"sv": "Referens", "en": "Reference"},
    "export_scenario_own_one": {"sv": "Eget scenario (1 spak ändrad)",
                                "en": "Own scenario (1 lever changed)"},
    "export_scenario_own": {
        "sv": "Eget scenario ({n} spakar ändrade)",
        "en": "Own scenario ({n} levers changed)",
    },
    # File names (without extension); ASCII so that every system keeps them
    "exp_file_yearly": {"sv": "utslapp-per-ar", "en": "emissions-by-year"},
    "exp_file_key_figures": {"sv": "nyckeltal", "en": "key-figures"},
    "exp_file_workbook": {"sv": "klimatscenario", "en": "climate-scenario"},
    "exp_file_report": {"sv": "rapport", "en": "report"},
    "exp_file_comparison": {"sv": "jamforelse", "en": "comparison"},
    # Headers of exported tables and workbooks
    "exp_xl_title": {"sv": "Klimatscenarier: {name} ({code})", "en": "Climate scenarios: {name} "
                 "({code})"},
    "exp_xl_scenario": {"sv": "Scenario: {scenario}", "en": "Scenario: {scenario}"},
    "exp_xl_scenarios": {"sv": "Scenarier: {scenarios}", "en": "Scenarios: {scenarios}"},
    "exp_xl_data_release": {"sv": "Data: {release}", "en": "Data: {release}"},
    "exp_xl_created": {"sv": "Skapad {date} med Klimatscenarier", "en": "Made {date} with "
                   "Klimatscenarier"},
    "exp_xl_budget": {
        "sv": "Koldioxidbudget: {budget} t CO2e från {start}; BECCS räknas {beccs}mot budgeten.",
        "en": "Carbon budget: {budget} t CO2e from {start}; BECCS is {beccs}counted against "
        "it.",
    },
    "exp_xl_beccs_not": {"sv": "inte ", "en": "not "},
    "exp_sheet_emissions": {"sv": "Utsläpp", "en": "Emissions"},
    "exp_sheet_key_figures": {"sv": "Nyckeltal", "en": "Key figures"},
    "exp_sheet_levers": {"sv": "Spakar", "en": "Levers"},
    "exp_sheet_sources": {"sv": "Källor", "en": "Sources"},
    "exp_col_year": {"sv": "År", "en": "Year"},
    "exp_col_kind_row": {"sv": "Typ", "en": "Kind"},
    "exp_kind_statistics": {"sv": "Statistik", "en": "Statistics"},
    "exp_kind_scenario": {"sv": "Scenario", "en": "Scenario"},
    "exp_col_sector_t": {"sv": "{sector} (t CO2e)", "en": "{sector} (t CO2e)"},
    "exp_col_total_ghg": {"sv": "Växthusgaser totalt (t CO2e)", "en": "Greenhouse gases, total "
                      "(t CO2e)"},
    "exp_col_beccs": {"sv": "BECCS (t CO2)", "en": "BECCS (t CO2)"},
    "exp_col_net": {"sv": "Netto (t CO2e)", "en": "Net (t CO2e)"},
    "exp_col_fossil": {"sv": "Fossil CO2 (t CO2)", "en": "Fossil CO2 (t CO2)"},
    "exp_col_population": {"sv": "Folkmängd", "en": "Population"},
    "exp_col_figure": {"sv": "Nyckeltal", "en": "Key figure"},
    "exp_col_scenario_value": {"sv": "Värde i scenariot", "en": "Value in the scenario"},
    "exp_col_changed": {"sv": "Ändrad", "en": "Changed"},
    "exp_col_id": {"sv": "Id", "en": "Id"},
    "exp_yes": {"sv": "ja", "en": "yes"},
    "exp_no": {"sv": "nej", "en": "no"},
    # Key figures (label; the unit is in its own column)
    "exp_kf_fossil_base": {"sv": "Fossil CO2 {year}", "en": "Fossil CO2 {year}"},
    "exp_kf_fossil_2030": {"sv": "Fossil CO2 2030", "en": "Fossil CO2 2030"},
    "exp_kf_fossil_free": {"sv": "Fossilbränslefritt 2030", "en": "Fossil-fuel free 2030"},
    "exp_kf_fossil_change_base": {"sv": "Fossil CO2, förändring {year}–2030",
                              "en": "Fossil CO2, change {year}–2030"},
    "exp_kf_fossil_change_1990": {"sv": "Fossil CO2, förändring 1990–2030",
                              "en": "Fossil CO2, change 1990–2030"},
    "exp_kf_ghg_1990": {"sv": "Växthusgaser 1990", "en": "Greenhouse gases 1990"},
    "exp_kf_ghg_base": {"sv": "Växthusgaser {year}", "en": "Greenhouse gases {year}"},
    "exp_kf_ghg_2030": {"sv": "Växthusgaser 2030", "en": "Greenhouse gases 2030"},
    "exp_kf_ghg_2050": {"sv": "Växthusgaser 2050", "en": "Greenhouse gases 2050"},
    "exp_kf_ghg_change_1990": {"sv": "Växthusgaser, förändring 1990–2030",
                           "en": "Greenhouse gases, change 1990–2030"},
    "exp_kf_beccs_2030": {"sv": "BECCS 2030 (negativt)", "en": "BECCS 2030 (negative)"},
    "exp_kf_net_2030": {"sv": "Nettoutsläpp 2030", "en": "Net emissions 2030"},
    "exp_kf_net_2050": {"sv": "Nettoutsläpp 2050", "en": "Net emissions 2050"},
    "exp_kf_population_2030": {"sv": "Folkmängd 2030", "en": "Population 2030"},
    "exp_kf_per_capita_2030": {"sv": "Växthusgaser per invånare 2030",
                           "en": "Greenhouse gases per inhabitant 2030"},
    "exp_kf_budget": {"sv": "Koldioxidbudget", "en": "Carbon budget"},
    "exp_kf_budget_start": {"sv": "Budgetens startår", "en": "Budget start year"},
    "exp_kf_budget_beccs": {"sv": "BECCS räknas mot budgeten", "en": "BECCS counted against the "
                        "budget"},
    "exp_kf_budget_used": {"sv": "Budget använd {start}–{year}",
                           "en": "Budget used {start}–{year}"},
    "exp_kf_budget_used_share": {"sv": "Andel av budgeten använd till {year}",
                             "en": "Share of the budget used to {year}"},
    "exp_kf_budget_remaining": {"sv": "Budget kvar 1 januari {year}",
                            "en": "Budget left on 1 January {year}"},
    "exp_kf_budget_exhausted_year": {"sv": "Budgeten tar slut, år", "en": "Budget runs out, year"},
    "exp_kf_budget_exhausted_month": {"sv": "Budgeten tar slut, månad",
                                  "en": "Budget runs out, month"},
    "exp_kf_needed_rate": {"sv": "Krävd minskning per år från {year}",
                       "en": "Reduction needed a year from {year}"},
    "exp_unit_t_co2": {"sv": "t CO2", "en": "t CO2"},
    "exp_unit_t_co2e": {"sv": "t CO2e", "en": "t CO2e"},
    "exp_unit_percent": {"sv": "%", "en": "%"},
    "exp_unit_percent_year": {"sv": "% per år", "en": "% a year"},
    "exp_unit_year": {"sv": "år", "en": "year"},
    "exp_unit_month": {"sv": "månad (1–12)", "en": "month (1–12)"},
    "exp_unit_inhabitants": {"sv": "invånare", "en": "inhabitants"},
    "exp_unit_kg_per_capita": {"sv": "kg CO2e per invånare", "en": "kg CO2e per inhabitant"},
    "exp_unit_yes_no": {"sv": "ja/nej", "en": "yes/no"},
    # The PDF report
    "exp_pdf_title": {"sv": "Klimatscenario för {name}", "en": "Climate scenario for {name}"},
    "exp_pdf_subtitle": {
        "sv": "Scenario: {scenario} · {date} · Data: {release}",
        "en": "Scenario: {scenario} · {date} · Data: {release}",
    },
    "exp_pdf_key_figures": {"sv": "Nyckeltal", "en": "Key figures"},
    "exp_pdf_trajectory": {
        "sv": "Växthusgaser per sektor (kt CO₂e), statistik till {base_year} och scenario till "
        "2050. Svart linje: netto med BECCS; streckad: referensscenariot.",
        "en": "Greenhouse gases by sector (kt CO₂e), statistics to {base_year} and scenario to "
        "2050. Black line: net with BECCS; dashed: the reference scenario.",
    },
    "exp_pdf_fossil_chart": {"sv": "Fossil CO₂ från bränslen kvar år 2030 per sektor (t)",
                         "en": "Fossil CO₂ from fuels left in 2030 by sector (t)"},
    "exp_pdf_fossil_free": {"sv": "Scenariot når noll fossil CO₂ från bränslen år 2030.",
                        "en": "The scenario reaches zero fossil CO₂ from fuels in 2030."},
    "exp_pdf_budget_chart": {
        "sv": "Kumulativa utsläpp från {start} mot budgeten ({budget} kt CO₂e)",
        "en": "Cumulative emissions from {start} against the budget ({budget} kt CO₂e)",
    },
    "exp_pdf_levers": {"sv": "Spakar", "en": "Levers"},
    "exp_pdf_levers_note": {
        "sv": "Värdet gäller år 2030. Spakar som skiljer sig från referensen står först (fetstil).",
        "en": "The value applies to 2030. Levers that differ from the reference come first "
        "(bold).",
    },
    "exp_pdf_sources": {"sv": "Källor", "en": "Sources"},
    "exp_pdf_method": {"sv": "Om metoden", "en": "About the method"},
    "exp_pdf_method_text": {
        "sv": "Territoriella utsläpp enligt SMHI:s Nationella emissionsdatabasen (t CO₂e, GWP "
        "AR5) till {base_year}. Varje spak är ett mål för 2030 som fasas in linjärt från "
        "basåret. Utsläppen per sektor räknas som aktivitet × energiintensitet × fossil andel, "
        "så spakarna samverkar utan att samma ton räknas bort två gånger. Referensscenariot är "
        "vägen utan nya lokala beslut och återger {base_year} exakt. Fossil CO₂ är NED:s CO₂ "
        "utan kalkning; BECCS är negativa utsläpp. Krävd minskning: den konstanta årliga takt "
        "från {next_year} som håller en exponentiellt avtagande bana inom återstående budget. "
        "Scenarier, inte prognoser.",
        "en": "Territorial emissions from SMHI's National emissions database (t CO₂e, GWP AR5) "
        "to {base_year}. Each lever is a target for 2030, phased in linearly from the base "
        "year. Emissions by sector are activity × energy intensity × fossil share, so levers "
        "combine without removing the same tonne twice. The reference scenario is the path "
        "without new local decisions and reproduces {base_year} exactly. Fossil CO₂ is NED's "
        "CO₂ without liming; BECCS is negative emissions. Reduction needed: the constant yearly "
        "rate from {next_year} that keeps an exponentially falling path within the remaining "
        "budget. Scenarios, not forecasts.",
    },
    "exp_pdf_page": {"sv": "Sida {page} av 2", "en": "Page {page} of 2"},
}
