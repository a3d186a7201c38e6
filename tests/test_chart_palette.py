"""The chart palette and legends: contrast for everyone, nothing cut, lines drawn as lines."""

from __future__ import annotations

import pytest

from model.sectors import BECCS_COLOUR, SECTOR_COLOURS, SECTORS
from presentation import charts
from ui import presenter


def _luminance(colour: str) -> float:
    rgb = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_area_has_3_to_1_against_white_and_its_neighbours() -> None:
    colours = [SECTOR_COLOURS[s] for s in SECTORS]
    for colour in [*colours, BECCS_COLOUR]:
        assert contrast(colour, "#ffffff") >= 3.0, colour
    for below, above in zip(colours, colours[1:], strict=False):
        assert contrast(below, above) >= 3.0, (below, above)
    # BECCS is drawn below zero, against transport at the bottom of the stack.
    assert contrast(BECCS_COLOUR, SECTOR_COLOURS[SECTORS[0]]) >= 3.0
    assert len(set(colours + [BECCS_COLOUR])) == len(colours) + 1


def test_chart_text_has_4_5_to_1() -> None:
    assert contrast(charts.TEXT_COLOUR, "#ffffff") >= 4.5
    spec = charts.trajectory_spec("sv", False, 2024)
    assert spec["config"]["axis"]["labelColor"] == charts.TEXT_COLOUR
    assert spec["config"]["legend"]["labelColor"] == charts.TEXT_COLOUR


def _legends(spec: dict) -> list[tuple[str, dict]]:
    found = []
    for layer in spec.get("layer", [spec]):
        for channel, encoding in layer.get("encoding", {}).items():
            if isinstance(encoding, dict) and isinstance(encoding.get("legend"), dict):
                found.append((channel, encoding["legend"]))
    return found


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_legends_cut_nothing_and_draw_lines_as_lines(lang: str) -> None:
    for spec in (charts.trajectory_spec(lang, False, 2024), charts.budget_spec(lang),
                 presenter.presenter_spec(lang, 2024)):
        legends = _legends(spec)
        assert legends
        for channel, legend in legends:
            assert legend.get("labelLimit", 0) == 0 or legend["labelLimit"] >= 280, legend
            if channel in ("stroke", "strokeDash"):
                assert legend["symbolType"] == "stroke"
            if channel == "color" and spec is not charts.budget_spec(lang):
                assert legend["symbolType"] == "square"
    trajectory = charts.trajectory_spec(lang, False, 2024)
    dashes = [layer["encoding"]["strokeDash"]["scale"]["range"]
              for layer in trajectory["layer"] if "strokeDash" in layer.get("encoding", {})]
    assert dashes and all(d[:2] == [charts.SOLID, charts.DASHED] for d in dashes)
    assert all(dash == charts.DOTTED for d in dashes for dash in d[2:])  # target lines
