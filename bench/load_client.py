"""One browser tab, without the browser: a Streamlit session over the app's own websocket.

Why a protocol client and not headless Chromium: 40 Chromium tabs would need more CPU than
the 2-core machine has, and the browser's work is not what we measure. What the server sees
from this client is what it sees from a browser tab:

* it connects to ``/_stcore/stream`` with the ``streamlit`` subprotocol;
* the first ``BackMsg.rerun_script`` (empty query string, page hash and widget states)
  starts the script run; ForwardMsgs stream back (``new_session``, ``navigation``, the
  ``delta`` of every element, ``script_finished``);
* every later ``rerun_script`` carries ALL widget states the tab knows (the frontend's
  WidgetStateManager does the same), with one slider changed, and the page hash the last
  run reported;
* like the frontend's ForwardMsgCache, it remembers large (``cacheable``) messages by hash,
  tells the server which ones it holds (``cached_message_hashes``) and resolves the
  ``ref_hash`` messages the server sends instead of resending unchanged elements.

A run's result is what the deltas carried: the widgets (to know their ids and values), the
metrics (label → body, delta) and any exception element.

Behind a proxy with cookie affinity (HAProxy's ``SERVERID``, deploy/haproxy.py) a tab first
loads the page over HTTP and then opens the websocket with the cookies it got, so it stays
with the process the proxy chose; ``server`` names that process.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.NumberInput_pb2 import NumberInput
from streamlit.proto.WidgetStates_pb2 import WidgetState

STREAM_PATH = "/_stcore/stream"
# Large enough for the biggest page message; Streamlit's own default limit is 200 MB.
MAX_MESSAGE_BYTES = 256 * 1024 * 1024
# The frontend drops cached messages not used in the last few runs; two runs is enough to
# keep every unchanged element of the previous run.
CACHE_RUNS = 2
FINISHED = ForwardMsg.ScriptFinishedStatus.Name(ForwardMsg.FINISHED_SUCCESSFULLY)
AFFINITY_COOKIE = "SERVERID"


class SessionClosed(Exception):
    """The websocket closed (or failed) while the session still expected messages."""


@dataclass
class Widget:
    """A widget as the tab knows it: its id, kind, the value it would send, slider bounds."""

    id: str
    kind: str  # slider, radio, selectbox, number_input, checkbox
    label: str
    state: WidgetState
    minimum: float = 0.0
    maximum: float = 0.0
    step: float = 1.0

    @property
    def slider_value(self) -> float:
        """A single-value slider's current value."""
        return float(self.state.double_array_value.data[0])


@dataclass
class RunResult:
    """What one script run sent back, and how long it took from the BackMsg to its end."""

    seconds: float
    status: str
    metrics: dict[str, tuple[str, str]] = field(default_factory=dict)  # label → (body, delta)
    exceptions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    messages: int = 0
    bytes: int = 0

    @property
    def ok(self) -> bool:
        """Finished successfully and showed no exception."""
        return self.status == FINISHED and not self.exceptions


def _initial_state(widget_id: str, kind: str, proto: Any) -> WidgetState | None:
    """The value the frontend would hold for a widget it has just been sent."""
    state = WidgetState(id=widget_id)
    if kind == "slider":
        values = list(proto.value) if proto.set_value and proto.value else list(proto.default)
        state.double_array_value.data.extend(values)
    elif kind in ("radio", "selectbox"):
        if proto.HasField("raw_value"):
            state.string_value = proto.raw_value
        elif proto.HasField("default") and 0 <= proto.default < len(proto.options):
            state.string_value = proto.options[proto.default]
        else:
            return None
    elif kind == "number_input":
        if proto.set_value and proto.HasField("value"):
            value = proto.value
        elif proto.HasField("default"):
            value = proto.default
        else:
            return None
        if proto.data_type == NumberInput.INT:
            state.int_value = int(round(value))
        else:
            state.double_value = value
    elif kind == "checkbox":
        state.bool_value = proto.value if proto.set_value else proto.default
    else:
        return None
    return state


WIDGET_KINDS = frozenset({"slider", "radio", "selectbox", "number_input", "checkbox"})


