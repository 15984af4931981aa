"""activiteiten/<slug>/agenda.ics: an activity's `tijden` as an iCalendar file, and
open-data/agenda.ics with those of every activity.

One VEVENT per time slot, with an RRULE (weekly; every other week from `vanaf`; or
the nth weekdays of the month), UNTIL at the end of `periode`, an EXDATE for each
`gesloten` date, and a Europe/Amsterdam VTIMEZONE; made with the `icalendar`
library. Deterministic: the first date counts from `periode.van`, `vanaf` or
`gecontroleerd` (else 2026-01-01), never from the day of the build.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone, vRecur

from . import places, present, urls
from .assemble import Site
from .model import DAYS, Activity, TimeSlot
from .publish import Writer

TZID = "Europe/Amsterdam"
ZONE = zoneinfo.ZoneInfo(TZID)
ANCHOR = dt.date(2026, 1, 1)  # when nothing in the content says from when
ICAL_DAYS = dict(zip(DAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))
TIMEZONE_YEARS = 10  # transitions written into the VTIMEZONE


def write_calendars(site: Site, writer: Writer) -> None:
    """An agenda.ics for every activity with `tijden`."""
    host = _host(site)
    for activity in site.activities:
        if activity.tijden:
            writer.write(urls.activity_calendar(activity.slug), calendar(activity, host).to_ical())


def start_date(activity: Activity) -> dt.date:
    if activity.periode and activity.periode.van:
        return activity.periode.van
    return activity.gecontroleerd or ANCHOR


def first_day(slot: TimeSlot, start: dt.date) -> dt.date:
    """The first day on or after `start` that is one of the slot's days."""
    if slot.vanaf:
        return slot.vanaf
    days = {DAYS.index(d) for d in slot.dagen}
    return next(start + dt.timedelta(n) for n in range(7) if (start.weekday() + n) % 7 in days)


def _rule(slot: TimeSlot, activity: Activity) -> vRecur:
    rule: dict[str, object] = {}
    if slot.weken:
        rule["FREQ"] = "MONTHLY"
        rule["BYDAY"] = [f"{n}{ICAL_DAYS[d]}" for n in slot.weken for d in slot.dagen]
    else:
        rule["FREQ"] = "WEEKLY"
        rule["BYDAY"] = [ICAL_DAYS[d] for d in slot.dagen]
        if slot.om_de_week:
            rule["INTERVAL"] = 2
    if activity.periode and activity.periode.tot:
        end = dt.datetime.combine(activity.periode.tot, slot.tot, ZONE)
        rule["UNTIL"] = end.astimezone(dt.UTC)
    return vRecur(rule)


def calendar(activity: Activity, host: str) -> Calendar:
    """The calendar of one activity (public for the tests)."""
    return _calendar(activity.titel, [activity], host)


def combined(site: Site) -> bytes:
    """open-data/agenda.ics: every activity with `tijden` in one calendar."""
    with_times = [a for a in site.activities if a.tijden]
    return _calendar(f"{site.config.titel}: agenda", with_times, _host(site)).to_ical()


def _host(site: Site) -> str:
    return urlsplit(site.config.basis_url).hostname or "sociale-kaart"


def _calendar(name: str, activities: list[Activity], host: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Sociale Kaart//agenda//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for activity in activities:
        for event in _events(activity, host):
            cal.add_component(event)
    starts = [start_date(a) for a in activities] or [ANCHOR]
    first_year = dt.date(min(starts).year, 1, 1)
    last_year = dt.date(max(starts).year + TIMEZONE_YEARS, 1, 1)
    zone = Timezone.from_tzinfo(ZONE, tzid=TZID, first_date=first_year, last_date=last_year)
    zone.pop("COMMENT", None)  # icalendar's own note is in English; ours says the same
    zone.add("comment", f"Deze tijdzone geldt van {first_year} tot {last_year}.")
    cal.add_component(zone)
    return cal


def _events(activity: Activity, host: str) -> list[Event]:
    start = start_date(activity)
    stamp = dt.datetime.combine(activity.gecontroleerd or ANCHOR, dt.time(), dt.UTC)
    events = []
    for n, slot in enumerate(activity.tijden, start=1):
        first = first_day(slot, start)
        event = Event()
        event.add("uid", f"{activity.slug}-{n}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", activity.titel)
        event.add("dtstart", dt.datetime.combine(first, slot.van, ZONE))
        event.add("dtend", dt.datetime.combine(first, slot.tot, ZONE))
        event.add("rrule", _rule(slot, activity))
        if activity.places:
            event.add("location", "; ".join(places.full_line(p) for p in activity.places))
        if len(activity.places) == 1 and activity.places[0].coordinaten:
            event.add("geo", activity.places[0].coordinaten)
        event.add("description", present.slot(slot))
        days = {DAYS.index(d) for d in slot.dagen}
        skipped = [
            dt.datetime.combine(day, slot.van, ZONE)
            for day in activity.gesloten
            if day.weekday() in days and day >= first
        ]
        if skipped:
            event.add("exdate", skipped)
        events.append(event)
    return events
