"""Warm what can be warmed before the first visitor: imports, data, model, chart specs.

A fresh server took 11 s to draw the first visitor's chart and about 1 s for later ones:
the first script run imported every page module, pandas, Altair and pyarrow, built the
tables and validated each chart spec. ``python -m ui.server`` (what ``make run`` starts)
calls warm() in the server's own process before Streamlit opens its port, so the caches
below (module imports, st.cache_resource data, lru_cached specs) are already full when
the first browser connects.
"""

from __future__ import annotations

import importlib
import logging
import time

PAGE_MODULES = ("ui.presenter", "ui.scenario_page", "ui.data_page", "ui.decision_page",
                "ui.compare_page", "ui.saved_page", "ui.municipalities_page", "ui.import_page",
                "ui.workshop_page", "ui.participant_view", "ui.accessibility", "ui.sidebar",
                "ui.sharing")


def warm() -> float:
    """Import the pages, load the data and build the main page's specs; seconds taken."""
    started = time.perf_counter()
    # Streamlit's caches called outside a session log a harmless warning each.
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    for name in PAGE_MODULES:
        importlib.import_module(name)
    from model.paths import reference_levers
    from model.scenario import run_scenario
    from model.targets import TARGET_IDS
    from presentation import charts
    from presentation.i18n import LANGUAGES
    from ui import accessibility, presenter
    from ui.data_access import load_tables, municipality_data, municipality_names
    from ui.scenario_page import reference_result

    load_tables()
    names = municipality_names()
    code = "0780" if "0780" in names else next(iter(names))
    data = municipality_data(code)
    result = run_scenario(data, reference_levers(data))
    reference_result(data, reference_levers(data), result.budget)
    for lang in LANGUAGES:
        for per_capita in (False, True):
            charts.trajectory_spec(lang, per_capita, data.base_year, TARGET_IDS)
        charts.fossil_spec(lang)
        charts.budget_spec(lang)
        presenter.presenter_spec(lang, data.base_year)
        charts.trajectory_data(result, result, lang, False)
        charts.budget_data(result, lang)
        accessibility._frame(lang)
    logging.getLogger("streamlit").setLevel(logging.INFO)
    return time.perf_counter() - started
