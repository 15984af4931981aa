"""Deterministic HSDS identifiers: UUID 5 of the public URL of what they name.

`uuid5(NAMESPACE_URL, basis_url + kind + "/" + key)`: the same content gives the same
ids in every build, and two municipalities (with two basis_urls) never share one.
Parts of an entry (its phone, its second place) add a fragment: `...#telefoon`.
"""

from __future__ import annotations

import uuid


class Ids:
    """Makes the ids of one site."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self._made: dict[str, str] = {}  # a term's or an organisation's id is asked often

    def of(self, kind: str, key: str | int, part: str = "") -> str:
        name = f"{self.base_url}{kind}/{key}" + (f"#{part}" if part else "")
        made = self._made.get(name)
        if made is None:
            made = self._made[name] = str(uuid.uuid5(uuid.NAMESPACE_URL, name))
        return made

    def activity(self, slug: str, part: str = "") -> str:
        return self.of("activiteiten", slug, part)

    def organisation(self, slug: str, part: str = "") -> str:
        return self.of("organisaties", slug, part)

    def taxonomy(self, kind: str) -> str:
        return self.of("taxonomie", kind)

    def term(self, kind: str, code: str | int) -> str:
        return self.of(kind, code)
