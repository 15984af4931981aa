"""Search: the documents, a Dutch lunr index, and the Python reference of the browser's query.

The index is built here with the Python `lunr` package and loaded in the
browser by lunr.js (templates/static/zoeken.js mirrors this module; keep them
in step). Two files go into the output, both written deterministically:

- zoeken/gegevens.json: what a result shows (title, organisation, toegang,
  snippet, link) and the facet values. Small, loaded first, so filters work
  before the index arrives.
- zoeken/index.json: the lunr index in a compact form (see `encode_index`):
  terms in sorted order, and per term and field the documents that contain it
  with what lunr's score is made of. Refs are positions in gegevens.json.

Text processing is the same on both sides: lowercase, fold diacritics, every
character that is not a letter or digit becomes a space, then lunr.nl's stop
words and the Dutch Porter stemmer (snowballstemmer "dutch_porter", which
gives the same stems as lunr.nl.js). The builder's pipeline functions are
registered under lunr-languages' names, so lunr.js with lunr.nl can load the
index. We never use `lunr(..., languages="nl")` (it needs nltk and the
internet) nor `Index.search()` with user input (lunr query syntax throws).

This module does no HTML and reads no files; `write_index` only writes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import snowballstemmer
from lunr.builder import Builder
from lunr.idf import idf as lunr_idf
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.token_set import TokenSet
from lunr.token_set_builder import TokenSetBuilder
from lunr.vector import Vector

from . import present, urls
from .assemble import Site
from .assets import VENDOR_FILES
from .markup import plain_text, shorten
from .model import LADDER, Toegang
from .publish import Writer

FORMAT_VERSION = 2

# Index fields with their boost: title, tags (organisation, doelgroepen and
# leefgebieden with their zoektermen, wijken), body (an excerpt, kosten, wanneer).
FIELDS: tuple[tuple[str, int], ...] = (("t", 10), ("k", 4), ("b", 1))
# Only the start of a description goes into the index: it says what the activity
# is; the rest (directions, opening hours) mostly adds size, not findability.
EXCERPT_WORDS = 30
SNIPPET_CHARS = 120

# Query construction (mirrored in zoeken.js): every word adds its exact stem,
# the stem as a prefix (typing "schuld" finds "schuldhulpverlening"), and the
# stem with one typo (insert, delete, replace or swap one letter).
EXACT_BOOST = 3
PREFIX_BOOST = 1
FUZZY_BOOST = 1
PREFIX_MIN = 4
FUZZY_MIN = 5
QUERY_SETTINGS = {
    "exactBoost": EXACT_BOOST,
    "prefixBoost": PREFIX_BOOST,
    "fuzzyBoost": FUZZY_BOOST,
    "prefixMin": PREFIX_MIN,
    "fuzzyMin": FUZZY_MIN,
}

# Letters as lunr.nl.js defines them (lunr.nl.wordCharacters), plus digits.
WORD_CHARACTERS = (
    "A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c"
    "\u1d62-\u1d65\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a"
    "\u212b\u2132\u214e\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7"
    "\ua7f7-\ua7ff\uab30-\uab5a\uab5c-\uab64\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a0-9"
)
_NOT_WORD = re.compile(f"[^{WORD_CHARACTERS}]+")
# Combining diacritical marks (the blocks zoeken.js strips too), removed after NFD.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# Anything Markdown or HTML could act on: markup characters, entities, and lines
# that start a list, quote, heading underline or code block.
_MARKUP = re.compile(
    r"[\\`*_\[\]<>#&!|=~]"  # markup characters and entities
    r"|^[ \t]*(?:[-+>]|\d+[.)])(?:\s|$)"  # list item or quote
    r"|^[ \t]*-+[ \t]*$"  # heading underline or rule
    r"|^(?: {4}|\t)",  # code block
    re.M,
)
_LEADING = re.compile(f"^[^{WORD_CHARACTERS}]+")
_TRAILING = re.compile(f"[^{WORD_CHARACTERS}]+$")

# lunr.nl.js's stop-word list, word for word.
STOP_WORDS = frozenset(
    "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus"
    " een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand"
    " iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets"
    " nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel"
    " voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo"
    " zonder zou".split()
)

_STEMMER = snowballstemmer.stemmer("dutch_porter")


# --- Text processing (the same in zoeken.js) ------------------------------------------


def normalize(text: str) -> str:
    """Lowercase, no diacritics, only letters and digits: "Café (gratis)" -> "cafe gratis"."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFC", _COMBINING.sub("", unicodedata.normalize("NFD", text)))
    return _NOT_WORD.sub(" ", text).strip()


def trim(word: str) -> str:
    """trimmer-nl: strip what is not a letter or digit from both ends."""
    return _TRAILING.sub("", _LEADING.sub("", word))


@lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """stemmer-nl: the Dutch Porter stem (the pure-Python stemmer is slow, so cached)."""
    return str(_STEMMER.stemWord(word))


def terms(text: str) -> list[str]:
    """The index terms of a text: normalized words, stop words left out, stemmed.

    This is lunr.nl's index pipeline (trimmer-nl, stopWordFilter-nl, stemmer-nl)
    applied to `normalize(text)`; the trimmer has nothing left to do after it.
    """
    return [stem(w) for w in normalize(text).split() if w not in STOP_WORDS]


# The same functions as lunr pipeline functions, registered under lunr-languages'
# names: the index names its search pipeline, and lunr.js + lunr.nl.js can only load
# an index whose pipeline functions it knows.


def _trimmer_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda s, _m: trim(s))


def _stop_word_filter_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    text = str(token)
    return token if text and text not in STOP_WORDS else None


def _stemmer_nl(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda s, _m: stem(s))


PIPELINE_FUNCTIONS = {
    "trimmer-nl": _trimmer_nl,
    "stopWordFilter-nl": _stop_word_filter_nl,
    "stemmer-nl": _stemmer_nl,
}


def _register_pipeline_functions() -> None:
    for label, fn in PIPELINE_FUNCTIONS.items():
        if Pipeline.registered_functions.get(label) is not fn:
            Pipeline.register_function(fn, label)


# --- Documents ------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """One searchable entry: its index fields and what a result shows."""

    title: str
    tags: str
    body: str
    display: list[Any]


def _leading_text(source: str, words: int = 2 * EXCERPT_WORDS) -> str:
    """The plain text of the first paragraphs of editor Markdown, at least `words` long.

    Only the start of a description is indexed or shown, and rendering Markdown
    is slow (about half a millisecond per description), so render only that.
    """
    paragraphs = _PARAGRAPH_BREAK.split(source.strip())
    count = 0
    for n, paragraph in enumerate(paragraphs, start=1):
        count += len(paragraph.split())
        if count >= words:
            return _plain_text("\n\n".join(paragraphs[:n]))
    return _plain_text(source)


def _plain_text(source: str) -> str:
    """markup.plain_text, without rendering text that has no Markdown or HTML in it."""
    if _MARKUP.search(source):
        return plain_text(source)
    return " ".join(source.split())


def _excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    return " ".join(text.split()[:words])


def _term_words(site: Site, kind: str, ids: Sequence[str]) -> list[str]:
    words: list[str] = []
    for term in site.terms(kind, tuple(ids)):
        words.append(term.naam)
        words.extend(term.zoektermen)
    return words


def build_documents(site: Site) -> list[Document]:
    """Activities (in site order) then organisations; a document's ref is its position."""
    org_number = {o.slug: n for n, o in enumerate(site.organisations)}
    kinds = ("doelgroepen", "leefgebieden", "wijken")
    term_number = {k: {t.id: n for n, t in enumerate(site.taxonomy.kind(k))} for k in kinds}
    toegang_number = {t: n for n, t in enumerate(Toegang)}
    documents = []
    for a in site.activities:
        text = _leading_text(a.beschrijving)
        org = site.organisation(a.organisatie)
        tags = [org.naam, *_term_words(site, "doelgroepen", a.doelgroepen)]
        tags += _term_words(site, "leefgebieden", a.leefgebieden)
        tags += _term_words(site, "wijken", a.wijken)
        display = [
            a.titel,
            urls.activity(a.slug),
            shorten(text, SNIPPET_CHARS),
            org_number[a.organisatie],
            toegang_number[a.toegang],
            1 if a.is_gratis else 0,
            list(a.ladder),
            *([term_number[k][i] for i in getattr(a, k)] for k in kinds),
        ]
        documents.append(
            Document(
                a.titel, " ".join(tags), " ".join((_excerpt(text), a.kosten, a.wanneer)), display
            )
        )
    for o in site.organisations:
        text = _leading_text(o.beschrijving)
        documents.append(
            Document(
                o.naam,
                " ".join(_term_words(site, "wijken", o.wijken)),
                _excerpt(text),
                [o.naam, urls.organisation(o.slug), shorten(text, SNIPPET_CHARS)],
            )
        )
    return documents


def display_data(site: Site, documents: Sequence[Document]) -> dict[str, Any]:
    """gegevens.json: facet vocabularies, organisations, and one row per document.

    An activity row is [titel, url, snippet, organisation, toegang, gratis, ladder,
    doelgroepen, leefgebieden, wijken] with numbers pointing into the lists here;
    an organisation row is [naam, url, snippet]. Refs in the index are row numbers.
    """
    return {
        "v": FORMAT_VERSION,
        "activiteiten": len(site.activities),
        "organisaties": [o.naam for o in site.organisations],
        "toegang": [[t.value, present.toegang_label(t)] for t in Toegang],
        "ladder": [[r.number, r.naam] for r in LADDER],
        "doelgroepen": [[t.id, t.naam] for t in site.taxonomy.doelgroepen],
        "leefgebieden": [[t.id, t.naam] for t in site.taxonomy.leefgebieden],
        "wijken": [[t.id, t.naam] for t in site.taxonomy.wijken],
        "docs": [d.display for d in documents],
    }


