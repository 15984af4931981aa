"""Rebuild only what an edit changed, for `serve`: the edited page is there in a moment.

`LiveBuild` keeps, between builds, the entry files it checked (`entry_files.EntryCache`:
a file is read again only when it changed; at the start, what `check` or `build` kept on
disk, `kept_checks`) and, per page of an activity or organisation,
the content that page shows (`entry_inputs`). After an edit it
1. renders only the entry pages whose inputs changed, removes those of deleted entries,
   and calls `pages_ready` (serve reloads the browser then);
2. writes every other output again, as a full build would (the listings, the search
   index, the open data, the overviews, the sitemap, ...), and removes files a full
   build would no longer make.
The folder is then byte for byte what a full build makes (tests/test_incremental.py).
Anything site-wide (site.yaml, taxonomie.yaml, zoekwoorden, the wijk outlines, content
pages, templates, the day) changes every page: then it builds in full, into a new folder
that replaces the old one at once, as `build` does.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import content_pages, kaart, kept_checks, outputs, pages, publish, render, urls, workers
from .build import BuildReport, build, build_day, check
from .entry_files import EntryCache
from .page_inputs import entry_inputs, site_key, template_stamp
from .search import compounds


@dataclass
class _Built:
    """What the last build left in the folder."""

    key: tuple[object, ...]
    inputs: dict[str, tuple[object, ...]]
    written: set[str]
    env: jinja2.Environment


@dataclass(frozen=True)
class LiveReport:
    report: BuildReport
    rendered: int
    """How many pages of entries were rendered (all of them after a full build)."""
    full: bool


class LiveBuild:
    """A site in `output_dir`, kept up to date with the content by rebuilding what changed."""

    def __init__(
        self,
        content_dir: Path,
        output_dir: Path,
        templates_dir: Path,
        day: Callable[[], dt.date] = build_day,
    ) -> None:
        self.content_dir = content_dir
        self.output_dir = output_dir
        self.templates_dir = templates_dir
        self.day = day
        self.cache: EntryCache = kept_checks.load(content_dir)  # what check or build kept
        self._built: _Built | None = None

    def build(self, pages_ready: Callable[[], None] = lambda: None) -> LiveReport:
        """Bring the folder up to date; raises BuildFailed (the folder stays as it was).
        `pages_ready` is called when the changed pages are in place, before the rest
        (never after a full build: then everything is in place at once)."""
        started = time.perf_counter()
        today = self.day()
        site, diags = check(self.content_dir, today=today, cache=self.cache)
        key = site_key(site, template_stamp(self.templates_dir), today)
        built = self._built
        self._built = None  # until this build is done: a failure below means build in full
        if built is None or built.key != key or not self.output_dir.is_dir():
            report = build(self.content_dir, self.output_dir, templates_dir=self.templates_dir,
                           today=today, checked=(site, diags))  # fmt: skip
            env = render.make_environment(self.templates_dir, site.config.aanspreekvorm)
            self._built = _Built(key, entry_inputs(site), set(report.written), env)
            return LiveReport(report, len(site.activities) + len(site.organisations), True)
        render.forget_cards(built.env)
        inputs = entry_inputs(site)
        extra = (kaart.map_page(site), *content_pages.plan(site))
        planned = pages.plan_pages(site, extra)
        changed = [
            p for p in planned if p.url in inputs and built.inputs.get(p.url) != inputs[p.url]
        ]
        writer = publish.Writer(self.output_dir, replace=True)
        render.render_pages(built.env, site, (plan.make() for plan in changed), writer)
        for url in built.inputs.keys() - inputs.keys():  # the pages of deleted entries
            _remove(self.output_dir, urls.output_path(url))
        pages_ready()

        rest = [p for p in planned if p.url not in inputs]
        processes = workers.for_size(len(planned))
        context = outputs.Context(site, built.env, self.templates_dir, today,
                                  compounds.word_list(), keep=True)  # fmt: skip
        steps = outputs.write_all(writer, context, planned, rest, processes)
        written = writer.written | {urls.output_path(url) for url in inputs} | {publish.MARKER}
        for stale in sorted(built.written - written):  # what a full build no longer makes
            _remove(self.output_dir, stale)
        self._built = _Built(key, inputs, written, built.env)
        report = BuildReport(len(site.organisations), len(site.activities), len(written), diags,
                             time.perf_counter() - started, steps=tuple(steps),
                             processes=processes, written=frozenset(written))  # fmt: skip
        return LiveReport(report, len(changed), False)


def _remove(root: Path, relpath: str) -> None:
    """Remove a file of the site, and the folders it leaves empty."""
    path = root / relpath
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == root or not folder.is_relative_to(root):
            break
        try:
            folder.rmdir()
        except OSError:  # not empty
            break
