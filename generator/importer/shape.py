"""Is the HSDS input well-formed where the importer reads it? Every problem names the
file and the JSON path (`services.json: contents[3].phones[0].number: ...`).

This checks the fields the importer uses, with the types HSDS 3.0 gives them; the full
official schemas are checked by `sociale-kaart check --open-data` on an export.
"""

from __future__ import annotations

from typing import Any

from .reading import Bundle, Record

TEXT, NUMBER = "tekst", "een getal"

TERM = {"code": TEXT, "name": TEXT, "description": TEXT, "taxonomy": TEXT}
ATTRIBUTE = {"link_type": TEXT, "value": TEXT, "taxonomy_term_id": TEXT, "taxonomy_term": TERM}
PHONE = {"number": TEXT, "description": TEXT}
CONTACT = {"name": TEXT, "email": TEXT}
ADDRESS = {"address_1": TEXT, "city": TEXT, "postal_code": TEXT}
LOCATION = {
    "name": TEXT, "description": TEXT, "latitude": NUMBER, "longitude": NUMBER,
    "addresses": [ADDRESS], "accessibility": [{"description": TEXT}],
}  # fmt: skip
ORGANIZATION = {
    "id": TEXT, "name": TEXT, "description": TEXT, "email": TEXT, "website": TEXT, "uri": TEXT,
    "phones": [PHONE], "locations": [LOCATION], "attributes": [ATTRIBUTE],
    "metadata": [{"field_name": TEXT, "last_action_date": TEXT}],
}  # fmt: skip
SCHEDULE = {
    "freq": TEXT, "byday": TEXT, "interval": NUMBER, "dtstart": TEXT, "opens_at": TEXT,
    "closes_at": TEXT, "valid_from": TEXT, "valid_to": TEXT, "description": TEXT, "notes": TEXT,
}  # fmt: skip
SERVICE = {
    "id": TEXT, "organization_id": TEXT, "name": TEXT, "description": TEXT, "url": TEXT,
    "email": TEXT, "application_process": TEXT, "fees_description": TEXT,
    "minimum_age": NUMBER, "maximum_age": NUMBER, "assured_date": TEXT,
    "organization": ORGANIZATION, "phones": [PHONE], "schedules": [SCHEDULE],
    "service_at_locations": [{"location": LOCATION}], "languages": [{"code": TEXT}],
    "cost_options": [{"amount_description": TEXT}], "contacts": [CONTACT],
    "attributes": [ATTRIBUTE],
}  # fmt: skip
REQUIRED = {id(SERVICE): ("name",), id(ORGANIZATION): ("name",), id(PHONE): ("number",)}


def _found(value: Any) -> str:
    if isinstance(value, dict):
        return "een object"
    if isinstance(value, list):
        return "een lijst"
    return repr(value) if not isinstance(value, str) else f"'{value[:40]}'"


def _walk(value: Any, spec: Any, path: str, out: list[str]) -> None:
    if isinstance(spec, list):
        if not isinstance(value, list):
            out.append(f"{path}: verwacht een lijst, maar vond {_found(value)}")
            return
        for n, item in enumerate(value):
            _walk(item, spec[0], f"{path}[{n}]", out)
    elif isinstance(spec, dict):
        if not isinstance(value, dict):
            out.append(f"{path}: verwacht een object, maar vond {_found(value)}")
            return
        for key in REQUIRED.get(id(spec), ()):
            if not value.get(key):
                out.append(f"{path}.{key}: ontbreekt; dat is verplicht in HSDS".lstrip("."))
        for key, inner in spec.items():
            if value.get(key) is not None:
                _walk(value[key], inner, f"{path}.{key}".lstrip("."), out)
    elif spec == TEXT and not isinstance(value, str):
        out.append(f"{path}: verwacht {TEXT}, maar vond {_found(value)}")
    elif spec == NUMBER and (isinstance(value, bool) or not isinstance(value, (int, float))):
        out.append(f"{path}: verwacht {NUMBER}, maar vond {_found(value)}")


def _problems(record: Record, spec: dict[str, Any]) -> list[str]:
    found: list[str] = []
    _walk(record.data, spec, record.path, found)
    return [f"{record.file}: {p}" for p in found]


def problems(bundle: Bundle) -> list[str]:
    out = list(bundle.problems)
    for record in bundle.services:
        out += _problems(record, SERVICE)
    for record in bundle.organizations:
        out += _problems(record, ORGANIZATION)
    for record in bundle.terms:
        out += _problems(record, TERM)
    return out
