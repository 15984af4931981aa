"""Walk content/ and turn every file into model objects, recording every problem.

Order matters only for references: taxonomie.yaml and the list of organisation
file names are read first, so activities can be checked against them. A file
with errors is left out of the model; the loader never stops early.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostics, display_path, suggest
from .frontmatter import decode, parse_markdown_file, parse_yaml
from .model import (
    Activity,
    Address,
    Contact,
    Content,
    Organisation,
    SiteConfig,
    Source,
    Taxonomy,
    Term,
    WegwijzerConfig,
)
from .schema import (
    ACTIVITY,
    INVALID,
    ORGANISATION,
    SITE,
    SLUG_RE,
    TAXONOMY_KINDS,
    TERM,
    Checker,
    slugify,
    validate_mapping,
)

STALE_AFTER_DAYS = 365


def load_content(content_dir: Path, diags: Diagnostics, today: dt.date) -> Content:
    """Read and validate every content file under `content_dir`."""
    org_files = _entry_files(content_dir / "organisaties", diags)
    activity_files = _entry_files(content_dir / "activiteiten", diags)
    org_slugs = {path.stem for path in org_files}

    taxonomy = _load_taxonomy(content_dir / "taxonomie.yaml", diags)
    taxonomy_ids = (
        {kind: {t.id for t in taxonomy.kind(kind)} for kind in TAXONOMY_KINDS} if taxonomy else {}
    )
    site = _load_site(content_dir / "site.yaml", diags, org_slugs)

    organisations = []
    for path in org_files:
        checked = _check_entry(path, diags, ORGANISATION, taxonomy_ids, org_slugs)
        if checked:
            organisations.append(_organisation(path.stem, *checked, today))
    activities = []
    for path in activity_files:
        checked = _check_entry(path, diags, ACTIVITY, taxonomy_ids, org_slugs)
        if checked:
            activity = _activity(path.stem, *checked, today)
            if activity:
                activities.append(activity)
    return Content(site, taxonomy, tuple(organisations), tuple(activities))


def _entry_files(folder: Path, diags: Diagnostics) -> list[Path]:
    """The .md files of a folder whose names are valid slugs, sorted."""
    if not folder.is_dir():
        diags.error(display_path(folder), 1, "", "deze map ontbreekt")
        return []
    files = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        shown = display_path(path)
        if path.suffix != ".md":
            diags.warning(shown, 1, "", "wordt overgeslagen: alleen bestanden met .md worden gelezen")
        elif not SLUG_RE.match(path.stem):
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


def _read(path: Path, diags: Diagnostics) -> str | None:
    shown = display_path(path)
    if not path.is_file():
        diags.error(shown, 1, "", "dit bestand ontbreekt")
        return None
    return decode(path.read_bytes(), shown, diags)


def _load_site(path: Path, diags: Diagnostics, org_slugs: set[str]) -> SiteConfig | None:
    text = _read(path, diags)
    doc = parse_yaml(text, display_path(path), diags) if text is not None else None
    if doc is None:
        return None
    checker = Checker(display_path(path), doc, diags, organisation_slugs=org_slugs)
    values = validate_mapping(doc.data, SITE, (), checker)
    if values is INVALID:
        return None
    wegwijzer = values.get("wegwijzer", {})
    return SiteConfig(
        titel=values["titel"],
        gemeente=values["gemeente"],
        basis_url=values["basis_url"],
        intro=values.get("intro", ""),
        wegwijzer=WegwijzerConfig(
            drempel=wegwijzer.get("drempel", 4), contact=wegwijzer.get("contact")
        ),
    )


def _load_taxonomy(path: Path, diags: Diagnostics) -> Taxonomy | None:
    text = _read(path, diags)
    shown = display_path(path)
    doc = parse_yaml(text, shown, diags) if text is not None else None
    if doc is None:
        return None
    checker = Checker(shown, doc, diags)
    lists: dict[str, tuple[Term, ...]] = {}
    for key in doc.data:
        if key not in TAXONOMY_KINDS:
            diags.error(shown, doc.line_of(key), "", f"onbekende lijst '{key}'{suggest(key, TAXONOMY_KINDS)}")
    for kind in TAXONOMY_KINDS:
        raw = doc.data.get(kind)
        if not isinstance(raw, list) or not raw:
            checker.error((kind,), "deze lijst ontbreekt of is leeg; noem minstens één item met id en naam")
            lists[kind] = ()
            continue
        terms: list[Term] = []
        for index, item in enumerate(raw):
            values = validate_mapping(item, TERM, (kind, index), checker)
            if values is INVALID:
                continue
            if any(t.id == values["id"] for t in terms):
                checker.error((kind, index, "id"), f"'{values['id']}' staat al eerder in deze lijst")
                continue
            terms.append(
                Term(
                    id=values["id"],
                    naam=values["naam"],
                    omschrijving=values.get("omschrijving", ""),
                    zoektermen=values.get("zoektermen", ()),
                    source=Source(shown, doc.line_of(kind, index)),
                )
            )
        lists[kind] = tuple(terms)
    return Taxonomy(**lists)


def _check_entry(
    path: Path,
    diags: Diagnostics,
    table: dict[str, Any],
    taxonomy_ids: dict[str, set[str]],
    org_slugs: set[str],
) -> tuple[Checker, dict[str, Any]] | None:
    """Parse and validate one entry file; return its checker and values on success."""
    text = _read(path, diags)
    shown = display_path(path)
    doc = parse_markdown_file(text, shown, diags) if text is not None else None
    if doc is None:
        return None
    checker = Checker(shown, doc, diags, taxonomy_ids, org_slugs)
    values = validate_mapping(doc.data, table, (), checker)
    if values is INVALID:
        return None
    return checker, values


def _check_freshness(checker: Checker, value: dt.date | None, today: dt.date) -> None:
    """Warn when an entry was never or not recently verified."""
    if value is None:
        checker.diags.warning(
            checker.path, 1, "gecontroleerd", "ontbreekt; zet hier de datum waarop u de gegevens naliep"
        )
    elif (today - value).days > STALE_AFTER_DAYS:
        checker.diags.warning(
            checker.path,
            checker.doc.line_of("gecontroleerd"),
            "gecontroleerd",
            f"{value.isoformat()} is meer dan 12 maanden geleden; kijk de gegevens na",
        )


def _organisation(
    slug: str, checker: Checker, values: dict[str, Any], today: dt.date
) -> Organisation:
    _check_freshness(checker, values.get("gecontroleerd"), today)
    return Organisation(
        slug=slug,
        naam=values["naam"],
        beschrijving=checker.doc.body,
        source=Source(checker.path, 1),
        telefoon=values.get("telefoon", ""),
        email=values.get("email", ""),
        website=values.get("website", ""),
        adres=Address(**values.get("adres", {})),
        wijken=values.get("wijken", ()),
        gecontroleerd=values.get("gecontroleerd"),
    )


def _activity(
    slug: str, checker: Checker, values: dict[str, Any], today: dt.date
) -> Activity | None:
    leeftijd = values.get("leeftijd", {})
    low, high = leeftijd.get("min"), leeftijd.get("max")
    if low is not None and high is not None and low > high:
        checker.error(("leeftijd",), f"min ({low}) is groter dan max ({high})")
        return None
    _check_freshness(checker, values.get("gecontroleerd"), today)
    return Activity(
        slug=slug,
        titel=values["titel"],
        organisatie=values["organisatie"],
        ladder=values["ladder"],
        toegang=values["toegang"],
        beschrijving=checker.doc.body,
        source=Source(checker.path, 1),
        doelgroepen=values.get("doelgroepen", ()),
        leefgebieden=values.get("leefgebieden", ()),
        kosten=values.get("kosten", ""),
        wijken=values.get("wijken", ()),
        wanneer=values.get("wanneer", ""),
        locatie=values.get("locatie", ""),
        leeftijd_min=low,
        leeftijd_max=high,
        contact=Contact(**values.get("contact", {})),
        gecontroleerd=values.get("gecontroleerd"),
    )

