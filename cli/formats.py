"""Output formatting for `run`, `levers` and `solve`: a scenario and the levers as JSON-ready
data and as CSV."""

from __future__ import annotations

import csv
import io
import math

from model.data import MunicipalityData
from model.levers import LEVER_SPECS
from model.local_levers import lever_max
from model.paths import reference_levers
from model.scenario import ScenarioResult
from model.sectors import SECTORS


def _clean(value: object) -> object:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def result_json(result: ScenarioResult) -> dict[str, object]:
    """The run as JSON-ready data: history and scenario years together."""
    frame = result.sectors_frame
    wide = frame.pivot(index="year", columns="sector", values="ghg_t").reindex(columns=SECTORS)
    totals = result.totals_frame.set_index("year")
    kpis = {k: _clean(v) for k, v in result.kpis.as_dict().items()}
    kpis[f"budget_used_to_{result.data.base_year}_t"] = result.kpis.budget_used_to_base_t
    years = [int(y) for y in wide.index]
    return {
        "municipality": {"code": result.data.code, "name": result.data.name},
        "unit": "t CO2e",
        "years": [int(y) for y in wide.index],
        "kind": [str(k) for k in totals["kind"]],
        "sectors": {s: [round(float(v), 3) for v in wide[s]] for s in SECTORS},
        "beccs": [round(float(v), 3) for v in totals["beccs_t"]],
        "net": [round(float(v), 3) for v in totals["net_t"]],
        "levers": result.levers.as_dict(),
        "kpis": kpis,
        "indicators": indicators_json(result, years),
    }


def indicators_json(result: ScenarioResult, years: list[int]) -> dict[str, list[float | None]]:
    """Each indicator as a list aligned with `years` (null in statistics years before the
    scenario starts): electric cars, shares 0–1, BECCS in t CO2 a year."""
    indicators = result.indicators
    position = {int(y): i for i, y in enumerate(indicators.years)}
    out: dict[str, list[float | None]] = {}
    for name, values in indicators.as_dict().items():
        digits = 1 if name in ("electric_cars", "beccs_captured_t") else 4
        out[name] = [round(float(values[position[y]]), digits) if y in position else None
                     for y in years]
    return out


def result_csv(result: ScenarioResult) -> str:
    """Yearly emissions by sector, then the key figures, as two CSV blocks."""
    payload = result_json(result)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["year", "kind", *SECTORS, "BECCS", "net"])
    for i, year in enumerate(payload["years"]):  # type: ignore[arg-type]
        sectors = [payload["sectors"][s][i] for s in SECTORS]  # type: ignore[index]
        writer.writerow([year, payload["kind"][i], *sectors, payload["beccs"][i],  # type: ignore[index]
                         payload["net"][i]])  # type: ignore[index]
    out.write("\n")
    writer.writerow(["kpi", "value"])
    for key, value in payload["kpis"].items():  # type: ignore[union-attr]
        if isinstance(value, dict):
            for sector, sector_value in value.items():
                writer.writerow([f"{key}[{sector}]", sector_value])
        else:
            writer.writerow([key, "" if value is None else value])
    return out.getvalue()


def levers_json(data: MunicipalityData) -> list[dict[str, object]]:
    """Every lever with its range, reference (for this municipality), rådighet and why the
    range ends where it does (max_reason: what is possible by 2030, with its source)."""
    reference = reference_levers(data).as_dict()
    return [
        {
            "id": spec.id,
            "label": spec.label_sv,
            "label_en": spec.label_en,
            "unit": spec.unit,
            "min": spec.min,
            "max": spec.max,
            "step": spec.step,
            "reference": reference[spec.id],
            "sector": spec.sector,
            "group": spec.group,
            "control": spec.control,
            "source": spec.source_id,
            "reference_note": spec.reference_note_sv,
            "max_local": lever_max(data, spec.id),
            "most_ambitious": min(spec.most_ambitious, lever_max(data, spec.id)),
            "max_reason": spec.max_reason_sv,
            "max_reason_en": spec.max_reason_en,
            "max_source": spec.max_source_id,
            "help": spec.help_sv,
            "help_en": spec.help_en,
        }
        for spec in LEVER_SPECS
    ]


def rows_csv(rows: list[dict[str, object]]) -> str:
    """Dicts with the same keys as CSV with a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
