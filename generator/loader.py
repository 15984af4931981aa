"""Walk content/ and turn every file into model objects, recording every problem.

Order matters only for references: taxonomie.yaml and the list of organisation
file names are read first, so activities can be checked against them. A file
with errors is left out of the model; the loader never stops early.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from . import boundaries, markup, placeholders, plain_language, urls, vocabulary, workers
from .checks import INVALID, SLUG_RE, Checker, report_markdown, slugify
from .diagnostics import Diagnostic, Diagnostics, display_path
from .freshness import Review
from .frontmatter import parse_markdown_file, parse_yaml
from .model import (
    Activity,
    Content,
    ContentPage,
    Organisation,
    SiteConfig,
    Source,
    Toegang,
)
from .schema import (
    ACTIVITY,
    ORGANISATION,
    PAGINA,
    SITE,
    validate_mapping,
)
from .site_config import WritingGuide
from .sources import ContentFolder
from .taxonomy import load_taxonomy

FILES_PER_TASK = 500  # entry files checked by one task of `workers`


def load_content(
    content_dir: Path, diags: Diagnostics, today: dt.date, processes: int | None = None
) -> Content:
    """Read and validate every content file under `content_dir`. The entry files are
    checked on `processes` workers (by default every core, from 1,000 files)."""
    source = ContentFolder(content_dir)
    org_files = _entry_files(source, content_dir / "organisaties", diags)
    activity_files = _entry_files(source, content_dir / "activiteiten", diags)
    org_slugs = {path.stem for path in org_files}

    taxonomy, taxonomy_ids = load_taxonomy(source, content_dir / "taxonomie.yaml", diags, org_slugs)
    site = _load_site(source, content_dir / "site.yaml", diags, org_slugs)

    config = site or SiteConfig("", "", "")  # the defaults, when site.yaml has errors
    entries = _Entries(source, taxonomy_ids, org_slugs, Review(today, config.nakijken_na_maanden),
                       config.schrijfwijzer, config.aanspreekvorm)  # fmt: skip
    if processes is None:
        processes = workers.available() if len(org_files) + len(activity_files) >= 1000 else 1
    tasks = [partial(_check_slice, entries.organisation, org_files[i : i + FILES_PER_TASK])
             for i in range(0, len(org_files), FILES_PER_TASK)]  # fmt: skip
    tasks += [partial(_check_slice, entries.activity, activity_files[i : i + FILES_PER_TASK])
              for i in range(0, len(activity_files), FILES_PER_TASK)]  # fmt: skip
    organisations: list[Organisation] = []
    activities: list[Activity] = []
    for loaded, found, rendered in workers.run(tasks, processes):
        diags.extend(found)
        markup.remember(rendered)
        for entry in loaded:
            (organisations if isinstance(entry, Organisation) else activities).append(entry)
    guide, form = config.schrijfwijzer, config.aanspreekvorm
    pages = _content_pages(source, content_dir / "paginas", diags, guide, form)
    zoekwoorden = vocabulary.load(source, diags)
    wijk_ids = taxonomy_ids.get("wijken")  # None: taxonomie.yaml did not load
    outlines = boundaries.load(source, diags, wijk_ids) if wijk_ids is not None else ()
    return Content(
        site, taxonomy, tuple(organisations), tuple(activities), zoekwoorden, outlines, pages
    )


@dataclass(frozen=True)
class _Entries:
    """What checking one entry file needs to know of the rest of the content."""

    source: ContentFolder
    taxonomy_ids: dict[str, set[str]]
    org_slugs: set[str]
    review: Review
    guide: WritingGuide
    form: str

    def organisation(self, path: Path, diags: Diagnostics) -> Organisation | None:
        checked = _check_entry(self.source, path, diags, ORGANISATION, self.taxonomy_ids,
                               self.org_slugs)  # fmt: skip
        if not checked:
            return None
        _plain_language(checked, "naam", self.guide, self.form)
        return _organisation(path.stem, *checked, self.review)

    def activity(self, path: Path, diags: Diagnostics) -> Activity | None:
        checked = _check_entry(self.source, path, diags, ACTIVITY, self.taxonomy_ids,
                               self.org_slugs)  # fmt: skip
        if not checked:
            return None
        _plain_language(checked, "titel", self.guide, self.form)
        return _activity(path.stem, *checked, self.review)


def _check_slice(
    check: Callable[[Path, Diagnostics], Organisation | Activity | None], paths: list[Path]
) -> tuple[list[Organisation | Activity], list[Diagnostic], dict[str, markup.Rendered]]:
    """One task: check these entry files. The entries without errors, all diagnostics, and
    their descriptions as rendered by the checks (so the pages need not render them again)."""
    diags = Diagnostics()
    loaded = [entry for path in paths if (entry := check(path, diags)) is not None]
    return loaded, diags.items, {e.beschrijving: markup.render(e.beschrijving) for e in loaded}


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
        checked = _check_entry(source, path, diags, PAGINA, {}, set())
        if checked:
            checker, values = checked
            _plain_language(checked, "titel", guide, form)
            pages.append(ContentPage(path.stem, values["titel"], checker.doc.body,
                                     Source(shown, 1), values.get("menu", False)))  # fmt: skip
    return tuple(pages)


def _plain_language(
    checked: tuple[Checker, dict[str, Any]], title_key: str, guide: WritingGuide, form: str
) -> None:
    """The B1 warnings of one checked entry: its title (`title_key`) and description."""
    checker, values = checked
    title = (title_key, values[title_key], checker.doc.line_of(title_key))
    plain_language.report(checker.diags, checker.path, guide, title, checker.doc.body,
                          checker.doc.body_line, form)  # fmt: skip


def _entry_files(source: ContentFolder, folder: Path, diags: Diagnostics) -> list[Path]:
    """The .md files of a folder whose names are valid slugs, sorted."""
    files = []
    for path in source.entry_files(folder, diags):
        shown = display_path(path)
        if not SLUG_RE.match(path.stem):
            diags.error(
                shown,
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


def _check_entry(
    source: ContentFolder,
    path: Path,
    diags: Diagnostics,
    table: dict[str, Any],
    taxonomy_ids: dict[str, set[str]],
    org_slugs: set[str],
) -> tuple[Checker, dict[str, Any]] | None:
    """Parse and validate one entry file; return its checker and values on success."""
    text = source.read(path, diags)
    shown = display_path(path)
    doc = parse_markdown_file(text, shown, diags) if text is not None else None
    if doc is None:
        return None
    unfilled = placeholders.unfilled(doc.data)
    for key in unfilled:
        diags.warning(shown, doc.line_of(key), key, placeholders.ENTRY_MESSAGE)
    if doc.body.lstrip().startswith(placeholders.PLACEHOLDER):
        diags.warning(shown, doc.body_line, "beschrijving", placeholders.ENTRY_MESSAGE)
        return None
    if unfilled:
        return None
    checker = Checker(shown, doc, diags, taxonomy_ids, org_slugs, display_path(source.root))
    values = validate_mapping(doc.data, table, (), checker)
    if not report_markdown(checker, doc.body, doc.body_line, "beschrijving"):
        return None
    if values is INVALID:
        return None
    return checker, values


def _organisation(
    slug: str, checker: Checker, values: dict[str, Any], review: Review
) -> Organisation:
    """Field names are attribute names: the schema's checkers already made each value."""
    review.check(checker, values.get("gecontroleerd"))
    return Organisation(
        slug=slug, beschrijving=checker.doc.body, source=Source(checker.path, 1), **values
    )


