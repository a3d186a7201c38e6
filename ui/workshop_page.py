"""Workshop: a facilitator opens one, participants join from their phones and submit scenarios.

Three views on one page, chosen by the session's state (the page address keeps the
workshop, see ui/sharing.py: ``workshop=CODE``):

* no workshop yet: join one by its code (a few wrong codes per session lock the box for a
  minute), or open a new one (the facilitator);
* a participant: the workshop's name, three figures for the levers as set in the sidebar,
  the levers changed, and a form to submit them under a participant (or table) name and a
  scenario name. A submission from the same participant under the same scenario name
  again is stored as its next version (nothing is overwritten; the overview shows the
  latest). A participant who loses the connection comes back through the address, which
  holds the levers and the workshop;
* the facilitator: the code, a QR code (made offline with segno) and the address, then the
  submissions panel, a fragment that refreshes on its own every few seconds: their
  trajectories in one chart, a table of key figures, the spread of every lever across the
  room, "show on the big screen" and the export.

Roles (issue 10): the facilitator view needs the facilitator token, which the session gets
by starting the workshop or from the facilitator link (``facilitator_key=``, read once and
removed from the address, so the projected address bar never shows it); the store checks
the token again for closing, hiding and the cap (store/workshops.py). ``facilitator=1``
grants nothing. A participant's device gets its own key at its first submission (kept in
the session and in the participant's own address, ``device=``, never in shared links):
another device cannot add versions under the same participant name.

Names are what people typed: shown through st.text, st.dataframe, widget options or
escaped Markdown, never as Markdown or HTML. Store reads are cached for a few seconds and
shared by every session (ui/shared_cache.py, which a client's "clear cache" cannot empty),
so a room of phones moving levers does not open the database on each rerun; a submission
clears the cache so the facilitator sees it at the next refresh.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache, partial
from urllib.parse import urlencode, urlsplit

import pandas as pd
import segno
import streamlit as st

from exports.workshop import (
    SubmissionResult,
    local_time,
    submissions_csv,
    submissions_frame,
    submissions_xlsx,
)
from model.levers import LEVER_SPECS, LEVER_TOLERANCE, LEVERS_BY_ID, Levers
from model.local_levers import fit_levers
from model.paths import reference_levers
from model.scenario import ScenarioError, ScenarioResult, default_budget, run_scenario
from presentation.chart_text import wide_table, workshop_description
from presentation.formatting import fmt_lever_value, fmt_month_year, fmt_percent, fmt_tonnes
from presentation.i18n import t
from presentation.links import FACILITATOR_KEY_PARAM, shown
from presentation.workshop_codes import normalise_code
from store import workshops
from store.database import StoreError, default_db_path
from store.workshops import Submission, Workshop
from ui import participant_view, presenter
from ui.chart_access import chart_with_text
from ui.data_access import municipality_data, municipality_names
from ui.export_section import CSV_MIME, XLSX_MIME, slug
from ui.presets_ui import n_levers
from ui.scenario_page import reference_result
from ui.scenario_state import (
    DEVICE_KEY,
    FACILITATOR_KEY,
    FACILITATOR_TOKEN_KEY,
    PRESENTER_KEY,
    WORKSHOP_KEY,
    add_notice,
    current_language,
    current_municipality,
    keep_for_page_switch,
    load_scenario,
    switch_municipality,
)
from ui.shared_cache import shared
from ui.sharing import SHARE_BASE_KEY, plain_markdown
from ui.workshop_charts import overlay_data, overlay_spec, participant_colours

URL_PATH = "workshop"
SCENARIO_PAGE = "pages/scenario.py"
REFRESH_S = 4  # the facilitator's submissions panel
WORKSHOP_TTL_S = 10  # a workshop's name and state, shared by every session
SUBMISSIONS_TTL_S = 3
FLASH_KEY = "ws_flash"
NEW_NAME_KEY = "ws_new_name"
CODE_INPUT_KEY = "ws_code_input"
PARTICIPANT_KEY = "ws_participant"
SCENARIO_NAME_KEY = "ws_scenario_name"
SHOW_CHOICE_KEY = "ws_show_choice"
SWITCH_KEY = "ws_switch_to_presenter"
SECRET_KEY = "ws_facilitator_secret"  # the verified token, for the store's own checks
JOIN_FAILURES_KEY = "ws_join_failures"
HIDE_CHOICE_KEY = "ws_hide_choice"
UNHIDE_CHOICE_KEY = "ws_unhide_choice"
CAP_KEY = "ws_per_minute"
JOIN_FAILURES_MAX = 5  # wrong codes per session within JOIN_WINDOW_S before the box locks
JOIN_WINDOW_S = 60
CHART_MAX = 150  # trajectories drawn; the table and the export keep every submission
LOCALHOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0", ""})


# --------------------------------------------------------------------------------------
# Store reads, cached and shared


@dataclass(frozen=True)
class Lookup:
    """A store read, or why it failed (a failure is cached too, so a broken or busy
    database costs one wait per few seconds, not one per rerun)."""

    workshop: Workshop | None = None
    submissions: tuple[Submission, ...] = ()
    error_sv: str | None = None
    error_en: str | None = None

    def error(self, lang: str) -> str | None:
        """The failure in lang, or None."""
        return self.error_en if lang == "en" else self.error_sv


def _db() -> str:
    return str(default_db_path())


@shared(ttl_s=WORKSHOP_TTL_S, max_entries=256)
def _workshop(db: str, code: str) -> Lookup:
    try:
        return Lookup(workshop=workshops.get_workshop(db, code))
    except StoreError as error:
        return Lookup(error_sv=error.message_sv, error_en=error.message_en)


@shared(ttl_s=SUBMISSIONS_TTL_S, max_entries=256)
def _submissions(db: str, code: str, latest_only: bool, include_hidden: bool = False) -> Lookup:
    try:
        return Lookup(submissions=tuple(workshops.list_submissions(db, code, latest_only,
                                                                   include_hidden)))
    except StoreError as error:
        return Lookup(error_sv=error.message_sv, error_en=error.message_en)


def forget_cached() -> None:
    """Every session reads the store again (after a write)."""
    _workshop.clear()
    _submissions.clear()


@lru_cache(maxsize=4096)  # a room of 2,000 submissions stays cached between refreshes
def _result(code: str, levers: tuple[tuple[str, float], ...]) -> ScenarioResult | None:
    """A submission's scenario with its municipality's default budget; None if not runnable.

    Levers unknown now or out of range take the reference (as when loading one).
    """
    if code not in municipality_names():
        return None
    data = municipality_data(code)
    values = {k: v for k, v in levers
              if k in LEVERS_BY_ID and LEVERS_BY_ID[k].min <= v <= LEVERS_BY_ID[k].max}
    try:
        return run_scenario(data, fit_levers(reference_levers(data).with_values(**values), data))
    except ScenarioError:
        return None


def result_of(submission: Submission) -> ScenarioResult | None:
    """The model result of a submission (cached by municipality and levers)."""
    return _result(submission.municipality_code, tuple(sorted(submission.levers.items())))


# --------------------------------------------------------------------------------------
# Messages left by callbacks for the run they trigger


def _flash(kind: str, sv: str, en: str) -> None:
    st.session_state.setdefault(FLASH_KEY, []).append((kind, sv, en))


def _flash_text(kind: str, key: str, **values: object) -> None:
    _flash(kind, t(key, "sv", **values), t(key, "en", **values))


def _flash_store_error(error: StoreError) -> None:
    # Store messages may quote what the user typed or a path: escaped, shown literally.
    _flash("error", plain_markdown(error.message_sv), plain_markdown(error.message_en))


def _show_flash(lang: str, keep: bool = False) -> None:
    """Show the waiting messages; taken from the queue unless keep (see _live_panel)."""
    messages = (st.session_state.get(FLASH_KEY, []) if keep
                else st.session_state.pop(FLASH_KEY, []))
    for kind, sv, en in messages:
        text = en if lang == "en" else sv
        {"success": st.success, "warning": st.warning}.get(kind, st.error)(text)


def _forget_flash(shown: list[tuple[str, str, str]]) -> None:
    """Take the messages a finished run has shown off the queue (others stay)."""
    waiting = st.session_state.get(FLASH_KEY, [])
    left = [message for message in waiting if message not in shown]
    if len(left) != len(waiting):
        st.session_state[FLASH_KEY] = left


# --------------------------------------------------------------------------------------
# Callbacks


def _create() -> None:
    """Open a new workshop for the sidebar's municipality; this session is its facilitator."""
    state = st.session_state
    code = current_municipality()
    try:
        workshop, token = workshops.start_workshop(_db(), state.get(NEW_NAME_KEY, ""), code,
                                                   municipality_names().get(code, ""))
    except StoreError as error:
        _flash_store_error(error)
        return
    forget_cached()
    state[WORKSHOP_KEY] = workshop.code
    state[FACILITATOR_KEY] = workshop.code
    state[SECRET_KEY] = token
    state[NEW_NAME_KEY] = ""
    _flash_text("success", "ws_created", code=workshop.code)


