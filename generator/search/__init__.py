"""Search: documents, a Dutch lunr index, and the Python reference of the browser's query.

- `text`: normalising, stop words, stems and their exceptions (the same in the browser);
- `compounds`: compound words split with the Dutch word list (index) or the index (query);
- `documents`: what is indexed, what filters read and what a result shows;
- `index`: the lunr index and its compact encoding;
- `encoding`: that encoding straight from the documents, as the build writes it;
- `shards`: that encoding in small files: the term lists, and shards of postings;
- `reference`: the browser's query in Python, the test oracle (never part of a build).

`write_index` writes the files (urls.SEARCH_*, search_cards, search_shard); `page_context`
is what templates/zoeken.html needs.
"""

from __future__ import annotations

from typing import Any

from .. import present, urls
from ..assemble import Site
from ..assets import SEARCH_SCRIPTS
from ..model import LADDER, Toegang
from ..publish import Writer
from . import shards
from .compounds import WordList
from .documents import build_documents, card_files, display_data, filter_data, used_languages
from .encoding import encode_rows
from .index import QUERY_SETTINGS
from .kept_terms import KeptTerms
from .text import STEM_EXCEPTIONS


def write_index(site: Site, writer: Writer, words: WordList | None, keep: bool = False) -> None:
    """Write gegevens.json, filters.json, the card files, and the index with its shards;
    compounds split with `words`; `keep`: take the terms of each text from the builds
    before, and keep them for the next (`kept_terms`)."""
    kept = KeptTerms(words, keep)
    documents = build_documents(site)
    writer.write_json(urls.SEARCH_DATA, display_data(site))
    writer.write_json(urls.SEARCH_FILTERS, filter_data(documents))
    for n, cards in enumerate(card_files(documents)):
        writer.write_json(urls.search_cards(n), cards)
    settings, lengths, rows = encode_rows(documents, words, kept)
    settings["query"] = QUERY_SETTINGS  # js/zoeken/zoek.js builds its queries with these
    settings["stammen"] = STEM_EXCEPTIONS  # and its terms with these
    settings["woordenlijst"] = words.source if words else None  # what split the compounds

    def emit(folder: str, n: int, shard: dict[str, Any]) -> None:
        writer.write_json(urls.search_shard(folder, n), shard)

    core, text = shards.split_rows(settings, lengths, rows, emit)
    writer.write_json(urls.SEARCH_INDEX, core)
    writer.write_json(urls.SEARCH_TEXT, text)
    kept.save()


def page_context(site: Site) -> dict[str, Any]:
    """What templates/zoeken.html needs: data files, scripts, and the facets with their options."""
    tax = site.taxonomy
    facets = [
        (
            "doelgroep",
            "Doelgroep",
            [(t.id, t.naam) for t in tax.doelgroepen] + [(urls.VOOR_IEDEREEN, "Voor iedereen")],
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
    if len(languages := used_languages(site)) > 1:  # a filter with one choice helps nobody
        facets.append(("taal", "Taal", languages))
    if tax.soorten:
        facets.append(("soort", "Soort aanbod", [(t.id, t.naam) for t in tax.soorten]))
    return {
        "search_data": urls.SEARCH_DATA,
        "search_filters": urls.SEARCH_FILTERS,
        "search_index": urls.SEARCH_INDEX,
        "search_text": urls.SEARCH_TEXT,
        "search_scripts": [urls.vendor(name) for _, name in SEARCH_SCRIPTS],
        "search_module": "js/zoeken/pagina.js",  # in static/
        "contact_org": site.organisation(contact)
        if (contact := site.config.wegwijzer.contact)
        else None,
        "facets": facets,
    }
