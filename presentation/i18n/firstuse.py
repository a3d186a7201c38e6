"""Texts for first-time users: the verdict among the key figures, the participant view on a
phone, chart descriptions and tables, skip links and the uploader's own Swedish caption."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The verdict among the key figures
    "verdict_label": {"sv": "Fossilbränslefritt 2030", "en": "Fossil-fuel-free 2030"},
    "verdict_yes": {"sv": "Ja", "en": "Yes"},
    "verdict_no": {"sv": "Nej, {left} kvar", "en": "No, {left} left"},
    "verdict_help": {
        "sv": "Når scenariot fossilbränslefritt 2030? Om inte: hur mycket koldioxid från "
        "fossila bränslen som är kvar det året.",
        "en": "Does the scenario reach fossil-fuel-free 2030? If not: how much carbon "
        "dioxide from fossil fuels is left that year.",
    },
    "budget_after_2050": {"sv": "räcker förbi 2050", "en": "lasts beyond 2050"},
    "budget_before_2050": {"sv": "tar slut före 2050", "en": "runs out before 2050"},
    # The participant view
    "pv_intro": {
        "sv": "Workshop {code}. Flytta spakarna nedan; siffrorna överst följer med. Skicka "
        "sedan in ert scenario längst ned.",
        "en": "Workshop {code}. Move the levers below; the figures at the top follow. Then "
        "submit your scenario at the bottom.",
    },
    "pv_levers_heading": {"sv": "Spakar", "en": "Levers"},
    "pv_levers_unchanged": {"sv": "Spakarna står på referensen.",
                            "en": "The levers are at the reference."},
    "pv_submit_heading": {"sv": "Skicka in", "en": "Submit"},
    "pv_closed": {"sv": "Tack för att du var med!", "en": "Thank you for taking part!"},
    "pv_toast": {"sv": "Scenariot är inskickat", "en": "The scenario is submitted"},
    "pv_figures_label": {"sv": "Ditt scenario", "en": "Your scenario"},
    "pv_language": {"sv": "In English", "en": "På svenska"},
    # Skip links (keyboard)
    "skip_to_levers": {"sv": "Hoppa till spakarna", "en": "Skip to the levers"},
    "skip_to_results": {"sv": "Hoppa till resultaten", "en": "Skip to the results"},
    "skip_nav_label": {"sv": "Genvägar", "en": "Shortcuts"},
    # Charts in words and as tables
    "show_as_table": {"sv": "Visa som tabell", "en": "Show as table"},
    # A chart's accessible name: the same on every rerun (a spec that changes makes the
    # browser build the chart anew), the figures in the text under it.
    "chart_aria_label": {"sv": "Diagram. Vad det visar står i texten under diagrammet.",
                         "en": "Chart. What it shows is in the text below it."},
    "unit_t_per_capita": {"sv": "t CO2e per invånare", "en": "t CO2e per inhabitant"},
    "chart_trajectory_text": {
        "sv": "Diagrammet visar utsläppen av växthusgaser i {name} per sektor, statistik "
        "1990–{base_year} och scenario till 2050. {base_year}: {base}. 2030: {total_2030} "
        "från sektorerna, netto {net_2030} (referensen: {reference_2030}). 2050: netto "
        "{net_2050}. Störst 2030: {largest}.",
        "en": "The chart shows greenhouse-gas emissions in {name} by sector, statistics "
        "1990–{base_year} and the scenario to 2050. {base_year}: {base}. 2030: {total_2030} "
        "from the sectors, net {net_2030} (the reference: {reference_2030}). 2050: net "
        "{net_2050}. Largest in 2030: {largest}.",
    },
    "chart_fossil_text": {
        "sv": "Fossil koldioxid kvar år 2030 per sektor, störst först: {list}.",
        "en": "Fossil carbon dioxide left in 2030 by sector, largest first: {list}.",
    },
    "chart_budget_text": {
        "sv": "Kumulativa utsläpp från {start} mot budgeten på {budget} kt CO2e: {end} kt år "
        "2050. {crossed}",
        "en": "Cumulative emissions from {start} against the budget of {budget} kt CO2e: "
        "{end} kt in 2050. {crossed}",
    },
    "chart_budget_crossed": {"sv": "Budgeten överskrids {year}.",
                             "en": "The budget is exceeded in {year}."},
    "chart_budget_not_crossed": {"sv": "Budgeten överskrids inte före 2050.",
                                 "en": "The budget is not exceeded by 2050."},
    # The other charts in words (the numbers come from the chart's own data)
    "col_rank": {"sv": "Plats", "en": "Place"},
    "unit_years": {"sv": "år", "en": "years"},
    "unit_tonnes_short": {"sv": "t", "en": "t"},
    "unit_sek_per_t": {"sv": "kr/t", "en": "SEK/t"},
    "chart_compare_text": {
        "sv": "Diagrammet visar nettoutsläppen för {n} scenarier i kt CO2e per år: statistik "
        "till {base_year} i grått, sedan en linje per scenario. 2030: {list_2030}. 2050: "
        "{list_2050}.",
        "en": "The chart shows the net emissions of {n} scenarios in kt CO2e per year: "
        "statistics to {base_year} in grey, then one line per scenario. 2030: {list_2030}. "
        "2050: {list_2050}.",
    },
    "chart_municipalities_text": {
        "sv": "Diagrammet visar utsläppen av växthusgaser i {names}: statistik som hel linje, "
        "scenariot streckat. 2030: {list_2030}. 2050: {list_2050}.",
        "en": "The chart shows greenhouse-gas emissions in {names}: statistics as a solid "
        "line, the scenario dashed. 2030: {list_2030}. 2050: {list_2050}.",
    },
    "chart_workshop_text": {
        "sv": "Diagrammet visar nettoutsläppen för {n} inskickade scenarier mot referensen "
        "(streckad). 2030: referensen {reference}; lägst {low}; högst {high}.",
        "en": "The chart shows the net emissions of {n} submitted scenarios against the "
        "reference (dashed). 2030: the reference {reference}; lowest {low}; highest {high}.",
    },
    "chart_wedge_text": {
        "sv": "Diagrammet visar hur mycket varje åtgärd minskar utsläppen jämfört med "
        "referensen, i kt CO2e per år, staplat. 2030: {list_2030}. 2050: {list_2050}.",
        "en": "The chart shows how much each measure cuts emissions compared with the "
        "reference, in kt CO2e per year, stacked. 2030: {list_2030}. 2050: {list_2050}.",
    },
    "chart_dec_bars_text": {
        "sv": "Minskning år {year} per åtgärd, störst först: {list}.",
        "en": "Reduction in {year} by measure, largest first: {list}.",
    },
    "chart_control_text": {
        "sv": "Minskning år {year} efter vem som bestämmer över spaken: {list}.",
        "en": "Reduction in {year} by who decides over the lever: {list}.",
    },
    "chart_invest_text": {
        "sv": "Diagrammet visar investeringarna per år {first}–{last} och vem som betalar. "
        "Totalt {total}: {list}.",
        "en": "The chart shows the investment per year {first}–{last} and who pays. In "
        "total {total}: {list}.",
    },
    "chart_mac_text": {
        "sv": "Kostnadskurvan visar varje åtgärd som en stapel: bredden är minskade ton, "
        "höjden kronor per ton, billigast först: {list}.",
        "en": "The cost curve shows each measure as a bar: the width is tonnes removed, the "
        "height SEK per tonne, cheapest first: {list}.",
    },
    "chart_fan_text": {
        "sv": "Diagrammet visar nettoutsläppen med osäkerheten, i kt CO2e. 2030: scenariot "
        "{central_2030}, 8 av 10 utfall mellan {low_2030} och {high_2030}. 2050: scenariot "
        "{central_2050}, mellan {low_2050} och {high_2050}.",
        "en": "The chart shows net emissions with their uncertainty, in kt CO2e. 2030: the "
        "scenario {central_2030}, 8 in 10 outcomes between {low_2030} and {high_2030}. "
        "2050: the scenario {central_2050}, between {low_2050} and {high_2050}.",
    },
    "chart_tornado_budget_text": {
        "sv": "Det som flyttar när budgeten tar slut mest, störst först, i år jämfört med "
        "scenariot: {list}.",
        "en": "What moves the date the budget runs out most, largest first, in years "
        "compared with the scenario: {list}.",
    },
    "chart_tornado_fossil_text": {
        "sv": "Det som ändrar den fossila koldioxiden 2030 mest, störst först, i ton jämfört "
        "med scenariot: {list}.",
        "en": "What changes fossil carbon dioxide in 2030 most, largest first, in tonnes "
        "compared with the scenario: {list}.",
    },
    "chart_distribution_text": {
        "sv": "Diagrammet visar ”{measure}” för {n} kommuner, en stapel per kommun från lägst "
        "till högst. {own}Lägst: {low}. Median: {median}. Högst: {high}.",
        "en": "The chart shows “{measure}” for {n} municipalities, one bar per municipality "
        "from lowest to highest. {own}Lowest: {low}. Median: {median}. Highest: {high}.",
    },
    "chart_distribution_own": {
        "sv": "{name}: {value}, plats {rank} av {n}. ",
        "en": "{name}: {value}, place {rank} of {n}. ",
    },
    "compare_too_many": {
        "sv": "Högst {n} scenarier åt gången: de {n} första visas. Ta bort ett för att visa "
        "ett annat.",
        "en": "At most {n} scenarios at a time: the first {n} are shown. Remove one to show "
        "another.",
    },
}
