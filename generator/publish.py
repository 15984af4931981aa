"""Output as a transaction: write into a staging directory, swap it in on success.

A failed build (an exception anywhere while writing) deletes the staging
directory and leaves the previous output exactly as it was. A successful build
replaces the output whole, so pages of deleted entries do not linger.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any


def dumps(data: Any) -> str:
    """Deterministic, compact JSON: sorted keys, no spaces, UTF-8 text as it is."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class UnsafeOutput(Exception):
    """The output directory or a path inside it cannot be written safely."""


class Writer:
    """Writes files below one root; refuses duplicates and paths that escape it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: set[str] = set()

    def write(self, relpath: str, data: bytes | str) -> None:
        path = PurePosixPath(relpath)
        if path.is_absolute() or ".." in path.parts or not path.parts:
            raise UnsafeOutput(f"pad buiten de uitvoermap: {relpath}")
        if relpath in self.written:
            raise UnsafeOutput(f"twee pagina's willen hetzelfde bestand schrijven: {relpath}")
        self.written.add(relpath)
        target = self.root.joinpath(*path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    def write_json(self, relpath: str, data: Any) -> None:
        """A data file for the browser: compact JSON with sorted keys (see `dumps`), one line."""
        self.write(relpath, dumps(data) + "\n")

    def copy_tree(self, source: Path, relpath: str) -> None:
        """Copy every file below `source` into `relpath`, in a stable order."""
        for file in sorted(p for p in source.rglob("*") if p.is_file()):
            self.write(f"{relpath}/{file.relative_to(source).as_posix()}", file.read_bytes())


def check_output_dir(output_dir: Path, protected: list[Path]) -> None:
    """Refuse an output directory whose replacement would delete other files."""
    out = output_dir.resolve()
    for path in protected:
        path = path.resolve()
        if out == path or out in path.parents:
            raise UnsafeOutput(
                f"de uitvoermap {output_dir} is of bevat {path}, en die map zou dan verdwijnen;"
                " kies een andere map"
            )
    if out == Path.cwd().resolve() or out == Path.home().resolve() or out.parent == out:
        raise UnsafeOutput(
            f"de uitvoermap {output_dir} mag niet de huidige map, uw eigen map of de hoofdmap zijn;"
            " kies een andere map"
        )
    if out.exists() and not _replaceable(out):
        raise UnsafeOutput(
            f"de uitvoermap {output_dir} bestaat al, maar is geen eerder gebouwde site"
            " (er staat geen index.html in); kies een lege of nieuwe map,"
            " zodat er niets verloren gaat"
        )


def _replaceable(out: Path) -> bool:
    """An empty directory or an earlier build (it has index.html): safe to replace whole."""
    return out.is_dir() and (not any(out.iterdir()) or (out / "index.html").is_file())


@contextmanager
def staging(output_dir: Path) -> Iterator[Writer]:
    """Yield a Writer on a staging directory next to `output_dir`; swap it in on success."""
    parent = output_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}-nieuw-", dir=parent))
    try:
        yield Writer(stage)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    os.chmod(stage, 0o755)  # mkdtemp makes it private; a web server must read it
    old = None
    if output_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}-oud-", dir=parent))
        os.replace(output_dir, old / "tree")
    os.replace(stage, output_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
