"""Preset scenarios: named lever settings with a rationale, stored in data/presets*.csv.

A preset lists only the levers it moves; every other lever stays at the municipality's
reference, so a preset works for any municipality.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from model.data import MunicipalityData, Tables
from model.levers import LEVERS_BY_ID, Levers, check_lever_value
from model.local_levers import fit_levers
from model.paths import reference_levers


@dataclass(frozen=True)
class Preset:
    """A named scenario: the levers it moves, why, and who wrote the reasoning."""

    id: str
    name_sv: str
    name_en: str
    rationale_sv: str
    rationale_en: str
    values: Mapping[str, float]
    reasons_sv: Mapping[str, str]
    reasons_en: Mapping[str, str]

    def name(self, lang: str) -> str:
        """The name in the chosen language."""
        return self.name_en if lang == "en" else self.name_sv

    def rationale(self, lang: str) -> str:
        """The one-paragraph rationale in the chosen language."""
        return self.rationale_en if lang == "en" else self.rationale_sv

    def reason(self, lever_id: str, lang: str) -> str:
        """Why the preset sets this lever as it does."""
        reasons = self.reasons_en if lang == "en" else self.reasons_sv
        return reasons.get(lever_id, "")

    def levers(self, data: MunicipalityData) -> Levers:
        """The preset's levers for a municipality: its values on top of the reference.

        Clipped to the municipality's ranges: BECCS only where a plant exists (local_levers).
        """
        return fit_levers(reference_levers(data).with_values(**dict(self.values)), data)


def presets_from_tables(tables: Tables) -> tuple[Preset, ...]:
    """Every preset in the order given by preset_descriptions.position; validates values."""
    rows = tables.presets
    presets = []
    for _, desc in tables.preset_descriptions.sort_values("position").iterrows():
        own = rows[rows["preset_id"] == desc["preset_id"]]
        values: dict[str, float] = {}
        for lever_id, value in zip(own["lever_id"], own["value"], strict=True):
            if lever_id not in LEVERS_BY_ID:
                raise ValueError(f"Preset {desc['preset_id']}: unknown lever {lever_id!r}")
            check_lever_value(lever_id, float(value))
            values[str(lever_id)] = float(value)
        presets.append(Preset(
            id=str(desc["preset_id"]),
            name_sv=str(desc["name_sv"]),
            name_en=str(desc["name_en"]),
            rationale_sv=str(desc["rationale_sv"]),
            rationale_en=str(desc["rationale_en"]),
            values=MappingProxyType(values),
            reasons_sv=MappingProxyType(dict(zip(own["lever_id"], own["reason_sv"],
                                                 strict=True))),
            reasons_en=MappingProxyType(dict(zip(own["lever_id"], own["reason_en"],
                                                 strict=True))),
        ))
    return tuple(presets)
