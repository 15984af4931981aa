"""The content model: frozen dataclasses for everything an editor writes.

No I/O and no Jinja here. The participation ladder is built in because its
rungs and definitions are a national standard, not a municipal choice.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from .site_config import SiteConfig


class Toegang(enum.Enum):
    """How you get in, lightest first ("algemene voorziening gaat voor")."""

    VRIJ = "vrij"
    AANMELDEN = "aanmelden"
    VERWIJZING = "verwijzing"
    INDICATIE = "indicatie"

    @property
    def rank(self) -> int:
        return _TOEGANG_RANKS[self]


_TOEGANG_RANKS = {toegang: rank for rank, toegang in enumerate(Toegang)}


@dataclass(frozen=True, slots=True)
class Rung:
    """A rung of the participation ladder (participatieladder)."""

    number: int
    naam: str
    omschrijving: str


# The six rungs of the participation ladder (Divosa / Movisie), in plain Dutch (B1).
LADDER: tuple[Rung, ...] = (
    Rung(1, "Geïsoleerd", "U heeft weinig of geen contact met mensen buiten uw eigen huishouden."),
    Rung(
        2,
        "Sociale contacten buiten de deur",
        "U spreekt minstens één keer per week mensen buiten uw huis, zoals familie,"
        " buren of vrienden. Een praatje met de kassière of de thuiszorg telt niet mee.",
    ),
    Rung(
        3,
        "Deelname aan georganiseerde activiteiten",
        "U doet minstens één keer per week mee aan iets dat georganiseerd is,"
        " zoals een club, een vereniging of een cursus.",
    ),
    Rung(
        4,
        "Onbetaald werk",
        "U doet vrijwilligerswerk of ander onbetaald werk. U heeft daarbij taken,"
        " andere mensen rekenen op u en u werkt minstens één keer per week met anderen samen.",
    ),
    Rung(
        5,
        "Betaald werk met ondersteuning",
        "U heeft betaald werk, maar met steun. Bijvoorbeeld een aanvulling op uw loon,"
        " een jobcoach of beschut werk.",
    ),
    Rung(
        6,
        "Betaald werk",
        "U heeft betaald werk zonder extra steun, in loondienst of als zelfstandige.",
    ),
)

RUNGS = {rung.number: rung for rung in LADDER}


@dataclass(frozen=True, slots=True)
class Source:
    """Where an entry came from, for diagnostics."""

    path: str
    line: int = 1


@dataclass(frozen=True, slots=True)
class Term:
    """An item of a taxonomy list: a doelgroep, leefgebied or wijk."""

    id: str
    naam: str
    omschrijving: str = ""
    zoektermen: tuple[str, ...] = ()
    contact: str = ""  # wijken only: the slug of the organisation people there turn to
    source: Source = Source("content/taxonomie.yaml")


@dataclass(frozen=True, slots=True)
class Taxonomy:
    doelgroepen: tuple[Term, ...]
    leefgebieden: tuple[Term, ...]
    wijken: tuple[Term, ...]
    verwijzers: tuple[Term, ...] = ()  # who may refer; naam as in a sentence: "de huisarts"
    soorten: tuple[Term, ...] = ()  # kinds of offer: ontmoeting, cursus-en-training, ...

    def kind(self, name: str) -> tuple[Term, ...]:
        return getattr(self, name)


@dataclass(frozen=True, slots=True)
class Address:
    straat: str = ""
    postcode: str = ""
    plaats: str = ""
    coordinaten: tuple[float, float] | None = None  # (latitude, longitude)

    def is_empty(self) -> bool:
        return not (self.straat or self.postcode or self.plaats)


@dataclass(frozen=True, slots=True)
class Location:
    """One item of `locaties`: a place where the activity happens (a naam or a plaats)."""

    naam: str = ""
    straat: str = ""
    postcode: str = ""
    plaats: str = ""
    coordinaten: tuple[float, float] | None = None  # (latitude, longitude)
    rolstoeltoegankelijk: bool | None = None  # None: not known
    uitleg: str = ""


@dataclass(frozen=True, slots=True)
class AgeRange:
    """`leeftijd`: both ends inclusive; None is no limit on that side."""

    min: int | None = None
    max: int | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    naam: str = ""
    telefoon: str = ""
    email: str = ""

    def is_empty(self) -> bool:
        return not (self.naam or self.telefoon or self.email)


@dataclass(frozen=True, slots=True)
class SignUp:
    """`aanmelden`: how to sign up or be referred, in the provider's own words."""

    uitleg: str = ""
    telefoon: str = ""
    email: str = ""
    website: str = ""


