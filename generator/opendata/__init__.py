"""Open data: the files other systems take our data from, written by every build.

`downloads(site)` makes them one at a time, the large lists item by item as they are
written; `write` puts them in the output and says what it wrote (`Published`: the
/open-data/ page lists every file with its size).

    open-data/hsds/...            HSDS 3.0 JSON, laid out as a read-only HSDS API (`api`)
    open-data/hsds/csv/...        the HSDS tabular form with datapackage.json (`tabular`)
    open-data/activiteiten.csv    spreadsheets for policy staff (`spreadsheet`)
    open-data/organisaties.csv
    open-data/agenda.ics          every activity with `tijden` (`agenda`)
    open-data/locaties.geojson    every place with coordinates (`geo`)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
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
    chunks: Iterable[bytes]  # made as they are written: read them once
    group: str  # the heading it is listed under on /open-data/: hsds, hsds-csv, overig

    @property
    def data(self) -> bytes:
        """The whole file at once (for checking it; `write` does not keep it)."""
        return b"".join(self.chunks)


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


def _json_chunks(data: object) -> Iterator[bytes]:
    """`_json(data)` in pieces: a Listing item by item, anything else at once."""
    if not isinstance(data, api.Listing):
        yield _json(data)
        return
    head = _json(data.head())
    yield head[: -len(b"}\n")] + b',"contents":['
    for n, item in enumerate(data.items):
        yield (b"," if n else b"") + _json(item)[:-1]
    yield b"]}\n"


def downloads(site: Site) -> Iterator[Download]:
    """Every open-data file, in a stable order, one at a time (at 10,000 activities they
    are 150 MB: each is written before the next is made)."""
    records = ServiceRecords(site)
    tables = tabular.Tables()  # the rows in the order of the records: organisations first
    for org in site.organisations:
        tables.add("organization", records.organisation(org))
    for path, data in api.files(site, records, partial(tables.add, "service")):
        yield Download(path, _json_chunks(data), "hsds")
    tables.add_vocabularies(records)
    for path, pieces in tables.files(site):
        yield Download(path, pieces, "hsds-csv")
    yield Download(SPREADSHEET_ACTIVITIES, spreadsheet.activities(site), "overig")
    yield Download(SPREADSHEET_ORGANISATIONS, spreadsheet.organisations(site), "overig")
    yield Download(CALENDAR, (agenda.combined(site),), "overig")
    yield Download(GEOJSON, (_json(geo.feature_collection(site)),), "overig")


def write(site: Site, writer: Writer) -> list[Published]:
    """Make every download and write it; what was written, for the /open-data/ page."""
    published = []
    for download in downloads(site):
        size = writer.write_chunks(download.path, download.chunks)
        published.append(Published(download.path, download.group, size))
    return published
