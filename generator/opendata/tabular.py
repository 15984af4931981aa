"""The HSDS tabular form: one CSV per HSDS table, plus a datapackage.json that describes them.

The rows are the records of the JSON export, flattened: each nested object becomes a
row of its own table, linked by the ids it already carries (service_id, location_id,
link_id, ...). Columns are the HSDS fields in the order of the official tabular schema
(tests/test_open_data.py compares them); comma-separated, UTF-8, as the examples of
the specification are. A field we do not fill stays empty.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from .. import licence_checks, urls
from ..assemble import Site
from ..publish import dumps
from .services import ServiceRecords

ROOT = urls.HSDS_CSV

# table -> (file, columns); the columns of schema/compiled/tabular.json at HSDS 3.0
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "organization": ("organizations.csv", (
        "id", "name", "alternate_name", "description", "email", "website", "tax_status",
        "tax_id", "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id",
    )),
    "service": ("services.csv", (
        "id", "organization_id", "program_id", "name", "alternate_name", "description", "url",
        "email", "status", "interpretation_services", "application_process",
        "fees_description", "wait_time", "fees", "accreditations", "eligibility_description",
        "minimum_age", "maximum_age", "assured_date", "assurer_email", "licenses", "alert",
        "last_modified",
    )),
    "location": ("locations.csv", (
        "id", "location_type", "url", "organization_id", "name", "alternate_name",
        "description", "transportation", "latitude", "longitude", "external_identifier",
        "external_identifier_type",
    )),
    "service_at_location": (
        "service_at_location.csv", ("id", "service_id", "location_id", "description")
    ),
    "address": ("addresses.csv", (
        "id", "location_id", "attention", "address_1", "address_2", "city", "region",
        "state_province", "postal_code", "country", "address_type",
    )),
    "phone": ("phones.csv", (
        "id", "location_id", "service_id", "organization_id", "contact_id",
        "service_at_location_id", "number", "extension", "type", "description",
    )),
    "contact": ("contacts.csv", (
        "id", "organization_id", "service_id", "service_at_location_id", "location_id", "name",
        "title", "department", "email",
    )),
    "schedule": ("schedules.csv", (
        "id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to",
        "dtstart", "timezone", "until", "count", "wkst", "freq", "interval", "byday",
        "byweekno", "bymonthday", "byyearday", "description", "opens_at", "closes_at",
        "schedule_link", "attending_type", "notes",
    )),
    "language": ("languages.csv", (
        "id", "service_id", "location_id", "phone_id", "name", "code", "note",
    )),
    "cost_option": ("cost_options.csv", (
        "id", "service_id", "valid_from", "valid_to", "option", "currency", "amount",
        "amount_description",
    )),
    "accessibility": ("accessibility.csv", ("id", "location_id", "description", "details", "url")),
    "attribute": ("attributes.csv", (
        "id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value",
    )),
    "metadata": ("metadata.csv", (
        "id", "resource_id", "resource_type", "last_action_date", "last_action_type",
        "field_name", "previous_value", "replacement_value", "updated_by",
    )),
    "taxonomy": ("taxonomies.csv", ("id", "name", "description", "uri", "version")),
    "taxonomy_term": ("taxonomy_terms.csv", (
        "id", "code", "name", "description", "parent_id", "taxonomy", "language",
        "taxonomy_id", "term_uri",
    )),
}  # fmt: skip

NUMBERS = {"year_incorporated", "minimum_age", "maximum_age", "latitude", "longitude",
           "extension", "timezone", "count", "interval", "amount"}  # fmt: skip

# nested key in a JSON record -> the table its objects go to (None: written elsewhere)
NESTED: dict[str, str | None] = {
    "phones": "phone",
    "schedules": "schedule",
    "service_at_locations": "service_at_location",
    "location": "location",
    "locations": "location",
    "addresses": "address",
    "accessibility": "accessibility",
    "languages": "language",
    "cost_options": "cost_option",
    "contacts": "contact",
    "attributes": "attribute",
    "metadata": "metadata",
    "organization": None,  # every organization is a row of its own already
    "taxonomy_term": None,  # so is every term
    "taxonomy_detail": None,
}


class Tables:
    """The tables, filled record by record: each new row goes straight into its CSV, in a
    temporary file, so neither the records nor the CSV text stay in memory (at 10,000
    activities those were some 100 MB and 50 MB)."""

    def __init__(self) -> None:
        self._seen: dict[str, set[str]] = {table: set() for table in TABLES}
        self._text = {
            table: tempfile.TemporaryFile("w+", encoding="utf-8", newline="") for table in TABLES
        }
        self._rows = {t: csv.writer(self._text[t], lineterminator="\r\n") for t in TABLES}
        for table, (_file, columns) in TABLES.items():
            self._rows[table].writerow(columns)

    def add(self, table: str, record: dict[str, Any]) -> None:
        """`record` as a row of `table`, each nested object one of its own (once per id)."""
        own = {}
        for key, value in record.items():
            if key in NESTED:
                target = NESTED[key]
                for item in value if isinstance(value, list) else [value]:
                    if target:
                        self.add(target, item)
            else:
                own[key] = value
        if own["id"] not in self._seen[table]:
            self._seen[table].add(own["id"])
            self._rows[table].writerow([_cell(own.get(c)) for c in TABLES[table][1]])

    def add_vocabularies(self, records: ServiceRecords) -> None:
        for vocabulary in records.vocabularies:
            self.add("taxonomy", records.taxonomy(vocabulary))
            for term in records.terms(vocabulary):
                self.add("taxonomy_term", term)

    def files(self, site: Site) -> Iterator[tuple[str, Iterator[bytes]]]:
        """Each non-empty table as CSV, read back in pieces, and datapackage.json; the
        temporary files are closed (and so gone) once every piece is read."""
        filled = [table for table in TABLES if self._seen[table]]
        for table in TABLES:
            if table not in filled:
                self._text[table].close()
        for table in filled:
            yield ROOT + TABLES[table][0], _pieces(self._text[table])
        datapackage_json = (dumps(datapackage(site, filled)) + "\n").encode("utf-8")
        yield ROOT + "datapackage.json", iter((datapackage_json,))


def _pieces(text: IO[str], size: int = 1 << 20) -> Iterator[bytes]:
    """A temporary file's text from the start, as UTF-8 in pieces; then the file is closed."""
    with text:
        text.seek(0)
        while piece := text.read(size):
            yield piece.encode("utf-8")


def _cell(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def datapackage(site: Site, filled: list[str]) -> dict[str, Any]:
    """The Frictionless data package that describes the CSV files (of the `filled` tables)."""
    licence = site.config.licentie
    resources = []
    for table, (file, columns) in TABLES.items():
        if table not in filled:
            continue
        fields = [{"name": c, "type": "number" if c in NUMBERS else "string"} for c in columns]
        resources.append(
            {
                "name": table,
                "path": file,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "primaryKey": ["id"]},
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "hsds",
        "title": f"{site.config.titel}: HSDS 3.0 in tabelvorm",
        "licenses": [{"name": licence, "path": licence_checks.url(licence)}],
        "resources": resources,
    }
