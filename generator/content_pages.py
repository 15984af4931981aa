"""The free pages of content/paginas/, and the two statements every public site needs.

A page `content/paginas/<slug>.md` is published at /<slug>/ (the loader refuses a slug
the site uses itself). The site always has an accessibility statement at
/toegankelijkheid/ (Dutch public-sector sites must publish one) and a privacy
statement at /privacy/; a content page with the same slug replaces either one.
"""

from __future__ import annotations

from . import markup, urls, voice
from .assemble import Site
from .model import ContentPage
from .page import Page

# What the tests of this project measure on every release (docs/toegankelijkheid.md).
MEASURED = (
    ("WCAG 2.1 niveau A en AA", "axe-core in Chromium, op elke soort pagina, op een telefoon"
     " (360 px) en op een computer"),
    ("Geldige HTML", "de Nu Html Checker (vnu) op elke pagina"),
    ("Toetsenbord", "de wegwijzer, het lijstje en de zoekpagina zijn met alleen een toetsenbord"
     " te gebruiken"),
    ("Inzoomen en smalle schermen", "geen horizontaal scrollen bij 320 px breed (400%"
     " inzoomen)"),
    ("Afdrukken", "het lijstje en de overzichten passen op A4"),
)  # fmt: skip


def plan(site: Site) -> list[Page]:
    """The content pages, and each statement the content does not replace."""
    own = {p.slug for p in site.pages}
    pages = [_content_page(p) for p in site.pages]
    if urls.TOEGANKELIJKHEID.rstrip("/") not in own:
        pages.append(accessibility(site))
    if urls.PRIVACY.rstrip("/") not in own:
        pages.append(privacy(site))
    return pages


def menu(site: Site) -> list[tuple[str, str]]:
    """(url, title) of the pages in every page's menu: those with `menu: true`."""
    return [(urls.content_page(p.slug), p.titel) for p in site.pages if p.menu]


def _content_page(page: ContentPage) -> Page:
    rendered = markup.render(page.beschrijving)
    return Page(
        urls.content_page(page.slug),
        "pagina.html",
        page.titel,
        markup.shorten(rendered.text, 160),
        {"body": rendered.html},
    )


def accessibility(site: Site) -> Page:
    return Page(
        urls.TOEGANKELIJKHEID,
        "toegankelijkheid.html",
        "Toegankelijkheid",
        voice.say(
            f"Hoe toegankelijk de sociale kaart van {site.config.gemeente} is, wat er gemeten"
            " wordt en waar u een probleem meldt.",
            site.config.aanspreekvorm,
        ),
        {"measured": MEASURED},
    )


def privacy(site: Site) -> Page:
    return Page(
        urls.PRIVACY,
        "privacy.html",
        "Privacy",
        voice.say(
            f"Wat de sociale kaart van {site.config.gemeente} over u bewaart: niets. Geen"
            " cookies, en de wegwijzer werkt alleen in uw browser.",
            site.config.aanspreekvorm,
        ),
    )
