"""How the model reads to a person: the only place that turns model values into Dutch text.

Pages (as Jinja filters and context), the search display data, the wegwijzer data,
JSON-LD and exports all describe an activity through these functions, so the same
fact reads the same everywhere. Plain values only: no HTML, no Jinja, no I/O.
Templates add the links (a wijk name becomes a link to its page) around the parts
that `Place` and `Contact` give them. How places read is in `places`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from . import language_checks, voice
from .assemble import Site
from .model import DAYS, Activity, Contact, SignUp, TimeSlot, Toegang
from .places import place
from .wording import joined

MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()

# How you get in: a short label and a plain explanation (B1).
TOEGANG_TEXT: dict[Toegang, tuple[str, str]] = {
    Toegang.VRIJ: ("Vrij toegankelijk", "U kunt gewoon binnenlopen. Aanmelden hoeft niet."),
    Toegang.AANMELDEN: ("Zelf aanmelden", "U meldt zich zelf aan. Een verwijzing is niet nodig."),
    Toegang.VERWIJZING: ("Via een verwijzing", "U heeft een verwijzing nodig."),
    Toegang.INDICATIE: (
        "Met een indicatie",
        "U heeft een besluit nodig, zoals een Wmo-indicatie.",
    ),
}
REFERRED = (Toegang.VERWIJZING, Toegang.INDICATIE)


def toegang_label(toegang: Toegang) -> str:
    """`Zelf aanmelden`."""
    return TOEGANG_TEXT[toegang][0]


def toegang_explanation(toegang: Toegang) -> str:
    """`U meldt zich zelf aan. Een verwijzing is niet nodig.`"""
    return TOEGANG_TEXT[toegang][1]


def access(site: Site, activity: Activity) -> str:
    """How this activity's toegang works, naming exactly who may refer (`verwijzers`):
    `U heeft een verwijzing nodig van de huisarts of het UWV.` Without verwijzers it
    names no example, but whom to ask."""
    form = site.config.aanspreekvorm
    text = voice.say(toegang_explanation(activity.toegang), form)
    if activity.toegang not in REFERRED:
        return text
    referrers = [t.naam for t in site.terms("verwijzers", activity.verwijzers)]
    if referrers and activity.toegang is Toegang.VERWIJZING:
        return f"{text.removesuffix('.')} van {joined(referrers, 'of')}."
    if referrers:
        return f"{text} Vraag het aan via {joined(referrers, 'of')}."
    who = voice.say("wie u kan aanmelden", form)
    return f"{text} Vraag {site.organisation(activity.organisatie).naam} {who}."


FORM_TEXT = {
    "groep": "in een groep",
    "individueel": "alleen u en een begeleider",
    "huisbezoek": "bij u thuis",
    "online": "online",
    "telefonisch": "aan de telefoon",
}


def forms(activity: Activity, form: str = "u") -> str:
    """`Zo gaat het: in een groep of online.`, or empty without `vorm`; `form` is the
    site's form of address."""
    if not activity.vorm:
        return ""
    ways = [voice.say(FORM_TEXT[f], form) for f in activity.vorm]
    return f"Zo gaat het: {joined(ways, 'of')}."


def languages(activity: Activity) -> str:
    """`In het Nederlands en Arabisch`, or empty for Dutch only (no `talen`, or just nl)."""
    if activity.talen in ((), ("nl",)):
        return ""
    names = [language_checks.dutch_name(code) for code in activity.talen]
    return f"In het {joined(names)}"


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
    times = when(activity)
    if times:
        note = f". {closed(activity)}" if activity.gesloten else ""
        facts.append(Fact("Wanneer", (Part(times + note),)))
    if activity.leeftijd.min is not None or activity.leeftijd.max is not None:
        facts.append(Fact("Leeftijd", (Part(age(activity)),)))
    facts.append(Fact("Waar", (Part(place(site, activity).text),)))
    facts.append(Fact("Kosten", (Part(costs(site, activity)),)))
    if activity.toegang in REFERRED:
        facts.append(Fact("Toegang", (Part(access(site, activity)),)))
    if activity.aanmelden:
        facts.append(Fact("Aanmelden", sign_up_parts(activity.aanmelden)))
    facts.append(Fact("Contact", contact_parts(site, activity)))
    return facts


def sign_up_parts(sign_up: SignUp) -> tuple[Part, ...]:
    """`Bel ons, 0123 45 67 89, aanmelden@example.nl`, with the links."""
    return _parts(sign_up.uitleg, sign_up.telefoon, sign_up.email, sign_up.website)


