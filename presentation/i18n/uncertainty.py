"""Texts of the uncertainty views: the fan, the ranges, the chances and the tornado."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "unc_heading": {"sv": "Hur säkra är vi?", "en": "How sure are we?"},
    "unc_toggle": {"sv": "Visa osäkerheten", "en": "Show the uncertainty"},
    "unc_toggle_help": {
        "sv": "Räknar scenariot {n} gånger med osäkra indata dragna ur sina intervall "
        "(statistikens revidering, bilparkens förnyelse, trafik, biodrivmedel, BECCS, "
        "befolkning, jordbrukets utsläppsfaktorer).",
        "en": "Runs the scenario {n} times with uncertain inputs drawn from their ranges "
        "(revision of the statistics, fleet renewal, traffic, biofuels, BECCS, population, "
        "agriculture's emission factors).",
    },
    "unc_budget_range": {
        "sv": "**Koldioxidbudgeten tar slut mellan {low} och {high}, troligast {likely}.**",
        "en": "**The carbon budget runs out between {low} and {high}, most likely in {likely}.**",
    },
    "unc_budget_range_one_year": {
        "sv": "**Koldioxidbudgeten tar slut {year}, troligast {likely}.**",
        "en": "**The carbon budget runs out in {year}, most likely in {likely}.**",
    },
    "unc_budget_range_open": {
        "sv": "**Koldioxidbudgeten tar slut tidigast omkring {low}**, men i {share} av "
        "beräkningarna räcker den längre än 2050.",
        "en": "**The carbon budget runs out in {low} at the earliest**, but in {share} of the "
        "runs it lasts beyond 2050.",
    },
    "unc_budget_range_lasts": {
        "sv": "**Koldioxidbudgeten räcker längre än 2050 i {share} av beräkningarna.**",
        "en": "**The carbon budget lasts beyond 2050 in {share} of the runs.**",
    },
    "unc_budget_range_note": {
        "sv": "Intervallet är 10–90 %: i åtta fall av tio tar budgeten slut inom det.",
        "en": "The range is 10–90 %: in eight cases out of ten the budget runs out within it.",
    },
    "unc_chance_fossil": {
        "sv": "**Chansen att nå fossilbränslefritt 2030: {p}.** Så stor andel av {n} "
        "beräkningar med osäkra indata når noll koldioxid från fossila bränslen 2030 med de "
        "här spakarna.",
        "en": "**The chance of reaching fossil-fuel-free 2030: {p}.** The share of {n} runs "
        "with uncertain inputs that reach zero CO2 from fossil fuels in 2030 with these "
        "levers.",
    },
    "unc_chance_budget": {
        "sv": "**Chansen att budgeten räcker till 2050: {p}.** Så stor andel av beräkningarna "
        "håller sig inom koldioxidbudgeten till och med 2050.",
        "en": "**The chance that the budget lasts to 2050: {p}.** The share of the runs that "
        "stay within the carbon budget through 2050.",
    },
    "unc_caption": {
        "sv": "Banden visar var nettoutsläppen hamnar i 80 % (ljust) och 50 % (mörkt) av {n} "
        "beräkningar där osäkra indata dras ur sina intervall (latinsk hyperkub, frö {seed}). "
        "Statistikåren tas som de är. Linjen är scenariot med centrala värden. Metoden och "
        "intervallen står under Data och metod.",
        "en": "The bands show where net emissions land in 80 % (light) and 50 % (dark) of "
        "{n} runs with uncertain inputs drawn from their ranges (Latin hypercube, seed "
        "{seed}). The statistics years are taken as given. The line is the scenario at "
        "central values. The method and the ranges are under Data and method.",
    },
    "unc_band_80": {"sv": "10–90 %", "en": "10–90 %"},
    "unc_band_50": {"sv": "25–75 %", "en": "25–75 %"},
    "unc_series_central": {"sv": "Scenariot (centrala värden)", "en": "Scenario (central values)"},
    "unc_series_median": {"sv": "Median", "en": "Median"},
    "unc_axis_net": {"sv": "Nettoutsläpp (kt CO2e)", "en": "Net emissions (kt CO2e)"},
    "unc_after_2050": {"sv": "efter 2050", "en": "after 2050"},
    "unc_tornado_heading": {"sv": "Vad betyder mest?", "en": "What matters most?"},
    "unc_tornado_intro": {
        "sv": "Varje osäker indata sätts till sitt låga och sitt höga värde medan alla andra "
        "står kvar på sina centrala värden (en i taget). Staplarna visar hur långt det "
        "flyttar resultatet från scenariot; samspel mellan indata syns inte här.",
        "en": "Each uncertain input is set to its low and its high value while all others "
        "stay at their central values (one at a time). The bars show how far that moves the "
        "result from the scenario; interactions between inputs do not show here.",
    },
    "unc_tornado_budget": {"sv": "När budgeten tar slut", "en": "When the budget runs out"},
    "unc_tornado_fossil": {"sv": "Koldioxid från fossila bränslen 2030",
                           "en": "CO2 from fossil fuels in 2030"},
    "unc_tornado_axis_years": {"sv": "År jämfört med scenariot",
                               "en": "Years compared with the scenario"},
    "unc_tornado_axis_t": {"sv": "Ton jämfört med scenariot",
                           "en": "Tonnes compared with the scenario"},
    "unc_tornado_none": {
        "sv": "Ingen av de osäkra indata flyttar det här resultatet.",
        "en": "None of the uncertain inputs moves this result.",
    },
    "unc_input": {"sv": "Osäker indata", "en": "Uncertain input"},
    "unc_at_low": {"sv": "Lågt värde", "en": "Low value"},
    "unc_at_high": {"sv": "Högt värde", "en": "High value"},
    "unc_export_sheet": {"sv": "Osäkerhet", "en": "Uncertainty"},
    "unc_export_heading": {"sv": "Osäkerhet", "en": "Uncertainty"},
    "unc_export_table": {
        "sv": "Nettoutsläpp per år i {n} beräkningar (t CO2e): percentiler",
        "en": "Net emissions per year in {n} runs (t CO2e): percentiles",
    },
    "compare_chance_fossil": {"sv": "Chans: fossilbränslefritt 2030",
                              "en": "Chance: fossil-fuel-free 2030"},
    "compare_chance_budget": {"sv": "Chans: budgeten räcker till 2050",
                              "en": "Chance: budget lasts to 2050"},
    "compare_chance_caption": {
        "sv": "Chanserna är andelen av {n} beräkningar med osäkra indata (samma dragningar "
        "för alla scenarier) som når målet.",
        "en": "The chances are the share of {n} runs with uncertain inputs (the same draws "
        "for every scenario) that reach the goal.",
    },
    "unc_method_heading": {"sv": "Osäkerhet: hur säkra är vi?",
                           "en": "Uncertainty: how sure are we?"},
    "unc_method": {
        "sv": "**Vad som är osäkert.** Tabellen `uncertainty.csv` ger varje osäker indata en "
        "fördelning, ett intervall och en källa: hur mycket statistiken revideras mellan två "
        "publiceringar av Nationella emissionsdatabasen (jämförelse av 2023 års siffror i "
        "publiceringarna 2025 och 2026 för alla kommuner, per sektor), bilparkens "
        "förnyelsetakt och laddhybridernas eldrift, körsträcka per bil, befolkningstillväxt, "
        "lastbilstrafikens tillväxt, biodrivmedlens livscykelfaktor, hur mycket BECCS fångar "
        "in (avskiljningsgrad och tillgänglighet) och jordbrukets utsläppsfaktorer.\n\n"
        "**Hur det dras.** {n} dragningar på sidan ({n_cli} i kommandoraden som standard) med "
        "latinsk hyperkub (scipy.stats.qmc, fast frö {seed}, samma dragningar för varje "
        "spakinställning): varje indatas intervall delas i lika många lika sannolika delar "
        "som det finns dragningar och varje del dras en gång. Indata antas oberoende. "
        "Likformig: lågt till högt; triangel: lågt, centralt (typvärde), högt; normal: "
        "centralt med lågt och högt som 10:e och 90:e percentil. Det centrala värdet är det "
        "modellen använder, så scenariot på sidan är mittpunkten.\n\n"
        "**Hur det räknas.** Alla dragningar körs genom samma modell på en gång, som en "
        "matris, inte en i taget. Sidan visar 10–90 % och 25–75 % av nettoutsläppen per år, "
        "året budgeten tar slut (10–90 %) och den troligaste månaden (toppen av fördelningen "
        "per månad), och chansen att nå fossilbränslefritt 2030 och att budgeten räcker till 2050: "
        "andelen dragningar som gör det. Statistikåren tas som de är (ingen bredd); "
        "revideringen verkar från året efter basåret.\n\n"
        "**Vad betyder mest.** Varje indata sätts till sitt låga och höga värde medan de "
        "andra är centrala (känslighet en i taget); samspel syns inte.\n\n"
        "**Vad som inte täcks.** Modellens uppbyggnad (att utsläppen följer just de här "
        "faktorerna), politiska överraskningar (ändrad reduktionsplikt, nya styrmedel), "
        "samband mellan indata, när BECCS startar (flytta spaken för startår för att se det) "
        "och osäkerheten i koldioxidbudgeten själv. Chanserna är "
        "därför chanser givet modellen, inte en prognos.",
        "en": "**What is uncertain.** The table `uncertainty.csv` gives each uncertain input "
        "a distribution, a range and a source: how much the statistics are revised between "
        "two releases of the national emissions database (the 2023 figures in the 2025 and "
        "2026 releases compared for every municipality, by sector), the car fleet's renewal "
        "rate and plug-in hybrids' electric driving, distance per car, population growth, "
        "growth of truck traffic, biofuels' lifecycle factor, how much BECCS captures "
        "(capture rate and availability) and agriculture's emission factors.\n\n"
        "**How it is sampled.** {n} draws on the page ({n_cli} in the command line by "
        "default) by Latin hypercube (scipy.stats.qmc, fixed seed {seed}, the same draws for "
        "every lever setting): each input's range is cut into as many equally likely slices "
        "as there are draws and each slice is drawn once. Inputs are taken as "
        "independent. Uniform: low to high; triangular: low, central (mode), high; normal: "
        "central, with low and high as its 10th and 90th percentiles. The central value is "
        "the one the model uses, so the scenario on the page is the midpoint.\n\n"
        "**How it is computed.** All draws run through the same model at once, as one "
        "array, not one at a time. The page shows 10–90 % and 25–75 % of net emissions per "
        "year, the year the budget runs out (10–90 %) and the most likely month (the peak "
        "of the distribution by month), and the chance of fossil-fuel-free 2030 and of the budget "
        "lasting to 2050: the share of draws that do. The statistics years are taken as "
        "given (no width); the revision acts from the year after the base year.\n\n"
        "**What matters most.** Each input is set to its low and high value with the others "
        "central (one-at-a-time sensitivity); interactions do not show.\n\n"
        "**What is not covered.** The model's structure (that emissions follow these very "
        "factors), policy surprises (a changed reduction obligation, new instruments), "
        "correlations between inputs, when BECCS starts (move the start-year lever to see it) "
        "and the uncertainty of the carbon budget itself. The "
        "chances are therefore chances given the model, not a forecast.",
    },
    "unc_method_table": {"sv": "De osäkra indata", "en": "The uncertain inputs"},
    "unc_col_distribution": {"sv": "Fördelning", "en": "Distribution"},
    "unc_col_low": {"sv": "Lågt", "en": "Low"},
    "unc_col_central": {"sv": "Centralt", "en": "Central"},
    "unc_col_high": {"sv": "Högt", "en": "High"},
    "unc_col_reason": {"sv": "Varför", "en": "Why"},
    "unc_dist_uniform": {"sv": "likformig", "en": "uniform"},
    "unc_dist_triangular": {"sv": "triangel", "en": "triangular"},
    "unc_dist_normal": {"sv": "normal (lågt–högt = 10–90 %)",
                        "en": "normal (low–high = 10–90 %)"},
}
