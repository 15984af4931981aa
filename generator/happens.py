"""Whether an activity happens on a given day, from its `tijden`, `periode` and `gesloten`.

The rule is used in the browser (js/vandaag.js marks "Vandaag" on listings and search
results, since a static site cannot know today's date when it is built); `rooster`
is the data it gets, and `happens_on` is the same rule in Python, the oracle that
the tests compare the browser's answers with.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from .model import DAYS, Activity


def rooster(activity: Activity) -> dict[str, Any] | None:
    """{"tijden": [[weekdays 0-6, weken, vanaf or null], ...], "van", "tot", "gesloten"},
    or None without tijden."""
    if not activity.tijden:
        return None
    period = activity.periode
    return {
        "tijden": [
            [
                [DAYS.index(d) for d in slot.dagen],
                list(slot.weken),
                slot.vanaf.isoformat() if slot.om_de_week and slot.vanaf else None,
            ]
            for slot in activity.tijden
        ],
        "van": period.van.isoformat() if period and period.van else None,
        "tot": period.tot.isoformat() if period and period.tot else None,
        "gesloten": [d.isoformat() for d in activity.gesloten],
    }


def happens_on(activity: Activity, day: dt.date) -> bool:
    """Whether one of the activity's time slots falls on `day`."""
    period = activity.periode
    if period and ((period.van and day < period.van) or (period.tot and day > period.tot)):
        return False
    if day in activity.gesloten:
        return False
    for slot in activity.tijden:
        if DAYS[day.weekday()] not in slot.dagen:
            continue
        if slot.weken:
            last = day.day + 7 > calendar.monthrange(day.year, day.month)[1]
            nth = (day.day - 1) // 7 + 1
            if nth not in slot.weken and not (last and -1 in slot.weken):
                continue
        if slot.om_de_week and slot.vanaf:
            if day < slot.vanaf or ((day - slot.vanaf).days // 7) % 2:
                continue
        return True
    return False
