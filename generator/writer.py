"""Writing the files of a site below one folder: `Writer`, and the JSON it writes.

A Writer refuses paths that escape its folder and a second file at the same path,
writes every file 0644, and can take a file from the previous output instead of writing
it again: `link` for a page that `kept_pages` found unchanged, and by itself for any file
written in one piece whose bytes equal the previous output's (a hard link: the file is
not written again, and removing the old output frees nothing it still uses).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path, PurePosixPath
from typing import Any


def dumps(data: Any) -> str:
    """Deterministic, compact JSON: sorted keys, no spaces, UTF-8 text as it is."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def dumps_pieces(data: dict[str, Any], key: str, items: Iterable[Any]) -> Iterator[str]:
    """`dumps({**data, key: list(items)})` in pieces, the items made one at a time: a large
    list need not be in memory as a whole, nor as one string."""
    names = sorted([*data, key])
    for n, name in enumerate(names):
        yield ("{" if n == 0 else ",") + json.dumps(name, ensure_ascii=False) + ":"
        if name != key:
            yield dumps(data[name])
            continue
        yield "["
        for i, item in enumerate(items):
            yield ("," if i else "") + dumps(item)
        yield "]"
    yield "}"


class UnsafeOutput(Exception):
    """The output directory or a path inside it cannot be written safely."""


class Writer:
    """Writes files below one root; refuses duplicates and paths that escape it."""

    def __init__(self, root: Path, replace: bool = False, previous: Path | None = None) -> None:
        self.root = root
        self.replace = replace
        """Write each file beside its place and rename it there: a reader (serve) sees the
        old file or the new one, never half of one. A staging folder needs no such care."""
        self.previous = None if replace else previous
        """The previous output, if any: a file written in one piece with the same bytes as
        its file there is linked from there instead (see `_link_same`)."""
        self.written: set[str] = set()
        self._folders: set[Path] = set()  # made (or found) by this Writer: one mkdir each

    def like(self) -> Writer:
        """A new Writer on the same root, the same way (for a worker process)."""
        return Writer(self.root, self.replace, self.previous)

    def write(self, relpath: str, data: bytes | str) -> None:
        self.write_chunks(relpath, (data.encode("utf-8") if isinstance(data, str) else data,))

    def write_chunks(self, relpath: str, chunks: Iterable[bytes]) -> int:
        """Write a file piece by piece (a large one need not be in memory at once); its size."""
        target = self._target(relpath)
        pieces = iter(chunks)
        first = next(pieces, b"")
        second = next(pieces, None)
        if second is None and self._link_same(relpath, target, first):
            return len(first)
        beside = target.with_name(f".{target.name}.{os.getpid()}.nieuw")
        written = beside if self.replace else target
        size = 0
        try:
            with open(written, "wb") as out:
                for chunk in chain((first,), () if second is None else (second,), pieces):
                    out.write(chunk)
                    size += len(chunk)
        except BaseException:
            if written != target:
                written.unlink(missing_ok=True)  # serve keeps the old file, and no half one
            raise
        os.chmod(written, 0o644)
        if written != target:
            os.replace(written, target)
        return size

    def link(self, relpath: str, source: Path) -> None:
        """Put the file `source` (of an earlier output) at `relpath`: a hard link, so
        nothing is copied; a copy where the disk has no hard links. Never through a
        symlink, and only into a staging folder (one that no one reads yet)."""
        assert not self.replace, "a file that serve shows is written whole, beside it"
        target = self._target(relpath)
        try:
            os.link(source, target, follow_symlinks=False)
        except OSError as refused:
            if refused.errno not in (errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP):
                raise
            shutil.copyfile(source, target, follow_symlinks=False)
            os.chmod(target, 0o644)

    def _link_same(self, relpath: str, target: Path, data: bytes) -> bool:
        """Link the previous output's file at `relpath` to `target` when it is a regular
        file (not a link), 0644 as we write them, with exactly these bytes; whether it did."""
        if self.previous is None:
            return False
        source = self.previous.joinpath(*PurePosixPath(relpath).parts)
        try:
            with os.fdopen(os.open(source, os.O_RDONLY | os.O_NOFOLLOW), "rb") as old:
                found = os.fstat(old.fileno())
                if found.st_size != len(data) or found.st_mode & 0o7777 != 0o644:
                    return False
                if not stat.S_ISREG(found.st_mode):
                    return False
                if old.read() != data:
                    return False
            os.link(source, target, follow_symlinks=False)
        except OSError:  # not there, or no hard links here: write it
            return False
        return True

    def _target(self, relpath: str) -> Path:
        """Where `relpath` goes, claimed for this Writer, with its folder made."""
        path = PurePosixPath(relpath)
        if path.is_absolute() or ".." in path.parts or not path.parts:
            raise UnsafeOutput(f"pad buiten de uitvoermap: {relpath}")
        self._claim(relpath)
        target = self.root.joinpath(*path.parts)
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        return target

    def adopt(self, written: tuple[str, ...]) -> None:
        """Count the files another Writer on the same root wrote (a worker's, `workers`)."""
        for relpath in written:
            self._claim(relpath)

    def _claim(self, relpath: str) -> None:
        if relpath in self.written:
            raise UnsafeOutput(f"twee pagina's willen hetzelfde bestand schrijven: {relpath}")
        self.written.add(relpath)

    def write_json(self, relpath: str, data: Any) -> None:
        """A data file for the browser: compact JSON with sorted keys (see `dumps`), one line."""
        self.write(relpath, dumps(data) + "\n")

    def copy_tree(
        self, source: Path, relpath: str, change: Callable[[str, bytes], bytes] | None = None
    ) -> None:
        """Copy every file below `source` into `relpath`, in a stable order; `change` may
        rewrite a file (its name below `source`, its bytes)."""
        for file in sorted(p for p in source.rglob("*") if p.is_file()):
            name = file.relative_to(source).as_posix()
            data = file.read_bytes()
            self.write(f"{relpath}/{name}", change(name, data) if change else data)
