"""The search index: a Dutch lunr index, and the compact form the browser loads.

The index is built with the Python `lunr` package and read by lunr.js in the
browser (zoeken/index.js decodes it as `decode_index` does). The builder's
pipeline functions are registered under lunr-languages' names, so lunr.js with
lunr.nl can load the index. We never use `lunr(..., languages="nl")` (it needs
nltk and the internet) nor `Index.search()` with user input (lunr query syntax
throws). No I/O.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from lunr.builder import Builder
from lunr.idf import idf as lunr_idf
from lunr.index import Index
from lunr.pipeline import Pipeline
from lunr.token_set_builder import TokenSetBuilder
from lunr.vector import Vector

from . import compounds
from .compounds import WordList, field_terms
from .documents import FORMAT_VERSION, Document
from .text import STOP_WORDS, stem, trim

# Index fields with their boost (documents._fields says what is in each): a word in
# the title or the entry's own zoektermen outranks one reached only through a
# taxonomy name or, lower still, a taxonomy's zoektermen.
FIELDS: tuple[tuple[str, float], ...] = (
    ("t", 10),
    ("z", 8),
    ("k", 3),
    ("s", 0.5),
    ("b", 2),
)

# Query construction (mirrored in js/zoeken/zoek.js, which gets these settings in the
# index): every word adds its exact term, or if that is not in the index, the term as
# a prefix (typing "schuldh" finds "schuldhulpverlening"); and its parts when it is a
# compound of index terms (see compounds.py); if all that finds nothing, the term with
# one typo (insert, delete, replace or swap one letter).
EXACT_BOOST = 3
PREFIX_BOOST = 1
FUZZY_BOOST = 1
PREFIX_MIN = 4
FUZZY_MIN = 5
PART_BOOST = 1
QUERY_SETTINGS = {
    "exactBoost": EXACT_BOOST,
    "prefixBoost": PREFIX_BOOST,
    "partBoost": PART_BOOST,
    "fuzzyBoost": FUZZY_BOOST,
    "prefixMin": PREFIX_MIN,
    "fuzzyMin": FUZZY_MIN,
    "samenstelling": {
        "minWoord": compounds.MIN_WORD,
        "minDeel": compounds.MIN_PART,
        "minKop": compounds.MIN_HEAD,
        "maxDelen": compounds.MAX_PARTS,
        "geenKop": sorted(compounds.NOT_A_HEAD),
    },
}


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


# --- The index ------------------------------------------------------------------------


# The metadata of every posting: none is kept, so all share one dict (never changed).
_EMPTY: dict[str, Any] = {}


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
                posting[field_name].setdefault(doc_ref, _EMPTY)

    def _create_field_vectors(self) -> None:
        """lunr's own scoring (BM25, three decimals), with each vector made at once from
        its sorted elements: lunr inserts them one by one into a sorted list, which took
        most of the index's time at 10,000 activities. tests/test_search.py holds both
        equal."""
        idf_cache: dict[str, float] = {}
        k1, b = self._k1, self._b
        vectors = {}
        for field_ref, frequencies in self.field_term_frequencies.items():
            field_name, doc_ref = field_ref.split("/", 1)
            if not frequencies:  # an empty field (its average length may be 0)
                vectors[field_ref] = Vector()
                continue
            length_ratio = self.field_lengths[field_ref] / self.average_field_length[field_name]
            field_boost = self._fields[field_name].boost
            doc_boost = self._documents[doc_ref].get("boost", 1)
            pairs = []
            for term, tf in frequencies.items():
                posting = self.inverted_index[term]
                idf = idf_cache.get(term)
                if idf is None:
                    idf = idf_cache[term] = lunr_idf(posting, self.document_count)
                score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * length_ratio) + tf)
                score *= field_boost  # in lunr's order: the same floats
                score *= doc_boost
                pairs.append((posting["_index"], round(score, 3)))
            pairs.sort()
            vectors[field_ref] = Vector([x for pair in pairs for x in pair])
        self.field_vectors = vectors


def index_builder(documents: Sequence[Document], words: WordList | None = None) -> DutchBuilder:
    """A built DutchBuilder over the documents (refs "0", "1", ...); `.index` is the index.

    With a word list, compound words are indexed with their parts too.
    """
    builder = terms_builder(documents, words)
    builder.index = builder.build()
    return builder


def terms_builder(documents: Sequence[Document], words: WordList | None = None) -> DutchBuilder:
    """A DutchBuilder with the terms and field lengths of the documents: all that
    `encode_index` reads. The lunr index itself (its vectors and token set) is not made:
    the browser makes its own from the encoded form, and the build has no use for it."""
    builder = DutchBuilder()
    for ref, doc in enumerate(documents):
        builder.add_terms(ref, {name: field_terms(doc.fields[name], words) for name, _ in FIELDS})
    builder._calculate_average_field_lengths()
    return builder


def build_index(documents: Sequence[Document]) -> Index:
    """A lunr index over the documents, with the Dutch pipeline; refs "0", "1", ..."""
    return index_builder(documents).index


# idf is shipped with four decimals: exact in both languages (see encode_index).
IDF_SCALE = 10_000


def encode_index(builder: Builder) -> dict[str, Any]:
    """The compact form of a built lunr index that js/zoeken/index.js and `decode_index` read.

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


def decode_index(data: dict[str, Any]) -> Index:
    """A lunr index from `encode_index` output, built exactly as js/zoeken/index.js builds it."""
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
