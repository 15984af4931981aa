"""How a place reads and where it links: the `Waar` line, addresses, wheelchair access, maps.

Part of the presentation layer with `present`: pages, search, the wegwijzer handout,
JSON-LD and agenda.ics all describe a place through these functions. The map links
hold only the place's own public address or coordinates; pages give them
rel="noreferrer", so no data of this site goes along. Plain values only.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from .assemble import Site
from .checks import slugify
from .model import Activity, Address, Location, Term
from .wording import joined

EVERYWHERE = "In de hele gemeente"
OSM = "https://www.openstreetmap.org/"


@dataclass(frozen=True)
class Place:
    """Where an activity happens: its own places, its wijken, or the whole municipality."""

    locatie: str
    wijken: tuple[Term, ...]

    def parts(self) -> list[tuple[str, Term | None]]:
        """The text in pieces; a piece with a wijk is that wijk's name (pages link it)."""
        if not self.wijken:
            return [(self.locatie or EVERYWHERE, None)]
        pieces: list[tuple[str, Term | None]] = []
        for n, term in enumerate(self.wijken):
            if n:
                pieces.append((", ", None))
            pieces.append((term.naam, term))
        if self.locatie:
            pieces = [(f"{self.locatie} (", None), *pieces, (")", None)]
        return pieces

    @property
    def text(self) -> str:
        """`Buurthuis, Lindeplein 1 (Centrum)`, `Centrum, De Vaart` or `In de hele gemeente`."""
        return "".join(text for text, _ in self.parts())


def label(location: Location) -> str:
    """`Buurthuis De Linde, Kerkstraat 12`; without a naam `Kerkstraat 12, Lindeveen`."""
    if location.naam:
        return ", ".join(p for p in (location.naam, location.straat) if p)
    return ", ".join(p for p in (location.straat, location.plaats) if p)


def place(site: Site, activity: Activity) -> Place:
    """The `Waar` line: one place with its street, several by name (the page lists them)."""
    several = len(activity.places) > 1
    names = [(p.naam or p.plaats) if several else label(p) for p in activity.places]
    return Place(joined(names) if names else "", tuple(site.terms("wijken", activity.wijken)))


def address_line(address: Address | Location) -> str:
    """`Lindeplein 1, 1234 AB Proefdorp`."""
    town = f"{address.postcode} {address.plaats}".strip()
    return ", ".join(part for part in (address.straat, town) if part)


def full_line(location: Location) -> str:
    """`Buurthuis De Linde, Kerkstraat 12, 9901 AB Lindeveen`."""
    return ", ".join(p for p in (location.naam, address_line(location)) if p)


def wheelchair(location: Location) -> str:
    return wheelchair_text(location.rolstoeltoegankelijk)


def wheelchair_text(accessible: bool | None) -> str:
    """`Toegankelijk met een rolstoel.`, the opposite, or empty when not known."""
    if accessible is None:
        return ""
    if accessible:
        return "Toegankelijk met een rolstoel."
    return "Niet toegankelijk met een rolstoel."


def anchor(naam: str, coordinates: tuple[float, float]) -> str:
    """The id of a place on /kaart/: `buurthuis-de-linde-52_09070-5_12140`."""
    lat, lon = coordinates
    return f"{slugify(naam) if naam else 'plek'}-{lat:.5f}-{lon:.5f}".replace(".", "_")


def geo_link(naam: str, address: Address | Location) -> str:
    """A `geo:` link that opens the visitor's own maps app, at the coordinates or the address."""
    if address.coordinaten:
        lat, lon = address.coordinaten
        point = f"{lat},{lon}"
        return f"geo:{point}?q={point}" + (f"({quote(naam)})" if naam else "")
    if address.straat and address.plaats:
        return "geo:0,0?q=" + quote(address_line(address))
    return ""


def map_link(address: Address | Location) -> str:
    """OpenStreetMap at the coordinates, or searching the address (with a street and town)."""
    if address.coordinaten:
        lat, lon = address.coordinaten
        return f"{OSM}?{urlencode({'mlat': lat, 'mlon': lon})}#map=18/{lat}/{lon}"
    if address.straat and address.plaats:
        return f"{OSM}search?{urlencode({'query': address_line(address)})}"
    return ""


@dataclass(frozen=True)
class PlaceCard:
    """One place as the activity page shows it under "Waar is het?"."""

    naam: str
    address: str
    uitleg: str
    wheelchair: str
    geo: str
    map: str
    on_map: str = ""  # the place's anchor on /kaart/, with coordinates


def cards(activity: Activity) -> list[PlaceCard]:
    """Every place with more to say than its name; empty when the `Waar` line says it all."""
    shown = []
    for location in activity.places:
        card = PlaceCard(
            location.naam,
            address_line(location),
            location.uitleg,
            wheelchair(location),
            geo_link(location.naam, location),
            map_link(location),
            anchor(location.naam, location.coordinaten) if location.coordinaten else "",
        )
        if card.address or card.uitleg or card.wheelchair or card.geo:
            shown.append(card)
    return shown
