"""activiteiten.csv and organisaties.csv: one row per entry, for a spreadsheet.

Made to open cleanly in Dutch Excel: `;` between fields (Dutch Excel reads `,` as the
decimal sign), UTF-8 with a byte-order mark (else Excel guesses Windows-1252 and é
breaks), CRLF line ends, and lists joined with ", " in one cell. A cell that starts
with = + - @ or a tab (and is not a number such as -68,2) gets a leading ' so that
Excel never runs it as a formula (content is untrusted; OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator

from .. import places, present, urls
from ..assemble import Site
from ..model import Activity, Organisation

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^-?\d+(?:,\d+)?$")  # a number (-68,2) is never a formula
BOM = "\ufeff"
ROWS_PER_PIECE = 500


def _safe(value: str) -> str:
    if value.startswith(FORMULA_START) and not NUMBER.match(value):
        return "'" + value
    return value


def table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> bytes:
    """A CSV for Dutch Excel, with every cell made safe; `header` in snake_case
    becomes `Adres op de site`."""
    return b"".join(table_pieces(header, rows))


def table_pieces(header: Iterable[str], rows: Iterable[Iterable[object]]) -> Iterator[bytes]:
    """`table` in pieces of ROWS_PER_PIECE rows, made as they are read."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    out.write(BOM)
    writer.writerow([name.replace("_", " ").capitalize() for name in header])
    for n, row in enumerate(rows, start=1):
        writer.writerow([_safe("" if v is None else str(v)) for v in row])
        if n % ROWS_PER_PIECE == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


def _names(site: Site, kind: str, ids: tuple[str, ...]) -> str:
    return ", ".join(t.naam for t in site.terms(kind, ids))


def _iso(value: object) -> str:
    return value.isoformat() if value is not None else ""  # type: ignore[attr-defined]


def _decimal(coordinates: tuple[float, float] | None, index: int) -> str:
    """`52,0123`: a decimal comma, as Dutch Excel reads a number."""
    return str(coordinates[index]).replace(".", ",") if coordinates else ""


ACTIVITY_COLUMNS: tuple[tuple[str, Callable[[Site, Activity], object]], ...] = (
    ("titel", lambda s, a: a.titel),
    ("adres_op_de_site", lambda s, a: urls.absolute_url(s.config.basis_url, urls.activity(a.slug))),
    ("code", lambda s, a: a.slug),
    ("organisatie", lambda s, a: s.organisation(a.organisatie).naam),
    ("samen_met", lambda s, a: ", ".join(s.organisation(p).naam for p in a.partners)),
    ("doelgroepen", lambda s, a: _names(s, "doelgroepen", a.doelgroepen) or "Voor iedereen"),
    ("treden", lambda s, a: ", ".join(str(n) for n in a.ladder)),
    ("leefgebieden", lambda s, a: _names(s, "leefgebieden", a.leefgebieden)),
    ("soort_aanbod", lambda s, a: _names(s, "soorten", a.soorten)),
    ("toegang", lambda s, a: present.toegang_label(a.toegang)),
    ("verwijzers", lambda s, a: _names(s, "verwijzers", a.verwijzers)),
    ("wijken", lambda s, a: _names(s, "wijken", a.wijken) or places.EVERYWHERE),
    ("leeftijd", lambda s, a: present.age(a)),
    ("kosten", lambda s, a: a.kosten or "Niet bekend"),
    ("gratis", lambda s, a: "ja" if a.is_gratis else ("nee" if a.kosten else "niet bekend")),
    ("wanneer", lambda s, a: present.when(a)),
    ("niet_op", lambda s, a: ", ".join(d.isoformat() for d in a.gesloten)),
    ("waar", lambda s, a: "; ".join(places.full_line(p) for p in a.places)),
    ("talen", lambda s, a: ", ".join(a.talen) or "nl"),
    ("vorm", lambda s, a: ", ".join(a.vorm)),
    ("contact_naam", lambda s, a: present.contact(s, a).naam),
    ("contact_telefoon", lambda s, a: present.contact(s, a).telefoon),
    ("contact_email", lambda s, a: present.contact(s, a).email),
    ("aanmelden", lambda s, a: a.aanmelden.uitleg if a.aanmelden else ""),
    ("aanmelden_telefoon", lambda s, a: a.aanmelden.telefoon if a.aanmelden else ""),
    ("aanmelden_email", lambda s, a: a.aanmelden.email if a.aanmelden else ""),
    ("aanmelden_website", lambda s, a: a.aanmelden.website if a.aanmelden else ""),
    ("gecontroleerd", lambda s, a: _iso(a.gecontroleerd)),
    ("beschrijving", lambda s, a: a.beschrijving),
)

ORGANISATION_COLUMNS: tuple[tuple[str, Callable[[Site, Organisation], object]], ...] = (
    ("naam", lambda s, o: o.naam),
    (
        "adres_op_de_site",
        lambda s, o: urls.absolute_url(s.config.basis_url, urls.organisation(o.slug)),
    ),
    ("code", lambda s, o: o.slug),
    ("telefoon", lambda s, o: o.telefoon),
    ("email", lambda s, o: o.email),
    ("website", lambda s, o: o.website),
    ("adres", lambda s, o: places.address_line(o.adres)),
    ("breedtegraad", lambda s, o: _decimal(o.adres.coordinaten, 0)),
    ("lengtegraad", lambda s, o: _decimal(o.adres.coordinaten, 1)),
    ("wijken", lambda s, o: _names(s, "wijken", o.wijken)),
    ("aantal_activiteiten", lambda s, o: len(s.activities_of(o.slug))),
    ("gecontroleerd", lambda s, o: _iso(o.gecontroleerd)),
    ("beschrijving", lambda s, o: o.beschrijving),
)


def activities(site: Site) -> Iterator[bytes]:
    return table_pieces(
        (name for name, _ in ACTIVITY_COLUMNS),
        ([get(site, a) for _, get in ACTIVITY_COLUMNS] for a in site.activities),
    )


def organisations(site: Site) -> Iterator[bytes]:
    return table_pieces(
        (name for name, _ in ORGANISATION_COLUMNS),
        ([get(site, o) for _, get in ORGANISATION_COLUMNS] for o in site.organisations),
    )
