"""Activities as HSDS 3.0 services: the list form, and the full record with its phones,
schedules, places, languages, cost options, contacts and attributes.
"""

from __future__ import annotations

import re
from typing import Any

from .. import language_checks, present, urls
from ..agenda import ICAL_DAYS, first_day, start_date
from ..model import Activity, TimeSlot
from ..wording import joined
from .records import Records

SIGN_UP = "Aanmelden"  # the contact and the phone for signing up have this name
CLOSED = "Gesloten op: "  # a line of schedule notes: the `gesloten` dates, ISO, comma-separated
_EURO = re.compile(r"€\s*(\d+(?:[.,]\d{1,2})?)")


class ServiceRecords(Records):
    """`Records`, and the services."""

    def service(self, activity: Activity, nested: bool = True) -> dict[str, Any]:
        """A service; `nested` gives the full record of /services/{id}, else the list form.
        Not kept: the JSON file and the tables take each full record as it is made."""
        service_id = self.ids.activity(activity.slug)
        org = self.site.organisation(activity.organisatie)
        record: dict[str, Any] = {
            "id": service_id,
            "organization_id": self.ids.organisation(org.slug),
            "name": activity.titel,
            "description": activity.beschrijving,
            "url": self.url(urls.activity(activity.slug)),
            "status": "active",
        }
        if activity.contact.email:
            record["email"] = activity.contact.email
        if activity.aanmelden and activity.aanmelden.uitleg:
            record["application_process"] = activity.aanmelden.uitleg
        if activity.kosten:
            record["fees_description"] = activity.kosten
        eligibility = self._eligibility(activity)
        if eligibility:
            record["eligibility_description"] = eligibility
        if activity.leeftijd.min is not None:
            record["minimum_age"] = activity.leeftijd.min
        if activity.leeftijd.max is not None:
            record["maximum_age"] = activity.leeftijd.max
        if activity.gecontroleerd:
            record["assured_date"] = activity.gecontroleerd.isoformat()
        record["organization"] = self.organisation(org, nested=nested)
        if not nested:
            return record
        record.update(self._service_parts(activity, service_id))
        return record

    def _eligibility(self, activity: Activity) -> str:
        groups = [t.naam for t in self.site.terms("doelgroepen", activity.doelgroepen)]
        parts = [f"Voor {joined(groups)}" if groups else "Voor iedereen"]
        if present.age(activity):
            parts.append(present.age(activity))
        return ", ".join(parts) + "."

    def _service_parts(self, activity: Activity, service_id: str) -> dict[str, Any]:
        parts: dict[str, Any] = {}
        phones = self._phones(activity, service_id)
        if phones:
            parts["phones"] = phones
        schedules = self._schedules(activity, service_id)
        if schedules:
            parts["schedules"] = schedules
        at_locations = self.service_at_locations(activity)
        if at_locations:
            parts["service_at_locations"] = at_locations
        parts["languages"] = [
            {
                "id": self.ids.activity(activity.slug, f"taal-{code}"),
                "service_id": service_id,
                "name": language_checks.dutch_name(code),
                "code": code,
            }
            for code in activity.talen or (language_checks.DEFAULT,)
        ]
        if activity.kosten:
            parts["cost_options"] = [self._cost(activity, service_id)]
        contacts = []
        if not activity.contact.is_empty():
            contact: dict[str, Any] = {
                "id": self.ids.activity(activity.slug, "contact"),
                "service_id": service_id,
            }
            if activity.contact.naam:
                contact["name"] = activity.contact.naam
            if activity.contact.email:
                contact["email"] = activity.contact.email
            contacts.append(contact)
        if activity.aanmelden and activity.aanmelden.email:
            contacts.append(
                {
                    "id": self.ids.activity(activity.slug, "aanmelden-contact"),
                    "service_id": service_id,
                    "name": SIGN_UP,
                    "email": activity.aanmelden.email,
                }
            )
        if contacts:
            parts["contacts"] = contacts
        parts["attributes"] = self.activity_attributes(activity)
        return parts

    def _phones(self, activity: Activity, service_id: str) -> list[dict[str, Any]]:
        found = []
        sign_up = activity.aanmelden
        for part, number, description in (
            ("telefoon", activity.contact.telefoon, "Contact"),
            ("aanmelden", sign_up.telefoon if sign_up else "", SIGN_UP),
        ):
            if number:
                found.append(
                    {
                        "id": self.ids.activity(activity.slug, part),
                        "service_id": service_id,
                        "number": number,
                        "type": "voice",
                        "description": description,
                    }
                )
        return found

    def _cost(self, activity: Activity, service_id: str) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.ids.activity(activity.slug, "kosten"),
            "service_id": service_id,
            "currency": "EUR",
            "amount_description": activity.kosten,
        }
        amounts = _EURO.findall(activity.kosten)
        if activity.is_gratis:
            record["amount"] = 0
        elif len(amounts) == 1:  # one clear amount; more than one stays text
            record["amount"] = float(amounts[0].replace(",", "."))
        if activity.periode and activity.periode.van:
            record["valid_from"] = activity.periode.van.isoformat()
        if activity.periode and activity.periode.tot:
            record["valid_to"] = activity.periode.tot.isoformat()
        return record

    def _schedules(self, activity: Activity, service_id: str) -> list[dict[str, Any]]:
        found = [
            self._schedule(activity, service_id, n, slot)
            for n, slot in enumerate(activity.tijden, start=1)
        ]
        if activity.wanneer or (activity.periode and not activity.tijden):
            record: dict[str, Any] = {
                "id": self.ids.activity(activity.slug, "wanneer"),
                "service_id": service_id,
            }
            if activity.wanneer:
                record["description"] = activity.wanneer
            found.append(self._season(record, activity))
        return found

    def _season(self, record: dict[str, Any], activity: Activity) -> dict[str, Any]:
        if activity.periode and activity.periode.van:
            record["valid_from"] = activity.periode.van.isoformat()
        if activity.periode and activity.periode.tot:
            record["valid_to"] = activity.periode.tot.isoformat()
        return record

    def _schedule(
        self, activity: Activity, service_id: str, n: int, slot: TimeSlot
    ) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.ids.activity(activity.slug, f"tijd-{n}"),
            "service_id": service_id,
            "dtstart": first_day(slot, start_date(activity)).isoformat(),
            "opens_at": f"{slot.van:%H:%M}",
            "closes_at": f"{slot.tot:%H:%M}",
            "description": present.slot(slot),
            "wkst": "MO",
        }
        if slot.weken:
            record["freq"] = "MONTHLY"
            record["byday"] = ",".join(f"{w}{ICAL_DAYS[d]}" for w in slot.weken for d in slot.dagen)
        else:
            record["freq"] = "WEEKLY"
            record["byday"] = ",".join(ICAL_DAYS[d] for d in slot.dagen)
            record["interval"] = 2 if slot.om_de_week else 1
        if activity.periode and activity.periode.tot:
            record["until"] = activity.periode.tot.isoformat()
        notes = [slot.let_op] if slot.let_op else []
        if activity.gesloten:
            notes.append(CLOSED + ", ".join(d.isoformat() for d in activity.gesloten))
        if notes:
            record["notes"] = "\n".join(notes)
        return self._season(record, activity)
