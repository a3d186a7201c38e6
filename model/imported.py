"""Imported SMHI reports as model inputs: the shipped tables plus what users imported.

The importer (smhi/) stores validated Länsrapport exports in DuckDB; store/imported.py reads
the latest import per municipality and gas into `ImportedData`. `with_imports` then folds
them into the same `Tables` the CSV files give, so `build_municipality_data(tables, code)`
works for any imported municipality. Pure: no files, no database.

Decisions, each with its default (documented for users on the import page):

* **GHG is required to run the model.** NED's greenhouse gases by main sector (t CO2e) are
  the model's basis; a CO2 import alone (like SMHI's Länsrapport of 2024-04-18, CO2 only)
  adds CO2 by sector and sub-sector to a municipality but does not make it runnable, and
  build_municipality_data says which report to download.
* **An import replaces the shipped figures** for its municipality and gas when its last
  year is at least the shipped table's last year (a new release revises the whole series);
  an older release is stored but not used, and `import_decisions` says why.
* **CO2**: main sectors become `subsector = "Alla"` rows, the total a `sector = "Alla"` row,
  and the transport and machinery sub-sectors (already folded by the importer into the
  model's TRANSPORT_SUBSECTORS and machinery sub-sectors) their own rows. Without CO2 the
  model uses the default CO2 shares and the national transport split (data/parameters.csv).
* **Population** is not in NED. SCB's (data/population.csv) is used; a population a user
  typed in (source "anvandarens_uppgift") adds a year SCB's table lacks, never replaces it;
  without either, per-capita figures are unavailable.
* **Budget**: the estimate rule in model/budget_estimate.py, labelled an estimate.
* **Levers**: the default parameters ('*') apply, e.g. no BECCS (model/local_levers.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from model.budget_estimate import estimate_budget
from model.data import Tables, build_municipality_data
from model.paths import reference_levers
from model.scenario import run_scenario
from model.sectors import MACHINERY, TRANSPORT

GHG, CO2 = "GHG", "CO2"
TOTAL = "Alla"
USER_POPULATION_SOURCE = "anvandarens_uppgift"

IMPORT_COLUMNS = (
    "import_id", "batch_id", "municipality_code", "municipality", "county", "gas",
    "report_name", "report_date", "file_name", "imported_at",
)
MAIN_COLUMNS = ("import_id", "municipality_code", "year", "sector", "value_t")
SUB_COLUMNS = ("import_id", "municipality_code", "year", "sector", "subsector", "value_t")
POPULATION_COLUMNS = ("municipality_code", "year", "population")


@dataclass(frozen=True, eq=False)
class ImportedData:
    """The latest import per municipality and gas, and populations typed in by users.

    imports: one row per (municipality, gas), IMPORT_COLUMNS. main: main sectors in tonnes
    (t CO2e for GHG, t CO2 for CO2). sub: transport and machinery sub-sectors. population:
    municipality_code, year, population.
    """

    imports: pd.DataFrame
    main: pd.DataFrame
    sub: pd.DataFrame
    population: pd.DataFrame

    @classmethod
    def empty(cls) -> ImportedData:
        """Nothing imported (no database, or no imports in it)."""
        return cls(
            pd.DataFrame(columns=list(IMPORT_COLUMNS)),
            pd.DataFrame(columns=list(MAIN_COLUMNS)),
            pd.DataFrame(columns=list(SUB_COLUMNS)),
            pd.DataFrame(columns=list(POPULATION_COLUMNS)),
        )

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to add to the shipped tables."""
        return self.imports.empty and self.population.empty


def source_id_for(batch_id: str) -> str:
    """The sources-table id of an imported report (one per import batch)."""
    return f"smhi_import_{batch_id}"


def _last_years(frame: pd.DataFrame, column: str = "municipality_code") -> dict[str, int]:
    if frame.empty:
        return {}
    return {str(k): int(v) for k, v in frame.groupby(column)["year"].max().items()}


