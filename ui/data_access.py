"""Loading the source tables once per server: from DuckDB (built from data/), else the CSVs.

Imported SMHI reports in the same DuckDB file are folded in (model/imported.py), so an
imported municipality is served like a shipped one; refresh_after_import() makes every
session see a new import at its next rerun. A stored import the model cannot run is
skipped (``LoadedTables.skipped_imports``) instead of breaking every page.

The values are shared through ui/shared_cache.py, not st.cache_resource: a websocket
client's "clear cache" message empties Streamlit's caches for every session, and must not
make the whole room rebuild the tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from model.budget_estimate import AllocationBasis, allocation_basis
from model.data import TABLE_NAMES, MunicipalityData, Tables, build_municipality_data
from model.imported import ImportedData, runnable_codes, with_usable_imports
from model.overview import OverviewBase, overview_base
from model.presets import Preset, presets_from_tables
from model.tables import tables_from_frames
from store.backend import uses_postgres
from store.csv_tables import read_csv_tables
from store.database import StoreError, build_database, default_db_path, read_tables
from store.freshness import imports_stamp
from store.imported import read_imported
from ui.data_labels import publisher_label, release_label
from ui.run_turns import RUNS
from ui.shared_cache import clear_all, shared

# With several app processes (users' data in PostgreSQL), how often each one checks whether
# another process imported something (one small query per interval, not per rerun).
IMPORTS_CHECK_TTL_S = 10


@dataclass(frozen=True)
class LoadedTables:
    """The tables and, if the database could not be used, why (shown to the user)."""

    tables: Tables
    store_problem_sv: str | None = None
    store_problem_en: str | None = None
    shipped: Tables | None = None  # the tables before imports were folded in
    imported: ImportedData = field(default_factory=ImportedData.empty)
    imports_stamp: str | None = None  # the imports these tables were read at (PostgreSQL)
    skipped_imports: tuple[str, ...] = ()  # municipalities whose stored import cannot run


@shared()
def load_tables() -> LoadedTables:
    """Build the database from data/ if needed and read the source tables from it.

    If the database cannot be opened (missing rights, locked, corrupt), the CSV files are
    read directly so that the app keeps serving; the page says so.
    """
    try:
        db_path = default_db_path()
        build_database(db_path)
        frames = read_tables(db_path, TABLE_NAMES)  # one connection for all of them
        shipped = tables_from_frames(frames)
    except StoreError as error:
        return LoadedTables(read_csv_tables(), error.message_sv, error.message_en)
    try:
        stamp = _current_imports_stamp()  # before reading: a later import reloads once more
        imported = read_imported(db_path)
    except StoreError as error:
        return LoadedTables(shipped, error.message_sv, error.message_en, shipped)
    tables, skipped = with_usable_imports(shipped, imported)
    return LoadedTables(tables, shipped=shipped, imported=imported, imports_stamp=stamp,
                        skipped_imports=skipped)


def _current_imports_stamp() -> str | None:
    """The imports' fingerprint when several processes share them (PostgreSQL), else None."""
    db_path = default_db_path()
    return imports_stamp(db_path) if uses_postgres(db_path) else None


@st.cache_resource(ttl=IMPORTS_CHECK_TTL_S, show_spinner=False)
def _recent_imports_stamp() -> str | None:
    try:
        return _current_imports_stamp()
    except StoreError:
        return None  # the page says what is wrong when it next reads the store


def follow_imports_elsewhere() -> None:
    """Read the tables again if another app process imported something since they were read.

    Called once per rerun (app.py); costs one small query per IMPORTS_CHECK_TTL_S, and
    nothing with the single-process DuckDB store, where refresh_after_import suffices.
    """
    stamp = _recent_imports_stamp()
    if stamp is not None and stamp != load_tables().imports_stamp:
        refresh_after_import()


def refresh_after_import() -> None:
    """Forget every cached table and everything derived from it, for all sessions.

    An import can add a municipality or replace one's figures, so caches keyed by
    municipality code would otherwise serve the old numbers. Imports are rare; clearing all
    shared values and Streamlit's caches is simpler and safer than listing every function.
    """
    clear_all()
    st.cache_resource.clear()
    st.cache_data.clear()


@shared()
def municipality_data(code: str) -> MunicipalityData:
    """The model's inputs for one municipality, shared by every session of the server."""
    return build_municipality_data(load_tables().tables, code)


