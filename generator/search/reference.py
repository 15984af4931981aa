"""The Python reference of the browser's query: the test oracle for zoeken/zoek.js.

Tests run the same queries here and in JavaScript on the same built files and
compare the results exactly. The site itself never runs this module: only tests
and the benchmark do.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lunr.index import Index
from lunr.token_set import TokenSet

from .. import urls
from . import shards
from .compounds import split_term
from .index import (
    EXACT_BOOST,
    FUZZY_BOOST,
    FUZZY_MIN,
    PART_BOOST,
    PREFIX_BOOST,
    PREFIX_MIN,
    decode_index,
)
from .text import term
from .text import words as text_words

FACETS = ("doelgroep", "ladder", "leefgebied", "wijk", "toegang", "taal", "soort")


def read_index(site_dir: Path) -> dict[str, Any]:
    """The whole encoded index of a built site, from index.json, index-tekst.json and
    every shard they name."""
    core, text = _read(site_dir, urls.SEARCH_INDEX), _read(site_dir, urls.SEARCH_TEXT)

    def part(manifest: dict[str, Any], folder: str) -> list[Any]:
        count = len(manifest["shards"])
        return [_read(site_dir, urls.search_shard(folder, n)) for n in range(count)]

    return shards.join(core, part(core, shards.CORE_DIR), text, part(text, shards.TEXT_DIR))


def read_columns(site_dir: Path) -> dict[str, list[Any]]:
    """Every column of filters.json and of the card files of a built site, each one list
    by ref (the card columns of activities only are as long as there are activities)."""
    data = _read(site_dir, urls.SEARCH_DATA)
    files = -(-data["documenten"] // data["kaartjesPerBestand"])  # rounded up
    columns: dict[str, list[Any]] = {}
    for n in range(files):
        for name, values in _read(site_dir, urls.search_cards(n))["kolommen"].items():
            columns.setdefault(name, []).extend(values)
    return {**columns, **_read(site_dir, urls.SEARCH_FILTERS)["kolommen"]}


def _read(site_dir: Path, name: str) -> Any:
    return json.loads((site_dir / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Filters:
    """The facet filters, as in the URL: several values of one facet mean "any of them"."""

    doelgroep: tuple[str, ...] = ()
    ladder: tuple[str, ...] = ()
    leefgebied: tuple[str, ...] = ()
    wijk: tuple[str, ...] = ()
    toegang: tuple[str, ...] = ()
    taal: tuple[str, ...] = ()
    soort: tuple[str, ...] = ()
    gratis: bool = False
    leeftijd: int | None = None
    """An age in years: keeps the activities whose leeftijd includes it (or have none)."""

    def is_empty(self) -> bool:
        return not (
            any(getattr(self, f) for f in FACETS) or self.gratis or self.leeftijd is not None
        )


@dataclass(frozen=True)
class Hit:
    ref: int
    score: float
    words: int = 0
    """How many of the query's words it has (those that matched anything at all)."""


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    complete: int = 0
    """How many hits, the first ones, have every word; the rest have some of them."""
    unmatched: tuple[str, ...] = ()
    """The words of the query that match nothing at all, as typed (normalized)."""

    @property
    def partial(self) -> bool:
        return self.complete < len(self.hits)


@dataclass
class Searcher:
    """Runs queries as js/zoeken/zoek.js does, on the same files."""

    data: dict[str, Any]
    index: Index
    _facets: dict[str, dict[str, str]] = field(init=False)
    _value_numbers: dict[str, dict[str, int]] = field(init=False)

    def __post_init__(self) -> None:
        self._facets = {f["naam"]: f for f in self.data["facetten"]}
        self._value_numbers = {
            f["naam"]: {str(v[0]): n for n, v in enumerate(self.data[f["kolom"]])}
            for f in self.data["facetten"]
        }

    @classmethod
    def from_site(cls, site_dir: Path) -> Searcher:
        """From the search files of a built site: the whole index, and gegevens.json with
        the columns of filters.json and of the card files (`read_columns`)."""
        data = {**_read(site_dir, urls.SEARCH_DATA), "kolommen": read_columns(site_dir)}
        return cls(data, decode_index(read_index(site_dir)))

    def search(self, query: str, filters: Filters | None = None) -> Results:
        filters = filters or Filters()
        keep = self._filter(filters)
        words = query_words(query)
        if not words:
            if filters.is_empty():
                return Results([])
            hits = [Hit(r, 0.0) for r in range(self.data["activiteiten"]) if keep(r)]
            return Results(hits, len(hits))
        matched, active, unmatched = run_query(self.index, [t for _, t in words])
        hits = [h for h in matched if keep(h.ref)]
        complete = sum(1 for h in hits if h.words == active)
        return Results(hits, complete, tuple(w for w, t in words if t in unmatched))

    def _filter(self, filters: Filters) -> Any:
        if filters.is_empty():
            return lambda ref: True
        columns, count = self.data["kolommen"], self.data["activiteiten"]
        wanted: list[tuple[list[Any], set[int], bool]] = []
        for facet in FACETS:
            values = getattr(filters, facet)
            if not values:
                continue
            spec = self._facets[facet]
            if spec["waarden"] == "waarde":
                numbers = {int(v) for v in values if v.isdigit()}
            else:
                numbers = {self._value_numbers[facet].get(v, -1) for v in values}
            wanted.append((columns[spec["kolom"]], numbers, bool(spec["leegPast"])))
        gratis, ages = columns["gratis"], columns["leeftijd"]
        age = filters.leeftijd

        def keep(ref: int) -> bool:
            if ref >= count:
                return False  # organisations have no facets
            if filters.gratis and not gratis[ref]:
                return False
            if age is not None:
                low, high = ages[ref]
                if (low is not None and age < low) or (high is not None and age > high):
                    return False
            for column, numbers, empty_matches in wanted:
                value = column[ref]
                if isinstance(value, list):
                    if not (numbers.intersection(value) or (empty_matches and not value)):
                        return False
                elif value not in numbers:
                    return False
            return True

        return keep


