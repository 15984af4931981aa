"""Output as a transaction: a failed build changes nothing, a good one replaces everything.

Trees are compared byte for byte (names, directories and file contents).
"""

from __future__ import annotations

import errno
import fcntl
import filecmp
import os
import shutil
import stat
from pathlib import Path

import jinja2
import pytest

from generator import publish
from generator.build import build
from generator.diagnostics import BuildFailed
from generator.publish import (
    MARKER,
    UnsafeOutput,
    Writer,
    check_output_dir,
    dumps,
    dumps_pieces,
    staging,
)
from tests.helpers import REPO


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every directory (None) and file (its bytes) below `root`, by relative path."""
    return {
        path.relative_to(root).as_posix(): (path.read_bytes() if path.is_file() else None)
        for path in sorted(root.rglob("*"))
    }


def differences(left: Path, right: Path) -> list[str]:
    """Files that are missing on one side or differ in content, in every subdirectory."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def broken_templates(tmp_path: Path) -> Path:
    """A copy of templates/ whose activity page fails to render (after other pages did)."""
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    page = templates / "activity.html"
    source = page.read_text(encoding="utf-8")
    assert "{% block content %}" in source
    page.write_text(
        source.replace("{% block content %}", "{% block content %}{{ bestaat_niet }}"),
        encoding="utf-8",
    )
    return templates


@pytest.fixture
def built(minimal_content, tmp_path: Path) -> tuple[Path, Path, dict[str, bytes | None]]:
    """(content, output, snapshot of output) after one good build."""
    content = minimal_content()
    output = tmp_path / "out"
    build(content, output)
    return content, output, snapshot(output)


# --- A failed build changes nothing --------------------------------------------------


def test_failed_validation_leaves_output_exactly_as_it_was(built, tmp_path: Path) -> None:
    content, output, before = built
    (content / "activiteiten/koffie.md").write_text("---\ntitel: Kapot\n---\n", encoding="utf-8")
    with pytest.raises(BuildFailed):
        build(content, output)
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out"]


def test_failed_rendering_leaves_output_exactly_as_it_was(built, tmp_path: Path) -> None:
    content, output, before = built
    templates = broken_templates(tmp_path / "kapot")
    with pytest.raises(jinja2.UndefinedError):
        build(content, output, templates_dir=templates)
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "kapot", "out"]


def test_strict_failure_leaves_output_exactly_as_it_was(built) -> None:
    content, output, before = built
    (content / "organisaties/wijkteam.md").write_text(
        "---\nnaam: Wijkteam\ngecontroleerd: 2026-01-10\n---\n", encoding="utf-8"
    )
    build(content, output.parent / "los")  # only a warning: builds without --strict
    with pytest.raises(BuildFailed):
        build(content, output, strict=True)
    assert snapshot(output) == before


