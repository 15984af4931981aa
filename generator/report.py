"""`sociale-kaart rapport`: the analysis as Markdown (for a policy memo) or as CSV.

The same sections as /overzicht/analyse/ (`analysis`); the CSV has one row per finding
and is written for Dutch Excel (`opendata.spreadsheet.table`).
"""

from __future__ import annotations

from .analysis import Section
from .opendata.spreadsheet import table

CSV_COLUMNS = ("gebied", "onderdeel", "wat", "aantal", "van", "procent", "organisaties")


def _lines(items: list[str]) -> list[str]:
    return [f"- {item}" for item in items] or ["- geen"]


def markdown(sections: list[Section], title: str) -> str:
    out = [f"# {title}", ""]
    for s in sections:
        out += [f"## {s.name}", "", f"{s.activities} activiteiten gelden hier.", ""]
        out += ["### Geen aanbod", "", *_lines([spot.label for spot in s.gaps]), ""]
        out += ["### Alleen algemeen aanbod", "", *_lines([spot.label for spot in s.thin]), ""]
        overlaps = [
            f"{spot.label}: {len(spot.cell.organisations)} organisaties"
            f" ({', '.join(spot.cell.organisations)})"
            for spot in s.overlaps
        ]
        out += ["### Mogelijke overlap", "", *_lines(overlaps), ""]
        out += ["### Toegang", "", "| Toegang | Activiteiten | Procent |", "|---|---:|---:|"]
        out += [f"| {a.label} | {a.count} | {a.percent}% |" for a in s.access]
        out += ["", "### Leefgebieden", "", "| Leefgebied | Activiteiten | Procent |"]
        out += [
            "|---|---:|---:|",
            *(f"| {d.label} | {d.count} | {d.percent}% |" for d in s.domains),
        ]
        fresh = (
            f"{s.fresh.percent}% van de activiteiten is in de laatste {s.months} maanden nagekeken"
            f" ({s.fresh.count} van {s.fresh.total})."
        )
        out += ["", "### Actueel", "", fresh, ""]
        if s.organisations:
            out += ["| Organisatie | Nagekeken | Van | Procent |", "|---|---:|---:|---:|"]
            out += [
                f"| {f.organisation.naam} | {f.checked} | {f.total} | {f.percent}% |"
                for f in s.organisations
            ]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def csv(sections: list[Section]) -> bytes:
    rows: list[list[object]] = []
    for s in sections:
        rows += [[s.name, "geen aanbod", spot.label, 0, "", "", ""] for spot in s.gaps]
        rows += [
            [s.name, "alleen algemeen", spot.label, len(spot.cell.applying), "", "", ""]
            for spot in s.thin
        ]
        rows += [
            [s.name, "mogelijke overlap", spot.label, len(spot.cell.targeted), "",
             "", ", ".join(spot.cell.organisations)]
            for spot in s.overlaps
        ]  # fmt: skip
        rows += [[s.name, "toegang", a.label, a.count, a.total, a.percent, ""] for a in s.access]
        rows += [
            [s.name, "leefgebied", d.label, d.count, d.total, d.percent, ""] for d in s.domains
        ]
        rows.append([s.name, "nagekeken", "activiteiten", s.fresh.count, s.fresh.total,
                     s.fresh.percent, ""])  # fmt: skip
        rows += [
            [s.name, "nagekeken", f.organisation.naam, f.checked, f.total, f.percent, ""]
            for f in s.organisations
        ]
    return table(CSV_COLUMNS, rows)
