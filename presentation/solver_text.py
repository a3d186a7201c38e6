"""The solver's answer in one plain sentence, for "Vad krävs?" and the command line.

The sentence and its figure are formatted like every other figure in the app (fmt_tonnes):
the model's own rounding had said "lämnar 37 000 t" in the same box as "37 200 t".
"""

from __future__ import annotations

from model.sectors import TRANSPORT, sector_label
from model.solver import SolveResult
from presentation.formatting import fmt_tonnes
from presentation.i18n import t

# Transport's sub-sectors (model.sectors.TRANSPORT_SUBSECTORS) as the sentence names them.
_PART_KEYS = {"Personbilar": "dec_part_cars", "Tunga lastbilar": "dec_part_heavy_trucks",
              "Lätta lastbilar": "dec_part_light_trucks", "Bussar": "dec_part_buses",
              "Inrikes flygtrafik": "dec_part_domestic_aviation",
              "Övriga": "dec_part_other_transport"}


def part_label(part: str, lang: str) -> str:
    """A key of remaining_by_sector ("Transporter: Personbilar", "Arbetsmaskiner") in lang."""
    if part.startswith(f"{TRANSPORT}: "):
        return t(_PART_KEYS[part.split(": ", 1)[1]], lang)
    label = sector_label(part, lang)
    return label if lang == "en" else label.lower()


def verdict_text(answer: SolveResult, lang: str) -> str:
    """Reached, or not and what the best possible leaves (fossil goal: where most is left)."""
    if answer.goal == "fossil-free-2030":
        if answer.reached:
            return t("dec_verdict_fossil_reached", lang)
        parts = answer.remaining_by_sector()
        biggest = part_label(next(iter(parts)), lang) if parts else ""
        return t("dec_verdict_fossil_not", lang, left=fmt_tonnes(answer.fossil_co2_2030_t, lang),
                 biggest=biggest)
    if answer.reached:
        return t("dec_verdict_budget_reached", lang)
    return t("dec_verdict_budget_not", lang, over=fmt_tonnes(answer.shortfall_t, lang))
