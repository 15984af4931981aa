"""Check an open-data export against the official HSDS 3.0 schemas (JSON Schema 2020-12).

The schemas are not part of this program: pass the `schema/` folder of the Open Referral
specification at tag v3.0 (openreferral/specification, CC BY-SA 4.0). References between
the schema files resolve locally, as if they were at their published address, and
formats (uuid, uri, email, date) are checked.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .. import urls

PUBLISHED = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

# a file of the HSDS API (below open-data/hsds/) -> the schema of it, or of its page items
SINGLE = {"services/": "service.json", "organizations/": "organization.json"}
PAGES = {
    "services.json": "compiled/service_list.json",
    "organizations.json": "compiled/organization_list.json",
    "taxonomies.json": "taxonomy.json",
    "taxonomy_terms.json": "taxonomy_term.json",
}
PAGE_FIELDS = ("total_items", "total_pages", "page_number", "size", "first_page", "last_page")


class Schemas:
    """The HSDS schemas of one folder, ready to validate with."""

    def __init__(self, schema_dir: Path) -> None:
        registry: Registry = Registry()
        for file in sorted(schema_dir.rglob("*.json")):
            uri = PUBLISHED + file.relative_to(schema_dir).as_posix()
            resource = DRAFT202012.create_resource(json.loads(file.read_text(encoding="utf-8")))
            registry = registry.with_resource(uri, resource)
        self.registry = registry
        self.openapi = json.loads((schema_dir / "openapi.json").read_text(encoding="utf-8"))

    def validator(self, name: str) -> Draft202012Validator:
        return Draft202012Validator(
            {"$ref": PUBLISHED + name},
            registry=self.registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )

    def errors(self, name: str, data: Any, where: str = "") -> Iterator[str]:
        """`services[3].phones[0].number: 'x' is not of type ...` for each problem."""
        for error in sorted(self.validator(name).iter_errors(data), key=lambda e: e.path):
            yield f"{json_path(where, error.absolute_path)}: {error.message}"

    def api_file(self, relpath: str, data: Any) -> list[str]:
        """Problems of one file of the HSDS API (`relpath` below open-data/hsds/)."""
        if relpath == "index.json":
            missing = [k for k in ("version", "profile", "openapi_url") if k not in data]
            return [f"{k}: ontbreekt" for k in missing]
        for folder, name in SINGLE.items():
            if relpath.startswith(folder):
                return list(self.errors(name, data))
        if relpath in PAGES:
            problems = [f"{k}: ontbreekt" for k in PAGE_FIELDS if k not in data]
            for n, item in enumerate(data.get("contents", [])):
                problems += self.errors(PAGES[relpath], item, f"contents[{n}]")
            return problems
        return [f"onbekend bestand in de HSDS-map: {relpath}"]

    def tabular(self, tables: dict[str, str]) -> list[str]:
        """Problems of the tabular form (file name -> CSV text): every CSV, as rows,
        against compiled/tabular.json, and the columns each table requires."""
        schema: Any = self.registry.contents(PUBLISHED + "compiled/tabular.json")
        data: dict[str, list[dict[str, Any]]] = {}
        problems: list[str] = []
        for table, spec in schema["properties"].items():
            item = spec["items"]
            if item["path"] not in tables:
                continue
            data[table] = rows = []
            for n, row in enumerate(csv.DictReader(io.StringIO(tables[item["path"]]))):
                rows.append(_typed(row, item["properties"], item.get("required", [])))
                for key in item.get("tabular_required", []):
                    if not row.get(key):
                        problems.append(f"{item['path']}: rij {n + 2}: {key} ontbreekt")
        problems += [f"{item}" for item in self.errors("compiled/tabular.json", data)]
        return problems


def _typed(row: dict[str, str], properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    """A CSV row as the JSON the schema describes: numbers as numbers, and empty cells
    left out, except a required text, which is the empty text (as it may be in JSON)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        kind = properties.get(key, {}).get("type")
        if value == "" and not (key in required and kind == "string"):
            continue
        if kind in ("number", "integer"):
            try:
                out[key] = float(value) if kind == "number" else int(value)
            except ValueError:
                out[key] = value  # the schema reports it
        else:
            out[key] = value
    return out


def json_path(start: str, parts: Any) -> str:
    """`services[3].phones[0].number` from jsonschema's path parts."""
    path = start
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(het hele bestand)"


def check_files(files: dict[str, bytes], schema_dir: Path) -> list[str]:
    """Every problem of the HSDS files (path below open-data/hsds/ -> content), as
    `open-data/hsds/<file>: <JSON path>: <message>`."""
    schemas = Schemas(schema_dir)
    problems = []
    tables = {}
    for relpath, data in sorted(files.items()):
        if relpath.startswith("csv/"):
            if relpath.endswith(".csv"):
                tables[relpath.removeprefix("csv/")] = data.decode("utf-8")
            continue
        found = schemas.api_file(relpath, json.loads(data))
        problems += [f"{urls.HSDS}{relpath}: {p}" for p in found]
    problems += [f"{urls.HSDS_CSV}{p}" for p in schemas.tabular(tables)]
    return problems


def check_output(output_dir: Path, schema_dir: Path) -> list[str]:
    """`check_files` on the HSDS files of a built site."""
    root = output_dir / urls.HSDS
    files = {f.relative_to(root).as_posix(): f.read_bytes() for f in root.rglob("*") if f.is_file()}
    return check_files(files, schema_dir)
