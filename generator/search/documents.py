"""Search documents: what is indexed of each activity and organisation, and what a result shows.

Activities come first (in site order), then organisations; a document's ref is its
position. `display_data` is zoeken/gegevens.json, small and loaded first; `filter_data`
is zoeken/filters.json, what the filters read; `card_files` are zoeken/kaartjes/N.json,
what a result card shows, in files of CARDS_PER_FILE documents, so that a page of
results loads only the files of its own results. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import happens, places, present, urls
from ..applies import EMPTY_APPLIES
from ..assemble import Site
from ..language_checks import DEFAULT as DEFAULT_LANGUAGE
from ..language_checks import dutch_name
from ..markup import plain_text, shorten
from ..model import LADDER, Toegang
from .text import terms

FORMAT_VERSION = 5

# What a result shows and what filters read, each a table by column ("kolommen": name ->
# one value per document, by ref).
# - zoeken/filters.json, FILTER_COLUMNS of every activity: toegang and the taxonomy
#   columns hold positions in the lists of gegevens.json of the same name; ladder holds
#   rung numbers; leeftijd is [min, max] with null for no limit.
# - zoeken/kaartjes/N.json, CARD_COLUMNS of refs N * CARDS_PER_FILE onwards: a result card
#   (organisatie is the name; iedereen is 1 when the activity names no doelgroep). Only
#   titel, url and fragment have a value for organisations, so in a file that holds both
#   the other columns stop at the last activity.
FILTER_COLUMNS = (
    "toegang",
    "gratis",
    "ladder",
    "doelgroepen",
    "leefgebieden",
    "wijken",
    "leeftijd",
    "talen",
    "soorten",
)
CARD_COLUMNS = (
    "titel",
    "url",
    "fragment",
    "organisatie",
    "toegang",
    "gratis",
    "iedereen",
    "wanneer",
    "waar",
    "rooster",
    "leeftijdstekst",
)
CARDS_PER_FILE = 100
# The search filters ("facetten"): the URL parameter, the column it filters on (also the
# name of the list of its values), and whether a row holds the value's position in that
# list or the value itself.
FACETS = (
    ("doelgroep", "doelgroepen", "positie"),
    ("ladder", "ladder", "waarde"),
    ("leefgebied", "leefgebieden", "positie"),
    ("wijk", "wijken", "positie"),
    ("toegang", "toegang", "positie"),
    ("taal", "talen", "positie"),
    ("soort", "soorten", "positie"),
)
SNIPPET_CHARS = 120

# Anything Markdown or HTML could act on: markup characters, entities, and lines
# that start a list, quote, heading underline or code block.
_MARKUP = re.compile(
    r"[\\`*_\[\]<>#&!|=~]"  # markup characters and entities
    r"|^[ \t]*(?:[-+>]|\d+[.)])(?:\s|$)"  # list item or quote
    r"|^[ \t]*-+[ \t]*$"  # heading underline or rule
    r"|^(?: {4}|\t)",  # code block
    re.M,
)


@dataclass(frozen=True)
class Document:
    """One searchable entry: the text of each index field (see index.FIELDS), and what a
    result shows of it by column name (see COLUMNS and CARD_COLUMNS)."""

    fields: dict[str, str]
    display: dict[str, Any]


def _text(source: str) -> str:
    """The plain text of editor Markdown, without rendering text that has no markup."""
    if _MARKUP.search(source):
        return plain_text(source)
    return " ".join(source.split())


def _names(site: Site, kind: str, ids: Sequence[str]) -> list[str]:
    return [t.naam for t in site.terms(kind, tuple(ids))]


def _synonyms(site: Site, kind: str, ids: Sequence[str]) -> list[str]:
    return [z for t in site.terms(kind, tuple(ids)) for z in t.zoektermen]


def _fields(
    title: str, own: Sequence[str], tags: Sequence[str], synonyms: Sequence[str], body: str
) -> dict[str, str]:
    """t: the title; z: the entry's own zoektermen; k: organisation and taxonomy names;
    s: the taxonomy's zoektermen; b: the whole description with kosten, wanneer, locatie."""
    return {"t": title, "z": " ".join(own), "k": " ".join(tags), "s": " ".join(synonyms), "b": body}


# A zoekwoorden.yaml group as (word, its terms) pairs, made once per build.
Vocabulary = list[list[tuple[str, frozenset[str]]]]


def _vocabulary(site: Site) -> Vocabulary:
    return [[(word, frozenset(terms(word))) for word in group] for group in site.zoekwoorden]


def _with_vocabulary(
    vocabulary: Vocabulary, fields: dict[str, str], synonyms: list[str]
) -> dict[str, str]:
    """The fields, with the words of every zoekwoorden.yaml group that the entry has one of
    (a phrase counts when all its words are there) added to its synonyms field."""
    if not vocabulary:
        return fields
    have = set(terms(" ".join(fields[name] for name in ("t", "z", "k", "b"))))
    added = list(synonyms)
    for members in vocabulary:
        if any(word_terms and word_terms <= have for _, word_terms in members):
            added += [word for word, word_terms in members if not word_terms <= have]
    return {**fields, "s": " ".join(added)}


def used_languages(site: Site) -> list[tuple[str, str]]:
    """(code, Dutch name) of every language an activity can be followed in; Dutch first."""
    codes = {code for a in site.activities for code in a.talen or (DEFAULT_LANGUAGE,)}
    named = sorted((dutch_name(code), code) for code in codes - {DEFAULT_LANGUAGE})
    return [(DEFAULT_LANGUAGE, dutch_name(DEFAULT_LANGUAGE))] + [(c, n) for n, c in named]


