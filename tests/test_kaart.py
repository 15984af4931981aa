"""/kaart/: the places as a list, with an SVG map drawn at build time (no JavaScript)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from generator import applies
from generator.build import check
from generator.kaart import CLUSTER_DISTANCE, drawing
from generator.opendata.geo import Point, points

REPO = Path(__file__).resolve().parent.parent


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_every_place_of_the_geojson_is_in_the_list(example_site: Path) -> None:
    soup = _soup(example_site / "kaart/index.html")
    features = json.loads((example_site / "open-data/locaties.geojson").read_text("utf-8"))
    ids = [li["id"] for li in soup.select("ul.kaart-lijst > li")]
    assert ids == [f["id"] for f in features["features"]]
    for feature, li in zip(features["features"], soup.select("ul.kaart-lijst > li"), strict=True):
        titles = [a.get_text() for a in li.select(":scope > ul a")]
        assert titles == [a["titel"] for a in feature["properties"]["activiteiten"]]


def test_every_marker_links_to_a_place_and_every_place_has_a_marker(example_site: Path) -> None:
    soup = _soup(example_site / "kaart/index.html")
    ids = {li["id"] for li in soup.select("ul.kaart-lijst > li")}
    markers = soup.select("svg.kaart-svg a.kaart-punt")
    assert markers and all(m["href"].removeprefix("#") in ids for m in markers)
    counted = sum(
        int(m.select_one("text").get_text()) if m.select_one("text") else 1 for m in markers
    )
    assert counted == len(ids)
    assert not soup.select("main script"), "the map needs no JavaScript"


def test_an_activity_page_links_to_its_place_on_the_map(example_site: Path) -> None:
    ids = {
        li["id"] for li in _soup(example_site / "kaart/index.html").select("ul.kaart-lijst > li")
    }
    linked = 0
    for page in (example_site / "activiteiten").glob("*/index.html"):
        for link in _soup(page).select('.places a[href*="kaart/#"]'):
            assert link["href"].split("#")[1] in ids
            linked += 1
    assert linked >= 60


def _point(name: str, lat: float, lon: float) -> Point:
    return Point(name, "", (lat, lon))


def test_points_close_together_share_one_marker() -> None:
    far = [_point("Noord", 52.2, 5.1), _point("Zuid", 52.0, 5.1)]
    near = [_point("A", 52.1, 5.1), _point("B", 52.10001, 5.10001)]
    result = drawing(far + near)
    assert sorted(len(m.places) for m in result.markers) == [1, 1, 2]
    pair = next(m for m in result.markers if len(m.places) == 2)
    assert pair.label == "2 plekken: A en B"
    apart = [(m.x, m.y) for m in result.markers]
    assert all(
        abs(a[0] - b[0]) + abs(a[1] - b[1]) >= CLUSTER_DISTANCE / 2
        for i, a in enumerate(apart)
        for b in apart[i + 1 :]
    )
    north = next(m for m in result.markers if m.places[0].naam == "Noord")
    south = next(m for m in result.markers if m.places[0].naam == "Zuid")
    assert north.y < south.y, "north is up"


def test_without_coordinates_the_page_says_so(minimal_content, tmp_path: Path) -> None:
    from generator.build import build

    build(minimal_content(), tmp_path / "out")
    soup = _soup(tmp_path / "out/kaart/index.html")
    assert soup.select_one("svg") is None
    assert "nog geen plekken met coördinaten" in soup.select_one("main").get_text()


@pytest.fixture(scope="module")
def map_url(example_site: Path, serve_site) -> str:
    return serve_site(example_site) + "kaart/"


def _visible(page) -> tuple[list[str], list[str]]:
    places = page.eval_on_selector_all("[data-plek]:not([hidden])", "els => els.map(e => e.id)")
    items = page.eval_on_selector_all(
        "[data-plek]:not([hidden]) [data-doelgroepen]:not([hidden]) a",
        "els => els.map(e => e.getAttribute('href').split('/').slice(-2)[0])",
    )
    return places, items


@pytest.mark.browser
def test_the_filter_shows_what_applies_as_search_decides(page, map_url: str) -> None:
    """For every doelgroep, and one soort: the places and activities left are those that
    `applies` says, counted from the model."""
    site, _ = check(REPO / "content")
    found = points(site)
    page.goto(map_url)
    assert page.is_visible("[data-kaart-filter]")
    for term in site.taxonomy.doelgroepen:
        page.select_option("#kaart-doelgroep", term.id)
        expected_places = [
            p.key for p in found if any(applies.to_doelgroep(a, term.id) for a in p.activities)
        ]
        expected_items = [
            a.slug for p in found for a in p.activities if applies.to_doelgroep(a, term.id)
        ]
        assert _visible(page) == (expected_places, expected_items), term.id
        expect(page.locator("[data-kaart-aantal]")).to_have_text(
            f"{len(expected_places)} plekken passen bij je keuze."  # the example says je
        )
        assert f"doelgroep={term.id}" in page.url
    soort = site.taxonomy.soorten[0].id
    page.select_option("#kaart-soort", soort)
    last = site.taxonomy.doelgroepen[-1].id
    places, items = _visible(page)
    expected = [
        a.slug
        for p in found
        for a in p.activities
        if applies.to_doelgroep(a, last) and soort in a.soorten
    ]
    assert items == expected
    shown = page.eval_on_selector_all(
        ".kaart-punt", "els => els.filter(e => e.style.display !== 'none').length"
    )
    assert 0 < shown <= len(places)


@pytest.mark.browser
def test_a_filtered_map_can_be_shared(page, map_url: str) -> None:
    site, _ = check(REPO / "content")
    term = site.taxonomy.doelgroepen[0]
    page.goto(map_url + f"?doelgroep={term.id}")
    assert page.input_value("#kaart-doelgroep") == term.id
    expected = [
        p.key for p in points(site) if any(applies.to_doelgroep(a, term.id) for a in p.activities)
    ]
    assert _visible(page)[0] == expected


def _square(wijk: str, lon: float = 6.0, lat: float = 52.0, closed: bool = True) -> dict:
    ring = [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01]]
    return {
        "type": "Feature",
        "properties": {"id": wijk},
        "geometry": {"type": "Polygon", "coordinates": [ring + ([ring[0]] if closed else [])]},
    }


def _geojson(*features: dict) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}, indent=2)


def test_the_wijk_outlines_are_drawn_and_link_to_the_wijk(minimal_content, tmp_path: Path) -> None:
    from generator.build import build

    build(minimal_content({"kaart/wijken.geojson": _geojson(_square("centrum"))}), tmp_path / "o")
    soup = _soup(tmp_path / "o/kaart/index.html")
    outline = soup.select_one("svg a.kaart-wijk")
    assert outline["href"] == "../wijken/centrum/"
    assert outline.select_one("title").get_text() == "Wijk Centrum"
    assert outline.select_one("path")["d"].startswith("M24.0 ")


def test_every_mistake_in_the_wijk_file_is_named(minimal_content) -> None:
    from generator.diagnostics import BuildFailed

    text = _geojson(_square("centrun"), _square("centrum"), _square("centrum"))
    with pytest.raises(BuildFailed) as failed:
        check(minimal_content({"kaart/wijken.geojson": text}))
    assert [d.format() for d in failed.value.diagnostics.errors] == [
        "content/kaart/wijken.geojson:7: features[0]: 'centrun' is geen wijk uit"
        " taxonomie.yaml (bedoelde u 'centrum'?)",
        "content/kaart/wijken.geojson:73: features[2]: de wijk 'centrum' staat er twee keer in;"
        " voeg de vormen samen",
    ]


@pytest.mark.parametrize(
    ("feature", "message"),
    [
        (
            _square("centrum", 52.0, 6.0),
            "het punt [52.0, 6.0] ligt niet in Nederland; staan de getallen omgewisseld?"
            " GeoJSON schrijft [lengtegraad, breedtegraad]",
        ),
        (
            _square("centrum", 155000.0, 463000.0),
            "het punt [155000.0, 463000.0] ligt niet in Nederland; gebruik graden in WGS84"
            " (EPSG:4326), niet RD-coördinaten",
        ),
        (
            _square("centrum", closed=False),
            "een rand moet eindigen waar hij begint: herhaal het eerste punt aan het eind",
        ),
        (
            {**_square("centrum"), "geometry": {"type": "Point", "coordinates": [6.0, 52.0]}},
            "de vorm is \"Point\"; een wijk is een 'Polygon' of 'MultiPolygon'",
        ),
    ],
)
def test_a_wrong_shape_gets_a_hint(minimal_content, feature: dict, message: str) -> None:
    from generator.diagnostics import BuildFailed

    with pytest.raises(BuildFailed) as failed:
        check(minimal_content({"kaart/wijken.geojson": _geojson(feature)}))
    assert [d.message for d in failed.value.diagnostics.errors] == [message]


def test_broken_json_names_the_line(minimal_content) -> None:
    from generator.diagnostics import BuildFailed

    broken = (
        '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature",}\n  ]\n}\n'
    )
    with pytest.raises(BuildFailed) as failed:
        check(minimal_content({"kaart/wijken.geojson": broken}))
    assert [d.format() for d in failed.value.diagnostics.errors] == [
        "content/kaart/wijken.geojson:4: dit is geen geldige JSON: verwacht een naam tussen"
        " dubbele aanhalingstekens (staat er een komma te veel?) (regel 4, teken 24)"
    ]
