"""Data and method: every table and source, the model in plain words, the levers, a check."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import pyarrow as pa
import streamlit as st

from model.checks import obligation_backcast
from model.levers import CONTROL_LABELS, LEVER_SPECS
from model.paths import reference_levers
from model.sectors import sector_label
from presentation.formatting import fmt_lever_value, fmt_number, fmt_percent, fmt_tonnes
from presentation.i18n import METHOD_TEXT, TABLE_DESCRIPTIONS, t
from store.csv_tables import DATA_DIR
from ui.context import page_context
from ui.data_access import load_tables, municipality_data, source_titles
from ui.data_labels import (
    kind_label,
    parameter_label,
    publisher_label,
    release_label,
    unit_label,
)
from ui.own_figures import own_or_proxy_table
from ui.shared_cache import shared
from ui.uncertainty_view import inputs_frame, uncertainty_method


def sources_table(lang: str) -> pd.DataFrame:
    """The sources, one row each, in the chosen language."""
    sources = load_tables().tables.sources
    title = "title_en" if lang == "en" else "title_sv"
    return pd.DataFrame({
        "id": sources["source_id"],
        t("col_title", lang): sources[title],
        t("col_publisher", lang): [publisher_label(p, lang) for p in sources["publisher"]],
        t("col_release", lang): [release_label(r, lang) for r in sources["release"]],
        t("col_kind", lang): [kind_label(k, lang) for k in sources["kind"]],
        t("col_reference_link", lang): sources["reference"],
    })


@shared()
def _csv_row_counts() -> dict[str, int]:
    """Rows of every data/*.csv as shipped (imported data is not counted here)."""
    return {path.name: len(pd.read_csv(path, dtype=str)) for path in sorted(DATA_DIR.glob("*.csv"))}


def tables_overview(lang: str) -> pd.DataFrame:
    """Every source table in data/ with its content and size."""
    counts = _csv_row_counts()
    names = [name.removesuffix(".csv") for name in counts]
    return pd.DataFrame({
        t("col_table", lang): [f"data/{name}" for name in counts],
        t("col_content", lang): [TABLE_DESCRIPTIONS.get(name, {}).get(lang, "") for name in names],
        t("col_rows", lang): list(counts.values()),
    })


def levers_table(lang: str, reference: dict[str, float]) -> pd.DataFrame:
    """Every lever with range, reference, reason, sector, rådighet and source."""
    sources = source_titles(lang)
    return pd.DataFrame({
        t("col_lever", lang): [s.label(lang) for s in LEVER_SPECS],
        t("col_range", lang): [
            f"{fmt_lever_value(s.min, s.unit, lang)} – {fmt_lever_value(s.max, s.unit, lang)}"
            for s in LEVER_SPECS
        ],
        t("col_reference", lang): [
            fmt_lever_value(reference[s.id], s.unit, lang) for s in LEVER_SPECS
        ],
        t("col_reference_note", lang): [s.reference_note(lang) for s in LEVER_SPECS],
        t("col_max_reason", lang): [s.max_reason(lang) for s in LEVER_SPECS],
        t("col_sector", lang): [
            ", ".join(sector_label(x, lang) for x in s.sectors) for s in LEVER_SPECS
        ],
        t("col_control", lang): [CONTROL_LABELS[lang][s.control] for s in LEVER_SPECS],
        t("col_source", lang): [sources.get(s.source_id, s.source_id) for s in LEVER_SPECS],
    })


def parameters_table(lang: str, code: str) -> pd.DataFrame:
    """Parameters that apply to the municipality (its own rows, else the defaults)."""
    params = load_tables().tables.parameters
    rows = params[params["municipality_code"].isin(["*", code])]
    rows = rows.sort_values("municipality_code").drop_duplicates("parameter_id", keep="first")
    note = "note_en" if lang == "en" else "note_sv"
    return pd.DataFrame({
        t("col_parameter", lang): [parameter_label(p, lang) for p in rows["parameter_id"]],
        # A year is a year ('2025', not '2 025').
        t("col_value", lang): [str(int(v)) if unit == "år" else
                               fmt_number(v, lang, 3 if abs(v) < 10 else 0)
                               for v, unit in zip(rows["value"], rows["unit"], strict=True)],
        t("col_unit", lang): [unit_label(u, lang) for u in rows["unit"]],
        t("col_kind", lang): [kind_label(k, lang) for k in rows["kind"]],
        t("col_source", lang): rows["source_id"],
        t("col_note", lang): rows[note].fillna(""),
    })


@dataclass(frozen=True)
class PageTables:
    """The page's tables, as Arrow tables ready for Streamlit."""

    levers: pa.Table
    tables: pa.Table
    sources: pa.Table
    parameters: pa.Table
    uncertain: pa.Table
    own_or_proxy: pa.Table


@shared(max_entries=32)
def page_tables(lang: str, code: str) -> PageTables:
    """Built once per language and municipality (an import empties the shared cache): a
    lever move changes none of them, and building six frames and converting them from
    pandas to Arrow was most of this page's rerun (2.8 × the floor page in CPU)."""
    data = municipality_data(code)
    arrow = partial(pa.Table.from_pandas, preserve_index=False)
    return PageTables(
        levers=arrow(levers_table(lang, reference_levers(data).as_dict())),
        tables=arrow(tables_overview(lang)),
        sources=arrow(sources_table(lang)),
        parameters=arrow(parameters_table(lang, code)),
        uncertain=arrow(inputs_frame(lang)),
        own_or_proxy=arrow(own_or_proxy_table(data, lang)),
    )


@shared(max_entries=32)
def check_text(lang: str, code: str) -> str:
    """The back-cast of 2023's reduction obligation, in words (the same until an import
    replaces the municipality's figures, which empties the shared values).

    The check re-runs the base year with 2023's obligation: it needs 2023 in the statistics
    and a later base year (an imported older release may end in 2022)."""
    data = municipality_data(code)
    if 2023 not in data.history_years or data.base_year <= 2023:
        return t("data_check_unavailable", lang, name=data.name, base_year=data.base_year)
    check = obligation_backcast(data, 2023)
    return t("data_check", lang, year=check.year, compared=check.compared_year,
             petrol=fmt_number(check.petrol_pct, lang, 1),
             diesel=fmt_number(check.diesel_pct, lang, 1),
             transport=fmt_tonnes(check.transport_t, lang),
             machinery=fmt_tonnes(check.machinery_t, lang),
             transport_stat=fmt_tonnes(check.transport_statistics_t, lang),
             machinery_stat=fmt_tonnes(check.machinery_statistics_t, lang),
             transport_dev=fmt_percent(check.transport_deviation, lang, 1, signed=True),
             machinery_dev=fmt_percent(check.machinery_deviation, lang, 1, signed=True))


def main() -> None:
    """Render the data and method page."""
    ctx = page_context()
    lang = ctx.lang
    st.title(t("data_title", lang))
    st.write(t("data_intro", lang))

    st.header(t("data_method_heading", lang))
    st.markdown(METHOD_TEXT[lang].format(base_year=ctx.data.base_year))

    st.header(t("data_decisions_heading", lang))
    st.markdown(t("data_decisions_method", lang, first=ctx.data.base_year + 1))

    st.header(t("data_check_heading", lang))
    st.write(check_text(lang, ctx.data.code))

    tables = page_tables(lang, ctx.data.code)
    st.header(t("data_levers_heading", lang))
    # A static table: the long "Varför" texts wrap instead of being cut off in a grid cell.
    st.table(tables.levers, hide_index=True)

    st.header(t("data_tables_heading", lang))
    st.dataframe(tables.tables, hide_index=True, width="stretch")

    st.header(t("data_sources_heading", lang))
    st.dataframe(tables.sources, hide_index=True, width="stretch")

    st.header(t("data_assumptions_heading", lang))
    st.dataframe(tables.parameters, hide_index=True, width="stretch")

    uncertainty_method(lang, tables.uncertain)  # issue 12: ranges, sampling, not covered

    st.header(t("own_or_proxy_heading", lang, name=ctx.data.name))
    st.dataframe(tables.own_or_proxy, hide_index=True, width="stretch",
                 key="data_own_or_proxy")