def import_decisions(tables: Tables, imported: ImportedData) -> pd.DataFrame:
    """Per imported municipality and gas: whether its figures are used, and why not.

    Columns: IMPORT_COLUMNS plus first_year, last_year, shipped_last_year (or <NA>), used
    (bool) and reason ("new", "newer", "same_last_year", "older_than_shipped").
    """
    columns = [*IMPORT_COLUMNS, "first_year", "last_year", "shipped_last_year", "used",
               "reason"]
    if imported.imports.empty:
        return pd.DataFrame(columns=columns)
    first = imported.main.groupby("import_id")["year"].min()
    last = imported.main.groupby("import_id")["year"].max()
    shipped = {GHG: _last_years(tables.ned_ghg), CO2: _last_years(tables.ned_co2_subsector)}
    rows = []
    for row in imported.imports.itertuples(index=False):
        record = row._asdict()
        last_year = int(last.get(row.import_id, 0))
        shipped_last = shipped.get(str(row.gas), {}).get(str(row.municipality_code))
        if shipped_last is None:
            used, reason = True, "new"
        elif last_year > shipped_last:
            used, reason = True, "newer"
        elif last_year == shipped_last:
            used, reason = True, "same_last_year"
        else:
            used, reason = False, "older_than_shipped"
        record.update(
            first_year=int(first.get(row.import_id, 0)),
            last_year=last_year,
            shipped_last_year=shipped_last,
            used=used,
            reason=reason,
        )
        rows.append(record)
    frame = pd.DataFrame(rows, columns=columns)
    frame["shipped_last_year"] = frame["shipped_last_year"].astype("Int64")
    return frame


