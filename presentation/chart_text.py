"""What each chart shows, in words, from the very frame the chart draws (so the text and
the "Visa som tabell" table can never disagree with the picture)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from presentation.charts import ChartData
from presentation.formatting import fmt_number
from presentation.i18n import t


def _is(data: pd.DataFrame | ChartData, column: str, label: str) -> np.ndarray:
    """Rows whose text column holds label (codes compared, not strings, for ChartData)."""
    if isinstance(data, ChartData):
        return data.codes(column, label)
    return data[column].to_numpy(dtype=object) == label


def _sum_of(values: np.ndarray, mask: np.ndarray) -> float | None:
    """The values where mask holds, added one by one in row order (None where none)."""
    total = None
    for value in values[mask].tolist():
        total = (0.0 if total is None else total) + value
    return total


def _largest_area(data: pd.DataFrame | ChartData, year: int, values: np.ndarray,
                  years: np.ndarray) -> str:
    """The series with the largest area value in a year ('–' when there is none)."""
    mask = _is(data, "layer", "area") & (years == year)
    if not mask.any():
        return "–"
    if isinstance(data, ChartData):
        codes, labels = data.texts["series"]
        return str(labels[int(codes[mask][int(np.argmax(values[mask]))])])
    series = data["series"].to_numpy(dtype=object)[mask]
    return str(series[int(np.argmax(values[mask]))])


def trajectory_description(data: pd.DataFrame | ChartData, name: str, base_year: int,
                           per_capita: bool, lang: str) -> str:
    """'Diagram: utsläpp per sektor i Växjö … 2024: 224 kt CO2e; 2030: 150 kt (referens …'

    Reads plain arrays: this runs on every lever change (filtering a frame's Arrow string
    columns once per figure cost 8 ms a change).
    """
    unit = t("unit_t_per_capita", lang) if per_capita else "kt CO2e"
    decimals = 2 if per_capita else 0
    years = np.asarray(data["year"])
    values = np.asarray(data["value"], dtype=float)
    layers = {layer: _is(data, "layer", layer) for layer in ("area", "net", "reference")}

    def num(layer: str, year: int) -> str:
        value = _sum_of(values, layers[layer] & (years == year))
        return "–" if value is None else f"{fmt_number(value, lang, decimals)} {unit}"

    return t("chart_trajectory_text", lang, name=name, base_year=base_year,
             base=num("area", base_year), total_2030=num("area", 2030),
             net_2030=num("net", 2030), reference_2030=num("reference", 2030),
             net_2050=num("net", 2050), largest=_largest_area(data, 2030, values, years))


def trajectory_table(data: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every value the trajectory chart draws: a row per year, a column per series."""
    table = data[data["layer"] != "marker"].pivot_table(
        index="year", columns="series", values="value", aggfunc="sum", sort=False).round(2)
    table.columns.name = None
    table.index.name = t("axis_year", lang)
    return table.reset_index()


def _largest_first(values: np.ndarray) -> np.ndarray:
    """Positions of values, largest first, equal values in the very order the frames'
    sort_values(ascending=False) gave (pandas' descending argsort), so texts read as before."""
    positions = np.arange(len(values))[::-1]
    return positions[np.asarray(values, dtype=float)[::-1].argsort(kind="quicksort")][::-1]


def bars_description(data: pd.DataFrame | ChartData, key: str, lang: str, unit: str,
                     decimals: int = 0, **values: object) -> str:
    """Horizontal bars in words: the categories, largest first, with their values."""
    # Plain arrays: sorting and iterating the frame (Arrow strings) cost ~1.5 ms a chart.
    series = np.asarray(data["series"], dtype=object)
    numbers = np.asarray(data["value"], dtype=float)
    parts = [f"{series[i]} {fmt_number(float(numbers[i]), lang, decimals)}{unit}"
             for i in _largest_first(numbers)]
    return t(key, lang, list="; ".join(parts) if parts else "–", **values)


