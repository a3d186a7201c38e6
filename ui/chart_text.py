"""What each chart shows, in words, from the very frame the chart draws (so the text and
the "Visa som tabell" table can never disagree with the picture)."""

from __future__ import annotations

import pandas as pd

from ui.formatting import fmt_number
from ui.i18n import t


def _at(data: pd.DataFrame, layer: str, year: int) -> float | None:
    rows = data[(data["layer"] == layer) & (data["year"] == year)]
    return float(rows["value"].sum()) if len(rows) else None


def trajectory_description(data: pd.DataFrame, name: str, base_year: int, per_capita: bool,
                           lang: str) -> str:
    """'Diagram: utsläpp per sektor i Växjö … 2024: 224 kt CO2e; 2030: 150 kt (referens …'"""
    unit = t("unit_t_per_capita", lang) if per_capita else "kt CO2e"
    decimals = 2 if per_capita else 0

    def num(value: float | None) -> str:
        return "–" if value is None else f"{fmt_number(value, lang, decimals)} {unit}"

    areas_2030 = data[(data["layer"] == "area") & (data["year"] == 2030)]
    largest = (str(areas_2030.sort_values("value").iloc[-1]["series"]) if len(areas_2030)
               else "–")
    return t("chart_trajectory_text", lang, name=name, base_year=base_year,
             base=num(_at(data, "area", base_year)), total_2030=num(_at(data, "area", 2030)),
             net_2030=num(_at(data, "net", 2030)), reference_2030=num(_at(data, "reference", 2030)),
             net_2050=num(_at(data, "net", 2050)), largest=largest)


def trajectory_table(data: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every value the trajectory chart draws: a row per year, a column per series."""
    table = data[data["layer"] != "marker"].pivot_table(
        index="year", columns="series", values="value", aggfunc="sum", sort=False).round(2)
    table.columns.name = None
    table.index.name = t("axis_year", lang)
    return table.reset_index()


def bars_description(data: pd.DataFrame, key: str, lang: str, unit: str, decimals: int = 0,
                     **values: object) -> str:
    """Horizontal bars in words: the categories, largest first, with their values."""
    rows = data.sort_values("value", ascending=False)
    parts = [f"{row.series} {fmt_number(float(row.value), lang, decimals)}{unit}"
             for row in rows.itertuples()]
    return t(key, lang, list="; ".join(parts) if parts else "–", **values)


def series_table(data: pd.DataFrame, lang: str, index: str = "year",
                 decimals: int = 1) -> pd.DataFrame:
    """A long frame (index, series, value) as a table with a column per series."""
    table = data.pivot_table(index=index, columns="series", values="value", aggfunc="sum",
                             sort=False).round(decimals)
    table.columns.name = None
    table.index.name = t("axis_year", lang) if index == "year" else index
    return table.reset_index()


def budget_description(data: pd.DataFrame, lang: str) -> str:
    """The cumulative emissions against the budget, in words."""
    cumulative = data[data["layer"] == "cumulative"]
    budget = data[data["layer"] == "budget"]
    if not len(cumulative) or not len(budget):
        return ""
    limit = float(budget["value"].iloc[0])
    over = cumulative[cumulative["value"] > limit]
    return t("chart_budget_text", lang, start=int(cumulative["year"].iloc[0]),
             budget=fmt_number(limit, lang), end=fmt_number(float(cumulative["value"].iloc[-1]),
                                                            lang),
             crossed=(t("chart_budget_crossed", lang, year=int(over["year"].iloc[0]))
                      if len(over) else t("chart_budget_not_crossed", lang)))
