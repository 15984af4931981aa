"""What the search page downloads before its results are on screen, measured in Chromium.

    .venv/bin/python -m bench.downloads bench/results/site-10000   # a built site

For each query of bench.run.QUERIES, a fresh browser (empty cache) opens
/zoeken/?q=<query>, as the search box in every page's header does, and waits until
the results are on screen and complete (#zoeken[data-klaar]). Every file the page
fetched until then (the page, its CSS and scripts, and the search data: gegevens.json,
the term lists, the shards of the query's terms, the card files of the results shown)
is weighed as a web server sends it, gzipped at level 6. Files fetched later (such as
filters.json, which comes after the first results) do not count. Not a test.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

_FETCHED = """() => {
  const api = window.socialeKaartZoeken;
  const ready = api.state.readyMs;
  const entries = performance.getEntriesByType("resource")
    .filter((e) => e.responseEnd <= ready).map((e) => e.name);
  return { ready, urls: [location.href.split("?")[0], ...entries],
           shown: document.querySelectorAll("#zoekresultaten li").length };
}"""


def first_results(output: Path, queries: list[str]) -> dict[str, Any]:
    """Per query: the gzipped bytes and files fetched before its results were on screen."""
    from playwright.sync_api import sync_playwright

    from bench.run import gz
    from tests.helpers import CHROMIUM, CHROMIUM_ARGS, StaticServer

    server = StaticServer(output)
    base = server.start()
    per_query: dict[str, Any] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for query in queries:
                context = browser.new_context()
                page = context.new_page()
                page.goto(base + "zoeken/?q=" + quote(query))
                page.wait_for_selector("#zoeken[data-klaar]", timeout=120_000)
                found = page.evaluate(_FETCHED)
                context.close()
                files = sorted({_local(output, url) for url in found["urls"]})
                sizes = {name: gz((output / name).read_bytes()) for name in files}
                per_query[query] = {
                    "gz_bytes": sum(sizes.values()),
                    "files": len(files),
                    "search_data_gz_bytes": sum(
                        size for name, size in sizes.items() if name.endswith(".json")
                    ),
                    "largest": max(sizes.items(), key=lambda item: item[1]),
                    "ready_ms": found["ready"],
                    "results_shown": found["shown"],
                }
            browser.close()
    finally:
        server.stop()
    totals = [q["gz_bytes"] for q in per_query.values()]
    return {
        "queries": per_query,
        "median_gz_bytes": statistics.median(totals),
        "max_gz_bytes": max(totals),
        "max_query": max(per_query, key=lambda q: per_query[q]["gz_bytes"]),
    }


def _local(output: Path, url: str) -> str:
    """The file of the built site that a URL of the local server names."""
    path = urlsplit(url).path.lstrip("/")
    return path + "index.html" if not path or path.endswith("/") else path


def main() -> None:
    from bench.run import QUERIES

    found = first_results(Path(sys.argv[1]), QUERIES)
    for query, figures in found["queries"].items():
        print(
            f"{query!r}: {figures['gz_bytes'] / 1000:,.0f} KB in {figures['files']} files"
            f" (search data {figures['search_data_gz_bytes'] / 1000:,.0f} KB; largest"
            f" {figures['largest'][0]} {figures['largest'][1] / 1000:,.0f} KB),"
            f" {figures['results_shown']} shown after {figures['ready_ms']:,.0f} ms"
        )
    print(
        f"median {found['median_gz_bytes'] / 1000:,.0f} KB, most"
        f" {found['max_gz_bytes'] / 1000:,.0f} KB ({found['max_query']!r})"
    )


if __name__ == "__main__":
    main()
