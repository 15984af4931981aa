"""`talen`: the languages an activity can be followed in, as ISO 639 codes.

Codes are checked against the language registry of `langcodes` (with its
`language_data`), which also gives their Dutch names; a name instead of a code
("arabisch") gets the code as a suggestion.
"""

from __future__ import annotations

from typing import Any

import langcodes

from .checks import INVALID, Checker, describe_value, text

DEFAULT = "nl"  # no `talen`: Dutch


def is_language(code: str) -> bool:
    """A registered language code of two or three letters (no script or region)."""
    return 2 <= len(code) <= 3 and code.isalpha() and langcodes.Language.get(code).is_valid()


def dutch_name(code: str) -> str:
    """`Arabisch` for `ar`."""
    return langcodes.Language.get(code).display_name("nl")


def _hint(value: str) -> str:
    try:
        found = langcodes.find(value).language
    except LookupError:
        return "; gebruik een ISO 639-code zoals nl, en, ar, tr, pl of uk"
    return f" (bedoelde u '{found}', {dutch_name(found)}?)"


def languages(value: Any, at: tuple, c: Checker) -> Any:
    """`[nl, ar]`: distinct language codes, in the order given."""
    if not isinstance(value, list):
        return c.error(at, f"verwacht een lijst, zoals [nl, ar], maar vond {describe_value(value)}")
    out: list[str] = []
    for i, item in enumerate(value):
        code = text(item, at + (i,), c)
        if code is INVALID:
            return INVALID
        code = code.lower()
        if not is_language(code):
            return c.error(at + (i,), f"{describe_value(item)} is geen taalcode{_hint(item)}")
        if code in out:
            return c.error(at + (i,), f"'{code}' staat er twee keer in")
        out.append(code)
    return tuple(out)
