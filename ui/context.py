"""What every page needs for one rerun: the session's scenario (ui/scenario_state.py)."""

from __future__ import annotations

from ui.scenario_state import ScenarioInputs, read_inputs

# The name the pages know the scenario inputs by.
PageContext = ScenarioInputs


def page_context() -> PageContext:
    """The session's scenario resolved against the cached data (cheap)."""
    return read_inputs()