# --- The index ------------------------------------------------------------------------


class DutchBuilder(Builder):
    """lunr's Builder, fed with terms that `terms()` already made.

    lunr.py's own `add` runs its tokenizer one character at a time and every
    word through three Python pipeline functions; with 10,000 activities that
    took 4 of the 10 seconds the index may cost. `add_terms` fills the same
    structures (no term metadata), so `build()` scores exactly as lunr does.
    """

    index: Index  # set by index_builder()

    def __init__(self) -> None:
        super().__init__()
        _register_pipeline_functions()
        self.pipeline.add(*PIPELINE_FUNCTIONS.values())
        self.search_pipeline.add(PIPELINE_FUNCTIONS["trimmer-nl"], PIPELINE_FUNCTIONS["stemmer-nl"])
        self.ref("r")
        for name, boost in FIELDS:
            self.field(name, boost)

    def add_terms(self, ref: int, fields: dict[str, list[str]]) -> None:
        doc_ref = str(ref)
        self._documents[doc_ref] = {}
        self.document_count += 1
        for field_name in self._fields:
            field_terms = fields[field_name]
            field_ref = f"{field_name}/{doc_ref}"  # str(lunr.FieldRef(doc_ref, field_name))
            frequencies: dict[str, int] = defaultdict(int)
            self.field_term_frequencies[field_ref] = frequencies
            self.field_lengths[field_ref] = len(field_terms)
            for term in field_terms:
                frequencies[term] += 1
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name].setdefault(doc_ref, {})


def index_builder(documents: Sequence[Document]) -> DutchBuilder:
    """A built DutchBuilder over the documents (refs "0", "1", ...); `.index` is the index."""
    builder = DutchBuilder()
    for ref, doc in enumerate(documents):
        builder.add_terms(ref, {"t": terms(doc.title), "k": terms(doc.tags), "b": terms(doc.body)})
    builder.index = builder.build()
    return builder


def build_index(documents: Sequence[Document]) -> Index:
    """A lunr index over the documents, with the Dutch pipeline; refs "0", "1", ..."""
    return index_builder(documents).index


# idf is shipped with four decimals: exact in both languages (see encode_index).
IDF_SCALE = 10_000


def encode_index(builder: Builder) -> dict[str, Any]:
    """The compact form of a built lunr index that zoeken.js and `decode_index` read.

    lunr's own JSON stores for every (term, field, document) a score twice (in the
    inverted index and in the field vectors) and every ref as a string key. This
    stores what the scores are made of, once: per term its idf and, per field, the
    documents that contain it with the term frequency ([ref, tf, ref, tf, ...], the
    first ref absolute, the next ones differences); per field the length of every
    document, the average length, and the boost. The reader computes lunr's BM25
    field score from these: half the bytes, because a frequency is nearly always 1
    and a score never repeats. Terms are numbered by their sorted position.

    The idf goes with four decimals rather than being recomputed, because
    Math.log and Python's math.log may differ in the last bit; everything else
    is + - * / on the same numbers, so Python and the browser score identically.
    """
    fields = list(builder._fields)
    count = builder.document_count
    ordered = sorted(builder.inverted_index)
    idf, postings = [], []
    for term in ordered:
        posting = builder.inverted_index[term]
        idf.append(round(lunr_idf(posting, count) * IDF_SCALE))
        row = []
        for name in fields:
            flat: list[int] = []
            previous = 0
            for ref in sorted(int(r) for r in posting[name]):
                flat += (ref - previous, builder.field_term_frequencies[f"{name}/{ref}"][term])
                previous = ref
            row.append(flat)
        postings.append(row)
    return {
        "v": FORMAT_VERSION,
        "fields": fields,
        "boosts": [builder._fields[name].boost for name in fields],
        "k1": builder._k1,
        "b": builder._b,
        "lengths": [
            [builder.field_lengths[f"{name}/{r}"] for r in range(count)] for name in fields
        ],
        "averages": [builder.average_field_length[name] for name in fields],
        "pipeline": builder.search_pipeline.serialize(),
        "terms": ordered,
        "idf": idf,
        "idfScale": IDF_SCALE,
        "postings": postings,
    }


_EMPTY: dict[str, Any] = {}


