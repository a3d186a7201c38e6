"""Texts of the decision-support page ("Vad krävs?"), its Excel export and its data-page
section."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "page_decisions": {"sv": "Vad krävs?", "en": "What would it take?"},
    "dec_title": {"sv": "Vad krävs?", "en": "What would it take?"},
    "dec_intro": {
        "sv": "Vad som krävs för att nå ett mål, vilka spakar som gör skillnad, vem som rår över "
        "dem och vad det kostar. Välj ett mål: sökningen utgår från spakarna i sidopanelen och "
        "flyttar de olåsta spakarna så lite som möjligt, och bara i den riktning som minskar "
        "utsläppen, tills målet nås.",
        "en": "What it takes to reach a goal, which levers make a difference, who controls "
        "them and what it costs. Pick a goal: the search starts from the levers in the "
        "sidebar and moves the unlocked levers as little as possible, and only in the "
        "direction that lowers emissions, until the goal is reached.",
    },
    "dec_goal": {"sv": "Mål", "en": "Goal"},
    "dec_goal_fossil": {"sv": "Fossilbränslefritt 2030 (mindre än 1 ton fossil CO2 från "
                        "bränslen år 2030)",
                        "en": "Fossil-fuel free 2030 (less than 1 tonne of fossil CO2 from "
                        "fuels in 2030)"},
    "dec_goal_budget": {"sv": "Koldioxidbudgeten räcker till 2050",
                        "en": "The carbon budget lasts to 2050"},
    "dec_budget_used": {
        "sv": "Budget: {budget} från {start}{beccs} (ändras på sidan Scenario).",
        "en": "Budget: {budget} from {start}{beccs} (change it on the Scenario page).",
    },
    "dec_budget_beccs": {"sv": ", BECCS räknas mot budgeten",
                         "en": ", BECCS counts against the budget"},
    "dec_locks_heading": {"sv": "Låsta spakar", "en": "Locked levers"},
    "dec_locks_help": {
        "sv": "Låsta spakar flyttas inte, till exempel nationell politik som kommunen inte rår "
        "över.",
        "en": "Locked levers do not move, for example national policy the municipality does "
        "not control.",
    },
    "dec_locks_none": {"sv": "Ingen spak är låst.", "en": "No lever is locked."},
    "dec_locks_list": {"sv": "Låsta: {levers}.", "en": "Locked: {levers}."},
    "dec_locks_count": {"sv": "{n} av {total} låsta", "en": "{n} of {total} locked"},
    "dec_lock_not_own": {"sv": "Lås allt som kommunen inte rår över",
                         "en": "Lock all the municipality does not control"},
    "dec_unlock_all": {"sv": "Lås upp alla", "en": "Unlock all"},
    "dec_search": {"sv": "Sök", "en": "Search"},
    "dec_reached": {
        "sv": "Målet nås. Tabellen visar den minsta sammanlagda ändring sökningen hittade: "
        "{n} spakar flyttas; sammanlagt motsvarar det {total} spakar flyttade hela vägen från "
        "ena änden till den andra.",
        "en": "The goal is reached. The table shows the smallest total change the search "
        "found: {n} levers move; in total that equals {total} levers moved all the way from "
        "one end to the other.",
    },
    "dec_already": {"sv": "Målet nås redan med spakarna som de står: inget behöver ändras.",
                    "en": "The goal is already reached with the levers as they are: nothing "
                    "needs to change."},
    # After dec_verdict_fossil_not, which gives the figure (it was said twice, rounded two
    # ways: "37 000 t" and "37 200 t").
    "dec_not_reached_fossil": {
        "sv": "Målet går inte att nå inom spakarnas intervall med de spakar som är låsta. "
        "Närmast kommer man med de olåsta spakar som hjälper på sitt bästa värde (tabellen).",
        "en": "The goal cannot be reached within the levers' ranges with the levers that are "
        "locked. The closest is every unlocked lever that helps at its best value (the "
        "table).",
    },
    "dec_verdict_fossil_reached": {"sv": "Fossilbränslefritt 2030 nås med möjliga spakar.",
                                   "en": "Fossil-fuel free 2030 is reached with possible levers."},
    "dec_verdict_fossil_not": {
        "sv": "Fossilbränslefritt 2030 nås inte med möjliga spakar: bästa möjliga lämnar "
        "{left} fossil CO2 år 2030, mest i {biggest}.",
        "en": "Fossil-fuel free 2030 is not reached with possible levers: the best possible "
        "leaves {left} of fossil CO2 in 2030, most in {biggest}.",
    },
    "dec_verdict_budget_reached": {"sv": "Budgeten räcker till 2050 med möjliga spakar.",
                                   "en": "The budget lasts to 2050 with possible levers."},
    "dec_verdict_budget_not": {
        "sv": "Budgeten räcker inte till 2050 med möjliga spakar: bästa möjliga överskrider "
        "den med {over}.",
        "en": "The budget does not last to 2050 with possible levers: the best possible "
        "exceeds it by {over}.",
    },
    "dec_part_cars": {"sv": "personbilar", "en": "cars"},
    "dec_part_heavy_trucks": {"sv": "tunga lastbilar", "en": "heavy trucks"},
    "dec_part_light_trucks": {"sv": "lätta lastbilar", "en": "light trucks"},
    "dec_part_buses": {"sv": "bussar", "en": "buses"},
    "dec_part_domestic_aviation": {"sv": "inrikesflyg", "en": "domestic aviation"},
    "dec_part_other_transport": {"sv": "övriga transporter", "en": "other transport"},
    "dec_not_reached_budget": {
        "sv": "Målet går inte att nå inom spakarnas intervall med de spakar som är låsta. "
        "Närmast kommer man med de olåsta spakar som hjälper på sitt bästa värde (tabellen): "
        "budgeten tar då slut {when}, och utsläppen till 2050 överskrider den med {over}.",
        "en": "The goal cannot be reached within the levers' ranges with the levers that are "
        "locked. The closest is every unlocked lever that helps at its best value (the "
        "table): the budget then runs out in {when}, and emissions to 2050 exceed it by "
        "{over}.",
    },
    "dec_change_note": {
        "sv": "Ändring mäts per spak som andel av spakens hela intervall (|nytt − nu| / (max − "
        "min)), så att procent, kiloton och år kan läggas ihop. Sökningen ger en liten "
        "ändring, inte ett bevisat minimum, men inställningarna når alltid målet när det står "
        "att de gör det.",
        "en": "Change is measured per lever as a share of the lever's full range (|new − now| "
        "/ (max − min)), so that per cent, kilotonnes and years can be added. The search "
        "gives a small change, not a proven minimum, but the settings always reach the goal "
        "when it says they do.",
    },
    "dec_col_lever": {"sv": "Spak", "en": "Lever"},
    "dec_col_now": {"sv": "Nu", "en": "Now"},
    "dec_col_needed": {"sv": "Behövs", "en": "Needed"},
    "dec_col_change": {"sv": "Ändring", "en": "Change"},
    "dec_col_share_of_range": {"sv": "Andel av intervallet", "en": "Share of range"},
    "dec_col_control": {"sv": "Rådighet", "en": "Who controls it"},
    "dec_apply": {"sv": "Använd inställningarna", "en": "Use these settings"},
    "dec_apply_help": {
        "sv": "Sätter spakarna i sidopanelen till de funna värdena och visar scenariot.",
        "en": "Sets the sidebar levers to the values found and shows the scenario.",
    },
    "dec_stale": {
        "sv": "Spakarna, målet, låsen eller budgeten har ändrats sedan sökningen. Tryck Sök "
        "igen.",
        "en": "The levers, the goal, the locks or the budget have changed since the search. "
        "Press Search again.",
    },
    "dec_applied": {"sv": "Spakarna står nu på sökningens värden.",
                    "en": "The levers are now at the values from the search."},
    "dec_press_search": {"sv": "Tryck Sök för att få ett förslag.",
                         "en": "Press Search to get a proposal."},
    "dec_error": {"sv": "Sökningen gick inte att göra: {message}",
                  "en": "The search could not be made: {message}"},
    # The three views under the search, as tabs (ui/decision_page.views)
    "dec_tab_effects": {"sv": "Effekt", "en": "Effect"},
    "dec_tab_control": {"sv": "Rådighet", "en": "Control"},
    "dec_tab_costs": {"sv": "Kostnader", "en": "Costs"},
    # Contributions
    "dec_contrib_heading": {"sv": "Vilka spakar gör skillnad?",
                            "en": "Which levers make a difference?"},
    "dec_contrib_intro": {
        "sv": "Ton som varje spak tar bort i ditt scenario jämfört med referensen "
        "(nettoutsläpp av växthusgaser, BECCS inräknat). Spakarna samverkar, så tonnen är "
        "fördelade rättvist, oberoende av i vilken ordning spakarna flyttas, och delarna blir "
        "tillsammans exakt hela skillnaden varje år (metoden står under Data och metod).",
        "en": "Tonnes each lever removes in your scenario compared with the reference (net "
        "greenhouse-gas emissions, BECCS included). The levers interact, so the tonnes are "
        "shared out fairly, whatever the order the levers are moved in, and the parts add up "
        "to exactly the whole difference every year (the method is under Data and method).",
    },
    "dec_contrib_none": {
        "sv": "Scenariot är lika med referensen: inga bidrag att visa. Flytta spakarna i "
        "sidopanelen eller använd ett sökresultat ovan.",
        "en": "The scenario equals the reference: no contributions to show. Move the levers in "
        "the sidebar or use a search result above.",
    },
    "dec_contrib_year": {"sv": "År för stapeldiagrammet", "en": "Year for the bar chart"},
    "dec_contrib_summary": {
        "sv": "Sammanlagt tar scenariot bort {year_total} år {year} och {total} under "
        "{first}–2050 jämfört med referensen.",
        "en": "In total the scenario removes {year_total} in {year} and {total} over "
        "{first}–2050 compared with the reference.",
    },
    "dec_wedge_title": {"sv": "Minskning per spak över tid (kt CO2e per år)",
                        "en": "Reduction per lever over time (kt CO2e a year)"},
    "dec_bar_title": {"sv": "Minskning per spak år {year} (t CO2e)",
                      "en": "Reduction per lever in {year} (t CO2e)"},
    "dec_axis_removed_kt": {"sv": "Borttaget mot referens (kt CO2e)",
                            "en": "Removed against the reference (kt CO2e)"},
    "dec_axis_removed_t": {"sv": "Borttaget (t CO2e)", "en": "Removed (t CO2e)"},
    "dec_axis_year": {"sv": "År", "en": "Year"},
    "dec_beccs_measure": {"sv": "Bio-CCS (BECCS, mängd och startår)",
                          "en": "Bio-CCS (BECCS, amount and start year)"},
    "dec_col_removed_year": {"sv": "Borttaget {year} (t)", "en": "Removed in {year} (t)"},
    "dec_col_removed_total": {"sv": "Borttaget {first}–2050 (t)",
                              "en": "Removed {first}–2050 (t)"},
    # Rådighet
    "dec_control_heading": {"sv": "Vem rår över minskningarna?",
                            "en": "Who controls the reductions?"},
    "dec_control_caption": {
        "sv": "Samma minskningar år {year}, summerade efter vem som styr spaken (rådighet).",
        "en": "The same reductions in {year}, summed by who controls the lever.",
    },
    "dec_control_sentence": {
        "sv": "Med enbart kommunens egna beslut kan **{closable}** av gapet på {gap} fossil "
        "CO2 till fossilfritt 2030 stängas (**{share}**). Tillsammans med spakarna som "
        "kommunen delar med andra: {closable_shared} ({share_shared}).",
        "en": "With its own decisions alone, the municipality can close **{closable}** of the "
        "gap of {gap} of fossil CO2 to fossil-free 2030 (**{share}**). Together with the "
        "levers it shares with others: {closable_shared} ({share_shared}).",
    },
    "dec_control_full": {
        "sv": "Kommunens egna beslut räcker för att stänga hela gapet på {gap} fossil CO2 till "
        "fossilfritt 2030.",
        "en": "The municipality's own decisions are enough to close the whole gap of {gap} of "
        "fossil CO2 to fossil-free 2030.",
    },
    "dec_control_no_gap": {"sv": "Scenariot är redan fossilfritt 2030: det finns inget gap att "
                           "stänga.",
                           "en": "The scenario is already fossil-free in 2030: there is no gap "
                           "to close."},
    "dec_control_axis": {"sv": "Borttaget {year} (t CO2e)", "en": "Removed in {year} (t CO2e)"},
    # Costs
    "dec_costs_heading": {"sv": "Vad kostar det, och vem betalar?",
                          "en": "What does it cost, and who pays?"},
    "dec_costs_intro": {
        "sv": "Klimatinvesteringsplan: kostnader för ditt scenario jämfört med referensen till "
        "2035, från dokumenterade enhetskostnader med en låg, en mellan och en hög nivå "
        "(tabellen längst ned, med källor). Många är uppskattningar och är märkta så.",
        "en": "Climate investment plan: costs of your scenario compared with the reference to "
        "2035, from documented unit costs with a low, a middle and a high level (the table "
        "at the bottom, with sources). Many are estimates and are marked as such.",
    },
    "dec_cost_case": {"sv": "Kostnadsnivå", "en": "Cost level"},
    "dec_case_low": {"sv": "Låg", "en": "Low"},
    "dec_case_central": {"sv": "Mellan", "en": "Middle"},
    "dec_case_high": {"sv": "Hög", "en": "High"},
    "dec_metric_investment": {"sv": "Investeringar {first}–2035",
                              "en": "Investments {first}–2035"},
    "dec_metric_investment_help": {
        "sv": "Summan av alla investeringar jämfört med referensen, alla betalare.",
        "en": "The sum of all investments compared with the reference, all payers.",
    },
    "dec_metric_operating": {"sv": "Driftkostnad {year}", "en": "Operating cost {year}"},
    "dec_metric_operating_help": {
        "sv": "Årlig driftkostnad jämfört med referensen; negativt värde är en besparing.",
        "en": "Yearly operating cost compared with the reference; a negative value is a "
        "saving.",
    },
    "dec_metric_per_tonne": {"sv": "Kostnad per ton CO2e", "en": "Cost per tonne CO2e"},
    "dec_metric_per_tonne_help": {
        "sv": "(Investeringar fördelade över livslängden med {rate} kalkylränta + "
        "driftkostnader) / ton CO2e som tas bort {first}–2035. Låg–hög: {low} till {high}.",
        "en": "(Investments spread over their lifetime at a {rate} discount rate + operating "
        "costs) / tonnes of CO2e removed {first}–2035. Low–high: {low} to {high}.",
    },
    "dec_invest_title": {"sv": "Investeringar per år och betalare (Mkr)",
                         "en": "Investments per year and payer (MSEK)"},
    "dec_axis_msek": {"sv": "Mkr", "en": "MSEK"},
    "dec_invest_caption": {
        "sv": "Investeringar jämfört med referensen. En negativ stapel är en investering som "
        "referensen ändå hade gjort senare och som scenariot redan har gjort (till exempel "
        "elbilar och värmepumpar som köps tidigare).",
        "en": "Investments compared with the reference. A negative bar is an investment the "
        "reference would have made later anyway and the scenario has already made (for "
        "example electric cars and heat pumps bought earlier).",
    },
    "dec_payer": {"sv": "Betalare", "en": "Payer"},
    "payer_kommun": {"sv": "Kommunen", "en": "The municipality"},
    "payer_region": {"sv": "Regionen", "en": "The region"},
    "payer_stat": {"sv": "Staten", "en": "The state"},
    "payer_naringsliv": {"sv": "Näringslivet", "en": "Business"},
    "payer_hushall": {"sv": "Hushållen", "en": "Households"},
    "dec_mac_title": {"sv": "Åtgärdskostnadskurva: billigast först",
                      "en": "Marginal abatement cost curve: cheapest first"},
    "dec_mac_x": {"sv": "Ton CO2e borttaget {first}–2035, kumulativt (kt)",
                  "en": "Tonnes of CO2e removed {first}–2035, cumulative (kt)"},
    "dec_mac_y": {"sv": "Kronor per ton CO2e", "en": "SEK per tonne of CO2e"},
    "dec_mac_caption": {
        "sv": "Bredd = ton som åtgärden tar bort {first}–2035, höjd = kostnad per ton "
        "(investeringar som annuitet + drift) under samma år, billigast först. Negativ höjd "
        "betyder att åtgärden sparar pengar. Staplar högre än ±{clip} kr per ton är avkapade i "
        "diagrammet; pekaren visar det rätta värdet.",
        "en": "Width = tonnes the measure removes {first}–2035, height = cost per tonne "
        "(investments as annuities + operation) over the same years, cheapest first. A "
        "negative height means the measure saves money. Bars beyond ±{clip} SEK per tonne "
        "are cut off in the chart; the tooltip shows the true value.",
    },
    "dec_costs_none": {"sv": "Inga kostnader: scenariot är lika med referensen.",
                       "en": "No costs: the scenario equals the reference."},
    "dec_cost_caveat": {
        "sv": "Kostnaderna är merkostnader och besparingar för den som betalar. Skatter och "
        "avgifter som flyttas mellan aktörer, och värdet av resor som inte blir av, ingår "
        "inte.",
        "en": "The costs are extra costs and savings for whoever pays. Taxes and charges that "
        "move between actors, and the value of trips that do not happen, are not included.",
    },
    "dec_measures_heading": {"sv": "Per åtgärd {first}–2035", "en": "Per measure {first}–2035"},
    "dec_download": {"sv": "Ladda ner planen (Excel)", "en": "Download the plan (Excel)"},
    "dec_unit_costs": {"sv": "Enhetskostnader och källor", "en": "Unit costs and sources"},
    "dec_col_item": {"sv": "Kostnad", "en": "Cost"},
    "dec_col_kind": {"sv": "Typ", "en": "Type"},
    "dec_kind_investering": {"sv": "Investering", "en": "Investment"},
    "dec_kind_drift": {"sv": "Drift per år", "en": "Operation per year"},
    "dec_col_unit": {"sv": "Enhet", "en": "Unit"},
    "dec_col_low": {"sv": "Låg", "en": "Low"},
    "dec_col_central": {"sv": "Mellan", "en": "Middle"},
    "dec_col_high": {"sv": "Hög", "en": "High"},
    "dec_col_lifetime": {"sv": "Livslängd (år)", "en": "Lifetime (years)"},
    "dec_col_payers": {"sv": "Vem betalar", "en": "Who pays"},
    "dec_col_basis": {"sv": "Underlag", "en": "Basis"},
    "dec_basis_fakta": {"sv": "källa", "en": "source"},
    "dec_basis_uppskattning": {"sv": "uppskattning", "en": "estimate"},
    "dec_col_source": {"sv": "Källa", "en": "Source"},
    "dec_col_note": {"sv": "Kommentar", "en": "Note"},
    "dec_col_investment": {"sv": "Investering (Mkr)", "en": "Investment (MSEK)"},
    "dec_col_operating": {"sv": "Drift (Mkr)", "en": "Operation (MSEK)"},
    "dec_col_cost": {"sv": "Kostnad inkl. annuitet (Mkr)", "en": "Cost incl. annuity (MSEK)"},
    "dec_col_reduced": {"sv": "Borttaget (t CO2e)", "en": "Removed (t CO2e)"},
    "dec_col_sek_per_t": {"sv": "Kr per ton", "en": "SEK per tonne"},
    "dec_col_year": {"sv": "År", "en": "Year"},
    "dec_msek": {"sv": "{value} Mkr", "en": "{value} MSEK"},
    "dec_sek_per_t": {"sv": "{value} kr/t", "en": "{value} SEK/t"},
    # Excel
    "xl_sheet_summary": {"sv": "Sammanfattning", "en": "Summary"},
    "xl_sheet_investments": {"sv": "Investeringar", "en": "Investments"},
    "xl_sheet_plan": {"sv": "Plan per spak och betalare", "en": "Plan by lever and payer"},
    "xl_sheet_measures": {"sv": "Åtgärder", "en": "Measures"},
    "xl_sheet_mac": {"sv": "Kostnadskurva", "en": "Cost curve"},
    "xl_sheet_unit_costs": {"sv": "Enhetskostnader", "en": "Unit costs"},
    "xl_title": {"sv": "Klimatinvesteringsplan för {name}", "en": "Climate investment plan for "
                 "{name}"},
    "xl_note": {
        "sv": "Kostnader jämfört med referensscenariot (inga nya lokala beslut), kronor. "
        "Negativa värden är besparingar. Metod: Data och metod i Klimatscenarier.",
        "en": "Costs compared with the reference scenario (no new local decisions), SEK. "
        "Negative values are savings. Method: Data and method in Klimatscenarier.",
    },
    "xl_levers": {"sv": "Spakar i scenariot", "en": "Levers in the scenario"},
    "xl_case": {"sv": "Nivå", "en": "Level"},
    "xl_total": {"sv": "Summa", "en": "Total"},
    "xl_investment_sek": {"sv": "Investering (kr)", "en": "Investment (SEK)"},
    "xl_operating_sek": {"sv": "Drift (kr)", "en": "Operation (SEK)"},
    "xl_cost_sek": {"sv": "Kostnad inkl. annuitet (kr)", "en": "Cost incl. annuity (SEK)"},
    "xl_cost_per_tonne": {"sv": "Kostnad per ton CO2e (kr)", "en": "Cost per tonne CO2e (SEK)"},
    "xl_reduced_t": {"sv": "Borttaget {first}–2035 (t CO2e)",
                     "en": "Removed {first}–2035 (t CO2e)"},
    # Data page section
    "data_decisions_heading": {"sv": "Vad krävs, bidrag per spak och kostnader: metod",
                               "en": "What it would take, lever contributions and costs: "
                               "method"},
    "data_decisions_method": {
        "sv": """
