"""The /kaart/ page: every place with coordinates, as a list with a map drawn on top.

The list is the page: each place with its address and what happens there. The map is
an SVG drawn here, at build time, from the coordinates alone: it loads nothing, needs no
JavaScript, and every point is a link to its place in the list. Points that would
overlap on the map are drawn as one cluster with a count. The places come from
`opendata.geo.points`, the same ones locaties.geojson holds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import applies, policy, urls
from .assemble import Site
from .model import Activity, Boundary, Term
from .opendata import GEOJSON
from .opendata.geo import Point, points
from .page import Page
from .publish import Writer

WIDTH = 640  # of the SVG's viewBox; the page scales it to the screen
MARGIN = 24
CLUSTER_DISTANCE = 18  # points closer than this (in viewBox units) share one marker


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    places: tuple[Point, ...]

    @property
    def label(self) -> str:
        """`Buurthuis De Linde` or `3 plekken: A, B en C`."""
        names = [p.naam or p.adres for p in self.places]
        if len(names) == 1:
            return names[0]
        return f"{len(names)} plekken: " + ", ".join(names[:-1]) + " en " + names[-1]


@dataclass(frozen=True)
class Outline:
    """A wijk on the map: its SVG path, and where its name goes."""

    wijk: Term
    path: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    markers: tuple[Marker, ...]
    outlines: tuple[Outline, ...] = ()


class Projection:
    """Equirectangular, with longitude scaled by cos(latitude): fine for one municipality.
    Fits every given (latitude, longitude) into WIDTH, north up."""

    def __init__(self, coordinates: list[tuple[float, float]]) -> None:
        lats = [lat for lat, _ in coordinates]
        lons = [lon for _, lon in coordinates]
        self.north, self.west = max(lats), min(lons)
        self.scale_x = math.cos(math.radians((max(lats) + min(lats)) / 2))
        span_x = max((max(lons) - self.west) * self.scale_x, 1e-4)
        span_y = max(self.north - min(lats), 1e-4)
        self.unit = (WIDTH - 2 * MARGIN) / max(span_x, span_y)
        self.height = round(span_y * self.unit + 2 * MARGIN)

    def __call__(self, lat: float, lon: float) -> tuple[float, float]:
        return (
            round(MARGIN + (lon - self.west) * self.scale_x * self.unit, 1),
            round(MARGIN + (self.north - lat) * self.unit, 1),
        )


def _outline(wijk: Term, boundary: Boundary, project: Projection) -> Outline:
    parts, xs, ys = [], [], []
    for polygon in boundary.polygons:
        for ring in polygon:
            xy = [project(lat, lon) for lat, lon in ring]
            parts.append("M" + " L".join(f"{x} {y}" for x, y in xy) + " Z")
            xs += [x for x, _ in xy]
            ys += [y for _, y in xy]
    return Outline(
        wijk, " ".join(parts), round((min(xs) + max(xs)) / 2, 1), round((min(ys) + max(ys)) / 2, 1)
    )


def drawing(found: list[Point], outlines: Sequence[tuple[Term, Boundary]] = ()) -> Drawing:
    """The map: wijk outlines, and markers; a point joins the first marker close enough."""
    corners = [p.coordinaten for p in found] + [
        c for _, b in outlines for polygon in b.polygons for ring in polygon for c in ring
    ]
    if not corners:
        return Drawing(WIDTH, 0, ())
    project = Projection(corners)
    xy = [project(*p.coordinaten) for p in found]
    groups: list[tuple[float, float, list[Point]]] = []
    for (x, y), point in zip(xy, found, strict=True):
        near = next((g for g in groups if math.hypot(g[0] - x, g[1] - y) < CLUSTER_DISTANCE), None)
        if near:
            near[2].append(point)
        else:
            groups.append((x, y, [point]))
    return Drawing(
        WIDTH,
        project.height,
        tuple(Marker(x, y, tuple(ps)) for x, y, ps in groups),
        tuple(_outline(w, b, project) for w, b in outlines),
    )


def _outlines(site: Site) -> list[tuple[Term, Boundary]]:
    wijken = {t.id: t for t in site.taxonomy.wijken}
    return [(wijken[b.wijk], b) for b in site.boundaries]


def filter_tags(site: Site, activity: Activity) -> tuple[str, str]:
    """The doelgroepen the activity applies to (all of them when it is for everyone) and
    its soorten, space-separated, for the map's filter (`applies` decides)."""
    groups = [t.id for t in site.taxonomy.doelgroepen if applies.to_doelgroep(activity, t.id)]
    kinds = [t.id for t in site.taxonomy.soorten if applies.to_term(activity, "soorten", t.id)]
    return " ".join(groups), " ".join(kinds)


OUTLINES = urls.MAP_OUTLINES


def has_background(site: Site) -> bool:
    return site.config.kaart.achtergrond is not None


def write_outlines(site: Site, writer: Writer) -> None:
    """The wijk outlines as GeoJSON, for the background map (only with one)."""
    if not (has_background(site) and site.boundaries):
        return
    features = [
        {
            "type": "Feature",
            "properties": {"id": b.wijk},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [
                    [[[lon, lat] for lat, lon in ring] for ring in polygon]
                    for polygon in b.polygons
                ],
            },
        }
        for b in site.boundaries
    ]
    writer.write_json(OUTLINES, {"type": "FeatureCollection", "features": features})


def map_page(site: Site) -> Page:
    found = points(site)
    tags = {a.slug: filter_tags(site, a) for p in found for a in p.activities}
    background = site.config.kaart.achtergrond
    return Page(
        urls.KAART,
        "kaart.html",
        "Kaart",
        f"Alle plekken in {site.config.gemeente} waar activiteiten zijn, op een kaart en in"
        " een lijst, met wat er op elke plek te doen is.",
        {
            "points": found,
            "drawing": drawing(found, _outlines(site)),
            "tags": tags,
            "background": background if found else None,
            "outlines_file": OUTLINES if site.boundaries else "",
            "geojson_file": GEOJSON,
        },
        h1="Kaart: waar is wat?",
        policy=policy.allowing(background.origin) if background and found else "",
    )
