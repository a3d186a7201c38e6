"""Script runs take turns (ui/run_turns.py): in arrival order, bounded waits, never stuck."""

from __future__ import annotations

import threading
import time

import pytest

from ui.run_turns import Turns


def _wait_until(condition, timeout: float = 5.0) -> None:  # noqa: ANN001 - a test helper
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.005)


def _queue(turns: Turns, names: list[str], order: list[str]) -> list[threading.Thread]:
    """Start one thread per name, each queued behind the previous one."""
    threads = []
    for i, name in enumerate(names):
        def run(name: str = name) -> None:
            with turns.turn() as got:
                order.append(name if got else f"{name} (no turn)")
        thread = threading.Thread(target=run)
        thread.start()
        _wait_until(lambda i=i: turns.waiting() == i + 1)
        threads.append(thread)
    return threads


def test_the_turn_goes_to_waiters_in_arrival_order() -> None:
    turns = Turns(wait_limit_s=10.0)
    order: list[str] = []
    assert turns.acquire() and turns.holds()
    threads = _queue(turns, ["b", "c", "d", "e"], order)
    assert order == []  # nobody runs while the turn is held
    turns.release()
    for thread in threads:
        thread.join(5)
    assert order == ["b", "c", "d", "e"]
    assert not turns.holds() and turns.waiting() == 0


def test_a_waiter_goes_on_without_the_turn_when_the_wait_runs_out() -> None:
    turns = Turns(wait_limit_s=0.1)
    assert turns.acquire()
    outcome: list[bool] = []
    start = time.monotonic()
    thread = threading.Thread(target=lambda: outcome.append(turns.acquire()))
    thread.start()
    thread.join(5)
    assert outcome == [False]
    assert 0.09 <= time.monotonic() - start < 2.0
    assert turns.waiting() == 0 and turns.holds()  # the holder keeps it
    turns.release()
    assert turns.acquire()  # and it is free afterwards
    turns.release()


def test_release_without_the_turn_changes_nothing() -> None:
    turns = Turns()
    assert turns.acquire()
    thread = threading.Thread(target=turns.release)  # another thread cannot end my turn
    thread.start()
    thread.join(5)
    assert turns.holds()
    turns.release()
    turns.release()  # twice: a no-op
    assert not turns.holds()


def test_an_error_in_the_run_ends_its_turn() -> None:
    turns = Turns()
    with pytest.raises(RuntimeError), turns.turn():
        raise RuntimeError("the page failed")
    assert not turns.holds()
    assert turns.acquire()
    turns.release()


def test_the_turn_is_reentrant_in_one_thread() -> None:
    turns = Turns(wait_limit_s=0.1)
    with turns.turn() as outer:
        with turns.turn() as inner:
            assert outer and inner
        assert turns.holds()  # the inner block does not end the outer turn
    assert not turns.holds()


def test_leave_lets_the_next_run_go_for_the_rest_of_this_run() -> None:
    turns = Turns(wait_limit_s=10.0)
    order: list[str] = []
    with turns.turn(), turns.turn():  # nested: leave gives up every level
        threads = _queue(turns, ["next"], order)
        turns.leave()
        threads[0].join(5)
        assert order == ["next"]  # ran while this one was busy elsewhere
        assert not turns.holds()
    assert not turns.holds()  # the blocks' ends release nothing more
    assert turns.acquire()
    turns.release()


def test_leave_without_the_turn_does_nothing() -> None:
    turns = Turns()
    other = threading.Thread(target=turns.acquire)
    other.start()
    other.join(5)
    turns.leave()  # this thread has no turn: the other keeps it
    assert turns.waiting() == 0
    assert not turns.holds()
    assert turns._owner == other.ident  # noqa: SLF001 - the state under test


def test_many_threads_each_get_one_turn_and_never_overlap() -> None:
    turns = Turns(wait_limit_s=30.0)
    inside, overlaps, runs = [0], [0], [0]
    lock = threading.Lock()

    def run() -> None:
        for _ in range(20):
            with turns.turn():
                with lock:
                    inside[0] += 1
                    overlaps[0] += inside[0] > 1
                    runs[0] += 1
                time.sleep(0.0005)
                with lock:
                    inside[0] -= 1

    threads = [threading.Thread(target=run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert runs[0] == 160 and overlaps[0] == 0
    assert turns.waiting() == 0 and not turns.holds()


def test_a_run_of_the_app_takes_the_servers_turn_and_gives_it_back() -> None:
    from tests.apptest_helpers import start_app
    from ui import run_turns

    taken: list[bool] = []
    original = run_turns.RUNS.acquire

    def acquire() -> bool:
        got = original()
        taken.append(got)
        return got

    run_turns.RUNS.acquire = acquire  # type: ignore[method-assign]
    try:
        at = start_app()
    finally:
        del run_turns.RUNS.acquire
    assert not at.exception
    assert taken == [True]
    assert run_turns.RUNS.waiting() == 0
    assert run_turns.RUNS.acquire()  # free again after the run
    run_turns.RUNS.release()
