"""Search benchmark: build time, download size, load time, query latency, memory.

    .venv/bin/python -m bench.run            # N = 1,000 and 10,000
    .venv/bin/python -m bench.run 1000       # one size

For every N it generates the synthetic content (bench/generate.py), runs the real
build in a child process (wall time and peak memory), times the index build on
its own, weighs what the search page downloads, and measures in headless
Debian Chromium how long the index takes to load and how long queries take.
It also builds the index in the ways we did not choose, to show how far each
size decision moves the figures. Results go to
bench/results/bench-N.json and a Markdown summary to stdout. Not a test: the
figures depend on the machine; docs/zoeken.md records them with the machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.downloads import first_results
from bench.generate import generate
from generator import urls
from generator.assets import SEARCH_SCRIPTS, module_imports
from generator.build import DEFAULT_NODE_MODULES, check
from generator.build import DEFAULT_TEMPLATES as TEMPLATES
from generator.publish import dumps
from generator.search import compounds
from generator.search import documents as search_documents
from generator.search import index as search_index
from generator.search import shards as search_shards
from generator.search import text as search_text

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

# A fixed set of one- to three-word queries, as a frontline worker types them.
QUERIES = [
    "eenzaam",
    "schulden",
    "schuld",
    "taalcafe",
    "vrijwilligerswerk",
    "vrijwiligerswerk",
    "koffie",
    "wandelen",
    "senioren",
    "mantelzorg",
    "dementie",
    "budget",
    "computer",
    "jongeren",
    "zwemmen",
    "geld",
    "werk",
    "hulp",
    "huiswerk",
    "moestuin",
    "koffie ouderen",
    "hulp bij schulden",
    "taal oefenen",
    "werk zoeken",
    "eenzaam noord",
    "buurt kookclub",
    "dagbesteding ouderen",
    "sport jongeren",
    "gratis maaltijd",
    "hulp formulieren invullen",
    "mantelzorg even weg",
    "digitale hulp ouderen",
]
ROUNDS = 5


def gz(data: bytes) -> int:
    """Bytes after gzip at level 6, what a typical web server sends."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


# --- Build -------------------------------------------------------------------------------


def run_build(content: Path, output: Path) -> dict[str, float]:
    """The real build (`sociale-kaart build`) in a child process: wall time and peak RSS."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--content",
            str(content),
            "--output",
            str(output),
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "build_seconds": time.perf_counter() - started,
        # ru_maxrss is the largest child so far; sizes run small to large, so it is this one.
        "build_peak_rss_mb": max(peak, before) / 1024,
    }


def time_index_build(content: Path) -> dict[str, Any]:
    """search.write_index's work (documents, lunr build, compact JSON), timed in-process."""
    site, _ = check(content)
    runs = []
    for _ in range(3):
        search_text.stem.cache_clear()
        search_text.term.cache_clear()
        started = time.perf_counter()
        documents = search_documents.build_documents(site)
        t_docs = time.perf_counter()
        builder = search_index.index_builder(documents, compounds.word_list())
        t_lunr = time.perf_counter()
        dumps(search_documents.display_data(site))
        dumps(search_documents.filter_data(documents))
        dumps(search_documents.card_files(documents))
        dumps(search_index.encode_index(builder))
        done = time.perf_counter()
        runs.append((done - started, t_docs - started, t_lunr - t_docs, done - t_lunr))
    best = min(runs)
    return {
        "index_build_seconds": statistics.median(r[0] for r in runs),
        "index_build_parts_seconds": {
            "documents": best[1],
            "lunr_build": best[2],
            "encode_json": best[3],
        },
        "documents": len(documents),
        "terms": len(builder.inverted_index),
    }


# --- Sizes -------------------------------------------------------------------------------


