"""Speed and scale benchmark (issue #15): build, check and memory at N activities, beside MkDocs.

    .venv/bin/python -m bench.speed                    # N = 1,000 and 10,000
    .venv/bin/python -m bench.speed 1000 10000 50000   # the sizes you name
    .venv/bin/python -m bench.speed --mkdocs           # and MkDocs 1.6.1 on the same content
    .venv/bin/python -m bench.speed --profiel 10000    # and the top of a one-process profile

It uses a cache folder of its own (SOCIALE_KAART_CACHE, generator/cache_folder.py) and
keeps the Dutch word list in it first, as it is for every build after a machine's first.
For every N it generates the synthetic content (bench/generate.py) and, each in a child
process on this machine:
- builds it into a new folder (`sociale-kaart build`), with no checks kept yet (as in a
  fresh clone): wall time, and the peak memory of the build with its workers. That is the
  sum of their proportional set sizes (PSS, from /proc/<pid>/smaps_rollup, sampled every
  50 ms), which counts a page that forked processes share once; the peak RSS of the main
  process is shown beside it;
- weighs what the search page downloads before its results on words are on screen, in
  Chromium, for each query of bench/run.py (gzip; bench/downloads.py);
- runs `sociale-kaart check --zonder-cache` (every file checked: a pull request on a
  machine without the cache), then edits one activity and runs `sociale-kaart check`
  (an editor's next check: the other files come from the checks kept on disk,
  generator/kept_checks.py); wall time of both;
- edits another activity and builds again into a new folder: wall time; then edits a
  third and builds into the first folder again, as an editor rebuilds a site (the
  unchanged pages are taken from it, generator/kept_pages.py): wall time and peak PSS;
- with --mkdocs: builds the same activities and organisations as Markdown pages with
  MkDocs 1.6.1, with a minimal theme (bench/mkdocs_theme/: title, front-matter lists and
  content, no site-wide navigation, no search index). MkDocs lives in its own virtual
  environment under bench/results/, never in the project's dependencies.
Prints a Markdown report with the command and the machine. Not a test: the figures depend
on the machine; docs/snelheid.md records them.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.downloads import first_results
from bench.generate import generate
from bench.run import QUERIES
from generator.search import compounds

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
MKDOCS_VENV = RESULTS / "mkdocs-venv"
MKDOCS_VERSION = "1.6.1"
THEME = ROOT / "bench" / "mkdocs_theme"
SAMPLE_SECONDS = 0.05


def _children(pid: int) -> list[int]:
    """Every process below `pid` (workers, and their children)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _kilobytes(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def timed(command: list[str], cwd: Path = ROOT) -> dict[str, float]:
    """Run `command`; its wall seconds, and the peaks of the tree's PSS and of its RSS (MB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peaks = {"pss": 0, "rss": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            tree = [process.pid, *_children(process.pid)]
            peaks["pss"] = max(peaks["pss"], sum(_kilobytes(p, "Pss") for p in tree))
            peaks["rss"] = max(peaks["rss"], _kilobytes(process.pid, "Rss"))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode not in (0,):
        raise SystemExit(f"{' '.join(command)} faalde:\n{err.decode()[-2000:]}")
    return {"seconds": seconds, "pss_mb": peaks["pss"] / 1024, "rss_mb": peaks["rss"] / 1024}


def ensure_mkdocs() -> Path:
    """MkDocs in its own virtual environment (made once, under bench/results/)."""
    mkdocs = MKDOCS_VENV / "bin" / "mkdocs"
    if not mkdocs.exists():
        subprocess.run([sys.executable, "-m", "venv", str(MKDOCS_VENV)], check=True)
        pip = [str(MKDOCS_VENV / "bin" / "pip"), "install", "-q", f"mkdocs=={MKDOCS_VERSION}"]
        subprocess.run(pip, check=True)
    return mkdocs


def mkdocs_project(content: Path, project: Path) -> Path:
    """The activities and organisations as an MkDocs project: each file as it is (MkDocs
    reads the YAML front matter as page.meta), an index page, and the minimal theme."""
    docs = project / "docs"
    for folder in ("activiteiten", "organisaties"):
        shutil.copytree(content / folder, docs / folder)
    (docs / "index.md").write_text("# Sociale kaart\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Sociale kaart\n"
        f"theme:\n  name: null\n  custom_dir: {THEME}\n"
        "plugins: []\n"  # no search plugin: MkDocs builds no search index
        "use_directory_urls: true\n",
        encoding="utf-8",
    )
    return project


def profile_top(content: Path, lines: int = 20) -> str:
    """The top of a cProfile of a one-process build (by own time)."""
    from generator.build import build

    with tempfile.TemporaryDirectory() as tmp:
        profiler = cProfile.Profile()
        profiler.enable()
        build(content, Path(tmp) / "uit", processes=1, keep=False)
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(lines)
    return out.getvalue().split("\n", 6)[-1].strip("\n")


def measure(n: int, with_mkdocs: bool, with_profile: bool) -> dict[str, object]:
    python = str(ROOT / ".venv" / "bin" / "python")
    figures: dict[str, object] = {"n": n}
    with tempfile.TemporaryDirectory(prefix=f"snelheid-{n}-") as tmp:
        content = generate(n, Path(tmp) / "content")
        figures["files"] = sum(1 for p in content.rglob("*") if p.is_file())
        build = [python, "-m", "generator", "build", "--content", str(content)]
        figures["build"] = timed([*build, "--output", str(Path(tmp) / "uit")])
        figures["pages"] = sum(1 for _ in (Path(tmp) / "uit").rglob("*.html"))
        found = first_results(Path(tmp) / "uit", QUERIES)  # bench/downloads.py, in Chromium
        figures["search_first_result_kb"] = found["max_gz_bytes"] / 1000
        figures["search_median_kb"] = found["median_gz_bytes"] / 1000
        check = [python, "-m", "generator", "check", "--content", str(content)]
        figures["check"] = timed([*check, "--zonder-cache"])
        edited = sorted((content / "activiteiten").iterdir())
        _edit(edited[0])
        figures["check_after_edit"] = timed(check)
        _edit(edited[1])
        figures["build_after_edit"] = timed([*build, "--output", str(Path(tmp) / "uit-2")])
        _edit(edited[2])  # the editor's next build of the same site: pages kept (kept_pages)
        figures["rebuild_after_edit"] = timed([*build, "--output", str(Path(tmp) / "uit")])
        if with_mkdocs:
            project = mkdocs_project(content, Path(tmp) / "mkdocs")
            mkdocs = [str(ensure_mkdocs()), "build", "-q", "-d", str(Path(tmp) / "mkdocs-uit")]
            figures["mkdocs"] = timed(mkdocs, cwd=project)
            figures["mkdocs_pages"] = sum(1 for _ in (Path(tmp) / "mkdocs-uit").rglob("*.html"))
        if with_profile:
            figures["profile"] = profile_top(content)
    return figures


def _edit(path: Path) -> None:
    """What an editor does: one more sentence in a description."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + " Er is ook koffie.\n", encoding="utf-8")


def report(all_figures: list[dict[str, object]], command: str) -> str:
    lines = [
        f"Command: `{command}`",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python"
        f" {platform.python_version()}, {time.strftime('%Y-%m-%d')}",
        "",
        "| N | pages | build (s) | peak PSS, all processes (MB) | peak RSS, main (MB) |"
        " check, every file (s) | MkDocs (s) | ours / MkDocs | search: all before the results,"
        " median / most (KB gzip) | check after one edit (s) | build after one edit, new"
        " folder (s) | build after one edit, same folder (s) / PSS (MB) | that / MkDocs |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for f in all_figures:
        b, c = f["build"], f["check"]
        c2, b2, b3 = f["check_after_edit"], f["build_after_edit"], f["rebuild_after_edit"]
        m = f.get("mkdocs")
        mk = f"{m['seconds']:.1f}" if m else "-"  # type: ignore[index]
        ratio = f"{b['seconds'] / m['seconds']:.2f}" if m else "-"  # type: ignore[index]
        ratio3 = f"{b3['seconds'] / m['seconds']:.2f}" if m else "-"  # type: ignore[index]
        lines.append(
            f"| {f['n']:,} | {f['pages']:,} | {b['seconds']:.1f} | {b['pss_mb']:.0f} |"  # type: ignore[index]
            f" {b['rss_mb']:.0f} | {c['seconds']:.1f} | {mk} | {ratio} |"  # type: ignore[index]
            f" {f['search_median_kb']:,.0f} / {f['search_first_result_kb']:,.0f} |"
            f" {c2['seconds']:.1f} | {b2['seconds']:.1f} |"  # type: ignore[index]
            f" {b3['seconds']:.1f} / {b3['pss_mb']:.0f} | {ratio3} |"  # type: ignore[index]
        )
    sizes = [f for f in all_figures if f["n"] in (10000, 50000)]
    if len(sizes) == 2:
        growth = sizes[1]["build"]["seconds"] / sizes[0]["build"]["seconds"]  # type: ignore[index]
        lines += ["", f"N = 50,000 takes {growth:.2f} times as long as N = 10,000."]
    for f in all_figures:
        if "profile" in f:
            lines += ["", f"Profile, one process, N = {f['n']:,} (own time):", "```",
                      str(f["profile"]), "```"]  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--mkdocs", action="store_true")
    parser.add_argument("--profiel", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="snelheid-cache-") as cache:
        os.environ["SOCIALE_KAART_CACHE"] = cache  # for this process and the commands
        compounds.word_list()  # kept in the cache folder, as for every build after the first
        figures = [measure(n, args.mkdocs, args.profiel) for n in args.sizes]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "speed.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    print(report(figures, "python -m bench.speed " + " ".join(sys.argv[1:])))


if __name__ == "__main__":
    main()
