"""Key-figure helpers: the fossil-free verdict and metric deltas with a real minus sign.

Streamlit picks a metric delta's arrow and colour from a leading ASCII hyphen, so a delta
written with the minus sign (U+2212) would point up and show the wrong colour. Here the
change is given as a number, the text is formatted by us, and colour and arrow are set
explicitly from the number and from whether lower is better.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from model.scenario import ScenarioResult
from presentation.formatting import fmt_tonnes
from presentation.i18n import t


def metric_delta(change: float, text: str, lower_is_better: bool = True,
                 tolerance: float = 0.0) -> dict[str, Any]:
    """Keyword arguments for st.metric: the delta text as written, its colour and arrow.

    change is the number the text describes (its sign decides); within tolerance of zero
    there is no delta at all.
    """
    if abs(change) <= tolerance:
        return {"delta": None}
    good = (change < 0) == lower_is_better
    return {"delta": text, "delta_color": "green" if good else "red",
            "delta_arrow": "down" if change < 0 else "up"}


@dataclass(frozen=True)
class Verdict:
    """Whether the scenario reaches fossil-free 2030, and the tonnes left if not."""

    reached: bool
    left_t: float


def fossil_verdict(result: ScenarioResult) -> Verdict:
    """The verdict as the model defines it (fossil-FUEL CO2 in 2030, model/scenario.py):
    the one place to re-point if the definition moves."""
    k = result.kpis
    return Verdict(bool(k.fossil_free_2030), float(k.fossil_fuel_co2_2030_t))


def verdict_value(verdict: Verdict, lang: str) -> str:
    """'Nej, 63 900 t kvar' or 'Ja' (en: 'No, 63,900 t left' or 'Yes')."""
    if verdict.reached:
        return t("verdict_yes", lang)
    return t("verdict_no", lang, left=fmt_tonnes(verdict.left_t, lang))
