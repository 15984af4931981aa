"""/schema/frontmatter.json: a project file for the Front Matter CMS extension of VS Code.

Front Matter CMS does not read JSON Schema: it shows a form per "content type", with
the fields listed in its own frontmatter.json. This module writes that file from the
same schema tables as `json_schemas`, with the site's own ids as choices, so an editor
gets a form for an activity or organisation that offers exactly what `check` accepts.
A content repository copies it to its root (docs/redactie.md).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from . import checks, ladder_checks, schedule_checks, schema, urls
from .assemble import Site
from .fields import Field
from .json_schemas import site_choices
from .language_checks import languages
from .model import DAYS, FORMS, Toegang
from .publish import Writer

FILE = urls.SCHEMA + "frontmatter.json"
FM_SCHEMA = "https://frontmatter.codes/frontmatter.schema.json"
FOLDERS = (
    ("Activiteiten", "activiteiten", "activiteit"),
    ("Organisaties", "organisaties", "organisatie"),
    ("Pagina's", "paginas", "pagina"),
)
LISTS = {checks.text_list, schedule_checks.dates, languages}


def config(site: Site) -> dict[str, Any]:
    ids, orgs = site_choices(site)
    groups: list[dict[str, Any]] = []

    def choice(options: list[Any], multiple: bool) -> dict[str, Any]:
        return {"type": "choice", "choices": options, "multiple": multiple}

    def leaf(field: Field) -> dict[str, Any]:
        check = field.check
        if check is checks.slug_ref:
            return choice(orgs, False)
        if check is checks.slug_refs:
            return choice(orgs, True)
        if hasattr(check, "kind"):
            return choice(ids[check.kind], True)
        if hasattr(check, "bounds"):
            lo, hi = check.bounds
            return {"type": "number", "numberOptions": {"isDecimal": False, "min": lo, "max": hi}}
        simple: dict[Any, dict[str, Any]] = {
            checks.yes_no: {"type": "boolean"},
            checks.date: {"type": "datetime", "dateFormat": "yyyy-MM-dd"},
            checks.markdown_text: {"type": "string", "multiline": True},
            ladder_checks.toegang: choice([t.value for t in Toegang], False),
            ladder_checks.rungs: choice([1, 2, 3, 4, 5, 6], True),
            checks.forms: choice(list(FORMS), True),
            schedule_checks.days: choice(list(DAYS), True),
            schedule_checks.weeks: choice(list(schedule_checks.WEEKS), True),
        }
        if check in simple:
            return simple[check]
        return {"type": "list"} if check in LISTS else {"type": "string"}

    def fields(table: Mapping[str, Field], prefix: str) -> list[dict[str, Any]]:
        out = []
        for key, field in table.items():
            if field.many:
                group_id = f"{prefix}{key}"
                groups.append({"id": group_id, "labelField": next(iter(field.fields)),
                               "fields": fields(field.fields, f"{group_id}-")})  # fmt: skip
                spec: dict[str, Any] = {"type": "block", "fieldGroup": [group_id]}
            elif field.fields:
                spec = {"type": "fields", "fields": fields(field.fields, f"{prefix}{key}-")}
            else:
                spec = leaf(field)
            described = {"title": key, "name": key, **spec, "description": field.doc}
            out.append({**described, "required": True} if field.required else described)
        return out

    content_types = [
        {"name": "activiteit", "pageBundle": False, "previewPath": None,
         "fields": fields(schema.ACTIVITY, "activiteit-")},
        {"name": "organisatie", "pageBundle": False, "previewPath": None,
         "fields": fields(schema.ORGANISATION, "organisatie-")},
        {"name": "pagina", "pageBundle": False, "previewPath": None,
         "fields": fields(schema.PAGINA, "pagina-")},
    ]  # fmt: skip
    return {
        "$schema": FM_SCHEMA,
        "frontMatter.content.pageFolders": [
            {"title": title, "path": f"[[workspace]]/content/{folder}", "contentTypes": [kind]}
            for title, folder, kind in FOLDERS
        ],
        "frontMatter.taxonomy.contentTypes": content_types,
        "frontMatter.taxonomy.fieldGroups": groups,
    }


def write(site: Site, writer: Writer) -> None:
    writer.write(FILE, json.dumps(config(site), ensure_ascii=False, indent=2) + "\n")
