"""The whole pipeline, top to bottom: content -> checked model -> site -> pages -> output.

    1 load_content   read and validate every file (all problems, never stop early)
    2 assemble       resolve references, reverse listings, corpus-level warnings
    3 decide         stop here on errors (or warnings with --strict); nothing written yet
    4 plan_pages     which pages exist, with their URL, template and data
    5 publish        render into a staging directory, copy assets, swap into output/
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import assets, publish, render, search, wegwijzer
from .assemble import Site, assemble
from .diagnostics import BuildFailed, Diagnostics
from .loader import load_content

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_TEMPLATES = PROJECT_DIR / "templates"
DEFAULT_NODE_MODULES = PROJECT_DIR / "node_modules"


@dataclass(frozen=True)
class BuildReport:
    organisations: int
    activities: int
    files: int  # every file written: pages, sitemap, data, styles, scripts
    diagnostics: Diagnostics
    seconds: float


def check(
    content_dir: Path, strict: bool = False, today: dt.date | None = None
) -> tuple[Site, Diagnostics]:
    """Phases 1-3: load, assemble and decide. Raises BuildFailed."""
    diags = Diagnostics()
    content = load_content(content_dir, diags, today or dt.datetime.now(dt.UTC).date())
    site = assemble(content, diags)
    if site is None or diags.failed(strict):
        raise BuildFailed(diags, strict)
    return site, diags


def build(
    content_dir: Path,
    output_dir: Path,
    strict: bool = False,
    templates_dir: Path | None = None,
    today: dt.date | None = None,
    progress: Callable[[int], Callable[[int], None]] | None = None,
) -> BuildReport:
    """Build the site into `output_dir`. On any failure `output_dir` is left untouched."""
    started = time.perf_counter()
    templates_dir = templates_dir or DEFAULT_TEMPLATES
    publish.check_output_dir(output_dir, [content_dir, templates_dir, PROJECT_DIR])
    site, diags = check(content_dir, strict, today)

    env = render.make_environment(templates_dir)
    pages = render.plan_pages(site)
    advance = progress(len(pages)) if progress else None
    with publish.staging(output_dir) as writer:
        render.render_pages(env, site, pages, writer, advance)
        wegwijzer.write_data(site, writer)
        search.write_index(site, writer)
        assets.copy_assets(templates_dir, DEFAULT_NODE_MODULES, writer)
        files = len(writer.written)

    return BuildReport(
        organisations=len(site.organisations),
        activities=len(site.activities),
        files=files,
        diagnostics=diags,
        seconds=time.perf_counter() - started,
    )
