"""The review queue of `sociale-kaart nakijken`: per organisation, what is stale.

An entry is stale when its `gecontroleerd` date is missing or older than
`nakijken_na_maanden` (see `freshness.Review`). Each organisation with stale entries
(itself, or its own activities) gets one queue, with a ready `mailto:` asking it to
check them; the oldest queue comes first. Three forms: text for a person, Markdown
for an issue, CSV for a spreadsheet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from . import urls
from .assemble import Site
from .freshness import Review
from .model import Organisation
from .opendata.spreadsheet import table
from .present import count

NEVER = dt.date.min  # sorts an entry that was never checked first


@dataclass(frozen=True)
class StaleEntry:
    kind: str  # "organisatie" or "activiteit"
    title: str
    path: str  # the content file, as editors see it
    url: str  # the public page
    checked: dt.date | None

    def age(self, today: dt.date) -> str:
        """`14 maanden geleden`, `nooit nagekeken`."""
        if self.checked is None:
            return "nooit nagekeken"
        months = (today.year - self.checked.year) * 12 + today.month - self.checked.month
        months -= today.day < self.checked.day
        return f"{count(months, 'maand', 'maanden')} geleden"


@dataclass(frozen=True)
class Queue:
    organisation: Organisation
    entries: tuple[StaleEntry, ...]
    mailto: str  # empty when the organisation has no e-mail address

    @property
    def oldest(self) -> dt.date:
        return min(e.checked or NEVER for e in self.entries)


def queues(site: Site, today: dt.date) -> list[Queue]:
    """Every organisation with stale entries, the longest unchecked first."""
    review = Review(today, site.config.nakijken_na_maanden)
    base = site.config.basis_url
    found = []
    for org in site.organisations:
        entries = []
        if review.is_stale(org.gecontroleerd):
            entries.append(
                StaleEntry("organisatie", org.naam, org.source.path,
                           base + urls.organisation(org.slug), org.gecontroleerd)
            )  # fmt: skip
        for activity in site.own_activities(org.slug):
            if review.is_stale(activity.gecontroleerd):
                entries.append(
                    StaleEntry("activiteit", activity.titel, activity.source.path,
                               base + urls.activity(activity.slug), activity.gecontroleerd)
                )  # fmt: skip
        if entries:
            found.append(Queue(org, tuple(entries), _mailto(site, org, entries)))
    return sorted(found, key=lambda q: (q.oldest, q.organisation.naam.casefold()))


def _mailto(site: Site, org: Organisation, entries: list[StaleEntry]) -> str:
    if not org.email:
        return ""
    lines = "\n".join(f"- {e.title}: {e.url}" for e in entries)
    sender = f"\n\n{site.config.redactie.email}" if site.config.redactie else ""
    body = (
        "Beste medewerker van " + org.naam + ",\n\n"
        f"Op de Sociale Kaart van {site.config.gemeente} staan deze gegevens van u:\n\n"
        f"{lines}\n\n"
        "Wilt u ze nakijken? Mail ons wat er niet meer klopt, of antwoord met 'Alles klopt'."
        " Dan zetten wij de datum van vandaag erbij.\n\n"
        f"Met vriendelijke groet,\nDe redactie van de Sociale Kaart {site.config.gemeente}" + sender
    )
    subject = f"Kloppen uw gegevens op de Sociale Kaart {site.config.gemeente}?"
    return f"mailto:{org.email}?" + urlencode({"subject": subject, "body": body}, quote_via=quote)


def text(found: list[Queue], today: dt.date) -> str:
    if not found:
        return "Alles is op tijd nagekeken.\n"
    out = []
    for q in found:
        email = q.organisation.email or "geen e-mailadres: vul 'email' in"
        out.append(
            f"{q.organisation.naam} ({email}): {count(len(q.entries), 'gegeven', 'gegevens')}"
        )
        out += [f"  {e.path}: {e.title}, {e.age(today)}" for e in q.entries]
        if q.mailto:
            out.append(f"  Mail: {q.mailto}")
        out.append("")
    entries = sum(len(q.entries) for q in found)
    out.append(
        f"Na te kijken: {count(entries, 'gegeven', 'gegevens')} van"
        f" {count(len(found), 'organisatie', 'organisaties')}."
    )
    return "\n".join(out) + "\n"


def markdown(found: list[Queue], today: dt.date, title: str) -> str:
    out = [f"# {title}", ""]
    if not found:
        return "\n".join([*out, "Alles is op tijd nagekeken.", ""])
    for q in found:
        out += [f"## {q.organisation.naam}", ""]
        if q.mailto:
            out += [
                f"[Mail {q.organisation.email} met het verzoek om na te kijken](<{q.mailto}>)",
                "",
            ]
        else:
            out += ["Geen e-mailadres: vul `email` in bij de organisatie.", ""]
        out += ["| Soort | Gegeven | Bestand | Nagekeken |", "|---|---|---|---|"]
        for e in q.entries:
            name = e.title.replace("|", "\\|")
            out.append(f"| {e.kind} | [{name}]({e.url}) | `{e.path}` | {e.age(today)} |")
        out.append("")
    return "\n".join(out)


CSV_COLUMNS = ("organisatie", "email", "soort", "gegeven", "bestand", "adres", "gecontroleerd",
               "nagekeken", "mail")  # fmt: skip


def csv_table(found: list[Queue], today: dt.date) -> bytes:
    """One row per stale entry, for Dutch Excel (`opendata.spreadsheet.table`)."""
    rows = [
        [q.organisation.naam, q.organisation.email or "", e.kind, e.title, e.path, e.url,
         e.checked.isoformat() if e.checked else "", e.age(today), q.mailto]
        for q in found
        for e in q.entries
    ]  # fmt: skip
    return table(CSV_COLUMNS, rows)