def series_table(data: pd.DataFrame, lang: str, index: str = "year",
                 decimals: int = 1) -> pd.DataFrame:
    """A long frame (index, series, value) as a table with a column per series."""
    table = data.pivot_table(index=index, columns="series", values="value", aggfunc="sum",
                             sort=False).round(decimals)
    table.columns.name = None
    table.index.name = t("axis_year", lang) if index == "year" else index
    return table.reset_index()


def budget_description(data: pd.DataFrame | ChartData, lang: str) -> str:
    """The cumulative emissions against the budget, in words."""
    years = np.asarray(data["year"])
    values = np.asarray(data["value"], dtype=float)
    cumulative = _is(data, "layer", "cumulative")
    budget = _is(data, "layer", "budget")
    if not cumulative.any() or not budget.any():
        return ""
    limit = float(values[budget][0])
    cumulative_years, cumulative_values = years[cumulative], values[cumulative]
    over = cumulative_years[cumulative_values > limit]
    return t("chart_budget_text", lang, start=int(cumulative_years[0]),
             budget=fmt_number(limit, lang), end=fmt_number(float(cumulative_values[-1]), lang),
             crossed=(t("chart_budget_crossed", lang, year=int(over[0]))
                      if len(over) else t("chart_budget_not_crossed", lang)))


# --------------------------------------------------------------------------------------
# The other pages' charts: one describer and one table per chart, from the chart's frame.


def _listing(pairs: list[tuple[str, float]], lang: str, unit: str, decimals: int = 0) -> str:
    """'Bord 1 120 kt; Bord 2 95 kt' (or '–' when there is nothing to list)."""
    return "; ".join(f"{name} {fmt_number(value, lang, decimals)}{unit}"
                     for name, value in pairs) or "–"


def _in_year(data: pd.DataFrame | ChartData, year: int, by: str = "series",
             largest_first: bool = False, mask: np.ndarray | None = None
             ) -> list[tuple[str, float]]:
    """(series, value) in one year of a long frame, in the frame's order (or largest first);
    a series drawn twice in the year keeps its last value. mask: only these rows."""
    # Plain arrays: a groupby on the frame's Arrow strings cost ~2 ms a call, per rerun.
    rows = np.asarray(data["year"]) == year
    if mask is not None:
        rows &= mask
    names = np.asarray(data[by], dtype=object)[rows]
    values = np.asarray(data["value"], dtype=float)[rows]
    last: dict[str, float] = {}
    for name, value in zip(names.tolist(), values.tolist(), strict=True):
        last[name] = value  # the dict keeps first appearance's order, the last value
    pairs = [(str(name), float(value)) for name, value in last.items()]
    if largest_first:
        order = _largest_first(np.array([value for _, value in pairs], dtype=float))
        pairs = [pairs[i] for i in order]
    return pairs


def wide_table(data: pd.DataFrame, lang: str, columns: str = "series",
               decimals: int = 1) -> pd.DataFrame:
    """A long frame (year, columns, value) as a row per year, a column per series; where a
    line is drawn twice in one year (statistics meeting the scenario) the table keeps one."""
    table = data.pivot_table(index="year", columns=columns, values="value", aggfunc="last",
                             sort=False).round(decimals)
    table.columns.name = None
    table.index = table.index.astype(int)
    table.index.name = t("axis_year", lang)
    return table.reset_index()


def renamed(data: pd.DataFrame, names: dict[str, str], decimals: int = 0) -> pd.DataFrame:
    """The chosen columns of a chart's frame under the page's words, numbers rounded."""
    return data[list(names)].rename(columns=names).round(decimals)


def compare_lines(data: pd.DataFrame) -> pd.DataFrame:
    """The compare chart's frame with one series name per drawn line (net, or GHG too)."""
    ghg = data["key"].astype(str).str.endswith("-ghg")
    return data.assign(series=data["series"].where(
        ~ghg, data["series"] + " (" + data["measure"] + ")"))


