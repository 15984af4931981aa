"""Plan every page of the site and render it with Jinja2.

`plan_pages` decides which pages exist (URL, template, title, context) from a
finished `Site`; `render_pages` turns the plan into files. Templates are
autoescaped and strict: a typo in a template is a bug that stops the build, and
the only HTML that is not escaped comes from `markup.render_markdown`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from . import present, search, structured, urls, wegwijzer
from .assemble import Site
from .markup import json_ld, render_markdown, summary
from .model import LADDER, RUNGS, Toegang
from .publish import Writer
from .schema import KIND_SINGULAR, TAXONOMY_KINDS

KIND_TITLES = {"doelgroepen": "Doelgroepen", "leefgebieden": "Leefgebieden", "wijken": "Wijken"}


@dataclass(frozen=True)
class Page:
    """One page to render: where it goes, with which template, and what it shows."""

    url: str
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    in_sitemap: bool = True


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        datum=present.date,
        tel=present.tel_href,
        markdown=render_markdown,
        json_ld=json_ld,
        samenvatting=summary,
        leeftijd=present.age,
        aantal=present.count,
        kosten=present.costs,
        toegang_label=present.toegang_label,
        toegang_uitleg=present.toegang_explanation,
    )
    env.globals.update(urls=urls, LADDER=LADDER, RUNGS=RUNGS, Toegang=Toegang)
    env.globals["ZOEKEN"] = search.URL
    env.globals["WEGWIJZER"] = wegwijzer.URL
    return env


def plan_pages(site: Site) -> list[Page]:
    """Every page of the site, in a stable order."""
    gemeente = site.config.gemeente
    pages = [
        Page(
            urls.HOME,
            "home.html",
            site.config.titel,
            f"Wie doet wat voor wie in {gemeente}: activiteiten en hulp voor inwoners,"
            " per doelgroep, leefgebied, wijk en trede van de participatieladder.",
        ),
        Page(
            urls.OVERZICHT,
            "overzicht.html",
            "Wie doet wat voor wie",
            f"Overzicht van het aanbod in {gemeente}: hoeveel activiteiten er zijn per"
            " doelgroep en per trede van de participatieladder, en waar nog niets is.",
            {"matrix": site.matrix()},
        ),
        Page(
            urls.ACTIVITIES,
            "activities_index.html",
            "Alle activiteiten",
            f"Alle {len(site.activities)} activiteiten in {gemeente} op alfabet.",
            {"activities": sorted(site.activities, key=lambda a: (a.titel.casefold(), a.slug))},
        ),
        Page(
            urls.ORGANISATIONS,
            "organisations_index.html",
            "Organisaties",
            f"Alle {len(site.organisations)} organisaties met aanbod in {gemeente}.",
        ),
        Page(
            urls.LADDER,
            "ladder_index.html",
            "De participatieladder",
            "De zes treden van de participatieladder, van geïsoleerd tot betaald werk,"
            " met het aanbod per trede.",
        ),
        Page(
            wegwijzer.URL,
            "wegwijzer.html",
            "Wegwijzer",
            "Beantwoord een paar korte vragen en zie welke activiteiten bij u passen,"
            " wat een volgende stap is en of sociale activering iets voor u is.",
            wegwijzer.page_context(site),
        ),
        Page(
            search.URL,
            "zoeken.html",
            "Zoeken",
            f"Zoek in het hele aanbod van {gemeente} op woorden, en filter op doelgroep,"
            " trede, leefgebied, wijk, toegang en kosten.",
            search.page_context(site),
        ),
    ]
    for activity in site.activities:
        org = site.organisation(activity.organisatie)
        pages.append(
            Page(
                urls.activity(activity.slug),
                "activity.html",
                activity.titel,
                summary(activity.beschrijving) or f"{activity.titel} door {org.naam}.",
                {
                    "activity": activity,
                    "organisation": org,
                    "contact": present.contact(site, activity),
                    "place": present.place(site, activity),
                    "structured_data": structured.activity_data(site.config, activity, org),
                },
            )
        )
    for org in site.organisations:
        pages.append(
            Page(
                urls.organisation(org.slug),
                "organisation.html",
                org.naam,
                summary(org.beschrijving) or f"{org.naam} in {gemeente}.",
                {
                    "organisation": org,
                    "activities": site.activities_of(org.slug),
                    "structured_data": structured.organisation_data(site.config, org),
                },
            )
        )
    for kind in TAXONOMY_KINDS:
        pages.append(
            Page(
                urls.term_index(kind),
                "term_index.html",
                KIND_TITLES[kind],
                f"Het aanbod in {gemeente} per {KIND_SINGULAR[kind]}.",
                {"kind": kind, "terms": site.taxonomy.kind(kind)},
            )
        )
        for term in site.taxonomy.kind(kind):
            pages.append(_term_page(site, kind, term.id, term.naam, term.omschrijving))
    pages.append(
        _term_page(
            site,
            "doelgroepen",
            urls.VOOR_IEDEREEN,
            "Voor iedereen",
            "Activiteiten die voor alle inwoners open staan, zonder speciale doelgroep.",
        )
    )
    for rung in LADDER:
        pages.append(
            Page(
                urls.rung(rung.number),
                "rung.html",
                f"Trede {rung.number}: {rung.naam}",
                f"Activiteiten voor mensen op trede {rung.number} van de participatieladder:"
                f" {rung.naam.lower()}.",
                {"rung": rung, "activities": site.activities_on_rung(rung.number)},
            )
        )
    pages.append(
        Page(
            urls.NOT_FOUND,
            "404.html",
            "Pagina niet gevonden",
            "Deze pagina bestaat niet.",
            in_sitemap=False,
        )
    )
    return pages


def _term_page(site: Site, kind: str, term_id: str, naam: str, omschrijving: str) -> Page:
    if term_id == urls.VOOR_IEDEREEN:
        activities = site.activities_for_everyone()
    else:
        activities = site.activities_for(kind, term_id)
    context: dict[str, Any] = {
        "kind": kind,
        "term_id": term_id,
        "naam": naam,
        "omschrijving": omschrijving,
        "activities": activities,
    }
    if kind == "doelgroepen":
        context["by_rung"] = [(r, [a for a in activities if r.number in a.ladder]) for r in LADDER]
        context["for_everyone"] = len(site.activities_for_everyone())
    if kind == "wijken":
        context["municipality_wide"] = site.activities_municipality_wide()
        context["organisations"] = [o for o in site.organisations if term_id in o.wijken]
    noun = KIND_SINGULAR[kind]
    return Page(
        urls.term(kind, term_id),
        "term.html",
        naam,
        omschrijving or f"Activiteiten in {site.config.gemeente} voor {noun} {naam}.",
        context,
    )


def render_pages(
    env: jinja2.Environment,
    site: Site,
    pages: Iterable[Page],
    writer: Writer,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Render every planned page and the sitemap; return the number of files written."""
    written = 0
    pages = list(pages)
    for page in pages:
        template = env.get_template(page.template)
        html = template.render(
            site=site,
            config=site.config,
            page=page,
            url=_linker(site, page),
            canonical=urls.absolute_url(site.config.basis_url, page.url),
            **page.context,
        )
        writer.write(urls.output_path(page.url), html)
        written += 1
        if progress:
            progress(1)
    sitemap = env.get_template("sitemap.xml").render(
        locations=[urls.absolute_url(site.config.basis_url, p.url) for p in pages if p.in_sitemap]
    )
    writer.write(urls.SITEMAP, sitemap)
    sitemap_url = urls.absolute_url(site.config.basis_url, urls.SITEMAP)
    writer.write("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {sitemap_url}\n")
    return written + 2


def _linker(site: Site, page: Page) -> Callable[[str], str]:
    if page.url == urls.NOT_FOUND:
        # The 404 page is served at any depth, so its links start from the site root.
        root = urls.root_path(site.config.basis_url)
        return lambda to: root + to
    return lambda to: urls.relative_url(page.url, to)
