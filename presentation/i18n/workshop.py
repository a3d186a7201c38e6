"""Texts of presenter mode and the workshop page (facilitator and participants)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Presenter mode
    "presenter_on": {"sv": "Presentationsläge", "en": "Presenter mode"},
    "presenter_on_help": {
        "sv": "Stora siffror och en graf, utan sidopanel: för projektorn. Länken får "
        "presenter=1, så samma vy kan öppnas direkt.",
        "en": "Big figures and one chart, without the sidebar: for the projector. The link "
        "gets presenter=1, so the same view can be opened directly.",
    },
    "presenter_off": {"sv": "Avsluta presentationsläget", "en": "Leave presenter mode"},
    "presenter_show_levers": {"sv": "Visa spakarna", "en": "Show the levers"},
    "presenter_show_levers_help": {
        "sv": "Visar sidopanelen med spakarna, så att du kan ändra scenariot inför rummet.",
        "en": "Shows the sidebar with the levers, so that you can change the scenario in "
        "front of the room.",
    },
    "presenter_back_to_workshop": {"sv": "Tillbaka till workshopen",
                                   "en": "Back to the workshop"},
    "presenter_shown_changed": {"sv": "(spakarna ändrade sedan dess)",
                                "en": "(levers changed since)"},
    # Links
    "link_problem_bad_workshop_code": {
        "sv": "{param}: {value} är ingen workshopkod (de ser ut som VXJ-4821).",
        "en": "{param}: {value} is not a workshop code (they look like VXJ-4821).",
    },
    "notice_workshop_heading": {
        "sv": "Inskicket kunde inte läsas helt:",
        "en": "The submission could not be read completely:",
    },
    # The page
    "page_workshop": {"sv": "Workshop", "en": "Workshop"},
    "ws_title": {"sv": "Workshop", "en": "Workshop"},
    "ws_intro": {
        "sv": "Under en workshop ställer varje deltagare eller bord in spakarna på sin telefon "
        "och skickar in ett scenario; ledaren ser alla inskick live och kan visa vilket som "
        "helst på storskärmen.",
        "en": "In a workshop each participant or table sets the levers on their phone and "
        "submits a scenario; the facilitator sees every submission live and can show any of "
        "them on the big screen.",
    },
    "ws_join_heading": {"sv": "Gå med i en workshop", "en": "Join a workshop"},
    "ws_code_label": {"sv": "Workshopkod", "en": "Workshop code"},
    "ws_code_help": {
        "sv": "Koden står på storskärmen, t.ex. VXJ-K7M-4P2. Stora eller små bokstäver och "
        "streck eller inte går bra.",
        "en": "The code is on the big screen, e.g. VXJ-K7M-4P2. Upper or lower case, with or "
        "without dashes, is fine.",
    },
    "ws_join": {"sv": "Gå med", "en": "Join"},
    "ws_open_facilitator": {"sv": "Öppna som ledare", "en": "Open as facilitator"},
    "ws_create_heading": {"sv": "Starta en workshop", "en": "Start a workshop"},
    "ws_create_help": {
        "sv": "För ledaren. Workshopen utgår från {name} (kommunen i sidopanelen) och får en "
        "kort kod och en QR-kod som deltagarna öppnar på telefonen.",
        "en": "For the facilitator. The workshop starts from {name} (the municipality in the "
        "sidebar) and gets a short code and a QR code that participants open on their phones.",
    },
    "ws_name_label": {"sv": "Workshopens namn", "en": "Name of the workshop"},
    "ws_name_help": {"sv": "Högst {n} tecken, vanlig text.", "en": "At most {n} characters, "
                     "plain text."},
    "ws_create": {"sv": "Starta workshopen", "en": "Start the workshop"},
    "ws_created": {
        "sv": "Workshopen är startad med koden {code}. Visa QR-koden för rummet.",
        "en": "The workshop has started with the code {code}. Show the QR code to the room.",
    },
    "ws_code_malformed": {
        "sv": "{code} är ingen workshopkod. Koder ser ut som VXJ-K7M-4P2: tre bokstäver och "
        "sex tecken (inga I, O, 0 eller 1).",
        "en": "{code} is not a workshop code. Codes look like VXJ-K7M-4P2: three letters and "
        "six signs (no I, O, 0 or 1).",
    },
    "ws_not_found": {
        "sv": "Det finns ingen workshop med koden {code}. Kontrollera koden på storskärmen "
        "och försök igen.",
        "en": "There is no workshop with the code {code}. Check the code on the big screen "
        "and try again.",
    },
    "ws_leave": {"sv": "Lämna workshopen", "en": "Leave the workshop"},
    "ws_store_error": {
        "sv": "Workshopens data kan inte nås just nu: {message} Scenariosidorna fungerar som "
        "vanligt.",
        "en": "The workshop's data cannot be reached right now: {message} The scenario pages "
        "work as usual.",
    },
    # Participant
    "ws_other_municipality": {
        "sv": "Workshopen gäller {workshop}, men dina spakar är inställda för {mine}.",
        "en": "The workshop is about {workshop}, but your levers are set for {mine}.",
    },
    "ws_switch_municipality": {"sv": "Byt till {name}", "en": "Switch to {name}"},
    "ws_levers_unchanged": {
        "sv": "Spakarna står på referensen. Flytta dem i sidopanelen.",
        "en": "The levers are at the reference. Move them in the sidebar.",
    },
    "ws_levers_changed": {"sv": "Du har ändrat {levers}: {list}.",
                          "en": "You changed {levers}: {list}."},
    "ws_participant_label": {"sv": "Deltagare eller bord", "en": "Participant or table"},
    "ws_participant_help": {
        "sv": "Ditt namn eller bordets, högst {n} tecken. Skickar du igen under samma namn "
        "och scenarionamn blir det en ny version.",
        "en": "Your name or your table's, at most {n} characters. Submitting again under the "
        "same names makes a new version.",
    },
    "ws_scenario_label": {"sv": "Scenariots namn", "en": "Name of the scenario"},
    "ws_submit": {"sv": "Skicka in scenariot", "en": "Submit the scenario"},
    "ws_submitted": {
        "sv": "Scenariot {scenario} är inskickat (version {version}). Du kan flytta spakarna "
        "och skicka igen.",
        "en": "The scenario {scenario} is submitted (version {version}). You can move the "
        "levers and submit again.",
    },
    "ws_resubmit_note": {
        "sv": "Tappar du anslutningen: öppna adressen igen, spakarna följer med i den. Samma "
        "deltagare och scenarionamn ger en ny version; ledaren ser den senaste.",
        "en": "If you lose the connection, open the address again: it holds the levers. The "
        "same participant and scenario name make a new version; the facilitator sees the "
        "latest.",
    },
    "ws_closed_participant": {
        "sv": "Ledaren har stängt workshopen för inskick.",
        "en": "The facilitator has closed the workshop for submissions.",
    },
    # Facilitator
    "ws_code_big": {"sv": "### Kod: {code}", "en": "### Code: {code}"},
    "ws_address": {"sv": "Deltagarna skannar QR-koden eller öppnar adressen:",
                   "en": "Participants scan the QR code or open the address:"},
    "ws_localhost_note": {
        "sv": "Adressen pekar på den här datorn själv (localhost), som telefonerna inte når. "
        "Öppna appen med datorns nätverksadress, så blir QR-koden rätt.",
        "en": "The address points at this computer itself (localhost), which phones cannot "
        "reach. Open the app with the computer's network address to get a working QR code.",
    },
    "ws_qr_caption": {"sv": "Skanna med telefonens kamera", "en": "Scan with a phone camera"},
    "ws_close": {"sv": "Stäng för inskick", "en": "Close for submissions"},
    "ws_reopen": {"sv": "Öppna för inskick igen", "en": "Open for submissions again"},
    "ws_closed_facilitator": {
        "sv": "Workshopen tar inte emot inskick just nu.",
        "en": "The workshop does not take submissions right now.",
    },
    "ws_submissions_heading": {"sv": "Inskick: {n} från {people} deltagare",
                               "en": "Submissions: {n} from {people} participants"},
    "ws_no_submissions": {
        "sv": "Inga inskick än. Listan uppdateras av sig själv var {refresh}:e sekund.",
        "en": "No submissions yet. The list updates by itself every {refresh} seconds.",
    },
    "ws_chart_caption": {
        "sv": "Nettoutsläpp (växthusgaser minus BECCS) för varje inskick, senaste versionen. "
        "Grått: statistik (SMHI, Nationella emissionsdatabasen); streckat: "
        "referensscenariot.",
        "en": "Net emissions (greenhouse gases minus BECCS) of each submission, latest "
        "version. Grey: statistics (SMHI, National emissions database); dashed: the "
        "reference.",
    },
    "ws_axis_net": {"sv": "Nettoutsläpp, kt CO2e", "en": "Net emissions, kt CO2e"},
    "ws_col_submission": {"sv": "Inskick", "en": "Submission"},
    "ws_col_participant": {"sv": "Deltagare", "en": "Participant"},
    "ws_col_scenario": {"sv": "Scenario", "en": "Scenario"},
    "ws_col_version": {"sv": "Version", "en": "Version"},
    "ws_col_submitted": {"sv": "Inskickat", "en": "Submitted"},
    "ws_col_time": {"sv": "Kl.", "en": "Time"},
    "ws_col_municipality_code": {"sv": "Kommunkod", "en": "Municipality code"},
    "ws_col_municipality": {"sv": "Kommun", "en": "Municipality"},
    "ws_show_choose": {"sv": "Visa på storskärmen", "en": "Show on the big screen"},
    "ws_show_placeholder": {"sv": "Välj ett inskick", "en": "Choose a submission"},
    "ws_show": {"sv": "Visa", "en": "Show"},
    "ws_show_missing": {
        "sv": "Inskicket finns inte längre i listan. Välj ett annat.",
        "en": "The submission is no longer in the list. Choose another one.",
    },
    "ws_spread_heading": {"sv": "Spakarna i rummet", "en": "The levers across the room"},
    "ws_spread_caption": {
        "sv": "Median, lägsta och högsta värde bland de senaste inskicken, och hur många som "
        "flyttat spaken från referensen.",
        "en": "Median, lowest and highest value among the latest submissions, and how many "
        "moved the lever from the reference.",
    },
    "ws_col_lever": {"sv": "Spak", "en": "Lever"},
    "ws_col_reference": {"sv": "Referens", "en": "Reference"},
    "ws_col_median": {"sv": "Median", "en": "Median"},
    "ws_col_min": {"sv": "Lägst", "en": "Lowest"},
    "ws_col_max": {"sv": "Högst", "en": "Highest"},
    "ws_col_moved": {"sv": "Flyttad av", "en": "Moved by"},
    "ws_moved": {"sv": "{n} av {of}", "en": "{n} of {of}"},
    "ws_export_csv": {"sv": "Alla inskick (CSV)", "en": "All submissions (CSV)"},
    "ws_export_xlsx": {"sv": "Alla inskick (Excel)", "en": "All submissions (Excel)"},
    # Export
    "ws_exp_fossil_2030": {"sv": "Fossil CO2 2030 (t)", "en": "Fossil CO2 2030 (t)"},
    "ws_exp_budget_year": {"sv": "Budgeten tar slut (år)", "en": "Budget runs out (year)"},
    "ws_exp_budget_month": {"sv": "Budgeten tar slut (månad)", "en": "Budget runs out (month)"},
    "ws_exp_needed_rate": {"sv": "Krävd minskning per år (%)",
                           "en": "Reduction needed a year (%)"},
    "ws_exp_change_1990": {"sv": "Förändring 1990–2030 (%)", "en": "Change 1990–2030 (%)"},
    "ws_sheet": {"sv": "Inskick", "en": "Submissions"},
    "ws_xl_title": {"sv": "Workshop {code}: alla inskick, varje version",
                    "en": "Workshop {code}: every submission, every version"},
    "ws_xl_created": {"sv": "Skapad {time} (svensk tid). Nyckeltal med kommunens "
                      "koldioxidbudget.",
                      "en": "Created {time} (Swedish time). Key figures with the "
                      "municipality's carbon budget."},
}
