"""The shape of the code: no import cycles, small modules, and one place that names a field."""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Mapping
from pathlib import Path

import pytest

from generator import schema
from generator.model import Activity, Address, AgeRange, Contact, Organisation
from generator.schema import Field
from generator.site_config import (
    Background,
    Editors,
    MapConfig,
    OverviewConfig,
    SiteConfig,
    WegwijzerConfig,
)
from tests.helpers import REPO

PACKAGE = REPO / "generator"
MAX_MODULE_LINES = 300


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The generator modules that one module imports, by full name."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("generator")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("generator"):
                continue
            # `from . import urls` imports the module generator.urls.
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in MODULES else target)
    return {m for m in found if m in MODULES and m != name}


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def test_the_import_graph_has_no_cycle() -> None:
    graph = {name: imports_of(path) for name, path in MODULES.items()}
    # A module imports its package's __init__ when it imports a sibling; that is no cycle.
    for name, deps in graph.items():
        deps.discard(name.rpartition(".")[0])
    visiting: list[str] = []
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        if node in done:
            return
        if node in visiting:
            cycles.append(visiting[visiting.index(node) :] + [node])
            return
        visiting.append(node)
        for dep in sorted(graph[node]):
            visit(dep)
        visiting.pop()
        done.add(node)

    for node in sorted(graph):
        visit(node)
    assert cycles == []
    # The graph is really read: render uses present, pages uses render's inputs.
    assert "generator.present" in graph["generator.render"]
    assert "generator.render" not in graph["generator.wegwijzer.datafile"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_300_lines(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{name}: {lines} lines"


def all_fields(table: Mapping[str, Field], prefix: str = "") -> list[tuple[str, Field]]:
    out = []
    for key, spec in table.items():
        out.append((prefix + key, spec))
        out += all_fields(spec.fields, f"{prefix}{key}.")
    return out


TABLES = {
    "site.yaml": schema.SITE,
    "taxonomie.yaml": schema.TERM,
    "Een organisatie": schema.ORGANISATION,
    "Een activiteit": schema.ACTIVITY,
    "Zoektermen en zoekwoorden.yaml": schema.ZOEKWOORDEN,
    "Eigen pagina's: paginas/": schema.PAGINA,
}


def docs_section(title: str) -> str:
    text = (REPO / "docs" / "inhoud.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}.*?(?=^## |\Z)", text, re.M | re.S)
    assert match, f"docs/inhoud.md has no section '## {title}'"
    return match.group(0)


@pytest.mark.parametrize("title", sorted(TABLES))
def test_the_editor_guide_shows_every_field_of_the_schema(title: str) -> None:
    section = docs_section(title)
    blocks = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", section, re.S))
    missing = [
        path
        for path, _ in all_fields(TABLES[title])
        if not re.search(rf"(^|[\s{{,])({re.escape(path.rpartition('.')[2])}):", blocks, re.M)
    ]
    assert missing == [], f"docs/inhoud.md, '## {title}': no example of {missing}"


@pytest.mark.parametrize("title", sorted(TABLES))
def test_every_field_says_what_it_means(title: str) -> None:
    assert [path for path, spec in all_fields(TABLES[title]) if not spec.doc.strip()] == []


@pytest.mark.parametrize(
    ("table", "model"),
    [
        (schema.SITE, SiteConfig),
        (schema.WEGWIJZER, WegwijzerConfig),
        (schema.KAART, MapConfig),
        (schema.ACHTERGROND, Background),
        (schema.OVERZICHT, OverviewConfig),
        (schema.REDACTIE, Editors),
        (schema.ORGANISATION, Organisation),
        (schema.ADRES, Address),
        (schema.ACTIVITY, Activity),
        (schema.CONTACT, Contact),
        (schema.LEEFTIJD, AgeRange),
    ],
)
def test_a_field_is_named_once_its_model_attribute_has_the_same_name(table, model) -> None:
    """The loader passes checked values straight to the model, so a new field is one line here."""
    attributes = {f.name for f in dataclasses.fields(model)}
    assert set(table) <= attributes
