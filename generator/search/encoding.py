"""The compact index straight from the documents, as the build writes it.

`index.encode_index` reads a lunr Builder filled by `index.terms_builder`; that keeps a
dict per document field and per posting, some 100 MB at 10,000 activities, only to be
read once. `encode_documents` makes the same payload (tests/test_search.py holds them
equal) from arrays of (document, term frequency) pairs per term and field, filled in
document order, so the references come out sorted.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import Any

from lunr.idf import idf as lunr_idf

from .compounds import WordList
from .documents import FORMAT_VERSION, Document
from .index import FIELDS, IDF_SCALE, DutchBuilder
from .kept_terms import KeptTerms


def encode_documents(documents: Sequence[Document], words: WordList | None) -> dict[str, Any]:
    """What `encode_index(terms_builder(documents, words))` gives, in a fraction of the memory."""
    settings, lengths, rows = encode_rows(documents, words)
    terms, idf, postings = [], [], []
    for term, term_idf, row in rows:
        terms.append(term)
        idf.append(term_idf)
        postings.append(row)
    return {**settings, "lengths": lengths, "terms": terms, "idf": idf, "postings": postings}


def encode_rows(
    documents: Sequence[Document], words: WordList | None, kept: KeptTerms | None = None
) -> tuple[dict[str, Any], list[list[int]], Iterator[tuple[str, int, list[list[int]]]]]:
    """The encoded index as (settings, lengths, rows): the rows (term, idf, postings) in
    term order, each made when it is read and then let go (shards.split_rows). The terms
    of each text come from `kept` when given (the terms kept by the builds before)."""
    counted = (kept or KeptTerms(words, keep=False)).counted
    names = [name for name, _ in FIELDS]
    count = len(documents)
    lengths = [[0] * count for _ in names]
    postings: dict[str, list[array[int]]] = {}
    for ref, doc in enumerate(documents):
        for f, name in enumerate(names):
            length, terms, frequencies = counted(doc.fields[name])
            lengths[f][ref] = length
            for term, tf in zip(terms, frequencies, strict=True):
                row = postings.get(term)
                if row is None:
                    row = postings[term] = [array("l") for _ in names]
                row[f].extend((ref, tf))
    builder = DutchBuilder()  # its settings and search pipeline, as the browser needs them
    settings = {
        "v": FORMAT_VERSION,
        "fields": names,
        "boosts": [boost for _, boost in FIELDS],
        "k1": builder._k1,
        "b": builder._b,
        "averages": [sum(per_field) / count if count else 0 for per_field in lengths],
        "pipeline": builder.search_pipeline.serialize(),
        "idfScale": IDF_SCALE,
    }

    def rows() -> Iterator[tuple[str, int, list[list[int]]]]:
        for term in sorted(postings):
            row = postings.pop(term)
            posting = {field: _Documents(len(pairs) // 2) for field, pairs in enumerate(row)}
            idf = round(lunr_idf(posting, count) * IDF_SCALE)
            yield term, idf, [_as_differences(pairs) for pairs in row]

    return settings, lengths, rows()


class _Documents:
    """A posting field as lunr's idf reads it: only how many documents it has."""

    def __init__(self, count: int) -> None:
        self.count = count

    def keys(self) -> range:
        return range(self.count)


def _as_differences(pairs: array[int]) -> list[int]:
    """[ref, tf, ref, tf, ...] with each ref after the first as the step from the one before."""
    out = pairs.tolist()
    for i in range(len(out) - 2, 0, -2):
        out[i] -= out[i - 2]
    return out
