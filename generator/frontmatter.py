"""Read a content file: bytes -> text -> YAML data with the line of every key and item.

YAML's traps must not reach editors: every scalar is read as text (so an
unquoted `telefoon: 0570123456` keeps its leading zero, `no` stays the word
"no" and `2026-02-30` is a string that the schema rejects with its line).
We compose the YAML node tree with a private loader that has no implicit
type resolvers and convert the nodes ourselves, recording where each key and
list item starts. This module reports problems in `Diagnostics`; it never raises
on bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .diagnostics import Diagnostics

Path_ = tuple[str | int, ...]


class _TextLoader(yaml.SafeLoader):
    """A SafeLoader that resolves every plain scalar to a string."""


# A per-class copy, so PyYAML's global SafeLoader stays untouched.
_TextLoader.yaml_implicit_resolvers = {}


@dataclass
class Document:
    """The parsed YAML of one file plus where every value stands."""

    data: dict[str, Any]
    lines: dict[Path_, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    def line_of(self, *path: str | int) -> int:
        """The 1-based line of a key or item, falling back to its parent's line."""
        key: Path_ = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1


def decode(raw: bytes, path: str, diags: Diagnostics) -> str | None:
    """UTF-8 text with BOM removed and LF line endings, or None after an error."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        diags.error(
            path,
            line,
            "",
            f"bestand is geen geldige UTF-8 (byte 0x{raw[exc.start]:02x} op positie {exc.start});"
            " sla het bestand op als UTF-8",
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        diags.error(path, 1, "", "bestand is leeg")
        return None
    return text


def parse_yaml(text: str, path: str, diags: Diagnostics, line_offset: int = 0) -> Document | None:
    """Parse YAML text whose first line is line `line_offset + 1` of the file."""
    try:
        node = yaml.compose(text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        diags.error(path, line, "", _explain_yaml_error(exc))
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its errors
        diags.error(path, 1 + line_offset, "", f"de YAML klopt niet: {exc}")
        return None
    if node is None:
        diags.error(path, 1 + line_offset, "", "er staan geen gegevens in")
        return None
    if not isinstance(node, yaml.MappingNode):
        diags.error(
            path,
            node.start_mark.line + 1 + line_offset,
            "",
            "verwacht een lijst van velden ('veld: waarde'), maar vond iets anders",
        )
        return None
    doc = Document(data={})
    doc.data = _convert(node, (), doc, path, diags, line_offset)
    return doc


def parse_markdown_file(text: str, path: str, diags: Diagnostics) -> Document | None:
    """Split `---` front matter from the Markdown body and parse the front matter."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        diags.error(
            path,
            1,
            "",
            "het bestand moet beginnen met een regel '---', dan de velden, dan weer '---'",
        )
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            end = index
            break
    else:
        diags.error(path, 1, "", "de velden bovenaan worden niet afgesloten met een regel '---'")
        return None
    front = "\n".join(lines[1:end])
    if not front.strip():
        diags.error(path, 1, "", "er staan geen velden tussen de regels '---'")
        return None
    doc = parse_yaml(front, path, diags, line_offset=1)
    if doc is None:
        return None
    doc.body = "\n".join(lines[end + 1 :]).strip("\n")
    doc.body_line = end + 2
    return doc


def _convert(
    node: yaml.Node, at: Path_, doc: Document, path: str, diags: Diagnostics, offset: int
) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            line = key_node.start_mark.line + 1 + offset
            if key in result:
                diags.error(path, line, dotted(at + (key,)), "dit veld staat er twee keer in")
                continue
            doc.lines[at + (key,)] = line
            result[key] = _convert(value_node, at + (key,), doc, path, diags, offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            doc.lines[at + (index,)] = item.start_mark.line + 1 + offset
            items.append(_convert(item, at + (index,), doc, path, diags, offset))
        return items
    value = node.value
    if node.style is None and value in ("", "~", "null", "Null", "NULL"):
        return None
    return value


def dotted(at: Path_) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out




_YAML_HINTS = {
    "mapping values are not allowed here": (
        "hier staat een ':' die YAML niet verwacht; zet de tekst tussen aanhalingstekens"
        " (\"...\") of controleer het inspringen"
    ),
    "found character '\\t' that cannot start any token": (
        "er staat een tab; gebruik spaties om in te springen"
    ),
    "could not find expected ':'": "hier mist een ':' na de veldnaam",
    "found undefined alias": "onbekende verwijzing met '*'; zet de tekst tussen aanhalingstekens",
    "found unexpected end of stream": "een aanhalingsteken of haakje wordt niet afgesloten",
    "found a tab character that violates indentation": "er staat een tab; gebruik spaties",
}


def _explain_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "onbekend probleem"
    for english, dutch in _YAML_HINTS.items():
        if problem.startswith(english):
            return f"de YAML klopt niet: {dutch}"
    if "expected" in problem and ("block end" in problem or "<block" in problem):
        return "de YAML klopt niet: controleer het inspringen (alle velden even ver naar rechts)"
    return f"de YAML klopt niet ({problem}); controleer aanhalingstekens en inspringen"
