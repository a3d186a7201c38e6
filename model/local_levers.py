"""Levers whose range depends on the municipality: BECCS needs a plant that can capture CO2.

A lever's range in model/levers.py is the widest any municipality may use. Where a lever
stands for a specific local plant, its upper end comes from parameters per municipality
(data/parameters.csv): BECCS can capture at most the plant's biogenic CO2
(`beccs_biogenic_co2_kt`, 230 kt for Växjö's Sandviksverket, 0 by default) × the highest
capture rate (90 %) × availability, so another municipality's scenario, a preset or a copied
setting never books Växjö's BECCS elsewhere. One place decides this, for the app, the
presets and the CLI.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from model.budget_estimate import genitive
from model.data import MunicipalityData, MunicipalityStack
from model.levers import LEVER_SPECS, LEVERS_BY_ID, LeverError, Levers, lever_with_effect
from model.paths import reference_levers

BECCS_POTENTIAL_PARAMETER = "beccs_potential_kt"
BECCS_LEVER = lever_with_effect("beccs_capacity").id  # beccs_kt
# Levers that only mean something where BECCS is possible (hidden elsewhere).
BECCS_LEVERS = tuple(spec.id for spec in LEVER_SPECS if spec.group == "beccs")


def lever_max(data: MunicipalityData, lever_id: str) -> float:
    """The largest value the lever may take in this municipality."""
    spec = LEVERS_BY_ID[lever_id]
    if lever_id == BECCS_LEVER:
        params = data.parameters
        plant = (float(params.get("beccs_biogenic_co2_kt", 0.0))
                 * float(params.get("beccs_capture_rate_max", 0.9))
                 * float(params.get("beccs_availability", 0.9)))
        potential = math.floor(plant / spec.step) * spec.step
        return min(spec.max, max(potential, spec.min))
    return spec.max


def lever_max_stacked(stack: MunicipalityStack, lever_id: str) -> np.ndarray:
    """lever_max for every municipality of a stack at once, (n,): the same arithmetic."""
    spec = LEVERS_BY_ID[lever_id]
    n = stack.n
    if lever_id != BECCS_LEVER:
        return np.full(n, spec.max, dtype=float)
    params = stack.parameters

    def get(key: str, default: float) -> np.ndarray:
        value = params.get(key)
        return np.full(n, default) if value is None else np.asarray(value, float).reshape(n)

    plant = (get("beccs_biogenic_co2_kt", 0.0) * get("beccs_capture_rate_max", 0.9)
             * get("beccs_availability", 0.9))
    potential = np.floor(plant / spec.step) * spec.step
    return np.minimum(spec.max, np.maximum(potential, spec.min))


def has_beccs_potential(data: MunicipalityData) -> bool:
    """True where the municipality has a known plant for bio-CCS."""
    return lever_max(data, BECCS_LEVER) > LEVERS_BY_ID[BECCS_LEVER].min


def fit_levers(levers: Levers, data: MunicipalityData) -> Levers:
    """The setting clipped to the municipality's ranges (BECCS 0 where there is no plant,
    every lever within what is possible by 2030).

    Used where a setting comes from elsewhere (a preset, another municipality, a link, a
    scenario saved before the ranges were narrowed), so that it can always be run and never
    claims a future that cannot happen.
    """
    values = levers.as_dict()
    clipped = {}
    for lever_id, value in values.items():
        low, high = LEVERS_BY_ID[lever_id].min, lever_max(data, lever_id)
        if not low <= value <= high:
            clipped[lever_id] = min(max(value, low), high)
    return dataclasses.replace(levers, **clipped) if clipped else levers


def check_levers_for(levers: Levers, data: MunicipalityData) -> None:
    """Raise LeverError when a lever is above what the municipality allows (for the CLI)."""
    value = float(getattr(levers, BECCS_LEVER))
    limit = lever_max(data, BECCS_LEVER)
    if value > limit:
        raise LeverError(
            f"{BECCS_LEVER} = {value:g} är mer än {genitive(data.name)} kända potential för "
            "bio-CCS "
            f"({limit:g} kt CO2/år: anläggningens biogena CO2 × 90 % × tillgänglighet; "
            "parametern beccs_biogenic_co2_kt).",
            f"{BECCS_LEVER} = {value:g} is more than {data.name}'s known potential for bio-CCS "
            f"({limit:g} kt CO2/yr: the plant's biogenic CO2 × 90 % × availability; "
            "parameter beccs_biogenic_co2_kt).",
        )


def carry_over(levers: Levers, from_reference: Levers, data: MunicipalityData) -> Levers:
    """A setting made for one municipality applied to another (the comparison page).

    The levers moved away from the first municipality's reference keep their values; the
    rest stay at the other municipality's own reference (its population path, say), and the
    result is clipped to its ranges (no BECCS without a plant).
    """
    moved = {lever_id: mine for lever_id, (mine, _) in levers.differences(from_reference).items()}
    return fit_levers(reference_levers(data).with_values(**moved), data)
