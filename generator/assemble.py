"""Resolve the loaded content into a `Site`: lookups, reverse listings, the overview matrix.

Templates only read a finished `Site`; nothing here does I/O. Corpus-level
warnings (an organisation without activities, a taxonomy id nobody uses) are
recorded here because they need the whole corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import applies
from .diagnostics import Diagnostics
from .model import (
    LADDER,
    Activity,
    Boundary,
    Content,
    ContentPage,
    Organisation,
    Taxonomy,
    Term,
)
from .schema import KIND_SINGULAR, TAXONOMY_KINDS, TAXONOMY_LISTS
from .site_config import SiteConfig


def activity_order(activity: Activity) -> tuple[int, str, str]:
    """Lightest access first ("algemene voorziening gaat voor"), then title."""
    return (activity.toegang.rank, activity.titel.casefold(), activity.slug)


@dataclass(frozen=True)
class Site:
    """Everything the pages need, resolved and sorted, with reverse indexes."""

    config: SiteConfig
    taxonomy: Taxonomy
    organisations: tuple[Organisation, ...]
    activities: tuple[Activity, ...]
    zoekwoorden: tuple[tuple[str, ...], ...] = ()
    boundaries: tuple[Boundary, ...] = ()
    """The wijk outlines of content/kaart/wijken.geojson, for the map."""
    pages: tuple[ContentPage, ...] = ()
    """content/paginas/, by slug."""
    _organisations: dict[str, Organisation] = field(init=False, repr=False)
    _terms: dict[str, dict[str, Term]] = field(init=False, repr=False)
    _by_org: dict[str, list[Activity]] = field(init=False, repr=False)
    _by_term: dict[tuple[str, str], list[Activity]] = field(init=False, repr=False)
    _by_rung: dict[int, list[Activity]] = field(init=False, repr=False)
    _own: dict[str, list[Activity]] = field(init=False, repr=False)
    _for_everyone: list[Activity] = field(init=False, repr=False)
    _municipality_wide: list[Activity] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_org: dict[str, list[Activity]] = defaultdict(list)
        own: dict[str, list[Activity]] = defaultdict(list)
        by_term: dict[tuple[str, str], list[Activity]] = defaultdict(list)
        for activity in self.activities:  # already in display order
            own[activity.organisatie].append(activity)
            for slug in (activity.organisatie, *activity.partners):  # on each one's page
                by_org[slug].append(activity)
            for kind in TAXONOMY_LISTS:
                for term_id in getattr(activity, kind):
                    by_term[kind, term_id].append(activity)
        terms = {k: {t.id: t for t in self.taxonomy.kind(k)} for k in TAXONOMY_LISTS}
        object.__setattr__(self, "_organisations", {o.slug: o for o in self.organisations})
        object.__setattr__(self, "_terms", terms)
        object.__setattr__(self, "_by_org", dict(by_org))
        object.__setattr__(self, "_own", dict(own))
        object.__setattr__(self, "_by_term", dict(by_term))
        by_rung = {r.number: [a for a in self.activities if r.number in a.ladder] for r in LADDER}
        object.__setattr__(self, "_by_rung", by_rung)
        object.__setattr__(self, "_for_everyone", [a for a in self.activities if a.voor_iedereen])
        object.__setattr__(self, "_municipality_wide", [a for a in self.activities if not a.wijken])

    def listed_kinds(self) -> tuple[str, ...]:
        """The taxonomy lists with their own pages: the three required ones, and soorten
        when taxonomie.yaml has them (verwijzers only name who refers)."""
        return TAXONOMY_KINDS + (("soorten",) if self.taxonomy.soorten else ())

    def organisation(self, slug: str) -> Organisation:
        return self._organisations[slug]

    def terms(self, kind: str, ids: tuple[str, ...]) -> list[Term]:
        return [self._terms[kind][i] for i in ids]

    def activities_of(self, organisation_slug: str) -> list[Activity]:
        """Its own activities and those it does as a partner (its page lists both)."""
        return self._by_org.get(organisation_slug, [])

    def own_activities(self, organisation_slug: str) -> list[Activity]:
        """The activities whose `organisatie` it is: the ones it keeps up to date."""
        return self._own.get(organisation_slug, [])

    def activities_for(self, kind: str, term_id: str) -> list[Activity]:
        """Activities tagged with one term (doelgroep, leefgebied, wijk, soort, verwijzer)."""
        return self._by_term.get((kind, term_id), [])

    def activities_for_everyone(self) -> list[Activity]:
        return self._for_everyone

    def activities_municipality_wide(self) -> list[Activity]:
        return self._municipality_wide

    def activities_on_rung(self, number: int) -> list[Activity]:
        return self._by_rung.get(number, [])

    def activities_applying(self, kind: str, term_id: str) -> list[Activity]:
        """Every activity that applies to a doelgroep, wijk or leefgebied (see `applies`)."""
        return [a for a in self.activities if applies.to_term(a, kind, term_id)]


def assemble(content: Content, diags: Diagnostics) -> Site | None:
    """Build the `Site`, or None when site.yaml or taxonomie.yaml did not load."""
    if content.site is None or content.taxonomy is None:
        return None
    organisations = tuple(sorted(content.organisations, key=lambda o: (o.naam.casefold(), o.slug)))
    known = {o.slug for o in organisations}
    # An activity whose organisation file has errors is left out; that file's error says why.
    activities = tuple(
        sorted((a for a in content.activities if a.organisatie in known), key=activity_order)
    )
    site = Site(
        content.site,
        content.taxonomy,
        organisations,
        activities,
        content.zoekwoorden,
        content.boundaries,
        tuple(sorted(content.pages, key=lambda p: p.slug)),
    )
    if not diags.has_errors():
        # With errors, entries are missing from the model and these warnings would mislead.
        _warn_unused(site, diags)
    return site


def _warn_unused(site: Site, diags: Diagnostics) -> None:
    for org in site.organisations:
        if not site.activities_of(org.slug):
            diags.warning(org.source.path, 1, "", "deze organisatie heeft nog geen activiteiten")
    org_wijken = {i for o in site.organisations for i in o.wijken}
    for kind in TAXONOMY_LISTS:
        for term in site.taxonomy.kind(kind):
            if site.activities_for(kind, term.id) or (kind == "wijken" and term.id in org_wijken):
                continue
            diags.warning(
                term.source.path,
                term.source.line,
                kind,
                f"{KIND_SINGULAR[kind]} '{term.id}' wordt door geen enkele activiteit gebruikt",
            )