# `vorm`: how an activity takes place (present.FORM_TEXT says each in Dutch).
FORMS = ("groep", "individueel", "huisbezoek", "online", "telefonisch")
DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")  # Monday first, as date.weekday()


@dataclass(frozen=True, slots=True)
class TimeSlot:
    """One item of `tijden`: on these days, from `van` to `tot`.

    `weken` picks the 1st, 2nd, ... or last (-1) such weekday of the month; `om_de_week`
    is every other week, counted from `vanaf`."""

    dagen: tuple[str, ...]
    van: dt.time
    tot: dt.time
    weken: tuple[int, ...] = ()
    om_de_week: bool = False
    vanaf: dt.date | None = None
    let_op: str = ""


@dataclass(frozen=True, slots=True)
class Period:
    """`periode`: a season; either end may be open."""

    van: dt.date | None = None
    tot: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Organisation:
    slug: str
    naam: str
    beschrijving: str
    source: Source
    telefoon: str = ""
    email: str = ""
    website: str = ""
    adres: Address = field(default_factory=Address)
    wijken: tuple[str, ...] = ()
    zoektermen: tuple[str, ...] = ()
    gecontroleerd: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ContentPage:
    """content/paginas/<slug>.md: a free page at /<slug>/, such as 'Over deze site'."""

    slug: str
    titel: str
    beschrijving: str
    source: Source
    menu: bool = False  # listed in the menu of every page


@dataclass(frozen=True, slots=True)
class Activity:
    slug: str
    titel: str
    organisatie: str
    ladder: tuple[int, ...]
    toegang: Toegang
    beschrijving: str
    source: Source
    doelgroepen: tuple[str, ...] = ()
    leefgebieden: tuple[str, ...] = ()
    kosten: str = ""
    wijken: tuple[str, ...] = ()
    wanneer: str = ""
    locatie: str = ""
    leeftijd: AgeRange = field(default_factory=AgeRange)
    contact: Contact = field(default_factory=Contact)
    zoektermen: tuple[str, ...] = ()
    gecontroleerd: dt.date | None = None
    verwijzers: tuple[str, ...] = ()
    aanmelden: SignUp | None = None
    tijden: tuple[TimeSlot, ...] = ()
    periode: Period | None = None
    gesloten: tuple[dt.date, ...] = ()
    talen: tuple[str, ...] = ()  # ISO 639 codes; none: Dutch
    vorm: tuple[str, ...] = ()  # keys of FORMS
    partners: tuple[str, ...] = ()  # organisation slugs that run it with `organisatie`
    soorten: tuple[str, ...] = ()  # ids of taxonomy soorten: what kind of offer it is
    locaties: tuple[Location, ...] = ()

    @property
    def places(self) -> tuple[Location, ...]:
        """Where it happens: `locaties`, or the old `locatie` text as one place's name."""
        if self.locaties:
            return self.locaties
        return (Location(naam=self.locatie),) if self.locatie else ()

    @property
    def is_gratis(self) -> bool:
        """Free of charge: the costs say 'gratis' or start with it. Unknown costs are not free."""
        return self.kosten.strip().lower().startswith("gratis")

    @property
    def voor_iedereen(self) -> bool:
        return not self.doelgroepen


@dataclass(frozen=True, slots=True)
class Boundary:
    """A wijk's outline from content/kaart/wijken.geojson: polygons of rings of
    (latitude, longitude) points; the first ring of a polygon is its outside."""

    wijk: str
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]


@dataclass(frozen=True, slots=True)
class Content:
    """Everything that loaded without errors, sorted by slug."""

    site: SiteConfig | None
    taxonomy: Taxonomy | None
    organisations: tuple[Organisation, ...]
    activities: tuple[Activity, ...]
    zoekwoorden: tuple[tuple[str, ...], ...] = ()
    """Groups of search words that belong together (content/zoekwoorden.yaml)."""
    boundaries: tuple[Boundary, ...] = ()
    pages: tuple[ContentPage, ...] = ()
    """content/paginas/: free pages, such as a municipality's own accessibility statement."""
