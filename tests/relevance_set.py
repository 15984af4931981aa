"""The relevance set (tests/relevance/zoekvragen.yaml) and how it is scored.

A case is a hit when one of its activities is among the first three results, or,
for `geen: true`, when there is no result. Used by tests/test_relevance.py (the
Python reference and Chromium) and by the benchmark (bench/run.py), which reports
the figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

CASES_FILE = Path(__file__).resolve().parent / "relevance" / "zoekvragen.yaml"


@dataclass(frozen=True)
class Case:
    query: str
    top3: tuple[str, ...]
    none: bool
    named: bool


def load_cases() -> list[Case]:
    data = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    return [
        Case(c["vraag"], tuple(c.get("top3", ())), bool(c.get("geen")), bool(c.get("genoemd")))
        for c in data
    ]


def is_hit(case: Case, slugs: list[str]) -> bool:
    """`slugs`: the results in order, as slugs (organisations included)."""
    if case.none:
        return not slugs
    return bool(set(case.top3) & set(slugs[:3]))


@dataclass(frozen=True)
class Score:
    hits: int
    total: int
    misses: list[tuple[str, list[str]]]
    named_misses: list[str]

    @property
    def share(self) -> float:
        return self.hits / self.total


def score(cases: list[Case], results: Callable[[str], list[str]]) -> Score:
    hits, misses, named = 0, [], []
    for case in cases:
        slugs = results(case.query)
        if is_hit(case, slugs):
            hits += 1
        else:
            misses.append((case.query, slugs[:3]))
            if case.named:
                named.append(case.query)
    return Score(hits, len(cases), misses, named)