def join_locked_for() -> int:
    """Seconds this session must wait before trying another code (0: may try now)."""
    now = time.monotonic()
    recent = [at for at in st.session_state.get(JOIN_FAILURES_KEY, ())
              if now - at < JOIN_WINDOW_S]
    st.session_state[JOIN_FAILURES_KEY] = recent
    if len(recent) < JOIN_FAILURES_MAX:
        return 0
    return max(1, int(JOIN_WINDOW_S - (now - recent[0])) + 1)


def _join() -> None:
    """Join the workshop whose code was typed; wrong codes count towards the lock."""
    state = st.session_state
    typed = str(state.get(CODE_INPUT_KEY, ""))
    state[CODE_INPUT_KEY] = ""
    wait = join_locked_for()
    if wait:
        _flash_text("error", "ws_too_many_joins", seconds=wait)
        return
    code = normalise_code(typed)
    found = _workshop(_db(), code) if code is not None else None
    if code is None or (found is not None and found.error_sv is None and found.workshop is None):
        state[JOIN_FAILURES_KEY] = [*state.get(JOIN_FAILURES_KEY, ()), time.monotonic()]
        if code is None:
            _flash_text("error", "ws_code_malformed", code=plain_markdown(shown(typed)))
        else:
            _flash_text("error", "ws_not_found", code=code)
        return
    state[WORKSHOP_KEY] = code


