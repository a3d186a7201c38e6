"""The chart palette and legends: contrast for everyone, nothing cut, lines drawn as lines."""

from __future__ import annotations

import pytest

from exports.charts import chart_spec
from model import build_municipality_data, reference_levers
from model.scenario import run_scenario
from model.sectors import BECCS_COLOUR, SECTOR_COLOURS, SECTORS
from model.targets import TARGET_IDS
from presentation import charts
from presentation.i18n import t
from store.csv_tables import read_csv_tables
from ui import presenter

_DATA = build_municipality_data(read_csv_tables(), "0780")
RESULT = run_scenario(_DATA, reference_levers(_DATA))


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
    trajectory = charts.trajectory_spec(lang, False, 2024, TARGET_IDS)
    dashes = [layer["encoding"]["strokeDash"]["scale"]["range"]
              for layer in trajectory["layer"] if "strokeDash" in layer.get("encoding", {})]
    assert dashes and all(d[:2] == [charts.SOLID, charts.DASHED] for d in dashes)
    assert all(dash == charts.DOTTED for d in dashes for dash in d[2:])  # target lines
    assert all(len(d) == 2 + len(TARGET_IDS) for d in dashes)


def _line_legend(spec: dict) -> list[str]:
    """The labels of the trajectory's line legend (stroke), the same in every line layer."""
    domains = {tuple(layer["encoding"]["stroke"]["scale"]["domain"])
               for layer in spec["layer"] if "stroke" in layer.get("encoding", {})}
    assert len(domains) == 1
    return list(domains.pop())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_line_legend_lists_only_the_lines_drawn(lang: str) -> None:
    """A target the reader turned off, or one a chart never draws (the projector, the
    downloads and the PDF report), is not in the legend: it listed four dotted target lines
    the chart did not have."""
    lines = [t("series_net", lang), t("series_reference", lang)]
    for chosen in ((), ("sweden_2045",), ("budget_path", "own_2030"), TARGET_IDS):
        expected = lines + [t(f"target_{i}", lang) for i in TARGET_IDS if i in chosen]
        assert _line_legend(charts.trajectory_spec(lang, False, 2024, chosen)) == expected
        # The data has a target's rows exactly when the legend names it.
        data = charts.trajectory_data(RESULT, RESULT, lang, False, targets=tuple(chosen))
        drawn = sorted(set(data.loc[data["layer"] == "target", "series"]))
        assert drawn == sorted(expected[2:])
    assert _line_legend(presenter.presenter_spec(lang, 2024)) == lines
    exported = chart_spec(RESULT, "trajectory", lang, RESULT)
    assert _line_legend(exported) == lines
