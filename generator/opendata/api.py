"""The HSDS export as the files of a read-only HSDS API, served by any static host.

    open-data/hsds/index.json                 the API root (version, profile, openapi_url)
    open-data/hsds/services.json              one page holding every service (list form)
    open-data/hsds/services/<id>.json         one service with everything it has
    open-data/hsds/organizations.json         one page holding every organization
    open-data/hsds/organizations/<id>.json    one organization with its services
    open-data/hsds/taxonomies.json            every taxonomy
    open-data/hsds/taxonomy_terms.json        every term of every taxonomy

The pages follow the `Page` schema of the HSDS OpenAPI file: a single page, so a
client that follows `total_pages` reads everything with one request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .. import licence_checks, urls
from ..assemble import Site
from .records import HSDS_VERSION, OPENAPI_URL
from .services import ServiceRecords

ROOT = urls.HSDS
PROFILE_ANCHOR = "#profiel"


def page(contents: list[dict[str, Any]]) -> dict[str, Any]:
    """All items on one page of an HSDS list response."""
    return {**_page_head(len(contents)), "contents": contents}


@dataclass(frozen=True)
class Listing:
    """A list response whose items are made one at a time, as they are written: the same
    JSON as `page(list(items))`."""

    items: Iterable[dict[str, Any]]
    count: int

    def head(self) -> dict[str, Any]:
        """The page without its contents, which come last in it."""
        return _page_head(self.count)


def _page_head(count: int) -> dict[str, Any]:
    return {
        "total_items": count,
        "total_pages": 1,
        "page_number": 1,
        "size": count,
        "first_page": True,
        "last_page": True,
        "empty": not count,
    }


def files(
    site: Site,
    records: ServiceRecords,
    each_service: Callable[[dict[str, Any]], None] = lambda record: None,
) -> Iterator[tuple[str, Any]]:
    """Every file of the HSDS API, one at a time: (site-relative path, the JSON data it holds).
    `each_service` sees every full service record (the tables take them from there)."""
    base = site.config.basis_url
    yield (
        ROOT + "index.json",
        {
            "version": HSDS_VERSION,
            "profile": urls.absolute_url(base, urls.OPEN_DATA) + PROFILE_ANCHOR,
            "openapi_url": OPENAPI_URL,
            "license": licence_checks.url(site.config.licentie),
        },
    )
    services = (records.service(a, nested=False) for a in site.activities)
    yield ROOT + "services.json", Listing(services, len(site.activities))
    for activity in site.activities:
        service = records.service(activity)
        each_service(service)
        yield f"{ROOT}services/{service['id']}.json", service
    organisations = (records.organisation(o, nested=False) for o in site.organisations)
    yield ROOT + "organizations.json", Listing(organisations, len(site.organisations))
    for org in site.organisations:
        record = {**records.organisation(org)}  # the shared record stays as it is
        record["services"] = [
            {"id": records.ids.activity(a.slug), "name": a.titel}
            for a in site.activities_of(org.slug)
            if a.organisatie == org.slug
        ]
        yield f"{ROOT}organizations/{record['id']}.json", record
    yield ROOT + "taxonomies.json", page([records.taxonomy(v) for v in records.vocabularies])
    yield (
        ROOT + "taxonomy_terms.json",
        page(
            [
                {**term, "taxonomy_detail": records.taxonomy(v)}
                for v in records.vocabularies
                for term in records.terms(v)
            ]
        ),
    )
