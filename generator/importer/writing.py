"""Write converted drafts as content files, the way an editor would write them.

Front matter in the order of the schema, short lists in [brackets], and each
placeholder with a comment that says what to fill in. Nothing is overwritten: when
any file to write exists already, nothing is written at all. taxonomie.yaml and
site.yaml are written only when the target has none.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..placeholders import PLACEHOLDER
from .convert import Converted, Draft

TAXONOMY_LISTS = ("doelgroepen", "leefgebieden", "wijken", "verwijzers", "soorten")
REQUIRED_LISTS = TAXONOMY_LISTS[:3]
FLOW = {"leeftijd", "periode"}  # short groups on one line: leeftijd: {min: 18, max: 27}


PLAIN = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2})$")  # dates and times, as editors write


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if text == PLACEHOLDER or PLAIN.match(text):  # the loader reads every value as text
        return text
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10_000).removesuffix("\n...\n")
    return dumped.strip()


def _flow(items: list[Any]) -> str:
    return "[" + ", ".join(_scalar(i) for i in items) + "]"


def _lines(key: str, value: Any, indent: str = "") -> list[str]:
    if isinstance(value, dict) and key in FLOW:
        inner = ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items())
        return [f"{indent}{key}: {{{inner}}}"]
    if isinstance(value, dict):
        out = [f"{indent}{key}:"]
        for k, v in value.items():
            out += _lines(k, v, indent + "  ")
        return out
    if isinstance(value, list) and value and isinstance(value[0], dict):
        out = [f"{indent}{key}:"]
        for item in value:
            first, *rest = list(item.items())
            out += [f"{indent}  - " + _lines(*first)[0].lstrip()]
            for line in _lines(*first)[1:]:
                out.append(f"{indent}    {line}")
            for k, v in rest:
                out += _lines(k, v, indent + "    ")
        return out
    if isinstance(value, list):
        return [f"{indent}{key}: {_flow(value)}"]
    return [f"{indent}{key}: {_scalar(value)}"]


def front_matter(draft: Draft) -> str:
    lines = ["---"]
    for key, value in draft.fields.items():
        text = _lines(key, value)
        if key in draft.placeholders:
            text[0] += f"  # {draft.placeholders[key]}"
        lines += text
    lines.append("---")
    body = draft.body.strip()
    return "\n".join(lines) + "\n" + (body + "\n" if body else "")


def taxonomy_yaml(converted: Converted) -> str:
    lines = ["# Overgenomen uit HSDS. Vul de omschrijvingen en zoektermen zelf aan."]
    for kind in TAXONOMY_LISTS:
        terms = list(converted.taxonomy.get(kind, {}).values())
        if not terms and kind in REQUIRED_LISTS:
            lines.append(
                f"# {kind}: {PLACEHOLDER}: de bron noemt er geen; zet ze hier (docs/inhoud.md)"
            )
        if not terms:
            continue
        lines.append(f"{kind}:")
        for term in terms:
            lines.append(f"  - id: {_scalar(term['id'])}")
            lines.append(f"    naam: {_scalar(term['naam'])}")
            if "omschrijving" in term:
                lines.append(f"    omschrijving: {_scalar(term['omschrijving'])}")
    return "\n".join(lines) + "\n"


def site_yaml(base_url: str) -> str:
    return (
        "# Overgenomen uit HSDS: vul de naam van de site en de gemeente in.\n"
        f"titel: {PLACEHOLDER}  # de naam van de site, zoals Sociale Kaart Lindeveen\n"
        f"gemeente: {PLACEHOLDER}  # de naam van de gemeente\n"
        f"basis_url: {base_url or PLACEHOLDER}\n"
    )


def files(converted: Converted, target: Path, base_url: str) -> dict[Path, str]:
    """Every file to write: path -> text."""
    out = {
        target / d.folder / f"{d.slug}.md": front_matter(d)
        for d in converted.organisations + converted.activities
    }
    if not (target / "taxonomie.yaml").exists():
        out[target / "taxonomie.yaml"] = taxonomy_yaml(converted)
    if not (target / "site.yaml").exists():
        out[target / "site.yaml"] = site_yaml(base_url)
    return out


def existing(planned: dict[Path, str]) -> list[Path]:
    return sorted(p for p in planned if p.exists() or p.is_symlink())


def write(planned: dict[Path, str]) -> None:
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:  # never overwrite
            file.write(text)
