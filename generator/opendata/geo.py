"""locaties.geojson: every place with coordinates, with what happens there (RFC 7946).

A place is one point with one name: the `locaties` of activities and the addresses
of organisations that share coordinates and name become one feature, which lists
every activity and organisation there. Coordinates are [longitude, latitude], as
RFC 7946 orders them. The map page (/kaart/) reads the same `points`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import places, urls
from ..assemble import Site
from ..model import Activity, Organisation


@dataclass
class Point:
    """One place on the map and everything that is there."""

    naam: str
    adres: str
    coordinaten: tuple[float, float]  # (latitude, longitude)
    rolstoeltoegankelijk: bool | None = None
    activities: list[Activity] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)

    @property
    def key(self) -> str:
        """A stable anchor for the place: its coordinates."""
        return places.anchor(self.naam, self.coordinaten)

    @property
    def wheelchair(self) -> str:
        return places.wheelchair_text(self.rolstoeltoegankelijk)


def points(site: Site) -> list[Point]:
    """Every place with coordinates, north to south, then by name."""
    found: dict[tuple[float, float, str], Point] = {}

    def at(naam: str, address: str, coordinates: tuple[float, float]) -> Point:
        key = (*coordinates, naam.casefold())
        if key not in found:
            found[key] = Point(naam, address, coordinates)
        return found[key]

    for activity in site.activities:
        for location in activity.places:
            if location.coordinaten:
                point = at(location.naam, places.address_line(location), location.coordinaten)
                if location.rolstoeltoegankelijk is not None:
                    point.rolstoeltoegankelijk = location.rolstoeltoegankelijk
                if activity not in point.activities:
                    point.activities.append(activity)
    for org in site.organisations:
        if org.adres.coordinaten:
            at(
                org.naam, places.address_line(org.adres), org.adres.coordinaten
            ).organisations.append(org)
    return sorted(found.values(), key=lambda p: (-p.coordinaten[0], p.naam.casefold(), p.key))


def feature_collection(site: Site) -> dict[str, Any]:
    base = site.config.basis_url
    features = []
    for point in points(site):
        lat, lon = point.coordinaten
        properties: dict[str, Any] = {
            "naam": point.naam,
            "adres": point.adres,
            "activiteiten": [
                {"titel": a.titel, "url": urls.absolute_url(base, urls.activity(a.slug))}
                for a in point.activities
            ],
            "organisaties": [
                {"naam": o.naam, "url": urls.absolute_url(base, urls.organisation(o.slug))}
                for o in point.organisations
            ],
        }
        if point.rolstoeltoegankelijk is not None:
            properties["rolstoeltoegankelijk"] = point.rolstoeltoegankelijk
        features.append(
            {
                "type": "Feature",
                "id": point.key,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}
