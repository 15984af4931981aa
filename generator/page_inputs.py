"""What the page of an activity or organisation depends on: the one definition that
`serve` (`incremental`) and `build` (`kept_pages`) use to decide that a page is unchanged.

A page of an entry shows its `entry_inputs`, and what `site_key` covers for every page.
When both are equal, the page is byte for byte the same (tests/test_incremental.py and
tests/test_kept_pages.py build after each kind of edit and compare with a full build).
"""

from __future__ import annotations

import os
from pathlib import Path

from . import urls
from .assemble import Site


def entry_inputs(site: Site) -> dict[str, tuple[object, ...]]:
    """Per page of an entry (by URL), the content it shows apart from what `site_key`
    covers: an activity with its organisation and partners; an organisation with the
    activities it lists, each with its own organisation (their cards name it)."""
    inputs: dict[str, tuple[object, ...]] = {}
    for a in site.activities:
        related = (site.organisation(slug) for slug in (a.organisatie, *a.partners))
        inputs[urls.activity(a.slug)] = (a, *related)
    for org in site.organisations:
        listed = site.activities_of(org.slug)
        inputs[urls.organisation(org.slug)] = (org, *((a, site.organisation(a.organisatie))
                                                       for a in listed))  # fmt: skip
    return inputs


def site_key(site: Site, templates: object, today: object) -> tuple[object, ...]:
    """What every page shows or depends on, with `templates` standing for the templates:
    when it changes, every page is made again."""
    return (site.config, site.taxonomy, site.zoekwoorden, site.boundaries, site.pages,
            templates, today)  # fmt: skip


def template_files(templates_dir: Path) -> list[Path]:
    """Every template and static file, in a stable order."""
    found = []
    for folder, _dirs, files in os.walk(templates_dir):
        found += [Path(folder, name) for name in files]
    return sorted(found)


def template_stamp(templates_dir: Path) -> tuple[object, ...]:
    """Every template and static file with its size and time: changes when one is saved."""
    found = []
    for path in template_files(templates_dir):
        stat = path.stat()
        found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(found)