@shared()
def municipality_names() -> dict[str, str]:
    """Municipality code → name, for the municipalities the model can run (NED GHG)."""
    tables = load_tables().tables
    with_data = set(runnable_codes(tables))
    rows = tables.municipalities
    return {
        str(code): str(name)
        for code, name in zip(rows["municipality_code"], rows["municipality"], strict=True)
        if code in with_data
    }


_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def swedish_sort_key(name: str) -> str:
    """A–Ö as in Swedish: å, ä, ö after z, in that order (Python's order puts ä before å)."""
    return name.casefold().translate(_SWEDISH_ORDER)


@shared()
def municipality_labels() -> dict[str, str]:
    """Code → "Län – Kommun (kod)" for the picker, ordered by county code, then name."""
    names = municipality_names()
    rows = load_tables().tables.municipalities
    rows = rows[rows["municipality_code"].isin(names)].drop_duplicates("municipality_code")
    ordered = rows.assign(
        county_code_=rows["municipality_code"].str[:2],
        name_key_=rows["municipality"].astype(str).map(swedish_sort_key),
    ).sort_values(["county_code_", "name_key_"], kind="stable")
    return {
        str(code): f"{county} – {name} ({code})" if county else f"{name} ({code})"
        for code, name, county in zip(ordered["municipality_code"], ordered["municipality"],
                                      ordered["county"].fillna("").astype(str), strict=True)
    }


def _sources(lang: str, cite: bool) -> dict[str, str]:
    """Source id → its publisher, title and release in lang (see the two callers)."""
    sources = load_tables().tables.sources
    title = "title_en" if lang == "en" else "title_sv"
    out = {}
    for _, row in sources.iterrows():
        release = release_label(str(row["release"]), lang)
        named = f"{publisher_label(str(row['publisher']), lang)}: {row[title]}"
        out[str(row["source_id"])] = (f"{named}, {release[:1].lower()}{release[1:]}" if cite
                                      else f"{named} ({release})")
    return out


@shared()
def source_citations(lang: str) -> dict[str, str]:
    """Source id → 'Publisher: title, release' for a source inside a bracket of a sentence:
    the release in a bracket of its own closed the sentence's bracket as '(2021–))'."""
    return _sources(lang, cite=True)


@shared()
def source_titles(lang: str) -> dict[str, str]:
    """Source id → 'Publisher: title (release)' for help texts."""
    return _sources(lang, cite=False)


@shared()
def reported_figures(code: str) -> tuple[int | None, dict[str, float]]:
    """The municipality's own reported figures (year, indicator → value); may be empty."""
    reported = load_tables().tables.municipality_reported
    rows = reported[reported["municipality_code"] == code]
    if rows.empty:
        return None, {}
    values = {str(k): float(v) for k, v in zip(rows["indicator"], rows["value"], strict=True)}
    return int(rows["year"].max()), values


@shared()
def budget_source(code: str) -> dict[str, str]:
    """Source id and notes of the municipality's default budget."""
    budget = load_tables().tables.budget
    row = budget[budget["municipality_code"] == code].iloc[0]
    return {key: str(row[key]) for key in ("source_id", "kind", "note_sv", "note_en")}


@shared()
def parameter_row(code: str, parameter_id: str) -> dict[str, str] | None:
    """The municipality's own row of a parameter (not the default), for its note and source."""
    params = load_tables().tables.parameters
    rows = params[(params["municipality_code"] == code) & (params["parameter_id"] == parameter_id)]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return {key: "" if pd.isna(row[key]) else str(row[key])
            for key in ("value", "source_id", "note_sv", "note_en")}


@shared()
def overview_base_cached() -> OverviewBase:
    """Every municipality's base data stacked for the Sverige page (built on first visit).

    A few seconds, once per server: this run leaves its turn, so the room's runs do not wait
    behind it (ui/run_turns.py)."""
    tables = load_tables().tables
    RUNS.leave()
    return overview_base(tables)


@shared()
def budget_allocation_basis() -> AllocationBasis | None:
    """Emissions and population per municipality for the budget allocation principles."""
    tables = load_tables().tables
    return allocation_basis(tables.ned_ghg, tables.population, tables.budget)


@shared()
def load_presets() -> dict[str, Preset]:
    """Every preset by id, in the order of data/preset_descriptions.csv (once per server)."""
    return {preset.id: preset for preset in presets_from_tables(load_tables().tables)}


@shared()
def preset_lever_values(preset_id: str, code: str) -> dict[str, float]:
    """A preset's lever values for one municipality (its values on top of the reference)."""
    return load_presets()[preset_id].levers(municipality_data(code)).as_dict()
