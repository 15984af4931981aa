"""The analysis for a policy memo: per area (the municipality, each wijk) the gaps, the
thin cells, the possible overlaps, the offer by toegang and by leefgebied, and how fresh
the data is. The /overzicht/analyse/ page and `sociale-kaart rapport` both read this;
the cells come from `overview`, so the numbers are those of the matrices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import applies, present
from .assemble import Site
from .freshness import Review
from .model import Activity, Organisation, Term, Toegang
from .overview import Cell, matrix


@dataclass(frozen=True)
class Spot:
    """A cell of the doelgroep x trede matrix, named: `Jongeren, trede 2`."""

    doelgroep: str
    rung: int
    cell: Cell

    @property
    def label(self) -> str:
        return f"{self.doelgroep}, trede {self.rung}"


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.count / self.total) if self.total else 0


@dataclass(frozen=True)
class Freshness:
    organisation: Organisation
    checked: int  # entries (the organisation and its activities) checked recently
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.checked / self.total) if self.total else 0


@dataclass(frozen=True)
class Section:
    wijk: Term | None
    activities: int  # that apply here
    gaps: tuple[Spot, ...]
    thin: tuple[Spot, ...]
    overlaps: tuple[Spot, ...]
    access: tuple[Share, ...]
    domains: tuple[Share, ...]
    fresh: Share
    organisations: tuple[Freshness, ...]  # the municipality's section only
    months: int = 12  # `fresh` counts what was checked in this many months

    @property
    def name(self) -> str:
        return self.wijk.naam if self.wijk else "De hele gemeente"

    @property
    def key(self) -> str:
        return self.wijk.id if self.wijk else "gemeente"


def _freshness(site: Site, review: Review) -> tuple[Freshness, ...]:
    found = []
    for org in site.organisations:
        dates = [org.gecontroleerd, *(a.gecontroleerd for a in site.own_activities(org.slug))]
        fresh = sum(not review.is_stale(d) for d in dates)
        found.append(Freshness(org, fresh, len(dates)))
    return tuple(sorted(found, key=lambda f: (f.percent, f.organisation.naam.casefold())))


def section(site: Site, wijk: Term | None, today: dt.date) -> Section:
    review = Review(today, site.config.nakijken_na_maanden)
    m = matrix(site, "doelgroepen", wijk=wijk)
    spots = [Spot(row.naam, int(cell.column), cell) for row in m.rows for cell in row.cells]
    here: list[Activity] = [
        a for a in site.activities if wijk is None or applies.to_wijk(a, wijk.id)
    ]
    total = len(here)
    access = tuple(
        Share(present.toegang_label(t), sum(a.toegang is t for a in here), total) for t in Toegang
    )
    domains = tuple(
        Share(t.naam, sum(applies.to_term(a, "leefgebieden", t.id) for a in here), total)
        for t in site.taxonomy.leefgebieden
    )
    fresh = Share("Nagekeken", sum(not review.is_stale(a.gecontroleerd) for a in here), total)
    return Section(
        wijk,
        total,
        tuple(s for s in spots if s.cell.state == "leeg"),
        tuple(s for s in spots if s.cell.state == "dun"),
        tuple(s for s in spots if s.cell.overlap),
        access,
        domains,
        fresh,
        _freshness(site, review) if wijk is None else (),
        site.config.nakijken_na_maanden,
    )


def analyse(site: Site, today: dt.date, wijk: str | None = None) -> list[Section]:
    """The municipality and every wijk, or only wijk `wijk`."""
    wijken = [t for t in site.taxonomy.wijken if wijk in (None, t.id)]
    areas: list[Term | None] = ([None] if wijk is None else []) + list(wijken)
    return [section(site, area, today) for area in areas]
