"""Search relevance is correctness: the relevance set must be found, in Python and in Chromium.

At least 90% of the cases of tests/relevance/zoekvragen.yaml have a right answer in
the top three, and every case the findability issue named does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import check
from generator.search.reference import Searcher, read_columns
from tests.helpers import REPO
from tests.relevance_set import load_cases, score

CASES = load_cases()
NEEDED = 0.9


def slug(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def test_the_relevance_set_is_large_and_its_answers_exist() -> None:
    site, _ = check(REPO / "content")
    known = {a.slug for a in site.activities} | {o.slug for o in site.organisations}
    assert len(CASES) >= 80
    assert sum(c.none for c in CASES) >= 2 and sum(c.named for c in CASES) >= 15
    assert [(c.query, s) for c in CASES for s in c.top3 if s not in known] == []
    assert len({c.query for c in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def searcher(example_site: Path) -> Searcher:
    return Searcher.from_site(example_site)


def test_the_python_reference_finds_the_relevance_set(searcher: Searcher) -> None:
    def results(query: str) -> list[str]:
        return [slug(searcher.data["kolommen"]["url"][h.ref]) for h in searcher.search(query).hits]

    found = score(CASES, results)
    assert found.named_misses == [], found.misses
    assert found.share >= NEEDED, found.misses


def test_chromium_finds_the_relevance_set(page, example_site: Path, serve_site) -> None:
    base = serve_site(example_site)
    page.goto(base + "zoeken/")
    page.wait_for_selector("#zoeken[data-klaar]")
    queries = [c.query for c in CASES]
    found_js = page.evaluate(
        """queries => Promise.all(queries.map(
          q => window.socialeKaartZoeken.search(q, {}).then(o => o.hits.map(h => h.ref))))""",
        queries,
    )
    url = read_columns(example_site)["url"]
    by_query = {q: [slug(url[r]) for r in refs] for q, refs in zip(queries, found_js, strict=True)}
    found = score(CASES, lambda q: by_query[q])
    assert found.named_misses == [], found.misses
    assert found.share >= NEEDED, found.misses