def _ghg_rows(main: pd.DataFrame, names: dict[str, str], sources: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({
        "municipality_code": main["municipality_code"].astype(str),
        "municipality": main["municipality_code"].map(names).astype(str),
        "year": main["year"].astype("int64"),
        "sector": main["sector"].astype(str),
        "ghg_t_co2e": main["value_t"].astype(float),
        "source_id": main["import_id"].map(sources).astype(str),
    })


def _co2_rows(
    main: pd.DataFrame, sub: pd.DataFrame, sources: dict[str, str]
) -> pd.DataFrame:
    keys = ["import_id", "municipality_code", "year"]
    totals = main.groupby(keys, as_index=False)["value_t"].sum().assign(sector=TOTAL)
    mains = main.assign(subsector=TOTAL)
    subs = sub[sub["sector"].isin([TRANSPORT, MACHINERY])]
    frame = pd.concat([totals.assign(subsector=TOTAL), mains, subs], ignore_index=True)
    return pd.DataFrame({
        "municipality_code": frame["municipality_code"].astype(str),
        "year": frame["year"].astype("int64"),
        "sector": frame["sector"].astype(str),
        "subsector": frame["subsector"].astype(str),
        "co2_t": frame["value_t"].astype(float),
        "source_id": frame["import_id"].map(sources).astype(str),
    })


def _source_rows(used: pd.DataFrame) -> pd.DataFrame:
    batches = used.drop_duplicates("batch_id")
    titles = {
        GHG: ("Nationella emissionsdatabasen, Länsrapport växthusgaser totalt (importerad fil)",
              "National emissions database, county report total greenhouse gases (imported "
              "file)"),
        CO2: ("Nationella emissionsdatabasen, Länsrapport koldioxid (CO2) (importerad fil)",
              "National emissions database, county report carbon dioxide (imported file)"),
    }
    return pd.DataFrame({
        "source_id": [source_id_for(b) for b in batches["batch_id"]],
        "title_sv": [titles[str(g)][0] for g in batches["gas"]],
        "title_en": [titles[str(g)][1] for g in batches["gas"]],
        "publisher": "SMHI",
        "release": batches["report_name"].astype(str).to_numpy(),
        "reference": [
            f"{name} ({pd.Timestamp(at):%Y-%m-%d %H:%M} UTC)"
            for name, at in zip(batches["file_name"], batches["imported_at"], strict=True)
        ],
        "kind": "statistik (import)",
    })


_USER_POPULATION_SOURCE_ROW = {
    "source_id": USER_POPULATION_SOURCE,
    "title_sv": "Folkmängd angiven av användaren på importsidan",
    "title_en": "Population given by the user on the import page",
    "publisher": "Användare av Klimatscenarier",
    "release": "Se importsidan",
    "reference": "Importera data",
    "kind": "användarens uppgift",
}


def _concat(base: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    if extra.empty:
        return base
    extra = extra.reindex(columns=base.columns)
    return pd.concat([base, extra], ignore_index=True) if not base.empty else extra


def with_imports(tables: Tables, imported: ImportedData) -> Tables:
    """The shipped tables with the imported municipalities (and newer releases) folded in."""
    if imported.is_empty:
        return tables
    decisions = import_decisions(tables, imported)
    used = decisions[decisions["used"]] if not decisions.empty else decisions
    names = dict(zip(imported.imports["municipality_code"].astype(str),
                     imported.imports["municipality"].astype(str), strict=True))
    sources = {str(i): source_id_for(str(b))
               for i, b in zip(used["import_id"], used["batch_id"], strict=True)}

    ned_ghg, co2 = tables.ned_ghg, tables.ned_co2_subsector
    for gas in (GHG, CO2):
        ids = set(used.loc[used["gas"] == gas, "import_id"])
        if not ids:
            continue
        codes = set(used.loc[used["gas"] == gas, "municipality_code"].astype(str))
        main = imported.main[imported.main["import_id"].isin(ids)]
        if gas == GHG:
            ned_ghg = _concat(ned_ghg[~ned_ghg["municipality_code"].isin(codes)],
                              _ghg_rows(main, names, sources))
        else:
            sub = imported.sub[imported.sub["import_id"].isin(ids)]
            co2 = _concat(co2[~co2["municipality_code"].isin(codes)],
                          _co2_rows(main, sub, sources))

    municipalities = tables.municipalities
    known = set(municipalities["municipality_code"])
    new = used[~used["municipality_code"].isin(known)].drop_duplicates("municipality_code")
    new = new.sort_values("municipality", kind="stable")  # the shipped ones first, then A–Ö
    municipalities = _concat(municipalities, pd.DataFrame({
        "municipality_code": new["municipality_code"].astype(str),
        "municipality": new["municipality"].astype(str),
        "county": new["county"].astype(str),
        "twin_of": pd.NA,
        "source_id": [source_id_for(str(b)) for b in new["batch_id"]],
    }))

    population = tables.population
    # A typed-in population adds years the official table lacks; it never replaces SCB's.
    shipped_keys = set(zip(population["municipality_code"].astype(str),
                           population["year"].astype(int), strict=True))
    typed = imported.population[[
        (str(c), int(y)) not in shipped_keys
        for c, y in zip(imported.population["municipality_code"], imported.population["year"],
                        strict=True)
    ]]
    population = _concat(population, typed.assign(source_id=USER_POPULATION_SOURCE))

    source_rows = [_source_rows(used)] if not used.empty else []
    if not typed.empty:
        source_rows.append(pd.DataFrame([_USER_POPULATION_SOURCE_ROW]))
    sources_table = tables.sources
    for extra in source_rows:
        sources_table = _concat(sources_table, extra)

    budget = tables.budget
    all_names = dict(zip(municipalities["municipality_code"].astype(str),
                         municipalities["municipality"].astype(str), strict=True))
    missing = sorted(set(ned_ghg["municipality_code"]) - set(budget["municipality_code"]))
    estimates = [
        estimate_budget(ned_ghg, budget, code, all_names.get(code, code)) for code in missing
    ]
    budget = _concat(budget, pd.DataFrame([e.budget_row() for e in estimates if e is not None]))

    return replace(
        tables,
        ned_ghg=ned_ghg,
        ned_co2_subsector=co2,
        municipalities=municipalities,
        population=population,
        sources=sources_table,
        budget=budget,
    )


def runnable_codes(tables: Tables) -> list[str]:
    """Municipalities the model can run: those with GHG by main sector and a budget.

    The distinct codes first (vectorised): a set of the whole column walked its ~37,000
    Arrow strings one by one in Python, about 5 ms a call (the import page calls it on
    every rerun)."""
    with_ghg = {str(code) for code in tables.ned_ghg["municipality_code"].unique()}
    with_budget = {str(code) for code in tables.budget["municipality_code"].unique()}
    return sorted(with_ghg & with_budget)



def with_usable_imports(tables: Tables, imported: ImportedData) -> tuple[Tables, tuple[str, ...]]:
    """``with_imports``, minus any municipality whose imported figures the model cannot run.

    A stored import is checked again when it is loaded (the rules may have changed since it
    was stored, or the database was edited): every imported municipality that can be chosen
    gets its model inputs built and its reference scenario run. One that fails is left out
    (its shipped figures, if any, are used) and its code returned, so the page can say so
    instead of every page failing for every visitor.
    """
    if imported.is_empty:
        return tables, ()
    codes = sorted(set(imported.imports["municipality_code"].astype(str)))
    try:
        combined = with_imports(tables, imported)
    except Exception:  # noqa: BLE001 - user data: anything may be wrong with it
        return tables, tuple(codes)
    runnable = set(runnable_codes(combined))
    bad: list[str] = []
    for code in codes:
        if code not in runnable:
            continue
        try:
            data = build_municipality_data(combined, code)
            run_scenario(data, reference_levers(data))
        except Exception:  # noqa: BLE001 - user data: anything may be wrong with it
            bad.append(code)
    if not bad:
        return combined, ()
    keep = ~imported.imports["municipality_code"].astype(str).isin(bad)
    ids = set(imported.imports.loc[keep, "import_id"])
    remaining = ImportedData(
        imported.imports[keep],
        imported.main[imported.main["import_id"].isin(ids)],
        imported.sub[imported.sub["import_id"].isin(ids)],
        imported.population,
    )
    try:
        return with_imports(tables, remaining), tuple(bad)
    except Exception:  # noqa: BLE001
        return tables, tuple(codes)
