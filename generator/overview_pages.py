"""The overview pages for policy (/overzicht/...) and the CSV beside each matrix.

    overzicht/                    doelgroep x trede, the whole municipality
    overzicht/wijken/<id>/        doelgroep x trede in one wijk
    overzicht/leefgebieden/       leefgebied x trede
    overzicht/soorten/            soort x trede (with soorten in taxonomie.yaml)
    overzicht/toegang/            doelgroep x toegang
    overzicht/analyse/            gaps, overlap, toegang, leefgebieden, freshness (`analysis`)
    <page>/<matrix key>.csv       the same numbers, one row per cell

The numbers come from `overview`; the CSV is written for Dutch Excel (`spreadsheet`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import applies, urls
from .analysis import analyse
from .assemble import Site
from .model import Term
from .opendata.spreadsheet import table
from .overview import Matrix, views
from .page import Page

CSV_COLUMNS = (
    "wijk", "rij_id", "rij", "kolom_id", "kolom", "aantal", "gericht", "algemeen",
    "organisaties", "staat", "mogelijke_overlap", "organisatienamen",
)  # fmt: skip


@dataclass(frozen=True)
class View:
    """One overview page: where it is, what it is called, its matrix."""

    url: str
    title: str
    matrix: Matrix

    @property
    def csv(self) -> str:
        return f"{self.url}{self.matrix.key}.csv"


def _view(site: Site, m: Matrix) -> View:
    if m.wijk:
        return View(urls.overview_wijk(m.wijk.id), f"Wie doet wat voor wie in {m.wijk.naam}", m)
    if m.by == "toegang":
        return View(urls.OVERZICHT_TOEGANG, "Toegang per doelgroep", m)
    if m.kind == "leefgebieden":
        return View(urls.OVERZICHT_LEEFGEBIEDEN, "Aanbod per leefgebied", m)
    if m.kind == "soorten":
        return View(urls.OVERZICHT_SOORTEN, "Aanbod per soort", m)
    return View(urls.OVERZICHT, "Wie doet wat voor wie", m)


def csv_rows(m: Matrix) -> list[list[object]]:
    columns = {c.id: c.label for c in m.columns}
    rows = []
    for row in m.rows:
        for cell in row.cells:
            rows.append([
                m.wijk.naam if m.wijk else "hele gemeente", row.id, row.naam, cell.column,
                columns[cell.column], len(cell.applying), len(cell.targeted), cell.general,
                len(cell.organisations), cell.state, "ja" if cell.overlap else "nee",
                ", ".join(cell.organisations),
            ])  # fmt: skip
    return rows


def kinds_per_row(site: Site, m: Matrix) -> dict[str, list[tuple[Term, int]]]:
    """For a doelgroep matrix: per row, how many activities of each soort apply (any rung);
    nothing without soorten in taxonomie.yaml."""
    out: dict[str, list[tuple[Term, int]]] = {}
    if not site.taxonomy.soorten:
        return out
    for row in m.rows:
        applying = {a.slug: a for cell in row.cells for a in cell.applying}.values()
        out[row.id] = [
            (t, sum(1 for a in applying if applies.to_term(a, "soorten", t.id)))
            for t in site.taxonomy.soorten
        ]
    return out


def _description(site: Site, view: View) -> str:
    where = view.matrix.wijk.naam if view.matrix.wijk else site.config.gemeente
    return (
        f"{view.matrix.caption.removesuffix(f' in wijk {where}')} in {where}:"
        " waar het aanbod ontbreekt, waar het alleen algemeen is, en waar het overlapt."
    )


def analysis_page(site: Site, all_views: list[View], today: dt.date) -> Page:
    """/overzicht/analyse/: the findings per area, as `sociale-kaart rapport` gives them."""
    by_area = {
        (v.matrix.wijk.id if v.matrix.wijk else "gemeente"): v.url
        for v in all_views
        if v.matrix.key == "doelgroepen-treden"
    }
    return Page(
        urls.ANALYSE,
        "analyse.html",
        "Analyse: gaten en overlap",
        f"Waar in {site.config.gemeente} aanbod ontbreekt, alleen algemeen is of overlapt; hoe"
        " toegankelijk het is, per leefgebied, en hoe actueel de gegevens zijn.",
        {"sections": analyse(site, today), "views": by_area},
    )


def plan(site: Site, today: dt.date) -> tuple[list[Page], dict[str, bytes]]:
    """The overview pages with the analysis, and their CSV files (path -> bytes)."""
    all_views = [_view(site, m) for m in views(site)]
    pages, files = [], {}
    for view in all_views:
        m = view.matrix
        context = {
            "matrix": m,
            "view": view,
            "views": all_views,
            "kinds": kinds_per_row(site, m) if m.kind == "doelgroepen" and m.by == "treden" else {},
        }
        pages.append(
            Page(view.url, "overzicht.html", view.title, _description(site, view), context)
        )
        files[view.csv] = table(CSV_COLUMNS, csv_rows(m))
    pages.append(analysis_page(site, all_views, today))
    return pages, files
