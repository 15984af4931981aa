"""Search documents: what is indexed of each activity and organisation, and what a result shows.

Activities come first (in site order), then organisations; a document's ref is its
position. `display_data` is zoeken/gegevens.json: small, loaded first, so filters
work before the index arrives. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import present, urls
from ..applies import EMPTY_APPLIES
from ..assemble import Site
from ..markup import plain_text, shorten
from ..model import LADDER, Toegang

FORMAT_VERSION = 3

# The columns of an activity row in gegevens.json, named in the file itself ("kolommen").
# An organisation row has the first three only. toegang, organisatie and the taxonomy
# columns hold positions in the lists of the same name; ladder holds rung numbers.
COLUMNS = (
    "titel",
    "url",
    "fragment",
    "organisatie",
    "toegang",
    "gratis",
    "ladder",
    "doelgroepen",
    "leefgebieden",
    "wijken",
)
# The search filters ("facetten"): the URL parameter, the column it filters on (also the
# name of the list of its values), and whether a row holds the value's position in that
# list or the value itself.
FACETS = (
    ("doelgroep", "doelgroepen", "positie"),
    ("ladder", "ladder", "waarde"),
    ("leefgebied", "leefgebieden", "positie"),
    ("wijk", "wijken", "positie"),
    ("toegang", "toegang", "positie"),
)
# Only the start of a description goes into the index: it says what the activity
# is; the rest (directions, opening hours) mostly adds size, not findability.
EXCERPT_WORDS = 30
SNIPPET_CHARS = 120

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
    """gegevens.json: the row format, facet vocabularies, organisations, one row per document.

    Rows are lists in the order of "kolommen" (see COLUMNS); refs in the index are
    row numbers, and the first "activiteiten" rows are activities.
    """
    return {
        "v": FORMAT_VERSION,
        "kolommen": list(COLUMNS),
        # "leegPast": an empty list applies to every value (see generator/applies.py); so
        # the filter value voor-iedereen, which no activity names, keeps just those.
        "facetten": [
            {"naam": n, "kolom": c, "waarden": w, "leegPast": EMPTY_APPLIES.get(c, False)}
            for n, c, w in FACETS
        ],
        "activiteiten": len(site.activities),
        "organisaties": [o.naam for o in site.organisations],
        "toegang": [[t.value, present.toegang_label(t)] for t in Toegang],
        "ladder": [[r.number, r.naam] for r in LADDER],
        "doelgroepen": [[t.id, t.naam] for t in site.taxonomy.doelgroepen],
        "leefgebieden": [[t.id, t.naam] for t in site.taxonomy.leefgebieden],
        "wijken": [[t.id, t.naam] for t in site.taxonomy.wijken],
        "docs": [d.display for d in documents],
    }
