"""The opening-times fields of an activity: `tijden`, `periode` and `gesloten`.

`tijden` is a list of items such as `{dagen: [di, do], van: "10:00", tot: "12:00"}`,
with optional `weken` (the 1st, 2nd, ... or last (-1) such weekday of the month),
`om_de_week` with `vanaf`, and `let_op`. Times are read as text (the loader reads
every scalar as text), so an unquoted 10:00 stays 10:00 instead of YAML 1.1's 600.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .checks import INVALID, Checker, date, describe_value, text, yes_no
from .diagnostics import dutch_list, suggest
from .fields import Field, group, mapping_list
from .model import DAYS, Period, TimeSlot

TIME_RE = re.compile(r"^([0-9]{1,2})[:.]([0-9]{2})$")
FULL_DAY_NAMES = dict(
    zip(
        ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
        DAYS,
        strict=True,
    )
)
WEEKS = (1, 2, 3, 4, 5, -1)


def clock_time(value: Any, at: tuple, c: Checker) -> Any:
    """`10:00` or `10.00`, a time of day."""
    value = text(value, at, c)
    if value is INVALID:
        return value
    match = TIME_RE.match(value)
    hour, minute = (int(match.group(1)), int(match.group(2))) if match else (-1, -1)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return c.error(at, f"{describe_value(value)} is geen tijd; schrijf bijvoorbeeld 10:00")
    return dt.time(hour, minute)


def days(value: Any, at: tuple, c: Checker) -> Any:
    """`[di, do]`: short day names."""
    if not isinstance(value, list) or not value:
        return c.error(at, "verwacht een lijst met dagen, zoals [di, do]")
    out: list[str] = []
    for i, item in enumerate(value):
        name = text(item, at + (i,), c)
        if name is INVALID:
            return INVALID
        short = name.lower()
        if short not in DAYS:
            return c.error(
                at + (i,),
                f"{describe_value(name)} is geen dag{_day_hint(short)} (dagen: {dutch_list(DAYS)})",
            )
        if short in out:
            return c.error(at + (i,), f"'{short}' staat er twee keer in")
        out.append(short)
    return tuple(sorted(out, key=DAYS.index))


def _day_hint(name: str) -> str:
    """`; schrijf 'di'` for "dinsdag" or "dins"; else the closest short name, if any."""
    for full, short in FULL_DAY_NAMES.items():
        if len(name) >= 3 and full.startswith(name[:3]):
            return f"; schrijf '{short}'"
    return suggest(name, DAYS)


def weeks(value: Any, at: tuple, c: Checker) -> Any:
    """`[1, 3]`: which such weekdays of the month; -1 is the last."""
    if not isinstance(value, list) or not value:
        return c.error(at, "verwacht een lijst, zoals [1, 3] (de 1e en 3e van de maand)")
    out: list[int] = []
    for i, item in enumerate(value):
        number = int(item) if isinstance(item, str) and re.fullmatch(r"-?[0-9]", item) else None
        if number not in WEEKS:
            return c.error(
                at + (i,),
                f"{describe_value(item)} kan niet; kies 1 tot en met 5, of -1 voor de laatste",
            )
        out.append(number)
    return tuple(sorted(set(out), key=WEEKS.index))


TIJD = {
    "dagen": Field(days, required=True, doc="Dagen: ma, di, wo, do, vr, za, zo."),
    "van": Field(clock_time, required=True, doc="Begintijd, zoals 10:00."),
    "tot": Field(clock_time, required=True, doc="Eindtijd, zoals 12:00."),
    "weken": Field(weeks, doc="Alleen de 1e, 2e, ... of laatste (-1) van de maand: [1, 3]."),
    "om_de_week": Field(yes_no, doc="true: om de week, te tellen vanaf 'vanaf'."),
    "vanaf": Field(date, doc="Een datum waarop het is (bij om_de_week)."),
    "let_op": Field(text, doc="Een korte opmerking, zoals 'niet in de schoolvakanties'."),
}

PERIODE = {
    "van": Field(date, doc="Eerste dag."),
    "tot": Field(date, doc="Laatste dag."),
}


def _slot(values: dict[str, Any], at: tuple, c: Checker) -> Any:
    slot = TimeSlot(**values)
    if slot.van >= slot.tot:
        return c.error(
            at + ("tot",),
            f"de eindtijd {slot.tot:%H:%M} is niet later dan de begintijd {slot.van:%H:%M};"
            " kijk van en tot na",
        )
    if slot.om_de_week and slot.vanaf is None:
        return c.error(
            at + ("om_de_week",), "zet bij om_de_week ook 'vanaf' met een datum waarop het is"
        )
    if slot.vanaf is not None and not slot.om_de_week:
        return c.error(
            at + ("vanaf",),
            "vanaf is alleen nodig bij om de week; zet 'om_de_week: true' erbij, of haal vanaf weg",
        )
    if slot.om_de_week and slot.weken:
        return c.error(at + ("weken",), "kies weken of om_de_week, niet allebei")
    if slot.vanaf is not None and DAYS[slot.vanaf.weekday()] not in slot.dagen:
        names = {short: full for full, short in FULL_DAY_NAMES.items()}
        wanted = " of ".join(names[d] for d in slot.dagen)
        return c.error(
            at + ("vanaf",),
            f"{slot.vanaf.isoformat()} is een {names[DAYS[slot.vanaf.weekday()]]}; kies een"
            f" datum op een {wanted}",
        )
    return slot


time_slots = mapping_list(  # `tijden`: a list of TIJD items
    TIJD, _slot, "verwacht een lijst, met per regel '- dagen: [di]' en van en tot"
)


def period(value: Any, at: tuple, c: Checker) -> Any:
    """`periode`: {van, tot}, van not after tot."""
    checked = group(PERIODE, Period)(value, at, c)
    if checked is not INVALID and checked.van and checked.tot and checked.van > checked.tot:
        return c.error(
            at, f"van ({checked.van.isoformat()}) ligt na tot ({checked.tot.isoformat()})"
        )
    return checked


period.fields = PERIODE  # type: ignore[attr-defined]


def dates(value: Any, at: tuple, c: Checker) -> Any:
    """`gesloten`: a list of dates."""
    if not isinstance(value, list):
        return c.error(at, "verwacht een lijst met datums, zoals [2026-12-24, 2026-12-31]")
    checked = [date(item, at + (i,), c) for i, item in enumerate(value)]
    return INVALID if INVALID in checked else tuple(sorted(set(checked)))
