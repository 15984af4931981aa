"""End-to-end: the example content builds into a complete site with no broken links."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator import present, urls, voice
from generator.build import check
from generator.model import LADDER, Toegang
from tests.helpers import REPO, run_vnu

CONTENT = REPO / "content"


@pytest.fixture(scope="module")
def example():
    site, _diags = check(CONTENT)
    return site


@cache
def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def page_path(root: Path, url: str) -> Path:
    return root / url / "index.html" if url.endswith("/") or url == "" else root / url


# --- The example content itself -----------------------------------------------------


def test_example_content_is_large_enough_and_error_free(example):
    assert len(example.organisations) >= 25
    assert len(example.activities) >= 80


def test_example_content_uses_every_value(example):
    acts = example.activities
    for kind in ("doelgroepen", "leefgebieden", "wijken"):
        used = {i for a in acts for i in getattr(a, kind)}
        assert used == {t.id for t in example.taxonomy.kind(kind)}, kind
    assert {n for a in acts for n in a.ladder} == {r.number for r in LADDER}
    assert {a.toegang for a in acts} == set(Toegang)
    assert all(example.activities_of(o.slug) for o in example.organisations)


# The real national numbers that the example's direct_hulp (site.yaml) may use; every
# other number is fictional, in the area code 0123 that does not exist.
NATIONAL_NUMBERS = {"112", "0800-0113", "0800-2000"}


def test_example_content_is_fictional():
    real = set()
    for path in sorted([*CONTENT.rglob("*.md"), *CONTENT.rglob("*.yaml")]):
        text = path.read_text(encoding="utf-8")
        for address in re.findall(r"[\w.+-]+@([\w.-]+)", text):
            assert address.endswith(".example"), f"{path}: {address}"
        for host in re.findall(r"https?://([\w.-]+)", text):
            assert host.endswith(".example"), f"{path}: {host}"
        for number in re.findall(r"telefoon: *\"?([^\"\n]+)", text):
            if number in NATIONAL_NUMBERS and path.name == "site.yaml":
                real.add(number)
            else:
                assert re.match(r"0123\b", number), f"{path}: {number}"
    assert real == NATIONAL_NUMBERS  # direct_hulp uses exactly these


def test_example_content_checks_clean_within_a_year_of_its_dates():
    _site, diags = check(CONTENT, strict=True, today=dt.date(2026, 11, 23))
    assert [d.format() for d in diags] == []


# --- Every page exists -----------------------------------------------------------------


def test_every_entry_and_listing_has_a_page(example, example_site):
    urls = ["", "overzicht/", "activiteiten/", "organisaties/", "ladder/", "404.html"]
    urls += [f"activiteiten/{a.slug}/" for a in example.activities]
    urls += [f"organisaties/{o.slug}/" for o in example.organisations]
    urls += [f"ladder/{r.number}/" for r in LADDER]
    urls += ["doelgroepen/voor-iedereen/"]
    for kind in ("doelgroepen", "leefgebieden", "wijken"):
        urls += [f"{kind}/"] + [f"{kind}/{t.id}/" for t in example.taxonomy.kind(kind)]
    missing = [u for u in urls if not page_path(example_site, u).is_file()]
    assert missing == []


def test_sitemap_lists_every_page_but_404_and_the_shortlist(example, example_site):
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    base = example.config.basis_url
    assert all(loc.startswith(base) for loc in locations)
    rels = [p.relative_to(example_site).as_posix() for p in html_files(example_site)]
    # Mijn lijstje shows what its address holds, so on its own it is an empty page.
    pages = {
        posixpath.dirname(rel) for rel in rels if rel not in ("404.html", "lijstje/index.html")
    }
    listed = {loc[len(base) :].rstrip("/") for loc in locations}
    assert listed == pages
    assert len(locations) == len(pages)


def test_activity_page_shows_what_a_frontline_worker_needs(example, example_site):
    activity = next(a for a in example.activities if a.contact.telefoon and a.kosten)
    soup = soup_of(page_path(example_site, f"activiteiten/{activity.slug}/"))
    assert soup.h1.get_text(strip=True) == activity.titel
    pairs = zip(soup.select("dt"), soup.select("dd"), strict=True)
    facts = {dt_.get_text(strip=True): dd for dt_, dd in pairs}
    assert {"Voor wie", "Waar", "Kosten", "Toegang", "Contact"} <= set(facts)
    explanation = voice.say(present.toegang_explanation(activity.toegang), "je")  # the example
    assert explanation in facts["Toegang"].get_text()
    tel = facts["Contact"].select_one('a[href^="tel:"]')
    assert tel["href"] == "tel:" + re.sub(r"[^0-9+]", "", activity.contact.telefoon)
    assert soup.select_one(".checked").get_text().startswith("Gegevens nagekeken op")
    org_link = soup.select_one(".by a")
    assert org_link["href"] == f"../../organisaties/{activity.organisatie}/"


def test_contact_falls_back_to_the_organisation(example, example_site):
    activity = next(a for a in example.activities if a.contact.is_empty())
    org = example.organisation(activity.organisatie)
    soup = soup_of(page_path(example_site, f"activiteiten/{activity.slug}/"))
    contact = soup.select_one("dd.contact")
    if org.email:
        assert contact.select_one('a[href^="mailto:"]')["href"] == f"mailto:{org.email}"
    if org.telefoon:
        assert contact.select_one('a[href^="tel:"]').get_text() == org.telefoon


def test_organisation_page_lists_its_activities(example, example_site):
    for org in example.organisations:
        soup = soup_of(page_path(example_site, f"organisaties/{org.slug}/"))
        links = [a["href"] for a in soup.select(".card-title a")]
        assert links == [f"../../activiteiten/{a.slug}/" for a in example.activities_of(org.slug)]


def test_listings_put_lightest_access_first(example, example_site):
    soup = soup_of(page_path(example_site, "ladder/2/"))
    slugs = [a["href"].split("/")[-2] for a in soup.select(".card-title a")]
    expected = sorted(
        (a for a in example.activities if 2 in a.ladder),
        key=lambda a: (a.toegang.rank, a.titel.casefold(), a.slug),
    )
    assert slugs == [a.slug for a in expected]


def _linked_activities(soup, selector: str = "main") -> set[str]:
    links = soup.select(f"{selector} a[href*='activiteiten/']")
    return {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links}


def test_listings_search_wegwijzer_and_overview_agree_on_what_applies(example, example_site):
    """One definition of "applies to doelgroep D / wijk W" (generator/applies.py) in every view."""
    from generator.search.reference import Filters, Searcher
    from generator.wegwijzer import match

    searcher = Searcher.from_site(example_site)
    slug_of = [a.slug for a in example.activities]
    overview = soup_of(page_path(example_site, "overzicht/"))
    for kind, facet in (("doelgroepen", "doelgroep"), ("wijken", "wijk")):
        for term in example.taxonomy.kind(kind):
            expected = {
                a.slug
                for a in example.activities
                if term.id in getattr(a, kind) or not getattr(a, kind)
            }
            listing = soup_of(page_path(example_site, f"{kind}/{term.id}/"))
            assert _linked_activities(listing) == expected, (kind, term.id)
            found = searcher.search("", Filters(**{facet: (term.id,)}))
            assert {slug_of[h.ref] for h in found.hits} == expected, (kind, term.id)
            for rung in range(1, 7):
                chosen = {"doelgroepen": [term.id]} if kind == "doelgroepen" else {"wijk": term.id}
                now, _ = match(example, [], rung, **chosen)
                on_rung = {s for s in expected if rung in example_by_slug(example, s).ladder}
                assert {a.slug for a in now} == on_rung, (kind, term.id, rung)
                if kind == "doelgroepen":
                    cell = overview.select_one(f'td[data-rij="{term.id}"][data-kolom="{rung}"]')
                    assert int(cell["data-aantal"]) == len(on_rung), (term.id, rung)


def example_by_slug(example, slug: str):
    return next(a for a in example.activities if a.slug == slug)


# --- Links ----------------------------------------------------------------------------


def test_no_internal_link_is_broken(example_site):
    broken = []
    for path in html_files(example_site):
        rel = path.relative_to(example_site).as_posix()
        base_dir = posixpath.dirname(rel)
        soup = soup_of(path)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src")):
            for element in soup.find_all(tag):
                ref = element.get(attr)
                if ref is None or urlsplit(ref).scheme or ref.startswith("//"):
                    continue
                if "?" in ref:  # a link to the search with filters: the page must exist
                    path, _, rest = ref.partition("?")
                    ref = path + (f"#{rest.partition('#')[2]}" if "#" in rest else "")
                if ref.startswith("#"):
                    if not soup.find(id=ref[1:]):
                        broken.append(f"{rel}: {ref} (anker ontbreekt)")
                    continue
                if rel == "404.html":
                    assert ref.startswith("/"), ref  # served at any depth, so root-relative
                    target = ref.lstrip("/")
                else:
                    assert not ref.startswith("/"), f"{rel}: {ref} is not relative"
                    target = posixpath.normpath(
                        posixpath.join(base_dir, unquote(ref.split("#")[0]))
                    )
                    if ref.split("#")[0].endswith("/") or ref.split("#")[0] in ("", "./"):
                        target += "/"
                target = target.split("#")[0]
                file = page_path(example_site, "" if target in (".", "./", "") else target)
                if file.is_dir():
                    file = file / "index.html"
                if not file.is_file():
                    broken.append(f"{rel}: {ref}")
                    continue
                fragment = ref.partition("#")[2]
                if fragment and file.suffix == ".html" and not soup_of(file).find(id=fragment):
                    broken.append(f"{rel}: {ref} (anker ontbreekt)")
    assert broken == []


def test_pages_are_valid_html(example_site):
    assert run_vnu(example_site) == []


def test_every_page_has_one_h1_lang_title_description_and_canonical(example, example_site):
    for path in html_files(example_site):
        soup = soup_of(path)
        rel = path.relative_to(example_site).as_posix()
        assert soup.html["lang"] == "nl", rel
        assert len(soup.find_all("h1")) == 1, rel
        assert soup.title.get_text(strip=True), rel
        assert soup.select_one('meta[name="description"]')["content"].strip(), rel
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        assert canonical.startswith(example.config.basis_url), rel
        csp = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        assert "default-src 'self'" in csp, rel
        inline = [
            s for s in soup.find_all("script", src=False) if s.get("type") != "application/ld+json"
        ]
        assert not inline, f"{rel}: inline script"
        assert not soup.find(style=True), f"{rel}: inline style"


# --- In a real browser, from a sub-path ----------------------------------------------


def test_site_works_from_a_sub_path(example_site, serve_site, page):
    from tests.helpers import watch_errors

    errors = watch_errors(page)
    failed: list[str] = []
    # A request cut off because the test clicks on (net::ERR_ABORTED) did not fail.
    page.on(
        "requestfailed",
        lambda r: failed.append(r.url) if r.failure != "net::ERR_ABORTED" else None,
    )
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    base = serve_site(example_site, prefix="/sociale-kaart/")
    page.goto(base)
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"  # CSS loaded
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Overzicht").click()
    assert page.url == base + "overzicht/"
    page.locator("table.matrix tbody td a").first.click()
    assert "/sociale-kaart/zoeken/?doelgroep=" in page.url and "ladder=" in page.url
    page.locator(".zk-resultaat .card-title a").first.click()
    assert "/sociale-kaart/activiteiten/" in page.url
    page.locator(".by a").click()
    assert "/sociale-kaart/organisaties/" in page.url
    assert failed == [] and errors == []


def test_404_page_links_work_from_any_depth(tmp_path, serve_site, page):
    from generator.build import build
    from tests.helpers import write_tree

    content = tmp_path / "content"
    for source in CONTENT.rglob("*"):
        if source.is_file():
            target = content / source.relative_to(CONTENT)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    site_yaml = (content / "site.yaml").read_text(encoding="utf-8")
    site_yaml = re.sub(r"basis_url: .*", "basis_url: https://gemeente.example/kaart/", site_yaml)
    write_tree(content, {"site.yaml": site_yaml})
    build(content, tmp_path / "out")
    base = serve_site(tmp_path / "out", prefix="/kaart/")
    response = page.goto(base + "activiteiten/bestaat-niet/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Deze pagina bestaat niet"
    page.get_by_role("main").get_by_role("link", name="Naar het overzicht").click()
    assert page.url == base + "overzicht/"
    assert page.locator("h1").inner_text() == "Wie doet wat voor wie"


def test_entries_carry_schema_org_json_ld(example, example_site):
    import json

    activity = example.activities[0]
    org = example.organisation(activity.organisatie)
    soup = soup_of(page_path(example_site, f"activiteiten/{activity.slug}/"))
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Service" and data["name"] == activity.titel
    assert data["provider"]["@type"] == "Organization"
    assert data["provider"]["name"] == org.naam
    assert data["url"] == example.config.basis_url + f"activiteiten/{activity.slug}/"
    soup = soup_of(page_path(example_site, f"organisaties/{org.slug}/"))
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Organization" and data["name"] == org.naam


def test_the_handout_data_describes_each_activity_as_its_page_does(example, example_site):
    """Wanneer, waar, kosten, contact and toegang read the same on the page and the handout."""
    data = json.loads((example_site / "wegwijzer" / "data.json").read_text(encoding="utf-8"))
    labels = {t["id"]: t["label"] for t in data["toegang"]}
    assert len(data["activiteiten"]) == len(example.activities)
    for entry in data["activiteiten"]:
        soup = soup_of(page_path(example_site, entry["url"]))
        pairs = zip(soup.select("dl.facts dt"), soup.select("dl.facts dd"), strict=True)
        dds = {dt_.get_text(strip=True): dd for dt_, dd in pairs}
        page = {label: " ".join(dd.get_text().split()) for label, dd in dds.items()}
        if "Wanneer" in dds:  # a line each on the page, one after the other on the handout
            lines = [s.rstrip(".") for s in dds["Wanneer"].stripped_strings]
            page["Wanneer"] = ". ".join(lines)
        handout = {f["label"]: "".join(p["tekst"] for p in f["delen"]) for f in entry["feiten"]}
        for label in ("Wanneer", "Waar", "Kosten"):
            assert page.get(label) == handout.get(label), (entry["slug"], label)
        # The same contact, with the same links (the page puts them on lines of their own).
        contact = next(f["delen"] for f in entry["feiten"] if f["label"] == "Contact")
        links = [(a.get_text(), a["href"]) for a in dds["Contact"].find_all("a")]
        linked = [(p["tekst"], p["link"]) for p in contact if "link" in p]
        # Nobody to call: the page links to the organisation, the handout names it.
        assert links == linked or (not linked and len(links) == 1), entry["slug"]
        words = dds["Contact"].get_text(" ").replace(",", " ").split()
        assert words == handout["Contact"].replace(",", " ").split(), entry["slug"]
        assert page["Toegang"].startswith(labels[entry["toegang"]]), entry["slug"]


def test_the_age_filter_keeps_what_applies_to_that_age(example, example_site):
    """Search's leeftijd filter follows applies.to_age: both ends inclusive, none = every age."""
    from generator import applies
    from generator.search.reference import Filters, Searcher

    searcher = Searcher.from_site(example_site)
    slug_of = [a.slug for a in example.activities]
    limited = [a for a in example.activities if a.leeftijd.min is not None or a.leeftijd.max]
    assert len(limited) >= 5
    edges = {a.leeftijd.min for a in limited} | {a.leeftijd.max for a in limited}
    ages = sorted({0, 120} | {e for e in edges if e is not None} | {e + 1 for e in edges if e})
    for age in ages:
        found = {slug_of[h.ref] for h in searcher.search("", Filters(leeftijd=age)).hits}
        assert found == {a.slug for a in example.activities if applies.to_age(a, age)}, age


