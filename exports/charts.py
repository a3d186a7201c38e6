"""Charts as PNG and SVG, rendered offline by vl-convert from the specs the page draws.

The page's specs (presentation/charts.py) take their data from st.vega_lite_chart;
vl-convert needs it inline, so a shallow copy of the spec gets ``data: {"values": records}``
and a fixed width (``"container"`` means nothing outside a browser). The Swedish locale in
the spec's config stays, so axes read 1 000 and −50 as on the page. The cached specs are
never mutated.
"""

from __future__ import annotations

import json
import struct
from typing import Literal

import pandas as pd
import vl_convert as vlc

from model.scenario import ScenarioResult
from presentation import charts

ChartName = Literal["trajectory", "fossil", "budget"]
ImageFormat = Literal["png", "svg"]
CHART_NAMES: tuple[ChartName, ...] = ("trajectory", "fossil", "budget")
CHART_WIDTHS: dict[str, int] = {"trajectory": 720, "fossil": 520, "budget": 520}
PNG_SCALE = 2.0  # sharp in print and on high-density screens


def inline_spec(spec: dict, frame: pd.DataFrame, width: int, title: str | None = None) -> dict:
    """A copy of a data-less spec with the frame's rows inline and a fixed width."""
    records = json.loads(frame.to_json(orient="records", double_precision=6))
    full = {**spec, "data": {"values": records}, "width": width, "background": "white"}
    if title:
        full["title"] = {"text": title, "anchor": "start", "fontSize": 15}
    return full


def render(spec: dict, fmt: ImageFormat, scale: float = PNG_SCALE) -> bytes:
    """PNG or SVG bytes of a complete (data-inline) Vega-Lite spec."""
    if fmt == "png":
        return bytes(vlc.vegalite_to_png(spec, scale=scale))
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec).encode("utf-8")
    raise ValueError(f"Unknown image format: {fmt!r}")


def chart_spec(
    result: ScenarioResult,
    name: ChartName,
    lang: str,
    reference: ScenarioResult,
    title: str | None = None,
    width: int | None = None,
) -> dict:
    """The page's spec for a chart with this scenario's data inline (width in CSS px)."""
    if name == "trajectory":
        spec = charts.trajectory_spec(lang, False, result.data.base_year)
        frame = charts.trajectory_data(result, reference, lang, False)
    elif name == "fossil":
        spec = charts.fossil_spec(lang)
        frame = charts.fossil_data(result, lang)
    elif name == "budget":
        spec = charts.budget_spec(lang)
        frame = charts.budget_data(result, lang)
    else:
        raise ValueError(f"Unknown chart: {name!r}")
    return inline_spec(spec, frame, width or CHART_WIDTHS[name], title)


def scenario_chart(
    result: ScenarioResult,
    name: ChartName,
    fmt: ImageFormat,
    lang: str,
    reference: ScenarioResult,
    title: str | None = None,
) -> bytes:
    """One of the scenario page's charts as PNG or SVG."""
    return render(chart_spec(result, name, lang, reference, title), fmt)


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels from a PNG's header (to place it at the right aspect)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("Not a PNG")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)
