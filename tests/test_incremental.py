"""What serve builds after an edit is byte for byte what a full build makes.

`incremental.LiveBuild` renders only the pages of entries whose content changed, writes
the rest of the site again and removes what a full build would no longer make. After
each edit of a series (the kinds an editor makes), the folder it keeps is compared,
file by file, with a fresh full build of the same content.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import DEFAULT_TEMPLATES, build
from generator.diagnostics import BuildFailed
from generator.incremental import LiveBuild
from tests import golden_output as golden
from tests.helpers import REPO, edit_file

TODAY = golden.TODAY


def _same_as_a_full_build(content: Path, served: Path, tmp_path: Path, name: str) -> None:
    fresh = tmp_path / f"vers-{name}"
    build(content, fresh, today=TODAY)
    built, expected = golden.files_of(served), golden.files_of(fresh)
    assert sorted(built) == sorted(expected), name
    assert [p for p in expected if built[p] != expected[p]] == [], name
    leftovers = [p for p in served.rglob("*") if p.is_dir() and not any(p.iterdir())]
    assert leftovers == [], name  # no empty folders of deleted pages


@pytest.fixture
def live(tmp_path: Path) -> tuple[LiveBuild, Path]:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    site = LiveBuild(content, tmp_path / "site", DEFAULT_TEMPLATES, day=lambda: TODAY)
    first = site.build()
    assert first.full
    return site, content


def test_every_kind_of_edit_gives_the_folder_of_a_full_build(live, tmp_path) -> None:
    site, content = live
    served = site.output_dir
    activities, orgs = content / "activiteiten", content / "organisaties"
    ready: list[int] = []

    # A title: its own page and the page of its organisation, nothing else.
    edit_file(
        activities / "koffieochtend-in-de-linde.md",
        "Koffieochtend in De Linde",
        "Koffie in De Linde",
    )
    result = site.build(pages_ready=lambda: ready.append(1))
    assert (result.full, result.rendered, ready) == (False, 2, [1])
    assert site.cache.checked == 1  # the other files came from the cache
    _same_as_a_full_build(content, served, tmp_path, "titel")

    # An organisation's name: its page, its activities' pages, and pages that list them.
    edit_file(orgs / "buurthuis-de-linde.md", "naam: Buurthuis De Linde", "naam: Buurthuis Linde")
    result = site.build()
    assert not result.full and result.rendered > 2
    _same_as_a_full_build(content, served, tmp_path, "organisatie")

    # A new activity, with a partner.
    new = (activities / "koffieochtend-in-de-linde.md").read_text(encoding="utf-8")
    (activities / "nieuwe-soep.md").write_text(
        new.replace("Koffie in De Linde", "Soep op vrijdag").replace(
            "organisatie: buurthuis-de-linde",
            "organisatie: buurthuis-de-linde\npartners: [diaconie-de-ark]",
        ),
        encoding="utf-8",
    )
    assert not site.build().full
    _same_as_a_full_build(content, served, tmp_path, "nieuw")

    # An activity moves to another organisation.
    edit_file(
        activities / "nieuwe-soep.md",
        "organisatie: buurthuis-de-linde",
        "organisatie: bibliotheek-veenland",
    )
    assert not site.build().full
    _same_as_a_full_build(content, served, tmp_path, "verhuisd")

    # An activity is deleted: its page, its agenda and its open data go.
    (activities / "nieuwe-soep.md").unlink()
    assert not site.build().full
    _same_as_a_full_build(content, served, tmp_path, "weg")

    # A mistake: the build stops, and the folder stays as it was.
    before = golden.files_of(served)
    edit_file(activities / "koffieochtend-in-de-linde.md", "toegang: vrij", "toegang: vrijj")
    with pytest.raises(BuildFailed):
        site.build()
    assert golden.files_of(served) == before
    edit_file(activities / "koffieochtend-in-de-linde.md", "toegang: vrijj", "toegang: vrij")
    assert not site.build().full
    _same_as_a_full_build(content, served, tmp_path, "hersteld")

    # Anything site-wide: a full build.
    edit_file(content / "site.yaml", "titel: Sociale Kaart", "titel: De Sociale Kaart")
    assert site.build().full
    _same_as_a_full_build(content, served, tmp_path, "site.yaml")


def test_an_edit_that_changes_nothing_on_the_pages_renders_no_page(live, tmp_path) -> None:
    site, content = live
    path = content / "activiteiten" / "koffieochtend-in-de-linde.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = site.build()
    assert (result.full, result.rendered) == (False, 0)
    assert site.cache.checked == 1
    _same_as_a_full_build(content, site.output_dir, tmp_path, "witregel")
