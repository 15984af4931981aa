"""The /open-data/ page: every download with what it holds, its format and its size."""

from __future__ import annotations

from dataclasses import dataclass

from .. import licence_checks, urls
from ..assemble import Site
from ..page import Page
from . import CALENDAR, GEOJSON, SPREADSHEET_ACTIVITIES, SPREADSHEET_ORGANISATIONS, Published
from .api import ROOT
from .tabular import ROOT as CSV_ROOT

ABOUT = {
    SPREADSHEET_ACTIVITIES: "Alle activiteiten, één per regel, voor Excel of LibreOffice.",
    SPREADSHEET_ORGANISATIONS: "Alle organisaties, één per regel.",
    CALENDAR: "De vaste tijden van alle activiteiten, voor een agenda-app.",
    GEOJSON: "Alle plekken met coördinaten en wat daar is, voor een kaart (GeoJSON).",
    ROOT + "index.json": "Het begin van de HSDS-gegevens: versie en profiel.",
    ROOT + "services.json": "Alle activiteiten (HSDS services), in het kort.",
    ROOT + "organizations.json": "Alle organisaties, in het kort.",
    ROOT + "taxonomies.json": "De indelingen: doelgroepen, treden, leefgebieden, wijken en meer.",
    ROOT + "taxonomy_terms.json": "Alle termen van die indelingen.",
    CSV_ROOT + "datapackage.json": "Beschrijving van de tabellen (Frictionless Data Package).",
}


@dataclass(frozen=True)
class Listed:
    url: str
    name: str
    about: str
    size: str


def size(count: int) -> str:
    """`850 bytes`, `12 kB`, `1,9 MB` (1 kB = 1000 bytes)."""
    if count < 1000:
        return f"{count} bytes"
    if count < 1_000_000:
        return f"{round(count / 1000)} kB"
    return f"{count / 1_000_000:.1f} MB".replace(".", ",")


def _bundle(files: list[Published], folder: str, what: str) -> Listed:
    """The one-file-per-entry folders: one line for all of them."""
    inside = [f for f in files if f.path.startswith(folder)]
    return Listed(
        "",
        f"{folder.removeprefix(urls.OPEN_DATA)}<id>.json",
        f"Per {what} één bestand met alles erover: {len(inside)} bestanden.",
        size(sum(f.size for f in inside)),
    )


def open_data_page(site: Site, files: list[Published]) -> Page:
    by_path = {f.path: f for f in files}

    def listed(path: str, about: str = "") -> Listed:
        return Listed(path, by_path[path].name, about or ABOUT[path], size(by_path[path].size))

    tables = [f for f in files if f.group == "hsds-csv" and f.path.endswith(".csv")]
    groups = [
        ("spreadsheet", "Voor een spreadsheet", [
            listed(SPREADSHEET_ACTIVITIES), listed(SPREADSHEET_ORGANISATIONS)]),
        ("agenda-en-kaart", "Agenda en kaart", [listed(CALENDAR), listed(GEOJSON)]),
        ("hsds", "HSDS 3.0 (JSON)", [
            listed(ROOT + "index.json"),
            listed(ROOT + "services.json"),
            _bundle(files, ROOT + "services/", "activiteit"),
            listed(ROOT + "organizations.json"),
            _bundle(files, ROOT + "organizations/", "organisatie"),
            listed(ROOT + "taxonomies.json"),
            listed(ROOT + "taxonomy_terms.json"),
        ]),
        ("hsds-tabellen", "HSDS 3.0 in tabellen (CSV)", [
            listed(CSV_ROOT + "datapackage.json"),
            *(listed(f.path, "Tabel " + f.name.removeprefix("hsds/csv/")) for f in tables),
        ]),
    ]  # fmt: skip
    licence = site.config.licentie
    return Page(
        urls.OPEN_DATA,
        "open_data.html",
        "Open data",
        f"Alle gegevens van de sociale kaart van {site.config.gemeente} om te downloaden:"
        " als spreadsheet, agenda, kaartbestand en in de internationale standaard HSDS.",
        {
            "groups": groups,
            "licence": licence,
            "licence_url": licence_checks.url(licence),
            "api_root": ROOT,
        },
    )
