"""The Python reference of the browser's query: the test oracle for zoeken/zoek.js.

Tests run the same queries here and in JavaScript on the same built files and
compare the results exactly. The site itself never runs this module: only tests
and the benchmark do.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lunr.index import Index
from lunr.token_set import TokenSet

from .index import EXACT_BOOST, FUZZY_BOOST, FUZZY_MIN, PREFIX_BOOST, PREFIX_MIN, decode_index
from .text import terms

FACETS = ("doelgroep", "ladder", "leefgebied", "wijk", "toegang")


@dataclass(frozen=True)
class Filters:
    """The facet filters, as in the URL: several values of one facet mean "any of them"."""

    doelgroep: tuple[str, ...] = ()
    ladder: tuple[str, ...] = ()
    leefgebied: tuple[str, ...] = ()
    wijk: tuple[str, ...] = ()
    toegang: tuple[str, ...] = ()
    gratis: bool = False

    def is_empty(self) -> bool:
        return not (any(getattr(self, f) for f in FACETS) or self.gratis)


@dataclass(frozen=True)
class Hit:
    ref: int
    score: float


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    partial: bool = False  # no document has every word: these have some of them


@dataclass
class Searcher:
    """Runs queries as js/zoeken/zoek.js does, on the same two files."""

    data: dict[str, Any]
    index: Index
    _column: dict[str, int] = field(init=False)
    _facets: dict[str, dict[str, str]] = field(init=False)
    _value_numbers: dict[str, dict[str, int]] = field(init=False)

    def __post_init__(self) -> None:
        self._column = {name: n for n, name in enumerate(self.data["kolommen"])}
        self._facets = {f["naam"]: f for f in self.data["facetten"]}
        self._value_numbers = {
            f["naam"]: {str(v[0]): n for n, v in enumerate(self.data[f["kolom"]])}
            for f in self.data["facetten"]
        }

    @classmethod
    def from_json(cls, data_json: str, index_json: str) -> Searcher:
        return cls(json.loads(data_json), decode_index(json.loads(index_json)))

    def search(self, query: str, filters: Filters | None = None) -> Results:
        filters = filters or Filters()
        keep = self._filter(filters)
        stems = query_stems(query)
        if not stems:
            if filters.is_empty():
                return Results([])
            count = self.data["activiteiten"]
            return Results([Hit(r, 0.0) for r in range(count) if keep(r)])
        matched, partial = run_query(self.index, stems)
        return Results([h for h in matched if keep(h.ref)], partial)

    def _filter(self, filters: Filters) -> Any:
        if filters.is_empty():
            return lambda ref: True
        docs, count = self.data["docs"], self.data["activiteiten"]
        wanted: list[tuple[int, set[int], bool]] = []
        for facet in FACETS:
            values = getattr(filters, facet)
            if not values:
                continue
            spec = self._facets[facet]
            if spec["waarden"] == "waarde":
                numbers = {int(v) for v in values if v.isdigit()}
            else:
                numbers = {self._value_numbers[facet].get(v, -1) for v in values}
            wanted.append((self._column[spec["kolom"]], numbers, bool(spec["leegPast"])))
        gratis = self._column["gratis"]

        def keep(ref: int) -> bool:
            if ref >= count:
                return False  # organisations have no facets
            row = docs[ref]
            if filters.gratis and not row[gratis]:
                return False
            for column, numbers, empty_matches in wanted:
                value = row[column]
                if isinstance(value, list):
                    if not (numbers.intersection(value) or (empty_matches and not value)):
                        return False
                elif value not in numbers:
                    return False
            return True

        return keep


def query_stems(query: str) -> list[str]:
    """The distinct stems of a query, in order; stop words and empty words dropped."""
    seen: dict[str, None] = {}
    for term in terms(query):
        seen.setdefault(term, None)
    return list(seen)


def expand(index: Index, word_stem: str) -> dict[str, int]:
    """The index terms one query word matches, with their boost.

    Exact stem, the stem as prefix (4+ letters), and the stem with one edit
    (5+ letters), as lunr's wildcard and edit-distance clauses expand them;
    a term found several ways gets the boosts added, as lunr does.
    """
    found: dict[str, int] = {}
    if word_stem in index.inverted_index:
        found[word_stem] = EXACT_BOOST
    sets = []
    if len(word_stem) >= PREFIX_MIN:
        sets.append((TokenSet.from_string(word_stem + "*"), PREFIX_BOOST))
    if len(word_stem) >= FUZZY_MIN:
        sets.append((TokenSet.from_fuzzy_string(word_stem, 1), FUZZY_BOOST))
    for token_set, boost in sets:
        for term in index.token_set.intersect(token_set).to_list():
            found[term] = found.get(term, 0) + boost
    return found


def run_query(index: Index, stems: Iterable[str]) -> tuple[list[Hit], bool]:
    """Results for all words (best first); if none has all, those with some (partial)."""
    boosts: dict[str, int] = {}
    per_word: list[set[str]] = []
    for word_stem in stems:
        expansion = expand(index, word_stem)
        if expansion:  # a word that matches nothing at all is ignored
            per_word.append(set(expansion))
        for term, boost in expansion.items():
            boosts[term] = boosts.get(term, 0) + boost
    if not boosts:
        return [], False

    def build(q: Any) -> None:
        for term in sorted(boosts):
            q.term(term, use_pipeline=False, boost=boosts[term])

    results = index.query(callback=build)
    hits = [(Hit(int(r["ref"]), r["score"]), set(r["match_data"].metadata)) for r in results]
    every = [h for h, matched in hits if all(matched & word for word in per_word)]
    partial = not every and len(per_word) > 1
    chosen = [h for h, _ in hits] if partial else every
    return sorted(chosen, key=lambda h: (-h.score, h.ref)), partial
