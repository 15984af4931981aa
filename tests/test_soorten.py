"""Soorten aanbod: the kind of offer, from an optional list in taxonomie.yaml.

Validation with file, line and suggestion; a page per soort and an index; the soort on
the activity page and in JSON-LD; the search facet `soort`; and the overview's column,
whose counts the search filter reproduces (one rule, `applies.to_term`).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup
from playwright.sync_api import expect

from generator.build import build, check
from generator.search.reference import Filters, Searcher
from tests.conftest import MINIMAL_CONTENT, buurthuis_activity
from tests.test_validation import diagnostics, failure

A = "content/activiteiten/"
TAXONOMY = MINIMAL_CONTENT["taxonomie.yaml"] + (
    "soorten:\n"
    "  - id: ontmoeting\n"
    "    naam: Ontmoeting\n"
    "    omschrijving: Samen iets doen.\n"
    "  - id: cursus-en-training\n"
    "    naam: Cursus en training\n"
)
KOFFIE = MINIMAL_CONTENT["activiteiten/koffie.md"].replace(
    "leefgebieden: [contact]\n", "leefgebieden: [contact]\nsoorten: [ontmoeting]\n"
)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_unknown_soort_gets_a_suggestion_with_file_and_line(minimal_content) -> None:
    content = minimal_content(
        {
            "taxonomie.yaml": TAXONOMY,
            "activiteiten/koffie.md": KOFFIE,
            "activiteiten/les.md": buurthuis_activity(
                "Les", "soorten: [cursus-en-trainig, ontmoeting, ontmoeting]\n"
            ),
        }
    )
    assert failure(content) == [
        f"{A}les.md:7: soorten[1]: 'cursus-en-trainig' is geen bekende soort (zie soorten in"
        " taxonomie.yaml) (bedoelde u 'cursus-en-training'?)",
        f"{A}les.md:7: soorten[3]: 'ontmoeting' staat er twee keer in",
    ]


def test_an_activity_without_soort_warns_only_when_the_taxonomy_has_soorten(
    minimal_content,
) -> None:
    assert diagnostics(minimal_content()) == []  # no soorten in taxonomie.yaml: no warning
    content = minimal_content(
        {
            "taxonomie.yaml": TAXONOMY,
            "activiteiten/koffie.md": KOFFIE,
            "activiteiten/les.md": buurthuis_activity("Les", "soorten: [cursus-en-training]\n"),
            "activiteiten/los.md": buurthuis_activity("Los"),
        }
    )
    assert diagnostics(content) == [
        f"{A}los.md:1: waarschuwing: soorten: zeg wat voor aanbod dit is, zodat het in het"
        " overzicht en bij 'Soort aanbod' staat; kies uit soorten in taxonomie.yaml, zoals"
        " [ontmoeting]"
    ]


def test_an_unused_soort_is_a_warning_at_its_line(minimal_content) -> None:
    content = minimal_content({"taxonomie.yaml": TAXONOMY, "activiteiten/koffie.md": KOFFIE})
    assert diagnostics(content) == [
        "content/taxonomie.yaml:16: waarschuwing: soorten: soort 'cursus-en-training' wordt"
        " door geen enkele activiteit gebruikt"
    ]


def test_soort_pages_the_activity_page_and_json_ld(minimal_content, tmp_path) -> None:
    content = minimal_content(
        {
            "taxonomie.yaml": TAXONOMY,
            "activiteiten/koffie.md": KOFFIE,
            "activiteiten/les.md": buurthuis_activity(
                "Les", "soorten: [cursus-en-training, ontmoeting]\n"
            ),
        }
    )
    out = tmp_path / "out"
    build(content, out)
    index = soup(out / "soorten/index.html")
    assert index.h1.get_text() == "Soorten aanbod"
    assert [li.a.get_text() + " " + li.span.get_text() for li in index.select(".term-list li")] == [
        "Ontmoeting (2 activiteiten)",
        "Cursus en training (1 activiteit)",
    ]
    page = soup(out / "soorten/ontmoeting/index.html")
    assert page.h1.get_text() == "Ontmoeting"
    assert page.select_one(".crumbs a").get_text() == "Soorten aanbod"
    listed = sorted(a["href"] for a in page.select("section a[href*='activiteiten/']"))
    assert listed == ["../../activiteiten/koffie/", "../../activiteiten/les/"]
    les = soup(out / "activiteiten/les/index.html")
    line = next(p for p in les.select(".fit p") if p.get_text().startswith("Soort aanbod"))
    assert line.get_text() == "Soort aanbod: Cursus en training, Ontmoeting."
    assert [a["href"] for a in line.find_all("a")] == [
        "../../soorten/cursus-en-training/",
        "../../soorten/ontmoeting/",
    ]
    ld = json.loads(les.find("script", type="application/ld+json").string)
    assert ld["category"] == ["Cursus en training", "Ontmoeting"]
    home = soup(out / "index.html")
    assert [a.get_text() for a in home.select("#kop-soorten + ul a")] == [
        "Ontmoeting",
        "Cursus en training",
    ]
    assert home.select_one("nav#menu a[href='soorten/']").get_text() == "Soorten aanbod"


def test_without_soorten_there_are_no_soort_pages_facet_or_column(minimal_content, tmp_path):
    out = tmp_path / "out"
    build(minimal_content(), out)
    assert not (out / "soorten").exists()
    assert soup(out / "zoeken/index.html").select("details[data-facet='soort']") == []
    assert soup(out / "overzicht/index.html").select(".soorten-kolom") == []
    assert "Soort aanbod" not in (out / "activiteiten/koffie/index.html").read_text("utf-8")


def test_the_soort_facet_keeps_exactly_the_activities_of_the_soort(example_site: Path) -> None:
    site, _ = check(Path(__file__).parents[1] / "content")
    searcher = Searcher.from_site(example_site)
    urls = searcher.data["kolommen"]["url"]
    facet = soup(example_site / "zoeken/index.html").select_one("details[data-facet='soort']")
    assert [box["value"] for box in facet.select("input")] == [t.id for t in site.taxonomy.soorten]
    for kind in site.taxonomy.soorten:
        found = sorted(urls[h.ref] for h in searcher.search("", Filters(soort=(kind.id,))).hits)
        page = soup(example_site / f"soorten/{kind.id}/index.html")
        listed = sorted(a["href"].removeprefix("../../") for a in page.select(".card-title a"))
        expected = sorted(
            f"activiteiten/{a.slug}/" for a in site.activities_for("soorten", kind.id)
        )
        assert found == listed == expected and expected, kind.id


def test_the_overview_column_counts_what_the_search_filter_finds(example_site: Path) -> None:
    """Each count in the Soort aanbod column links to the search with doelgroep and soort,
    and that search finds exactly that many; a soort named under "Nog niet" finds none."""
    searcher = Searcher.from_site(example_site)
    page = soup(example_site / "overzicht/index.html")
    kinds = {
        box["value"]: box.parent.get_text(strip=True)
        for box in soup(example_site / "zoeken/index.html").select(
            "details[data-facet='soort'] input"
        )
    }
    cells = page.select("td.soorten-kolom")
    assert len(cells) == len(page.select("table.soorten-tabel tbody tr")) > 5
    checked = missing = 0
    for cell in cells:
        row = cell["data-rij"]
        shown = set()
        for item in cell.select("li[data-soort]"):
            query = parse_qs(urlsplit(item.a["href"]).query)
            assert query == {"doelgroep": [row], "soort": [item["data-soort"]]}
            hits = searcher.search("", Filters(doelgroep=(row,), soort=(item["data-soort"],))).hits
            assert len(hits) == int(item["data-aantal"]) > 0, (row, item["data-soort"])
            shown.add(item["data-soort"])
            checked += 1
        absent = set(kinds) - shown
        note = cell.select_one(".soort-ontbreekt")
        if absent:
            named = note.get_text().removeprefix("Nog niet: ").rstrip(".").split(", ")
            assert sorted(named) == sorted(kinds[k].lower() for k in absent)
            for kind in absent:
                assert searcher.search("", Filters(doelgroep=(row,), soort=(kind,))).hits == []
                missing += 1
        else:
            assert note is None
    assert checked > 50 and missing > 0


def test_a_count_in_the_overview_opens_the_search_with_that_many_results(
    page, example_site: Path, serve_site
) -> None:
    """In Chromium: the link in the Soort aanbod column opens the search with both filters
    checked, and the search shows as many results as the overview counted."""
    base = serve_site(example_site)
    page.goto(base + "overzicht/")
    item = page.locator("td.soorten-kolom[data-rij='ouderen'] li[data-soort='ontmoeting']")
    count = int(item.get_attribute("data-aantal"))
    item.locator("a").click()
    page.wait_for_selector("#zoeken[data-klaar]")
    assert page.get_by_label("Ontmoeting", exact=True).is_checked()
    expect(page.locator("#zoekstatus")).to_have_text(f"{count} resultaten met 2 filters.")
    expect(page.locator(".zk-resultaat")).to_have_count(min(count, 30))  # PAGE_SIZE in pagina.js
