"""Places (`locaties`, and `coordinaten` in an organisation's `adres`).

Postcodes and coordinates are checked with file, line and a fix; the page shows each
place with its address, wheelchair access and links to a maps app; JSON-LD,
agenda.ics and search carry the same places.
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from icalendar import Calendar

from generator.build import build
from generator.search.reference import Searcher, read_columns
from tests.conftest import MINIMAL_CONTENT, RECENT
from tests.test_validation import diagnostics, failure

A = "content/activiteiten/"


def activity(*extra: str) -> str:
    """An activity of the buurthuis; `extra` lines start at line 7."""
    lines = (
        "titel: Inloop",
        "organisatie: buurthuis",
        "ladder: [2]",
        "toegang: vrij",
        "kosten: gratis",
        *extra,
        f"gecontroleerd: {RECENT}",
    )
    return "---\n" + "".join(line + "\n" for line in lines) + "---\nKoffie en een praatje.\n"


PLACES = (
    "wijken: [centrum]",
    "tijden:",
    "  - dagen: [di]",
    "    van: 10:00",
    "    tot: 12:00",
    "locaties:",
    "  - naam: Buurthuis De Linde",
    "    straat: Kerkstraat 12",
    "    postcode: 7411ab",
    "    plaats: Proefdorp",
    "    coordinaten: [52.2551, 6.1602]",
    "    rolstoeltoegankelijk: true",
    "    uitleg: De ingang is aan de achterkant.",
)


def _where(path: Path) -> str:
    """The text of the `Waar` fact."""
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    return soup.find("dt", string="Waar").find_next_sibling("dd").get_text()


def test_every_mistake_in_places_is_reported_at_once_with_a_fix(minimal_content) -> None:
    organisation = MINIMAL_CONTENT["organisaties/buurthuis.md"].replace(
        "  plaats: Proefdorp\n", "  plaats: Proefdorp\n  coordinaten: [48.8566, 2.3522]\n"
    )
    content = minimal_content(
        {
            "organisaties/buurthuis.md": organisation,
            "activiteiten/inloop.md": activity(
                "locaties:",
                "  - naam: A",
                "    postcode: 74111 AB",
                "    coordinaten: [6.1602, 52.2551]",
                "  - straat: Kerkstraat 1",
                "  - plaats: B",
                "    coordinaten: [52,2551, 6,1602]",
                "    rolstoeltoegankelijk: misschien",
                "  - plaats: C",
                "    coordinaten: 52.2551, 6.1602",
                "  - naam: Bonaire",
                "    coordinaten: [12.1500, -68.2700]",
            ),
            "activiteiten/dubbel.md": activity("locatie: Het buurthuis", "locaties: [{naam: A}]"),
        }
    )
    assert failure(content) == [
        "content/organisaties/buurthuis.md:10: adres.coordinaten: [48.8566, 2.3522] ligt niet"
        " in Nederland of Caribisch Nederland; kijk de getallen na, zoals [53.3201, 6.8612]"
        " (eerst de breedtegraad, dan de lengtegraad)",
        f"{A}dubbel.md:7: locatie: kies locatie of locaties; zet de tekst als naam in locaties",
        f"{A}inloop.md:9: locaties[1].postcode: '74111 AB' is geen Nederlandse postcode;"
        " schrijf vier cijfers en twee letters, zoals 1234 AB",
        f"{A}inloop.md:10: locaties[1].coordinaten: [6.1602, 52.2551] staat andersom;"
        " schrijf [52.2551, 6.1602]",
        f"{A}inloop.md:11: locaties[2]: noem minstens de naam of de plaats van deze plek",
        f"{A}inloop.md:13: locaties[3].coordinaten: schrijf de getallen met een punt, niet met"
        " een komma: [53.3201, 6.8612]",
        f"{A}inloop.md:14: locaties[3].rolstoeltoegankelijk: verwacht true of false, maar vond"
        " 'misschien'",
        f"{A}inloop.md:16: locaties[4].coordinaten: verwacht een lijst met twee getallen;"
        " schrijf [52.2551, 6.1602]",
    ]


def test_a_place_shows_its_address_access_and_map_links(minimal_content, tmp_path) -> None:
    content = minimal_content({"activiteiten/inloop.md": activity(*PLACES)})
    assert diagnostics(content) == []
    out = tmp_path / "out"
    build(content, out)
    path = out / "activiteiten/inloop/index.html"
    assert _where(path) == "Buurthuis De Linde, Kerkstraat 12 (Centrum)"
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    section = soup.find("h2", string="Waar is het?").find_parent("section")
    texts = [" ".join(p.get_text(" ", strip=True).split()) for p in section.find_all("p")]
    assert texts == [
        "Buurthuis De Linde Kerkstraat 12, 7411 AB Proefdorp",  # the postcode written back
        "De ingang is aan de achterkant.",
        "Toegankelijk met een rolstoel.",
        "Open in uw kaart-app · Bekijk op OpenStreetMap",
        "Bekijk op de kaart van Proefdorp",
    ]
    on_map = section.select_one("p.op-de-kaart a")["href"]
    assert on_map == "../../kaart/#buurthuis-de-linde-52_25510-6_16020"
    assert (out / "kaart/index.html").read_text("utf-8").count(
        'id="buurthuis-de-linde-52_25510'
    ) == 1
    geo, osm = section.select("p.kaart a")
    assert geo["href"] == "geo:52.2551,6.1602?q=52.2551,6.1602(Buurthuis%20De%20Linde)"
    assert osm["href"] == (
        "https://www.openstreetmap.org/?mlat=52.2551&mlon=6.1602#map=18/52.2551/6.1602"
    )
    assert "noreferrer" in osm["rel"] and osm["referrerpolicy"] == "no-referrer"
    # JSON-LD: the place as a Place with address, geo and wheelchair access.
    ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert ld["availableChannel"] == {
        "@type": "ServiceChannel",
        "name": "Langskomen",
        "serviceLocation": {
            "@type": "Place",
            "name": "Buurthuis De Linde",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Kerkstraat 12",
                "postalCode": "7411 AB",
                "addressLocality": "Proefdorp",
                "addressCountry": "NL",
            },
            "geo": {"@type": "GeoCoordinates", "latitude": 52.2551, "longitude": 6.1602},
            "amenityFeature": {
                "@type": "LocationFeatureSpecification",
                "name": "Toegankelijk met een rolstoel",
                "value": True,
            },
        },
    }
    # agenda.ics: the address and the coordinates, read back by icalendar's own parser.
    event = Calendar.from_ical((path.parent / "agenda.ics").read_bytes()).walk("VEVENT")[0]
    assert str(event["location"]) == "Buurthuis De Linde, Kerkstraat 12, 7411 AB Proefdorp"
    assert (event["geo"].latitude, event["geo"].longitude) == (52.2551, 6.1602)
    # Search finds it by its street, and its card says where.
    searcher = Searcher.from_site(out)
    columns = read_columns(out)
    ref = columns["url"].index("activiteiten/inloop/")
    assert ref in [h.ref for h in searcher.search("kerkstraat").hits]
    assert columns["waar"][ref] == "Buurthuis De Linde, Kerkstraat 12 (Centrum)"


def test_the_old_locatie_text_is_one_place_with_a_name(minimal_content, tmp_path) -> None:
    content = minimal_content({"activiteiten/inloop.md": activity("locatie: Het buurthuis")})
    out = tmp_path / "out"
    build(content, out)
    path = out / "activiteiten/inloop/index.html"
    assert _where(path) == "Het buurthuis"
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    assert soup.find("h2", string="Waar is het?") is None  # the Waar line says it all
    ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert ld["availableChannel"]["serviceLocation"] == {"@type": "Place", "name": "Het buurthuis"}


def test_an_organisation_address_gets_geo_and_map_links(minimal_content, tmp_path) -> None:
    organisation = MINIMAL_CONTENT["organisaties/buurthuis.md"].replace(
        "  plaats: Proefdorp\n", "  plaats: Proefdorp\n  coordinaten: [52.25510, 6.16020]\n"
    )
    content = minimal_content({"organisaties/buurthuis.md": organisation})
    out = tmp_path / "out"
    build(content, out)
    soup = BeautifulSoup(
        (out / "organisaties/buurthuis/index.html").read_text("utf-8"), "html.parser"
    )
    ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert ld["geo"] == {"@type": "GeoCoordinates", "latitude": 52.2551, "longitude": 6.1602}
    assert [a["href"] for a in soup.select(".kaart a")] == [
        "geo:52.2551,6.1602?q=52.2551,6.1602(Buurthuis%20De%20Linde)",
        "https://www.openstreetmap.org/?mlat=52.2551&mlon=6.1602#map=18/52.2551/6.1602",
    ]
    without = minimal_content(
        {"organisaties/buurthuis.md": MINIMAL_CONTENT["organisaties/buurthuis.md"]}
    )
    build(without, out)
    page = (out / "organisaties/buurthuis/index.html").read_text("utf-8")
    assert 'href="geo:0,0?q=Lindeplein%201%2C%207411%20AB%20Proefdorp"' in page
    assert "https://www.openstreetmap.org/search?query=Lindeplein+1%2C+7411+AB+Proefdorp" in page
