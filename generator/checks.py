"""Value checkers for content fields: each takes a raw value and returns it checked.

Every checker gets the raw value (text, list, mapping or None, as read by
`frontmatter`), reports problems through `Checker.error` with the exact line
of the offending key or list item, and returns the converted value or
`INVALID`. Validation never stops at the first problem. Which field uses which
checker is decided in `schema`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import markup
from .diagnostics import Diagnostics, dutch_list, excerpt, suggest
from .frontmatter import Document, dotted
from .model import FORMS

INVALID: Any = object()
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# "geen bekende doelgroep", but "geen bekend leefgebied" (het leefgebied).
UNKNOWN_TERM = {
    "doelgroepen": "geen bekende doelgroep",
    "leefgebieden": "geen bekend leefgebied",
    "wijken": "geen bekende wijk",
    "verwijzers": "geen bekende verwijzer (zie verwijzers in taxonomie.yaml)",
    "soorten": "geen bekende soort (zie soorten in taxonomie.yaml)",
}
# The group of diagnostics about one unknown id: "13 activiteiten gebruiken <this> 'x'".
UNKNOWN_GROUP = {
    "doelgroepen": "de onbekende doelgroep",
    "leefgebieden": "het onbekende leefgebied",
    "wijken": "de onbekende wijk",
    "verwijzers": "de onbekende verwijzer",
    "soorten": "de onbekende soort",
}


@dataclass
class Checker:
    """Validation context for one file."""

    path: str
    doc: Document
    diags: Diagnostics
    taxonomy_ids: Mapping[str, Collection[str]] = field(default_factory=dict)
    organisation_slugs: Collection[str] = ()
    content_dir: str = ""  # as editors see it, for a file a message tells them to make

    def error(self, at: tuple[str | int, ...], message: str, group: str = "") -> Any:
        self.diags.error(self.path, self.doc.line_of(*at), dotted(at), message, group)
        return INVALID


Check = Callable[[Any, tuple[str | int, ...], Checker], Any]


# --- value checkers -------------------------------------------------------------------


def describe_value(value: Any) -> str:
    """A value as a message quotes it: a short excerpt of a text."""
    if value is None:
        return "niets"
    if isinstance(value, dict):
        return "een groep velden"
    if isinstance(value, list):
        return "een lijst"
    return f"'{excerpt(value)}'"


def text(value: Any, at: tuple, c: Checker) -> Any:
    if not isinstance(value, str):
        return c.error(at, f"verwacht tekst, maar vond {describe_value(value)}")
    return value.strip()


def report_markdown(c: Checker, source: str, first_line: int, field_name: str) -> bool:
    """Report what `markup.render` notes about a text that starts at `first_line`;
    whether it has no errors."""
    notes = markup.render(source).notes
    for note in notes:
        report = c.diags.error if note.error else c.diags.warning
        report(c.path, first_line + note.line - 1, field_name, note.message)
    return not any(note.error for note in notes)


def yes_no(value: Any, at: tuple, c: Checker) -> Any:
    """`true` or `false` (also `ja` or `nee`)."""
    if value in ("true", "ja"):
        return True
    if value in ("false", "nee"):
        return False
    return c.error(at, f"verwacht true of false, maar vond {describe_value(value)}")


def markdown_text(value: Any, at: tuple, c: Checker) -> Any:
    """Text in Markdown, such as the intro in site.yaml."""
    value = text(value, at, c)
    if value is INVALID or report_markdown(c, value, c.doc.line_of(*at), dotted(at)):
        return value
    return INVALID


def slug_ref(value: Any, at: tuple, c: Checker) -> Any:
    """`organisatie`: the slug of an organisation file that exists."""
    value = text(value, at, c)
    if value is INVALID:
        return value
    if value not in c.organisation_slugs:
        # Only a near-certain typo: after a deleted file, another organisation that
        # merely looks alike would send the activity to the wrong place.
        hint = suggest(value, c.organisation_slugs, cutoff=0.85)
        folder = f"{c.content_dir}/organisaties" if c.content_dir else "organisaties"
        return c.error(
            at,
            f"er is geen organisatie {describe_value(value)}; maak {folder}/{excerpt(value)}.md"
            f" of kies een bestaande{hint}",
            group=f"de onbekende organisatie {describe_value(value)}",
        )
    return value


def slug_refs(value: Any, at: tuple, c: Checker) -> Any:
    """`partners`: distinct organisation slugs."""
    if not isinstance(value, list) or not value:
        return c.error(at, "verwacht een lijst, zoals [buurthuis-de-linde]")
    checked = [slug_ref(item, at + (i,), c) for i, item in enumerate(value)]
    if INVALID in checked:
        return INVALID
    if len(set(checked)) < len(checked):
        return c.error(at, "een organisatie staat er twee keer in")
    return tuple(checked)


def integer(lo: int, hi: int) -> Check:
    def check(value: Any, at: tuple, c: Checker) -> Any:
        if not isinstance(value, str) or not re.fullmatch(r"-?[0-9]+", value.strip()):
            return c.error(at, f"verwacht een heel getal, maar vond {describe_value(value)}")
        if len(value.strip().lstrip("-0")) > len(str(max(abs(lo), abs(hi)))):
            return c.error(at, f"dit getal is veel te groot; het moet tussen {lo} en {hi} liggen")
        number = int(value)
        if not lo <= number <= hi:
            return c.error(at, f"{number} ligt niet tussen {lo} en {hi}")
        return number

    check.bounds = (lo, hi)  # type: ignore[attr-defined]  # read by json_schemas

    return check


def date(value: Any, at: tuple, c: Checker) -> Any:
    if not isinstance(value, str) or not DATE_RE.match(value.strip()):
        return c.error(
            at,
            f"{describe_value(value)} is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-15",
        )
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return c.error(at, f"{describe_value(value.strip())} is geen bestaande datum")


def text_list(value: Any, at: tuple, c: Checker) -> Any:
    if not isinstance(value, list):
        found = describe_value(value)
        return c.error(at, f"verwacht een lijst, zoals [woord, woord], maar vond {found}")
    out = [text(item, at + (i,), c) for i, item in enumerate(value)]
    return INVALID if INVALID in out else tuple(out)


def word_groups(value: Any, at: tuple, c: Checker) -> Any:
    """`groepen` of zoekwoorden.yaml: lists of at least two words or phrases that belong
    together."""
    if not isinstance(value, list):
        found = describe_value(value)
        return c.error(
            at, f"verwacht een lijst van groepen, zoals - [schulden, schuldhulp], maar vond {found}"
        )
    out = []
    problems = 0
    for i, group in enumerate(value):
        words = text_list(group, at + (i,), c)
        if words is INVALID:
            problems += 1
        elif len(words) < 2:
            c.error(
                at + (i,), "een groep heeft minstens twee woorden, zoals [schulden, schuldhulp]"
            )
            problems += 1
        elif len(set(words)) < len(words):
            c.error(at + (i,), "een woord staat twee keer in deze groep")
            problems += 1
        else:
            out.append(words)
    return INVALID if problems else tuple(out)


def word_pairs(value: Any, at: tuple, c: Checker) -> Any:
    """`schrijfwijzer.woorden`: `woord: beter woord` pairs; an empty right side switches
    a word of the built-in list off."""
    if not isinstance(value, dict):
        found = describe_value(value)
        return c.error(at, f"verwacht woorden eronder, zoals 'indien: als', maar vond {found}")
    out = []
    for key, plain in value.items():
        checked = "" if plain is None else text(plain, at + (key,), c)
        if checked is INVALID:
            return INVALID
        out.append((str(key).strip(), checked))
    return tuple(out)


def taxonomy_ids(kind: str) -> Check:
    """A list of ids from one list of taxonomie.yaml."""

    def check(value: Any, at: tuple, c: Checker) -> Any:
        if isinstance(value, str):
            return c.error(at, f"verwacht een lijst, schrijf [{excerpt(value)}]")
        if not isinstance(value, list):
            return c.error(
                at, f"verwacht een lijst, zoals [id, id], maar vond {describe_value(value)}"
            )
        known = c.taxonomy_ids.get(kind)
        out: list[str] = []
        problems = 0
        for i, item in enumerate(value):
            item_value = text(item, at + (i,), c)
            if item_value is INVALID:
                problems += 1
                continue
            if known is not None and item_value not in known:
                hint = suggest(item_value, known)
                c.error(
                    at + (i,),
                    f"{describe_value(item_value)} is {UNKNOWN_TERM[kind]}{hint}",
                    group=f"{UNKNOWN_GROUP[kind]} {describe_value(item_value)}",
                )
            elif item_value in out:
                c.error(at + (i,), f"{describe_value(item_value)} staat er twee keer in")
            else:
                out.append(item_value)
                continue
            problems += 1
        return INVALID if problems else tuple(out)

    check.kind = kind  # type: ignore[attr-defined]  # read by json_schemas
    return check


def forms(value: Any, at: tuple, c: Checker) -> Any:
    """`vorm`: a list from model.FORMS."""
    if not isinstance(value, list) or not value:
        return c.error(
            at, f"verwacht een lijst, zoals [groep, online]; kies uit {dutch_list(FORMS)}"
        )
    out: list[str] = []
    for i, item in enumerate(value):
        name = text(item, at + (i,), c)
        if name is INVALID:
            return INVALID
        if name not in FORMS:
            hint = suggest(name, FORMS) or f"; kies uit {dutch_list(FORMS)}"
            return c.error(at + (i,), f"{describe_value(name)} is geen vorm{hint}")
        if name not in out:
            out.append(name)
    return tuple(out)


def identifier(value: Any, at: tuple, c: Checker) -> Any:
    value = text(value, at, c)
    if value is not INVALID and not SLUG_RE.match(value):
        return c.error(
            at,
            f"{describe_value(value)} mag alleen kleine letters, cijfers en koppeltekens bevatten,"
            f" bijvoorbeeld '{slugify(value)}'",
        )
    return value


def slugify(value: str) -> str:
    """A suggestion for a valid slug or id."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "naam"
