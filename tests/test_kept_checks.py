"""The checks kept on disk between two runs give what checking every file again gives.

`check` and `build` reuse the checked entry files of the last run (`kept_checks`). After
each edit of a series (the kinds an editor makes, and the changes elsewhere that must
make every file be checked again), a check through the kept checks is compared with a
check without them: the same entries, the same diagnostics, in the same order. The
series also counts how many files were read and checked again.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import entry_check, kept_checks
from generator.build import build, check
from generator.cli import main
from generator.diagnostics import BuildFailed
from tests import golden_output as golden
from tests.helpers import REPO, edit_file

TODAY = golden.TODAY


def _outcome(content: Path, keep: bool, today: dt.date = TODAY) -> tuple[object, ...]:
    """What a check finds: the entries and every diagnostic (also when it fails)."""
    try:
        site, diags = check(content, today=today, processes=1, keep=keep)
    except BuildFailed as failed:
        return ("mislukt", failed.diagnostics.items)
    return (site.organisations, site.activities, diags.items)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(REPO / "content", folder)
    return folder


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The entry files that were read and checked (in this process: processes=1)."""
    found: list[str] = []
    real = entry_check.check_text

    def counting(text, path, *args):  # type: ignore[no-untyped-def]
        if path.parent.name in ("activiteiten", "organisaties"):  # not paginas/
            found.append(path.name)
        return real(text, path, *args)

    monkeypatch.setattr(entry_check, "check_text", counting)
    return found


def _same_as_checking_all(content: Path, checked: list[str], name: str) -> list[str]:
    """Check through the kept checks, then without them; the files the first checked."""
    checked.clear()
    kept = _outcome(content, keep=True)
    again = list(checked)
    assert kept == _outcome(content, keep=False), name
    return again


def test_every_kind_of_edit_checks_what_checking_all_files_finds(content, checked) -> None:
    activities, orgs = content / "activiteiten", content / "organisaties"
    every = len(list(activities.iterdir())) + len(list(orgs.iterdir()))
    koffie = activities / "koffieochtend-in-de-linde.md"
    assert len(_same_as_checking_all(content, checked, "eerste")) == every
    assert _same_as_checking_all(content, checked, "niets gewijzigd") == []

    os.utime(koffie, ns=(1, 1))  # another stamp, the same bytes
    assert _same_as_checking_all(content, checked, "aangeraakt") == []

    edit_file(koffie, "Koffieochtend in De Linde", "Koffie in De Linde")
    assert _same_as_checking_all(content, checked, "titel") == [koffie.name]

    before = koffie.read_bytes()
    edit_file(koffie, "organisatie: buurthuis-de-linde", "organisatie: buurthuis-de-lind")
    assert _same_as_checking_all(content, checked, "fout") == [koffie.name]
    assert _outcome(content, keep=True)[0] == "mislukt"

    koffie.write_bytes(before)  # the edit undone
    assert _same_as_checking_all(content, checked, "teruggezet") == [koffie.name]

    new = activities / "soep-op-vrijdag.md"
    new.write_bytes(before.replace(b"Koffie in De Linde", b"Soep op vrijdag"))
    assert _same_as_checking_all(content, checked, "nieuw") == [new.name]
    new.unlink()
    assert _same_as_checking_all(content, checked, "verwijderd") == []

    # What the rest of the content says: every file is checked again.
    site = content / "site.yaml"
    edit_file(site, "aanspreekvorm: je", "aanspreekvorm: u")
    assert len(_same_as_checking_all(content, checked, "site.yaml")) == every
    org = (orgs / "buurthuis-de-linde.md").read_text(encoding="utf-8")
    (orgs / "nieuw-buurthuis.md").write_text(org, encoding="utf-8")
    assert len(_same_as_checking_all(content, checked, "organisatie erbij")) == every + 1


def test_another_day_or_working_folder_checks_every_file_again(
    content, checked, monkeypatch, tmp_path
) -> None:
    every = len(_same_as_checking_all(content, checked, "eerste"))
    checked.clear()
    later = TODAY + dt.timedelta(days=400)  # every entry is stale then
    kept = _outcome(content, keep=True, today=later)
    assert len(checked) == every
    assert kept == _outcome(content, False, later)

    monkeypatch.chdir(content)  # the messages name the files from here
    assert len(_same_as_checking_all(Path("."), checked, "hiervandaan")) == every
    assert _same_as_checking_all(Path("."), checked, "weer hier") == []


def test_kept_checks_of_other_code_or_that_others_can_write_are_not_used(
    content, checked, monkeypatch
) -> None:
    every = len(_same_as_checking_all(content, checked, "eerste"))
    head = kept_checks.kept_dir(content) / "inhoud.pickle"
    shards = sorted(head.parent.glob("deel-*.pickle"))
    assert len(shards) > 1 and {p.stat().st_mode & 0o777 for p in [head, *shards]} == {0o600}

    head.chmod(0o666)  # someone else could have put anything in it
    assert len(_same_as_checking_all(content, checked, "schrijfbaar")) == every
    assert head.stat().st_mode & 0o777 == 0o600  # made again
    shards[0].chmod(0o666)
    again = _same_as_checking_all(content, checked, "een deel schrijfbaar")
    assert 0 < len(again) < every

    head.unlink()  # a link to a file of this user with other bytes: not read
    head.symlink_to(content / "site.yaml")
    assert len(_same_as_checking_all(content, checked, "link")) == every
    assert not head.is_symlink()  # made again in its place
    shards[1].unlink()
    os.link(shards[2], shards[1])  # two names of one file: neither is read
    assert 0 < len(_same_as_checking_all(content, checked, "harde link")) < every

    head.write_bytes(b"kapot")
    assert len(_same_as_checking_all(content, checked, "beschadigd")) == every
    shards[0].write_bytes(b"kapot")
    assert 0 < len(_same_as_checking_all(content, checked, "een deel beschadigd")) < every

    monkeypatch.setattr(kept_checks, "code_version", lambda: "een andere versie")
    assert len(_same_as_checking_all(content, checked, "andere code")) == every
    assert _same_as_checking_all(content, checked, "dezelfde code") == []


