"""Import data: upload an SMHI Länsrapport, see what would be stored, import it.

The handlers (check_upload, problems_frame, preview frames, store_upload) are plain
functions so that tests can drive them without a browser; main() only wires them to
widgets. Nothing from the file is ever rendered as Markdown or HTML: the report's name,
file names and cell contents appear in st.dataframe only.

Safety (issue 10): the file is parsed in a limited child process (smhi/isolated.py) after
its zip and sheet sizes are checked (smhi/limits.py); the session keeps only the parsed
report or the problems as strings. An import that replaces shipped figures shows what it
changes, year by year, and must be confirmed. When the server is set up for a room
(``KLIMAT_ADMIN_TOKEN`` set), importing and typing in populations need that token.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

import pandas as pd
import pyarrow as pa
import streamlit as st

from model.imported import GHG, import_decisions, runnable_codes
from model.sectors import SECTORS, sector_label
from presentation.formatting import fmt_number
from presentation.i18n import t
from smhi import ImportProblem, ImportRejected, ParsedReport, parse_lansrapport
from smhi.isolated import parse_isolated
from smhi.limits import MAX_UPLOAD_MB
from smhi.municipalities import MUNICIPALITIES
from store.database import StoreError, default_db_path
from store.imported import POPULATION_MAX, save_population, store_import
from ui.data_access import LoadedTables, load_tables, municipality_names, refresh_after_import
from ui.import_summary import changes_table
from ui.run_turns import RUNS
from ui.scenario_state import current_language, switch_municipality
from ui.shared_cache import shared

ADMIN_TOKEN_ENV = "KLIMAT_ADMIN_TOKEN"
ADMIN_INPUT_KEY = "import_admin_token"
CONFIRM_KEY = "import_confirm_replace"
CHANGE_WARN = 0.10  # a year whose total moves more than this is flagged
UPLOAD_KEY = "import_file"
MUNICIPALITY_CHOICE_KEY = "import_municipality"
GAS_KEY = "import_gas"
IMPORT_BUTTON_KEY = "import_button"
OPEN_BUTTON_KEY = "import_open"
PARSED_KEY = "import_parsed"
DONE_KEY = "import_done"
POP_FORM_KEY = "import_population_form"
POP_MUNICIPALITY_KEY = "import_population_municipality"
POP_YEAR_KEY = "import_population_year"
POP_VALUE_KEY = "import_population_value"
POP_SAVE_KEY = "import_population_save"
POP_MESSAGE_KEY = "import_population_message"
GAS_OPTIONS = ("auto", "GHG", "CO2")
ALL = ""  # the municipality choice "every municipality in the file"


# --------------------------------------------------------------------------------------------
# handlers (no widgets)


def _problem(sv: str, en: str) -> ImportRejected:
    return ImportRejected([ImportProblem(None, None, sv, en)])


def check_upload(
    name: str, data: bytes, municipality: str | None = None, gas: str | None = None,
    *, isolated: bool = True,
) -> ParsedReport:
    """Parse an uploaded file, or raise ImportRejected saying every problem (nothing stored).

    ``isolated`` (the page): parse in a limited child process; tests of the rules may parse
    here to save the child's start-up.
    """
    if PurePath(name).suffix.lower() != ".xlsx":
        raise _problem(t("imp_not_xlsx", "sv", name=name), t("imp_not_xlsx", "en", name=name))
    size_mb = len(data) / 1_000_000
    if size_mb > MAX_UPLOAD_MB:
        size = {lang: fmt_number(size_mb, lang, 1) for lang in ("sv", "en")}
        raise _problem(t("imp_too_large", "sv", size=size["sv"], mb=MAX_UPLOAD_MB),
                       t("imp_too_large", "en", size=size["en"], mb=MAX_UPLOAD_MB))
    if not isolated:
        return parse_lansrapport(data, municipality or None, gas=gas)
    RUNS.leave()  # the room's runs go on while the child parses (ui/run_turns.py)
    outcome = parse_isolated(data, municipality or None, gas)
    if outcome.report is None:
        raise ImportRejected(outcome.problems)
    return outcome.report


def admin_token_required() -> bool:
    """True when the server is set up for a room: imports need KLIMAT_ADMIN_TOKEN."""
    return bool(os.environ.get(ADMIN_TOKEN_ENV, "").strip())


def admin_token_ok(given: object) -> bool:
    """True when no token is configured (one's own machine) or ``given`` matches it."""
    wanted = os.environ.get(ADMIN_TOKEN_ENV, "").strip()
    if not wanted:
        return True
    return isinstance(given, str) and hmac.compare_digest(given.strip().encode(),
                                                          wanted.encode())


def changes_frame(report: ParsedReport, loaded: LoadedTables, lang: str) -> pd.DataFrame:
    """Per municipality with shipped figures: each shared year's total, shipped and imported.

    Only GHG imports replace the figures the model runs on; a CO2 import is compared with
    the shipped CO2 figures the same way. Columns: municipality, year, shipped, imported,
    change (%), and whether the change is over CHANGE_WARN.
    """
    shipped = loaded.shipped or loaded.tables
    table = shipped.ned_ghg if report.gas == GHG else shipped.ned_co2_subsector
    value = "ghg_t_co2e" if report.gas == GHG else "co2_t"
    if report.gas != GHG:
        table = table[(table["subsector"] == "Alla") & (table["sector"] == "Alla")]
    old = table.groupby(["municipality_code", "year"])[value].sum()
    new = report.totals().set_index(["municipality_code", "year"])["value_t"]
    rows = []
    for (code, year), imported in new.items():
        if (code, year) not in old.index:
            continue
        before = float(old.loc[(code, year)])
        change = (float(imported) - before) / before if before else 0.0
        rows.append((MUNICIPALITIES.get(str(code), str(code)), int(year), before,
                     float(imported), change))
    frame = pd.DataFrame(rows, columns=["name", "year", "before", "after", "change"])
    return pd.DataFrame({
        t("imp_col_municipality", lang): frame["name"],
        t("imp_chg_year", lang): frame["year"].astype(str),
        t("imp_chg_before", lang): [fmt_number(v, lang) for v in frame["before"]],
        t("imp_chg_after", lang): [fmt_number(v, lang) for v in frame["after"]],
        t("imp_chg_change", lang): [fmt_number(100 * v, lang, 1) + " %" for v in frame["change"]],
        t("imp_chg_flag", lang): [t("imp_chg_large", lang) if abs(v) > CHANGE_WARN else ""
                                  for v in frame["change"]],
    })


def replaces_shipped(report: ParsedReport, loaded: LoadedTables) -> bool:
    """True when storing the report would replace figures the app ships."""
    effects = [after_import(report, m.code, loaded) for m in report.municipalities]
    return any(e.kind == "replaces" or (e.kind == "adds_co2" and e.shipped_last is not None)
               for e in effects)


def _without_place(message: str) -> str:
    """'Rad 15, kolumn G: värdet ...' → 'Värdet ...' (row and column have their own columns)."""
    head, sep, rest = message.partition(": ")
    words = head.split()
    if sep and words and words[0] in {"Rad", "Kolumn", "Row", "Column"} and len(words) <= 4:
        return rest[:1].upper() + rest[1:]
    return message[:1].upper() + message[1:]


def problems_frame(rejected: ImportRejected | Sequence[ImportProblem], lang: str
                   ) -> pd.DataFrame:
    """Every problem with its Excel row and column, in the chosen language."""
    problems = rejected.problems if isinstance(rejected, ImportRejected) else tuple(rejected)
    return pd.DataFrame({
        t("imp_col_row", lang): pd.array([p.row for p in problems], dtype="Int64"),
        t("imp_col_column", lang): [p.column or "" for p in problems],
        t("imp_col_problem", lang): [
            _without_place(p.message_en if lang == "en" else p.message_sv) for p in problems],
    })


def _years_text(years: tuple[int, ...] | list[int]) -> str:
    years = sorted(years)
    if len(years) > 3:
        return f"{years[0]}–{years[-1]} ({len(years)})"
    return ", ".join(str(y) for y in years)


def facts_frame(report: ParsedReport, file_name: str, lang: str) -> pd.DataFrame:
    """What the file is: report, date, substance, unit, years and municipalities."""
    facts = [
        ("imp_fact_file", file_name),
        ("imp_fact_report", report.report_name),
        ("imp_fact_date", report.report_date.isoformat()),
        ("imp_fact_gas", t(f"imp_gas_{report.gas}", lang)),
        ("imp_fact_unit", report.unit),
        ("imp_fact_years", _years_text(report.years)),
        ("imp_fact_municipalities", t("imp_fact_municipalities_value", lang,
                                      n=len(report.municipalities),
                                      in_file=len(report.municipalities_in_file))),
    ]
    return pd.DataFrame({t("imp_fact", lang): [t(key, lang) for key, _ in facts],
                         t("imp_value", lang): [value for _, value in facts]})


@dataclass(frozen=True)
class AfterImport:
    """What an import will do for one municipality (kind: runnable, replaces, adds_co2,
    needs_ghg or older) and the shipped data's last year where it matters."""

    kind: str
    shipped_last: int | None = None


def after_import(report: ParsedReport, code: str, loaded: LoadedTables) -> AfterImport:
    """The effect of importing the report for one municipality (model/imported.py rules)."""
    shipped = loaded.shipped or loaded.tables
    table = shipped.ned_ghg if report.gas == GHG else shipped.ned_co2_subsector
    years = table.loc[table["municipality_code"] == code, "year"]
    shipped_last = int(years.max()) if len(years) else None
    last = max(report.years)
    if shipped_last is not None and last < shipped_last:
        return AfterImport("older", shipped_last)
    if report.gas == GHG:
        return AfterImport("runnable" if shipped_last is None else "replaces", shipped_last)
    has_ghg = code in set(runnable_codes(loaded.tables))
    return AfterImport("adds_co2" if has_ghg else "needs_ghg", shipped_last)


def _after_text(effect: AfterImport, last: int, lang: str) -> str:
    texts = {
        "runnable": t("imp_after_runnable", lang),
        "replaces": t("imp_after_replaces", lang, last=last),
        "adds_co2": t("imp_after_adds_co2", lang),
        "needs_ghg": t("imp_after_needs_ghg", lang),
        "older": t("imp_after_older", lang, shipped=effect.shipped_last),
    }
    return texts[effect.kind]


def municipalities_frame(report: ParsedReport, loaded: LoadedTables, lang: str) -> pd.DataFrame:
    """One row per municipality to be stored: totals in the first and last year and effect."""
    first, last = min(report.years), max(report.years)
    totals = report.totals()
    wide = totals.pivot_table(index="municipality_code", columns="year", values="value_t",
                              aggfunc="sum")
    codes = [m.code for m in report.municipalities]
    return pd.DataFrame({
        t("imp_col_code", lang): codes,
        t("imp_col_municipality", lang): [m.name for m in report.municipalities],
        t("imp_col_total_first", lang, year=first): [
            fmt_number(float(wide.loc[c, first]), lang) for c in codes],
        t("imp_col_total_last", lang, year=last): [
            fmt_number(float(wide.loc[c, last]), lang) for c in codes],
        t("imp_col_after", lang): [
            _after_text(after_import(report, c, loaded), last, lang) for c in codes],
    })


def sectors_frame(report: ParsedReport, code: str, lang: str) -> pd.DataFrame:
    """Main sectors of one municipality in the first and last year (t), total last."""
    main = report.main_sectors[report.main_sectors["municipality_code"] == code]
    wide = main.pivot_table(index="sector", columns="year", values="value_t", aggfunc="sum")
    wide = wide.reindex(list(SECTORS)).fillna(0.0)
    first, last = min(report.years), max(report.years)
    labels = [sector_label(s, lang) for s in SECTORS] + [t("imp_fact_total", lang)]
    firsts = [*wide[first].tolist(), float(wide[first].sum())]
    lasts = [*wide[last].tolist(), float(wide[last].sum())]
    return pd.DataFrame({
        t("imp_col_sector", lang): labels,
        t("imp_col_year_t", lang, year=first): [fmt_number(v, lang) for v in firsts],
        t("imp_col_year_t", lang, year=last): [fmt_number(v, lang) for v in lasts],
    })


def warnings_frame(report: ParsedReport, lang: str) -> pd.DataFrame:
    """The importer's notes (in Swedish), one per row."""
    return pd.DataFrame({t("imp_col_note", lang): list(report.warnings)})


@dataclass(frozen=True)
class ImportOutcome:
    """What an import stored and what it changed, for the message after it."""

    file_id: str
    gas: str
    codes: tuple[str, ...]
    runnable: tuple[str, ...]  # can now be chosen (and were stored as used)
    added: tuple[str, ...]  # of those, new to the app
    needs_ghg: tuple[str, ...]
    older: tuple[str, ...]
    error_sv: str | None = None
    error_en: str | None = None


def store_upload(report: ParsedReport, file_name: str, file_id: str) -> ImportOutcome:
    """Store a checked report, refresh every cached table and say what changed."""
    before = load_tables()
    effects = {m.code: after_import(report, m.code, before) for m in report.municipalities}
    codes = tuple(m.code for m in report.municipalities)
    try:
        store_import(default_db_path(), report, file_name)
    except StoreError as error:
        return ImportOutcome(file_id, report.gas, codes, (), (), (), (),
                             error.message_sv, error.message_en)
    refresh_after_import()
    names = municipality_names()
    return ImportOutcome(
        file_id=file_id,
        gas=report.gas,
        codes=codes,
        runnable=tuple(c for c in codes if c in names and effects[c].kind != "older"),
        added=tuple(c for c in codes if c in names and effects[c].kind == "runnable"),
        needs_ghg=tuple(c for c in codes if effects[c].kind == "needs_ghg"),
        older=tuple(c for c in codes if effects[c].kind == "older"),
    )


def _names(codes: tuple[str, ...], lang: str, limit: int = 5) -> str:
    names = [MUNICIPALITIES.get(c, c) for c in codes]
    if len(names) <= limit:
        return ", ".join(names)
    return t("imp_more_names", lang, names=", ".join(names[:limit]), n=len(names) - limit)


def imported_frame(loaded: LoadedTables, lang: str) -> pd.DataFrame:
    """Every municipality and substance imported (latest import each) and whether it is used."""
    shipped = loaded.shipped or loaded.tables
    decisions = import_decisions(shipped, loaded.imported)
    runnable = set(runnable_codes(loaded.tables))

    def status(row: pd.Series) -> str:
        if not row["used"]:
            return t("imp_status_older", lang, shipped=row["shipped_last_year"])
        if row["gas"] != GHG and row["municipality_code"] not in runnable:
            return t("imp_status_needs_ghg", lang)
        return t("imp_status_used", lang)

    return pd.DataFrame({
        t("imp_col_code", lang): decisions["municipality_code"],
        t("imp_col_municipality", lang): decisions["municipality"],
        t("imp_col_gas", lang): [t(f"imp_gas_{g}", lang) for g in decisions["gas"]],
        t("imp_col_years", lang): [f"{a}–{b}" for a, b in
                                   zip(decisions["first_year"], decisions["last_year"],
                                       strict=True)],
        t("imp_col_status", lang): [status(row) for _, row in decisions.iterrows()],
        t("imp_col_file", lang): decisions["file_name"],
        t("imp_col_imported_at", lang): [f"{pd.Timestamp(x):%Y-%m-%d %H:%M}"
                                         for x in decisions["imported_at"]],
        t("imp_col_report", lang): decisions["report_name"],
    })


@shared()
def _imported_list(lang: str) -> pa.Table | None:
    """The list of imports as the page shows it (None: nothing imported). Built once per
    language and set of imports (an import empties every shared value): rebuilt on every
    rerun it cost 7 ms of each lever move on this page."""
    listed = imported_frame(load_tables(), lang)
    return None if listed.empty else pa.Table.from_pandas(listed, preserve_index=False)


@shared()
def _population_choices() -> tuple[str, ...]:
    """population_candidates of the loaded tables, kept until the next import."""
    return tuple(population_candidates(load_tables()))


@shared()
def _municipality_choices(lang: str) -> dict[str, str]:
    """The import's municipality choice: "all" first, then every municipality by name, each
    with its label (worked out once, not 291 times per rerun)."""
    options = [ALL, *sorted(MUNICIPALITIES, key=MUNICIPALITIES.__getitem__)]
    return {c: t("imp_municipality_all", lang) if c == ALL else f"{MUNICIPALITIES[c]} ({c})"
            for c in options}


def population_candidates(loaded: LoadedTables) -> list[str]:
    """Municipalities that can be chosen but have no shipped population."""
    shipped = loaded.shipped or loaded.tables
    with_population = set(shipped.population["municipality_code"])
    names = municipality_names()
    return [code for code in names if code not in with_population]


# --------------------------------------------------------------------------------------------
# widgets


def _parsed(upload: object, municipality: str, gas: str) -> dict:
    """The check of the uploaded file, kept in the session so reruns do not parse again."""
    key = (upload.file_id, municipality, gas)  # type: ignore[attr-defined]
    cached = st.session_state.get(PARSED_KEY)
    if cached is not None and cached["key"] == key:
        return cached
    st.session_state.pop(PARSED_KEY, None)  # the previous file's report goes first
    with st.spinner(t("imp_checking", current_language())):
        report, problems = _check_quietly(upload, municipality, gas)
    # Only the report or the problems as strings are kept: never the exception, whose
    # traceback would keep the file's bytes and everything parsed from it alive.
    result = {"key": key, "report": report, "problems": problems,
              "name": str(upload.name)}  # type: ignore[attr-defined]
    st.session_state[PARSED_KEY] = result
    return result


def _check_quietly(upload: object, municipality: str, gas: str
                   ) -> tuple[ParsedReport | None, tuple[ImportProblem, ...]]:
    try:
        return check_upload(str(upload.name), upload.getvalue(),  # type: ignore[attr-defined]
                            municipality or None, None if gas == "auto" else gas), ()
    except ImportRejected as rejected:
        return None, tuple(rejected.problems)


def _on_import() -> None:
    state = st.session_state
    parsed = state.get(PARSED_KEY)
    if not parsed or parsed["report"] is None:
        return
    if not admin_token_ok(state.get(ADMIN_INPUT_KEY)):  # checked here, not only in the page
        state[DONE_KEY] = ImportOutcome(parsed["key"][0], parsed["report"].gas, (), (), (), (),
                                        (), t("imp_admin_wrong", "sv"), t("imp_admin_wrong", "en"))
        return
    if replaces_shipped(parsed["report"], load_tables()) and not state.get(CONFIRM_KEY):
        return
    state[DONE_KEY] = store_upload(parsed["report"], parsed["name"], parsed["key"][0])


def _on_open(code: str) -> None:
    switch_municipality(code)  # as if chosen in the sidebar: moved levers keep their values


def _on_save_population() -> None:
    state = st.session_state
    code = state.get(POP_MUNICIPALITY_KEY)
    year, value = state.get(POP_YEAR_KEY), state.get(POP_VALUE_KEY)
    lang = current_language()
    if not code or value is None:
        return
    if not admin_token_ok(state.get(ADMIN_INPUT_KEY)):
        state[POP_MESSAGE_KEY] = ("error", t("imp_admin_wrong", lang))
        return
    try:
        save_population(default_db_path(), str(code), int(year), float(value))
    except StoreError as error:
        message = error.message_en if lang == "en" else error.message_sv
        state[POP_MESSAGE_KEY] = ("error", t("imp_population_failed", lang, message=message))
        return
    refresh_after_import()
    state[POP_MESSAGE_KEY] = ("success", t(
        "imp_population_saved", lang, name=MUNICIPALITIES.get(str(code), str(code)),
        population=fmt_number(float(value), lang), year=int(year)))


def _outcome_section(outcome: ImportOutcome, lang: str) -> None:
    if outcome.error_sv:
        st.error(t("imp_store_failed", lang,
                   message=outcome.error_en if lang == "en" else outcome.error_sv))
        return
    st.success(t("imp_done", lang, gas=t(f"imp_gas_{outcome.gas}", lang),
                 names=_names(outcome.codes, lang)),
               icon=":material/check_circle:")
    if outcome.runnable:
        st.write(t("imp_done_runnable", lang))
    # What the import changed, per municipality (ui/import_summary.py, issue 13).
    st.dataframe(changes_table(outcome.codes, outcome.gas, lang), hide_index=True,
                 width="stretch", key="import_changes")
    if outcome.needs_ghg:
        st.info(t("imp_done_needs_ghg", lang), icon=":material/info:")
    if outcome.older:
        st.info(t("imp_done_older", lang, names=_names(outcome.older, lang)),
                icon=":material/info:")
    openable = outcome.added if len(outcome.added) == 1 else outcome.runnable
    if len(openable) == 1:
        code = openable[0]
        if st.button(t("imp_open", lang, name=MUNICIPALITIES.get(code, code)),
                     key=OPEN_BUTTON_KEY, on_click=_on_open, args=(code,), type="primary"):
            st.switch_page("pages/scenario.py")


def _preview_section(parsed: dict, loaded: LoadedTables, lang: str) -> None:
    problems: tuple[ImportProblem, ...] = parsed["problems"]
    if parsed["report"] is None:
        st.error(t("imp_rejected", lang, n=len(problems)), icon=":material/error:")
        # A static table wraps long messages (a data grid would cut them off).
        st.table(problems_frame(problems, lang), hide_index=True)
        return
    report: ParsedReport = parsed["report"]
    st.subheader(t("imp_preview_heading", lang))
    st.dataframe(facts_frame(report, parsed["name"], lang), hide_index=True,
                 key="import_facts")
    st.dataframe(municipalities_frame(report, loaded, lang), hide_index=True, width="stretch",
                 key="import_municipalities")
    if len(report.municipalities) == 1:
        only = report.municipalities[0]
        st.caption(t("imp_sectors_caption", lang, name=only.name,
                     unit=t("imp_unit_ghg" if report.gas == GHG else "imp_unit_co2", lang)))
        st.dataframe(sectors_frame(report, only.code, lang), hide_index=True,
                     key="import_sectors")
    if report.warnings:
        st.caption(t("imp_warnings", lang))
        st.table(warnings_frame(report, lang), hide_index=True)
    done: ImportOutcome | None = st.session_state.get(DONE_KEY)
    if done is not None and done.file_id == parsed["key"][0] and not done.error_sv:
        st.info(t("imp_already", lang), icon=":material/info:")
        return
    replacing = replaces_shipped(report, loaded)
    if replacing:
        changes = changes_frame(report, loaded, lang)
        st.warning(t("imp_chg_heading", lang), icon=":material/compare_arrows:")
        if (changes[t("imp_chg_flag", lang)] != "").any():
            st.error(t("imp_chg_large_note", lang, pct=round(100 * CHANGE_WARN)),
                     icon=":material/warning:")
        st.dataframe(changes, hide_index=True, width="stretch", key="import_changes")
        st.checkbox(t("imp_chg_confirm", lang), key=CONFIRM_KEY)
    allowed = admin_token_ok(st.session_state.get(ADMIN_INPUT_KEY))
    st.button(t("imp_button", lang), key=IMPORT_BUTTON_KEY, type="primary",
              on_click=_on_import, icon=":material/upload:",
              disabled=not allowed or (replacing and not st.session_state.get(CONFIRM_KEY)))


def _admin_section(lang: str) -> None:
    """Say who may import here; ask for the admin token when the server needs one."""
    if not admin_token_required():
        st.caption(t("imp_admin_open", lang, env=ADMIN_TOKEN_ENV))
        return
    st.info(t("imp_admin_needed", lang), icon=":material/admin_panel_settings:")
    st.text_input(t("imp_admin_label", lang), type="password", key=ADMIN_INPUT_KEY, width=320)
    given = st.session_state.get(ADMIN_INPUT_KEY)
    if given and not admin_token_ok(given):
        st.error(t("imp_admin_wrong", lang))


def _population_section(lang: str) -> None:
    st.subheader(t("imp_population_heading", lang))
    st.caption(t("imp_population_intro", lang))
    message = st.session_state.pop(POP_MESSAGE_KEY, None)
    if message is not None:
        (st.success if message[0] == "success" else st.error)(message[1])
    candidates = list(_population_choices())
    if not candidates:
        st.write(t("imp_population_none", lang))
        return
    names = municipality_names()
    with st.form(POP_FORM_KEY, border=False):
        row = st.container(horizontal=True, vertical_alignment="bottom", gap="medium")
        row.selectbox(t("imp_population_municipality", lang), candidates,
                      format_func=lambda c: f"{names.get(c, c)} ({c})", key=POP_MUNICIPALITY_KEY,
                      width=260)
        row.number_input(t("imp_population_year", lang), min_value=1990, max_value=2100,
                         value=2024, step=1, key=POP_YEAR_KEY, width=160)
        row.number_input(t("imp_population_value", lang), min_value=1, max_value=POPULATION_MAX,
                         value=None, step=1, key=POP_VALUE_KEY, width=180)
        st.form_submit_button(t("imp_population_save", lang), key=POP_SAVE_KEY,
                              on_click=_on_save_population)


def main() -> None:
    """Render the import page."""
    lang = current_language()
    loaded = load_tables()
    st.title(t("imp_title", lang))
    st.markdown(t("imp_intro", lang))
    with st.expander(t("imp_rules_heading", lang), key="import_rules"):
        st.markdown(t("imp_rules", lang, rule=t("imp_budget_rule", lang)))
    _admin_section(lang)
    for skipped in loaded.skipped_imports:
        st.warning(t("imp_skipped", lang, name=MUNICIPALITIES.get(skipped, skipped),
                     code=skipped), icon=":material/report:")

    done: ImportOutcome | None = st.session_state.get(DONE_KEY)
    if done is not None:
        _outcome_section(done, lang)

    upload = st.file_uploader(
        t("imp_upload", lang, mb=MAX_UPLOAD_MB), type=["xlsx"], key=UPLOAD_KEY,
        max_upload_size=MAX_UPLOAD_MB, help=t("imp_upload_help", lang),
    )
    choices = st.container(horizontal=True, gap="medium")
    labels = _municipality_choices(lang)
    municipality = choices.selectbox(
        t("imp_municipality", lang), list(labels), key=MUNICIPALITY_CHOICE_KEY, width=300,
        format_func=labels.__getitem__, help=t("imp_municipality_help", lang),
    )
    gas = choices.radio(t("imp_gas", lang), GAS_OPTIONS, key=GAS_KEY, horizontal=True,
                        format_func=lambda g: t(f"imp_gas_{g}", lang), help=t("imp_gas_help", lang),
                        width="content")
    if upload is not None:
        _preview_section(_parsed(upload, municipality, gas), loaded, lang)

    st.subheader(t("imp_list_heading", lang))
    listed = _imported_list(lang)
    if listed is None:
        st.write(t("imp_list_empty", lang))
    else:
        st.dataframe(listed, hide_index=True, width="stretch", key="import_list")
    _population_section(lang)
