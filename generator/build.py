"""The whole pipeline, top to bottom: content -> checked model -> site -> pages -> output.

    1 load_content   read and validate every file (all problems, never stop early)
    2 assemble       resolve references, reverse listings, corpus-level warnings
    3 decide         stop here on errors (or warnings with --strict); nothing written yet
                     (1-3 are `checking.check`, all that `sociale-kaart check` runs)
    4 plan_pages     which pages exist, with their URL, template and data (`pages`)
    5 publish        write every output into a staging directory, swap it into output/;
                     the outputs are tasks, shared out over the cores (`workers`)

The outputs of step 5 are one visible list in `outputs`: a new export is one more entry.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import (
    content_pages,
    kaart,
    kept_pages,
    outputs,
    pages,
    publish,
    render,
    urls,
    workers,
)
from .assemble import Site
from .checking import build_day, check
from .diagnostics import Diagnostics
from .search import compounds

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_TEMPLATES = PROJECT_DIR / "templates"
DEFAULT_NODE_MODULES = outputs.NODE_MODULES


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
    written: frozenset[str] = frozenset()
    """Every file of the output (site-relative), for `incremental`."""
    reused: int = 0
    """Pages of entries taken unchanged from the previous output (`kept_pages`)."""


def build(
    content_dir: Path,
    output_dir: Path,
    strict: bool = False,
    templates_dir: Path | None = None,
    today: dt.date | None = None,
    progress: Callable[[int], Callable[[int], None]] | None = None,
    processes: int | None = None,
    checked: tuple[Site, Diagnostics] | None = None,
    keep: bool = True,
) -> BuildReport:
    """Build the site into `output_dir`. On any failure `output_dir` is left untouched.

    `processes`: how many worker processes write the output (`workers`); by default
    every core, for a site of workers.WORTH_IT_FROM pages or more. The output is the same.
    `checked`: the content as the caller checked it already (serve, `incremental`).
    `keep`: reuse and keep the checks of the entry files on disk (see `check`)."""
    started = time.perf_counter()
    templates_dir = templates_dir or DEFAULT_TEMPLATES
    today = today or build_day()  # one day for the checks and the overviews
    publish.check_output_dir(output_dir, [content_dir, templates_dir, PROJECT_DIR])
    site, diags = checked or check(content_dir, strict, today, processes, keep=keep)
    steps = [("inhoud lezen en controleren", time.perf_counter() - started)]
    lap = time.perf_counter()

    words = compounds.word_list()
    notes = () if words else (compounds.missing_word_list(),)
    env = render.make_environment(templates_dir, site.config.aanspreekvorm)
    extra = (kaart.map_page(site), *content_pages.plan(site))
    planned = pages.plan_pages(site, extra)
    steps.append(("pagina's plannen", time.perf_counter() - lap))
    lap = time.perf_counter()
    keys = kept_pages.page_keys(site, templates_dir, today) if keep and not checked else {}
    if processes is None:
        processes = workers.for_size(len(planned))
    context = outputs.Context(site, env, templates_dir, today, words, keep)
    with publish.staging(output_dir) as writer:
        kept = kept_pages.previous(output_dir) if keys else {}
        taken = kept_pages.unchanged(output_dir, keys, kept)
        linked = set(taken)
        render_these = [p for p in planned if urls.output_path(p.url) not in linked]
        steps.append(("pagina's van de vorige bouw zoeken", time.perf_counter() - lap))
        advance = progress(len(planned) + 1) if progress else None
        steps += outputs.write_all(writer, context, planned, render_these, processes, advance,
                                   taken=(output_dir.resolve(), taken))  # fmt: skip
        lap = time.perf_counter()
        stamps = kept_pages.stamps(writer.root, keys)  # before the swap: then it is the old tree
    kept_pages.keep(output_dir, keys, stamps)  # only now: the new output is in place
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
        written=frozenset(writer.written),
        reused=len(taken),
    )