**Bidrag per spak (Shapley-värden).** Spakarna samverkar multiplikativt (bilar: trafik ×
(1 − elandel) × bränslets fossila andel), så effekten av en spak beror på vilka som flyttats
före. Varje spak får därför sin marginaleffekt i genomsnitt över alla ordningar som spakarna
kan flyttas i (Shapley-värdet): oberoende av ordning, och delarna summerar exakt till
skillnaden mellan scenariot och referensen, varje år och för alla sektorer, BECCS inräknat.
Spakar som verkar på olika sektorer samverkar inte (sektorernas utsläpp adderas), så värdet
räknas exakt inom varje grupp av spakar som delar sektor (störst: vägtrafik med arbetsmaskiner
och flyg, högst 9 spakar och 512 körningar) i stället för över alla 2^19 kombinationer.

**Rådighet.** Samma minskningar summeras efter vem som styr spaken. Hur mycket av gapet till
fossilfritt 2030 kommunen själv kan stänga räknas genom att söka med bara kommunens spakar
olåsta: det som återstår när de står på sitt bästa värde dras från gapet.

**Vad krävs?** Sökningen flyttar bara olåsta spakar och bara mot den ände som minskar
utsläppen. Ändring mäts per spak som |nytt − nu| / (max − min). Först flyttas, en i taget,
den spak som tar bort mest av det som saknas per enhet ändring, hela vägen, tills nästa spak
räcker en bit in; sedan dras varje flyttad spak tillbaka så långt målet tillåter, i
reglagens steg. Svaret kontrolleras med modellen: står det att målet nås, så nås det.