def build_documents(site: Site) -> list[Document]:
    """Activities (in site order) then organisations; a document's ref is its position.

    The municipality's own vocabulary (content/zoekwoorden.yaml) is added to each
    document's synonyms field; see `_with_vocabulary`."""
    kinds = ("doelgroepen", "leefgebieden", "wijken", "soorten")
    term_number = {k: {t.id: n for n, t in enumerate(site.taxonomy.kind(k))} for k in kinds}
    toegang_number = {t: n for n, t in enumerate(Toegang)}
    language_number = {code: n for n, (code, _) in enumerate(used_languages(site))}
    vocabulary = _vocabulary(site)
    documents = []
    for a in site.activities:
        text = _text(a.beschrijving)
        org = site.organisation(a.organisatie)
        tagged = (*kinds, "verwijzers")  # "huisarts" finds what a GP can refer to
        tags = [org.naam] + [n for k in tagged for n in _names(site, k, getattr(a, k))]
        tags += list(a.vorm)  # "huisbezoek", "online" find what takes place that way
        tags += [site.organisation(slug).naam for slug in a.partners]
        synonyms = [z for k in tagged for z in _synonyms(site, k, getattr(a, k))]
        display = {
            "titel": a.titel,
            "url": urls.activity(a.slug),
            "fragment": shorten(text, SNIPPET_CHARS),
            "organisatie": org.naam,
            "toegang": toegang_number[a.toegang],
            "iedereen": 0 if a.doelgroepen else 1,
            "gratis": 1 if a.is_gratis else 0,
            "ladder": list(a.ladder),
            **{k: [term_number[k][i] for i in getattr(a, k)] for k in kinds},
            "leeftijd": [a.leeftijd.min, a.leeftijd.max],
            "talen": [language_number[t] for t in a.talen or (DEFAULT_LANGUAGE,)],
            "wanneer": (times := present.when(a)),
            "waar": places.place(site, a).text,
            "rooster": happens.rooster(a),  # for "Vandaag" (js/vandaag.js)
            "leeftijdstekst": present.age(a),
        }
        where = " ".join(f"{loc.naam} {places.address_line(loc)}" for loc in a.places)
        body = " ".join((text, a.kosten, times, where))
        fields = _fields(a.titel, a.zoektermen, tags, synonyms, body)
        documents.append(Document(_with_vocabulary(vocabulary, fields, synonyms), display))
    for o in site.organisations:
        text = _text(o.beschrijving)
        address = places.address_line(o.adres)
        synonyms = _synonyms(site, "wijken", o.wijken)
        fields = _fields(
            o.naam,
            o.zoektermen,
            _names(site, "wijken", o.wijken),
            synonyms,
            " ".join((text, address)),
        )
        documents.append(
            Document(
                _with_vocabulary(vocabulary, fields, synonyms),
                {
                    "titel": o.naam,
                    "url": urls.organisation(o.slug),
                    "fragment": shorten(text, SNIPPET_CHARS),
                },
            )
        )
    return documents


def _columns(documents: Sequence[Document], names: Sequence[str]) -> dict[str, list[Any]]:
    return {name: [d.display[name] for d in documents if name in d.display] for name in names}


def display_data(site: Site) -> dict[str, Any]:
    """gegevens.json: the facets and their vocabularies, how many documents there are, and
    how the cards are cut into files. A document's ref is its position in the index; the
    first "activiteiten" refs are activities."""
    return {
        "v": FORMAT_VERSION,
        # "leegPast": an empty list applies to every value (see generator/applies.py); so
        # the filter value voor-iedereen, which no activity names, keeps just those.
        "facetten": [
            {"naam": n, "kolom": c, "waarden": w, "leegPast": EMPTY_APPLIES.get(c, False)}
            for n, c, w in FACETS
        ],
        "activiteiten": len(site.activities),
        "documenten": len(site.activities) + len(site.organisations),
        "kaartjesPerBestand": CARDS_PER_FILE,
        "toegang": [[t.value, present.toegang_label(t)] for t in Toegang],
        "ladder": [[r.number, r.naam] for r in LADDER],
        "doelgroepen": [[t.id, t.naam] for t in site.taxonomy.doelgroepen],
        "leefgebieden": [[t.id, t.naam] for t in site.taxonomy.leefgebieden],
        "wijken": [[t.id, t.naam] for t in site.taxonomy.wijken],
        "talen": [list(pair) for pair in used_languages(site)],
        "soorten": [[t.id, t.naam] for t in site.taxonomy.soorten],
    }


def filter_data(documents: Sequence[Document]) -> dict[str, Any]:
    """filters.json: the FILTER_COLUMNS of every activity."""
    return {"v": FORMAT_VERSION, "kolommen": _columns(documents, FILTER_COLUMNS)}


def card_files(documents: Sequence[Document]) -> list[dict[str, Any]]:
    """kaartjes/N.json: the CARD_COLUMNS of CARDS_PER_FILE documents each, in ref order."""
    return [
        {"v": FORMAT_VERSION, "kolommen": _columns(documents[n : n + CARDS_PER_FILE], CARD_COLUMNS)}
        for n in range(0, len(documents), CARDS_PER_FILE)
    ]
