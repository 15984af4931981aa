"""The content as HSDS 3.0 records (plain dicts), following our Dutch profile: ids,
taxonomies, attributes, organisations and places (services are in `services`).

docs/open-data.md maps every field. Only fields we know are written: HSDS has no
null, so an unknown value is left out, never sent as an empty string (except
the parts of an address, which HSDS requires and the content may not know). Descriptions
stay Markdown, as the editor wrote them. Times are local (Europe/Amsterdam).
"""

from __future__ import annotations

from typing import Any

from .. import places, urls
from ..assemble import Site
from ..model import Activity, Address, Location, Organisation
from .ids import Ids
from .vocabularies import PARTNER, SEARCH_WORD, SIGN_UP_PAGE, Vocabulary, vocabularies

HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


class Records:
    """Builds the HSDS records of one site; every id comes from `Ids`."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.ids = Ids(site.config.basis_url)
        self.vocabularies = vocabularies(site)
        self._kenmerken = next(v for v in self.vocabularies if v.kind == "kenmerken")
        self._terms: dict[str, list[dict[str, Any]]] = {}
        self._full: dict[tuple[str, str], dict[str, Any]] = {}  # ("org", slug): made once

    def url(self, page: str) -> str:
        return urls.absolute_url(self.site.config.basis_url, page)

    # --- taxonomies -------------------------------------------------------

    def taxonomy(self, vocabulary: Vocabulary) -> dict[str, Any]:
        record = {
            "id": self.ids.taxonomy(vocabulary.kind),
            "name": vocabulary.name,
            "description": vocabulary.description,
        }
        if vocabulary.page:
            record["uri"] = self.url(vocabulary.page)
        return record

    def terms(self, vocabulary: Vocabulary) -> list[dict[str, Any]]:
        """The terms of one taxonomy (made once; attributes refer to the same records)."""
        if vocabulary.kind not in self._terms:
            self._terms[vocabulary.kind] = self._make_terms(vocabulary)
        return self._terms[vocabulary.kind]

    def _make_terms(self, vocabulary: Vocabulary) -> list[dict[str, Any]]:
        found = []
        for code in vocabulary.codes:
            record = {
                "id": self.ids.term(vocabulary.kind, code.code),
                "code": code.code,
                "name": code.name,
                "description": code.description,
                "taxonomy": vocabulary.name,
                "taxonomy_id": self.ids.taxonomy(vocabulary.kind),
                "language": "nl",
            }
            if code.page:
                record["term_uri"] = self.url(code.page)
            found.append(record)
        return found

    def _attribute(
        self, owner: str, entity: str, vocabulary: Vocabulary, code: str, nested: bool
    ) -> dict[str, Any]:
        term_id = self.ids.term(vocabulary.kind, code)
        record: dict[str, Any] = {
            "id": self.ids.of("attributen", owner, term_id),
            "link_id": owner,
            "link_type": vocabulary.link_type,
            "link_entity": entity,
            "taxonomy_term_id": term_id,
        }
        if nested:
            # the term itself; its taxonomy is in taxonomies.json, by taxonomy_id
            record["taxonomy_term"] = next(t for t in self.terms(vocabulary) if t["code"] == code)
        return record

    def _value(
        self, owner: str, entity: str, code: str, value: str, nested: bool
    ) -> dict[str, Any]:
        """An attribute of the taxonomy "kenmerken" that carries a value; its link_type
        is the term's code (`partner`, `zoekterm`)."""
        record = self._attribute(owner, entity, self._kenmerken, code, nested)
        record["id"] = self.ids.of("attributen", owner, f"{code}={value}")
        record["link_type"] = code
        record["value"] = value
        return record

    def activity_attributes(self, activity: Activity, nested: bool = True) -> list[dict[str, Any]]:
        owner = self.ids.activity(activity.slug)
        found = [
            self._attribute(owner, "service", v, code, nested)
            for v in self.vocabularies
            for code in v.of_activity(activity)
        ]
        found += [
            self._value(owner, "service", PARTNER, self.ids.organisation(slug), nested)
            for slug in activity.partners
        ]
        found += [
            self._value(owner, "service", SEARCH_WORD, w, nested) for w in activity.zoektermen
        ]
        if activity.aanmelden and activity.aanmelden.website:
            page = activity.aanmelden.website
            found.append(self._value(owner, "service", SIGN_UP_PAGE, page, nested))
        return found

    def organisation_attributes(self, org: Organisation, nested: bool = True) -> list[dict]:
        owner = self.ids.organisation(org.slug)
        wijken = next(v for v in self.vocabularies if v.kind == "wijken")
        found = [self._attribute(owner, "organization", wijken, w, nested) for w in org.wijken]
        found += [
            self._value(owner, "organization", SEARCH_WORD, w, nested) for w in org.zoektermen
        ]
        return found

    # --- organisations ----------------------------------------------------

    def organisation(self, org: Organisation, nested: bool = True) -> dict[str, Any]:
        """An organization; `nested` adds its phones, location, attributes and metadata
        (made once: the JSON files and the tables share it; do not change it)."""
        if nested and ("org", org.slug) in self._full:
            return self._full["org", org.slug]
        org_id = self.ids.organisation(org.slug)
        record: dict[str, Any] = {
            "id": org_id,
            "name": org.naam,
            "description": org.beschrijving,
            "uri": self.url(urls.organisation(org.slug)),
        }
        if org.email:
            record["email"] = org.email
        if org.website:
            record["website"] = org.website
        if not nested:
            return record
        if org.telefoon:
            record["phones"] = [
                {
                    "id": self.ids.organisation(org.slug, "telefoon"),
                    "organization_id": org_id,
                    "number": org.telefoon,
                    "type": "voice",
                }
            ]
        if not org.adres.is_empty() or org.adres.coordinaten:
            location_id = self.ids.organisation(org.slug, "adres")
            location = self._location(location_id, org.naam, org.adres, org_id)
            record["locations"] = [location]
        record["attributes"] = self.organisation_attributes(org)
        if org.gecontroleerd:
            record["metadata"] = [self._checked(org_id, org.gecontroleerd.isoformat())]
        self._full["org", org.slug] = record
        return record

    def _checked(self, resource_id: str, date: str) -> dict[str, str]:
        """`gecontroleerd` of an organisation: HSDS organizations have no assured_date."""
        return {
            "id": self.ids.of("metadata", resource_id, "gecontroleerd"),
            "resource_id": resource_id,
            "resource_type": "organization",
            "last_action_date": date,
            "last_action_type": "verified",
            "field_name": "gecontroleerd",
            "previous_value": "niet bekend",  # HSDS requires it, also in a CSV cell
            "replacement_value": date,
            "updated_by": f"Redactie {self.site.config.titel}",
        }

    # --- places -----------------------------------------------------------

    def _location(
        self, location_id: str, name: str, place: Address | Location, org_id: str
    ) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": location_id,
            "location_type": "physical",
            "organization_id": org_id,
        }
        if name:
            record["name"] = name
        if place.coordinaten:
            record["latitude"], record["longitude"] = place.coordinaten
        if isinstance(place, Location) and place.uitleg:
            record["description"] = place.uitleg
        if place.straat or place.postcode or place.plaats:  # HSDS requires all, so "" if unknown
            record["addresses"] = [
                {
                    "id": self.ids.of("adressen", location_id),
                    "location_id": location_id,
                    "address_1": place.straat,
                    "city": place.plaats,
                    "state_province": self.site.config.provincie,
                    "postal_code": place.postcode,
                    "country": "NL",
                    "address_type": "physical",
                }
            ]
        if isinstance(place, Location) and place.rolstoeltoegankelijk is not None:
            record["accessibility"] = [
                {
                    "id": self.ids.of("toegankelijkheid", location_id),
                    "location_id": location_id,
                    "description": places.wheelchair(place),
                }
            ]
        return record

    def service_at_locations(self, activity: Activity) -> list[dict[str, Any]]:
        service_id = self.ids.activity(activity.slug)
        org_id = self.ids.organisation(activity.organisatie)
        found = []
        for n, place in enumerate(activity.places, start=1):
            location_id = self.ids.activity(activity.slug, f"locatie-{n}")
            found.append(
                {
                    "id": self.ids.activity(activity.slug, f"op-locatie-{n}"),
                    "service_id": service_id,
                    "location_id": location_id,
                    "location": self._location(location_id, place.naam, place, org_id),
                }
            )
        return found
