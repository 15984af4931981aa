"""Open data: the files other systems take our data from, written by every build.

`downloads(site)` makes them all in memory; `write` puts them in the output and says
what it wrote (`Published`: the /open-data/ page lists every file with its size).

    open-data/hsds/...            HSDS 3.0 JSON, laid out as a read-only HSDS API (`api`)
    open-data/hsds/csv/...        the HSDS tabular form with datapackage.json (`tabular`)
    open-data/activiteiten.csv    spreadsheets for policy staff (`spreadsheet`)
    open-data/organisaties.csv
    open-data/agenda.ics          every activity with `tijden` (`agenda`)
    open-data/locaties.geojson    every place with coordinates (`geo`)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from .. import agenda, urls
from ..assemble import Site
from ..publish import Writer
from . import api, geo, spreadsheet, tabular
from .services import ServiceRecords

SPREADSHEET_ACTIVITIES = urls.SPREADSHEET_ACTIVITIES
SPREADSHEET_ORGANISATIONS = urls.SPREADSHEET_ORGANISATIONS
CALENDAR = urls.OPEN_CALENDAR
GEOJSON = urls.OPEN_GEOJSON


@dataclass(frozen=True)
class Download:
    path: str  # site-relative
    data: bytes
    group: str  # the heading it is listed under on /open-data/: hsds, hsds-csv, overig


@dataclass(frozen=True)
class Published:
    """A download as the /open-data/ page lists it: where, under which heading, how big."""

    path: str
    group: str
    size: int

    @property
    def name(self) -> str:
        return self.path.removeprefix(urls.OPEN_DATA)


def _json(data: object) -> bytes:
    """Compact JSON, in the field order of the HSDS schemas: stable, and made by the C
    encoder (indented JSON goes through Python's pure-Python one, five times slower;
    a browser or `jq` shows it indented)."""
    return (json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8")


def downloads(site: Site) -> Iterator[Download]:
    """Every open-data file, in a stable order, one at a time (at 10,000 activities they
    are 150 MB: each is written before the next is made)."""
    records = ServiceRecords(site)
    tables = tabular.Tables()  # the rows in the order of the records: organisations first
    for org in site.organisations:
        tables.add("organization", records.organisation(org))
    for path, data in api.files(site, records, partial(tables.add, "service")):
        yield Download(path, _json(data), "hsds")
    tables.add_vocabularies(records)
    for path, table in tables.files(site).items():
        yield Download(path, table, "hsds-csv")
    yield Download(SPREADSHEET_ACTIVITIES, spreadsheet.activities(site), "overig")
    yield Download(SPREADSHEET_ORGANISATIONS, spreadsheet.organisations(site), "overig")
    yield Download(CALENDAR, agenda.combined(site), "overig")
    yield Download(GEOJSON, _json(geo.feature_collection(site)), "overig")


def write(site: Site, writer: Writer) -> list[Published]:
    """Make every download and write it; what was written, for the /open-data/ page."""
    published = []
    for download in downloads(site):
        writer.write(download.path, download.data)
        published.append(Published(download.path, download.group, len(download.data)))
    return published
