"""Spread independent tasks over the machine's cores, with results in a fixed order.

The build's tasks (rendering a slice of the pages, writing the search index, checking
a slice of the content files) read a large, finished state: the checked `Site`. With
`workers` processes, this process takes tasks itself and forks `workers - 1` others
after that state exists, so each inherits it as it is and nothing big is pickled. They
all take the next task from one shared counter, so a long task on one does not hold the
rest up; a task's result (small: the names of the files it wrote, or its checked
entries) comes back pickled.

Results are returned in the order of the tasks, whatever order they finish in, so a
build with workers is byte for byte the build without (tests/test_workers.py). Where
the system cannot fork (Windows), or with one core or one task, the tasks run here,
one after the other. An exception in a task is raised here, as it would be without
workers; a worker that dies (killed, out of memory) raises `WorkerDied`. `serve` forks
from its watcher thread, beside the threads that answer requests: a worker only runs
its tasks (rendering, writing files) and takes none of their locks.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import pickle
import queue
import traceback
from collections.abc import Callable, Sequence
from typing import Any

WORTH_IT_FROM = 1000  # pages or files: below this, forking workers costs more than it saves
_WAIT_SECONDS = 0.1  # how often a waiting run looks whether its workers still live


class WorkerDied(Exception):
    """A worker process stopped before it sent its results: killed, or out of memory."""


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
    """Run every task, on this process and up to `workers - 1` forked ones; their results
    in the order of `tasks`.

    `done(index, result)` is called here as each task finishes, or soon after (for a
    progress bar): a worker's results are heard between the tasks this process runs.
    """
    if workers <= 1 or len(tasks) <= 1 or available() <= 1:
        results = []
        for index, task in enumerate(tasks):
            results.append(task())
            if done:
                done(index, results[-1])
        return results
    gc.freeze()  # the collector would touch every object, and so copy every page, per worker
    try:
        return _Shared(tasks, min(workers, len(tasks)) - 1, done).run()
    finally:
        gc.unfreeze()


class _Shared:
    """One run over this process and forked workers that share a counter of the next task."""

    def __init__(
        self,
        tasks: Sequence[Callable[[], Any]],
        forks: int,
        done: Callable[[int, Any], None] | None,
    ) -> None:
        context = multiprocessing.get_context("fork")
        self.tasks, self.done = tasks, done
        self.next = context.Value("q", 0)  # the index of the next task nobody took
        # (index, the pickled result, or the exception and its traceback, failed)
        self.results: Any = context.Queue()
        self.found: dict[int, Any] = {}
        self.processes = [context.Process(target=self._work, daemon=True) for _ in range(forks)]

    def run(self) -> list[Any]:
        try:
            index = self._take()  # the first task is this process's: the longest, by custom
            for process in self.processes:
                process.start()
            while index is not None:
                self._keep(index, self.tasks[index]())
                give_back_memory()
                self._hear(block=False)
                index = self._take()
            while len(self.found) < len(self.tasks):
                self._hear(block=True)
            for process in self.processes:
                process.join()
            return [self.found[index] for index in range(len(self.tasks))]
        finally:
            with self.next.get_lock():
                self.next.value = len(self.tasks)  # on an error: nobody starts another task
            for process in self.processes:
                if process.is_alive():
                    process.kill()
                process.join()
            self.results.close()

    def _take(self) -> int | None:
        with self.next.get_lock():
            index = self.next.value
            if index >= len(self.tasks):
                return None
            self.next.value = index + 1
            return index

    def _keep(self, index: int, result: Any) -> None:
        self.found[index] = result
        if self.done:
            self.done(index, result)

    def _hear(self, block: bool) -> None:
        """Keep what the workers sent so far; with `block`, wait until something comes.
        Raises a worker's exception, or WorkerDied when a worker stopped with work unsent."""
        while len(self.found) < len(self.tasks):
            try:
                index, sent, failed = self.results.get(block, _WAIT_SECONDS)
            except queue.Empty:
                if not block:
                    return
                self._check_workers()
                continue
            value = pickle.loads(sent)
            if failed:
                error, where = value
                raise error from RemoteTraceback(where)
            self._keep(index, value)
            block = False

    def _check_workers(self) -> None:
        """Raise WorkerDied if a worker was killed, or if all ended with results missing.
        A worker sends everything before it ends, so what it sent is in the pipe by now."""
        stopped = [p.exitcode for p in self.processes if p.exitcode not in (None, 0)]
        if not stopped and any(p.is_alive() for p in self.processes):
            return
        if not stopped:
            self._hear(block=False)
            if len(self.found) == len(self.tasks):
                return
        raise WorkerDied(f"a worker stopped before it sent its results ({stopped})")

    def _work(self) -> None:
        """A forked worker: take tasks until none are left, and send each result back."""
        while (index := self._take()) is not None:
            try:
                sent, failed = pickle.dumps(self.tasks[index]()), False
            except BaseException as error:  # noqa: BLE001 - it is raised in the run
                sent, failed = _pickled_error(error), True
            finally:
                give_back_memory()
            self.results.put((index, sent, failed))
            if failed:
                break
        self.results.close()
        self.results.join_thread()  # every result is in the pipe before this process ends


class RemoteTraceback(Exception):
    """Where in a worker a task's exception was raised: the cause of the one raised here."""

    def __str__(self) -> str:
        return f"\n{self.args[0]}"


def _pickled_error(error: BaseException) -> bytes:
    """The exception and its traceback as text, pickled (as concurrent.futures sends them)."""
    where = "".join(traceback.format_exception(error))
    try:
        return pickle.dumps((error, where))
    except Exception:  # noqa: BLE001 - an exception that cannot travel is told by its text
        return pickle.dumps((RuntimeError(f"{type(error).__name__}: {error}"), where))


def give_back_memory() -> None:
    """Hand the memory that a finished task freed back to the system (glibc keeps it for
    the process otherwise), so that a worker does not hold its largest task's peak for the
    rest of the build. Does nothing where there is no glibc."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return
    trim(0)
