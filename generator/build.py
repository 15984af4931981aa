"""The whole pipeline, top to bottom: content -> checked model -> site -> pages -> output.

    1 load_content   read and validate every file (all problems, never stop early)
    2 assemble       resolve references, reverse listings, corpus-level warnings
    3 decide         stop here on errors (or warnings with --strict); nothing written yet
    4 plan_pages     which pages exist, with their URL, template and data (`pages`)
    5 publish        write every output into a staging directory, swap it into output/

The outputs of step 5 are one visible list in `build`: a new export is one more entry.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import (
    agenda,
    assets,
    content_pages,
    front_matter_cms,
    json_schemas,
    kaart,
    opendata,
    pages,
    publish,
    render,
    search,
    wegwijzer,
)
from .assemble import Site, assemble
from .diagnostics import BuildFailed, Diagnostics
from .loader import load_content
from .opendata.page import open_data_page
from .overview_pages import plan as overview_plan
from .search import compounds

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
    notes: tuple[str, ...] = ()
    """What the person who builds should know about this machine (in Dutch)."""
    steps: tuple[tuple[str, float], ...] = ()
    """Seconds per step of the build, in order, for the benchmark (bench/run.py)."""


def build_day() -> dt.date:
    """The day of the build: freshness (warnings, and /overzicht/analyse/) counts from it."""
    return dt.datetime.now(dt.UTC).date()


def check(
    content_dir: Path, strict: bool = False, today: dt.date | None = None
) -> tuple[Site, Diagnostics]:
    """Phases 1-3: load, assemble and decide. Raises BuildFailed."""
    diags = Diagnostics()
    content = load_content(content_dir, diags, today or build_day())
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
    steps = [("inhoud lezen en controleren", time.perf_counter() - started)]
    lap = time.perf_counter()

    words = compounds.word_list()
    notes = () if words else (compounds.missing_word_list(),)
    env = render.make_environment(templates_dir, site.config.aanspreekvorm)
    downloads = opendata.downloads(site)
    steps.append(("open data maken", time.perf_counter() - lap))
    lap = time.perf_counter()
    overview_pages, overview_files = overview_plan(site, today or build_day())
    extra = (
        *overview_pages,
        kaart.map_page(site),
        open_data_page(site, downloads),
        *content_pages.plan(site),
    )
    planned = pages.plan_pages(site, extra)
    steps.append(("pagina's plannen (met de QR-codes)", time.perf_counter() - lap))
    advance = progress(len(planned)) if progress else None
    outputs: tuple[tuple[str, Callable[[publish.Writer], None]], ...] = (
        ("pagina's", lambda w: render.render_pages(env, site, planned, w, advance)),
        ("sitemap en robots.txt", lambda w: render.write_sitemap(env, site, planned, w)),
        ("gegevens van de wegwijzer", lambda w: wegwijzer.write_data(site, w)),
        ("agenda's (iCalendar)", lambda w: agenda.write_calendars(site, w)),
        ("open data", lambda w: opendata.write(downloads, w)),
        ("overzichten als CSV", lambda w: [w.write(p, d) for p, d in overview_files.items()]),
        ("wijkgrenzen voor de achtergrondkaart", lambda w: kaart.write_outlines(site, w)),
        ("zoekindex", lambda w: search.write_index(site, w, words)),
        ("schema's voor editors", lambda w: json_schemas.write(site, w)),
        ("Front Matter CMS", lambda w: front_matter_cms.write(site, w)),
        (
            "opmaak, scripts en bibliotheken",
            lambda w: assets.copy_assets(
                templates_dir,
                DEFAULT_NODE_MODULES,
                w,
                with_map=kaart.has_background(site),
                form=site.config.aanspreekvorm,
            ),
        ),
    )
    with publish.staging(output_dir) as writer:
        for name, write in outputs:
            lap = time.perf_counter()
            write(writer)
            steps.append((name, time.perf_counter() - lap))
        lap = time.perf_counter()
    steps.append(("publiceren", time.perf_counter() - lap))
    files = len(writer.written)  # with the marker that publishing adds

    return BuildReport(
        organisations=len(site.organisations),
        activities=len(site.activities),
        files=files,
        diagnostics=diags,
        seconds=time.perf_counter() - started,
        notes=notes,
        steps=tuple(steps),
    )