class StreamlitSession:
    """One tab: connect, load the page, change a slider and wait for the updated result.

    timeout_s bounds every wait: a run that has not finished by then raises TimeoutError
    (the caller decides what counts as too slow below that; the session is then unusable).
    """

    def __init__(self, base_url: str, *, timeout_s: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.ws_url = base_url.replace("http://", "ws://").replace("https://", "wss://").rstrip(
            "/") + STREAM_PATH
        self.cookies: dict[str, str] = {}
        self.timeout_s = timeout_s
        self.widgets: dict[str, Widget] = {}
        self.page_script_hash = ""
        self.query_string = ""
        self.page_name = ""  # the address's page ("workshop" for /workshop), as the frontend
        self.navigation_titles: list[str] = []  # the pages the app's navigation lists
        self.page_title = ""  # the navigation's title of the page the last run showed
        self.button_labels: set[str] = set()  # buttons drawn by the last run
        self._ws: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._finished: asyncio.Queue[str] = asyncio.Queue()
        self._closed_reason: str | None = None
        self._run = RunResult(0.0, "")
        self._seen_widget_ids: set[str] = set()
        self._cache: dict[str, tuple[int, ForwardMsg]] = {}  # hash → (run number, message)
        self._run_number = 0

    # ------------------------------------------------------------------------------------
    # Connection

    async def connect(self) -> None:
        """Load the page over HTTP (keeping its cookies, as a browser does), then open the
        websocket with them, as the frontend does (subprotocol ``streamlit``)."""
        from websockets.asyncio.client import connect

        await asyncio.wait_for(asyncio.to_thread(self._load_page), timeout=self.timeout_s)
        headers = ({"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
                   if self.cookies else None)
        self._ws = await asyncio.wait_for(
            connect(self.ws_url, subprotocols=["streamlit"], max_size=MAX_MESSAGE_BYTES,
                    open_timeout=self.timeout_s, ping_interval=None,
                    additional_headers=headers),
            timeout=self.timeout_s,
        )
        self._reader = asyncio.create_task(self._read_forever())

    def _load_page(self) -> None:
        request = urllib.request.Request(self.base_url + "/")
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
            response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value

    @property
    def server(self) -> str | None:
        """The app process the proxy's affinity cookie names (None without a proxy)."""
        return self.cookies.get(AFFINITY_COOKIE)

    async def close(self) -> None:
        """Close the websocket and stop reading."""
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._ws.close(), timeout=5)
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader

    @property
    def closed_reason(self) -> str | None:
        """Why the connection ended, if it did."""
        return self._closed_reason

    # ------------------------------------------------------------------------------------
    # What a user does

    async def load(self) -> RunResult:
        """Open the page: the first rerun_script, with nothing but an empty client state."""
        return await self._rerun(include_widgets=False)

    def sliders(self, prefix: str = "") -> list[Widget]:
        """Single-value sliders whose id ends in a user key starting with prefix."""
        return [w for w in self.widgets.values() if w.kind == "slider"
                and len(w.state.double_array_value.data) == 1
                and (not prefix or w.id.rsplit("-", 1)[-1].startswith(prefix))]

    def widget_by_key(self, key: str) -> Widget | None:
        """The widget whose user key is key (Streamlit puts it at the end of the id)."""
        return next((w for w in self.widgets.values() if w.id.endswith(f"-{key}")), None)

    async def send_clear_cache(self) -> None:
        """Send the "clear cache" BackMsg (the developer menu's; any client can send it)."""
        msg = BackMsg()
        msg.clear_cache = True
        await self._ws.send(msg.SerializeToString())

    async def move_slider(self, widget: Widget, value: float) -> RunResult:
        """Set a slider to value and rerun with every widget state the tab holds."""
        widget.state.double_array_value.data[:] = [value]
        return await self._rerun(include_widgets=True)

    # ------------------------------------------------------------------------------------
    # Protocol

    def _back_msg(self, include_widgets: bool) -> bytes:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        state.page_name = self.page_name
        if include_widgets:
            state.widget_states.widgets.extend(w.state for w in self.widgets.values())
        state.cached_message_hashes.extend(self._cache)
        return msg.SerializeToString()

    async def _rerun(self, include_widgets: bool) -> RunResult:
        if self._closed_reason:
            raise SessionClosed(self._closed_reason)
        while not self._finished.empty():  # a finish nobody waited for
            self._finished.get_nowait()
        self._run = RunResult(0.0, "")
        self._seen_widget_ids = set()
        self.button_labels = set()
        self._run_number += 1
        payload = self._back_msg(include_widgets)
        started = time.perf_counter()
        await self._ws.send(payload)
        status = await asyncio.wait_for(self._next_finish(), timeout=self.timeout_s)
        self._run.seconds = time.perf_counter() - started
        self._run.status = status
        if status == FINISHED and not self._run.exceptions:
            # Like the frontend: widgets the run did not draw are gone. (After an exception
            # the tab keeps them, so that a benchmark can report the error and go on.)
            for widget_id in set(self.widgets) - self._seen_widget_ids:
                del self.widgets[widget_id]
            self._evict_cache()
        return self._run

    async def _next_finish(self) -> str:
        """The next script_finished status that ends a run (not one cut short for a rerun)."""
        while True:
            if self._closed_reason and self._finished.empty():
                raise SessionClosed(self._closed_reason)
            status = await self._finished.get()
            if status == "__closed__":
                raise SessionClosed(self._closed_reason or "closed")
            if status != ForwardMsg.ScriptFinishedStatus.Name(ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                return status

    async def _read_forever(self) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            async for raw in self._ws:
                if isinstance(raw, str):
                    continue
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                self._run.messages += 1
                self._run.bytes += len(raw)
                self._handle(msg)
        except ConnectionClosed as error:
            self._closed_reason = f"disconnected ({error.rcvd.code if error.rcvd else 'no code'})"
        except Exception as error:  # a broken message must end the session visibly
            self._closed_reason = f"{type(error).__name__}: {error}"
        else:
            self._closed_reason = "disconnected"
        self._finished.put_nowait("__closed__")

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                self._run.exceptions.append(f"ref_hash {msg.ref_hash} not in the cache")
                return
            self._cache[msg.ref_hash] = (self._run_number, cached[1])
            msg, kind = cached[1], "delta"
        elif msg.metadata.cacheable and msg.hash:
            self._cache[msg.hash] = (self._run_number, msg)
        if kind == "new_session":
            self.page_script_hash = msg.new_session.page_script_hash
        elif kind == "page_info_changed":
            # The app set query parameters: the address bar, and so the next rerun, has them.
            self.query_string = msg.page_info_changed.query_string
        elif kind == "navigation":
            self.navigation_titles = [page.page_name for page in msg.navigation.app_pages]
            if msg.navigation.page_script_hash:
                self.page_script_hash = msg.navigation.page_script_hash
            self.page_title = next((page.page_name for page in msg.navigation.app_pages
                                    if page.page_script_hash == self.page_script_hash), "")
        elif kind == "delta":
            self._handle_delta(msg)
        elif kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
            error = msg.session_event.script_compilation_exception
            self._run.exceptions.append(f"{error.type}: {error.message}")
        elif kind == "page_not_found":
            self._run.exceptions.append(f"page not found: {msg.page_not_found.page_name}")
        elif kind == "script_finished":
            self._finished.put_nowait(ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished))

    def _handle_delta(self, msg: ForwardMsg) -> None:
        if msg.delta.WhichOneof("type") != "new_element":
            return
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "metric":
            self._run.metrics[element.metric.label] = (element.metric.body, element.metric.delta)
        elif kind == "exception":
            text = f"{element.exception.type}: {element.exception.message}"
            if element.exception.is_warning:
                self._run.warnings.append(text)
            else:
                self._run.exceptions.append(text)
        elif kind in WIDGET_KINDS:
            self._remember_widget(kind, getattr(element, kind))
        elif kind == "button":
            self.button_labels.add(element.button.label)

    def _remember_widget(self, kind: str, proto: Any) -> None:
        self._seen_widget_ids.add(proto.id)
        known = self.widgets.get(proto.id)
        if known is not None and not getattr(proto, "set_value", False):
            return  # the tab keeps its own value unless the server sets one
        state = _initial_state(proto.id, kind, proto)
        if state is None:
            return
        widget = Widget(proto.id, kind, proto.label, state)
        if kind == "slider":
            widget.minimum, widget.maximum, widget.step = proto.min, proto.max, proto.step or 1.0
        self.widgets[proto.id] = widget

    def _evict_cache(self) -> None:
        oldest = self._run_number - CACHE_RUNS + 1
        for key in [k for k, (run, _msg) in self._cache.items() if run < oldest]:
            del self._cache[key]