def _warn_missing(checker: Checker, values: dict[str, Any]) -> None:
    """Warnings for what a referrer needs and the activity does not say."""
    if not values.get("kosten"):
        checker.diags.warning(
            checker.path,
            1,
            "kosten",
            "de kosten ontbreken, dus de site zegt 'niet bekend'; schrijf wat het kost,"
            " of 'gratis' als het niets kost",
        )
    toegang = values.get("toegang")
    if toegang in (Toegang.VERWIJZING, Toegang.INDICATIE) and not values.get("verwijzers"):
        checker.diags.warning(
            checker.path,
            checker.doc.line_of("toegang"),
            "verwijzers",
            f"bij toegang '{toegang.value}' hoort wie kan verwijzen; zet ze in 'verwijzers',"
            " zoals [huisarts, wijkteam] (de lijst staat in taxonomie.yaml)",
        )
    if checker.taxonomy_ids.get("soorten") and not values.get("soorten"):
        checker.diags.warning(
            checker.path,
            1,
            "soorten",
            "zeg wat voor aanbod dit is, zodat het in het overzicht en bij 'Soort aanbod' staat;"
            " kies uit soorten in taxonomie.yaml, zoals [ontmoeting]",
        )


def _activity(
    slug: str, checker: Checker, values: dict[str, Any], review: Review
) -> Activity | None:
    """Field names are attribute names: the schema's checkers already made each value."""
    review.check(checker, values.get("gecontroleerd"))
    if values["organisatie"] in values.get("partners", ()):
        checker.error(("partners",), "de organisatie zelf hoeft niet ook bij partners")
        return None
    if values.get("locatie") and values.get("locaties"):
        checker.error(("locatie",), "kies locatie of locaties; zet de tekst als naam in locaties")
        return None
    if not checker.diags.has_errors_in(checker.path):
        _warn_missing(checker, values)
    return Activity(
        slug=slug, beschrijving=checker.doc.body, source=Source(checker.path, 1), **values
    )
