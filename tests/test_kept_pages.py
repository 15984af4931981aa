"""Pages taken from the previous output give the folder that rendering every page gives.

`build` links the pages of entries whose key did not change from the previous output
(`kept_pages`). After each edit of a series (the kinds an editor makes, and the changes
that every page depends on), the folder is compared, file by file, with a build that
renders everything (`keep=False`, into a new folder); the series also counts how many
pages were taken over, so a test of reuse cannot pass by rendering everything.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from generator import kept_pages
from generator.build import DEFAULT_TEMPLATES, BuildReport, build
from generator.diagnostics import BuildFailed
from tests import golden_output as golden
from tests.helpers import REPO, edit_file

TODAY = golden.TODAY


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(REPO / "content", folder)
    return folder


def _build(content: Path, out: Path, **options: object) -> BuildReport:
    return build(content, out, processes=1, **{"today": TODAY, **options})  # type: ignore[arg-type]


def _same_as_rendering_all(
    content: Path, out: Path, tmp_path: Path, name: str, **options: object
) -> None:
    fresh = tmp_path / f"alles-{name}"
    _build(content, fresh, keep=False, **options)
    built, expected = golden.files_of(out), golden.files_of(fresh)
    assert sorted(built) == sorted(expected), name
    assert [p for p in expected if built[p] != expected[p]] == [], name


def _entry_pages(report: BuildReport) -> int:
    return report.activities + report.organisations


def test_every_kind_of_edit_gives_the_folder_of_rendering_every_page(content, tmp_path) -> None:
    out = tmp_path / "site"
    first = _build(content, out)
    assert first.reused == 0  # nothing to take over yet
    entries = _entry_pages(first)

    # Nothing changed: every page of an entry is taken over.
    assert _build(content, out).reused == entries
    _same_as_rendering_all(content, out, tmp_path, "niets")

    # A title: its own page and its organisation's page are rendered, no other.
    activities, orgs = content / "activiteiten", content / "organisaties"
    edit_file(activities / "koffieochtend-in-de-linde.md", "Koffieochtend in De Linde", "Koffie")
    assert _build(content, out).reused == entries - 2
    _same_as_rendering_all(content, out, tmp_path, "titel")

    # An organisation's name: its page and the pages of its activities and partners.
    edit_file(orgs / "buurthuis-de-linde.md", "naam: Buurthuis De Linde", "naam: Buurthuis Linde")
    report = _build(content, out)
    assert 0 < report.reused < entries - 2
    _same_as_rendering_all(content, out, tmp_path, "organisatie")

    # A new activity with a partner, then it moves to another organisation, then it goes.
    new = (activities / "koffieochtend-in-de-linde.md").read_text(encoding="utf-8")
    (activities / "nieuwe-soep.md").write_text(
        new.replace("Koffie", "Soep op vrijdag").replace(
            "organisatie: buurthuis-de-linde",
            "organisatie: buurthuis-de-linde\npartners: [diaconie-de-ark]",
        ),
        encoding="utf-8",
    )
    assert 0 < _build(content, out).reused < entries
    _same_as_rendering_all(content, out, tmp_path, "nieuw")
    edit_file(
        activities / "nieuwe-soep.md",
        "organisatie: buurthuis-de-linde",
        "organisatie: bibliotheek-veenland",
    )
    assert 0 < _build(content, out).reused < entries + 1
    _same_as_rendering_all(content, out, tmp_path, "verhuisd")
    (activities / "nieuwe-soep.md").unlink()
    assert 0 < _build(content, out).reused < entries
    _same_as_rendering_all(content, out, tmp_path, "weg")

    # A failed build leaves the output and what was kept of it: all is taken over after.
    edit_file(activities / "koffieochtend-in-de-linde.md", "toegang: vrij", "toegang: vrijj")
    with pytest.raises(BuildFailed):
        _build(content, out)
    edit_file(activities / "koffieochtend-in-de-linde.md", "toegang: vrijj", "toegang: vrij")
    assert _build(content, out).reused == entries

    # What every page depends on: site.yaml, the taxonomy, the day.
    edit_file(content / "site.yaml", "titel: Sociale Kaart", "titel: De Sociale Kaart")
    assert _build(content, out).reused == 0
    _same_as_rendering_all(content, out, tmp_path, "site.yaml")
    taxonomy = content / "taxonomie.yaml"
    edit_file(taxonomy, "naam: Ouderen", "naam: Senioren")
    assert _build(content, out).reused == 0
    _same_as_rendering_all(content, out, tmp_path, "taxonomie")
    later = TODAY + dt.timedelta(days=1)
    assert _build(content, out, today=later).reused == 0
    _same_as_rendering_all(content, out, tmp_path, "dag", today=later)


def test_a_changed_template_renders_every_page(content, tmp_path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(DEFAULT_TEMPLATES, templates)
    out = tmp_path / "site"
    _build(content, out, templates_dir=templates)
    page = templates / "activity.html"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _build(content, out, templates_dir=templates).reused == 0
    _same_as_rendering_all(content, out, tmp_path, "sjabloon", templates_dir=templates)


def test_pages_are_linked_not_copied_and_a_changed_file_is_rendered_again(
    content, tmp_path
) -> None:
    out = tmp_path / "site"
    entries = _entry_pages(_build(content, out))
    page = out / "activiteiten" / "koffieochtend-in-de-linde" / "index.html"
    inode = page.stat().st_ino
    assert _build(content, out).reused == entries
    assert (page.stat().st_ino, page.stat().st_nlink) == (inode, 1)  # the old tree is gone

    # Someone changed a file of the output: that page is made again, the rest taken over.
    page.write_bytes(page.read_bytes().replace(b"Koffieochtend", b"Thee"))
    assert _build(content, out).reused == entries - 1
    _same_as_rendering_all(content, out, tmp_path, "veranderd")
    page.unlink()
    assert _build(content, out).reused == entries - 1
    _same_as_rendering_all(content, out, tmp_path, "verdwenen")


def test_what_is_not_to_be_trusted_takes_over_nothing(content, tmp_path, monkeypatch) -> None:
    out = tmp_path / "site"
    _build(content, out)
    kept = kept_pages._list_of(out)
    assert json.loads(kept.read_text(encoding="utf-8"))["pages"]

    os.chmod(kept, 0o666)  # others could have written it
    assert _build(content, out).reused == 0
    kept.write_text("{niet heel", encoding="utf-8")  # damaged
    assert _build(content, out).reused == 0
    monkeypatch.setattr(kept_pages, "code_version", lambda: "andere code")
    assert _build(content, out).reused == 0  # another version of Sociale Kaart kept it
    monkeypatch.undo()

    # --zonder-cache renders everything and forgets what was kept for this folder.
    assert _build(content, out, keep=False).reused == 0
    assert not kept.exists()
    assert _build(content, out).reused == 0
    moved = tmp_path / "elders"
    shutil.copytree(out, moved)  # the same files elsewhere: its own list, none kept yet
    assert _build(content, moved).reused == 0


def test_a_file_with_the_same_bytes_is_linked_from_the_previous_output(tmp_path) -> None:
    from generator.publish import Writer

    old = tmp_path / "oud"
    first = Writer(old)
    for name, data in {
        "zelfde.json": b"{}\n",
        "anders.json": b"[1]\n",
        "link.json": b"{}\n",
    }.items():
        first.write(name, data)
    (old / "link.json").unlink()
    (old / "link.json").symlink_to(old / "zelfde.json")  # never followed
    first.write("open.json", b"{}\n")
    os.chmod(old / "open.json", 0o666)  # not as we write them: written again
    new = Writer(tmp_path / "nieuw", previous=old)
    for name in ("zelfde.json", "anders.json", "link.json", "open.json", "nieuw.json"):
        new.write(name, b"{}\n")
    new.write_chunks("stukken.json", (b"{", b"}\n"))  # in pieces: written, not compared
    linked = sorted(
        p.name
        for p in new.root.iterdir()
        if (old / p.name).exists()
        and not (old / p.name).is_symlink()
        and p.stat().st_ino == (old / p.name).stat().st_ino
    )
    assert linked == ["zelfde.json"]
    assert {p.name: p.read_bytes() for p in new.root.iterdir()} == {
        name: (b"{}\n")
        for name in (
            "zelfde.json",
            "anders.json",
            "link.json",
            "open.json",
            "nieuw.json",
            "stukken.json",
        )
    }
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in new.root.iterdir())
    served = Writer(tmp_path / "serve", replace=True, previous=old)  # a live folder: never
    served.write("zelfde.json", b"{}\n")
    assert (served.root / "zelfde.json").stat().st_ino != (old / "zelfde.json").stat().st_ino
