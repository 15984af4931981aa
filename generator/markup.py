"""Markdown from editors -> safe HTML, and what an editor should hear about it.

The only module that creates `Markup`. Content is untrusted: whatever an editor
writes, no script, event handler, `javascript:` URL, style, image or frame
reaches a page. Markdown is CommonMark, parsed by markdown-it-py in linear time
with raw HTML switched off, so `<naam en adres>` stays visible as text. The
result is cleaned by nh3 (the Rust `ammonia` sanitizer) with a small allow-list.
Headings are demoted so descriptions never compete with the page's own h1/h2
outline; an image shows as its description.

`render` does all of it once per text (cached) and also returns its `notes`:
what is too big or too deep (errors) and what does not show as written
(warnings), with the line within the text. The loader reports them.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

MAX_CHARS = 50_000  # of one description; docs/inhoud.md says so
# Lists and quotes inside each other. markdown-it stops parsing blocks (and drops
# the rest) at nesting level MAX_NESTING; each list or quote adds at most two levels
# (list, item), so a text within MAX_DEPTH never gets there, and one that would,
# is an error first.
MAX_DEPTH = 8
MAX_NESTING = 20  # markdown-it's own default for CommonMark; higher is slower
assert 2 * (MAX_DEPTH + 1) <= MAX_NESTING

ALLOWED_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "h3",
    "h4",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_REL = "noopener noreferrer nofollow"
# HTML an editor may try to write; it shows as text, and the editor hears why.
HTML_TAGS = frozenset(nh3.ALLOWED_TAGS) | {
    "script", "style", "iframe", "object", "embed", "form", "input", "button", "svg",
    "link", "meta", "font", "video", "audio", "source", "textarea", "select",
}  # fmt: skip
_TAG_LIKE = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_BLOCK_TAG = re.compile(r"</?(?:p|br|ul|ol|li|h3|h4|blockquote)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
# A link whose unsafe href nh3 removed: keep its text, drop the (invalid) empty <a>.
_DEAD_LINK = re.compile(rf'<a rel="{LINK_REL}">(.*?)</a>', re.DOTALL)
_SPACE = re.compile(r"\s+")
_CONTAINERS = {"bullet_list_open", "ordered_list_open", "blockquote_open"}


@dataclass(frozen=True)
class Note:
    """Something about a text: its line (1 = the first line of the text) and a message."""

    line: int
    message: str
    error: bool = False


@dataclass(frozen=True)
class Rendered:
    """A text rendered once: safe HTML, its plain text on one line, and its notes."""

    html: Markup
    text: str
    notes: tuple[Note, ...] = ()
    blocks: tuple[tuple[int, str], ...] | None = ()
    """(first line, Markdown source) of each paragraph, list item and heading, for the
    plain-language checks (which then need not parse the text again); None when they were
    not kept (`remember`, `paragraphs`)."""


def _image_as_text(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    return html.escape(self.renderInlineAsText(tokens[idx].children or [], options, env))


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING})
    md.add_render_rule("image", _image_as_text)
    md.validateLink = lambda url: True  # every link reaches nh3, and the editor hears of it
    return md


_MD = _parser()


def _inline_notes(line: int, children: list[Any]) -> list[Note]:
    notes = []
    for token in children:
        if token.type == "image":
            alt = token.content or "zonder beschrijving"
            notes.append(
                Note(line, f"een afbeelding komt niet op de site; alleen de tekst '{alt}' staat er")
            )
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            scheme = urlsplit(href).scheme.lower()
            if not scheme:
                notes.append(Note(line, _relative_link(href)))
            elif scheme not in ALLOWED_SCHEMES:
                notes.append(
                    Note(
                        line,
                        f"een link met '{scheme}:' werkt niet op de site; de tekst blijft staan."
                        " Gebruik een adres dat begint met https://, mailto: of tel:",
                    )
                )
        elif token.type == "text":
            for match in _TAG_LIKE.finditer(token.content):
                if match.group(1).lower() in HTML_TAGS:
                    notes.append(
                        Note(
                            line,
                            f"'{match.group(0)[:40]}' is HTML; dat werkt niet in een beschrijving"
                            " en staat er letterlijk. Gebruik Markdown, zoals **vet** of"
                            " [tekst](https://...)",
                        )
                    )
    return notes


def _relative_link(href: str) -> str:
    """A link without https:// leads nowhere: the site has no files of its own, a page
    of the site moves when it is published in a folder, and the open data and other
    sites that show the text have no such page at all."""
    shown = href[:60] or "(leeg)"
    return (
        f"de link '{shown}' heeft geen volledig adres en werkt daarom niet op de site of in"
        " de open data; schrijf het hele adres, zoals https://www.voorbeeld.nl/folder.pdf"
    )


def _notes(tokens: list[Any]) -> list[Note]:
    notes: list[Note] = []
    depth = 0
    for token in tokens:
        line = token.map[0] + 1 if token.map else 1
        if token.type in _CONTAINERS:
            depth += 1
            if depth == MAX_DEPTH + 1:
                notes.append(
                    Note(
                        line,
                        f"lijsten en citaten staan hier meer dan {MAX_DEPTH} lagen diep in"
                        " elkaar; maak de opbouw eenvoudiger",
                        error=True,
                    )
                )
        elif token.type.endswith("_close") and token.type.replace("_close", "_open") in _CONTAINERS:
            depth -= 1
        if token.type == "inline":
            notes += _inline_notes(line, token.children or [])
    return notes


def _dutch(number: int) -> str:
    return f"{number:,}".replace(",", ".")


_RENDERED: dict[str, Rendered] = {}


def render(source: str) -> Rendered:
    """Editor Markdown as sanitised HTML, its plain text, and its notes (see the module).
    Remembered per text: the checks, the pages and the search index all ask for it."""
    found = _RENDERED.get(source)
    if found is None:
        found = _RENDERED[source] = _render(source)
    return found


def remember(rendered: dict[str, Rendered]) -> None:
    """Texts rendered in another process or an earlier run (`entry_files`), for the pages;
    kept without their blocks, which only the checks read (some 10 MB at 10,000)."""
    _RENDERED.update((source, r if r.blocks is None else replace(r, blocks=None))
                     for source, r in rendered.items())  # fmt: skip


def paragraphs(source: str) -> tuple[tuple[int, str], ...]:
    """The blocks of a text (see Rendered), rendering it again if they were not kept."""
    found = render(source)
    if found.blocks is None:
        found = _RENDERED[source] = _render(source)
    return found.blocks or ()


def forget() -> None:
    """Forget every rendered text (for a benchmark, and for a test that counts)."""
    _RENDERED.clear()


def _render(source: str) -> Rendered:
    if len(source) > MAX_CHARS:
        message = (
            f"de tekst is {_dutch(len(source))} tekens lang; de grens is {_dutch(MAX_CHARS)}."
            " Maak hem korter, of zet de details op de eigen website en link ernaar"
        )
        return Rendered(Markup(""), "", (Note(1, message, error=True),))
    tokens = _MD.parse(source)
    rendered = _MD.renderer.render(tokens, _MD.options, {})
    rendered = _HEADING.sub(lambda m: f"<{m.group(1)}h{3 if int(m.group(2)) <= 2 else 4}", rendered)
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=LINK_REL,
    )
    cleaned = _DEAD_LINK.sub(r"\1", cleaned).strip()
    text = _TAG.sub("", _BLOCK_TAG.sub(" ", cleaned))
    blocks = tuple(
        (t.map[0] + 1, t.content) for t in tokens if t.type == "inline" and t.map is not None
    )
    return Rendered(
        Markup(cleaned),
        _SPACE.sub(" ", html.unescape(text)).strip(),
        tuple(_notes(tokens)),
        blocks,
    )


def render_markdown(source: str) -> Markup:
    """Editor Markdown as sanitised HTML, safe to put into a template."""
    return render(source).html


def plain_text(source: str) -> str:
    """The text of editor Markdown, without markup, on one line."""
    return render(source).text


def json_ld(data: dict[str, Any]) -> Markup:
    """A JSON-LD data block. `<`, `>` and `&` are escaped, so no text can close the script."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def summary(source: str, limit: int = 160) -> str:
    """A short plain-text summary of editor Markdown: see `shorten`."""
    return shorten(plain_text(source), limit)


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters of plain text: whole sentences where possible."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    sentence_end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if sentence_end >= limit // 2:
        return cut[: sentence_end + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + " …"
