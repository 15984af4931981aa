"""Step 5 of the pipeline: every output of the site as a task, and publishing them all.

`tasks` is the one visible list of what a build writes: a new export is one more
entry. `write_all` runs the tasks on the worker processes (`workers`), each with a Writer
of its own on the same folder, and then writes what needs all of them: the /open-data/
page (it lists the downloads with their sizes) and the sitemap.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from . import (
    agenda,
    assets,
    front_matter_cms,
    json_schemas,
    kaart,
    kept_pages,
    opendata,
    publish,
    render,
    search,
    wegwijzer,
    workers,
)
from .assemble import Site
from .opendata.page import open_data_page
from .overview_pages import plan as overview_plan
from .page import PagePlan
from .search.compounds import WordList

PAGES_PER_TASK = 250  # small enough to share the pages out evenly, big enough to be cheap
SHARE_WITH_PAGES_FROM = 2000  # pages to render: from here, index and open data share a worker
INDEX_AND_DATA = "zoekindex en open data"  # that task's step
LINKS_PER_TASK = 1000  # pages linked from the old output per task
TAKEN = "pagina's van de vorige bouw overnemen"  # those tasks' step
NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"

Output = tuple[str, Callable[[publish.Writer], Any]]


@dataclass(frozen=True)
class Context:
    """What the outputs are made from."""

    site: Site
    env: jinja2.Environment
    templates_dir: Path
    today: dt.date
    words: WordList | None
    keep: bool = False
    """Reuse and keep what the builds before made (`search.kept_terms`)."""


def tasks(
    c: Context, render_these: list[PagePlan], taken: tuple[Path, list[str]] | None = None
) -> list[Output]:
    """Every output, the longest first; `render_these` are the pages to render, `taken`
    the files of pages to link from the old output instead (`kept_pages`)."""
    site = c.site
    old, take = taken or (Path(), [])
    index_and_data: list[Output] = (
        [(INDEX_AND_DATA, partial(_index_and_open_data, c))]
        if len(render_these) >= SHARE_WITH_PAGES_FROM
        else [
            ("zoekindex", lambda w: search.write_index(site, w, c.words, c.keep)),
            ("open data", lambda w: opendata.write(site, w)),
        ]  # fmt: skip
    )
    return [
        *index_and_data,
        ("overzichten", partial(_overviews, c)),
        *(
            ("pagina's", partial(_render_slice, c, render_these[i : i + PAGES_PER_TASK]))
            for i in range(0, len(render_these), PAGES_PER_TASK)
        ),
        *(
            (TAKEN, partial(kept_pages.link, old=old, paths=take[i : i + LINKS_PER_TASK]))
            for i in range(0, len(take), LINKS_PER_TASK)
        ),
        ("gegevens van de wegwijzer", lambda w: wegwijzer.write_data(site, w)),
        ("agenda's (iCalendar)", lambda w: agenda.write_calendars(site, w)),
        ("wijkgrenzen voor de achtergrondkaart", lambda w: kaart.write_outlines(site, w)),
        ("schema's voor editors", lambda w: json_schemas.write(site, w)),
        ("Front Matter CMS", lambda w: front_matter_cms.write(site, w)),
        (
            "opmaak, scripts en bibliotheken",
            lambda w: assets.copy_assets(
                c.templates_dir,
                NODE_MODULES,
                w,
                with_map=kaart.has_background(site),
                form=site.config.aanspreekvorm,
            ),
        ),
    ]


def write_all(
    writer: publish.Writer,
    c: Context,
    planned: list[PagePlan],
    render_these: list[PagePlan],
    processes: int,
    advance: Callable[[int], None] | None = None,
    taken: tuple[Path, list[str]] | None = None,
) -> list[tuple[str, float]]:
    """Write every output below `writer.root`, with the pages of `render_these` rendered
    and those of `taken` linked (the sitemap lists all of `planned`); the seconds per step."""
    render.preload(c.env)  # compiled once, here, for every worker
    run = [_task(writer, name, write) for name, write in tasks(c, render_these, taken)]

    def finished(_index: int, result: _Done) -> None:
        if advance and result.name in ("pagina's", TAKEN):
            advance(result.value)

    results = workers.run(run, processes, finished)
    lap = time.perf_counter()
    for result in results:
        writer.adopt(result.written)
    value = {result.name: result.value for result in results}  # of the one-task steps
    data_page = open_data_page(c.site, value.get("open data") or value[INDEX_AND_DATA])
    render.render_pages(c.env, c.site, [data_page], writer, advance)
    listed = [p.url for p in (*planned, data_page) if p.in_sitemap]
    render.write_sitemap(c.env, c.site, [*listed, *value["overzichten"]], writer)
    return [*_seconds_per_step(results),
            ("de pagina open data en de sitemap", time.perf_counter() - lap)]  # fmt: skip


@dataclass(frozen=True)
class _Done:
    """What a task did: the step it belongs to, the files it wrote, its seconds, its value."""

    name: str
    written: tuple[str, ...]
    seconds: float
    value: Any


def _task(
    writer: publish.Writer, name: str, write: Callable[[publish.Writer], Any]
) -> Callable[[], _Done]:
    """One output as a task for `workers`: it writes with a Writer of its own, like `writer`."""

    def run() -> _Done:
        started = time.perf_counter()
        own = writer.like()
        value = write(own)
        return _Done(name, tuple(sorted(own.written)), time.perf_counter() - started, value)

    return run


def _index_and_open_data(c: Context, writer: publish.Writer) -> list[opendata.Published]:
    """The two largest outputs, one after the other on one worker: each holds 50-100 MB at
    10,000 activities, and side by side they were most of the build's peak memory. The
    other workers render the pages meanwhile (so only with many pages to render: after an
    edit, serve renders few, and then the two go side by side)."""
    search.write_index(c.site, writer, c.words, c.keep)
    workers.give_back_memory()  # so that the open data reuses it
    return opendata.write(c.site, writer)


def _overviews(c: Context, writer: publish.Writer) -> list[str]:
    """The overview pages and their CSV tables (`overview_pages`); the URLs for the sitemap."""
    overview_pages, tables = overview_plan(c.site, c.today)
    render.render_pages(c.env, c.site, overview_pages, writer)
    for path, data in tables.items():
        writer.write(path, data)
    return [page.url for page in overview_pages if page.in_sitemap]


def _render_slice(c: Context, plans: list[PagePlan], writer: publish.Writer) -> int:
    """Make and render a slice of the planned pages; how many it rendered."""
    render.render_pages(c.env, c.site, (plan.make() for plan in plans), writer)
    return len(plans)


def _seconds_per_step(results: list[_Done]) -> list[tuple[str, float]]:
    """The seconds of the tasks per step (summed over workers), in the order of `tasks`."""
    seconds: dict[str, float] = {}
    for result in results:
        seconds[result.name] = seconds.get(result.name, 0.0) + result.seconds
    return list(seconds.items())
