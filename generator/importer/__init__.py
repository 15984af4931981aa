"""`sociale-kaart importeer hsds SOURCE --naar CONTENT_DIR`: HSDS 3.0 in, our content out.

    1 reading   SOURCE (a JSON file, our export's folder, or the tabular form) -> Bundle
    2 shape     is it well-formed where we read it? problems name file and JSON path
    3 convert   the Dutch profile backwards; placeholders where HSDS cannot say
    4 writing   the content files; nothing is written if anything is wrong or exists

Problems of steps 1, 2 and 4 stop the import before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import convert, reading, shape, writing


class ImportFailed(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problemen")
        self.problems = problems


@dataclass(frozen=True)
class ImportReport:
    organisations: int
    activities: int
    written: tuple[Path, ...]
    warnings: tuple[str, ...]
    placeholders: int  # fields left NOG INVULLEN


def import_hsds(source: Path, target: Path) -> ImportReport:
    try:
        bundle = reading.read(source)
    except reading.Unreadable as unreadable:
        raise ImportFailed([str(unreadable)]) from unreadable
    problems = shape.problems(bundle)
    if problems:
        raise ImportFailed(problems)
    if not bundle.services and not bundle.organizations:
        raise ImportFailed([f"{source}: hierin staan geen services en geen organisaties"])
    converted = convert.convert(bundle)
    planned = writing.files(converted, target, bundle.base_url)
    there = writing.existing(planned)
    if there:
        raise ImportFailed([f"{p}: bestaat al; het importeren overschrijft niets" for p in there])
    writing.write(planned)
    return ImportReport(
        len(converted.organisations),
        len(converted.activities),
        tuple(sorted(planned)),
        tuple(converted.warnings),
        sum(len(d.placeholders) for d in converted.activities),
    )
