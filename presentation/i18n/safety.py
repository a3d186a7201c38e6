"""Texts for roles, moderation, safe imports and errors (issue 10)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Import: who may import, what changes, skipped imports
    "imp_admin_open": {
        "sv": "Lokalt läge: alla som når den här servern kan importera. En server för ett rum "
        "sätts upp med miljövariabeln {env}; då krävs den nyckeln för att importera.",
        "en": "Local mode: anyone who reaches this server can import. A server for a room is "
        "set up with the environment variable {env}; importing then needs that token.",
    },
    "imp_admin_needed": {
        "sv": "Servern är inställd för ett rum: att importera (för alla som använder den) "
        "kräver administratörsnyckeln.",
        "en": "This server is set up for a room: importing (for everyone using it) needs the "
        "admin token.",
    },
    "imp_admin_label": {"sv": "Administratörsnyckel", "en": "Admin token"},
    "imp_admin_wrong": {
        "sv": "Administratörsnyckeln stämmer inte; inget importerades.",
        "en": "The admin token does not match; nothing was imported.",
    },
    "imp_chg_heading": {
        "sv": "Importen ersätter siffror som appen levereras med. Jämför årens totaler nedan "
        "innan du importerar.",
        "en": "The import replaces figures the app ships with. Compare the years' totals below "
        "before importing.",
    },
    "imp_chg_large_note": {
        "sv": "Minst ett år skiljer mer än {pct} % från nuvarande siffror. Kontrollera att det "
        "är rätt fil och enhet.",
        "en": "At least one year differs by more than {pct} % from the current figures. Check "
        "that this is the right file and unit.",
    },
    "imp_chg_year": {"sv": "År", "en": "Year"},
    "imp_chg_before": {"sv": "Nu (t)", "en": "Now (t)"},
    "imp_chg_after": {"sv": "Efter import (t)", "en": "After import (t)"},
    "imp_chg_change": {"sv": "Ändring", "en": "Change"},
    "imp_chg_flag": {"sv": "Obs", "en": "Note"},
    "imp_chg_large": {"sv": "stor ändring", "en": "large change"},
    "imp_chg_confirm": {
        "sv": "Jag har sett ändringarna och vill ersätta siffrorna för alla som använder appen",
        "en": "I have seen the changes and want to replace the figures for everyone using the "
        "app",
    },
    "imp_skipped": {
        "sv": "En sparad import för {name} ({code}) går inte längre att använda och hoppas "
        "över; appen använder de levererade siffrorna. Ta bort den med "
        "'python -m store imports remove'.",
        "en": "A stored import for {name} ({code}) can no longer be used and is skipped; the "
        "app uses the shipped figures. Remove it with 'python -m store imports remove'.",
    },
    # Any page: an unexpected error, without details
    "page_error": {
        "sv": "Något gick fel när sidan skulle visas. Försök igen, eller välj en annan sida. "
        "Felet är loggat på servern.",
        "en": "Something went wrong showing this page. Try again, or choose another page. The "
        "error is logged on the server.",
    },
    # Links
    "link_problem_bad_facilitator_key": {
        "sv": "Ledarnyckeln i adressen ({value}) har fel form och används inte.",
        "en": "The facilitator key in the address ({value}) is malformed and not used.",
    },
    "link_problem_bad_device_key": {
        "sv": "Enhetens nyckel i adressen ({value}) har fel form och används inte.",
        "en": "The device key in the address ({value}) is malformed and not used.",
    },
    # Workshop: roles
    "ws_facilitator_refused": {
        "sv": "Ledarlänken gäller inte den här workshopen (eller har fel nyckel). Du ser "
        "workshopen som deltagare.",
        "en": "The facilitator link is not valid for this workshop (or has a wrong key). You "
        "see the workshop as a participant.",
    },
    "ws_facilitator_link_heading": {
        "sv": "Ledarlänk (visa den inte på storskärmen)",
        "en": "Facilitator link (do not show it on the big screen)",
    },
    "ws_facilitator_link_help": {
        "sv": "Med den här länken öppnar du ledarvyn på en annan dator. Den ger full kontroll "
        "över workshopen: dela den bara med medledare. En ny länk skapas på servern med "
        "'python -m store workshop facilitator-link KOD'.",
        "en": "This link opens the facilitator view on another computer. It gives full "
        "control of the workshop: share it only with co-facilitators. A new link is made on "
        "the server with 'python -m store workshop facilitator-link CODE'.",
    },
    "ws_too_many_joins": {
        "sv": "För många felaktiga koder. Vänta {seconds} sekunder och försök igen.",
        "en": "Too many wrong codes. Wait {seconds} seconds and try again.",
    },
    "ws_name_taken": {
        "sv": "Namnet används redan av en annan deltagare (från en annan enhet). Välj ett annat "
        "namn.",
        "en": "The name is already used by another participant (from another device). Choose "
        "another name.",
    },
    # Workshop: moderation
    "ws_moderation_heading": {"sv": "Moderering", "en": "Moderation"},
    "ws_hide_choose": {"sv": "Inskick att dölja", "en": "Submission to hide"},
    "ws_hide": {"sv": "Dölj", "en": "Hide"},
    "ws_hidden_choose": {"sv": "Dolda inskick", "en": "Hidden submissions"},
    "ws_unhide": {"sv": "Visa igen", "en": "Show again"},
    "ws_hidden_done": {
        "sv": "Inskicket är dolt för rummet (det finns kvar och märks i exporten).",
        "en": "The submission is hidden from the room (it is kept and marked in the export).",
    },
    "ws_per_minute_label": {
        "sv": "Högst inskick per enhet och minut",
        "en": "At most submissions per device and minute",
    },
    "ws_col_hidden": {"sv": "Dold", "en": "Hidden"},
    "ws_hidden_yes": {"sv": "dold", "en": "hidden"},
    "ws_chart_limited": {
        "sv": "Diagrammet visar de {n} senaste inskicken av {total}; tabellen och exporten har "
        "alla.",
        "en": "The chart shows the latest {n} submissions of {total}; the table and the export "
        "have all of them.",
    },
    # Saved scenarios: edit keys
    "sv_edit_key_shown": {
        "sv": "Redigeringsnyckel för ”{name}”: {edit_key} — bara den här webbläsarsessionen minns "
        "den. Spara den om du vill kunna byta namn på eller ta bort scenariot senare.",
        "en": "Edit key for “{name}”: {edit_key} — only this browser session remembers it. Keep it "
        "if you want to rename or delete the scenario later.",
    },
    "sv_edit_key_label": {"sv": "Redigeringsnyckel", "en": "Edit key"},
    "sv_edit_key_help": {
        "sv": "Nyckeln visades när scenariot sparades. Utan den kan du öppna scenariot och "
        "spara en kopia, men inte byta namn på det eller ta bort det.",
        "en": "The key was shown when the scenario was saved. Without it you can open the "
        "scenario and save a copy, but not rename or delete it.",
    },
    "sv_undo_delete": {"sv": "Ångra borttagningen", "en": "Undo the deletion"},
    "sv_undone": {"sv": "”{name}” är tillbaka.", "en": "“{name}” is back."},
}
