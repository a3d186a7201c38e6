"""One script run at a time per server process, in the order they arrive.

Why: Streamlit runs every session's rerun in its own thread, and the threads share one
interpreter lock. With 40 phones moving levers, a dozen runs were in flight at once; each
got a slice of the lock every few milliseconds, so every run took as long as all of them
together, and the event loop that sends the finished pages waited its turn behind them.
The server was busy only 0.75 of a core, yet a lever move took p50 1.2 s and p95 2.3 s
(bench/load_bench.py, 40 sessions, a move every 3 s). Taking turns, each run has the
interpreter to itself and finishes in its own ~60 ms: p50 0.2 s, p95 0.5 s on the same
bench, and more changes per second, because the threads no longer trade the lock.

Two limits keep one slow run from holding up the room:

* a run waits at most ``WAIT_LIMIT_S`` for its turn and then runs anyway (as before);
* a run about to do something slow (the import's child process, the first build of every
  municipality) gives up its turn for the rest of the run (``leave``).

Fragment reruns (the facilitator panel's timer) do not take a turn: they are short and
seldom, and a fragment drawn inside a full run must not wait for the run's own turn.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

_LOG = logging.getLogger("klimatscenarier")

# Long enough that a room's queue (a few hundred ms at 40 sessions) never reaches it; short
# enough that a run stuck on something slow stalls the others for at most this long.
WAIT_LIMIT_S = 3.0


@dataclass(eq=False)
class _Waiter:
    thread: int
    called: threading.Event = field(default_factory=threading.Event)


class Turns:
    """A lock handed over in arrival order, with a limit on the wait; re-entrant per thread.

    ``acquire`` returns False when the wait ran out: the caller goes on without the turn
    (and its ``release`` is a no-op).
    """

    def __init__(self, wait_limit_s: float = WAIT_LIMIT_S) -> None:
        self.wait_limit_s = wait_limit_s
        self._mutex = threading.Lock()
        self._owner: int | None = None
        self._depth = 0
        self._waiting: deque[_Waiter] = deque()

    def acquire(self) -> bool:
        """Wait for this thread's turn (at most ``wait_limit_s``); True if it has it."""
        me = threading.get_ident()
        with self._mutex:
            if self._owner == me:
                self._depth += 1
                return True
            if self._owner is None:
                self._owner, self._depth = me, 1
                return True
            waiter = _Waiter(me)
            self._waiting.append(waiter)
        waiter.called.wait(self.wait_limit_s)
        with self._mutex:
            if self._owner == me:  # handed over, perhaps just as the wait ran out
                return True
            self._waiting.remove(waiter)
            behind = len(self._waiting)
        # The process has more to do than one core gives: worth knowing when sizing a room.
        _LOG.warning("a run waited %.1f s for its turn and runs alongside (%d more waiting)",
                     self.wait_limit_s, behind)
        return False

    def release(self) -> None:
        """End this thread's turn and hand it to the longest waiter (no-op without it)."""
        with self._mutex:
            if self._owner != threading.get_ident():
                return
            self._depth -= 1
            if self._depth:
                return
            self._owner = None
            if self._waiting:
                waiter = self._waiting.popleft()
                self._owner, self._depth = waiter.thread, 1
                waiter.called.set()

    def holds(self) -> bool:
        """Whether the calling thread has the turn."""
        return self._owner == threading.get_ident()

    def waiting(self) -> int:
        """How many runs wait for a turn (for tests and the log)."""
        return len(self._waiting)

    @contextmanager
    def turn(self) -> Iterator[bool]:
        """Hold the turn for the block (or go on without it after the wait limit)."""
        got = self.acquire()
        try:
            yield got
        finally:
            if got:
                self.release()

    def leave(self) -> None:
        """Go on without the turn for the rest of this run, and let the next run go.

        For a run about to do something slow (a child process's parse, a first build of
        every municipality): the room should not wait behind it. It does not take the turn
        back afterwards: waiting for it while holding another lock (a shared cache's) could
        make a run that holds the turn wait for this one.
        """
        with self._mutex:
            if self._owner != threading.get_ident():
                return
            self._depth = 1
        self.release()


# The server's turns: every full run of the app takes one (ui/app_shell.run_app).
RUNS = Turns()
