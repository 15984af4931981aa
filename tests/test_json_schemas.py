"""The JSON Schemas under /schema/: they accept every valid content file and reject the
bad ones, read as an editor's YAML 1.2 tooling reads them (ruamel.yaml)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from generator.build import check
from generator.json_schemas import schemas
from generator.schema import ACTIVITY, ORGANISATION, PAGINA, SITE
from tests.helpers import write_tree
from tests.test_cli import FOUTEN

REPO = Path(__file__).resolve().parent.parent
CORPORA = [REPO / "content", REPO / "tests/fixtures/alle-velden"]
YAML12 = YAML(typ="safe", pure=True)
# A date stays the text it is, as in editors' YAML 1.2 tooling (its core schema has no
# dates, and JSON none either).
YAML12.constructor.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def _as_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value


def load(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---", 2)[1]
    return _as_json(YAML12.load(text))


def schema_for(path: Path) -> str:
    if path.suffix == ".md":
        kinds = {"activiteiten": "activiteit", "organisaties": "organisatie", "paginas": "pagina"}
        return kinds[path.parent.name] + ".json"
    return path.stem + ".json"


def validator(site, name: str) -> jsonschema.Draft202012Validator:
    found = schemas(site)[name]
    jsonschema.Draft202012Validator.check_schema(found)
    return jsonschema.Draft202012Validator(
        found, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize("content", CORPORA, ids=lambda p: p.name)
def test_every_valid_file_is_accepted(content: Path) -> None:
    site, _ = check(content)
    files = [content / n for n in ("site.yaml", "taxonomie.yaml", "zoekwoorden.yaml")]
    files += sorted(content.glob("activiteiten/*.md")) + sorted(content.glob("organisaties/*.md"))
    files += sorted(content.glob("paginas/*.md"))
    for path in files:
        errors = [e.message for e in validator(site, schema_for(path)).iter_errors(load(path))]
        assert errors == [], path


def test_the_schemas_follow_the_schema_tables() -> None:
    site, _ = check(REPO / "content")
    found = schemas(site)
    for name, table in (("site.json", SITE), ("activiteit.json", ACTIVITY),
                        ("organisatie.json", ORGANISATION)):  # fmt: skip
        assert list(found[name]["properties"]) == list(table)
        assert found[name]["required"] == [k for k, f in table.items() if f.required]
        assert found[name]["additionalProperties"] is False
    doelgroepen = found["activiteit.json"]["properties"]["doelgroepen"]["items"]["enum"]
    assert doelgroepen == [t.id for t in site.taxonomy.doelgroepen]
    assert found["site.json"]["$id"] == site.config.basis_url + "schema/site.json"


def test_the_build_publishes_them(example_site: Path) -> None:
    names = sorted(p.name for p in (example_site / "schema").iterdir())
    assert names == ["activiteit.json", "frontmatter.json", "organisatie.json", "pagina.json",
                     "site.json", "taxonomie.json", "zoekwoorden.json"]  # fmt: skip
    site, _ = check(REPO / "content")
    for name in set(names) - {"frontmatter.json"}:
        assert (
            json.loads((example_site / "schema" / name).read_text("utf-8")) == (schemas(site)[name])
        )


# The bad-input files of test_cli that YAML can read, each with a mistake the schema
# sees. Left out: what YAML itself cannot read (duplicate keys, tabs, no front matter,
# not UTF-8: the editor's YAML tooling marks those itself), a file whose only mistake
# is its name or a warning (Sport_Club.md, koffie.md), the organisation the others refer
# to, and a rule that compares two fields, which only `check` knows (leeftijd min > max).
NOT_FOR_A_SCHEMA = {
    "activiteiten/inspringen.md", "activiteiten/dubbele-punt.md", "activiteiten/tab.md",
    "activiteiten/zonder-kop.md", "activiteiten/dubbel.md", "activiteiten/notities.txt",
    "activiteiten/koffie.md", "activiteiten/leeftijd.md", "organisaties/leeg.md",
    "organisaties/oud.md", "organisaties/Sport_Club.md", "organisaties/buurthuis.md",
    "taxonomie.yaml",
}  # fmt: skip


def test_every_bad_file_is_rejected(tmp_path: Path) -> None:
    site, _ = check(REPO / "tests/fixtures/alle-velden")
    write_tree(tmp_path, FOUTEN)
    judged = []
    for rel in sorted(set(FOUTEN) - NOT_FOR_A_SCHEMA):
        path = tmp_path / rel
        errors = list(validator(site, schema_for(path)).iter_errors(load(path)))
        assert errors, f"{rel} should be rejected"
        judged.append(rel)
    assert len(judged) >= 12


def test_the_front_matter_cms_file_has_every_field_with_the_sites_choices() -> None:
    from generator.front_matter_cms import config

    site, _ = check(REPO / "content")
    found = config(site)
    types = {t["name"]: t["fields"] for t in found["frontMatter.taxonomy.contentTypes"]}
    groups = {g["id"]: g["fields"] for g in found["frontMatter.taxonomy.fieldGroups"]}
    for kind, table in (("activiteit", ACTIVITY), ("organisatie", ORGANISATION),
                        ("pagina", PAGINA)):  # fmt: skip
        fields = {f["name"]: f for f in types[kind]}
        assert list(fields) == list(table)
        for key, field in table.items():
            assert fields[key].get("required", False) == field.required
            if field.many:
                (group,) = fields[key]["fieldGroup"]
                assert [f["name"] for f in groups[group]] == list(field.fields)
            elif field.fields:
                assert [f["name"] for f in fields[key]["fields"]] == list(field.fields)
    activity = {f["name"]: f for f in types["activiteit"]}
    assert activity["doelgroepen"]["choices"] == [t.id for t in site.taxonomy.doelgroepen]
    assert activity["organisatie"]["choices"] == sorted(o.slug for o in site.organisations)
    assert activity["gecontroleerd"] == {
        "title": "gecontroleerd", "name": "gecontroleerd", "type": "datetime",
        "dateFormat": "yyyy-MM-dd", "description": "Datum waarop de gegevens zijn nagekeken.",
    }  # fmt: skip
    folders = [f["path"] for f in found["frontMatter.content.pageFolders"]]
    assert folders == ["[[workspace]]/content/activiteiten", "[[workspace]]/content/organisaties",
                       "[[workspace]]/content/paginas"]  # fmt: skip
