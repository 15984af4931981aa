"""`sociale-kaart nieuw`: a new activity or organisation file with every field.

The fields come from the schema tables (never listed twice), each with its `doc` as
a comment. Required fields get NOG INVULLEN, so `check` names them and keeps the
entry off the site until they are filled in; every other field is a commented-out
line with a valid example, taken from the site's own taxonomy where it can.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from .fields import Field
from .placeholders import PLACEHOLDER
from .schema import ACTIVITY, ORGANISATION
from .taxonomy import Taxonomy

COMMENT_AT = 40  # the column where a field's explanation starts
# A valid example for each field that is not a list of ids from the taxonomy.
EXAMPLES = {
    "kosten": "gratis",
    "wanneer": "op afspraak",
    "locatie": "in het buurthuis",
    "naam": "Buurthuis De Linde",
    "straat": "Lindeplein 1",
    "postcode": "1234 AB",
    "plaats": "Lindeveen",
    "coordinaten": "[52.2551, 6.1602]",
    "rolstoeltoegankelijk": "ja",
    "uitleg": "ingang aan de achterkant",
    "aanmelden.uitleg": "bel of mail ons, of loop binnen",
    "contact.naam": "Fatima de Vries",
    "min": "18",
    "max": "27",
    "telefoon": "0570 123456",
    "email": "info@voorbeeld.nl",
    "website": "https://www.voorbeeld.nl/",
    "zoektermen": "[koffie, ontmoeten]",
    "dagen": "[di]",
    "van": "10:00",
    "tot": "12:00",
    "weken": "[1, 3]",
    "om_de_week": "ja",
    "let_op": "niet in de schoolvakanties",
    "gesloten": "[2026-12-24]",
    "talen": "[nl]",
    "vorm": "[groep]",
    "ladder": "[1, 2]",
    "toegang": "vrij",
}
DATES = {"gecontroleerd"}  # today, as an example
PERIOD = {"periode.van": 0, "periode.tot": 90}  # days from today


# Fields that cannot share one list item get an example item each.
ITEMS = {
    "tijden": (
        ("dagen", "van", "tot", "weken", "let_op"),
        ("dagen", "van", "tot", "om_de_week", "vanaf"),
    ),
}


class Exists(Exception):
    """The file is there already; nothing was written."""


def activity_text(organisation: str, taxonomy: Taxonomy, others: list[str], today: dt.date) -> str:
    """The front matter and body of a new activity of `organisation`."""
    values = {"organisatie": organisation, "gecontroleerd": today.isoformat()}
    examples = {kind: _first(taxonomy, kind) for kind in
                ("doelgroepen", "leefgebieden", "wijken", "verwijzers", "soorten")}  # fmt: skip
    examples["partners"] = f"[{others[0]}]" if others else ""
    head = [
        "# Een nieuwe activiteit. Vul in waar NOG INVULLEN staat. Een regel met # ervoor",
        "# telt niet mee: haal het # weg als u dat veld wilt gebruiken, of laat de regel staan.",
        "# Uitleg van elk veld: docs/inhoud.md.",
    ]
    body = f"{PLACEHOLDER}: wat het is, voor wie, en hoe het gaat. Schrijf in gewone taal."
    return _file(head, ACTIVITY, values, examples, today, body)


def organisation_text(taxonomy: Taxonomy, today: dt.date) -> str:
    head = [
        "# Een nieuwe organisatie. Vul in waar NOG INVULLEN staat. Een regel met # ervoor",
        "# telt niet mee: haal het # weg als u dat veld wilt gebruiken, of laat de regel staan.",
        "# Uitleg van elk veld: docs/inhoud.md.",
    ]
    body = f"{PLACEHOLDER}: wat de organisatie doet en voor wie. Schrijf in gewone taal."
    values = {"gecontroleerd": today.isoformat()}
    return _file(head, ORGANISATION, values, {"wijken": _first(taxonomy, "wijken")}, today, body)


def write(path: Path, text: str) -> None:
    """Write a new file; raise Exists when there is one (nothing is overwritten)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError as exc:
        raise Exists(str(path)) from exc


def _first(taxonomy: Taxonomy, kind: str) -> str:
    terms = getattr(taxonomy, kind)
    return f"[{terms[0].id}]" if terms else ""


def _file(
    head: list[str],
    table: Mapping[str, Field],
    values: dict[str, str],
    examples: dict[str, str],
    today: dt.date,
    body: str,
) -> str:
    lines = ["---", *head]
    for key, field in table.items():
        for text, note, active in _entries(key, field, values, examples, today):
            lines.append(_line(("" if active else "# ") + text, note))
    return "\n".join([*lines, "---", body, ""])


def _entries(
    key: str,
    field: Field,
    values: dict[str, str],
    examples: dict[str, str],
    today: dt.date,
    path: str = "",
) -> list[tuple[str, str, bool]]:
    """(text, explanation, active) for a field and the fields inside it; only a top-level
    value or placeholder is active, every example is commented out."""
    dotted = f"{path}.{key}" if path else key
    note = ("verplicht. " if field.required else "") + field.doc
    if field.fields:
        out = [(f"{key}:", note, False)]
        for item in ITEMS.get(dotted, (tuple(field.fields),)):
            for i, sub in enumerate(item):
                prefix = ("- " if i == 0 else "  ") if field.many else ""
                inner = _entries(sub, field.fields[sub], values, examples, today, dotted)
                out += [("  " + prefix + text, sub_note, False) for text, sub_note, _ in inner]
        return out
    if key in values and not path:
        return [(f"{key}: {values[key]}", note, True)]
    if field.required and not path:
        return [(f"{key}: {PLACEHOLDER}", note, True)]
    example = _example(key, dotted, examples, today)
    return [(f"{key}: {example}", note, False)] if example else []


def _example(key: str, dotted: str, examples: dict[str, str], today: dt.date) -> str:
    if dotted in PERIOD:
        return (today + dt.timedelta(days=PERIOD[dotted])).isoformat()
    if key in DATES:
        return today.isoformat()
    if dotted == "tijden.vanaf":  # a day the example slot is on: a Tuesday ([di])
        return (today + dt.timedelta(days=(1 - today.weekday()) % 7)).isoformat()
    for name in (dotted, key):
        if name in examples:
            return examples[name]
        if name in EXAMPLES:
            return EXAMPLES[name]
    return ""


def _line(text: str, note: str) -> str:
    return f"{text.ljust(COMMENT_AT - 1)} # {note}" if note else text