def _leave() -> None:
    for key in (WORKSHOP_KEY, FACILITATOR_KEY, SECRET_KEY):
        st.session_state.pop(key, None)


def is_facilitator(code: str) -> bool:
    """True when this session has shown a valid facilitator token for the workshop.

    A token from the address is checked against the store once, then dropped from the
    state it came in (the verified token stays in the session for the store's checks).
    """
    state = st.session_state
    token = state.pop(FACILITATOR_TOKEN_KEY, None)
    if token is not None:
        try:
            valid = workshops.check_facilitator(_db(), code, token)
        except StoreError as error:
            _flash_store_error(error)
            valid = False
        if valid:
            state[FACILITATOR_KEY] = code
            state[SECRET_KEY] = token
        else:
            _flash_text("error", "ws_facilitator_refused")
            # This run drew the sidebar's levers for a facilitator; as a participant the
            # levers belong in the page (app.py decides before the page runs): run again.
            st.rerun()
    return state.get(FACILITATOR_KEY) == code and bool(state.get(SECRET_KEY))


def _switch_municipality(code: str) -> None:
    switch_municipality(code)  # as if chosen in the sidebar: moved levers keep their values


def _submit(code: str, municipality_code: str, levers: dict[str, float]) -> None:
    """Store the session's levers as the participant's scenario."""
    state = st.session_state
    device = state.setdefault(DEVICE_KEY, workshops.new_secret())
    try:
        submission = workshops.submit(_db(), code, state.get(PARTICIPANT_KEY, ""),
                                      state.get(SCENARIO_NAME_KEY, ""), municipality_code, levers,
                                      device_key=device)
    except workshops.ClosedError:
        _flash_text("error", "ws_closed_participant")
        forget_cached()
        return
    except workshops.NameTakenError:
        _flash_text("error", "ws_name_taken")
        return
    except StoreError as error:
        _flash_store_error(error)
        return
    _submissions.clear()
    _flash_text("success", "ws_submitted", version=submission.version,
                scenario=plain_markdown(submission.scenario_name))


def _set_closed(code: str, closed: bool) -> None:
    try:
        workshops.set_closed(_db(), code, closed, st.session_state.get(SECRET_KEY))
    except StoreError as error:
        _flash_store_error(error)
        return
    forget_cached()


