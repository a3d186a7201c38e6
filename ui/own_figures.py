"""Which of a municipality's figures are its own and which are labelled proxies.

Shown on the data page for the chosen municipality; the same rows for all 290 tell an
analyst where a municipality's result rests on national or Växjö figures.
"""

from __future__ import annotations

import pandas as pd

from model.data import MunicipalityData
from presentation.i18n import t
from ui.data_access import budget_source, source_titles

# figure key → (parameter that makes it the municipality's own, source when own, when proxy)
_PARAMETER_FIGURES: tuple[tuple[str, str, str, str], ...] = (
    ("figure_fleet", "car_fleet_total", "trafa_fordon_2025", "klimatscenarier_antagande"),
    ("figure_new_cars", "new_car_bev_share", "trafa_nya_bilar_2025",
     "klimatscenarier_antagande"),
    ("figure_renewal", "fleet_renewal_rate", "trafa_fordon_2025", "trafa_fordon_2025"),
    ("figure_beccs", "beccs_potential_kt", "vaxjo_energi_beccs", "klimatscenarier_antagande"),
)


def own_or_proxy(data: MunicipalityData) -> list[tuple[str, bool, str]]:
    """(figure key, own?, source id) for every figure the model uses for the municipality."""
    rows: list[tuple[str, bool, str]] = [
        ("figure_ghg", True, "ned_2025"),
        ("figure_population", len(data.population) > 0, "scb_folkmangd"),
    ]
    for key, parameter, own_source, proxy_source in _PARAMETER_FIGURES:
        own = parameter in data.own_parameters
        rows.append((key, own, own_source if own else proxy_source))
    rows.append(("figure_split", data.transport_split_from_data,
                 "ned_co2_2024_04_18" if data.transport_split_from_data
                 else "klimatscenarier_antagande"))
    rows.append(("figure_co2_share", len(data.co2_years) > 0,
                 "ned_co2_2024_04_18" if len(data.co2_years) else "klimatscenarier_antagande"))
    budget = budget_source(data.code)
    rows.append(("figure_budget", not data.budget_is_estimate, budget["source_id"]))
    return rows


def own_or_proxy_table(data: MunicipalityData, lang: str) -> pd.DataFrame:
    """The rows above as a table in the chosen language."""
    titles = source_titles(lang)
    rows = own_or_proxy(data)
    return pd.DataFrame({
        t("figure_col", lang): [t(key, lang) for key, _, _ in rows],
        t("figure_kind_col", lang): [
            t("own_figure", lang) if own else
            (t("budget_kind_estimate", lang) if key == "figure_budget"
             else t("proxy_figure", lang))
            for key, own, _ in rows
        ],
        t("figure_source_col", lang): [titles.get(s, s) for _, _, s in rows],
    })
