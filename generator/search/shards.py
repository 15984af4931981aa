"""The search index in small files, so that a query loads only what it needs.

The encoded index (encoding.encode_documents) is cut twice. First by field: the core
(every term of a title, zoektermen or a taxonomy name, with those fields) and the
text (every term of a description, with the description field). Then each part into
shards of consecutive terms, so that the browser loads, for a query, only the shards
that hold the terms it matched:

- zoeken/index.json: the settings, and the core's terms in order with, per term, how
  many documents have it ("df", for "Bedoelde u"), and where each shard starts;
- zoeken/kern/N.json: per term of shard N its idf and, per field, its documents as
  [ref step, tf, field length, ...] (the field length scores the document, so no
  table of every document's length has to come first);
- zoeken/index-tekst.json and zoeken/tekst/N.json: the same for the descriptions.

The term lists let the browser expand a query word (exact, prefix, compound parts,
one edit) before it loads any postings. `join` puts all files back together into
exactly the encoded index (tested); the Python reference reads that, and
js/zoeken/index.js builds its index from the shards with the same arithmetic. No I/O.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

TEXT_FIELD = "b"
CORE_DIR = "kern"
TEXT_DIR = "tekst"
# Numbers (step, tf, length) per shard file: some 10-20 KB gzipped. A term with more
# postings gets a shard of its own.
SHARD_NUMBERS = 12_000
_PART_KEYS = ("terms", "idf", "postings", "lengths")


def split(full: dict[str, Any]) -> tuple[dict[str, Any], list[Any], dict[str, Any], list[Any]]:
    """(core manifest, core shards, text manifest, text shards) of an encoded index."""
    fields = full["fields"]
    f = fields.index(TEXT_FIELD)
    lengths = full["lengths"]
    core_rows, text_rows = [], []
    for term, idf, row in zip(full["terms"], full["idf"], full["postings"], strict=True):
        with_lengths = [_with_lengths(flat, lengths[n]) for n, flat in enumerate(row)]
        if any(flat for n, flat in enumerate(row) if n != f):
            own = [p if n != f else [] for n, p in enumerate(with_lengths)]
            df = sum(len(flat) for n, flat in enumerate(row) if n != f) // 2
            core_rows.append((term, idf, own, df))
        if row[f]:
            text_rows.append((term, idf, with_lengths[f], len(row[f]) // 2))
    settings = {k: v for k, v in full.items() if k not in _PART_KEYS}
    core, core_shards = _part(core_rows, lambda row: sum(len(p) for p in row))
    text, text_shards = _part(text_rows, len)
    return (
        {**settings, "count": len(lengths[0]), **core},
        core_shards,
        {"v": full["v"], "field": TEXT_FIELD, **text},
        text_shards,
    )


def join(
    core: dict[str, Any],
    core_shards: Sequence[dict[str, Any]],
    text: dict[str, Any],
    text_shards: Sequence[dict[str, Any]],
) -> dict[str, Any]:
    """The encoded index that `split` made these files from."""
    fields = core["fields"]
    f = fields.index(text["field"])
    count = core["count"]
    lengths = [[0] * count for _ in fields]
    rows: dict[str, tuple[int, list[list[int]]]] = {}
    for term, idf, row in _rows(core, core_shards):
        rows[term] = (idf, [_without_lengths(flat, lengths[n]) for n, flat in enumerate(row)])
    for term, idf, flat in _rows(text, text_shards):
        _, row = rows.get(term, (idf, [[] for _ in fields]))
        row[f] = _without_lengths(flat, lengths[f])
        rows[term] = (idf, row)
    terms = sorted(rows)
    settings = {k: v for k, v in core.items() if k not in ("count", "df", "shards")}
    return {
        **settings,
        "terms": terms,
        "idf": [rows[t][0] for t in terms],
        "postings": [rows[t][1] for t in terms],
        "lengths": lengths,
    }


def _with_lengths(flat: list[int], lengths: list[int]) -> list[int]:
    """[step, tf, ...] as [step, tf, length, ...]."""
    out, ref = [], 0
    for i in range(0, len(flat), 2):
        ref += flat[i]
        out += (flat[i], flat[i + 1], lengths[ref])
    return out


def _without_lengths(flat: list[int], lengths: list[int]) -> list[int]:
    """[step, tf, length, ...] as [step, tf, ...], noting each length in `lengths`."""
    out, ref = [], 0
    for i in range(0, len(flat), 3):
        ref += flat[i]
        lengths[ref] = flat[i + 2]
        out += (flat[i], flat[i + 1])
    return out


def _part(rows: list[tuple[str, int, Any, int]], size: Any) -> tuple[dict[str, Any], list[Any]]:
    """A part's manifest and its shards, from (term, idf, postings, df) rows; `size` counts
    the numbers of a row's postings."""
    starts: list[int] = []
    shards: list[dict[str, list[Any]]] = []
    numbers = SHARD_NUMBERS
    for n, (_, idf, postings, _) in enumerate(rows):
        if numbers + size(postings) > SHARD_NUMBERS and (numbers or not shards):
            starts.append(n)
            shards.append({"idf": [], "postings": []})
            numbers = 0
        numbers += size(postings)
        shards[-1]["idf"].append(idf)
        shards[-1]["postings"].append(postings)
    manifest = {
        "terms": [term for term, *_ in rows],
        "df": [df for *_, df in rows],  # per field, as lunr counts documents for idf
        "shards": starts,
    }
    return manifest, shards


def _rows(manifest: dict[str, Any], shards: Sequence[dict[str, Any]]) -> Iterator[Any]:
    """(term, idf, postings) of a part, in term order."""
    terms = iter(manifest["terms"])
    for shard in shards:
        for idf, postings in zip(shard["idf"], shard["postings"], strict=True):
            yield next(terms), idf, postings
