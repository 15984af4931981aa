"""Read HSDS 3.0 input into one `Bundle`: services, organizations and taxonomy terms.

SOURCE may be one JSON file (a service, a page of services or organizations as the
HSDS API returns it, an organization with its services, or a page of taxonomy terms),
a folder laid out as our own export (index.json, services/, organizations/,
taxonomy_terms.json), or a folder with the tabular form (services.csv and the other
CSV files). Every record keeps where it came from (file and JSON path), so a problem
can be named exactly. Nothing is checked here beyond what it takes to read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import urls
from ..opendata.tabular import NUMBERS  # the number columns of the HSDS tables


@dataclass(frozen=True)
class Record:
    data: dict[str, Any]
    file: str
    path: str  # JSON path inside the file: "contents[3]", "" for the whole file


@dataclass
class Bundle:
    services: list[Record] = field(default_factory=list)
    organizations: list[Record] = field(default_factory=list)
    terms: list[Record] = field(default_factory=list)
    base_url: str = ""  # from an index.json of our own export, when there is one
    problems: list[str] = field(default_factory=list)


class Unreadable(Exception):
    """The source cannot be read at all (a message in Dutch)."""


def _load_json(path: Path, shown: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise Unreadable(f"{shown}: dit is geen UTF-8 (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise Unreadable(f"{shown}:{exc.lineno}: dit is geen geldige JSON ({exc.msg})") from exc
    except OSError as exc:
        raise Unreadable(f"{shown}: kan niet worden gelezen ({exc.strerror})") from exc


def _kind_of_items(items: list[Any]) -> str:
    first = next((i for i in items if isinstance(i, dict)), {})
    if "status" in first or "organization_id" in first:
        return "services"
    if "taxonomy_id" in first or "code" in first or "taxonomy" in first:
        return "terms"
    return "organizations"


def add_json(bundle: Bundle, data: Any, shown: str) -> None:
    """One JSON document: a page, a service, an organization (with services) or a term."""
    if not isinstance(data, dict):
        bundle.problems.append(f"{shown}: verwacht een JSON-object, maar vond een lijst of waarde")
        return
    if isinstance(data.get("contents"), list):
        kind = _kind_of_items(data["contents"])
        for n, item in enumerate(data["contents"]):
            getattr(bundle, kind).append(Record(item, shown, f"contents[{n}]"))
    elif "status" in data:
        bundle.services.append(Record(data, shown, ""))
    elif "code" in data and "taxonomy_id" in data:
        bundle.terms.append(Record(data, shown, ""))
    elif "name" in data:
        bundle.organizations.append(Record(data, shown, ""))
        for n, service in enumerate(data.get("services") or []):
            if isinstance(service, dict) and "status" in service:
                service = {"organization_id": data.get("id"), **service}
                bundle.services.append(Record(service, shown, f"services[{n}]"))
    else:
        bundle.problems.append(f"{shown}: dit is geen HSDS-service, -organisatie, -term of -lijst")


def _api_folder(folder: Path, bundle: Bundle) -> None:
    """Our own export: the full records of services/ and organizations/, and the terms."""
    index = _load_json(folder / "index.json", "index.json")
    profile = index.get("profile", "") if isinstance(index, dict) else ""
    bundle.base_url = profile.split(urls.OPEN_DATA)[0] if urls.OPEN_DATA in profile else ""
    for name in ("services", "organizations"):
        for file in sorted((folder / name).glob("*.json")):
            add_json(bundle, _load_json(file, f"{name}/{file.name}"), f"{name}/{file.name}")
    terms = folder / "taxonomy_terms.json"
    if terms.is_file():
        add_json(bundle, _load_json(terms, terms.name), terms.name)


# table file -> (its key in the parent, the column that names the parent)
CHILDREN = {
    "phones.csv": ("phones", ("service_id", "organization_id", "location_id")),
    "schedules.csv": ("schedules", ("service_id",)),
    "languages.csv": ("languages", ("service_id",)),
    "cost_options.csv": ("cost_options", ("service_id",)),
    "contacts.csv": ("contacts", ("service_id", "organization_id")),
    "addresses.csv": ("addresses", ("location_id",)),
    "accessibility.csv": ("accessibility", ("location_id",)),
    "attributes.csv": ("attributes", ("link_id",)),
    "metadata.csv": ("metadata", ("resource_id",)),
}


def _rows(folder: Path, name: str) -> list[dict[str, Any]]:
    path = folder / name
    if not path.is_file():
        return []
    text = path.read_bytes().decode("utf-8-sig")
    rows = []
    for row in csv.DictReader(io.StringIO(text, newline="")):
        item: dict[str, Any] = {}
        for key, value in row.items():
            if key is None or value in ("", None):
                continue
            try:
                item[key] = float(value) if key in NUMBERS else value
            except ValueError:
                item[key] = value  # the shape check names it
        rows.append(item)
    return rows


def _tabular_folder(folder: Path, bundle: Bundle) -> None:
    """The tabular form: rebuild nested records from the ids that link the tables."""
    by_parent: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for file, (key, columns) in CHILDREN.items():
        for row in _rows(folder, file):
            for column in columns:
                if row.get(column):
                    by_parent[key, row[column]].append(row)
                    break
    terms = {t["id"]: t for t in _rows(folder, "taxonomy_terms.csv") if "id" in t}

    def nest(record: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
        out = dict(record)
        for key in keys:
            children = [dict(c) for c in by_parent.get((key, record.get("id", "")), [])]
            for child in children:
                if key == "attributes" and child.get("taxonomy_term_id") in terms:
                    child["taxonomy_term"] = terms[child["taxonomy_term_id"]]
            if children:
                out[key] = children
        return out

    locations = {row.get("id"): row for row in _rows(folder, "locations.csv")}
    located = ("addresses", "accessibility")
    at_location: dict[str, list[dict]] = defaultdict(list)
    for row in _rows(folder, "service_at_location.csv"):
        place = locations.get(row.get("location_id"))
        link = {**row, "location": nest(place, located)} if place else row
        at_location[row.get("service_id", "")].append(link)
    organisation_parts = ("phones", "contacts", "attributes", "metadata")
    of_services = {link.get("location_id") for links in at_location.values() for link in links}
    for n, row in enumerate(_rows(folder, "organizations.csv")):
        org = nest(row, organisation_parts)
        own = [
            nest(place, located)
            for key, place in locations.items()
            if place.get("organization_id") == row.get("id") and key not in of_services
        ]
        if own:
            org["locations"] = own[:1]  # its address: a location no service is at
        bundle.organizations.append(Record(org, "organizations.csv", f"rij {n + 2}"))
    service_parts = ("phones", "schedules", "languages", "cost_options", "contacts", "attributes")
    for n, row in enumerate(_rows(folder, "services.csv")):
        service = nest(row, service_parts)
        if at_location.get(row.get("id", "")):
            service["service_at_locations"] = at_location[row["id"]]
        bundle.services.append(Record(service, "services.csv", f"rij {n + 2}"))
    for n, term in enumerate(terms.values()):
        bundle.terms.append(Record(term, "taxonomy_terms.csv", f"rij {n + 2}"))


OUR_SERVICE_URL = re.compile(r"^(https?://.+/)activiteiten/[a-z0-9-]+/$")


def _our_base_url(bundle: Bundle) -> str:
    """The basis_url of a site made with this program, from its service addresses."""
    bases = {
        m.group(1)
        for r in bundle.services
        if (m := OUR_SERVICE_URL.match(str(r.data.get("url") or "")))
    }
    return bases.pop() if len(bases) == 1 else ""


def read(source: Path) -> Bundle:
    """Everything in SOURCE; raises Unreadable when it is not there or not HSDS at all."""
    bundle = Bundle()
    if source.is_file():
        add_json(bundle, _load_json(source, source.name), source.name)
    elif (source / "index.json").is_file():
        _api_folder(source, bundle)
    elif (source / "services.csv").is_file():
        _tabular_folder(source, bundle)
    elif (source / "csv" / "services.csv").is_file():
        _tabular_folder(source / "csv", bundle)
    elif source.is_dir():
        raise Unreadable(
            f"{source}/: hierin staat geen index.json en geen services.csv;"
            " geef een HSDS-bestand, de map van een HSDS-export of de map met de tabellen"
        )
    else:
        raise Unreadable(f"{source}: dit bestand of deze map bestaat niet")
    bundle.base_url = bundle.base_url or _our_base_url(bundle)
    return bundle
