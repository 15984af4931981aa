"""NOG INVULLEN: the value the importer writes where the source could not say.

`check` reports every such field as a warning. An entry that still has one is left
off the site (its required fields are not known yet); site.yaml keeps its values, so
that the import can be built and looked at.
"""

from __future__ import annotations

from typing import Any

PLACEHOLDER = "NOG INVULLEN"
ENTRY_MESSAGE = (
    "is nog niet ingevuld (NOG INVULLEN); dit bestand staat pas op de site als alles is ingevuld"
)
SITE_MESSAGE = "is nog niet ingevuld (NOG INVULLEN); vul het in"


def unfilled(data: Any) -> list[str]:
    """The top-level fields whose value is the placeholder."""
    if not isinstance(data, dict):
        return []
    return [key for key, value in data.items() if value == PLACEHOLDER]
