"""Chart specs (built once per language) and the small frames they draw each run.

Altair builds and validates a spec once; each rerun only passes new data to
st.vega_lite_chart, which keeps a lever change cheap even with a room full of phones.
The specs are shared between sessions: never mutate one (st.vega_lite_chart copies the
top level before it adds anything).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa

from model.data import MunicipalityData
from model.scenario import ScenarioResult, population_path
from model.sectors import BECCS_COLOUR, SECTOR_COLOURS, SECTORS, sector_label
from model.targets import TARGET_IDS, target_paths
from presentation.formatting import VEGA_LOCALE
from presentation.i18n import t

NET_COLOUR = "#111111"
REFERENCE_COLOUR = "#595959"  # 7:1 on white, dashed: told apart from the net line by its dashes
BUDGET_COLOUR = "#b2182b"
TEXT_COLOUR = "#31333F"  # axis and legend text: 12.6:1 on white (Streamlit's grey was 3.7:1)
SOLID: list[int] = [1, 0]
DASHED: list[int] = [6, 4]
DOTTED: list[int] = [2, 3]
# Chart text everyone can read, whatever the theme around it.
# Vega's own ARIA texts for axes, legends and marks are English and name internal fields
# ("year", "value"); the chart's description (ui/chart_access.py) says it in the page's
# language instead.
READABLE_CONFIG: dict = {
    "axis": {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR, "labelFontSize": 12,
             "titleFontSize": 13, "aria": False},
    "legend": {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR, "labelFontSize": 13,
               "aria": False},
    "mark": {"aria": False},
    "title": {"color": TEXT_COLOUR},
}
# Target lines (model/targets.py), dotted.
TARGET_COLOURS = {"own_2030": "#1b7837", "contract_2030": "#2166ac",
                  "sweden_2045": "#762a83", "budget_path": BUDGET_COLOUR}


def spec_dict(chart: alt.TopLevelMixin) -> dict:
    """The chart as a Vega-Lite dict, without Altair's schema check here.

    The check took about 0.3 s per spec: 2 s of every server start (ui/warmup.py) and, for
    the first visitor of each municipality, language and choice of target lines, a wait
    before the chart. The specs are the app's own and fixed; tests/test_chart_specs.py
    checks every one against the schema instead.
    """
    return chart.to_dict(validate=False)


# Vega draws on a canvas, not in SVG: a lever move then repaints one canvas instead of
# updating some hundred SVG nodes that the browser must style and lay out again. Measured
# side by side in Chromium (bench/browser_timing.py's method, CDP TaskDuration): the main
# page's main-thread time per move fell 8-15 %. The charts look the same; the canvas gets
# its role and name from ui/accessibility.py.
CANVAS: dict = {"embedOptions": {"renderer": "canvas"}}


def described(spec: dict, description: str) -> dict:
    """A shallow copy of a shared spec with its description and renderer (never mutate the
    cached one); ui/chart_access.py shows the description under the chart."""
    return {**spec, "description": description, "usermeta": CANVAS}


def streamlit_spec(chart: alt.TopLevelMixin, lang: str) -> dict:
    """The chart as a spec that takes its data from st.vega_lite_chart, numbers in lang.

    Altair gives every layer of a data-less chart an empty named dataset; layers must
    instead inherit the top-level data that Streamlit attaches. Every page's chart builder
    starts here (five modules each had a copy of these lines).
    """
    spec = spec_dict(chart)
    spec.pop("datasets", None)
    spec.pop("data", None)
    for layer in spec.get("layer", []):
        layer.pop("data", None)
    spec.setdefault("config", {})["locale"] = VEGA_LOCALE[lang]
    return spec


def _finish(chart: alt.TopLevelMixin, lang: str) -> dict:
    """streamlit_spec, with decorations (the history band and its labels) drawn once from a
    single empty row, and text readable whatever the theme."""
    spec = streamlit_spec(chart, lang)
    for layer in spec.get("layer", []):
        mark = layer.get("mark", {})
        mark_type = mark.get("type") if isinstance(mark, dict) else mark
        if mark_type in ("rect", "text"):
            layer["data"] = {"values": [{}]}
    config = spec["config"]
    for part, values in READABLE_CONFIG.items():
        config[part] = {**values, **config.get(part, {})}
    return spec


def _series_scale(lang: str) -> alt.Scale:
    """Areas: the sectors and BECCS (squares in the legend)."""
    domain = [sector_label(s, lang) for s in SECTORS] + [t("series_beccs", lang)]
    colours = [SECTOR_COLOURS[s] for s in SECTORS] + [BECCS_COLOUR]
    return alt.Scale(domain=domain, range=colours)


def stroke_legend(**options: object) -> alt.Legend:
    """A legend of lines drawn as long, 2.5 px strokes: at Vega's default size a solid and a
    dashed line looked the same, two short marks."""
    return alt.Legend(symbolType="stroke", symbolStrokeWidth=2.5, symbolSize=400, **options)


def _line_encodings(lang: str, targets: tuple[str, ...]) -> dict:
    """Lines: net solid, reference dashed, the drawn targets dotted; one legend that draws
    them so, and lists only lines that are on the chart (a legend entry for a target that is
    not drawn sent readers looking for a line that is not there).

    The field is a copy of the series ("line", made in the layer): a legend per field, so
    the areas' legend keeps its squares and this one draws strokes.
    """
    domain = [t("series_net", lang), t("series_reference", lang)] + [
        t(f"target_{target_id}", lang) for target_id in targets]
    colours = [NET_COLOUR, REFERENCE_COLOUR] + [TARGET_COLOURS[i] for i in targets]
    dashes = [SOLID, DASHED] + [DOTTED for _ in targets]
    legend = stroke_legend(orient="top", title=None, labelLimit=0,
                           columns={"expr": "width < 520 ? 1 : 3"})
    return {
        "stroke": alt.Stroke("line:N", scale=alt.Scale(domain=domain, range=colours),
                             legend=legend, title=None),
        "strokeDash": alt.StrokeDash("line:N", scale=alt.Scale(domain=domain, range=dashes),
                                     legend=legend, title=None),
    }


@lru_cache(maxsize=64)
def _trajectory_spec(lang: str, per_capita: bool, base_year: int,
                     targets: tuple[str, ...]) -> dict:
    value_title = t("axis_per_capita", lang) if per_capita else t("axis_kt", lang)
    value_format = ",.2f" if per_capita else ",.0f"
    years = alt.Scale(domain=[1990, 2050], nice=False, zero=False)
    base = alt.Chart().encode(
        x=alt.X("year:Q", title=t("axis_year", lang), axis=alt.Axis(format="d", tickCount=8),
                scale=years),
    )
    tooltip = [
        alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
        alt.Tooltip("series:N", title=t("legend_sector", lang)),
        alt.Tooltip("value:Q", title=value_title, format=value_format),
    ]
    colour = alt.Color("series:N", scale=_series_scale(lang), title=None,
                       legend=alt.Legend(orient="bottom", columns=2, symbolType="square",
                                         labelLimit=0))
    history = alt.Chart().mark_rect(color="#888888", opacity=0.08).encode(
        x=alt.X(datum=1990, scale=years), x2=alt.X2(datum=base_year))
    history_label = alt.Chart().mark_text(align="left", dx=4, dy=8, baseline="top",
                                          color="#555555", fontSize=12).encode(
        x=alt.X(datum=1990, scale=years), y=alt.value(0),
        text=alt.value(t("label_statistics", lang)))
    scenario_label = alt.Chart().mark_text(align="left", dx=4, dy=8, baseline="top",
                                           color="#555555", fontSize=12).encode(
        x=alt.X(datum=base_year, scale=years), y=alt.value(0),
        text=alt.value(t("label_scenario", lang)))
    areas = base.mark_area(opacity=1).encode(
        y=alt.Y("value:Q", stack="zero", title=value_title),
        color=colour,
        order=alt.Order("order:Q"),
        tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "area")
    beccs = base.mark_area(opacity=1).encode(
        y="value:Q", color=colour, tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "beccs")
    lines = _line_encodings(lang, targets)
    net = base.mark_line(strokeWidth=2.5).encode(
        y="value:Q", tooltip=tooltip, **lines,
    ).transform_filter(alt.datum.layer == "net").transform_calculate(line="datum.series")
    reference = base.mark_line(strokeWidth=2).encode(
        y="value:Q", tooltip=tooltip, **lines,
    ).transform_filter(alt.datum.layer == "reference").transform_calculate(
        line="datum.series")
    targets = base.mark_line(strokeWidth=2).encode(
        y="value:Q", tooltip=tooltip, **lines,
    ).transform_filter(alt.datum.layer == "target").transform_calculate(line="datum.series")
    own_figures = base.mark_point(shape="diamond", size=140, filled=True, color=NET_COLOUR,
                                  opacity=1).encode(
        y="value:Q", tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "marker")
    chart = alt.layer(history, areas, beccs, net, reference, targets, own_figures, history_label,
                      scenario_label)
    spec = _finish(chart.properties(height=300, width="container"), lang)
    # The height is the plot's own: the legend below (two columns on a phone) adds to it
    # instead of squeezing the plot.
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    # Two legend columns where they fit, one on a phone: labels are never cut.
    for layer in spec["layer"]:
        legend = layer.get("encoding", {}).get("color", {}).get("legend")
        if isinstance(legend, dict) and legend.get("columns") == 2:
            legend["columns"] = {"expr": "width < 520 ? 1 : 2"}
    return spec


def trajectory_spec(lang: str, per_capita: bool, base_year: int,
                    targets: Iterable[str] = ()) -> dict:
    """Stacked areas by sector, BECCS below zero, net and reference lines, and the target
    lines drawn (ids of model/targets.py, in that module's order whatever order given)."""
    chosen = set(targets)
    return _trajectory_spec(lang, per_capita, base_year,
                            tuple(i for i in TARGET_IDS if i in chosen))


class ChartData:
    """A chart's long data as plain arrays, text columns as codes into a few labels.

    The page hands the chart an Arrow table built straight from these (arrow()): building
    a pandas frame and converting it to Arrow again cost ~10 ms of a lever change. The
    chart's words read the arrays (data["layer"] is an array, as a frame's column reads);
    the table under "Visa som tabell" and the exports take frame(), made only then.
    """

    __slots__ = ("columns", "numbers", "texts")

    def __init__(self, numbers: dict[str, np.ndarray],
                 texts: dict[str, tuple[np.ndarray, tuple[str, ...]]],
                 columns: tuple[str, ...]) -> None:
        self.numbers = numbers
        self.texts = texts  # name -> (codes, labels): labels[codes] are the values
        self.columns = columns

    def __len__(self) -> int:
        name = self.columns[0]
        return len(self.numbers[name] if name in self.numbers else self.texts[name][0])

    def __getitem__(self, name: str) -> np.ndarray:
        """A column as a numpy array (text columns as an object array)."""
        if name in self.numbers:
            return self.numbers[name]
        codes, labels = self.texts[name]
        return np.array(labels, dtype=object)[codes]

    def codes(self, name: str, label: str) -> np.ndarray:
        """Where a text column holds this label (a boolean mask, no strings compared)."""
        codes, labels = self.texts[name]
        if label not in labels:
            return np.zeros(len(codes), dtype=bool)
        return codes == labels.index(label)

    def arrow(self) -> pa.Table:
        """The data as the chart gets it: numbers as they are, texts dictionary-encoded."""
        arrays = []
        for name in self.columns:
            if name in self.numbers:
                arrays.append(pa.array(self.numbers[name]))
            else:
                codes, labels = self.texts[name]
                arrays.append(pa.DictionaryArray.from_arrays(codes, _dictionary(labels)))
        return pa.Table.from_arrays(arrays, names=list(self.columns))

    def frame(self) -> pd.DataFrame:
        """The same data as a pandas frame (tables, exports): built only when asked for."""
        return pd.DataFrame({name: self[name] for name in self.columns})


@lru_cache(maxsize=256)
def _dictionary(labels: tuple[str, ...]) -> pa.Array:
    """Arrow labels of a text column, kept: the same few on every lever change."""
    return pa.array(list(labels), type=pa.string())


def _codes(index: int, count: int) -> np.ndarray:
    return np.full(count, index, dtype=np.int8)


class _TrajectoryRows:
    """What a trajectory's rows are, the same for every lever change of a municipality,
    language and choice of markers and targets: years, series and layers, the order, and
    the statistics' values. Kept (_trajectory_rows), so a change only divides its numbers."""

    __slots__ = ("divisor", "history_values", "layer", "line_rows", "order", "scenario_rows",
                 "series", "year")

    def __init__(self, data: MunicipalityData, years: np.ndarray, lang: str, per_capita: bool,
                 markers: tuple[tuple[int, float, str], ...],
                 targets: tuple[tuple[str, np.ndarray], ...]) -> None:
        n_history = len(data.history_years)
        n_years, n_sectors = len(years), data.history_ghg.shape[1]
        # t per inhabitant, or kt
        self.divisor = (population_path(data, years) if per_capita
                        else np.full(n_years, 1000.0))
        self.history_values = (data.history_ghg / self.divisor[:n_history, None]).ravel()
        # Lines (BECCS, net, reference) start at the last statistics year so they join the
        # areas.
        self.line_rows = np.arange(n_history - 1, n_years)
        self.scenario_rows = self.line_rows - n_history + 1
        n_lines = len(self.line_rows)
        labels = list(_trajectory_labels(lang))
        series = [np.tile(np.arange(n_sectors, dtype=np.int8), n_years),
                  np.repeat(np.arange(n_sectors, n_sectors + 3, dtype=np.int8), n_lines)]
        layer = [_codes(0, n_years * n_sectors), np.repeat(np.arange(1, 4, dtype=np.int8),
                                                           n_lines)]
        year = [np.repeat(years, n_sectors), np.tile(years[self.line_rows], 3)]
        order = [np.tile(np.arange(n_sectors), n_years), np.full(3 * n_lines, 99)]

        def code(label: str) -> int:
            if label not in labels:
                labels.append(label)
            return labels.index(label)

        if markers:
            year.append(np.array([marker_year for marker_year, _, _ in markers]))
            series.append(np.array([code(label) for _, _, label in markers], dtype=np.int8))
            layer.append(_codes(4, len(markers)))
            order.append(np.full(len(markers), 99))
        for label, target_years in targets:
            year.append(target_years)
            series.append(_codes(code(label), len(target_years)))
            layer.append(_codes(5, len(target_years)))
            order.append(np.full(len(target_years), 99))
        self.year = np.concatenate(year)
        self.series = (np.concatenate(series), tuple(labels))
        self.layer = np.concatenate(layer)
        self.order = np.concatenate(order)
        for shared in (self.year, self.series[0], self.layer, self.order, self.divisor,
                       self.history_values):
            shared.flags.writeable = False  # shared by every session's charts


@lru_cache(maxsize=64)
def _trajectory_rows(data: MunicipalityData, years_key: bytes, lang: str, per_capita: bool,
                     markers: tuple[tuple[int, float, str], ...],
                     targets: tuple[tuple[str, bytes], ...]) -> _TrajectoryRows:
    years = np.frombuffer(years_key, dtype=np.int64)
    return _TrajectoryRows(data, years, lang, per_capita, markers, tuple(
        (label, np.frombuffer(target_years, dtype=np.int64)) for label, target_years in targets))


def trajectory_chart_data(
    result: ScenarioResult, reference: ScenarioResult, lang: str, per_capita: bool,
    markers: tuple[tuple[int, float, str], ...] = (),
    targets: tuple[str, ...] = (),
) -> ChartData:
    """Long data for trajectory_spec: year, series, layer, value, order.

    targets are target ids (model/targets.py) drawn as dotted lines.

    markers are (year, t CO2e, label): the municipality's own figures, drawn as points on
    the absolute chart. Built straight from the arrays: this runs on every lever change.
    """
    data = result.data
    future = result.years > data.base_year
    years = np.concatenate([data.history_years, result.years[future]]).astype(np.int64)
    shown = markers if not per_capita else ()
    chosen = [p for p in target_paths(result) if p.target_id in targets] if targets else []
    rows = _trajectory_rows(data, years.tobytes(), lang, per_capita, shown, tuple(
        (t(f"target_{p.target_id}", lang), np.asarray(p.years, dtype=np.int64).tobytes())
        for p in chosen))
    divisor = rows.divisor
    n_history = len(data.history_years)
    beccs = result.trajectory.beccs[rows.scenario_rows]
    net = result.trajectory.ghg[rows.scenario_rows].sum(axis=1) + beccs
    reference_net = (reference.trajectory.ghg[rows.scenario_rows].sum(axis=1)
                     + reference.trajectory.beccs[rows.scenario_rows])
    value_parts = [rows.history_values,
                   (result.trajectory.ghg[future] / divisor[n_history:, None]).ravel(),
                   np.concatenate([beccs, net, reference_net])
                   / np.tile(divisor[rows.line_rows], 3)]
    if shown:
        value_parts.append(np.array([value / 1000.0 for _, value, _ in shown]))
    if chosen:
        target_years = np.concatenate([p.years for p in chosen])
        scale = (population_path(data, target_years) if per_capita
                 else np.full(len(target_years), 1000.0))
        value_parts.append(np.concatenate([p.values for p in chosen]) / scale)
    value = np.concatenate(value_parts)
    keep = np.isfinite(value)
    every = bool(keep.all())

    def kept(array: np.ndarray) -> np.ndarray:
        return array if every else array[keep]

    return ChartData(
        {"year": kept(rows.year), "value": kept(value), "order": kept(rows.order)},
        {"series": (kept(rows.series[0]), rows.series[1]),
         "layer": (kept(rows.layer), TRAJECTORY_LAYERS)},
        ("year", "series", "layer", "value", "order"),
    )


TRAJECTORY_LAYERS = ("area", "beccs", "net", "reference", "marker", "target")


@lru_cache(maxsize=8)
def _trajectory_labels(lang: str) -> tuple[str, ...]:
    """The sectors, then BECCS, net and reference: the series every trajectory draws."""
    return _sector_labels(lang) + (
        t("series_beccs", lang), t("series_net", lang), t("series_reference", lang))


def trajectory_data(
    result: ScenarioResult, reference: ScenarioResult, lang: str, per_capita: bool,
    markers: tuple[tuple[int, float, str], ...] = (),
    targets: tuple[str, ...] = (),
) -> pd.DataFrame:
    """trajectory_chart_data as a pandas frame (presenter mode, exports)."""
    return trajectory_chart_data(result, reference, lang, per_capita, markers, targets).frame()


@lru_cache(maxsize=8)
def _fossil_spec(lang: str) -> dict:
    colours = alt.Scale(domain=[sector_label(s, lang) for s in SECTORS],
                        range=[SECTOR_COLOURS[s] for s in SECTORS])
    chart = alt.Chart().mark_bar().encode(
        y=alt.Y("series:N", sort="-x", title=None),
        x=alt.X("value:Q", title=t("axis_fossil_t", lang), axis=alt.Axis(format=",.0f")),
        color=alt.Color("series:N", scale=colours, legend=None),
        tooltip=[alt.Tooltip("series:N", title=t("legend_sector", lang)),
                 alt.Tooltip("value:Q", title=t("axis_fossil_t", lang), format=",.0f")],
    ).properties(height=alt.Step(26), width="container",
                 title=alt.TitleParams(t("fossil_by_sector", lang), anchor="start"))
    return _finish(chart, lang)


def fossil_spec(lang: str) -> dict:
    """Horizontal bars: fossil CO2 left in 2030 by sector."""
    return _fossil_spec(lang)


def fossil_chart_data(result: ScenarioResult, lang: str) -> ChartData:
    """Sectors with fossil-fuel CO2 left in 2030, what the verdict counts (≥ half a tonne)."""
    values = np.array(result.kpis.fossil_fuel_co2_2030_by_sector)
    keep = values >= 0.5
    return ChartData({"value": values[keep]},
                     {"series": (np.flatnonzero(keep).astype(np.int8), _sector_labels(lang))},
                     ("series", "value"))


@lru_cache(maxsize=8)
def _sector_labels(lang: str) -> tuple[str, ...]:
    return tuple(sector_label(s, lang) for s in SECTORS)


def fossil_data(result: ScenarioResult, lang: str) -> pd.DataFrame:
    """fossil_chart_data as a pandas frame (exports)."""
    return fossil_chart_data(result, lang).frame()


@lru_cache(maxsize=8)
def _budget_spec(lang: str) -> dict:
    x = alt.X("year:Q", title=t("axis_year", lang), axis=alt.Axis(format="d"))
    y_title = t("axis_cumulative", lang)
    tooltip = [alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
               alt.Tooltip("series:N", title=" "),
               alt.Tooltip("value:Q", title=y_title, format=",.0f")]
    # One legend of lines: the cumulative emissions solid, the budget dashed, as drawn.
    domain = [t("series_cumulative", lang), t("series_budget", lang)]
    legend = stroke_legend(orient="bottom", labelLimit=0)
    stroke = alt.Stroke("series:N", title=None, legend=legend,
                        scale=alt.Scale(domain=domain, range=[NET_COLOUR, BUDGET_COLOUR]))
    dash = alt.StrokeDash("series:N", title=None, legend=legend,
                          scale=alt.Scale(domain=domain, range=[SOLID, [8, 4]]))
    cumulative = alt.Chart().mark_area(line={"color": NET_COLOUR}, opacity=0.25,
                                       color=NET_COLOUR).encode(
        x=x, y=alt.Y("value:Q", title=y_title), stroke=stroke, strokeDash=dash,
        tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "cumulative")
    budget = alt.Chart().mark_line(strokeWidth=2).encode(
        x=x, y="value:Q", stroke=stroke, strokeDash=dash, tooltip=tooltip,
    ).transform_filter(alt.datum.layer == "budget")
    chart = alt.layer(cumulative, budget).properties(height=300, width="container")
    return _finish(chart, lang)


def budget_spec(lang: str) -> dict:
    """Cumulative emissions from the budget's start year against the budget."""
    return _budget_spec(lang)


def budget_chart_data(result: ScenarioResult, lang: str) -> ChartData:
    """Cumulative emissions (kt) from the start year and the budget as a flat line."""
    data = result.data
    future = result.years > data.base_year
    years = np.concatenate([data.history_years, result.years[future]])
    totals = np.concatenate([data.history_ghg.sum(axis=1), result.trajectory.ghg[future].sum(1)])
    if result.budget.count_beccs:
        totals[len(data.history_years):] += result.trajectory.beccs[future]
    mask = years >= result.budget.start_year
    years = years[mask]
    cumulative = np.cumsum(totals[mask]) / 1000.0
    n = len(years)
    codes = np.repeat(np.arange(2, dtype=np.int8), n)
    return ChartData(
        {"year": np.concatenate([years, years]),
         "value": np.concatenate([cumulative, np.full(n, result.budget.budget_t / 1000.0)])},
        {"series": (codes, (t("series_cumulative", lang), t("series_budget", lang))),
         "layer": (codes, BUDGET_LAYERS)},
        ("year", "series", "layer", "value"),
    )


BUDGET_LAYERS = ("cumulative", "budget")


def budget_data(result: ScenarioResult, lang: str) -> pd.DataFrame:
    """budget_chart_data as a pandas frame (exports)."""
    return budget_chart_data(result, lang).frame()
