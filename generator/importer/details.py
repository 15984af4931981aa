"""The details of an entry, from HSDS to our content: its contact and how to sign up,
a location as a `locaties` item or an `adres`, and schedules as `tijden`, `periode`,
`gesloten` and `wanneer`.

`conv` is the `Converter`: its `keep` applies our own checkers to a value, its `warn`
names what was left out.
"""

from __future__ import annotations

import re
from typing import Any

from .. import schema
from ..agenda import ICAL_DAYS
from ..opendata.services import CLOSED, SIGN_UP
from ..opendata.vocabularies import SIGN_UP_PAGE
from ..place_checks import LOCATIE, coordinates
from ..places import wheelchair_text
from .reading import Record

DAYS = {code: day for day, code in ICAL_DAYS.items()}


def place(
    conv: Any, record: Record, spot: str, location: dict[str, Any], with_name: bool = True
) -> dict:
    """A location as a `locaties` item (or, without its name, as an `adres`)."""
    item: dict[str, Any] = {}
    if with_name and location.get("name"):
        item["naam"] = location["name"]
    addresses = location.get("addresses") or []
    if addresses:
        address = addresses[0]
        item["straat"] = address.get("address_1") or None
        postcode = address.get("postal_code")
        spot_code = f"{spot}.addresses[0].postal_code"
        item["postcode"] = conv.keep(record, spot_code, LOCATIE["postcode"].check, postcode)
        item["plaats"] = address.get("city") or None
    lat, lon = location.get("latitude"), location.get("longitude")
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        kept = conv.keep(record, f"{spot}.latitude", coordinates, [str(lat), str(lon)])
        item["coordinaten"] = list(kept) if kept else None
    for access in location.get("accessibility") or []:
        text = access.get("description") or ""
        known = {wheelchair_text(True): True, wheelchair_text(False): False}
        if text in known:
            item["rolstoeltoegankelijk"] = known[text]
        elif text and with_name:
            item["uitleg"] = text
    if not with_name:
        item.pop("rolstoeltoegankelijk", None)  # an adres has no such field
    if with_name and location.get("description"):
        item["uitleg"] = location["description"]
    return clean(item)


def schedules(conv: Any, record: Record, f: dict[str, Any]) -> None:
    slots, closed, season = [], [], {}
    for n, item in enumerate(record.data.get("schedules") or []):
        for key, ours in (("valid_from", "van"), ("valid_to", "tot")):
            if item.get(key):
                season[ours] = item[key][:10]
        for line in (item.get("notes") or "").splitlines():
            if line.startswith(CLOSED):
                closed += [d.strip() for d in line.removeprefix(CLOSED).split(",") if d.strip()]
        if not item.get("freq"):
            if item.get("description"):
                f["wanneer"] = item["description"]
            continue
        found = slot(conv, record, n, item)
        if found:
            slots.append(found)
    f["tijden"] = slots or None
    f["periode"] = season or None
    f["gesloten"] = sorted(set(closed)) or None


def slot(conv: Any, record: Record, n: int, item: dict[str, Any]) -> dict[str, Any] | None:
    days, weeks = [], []
    for part in (item.get("byday") or "").split(","):
        match = re.fullmatch(r"(-?\d)?([A-Z]{2})", part.strip())
        if match and match.group(2) in DAYS:
            days.append(DAYS[match.group(2)])
            if match.group(1):
                weeks.append(int(match.group(1)))
    opens, closes = (item.get("opens_at") or "")[:5], (item.get("closes_at") or "")[:5]
    if not (days and opens and closes):
        conv.warn(
            record,
            f"schedules[{n}]",
            "zonder dagen en tijden kan deze tijd niet in 'tijden'; niet overgenomen",
        )
        return None
    slot: dict[str, Any] = {"dagen": list(dict.fromkeys(days)), "van": opens, "tot": closes}
    if item.get("freq") == "MONTHLY" and weeks:
        slot["weken"] = sorted(set(weeks), key=lambda w: (w < 0, abs(w)))
    elif item.get("interval") in (2, 2.0):
        slot["om_de_week"] = True
        slot["vanaf"] = (item.get("dtstart") or "")[:10] or None
    notes = [line for line in (item.get("notes") or "").splitlines() if not line.startswith(CLOSED)]
    if notes:
        slot["let_op"] = " ".join(notes)
    return clean(slot)


def contact_and_sign_up(conv: Any, record: Record, f: dict[str, Any], tags: dict) -> None:
    data = record.data
    phones = data.get("phones") or []

    def phone(wanted: Any) -> tuple[int, str | None]:
        """The first phone whose description is `wanted`, with its index."""
        found = ((n, p.get("number")) for n, p in enumerate(phones) if wanted(p.get("description")))
        return next(found, (0, None))

    contacts = data.get("contacts") or []
    mine = next((c for c in contacts if c.get("name") != SIGN_UP), {})
    sign_up = next((c for c in contacts if c.get("name") == SIGN_UP), {})
    contact_phone = phone(lambda d: d == "Contact")
    if contact_phone[1] is None:
        contact_phone = phone(lambda d: d != SIGN_UP)
    sign_up_phone = phone(lambda d: d == SIGN_UP)
    rules, signs = schema.CONTACT, schema.AANMELDEN
    email = mine.get("email") or data.get("email")
    at = f"phones[{contact_phone[0]}].number"
    contact = {
        "naam": mine.get("name"),
        "telefoon": conv.keep(record, at, rules["telefoon"].check, contact_phone[1]),
        "email": conv.keep(record, "email", rules["email"].check, email),
    }
    f["contact"] = clean(contact) or None
    pages = tags.get(SIGN_UP_PAGE, [])
    page = pages[0] if pages else None
    sign_up_values = {
        "uitleg": data.get("application_process"),
        "telefoon": conv.keep(
            record,
            f"phones[{sign_up_phone[0]}].number",
            signs["telefoon"].check,
            sign_up_phone[1],
        ),
        "email": conv.keep(record, "contacts", signs["email"].check, sign_up.get("email")),
        "website": conv.keep(record, "attributes", signs["website"].check, page),
    }
    f["aanmelden"] = clean(sign_up_values) or None


def clean(values: dict[str, Any]) -> dict[str, Any]:
    """Without the fields that have no value."""
    return {k: v for k, v in values.items() if v not in (None, "", [], {})}
