"""Klimatscenarier's scenario model: pure, vectorised, no Streamlit and no I/O in the maths."""

from model.batch import BatchResult, run_batch, run_municipalities
from model.budget import BudgetSettings
from model.data import MunicipalityData, Tables, build_municipality_data
from model.levers import LEVER_SPECS, LEVERS_BY_ID, LeverError, Levers, LeverSpec
from model.paths import reference_levers
from model.scenario import KeyFigures, ScenarioError, ScenarioResult, run_reference, run_scenario
from model.sectors import SECTORS

__all__ = [
    "LEVERS_BY_ID",
    "LEVER_SPECS",
    "SECTORS",
    "BatchResult",
    "BudgetSettings",
    "KeyFigures",
    "LeverError",
    "LeverSpec",
    "Levers",
    "MunicipalityData",
    "ScenarioError",
    "ScenarioResult",
    "Tables",
    "build_municipality_data",
    "reference_levers",
    "run_batch",
    "run_municipalities",
    "run_reference",
    "run_scenario",
]
