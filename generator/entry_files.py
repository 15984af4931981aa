"""Checking the entry files (organisaties/, activiteiten/): one at a time, on workers, or not
at all when the same file was checked against the same content before.

`check_entries` checks every file against `Entries` (what the rest of the content says:
the taxonomy, the organisations that exist, site.yaml's settings) and returns the entries
without errors, in file order, with every diagnostic in the `Diagnostics` of the run.
With an `EntryCache` (in memory for `serve`, on disk for `check` and `build` through
`kept_checks`) a file is read and checked again only when the `Entries` changed or the
file did: its stamp (inode, size, times) is the same as when it was checked, or else the
sha256 of its bytes is. A stamp is trusted only when the file was saved at least
RACY_SECONDS before it was taken, as git does: a save within the same tick of the
clock leaves the same stamp. A cached result is the very same object, so `incremental`
can tell what an edit touched.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, cast

from . import entry_check, markup, workers
from .diagnostics import Diagnostic, Diagnostics, display_path
from .freshness import Review
from .frontmatter import decode
from .model import Activity, Organisation
from .schema import ACTIVITY, ORGANISATION
from .site_config import WritingGuide
from .sources import ContentFolder

FILES_PER_TASK = 500  # entry files checked by one task of `workers`
RACY_SECONDS = 2  # a stamp younger than this may not tell two saves apart

Entry = Organisation | Activity
Stamp = tuple[int, ...]


class Checked(NamedTuple):
    """One entry file as it was checked: its entry (None with errors), its diagnostics,
    the sha256 of the bytes read (None if unreadable) and its description rendered."""

    entry: Entry | None
    diagnostics: list[Diagnostic]
    digest: bytes | None
    rendered: markup.Rendered | None


@dataclass(frozen=True)
class Entries:
    """What checking one entry file needs to know of the rest of the content."""

    source: ContentFolder
    taxonomy_ids: dict[str, set[str]]
    org_slugs: set[str]
    review: Review
    guide: WritingGuide
    form: str

    def organisation(self, path: Path, diags: Diagnostics) -> tuple[Entry | None, bytes | None]:
        return self._entry(path, diags, ORGANISATION, "naam", entry_check.organisation)

    def activity(self, path: Path, diags: Diagnostics) -> tuple[Entry | None, bytes | None]:
        return self._entry(path, diags, ACTIVITY, "titel", entry_check.activity)

    def _entry(
        self,
        path: Path,
        diags: Diagnostics,
        table: dict[str, Any],
        title_key: str,
        make: Callable[..., Entry | None],
    ) -> tuple[Entry | None, bytes | None]:
        """Check one file against `table`, warn about its plain language, make its entry;
        with the sha256 of the bytes that were checked."""
        data = self.source.read_bytes(path, diags)
        if data is None:
            return None, None
        text = decode(data, display_path(path), diags)
        checked = entry_check.check_text(
            text, path, diags, table, self.taxonomy_ids, self.org_slugs, self.source
        )
        if not checked:
            return None, _digest(data)
        entry_check.warn_plain_language(checked, title_key, self.guide, self.form)
        return make(path.stem, *checked, self.review), _digest(data)


@dataclass
class EntryCache:
    """The entry files of the last run: path -> (stamp or None, what its check found)."""

    entries: Entries | None = None
    files: dict[str, tuple[Stamp | None, Checked]] = field(default_factory=dict)
    """By path as a string: a pickle of it loads faster (`kept_checks`)."""
    checked: int = 0
    """How many files the last run checked (the others came from the cache)."""
    changed: bool = False
    """Whether the last run changed what is cached (`kept_checks` then saves it)."""


Job = tuple[Callable[[Path, Diagnostics], tuple[Entry | None, bytes | None]], Path]


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
    jobs: list[Job] = [
        *((entries.organisation, path) for path in org_files),
        *((entries.activity, path) for path in activity_files),
    ]
    cache = cache if cache is not None else EntryCache()
    known = cache.files if cache.entries == entries else {}  # else checked against other content
    results: list[Checked | None] = [None] * len(jobs)
    stamps = [_stamp(path) for _check, path in jobs]
    todo: list[int] = []
    for index, (_check, path) in enumerate(jobs):
        seen = known.get(os.fspath(path))
        if seen is not None and _unchanged(entries, path, stamps[index], seen):
            results[index] = seen[1]
        else:
            todo.append(index)
    if processes is None:
        processes = workers.for_size(len(todo))
    slices = [todo[i : i + FILES_PER_TASK] for i in range(0, len(todo), FILES_PER_TASK)]
    tasks = [partial(_check_slice, [jobs[i] for i in part]) for part in slices]
    for part, checked in zip(slices, workers.run(tasks, processes), strict=True):
        for index, result in zip(part, checked, strict=True):
            results[index] = result
    done = cast(list[Checked], results)  # every index is either known or in todo
    files = {os.fspath(path): (stamp, result)
             for (_check, path), stamp, result in zip(jobs, stamps, done, strict=True)}  # fmt: skip
    cache.changed = files != known or cache.entries != entries
    cache.entries, cache.files, cache.checked = entries, files, len(todo)
    markup.remember({r.entry.beschrijving: r.rendered for r in done if r.entry and r.rendered})
    organisations: list[Organisation] = []
    activities: list[Activity] = []
    for result in done:
        diags.extend(result.diagnostics)
        if isinstance(result.entry, Organisation):
            organisations.append(result.entry)
        elif result.entry is not None:
            activities.append(result.entry)
    return organisations, activities


def _unchanged(
    entries: Entries, path: Path, stamp: Stamp | None, seen: tuple[Stamp | None, Checked]
) -> bool:
    """Whether `path` holds what was checked: the same trusted stamp, or the same bytes."""
    if stamp is not None and stamp == seen[0]:
        return True
    if seen[1].digest is None:
        return False
    data = entries.source.read_bytes(path, Diagnostics())
    return data is not None and _digest(data) == seen[1].digest


def _stamp(path: Path) -> Stamp | None:
    """What changes when a file is saved, replaced or swapped for a link; None if unknown,
    or if the file was saved too recently to tell (RACY_SECONDS)."""
    try:
        link, real = os.lstat(path), os.stat(path)
    except OSError:
        return None
    settled = time.time_ns() - RACY_SECONDS * 1_000_000_000
    if max(link.st_mtime_ns, link.st_ctime_ns, real.st_mtime_ns, real.st_ctime_ns) > settled:
        return None
    return (link.st_ino, link.st_mtime_ns, real.st_ino, real.st_dev, real.st_size,
            real.st_mtime_ns, real.st_ctime_ns)  # fmt: skip


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _check_slice(jobs: list[Job]) -> list[Checked]:
    """One task: check these entry files; per file what its check found, with the
    description as the checks rendered it (for the pages: without its blocks)."""
    checked: list[Checked] = []
    for check, path in jobs:
        diags = Diagnostics()
        entry, digest = check(path, diags)
        rendered = markup.render(entry.beschrijving) if entry is not None else None
        if rendered is not None:
            rendered = replace(rendered, blocks=None)  # only the checks read them
        checked.append(Checked(entry, diags.items, digest, rendered))
    return checked
