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

from collections.abc import Callable, Iterable, Iterator, Sequence
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
    made: dict[str, list[Any]] = {CORE_DIR: [], TEXT_DIR: []}
    settings = {k: v for k, v in full.items() if k not in _PART_KEYS}
    rows = zip(full["terms"], full["idf"], full["postings"], strict=True)
    core, text = split_rows(settings, full["lengths"], rows, lambda d, _, s: made[d].append(s))
    return core, made[CORE_DIR], text, made[TEXT_DIR]


def split_rows(
    settings: dict[str, Any],
    lengths: list[list[int]],
    rows: Iterable[tuple[str, int, list[list[int]]]],
    emit: Callable[[str, int, dict[str, Any]], None],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The core and text manifests of an encoded index given as its settings, its lengths
    and its (term, idf, postings) rows in term order. Each shard goes to
    `emit(folder, number, shard)` as soon as it is full, so a build never holds them all."""
    f = settings["fields"].index(TEXT_FIELD)
    core, text = _Part(CORE_DIR, emit), _Part(TEXT_DIR, emit)
    for term, idf, row in rows:
        with_lengths = [_with_lengths(flat, lengths[n]) for n, flat in enumerate(row)]
        if any(flat for n, flat in enumerate(row) if n != f):
            own = [p if n != f else [] for n, p in enumerate(with_lengths)]
            df = sum(len(flat) for n, flat in enumerate(row) if n != f) // 2
            core.add(term, idf, own, df, sum(len(p) for p in own))
        if row[f]:
            text.add(term, idf, with_lengths[f], len(row[f]) // 2, len(with_lengths[f]))
    return (
        {**settings, "count": len(lengths[0]), **core.finish()},
        {"v": settings["v"], "field": TEXT_FIELD, **text.finish()},
    )


class _Part:
    """One part of the index being cut into shards: its manifest, and the shard it fills."""

    def __init__(self, folder: str, emit: Callable[[str, int, dict[str, Any]], None]) -> None:
        self.folder, self.emit = folder, emit
        self.terms: list[str] = []
        self.df: list[int] = []  # per field, as lunr counts documents for idf
        self.starts: list[int] = []
        self.shard: dict[str, list[Any]] | None = None
        self.numbers = 0

    def add(self, term: str, idf: int, postings: Any, df: int, numbers: int) -> None:
        if self.shard is None or (self.numbers and self.numbers + numbers > SHARD_NUMBERS):
            self._emit()
            self.starts.append(len(self.terms))
            self.shard, self.numbers = {"idf": [], "postings": []}, 0
        self.terms.append(term)
        self.df.append(df)
        self.shard["idf"].append(idf)
        self.shard["postings"].append(postings)
        self.numbers += numbers

    def finish(self) -> dict[str, list[Any]]:
        self._emit()
        self.shard = None
        return {"terms": self.terms, "df": self.df, "shards": self.starts}

    def _emit(self) -> None:
        if self.shard is not None:
            self.emit(self.folder, len(self.starts) - 1, self.shard)


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


def _rows(manifest: dict[str, Any], shards: Sequence[dict[str, Any]]) -> Iterator[Any]:
    """(term, idf, postings) of a part, in term order."""
    terms = iter(manifest["terms"])
    for shard in shards:
        for idf, postings in zip(shard["idf"], shard["postings"], strict=True):
            yield next(terms), idf, postings
