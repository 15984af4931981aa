"""wegwijzer/data.json: everything the browser needs to match and to print the handout.

Named fields only; every text a person reads comes from `present` (as on the
pages) or from `rules.TEXTS`. No I/O except through the Writer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import applies, places, present, urls, voice
from ..assemble import Site
from ..model import LADDER, Activity, Organisation, Toegang
from ..publish import Writer, dumps_pieces
from .rules import TEXTS, contact_for, rung_span


def data(site: Site) -> dict[str, Any]:
    """Everything the browser needs to match and to print the handout.

    Activities are listed by (title case-insensitive, slug): the browser sorts its
    matches by toegang and shared leefgebieden and uses this position as the final
    tie-break, so it never has to compare Dutch text itself.
    """
    return {**_head(site), "activiteiten": list(_activities(site))}


def write_data(site: Site, writer: Writer) -> None:
    """Write wegwijzer/data.json: compact and byte-for-byte reproducible, one activity at a
    time (at 10,000 activities the whole file took some 70 MB to make at once)."""
    pieces = dumps_pieces(_head(site), "activiteiten", _activities(site))
    writer.write_chunks(urls.WEGWIJZER_DATA, (p.encode("utf-8") for p in [*pieces, "\n"]))


def _activities(site: Site) -> Iterator[dict[str, Any]]:
    by_title = sorted(site.activities, key=lambda a: (a.titel.casefold(), a.slug))
    return (_activity(site, a) for a in by_title)


def _head(site: Site) -> dict[str, Any]:
    """data.json but its activities."""
    config = site.config.wegwijzer
    form = site.config.aanspreekvorm
    contact = site.organisation(config.contact) if config.contact else None
    return {
        "drempel": config.drempel,
        "treden": list(config.treden),
        "tredenTekst": rung_span(config.treden),
        "gemeente": site.config.gemeente,
        "teksten": {key: voice.say(text, form) for key, text in TEXTS.items()},
        "leefgebieden": _terms(site, "leefgebieden"),
        "doelgroepen": _terms(site, "doelgroepen"),
        "wijken": [  # with the wijk's own contact, which the outcome names instead
            {
                **term,
                "contact": _organisation(org) if (org := contact_for(site, term["id"])) else None,
            }
            for term in _terms(site, "wijken")
        ],
        "ladder": [
            {
                "trede": r.number,
                "naam": r.naam,
                "omschrijving": voice.say(r.omschrijving, form),
                "url": urls.rung(r.number),
            }
            for r in LADDER
        ],
        "toegang": [{"id": t.value, "label": present.toegang_label(t)} for t in Toegang],
        "contact": _organisation(contact) if contact else None,
        "leegPast": applies.EMPTY_APPLIES,
    }


def _terms(site: Site, kind: str) -> list[dict[str, str]]:
    return [{"id": t.id, "naam": t.naam} for t in site.taxonomy.kind(kind)]


def _organisation(org: Organisation) -> dict[str, str]:
    return {
        "naam": org.naam,
        "url": urls.organisation(org.slug),
        "telefoon": org.telefoon,
        "tel": present.tel_href(org.telefoon) if org.telefoon else "",
        "email": org.email,
        "adres": places.address_line(org.adres),
    }


def _activity(site: Site, activity: Activity) -> dict[str, Any]:
    return {
        "slug": activity.slug,
        "titel": activity.titel,
        "url": urls.activity(activity.slug),
        "organisatie": site.organisation(activity.organisatie).naam,
        "toegang": activity.toegang.value,
        "ladder": sorted(set(activity.ladder)),
        "leefgebieden": list(dict.fromkeys(activity.leefgebieden)),
        "doelgroepen": list(dict.fromkeys(activity.doelgroepen)),
        "wijken": list(dict.fromkeys(activity.wijken)),
        "leeftijd": [activity.leeftijd.min, activity.leeftijd.max],
        "feiten": [
            {"label": fact.label, "delen": [_part(p) for p in fact.parts]}
            for fact in present.handout_facts(site, activity)
        ],
    }


def _part(part: present.Part) -> dict[str, str]:
    return {"tekst": part.text, "link": part.link} if part.link else {"tekst": part.text}
