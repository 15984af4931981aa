"""content/zoekwoorden.yaml: the municipality's own search vocabulary.

Groups of words that belong together in the language of professionals and
residents ("schuldhulpverlening", "schulden", "schuldhulp"): an entry that has one
of them is found by the others too (search/documents.py adds them to its
synonyms field). The file is optional and validated like every content file.
"""

from __future__ import annotations

from .checks import INVALID, Checker
from .diagnostics import Diagnostics, display_path
from .frontmatter import parse_yaml
from .schema import ZOEKWOORDEN, validate_mapping
from .sources import ContentFolder

FILE = "zoekwoorden.yaml"


def load(source: ContentFolder, diags: Diagnostics) -> tuple[tuple[str, ...], ...]:
    """The word groups, or none when the file is missing or has errors (reported)."""
    path = source.root / FILE
    if not source.exists(path):
        return ()
    shown = display_path(path)
    text = source.read(path, diags)
    doc = parse_yaml(text, shown, diags) if text is not None else None
    if doc is None:
        return ()
    values = validate_mapping(doc.data, ZOEKWOORDEN, (), Checker(shown, doc, diags))
    return () if values is INVALID else values["groepen"]
