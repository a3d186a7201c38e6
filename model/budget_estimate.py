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


# ---------------------------------------------------------------------------------------
# Allocation principles: how Växjö's stated budget is shared out to a municipality without
# one. "utslapp" (share of recent emissions, the shipped default: budget.csv is its output),
# "befolkning" (share of population), "blandning" (a weighted mix of the two). A stated
# budget is never replaced. No national budget is shipped with a source, so the reference is
# Växjö's own budget, which its Klimatkontrakt derives as its territorial share for 1.7 °C;
# the page says so wherever an estimate appears.

PRINCIPLES: tuple[str, ...] = ("utslapp", "befolkning", "blandning")
DEFAULT_PRINCIPLE = "utslapp"
DEFAULT_EMISSIONS_WEIGHT = 0.5


@dataclass(frozen=True)
class AllocationBasis:
    """Per municipality: emissions and population over the reference budget's two years."""

    codes: tuple[str, ...]
    emissions_t: np.ndarray  # sum over the years
    population: np.ndarray  # sum over the years (NaN where unknown)
    years: tuple[int, int]
    reference_code: str
    reference_budget_t: float
    start_year: int


def allocation_basis(
    ned_ghg: pd.DataFrame, population: pd.DataFrame, budget: pd.DataFrame,
    reference_code: str = REFERENCE_CODE,
) -> AllocationBasis | None:
    """The figures every principle needs, for all municipalities at once (None without a
    stated reference budget)."""
    stated = budget[(budget["municipality_code"] == reference_code)
                    & (budget["kind"] == STATED_KIND)]
    if stated.empty:
        return None
    start = int(stated["start_year"].iloc[0])
    years = (start, start + 1)
    ghg = ned_ghg[ned_ghg["year"].isin(years)]
    emissions = ghg.groupby("municipality_code")["ghg_t_co2e"].sum()
    pop = population[population["year"].isin(years)]
    counts = pop.groupby("municipality_code")["year"].nunique()
    people = pop.groupby("municipality_code")["population"].sum().where(counts == 2)
    codes = tuple(sorted(emissions.index))
    return AllocationBasis(
        codes=codes,
        emissions_t=emissions.reindex(codes).to_numpy(dtype=float),
        population=people.reindex(codes).to_numpy(dtype=float),
        years=years,
        reference_code=reference_code,
        reference_budget_t=float(stated["budget_t_co2e"].iloc[0]),
        start_year=start,
    )


def allocated_budgets(
    basis: AllocationBasis, principle: str = DEFAULT_PRINCIPLE,
    emissions_weight: float = DEFAULT_EMISSIONS_WEIGHT,
) -> pd.Series:
    """Estimated budget (t CO2e, whole kilotonnes) per municipality code under a principle.

    share = w · emissions / Växjö's emissions + (1 − w) · population / Växjö's population,
    with w = 1 for "utslapp", 0 for "befolkning" and the chosen weight for "blandning".
    """
    if principle not in PRINCIPLES:
        raise ValueError(f"Okänd fördelningsprincip: {principle!r}")
    if not 0.0 <= emissions_weight <= 1.0:
        raise ValueError("Vikten för utsläpp måste vara mellan 0 och 1.")
    w = {"utslapp": 1.0, "befolkning": 0.0}.get(principle, emissions_weight)
    ref = basis.codes.index(basis.reference_code)
    share = np.zeros(len(basis.codes))
    if w > 0:
        share = share + w * basis.emissions_t / basis.emissions_t[ref]
    if w < 1:
        share = share + (1 - w) * basis.population / basis.population[ref]
    budgets = np.maximum(np.round(basis.reference_budget_t * share / ROUND_TO_T), 1.0)
    return pd.Series(budgets * ROUND_TO_T, index=list(basis.codes), name="budget_t")
