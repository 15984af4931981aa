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

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import yaml_loaders
from .diagnostics import Diagnostics, excerpt
from .yaml_errors import error_line, explain

Path_ = tuple[str | int, ...]


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
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            diags.error(path, 1, "", UTF16_MESSAGE)
            return None
        line = raw[: exc.start].count(b"\n") + 1
        diags.error(path, line, "", _not_utf8(raw[exc.start]))
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        diags.error(path, 1, "", "het bestand is leeg; vul de velden in of verwijder het bestand")
        return None
    return text


UTF16_MESSAGE = (
    "het bestand is opgeslagen als UTF-16 (Unicode), niet als UTF-8;"
    " sla het bestand op als UTF-8 (in Kladblok: Opslaan als, Codering UTF-8)"
)


def _not_utf8(byte: int) -> str:
    """The message for a byte that is not UTF-8, naming the character it most likely is:
    such files are nearly always saved as Windows-1252 (Latin-1) by an older editor."""
    guess = bytes([byte]).decode("cp1252", errors="replace")
    if guess.isprintable() and guess != "\ufffd":
        seen = f"staat waarschijnlijk het teken '{guess}' (byte 0x{byte:02x} in Windows-1252)"
    else:
        seen = f"staat een onleesbaar teken (byte 0x{byte:02x})"
    return (
        f"het bestand is niet opgeslagen als UTF-8: op deze regel {seen};"
        " sla het bestand op als UTF-8 (in Kladblok: Opslaan als, Codering UTF-8)"
    )


def parse_yaml(text: str, path: str, diags: Diagnostics, line_offset: int = 0) -> Document | None:
    """Parse YAML text whose first line is line `line_offset + 1` of the file."""
    try:
        node = yaml_loaders.compose(text)
    except RecursionError:
        diags.error(
            path,
            yaml_loaders.too_deep_line(text) + line_offset,
            "",
            f"hier staan lijsten of velden meer dan {yaml_loaders.MAX_YAML_DEPTH} lagen diep in"
            " elkaar; zo diep gaat geen veld, dus haal haken of inspringen weg",
        )
        return None
    except yaml.MarkedYAMLError as exc:
        diags.error(path, error_line(exc) + line_offset, "", explain(exc))
        return None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1 + line_offset
        code = exc.character if isinstance(exc.character, int) else 0
        diags.error(
            path,
            line,
            "",
            f"er staat een onzichtbaar of verboden teken (code U+{code:04X}); haal het weg",
        )
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its errors
        diags.error(path, 1 + line_offset, "", f"de YAML klopt niet: {exc}")
        return None
    if node is None:
        diags.error(path, 1 + line_offset, "", "er staan geen gegevens in")
        return None
    if not isinstance(node, yaml.MappingNode):
        is_list = isinstance(node, yaml.SequenceNode)
        found = "een lijst" if is_list else f"alleen de tekst '{excerpt(node.value)}'"
        diags.error(
            path,
            node.start_mark.line + 1 + line_offset,
            "",
            f"verwacht velden als 'naam: waarde', één per regel, maar vond {found}",
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
    body = "\n".join(lines[end + 1 :]).lstrip("\n")
    blank_lines_before = len(lines) - end - 1 - (body.count("\n") + 1)
    doc.body_line = end + 2 + blank_lines_before
    body = body.rstrip("\n")
    for number, text in enumerate(body.split("\n")):
        if _NOT_TEXT.search(text):
            _printable(text, path, doc.body_line + number, "", diags)
    doc.body = _NOT_TEXT.sub("", body)
    return doc


def _convert(
    node: yaml.Node, at: Path_, doc: Document, path: str, diags: Diagnostics, offset: int
) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + offset
            if not isinstance(key_node, yaml.ScalarNode):
                message = "een veldnaam moet gewone tekst zijn, zoals 'naam:'"
                diags.error(path, line, dotted(at), message)
                continue
            key = _printable(key_node.value, path, line, dotted(at), diags)
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
    value = _printable(node.value, path, node.start_mark.line + 1 + offset, dotted(at), diags)
    if not node.style and value in ("", "~", "null", "Null", "NULL"):  # plain: None or ""
        return None
    return value


# Characters that are no text: lone surrogates (from escapes such as "\ud800", which
# UTF-8 cannot hold) and control characters other than tab and newline.
_NOT_TEXT = re.compile("[\ud800-\udfff\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _printable(text: str, path: str, line: int, where: str, diags: Diagnostics) -> str:
    """The text without characters that are no text; each one found is an error.

    A surrogate pair written as two escapes ("\\ud83d\\ude00", as JSON does) is first
    joined into the character it stands for.
    """
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
    found = _NOT_TEXT.search(text)
    if found is None:
        return text
    code = ord(found.group())
    diags.error(
        path,
        line,
        where,
        f"hier staat een teken dat geen gewone tekst is (code U+{code:04X}), bijvoorbeeld"
        " uit een escape als \\u of \\x; haal het weg",
    )
    return _NOT_TEXT.sub("", text)


def dotted(at: Path_) -> str:
    """`contact.naam`, `doelgroepen[1]`: list items count from 1, as editors do."""
    out = ""
    for part in at:
        name = part if isinstance(part, int) else excerpt(part)
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{name}" if out else name)
    return out