def variant_sizes(content: Path) -> dict[str, int]:
    """Gzipped size of the index built in ways we did not choose, one decision at a time."""
    site, _ = check(content)
    documents = search_documents.build_documents(site)
    words = compounds.word_list()
    ours = search_index.index_builder(documents, words)
    plain = search_index.index_builder(documents, None)
    excerpt = [
        search_documents.Document(
            {**d.fields, "b": " ".join(d.fields["b"].split()[:30])}, d.display
        )
        for d in documents
    ]
    before = search_index.index_builder(excerpt, None)
    return {
        "A_lunr_json_gz": gz(dumps(ours.index.serialize()).encode()),
        "B_scores_once_gz": gz(dumps(scores_once(ours.index)).encode()),
        "C_compact_excerpt_no_compounds_gz": gz(dumps(search_index.encode_index(before)).encode()),
        "D_compact_no_compounds_gz": gz(dumps(search_index.encode_index(plain)).encode()),
        "E_compact_shipped_gz": gz(dumps(search_index.encode_index(ours)).encode()),
    }


def scores_once(index: Any) -> dict[str, Any]:
    """An earlier compact form: lunr's rounded scores, each stored once, refs as deltas.

    [per term: [per field: [ref, score * 1000, ...]]]. The shipped form stores tf,
    idf and field lengths instead and computes the scores in the browser.
    """
    fields = list(index.fields)
    ordered = sorted(index.inverted_index)
    number = {index.inverted_index[t]["_index"]: n for n, t in enumerate(ordered)}
    rows: list[list[list[tuple[int, int]]]] = [[[] for _ in fields] for _ in ordered]
    for field_ref, vector in index.field_vectors.items():
        name, _, ref = field_ref.partition("/")
        elements = vector.elements
        for i in range(0, len(elements), 2):
            rows[number[elements[i]]][fields.index(name)].append(
                (int(ref), round(elements[i + 1] * 1000))
            )
    postings = []
    for row in rows:
        encoded = []
        for entries in row:
            flat: list[int] = []
            previous = 0
            for ref, score in sorted(entries):
                flat += (ref - previous, score)
                previous = ref
            encoded.append(flat)
        postings.append(encoded)
    return {"fields": fields, "terms": ordered, "postings": postings}


def download_sizes(output: Path) -> dict[str, int]:
    """The search files of a built site, gzipped and raw: the fixed ones, and the totals
    of the shards and card files (a query loads only some of those: bench/downloads.py)."""
    fixed = {
        "index": output / urls.SEARCH_INDEX,
        "tekst": output / urls.SEARCH_TEXT,
        "gegevens": output / urls.SEARCH_DATA,
        "filters": output / urls.SEARCH_FILTERS,
        "page_html": output / "zoeken" / "index.html",
        "style_css": output / "static" / "style.css",
    }
    for _, name in SEARCH_SCRIPTS:
        fixed[f"vendor:{name}"] = output / "static" / "vendor" / name
    sizes = {f"{key}_gz": gz(path.read_bytes()) for key, path in fixed.items()}
    sizes.update({f"{key}_raw": path.stat().st_size for key, path in fixed.items()})
    for key, first in (
        ("kern", urls.search_shard(search_shards.CORE_DIR, 0)),
        ("tekst_delen", urls.search_shard(search_shards.TEXT_DIR, 0)),
        ("kaartjes", urls.search_cards(0)),
    ):
        files = sorted((output / first).parent.glob("*.json"))
        sizes[f"{key}_files"] = len(files)
        sizes[f"{key}_gz"] = sum(gz(path.read_bytes()) for path in files)
        sizes[f"{key}_max_gz"] = max((gz(path.read_bytes()) for path in files), default=0)
    # The search page's own modules: pagina.js, every module it imports, and the
    # shortlist buttons that every page loads.
    entry = "js/zoeken/pagina.js"
    names = [entry, *module_imports(TEMPLATES, entry), "js/lijstje/knop.js"]
    modules = [output / "static" / name for name in dict.fromkeys(names)]
    sizes["zoeken_js_gz"] = sum(gz(path.read_bytes()) for path in modules)
    sizes["lunr_scripts_gz"] = sum(
        v for k, v in sizes.items() if k.startswith("vendor:") and k.endswith("_gz")
    )
    return sizes