def _set_hidden(code: str, hidden: bool) -> None:
    """Hide the chosen submission from the room (or show a hidden one again)."""
    state = st.session_state
    chosen = state.get(HIDE_CHOICE_KEY if hidden else UNHIDE_CHOICE_KEY)
    if not chosen:
        return
    try:
        workshops.set_hidden(_db(), code, str(chosen), hidden, state.get(SECRET_KEY))
    except StoreError as error:
        _flash_store_error(error)
        return
    state.pop(HIDE_CHOICE_KEY if hidden else UNHIDE_CHOICE_KEY, None)
    if state.get(SHOW_CHOICE_KEY) == chosen:
        state.pop(SHOW_CHOICE_KEY, None)
    forget_cached()
    if hidden:
        _flash_text("success", "ws_hidden_done")


def _set_cap(code: str) -> None:
    state = st.session_state
    try:
        workshops.set_per_minute(_db(), code, int(state.get(CAP_KEY) or 0),
                                 state.get(SECRET_KEY))
    except StoreError as error:
        _flash_store_error(error)


def load_submission(submission: Submission) -> None:
    """Municipality and levers from a submission into the session; what cannot be used is
    listed in a notice and takes the reference. Call from a callback."""
    state = st.session_state
    code, values, problems = load_scenario(submission.municipality_code, submission.levers,
                                           "workshop")
    add_notice("workshop", problems)
    state[presenter.SHOWN_KEY] = (submission_label(submission), code, values)


def _show_on_big_screen(code: str) -> None:
    """Load the chosen submission and switch to presenter mode on the scenario page."""
    state = st.session_state
    if not is_facilitator(code):
        return
    chosen = state.get(SHOW_CHOICE_KEY)
    found = next((s for s in _submissions(_db(), code, True).submissions
                  if s.submission_id == chosen), None)
    if found is None:
        _flash_text("error", "ws_show_missing")
        return
    load_submission(found)
    state[PRESENTER_KEY] = True
    keep_for_page_switch()
    state[SWITCH_KEY] = True


# --------------------------------------------------------------------------------------
# Helpers for the views


def submission_label(submission: Submission) -> str:
    """'Bord 3 · Ambitiös (v2)': user text, for plain-text places only."""
    version = f" (v{submission.version})" if submission.version > 1 else ""
    return f"{submission.participant} · {submission.scenario_name}{version}"


def workshop_url(base: str, workshop: Workshop, lang: str, token: str | None = None) -> str:
    """The workshop page's address for participants, or with ``token`` the facilitator's."""
    params = {"v": "1", "kommun": workshop.municipality_code, "workshop": workshop.code}
    if lang == "en":
        params["lang"] = "en"
    if token:
        params[FACILITATOR_KEY_PARAM] = token
    return f"{base.rstrip('/')}/{URL_PATH}?{urlencode(params)}"


def participant_url(workshop: Workshop, lang: str) -> str:
    """The address participants open: the workshop page with its code and municipality."""
    return workshop_url(str(st.session_state.get(SHARE_BASE_KEY) or ""), workshop, lang)


@lru_cache(maxsize=64)
def qr_png(url: str) -> bytes:
    """A QR code of the address as PNG bytes, made here (no web service)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()


def _changed_levers_text(levers: Levers, reference: Levers, lang: str) -> str:
    differences = levers.differences(reference)
    if not differences:
        return t("ws_levers_unchanged", lang)
    parts = [f"{LEVERS_BY_ID[k].label(lang)}: "
             f"{fmt_lever_value(mine, LEVERS_BY_ID[k].unit, lang)}"
             for k, (mine, _) in differences.items()]
    return t("ws_levers_changed", lang, levers=n_levers(len(differences), lang),
             list="; ".join(parts))


def _store_error(lookup: Lookup, lang: str) -> bool:
    message = lookup.error(lang)
    if message is None:
        return False
    st.error(t("ws_store_error", lang, message=plain_markdown(message)),
             icon=":material/database:")
    return True


# --------------------------------------------------------------------------------------
# Views


def _start_view(lang: str) -> None:
    st.caption(t("ws_intro", lang))
    with st.container(border=True):
        st.subheader(t("ws_join_heading", lang))
        row = st.container(horizontal=True, vertical_alignment="bottom", gap="small")
        row.text_input(t("ws_code_label", lang), key=CODE_INPUT_KEY, placeholder="VXJ-4821",
                       width=200, help=t("ws_code_help", lang))
        row.button(t("ws_join", lang), key="ws_join", on_click=_join, type="primary")
    names = municipality_names()
    with st.form("ws_create_form", border=True):
        st.subheader(t("ws_create_heading", lang))
        code = current_municipality()
        st.caption(t("ws_create_help", lang, name=names.get(code, code)))
        st.text_input(t("ws_name_label", lang), key=NEW_NAME_KEY,
                      help=t("ws_name_help", lang, n=workshops.NAME_MAX))
        st.form_submit_button(t("ws_create", lang), key="ws_create", on_click=_create,
                              type="primary")


def _not_found_view(code: str, lang: str) -> None:
    st.error(t("ws_not_found", lang, code=code), icon=":material/search_off:")
    st.button(t("ws_leave", lang), key="ws_leave", on_click=_leave)


def workshop_heading(workshop: Workshop) -> None:
    """The workshop's name as plain text (never Markdown: a URL in it stays text)."""
    with st.container(key="ws_name_heading"):
        st.text(workshop.name)


