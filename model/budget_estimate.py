"""The default carbon budget for a municipality without a published one: one rule, here.

Rule: Växjö's stated budget (data/budget.csv, 2.76 Mt CO2e from 2023) scaled by the ratio
of the municipality's NED greenhouse-gas emissions to Växjö's in the budget's start year and
the year after: the same budget per tonne emitted today as Växjö's (for Alvesta 2023–2024:
200,953 t against Växjö's 421,093 t, so 1,317 kt). Where those two years are not both in the
statistics of both municipalities (an import with data to 2022), the two latest years both
have are used instead. The result is rounded to whole kilotonnes, keeps Växjö's start year
and is always labelled an estimate (kind "uppskattning"): a scaling, not a budget the
municipality has adopted. Alvesta's row in data/budget.csv is this rule's output (a test
checks it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

REFERENCE_CODE = "0780"  # the municipality whose stated budget is scaled
STATED_KIND = "kommunens uppgift"
ESTIMATE_KIND = "uppskattning"
ESTIMATE_SOURCE_ID = "klimatscenarier_antagande"
ROUND_TO_T = 1000.0


@dataclass(frozen=True)
class BudgetEstimate:
    """A scaled budget and the figures behind it, so the note can show the arithmetic."""

    code: str
    name: str
    reference_code: str
    reference_name: str
    reference_budget_t: float
    start_year: int
    years: tuple[int, ...]
    own_t: float
    reference_t: float
    budget_t: float

    def note(self, lang: str) -> str:
        """One sentence saying how the estimate was made (Swedish or English)."""
        if lang == "en":
            return (
                f"{self.reference_name}'s budget scaled by the ratio of {self.name}'s "
                f"to {self.reference_name}'s emissions {_years(self.years, 'and')} "
                f"({self.own_t:,.0f} t against {self.reference_t:,.0f} t). {self.name} has no "
                "published budget."
            )
        own = f"{self.own_t:,.0f}".replace(",", " ")
        reference = f"{self.reference_t:,.0f}".replace(",", " ")
        return (
            f"{genitive(self.reference_name)} budget skalad med förhållandet "
            f"mellan {genitive(self.name)} och {genitive(self.reference_name)} utsläpp "
            f"{_years(self.years, 'och')} ({own} t mot {reference} t). {self.name} har ingen "
            "publicerad budget."
        )

    def budget_row(self) -> dict[str, object]:
        """The row for the budget table (same columns as data/budget.csv)."""
        return {
            "municipality_code": self.code,
            "budget_t_co2e": self.budget_t,
            "start_year": self.start_year,
            "source_id": ESTIMATE_SOURCE_ID,
            "kind": ESTIMATE_KIND,
            "note_sv": self.note("sv"),
            "note_en": self.note("en"),
        }


def genitive(name: str) -> str:
    """Swedish genitive: Alvestas, Växjös, but Borås and Vaxholms."""
    return name if name[-1:].lower() in {"s", "x", "z"} else f"{name}s"


def _years(years: tuple[int, ...], conjunction: str) -> str:
    if len(years) == 2 and years[1] == years[0] + 1:
        return f"{years[0]}–{years[1]}"
    return f" {conjunction} ".join(str(y) for y in years)


def _totals(ned_ghg: pd.DataFrame, code: str) -> pd.Series:
    rows = ned_ghg[ned_ghg["municipality_code"] == code]
    return rows.groupby("year")["ghg_t_co2e"].sum()


def estimate_budget(
    ned_ghg: pd.DataFrame,
    budget: pd.DataFrame,
    code: str,
    name: str,
    reference_name: str = "Växjö",
    reference_code: str = REFERENCE_CODE,
) -> BudgetEstimate | None:
    """The estimated budget for `code`, or None without a stated reference budget or data.

    `ned_ghg` and `budget` have the columns of data/ned_ghg.csv and data/budget.csv.
    """
    stated = budget[(budget["municipality_code"] == reference_code)
                    & (budget["kind"] == STATED_KIND)]
    if stated.empty:
        return None
    reference_budget_t = float(stated["budget_t_co2e"].iloc[0])
    start_year = int(stated["start_year"].iloc[0])
    own, reference = _totals(ned_ghg, code), _totals(ned_ghg, reference_code)
    common = sorted(set(own.index) & set(reference.index))
    if not common:
        return None
    wanted = [start_year, start_year + 1]
    years = wanted if all(y in common for y in wanted) else common[-2:]
    own_t = float(sum(own[y] for y in years))
    reference_t = float(sum(reference[y] for y in years))
    if reference_t <= 0:
        return None
    scaled = reference_budget_t * own_t / reference_t
    budget_t = float(max(np.round(scaled / ROUND_TO_T), 1.0) * ROUND_TO_T)
    return BudgetEstimate(
        code=code,
        name=name,
        reference_code=reference_code,
        reference_name=reference_name,
        reference_budget_t=reference_budget_t,
        start_year=start_year,
        years=tuple(int(y) for y in years),
        own_t=own_t,
        reference_t=reference_t,
        budget_t=budget_t,
    )
