"""Saved scenarios: save the levers under a name, list, open, rename, delete, new versions.

Every action is a button callback, so that it can set the sidebar's lever state before the
sliders are drawn, and leaves a message for the run it triggers. Names, authors and
descriptions are the users' own text: shown with st.dataframe and st.text only (never as
Markdown or HTML). The store is shared by everyone using the server, and append-only: a
save names the version it started from, so someone else's newer save is reported, never
overwritten (store/scenarios.py).

Edit keys (issue 10): a save gives a random edit key, shown once and kept in this session
(``EDIT_KEYS_KEY``); new versions, renaming and deleting need it (the store checks), so
anyone else can open a scenario and save a copy but not change it. Someone who kept the key
can type it in. A deletion can be undone from the same session for a while.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from model.levers import differing
from presentation.i18n import t
from presentation.links import Budget
from store import scenarios
from store.database import StoreError, default_db_path
from ui.context import page_context
from ui.data_access import municipality_names
from ui.presets_ui import n_levers
from ui.scenario_state import LANG_KEY, add_notice, current_language, load_scenario
from ui.sharing import plain_markdown

OPENED_KEY = "saved_opened"
CONFLICT_KEY = "saved_conflict"
CONFIRM_DELETE_KEY = "saved_confirm_delete"
FLASH_KEY = "saved_flash"
SWITCH_KEY = "saved_switch_to_scenario"
NAME_KEY = "saved_name"
AUTHOR_KEY = "saved_author"
DESCRIPTION_KEY = "saved_description"
CHOICE_KEY = "saved_choice"
RENAME_KEY = "saved_rename_to"
EDIT_KEYS_KEY = "saved_edit_keys"  # scenario id -> edit key, for what this session saved
EDIT_KEY_INPUT = "saved_edit_key_input"
UNDO_KEY = "saved_undo_pending"
SCENARIO_PAGE = "pages/scenario.py"
LOCAL_TIME = ZoneInfo("Europe/Stockholm")


# --------------------------------------------------------------------------------------
# Messages left by callbacks for the run they trigger


def _flash(kind: str, sv: str, en: str, *, user_text: bool = False) -> None:
    st.session_state.setdefault(FLASH_KEY, []).append((kind, sv, en, user_text))


def _flash_text(kind: str, key: str, **values: object) -> None:
    _flash(kind, t(key, "sv", **values), t(key, "en", **values))


def _flash_store_error(error: StoreError) -> None:
    # Store messages may quote a path or a database error: shown as literal text.
    _flash("error", error.message_sv, error.message_en, user_text=True)


def _show_flash(lang: str) -> None:
    for kind, sv, en, user_text in st.session_state.pop(FLASH_KEY, []):
        text = en if lang == "en" else sv
        if user_text:
            text = plain_markdown(text)
        (st.success if kind == "success" else st.error)(text)


# --------------------------------------------------------------------------------------
# Loading a saved scenario into the session


def _opened(saved: scenarios.SavedScenario) -> dict[str, object]:
    return {"scenario_id": saved.scenario_id, "version": saved.version, "name": saved.name,
            "author": saved.author, "description": saved.description,
            "municipality_code": saved.municipality_code, "levers": dict(saved.levers)}


def load_into_session(saved: scenarios.SavedScenario) -> None:
    """Set municipality and levers from a saved scenario; what cannot be used is listed.

    Levers missing from the saved scenario, unknown now or out of range take the reference.
    Call from a callback (before the sidebar's widgets exist).
    """
    state = st.session_state
    budget = None if saved.budget is None else Budget(saved.budget.kt, saved.budget.start,
                                                      saved.budget.count_beccs)
    _, _, problems = load_scenario(saved.municipality_code, saved.levers, "saved", budget)
    state[OPENED_KEY] = _opened(saved)
    state.pop(CONFLICT_KEY, None)
    add_notice("saved", tuple(problems))


# --------------------------------------------------------------------------------------
# Callbacks


def _db() -> str:
    return str(default_db_path())


def _remember_key(saved: scenarios.SavedScenario) -> None:
    """Keep the edit key of what this session saved, and show it once."""
    if not saved.edit_key:
        return
    st.session_state.setdefault(EDIT_KEYS_KEY, {})[saved.scenario_id] = saved.edit_key
    name = plain_markdown(saved.name)
    _flash("success", t("sv_edit_key_shown", "sv", name=name, edit_key=f"`{saved.edit_key}`"),
           t("sv_edit_key_shown", "en", name=name, edit_key=f"`{saved.edit_key}`"))


def edit_key_for(scenario_id: str) -> str | None:
    """The session's edit key for a scenario, else what was typed in the key box."""
    state = st.session_state
    kept = state.get(EDIT_KEYS_KEY, {}).get(scenario_id)
    typed = str(state.get(EDIT_KEY_INPUT) or "").strip()
    return kept or typed or None


def _current() -> tuple[str, dict[str, float], scenarios.SavedBudget]:
    """The session's scenario as it is saved: municipality, levers and budget."""
    ctx = page_context()
    budget = scenarios.SavedBudget(ctx.budget.kt, ctx.budget.start, ctx.budget.count_beccs)
    return ctx.data.code, ctx.levers.as_dict(), budget


def save_new_scenario() -> None:
    """Save the levers under the form's name, author and description (version 1)."""
    state = st.session_state
    code, levers, budget = _current()
    try:
        saved = scenarios.save_new(_db(), state.get(NAME_KEY, ""), state.get(AUTHOR_KEY, ""),
                                   state.get(DESCRIPTION_KEY, ""), code, levers, budget)
    except StoreError as error:
        _flash_store_error(error)
        return
    state[OPENED_KEY] = _opened(saved)
    state.pop(CONFLICT_KEY, None)
    for key in (NAME_KEY, DESCRIPTION_KEY):
        state[key] = ""
    _flash_text("success", "saved_ok", version=saved.version)
    _remember_key(saved)


def save_next_version() -> None:
    """Save the levers as the next version of the opened scenario, unless someone was first."""
    state = st.session_state
    opened = state.get(OPENED_KEY)
    if not opened:
        return
    code, levers, budget = _current()
    try:
        saved = scenarios.save_version(_db(), str(opened["scenario_id"]), int(opened["version"]),
                                       levers=levers, municipality_code=code, budget=budget,
                                       edit_key=edit_key_for(str(opened["scenario_id"])))
    except scenarios.ConflictError as error:
        state[CONFLICT_KEY] = error.latest_version
        return
    except scenarios.NotFoundError as error:
        state.pop(OPENED_KEY, None)
        _flash_store_error(error)
        return
    except StoreError as error:
        _flash_store_error(error)
        return
    state[OPENED_KEY] = _opened(saved)
    _flash_text("success", "saved_version_ok", version=saved.version)


def reload_theirs() -> None:
    """After a conflict: load the latest version into the levers."""
    opened = st.session_state.get(OPENED_KEY)
    if not opened:
        return
    try:
        saved = scenarios.load(_db(), str(opened["scenario_id"]))
    except StoreError as error:
        st.session_state.pop(CONFLICT_KEY, None)
        _flash_store_error(error)
        return
    load_into_session(saved)
    _flash_text("success", "saved_reloaded", version=saved.version)


def save_as_new_after_conflict() -> None:
    """After a conflict: keep the user's levers as a new scenario with the same texts."""
    state = st.session_state
    opened = state.get(OPENED_KEY)
    if not opened:
        return
    code, levers, budget = _current()
    lang = current_language()
    suffix = t("saved_copy_suffix", lang)
    name = str(opened["name"])[: scenarios.NAME_MAX - len(suffix)] + suffix
    try:
        saved = scenarios.save_new(_db(), name, str(opened["author"]),
                                   str(opened["description"]), code, levers, budget)
    except StoreError as error:
        _flash_store_error(error)
        return
    state[OPENED_KEY] = _opened(saved)
    state.pop(CONFLICT_KEY, None)
    _flash_text("success", "saved_ok", version=saved.version)
    _remember_key(saved)


def open_scenario(scenario_id: str) -> None:
    """Load a saved scenario into the levers and go to the scenario page."""
    try:
        saved = scenarios.load(_db(), scenario_id)
    except StoreError as error:
        _flash_store_error(error)
        return
    load_into_session(saved)
    # st.switch_page reruns without the browser's widget values, so a widget keeps its value
    # only if it was set in code: the language is, like the levers and the municipality.
    st.session_state[LANG_KEY] = current_language()
    st.session_state[SWITCH_KEY] = True


def rename_scenario(scenario_id: str, version: int) -> None:
    """Give the chosen scenario the name in the rename box (a new version)."""
    state = st.session_state
    try:
        saved = scenarios.rename(_db(), scenario_id, version, state.get(RENAME_KEY, ""),
                                 edit_key=edit_key_for(scenario_id))
    except StoreError as error:
        _flash_store_error(error)
        return
    state[RENAME_KEY] = ""
    opened = state.get(OPENED_KEY)
    if opened and opened["scenario_id"] == scenario_id and opened["version"] == version:
        state[OPENED_KEY] = {**opened, "name": saved.name, "version": saved.version}
    _flash_text("success", "saved_renamed", version=saved.version)


def delete_scenario(scenario_id: str, version: int) -> None:
    """Delete the chosen scenario after the confirmation."""
    state = st.session_state
    state.pop(CONFIRM_DELETE_KEY, None)
    key = edit_key_for(scenario_id)
    try:
        deleted = scenarios.delete(_db(), scenario_id, version, edit_key=key)
    except StoreError as error:
        _flash_store_error(error)
        return
    state[UNDO_KEY] = (scenario_id, deleted.name, key)
    opened = state.get(OPENED_KEY)
    if opened and opened["scenario_id"] == scenario_id:
        state.pop(OPENED_KEY, None)
        state.pop(CONFLICT_KEY, None)
    state.pop(CHOICE_KEY, None)
    _flash_text("success", "saved_deleted")


def undo_deletion() -> None:
    """Bring back what this session deleted last (within the store's undo window)."""
    state = st.session_state
    pending = state.pop(UNDO_KEY, None)
    if not pending:
        return
    scenario_id, name, key = pending
    try:
        scenarios.undo_delete(_db(), scenario_id, edit_key=key)
    except StoreError as error:
        _flash_store_error(error)
        return
    _flash_text("success", "sv_undone", name=plain_markdown(name))


def _ask_delete(scenario_id: str, version: int) -> None:
    st.session_state[CONFIRM_DELETE_KEY] = (scenario_id, version)


def _cancel_delete() -> None:
    st.session_state.pop(CONFIRM_DELETE_KEY, None)


def _forget_opened() -> None:
    st.session_state.pop(OPENED_KEY, None)
    st.session_state.pop(CONFLICT_KEY, None)


# --------------------------------------------------------------------------------------
# Sections


def _changed(levers: dict[str, float], saved: dict[str, float]) -> int:
    return len(differing(saved, levers))


def _save_section(lang: str) -> None:
    ctx = page_context()
    st.subheader(t("saved_save_heading", lang))
    differing = len(ctx.levers.differences(ctx.reference))
    st.caption(t("saved_current_summary", lang, name=ctx.data.name,
                 levers=n_levers(differing, lang)))
    opened = st.session_state.get(OPENED_KEY)
    if opened:
        levers = ctx.levers.as_dict()
        changed = _changed(levers, dict(opened["levers"]))  # type: ignore[arg-type]
        if ctx.data.code != opened["municipality_code"]:
            changed += 1
        with st.container(border=True):
            st.caption(t("saved_opened_label", lang, version=opened["version"],
                         changed=(t("saved_opened_changed", lang,
                                    levers=n_levers(changed, lang)) if changed
                                  else t("saved_opened_unchanged", lang))))
            st.text(str(opened["name"]))
            if st.session_state.get(CONFLICT_KEY) is not None:
                st.warning(t("saved_conflict", lang, mine=opened["version"],
                             theirs=st.session_state[CONFLICT_KEY]))
                row = st.container(horizontal=True)
                row.button(t("saved_reload_theirs", lang), key="saved_reload",
                           on_click=reload_theirs)
                row.button(t("saved_save_as_new", lang), key="saved_conflict_new",
                           on_click=save_as_new_after_conflict, type="primary")
            else:
                row = st.container(horizontal=True)
                mine = edit_key_for(str(opened["scenario_id"])) is not None
                row.button(t("saved_save_version", lang, version=int(opened["version"]) + 1),
                           key="saved_save_version", on_click=save_next_version,
                           type="primary", disabled=not changed or not mine,
                           help=None if mine else t("sv_edit_key_help", lang))
                row.button(t("saved_forget", lang), key="saved_forget", on_click=_forget_opened)
    with st.form("saved_form", border=True):
        st.text_input(t("saved_name", lang), key=NAME_KEY,
                      help=t("saved_name_help", lang, n=scenarios.NAME_MAX))
        st.text_input(t("saved_author", lang), key=AUTHOR_KEY,
                      help=t("saved_name_help", lang, n=scenarios.AUTHOR_MAX))
        st.text_area(t("saved_description", lang), key=DESCRIPTION_KEY, height=90,
                     help=t("saved_name_help", lang, n=scenarios.DESCRIPTION_MAX))
        st.form_submit_button(t("saved_submit", lang), key="saved_submit",
                              on_click=save_new_scenario, type="primary")


def _saved_time(value: datetime) -> str:
    return value.replace(tzinfo=UTC).astimezone(LOCAL_TIME).strftime("%Y-%m-%d %H:%M")


def _list_section(lang: str) -> None:
    st.subheader(t("saved_list_heading", lang))
    if st.session_state.get(UNDO_KEY):
        st.button(t("sv_undo_delete", lang), key="saved_undo", on_click=undo_deletion,
                  icon=":material/undo:")
    try:
        saved = scenarios.list_scenarios(_db())
    except StoreError as error:
        message = error.message_en if lang == "en" else error.message_sv
        st.error(t("saved_store_error", lang, message=plain_markdown(message)))
        return
    if not saved:
        st.info(t("saved_none", lang))
        return
    names = municipality_names()
    table = pd.DataFrame({
        t("saved_col_name", lang): [s.name for s in saved],
        t("saved_col_author", lang): [s.author for s in saved],
        t("saved_col_saved", lang): [_saved_time(s.saved_at) for s in saved],
        t("saved_col_municipality", lang): [names.get(s.municipality_code, s.municipality_code)
                                            for s in saved],
        t("saved_col_version", lang): [s.version for s in saved],
        t("saved_col_description", lang): [s.description for s in saved],
    })
    st.dataframe(table, hide_index=True, width="stretch", key="saved_table")
    st.caption(t("saved_time_note", lang))
    by_id = {s.scenario_id: s for s in saved}
    if st.session_state.get(CHOICE_KEY) not in by_id:
        st.session_state.pop(CHOICE_KEY, None)
    choice = st.selectbox(
        t("saved_choose", lang), options=list(by_id), index=None, key=CHOICE_KEY,
        placeholder=t("saved_choose_placeholder", lang),
        format_func=lambda sid: f"{by_id[sid].name} · {by_id[sid].author} · v{by_id[sid].version}",
    )
    if choice is None:
        return
    chosen = by_id[choice]
    if chosen.description:
        st.text(chosen.description)
    row = st.container(horizontal=True)
    row.button(t("saved_open", lang), key="saved_open", on_click=open_scenario,
               args=(chosen.scenario_id,), type="primary", help=t("saved_open_help", lang))
    row.button(t("saved_delete", lang), key="saved_delete", on_click=_ask_delete,
               args=(chosen.scenario_id, chosen.version))
    rename = st.container(horizontal=True, vertical_alignment="bottom")
    rename.text_input(t("saved_rename_to", lang), key=RENAME_KEY, width=320,
                      help=t("saved_name_help", lang, n=scenarios.NAME_MAX))
    rename.button(t("saved_rename", lang), key="saved_rename", on_click=rename_scenario,
                  args=(chosen.scenario_id, chosen.version))
    if chosen.scenario_id not in st.session_state.get(EDIT_KEYS_KEY, {}):
        st.text_input(t("sv_edit_key_label", lang), key=EDIT_KEY_INPUT, type="password",
                      width=320, help=t("sv_edit_key_help", lang))
    pending = st.session_state.get(CONFIRM_DELETE_KEY)
    if pending and pending[0] == chosen.scenario_id:
        with st.container(border=True):
            st.warning(t("saved_delete_confirm", lang))
            st.text(chosen.name)
            confirm = st.container(horizontal=True)
            confirm.button(t("saved_delete_yes", lang), key="saved_delete_yes",
                           on_click=delete_scenario, args=pending, type="primary")
            confirm.button(t("saved_delete_no", lang), key="saved_delete_no",
                           on_click=_cancel_delete)


def main() -> None:
    """Render the saved-scenarios page."""
    if st.session_state.pop(SWITCH_KEY, False):
        st.switch_page(SCENARIO_PAGE)
    lang = current_language()
    st.title(t("saved_title", lang))
    st.caption(t("saved_intro", lang))
    _show_flash(lang)
    _save_section(lang)
    _list_section(lang)
