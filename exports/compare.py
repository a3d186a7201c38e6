"""Two to four scenarios side by side: key figures, levers that differ, yearly trajectories.

The comparison page shows these rows (as text) and exports them (as numbers), so both read
from the same definitions here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from exports.tables import percent_number, unit_label, whole_number
from model.levers import LEVER_SPECS
from model.scenario import ScenarioResult
from presentation.formatting import fmt_month_year, fmt_number, fmt_percent, fmt_tonnes
from presentation.i18n import t

Cell = float | int | str | None


@dataclass(frozen=True)
class NamedResult:
    """A scenario's display name (may be user text: show it as plain text) and its result."""

    name: str
    result: ScenarioResult


@dataclass(frozen=True)
class CompareRow:
    """One row of a comparison table: a label, a unit, a number and a text per scenario."""

    label: str
    unit: str
    values: tuple[Cell, ...]
    texts: tuple[str, ...]


def unique_names(names: Sequence[str], reserved: Sequence[str] = ()) -> list[str]:
    """Names made unique by a counter, so two saved scenarios called alike stay apart (and
    apart from reserved names such as a table's own column headings)."""
    taken = set(reserved)
    unique = []
    for name in names:
        candidate, count = name, 1
        while candidate in taken:
            count += 1
            candidate = f"{name} ({count})"
        taken.add(candidate)
        unique.append(candidate)
    return unique


def figure_rows(named: Sequence[NamedResult], lang: str, for_export: bool = False
                ) -> list[CompareRow]:
    """Fossil CO2 2030, budget exhaustion, needed rate, GHG 2030, change vs 1990, net 2050.

    For export the budget's month and year are two numeric rows; on the page one text.
    """
    kpis = [n.result.kpis for n in named]
    never = t("not_by_2050", lang)
    pct = t("exp_unit_percent", lang)
    rows = [
        CompareRow(t("compare_row_fossil_2030", lang), t("exp_unit_t_co2", lang),
                   tuple(whole_number(k.fossil_co2_2030_t) for k in kpis),
                   tuple(fmt_tonnes(k.fossil_co2_2030_t, lang) for k in kpis)),
    ]
    if for_export:
        rows.append(CompareRow(
            t("compare_row_budget_year", lang), t("exp_unit_year", lang),
            tuple(k.budget_exhausted_year if k.budget_exhausted_year else never for k in kpis),
            tuple(str(k.budget_exhausted_year or never) for k in kpis)))
        rows.append(CompareRow(
            t("compare_row_budget_month", lang), t("exp_unit_month", lang),
            tuple(k.budget_exhausted_month for k in kpis),
            tuple(str(k.budget_exhausted_month or "") for k in kpis)))
    else:
        rows.append(CompareRow(
            t("compare_row_budget", lang), "",
            tuple(k.budget_exhausted_year for k in kpis),
            tuple(fmt_month_year(k.budget_exhausted_year, k.budget_exhausted_month, lang, never)
                  for k in kpis)))
    rows += [
        CompareRow(t("compare_row_needed_rate", lang), t("exp_unit_percent_year", lang),
                   tuple(percent_number(k.needed_annual_reduction) for k in kpis),
                   tuple(fmt_percent(k.needed_annual_reduction, lang) for k in kpis)),
        CompareRow(t("compare_row_ghg_2030", lang), t("exp_unit_t_co2e", lang),
                   tuple(whole_number(k.ghg_2030_t) for k in kpis),
                   tuple(fmt_tonnes(k.ghg_2030_t, lang) for k in kpis)),
        CompareRow(t("compare_row_change_1990", lang), pct,
                   tuple(percent_number(k.ghg_change_2030_vs_1990) for k in kpis),
                   tuple(fmt_percent(k.ghg_change_2030_vs_1990, lang, 0, signed=True)
                         for k in kpis)),
        CompareRow(t("compare_row_net_2050", lang), t("exp_unit_t_co2e", lang),
                   tuple(whole_number(k.net_2050_t) for k in kpis),
                   tuple(fmt_tonnes(k.net_2050_t, lang) for k in kpis)),
    ]
    from exports.uncertainty import chance_rows  # issue 12; imported here: it imports us

    return rows + chance_rows(named, lang)


def lever_number(value: float, unit: str, lang: str) -> str:
    """A lever value without its unit (the table has a unit column): '16,8', '2030'."""
    if unit == "år":
        return str(int(round(value)))
    return fmt_number(value, lang, 0 if float(value).is_integer() else 1)


def lever_rows(named: Sequence[NamedResult], lang: str, only_differing: bool = True
               ) -> list[CompareRow]:
    """Each lever (or only those whose values differ between the scenarios)."""
    values = [n.result.levers.as_dict() for n in named]
    rows = []
    for spec in LEVER_SPECS:
        numbers = tuple(v[spec.id] for v in values)
        if only_differing and max(numbers) - min(numbers) <= 1e-9:
            continue
        rows.append(CompareRow(spec.label(lang), unit_label(spec.unit, lang), numbers,
                               tuple(lever_number(x, spec.unit, lang) for x in numbers)))
    return rows


def rows_columns(rows: Sequence[CompareRow], names: Sequence[str], first_column: str,
                 lang: str, as_text: bool, with_unit: bool = True) -> dict[str, list]:
    """The table's columns in order: a label column, a unit column (optional) and one column
    per scenario (the page builds its Arrow table from them, the exports a frame)."""
    unit_column = t("compare_col_unit", lang)
    columns: dict[str, list] = {first_column: [r.label for r in rows]}
    if with_unit:
        columns[unit_column] = [r.unit for r in rows]
    for i, name in enumerate(unique_names(names, reserved=(first_column, unit_column))):
        columns[name] = [r.texts[i] if as_text else r.values[i] for r in rows]
    return columns


def rows_frame(rows: Sequence[CompareRow], names: Sequence[str], first_column: str, lang: str,
               as_text: bool, with_unit: bool = True) -> pd.DataFrame:
    """A table with a label column, a unit column (optional) and one column per scenario."""
    return pd.DataFrame(rows_columns(rows, names, first_column, lang, as_text, with_unit))


def comparison_frame(named: Sequence[NamedResult], lang: str) -> pd.DataFrame:
    """Key figures, then every lever, as numbers: the comparison's CSV."""
    names = [n.name for n in named]
    figures = rows_frame(figure_rows(named, lang, for_export=True), names,
                         t("compare_col_figure", lang), lang, as_text=False)
    levers = rows_frame(lever_rows(named, lang, only_differing=False), names,
                        t("compare_col_figure", lang), lang, as_text=False)
    return pd.concat([figures, levers], ignore_index=True)


def trajectories_frame(named: Sequence[NamedResult], lang: str) -> pd.DataFrame:
    """Year, kind, then net and total GHG (t CO2e) per scenario; statistics are shared."""
    first = named[0].result.totals_frame
    frame = pd.DataFrame({
        t("exp_col_year", lang): first["year"].to_numpy().astype(int),
        t("exp_col_kind_row", lang): np.where(first["kind"].to_numpy() == "statistik",
                                              t("exp_kind_statistics", lang),
                                              t("exp_kind_scenario", lang)),
    })
    reserved = list(frame.columns)
    for name, n in zip(unique_names([n.name for n in named], reserved), named, strict=True):
        totals = n.result.totals_frame
        frame[f"{name}: {t('exp_col_net', lang)}"] = totals["net_t"].to_numpy()
        frame[f"{name}: {t('exp_col_total_ghg', lang)}"] = totals["ghg_t"].to_numpy()
    return frame
