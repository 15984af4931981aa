"""Walk content/ and turn every file into model objects, recording every problem.

Order matters only for references: taxonomie.yaml and the list of organisation
file names are read first, so activities can be checked against them. A file
with errors is left out of the model; the loader never stops early.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from . import boundaries, placeholders, vocabulary
from .checks import INVALID, SLUG_RE, Checker, report_markdown, slugify
from .diagnostics import Diagnostics, display_path
from .frontmatter import parse_markdown_file, parse_yaml
from .model import (
    Activity,
    Content,
    Organisation,
    SiteConfig,
    Source,
    Toegang,
)
from .schema import (
    ACTIVITY,
    ORGANISATION,
    SITE,
    validate_mapping,
)
from .sources import ContentFolder
from .taxonomy import load_taxonomy

STALE_AFTER_MONTHS = 12


def load_content(content_dir: Path, diags: Diagnostics, today: dt.date) -> Content:
    """Read and validate every content file under `content_dir`."""
    source = ContentFolder(content_dir)
    org_files = _entry_files(source, content_dir / "organisaties", diags)
    activity_files = _entry_files(source, content_dir / "activiteiten", diags)
    org_slugs = {path.stem for path in org_files}

    taxonomy, taxonomy_ids = load_taxonomy(source, content_dir / "taxonomie.yaml", diags, org_slugs)
    site = _load_site(source, content_dir / "site.yaml", diags, org_slugs)

    organisations = []
    for path in org_files:
        checked = _check_entry(source, path, diags, ORGANISATION, taxonomy_ids, org_slugs)
        if checked:
            organisations.append(_organisation(path.stem, *checked, today))
    activities = []
    for path in activity_files:
        checked = _check_entry(source, path, diags, ACTIVITY, taxonomy_ids, org_slugs)
        if checked:
            activity = _activity(path.stem, *checked, today)
            if activity:
                activities.append(activity)
    zoekwoorden = vocabulary.load(source, diags)
    wijk_ids = taxonomy_ids.get("wijken")  # None: taxonomie.yaml did not load
    outlines = boundaries.load(source, diags, wijk_ids) if wijk_ids is not None else ()
    return Content(site, taxonomy, tuple(organisations), tuple(activities), zoekwoorden, outlines)


def _entry_files(source: ContentFolder, folder: Path, diags: Diagnostics) -> list[Path]:
    """The .md files of a folder whose names are valid slugs, sorted."""
    files = []
    for path in source.entry_files(folder, diags):
        shown = display_path(path)
        if not SLUG_RE.match(path.stem):
            diags.error(
                shown,
                1,
                "",
                f"bestandsnaam '{path.name}' mag alleen kleine letters, cijfers en koppeltekens"
                f" bevatten; noem het bijvoorbeeld '{slugify(path.stem)}.md'",
            )
        else:
            files.append(path)
    return files


def _load_site(
    source: ContentFolder, path: Path, diags: Diagnostics, org_slugs: set[str]
) -> SiteConfig | None:
    text = source.read(path, diags)
    doc = parse_yaml(text, display_path(path), diags) if text is not None else None
    if doc is None:
        return None
    for key in placeholders.unfilled(doc.data):
        diags.warning(display_path(path), doc.line_of(key), key, placeholders.SITE_MESSAGE)
    checker = Checker(
        display_path(path),
        doc,
        diags,
        organisation_slugs=org_slugs,
        content_dir=display_path(source.root),
    )
    values = validate_mapping(doc.data, SITE, (), checker)
    if values is INVALID:
        return None
    return SiteConfig(**values)


def _check_entry(
    source: ContentFolder,
    path: Path,
    diags: Diagnostics,
    table: dict[str, Any],
    taxonomy_ids: dict[str, set[str]],
    org_slugs: set[str],
) -> tuple[Checker, dict[str, Any]] | None:
    """Parse and validate one entry file; return its checker and values on success."""
    text = source.read(path, diags)
    shown = display_path(path)
    doc = parse_markdown_file(text, shown, diags) if text is not None else None
    if doc is None:
        return None
    unfilled = placeholders.unfilled(doc.data)
    for key in unfilled:
        diags.warning(shown, doc.line_of(key), key, placeholders.ENTRY_MESSAGE)
    if unfilled:
        return None
    checker = Checker(shown, doc, diags, taxonomy_ids, org_slugs, display_path(source.root))
    values = validate_mapping(doc.data, table, (), checker)
    if not report_markdown(checker, doc.body, doc.body_line, "beschrijving"):
        return None
    if values is INVALID:
        return None
    return checker, values


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (31 March -> 28/29 February)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    first_of_next = dt.date(year + (month == 11), (month + 1) % 12 + 1, 1)
    last_day = (first_of_next - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(day.day, last_day))


def _check_freshness(checker: Checker, value: dt.date | None, today: dt.date) -> None:
    """Warn when an entry was never or not recently verified, or has a date in the future."""
    line = checker.doc.line_of("gecontroleerd")
    if value is None:
        checker.diags.warning(
            checker.path,
            1,
            "gecontroleerd",
            "ontbreekt; voeg 'gecontroleerd: JJJJ-MM-DD' toe met de datum waarop u de"
            " gegevens hebt nagekeken",
        )
    elif value < months_before(today, STALE_AFTER_MONTHS):
        checker.diags.warning(
            checker.path,
            line,
            "gecontroleerd",
            f"{value.isoformat()} is meer dan {STALE_AFTER_MONTHS} maanden geleden;"
            " kijk de gegevens na en zet hier de nieuwe datum",
        )
    elif value > today:
        message = f"{value.isoformat()} ligt in de toekomst; klopt dit?"
        checker.diags.warning(checker.path, line, "gecontroleerd", message)


def _organisation(
    slug: str, checker: Checker, values: dict[str, Any], today: dt.date
) -> Organisation:
    """Field names are attribute names: the schema's checkers already made each value."""
    _check_freshness(checker, values.get("gecontroleerd"), today)
    return Organisation(
        slug=slug, beschrijving=checker.doc.body, source=Source(checker.path, 1), **values
    )


