"""The `sociale-kaart` command: a thin click adapter around build, check and serve.

Diagnostics go to stderr, sorted by file and line, followed by one summary
line. Exit codes: 0 success (warnings allowed), 1 content errors (or warnings
with --strict), 2 wrong usage (click's own).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import cli_dutch, cli_editors
from .cli_common import (
    BROKEN_WORKER,
    cache_option,
    content_option,
    every_option,
    fail,
    print_diagnostics,
    processes_option,
    strict_option,
)
from .diagnostic_formats import FORMATS
from .diagnostics import BuildFailed
from .present import count
from .workers import WorkerDied

if TYPE_CHECKING:
    from .assemble import Site
    from .build import BuildReport


@click.group(cls=cli_dutch.Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sociale-kaart", message="sociale-kaart %(version)s")
def main() -> None:
    """Sociale Kaart: bouw de website 'wie doet wat voor wie' uit de inhoud in git."""


@main.command()
@content_option
@click.option(
    "--output",
    "output_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Map waarin de website komt.",
)
@strict_option
@every_option
@processes_option
@cache_option
def build(
    content_dir: Path,
    output_dir: Path,
    strict: bool,
    every: bool,
    processes: int | None,
    no_cache: bool,
) -> None:
    """Controleer de inhoud en bouw de website."""
    from .assets import MissingAsset
    from .build import build as run_build
    from .publish import UnsafeOutput

    try:
        with _progress_bar() as progress:
            report = run_build(content_dir, output_dir, strict=strict, progress=progress,
                               processes=processes, keep=not no_cache)  # fmt: skip
    except WorkerDied:
        click.echo(f"{BROKEN_WORKER} {output_dir}/ is niet gewijzigd.", err=True)
        sys.exit(2)
    except BuildFailed as failed:
        fail(failed, f"{output_dir}/ is niet gewijzigd.", every=every)
    except (UnsafeOutput, MissingAsset) as unusable:
        # Wrong use or an incomplete installation, not a content error: exit 2.
        reason = str(unusable).rstrip(".")
        click.echo(f"Gestopt: {reason}. {output_dir}/ is niet gewijzigd.", err=True)
        sys.exit(2)
    print_diagnostics(report.diagnostics, every=every)
    for note in report.notes:
        click.echo(f"Let op: {note}", err=True)
    click.echo(_summary(report, output_dir))


@main.command()
@content_option
@strict_option
@every_option
@click.option(
    "--formaat",
    "fmt",
    type=click.Choice(FORMATS),
    default="tekst",
    show_default=True,
    help="tekst voor u, github voor meldingen in een pull request, json voor een programma.",
)
@click.option(
    "--open-data",
    "hsds_schema",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Controleer ook de open data tegen de HSDS 3.0-schema's in deze map: de map schema/"
    " van openreferral/specification, versie 3.0.",
)
@processes_option
@cache_option
def check(
    content_dir: Path,
    strict: bool,
    every: bool,
    fmt: str,
    hsds_schema: Path | None,
    processes: int | None,
    no_cache: bool,
) -> None:
    """Controleer alleen de inhoud; er wordt niets gebouwd."""
    from .checking import check as run_check

    try:
        site, diags = run_check(content_dir, strict=strict, processes=processes, keep=not no_cache)
    except WorkerDied:
        click.echo(BROKEN_WORKER, err=True)
        sys.exit(2)
    except BuildFailed as failed:
        fail(failed, "", fmt, every)
    print_diagnostics(diags, fmt, every)
    click.echo(
        f"In orde: {count(len(site.organisations), 'organisatie', 'organisaties')},"
        f" {count(len(site.activities), 'activiteit', 'activiteiten')},"
        f" {count(len(diags.warnings), 'waarschuwing', 'waarschuwingen')}.",
        err=fmt == "json",  # stdout holds only the JSON
    )
    if hsds_schema is not None:
        _check_open_data(site, hsds_schema)


def _check_open_data(site: Site, schema_dir: Path) -> None:
    """Validate the HSDS export of `site` against the schemas; exit 1 on any problem."""
    from . import opendata
    from .opendata.api import ROOT
    from .opendata.validate import check_files

    if not (schema_dir / "service.json").is_file() or not (schema_dir / "openapi.json").is_file():
        click.echo(f"Gestopt: in {schema_dir}/ staan geen HSDS-schema's (service.json).", err=True)
        sys.exit(2)
    files = {
        d.path.removeprefix(ROOT): d.data
        for d in opendata.downloads(site)
        if d.path.startswith(ROOT)
    }
    problems = check_files(files, schema_dir)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        click.echo(f"Open data: {count(len(problems), 'fout', 'fouten')} in de HSDS-bestanden.")
        sys.exit(1)
    click.echo(f"Open data: alle {len(files)} HSDS-bestanden kloppen met de schema's.")


@main.command()
@content_option
@click.option(
    "--host",
    metavar="ADRES",
    default="127.0.0.1",
    show_default=True,
    help="Adres om op te luisteren. Met 0.0.0.0 kunt u de site op een telefoon in hetzelfde"
    " netwerk bekijken.",
)
@click.option("--port", metavar="POORT", default=8000, show_default=True, help="Poort.")
def serve(content_dir: Path, host: str, port: int) -> None:
    """Bouw de website, toon hem op http://127.0.0.1:8000/ en bouw opnieuw bij elke wijziging.

    Dit schrijft niet in output/: publiceer altijd wat 'sociale-kaart build' maakt."""
    from .serve import PortInUse
    from .serve import serve as run_serve

    try:
        run_serve(content_dir, port, report=print_diagnostics, host=host)
    except PortInUse as busy:
        click.echo(f"Gestopt: {busy}.", err=True)
        sys.exit(2)


def _summary(report: BuildReport, output_dir: Path) -> str:
    seconds = f"{report.seconds:.1f}".replace(".", ",")
    return (
        f"Klaar: {count(report.organisations, 'organisatie', 'organisaties')},"
        f" {count(report.activities, 'activiteit', 'activiteiten')},"
        f" {count(report.files, 'bestand', 'bestanden')},"
        f" {count(len(report.diagnostics.warnings), 'waarschuwing', 'waarschuwingen')}"
        f" ({seconds} s) → {output_dir}/"
    )


@contextlib.contextmanager
def _progress_bar() -> Iterator[Callable[[int], Callable[[int], None]] | None]:
    """A progress bar on a terminal when there are many pages; nothing otherwise."""
    bars: list[click.progressbar] = []  # type: ignore[type-arg]

    def start(total: int) -> Callable[[int], None]:
        if total < 500 or not sys.stderr.isatty():
            return lambda n: None
        bar = click.progressbar(length=total, label="Pagina's maken", file=sys.stderr)
        bar.__enter__()
        bars.append(bar)
        return bar.update

    try:
        yield start
    finally:
        for bar in bars:
            bar.__exit__(None, None, None)


for command in cli_editors.COMMANDS:
    main.add_command(command)


def run() -> None:
    """The `sociale-kaart` command: `main`, then os._exit once the output is flushed, as
    mypy does. Python would free every object of the site one by one first, some 0.6 s
    after a check of 10,000 activities; the operating system frees it all at once."""
    try:
        main()
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    if isinstance(code, str):  # sys.exit("...") prints the text and exits with 1
        click.echo(code, err=True)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a closed pipe (| head): nothing more to say
            stream.flush()
    os._exit(code or 0)
