"""Work on several processes gives the same result as work on one, byte for byte.

The build shares its outputs, and `check` its entry files, over worker processes
(generator/workers.py). These tests make the tasks small, so that even the example
site is cut into many tasks over two workers, and compare with one process.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import entry_files, outputs, workers
from generator.build import build
from generator.diagnostics import Diagnostics
from generator.loader import load_content
from tests import golden_output as golden
from tests.helpers import REPO

TODAY = golden.TODAY
needs_two = pytest.mark.skipif(workers.available() < 2, reason="this machine has one core")


def test_tasks_come_back_in_their_order_from_other_processes() -> None:
    here, two = os.getpid(), workers.available() >= 2
    elsewhere = multiprocessing.get_context("fork").Event()

    def task(i: int) -> tuple[int, int]:
        if i == 0 and two:  # this process holds the first task until the worker ran one;
            assert elsewhere.wait(60)  # else it could take all 40 before the worker starts
        if os.getpid() != here:
            elsewhere.set()
        return i, os.getpid()

    results = workers.run([lambda i=i: task(i) for i in range(40)], 2)
    assert [i for i, _ in results] == list(range(40))
    if two:
        assert {pid for _, pid in results} - {here}  # really elsewhere too


@needs_two
def test_this_process_takes_tasks_beside_one_worker_while_a_long_task_runs() -> None:
    """With two processes, this one and one forked worker share the tasks: while this one
    holds the first (long) task, the worker takes every short one, in order."""
    here = os.getpid()
    all_short_done = multiprocessing.get_context("fork").Event()

    def long_here() -> int:
        assert all_short_done.wait(60)  # only the worker can take the short tasks meanwhile
        return os.getpid()

    def short(last: bool) -> int:
        if last:
            all_short_done.set()
        return os.getpid()

    shorts = [lambda last=(i == 19): short(last) for i in range(20)]
    results = workers.run([long_here, *shorts], 2)
    assert results[0] == here  # this process takes the first task
    assert set(results[1:]) == {results[1]} != {here}  # one worker took all the rest


def test_a_failing_task_fails_the_run_with_its_own_error() -> None:
    def broken() -> None:
        raise ValueError("kapot in taak 3")

    tasks = [lambda: 1, lambda: 2, broken, lambda: 4]
    with pytest.raises(ValueError, match="kapot in taak 3"):
        workers.run(tasks, 2)


@needs_two
def test_a_task_that_fails_in_a_worker_says_where_it_failed_there() -> None:
    failed = multiprocessing.get_context("fork").Event()

    def waits() -> int:
        assert failed.wait(60)  # this process holds the first task; the worker takes the next
        return 1

    def broken_in_the_worker() -> None:
        failed.set()
        raise ValueError("kapot in het werkproces")

    with pytest.raises(ValueError, match="kapot in het werkproces") as raised:
        workers.run([waits, broken_in_the_worker], 2)
    cause = raised.value.__cause__
    assert isinstance(cause, workers.RemoteTraceback)
    assert "in broken_in_the_worker" in str(cause) and "kapot in het werkproces" in str(cause)


def test_progress_hears_of_every_task_once() -> None:
    heard: list[int] = []
    workers.run([lambda i=i: i for i in range(9)], 2, lambda index, _result: heard.append(index))
    assert sorted(heard) == list(range(9))


@needs_two
def test_the_build_on_two_processes_equals_the_build_on_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(outputs, "PAGES_PER_TASK", 7)  # some forty tasks of pages
    monkeypatch.setattr(entry_files, "FILES_PER_TASK", 9)
    # Without kept checks: the second build would take its checks from the first.
    one = build(REPO / "content", tmp_path / "een", today=TODAY, processes=1, keep=False)
    monkeypatch.setattr(outputs, "SHARE_WITH_PAGES_FROM", 0)  # index and open data in one task
    two = build(REPO / "content", tmp_path / "twee", today=TODAY, processes=2, keep=False)
    assert outputs.INDEX_AND_DATA in dict(two.steps) and outputs.INDEX_AND_DATA not in dict(
        one.steps
    )
    assert (one.processes, two.processes) == (1, 2)
    assert one.files == two.files
    built_one = golden.files_of(tmp_path / "een")
    built_two = golden.files_of(tmp_path / "twee")
    assert sorted(built_one) == sorted(built_two)
    different = [p for p in built_one if built_one[p] != built_two[p]]
    assert different == []
    assert [d.format() for d in one.diagnostics.sorted()] == [
        d.format() for d in two.diagnostics.sorted()
    ]


@needs_two
def test_checking_on_two_processes_finds_the_same_problems(tmp_path, monkeypatch) -> None:
    """Errors and warnings, in their order, and the same entries: with broken files among
    good ones, in organisations and activities."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    activities = sorted((content / "activiteiten").glob("*.md"))
    activities[3].write_text("---\ntitel: [niet af\n---\n", encoding="utf-8")
    activities[20].write_text(
        activities[20].read_text(encoding="utf-8").replace("organisatie:", "organisatie: xx\n#"),
        encoding="utf-8",
    )
    (content / "organisaties" / "Fout Naam.md").write_text("x", encoding="utf-8")
    orgs = sorted((content / "organisaties").glob("*.md"))
    orgs[2].write_text("---\nnaam: \n---\n", encoding="utf-8")
    monkeypatch.setattr(entry_files, "FILES_PER_TASK", 5)

    def loaded(processes: int) -> tuple[object, list[str], list[str]]:
        diags = Diagnostics()
        found = load_content(content, diags, dt.date(2026, 6, 1), processes)
        return found, [d.format() for d in diags.items], [d.path for d in diags.errors]

    one, two = loaded(1), loaded(2)
    assert one[2], "the broken files give errors"
    assert one == two
    assert diags_has_error_paths(content, two[2])