def test_failed_first_build_creates_no_output(minimal_content, tmp_path: Path) -> None:
    content = minimal_content({"activiteiten/koffie.md": "---\ntitel: Kapot\n---\n"})
    with pytest.raises(BuildFailed):
        build(content, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_exception_while_writing_removes_the_staging_directory(tmp_path: Path) -> None:
    output = tmp_path / "out"
    output.mkdir()
    (output / "index.html").write_text("oud", encoding="utf-8")
    with pytest.raises(RuntimeError), staging(output) as writer:
        writer.write("index.html", "nieuw")
        raise RuntimeError("stroom valt uit")
    assert snapshot(output) == {"index.html": b"oud"}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


# --- A good build replaces everything -------------------------------------------------


def test_successful_build_replaces_the_output_whole(built, tmp_path: Path) -> None:
    content, output, before = built
    assert "activiteiten/koffie/index.html" in before
    (output / "oud-bestand.html").write_text("van een vorige keer", encoding="utf-8")
    (content / "activiteiten/koffie.md").unlink()
    (content / "activiteiten/wandelen.md").write_text(WANDELEN, encoding="utf-8")
    build(content, output)
    after = snapshot(output)
    assert "activiteiten/koffie/index.html" not in after
    assert "activiteiten/koffie" not in after
    assert "oud-bestand.html" not in after
    assert "activiteiten/wandelen/index.html" in after
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out"]


WANDELEN = """---
titel: Wandelen
organisatie: buurthuis
ladder: [1, 2]
toegang: vrij
doelgroepen: [ouderen]
leefgebieden: [contact]
wijken: [centrum]
---
Samen wandelen.
"""


def test_output_is_readable_for_a_web_server(built) -> None:
    _, output, _ = built
    assert stat.S_IMODE(output.stat().st_mode) == 0o755
    assert stat.S_IMODE((output / "index.html").stat().st_mode) & 0o044 == 0o044


def test_two_builds_are_byte_identical(minimal_content, tmp_path: Path) -> None:
    content = minimal_content()
    build(content, tmp_path / "een")
    build(content, tmp_path / "twee")
    assert differences(tmp_path / "een", tmp_path / "twee") == []
    assert snapshot(tmp_path / "een") == snapshot(tmp_path / "twee")


def test_rebuild_in_place_is_byte_identical(built) -> None:
    content, output, before = built
    build(content, output)
    assert snapshot(output) == before


def test_output_does_not_depend_on_where_the_content_is(built, tmp_path: Path, monkeypatch) -> None:
    content, output, before = built
    elsewhere = tmp_path / "ergens" / "anders"
    shutil.copytree(content, elsewhere)
    monkeypatch.chdir(elsewhere)
    build(Path("."), tmp_path / "kopie")
    assert differences(output, tmp_path / "kopie") == []


# --- The writer and the output directory --------------------------------------------


@pytest.mark.parametrize("relpath", ["../buiten.html", "a/../../buiten.html", "/etc/passwd", ""])
def test_writer_refuses_paths_outside_the_output(tmp_path: Path, relpath: str) -> None:
    with pytest.raises(UnsafeOutput, match="^pad buiten de uitvoermap: "):
        Writer(tmp_path).write(relpath, "x")
    assert list(tmp_path.iterdir()) == []


def test_writer_refuses_to_write_one_file_twice(tmp_path: Path) -> None:
    writer = Writer(tmp_path)
    writer.write("a/index.html", "een")
    with pytest.raises(UnsafeOutput) as refused:
        writer.write("a/index.html", "twee")
    assert str(refused.value) == "twee pagina's willen hetzelfde bestand schrijven: a/index.html"
    assert (tmp_path / "a/index.html").read_text(encoding="utf-8") == "een"


def test_output_may_not_contain_the_content(minimal_content, tmp_path: Path) -> None:
    content = minimal_content()
    for output in (content, tmp_path):
        with pytest.raises(UnsafeOutput) as refused:
            check_output_dir(output, [content])
        assert str(refused.value) == (
            f"de uitvoermap {output} is of bevat {content.resolve()}, en die map zou dan"
            " verdwijnen; kies een andere map"
        )


def test_output_may_not_be_the_working_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UnsafeOutput) as refused:
        check_output_dir(Path("."), [])
    assert str(refused.value) == (
        "de uitvoermap . mag niet de huidige map (of een map daarboven), uw eigen map of de"
        " hoofdmap zijn; kies een andere map"
    )


def test_output_may_not_replace_other_files(minimal_content, tmp_path: Path) -> None:
    content = minimal_content()
    before = snapshot(content)
    for output in (content / "organisaties", content / "site.yaml"):
        with pytest.raises(UnsafeOutput) as refused:
            build(content, output)
        assert str(refused.value) == (
            f"de uitvoermap {output} bestaat al, maar is niet door sociale-kaart gemaakt"
            " (het bestand .sociale-kaart-uitvoer ontbreekt); kies een lege of nieuwe map,"
            " zodat er niets verloren gaat"
        )
    assert snapshot(content) == before


