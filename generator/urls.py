"""The URL scheme: every page, data file and static file of the output, and relative links.

Page URLs are site-relative directory paths such as "activiteiten/koffie/";
the home page is "". Every path the build writes or links to comes from here
(only the dev server's own endpoints live in `serve`), and every link in a page
is made relative, so the site works from any sub-path.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

HOME = ""
OVERZICHT = "overzicht/"
ANALYSE = "overzicht/analyse/"
ACTIVITIES = "activiteiten/"
ORGANISATIONS = "organisaties/"
LADDER = "ladder/"
VOOR_IEDEREEN = "voor-iedereen"
WEGWIJZER = "wegwijzer/"
LIJSTJE = "lijstje/"
ZOEKEN = "zoeken/"
OPEN_DATA = "open-data/"
TOEGANKELIJKHEID = "toegankelijkheid/"  # the accessibility statement; a content page may replace it
PRIVACY = "privacy/"  # the privacy statement; a content page may replace it
SCHEMA = "schema/"  # JSON Schemas of the content files, for editors' autocompletion
KAART = "kaart/"
MAP_OUTLINES = "kaart/wijken.geojson"  # for the background map (only with one)

# The overviews for policy (`overview_pages`).
OVERZICHT_LEEFGEBIEDEN = "overzicht/leefgebieden/"
OVERZICHT_SOORTEN = "overzicht/soorten/"
OVERZICHT_TOEGANG = "overzicht/toegang/"

# Open data (`opendata`): the HSDS API, its tabular form, and the other downloads.
HSDS = "open-data/hsds/"
HSDS_CSV = "open-data/hsds/csv/"
SPREADSHEET_ACTIVITIES = "open-data/activiteiten.csv"
SPREADSHEET_ORGANISATIONS = "open-data/organisaties.csv"
OPEN_CALENDAR = "open-data/agenda.ics"
OPEN_GEOJSON = "open-data/locaties.geojson"
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"

# The data files the browser reads.
WEGWIJZER_DATA = "wegwijzer/data.json"
SEARCH_DATA = "zoeken/gegevens.json"
SEARCH_FILTERS = "zoeken/filters.json"
SEARCH_INDEX = "zoeken/index.json"
SEARCH_TEXT = "zoeken/index-tekst.json"
STATIC = "static"
VENDOR = "static/vendor"


def search_cards(n: int) -> str:
    """File N of the search result cards (search/documents.py card_files)."""
    return f"zoeken/kaartjes/{n}.json"


def search_shard(part: str, n: int) -> str:
    """Shard N of a part of the search index, beside index.json (search/shards.py)."""
    return f"zoeken/{part}/{n}.json"


def activity_calendar(slug: str) -> str:
    """The iCalendar file of an activity's `tijden`."""
    return f"activiteiten/{slug}/agenda.ics"


def overview_wijk(wijk_id: str) -> str:
    """The overview of one wijk."""
    return f"overzicht/wijken/{wijk_id}/"


def activity(slug: str) -> str:
    return f"activiteiten/{slug}/"


def organisation(slug: str) -> str:
    return f"organisaties/{slug}/"


def term_index(kind: str) -> str:
    """The index of one taxonomy kind: doelgroepen/, leefgebieden/ or wijken/."""
    return f"{kind}/"


def term(kind: str, term_id: str) -> str:
    return f"{kind}/{term_id}/"


def rung(number: int) -> str:
    return f"ladder/{number}/"


def static(name: str) -> str:
    return f"{STATIC}/{name}"


def vendor(name: str) -> str:
    """A third-party browser library, copied from node_modules at build time."""
    return f"{VENDOR}/{name}"


def output_path(url: str) -> str:
    """The file that serves a page URL: directory URLs get an index.html."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def relative_url(from_page: str, to: str) -> str:
    """A link from the page at `from_page` to `to`, both site-relative. The same as
    posixpath.relpath from the page's folder (tests/test_build.py holds them equal)."""
    return linker(from_page)(to)


def linker(from_page: str) -> Callable[[str], str]:
    """relative_url from one page, for its many links, in string operations: the page's
    folder is split once, and a link outside the page's first folder is "../" times its
    depth before the target."""
    base = output_path(from_page).split("/")[:-1]
    up = "../" * len(base)
    outside = (base[0] + "/", base[0] + "#") if base else ()

    def link(to: str) -> str:
        plain = to[:1] not in ("/", ".") and "//" not in to  # no path to tidy
        if base and plain and to != base[0] and not to.startswith(outside):
            return up + to
        return _relative(base, to)

    return link


def _relative(base: list[str], to: str) -> str:
    target, _, fragment = to.partition("#")
    parts = [part for part in target.split("/") if part]
    common = 0
    while common < len(base) and common < len(parts) and base[common] == parts[common]:
        common += 1
    rel = "/".join([".."] * (len(base) - common) + parts[common:]) or "."
    if target.endswith("/") or target == "":
        rel = "./" if rel == "." else rel + "/"
    return f"{rel}#{fragment}" if fragment else rel


def absolute_url(base_url: str, url: str) -> str:
    """The public URL of a page, for canonical links and the sitemap."""
    return base_url + url


def root_path(base_url: str) -> str:
    """The path part of basis_url, e.g. "/sociale-kaart/", for pages served anywhere (404)."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def content_page(slug: str) -> str:
    """A page of content/paginas/: at the top, /<slug>/."""
    return f"{slug}/"


def generated_roots() -> frozenset[str]:
    """The first part of every address the site makes itself (a content page may not take
    one), apart from the statements, which a content page may replace."""
    roots = {value.split("/", 1)[0] for name, value in globals().items()
             if name.isupper() and isinstance(value, str) and value}  # fmt: skip
    roots |= {"doelgroepen", "leefgebieden", "wijken", "verwijzers", "soorten"}  # term_index
    return frozenset(roots - {TOEGANKELIJKHEID.rstrip("/"), PRIVACY.rstrip("/")})