def contact_parts(site: Site, activity: Activity) -> tuple[Part, ...]:
    """`Fatima, 0123 45 67 89, fatima@example.nl`, with phone and e-mail as links."""
    details = contact(site, activity)
    parts = _parts(details.naam, details.telefoon, details.email)
    return parts or (Part(f"Via {site.organisation(activity.organisatie).naam}"),)


def _parts(text: str, phone: str, email: str, website: str = "") -> tuple[Part, ...]:
    """A text, then phone, e-mail and website as links, with commas between."""
    pieces = [
        (text, None),
        (phone, tel_href(phone)),
        (email, f"mailto:{email}"),
        (website, website),
    ]
    parts: list[Part] = []
    for piece, link in pieces:
        if piece:
            parts += [Part(", ")] if parts else []
            parts.append(Part(piece, link))
    return tuple(parts)


def costs(site: Site, activity: Activity) -> str:
    """What it costs, as the editor wrote it; costs not given are unknown, never free."""
    if activity.kosten:
        return activity.kosten
    return f"Niet bekend, vraag het na bij {site.organisation(activity.organisatie).naam}"


def date(value: dt.date | None) -> str:
    """`14 september 2026`, or `onbekend`."""
    if value is None:
        return "onbekend"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


DAY_NAMES = dict(
    zip(DAYS, "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split(), strict=True)
)


def clock(value: dt.time) -> str:
    """`10.00`, as Dutch writes a time."""
    return f"{value.hour}.{value.minute:02d}"


def slot(item: TimeSlot) -> str:
    """`Elke dinsdag en donderdag van 10.00 tot 12.00 uur`, `Elke dag van ...`, `De 1e en
    laatste zaterdag van de maand, van ...`, `Om de week op dinsdag van ... (vanaf 6 januari
    2026)`."""
    days = joined([DAY_NAMES[d] for d in item.dagen])
    hours = f"van {clock(item.van)} tot {clock(item.tot)} uur"
    numbers = [DAYS.index(d) for d in item.dagen]
    if item.weken:
        nth = joined(["laatste" if n == -1 else f"{n}e" for n in item.weken])
        text = f"De {nth} {days} van de maand, {hours}"
    elif item.om_de_week:
        text = f"Om de week op {days} {hours} (vanaf {date(item.vanaf)})"
    elif len(numbers) == len(DAYS):
        text = f"Elke dag {hours}"
    elif len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        first, last = DAY_NAMES[item.dagen[0]], DAY_NAMES[item.dagen[-1]]
        text = f"Van {first} tot en met {last}, {hours}"
    else:
        text = f"Elke {days} {hours}"
    return f"{text} ({item.let_op})" if item.let_op else text


def schedule(activity: Activity) -> list[str]:
    """Every line of when an activity is: its times, its season and the `wanneer` note."""
    lines = [slot(item) for item in activity.tijden]
    season = activity.periode
    if season and season.van and season.tot:
        lines.append(f"Van {date(season.van)} tot en met {date(season.tot)}")
    elif season and (season.van or season.tot):
        lines.append(
            f"Vanaf {date(season.van)}" if season.van else f"Tot en met {date(season.tot)}"
        )
    if activity.wanneer:
        lines.append(activity.wanneer)
    return lines


def when(activity: Activity) -> str:
    """The schedule on one line, for cards and the handout."""
    return ". ".join(line.rstrip(".") for line in schedule(activity))


def closed(activity: Activity) -> str:
    """`Niet op 24 december 2026 en 31 december 2026`, or empty."""
    return f"Niet op {joined([date(d) for d in activity.gesloten])}" if activity.gesloten else ""


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


CHANGE_BODY = (
    "Pagina: {url}\n\nWat klopt er niet?\n\n\nWat moet het zijn?\n\n\n"
    "Mogen we u iets vragen? Zet dan hier uw naam en telefoonnummer:\n"
)


def change_mail(site: Site, title: str, page: str) -> str:
    """The `mailto:` of "Meld een wijziging": to the redactie, about this page; empty
    without `redactie` in site.yaml. No server and no form: the visitor's own mail."""
    if site.config.redactie is None:
        return ""
    url = site.config.basis_url + page
    body = voice.say(CHANGE_BODY, site.config.aanspreekvorm).format(url=url)
    fields = {"subject": title, "body": body}
    query = urlencode(fields, quote_via=quote)
    return f"mailto:{site.config.redactie.email}?{query}"