def compare_description(data: pd.DataFrame | ChartData, lang: str, base_year: int) -> str:
    """The scenarios' net emissions in 2030 and 2050, in words.

    Reads plain arrays (ChartData on the page): filtering a frame's string columns cost
    ~4 ms of every lever change."""
    keys = np.asarray(data["key"], dtype=object)
    net = _is(data, "layer", "scenario") & np.array(
        [str(key).endswith("-net") for key in keys.tolist()], dtype=bool)
    count = len(set(np.asarray(data["series"], dtype=object)[net].tolist()))
    return t("chart_compare_text", lang, n=count, base_year=base_year,
             list_2030=_listing(_in_year(data, 2030, mask=net), lang, "\u00a0kt"),
             list_2050=_listing(_in_year(data, 2050, mask=net), lang, "\u00a0kt"))


def municipalities_description(data: pd.DataFrame | ChartData, lang: str, per_capita: bool,
                               scenario_kind: str) -> str:
    """The municipalities' scenario emissions in 2030 and 2050, in words (plain arrays:
    ChartData on the page)."""
    unit = f"\u00a0{t('unit_t_per_capita', lang)}" if per_capita else "\u00a0kt CO2e"
    decimals = 2 if per_capita else 0
    scenario = _is(data, "kind", scenario_kind)
    names = ", ".join(str(n) for n in dict.fromkeys(
        np.asarray(data["municipality"], dtype=object).tolist()))
    return t("chart_municipalities_text", lang, names=names,
             list_2030=_listing(_in_year(data, 2030, "municipality", mask=scenario), lang,
                                unit, decimals),
             list_2050=_listing(_in_year(data, 2050, "municipality", mask=scenario), lang,
                                unit, decimals))


def workshop_description(data: pd.DataFrame, lang: str) -> str:
    """The submissions' net emissions in 2030 against the reference: lowest and highest."""
    submitted = data[data["layer"] == "submission"]
    reference = _in_year(data[data["layer"] == "reference"], 2030)
    unit = "\u00a0kt"
    in_2030 = sorted(_in_year(submitted, 2030), key=lambda pair: pair[1])
    if not in_2030:
        return ""
    return t("chart_workshop_text", lang, n=submitted["series"].nunique(),
             reference=f"{fmt_number(reference[0][1], lang)}{unit}" if reference else "–",
             low=_listing(in_2030[:1], lang, unit), high=_listing(in_2030[-1:], lang, unit))


def wedge_description(data: pd.DataFrame | ChartData, lang: str) -> str:
    """What each measure removes in 2030 and 2050 (kt per year), largest first."""
    return t("chart_wedge_text", lang,
             list_2030=_listing(_in_year(data, 2030, largest_first=True), lang, "\u00a0kt", 1),
             list_2050=_listing(_in_year(data, 2050, largest_first=True), lang, "\u00a0kt", 1))


def invest_description(data: pd.DataFrame, lang: str) -> str:
    """The investment over all years, in total and by payer."""
    sums: dict[str, float] = {}
    for name, value in zip(data["series"].to_numpy(dtype=object).tolist(),
                           data["value"].to_numpy(dtype=float).tolist(), strict=True):
        sums[name] = sums.get(name, 0.0) + value
    names = list(sums)
    totals = np.array([sums[name] for name in names], dtype=float)
    unit = f"\u00a0{t('dec_axis_msek', lang)}"
    years = data["year"].to_numpy()
    return t("chart_invest_text", lang, total=fmt_number(float(totals.sum()), lang) + unit,
             first=int(years.min()) if len(data) else "–",
             last=int(years.max()) if len(data) else "–",
             list=_listing([(str(names[i]), float(totals[i])) for i in _largest_first(totals)],
                           lang, unit))


