"""Checking the entry files (organisaties/, activiteiten/): one at a time, on workers, or not
at all when `serve` saw the same file checked against the same content before.

`check_entries` checks every file against `Entries` (what the rest of the content says:
the taxonomy, the organisations that exist, site.yaml's settings) and returns the entries
without errors, in file order, with every diagnostic in the `Diagnostics` of the run.
With an `EntryCache` a file is read again only when its stamp (inode, size, times) or the
`Entries` changed; the cached result is the very same object, so `incremental` can tell
what an edit touched.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from . import markup, placeholders, plain_language, workers
from .checks import INVALID, Checker, report_markdown
from .diagnostics import Diagnostic, Diagnostics, display_path
from .freshness import Review
from .frontmatter import parse_markdown_file
from .model import Activity, Organisation, Source, Toegang
from .schema import ACTIVITY, ORGANISATION, validate_mapping
from .site_config import WritingGuide
from .sources import ContentFolder

FILES_PER_TASK = 500  # entry files checked by one task of `workers`

Entry = Organisation | Activity
Checked = tuple[Entry | None, list[Diagnostic]]
Stamp = tuple[int, ...]


@dataclass(frozen=True)
class Entries:
    """What checking one entry file needs to know of the rest of the content."""

    source: ContentFolder
    taxonomy_ids: dict[str, set[str]]
    org_slugs: set[str]
    review: Review
    guide: WritingGuide
    form: str

    def organisation(self, path: Path, diags: Diagnostics) -> Organisation | None:
        return self._entry(path, diags, ORGANISATION, "naam", _organisation)

    def activity(self, path: Path, diags: Diagnostics) -> Activity | None:
        return self._entry(path, diags, ACTIVITY, "titel", _activity)

    def _entry(
        self,
        path: Path,
        diags: Diagnostics,
        table: dict[str, Any],
        title_key: str,
        make: Callable[..., Entry | None],
    ) -> Any:
        """Check one file against `table`, warn about its plain language, make its entry."""
        checked = check_entry(self.source, path, diags, table, self.taxonomy_ids, self.org_slugs)
        if not checked:
            return None
        warn_plain_language(checked, title_key, self.guide, self.form)
        return make(path.stem, *checked, self.review)


@dataclass
class EntryCache:
    """The entry files of the last run, for `serve`: path -> (stamp, entry, diagnostics)."""

    entries: Entries | None = None
    files: dict[Path, tuple[Stamp, Entry | None, list[Diagnostic]]] = field(default_factory=dict)
    checked: int = 0
    """How many files the last run checked (the others came from the cache)."""


def check_entries(
    entries: Entries,
    org_files: list[Path],
    activity_files: list[Path],
    diags: Diagnostics,
    processes: int | None = None,
    cache: EntryCache | None = None,
) -> tuple[list[Organisation], list[Activity]]:
    """Check every entry file (on `processes` workers; by default every core, from
    workers.WORTH_IT_FROM files); the organisations and activities without errors."""
    jobs: list[tuple[Callable[[Path, Diagnostics], Entry | None], Path]] = [
        *((entries.organisation, path) for path in org_files),
        *((entries.activity, path) for path in activity_files),
    ]
    if cache is not None and cache.entries != entries:
        cache.entries, cache.files = entries, {}  # checked against other content: all again
    known = cache.files if cache is not None else {}
    results: list[Checked | None] = [None] * len(jobs)
    stamps: dict[int, Stamp | None] = {}
    for index, (_check, path) in enumerate(jobs):
        stamp = _stamp(path) if cache is not None else None
        seen = known.get(path)
        if stamp is not None and seen is not None and seen[0] == stamp:
            results[index] = seen[1], seen[2]
        else:
            stamps[index] = stamp
    todo = sorted(stamps)
    if processes is None:
        processes = workers.for_size(len(todo))
    slices = [todo[i : i + FILES_PER_TASK] for i in range(0, len(todo), FILES_PER_TASK)]
    tasks = [partial(_check_slice, [jobs[i] for i in part]) for part in slices]
    for part, (checked, rendered) in zip(slices, workers.run(tasks, processes), strict=True):
        markup.remember(rendered)
        for index, result in zip(part, checked, strict=True):
            results[index] = result
    if cache is not None:
        cache.checked = len(todo)
        cache.files = {path: known[path] for _check, path in jobs if path in known}
        for index in todo:
            if (stamp := stamps[index]) is not None:
                cache.files[jobs[index][1]] = (stamp, *results[index])  # type: ignore[misc]
    organisations: list[Organisation] = []
    activities: list[Activity] = []
    for result in results:
        entry, found = result  # type: ignore[misc]
        diags.extend(found)
        if isinstance(entry, Organisation):
            organisations.append(entry)
        elif entry is not None:
            activities.append(entry)
    return organisations, activities


def _stamp(path: Path) -> Stamp | None:
    """What changes when a file is saved, replaced or swapped for a link; None if unknown."""
    try:
        link, real = os.lstat(path), os.stat(path)
    except OSError:
        return None
    return (link.st_ino, link.st_mtime_ns, real.st_ino, real.st_dev, real.st_size,
            real.st_mtime_ns, real.st_ctime_ns)  # fmt: skip


def _check_slice(
    jobs: list[tuple[Callable[[Path, Diagnostics], Entry | None], Path]],
) -> tuple[list[Checked], dict[str, markup.Rendered]]:
    """One task: check these entry files; per file its entry (None with errors) and its
    diagnostics, and the descriptions as the checks rendered them (for the pages)."""
    checked: list[Checked] = []
    for check, path in jobs:
        diags = Diagnostics()
        checked.append((check(path, diags), diags.items))
    rendered = {e.beschrijving: markup.render(e.beschrijving) for e, _ in checked if e is not None}
    return checked, rendered


def warn_plain_language(
    checked: tuple[Checker, dict[str, Any]], title_key: str, guide: WritingGuide, form: str
) -> None:
    """The B1 warnings of one checked entry: its title (`title_key`) and description."""
    checker, values = checked
    title = (title_key, values[title_key], checker.doc.line_of(title_key))
    plain_language.report(checker.diags, checker.path, guide, title, checker.doc.body,
                          checker.doc.body_line, form)  # fmt: skip


def check_entry(
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
