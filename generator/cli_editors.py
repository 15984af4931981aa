"""The `sociale-kaart` commands for editors and policy staff: rapport, importeer,
nakijken, taal and nieuw. `cli` adds them to the main command."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import cli_dutch, scaffold
from .cli_common import content_option, fail, print_diagnostics
from .diagnostics import BuildFailed, Diagnostics
from .present import count

if TYPE_CHECKING:
    from .assemble import Site


@click.command(cls=cli_dutch.Command)
@content_option
@click.option("--wijk", metavar="ID", help="Alleen deze wijk: het id uit taxonomie.yaml.")
@click.option(
    "--formaat",
    type=click.Choice(["md", "csv"]),
    default="md",
    show_default=True,
    help="md voor een notitie, csv voor Excel.",
)
def rapport(content_dir: Path, wijk: str | None, formaat: str) -> None:
    """Schrijf de analyse van het aanbod: gaten, overlap, toegang, leefgebieden, actualiteit."""
    from . import analysis, report

    site, diags = _checked(content_dir)
    print_diagnostics(diags)
    known = [t.id for t in site.taxonomy.wijken]
    if wijk is not None and wijk not in known:
        click.echo(f"Gestopt: '{wijk}' is geen wijk; kies uit {', '.join(known)}.", err=True)
        sys.exit(2)
    sections = analysis.analyse(site, _today(), wijk)
    if formaat == "csv":
        click.echo(report.csv(sections), nl=False)
    else:
        title = f"Analyse van het aanbod in {site.config.gemeente}"
        click.echo(report.markdown(sections, title), nl=False)


@click.group(cls=cli_dutch.Group)
def importeer() -> None:
    """Neem gegevens over uit een ander systeem."""


@importeer.command("hsds")
@click.argument("source", metavar="BRON", type=click.Path(path_type=Path))
@click.option(
    "--naar",
    "target",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Map met de inhoud waarin de nieuwe bestanden komen; bestaande blijven staan.",
)
def import_hsds(source: Path, target: Path) -> None:
    """Neem HSDS 3.0 over uit BRON: een JSON-bestand, de map van een HSDS-export of de
    tabellen."""
    from .importer import ImportFailed
    from .importer import import_hsds as run_import

    try:
        report = run_import(source, target)
    except ImportFailed as failed:
        for problem in failed.problems:
            click.echo(problem, err=True)
        click.echo(
            f"Gestopt: {count(len(failed.problems), 'probleem', 'problemen')};"
            f" er is niets geschreven in {target}/.",
            err=True,
        )
        sys.exit(1)
    for warning in report.warnings:
        click.echo(f"waarschuwing: {warning}", err=True)
    click.echo(
        f"Overgenomen: {count(report.organisations, 'organisatie', 'organisaties')},"
        f" {count(report.activities, 'activiteit', 'activiteiten')} in {target}/"
        f" ({count(len(report.warnings), 'waarschuwing', 'waarschuwingen')},"
        f" {report.placeholders} keer NOG INVULLEN)."
    )
    click.echo(f"Kijk het na met: sociale-kaart check --content {target}")


@click.command(cls=cli_dutch.Command)
@content_option
@click.option(
    "--formaat",
    type=click.Choice(["tekst", "md", "csv"]),
    default="tekst",
    show_default=True,
    help="tekst voor u, md voor een issue of notitie, csv voor Excel.",
)
def nakijken(content_dir: Path, formaat: str) -> None:
    """Toon per organisatie welke gegevens opnieuw nagekeken moeten worden, met een mail."""
    from . import review_queue

    site, _ = _checked(content_dir)
    today = _today()
    found = review_queue.queues(site, today)
    if formaat == "csv":
        sys.stdout.buffer.write(review_queue.csv_table(found, today))
    elif formaat == "md":
        title = f"Na te kijken: Sociale Kaart {site.config.gemeente}"
        click.echo(review_queue.markdown(found, today, title), nl=False)
    else:
        click.echo(review_queue.text(found, today), nl=False)


@click.command(cls=cli_dutch.Command)
@content_option
@click.option(
    "--formaat",
    type=click.Choice(["tekst", "csv"]),
    default="tekst",
    show_default=True,
    help="tekst voor u, csv voor Excel.",
)
def taal(content_dir: Path, formaat: str) -> None:
    """Toon per bestand hoe makkelijk de beschrijving leest (B1), de moeilijkste eerst."""
    from . import plain_language
    from .opendata.spreadsheet import table

    site, _ = _checked(content_dir)
    entries = [(o.source.path, o.beschrijving) for o in site.organisations]
    entries += [(a.source.path, a.beschrijving) for a in site.activities]
    rows = []
    for path, body in entries:
        m = plain_language.measure(body)
        rows.append((m.score if m.score is not None else 999.0, path, m))
    rows.sort(key=lambda r: (r[0], r[1]))
    if formaat == "csv":
        header = ("bestand", "woorden", "zinnen", "langste_zin", "flesch_douma")
        sys.stdout.buffer.write(
            table(
                header,
                [[p, m.words, m.sentences, m.longest, _score(m.score)] for _, p, m in rows],
            )  # fmt: skip
        )
        return
    for _, path, m in rows:
        click.echo(
            f"{path}: Flesch-Douma {_score(m.score)}, {count(m.words, 'woord', 'woorden')},"
            f" {count(m.sentences, 'zin', 'zinnen')},"
            f" langste zin {count(m.longest, 'woord', 'woorden')}"
        )


def _score(score: float | None) -> str:
    return "te kort" if score is None else f"{score:.1f}".replace(".", ",")


@click.group(cls=cli_dutch.Group)
def nieuw() -> None:
    """Maak een nieuw bestand met alle velden, om in te vullen."""


@nieuw.command("activiteit")
@click.argument("slug")
@click.option(
    "--organisatie",
    metavar="ORGANISATIE",
    required=True,
    help="De organisatie: haar bestandsnaam zonder .md.",
)
@content_option
def new_activity(slug: str, organisatie: str, content_dir: Path) -> None:
    """Maak activiteiten/SLUG.md voor een activiteit van een organisatie."""
    from .diagnostics import suggest

    site = _site_for_scaffold(content_dir, slug)
    slugs = sorted(o.slug for o in site.organisations)
    if organisatie not in slugs:
        folder = content_dir / "organisaties"
        click.echo(
            f"Gestopt: er is geen organisatie '{organisatie}'; maak {folder}/{organisatie}.md"
            f" (sociale-kaart nieuw organisatie {organisatie}) of kies een bestaande"
            f"{suggest(organisatie, slugs, cutoff=0.85)}.",
            err=True,
        )
        sys.exit(2)
    others = [s for s in slugs if s != organisatie]
    text = scaffold.activity_text(organisatie, site.taxonomy, others, _today())
    _write_new(content_dir / "activiteiten" / f"{slug}.md", text)


@nieuw.command("organisatie")
@click.argument("slug")
@content_option
def new_organisation(slug: str, content_dir: Path) -> None:
    """Maak organisaties/SLUG.md voor een nieuwe organisatie."""
    site = _site_for_scaffold(content_dir, slug)
    _write_new(
        content_dir / "organisaties" / f"{slug}.md",
        scaffold.organisation_text(site.taxonomy, _today()),
    )


def _today() -> dt.date:
    """The day of the build (`build.build_day`), imported only when a command runs."""
    from .build import build_day

    return build_day()


def _checked(content_dir: Path, untouched: str = "") -> tuple[Site, Diagnostics]:
    """The checked site and its warnings; on errors, print them all and exit 1."""
    from .build import check as run_check

    try:
        return run_check(content_dir)
    except BuildFailed as failed:
        fail(failed, untouched)


def _site_for_scaffold(content_dir: Path, slug: str) -> Site:
    from .checks import SLUG_RE, slugify

    if not SLUG_RE.match(slug):
        click.echo(
            f"Gestopt: '{slug}' kan geen bestandsnaam zijn; gebruik kleine letters, cijfers en"
            f" koppeltekens, zoals '{slugify(slug)}'.",
            err=True,
        )
        sys.exit(2)
    site, _ = _checked(content_dir, "Verbeter eerst deze fouten; er is niets gemaakt.")
    return site


def _write_new(path: Path, text: str) -> None:
    try:
        scaffold.write(path, text)
    except scaffold.Exists:
        click.echo(f"Gestopt: {path} bestaat al; er is niets overschreven.", err=True)
        sys.exit(2)
    click.echo(f"Gemaakt: {path}. Vul in waar NOG INVULLEN staat, en kijk het na met:"
               " sociale-kaart check")  # fmt: skip


COMMANDS = (rapport, importeer, nakijken, taal, nieuw)
