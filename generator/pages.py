"""Which pages the site has: one small function per page kind, and the plan of them all.

A `Page` says where it goes (a URL from `urls`), which template renders it, its
title (the `<title>` and, unless `heading` differs, the page's h1), the meta
description and the data the template needs. Nothing here renders or writes.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from . import places, present, qr, search, structured, urls, voice, wegwijzer
from .assemble import Site
from .markup import summary
from .model import LADDER, Activity, Organisation, Rung, Term
from .page import Page, PagePlan
from .schema import KIND_SINGULAR

QR_TITLE = "QR-code met het adres van deze pagina"

KIND_TITLES = {
    "doelgroepen": "Doelgroepen",
    "leefgebieden": "Leefgebieden",
    "wijken": "Wijken",
    "soorten": "Soorten aanbod",
}


def plan_pages(site: Site, extra: tuple[Page, ...] = ()) -> list[PagePlan]:
    """Every page of the site, in a stable order; `extra` are pages planned elsewhere
    (the overviews, the map, the content pages)."""
    made = [
        home(site),
        activities_index(site),
        organisations_index(site),
        ladder_index(site),
        wegwijzer_page(site),
        search_page(site),
        shortlist_page(site),
        *extra,
    ]
    plans = [PagePlan.ready(page) for page in made]
    plans += [PagePlan(urls.activity(a.slug), partial(activity, site, a)) for a in site.activities]
    plans += [
        PagePlan(urls.organisation(o.slug), partial(organisation, site, o))
        for o in site.organisations
    ]
    made = []
    for kind in site.listed_kinds():
        made.append(term_index(site, kind))
        made += [term(site, kind, t) for t in site.taxonomy.kind(kind)]
    made.append(for_everyone(site))
    made += [rung(site, r) for r in LADDER]
    made.append(not_found())
    return plans + [PagePlan.ready(page) for page in made]


def home(site: Site) -> Page:
    return Page(
        urls.HOME,
        "home.html",
        site.config.titel,
        f"Wie doet wat voor wie in {site.config.gemeente}: activiteiten en hulp voor inwoners,"
        " per doelgroep, leefgebied, wijk en trede van de participatieladder.",
    )


def activities_index(site: Site) -> Page:
    return Page(
        urls.ACTIVITIES,
        "activities_index.html",
        "Alle activiteiten",
        f"Alle {len(site.activities)} activiteiten in {site.config.gemeente} op alfabet.",
        {"activities": sorted(site.activities, key=lambda a: (a.titel.casefold(), a.slug))},
    )


def organisations_index(site: Site) -> Page:
    return Page(
        urls.ORGANISATIONS,
        "organisations_index.html",
        "Organisaties",
        f"Alle {len(site.organisations)} organisaties met aanbod in {site.config.gemeente}.",
    )


def ladder_index(site: Site) -> Page:
    return Page(
        urls.LADDER,
        "ladder_index.html",
        "De participatieladder",
        "De zes treden van de participatieladder, van geïsoleerd tot betaald werk,"
        " met het aanbod per trede.",
    )


def wegwijzer_page(site: Site) -> Page:
    return Page(
        urls.WEGWIJZER,
        "wegwijzer.html",
        "Wegwijzer",
        voice.say(
            "Beantwoord een paar korte vragen en zie welke activiteiten bij u passen,"
            " wat een volgende stap is en of sociale activering iets voor u is.",
            site.config.aanspreekvorm,
        ),
        wegwijzer.page_context(site),
        h1="Wegwijzer: wat past bij mij?",
    )


def search_page(site: Site) -> Page:
    return Page(
        urls.ZOEKEN,
        "zoeken.html",
        "Zoeken",
        f"Zoek in het hele aanbod van {site.config.gemeente} op woorden, en filter op doelgroep,"
        " trede, leefgebied, wijk, toegang en kosten.",
        search.page_context(site),
        h1="Zoeken in het aanbod",
    )


def shortlist_page(site: Site) -> Page:
    """Mijn lijstje: the activities someone collected, from the URL fragment (JavaScript)."""
    return Page(
        urls.LIJSTJE,
        "lijstje.html",
        "Mijn lijstje",
        voice.say(
            "De activiteiten die u hebt verzameld, om te printen, te mailen of door te sturen.",
            site.config.aanspreekvorm,
        ),
        {"data_file": urls.WEGWIJZER_DATA},
        in_sitemap=False,  # what it shows depends on the address; empty for a search engine
    )


def activity(site: Site, entry: Activity) -> Page:
    org = site.organisation(entry.organisatie)
    return Page(
        urls.activity(entry.slug),
        "activity.html",
        entry.titel,
        summary(entry.beschrijving) or f"{entry.titel} door {org.naam}.",
        {
            "activity": entry,
            "organisation": org,
            "partners": [site.organisation(slug) for slug in entry.partners],
            "contact": present.contact(site, entry),
            "place": places.place(site, entry),
            "places": places.cards(entry),
            "costs": present.costs(site, entry),
            "access": present.access(site, entry),
            "schedule": present.schedule(entry),
            "closed": present.closed(entry),
            "languages": present.languages(entry),
            "forms": present.forms(entry, site.config.aanspreekvorm),
            "change_mail": present.change_mail(site, entry.titel, urls.activity(entry.slug)),
            "qr": qr.svg(
                urls.absolute_url(site.config.basis_url, urls.activity(entry.slug)), QR_TITLE
            ),
            "structured_data": structured.activity_data(
                site.config, entry, org, [t.naam for t in site.terms("soorten", entry.soorten)]
            ),
        },
    )


def organisation(site: Site, org: Organisation) -> Page:
    return Page(
        urls.organisation(org.slug),
        "organisation.html",
        org.naam,
        summary(org.beschrijving) or f"{org.naam} in {site.config.gemeente}.",
        {
            "organisation": org,
            "activities": site.activities_of(org.slug),
            "qr": qr.svg(
                urls.absolute_url(site.config.basis_url, urls.organisation(org.slug)), QR_TITLE
            ),
            "geo": places.geo_link(org.naam, org.adres),
            "change_mail": present.change_mail(site, org.naam, urls.organisation(org.slug)),
            "map": places.map_link(org.adres),
            "structured_data": structured.organisation_data(site.config, org),
        },
    )


def term_index(site: Site, kind: str) -> Page:
    return Page(
        urls.term_index(kind),
        "term_index.html",
        KIND_TITLES[kind],
        f"Het aanbod in {site.config.gemeente} per {KIND_SINGULAR[kind]}.",
        {"kind": kind, "terms": site.taxonomy.kind(kind)},
    )


def term(site: Site, kind: str, entry: Term) -> Page:
    return _term_page(
        site, kind, entry.id, entry.naam, entry.omschrijving, site.activities_for(kind, entry.id)
    )


def for_everyone(site: Site) -> Page:
    """The doelgroep page of the activities that name no doelgroep."""
    return _term_page(
        site,
        "doelgroepen",
        urls.VOOR_IEDEREEN,
        "Voor iedereen",
        "Activiteiten die voor alle inwoners open staan, zonder speciale doelgroep.",
        site.activities_for_everyone(),
    )


def _term_page(
    site: Site, kind: str, term_id: str, naam: str, omschrijving: str, activities: list[Activity]
) -> Page:
    context: dict[str, Any] = {
        "kind": kind,
        "kind_title": KIND_TITLES[kind],
        "term_id": term_id,
        "naam": naam,
        "omschrijving": omschrijving,
        "activities": activities,
    }
    if kind == "doelgroepen":
        # Per rung: the activities for this doelgroep, then those for everyone (which
        # apply too); on the page "voor iedereen" itself, only the first list.
        everyone = [] if term_id == urls.VOOR_IEDEREEN else site.activities_for_everyone()
        context["by_rung"] = [
            (
                r,
                [a for a in activities if r.number in a.ladder],
                [a for a in everyone if r.number in a.ladder],
            )
            for r in LADDER
        ]
        context["for_everyone"] = len(site.activities_for_everyone())
    if kind == "wijken":
        context["municipality_wide"] = site.activities_municipality_wide()
        context["organisations"] = [o for o in site.organisations if term_id in o.wijken]
    noun = KIND_SINGULAR[kind]
    about = f"van de soort {naam}" if kind == "soorten" else f"voor {noun} {naam}"
    return Page(
        urls.term(kind, term_id),
        "term.html",
        naam,
        omschrijving or f"Activiteiten in {site.config.gemeente} {about}.",
        context,
    )


def rung(site: Site, entry: Rung) -> Page:
    return Page(
        urls.rung(entry.number),
        "rung.html",
        f"Trede {entry.number}: {entry.naam}",
        f"Activiteiten voor mensen op trede {entry.number} van de participatieladder:"
        f" {entry.naam.lower()}.",
        {"rung": entry, "activities": site.activities_on_rung(entry.number)},
    )


def not_found() -> Page:
    return Page(
        urls.NOT_FOUND,
        "404.html",
        "Pagina niet gevonden",
        "Deze pagina bestaat niet.",
        in_sitemap=False,
        h1="Deze pagina bestaat niet",
    )
