"""taxonomie.yaml: the lists of doelgroepen, leefgebieden, wijken, verwijzers and soorten.

Every item is checked against its list's table (`schema.TERM_TABLES`; a wijk may name
its own `contact` organisation). The ids an editor declared are returned too, also
those of items with errors, so that one mistake in an item does not make every
activity that uses its id fail as well.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import urls
from .checks import INVALID, Checker, describe_value
from .diagnostics import Diagnostics, display_path, dutch_list, suggest
from .frontmatter import parse_yaml
from .model import Source, Taxonomy, Term
from .schema import TAXONOMY_KINDS, TAXONOMY_LISTS, TERM, TERM_TABLES, validate_mapping
from .sources import ContentFolder

# Ids that already have a fixed page, such as doelgroepen/voor-iedereen/.
RESERVED_IDS = {"doelgroepen": {urls.VOOR_IEDEREEN}}


def _declared_ids(data: dict[str, Any]) -> dict[str, set[str]]:
    """Every id in taxonomie.yaml per list, also of items with errors.

    References are checked against these, so one mistake in an item does not
    also make every activity that uses its id fail.
    """
    declared: dict[str, set[str]] = {}
    for kind in TAXONOMY_LISTS:
        items = data.get(kind)
        items = items if isinstance(items, list) else []
        declared[kind] = {
            item["id"].strip()
            for item in items
            if isinstance(item, dict) and isinstance(item.get("id"), str)
        }
    return declared


def load_taxonomy(
    source: ContentFolder, path: Path, diags: Diagnostics, org_slugs: set[str]
) -> tuple[Taxonomy | None, dict[str, set[str]]]:
    """The taxonomy and its declared ids; no ids (nothing checked) if the file is unreadable."""
    text = source.read(path, diags)
    shown = display_path(path)
    doc = parse_yaml(text, shown, diags) if text is not None else None
    if doc is None:
        return None, {}
    declared = _declared_ids(doc.data)
    checker = Checker(
        shown, doc, diags, organisation_slugs=org_slugs, content_dir=display_path(source.root)
    )
    lists: dict[str, tuple[Term, ...]] = {}
    for key in doc.data:
        if key not in TAXONOMY_LISTS:
            hint = (
                suggest(key, TAXONOMY_LISTS)
                or f"; de lijsten hier heten {dutch_list(TAXONOMY_LISTS)}"
            )
            checker.error((key,), f"onbekende lijst{hint}")
    for kind in TAXONOMY_LISTS:
        raw = doc.data.get(kind)
        if kind not in TAXONOMY_KINDS and raw is None:
            lists[kind] = ()  # an optional list that is not there
            continue
        if not isinstance(raw, list) or not raw:
            if raw in (None, "", []):
                problem = "deze lijst ontbreekt of is leeg"
            else:
                found = describe_value(raw)
                problem = f"verwacht een lijst, maar vond {found}"
            checker.error((kind,), f"{problem}; noem minstens één item met '- id:' en 'naam:'")
            lists[kind] = ()
            continue
        terms: list[Term] = []
        for index, item in enumerate(raw):
            values = validate_mapping(item, TERM_TABLES.get(kind, TERM), (kind, index), checker)
            if values is INVALID:
                continue
            earlier = [t for t in terms if t.id == values["id"]]
            if earlier:
                checker.error(
                    (kind, index, "id"),
                    f"{describe_value(values['id'])} staat al op regel {earlier[0].source.line};"
                    " kies een ander id",
                )
                continue
            if values["id"] in RESERVED_IDS.get(kind, ()):
                checker.error(
                    (kind, index, "id"),
                    f"{describe_value(values['id'])} is al in gebruik voor een vaste pagina;"
                    " kies een ander id",
                )
                continue
            terms.append(
                Term(
                    id=values["id"],
                    naam=values["naam"],
                    omschrijving=values.get("omschrijving", ""),
                    zoektermen=values.get("zoektermen", ()),
                    contact=values.get("contact", ""),
                    source=Source(shown, doc.line_of(kind, index)),
                )
            )
        lists[kind] = tuple(terms)
    return Taxonomy(**lists), declared
