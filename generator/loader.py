"""Walk content/ and turn every file into model objects, recording every problem.

Order matters only for references: taxonomie.yaml and the list of organisation
file names are read first, so activities can be checked against them. A file
with errors is left out of the model; the loader never stops early.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import boundaries, placeholders, urls, vocabulary
from .checks import INVALID, SLUG_RE, Checker, slugify
from .diagnostics import Diagnostics, display_path
from .entry_check import check_entry, warn_plain_language
from .entry_files import Entries, EntryCache, check_entries
from .freshness import Review
from .frontmatter import parse_yaml
from .model import (
    Content,
    ContentPage,
    SiteConfig,
    Source,
)
from .schema import (
    PAGINA,
    SITE,
    validate_mapping,
)
from .site_config import WritingGuide
from .sources import ContentFolder
from .taxonomy import load_taxonomy


def load_content(
    content_dir: Path,
    diags: Diagnostics,
    today: dt.date,
    processes: int | None = None,
    cache: EntryCache | None = None,
) -> Content:
    """Read and validate every content file under `content_dir`. The entry files are
    checked by `entry_files` (on `processes` workers; with `cache`, only what changed)."""
    source = ContentFolder(content_dir)
    org_files = _entry_files(source, content_dir / "organisaties", diags)
    activity_files = _entry_files(source, content_dir / "activiteiten", diags)
    org_slugs = {path.stem for path in org_files}

    taxonomy, taxonomy_ids = load_taxonomy(source, content_dir / "taxonomie.yaml", diags, org_slugs)
    site = _load_site(source, content_dir / "site.yaml", diags, org_slugs)

    config = site or SiteConfig("", "", "")  # the defaults, when site.yaml has errors
    review = Review(today, config.nakijken_na_maanden)
    entries = Entries(source, taxonomy_ids, org_slugs, review, config.schrijfwijzer,
                      config.aanspreekvorm)  # fmt: skip
    organisations, activities = check_entries(
        entries, org_files, activity_files, diags, processes, cache
    )
    guide, form = config.schrijfwijzer, config.aanspreekvorm
    pages = _content_pages(source, content_dir / "paginas", diags, guide, form)
    zoekwoorden = vocabulary.load(source, diags)
    wijk_ids = taxonomy_ids.get("wijken")  # None: taxonomie.yaml did not load
    outlines = boundaries.load(source, diags, wijk_ids) if wijk_ids is not None else ()
    return Content(
        site, taxonomy, tuple(organisations), tuple(activities), zoekwoorden, outlines, pages
    )


def _content_pages(
    source: ContentFolder, folder: Path, diags: Diagnostics, guide: WritingGuide, form: str
) -> tuple[ContentPage, ...]:
    """content/paginas/, if there is one: each page at /<slug>/, where the site has none."""
    if not folder.exists():
        return ()
    pages = []
    taken = urls.generated_roots()
    for path in _entry_files(source, folder, diags):
        shown = display_path(path)
        if path.stem in taken:
            diags.error(
                shown,
                1,
                "",
                f"deze pagina zou op /{path.stem}/ komen, maar daar staat al een deel van de"
                " site; kies een andere bestandsnaam",
            )
            continue
        checked = check_entry(source, path, diags, PAGINA, {}, set())
        if checked:
            checker, values = checked
            warn_plain_language(checked, "titel", guide, form)
            pages.append(ContentPage(path.stem, values["titel"], checker.doc.body,
                                     Source(shown, 1), values.get("menu", False)))  # fmt: skip
    return tuple(pages)


def _entry_files(source: ContentFolder, folder: Path, diags: Diagnostics) -> list[Path]:
    """The .md files of a folder whose names are valid slugs, sorted."""
    files = []
    for path in source.entry_files(folder, diags):
        if not SLUG_RE.match(path.stem):
            diags.error(
                display_path(path),
                1,
                "",
                f"bestandsnaam '{path.name}' mag alleen kleine letters, cijfers en koppeltekens"
                f" bevatten; noem het bijvoorbeeld '{slugify(path.stem)}.md'",
            )
        else:
            files.append(path)
    return files


def _load_site(
    source: ContentFolder, path: Path, diags: Diagnostics, org_slugs: set[str]
) -> SiteConfig | None:
    text = source.read(path, diags)
    doc = parse_yaml(text, display_path(path), diags) if text is not None else None
    if doc is None:
        return None
    for key in placeholders.unfilled(doc.data):
        diags.warning(display_path(path), doc.line_of(key), key, placeholders.SITE_MESSAGE)
    checker = Checker(
        display_path(path),
        doc,
        diags,
        organisation_slugs=org_slugs,
        content_dir=display_path(source.root),
    )
    values = validate_mapping(doc.data, SITE, (), checker)
    if values is INVALID:
        return None
    return SiteConfig(**values)