def diags_has_error_paths(content: Path, error_paths: list[str]) -> bool:
    """Errors recorded on a worker still count for their file (`has_errors_in`)."""
    diags = Diagnostics()
    load_content(content, diags, dt.date(2026, 6, 1), 2)
    return all(diags.has_errors_in(path) for path in error_paths)


def test_a_small_site_is_built_on_one_process_unless_asked(tmp_path) -> None:
    report = build(REPO / "content", tmp_path / "out", today=TODAY)
    assert report.processes == 1  # under workers.WORTH_IT_FROM pages: forking would cost more


@needs_two
def test_a_worker_that_dies_fails_the_run_and_the_command_says_what_to_do(
    minimal_content, monkeypatch
) -> None:
    """A worker killed (out of memory, say) is not a content error: the command stops with
    exit 2, says to try one process, and leaves the output as it was."""
    from click.testing import CliRunner

    from generator.cli import main

    here = os.getpid()

    def dying_in_a_worker() -> Callable[[], int]:
        taken = multiprocessing.get_context("fork").Event()

        def task() -> int:
            if os.getpid() != here:
                taken.set()
                os._exit(9)
            assert taken.wait(60)  # this process waits until the worker took a task
            return 1

        return task

    with pytest.raises(workers.WorkerDied):
        workers.run([dying_in_a_worker()] * 3, 2)

    minimal_content()

    def dying_build(*args, **kwargs):
        return workers.run([dying_in_a_worker()] * 2, 2)

    monkeypatch.setattr("generator.build.build", dying_build)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Gestopt: het werk brak onverwacht af, waarschijnlijk omdat het geheugen van de computer"
        " op was. Probeer het opnieuw met --processen 1: dat gebruikt minder geheugen."
        " output/ is niet gewijzigd."
    ]
    assert not Path("output").exists()


def test_processen_chooses_how_many_processes_work(minimal_content) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    minimal_content()
    refused = CliRunner().invoke(main, ["build", "--processen", "0"])
    assert refused.exit_code == 2
    assert "Fout: Ongeldige waarde voor '--processen': kies 1 of meer" in refused.stderr
    built = CliRunner().invoke(main, ["build", "--processen", "2"])
    assert built.exit_code == 0, built.stderr
    assert CliRunner().invoke(main, ["check", "--processen", "2"]).exit_code == 0
