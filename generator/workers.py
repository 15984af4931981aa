"""Spread independent tasks over the machine's cores, with results in a fixed order.

The build's tasks (rendering a slice of the pages, writing the search index, checking
a slice of the content files) read a large, finished state: the checked `Site`. Worker
processes are forked after that state exists, so each inherits it as it is and
nothing big is pickled; a task is only its index in the list, and its result (small:
the names of the files it wrote, or its checked entries) comes back pickled.

Results are returned in the order of the tasks, whatever order they finish in, so a
build with workers is byte for byte the build without (tests/test_workers.py). Where
the system cannot fork (Windows), or with one core or one task, the tasks run here,
one after the other. An exception in a task is raised here, as it would be without
workers. `serve` forks from its watcher thread, beside the threads that answer requests:
a worker only runs its task (rendering, writing files) and takes none of their locks.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any

_TASKS: Sequence[Callable[[], Any]] = ()  # what a forked worker inherits
WORTH_IT_FROM = 1000  # pages or files: below this, forking workers costs more than it saves


def available() -> int:
    """How many workers this machine has room for: the cores this process may use."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def for_size(items: int) -> int:
    """How many workers suit a job of `items` pages or files: every core from WORTH_IT_FROM."""
    return available() if items >= WORTH_IT_FROM else 1


def run(
    tasks: Sequence[Callable[[], Any]],
    workers: int,
    done: Callable[[int, Any], None] | None = None,
) -> list[Any]:
    """Run every task, on up to `workers` processes; their results in the order of `tasks`.

    `done(index, result)` is called here as each task finishes (for a progress bar).
    """
    if workers <= 1 or len(tasks) <= 1 or available() <= 1:
        results = []
        for index, task in enumerate(tasks):
            results.append(task())
            if done:
                done(index, results[-1])
        return results
    global _TASKS
    _TASKS = tasks
    gc.freeze()  # the collector would touch every object, and so copy every page, per worker
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(workers, len(tasks)), mp_context=context) as pool:
            futures = {pool.submit(_run, index): index for index in range(len(tasks))}
            found: dict[int, Any] = {}
            try:
                for future in as_completed(futures):
                    index = futures[future]
                    found[index] = future.result()  # raises the task's exception
                    if done:
                        done(index, found[index])
            except BaseException:
                pool.shutdown(cancel_futures=True)  # the rest would be thrown away
                raise
        return [found[index] for index in range(len(tasks))]
    finally:
        gc.unfreeze()
        _TASKS = ()


def _run(index: int) -> Any:
    try:
        return _TASKS[index]()
    finally:
        give_back_memory()


def give_back_memory() -> None:
    """Hand the memory that a finished task freed back to the system (glibc keeps it for
    the process otherwise), so that a worker does not hold its largest task's peak for the
    rest of the build. Does nothing where there is no glibc."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return
    trim(0)
