"""The whole pipeline, top to bottom: content -> checked model -> site -> pages -> output.

    1 load_content   read and validate every file (all problems, never stop early)
    2 assemble       resolve references, reverse listings, corpus-level warnings
    3 decide         stop here on errors (or warnings with --strict); nothing written yet
    4 plan_pages     which pages exist, with their URL, template and data (`pages`)
    5 publish        write every output into a staging directory, swap it into output/;
                     the outputs are tasks, shared out over the cores (`workers`)

The outputs of step 5 are one visible list in `build`: a new export is one more entry.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

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
    workers,
)
from .assemble import Site, assemble
from .diagnostics import BuildFailed, Diagnostics
from .loader import load_content
from .opendata.page import open_data_page
from .overview_pages import plan as overview_plan
from .page import PagePlan
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
    """Seconds per step of the build, in order, for the benchmark (bench/steps.py); the
    steps that ran on workers count the seconds of every worker."""
    processes: int = 1
    """How many processes wrote the output."""


def build_day() -> dt.date:
    """The day of the build: freshness (warnings, and /overzicht/analyse/) counts from it."""
    return dt.datetime.now(dt.UTC).date()


def check(
    content_dir: Path,
    strict: bool = False,
    today: dt.date | None = None,
    processes: int | None = None,
) -> tuple[Site, Diagnostics]:
    """Phases 1-3: load, assemble and decide. Raises BuildFailed."""
    diags = Diagnostics()
    content = load_content(content_dir, diags, today or build_day(), processes)
    site = assemble(content, diags)
    if site is None or diags.failed(strict):
        raise BuildFailed(diags, strict)
    return site, diags


PAGES_PER_TASK = 250  # small enough to share the pages out evenly, big enough to be cheap
AUTO_WORKERS_FROM = 1000  # pages: below this, forking workers costs more than it saves


def build(
    content_dir: Path,
    output_dir: Path,
    strict: bool = False,
    templates_dir: Path | None = None,
    today: dt.date | None = None,
    progress: Callable[[int], Callable[[int], None]] | None = None,
    processes: int | None = None,
) -> BuildReport:
    """Build the site into `output_dir`. On any failure `output_dir` is left untouched.

    `processes`: how many worker processes write the output (`workers`); by default
    every core, for a site of AUTO_WORKERS_FROM pages or more. The output is the same."""
    started = time.perf_counter()
    templates_dir = templates_dir or DEFAULT_TEMPLATES
    publish.check_output_dir(output_dir, [content_dir, templates_dir, PROJECT_DIR])
    site, diags = check(content_dir, strict, today, processes)
    steps = [("inhoud lezen en controleren", time.perf_counter() - started)]
    lap = time.perf_counter()

    words = compounds.word_list()
    notes = () if words else (compounds.missing_word_list(),)
    env = render.make_environment(templates_dir, site.config.aanspreekvorm)
    extra = (kaart.map_page(site), *content_pages.plan(site))
    planned = pages.plan_pages(site, extra)
    steps.append(("pagina's plannen", time.perf_counter() - lap))
    if processes is None:
        processes = workers.available() if len(planned) >= AUTO_WORKERS_FROM else 1
    advance = progress(len(planned) + 1) if progress else None
    outputs: list[tuple[str, Callable[[publish.Writer], Any]]] = [
        ("zoekindex", lambda w: search.write_index(site, w, words)),  # the longest tasks first
        ("open data", lambda w: opendata.write(site, w)),
        ("overzichten", partial(_overviews, env, site, today or build_day())),
        *(
            ("pagina's", partial(_render_slice, env, site, planned[i : i + PAGES_PER_TASK]))
            for i in range(0, len(planned), PAGES_PER_TASK)
        ),
        ("gegevens van de wegwijzer", lambda w: wegwijzer.write_data(site, w)),
        ("agenda's (iCalendar)", lambda w: agenda.write_calendars(site, w)),
        ("wijkgrenzen voor de achtergrondkaart", lambda w: kaart.write_outlines(site, w)),
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
    ]
    with publish.staging(output_dir) as writer:
        render.preload(env)  # compiled once, here, for every worker
        tasks = [_task(writer.root, name, write) for name, write in outputs]

        def finished(_index: int, result: _Done) -> None:
            if advance and result.value is not None and result.name == "pagina's":
                advance(result.value)

        results = workers.run(tasks, processes, finished)
        lap = time.perf_counter()
        for result in results:
            writer.adopt(result.written)
        # The /open-data/ page lists the downloads with their sizes: made once they exist.
        value = {result.name: result.value for result in results}  # of the one-task steps
        data_page = open_data_page(site, value["open data"])
        render.render_pages(env, site, [data_page], writer, advance)
        listed = [p.url for p in (*planned, data_page) if p.in_sitemap]
        render.write_sitemap(env, site, [*listed, *value["overzichten"]], writer)
        steps += _seconds_per_step(results)
        steps.append(("de pagina open data en de sitemap", time.perf_counter() - lap))
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
        processes=processes,
    )


@dataclass(frozen=True)
class _Done:
    """What a task did: the step it belongs to, the files it wrote, its seconds, its value."""

    name: str
    written: tuple[str, ...]
    seconds: float
    value: Any


def _task(root: Path, name: str, write: Callable[[publish.Writer], Any]) -> Callable[[], _Done]:
    """One output as a task for `workers`: it writes below `root` with a Writer of its own."""

    def run() -> _Done:
        started = time.perf_counter()
        writer = publish.Writer(root)
        value = write(writer)
        return _Done(name, tuple(sorted(writer.written)), time.perf_counter() - started, value)

    return run


def _overviews(env: Any, site: Site, today: dt.date, writer: publish.Writer) -> list[str]:
    """The overview pages and their CSV tables (`overview_pages`); the URLs for the sitemap."""
    overview_pages, tables = overview_plan(site, today)
    render.render_pages(env, site, overview_pages, writer)
    for path, data in tables.items():
        writer.write(path, data)
    return [page.url for page in overview_pages if page.in_sitemap]


def _render_slice(env: Any, site: Site, plans: list[PagePlan], writer: publish.Writer) -> int:
    """Make and render a slice of the planned pages; how many it rendered."""
    render.render_pages(env, site, (plan.make() for plan in plans), writer)
    return len(plans)


def _seconds_per_step(results: list[_Done]) -> list[tuple[str, float]]:
    """The seconds of the tasks per step (summed over workers), in the order of `outputs`."""
    seconds: dict[str, float] = {}
    for result in results:
        seconds[result.name] = seconds.get(result.name, 0.0) + result.seconds
    return list(seconds.items())
