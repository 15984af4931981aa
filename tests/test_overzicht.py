"""The overviews for policy: every cell counted right, in every view, in the HTML and the
CSV alike, agreeing with search; overlap marked; every column on A4 landscape."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.build import build, check
from generator.model import Toegang
from generator.search.reference import Filters, Searcher
from tests.conftest import MINIMAL_CONTENT, RECENT

REPO = Path(__file__).resolve().parent.parent
VIEWS = ("overzicht/", "overzicht/leefgebieden/", "overzicht/soorten/", "overzicht/toegang/")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _cells(path: Path) -> dict[tuple[str, str], dict[str, str]]:
    return {
        (td["data-rij"], td["data-kolom"]): td
        for td in _soup(path).select("table.matrix td[data-kolom]")
    }


def _activity(slug_title: str, org: str, extra: str) -> str:
    return (
        f"---\ntitel: {slug_title}\norganisatie: {org}\ntoegang: vrij\nkosten: gratis\n"
        f"{extra}gecontroleerd: {RECENT}\n---\nTekst.\n"
    )


def _org(naam: str) -> str:
    return f"---\nnaam: {naam}\ngecontroleerd: {RECENT}\n---\nTekst.\n"


TAXONOMY = (
    "doelgroepen:\n  - id: ouderen\n    naam: Ouderen\n  - id: jongeren\n    naam: Jongeren\n"
    "leefgebieden:\n  - id: contact\n    naam: Sociaal contact\n"
    "wijken:\n  - id: centrum\n    naam: Centrum\n  - id: noord\n    naam: Noord\n"
)


@pytest.fixture
def counted(minimal_content, tmp_path: Path) -> Path:
    """Every kind of applicability, on rung 1 (and one on rung 2):
    targeted in the centrum, for everyone in the centrum, targeted municipality-wide,
    for everyone municipality-wide, and targeted in noord."""
    content = minimal_content(
        {
            "taxonomie.yaml": TAXONOMY,
            "organisaties/a.md": _org("Stichting A"),
            "organisaties/b.md": _org("Stichting B"),
            "activiteiten/koffie.md": None,
            "activiteiten/gericht-centrum.md": _activity(
                "Gericht centrum",
                "buurthuis",
                "ladder: [1]\ndoelgroepen: [ouderen]\nwijken: [centrum]\nleefgebieden: [contact]\n",
            ),
            "activiteiten/iedereen-centrum.md": _activity(
                "Iedereen centrum", "a", "ladder: [1]\nwijken: [centrum]\nleefgebieden: [contact]\n"
            ),
            "activiteiten/gericht-overal.md": _activity(
                "Gericht overal",
                "b",
                "ladder: [1, 2]\ndoelgroepen: [ouderen]\npartners: [a]\nleefgebieden: [contact]\n",
            ),
            "activiteiten/iedereen-overal.md": _activity(
                "Iedereen overal", "a", "ladder: [1]\nleefgebieden: [contact]\n"
            ),
            "activiteiten/gericht-noord.md": _activity(
                "Gericht noord",
                "b",
                "ladder: [1]\ndoelgroepen: [jongeren]\nwijken: [noord]\nleefgebieden: [contact]\n",
            ),
        }
    )
    out = tmp_path / "out"
    build(content, out)
    return out


def _numbers(cell) -> tuple[int, int, int, str]:
    return (
        int(cell["data-aantal"]),
        int(cell["data-gericht"]),
        int(cell["data-organisaties"]),
        cell["data-staat"],
    )


def test_a_cell_counts_every_kind_of_applicability(counted: Path) -> None:
    town = _cells(counted / "overzicht/index.html")
    # ouderen, rung 1: all but the one for jongeren; targeted: the two for ouderen,
    # by buurthuis, and by b with partner a.
    assert _numbers(town["ouderen", "1"]) == (4, 2, 3, "gericht")
    assert _numbers(town["ouderen", "2"]) == (1, 1, 2, "gericht")
    assert _numbers(town["jongeren", "1"]) == (3, 1, 1, "gericht")
    assert _numbers(town["jongeren", "2"]) == (0, 0, 0, "leeg")
    centrum = _cells(counted / "overzicht/wijken/centrum/index.html")
    assert _numbers(centrum["ouderen", "1"]) == (4, 2, 3, "gericht")
    assert _numbers(centrum["jongeren", "1"]) == (2, 0, 0, "dun")  # only general ones here
    noord = _cells(counted / "overzicht/wijken/noord/index.html")
    assert _numbers(noord["ouderen", "1"]) == (2, 1, 2, "gericht")
    assert _numbers(noord["jongeren", "1"]) == (2, 1, 1, "gericht")
    access = _cells(counted / "overzicht/toegang/index.html")
    assert _numbers(access["ouderen", "vrij"]) == (4, 2, 3, "gericht")
    assert _numbers(access["ouderen", "indicatie"]) == (0, 0, 0, "leeg")


def test_overlap_is_marked_from_the_threshold_with_the_organisations(counted: Path) -> None:
    soup = _soup(counted / "overzicht/index.html")
    cell = soup.select_one('td[data-rij="ouderen"][data-kolom="1"]')
    assert cell["data-overlap"] == "ja"
    names = cell.select_one(".overlap-namen")
    assert names.get_text() == (
        "Mogelijk overlap: 3 organisaties: Buurthuis De Linde, Stichting A, Stichting B."
    )
    assert cell.select_one("a")["aria-describedby"] == names["id"]
    assert not soup.select_one('td[data-rij="ouderen"][data-kolom="2"]').has_attr("data-overlap")


def test_the_threshold_is_set_in_site_yaml(minimal_content, tmp_path: Path) -> None:
    koffie = MINIMAL_CONTENT["activiteiten/koffie.md"].replace("kosten:", "partners: [a]\nkosten:")
    files = {"organisaties/a.md": _org("Stichting A"), "activiteiten/koffie.md": koffie}
    build(minimal_content(files), tmp_path / "drie")
    assert not _cells(tmp_path / "drie/overzicht/index.html")["ouderen", "1"].has_attr(
        "data-overlap"
    )
    site_yaml = MINIMAL_CONTENT["site.yaml"] + "overzicht:\n  overlap: 2\n"
    build(minimal_content({**files, "site.yaml": site_yaml}), tmp_path / "twee")
    assert _cells(tmp_path / "twee/overzicht/index.html")["ouderen", "1"]["data-overlap"] == "ja"


def _independent(site, kind: str, by: str, row: str, column: str, wijk: str | None):
    """The count written out plainly, without generator.applies."""
    applying, targeted = [], []
    for a in site.activities:
        if wijk and a.wijken and wijk not in a.wijken:
            continue
        named = getattr(a, kind)
        if row not in named and not (kind == "doelgroepen" and not named):
            continue
        if (by == "treden" and int(column) not in a.ladder) or (
            by == "toegang" and a.toegang.value != column
        ):
            continue
        applying.append(a)
        if row in named:
            targeted.append(a)
    organisations = {s for a in targeted for s in (a.organisatie, *a.partners)}
    return len(applying), len(targeted), len(organisations)


def _pages(site_dir: Path) -> list[tuple[str, str, str, str | None]]:
    """(page, kind, by, wijk) of every view of the example site."""
    site, _ = check(REPO / "content")
    found = [
        ("overzicht/", "doelgroepen", "treden", None),
        ("overzicht/leefgebieden/", "leefgebieden", "treden", None),
        ("overzicht/soorten/", "soorten", "treden", None),
        ("overzicht/toegang/", "doelgroepen", "toegang", None),
    ]
    found += [
        (f"overzicht/wijken/{w.id}/", "doelgroepen", "treden", w.id) for w in site.taxonomy.wijken
    ]
    return found


def test_every_cell_of_every_view_equals_an_independent_count(example_site: Path) -> None:
    site, _ = check(REPO / "content")
    checked = 0
    for page, kind, by, wijk in _pages(example_site):
        cells = _cells(example_site / page / "index.html")
        rows = [t.id for t in site.taxonomy.kind(kind)]
        columns = [str(n) for n in range(1, 7)] if by == "treden" else [t.value for t in Toegang]
        assert set(cells) == {(r, c) for r in rows for c in columns}, page
        for (row, column), cell in cells.items():
            expected = _independent(site, kind, by, row, column, wijk)
            assert _numbers(cell)[:3] == expected, (page, row, column)
            checked += 1
    assert checked > 600


def test_the_csv_has_the_numbers_of_the_html(example_site: Path) -> None:
    for page, *_ in _pages(example_site):
        soup = _soup(example_site / page / "index.html")
        href = soup.select_one(".download a")["href"]
        raw = (example_site / page / href).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
        cells = _cells(example_site / page / "index.html")
        assert len(rows) == len(cells)
        for row in rows:
            cell = cells[row["Rij id"], row["Kolom id"]]
            assert (
                int(row["Aantal"]),
                int(row["Gericht"]),
                int(row["Organisaties"]),
                row["Staat"],
            ) == (_numbers(cell))
            assert row["Mogelijke overlap"] == ("ja" if cell.has_attr("data-overlap") else "nee")


def test_every_cell_link_finds_as_many_in_search(example_site: Path) -> None:
    """The number in a cell is what its search link finds (search and overview agree)."""
    searcher = Searcher.from_site(example_site)
    names = {"doelgroep": "doelgroep", "leefgebied": "leefgebied", "soort": "soort",
             "wijk": "wijk", "toegang": "toegang", "ladder": "ladder"}  # fmt: skip
    checked = 0
    for page, *_ in _pages(example_site):
        soup = _soup(example_site / page / "index.html")
        for cell in soup.select("table.matrix td[data-kolom]"):
            link = cell.select_one("a")
            if link is None:
                assert cell["data-aantal"] == "0"
                continue
            query = parse_qs(urlsplit(link["href"]).query)
            filters = Filters(**{names[k]: tuple(v) for k, v in query.items()})
            hits = searcher.search("", filters).hits
            assert len(hits) == int(cell["data-aantal"]), (page, link["href"])
            checked += 1
    assert checked > 500


@pytest.mark.browser
def test_a_printed_matrix_has_every_column_on_a4_landscape(page, example_site, serve_site) -> None:
    base = serve_site(example_site)
    for view in VIEWS + ("overzicht/wijken/de-horst/",):
        page.goto(base + view)
        pdf = page.pdf(prefer_css_page_size=True)
        boxes = set(re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf))
        assert boxes == {b"0 0 841.91998 594.95996"}, (view, boxes)  # A4 landscape, in points
        page.set_viewport_size({"width": 1047, "height": 718})  # A4 landscape minus margins
        page.emulate_media(media="print")
        right, width = page.evaluate(
            "[document.querySelector('table.matrix').getBoundingClientRect().right,"
            " document.documentElement.clientWidth]"
        )
        assert right <= width, view
        adjust = page.evaluate(
            "[...document.querySelectorAll('td.staat-dun, td.staat-leeg, .gap-sample')]"
            ".map(e => getComputedStyle(e).printColorAdjust)"
        )
        assert adjust and set(adjust) == {"exact"}, "the hatching and dots must print"
        page.emulate_media(media=None)


# --- the analysis and the report ---------------------------------------------


def _items(found) -> set[str]:
    """The "Naam, trede N" of each item of a findings list (a <p> says: none)."""
    return (
        {li.get_text().split(":")[0] for li in found.select("li")} if found.name == "ul" else set()
    )


def _states(path: Path) -> dict[str, set[str]]:
    """Per state, the cells of a doelgroep x trede page as "Naam, trede N"."""
    soup = _soup(path)
    names = {th.a["href"].rstrip("/").rsplit("/", 1)[-1]: th.get_text(strip=True)
             for th in soup.select("table.matrix tbody th")}  # fmt: skip
    found: dict[str, set[str]] = {"leeg": set(), "dun": set(), "overlap": set()}
    for td in soup.select("table.matrix td[data-kolom]"):
        label = f"{names[td['data-rij']]}, trede {td['data-kolom']}"
        if td["data-staat"] in ("leeg", "dun"):
            found[td["data-staat"]].add(label)
        if td.has_attr("data-overlap"):
            found["overlap"].add(label)
    return found


def test_the_analysis_names_what_the_matrices_show(example_site: Path) -> None:
    soup = _soup(example_site / "overzicht/analyse/index.html")
    site, _ = check(REPO / "content")
    areas = [("gemeente", "overzicht/")] + [
        (w.id, f"overzicht/wijken/{w.id}/") for w in site.taxonomy.wijken
    ]
    for key, page in areas:
        section = soup.select_one(f"section:has(> h2#{key})")
        lists = {h3.get_text(): h3.find_next_sibling() for h3 in section.select("h3")}

        expected = _states(example_site / page / "index.html")
        assert _items(lists["Geen aanbod"]) == expected["leeg"], key
        assert _items(lists["Alleen algemeen aanbod"]) == expected["dun"], key
        assert _items(lists["Mogelijke overlap"]) == expected["overlap"], key
        for chart in section.select(".analyse-grafiek"):
            bars = chart.select("svg rect")
            rows = chart.select("tbody tr")
            assert len(bars) == len(rows) > 0
            counts = [int(r.select_one("td").get_text()) for r in rows]
            assert chart.select("svg text")[0].get_text() == str(counts[0])
        toegang = section.select(".analyse-grafiek")[0]
        total = int(section.select_one("p").get_text().split()[0])
        assert sum(int(r.select_one("td").get_text()) for r in toegang.select("tbody tr")) == total


def test_freshness_counts_from_the_day_of_the_build(minimal_content, tmp_path: Path) -> None:
    import datetime as dt

    from generator import analysis

    old = MINIMAL_CONTENT["activiteiten/koffie.md"].replace(
        f"gecontroleerd: {RECENT}", "gecontroleerd: 2020-01-01"
    )
    site, _ = check(minimal_content({"activiteiten/koffie.md": old}))
    (town,) = [s for s in analysis.analyse(site, dt.date.today()) if s.wijk is None]  # noqa: DTZ011
    assert (town.fresh.count, town.fresh.total) == (0, 1)
    (buurthuis,) = town.organisations
    assert (buurthuis.checked, buurthuis.total, buurthuis.percent) == (1, 2, 50)


def test_the_report_command_gives_markdown_and_csv(example_site: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    runner = CliRunner()
    md = runner.invoke(main, ["rapport", "--content", str(REPO / "content"), "--wijk", "de-horst"])
    assert md.exit_code == 0, md.output
    lines = md.output.splitlines()
    assert lines[0] == "# Analyse van het aanbod in Lindeveen"
    assert "## De Horst" in lines and "## De hele gemeente" not in lines
    expected = _states(example_site / "overzicht/wijken/de-horst/index.html")
    start = lines.index("### Alleen algemeen aanbod") + 2
    thin = set(lines[start : lines.index("", start)])
    assert thin == {f"- {label}" for label in expected["dun"]}
    sheet = runner.invoke(main, ["rapport", "--content", str(REPO / "content"), "--formaat", "csv"])
    assert sheet.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(sheet.output.lstrip("\ufeff")), delimiter=";"))
    town = [r for r in rows if r["Gebied"] == "De hele gemeente" and r["Onderdeel"] == "toegang"]
    assert [r["Wat"] for r in town] == [
        "Vrij toegankelijk",
        "Zelf aanmelden",
        "Via een verwijzing",
        "Met een indicatie",
    ]
    assert sum(int(r["Aantal"]) for r in town) == 111
    wrong = runner.invoke(
        main, ["rapport", "--content", str(REPO / "content"), "--wijk", "nergens"]
    )
    assert wrong.exit_code == 2
    assert wrong.output.startswith("Gestopt: 'nergens' is geen wijk; kies uit binnenstad,")