def _facilitator_header(workshop: Workshop, lang: str) -> None:
    url = participant_url(workshop, lang)
    text, qr = st.columns([3, 2], gap="large")
    with text:
        workshop_heading(workshop)
        st.markdown(t("ws_code_big", lang, code=workshop.code))
        st.caption(t("ws_address", lang))
        st.code(url, language=None, wrap_lines=True)
        host = urlsplit(url).hostname or ""
        if host in LOCALHOSTS:
            st.caption(t("ws_localhost_note", lang))
        if workshop.closed:
            st.warning(t("ws_closed_facilitator", lang), icon=":material/lock:")
        row = st.container(horizontal=True, gap="small")
        if workshop.closed:
            row.button(t("ws_reopen", lang), key="ws_reopen", on_click=_set_closed,
                       args=(workshop.code, False))
        else:
            row.button(t("ws_close", lang), key="ws_close", on_click=_set_closed,
                       args=(workshop.code, True))
        row.button(t("ws_leave", lang), key="ws_leave", on_click=_leave, type="tertiary")
        token = st.session_state.get(SECRET_KEY)
        if token:  # collapsed: the projected page never shows it
            with st.expander(t("ws_facilitator_link_heading", lang), icon=":material/key:",
                             expanded=False):
                st.caption(t("ws_facilitator_link_help", lang))
                base = str(st.session_state.get(SHARE_BASE_KEY) or "")
                st.code(workshop_url(base, workshop, lang, str(token)), language=None,
                        wrap_lines=True)
    with qr:
        st.image(qr_png(url), width=300, caption=t("ws_qr_caption", lang))


def _figures_frame(rows: Sequence[SubmissionResult], lang: str) -> pd.DataFrame:
    names = municipality_names()
    never = t("not_by_2050", lang)

    def figure(r: SubmissionResult, which: str) -> str:
        if r.result is None:
            return "–"
        k = r.result.kpis
        if which == "fossil":
            return fmt_tonnes(k.fossil_co2_2030_t, lang)
        if which == "budget":
            return fmt_month_year(k.budget_exhausted_year, k.budget_exhausted_month, lang, never)
        if which == "rate":
            return fmt_percent(k.needed_annual_reduction, lang)
        return fmt_percent(k.ghg_change_2030_vs_1990, lang, 0, signed=True)

    return pd.DataFrame({
        t("ws_col_participant", lang): [r.submission.participant for r in rows],
        t("ws_col_scenario", lang): [r.submission.scenario_name for r in rows],
        t("ws_col_version", lang): [r.submission.version for r in rows],
        t("kpi_fossil_2030", lang): [figure(r, "fossil") for r in rows],
        t("kpi_budget_exhausted", lang): [figure(r, "budget") for r in rows],
        t("kpi_needed_rate", lang): [figure(r, "rate") for r in rows],
        t("kpi_change_1990", lang): [figure(r, "change") for r in rows],
        t("ws_col_municipality", lang): [names.get(r.submission.municipality_code,
                                                   r.submission.municipality_code)
                                         for r in rows],
        t("ws_col_time", lang): [local_time(r.submission.submitted_at).strftime("%H:%M")
                                 for r in rows],
    })


