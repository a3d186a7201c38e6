"""Texts of the comparison page (Jämför scenarier)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "page_compare": {"sv": "Jämför scenarier", "en": "Compare scenarios"},
    "compare_title": {"sv": "Jämför scenarier för {name}", "en": "Compare scenarios for {name}"},
    "compare_intro": {
        "sv": "Välj två till fyra scenarier: det du har i spakarna just nu, ett förinställt "
        "scenario eller ett sparat. Alla räknas med samma koldioxidbudget ({budget} från "
        "{start}, BECCS {beccs}).",
        "en": "Pick two to four scenarios: the one in your levers right now, a preset or a "
        "saved one. All use the same carbon budget ({budget} from {start}, BECCS {beccs}).",
    },
    "compare_beccs_counted": {"sv": "räknas mot budgeten", "en": "counted against it"},
    "compare_beccs_not_counted": {"sv": "räknas inte mot budgeten",
                                  "en": "not counted against it"},
    "compare_pick": {"sv": "Scenarier att jämföra", "en": "Scenarios to compare"},
    "compare_pick_help": {
        "sv": "Två till fyra. Ändra spakarna i sidofältet för att ändra ”Nuvarande spakar”.",
        "en": "Two to four. Move the levers in the sidebar to change “Current levers”.",
    },
    "compare_pick_two": {
        "sv": "Välj minst två scenarier för att jämföra dem.",
        "en": "Pick at least two scenarios to compare them.",
    },
    "compare_current": {"sv": "Nuvarande spakar", "en": "Current levers"},
    "compare_kind_preset": {"sv": "förinställt", "en": "preset"},
    "compare_kind_saved": {"sv": "sparat", "en": "saved"},
    "compare_saved_unavailable": {
        "sv": "Sparade scenarier kan inte läsas just nu ({message}). Förinställda scenarier "
        "och dina nuvarande spakar går att jämföra.",
        "en": "Saved scenarios cannot be read right now ({message}). Presets and your current "
        "levers can still be compared.",
    },
    "compare_saved_skipped": {
        "sv": "Sparade scenarier med spakar som inte längre finns hoppades över: {names}",
        "en": "Saved scenarios with levers that no longer exist were left out: {names}",
    },
    "compare_chart_heading": {"sv": "Utsläppsbanor", "en": "Emission trajectories"},
    "compare_show_ghg": {"sv": "Visa även växthusgaser utan BECCS (streckat)",
                         "en": "Also show greenhouse gases without BECCS (dashed)"},
    "compare_chart_caption": {
        "sv": "Nettoutsläpp (växthusgaser med BECCS dragna), kt CO2e per år. Grå linje: "
        "statistik (NED) till {base_year}.",
        "en": "Net emissions (greenhouse gases less BECCS), kt CO2e per year. Grey line: "
        "statistics (NED) to {base_year}.",
    },
    "compare_axis": {"sv": "kt CO2e per år", "en": "kt CO2e per year"},
    "compare_legend": {"sv": "Scenario", "en": "Scenario"},
    "compare_measure": {"sv": "Mått", "en": "Measure"},
    "compare_measure_net": {"sv": "Netto", "en": "Net"},
    "compare_measure_ghg": {"sv": "Växthusgaser", "en": "Greenhouse gases"},
    "compare_statistics": {"sv": "Statistik (NED)", "en": "Statistics (NED)"},
    "compare_figures_heading": {"sv": "Nyckeltal", "en": "Key figures"},
    "compare_levers_heading": {"sv": "Spakar som skiljer", "en": "Levers that differ"},
    "compare_levers_same": {
        "sv": "De valda scenarierna har samma värde på alla spakar.",
        "en": "The chosen scenarios have the same value on every lever.",
    },
    "compare_col_figure": {"sv": "Nyckeltal", "en": "Key figure"},
    "compare_col_unit": {"sv": "Enhet", "en": "Unit"},
    "compare_col_lever": {"sv": "Spak", "en": "Lever"},
    "compare_row_fossil_2030": {"sv": "Fossil CO2 2030", "en": "Fossil CO2 2030"},
    "compare_row_budget": {"sv": "Budgeten tar slut", "en": "Budget runs out"},
    "compare_row_budget_year": {"sv": "Budgeten tar slut, år", "en": "Budget runs out, year"},
    "compare_row_budget_month": {"sv": "Budgeten tar slut, månad",
                                 "en": "Budget runs out, month"},
    "compare_row_needed_rate": {"sv": "Krävd minskning per år", "en": "Reduction needed a year"},
    "compare_row_ghg_2030": {"sv": "Växthusgaser 2030", "en": "Greenhouse gases 2030"},
    "compare_row_change_1990": {"sv": "Förändring 1990–2030", "en": "Change 1990–2030"},
    "compare_row_net_2050": {"sv": "Nettoutsläpp 2050", "en": "Net emissions 2050"},
    "compare_export_heading": {"sv": "Exportera jämförelsen", "en": "Export the comparison"},
    "compare_export_csv": {"sv": "Jämförelse (CSV)", "en": "Comparison (CSV)"},
    "compare_export_excel": {"sv": "Jämförelse (Excel)", "en": "Comparison (Excel)"},
}
