"""What every `sociale-kaart` command shares: the options, and how diagnostics print.

Diagnostics go to stderr, sorted with their causes first, followed by one summary
line. Exit codes: 0 success (warnings allowed), 1 content errors (or warnings
with --strict), 2 wrong usage.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from . import cli_dutch

cli_dutch.install()  # before any option is made: click looks some texts up then

from .diagnostic_formats import emit  # noqa: E402
from .diagnostics import BuildFailed, Diagnostics  # noqa: E402
from .present import count  # noqa: E402

content_option = click.option(
    "--content",
    "content_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("content"),
    show_default=True,
    help="Map met de inhoud (site.yaml, taxonomie.yaml, organisaties/, activiteiten/).",
)
strict_option = click.option(
    "--strict", is_flag=True, help="Stop ook bij waarschuwingen (handig in een pull request)."
)
every_option = click.option(
    "--alle", "every", is_flag=True, help="Toon elke waarschuwing, ook als ze op elkaar lijken."
)


def _at_least_one(_ctx: click.Context, _param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter("kies 1 of meer")
    return value


processes_option = click.option(
    "--processen",
    "processes",
    type=int,
    metavar="AANTAL",
    callback=_at_least_one,
    default=None,
    help="Hoeveel processen tegelijk werken. Standaard één per core als de site groot is"
    " (vanaf 1.000 bestanden of pagina's). Met 1 gebruikt het het minste geheugen.",
)

cache_option = click.option(
    "--zonder-cache",
    "no_cache",
    is_flag=True,
    help="Controleer elk bestand opnieuw, ook als het niet is gewijzigd sinds de vorige keer"
    " (wat toen gecontroleerd is, staat in ~/.cache/sociale-kaart/).",
)

BROKEN_WORKER = (
    "Gestopt: het werk brak onverwacht af, waarschijnlijk omdat het geheugen van de computer"
    " op was. Probeer het opnieuw met --processen 1: dat gebruikt minder geheugen."
)


def fail(failed: BuildFailed, untouched: str, fmt: str = "tekst", every: bool = False) -> NoReturn:
    """Print everything (each one, when --strict made the warnings block) and exit 1."""
    diags = failed.diagnostics
    print_diagnostics(diags, fmt, every or failed.strict)
    errors, warnings = len(diags.errors), len(diags.warnings)
    reason = ""
    if not errors and failed.strict:
        reason = " (--strict: waarschuwingen tellen als fouten)"
    click.echo(
        f"Gestopt: {count(errors, 'fout', 'fouten')},"
        f" {count(warnings, 'waarschuwing', 'waarschuwingen')}{reason}. {untouched}".rstrip(),
        err=True,
    )
    sys.exit(1)


def print_diagnostics(diags: Diagnostics, fmt: str = "tekst", every: bool = False) -> None:
    """Print every diagnostic (see `diagnostic_formats`)."""
    emit(diags, fmt, lambda line: click.echo(line, err=True), click.echo, every)