def query_words(query: str) -> list[tuple[str, str]]:
    """(word, term) for each word of a query, distinct by term, in order; no stop words."""
    seen: dict[str, str] = {}
    for word in text_words(query):
        seen.setdefault(term(word), word)
    return [(word, t) for t, word in seen.items()]


@dataclass(frozen=True)
class Expansion:
    """What one query word matches: index terms with their boost, or all of its parts."""

    terms: dict[str, int]
    parts: tuple[str, ...] = ()

    def satisfied_by(self, matched: set[str]) -> bool:
        return bool(matched.intersection(self.terms)) or bool(
            self.parts and matched.issuperset(self.parts)
        )


def expand(index: Index, word_term: str) -> Expansion:
    """The index terms one query word matches, with their boost.

    The exact term, or else the term as a prefix (4+ letters: a word still being typed,
    since the parts of compounds are in the index themselves); and, when the term is a
    compound of index terms, its parts (a document with all of them has the word, and
    each part counts for the score, so "computerles" ranks the computer course up).
    Only when none of these matches, the term with one edit (5+ letters). A term found
    several ways gets the boosts added, as lunr does.
    """
    found: dict[str, int] = {}
    if word_term in index.inverted_index:
        found[word_term] = EXACT_BOOST
    elif len(word_term) >= PREFIX_MIN:
        _add(found, index, TokenSet.from_string(word_term + "*"), PREFIX_BOOST)
    parts = tuple(dict.fromkeys(split_term(word_term, index.inverted_index) or ()))
    if not found and not parts and len(word_term) >= FUZZY_MIN:
        _add(found, index, TokenSet.from_fuzzy_string(word_term, 1), FUZZY_BOOST)
    return Expansion(found, parts)


def _add(found: dict[str, int], index: Index, token_set: TokenSet, boost: int) -> None:
    for match in index.token_set.intersect(token_set).to_list():
        found[match] = found.get(match, 0) + boost


@dataclass(frozen=True)
class Plan:
    """What the query terms match: the index terms to score with and their boosts."""

    boosts: dict[str, int]
    expansions: list[Expansion]
    unmatched: set[str]


def plan_query(index: Index, terms: Iterable[str]) -> Plan:
    """The expansions of the query terms, before anything is scored (zoek.js planQuery:
    the browser loads the shards of `boosts`' terms, and only those)."""
    boosts: dict[str, int] = {}
    expansions: list[Expansion] = []
    unmatched: set[str] = set()
    for word_term in terms:
        expansion = expand(index, word_term)
        if not expansion.terms and not expansion.parts:
            unmatched.add(word_term)
            continue
        expansions.append(expansion)
        for match, boost in expansion.terms.items():
            boosts[match] = boosts.get(match, 0) + boost
        for part in expansion.parts:
            boosts[part] = boosts.get(part, 0) + PART_BOOST
    return Plan(boosts, expansions, unmatched)


def run_query(index: Index, terms: Iterable[str]) -> tuple[list[Hit], int, set[str]]:
    """The hits for the query terms, best first: those with the most words first, then
    by score, then in site order. Also how many words matched anything, and the terms
    that matched nothing."""
    planned = plan_query(index, terms)
    boosts, expansions, unmatched = planned.boosts, planned.expansions, planned.unmatched
    if not boosts:
        return [], 0, unmatched

    def build(q: Any) -> None:
        for match in sorted(boosts):
            q.term(match, use_pipeline=False, boost=boosts[match])

    hits = []
    for result in index.query(callback=build):
        matched = set(result["match_data"].metadata)
        words = sum(1 for e in expansions if e.satisfied_by(matched))
        if words:
            hits.append(Hit(int(result["ref"]), result["score"], words))
    hits.sort(key=lambda h: (-h.words, -h.score, h.ref))
    return hits, len(expansions), unmatched
