"""The search index in two files: the core first, the full text after it.

A phone should see its first result before the whole index has arrived, so the
encoded index (index.encode_index) is split by field. zoeken/index.json holds
every term that occurs in a title, zoektermen or a taxonomy name, with those
fields; zoeken/index-tekst.json holds, for every term of a description, the
description field. `merge` puts them back together into exactly the encoded index
(tested), which the Python reference reads and the browser reads once the second
file is in (js/zoeken/index.js mergeIndex, the same steps). No I/O.
"""

from __future__ import annotations

from typing import Any

TEXT_FIELD = "b"


def split(full: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(core, text) of an encoded index."""
    f = full["fields"].index(TEXT_FIELD)
    core_terms, core_idf, core_postings = [], [], []
    text_terms, text_idf, text_postings = [], [], []
    for term, idf, row in zip(full["terms"], full["idf"], full["postings"], strict=True):
        if any(posting for n, posting in enumerate(row) if n != f):
            core_terms.append(term)
            core_idf.append(idf)
            core_postings.append([posting if n != f else [] for n, posting in enumerate(row)])
        if row[f]:
            text_terms.append(term)
            text_idf.append(idf)
            text_postings.append(row[f])
    lengths = list(full["lengths"])
    text_lengths, lengths[f] = lengths[f], []
    core = {
        **full,
        "terms": core_terms,
        "idf": core_idf,
        "postings": core_postings,
        "lengths": lengths,
    }
    text = {
        "v": full["v"],
        "field": TEXT_FIELD,
        "terms": text_terms,
        "idf": text_idf,
        "postings": text_postings,
        "lengths": text_lengths,
    }
    return core, text


def merge(core: dict[str, Any], text: dict[str, Any]) -> dict[str, Any]:
    """The encoded index that `split` made these two from."""
    f = core["fields"].index(text["field"])
    rows: dict[str, tuple[int, list[list[int]]]] = {}
    empty = [[] for _ in core["fields"]]
    for term, idf, row in zip(core["terms"], core["idf"], core["postings"], strict=True):
        rows[term] = (idf, list(row))
    for term, idf, posting in zip(text["terms"], text["idf"], text["postings"], strict=True):
        _, row = rows.get(term, (idf, list(empty)))
        row[f] = posting
        rows[term] = (idf, row)
    terms = sorted(rows)
    lengths = list(core["lengths"])
    lengths[f] = text["lengths"]
    return {
        **core,
        "terms": terms,
        "idf": [rows[t][0] for t in terms],
        "postings": [rows[t][1] for t in terms],
        "lengths": lengths,
    }
