"""How the model reads to a person: the only place that turns model values into Dutch text.

Pages (as Jinja filters and context), the search display data, the wegwijzer data,
JSON-LD and exports all describe an activity through these functions, so the same
fact reads the same everywhere. Plain values only: no HTML, no Jinja, no I/O.
Templates add the links (a wijk name becomes a link to its page) around the parts
that `Place` and `Contact` give them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .assemble import Site
from .model import Activity, Address, Contact, Term, Toegang

MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()

# How you get in: a short label and a plain explanation (B1).
TOEGANG_TEXT: dict[Toegang, tuple[str, str]] = {
    Toegang.VRIJ: ("Vrij toegankelijk", "U kunt gewoon binnenlopen. Aanmelden hoeft niet."),
    Toegang.AANMELDEN: ("Zelf aanmelden", "U meldt zich zelf aan. Een verwijzing is niet nodig."),
    Toegang.VERWIJZING: (
        "Via een verwijzing",
        "U heeft een verwijzing nodig, bijvoorbeeld van de huisarts of het wijkteam.",
    ),
    Toegang.INDICATIE: (
        "Met een indicatie",
        "U heeft een besluit nodig, zoals een Wmo-indicatie. Het wijkteam helpt daarbij.",
    ),
}

EVERYWHERE = "In de hele gemeente"


def toegang_label(toegang: Toegang) -> str:
    """`Zelf aanmelden`."""
    return TOEGANG_TEXT[toegang][0]


def toegang_explanation(toegang: Toegang) -> str:
    """`U meldt zich zelf aan. Een verwijzing is niet nodig.`"""
    return TOEGANG_TEXT[toegang][1]


@dataclass(frozen=True)
class Place:
    """Where an activity happens: its own location, its wijken, or the whole municipality."""

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


def place(site: Site, activity: Activity) -> Place:
    return Place(activity.locatie, tuple(site.terms("wijken", activity.wijken)))


def contact(site: Site, activity: Activity) -> Contact:
    """The activity's own contact details, completed with its organisation's."""
    org = site.organisation(activity.organisatie)
    return Contact(
        naam=activity.contact.naam,
        telefoon=activity.contact.telefoon or org.telefoon,
        email=activity.contact.email or org.email,
    )


@dataclass(frozen=True)
class Part:
    """A piece of a fact: text, and where it links to (tel:, mailto:, or nowhere)."""

    text: str
    link: str = ""


@dataclass(frozen=True)
class Fact:
    """One line of what a referrer needs to know, such as `Kosten: Gratis`."""

    label: str
    parts: tuple[Part, ...]

    @property
    def text(self) -> str:
        return "".join(part.text for part in self.parts)


def handout_facts(site: Site, activity: Activity) -> list[Fact]:
    """When, where, costs and whom to call: the facts the handout prints for an activity.

    The browser prints these as they are (js/wegwijzer/pagina.js), so a new fact
    needs no JavaScript.
    """
    facts = []
    if activity.wanneer:
        facts.append(Fact("Wanneer", (Part(activity.wanneer),)))
    facts.append(Fact("Waar", (Part(place(site, activity).text),)))
    facts.append(Fact("Kosten", (Part(costs(site, activity)),)))
    facts.append(Fact("Contact", contact_parts(site, activity)))
    return facts


def contact_parts(site: Site, activity: Activity) -> tuple[Part, ...]:
    """`Fatima, 0123 45 67 89, fatima@example.nl`, with phone and e-mail as links."""
    details = contact(site, activity)
    parts: list[Part] = []
    if details.naam:
        parts.append(Part(details.naam))
    for text, link in (
        (details.telefoon, tel_href(details.telefoon)),
        (details.email, f"mailto:{details.email}"),
    ):
        if text:
            if parts:
                parts.append(Part(", "))
            parts.append(Part(text, link))
    return tuple(parts) or (Part(f"Via {site.organisation(activity.organisatie).naam}"),)


def costs(site: Site, activity: Activity) -> str:
    """What it costs, as the editor wrote it; costs not given are unknown, never free."""
    if activity.kosten:
        return activity.kosten
    return f"Niet bekend, vraag het na bij {site.organisation(activity.organisatie).naam}"


def address_line(address: Address) -> str:
    """`Lindeplein 1, 1234 AB Proefdorp`."""
    town = f"{address.postcode} {address.plaats}".strip()
    return ", ".join(part for part in (address.straat, town) if part)


def date(value: dt.date | None) -> str:
    """`14 september 2026`, or `onbekend`."""
    if value is None:
        return "onbekend"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def tel_href(number: str) -> str:
    """`tel:` link for a Dutch phone number as editors write it."""
    return "tel:" + re.sub(r"[^0-9+]", "", number)


def age(activity: Activity) -> str:
    """`18 tot en met 27 jaar`, `vanaf 18 jaar`, `tot en met 12 jaar`, or empty."""
    low, high = activity.leeftijd.min, activity.leeftijd.max
    if low is not None and high is not None:
        return f"{low} tot en met {high} jaar"
    if low is not None:
        return f"vanaf {low} jaar"
    if high is not None:
        return f"tot en met {high} jaar"
    return ""


def count(number: int, singular: str = "activiteit", plural: str = "activiteiten") -> str:
    """`1 activiteit`, `3 activiteiten`."""
    return f"{number} {singular if number == 1 else plural}"
