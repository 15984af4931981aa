"""content/kaart/wijken.geojson: the municipality's own wijk boundaries, for the map.

Optional. A GeoJSON FeatureCollection (RFC 7946) with one feature per wijk: its
`properties.id` is the wijk's id in taxonomie.yaml, its geometry a Polygon or
MultiPolygon, in [longitude, latitude] as GeoJSON writes them, inside the
Netherlands. The `geojson` library checks the shapes; its findings are said in
Dutch. Every problem names the line of the feature's id.
"""

from __future__ import annotations

import json
import re
from typing import Any

import geojson

from .diagnostics import Diagnostics, display_path, dutch_list, suggest
from .model import Boundary
from .place_checks import REGIONS
from .sources import ContentFolder

FILE = "kaart/wijken.geojson"
SHAPES = ("Polygon", "MultiPolygon")

# What the geojson library says, and what an editor reads.
GEOJSON_MESSAGES = {
    "Each linear ring must contain at least 4 positions": (
        "een rand heeft minstens 4 punten nodig, met het laatste gelijk aan het eerste"
    ),
    "Each linear ring must end where it started": (
        "een rand moet eindigen waar hij begint: herhaal het eerste punt aan het eind"
    ),
    "a position must have exactly 2 or 3 values": (
        "een punt is [lengtegraad, breedtegraad]: twee getallen"
    ),
}


def _line(text: str, wijk_id: str, start: int) -> tuple[int, int]:
    """The line on which the feature's id is written (searching from `start`), and where
    to search for the next one; line 1 when it cannot be found."""
    pattern = re.compile(r'"id"\s*:\s*' + re.escape(json.dumps(wijk_id)))
    match = pattern.search(text, start)
    if not match:
        return 1, start
    return text.count("\n", 0, match.start()) + 1, match.end()


def _inside(lon: float, lat: float) -> bool:
    return any(s <= lat <= n and w <= lon <= e for s, w, n, e in REGIONS.values())


def _positions(coordinates: Any) -> list[list[float]]:
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [coordinates]
    return [p for part in coordinates for p in _positions(part)]


def _shape_problem(geometry: Any) -> str | None:
    if not isinstance(geometry, dict) or geometry.get("type") not in SHAPES:
        found = geometry.get("type") if isinstance(geometry, dict) else geometry
        return f"de vorm is {json.dumps(found)}; een wijk is een {dutch_list(SHAPES)}"
    shape = geojson.GeoJSON.to_instance(geometry)
    errors = shape.errors()
    if errors:
        first = errors if isinstance(errors, str) else errors[0]
        return GEOJSON_MESSAGES.get(first, f"de vorm klopt niet ({first})")
    outside = [p for p in _positions(geometry["coordinates"]) if not _inside(p[0], p[1])]
    if outside:
        lon, lat = outside[0][:2]
        hint = (
            "; staan de getallen omgewisseld? GeoJSON schrijft [lengtegraad, breedtegraad]"
            if _inside(lat, lon)
            else "; gebruik graden in WGS84 (EPSG:4326), niet RD-coördinaten"
        )
        return f"het punt [{lon}, {lat}] ligt niet in Nederland{hint}"
    return None


def _rings(geometry: dict[str, Any]) -> tuple[tuple[tuple[tuple[float, float], ...], ...], ...]:
    """Polygons -> rings -> (latitude, longitude) points."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return tuple(
        tuple(tuple((float(p[1]), float(p[0])) for p in ring) for ring in polygon)
        for polygon in polygons
    )


def load(source: ContentFolder, diags: Diagnostics, wijk_ids: set[str]) -> tuple[Boundary, ...]:
    """The boundaries, in the file's order; none when the file is missing or has errors."""
    path = source.root / FILE
    if not source.exists(path):
        return ()
    shown = display_path(path)
    text = source.read(path, diags)
    if text is None:
        return ()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        diags.error(shown, exc.lineno, "", f"dit is geen geldige JSON: {_json_reason(exc)}")
        return ()
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        diags.error(shown, 1, "type", 'verwacht een GeoJSON "FeatureCollection" met de wijken')
        return ()
    found, seen, ok, offset = [], set(), True, 0
    for n, feature in enumerate(data.get("features") or []):
        where = f"features[{n}]"
        properties = feature.get("properties") if isinstance(feature, dict) else None
        wijk = properties.get("id") if isinstance(properties, dict) else None
        line = 1
        if isinstance(wijk, str):
            line, offset = _line(text, wijk, offset)
        problem = None
        if not isinstance(wijk, str):
            problem = "properties.id ontbreekt: zet daar het id van de wijk uit taxonomie.yaml"
        elif wijk not in wijk_ids:
            problem = f"'{wijk}' is geen wijk uit taxonomie.yaml{suggest(wijk, wijk_ids)}"
        elif wijk in seen:
            problem = f"de wijk '{wijk}' staat er twee keer in; voeg de vormen samen"
        else:
            problem = _shape_problem(feature.get("geometry"))
        if problem:
            diags.error(shown, line, where, problem)
            ok = False
        else:
            seen.add(wijk)
            found.append(Boundary(wijk, _rings(feature["geometry"])))
    return tuple(found) if ok else ()


def _json_reason(exc: json.JSONDecodeError) -> str:
    reasons = {
        "Expecting ',' delimiter": "hier mist een komma",
        "Expecting property name enclosed in double quotes": (
            "verwacht een naam tussen dubbele aanhalingstekens (staat er een komma te veel?)"
        ),
        "Expecting value": "hier verwacht JSON een waarde",
    }
    return f"{reasons.get(exc.msg, exc.msg)} (regel {exc.lineno}, teken {exc.colno})"
