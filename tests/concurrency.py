"""Calls made at the same moment from threads of their own, for the PostgreSQL tests of
row locks."""

import threading

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
