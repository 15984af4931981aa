"""Golden output: what a build writes, recorded in the repository and compared byte for byte.

Two corpora are recorded (see tests/golden/README.md):

- tests/golden/proefdorp/ (a small fixture corpus): every file of its build is kept in
  tests/golden/proefdorp-verwacht/, except static/ (copies of templates/static and of
  npm packages), whose files are recorded by hash only. MANIFEST.sha256 lists the hash
  of every file of the build, static/ included.
- content/ (the example site): tests/golden/voorbeeld.sha256, the hash of every file.

`compare` reports which files differ and, where the file is kept, the first lines that
differ. `python -m tests.golden_output` (or `make golden`) records a deliberate change.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden"
SMALL_CONTENT = GOLDEN / "proefdorp"
SMALL_EXPECTED = GOLDEN / "proefdorp-verwacht"
EXAMPLE_MANIFEST = GOLDEN / "voorbeeld.sha256"
MANIFEST_NAME = "MANIFEST.sha256"
# The build's "today" (freshness warnings only; no page shows it), pinned all the same.
TODAY = dt.date(2026, 11, 30)
HASH_ONLY = ("static/",)


def build_tree(content_dir: Path, output_dir: Path) -> Path:
    from generator.build import build

    build(content_dir=content_dir, output_dir=output_dir, today=TODAY)
    return output_dir


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def manifest(files: dict[str, bytes]) -> str:
    return "".join(f"{hashlib.sha256(files[p]).hexdigest()}  {p}\n" for p in sorted(files))


def read_manifest(text: str) -> dict[str, str]:
    entries = {}
    for line in text.splitlines():
        digest, _, path = line.partition("  ")
        entries[path] = digest
    return entries


def _kept(path: str) -> bool:
    return not path.startswith(HASH_ONLY) and path != MANIFEST_NAME


def record_small(output_dir: Path) -> None:
    """Replace tests/golden/proefdorp-verwacht/ with the files of a fresh build."""
    files = files_of(output_dir)
    shutil.rmtree(SMALL_EXPECTED, ignore_errors=True)
    for path, data in files.items():
        if _kept(path):
            target = SMALL_EXPECTED / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    (SMALL_EXPECTED / MANIFEST_NAME).write_text(manifest(files), encoding="utf-8")


def record_example(output_dir: Path) -> None:
    EXAMPLE_MANIFEST.write_text(manifest(files_of(output_dir)), encoding="utf-8")


def _first_difference(path: str, expected: bytes, actual: bytes, context: int = 3) -> str:
    """The first differing lines of two versions of a file, each line cut to 200 characters."""
    try:
        old, new = expected.decode("utf-8"), actual.decode("utf-8")
    except UnicodeDecodeError:
        return f"  {path}: binaire inhoud verschilt\n"

    def cut(lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            out.append(line if len(line) <= 200 else line[:200] + " …\n")
        return out

    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    if len(old_lines) == 1 and len(new_lines) == 1:
        # One long line (JSON): show where it starts to differ.
        at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), 0)
        start = max(0, at - 80)
        old_lines, new_lines = [old[start : at + 120] + "\n"], [new[start : at + 120] + "\n"]
    diff = difflib.unified_diff(
        cut(old_lines), cut(new_lines), f"verwacht/{path}", f"gebouwd/{path}", n=context
    )
    lines = list(diff)[:40]
    return "".join(lines) + ("\n" if lines and not lines[-1].endswith("\n") else "")


def compare(
    actual: dict[str, bytes], expected_hashes: dict[str, str], kept: Path | None = None
) -> str:
    """An empty string when the build equals the recording; otherwise what differs."""
    problems = []
    actual_hashes = {p: hashlib.sha256(d).hexdigest() for p, d in actual.items()}
    for path in sorted(expected_hashes.keys() - actual_hashes.keys()):
        problems.append(f"ontbreekt: {path}\n")
    for path in sorted(actual_hashes.keys() - expected_hashes.keys()):
        problems.append(f"nieuw: {path}\n")
    for path in sorted(actual_hashes.keys() & expected_hashes.keys()):
        if actual_hashes[path] == expected_hashes[path]:
            continue
        problems.append(f"anders: {path}\n")
        if kept is not None and (kept / path).is_file():
            problems.append(_first_difference(path, (kept / path).read_bytes(), actual[path]))
    if not problems:
        return ""
    return "".join(problems) + "Bedoeld? Leg de nieuwe uitvoer vast met: make golden\n"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        record_small(build_tree(SMALL_CONTENT, Path(tmp) / "klein"))
        record_example(build_tree(REPO / "content", Path(tmp) / "voorbeeld"))
    print(  # noqa: T201 (a command-line tool)
        f"Vastgelegd: {SMALL_EXPECTED.relative_to(REPO)}/ en {EXAMPLE_MANIFEST.relative_to(REPO)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
