"""HSDS records -> our content: the Dutch profile of docs/open-data.md, read backwards.

What HSDS cannot tell (the participatieladder, toegang, and an organisation a service
does not name) is never guessed: it becomes the placeholder NOG INVULLEN with a comment,
which `check` reports. A value that our own content rules reject (a phone number that is
none, coordinates outside the Netherlands) is left out with a warning; the same checkers
as for hand-written content decide (`_accepted`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .. import schema
from ..checks import INVALID, SLUG_RE, Checker, slugify
from ..diagnostics import Diagnostics
from ..frontmatter import Document
from ..model import FORMS, Toegang
from ..opendata.ids import Ids
from ..opendata.vocabularies import LINK_TYPES, PARTNER, SEARCH_WORD, SIGN_UP_PAGE
from ..placeholders import PLACEHOLDER
from . import details
from .details import clean
from .reading import Bundle, Record

LISTS = ("doelgroepen", "leefgebieden", "wijken", "soorten", "verwijzers")
KIND_OF_LINK = {link: kind for kind, link in LINK_TYPES.items()}
OUR_PAGE = {  # the page addresses of a site made with this program: the slug is in them
    "activiteiten": re.compile(r"/activiteiten/([a-z0-9-]+)/?$"),
    "organisaties": re.compile(r"/organisaties/([a-z0-9-]+)/?$"),
}


@dataclass
class Draft:
    """One content file to write: its front matter in order, its text, and why each
    placeholder is there."""

    folder: str  # organisaties or activiteiten
    slug: str
    fields: dict[str, Any]
    body: str
    placeholders: dict[str, str] = field(default_factory=dict)


@dataclass
class Converted:
    organisations: list[Draft] = field(default_factory=list)
    activities: list[Draft] = field(default_factory=list)
    taxonomy: dict[str, dict[str, dict[str, str]]] = field(
        default_factory=lambda: {k: {} for k in LISTS}
    )
    warnings: list[str] = field(default_factory=list)


def _accepted(check: Any, value: Any) -> tuple[Any, str]:
    """The value as our content rules take it, or (None, why not)."""
    diags = Diagnostics()
    result = check(value, ("waarde",), Checker("import", Document({}), diags))
    if result is INVALID or diags.has_errors():
        return None, diags.errors[0].message if diags.errors else "ongeldig"
    return result, ""


class Converter:
    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle
        self.out = Converted()
        self.terms = {r.data.get("id"): r.data for r in bundle.terms}
        self.org_slugs: dict[str, str] = {}
        self.taken: dict[str, set[str]] = defaultdict(set)

    def warn(self, where: Record, field_path: str, message: str) -> None:
        """`file: services[3].phones[0].number: message` (a CSV row: `file: rij 2: ...`)."""
        if where.path.startswith("rij "):
            spot = f"{where.path}: {field_path}"
        else:
            spot = ".".join(p for p in (where.path, field_path) if p)
        self.out.warnings.append(f"{where.file}: {spot}: {message}")

    def keep(self, where: Record, spot: str, check: Any, value: Any) -> Any:
        """`value` if our rules accept it; else None, with a warning."""
        if value in (None, ""):
            return None
        result, problem = _accepted(check, value)
        if result is None:
            self.warn(where, spot, f"{problem}; niet overgenomen")
        return result

    def slug(self, folder: str, record: dict[str, Any], address: str) -> str:
        match = OUR_PAGE[folder].search(record.get(address) or "")
        base = match.group(1) if match else slugify(record.get("name") or "naam")
        slug, n = base, 2
        while slug in self.taken[folder]:
            slug, n = f"{base}-{n}", n + 1
        self.taken[folder].add(slug)
        return slug

    # --- taxonomy --------------------------------------------------------

    def known_terms(self) -> None:
        """The terms of our own export, in its order, unused ones too: its taxonomy ids
        are those `Ids` gives its basis_url (foreign terms come in through attributes)."""
        if not self.bundle.base_url:
            return
        ids = Ids(self.bundle.base_url)
        kinds = {ids.taxonomy(kind): kind for kind in LISTS}
        for record in self.bundle.terms:
            kind = kinds.get(record.data.get("taxonomy_id"))
            if kind:
                self._add_term(kind, record.data)

    def _add_term(self, kind: str, term: dict[str, Any]) -> str:
        code = self._code(term)
        described = term.get("description") or ""
        entry = {"id": code, "naam": term.get("name") or code}
        if described and described != entry["naam"]:
            entry["omschrijving"] = described
        self.out.taxonomy[kind].setdefault(code, entry)
        return code

    def _term(self, attribute: dict[str, Any]) -> dict[str, Any]:
        nested = attribute.get("taxonomy_term")
        return (
            nested
            if isinstance(nested, dict)
            else self.terms.get(attribute.get("taxonomy_term_id"), {})
        )

    def _code(self, term: dict[str, Any]) -> str:
        code = str(term.get("code") or "")
        return code if SLUG_RE.match(code) else slugify(term.get("name") or code)

    def attributes(self, record: Record, key: str = "attributes") -> dict[str, list[str]]:
        """Per content field (doelgroepen, ladder, partners, ...), the codes or values."""
        found: dict[str, list[str]] = defaultdict(list)
        for n, attribute in enumerate(record.data.get(key) or []):
            kind = KIND_OF_LINK.get(attribute.get("link_type", ""))
            term = self._term(attribute)
            if kind is None:
                taxonomy = term.get("taxonomy") or attribute.get("link_type") or "?"
                self.warn(
                    record,
                    f"{key}[{n}]",
                    f"de indeling '{taxonomy}' kent deze site niet; niet overgenomen",
                )
                continue
            if kind in (PARTNER, SEARCH_WORD, SIGN_UP_PAGE):
                if attribute.get("value"):
                    found[kind].append(str(attribute["value"]))
                continue
            code = self._code(term) if term else ""
            if not code:
                self.warn(record, f"{key}[{n}]", "dit attribuut noemt geen term; niet overgenomen")
                continue
            found[kind].append(self._add_term(kind, term) if kind in LISTS else code)
        return found

    # --- organisations ---------------------------------------------------

    def organisation(self, record: Record) -> None:
        data = record.data
        if data.get("id") in self.org_slugs:
            return
        slug = self.slug("organisaties", data, "uri")
        self.org_slugs[data.get("id", slug)] = slug
        fields: dict[str, Any] = {"naam": data.get("name") or PLACEHOLDER}
        rules = schema.ORGANISATION
        phones = data.get("phones") or []
        number = phones[0].get("number") if phones else None
        fields["telefoon"] = self.keep(record, "phones[0].number", rules["telefoon"].check, number)
        fields["email"] = self.keep(record, "email", rules["email"].check, data.get("email"))
        fields["website"] = self.keep(
            record, "website", rules["website"].check, data.get("website")
        )
        locations = data.get("locations") or []
        if locations:
            fields["adres"] = (
                details.place(self, record, "locations[0]", locations[0], with_name=False) or None
            )
        tags = self.attributes(record)
        fields["wijken"] = tags.get("wijken")
        fields["zoektermen"] = tags.get(SEARCH_WORD)
        metadata = data.get("metadata") or []
        checked = [
            m.get("last_action_date") for m in metadata if m.get("field_name") == "gecontroleerd"
        ]
        fields["gecontroleerd"] = checked[0] if checked else None
        self.out.organisations.append(
            Draft("organisaties", slug, clean(fields), data.get("description") or "")
        )

    # --- activities ------------------------------------------------------

    def activity(self, record: Record) -> None:
        data = record.data
        slug = self.slug("activiteiten", data, "url")
        draft = Draft("activiteiten", slug, {}, data.get("description") or "")
        f = draft.fields
        f["titel"] = data.get("name") or PLACEHOLDER
        org = self.org_slugs.get(
            data.get("organization_id") or (data.get("organization") or {}).get("id")
        )
        if org is None:
            draft.placeholders["organisatie"] = (
                "welke organisatie doet dit? de bestandsnaam uit organisaties/"
            )
        f["organisatie"] = org or PLACEHOLDER
        tags = self.attributes(record)
        f["partners"] = [
            self.org_slugs[p] for p in tags.get(PARTNER, []) if p in self.org_slugs
        ] or None
        rungs = sorted({int(c) for c in tags.get("ladder", []) if c in "123456" and c})
        if not rungs:
            draft.placeholders["ladder"] = "welke treden van de participatieladder? zoals [1, 2]"
        f["ladder"] = rungs or PLACEHOLDER
        access = [c for c in tags.get("toegang", []) if c in {t.value for t in Toegang}]
        if not access:
            draft.placeholders["toegang"] = "vrij, aanmelden, verwijzing of indicatie"
        f["toegang"] = access[0] if access else PLACEHOLDER
        for kind in ("doelgroepen", "leefgebieden", "soorten", "wijken", "verwijzers"):
            f[kind] = tags.get(kind)
        f["vorm"] = [v for v in tags.get("vorm", []) if v in FORMS] or None
        costs = data.get("fees_description") or next(
            (c.get("amount_description") for c in data.get("cost_options") or []), None
        )
        f["kosten"] = costs
        low, high = data.get("minimum_age"), data.get("maximum_age")
        age = {k: int(v) for k, v in (("min", low), ("max", high)) if isinstance(v, (int, float))}
        f["leeftijd"] = age or None
        details.contact_and_sign_up(self, record, f, tags)
        details.schedules(self, record, f)
        places = [
            details.place(
                self, record, f"service_at_locations[{n}].location", link.get("location") or {}
            )
            for n, link in enumerate(data.get("service_at_locations") or [])
        ]
        f["locaties"] = [p for p in places if p.get("naam") or p.get("plaats")] or None
        languages = [
            str(lang.get("code")) for lang in data.get("languages") or [] if lang.get("code")
        ]
        f["talen"] = languages if languages and languages != ["nl"] else None
        f["zoektermen"] = tags.get(SEARCH_WORD)
        f["gecontroleerd"] = (data.get("assured_date") or "")[:10] or None
        draft.fields = clean(f)
        self.out.activities.append(draft)


def convert(bundle: Bundle) -> Converted:
    converter = Converter(bundle)
    converter.known_terms()
    for record in bundle.organizations:
        converter.organisation(record)
    for record in bundle.services:
        nested = record.data.get("organization")
        if isinstance(nested, dict) and nested.get("id") not in converter.org_slugs:
            converter.organisation(
                Record(nested, record.file, f"{record.path}.organization".lstrip("."))
            )
    for record in bundle.services:
        converter.activity(record)
    return converter.out
