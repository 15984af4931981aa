"""The participatieladder and toegang: `ladder: [1, 2]` and `toegang: vrij`.

An editor who writes `ladder: 1-2` or `ladder: 1, 2` gets the list to write instead
(`schrijf [1, 2]`), so the hint never leads to a second error.
"""

from __future__ import annotations

import re
from typing import Any

from .checks import INVALID, Checker, describe_value, excerpt, text
from .diagnostics import dutch_list, suggest
from .model import RUNGS, Toegang

_RANGE = re.compile(r"^\s*([1-6])\s*(?:-|–|tot en met|t/m)\s*([1-6])\s*$")
_NUMBERS = re.compile(r"^\s*[1-6](?:\s*[,;\s]\s*[1-6])*\s*$")


def rung_list(written: str) -> str | None:
    """`[1, 2]` for `1-2`, `1 t/m 3`, `1, 2` or `2`; None when it is not that."""
    match = _RANGE.match(written)
    if match and int(match.group(1)) <= int(match.group(2)):
        numbers = range(int(match.group(1)), int(match.group(2)) + 1)
    elif _NUMBERS.match(written):
        numbers = sorted({int(n) for n in re.findall(r"[1-6]", written)})
    else:
        return None
    return "[" + ", ".join(str(n) for n in numbers) + "]"


def rungs(value: Any, at: tuple, c: Checker) -> Any:
    """`ladder`: a non-empty list of rungs 1-6."""
    if isinstance(value, str):
        written = rung_list(value)
        if written:
            return c.error(at, f"verwacht een lijst van treden, schrijf {written}")
        return c.error(
            at, f"verwacht een lijst van treden, zoals [1, 2], maar vond '{excerpt(value)}'"
        )
    if not isinstance(value, list):
        found = describe_value(value)
        return c.error(at, f"verwacht een lijst van treden, zoals [1, 2], maar vond {found}")
    if not value:
        return c.error(at, "de lijst is leeg; noem minstens één trede van 1 tot en met 6")
    out: list[int] = []
    problems = 0
    for i, item in enumerate(value):
        digits = isinstance(item, str) and re.fullmatch(r"[0-9]+", item.strip())
        number = int(item) if digits else None
        if number is None and isinstance(item, str) and rung_list(item):
            message = (
                f"{describe_value(item)} is geen trede; schrijf de lijst als {rung_list(item)}"
            )
        elif number is None:
            message = f"{describe_value(item)} is geen trede; kies 1 tot en met 6"
        elif number not in RUNGS:
            message = f"trede {number} bestaat niet; kies 1 tot en met 6"
        elif number in out:
            message = f"trede {number} staat er twee keer in"
        else:
            out.append(number)
            continue
        c.error(at + (i,), message)
        problems += 1
    return INVALID if problems else tuple(sorted(out))


def toegang(value: Any, at: tuple, c: Checker) -> Any:
    options = [t.value for t in Toegang]
    value = text(value, at, c)
    if value is INVALID:
        return value
    if value not in options:
        return c.error(
            at,
            f"{describe_value(value)} is geen toegang;"
            f" kies {dutch_list(options)}{suggest(value, options)}",
        )
    return Toegang(value)
