"""The build's output equals the recorded golden output (tests/golden/), byte for byte."""

from __future__ import annotations

from pathlib import Path

from tests import golden_output as golden
from tests.helpers import REPO


def test_small_corpus_equals_the_recorded_tree(tmp_path: Path) -> None:
    built = golden.files_of(golden.build_tree(golden.SMALL_CONTENT, tmp_path / "out"))
    expected = golden.read_manifest(
        (golden.SMALL_EXPECTED / golden.MANIFEST_NAME).read_text(encoding="utf-8")
    )
    kept = {
        p.relative_to(golden.SMALL_EXPECTED).as_posix()
        for p in golden.SMALL_EXPECTED.rglob("*")
        if p.is_file() and p.name != golden.MANIFEST_NAME
    }
    # The kept tree and the manifest tell the same story.
    assert kept == {p for p in expected if golden._kept(p)}
    assert golden.compare(built, expected, golden.SMALL_EXPECTED) == ""


def test_example_site_equals_the_recorded_manifest(tmp_path: Path) -> None:
    built = golden.files_of(golden.build_tree(REPO / "content", tmp_path / "out"))
    expected = golden.read_manifest(golden.EXAMPLE_MANIFEST.read_text(encoding="utf-8"))
    assert golden.compare(built, expected) == ""


def test_a_difference_names_the_file_and_its_first_differing_lines(tmp_path: Path) -> None:
    page = "activiteiten/koffie/index.html"
    recorded = (golden.SMALL_EXPECTED / page).read_bytes()
    changed = recorded.replace(b"Koffie-ochtend", b"Thee-middag", 1)
    expected = golden.read_manifest(
        (golden.SMALL_EXPECTED / golden.MANIFEST_NAME).read_text(encoding="utf-8")
    )
    actual = {page: changed, "nieuw.html": b"x"}
    report = golden.compare(actual, expected, golden.SMALL_EXPECTED)
    assert f"anders: {page}\n" in report
    assert "nieuw: nieuw.html\n" in report
    assert "ontbreekt: index.html\n" in report
    assert "-" in report and "+" in report and "Thee-middag" in report
    assert report.endswith("make golden\n")