def test_output_may_be_new_empty_or_an_earlier_build(built, tmp_path: Path) -> None:
    content, output, _ = built
    (tmp_path / "leeg").mkdir()
    for target in (tmp_path / "nieuw" / "map", tmp_path / "leeg", output):
        build(content, target)
        assert (target / "index.html").is_file()


# --- Hardening: no folder the build did not make is ever replaced ------------------------


def test_a_folder_with_an_index_html_but_no_marker_is_never_wiped(
    minimal_content, tmp_path: Path
) -> None:
    content = minimal_content()
    mine = tmp_path / "mijn-site"
    (mine / ".git").mkdir(parents=True)
    (mine / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (mine / "index.html").write_text("<p>mijn eigen site</p>")
    (mine / "sitemap.xml").write_text("<urlset/>")
    (mine / "scriptie.docx").write_bytes(b"PK\x03\x04")
    before = snapshot(mine)
    with pytest.raises(UnsafeOutput) as refused:
        build(content, mine)
    assert "het bestand .sociale-kaart-uitvoer ontbreekt" in str(refused.value)
    assert "oudere versie van Sociale Kaart" in str(refused.value)  # it looks like a site
    assert snapshot(mine) == before


def test_every_output_carries_the_marker_and_can_be_rebuilt(built) -> None:
    content, output, _ = built
    assert (output / MARKER).read_text(encoding="utf-8").startswith("Deze map is gemaakt door")
    build(content, output)  # the marker makes it replaceable
    assert (output / MARKER).is_file()


def test_parents_of_the_working_directory_are_refused(tmp_path: Path, monkeypatch) -> None:
    work = tmp_path / "werk" / "hier"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    with pytest.raises(UnsafeOutput, match="of een map daarboven"):
        check_output_dir(Path(".."), [])


# --- Hardening: the published output is never missing ------------------------------------


def test_the_swap_is_one_atomic_exchange(built, monkeypatch) -> None:
    """Between the start and the end of the swap, output/ is the old or the new site."""
    content, output, before = built
    seen = []
    real_exchange = publish.exchange

    def watching(a: Path, b: Path) -> None:
        seen.append(snapshot(output) == before)  # just before: the old site, whole
        real_exchange(a, b)
        seen.append((output / MARKER).is_file())  # just after: the new site, whole

    real_replace = os.replace

    def forbidden(a: Path, b: Path) -> None:
        """No rename in or beside the output; the cache folder (kept checks) is elsewhere."""
        if any(Path(path).is_relative_to(output.parent) for path in (a, b)):
            raise AssertionError("with an atomic exchange, nothing is renamed in two steps")
        real_replace(a, b)

    monkeypatch.setattr(publish, "exchange", watching)
    monkeypatch.setattr(publish.os, "replace", forbidden)
    (content / "activiteiten" / "koffie.md").write_text(
        (content / "activiteiten" / "koffie.md").read_text().replace("Koffie-ochtend", "Thee")
    )
    build(content, output)
    assert seen == [True, True]
    assert "Thee" in (output / "activiteiten" / "koffie" / "index.html").read_text()


def test_a_failure_in_the_swap_leaves_the_old_site_and_no_staging_copy(
    built, tmp_path: Path, monkeypatch
) -> None:
    content, output, before = built

    def broken(a: Path, b: Path) -> None:
        raise OSError(5, "Input/output error")  # EIO, as strace -e inject would give

    monkeypatch.setattr(publish, "exchange", broken)
    with pytest.raises(UnsafeOutput, match="kan niet worden geschreven: .*Input/output error"):
        build(content, output)
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out"]


def test_without_an_atomic_exchange_two_renames_still_publish(built, monkeypatch) -> None:
    content, output, _ = built

    def unsupported(a: Path, b: Path) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")  # a file system without exchange

    monkeypatch.setattr(publish, "exchange", unsupported)
    build(content, output)
    assert (output / MARKER).is_file()
    assert [p.name for p in output.parent.iterdir() if p.name.startswith(".out-")] == []


def test_leftovers_of_an_interrupted_build_are_removed_by_the_next(built, tmp_path: Path) -> None:
    content, output, _ = built
    for name in (".out-nieuw-abc123", ".out-oud-def456"):
        (tmp_path / name / "tree").mkdir(parents=True)
        (tmp_path / name / "tree" / "index.html").write_text("half")
    (tmp_path / ".andere-nieuw-x").mkdir()  # another output's: not ours to remove
    build(content, output)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".andere-nieuw-x", "content", "out"]


