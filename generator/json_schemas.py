"""JSON Schemas of the content files, made from the schema tables (never written twice).

One schema per file kind (site.yaml, taxonomie.yaml, the front matter of an activity,
an organisation and a page of content/paginas/, zoekwoorden.yaml), published under
/schema/ for editors' autocompletion (VS Code's YAML extension; docs/redactie.md). The lists of ids
(doelgroepen, wijken, organisations) come from the site's own content, so the editor
suggests exactly what `check` accepts.

The schemas describe values as a YAML 1.2 editor reads them (`4` is a number, `10:00`
a text, `ja` a text). They are a help while typing, a little stricter than `check` in
places, never the judge: `check` is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from . import (
    address_checks,
    checks,
    ladder_checks,
    language_checks,
    licence_checks,
    place_checks,
    schedule_checks,
    schema,
    urls,
)
from .assemble import Site
from .fields import Field
from .model import DAYS, FORMS, Toegang
from .publish import Writer

DRAFT = "https://json-schema.org/draft/2020-12/schema"
STRING = {"type": "string"}
TEXT = {"type": ["string", "number"]}  # `naam: 113` is text to `check`
DATE = {"type": "string", "format": "date"}
YES_NO = {"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nee"]}]}
SLUG = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
LANGUAGE = "^[a-zA-Z]{2,3}(-[A-Za-z0-9]+)*$"


def _list(items: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"type": "array", "items": items, "uniqueItems": True, **more}


# A fragment for each checker of a single value.
LEAVES: dict[Callable[..., Any], dict[str, Any]] = {
    checks.text: TEXT,
    checks.markdown_text: STRING,
    checks.yes_no: YES_NO,
    checks.date: DATE,
    checks.identifier: SLUG,
    checks.text_list: _list(TEXT),
    checks.forms: _list({"enum": list(FORMS)}, minItems=1),
    checks.word_groups: {"type": "array", "items": _list(TEXT, minItems=2)},
    checks.word_pairs: {"type": "object", "additionalProperties": {"type": ["string", "null"]}},
    ladder_checks.rungs: _list({"type": "integer", "minimum": 1, "maximum": 6}, minItems=1),
    ladder_checks.toegang: {"enum": [t.value for t in Toegang]},
    language_checks.languages: _list({"type": "string", "pattern": LANGUAGE}),
    licence_checks.licence: STRING,
    address_checks.base_url: {"type": "string", "pattern": "^https?://[^?#]+/$"},
    address_checks.url: {"type": "string", "pattern": "^https?://"},
    address_checks.tile_url: {"type": "string", "pattern": "^https://.*\\{z\\}"},
    address_checks.email: {"type": "string", "format": "email"},
    address_checks.phone: {"type": ["string", "integer"], "pattern": "^[0-9 +()-]+$"},
    place_checks.postcode: {"type": "string", "pattern": "^[1-9][0-9]{3} ?[A-Za-z]{2}$"},
    place_checks.coordinates: {
        "type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2,
    },
    schedule_checks.clock_time: {
        "anyOf": [{"type": "string", "pattern": "^[0-9]{1,2}[:.][0-9]{2}$"}, {"type": "number"}]
    },
    schedule_checks.days: _list({"enum": list(DAYS)}, minItems=1),
    schedule_checks.weeks: _list({"enum": list(schedule_checks.WEEKS)}, minItems=1),
    schedule_checks.dates: _list(DATE, minItems=1),
}  # fmt: skip


def site_choices(site: Site) -> tuple[dict[str, list[str]], list[str]]:
    """The ids an editor may choose from: per taxonomy list, and the organisation slugs."""
    ids = {kind: [t.id for t in getattr(site.taxonomy, kind)] for kind in schema.TAXONOMY_LISTS}
    return ids, sorted(o.slug for o in site.organisations)


def schemas(site: Site) -> dict[str, dict[str, Any]]:
    """File name under /schema/ -> its JSON Schema."""
    ids, orgs = site_choices(site)
    base = site.config.basis_url + urls.SCHEMA

    def leaf(field: Field) -> dict[str, Any]:
        check = field.check
        if check is checks.slug_ref:
            return {"enum": orgs}
        if check is checks.slug_refs:
            return _list({"enum": orgs}, minItems=1)
        if hasattr(check, "kind"):
            return _list({"enum": ids[check.kind]})
        if hasattr(check, "bounds"):
            lo, hi = check.bounds
            return {"type": "integer", "minimum": lo, "maximum": hi}
        if hasattr(check, "options"):
            return {"enum": list(check.options)}
        return dict(LEAVES[check])

    def value(field: Field) -> dict[str, Any]:
        out = obj(field.fields) if field.fields else leaf(field)
        if field.many:
            out = {"type": "array", "items": out, "minItems": 1}
        if field.doc:
            out = {"description": field.doc, **out}
        return out

    def obj(table: Mapping[str, Field]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "properties": {key: value(f) for key, f in table.items()},
            "additionalProperties": False,
        }
        required = [key for key, f in table.items() if f.required]
        return {**out, "required": required} if required else out

    def document(name: str, title: str, body: dict[str, Any]) -> dict[str, Any]:
        return {"$schema": DRAFT, "$id": base + name, "title": title, **body}

    taxonomy = {
        "type": "object",
        "properties": {
            kind: {"type": "array", "items": obj(schema.TERM_TABLES.get(kind, schema.TERM))}
            for kind in schema.TAXONOMY_LISTS
        },
        "required": list(schema.TAXONOMY_KINDS),
        "additionalProperties": False,
    }
    return {
        "site.json": document("site.json", "site.yaml van de Sociale Kaart", obj(schema.SITE)),
        "taxonomie.json": document("taxonomie.json", "taxonomie.yaml", taxonomy),
        "activiteit.json": document(
            "activiteit.json", "Een activiteit (de velden bovenaan)", obj(schema.ACTIVITY)
        ),
        "organisatie.json": document(
            "organisatie.json", "Een organisatie (de velden bovenaan)", obj(schema.ORGANISATION)
        ),
        "pagina.json": document(
            "pagina.json", "Een eigen pagina (de velden bovenaan)", obj(schema.PAGINA)
        ),  # fmt: skip
        "zoekwoorden.json": document(
            "zoekwoorden.json", "zoekwoorden.yaml", obj(schema.ZOEKWOORDEN)
        ),
    }


def write(site: Site, writer: Writer) -> None:
    """Write every schema to /schema/<name>, readable (editors open them)."""
    for name, data in schemas(site).items():
        writer.write(urls.SCHEMA + name, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
