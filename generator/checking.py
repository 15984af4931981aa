"""Phases 1-3 of the pipeline (see `build`): read and check the content, assemble the site,
and decide whether it may be built. `check` is all that `sociale-kaart check` runs, so
this module does not import what writes the site (templates, search index, open data)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import kept_checks
from .assemble import Site, assemble
from .diagnostics import BuildFailed, Diagnostics
from .entry_files import EntryCache
from .loader import load_content


def build_day() -> dt.date:
    """The day of the build: freshness (warnings, and /overzicht/analyse/) counts from it."""
    return dt.datetime.now(dt.UTC).date()


def check(
    content_dir: Path,
    strict: bool = False,
    today: dt.date | None = None,
    processes: int | None = None,
    cache: EntryCache | None = None,
    keep: bool = True,
) -> tuple[Site, Diagnostics]:
    """Phases 1-3: load, assemble and decide. Raises BuildFailed. Only the entry files that
    changed since the last check are read again: since the one kept on disk (`kept_checks`,
    unless `keep` is False), or since the one in `cache` (serve)."""
    diags = Diagnostics()
    kept = cache is None and keep
    if kept:
        cache = kept_checks.load(content_dir)
    content = load_content(content_dir, diags, today or build_day(), processes, cache)
    if kept:
        kept_checks.save(cache, content_dir)  # type: ignore[arg-type] # loaded above
    site = assemble(content, diags)
    if site is None or diags.failed(strict):
        raise BuildFailed(diags, strict)
    return site, diags
