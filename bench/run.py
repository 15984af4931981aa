"""Search benchmark: build, download size, index load and query latency for N activities.

    .venv/bin/python -m bench.run            # N = 1,000 and 10,000
    .venv/bin/python -m bench.run 1000       # one size

For each N: generate deterministic content (bench/generate.py), build it in a
separate process (wall time and peak memory of the whole build), time the index
build alone, add up the gzipped bytes a browser downloads before the first
result can show on /zoeken/ (page, CSS, scripts, display data, index), and in
headless Chromium measure index decoding (JSON.parse + Index.load) and the
latency of a fixed set of 1-3 word queries through the page's own search code.
Figures are printed as a Markdown table; timing is never a pass/fail test.
"""

from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import generate  # noqa: E402
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, StaticServer  # noqa: E402

QUERIES = [
    "eenzaam",
    "schulden",
    "taalcafe",
    "vrijwilligerswerk",
    "koffie ochtend",
    "hulp bij geld",
    "werk zoeken",
    "mantelzorg",
    "jongeren sport",
    "ouderen wandelen",
    "schuldhulpverlening",
    "vrijwiligerswerk",
    "dagbesteding",
    "opvoeding hulp",
    "computer les",
    "samen eten",
    "psychische klachten",
    "nieuwkomers taal",
    "beweging ouderen",
    "budget cursus",
]
ROUNDS = 5  # each query is timed this many times after one warm-up

BUILD_SCRIPT = """
import resource, sys, time
from pathlib import Path
from generator.build import build
started = time.perf_counter()
build(Path(sys.argv[1]), Path(sys.argv[2]))
seconds = time.perf_counter() - started
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.3f} {peak_mb:.1f}")
"""

INDEX_SCRIPT = """
import sys, time
from pathlib import Path
from generator.build import check
from generator import search
site, _ = check(Path(sys.argv[1]))
started = time.perf_counter()
documents = search.build_documents(site)
index = search.build_index(documents)
search.dumps(search.encode_index(index))
print(f"{time.perf_counter() - started:.3f}")
"""


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def first_result_bytes(out: Path) -> dict[str, int]:
    """Gzipped size of every file /zoeken/ needs before the first result can show."""
    page = out / "zoeken" / "index.html"
    html = page.read_text(encoding="utf-8")
    files = {"zoeken/index.html": page, "static/style.css": out / "static" / "style.css"}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        name = path.name
        if path.is_file() and (rel.startswith("zoeken/") or rel.startswith("static/")):
            if name in html or rel.split("/", 1)[-1] in html:
                files[rel] = path
    return {rel: gzipped(path) for rel, path in sorted(files.items())}


def browser_figures(out: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    server = StaticServer(out)
    base = server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(base + "zoeken/")
            page.wait_for_selector("#zoeken[data-klaar=true]", timeout=120_000)
            ready = (time.perf_counter() - started) * 1000
            decode = page.evaluate("socialeKaartZoeken.state.decodeMs")
            timings = page.evaluate(
                """([queries, rounds]) => {
                  const z = socialeKaartZoeken, out = [];
                  for (const q of queries) {
                    z.search(q);  // warm-up
                    for (let i = 0; i < rounds; i++) {
                      const t = performance.now(); z.search(q); out.push(performance.now() - t);
                    }
                  }
                  return out;
                }""",
                [QUERIES, ROUNDS],
            )
            browser.close()
    finally:
        server.stop()
    timings.sort()
    return {
        "ready_ms": ready,
        "decode_ms": decode,
        "median_ms": statistics.median(timings),
        "p95_ms": timings[int(0.95 * (len(timings) - 1))],
    }


def measure(n: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
        content = generate(n, Path(tmp) / "content")
        out = Path(tmp) / "out"
        python = sys.executable
        build_out = subprocess.run(
            [python, "-c", BUILD_SCRIPT, str(content), str(out)],
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        index_seconds = float(
            subprocess.run(
                [python, "-c", INDEX_SCRIPT, str(content)],
                cwd=REPO,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        sizes = first_result_bytes(out)
        raw_index = (out / "zoeken" / "index.json").stat().st_size
        figures = {
            "n": n,
            "build_s": float(build_out[0]),
            "build_peak_mb": float(build_out[1]),
            "index_build_s": index_seconds,
            "index_raw_kb": raw_index / 1024,
            "first_result_gzip_kb": sum(sizes.values()) / 1024,
            "files": {k: round(v / 1024, 1) for k, v in sizes.items()},
        }
        figures.update(browser_figures(out))
        return figures


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    rows = [measure(n) for n in sizes]
    print(
        "| N | build (s) | build peak (MB) | index build (s) | index raw (KB) |"  # noqa: T201
        " before first result, gzip (KB) | index decode (ms) | query median (ms) |"
        " query p95 (ms) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")  # noqa: T201
    for r in rows:
        print(  # noqa: T201
            f"| {r['n']:,} | {r['build_s']:.1f} | {r['build_peak_mb']:.0f} |"
            f" {r['index_build_s']:.2f} | {r['index_raw_kb']:.0f} |"
            f" {r['first_result_gzip_kb']:.0f} | {r['decode_ms']:.0f} |"
            f" {r['median_ms']:.2f} | {r['p95_ms']:.2f} |"
        )
    print()  # noqa: T201
    print(json.dumps(rows, indent=1))  # noqa: T201


if __name__ == "__main__":
    main()
