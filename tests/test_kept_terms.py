"""The terms kept between builds give the index that making every term again gives.

`search.kept_terms` keeps the counted terms of each field text on disk. The index made
through them must be the very payload made without them, when nothing was kept yet,
when all was, and after texts changed; and what another word list or damaged file
holds is not used.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import check
from generator.search import compounds
from generator.search import documents as search_documents
from generator.search.encoding import encode_rows
from generator.search.kept_terms import KeptTerms
from tests.helpers import REPO


def _encoded(documents, words, kept=None):  # type: ignore[no-untyped-def]
    settings, lengths, rows = encode_rows(documents, words, kept)
    return settings, lengths, list(rows)


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder of each test's own: nothing kept by the other tests of the session."""
    monkeypatch.setenv("SOCIALE_KAART_CACHE", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def documents() -> list[search_documents.Document]:
    site, _ = check(REPO / "content")
    return search_documents.build_documents(site)


def test_the_index_through_kept_terms_is_the_index_without(documents) -> None:
    words = compounds.word_list()
    expected = _encoded(documents, words)
    first = KeptTerms(words)
    assert _encoded(documents, words, first) == expected
    assert first.made > 100  # nothing kept yet
    first.save()
    second = KeptTerms(words)
    assert _encoded(documents, words, second) == expected
    assert second.made == 0  # every text came from disk

    # One text changed: that one is made, and the index is the one without kept terms.
    changed = [
        search_documents.Document(
            {**doc.fields, "b": doc.fields["b"] + " zwembadbezoek"}, doc.display
        )
        if n == 0
        else doc
        for n, doc in enumerate(documents)
    ]
    second.save()
    third = KeptTerms(words)
    assert _encoded(changed, words, third) == _encoded(changed, words)
    assert third.made == 1


def test_kept_terms_of_another_word_list_or_a_damaged_file_are_not_used(
    documents, tmp_path: Path
) -> None:
    words = compounds.word_list()
    kept = KeptTerms(words)
    _encoded(documents, words, kept)
    kept.save()
    assert kept.path is not None
    other = compounds.WordList(["zwem", "bad"], "een andere lijst")
    through = KeptTerms(other)
    assert _encoded(documents, other, through) == _encoded(documents, other)
    assert through.made > 100
    kept.path.write_bytes(b"kapot")
    damaged = KeptTerms(words)
    assert _encoded(documents, words, damaged) == _encoded(documents, words)
    assert damaged.made > 100
    without = KeptTerms(words, keep=False)
    _encoded(documents, words, without)
    without.save()
    assert kept.path.read_bytes() == b"kapot"  # keep=False neither reads nor writes