def _warn_missing(checker: Checker, values: dict[str, Any]) -> None:
    """Warnings for what a referrer needs and the activity does not say."""
    if not values.get("kosten"):
        checker.diags.warning(
            checker.path,
            1,
            "kosten",
            "de kosten ontbreken, dus de site zegt 'niet bekend'; schrijf wat het kost,"
            " of 'gratis' als het niets kost",
        )
    toegang = values.get("toegang")
    if toegang in (Toegang.VERWIJZING, Toegang.INDICATIE) and not values.get("verwijzers"):
        checker.diags.warning(
            checker.path,
            checker.doc.line_of("toegang"),
            "verwijzers",
            f"bij toegang '{toegang.value}' hoort wie kan verwijzen; zet ze in 'verwijzers',"
            " zoals [huisarts, wijkteam] (de lijst staat in taxonomie.yaml)",
        )
    if checker.taxonomy_ids.get("soorten") and not values.get("soorten"):
        checker.diags.warning(
            checker.path,
            1,
            "soorten",
            "zeg wat voor aanbod dit is, zodat het in het overzicht en bij 'Soort aanbod' staat;"
            " kies uit soorten in taxonomie.yaml, zoals [ontmoeting]",
        )


def _activity(
    slug: str, checker: Checker, values: dict[str, Any], today: dt.date
) -> Activity | None:
    """Field names are attribute names: the schema's checkers already made each value."""
    _check_freshness(checker, values.get("gecontroleerd"), today)
    if values["organisatie"] in values.get("partners", ()):
        checker.error(("partners",), "de organisatie zelf hoeft niet ook bij partners")
        return None
    if values.get("locatie") and values.get("locaties"):
        checker.error(("locatie",), "kies locatie of locaties; zet de tekst als naam in locaties")
        return None
    if not checker.diags.has_errors_in(checker.path):
        _warn_missing(checker, values)
    return Activity(
        slug=slug, beschrijving=checker.doc.body, source=Source(checker.path, 1), **values
    )