# --- Browser -----------------------------------------------------------------------------

_MEASURE = """async ([queries, rounds]) => {
  const api = window.socialeKaartZoeken;
  for (const q of queries) await api.search(q, {});  // every shard they need, and warm-up
  const times = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      await api.search(q, {});
      times.push(performance.now() - t0);
    }
  }
  await api.search("", {gratis: true, ladder: ["2", "3"]});  // filters.json
  const filterTimes = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await api.search("", {gratis: true, ladder: ["2", "3"]});
    filterTimes.push(performance.now() - t0);
  }
  const hits = [];
  for (const q of queries) hits.push((await api.search(q, {})).hits.length);
  return {ready: api.state.readyMs, times, filterTimes, hits};
}"""


def browser_figures(output: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from tests.helpers import CHROMIUM, CHROMIUM_ARGS, StaticServer

    server = StaticServer(output)
    base = server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + "zoeken/")
            page.wait_for_selector("#zoeken[data-klaar]", timeout=120_000)
            raw = page.evaluate(_MEASURE, [QUERIES, ROUNDS])
            browser.close()
    finally:
        server.stop()
    return {
        "ready_after_navigation_ms": raw["ready"],
        "query_ms_median": statistics.median(raw["times"]),
        "query_ms_p95": percentile(raw["times"], 0.95),
        "query_ms_max": max(raw["times"]),
        "filters_only_ms_median": statistics.median(raw["filterTimes"]),
        "queries": len(QUERIES),
        "rounds": ROUNDS,
        "hits_per_query": dict(zip(QUERIES, raw["hits"], strict=True)),
    }


# --- Main --------------------------------------------------------------------------------


def bench(n: int, seed: int) -> dict[str, Any]:
    content = RESULTS / f"content-{n}"
    output = RESULTS / f"site-{n}"
    shutil.rmtree(output, ignore_errors=True)  # the benchmark's own; built from nothing
    generate(n, content, seed)
    figures: dict[str, Any] = {"n": n, "seed": seed}
    figures.update(run_build(content, output))
    figures.update(time_index_build(content))
    figures["sizes"] = download_sizes(output)
    figures["first_results"] = first_results(output, QUERIES)
    figures["variants"] = variant_sizes(content)
    figures["browser"] = browser_figures(output)
    return figures