def spread_frame(rows: Sequence[SubmissionResult], reference: Levers, lang: str
                 ) -> pd.DataFrame:
    """Every lever across the room: reference, median, lowest, highest, how many moved it."""
    used = [r.result.levers.as_dict() for r in rows if r.result is not None]
    references = reference.as_dict()
    table: dict[str, list[str]] = {key: [] for key in (
        "ws_col_lever", "ws_col_reference", "ws_col_median", "ws_col_min", "ws_col_max",
        "ws_col_moved")}
    for spec in LEVER_SPECS:
        values = pd.Series([levers[spec.id] for levers in used], dtype=float)
        fmt = partial(fmt_lever_value, unit=spec.unit, lang=lang)
        table["ws_col_lever"].append(spec.label(lang))
        table["ws_col_reference"].append(fmt(references[spec.id]))
        table["ws_col_median"].append(fmt(float(values.median())) if len(values) else "–")
        table["ws_col_min"].append(fmt(float(values.min())) if len(values) else "–")
        table["ws_col_max"].append(fmt(float(values.max())) if len(values) else "–")
        moved = int((abs(values - references[spec.id]) > LEVER_TOLERANCE).sum())
        table["ws_col_moved"].append(t("ws_moved", lang, n=moved, of=len(values)))
    return pd.DataFrame({t(key, lang): column for key, column in table.items()})


# Pixels per character of the table's 14 px font (generous: "Mindre bilåkande" was cut to
# "Mindre bilåka…" by a column sized for short values) and the cell's own padding.
PX_PER_CHAR = 8.5
CELL_PADDING_PX = 32


def name_columns(figures: pd.DataFrame, lang: str) -> dict[str, object]:
    """Columns wide enough for the longest participant and scenario name, so every name
    shows in full (plain text: st.dataframe never reads it as Markdown or HTML)."""
    config: dict[str, object] = {}
    for key in ("ws_col_participant", "ws_col_scenario"):
        column = t(key, lang)
        longest = int(figures[column].astype(str).str.len().max()) if len(figures) else 0
        header = len(column)
        config[column] = st.column_config.TextColumn(
            width=int(max(longest, header) * PX_PER_CHAR) + CELL_PADDING_PX)
    return config


def _export(workshop: Workshop, lang: str) -> tuple[bytes, bytes]:
    lookup = _submissions(_db(), workshop.code, False, True)  # hidden ones too, marked
    rows = [SubmissionResult(s, result_of(s)) for s in lookup.submissions]
    frame = submissions_frame(rows, municipality_names(), lang)
    now = local_time(datetime.now(UTC).replace(tzinfo=None))
    return submissions_csv(frame, lang), submissions_xlsx(frame, workshop, lang, now)


def _show_choice(rows: Sequence[SubmissionResult], workshop: Workshop, lang: str) -> None:
    labels = {r.submission.submission_id: submission_label(r.submission) for r in rows}
    chosen = st.session_state.get(SHOW_CHOICE_KEY)
    if chosen is not None and chosen not in labels:  # touched only when it must change
        st.session_state.pop(SHOW_CHOICE_KEY, None)
    row = st.container(horizontal=True, vertical_alignment="bottom", gap="small")
    row.selectbox(t("ws_show_choose", lang), options=list(labels), index=None,
                  format_func=labels.__getitem__, key=SHOW_CHOICE_KEY, width=360,
                  placeholder=t("ws_show_placeholder", lang))
    row.button(t("ws_show", lang), key="ws_show", type="primary",
               icon=":material/slideshow:", on_click=_show_on_big_screen, args=(workshop.code,),
               disabled=st.session_state.get(SHOW_CHOICE_KEY) is None)