def mac_description(data: pd.DataFrame, lang: str) -> str:
    """The cost curve in words: each measure's cost per tonne and tonnes, cheapest first."""
    unit = t("unit_sek_per_t", lang)
    parts = [f"{series} {fmt_number(float(cost), lang)}\u00a0{unit} "
             f"({fmt_number(float(tonnes), lang)}\u00a0t)"
             for series, cost, tonnes in zip(data["series"].to_numpy(dtype=object).tolist(),
                                             data["sek_per_t"].to_numpy(dtype=float).tolist(),
                                             data["reduced_t"].to_numpy(dtype=float).tolist(),
                                             strict=True)]
    return t("chart_mac_text", lang, list="; ".join(parts) or "–")


def fan_description(data: pd.DataFrame | ChartData, lang: str) -> str:
    """The central scenario and the 10–90 % range in 2030 and 2050."""
    years = np.asarray(data["year"]).tolist()  # plain lists: this runs on every lever change

    def year(y: int) -> dict[str, str]:
        if y not in years:
            return {"central": "–", "low": "–", "high": "–"}
        i = years.index(y)
        return {key: fmt_number(float(np.asarray(data[column])[i]), lang)
                for key, column in (("central", "central"), ("low", "p10"), ("high", "p90"))}

    at_2030, at_2050 = year(2030), year(2050)
    return t("chart_fan_text", lang, central_2030=at_2030["central"], low_2030=at_2030["low"],
             high_2030=at_2030["high"], central_2050=at_2050["central"],
             low_2050=at_2050["low"], high_2050=at_2050["high"])


def fan_table(data: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The fan's figures: a row per year, the central scenario and the percentiles (kt)."""
    names = {"year": t("axis_year", lang), "central": t("unc_series_central", lang)}
    names.update({p: f"{p[1:]}\u00a0%" for p in ("p10", "p25", "p50", "p75", "p90")})
    return renamed(data.assign(year=data["year"].astype(int)), names, 1)


def tornado_description(data: pd.DataFrame, metric: str, lang: str) -> str:
    """The inputs that move the result most, largest first, with what each end does."""
    unit = "\u00a0" + t("unit_years" if metric == "budget" else "unit_tonnes_short", lang)
    decimals = 1 if metric == "budget" else 0
    parts = []
    for name, rows in data.groupby("input", sort=False):
        ends = ", ".join(f"{row.end} {fmt_number(float(row.delta), lang, decimals)}{unit}"
                         for row in rows.itertuples())
        parts.append(f"{name} ({ends})")
    return t(f"chart_tornado_{metric}_text", lang, list="; ".join(parts) or "–")


def tornado_table(data: pd.DataFrame, metric: str, lang: str) -> pd.DataFrame:
    """Each input's two ends: the input's value and the change it makes."""
    axis = t("unc_tornado_axis_years" if metric == "budget" else "unc_tornado_axis_t", lang)
    return renamed(data, {"input": t("unc_input", lang), "end": " ",
                          "value": t("col_value", lang), "delta": axis},
                   1 if metric == "budget" else 0)


def distribution_description(data: pa.Table, measure: str, name: str, lang: str,
                             years: bool = False, unit: str = "") -> str:
    """Where the municipality stands among all: its value and rank, the lowest, the median
    and the highest (years are written as years: 2031, not 2 031).

    data is the chart's own Arrow table (name, value, current, rank; sorted by value), read
    as arrays: no pandas frame is built for it on every lever move."""
    if not data.num_rows:
        return ""

    def num(value: float) -> str:
        return str(round(value)) if years else fmt_number(value, lang) + unit

    names = data.column("name")
    values = data.column("value").to_numpy()
    current = np.flatnonzero(data.column("current").to_numpy(zero_copy_only=False))
    n = data.num_rows
    own = (t("chart_distribution_own", lang, name=name, value=num(float(values[current[0]])),
             rank=int(data.column("rank")[int(current[0])].as_py()), n=n)
           if len(current) else "")
    return t("chart_distribution_text", lang, measure=measure, n=n, own=own,
             low=f"{names[0].as_py()} {num(float(values[0]))}",
             median=num(float(np.median(values))),
             high=f"{names[n - 1].as_py()} {num(float(values[n - 1]))}")
