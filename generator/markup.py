"""Markdown from editors -> safe HTML. The only module that creates `Markup`.

Content is untrusted: whatever an editor writes, no script, event handler,
`javascript:` URL, style, image or frame reaches a page. Markdown is rendered
first and the result is cleaned by nh3 (the Rust `ammonia` sanitizer) with a
small allow-list. Headings are demoted so descriptions never compete with the
page's own h1/h2 outline.
"""

from __future__ import annotations

import functools
import html
import json
import re
from typing import Any

import markdown
import nh3
from markupsafe import Markup

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
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_TAG = re.compile(r"<[^>]+>")
LINK_REL = "noopener noreferrer nofollow"
# A link whose unsafe href nh3 removed: keep its text, drop the (invalid) empty <a>.
_DEAD_LINK = re.compile(rf'<a rel="{LINK_REL}">(.*?)</a>', re.DOTALL)
_SPACE = re.compile(r"\s+")


def render_markdown(source: str) -> Markup:
    """Editor Markdown as sanitised HTML, safe to put into a template."""
    rendered = markdown.markdown(source, output_format="html")
    rendered = _HEADING.sub(lambda m: f"<{m.group(1)}h{3 if int(m.group(2)) <= 2 else 4}", rendered)
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=LINK_REL,
    )
    return Markup(_DEAD_LINK.sub(r"\1", cleaned))


def json_ld(data: dict[str, Any]) -> Markup:
    """A JSON-LD data block. `<`, `>` and `&` are escaped, so no text can close the script."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(f'<script type="application/ld+json">{text}</script>')


@functools.cache
def plain_text(source: str) -> str:
    """The text of editor Markdown, without markup, on one line.

    Cached: every listing page shows the summary of each of its activities.
    """
    text = _TAG.sub(" ", str(render_markdown(source)))
    return _SPACE.sub(" ", html.unescape(text)).strip()


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