def submissions_panel(workshop: Workshop, lang: str) -> None:
    """Everything submitted so far (refreshed by the fragment around it); facilitator only."""
    if st.session_state.pop(SWITCH_KEY, False):
        st.switch_page(SCENARIO_PAGE)
    if not is_facilitator(workshop.code):
        return
    _show_flash(lang, keep=True)  # the panel's own buttons' messages (see _live_panel)
    lookup = _submissions(_db(), workshop.code, True, True)  # one read: hidden ones marked
    if _store_error(lookup, lang):
        return
    hidden = [s for s in lookup.submissions if s.hidden]
    rows = [SubmissionResult(s, result_of(s)) for s in lookup.submissions if not s.hidden]
    people = len({r.submission.participant.lower() for r in rows})
    st.subheader(t("ws_submissions_heading", lang, n=len(rows), people=people))
    if not rows:
        st.info(t("ws_no_submissions", lang, refresh=REFRESH_S), icon=":material/hourglass:")
        _moderation(rows, hidden, workshop, lang)
        return
    frames = _panel_frames(workshop.municipality_code, lang, PanelRows.of(rows),
                           joining_order(workshop.code))
    chart_with_text(frames.chart, overlay_spec(lang, frames.chart),
                    workshop_description(frames.chart, lang), "ws_chart",
                    lambda: wide_table(frames.chart, lang), lang)
    st.caption(t("ws_chart_caption", lang))
    if frames.charted < frames.runnable:
        st.caption(t("ws_chart_limited", lang, n=frames.charted, total=frames.runnable))
    st.dataframe(frames.figures, hide_index=True, width="stretch", key="ws_figures_table",
                 column_config=name_columns(frames.figures, lang))
    _show_choice(rows, workshop, lang)
    st.subheader(t("ws_spread_heading", lang))
    st.dataframe(frames.spread, hide_index=True,
                 width="stretch", key="ws_spread_table", height=36 * (len(LEVER_SPECS) + 1) + 3)
    st.caption(t("ws_spread_caption", lang))
    stem = slug(f"workshop-{workshop.code}")
    exports = st.container(horizontal=True, gap="small")
    exports.download_button(t("ws_export_csv", lang), data=lambda: _export(workshop, lang)[0],
                            file_name=f"{stem}.csv", mime=CSV_MIME, key="ws_export_csv",
                            on_click="ignore", icon=":material/table:")
    exports.download_button(t("ws_export_xlsx", lang), data=lambda: _export(workshop, lang)[1],
                            file_name=f"{stem}.xlsx", mime=XLSX_MIME, key="ws_export_xlsx",
                            on_click="ignore", icon=":material/table_view:")
    _moderation(rows, hidden, workshop, lang)


@dataclass(frozen=True)
class PanelRows:
    """The panel's submissions, compared by their ids only (a submission never changes)."""

    ids: tuple[str, ...]
    rows: tuple[SubmissionResult, ...] = field(compare=False, hash=False)

    @classmethod
    def of(cls, rows: Sequence[SubmissionResult]) -> PanelRows:
        """Wrap the rows for the shared cache."""
        return cls(tuple(r.submission.submission_id for r in rows), tuple(rows))


@dataclass(frozen=True)
class PanelFrames:
    """What the panel draws, computed once per set of submissions and language."""

    chart: pd.DataFrame
    figures: pd.DataFrame
    spread: pd.DataFrame
    charted: int
    runnable: int


def joining_order(code: str) -> tuple[str, ...]:
    """The workshop's participants in the order they first submitted (every version, hidden
    ones too), so that each keeps one line colour however the room changes."""
    lookup = _submissions(_db(), code, False, True)
    return tuple(dict.fromkeys(s.participant.lower() for s in lookup.submissions))


@shared(max_entries=32)
def _panel_frames(municipality_code: str, lang: str, panel: PanelRows,
                  joined: tuple[str, ...] = ()) -> PanelFrames:
    """Chart data, key figures and spread: a refresh without new submissions (every 4 s)
    costs nothing; 2,000 submissions take about a second once (measured, issue 10)."""
    rows = panel.rows
    data = municipality_data(municipality_code)
    reference = reference_result(data, reference_levers(data), default_budget(data))
    runnable = [r for r in rows if r.result is not None]
    named = [(submission_label(r.submission), r.result) for r in runnable]
    charted = named[-CHART_MAX:]
    # A participant missing from the joining order (read a moment apart) goes last.
    palette = participant_colours([*joined, *(r.submission.participant for r in runnable)])
    colours = [palette[r.submission.participant.lower()] for r in runnable][-CHART_MAX:]
    return PanelFrames(overlay_data(data, reference, charted, lang, colours),
                       _figures_frame(rows, lang),
                       spread_frame(rows, reference_levers(data), lang), len(charted),
                       len(named))


