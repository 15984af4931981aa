"""site.yaml as a value: the site's settings, the wegwijzer's, the map's, and whom to call."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class WegwijzerConfig:
    drempel: int = 4
    contact: str | None = None
    treden: tuple[int, ...] = (1, 2, 3, 4)  # the rungs social activation is meant for


@dataclass(frozen=True, slots=True)
class Helpline:
    """An item of `direct_hulp`: whom to call in danger or a crisis."""

    naam: str
    telefoon: str
    uitleg: str = ""


@dataclass(frozen=True, slots=True)
class Background:
    """`kaart.achtergrond`: the street map a municipality chose to show behind /kaart/,
    from a PMTiles file it hosts or a tile server; `bronvermelding` credits its makers."""

    bronvermelding: str
    pmtiles: str = ""
    tegels: str = ""  # https://.../{z}/{x}/{y}.png

    @property
    def origin(self) -> str:
        """`https://tegels.example.nl`: the one other site the map page may load from."""
        parts = urlsplit(self.pmtiles or self.tegels)
        return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True, slots=True)
class MapConfig:
    achtergrond: Background | None = None


@dataclass(frozen=True, slots=True)
class OverviewConfig:
    overlap: int = 3  # from how many organisations a cell is a possible overlap


@dataclass(frozen=True, slots=True)
class WritingGuide:
    """`schrijfwijzer`: when plain-language (B1) warnings start (see `plain_language`)."""

    aan: bool = True
    zinslengte: int = 25  # words
    woordlengte: int = 20  # letters
    leesbaarheid: int = 60  # Flesch-Douma; 0 switches the score off
    titellengte: int = 80  # characters
    alinealengte: int = 700  # characters of a description without a blank line; 0: off
    woorden: tuple[tuple[str, str], ...] = ()  # officialese -> plain word; "" drops one


@dataclass(frozen=True, slots=True)
class Editors:
    """`redactie`: who keeps the data; "Meld een wijziging" mails this address."""

    email: str


@dataclass(frozen=True, slots=True)
class SiteConfig:
    titel: str
    gemeente: str
    basis_url: str
    intro: str = ""
    wegwijzer: WegwijzerConfig = field(default_factory=WegwijzerConfig)
    direct_hulp: tuple[Helpline, ...] = ()
    licentie: str = "CC0-1.0"  # of the open data, an SPDX id
    provincie: str = ""  # for the addresses of the open data (HSDS state_province)
    kaart: MapConfig = field(default_factory=MapConfig)
    overzicht: OverviewConfig = field(default_factory=OverviewConfig)
    redactie: Editors | None = None
    aanspreekvorm: str = "u"  # how the site's own texts address the reader: u or je
    nakijken_na_maanden: int = 12  # after this, an entry's gecontroleerd date is stale
    schrijfwijzer: WritingGuide = field(default_factory=WritingGuide)
