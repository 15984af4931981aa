"""One entry file checked: parsed, validated against its table of fields (`schema`),
its plain language warned about (B1), and made into an `Organisation` or `Activity`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import placeholders, plain_language
from .checks import INVALID, Checker, report_markdown
from .diagnostics import Diagnostics, display_path
from .freshness import Review
from .frontmatter import parse_markdown_file
from .model import Activity, Organisation, Source, Toegang
from .schema import validate_mapping
from .site_config import WritingGuide
from .sources import ContentFolder


def warn_plain_language(
    checked: tuple[Checker, dict[str, Any]], title_key: str, guide: WritingGuide, form: str
) -> None:
    """The B1 warnings of one checked entry: its title (`title_key`) and description."""
    checker, values = checked
    title = (title_key, values[title_key], checker.doc.line_of(title_key))
    plain_language.report(checker.diags, checker.path, guide, title, checker.doc.body,
                          checker.doc.body_line, form)  # fmt: skip


def check_entry(
    source: ContentFolder,
    path: Path,
    diags: Diagnostics,
    table: dict[str, Any],
    taxonomy_ids: dict[str, set[str]],
    org_slugs: set[str],
) -> tuple[Checker, dict[str, Any]] | None:
    """Read, parse and validate one entry file; return its checker and values on success."""
    text = source.read(path, diags)
    return check_text(text, path, diags, table, taxonomy_ids, org_slugs, source)


def check_text(
    text: str | None,
    path: Path,
    diags: Diagnostics,
    table: dict[str, Any],
    taxonomy_ids: dict[str, set[str]],
    org_slugs: set[str],
    source: ContentFolder,
) -> tuple[Checker, dict[str, Any]] | None:
    """Parse and validate the text of one entry file (None: it could not be read)."""
    shown = display_path(path)
    doc = parse_markdown_file(text, shown, diags) if text is not None else None
    if doc is None:
        return None
    unfilled = placeholders.unfilled(doc.data)
    for key in unfilled:
        diags.warning(shown, doc.line_of(key), key, placeholders.ENTRY_MESSAGE)
    if doc.body.lstrip().startswith(placeholders.PLACEHOLDER):
        diags.warning(shown, doc.body_line, "beschrijving", placeholders.ENTRY_MESSAGE)
        return None
    if unfilled:
        return None
    checker = Checker(shown, doc, diags, taxonomy_ids, org_slugs, display_path(source.root))
    values = validate_mapping(doc.data, table, (), checker)
    if not report_markdown(checker, doc.body, doc.body_line, "beschrijving"):
        return None
    if values is INVALID:
        return None
    return checker, values


def organisation(
    slug: str, checker: Checker, values: dict[str, Any], review: Review
) -> Organisation:
    """Field names are attribute names: the schema's checkers already made each value."""
    review.check(checker, values.get("gecontroleerd"))
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


def activity(
    slug: str, checker: Checker, values: dict[str, Any], review: Review
) -> Activity | None:
    """Field names are attribute names: the schema's checkers already made each value."""
    review.check(checker, values.get("gecontroleerd"))
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
