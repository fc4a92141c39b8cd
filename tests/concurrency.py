"""Calls made at the same moment from threads of their own, for the PostgreSQL tests of
row locks."""

import threading
import time

from django.db import connection

TIMEOUT = 30  # seconds a thread may take


def at_once(*calls, thread_prefix: str):
    """Run each call in its own thread, named `thread_prefix` and its index, all released
    together by a barrier; return (what it returned, what it raised) for each."""
    barrier = threading.Barrier(len(calls), timeout=TIMEOUT)
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            try:
                results[index] = (call(), None)
            except Exception as error:  # reported to the test
                results[index] = (None, error)
        finally:
            connection.close()  # this thread's own connection

    threads = [
        threading.Thread(target=run, args=(index, call), name=f"{thread_prefix}{index}")
        for index, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
    assert all(result is not None for result in results), results
    return results


def assert_on_postgresql(module: str):
    """A row-lock test's guard: it fails rather than skips on any other database."""
    assert connection.vendor == "postgresql", (
        f"{module} needs PostgreSQL, not {connection.vendor}: row locks (select_for_update) "
        "are what it tests. Run it with `bash scripts/with-postgres.sh .venv/bin/pytest -m "
        "postgres`; scripts/test.sh runs it in the PostgreSQL stage and leaves it out of the "
        'SQLite one (-m "not postgres").'
    )


def slowed(monkeypatch, module, name: str, *, thread_prefix: str, seconds: float) -> list:
    """Make `module.name` pause `seconds` before it runs, in threads named `thread_prefix`...,
    so that two calls are inside their transactions at once for certain. Returns the list of
    monotonic times at which each thread reached it."""
    reached = []
    original = getattr(module, name)

    def slow(*args, **kwargs):
        if threading.current_thread().name.startswith(thread_prefix):
            reached.append(time.monotonic())
            time.sleep(seconds)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)
    return reached
