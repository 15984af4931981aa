"""content/zoekwoorden.yaml: the municipality's own search vocabulary.

Groups of words that belong together in the language of professionals and
residents ("schuldhulpverlening", "schulden", "schuldhulp"): an entry that has one
of them is found by the others too (search/documents.py adds them to its
synonyms field). The file is optional and validated like every content file.
"""

from __future__ import annotations

from pathlib import Path

from .checks import INVALID, Checker
from .diagnostics import Diagnostics, display_path
from .frontmatter import decode, parse_yaml
from .schema import ZOEKWOORDEN, validate_mapping

FILE = "zoekwoorden.yaml"


def load(content_dir: Path, diags: Diagnostics) -> tuple[tuple[str, ...], ...]:
    """The word groups, or none when the file is missing or has errors (reported)."""
    path = content_dir / FILE
    if not path.exists():
        return ()
    shown = display_path(path)
    text = decode(path.read_bytes(), shown, diags)
    doc = parse_yaml(text, shown, diags) if text is not None else None
    if doc is None:
        return ()
    values = validate_mapping(doc.data, ZOEKWOORDEN, (), Checker(shown, doc, diags))
    return () if values is INVALID else values["groepen"]
