"""Our classifications as HSDS taxonomies: which exist, their terms, and who has which.

The taxonomie.yaml lists (doelgroepen, leefgebieden, wijken, soorten, verwijzers) and the
built-in ones (the participatieladder, toegang and vorm) are each one taxonomy. An
activity or organisation is linked to its terms through HSDS `attribute` records whose
`link_type` is the singular Dutch name of the taxonomy (`doelgroep`, `trede`, ...). The
HSDS export and the importer both read this table, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import present, urls, voice
from ..assemble import Site
from ..model import FORMS, LADDER, Activity, Toegang

# The terms of "kenmerken": attributes that carry a value (an organisation id, a word,
# the web page to sign up on).
PARTNER = "partner"
SEARCH_WORD = "zoekterm"
SIGN_UP_PAGE = "aanmelden"

# Each content field with a taxonomy -> the attribute's link_type (the importer reads
# it backwards); the codes of "kenmerken" are their own link_type.
LINK_TYPES = {
    "doelgroepen": "doelgroep",
    "leefgebieden": "leefgebied",
    "wijken": "wijk",
    "soorten": "soort",
    "verwijzers": "verwijzer",
    "ladder": "trede",
    "toegang": "toegang",
    "vorm": "vorm",
    PARTNER: PARTNER,
    SEARCH_WORD: SEARCH_WORD,
    SIGN_UP_PAGE: SIGN_UP_PAGE,
}


@dataclass(frozen=True)
class Code:
    """One term: its code in our content, its name, its explanation and its page."""

    code: str
    name: str
    description: str
    page: str = ""  # site-relative URL, or empty when it has no page


@dataclass(frozen=True)
class Vocabulary:
    kind: str  # the content field: doelgroepen, ladder, toegang, ...
    link_type: str  # the attribute's link_type: doelgroep, trede, toegang, ...
    name: str
    description: str
    page: str
    codes: tuple[Code, ...]
    of_activity: Callable[[Activity], tuple[str, ...]]


def _listed(site: Site, kind: str, name: str, description: str) -> Vocabulary:
    codes = tuple(
        Code(
            t.id,
            t.naam,
            t.omschrijving or t.naam,
            urls.term(kind, t.id) if kind in site.listed_kinds() else "",
        )
        for t in site.taxonomy.kind(kind)
    )
    page = urls.term_index(kind) if kind in site.listed_kinds() else ""
    return Vocabulary(
        kind, LINK_TYPES[kind], name, description, page, codes, lambda a: getattr(a, kind)
    )


def vocabularies(site: Site) -> tuple[Vocabulary, ...]:
    """Every taxonomy of this site, in a fixed order; optional lists only when present."""

    def say(text: str) -> str:
        return voice.say(text, site.config.aanspreekvorm)

    found = [
        _listed(site, "doelgroepen", "Doelgroepen", "Voor wie een activiteit is."),
        _listed(site, "leefgebieden", "Leefgebieden", "Waarbij een activiteit helpt."),
        _listed(site, "wijken", "Wijken", "Waar in de gemeente een activiteit is."),
    ]
    if site.taxonomy.soorten:
        found.append(_listed(site, "soorten", "Soorten aanbod", "Wat voor aanbod het is."))
    if site.taxonomy.verwijzers:
        found.append(_listed(site, "verwijzers", "Verwijzers", "Wie kan verwijzen of aanmelden."))
    found += [
        Vocabulary(
            "ladder",
            LINK_TYPES["ladder"],
            "Participatieladder",
            "De zes treden van de participatieladder (Divosa), van geïsoleerd tot betaald werk.",
            urls.LADDER,
            tuple(
                Code(str(r.number), r.naam, say(r.omschrijving), urls.rung(r.number))
                for r in LADDER
            ),  # fmt: skip
            lambda a: tuple(str(n) for n in a.ladder),
        ),
        Vocabulary(
            "toegang",
            LINK_TYPES["toegang"],
            "Toegang",
            say("Hoe u binnenkomt, van vrij toegankelijk tot met een indicatie."),
            "",
            tuple(
                Code(t.value, present.toegang_label(t), say(present.toegang_explanation(t)))
                for t in Toegang
            ),
            lambda a: (a.toegang.value,),
        ),
        Vocabulary(
            "vorm",
            LINK_TYPES["vorm"],
            "Vorm",
            "Hoe een activiteit plaatsvindt.",
            "",
            tuple(Code(f, f.capitalize(), say(present.FORM_TEXT[f])) for f in FORMS),
            lambda a: a.vorm,
        ),
        Vocabulary(
            "kenmerken",
            "kenmerk",
            "Kenmerken",
            "Wat een activiteit of organisatie verder kenmerkt; de waarde staat in het attribuut.",
            "",
            (
                Code(PARTNER, "Samen met", "Een organisatie die de activiteit mede uitvoert."),
                Code(SEARCH_WORD, "Zoekterm", "Een ander woord waarop mensen zoeken."),
                Code(SIGN_UP_PAGE, "Aanmelden", say("De webpagina waarop u zich aanmeldt.")),
            ),
            lambda a: (),
        ),
    ]
    return tuple(found)