**Kostnader.** Varje spak har enhetskostnader (data/costs.csv) per fysisk enhet: fordon som
elektrifieras, fordonskilometer som undviks, liter fossilt bränsle som ersätts, oljepannor,
sparade MWh, ton som tas bort eller infångningskapacitet (omräkningar i
data/cost_parameters.csv). Enheterna räknas som skillnad mot referensen; bränslevolymer i
scenariot (100 % elbilar lämnar ingen bensin att blanda). Investeringar följer ökningen av
beståndet och fördelas över livslängden som annuitet med 3,5 % kalkylränta (ASEK) när
kostnaden per ton räknas. Kostnadskurvan: bredd = ton borttaget {first}–2035, höjd = kronor
per ton under samma år, billigast först.
""",
        "en": """
**Contribution of each lever (Shapley values).** The levers interact multiplicatively (cars:
traffic × (1 − electric share) × the fuel's fossil share), so a lever's effect depends on
which levers moved before it. Each lever therefore gets its marginal effect averaged over
every order in which the levers could be moved (the Shapley value): independent of order,
and the parts add up exactly to the difference between the scenario and the reference, every
year and for all sectors, BECCS included. Levers acting on different sectors do not interact
(sector emissions are added), so the value is computed exactly within each group of levers
that share a sector (the largest: road transport with machinery and aviation, at most 9
levers and 512 runs) instead of over all 2^19 combinations.

**Who controls it.** The same reductions are summed by who controls the lever. How much of
the gap to fossil-free 2030 the municipality can close itself is found by searching with only
the municipality's levers unlocked: what is left with them at their best is taken from the
gap.

**What would it take?** The search moves only unlocked levers and only towards the end that
lowers emissions. Change is measured per lever as |new − now| / (max − min). First the lever
that removes most of what is missing per unit of change is moved, one at a time and all the
way, until the next lever is enough part-way; then each moved lever is pulled back as far as
the goal allows, in the sliders' steps. The answer is checked with the model: when it says
the goal is reached, it is.

**Costs.** Each lever has unit costs (data/costs.csv) per physical unit: vehicles
electrified, vehicle-km avoided, litres of fossil fuel replaced, oil boilers, MWh saved,
tonnes removed or capture capacity (conversions in data/cost_parameters.csv). Units are the
difference from the reference; fuel volumes are the scenario's (100 % electric cars leave no
petrol to blend). Investments follow the growth of the stock and are spread over their
lifetime as an annuity at a 3.5 % discount rate (ASEK) for the cost per tonne. The cost
curve: width = tonnes removed {first}–2035, height = SEK per tonne over the same years,
cheapest first.
""",
    },
}