def test_unknown_costs_are_never_shown_or_filtered_as_free(minimal_content, tmp_path):
    from generator.build import build
    from generator.search.reference import Filters, Searcher

    content = minimal_content(
        {
            "activiteiten/koffie.md": (
                "---\ntitel: Koffie-ochtend\norganisatie: buurthuis\nladder: [1, 2]\n"
                "toegang: vrij\n---\nKoffie.\n"
            )
        }
    )
    out = tmp_path / "out"
    report = build(content, out)
    assert [d.field for d in report.diagnostics.warnings if "kosten" in d.message] == ["kosten"]
    page = soup_of(out / "activiteiten" / "koffie" / "index.html")
    pairs = zip(page.select("dt"), page.select("dd"), strict=True)
    facts = {dt_.get_text(strip=True): dd for dt_, dd in pairs}
    assert (
        facts["Kosten"].get_text(strip=True) == "Niet bekend, vraag het na bij Buurthuis De Linde"
    )
    assert '"offers"' not in page.find("script", type="application/ld+json").string
    assert not page.select(".gratis")
    searcher = Searcher.from_site(out)
    assert searcher.search("", Filters(gratis=True)).hits == []
    data = json.loads((out / "wegwijzer" / "data.json").read_text(encoding="utf-8"))
    kosten = next(f for f in data["activiteiten"][0]["feiten"] if f["label"] == "Kosten")
    assert kosten["delen"] == [{"tekst": "Niet bekend, vraag het na bij Buurthuis De Linde"}]


def _relpath_url(from_page: str, to: str) -> str:
    """The reference: relative_url as posixpath.relpath says it."""
    base = posixpath.dirname(urls.output_path(from_page))
    target, _, fragment = to.partition("#")
    rel = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") or target == "":
        rel = "./" if rel == "." else rel + "/"
    return f"{rel}#{fragment}" if fragment else rel


def test_relative_urls_equal_relpath_for_every_kind_of_page_pair(example_site: Path) -> None:
    pages = sorted(
        p.relative_to(example_site).as_posix().removesuffix("index.html")
        for p in example_site.rglob("*.html")
    )
    targets = [*pages, "static/style.css", "zoeken/index.json", "", "#inhoud",
               "activiteiten/#a", "open-data/hsds/services.json"]  # fmt: skip
    wrong = [(f, t) for f in pages for t in targets
             if urls.relative_url(f, t) != _relpath_url(f, t)]  # fmt: skip
    assert wrong == [] and len(pages) > 200
