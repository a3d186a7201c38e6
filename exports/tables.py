"""The tables every export shares: yearly results, key figures, levers and sources.

Numbers stay numbers here (floats, ints or None); only the CSV writer turns them into text,
and the Excel writer keeps them as numbers. Column names are in the chosen language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from model.data import Tables
from model.levers import CONTROL_LABELS, LEVER_SPECS, Levers
from model.paths import reference_levers
from model.scenario import ScenarioResult, run_scenario
from model.sectors import SECTORS, sector_label
from presentation.formatting import fmt_lever_value
from presentation.i18n import t

Cell = float | int | str | None


@dataclass(frozen=True)
class ExportInfo:
    """What an export says about itself: scenario name, sources, data release and date.

    ``sources`` holds the rows of data/sources.csv; ``data_release`` names the statistics
    release the scenario starts from, so a printed figure can be traced back.
    """

    scenario_name: str
    sources: pd.DataFrame
    data_release: str
    created: date
    used_source_ids: tuple[str, ...] = ()  # the sources this municipality's figures rest on

    def used_sources(self) -> pd.DataFrame:
        """The rows of the sources the figures use (all rows if none are named)."""
        if not self.used_source_ids:
            return self.sources
        return self.sources[self.sources["source_id"].astype(str).isin(self.used_source_ids)]


def data_release(tables: Tables, code: str) -> str:
    """The NED release most of the municipality's statistics come from, for headers.

    E.g. 'SMHI, Nationella emissionsdatabasen (Publicering med data till 2024)'.
    """
    rows = tables.ned_ghg[tables.ned_ghg["municipality_code"] == code]
    if rows.empty or "source_id" not in rows:
        return ""
    source_id = str(rows["source_id"].value_counts().index[0])
    sources = tables.sources[tables.sources["source_id"] == source_id]
    if sources.empty:
        return source_id
    row = sources.iloc[0]
    short_title = str(row["title_sv"]).split(":")[0].split(",")[0]
    return f"{row['publisher']}, {short_title} ({row['release']})"


def used_source_ids(tables: Tables, code: str) -> tuple[str, ...]:
    """Sources behind the model's inputs for one municipality and behind every lever.

    Other sources in data/ (e.g. other municipalities' or other pages') are left out, so the
    report lists what its figures rest on.
    """
    used = {spec.source_id for spec in LEVER_SPECS}
    for frame in (tables.ned_ghg, tables.ned_co2_subsector, tables.population, tables.budget,
                  tables.municipality_reported):
        used.update(frame.loc[frame["municipality_code"] == code, "source_id"].astype(str))
    parameters = tables.parameters
    used.update(parameters.loc[parameters["municipality_code"].isin(["*", code]),
                               "source_id"].astype(str))
    used.update(tables.reduktionsplikt["source_id"].astype(str))
    return tuple(s for s in tables.sources["source_id"].astype(str) if s in used)


def export_info(
    tables: Tables, code: str, scenario_name: str, created: date | None = None
) -> ExportInfo:
    """ExportInfo from the source tables (today's date unless given)."""
    return ExportInfo(scenario_name, tables.sources, data_release(tables, code),
                      created or date.today(), used_source_ids(tables, code))


def reference_for(result: ScenarioResult) -> ScenarioResult:
    """The reference scenario with the same budget (for the reference line in charts)."""
    return run_scenario(result.data, reference_levers(result.data), result.budget)


def yearly_frame(result: ScenarioResult, lang: str) -> pd.DataFrame:
    """One row a year: statistics to the base year, then the scenario to 2050.

    Columns: year, kind, each sector's GHG (t CO2e), total GHG, BECCS (negative), net and
    fossil CO2 (empty where NED publishes no CO2 for the year).
    """
    sectors = result.sectors_frame.pivot(index="year", columns="sector", values="ghg_t")
    totals = result.totals_frame.set_index("year")
    kind = np.where(totals["kind"].to_numpy() == "statistik", t("exp_kind_statistics", lang),
                    t("exp_kind_scenario", lang))
    frame = pd.DataFrame({
        t("exp_col_year", lang): totals.index.to_numpy().astype(int),
        t("exp_col_kind_row", lang): kind,
    })
    for sector in SECTORS:
        column = t("exp_col_sector_t", lang, sector=sector_label(sector, lang))
        frame[column] = sectors.loc[totals.index, sector].to_numpy()
    frame[t("exp_col_total_ghg", lang)] = totals["ghg_t"].to_numpy()
    frame[t("exp_col_beccs", lang)] = totals["beccs_t"].to_numpy()
    frame[t("exp_col_net", lang)] = totals["net_t"].to_numpy()
    frame[t("exp_col_fossil", lang)] = totals["fossil_co2_t"].to_numpy()
    return frame


def _known(value: float | None) -> bool:
    return value is not None and not math.isnan(value)


def percent_number(fraction: float | None) -> float | None:
    """A fraction as a percent number with one decimal (0.0914 → 9.1); None where unknown."""
    return round(fraction * 100.0, 1) if _known(fraction) else None


def whole_number(value: float | None) -> float | None:
    """Whole units; None where unknown (e.g. per capita without a population)."""
    return float(round(value)) if _known(value) else None


def key_figure_rows(result: ScenarioResult, lang: str) -> list[tuple[str, Cell, str]]:
    """(label, value, unit) for every key figure; percentages as percent numbers."""
    k = result.kpis
    yes, no = t("exp_yes", lang), t("exp_no", lang)
    t_co2, t_co2e = t("exp_unit_t_co2", lang), t("exp_unit_t_co2e", lang)
    pct = t("exp_unit_percent", lang)
    return [
        (t("exp_kf_fossil_base", lang, year=k.base_year), whole_number(k.fossil_co2_base_t), t_co2),
        (t("exp_kf_fossil_2030", lang), whole_number(k.fossil_co2_2030_t), t_co2),
        (t("exp_kf_fossil_free", lang), yes if k.fossil_free_2030 else no,
         t("exp_unit_yes_no", lang)),
        (t("exp_kf_fossil_change_base", lang, year=k.base_year),
         percent_number(k.fossil_co2_change_vs_base), pct),
        (t("exp_kf_fossil_change_1990", lang), percent_number(k.fossil_co2_change_vs_1990), pct),
        (t("exp_kf_ghg_1990", lang), whole_number(k.ghg_1990_t), t_co2e),
        (t("exp_kf_ghg_base", lang, year=k.base_year), whole_number(k.ghg_base_t), t_co2e),
        (t("exp_kf_ghg_2030", lang), whole_number(k.ghg_2030_t), t_co2e),
        (t("exp_kf_ghg_2050", lang), whole_number(k.ghg_2050_t), t_co2e),
        (t("exp_kf_ghg_change_1990", lang), percent_number(k.ghg_change_2030_vs_1990), pct),
        (t("exp_kf_beccs_2030", lang), whole_number(k.beccs_2030_t), t_co2),
        (t("exp_kf_net_2030", lang), whole_number(k.net_2030_t), t_co2e),
        (t("exp_kf_net_2050", lang), whole_number(k.net_2050_t), t_co2e),
        (t("exp_kf_population_2030", lang), whole_number(k.population_2030),
         t("exp_unit_inhabitants", lang)),
        (t("exp_kf_per_capita_2030", lang), whole_number(k.ghg_per_capita_2030_kg),
         t("exp_unit_kg_per_capita", lang)),
        (t("exp_kf_budget", lang), whole_number(k.budget_t), t_co2e),
        (t("exp_kf_budget_start", lang), k.budget_start_year, t("exp_unit_year", lang)),
        (t("exp_kf_budget_beccs", lang), yes if k.budget_count_beccs else no,
         t("exp_unit_yes_no", lang)),
        (t("exp_kf_budget_used", lang, start=k.budget_start_year, year=k.base_year),
         whole_number(k.budget_used_to_base_t), t_co2e),
        (t("exp_kf_budget_used_share", lang, year=k.base_year),
         percent_number(k.budget_used_share_to_base), pct),
        (t("exp_kf_budget_remaining", lang, year=k.base_year + 1),
         whole_number(k.budget_remaining_at_base_t), t_co2e),
        # Not exhausted by 2050: empty, and the label row below says so.
        (t("exp_kf_budget_exhausted_year", lang),
         k.budget_exhausted_year if k.budget_exhausted_year else t("not_by_2050", lang),
         t("exp_unit_year", lang)),
        (t("exp_kf_budget_exhausted_month", lang), k.budget_exhausted_month,
         t("exp_unit_month", lang)),
        (t("exp_kf_needed_rate", lang, year=k.base_year + 1),
         percent_number(k.needed_annual_reduction), t("exp_unit_percent_year", lang)),
    ]


def key_figures_frame(result: ScenarioResult, lang: str) -> pd.DataFrame:
    """Key figure, value, unit: one row each."""
    rows = key_figure_rows(result, lang)
    return pd.DataFrame(rows, columns=[t("exp_col_figure", lang), t("col_value", lang),
                                       t("col_unit", lang)])


def source_labels(sources: pd.DataFrame, lang: str) -> dict[str, str]:
    """Source id → 'Publisher: title (release)'."""
    title = "title_en" if lang == "en" else "title_sv"
    return {
        str(row["source_id"]): f"{row['publisher']}: {row[title]} ({row['release']})"
        for _, row in sources.iterrows()
    }


def unit_label(unit: str, lang: str) -> str:
    """A lever unit in lang: 'år' → 'year', 'kt CO2/år' → 'kt CO2/yr'."""
    if lang != "en":
        return unit
    return "year" if unit == "år" else unit.replace("/år", "/yr")


@dataclass(frozen=True)
class LeverRow:
    """One lever as exported: value and reference in the lever's unit."""

    lever_id: str
    label: str
    value: float
    reference: float
    unit: str  # the lever's own unit ('%', 'år', 'kt CO2/år'); unit_label() for display
    control: str
    source: str

    @property
    def changed(self) -> bool:
        """Differs from the municipality's reference."""
        return abs(self.value - self.reference) > 1e-9

    def value_text(self, lang: str) -> str:
        """The value with its unit, formatted for lang."""
        return fmt_lever_value(self.value, self.unit, lang)

    def reference_text(self, lang: str) -> str:
        """The reference with its unit, formatted for lang."""
        return fmt_lever_value(self.reference, self.unit, lang)


def lever_rows(
    levers: Levers, reference: Levers, sources: pd.DataFrame, lang: str
) -> list[LeverRow]:
    """Every lever in LEVER_SPECS order, with its reference, rådighet and source."""
    labels = source_labels(sources, lang)
    values, references = levers.as_dict(), reference.as_dict()
    return [
        LeverRow(
            lever_id=spec.id,
            label=spec.label(lang),
            value=values[spec.id],
            reference=references[spec.id],
            unit=spec.unit,
            control=CONTROL_LABELS[lang][spec.control],
            source=labels.get(spec.source_id, spec.source_id),
        )
        for spec in LEVER_SPECS
    ]


def levers_frame(result: ScenarioResult, sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The levers sheet: label, value, reference, unit, rådighet, source, changed."""
    rows = lever_rows(result.levers, reference_levers(result.data), sources, lang)
    yes, no = t("exp_yes", lang), t("exp_no", lang)
    return pd.DataFrame({
        t("col_lever", lang): [r.label for r in rows],
        t("col_value", lang): [r.value for r in rows],
        t("col_reference", lang): [r.reference for r in rows],
        t("col_unit", lang): [unit_label(r.unit, lang) for r in rows],
        t("col_control", lang): [r.control for r in rows],
        t("col_source", lang): [r.source for r in rows],
        t("exp_col_changed", lang): [yes if r.changed else no for r in rows],
        t("exp_col_id", lang): [r.lever_id for r in rows],
    })


def sources_frame(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows of data/sources.csv with column names in lang."""
    title = "title_en" if lang == "en" else "title_sv"
    return pd.DataFrame({
        t("exp_col_id", lang): sources["source_id"].astype(str),
        t("col_title", lang): sources[title].astype(str),
        t("col_publisher", lang): sources["publisher"].astype(str),
        t("col_release", lang): sources["release"].astype(str),
        t("col_kind", lang): sources["kind"].astype(str),
        t("col_reference_link", lang): sources["reference"].astype(str),
    })
