"""The "wie doet wat voor wie" matrices for policy staff: what applies, per row and column.

A matrix crosses rows (doelgroepen, leefgebieden or soorten) with columns (the six rungs,
or the four kinds of toegang), for the whole municipality or for one wijk. A cell holds
every activity that applies to its row and column (`applies` decides, as everywhere
else: an activity for everyone applies to every doelgroep, a municipality-wide one to
every wijk), and apart from those the ones that name the row themselves ("gericht").
Its state: `leeg` (nothing applies), `dun` (only general activities) or `gericht`.
A cell where `overzicht.overlap` organisations or more offer targeted activities is a
possible overlap. No I/O and no HTML here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from . import applies, present, urls
from .assemble import Site
from .model import LADDER, Activity, Term, Toegang

ROWS = {  # row kind -> (singular for a heading, search parameter)
    "doelgroepen": ("Doelgroep", "doelgroep"),
    "leefgebieden": ("Leefgebied", "leefgebied"),
    "soorten": ("Soort aanbod", "soort"),
}


@dataclass(frozen=True)
class Column:
    id: str  # the rung number or the toegang value, as data-kolom has it
    label: str
    page: str = ""  # site-relative, when the column has a page (a rung)


@dataclass(frozen=True)
class Cell:
    row: str
    column: str
    applying: tuple[Activity, ...]
    targeted: tuple[Activity, ...]
    organisations: tuple[str, ...]  # names of the organisations behind `targeted`, sorted
    overlap: bool
    link: str  # site-relative: a search with the cell's filters

    @property
    def state(self) -> str:
        if not self.applying:
            return "leeg"
        return "gericht" if self.targeted else "dun"

    @property
    def general(self) -> int:
        """How many apply without naming the row: for everyone (or of no kind)."""
        return len(self.applying) - len(self.targeted)


@dataclass(frozen=True)
class Row:
    id: str
    naam: str
    page: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Matrix:
    key: str  # doelgroepen-treden, leefgebieden-treden, soorten-treden, doelgroepen-toegang
    kind: str  # the row kind
    by: str  # "treden" or "toegang"
    wijk: Term | None
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def row_heading(self) -> str:
        return ROWS[self.kind][0]

    @property
    def caption(self) -> str:
        crossed = "trede van de participatieladder" if self.by == "treden" else "soort toegang"
        where = f" in wijk {self.wijk.naam}" if self.wijk else ""
        return f"Aantal activiteiten per {self.row_heading.lower()} en {crossed}{where}"

    def cells(self) -> list[Cell]:
        return [cell for row in self.rows for cell in row.cells]


RUNG_COLUMNS = tuple(Column(str(r.number), r.naam, urls.rung(r.number)) for r in LADDER)
ACCESS_COLUMNS = tuple(Column(t.value, present.toegang_label(t)) for t in Toegang)


def _in_column(by: str, column: str) -> Callable[[Activity], bool]:
    if by == "treden":
        return lambda a: int(column) in a.ladder
    return lambda a: a.toegang.value == column


def _names(site: Site, activities: tuple[Activity, ...]) -> tuple[str, ...]:
    slugs = {s for a in activities for s in (a.organisatie, *a.partners)}
    return tuple(sorted((site.organisation(s).naam for s in slugs), key=str.casefold))


def _search(kind: str, row: str, by: str, column: str, wijk: Term | None) -> str:
    query = {ROWS[kind][1]: row, "ladder" if by == "treden" else "toegang": column}
    if wijk:
        query["wijk"] = wijk.id
    return urls.ZOEKEN + "?" + urlencode(query)


def matrix(site: Site, kind: str, by: str = "treden", wijk: Term | None = None) -> Matrix:
    """One matrix; rows are the terms of `kind` in taxonomy order."""
    threshold = site.config.overzicht.overlap
    here = [a for a in site.activities if wijk is None or applies.to_wijk(a, wijk.id)]
    columns = RUNG_COLUMNS if by == "treden" else ACCESS_COLUMNS
    rows = []
    for term in site.taxonomy.kind(kind):
        for_row = [a for a in here if applies.to_term(a, kind, term.id)]
        cells = []
        for column in columns:
            applying = tuple(filter(_in_column(by, column.id), for_row))
            targeted = tuple(a for a in applying if applies.targets(a, kind, term.id))
            names = _names(site, targeted)
            link = _search(kind, term.id, by, column.id, wijk)
            overlap = len(names) >= threshold
            cells.append(Cell(term.id, column.id, applying, targeted, names, overlap, link))
        rows.append(Row(term.id, term.naam, urls.term(kind, term.id), tuple(cells)))
    return Matrix(f"{kind}-{by}", kind, by, wijk, columns, tuple(rows))


def views(site: Site) -> list[Matrix]:
    """Every matrix of the site: the municipality's, each wijk's, and the other crossings."""
    found = [matrix(site, "doelgroepen")]
    found += [matrix(site, "doelgroepen", wijk=w) for w in site.taxonomy.wijken]
    found.append(matrix(site, "leefgebieden"))
    if site.taxonomy.soorten:
        found.append(matrix(site, "soorten"))
    found.append(matrix(site, "doelgroepen", by="toegang"))
    return found
