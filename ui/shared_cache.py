"""Values every session of the server shares, kept out of Streamlit's own caches.

Why: Streamlit empties st.cache_data and st.cache_resource for every session when any
websocket client sends a "clear cache" message (AppSession._handle_clear_cache_request in
Streamlit 1.67 accepts it from anyone). At five such messages a second, 40 participants
went from p50 81 ms to 27 s, because every session rebuilt the tables and model inputs
again and again. Values memoised here survive that message: only the app itself clears
them (``clear_all`` after an import), so no Streamlit internals need patching.

``shared`` is a small thread-safe memo: the first caller of a key computes the value while
others asking for the same key wait for it (no thundering herd after a clear); ``ttl_s``
makes an entry expire; ``max_entries`` drops the oldest.
"""

from __future__ import annotations

import functools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_registry: list[SharedFunction[Any, Any]] = []
_registry_lock = threading.Lock()


class SharedFunction(Generic[P, R]):
    """A memoised function with ``clear()``; see the module doc."""

    def __init__(self, function: Callable[P, R], ttl_s: float | None, max_entries: int | None
                 ) -> None:
        self._function = function
        self._ttl_s = ttl_s
        self._max_entries = max_entries
        self._values: OrderedDict[Hashable, tuple[float, R]] = OrderedDict()
        self._lock = threading.Lock()
        self._key_locks: dict[Hashable, threading.Lock] = {}
        self._generation = 0
        functools.update_wrapper(self, function)

    def _fresh(self, key: Hashable) -> tuple[bool, R | None]:
        with self._lock:
            found = self._values.get(key)
            if found is None:
                return False, None
            if self._ttl_s is not None and time.monotonic() - found[0] > self._ttl_s:
                del self._values[key]
                return False, None
            self._values.move_to_end(key)
            return True, found[1]

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key: Hashable = (args, tuple(sorted(kwargs.items())))
        hit, value = self._fresh(key)
        if hit:
            return value  # type: ignore[return-value]
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            hit, value = self._fresh(key)  # computed by another thread while we waited
            if hit:
                return value  # type: ignore[return-value]
            generation = self._generation
            computed = self._function(*args, **kwargs)
            with self._lock:
                if generation == self._generation:  # not cleared while computing
                    self._values[key] = (time.monotonic(), computed)
                    if self._max_entries is not None:
                        while len(self._values) > self._max_entries:
                            self._values.popitem(last=False)
                self._key_locks.pop(key, None)
            return computed

    def clear(self) -> None:
        """Forget every value (the next call computes again)."""
        with self._lock:
            self._values.clear()
            self._generation += 1


def shared(ttl_s: float | None = None, max_entries: int | None = None
           ) -> Callable[[Callable[P, R]], SharedFunction[P, R]]:
    """Decorator: memoise for every session of the server (see the module doc)."""

    def wrap(function: Callable[P, R]) -> SharedFunction[P, R]:
        memo = SharedFunction(function, ttl_s, max_entries)
        with _registry_lock:
            _registry.append(memo)
        return memo

    return wrap


def clear_all() -> None:
    """Forget every shared value of the app (after an import changed the tables)."""
    with _registry_lock:
        memos = list(_registry)
    for memo in memos:
        memo.clear()