def _moderation(rows: Sequence[SubmissionResult], hidden: Sequence[Submission],
                workshop: Workshop, lang: str) -> None:
    """Hide a submission from the room (or show it again); cap submissions per device."""
    st.subheader(t("ws_moderation_heading", lang))
    labels = {r.submission.submission_id: submission_label(r.submission) for r in rows}
    if st.session_state.get(HIDE_CHOICE_KEY) not in (None, *labels):
        st.session_state.pop(HIDE_CHOICE_KEY, None)
    row = st.container(horizontal=True, vertical_alignment="bottom", gap="small")
    row.selectbox(t("ws_hide_choose", lang), options=list(labels), index=None,
                  format_func=labels.__getitem__, key=HIDE_CHOICE_KEY, width=360,
                  placeholder=t("ws_show_placeholder", lang))
    row.button(t("ws_hide", lang), key="ws_hide", icon=":material/visibility_off:",
               on_click=_set_hidden, args=(workshop.code, True),
               disabled=st.session_state.get(HIDE_CHOICE_KEY) is None)
    if hidden:
        hidden_labels = {s.submission_id: submission_label(s) for s in hidden}
        if st.session_state.get(UNHIDE_CHOICE_KEY) not in (None, *hidden_labels):
            st.session_state.pop(UNHIDE_CHOICE_KEY, None)
        row = st.container(horizontal=True, vertical_alignment="bottom", gap="small")
        row.selectbox(t("ws_hidden_choose", lang), options=list(hidden_labels), index=None,
                      format_func=hidden_labels.__getitem__, key=UNHIDE_CHOICE_KEY, width=360,
                      placeholder=t("ws_show_placeholder", lang))
        row.button(t("ws_unhide", lang), key="ws_unhide", icon=":material/visibility:",
                   on_click=_set_hidden, args=(workshop.code, False),
                   disabled=st.session_state.get(UNHIDE_CHOICE_KEY) is None)
    low, high = workshops.PER_MINUTE_RANGE
    if CAP_KEY not in st.session_state:
        st.session_state[CAP_KEY] = _per_minute(_db(), workshop.code)
    st.number_input(t("ws_per_minute_label", lang), min_value=low, max_value=high, step=1,
                    key=CAP_KEY, width=260, on_change=_set_cap, args=(workshop.code,))


@shared(ttl_s=SUBMISSIONS_TTL_S, max_entries=256)
def _per_minute(db: str, code: str) -> int:
    try:
        return workshops.per_minute(db, code)
    except StoreError:
        return workshops.DEFAULT_PER_MINUTE




@st.fragment(run_every=REFRESH_S)
def _live_panel(workshop: Workshop, lang: str) -> None:
    """The panel, refreshed every REFRESH_S seconds.

    Its messages (a click on "Dölj" says "Inskicket är dolt för rummet") leave the queue only
    once a run has drawn them to the end: when the refresh timer interrupted the run a click
    had started, Streamlit threw away what that run drew, and the confirmation, already taken
    from the queue, was never seen (the facilitator's test failed so under load).
    """
    keeping_messages(lambda: submissions_panel(workshop, lang))


def keeping_messages(draw: Callable[[], None]) -> None:
    """Draw (showing the waiting messages with keep=True); forget them only if it finished."""
    shown = list(st.session_state.get(FLASH_KEY, []))
    draw()
    _forget_flash(shown)


def main() -> None:
    """Render the workshop page for the session's role."""
    state = st.session_state
    if state.pop(SWITCH_KEY, False):
        st.switch_page(SCENARIO_PAGE)
    lang = current_language()
    st.title(t("ws_title", lang))
    _show_flash(lang)
    code = state.get(WORKSHOP_KEY)
    if not code:
        _start_view(lang)
        return
    lookup = _workshop(_db(), code)
    if _store_error(lookup, lang):
        st.button(t("ws_leave", lang), key="ws_leave", on_click=_leave)
        return
    if lookup.workshop is None:
        _not_found_view(code, lang)
        return
    facilitator = is_facilitator(lookup.workshop.code)
    _show_flash(lang)  # a refused facilitator link says so at once
    if facilitator:
        _facilitator_header(lookup.workshop, lang)
        _live_panel(lookup.workshop, lang)
    else:
        participant_view.show(lookup.workshop, lang)  # a phone's view: ui/participant_view.py