def summary(results: list[dict[str, Any]]) -> str:
    kb = 1000
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()},"
        f" {platform.platform()}. KB = 1,000 bytes; gzip level 6.",
        "",
        "| | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]

    def row(label: str, fn: Any) -> None:
        lines.append(f"| {label} | " + " | ".join(fn(r) for r in results) + " |")

    row(
        "Documents (activities + organisations) / index terms",
        lambda r: f"{r['documents']:,} / {r['terms']:,}",
    )
    row(
        "Index build (documents + lunr + JSON), median of 3",
        lambda r: f"{r['index_build_seconds']:.2f} s",
    )
    row("Whole build (`sociale-kaart build`), wall time", lambda r: f"{r['build_seconds']:.1f} s")
    row("Whole build, peak memory (RSS)", lambda r: f"{r['build_peak_rss_mb']:.0f} MB")

    def kb_file(key: str) -> Any:
        return lambda r: (
            f"{r['sizes'][key + '_gz'] / kb:,.0f} KB ({r['sizes'][key + '_raw'] / kb:,.0f} KB)"
        )

    def kb_files(key: str) -> Any:
        return lambda r: (
            f"{r['sizes'][key + '_files']:,} files, {r['sizes'][key + '_gz'] / kb:,.0f} KB"
            f" (largest {r['sizes'][key + '_max_gz'] / kb:,.0f} KB)"
        )

    row("gegevens.json (facets) gzipped (raw)", kb_file("gegevens"))
    row("index.json (terms of the core) gzipped (raw)", kb_file("index"))
    row("index-tekst.json (terms of the descriptions) gzipped (raw)", kb_file("tekst"))
    row("filters.json (after the first results) gzipped (raw)", kb_file("filters"))
    row("kern/N.json shards (core postings), gzipped in all", kb_files("kern"))
    row("tekst/N.json shards (description postings), gzipped in all", kb_files("tekst_delen"))
    row("kaartjes/N.json (result cards), gzipped in all", kb_files("kaartjes"))
    row(
        "lunr + stemmer support + lunr.nl, gzipped",
        lambda r: f"{r['sizes']['lunr_scripts_gz'] / kb:,.1f} KB",
    )
    row(
        "zoeken modules (js/zoeken/*.js, js/dom.js, js/aantal.js) gzipped",
        lambda r: f"{r['sizes']['zoeken_js_gz'] / kb:,.1f} KB",
    )
    row(
        f"**Everything fetched before complete results, /zoeken/?q=, median / most**"
        f" ({len(QUERIES)} queries, bench/downloads.py)",
        lambda r: (
            f"**{r['first_results']['median_gz_bytes'] / kb:,.0f} /"
            f" {r['first_results']['max_gz_bytes'] / kb:,.0f} KB**"
        ),
    )
    row(
        "Results complete after navigation, localhost, slowest query",
        lambda r: f"{max(q['ready_ms'] for q in r['first_results']['queries'].values()):,.0f} ms",
    )
    row(
        f"**Query latency median / p95** ({len(QUERIES)} queries x {ROUNDS})",
        lambda r: (
            f"**{r['browser']['query_ms_median']:.2f} / {r['browser']['query_ms_p95']:.2f} ms**"
        ),
    )
    row("Query latency max", lambda r: f"{r['browser']['query_ms_max']:.1f} ms")
    row(
        "Filters-only listing, median", lambda r: f"{r['browser']['filters_only_ms_median']:.2f} ms"
    )
    lines += [
        "",
        "Index size by design choice (gzipped, index file only):",
        "",
        "| Variant | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]
    names = {
        "A_lunr_json_gz": "A. lunr's own JSON (full text, compound parts, numeric refs)",
        "B_scores_once_gz": "B. ... each score stored once, refs as deltas",
        "C_compact_excerpt_no_compounds_gz": (
            "C. compact (tf, idf, lengths), 30-word excerpt, no compound parts (until 2026-12)"
        ),
        "D_compact_no_compounds_gz": "D. compact, full text, no compound parts",
        "E_compact_shipped_gz": "E. compact, full text, with compound parts (shipped)",
    }
    for key, label in names.items():
        row(label, lambda r, key=key: f"{r['variants'][key] / kb:,.0f} KB")
    return "\n".join(lines)


def relevance_figure() -> str:
    """The relevance set on the example content, in the Python reference (tests assert it)."""
    import tempfile

    from generator.build import build
    from generator.search.reference import Searcher
    from tests.relevance_set import load_cases, score

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        build(ROOT / "content", out)
        searcher = Searcher.from_site(out)
    urls_by_ref = searcher.data["kolommen"]["url"]

    def results(query: str) -> list[str]:
        return [
            urls_by_ref[h.ref].rstrip("/").rsplit("/", 1)[-1] for h in searcher.search(query).hits
        ]

    found = score(load_cases(), results)
    return (
        f"Relevance set (tests/relevance/zoekvragen.yaml, example content): {found.hits} of"
        f" {found.total} in the top 3 ({found.share:.0%});"
        f" named cases missed: {len(found.named_misses)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sizes",
        type=int,
        nargs="*",
        default=[1000, 10000],
        help="numbers of activities (default: 1000 10000)",
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not (DEFAULT_NODE_MODULES / "lunr").is_dir():
        sys.exit("node_modules ontbreekt: draai eerst npm ci --ignore-scripts")
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = []
    for n in sorted(args.sizes):
        figures = bench(n, args.seed)
        (RESULTS / f"bench-{n}.json").write_text(json.dumps(figures, indent=2) + "\n")
        results.append(figures)
    sys.stdout.write(summary(results) + "\n\n" + relevance_figure() + "\n")


if __name__ == "__main__":
    main()
