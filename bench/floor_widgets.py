"""Each page's own floor: its widgets, in its layout, with no model, no charts and no text.

The issue's target for a lever move is "≤ 1.5 × the framework floor: the same widgets and no
charts". bench/floor_page.py drew the main page's sidebar widgets for every page, so a page
with more widgets than that (the workshop's forms, Sverige's filters, a 290-option
municipality list) was held to a floor that did not have them.

``capture`` reads the widgets a page drew in AppTest (type, key, label, options, value,
help) and the containers that hold them (sidebar, expanders, tabs, forms, columns); text,
figures, tables and charts are left out. ``replay`` draws the same widgets with the same keys,
so the same slider change reaches the floor as the page. A spec is plain JSON, so a floor
server for Chromium can draw it too (bench/floor_page.py with ``?floor=<page>``).
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

SPECS_ENV = "KLIMAT_FLOOR_SPECS"  # a JSON file {page name: spec}, read by bench/floor_page.py
FLOOR_PARAM = "floor"  # the query parameter that picks a page's floor

Spec = dict[str, Any]

# Element protos that are widgets (the proto's type name), drawn by replay.
WIDGETS = frozenset({"Slider", "Selectbox", "Radio", "Button", "Checkbox", "ButtonGroup",
                     "MultiSelect", "TextInput", "TextArea", "NumberInput", "DownloadButton",
                     "FileUploader", "LinkButton"})


def _user_key(widget_id: str) -> str | None:
    """The key a page gave a widget ("$$ID-<hash>-<key>"), or None when it gave none."""
    if not widget_id.startswith("$$ID-"):
        return None
    key = widget_id.split("-", 2)[2] if widget_id.count("-") >= 2 else "None"
    return None if key == "None" else key


def _element(proto: Any) -> Spec | None:
    """One widget as a spec (None for anything that is not a widget)."""
    kind = type(proto).__name__
    if kind not in WIDGETS:
        return None
    spec: Spec = {"kind": kind, "label": proto.label, "key": _user_key(proto.id),
                  "help": getattr(proto, "help", "") or None}
    if kind == "Slider":
        spec.update(min=proto.min, max=proto.max, step=proto.step, format=proto.format,
                    value=list(proto.default), integer=proto.data_type == 0,
                    options=list(proto.options))
    elif kind in ("Selectbox", "Radio"):
        spec.update(options=list(proto.options),
                    index=proto.default if proto.HasField("default") else None,
                    horizontal=getattr(proto, "horizontal", False))
    elif kind == "MultiSelect":
        spec.update(options=list(proto.options), default=list(proto.default))
    elif kind == "ButtonGroup":
        spec.update(options=[option.content for option in proto.options],
                    default=list(proto.default), multi=proto.click_mode == 1,
                    pills=proto.style == 1)
    elif kind == "Checkbox":
        spec.update(value=proto.default, toggle=proto.type == 1)
    elif kind in ("TextInput", "TextArea"):
        spec.update(value=proto.default if proto.HasField("default") else "",
                    max_chars=proto.max_chars or None)
    elif kind == "NumberInput":
        spec.update(min=proto.min if proto.has_min else None,
                    max=proto.max if proto.has_max else None, step=proto.step,
                    value=proto.default if proto.HasField("default") else None,
                    integer=proto.data_type == 0)
    elif kind == "Button":
        spec.update(submit=proto.is_form_submitter, disabled=proto.disabled)
    elif kind == "FileUploader":
        spec.update(types=[t.lstrip(".") for t in proto.type] or None,
                    multiple=proto.multiple_files)
    elif kind == "LinkButton":
        spec.update(url=proto.url)
    return spec


def _block(kind: str, inner: Any, children: list[Spec]) -> Spec | None:
    """A container with the widgets inside it (None when none of them is a widget).

    Tabs are kept with or without widgets (a closed tab that runs nothing is still a tab),
    and so is an expander with a key (it is a widget: it reruns when opened)."""
    keyed = kind == "expandable" and _user_key(inner.id) is not None
    if not children and kind not in ("tab", "tab_container") and not keyed:
        return None
    spec: Spec = {"kind": kind, "children": children}
    if kind == "expandable":
        spec.update(label=inner.label, expanded=inner.expanded, key=_user_key(inner.id))
    elif kind == "tab":
        spec.update(label=inner.label)
    elif kind == "tab_container":
        spec.update(key=_user_key(inner.id))
    elif kind == "form":
        spec.update(key=inner.form_id)
    elif kind == "flex_container":
        spec.update(horizontal=inner.direction == 2)
    elif kind == "grid_container":
        spec.update(columns=inner.columns)
    return spec


def _walk(node: Any) -> list[Spec]:
    """The widget specs under an AppTest node, in order.

    AppTest keeps a container's own message (Expandable, Tab, ...) on its special node
    classes and the whole Block message on the others."""
    found: list[Spec] = []
    for child in getattr(node, "children", {}).values():
        proto = getattr(child, "proto", None)
        if isinstance(getattr(child, "children", None), dict):  # a container
            inner = _walk(child)
            if proto is None:  # the sidebar or the main area
                found += inner
                continue
            kind = {"expander": "expandable"}.get(str(child.type), str(child.type))
            message = getattr(proto, kind) if type(proto).__name__ == "Block" else proto
            block = _block(kind, message, inner)
            if block is not None:
                found.append(block)
        elif proto is not None:
            widget = _element(proto)
            if widget is not None:
                found.append(widget)
    return found


def capture(app_test: Any) -> Spec:
    """The widgets of the page an AppTest has just run: {"sidebar": [...], "main": [...]}."""
    return {"sidebar": _walk(app_test.sidebar), "main": _walk(app_test.main)}


def widget_count(spec: Spec) -> int:
    """How many widgets a spec draws (for the report)."""
    def count(items: list[Spec]) -> int:
        return sum(count(i["children"]) if "children" in i else 1 for i in items)
    return count(spec["sidebar"]) + count(spec["main"])


def save(specs: dict[str, Spec], path: Path) -> None:
    """Write the specs where bench/floor_page.py finds them (SPECS_ENV names the file)."""
    path.write_text(json.dumps(specs, ensure_ascii=False), encoding="utf-8")


def load(name: str) -> Spec | None:
    """A page's spec from the file SPECS_ENV names (None without one). Read once per file:
    reading it on every rerun would add its own cost to the floor."""
    path = os.environ.get(SPECS_ENV)
    if not path or not Path(path).exists():
        return None
    return _read(path, Path(path).stat().st_mtime_ns).get(name)


@lru_cache(maxsize=4)
def _read(path: str, stamp: int) -> dict[str, Spec]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------------------
# Drawing a spec (Streamlit is imported here only: capture runs outside any page)


def replay(spec: Spec) -> None:
    """Draw the spec's widgets: the sidebar's in the sidebar, the rest on the page."""
    import streamlit as st

    counter = iter(range(10_000))
    _draw(st.sidebar, spec["sidebar"], counter)
    _draw(st.container(), spec["main"], counter)


def _key(item: Spec, counter: Any) -> str:
    return item.get("key") or f"floor_{next(counter)}"


def _number(value: float | None, integer: bool) -> float | int | None:
    if value is None:
        return None
    return int(value) if integer else float(value)


def _slider(parent: Any, item: Spec, key: str) -> None:
    if item["options"]:  # a select_slider
        parent.select_slider(item["label"], options=item["options"],
                             value=item["options"][int(item["value"][0])], key=key,
                             help=item["help"])
        return
    value = [_number(v, item["integer"]) for v in item["value"]]
    parent.slider(item["label"], min_value=_number(item["min"], item["integer"]),
                  max_value=_number(item["max"], item["integer"]),
                  value=value[0] if len(value) == 1 else tuple(value),
                  step=_number(item["step"], item["integer"]), format=item["format"] or None,
                  key=key, help=item["help"])


def _choice(parent: Any, item: Spec, key: str) -> None:
    if item["kind"] == "Selectbox":
        parent.selectbox(item["label"], options=item["options"], index=item["index"], key=key,
                         help=item["help"])
    elif item["kind"] == "Radio":
        parent.radio(item["label"], options=item["options"], index=item["index"],
                     horizontal=item["horizontal"], key=key, help=item["help"])
    else:
        parent.multiselect(item["label"], options=item["options"],
                           default=[item["options"][i] for i in item["default"]], key=key,
                           help=item["help"])


def _button_group(parent: Any, item: Spec, key: str) -> None:
    draw = parent.pills if item["pills"] else parent.segmented_control
    chosen = [item["options"][i] for i in item["default"]]
    draw(item["label"], item["options"], selection_mode="multi" if item["multi"] else "single",
         default=chosen if item["multi"] else (chosen or [None])[0], key=key, help=item["help"])


def _checkbox(parent: Any, item: Spec, key: str) -> None:
    draw = parent.toggle if item["toggle"] else parent.checkbox
    draw(item["label"], value=item["value"], key=key, help=item["help"])


def _text(parent: Any, item: Spec, key: str) -> None:
    draw = parent.text_input if item["kind"] == "TextInput" else parent.text_area
    draw(item["label"], value=item["value"], max_chars=item["max_chars"], key=key,
         help=item["help"])


def _number_input(parent: Any, item: Spec, key: str) -> None:
    integer = item["integer"]
    parent.number_input(item["label"], min_value=_number(item["min"], integer),
                        max_value=_number(item["max"], integer),
                        value=_number(item["value"], integer),
                        step=_number(item["step"], integer) or None, key=key, help=item["help"])


def _button(parent: Any, item: Spec, key: str) -> None:
    draw = parent.form_submit_button if item["submit"] else parent.button
    draw(item["label"], key=key, help=item["help"], disabled=item["disabled"])


def _download(parent: Any, item: Spec, key: str) -> None:
    parent.download_button(item["label"], data=b"", key=key, help=item["help"],
                           on_click="ignore")


def _uploader(parent: Any, item: Spec, key: str) -> None:
    parent.file_uploader(item["label"], type=item["types"],
                         accept_multiple_files=item["multiple"], key=key, help=item["help"])


def _link(parent: Any, item: Spec, key: str) -> None:
    parent.link_button(item["label"], item["url"], help=item["help"])


DRAW = {"Slider": _slider, "Selectbox": _choice, "Radio": _choice, "MultiSelect": _choice,
        "ButtonGroup": _button_group, "Checkbox": _checkbox, "TextInput": _text,
        "TextArea": _text, "NumberInput": _number_input, "Button": _button,
        "DownloadButton": _download, "FileUploader": _uploader, "LinkButton": _link}


def _draw(parent: Any, items: list[Spec], counter: Any) -> None:
    for item in items:
        if "children" in item:
            _draw_block(parent, item, counter)
        else:
            DRAW[item["kind"]](parent, item, _key(item, counter))


def _draw_block(parent: Any, item: Spec, counter: Any) -> None:
    kind, children = item["kind"], item["children"]
    if kind == "expandable":
        key = item.get("key")
        block = parent.expander(item["label"], expanded=item["expanded"], key=key,
                                on_change="rerun" if key else "ignore")
    elif kind == "tab_container":
        tabs = parent.tabs([tab["label"] for tab in children], key=item.get("key"),
                           on_change="rerun" if item.get("key") else "ignore")
        for tab, spec in zip(tabs, children, strict=True):
            _draw(tab, spec["children"], counter)
        return
    elif kind == "form":
        block = parent.form(item["key"])
    elif kind == "grid_container":
        block = parent.grid(item["columns"])
    elif kind == "flex_container":
        block = parent.container(horizontal=item.get("horizontal", False))
    else:  # a column, a tab outside its container, anything else: a plain container
        block = parent.container()
    _draw(block, children, counter)