def test_a_cache_folder_that_cannot_be_written_is_no_error(content, monkeypatch, tmp_path):
    blocked = tmp_path / "een-bestand"
    blocked.write_text("geen map", encoding="utf-8")
    monkeypatch.setenv("SOCIALE_KAART_CACHE", str(blocked))
    assert _outcome(content, keep=True) == _outcome(content, keep=False)
    assert blocked.read_text(encoding="utf-8") == "geen map"


def test_a_build_through_the_kept_checks_is_byte_identical(content, tmp_path) -> None:
    build(content, tmp_path / "warm-maken", today=TODAY)
    edit_file(content / "activiteiten" / "koffieochtend-in-de-linde.md", "Koffieochtend", "Koffie")
    build(content, tmp_path / "met", today=TODAY)
    build(content, tmp_path / "zonder", today=TODAY, keep=False)
    warm, cold = golden.files_of(tmp_path / "met"), golden.files_of(tmp_path / "zonder")
    assert sorted(warm) == sorted(cold)
    assert [path for path in cold if warm[path] != cold[path]] == []


def test_an_edit_rewrites_one_shard_and_another_generation_is_not_used(content, checked):
    every = len(_same_as_checking_all(content, checked, "eerste"))
    folder = kept_checks.kept_dir(content)
    written = {path: path.stat().st_mtime_ns for path in folder.iterdir()}
    koffie = content / "activiteiten" / "koffieochtend-in-de-linde.md"
    edit_file(koffie, "Koffieochtend in De Linde", "Koffie in De Linde")
    assert _same_as_checking_all(content, checked, "titel") == [koffie.name]
    rewritten = [path.name for path in folder.iterdir() if path.stat().st_mtime_ns != written[path]]
    assert len(rewritten) == 1 and rewritten[0].startswith("deel-")

    # A check of other content from here (another day) starts a new generation: the
    # shards it did not rewrite are of the old one, and are not used.
    later = TODAY + dt.timedelta(days=400)
    old = {path.name: path.read_bytes() for path in folder.glob("deel-*.pickle")}
    _outcome(content, keep=True, today=later)
    (folder / rewritten[0]).write_bytes(old[rewritten[0]])  # one shard of the old generation
    checked.clear()
    kept = _outcome(content, keep=True, today=later)
    assert 0 < len(checked) < every
    assert kept == _outcome(content, keep=False, today=later)


def test_zonder_cache_neither_reads_nor_keeps_the_checks(content) -> None:
    kept = kept_checks.kept_dir(content)
    result = CliRunner().invoke(main, ["check", "--content", str(content), "--zonder-cache"])
    assert result.exit_code == 0, result.output
    assert not kept.exists()
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--output",
                                       str(content.parent / "uit"), "--zonder-cache"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert not kept.exists()
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 0, result.output
    assert kept.exists()


def test_what_no_build_used_for_a_month_is_removed(content, monkeypatch, tmp_path) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SOCIALE_KAART_CACHE", str(cache))
    month_ago = time.time() - 31 * 86_400
    for name in ("controles-weg", "controles-blijft"):
        (cache / name).mkdir(parents=True)
        (cache / name / "inhoud.pickle").write_bytes(b"oud")
        (cache / name / "deel-00.pickle").write_bytes(b"oud")
        os.utime(cache / name / "inhoud.pickle", (month_ago, month_ago))
    os.utime(cache / "controles-weg" / "deel-00.pickle", (month_ago, month_ago))
    (cache / "woordenlijst-oud.marisa").write_bytes(b"oud")
    os.utime(cache / "woordenlijst-oud.marisa", (month_ago, month_ago))
    (cache / "woordenlijst-gebruikt.marisa").write_bytes(b"oud")
    _outcome(content, keep=True)
    assert {p.name for p in cache.iterdir()} == {
        "controles-blijft",
        kept_checks.kept_dir(content).name,
        "woordenlijst-gebruikt.marisa",
    }


def test_serve_starts_from_the_kept_checks(content, tmp_path) -> None:
    from generator.build import DEFAULT_TEMPLATES
    from generator.incremental import LiveBuild

    _outcome(content, keep=True)  # an editor's check before `serve`
    live = LiveBuild(content, tmp_path / "geserveerd", DEFAULT_TEMPLATES, day=lambda: TODAY)
    assert live.build().full
    assert live.cache.checked == 0  # every entry file came from what the check kept
    build(content, tmp_path / "vers", today=TODAY, keep=False)
    served, fresh = golden.files_of(tmp_path / "geserveerd"), golden.files_of(tmp_path / "vers")
    assert sorted(served) == sorted(fresh)
    assert [path for path in fresh if served[path] != fresh[path]] == []
