"""Texts of presets, shareable links and saved scenarios."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Presets in the sidebar
    "preset_choose": {"sv": "Utgå från", "en": "Start from"},
    "preset_placeholder": {"sv": "Välj ett scenario", "en": "Choose a scenario"},
    "preset_choose_help": {
        "sv": "Färdiga scenarier med en motivering och ett skäl för varje spak. Välj ett och "
        "tryck Använd; sedan kan du flytta spakarna vidare.",
        "en": "Ready-made scenarios with a rationale and a reason for each lever. Choose one "
        "and press Apply; then you can move the levers further.",
    },
    "preset_apply": {"sv": "Använd", "en": "Apply"},
    "preset_apply_help": {
        "sv": "Sätter alla spakar till det valda scenariots värden. Dina nuvarande "
        "inställningar ersätts.",
        "en": "Sets every lever to the chosen scenario's values. Your current settings are "
        "replaced.",
    },
    "preset_will_replace": {
        "sv": ":material/warning: Använd ändrar {levers} och ersätter dina nuvarande "
        "inställningar.",
        "en": ":material/warning: Apply changes {levers} and replaces your current settings.",
    },
    "preset_active": {
        "sv": ":material/check: Spakarna följer **{name}**. Spakarnas hjälptext visar "
        "varför.",
        "en": ":material/check: The levers follow **{name}**. The levers' help says why.",
    },
    "preset_active_changed": {
        "sv": "Utgår från **{name}**; sedan dess har du ändrat {levers}.",
        "en": "Based on **{name}**; since then you changed {levers}.",
    },
    "lever_help_preset": {"sv": "**{name}:** {value}. {reason}",
                          "en": "**{name}:** {value}. {reason}"},
    "n_levers_one": {"sv": "{n} spak", "en": "{n} lever"},
    "n_levers_many": {"sv": "{n} spakar", "en": "{n} levers"},
    # Links
    "share_heading": {"sv": "Dela scenariot", "en": "Share the scenario"},
    "share_help": {
        "sv": "Länken öppnar samma scenario i en annan webbläsare: kommun, språk, budget och "
        "varje spak som skiljer sig från referensen. Kopiera den med knappen i rutan. "
        "Adressfältet följer också med när du flyttar spakarna.",
        "en": "The link opens the same scenario in another browser: municipality, language, "
        "budget and every lever that differs from the reference. Copy it with the button in "
        "the box. The address bar also follows as you move the levers.",
    },
    "notice_link_heading": {
        "sv": "Länken kunde inte läsas helt:",
        "en": "The link could not be read completely:",
    },
    "notice_saved_heading": {
        "sv": "Det sparade scenariot kunde inte läsas helt:",
        "en": "The saved scenario could not be read completely:",
    },
    "notice_reference_used": {
        "sv": "\nReferensvärdet används för det som inte kunde läsas.",
        "en": "\nThe reference value is used for what could not be read.",
    },
    "notice_dismiss": {"sv": "Stäng meddelandet", "en": "Close the message"},
    "link_problem_unknown_version": {
        "sv": "Länkformatet {param} = {value} är okänt (appen läser version 1); spakarna i "
        "länken används inte.",
        "en": "The link format {param} = {value} is unknown (the app reads version 1); the "
        "link's levers are not used.",
    },
    "link_problem_unknown_param": {
        "sv": "Okänd parameter {param} (= {value}).",
        "en": "Unknown parameter {param} (= {value}).",
    },
    "link_problem_not_a_number": {
        "sv": "{param}: {value} är inget giltigt tal.",
        "en": "{param}: {value} is not a valid number.",
    },
    "link_problem_out_of_range": {
        "sv": "{param}: {value} ligger utanför spakens intervall.",
        "en": "{param}: {value} is outside the allowed range.",
    },
    "link_problem_unknown_municipality": {
        "sv": "{param}: kommunen {value} finns inte i appen.",
        "en": "{param}: the municipality {value} is not in the app.",
    },
    "link_problem_unknown_language": {
        "sv": "{param}: språket {value} finns inte (sv eller en).",
        "en": "{param}: the language {value} does not exist (sv or en).",
    },
    "link_problem_bad_flag": {
        "sv": "{param}: {value} ska vara 1 eller 0.",
        "en": "{param}: {value} must be 1 or 0.",
    },
    "link_problem_more": {"sv": "och {n} till.", "en": "and {n} more."},
    # Saved scenarios page
    "page_saved": {"sv": "Sparade scenarier", "en": "Saved scenarios"},
    "saved_title": {"sv": "Sparade scenarier", "en": "Saved scenarios"},
    "saved_intro": {
        "sv": "Spara spakarnas inställningar under ett namn och öppna dem igen senare. Alla "
        "som använder den här appen ser de sparade scenarierna. Varje sparning blir en ny "
        "version; inget skrivs över.",
        "en": "Save the levers' settings under a name and open them again later. Everyone "
        "using this app sees the saved scenarios. Every save becomes a new version; nothing "
        "is overwritten.",
    },
    "saved_save_heading": {"sv": "Spara nuvarande scenario", "en": "Save the current scenario"},
    "saved_current_summary": {
        "sv": "{name}: {levers} skiljer sig från referensen.",
        "en": "{name}: {levers} differ from the reference.",
    },
    "saved_name": {"sv": "Namn", "en": "Name"},
    "saved_name_help": {"sv": "Högst {n} tecken.", "en": "At most {n} characters."},
    "saved_author": {"sv": "Sparat av", "en": "Saved by"},
    "saved_description": {"sv": "Beskrivning", "en": "Description"},
    "saved_submit": {"sv": "Spara som nytt scenario", "en": "Save as a new scenario"},
    "saved_ok": {
        "sv": "Scenariot sparades (version {version}).",
        "en": "The scenario was saved (version {version}).",
    },
    "saved_opened_label": {
        "sv": "Du arbetar med det sparade scenariot nedan (version {version}, {changed}).",
        "en": "You are working on the saved scenario below (version {version}, {changed}).",
    },
    "saved_opened_unchanged": {"sv": "inga ändringar sedan dess",
                               "en": "no changes since"},
    "saved_opened_changed": {"sv": "du har ändrat {levers} sedan dess",
                             "en": "you changed {levers} since"},
    "saved_save_version": {"sv": "Spara som version {version}",
                           "en": "Save as version {version}"},
    "saved_forget": {"sv": "Sluta arbeta med det", "en": "Stop working on it"},
    "saved_version_ok": {
        "sv": "Version {version} sparades.",
        "en": "Version {version} was saved.",
    },
    "saved_conflict": {
        "sv": "Någon annan har sparat version {theirs} av scenariot sedan du öppnade version "
        "{mine}. Din version är inte sparad. Ladda deras version (dina ändringar ersätts) "
        "eller spara dina inställningar som ett nytt scenario.",
        "en": "Someone else saved version {theirs} of the scenario after you opened version "
        "{mine}. Your version is not saved. Reload theirs (your changes are replaced) or save "
        "your settings as a new scenario.",
    },
    "saved_reload_theirs": {"sv": "Ladda deras version", "en": "Reload theirs"},
    "saved_save_as_new": {"sv": "Spara som nytt scenario", "en": "Save as a new scenario"},
    "saved_copy_suffix": {"sv": " (kopia)", "en": " (copy)"},
    "saved_reloaded": {
        "sv": "Version {version} är laddad i spakarna.",
        "en": "Version {version} is loaded into the levers.",
    },
    "saved_list_heading": {"sv": "Sparade scenarier", "en": "Saved scenarios"},
    "saved_none": {
        "sv": "Inga sparade scenarier än. Spara det nuvarande ovan.",
        "en": "No saved scenarios yet. Save the current one above.",
    },
    "saved_col_name": {"sv": "Namn", "en": "Name"},
    "saved_col_author": {"sv": "Sparat av", "en": "Saved by"},
    "saved_col_saved": {"sv": "Sparat", "en": "Saved"},
    "saved_col_municipality": {"sv": "Kommun", "en": "Municipality"},
    "saved_col_version": {"sv": "Version", "en": "Version"},
    "saved_col_description": {"sv": "Beskrivning", "en": "Description"},
    "saved_time_note": {"sv": "Tider i svensk tid.", "en": "Times in Swedish time."},
    "saved_choose": {"sv": "Välj ett sparat scenario", "en": "Choose a saved scenario"},
    "saved_choose_placeholder": {"sv": "Välj i listan", "en": "Choose from the list"},
    "saved_open": {"sv": "Öppna", "en": "Open"},
    "saved_open_help": {
        "sv": "Sätter spakarna (och kommunen) till det sparade scenariot och visar det.",
        "en": "Sets the levers (and the municipality) to the saved scenario and shows it.",
    },
    "saved_rename_to": {"sv": "Nytt namn", "en": "New name"},
    "saved_rename": {"sv": "Byt namn", "en": "Rename"},
    "saved_renamed": {"sv": "Namnet är bytt (version {version}).",
                      "en": "The name was changed (version {version})."},
    "saved_delete": {"sv": "Ta bort…", "en": "Delete…"},
    "saved_delete_confirm": {
        "sv": "Ta bort det här scenariot? Det försvinner ur listan för alla.",
        "en": "Delete this scenario? It disappears from the list for everyone.",
    },
    "saved_delete_yes": {"sv": "Ja, ta bort", "en": "Yes, delete"},
    "saved_delete_no": {"sv": "Avbryt", "en": "Cancel"},
    "saved_deleted": {"sv": "Scenariot är borttaget.", "en": "The scenario was deleted."},
    "saved_store_error": {
        "sv": "De sparade scenarierna kan inte nås just nu: {message} Resten av appen "
        "fungerar som vanligt.",
        "en": "The saved scenarios cannot be reached right now: {message} The rest of the app "
        "works as usual.",
    },
}
