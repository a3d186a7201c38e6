"""What every page needs for one rerun: language, municipality data and the levers."""

from __future__ import annotations

from dataclasses import dataclass

from model.data import MunicipalityData
from model.levers import Levers
from model.local_levers import fit_levers
from model.paths import reference_levers
from ui.data_access import municipality_data
from ui.state import current_language, current_levers, current_municipality


@dataclass(frozen=True)
class PageContext:
    """The session's choices, resolved against the cached data."""

    lang: str
    data: MunicipalityData
    reference: Levers
    levers: Levers


def page_context() -> PageContext:
    """Resolve the session state into model inputs (cheap: the data is cached)."""
    data = municipality_data(current_municipality())
    reference = reference_levers(data)
    # A setting carried over from another municipality (BECCS) is clipped to this one's.
    levers = fit_levers(current_levers(reference), data)
    return PageContext(current_language(), data, reference, levers)