def decode_index(data: dict[str, Any]) -> Index:
    """A lunr index from `encode_index` output, built exactly as zoeken.js builds it."""
    _register_pipeline_functions()
    fields, k1, b = data["fields"], data["k1"], data["b"]
    per_field = list(zip(fields, data["boosts"], data["lengths"], data["averages"], strict=True))
    inverted_index: dict[str, dict[str, Any]] = {}
    vectors: dict[str, list[float]] = {}
    builder = TokenSetBuilder()
    for n, (term, row) in enumerate(zip(data["terms"], data["postings"], strict=True)):
        builder.insert(term)
        idf = data["idf"][n] / data["idfScale"]
        posting: dict[str, Any] = {"_index": n}
        for (name, boost, lengths, average), flat in zip(per_field, row, strict=True):
            docs: dict[str, Any] = {}
            ref = 0
            for i in range(0, len(flat), 2):
                ref += flat[i]
                tf = flat[i + 1]
                # lunr's BM25 field score (lunr.Builder.createFieldVectors), unrounded.
                norm = k1 * (1 - b + b * (lengths[ref] / average)) + tf
                score = idf * ((k1 + 1) * tf) / norm * boost
                docs[str(ref)] = _EMPTY
                vectors.setdefault(f"{name}/{ref}", []).extend((n, score))
            posting[name] = docs
        inverted_index[term] = posting
    builder.finish()
    field_vectors = {key: Vector(elements) for key, elements in vectors.items()}
    return Index(
        inverted_index=inverted_index,
        field_vectors=field_vectors,
        token_set=builder.root,
        fields=fields,
        pipeline=Pipeline.load(data["pipeline"]),
    )


def dumps(data: Any) -> str:
    """Deterministic, compact JSON."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def write_index(site: Site, writer: Writer) -> None:
    """Write zoeken/gegevens.json and zoeken/index.json."""
    documents = build_documents(site)
    writer.write(urls.SEARCH_DATA, dumps(display_data(site, documents)))
    payload = encode_index(index_builder(documents))
    payload["query"] = QUERY_SETTINGS  # zoeken.js builds its queries with these
    writer.write(urls.SEARCH_INDEX, dumps(payload))


# --- The query: the Python reference of zoeken.js -------------------------------------

FACETS = ("doelgroep", "ladder", "leefgebied", "wijk", "toegang")
# Column of each facet in an activity row of gegevens.json.
_COLUMN = {"toegang": 4, "gratis": 5, "ladder": 6, "doelgroep": 7, "leefgebied": 8, "wijk": 9}
_VOCABULARY = {
    "doelgroep": "doelgroepen",
    "leefgebied": "leefgebieden",
    "wijk": "wijken",
    "toegang": "toegang",
    "ladder": "ladder",
}
VOOR_IEDEREEN = urls.VOOR_IEDEREEN


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
    """Runs queries as zoeken.js does, on the same two files."""

    data: dict[str, Any]
    index: Index
    _value_numbers: dict[str, dict[str, int]] = field(init=False)

    def __post_init__(self) -> None:
        self._value_numbers = {
            facet: {str(v[0]): n for n, v in enumerate(self.data[name])}
            for facet, name in _VOCABULARY.items()
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
            numbers = {self._value_numbers[facet].get(v, -1) for v in values}
            if facet == "ladder":
                numbers = {int(v) for v in values if v.isdigit()}
            everyone = facet == "doelgroep" and VOOR_IEDEREEN in values
            wanted.append((_COLUMN[facet], numbers, everyone))

        def keep(ref: int) -> bool:
            if ref >= count:
                return False  # organisations have no facets
            row = docs[ref]
            if filters.gratis and not row[_COLUMN["gratis"]]:
                return False
            for column, numbers, everyone in wanted:
                value = row[column]
                if isinstance(value, list):
                    if not (numbers.intersection(value) or (everyone and not value)):
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


def page_context(site: Site) -> dict[str, Any]:
    """What templates/zoeken.html needs: data files, scripts, and the facets with their options."""
    tax = site.taxonomy
    facets = [
        (
            "doelgroep",
            "Doelgroep",
            [(t.id, t.naam) for t in tax.doelgroepen] + [(VOOR_IEDEREEN, "Voor iedereen")],
        ),
        (
            "ladder",
            "Trede van de participatieladder",
            [(str(r.number), f"{r.number}. {r.naam}") for r in LADDER],
        ),
        ("leefgebied", "Leefgebied", [(t.id, t.naam) for t in tax.leefgebieden]),
        ("wijk", "Wijk", [(t.id, t.naam) for t in tax.wijken]),
        ("toegang", "Toegang", [(t.value, present.toegang_label(t)) for t in Toegang]),
    ]
    return {
        "search_data": urls.SEARCH_DATA,
        "search_index": urls.SEARCH_INDEX,
        "search_scripts": [urls.vendor(name) for _, name in VENDOR_FILES]
        + [urls.static("zoeken.js")],
        "facets": facets,
    }