def test_a_second_build_into_the_same_output_stops_with_a_message(built, tmp_path: Path) -> None:
    content, output, before = built
    handle = os.open(tmp_path, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        with pytest.raises(UnsafeOutput, match="er loopt al een bouw naar"):
            build(content, output)
    finally:
        os.close(handle)
    assert snapshot(output) == before


def test_a_symlinked_output_stays_a_symlink(minimal_content, tmp_path: Path) -> None:
    content = minimal_content()
    release = tmp_path / "releases" / "site"
    release.mkdir(parents=True)
    link = tmp_path / "www"
    link.symlink_to(release, target_is_directory=True)
    build(content, link)
    build(content, link)
    assert link.is_symlink() and link.resolve() == release.resolve()
    assert (release / "index.html").is_file() and (release / MARKER).is_file()


def test_files_are_readable_for_a_web_server_whatever_the_umask(
    minimal_content, tmp_path: Path
) -> None:
    content = minimal_content()
    old = os.umask(0o077)
    try:
        build(content, tmp_path / "out")
    finally:
        os.umask(old)
    modes = {
        stat.S_IMODE(p.stat().st_mode) for p in [tmp_path / "out", *(tmp_path / "out").rglob("*")]
    }
    assert modes == {0o644, 0o755}


# --- The disk or the folder says no (hardening, finding 6) -----------------------------


def _failing_after(files: int, code: int, monkeypatch) -> None:
    """Writer.write fails with `code` after `files` files, as a full disk would."""
    real_write = Writer.write
    written = []

    def write(self, relpath, data):
        if len(written) >= files:
            raise OSError(code, os.strerror(code))
        written.append(relpath)
        return real_write(self, relpath, data)

    monkeypatch.setattr(Writer, "write", write)


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.ENOSPC, "de schijf is vol"), (errno.EFBIG, "een bestand is te groot voor deze schijf")],
)
def test_a_full_disk_is_a_message_and_changes_nothing(
    built, tmp_path: Path, monkeypatch, code: int, reason: str
) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    content, output, before = built
    _failing_after(5, code, monkeypatch)
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--output", "out"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Gestopt: de website kan niet worden geschreven: {reason}. out/ is niet gewijzigd.\n"
    )
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out"]


def test_a_folder_without_write_rights_is_a_message(built, tmp_path: Path, monkeypatch) -> None:
    """As root every folder is writable, so the refusal is injected where the build starts."""
    from click.testing import CliRunner

    from generator.cli import main

    content, output, before = built

    def refused(prefix: str, dir: Path) -> str:
        raise PermissionError(errno.EACCES, "Permission denied", str(Path(dir) / f"{prefix}x"))

    monkeypatch.setattr(publish.tempfile, "mkdtemp", refused)
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--output", "out"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Gestopt: de website kan niet worden geschreven: out: er zijn geen schrijfrechten."
        " out/ is niet gewijzigd.\n"
    )
    assert snapshot(output) == before


@pytest.mark.parametrize("key", ["a", "m", "z"])
@pytest.mark.parametrize("items", [[], [1], [{"b": [1, None], "a": "é’"}, "x", 2.5]])
def test_a_large_list_in_pieces_is_the_same_json(key: str, items: list) -> None:
    data = {"b": {"y": 1, "x": [True]}, "n": None, "q": "tekst"}
    pieces = list(dumps_pieces(data, key, iter(items)))
    assert len(pieces) > len(items)
    assert "".join(pieces) == dumps({**data, key: items})
