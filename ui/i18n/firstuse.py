"""Texts for first-time users: the verdict among the key figures, the participant view on a
phone, chart descriptions and tables, skip links and the uploader's own Swedish caption."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The verdict among the key figures
    "verdict_label": {"sv": "Fossilbränslefritt 2030", "en": "Fossil-fuel-free 2030"},
    "verdict_yes": {"sv": "Ja", "en": "Yes"},
    "verdict_no": {"sv": "Nej, {left} kvar", "en": "No, {left} left"},
    "verdict_help": {
        "sv": "Når scenariot fossilfritt 2030? Om inte: hur mycket fossil koldioxid som är "
        "kvar det året.",
        "en": "Does the scenario reach fossil-free 2030? If not: how much fossil carbon "
        "dioxide is left that year.",
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
    "pv_closed": {
        "sv": "Workshopen är stängd: ledaren tar inte emot fler scenarier. Tack för att du "
        "var med!",
        "en": "The workshop is closed: the facilitator takes no more scenarios. Thank you "
        "for taking part!",
    },
    "pv_toast": {"sv": "Scenariot är inskickat", "en": "The scenario is submitted"},
    "pv_figures_label": {"sv": "Ditt scenario", "en": "Your scenario"},
    "pv_language": {"sv": "In English", "en": "På svenska"},
    # Skip links (keyboard)
    "skip_to_levers": {"sv": "Hoppa till spakarna", "en": "Skip to the levers"},
    "skip_to_results": {"sv": "Hoppa till resultaten", "en": "Skip to the results"},
}
