"""Output as a transaction: write into a staging directory, swap it in on success.

A failed build (an exception anywhere while writing) deletes the staging
directory and leaves the previous output exactly as it was. A successful build
replaces the output whole, so pages of deleted entries do not linger.

- The swap is one atomic exchange of the two directories (Linux renameat2 with
  RENAME_EXCHANGE), so at no instant is the published output missing or half
  written; where the system has no exchange, two renames right after each other.
- Every output holds a marker file (MARKER); a folder with files but without it is
  never replaced, so `--output` cannot wipe a folder that the build did not make.
- A lock on the folder that holds the output serialises builds into it; the second
  one stops with a message. Leftovers of an interrupted build are removed by the next one.
- A symlinked output stays a symlink: the directory it points to is replaced.
- Files are written 0644 and folders 0755, whatever the umask.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
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

    def __init__(self, root: Path, replace: bool = False) -> None:
        self.root = root
        self.replace = replace
        """Write each file beside its place and rename it there: a reader (serve) sees the
        old file or the new one, never half of one. A staging folder needs no such care."""
        self.written: set[str] = set()
        self._folders: set[Path] = set()  # made (or found) by this Writer: one mkdir each

    def like(self) -> Writer:
        """A new Writer on the same root, the same way (for a worker process)."""
        return Writer(self.root, self.replace)

    def write(self, relpath: str, data: bytes | str) -> None:
        self.write_chunks(relpath, (data.encode("utf-8") if isinstance(data, str) else data,))

    def write_chunks(self, relpath: str, chunks: Iterable[bytes]) -> int:
        """Write a file piece by piece (a large one need not be in memory at once); its size."""
        target = self._target(relpath)
        beside = target.with_name(f".{target.name}.{os.getpid()}.nieuw")
        written = beside if self.replace else target
        size = 0
        try:
            with open(written, "wb") as out:
                for chunk in chunks:
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


MARKER = ".sociale-kaart-uitvoer"
MARKER_TEXT = (
    "Deze map is gemaakt door 'sociale-kaart build' en wordt bij elke bouw in zijn geheel"
    " vervangen. Zet hier dus zelf geen bestanden neer.\n"
)


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
    cwd = Path.cwd().resolve()
    if out == cwd or out in cwd.parents or out == Path.home().resolve() or out.parent == out:
        raise UnsafeOutput(
            f"de uitvoermap {output_dir} mag niet de huidige map (of een map daarboven), uw"
            " eigen map of de hoofdmap zijn; kies een andere map"
        )
    if out.exists() and not _replaceable(out):
        older = (out / "index.html").is_file() and (out / "sitemap.xml").is_file()
        hint = (
            " Is het een site van een oudere versie van Sociale Kaart? Verwijder de map dan"
            " eerst zelf."
            if older
            else ""
        )
        raise UnsafeOutput(
            f"de uitvoermap {output_dir} bestaat al, maar is niet door sociale-kaart gemaakt"
            f" (het bestand {MARKER} ontbreekt); kies een lege of nieuwe map,"
            f" zodat er niets verloren gaat{'.' + hint if hint else ''}"
        )


def _replaceable(out: Path) -> bool:
    """An empty directory or an earlier build (it has the marker): safe to replace whole."""
    return out.is_dir() and (not any(out.iterdir()) or (out / MARKER).is_file())


@contextmanager
def staging(output_dir: Path) -> Iterator[Writer]:
    """Yield a Writer on a staging directory next to `output_dir`; swap it in on success."""
    target = output_dir.resolve()  # through a symlink: the directory it points to
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        with _lock(parent, output_dir):
            _remove_leftovers(parent, target.name)
            stage = Path(tempfile.mkdtemp(prefix=f".{target.name}-nieuw-", dir=parent))
            try:
                writer = Writer(stage)
                yield writer
                writer.write(MARKER, MARKER_TEXT)
                _make_readable(stage)
                _swap(stage, target)
            finally:
                shutil.rmtree(stage, ignore_errors=True)  # new tree on failure, old on success
    except OSError as failed:
        where = _shown(failed.filename, parent, output_dir)
        reason = _REASONS.get(failed.errno or 0) or failed.strerror or type(failed).__name__
        raise UnsafeOutput(f"de website kan niet worden geschreven: {where}{reason}") from failed


_REASONS = {
    errno.EACCES: "er zijn geen schrijfrechten",
    errno.EPERM: "dit mag niet (geen rechten, of de map is beveiligd)",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quota) is op",
    errno.EFBIG: "een bestand is te groot voor deze schijf",
    errno.EROFS: "deze schijf is alleen-lezen",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.ENAMETOOLONG: "het pad is te lang",
}


def _shown(filename: object, parent: Path, output_dir: Path) -> str:
    """`<path>: ` for a message, with a staging copy shown as the output it becomes."""
    if not isinstance(filename, str | os.PathLike):
        return ""
    path = Path(filename)
    try:
        inside = path.relative_to(parent)
    except ValueError:
        return f"{path}: "
    if inside.parts and inside.parts[0].startswith(f".{output_dir.resolve().name}-"):
        return f"{Path(output_dir, *inside.parts[1:])}: "
    return f"{path}: "


@contextmanager
def _lock(parent: Path, output_dir: Path) -> Iterator[None]:
    """An exclusive lock on the folder that holds the output (no lock file is left)."""
    handle = os.open(parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UnsafeOutput(
                f"er loopt al een bouw naar {output_dir} (of naar een map ernaast); wacht tot"
                " die klaar is en probeer het dan opnieuw"
            ) from None
        yield
    finally:
        os.close(handle)


def _remove_leftovers(parent: Path, name: str) -> None:
    """Staging and old copies that an interrupted build left behind (under our lock)."""
    for leftover in sorted(parent.glob(f".{name}-nieuw-*")) + sorted(parent.glob(f".{name}-oud-*")):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def _make_readable(root: Path) -> None:
    """0755 for every folder (Writer.write makes files 0644), so a web server can read them."""
    for folder, _dirs, _files in os.walk(root):
        os.chmod(folder, 0o755)


def _swap(stage: Path, target: Path) -> None:
    """Put `stage` where `target` is; afterwards `stage` holds the old tree (if any)."""
    if not target.exists():
        os.rename(stage, target)
        return
    try:
        exchange(stage, target)
    except OSError as unsupported:
        if unsupported.errno not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise
        # No atomic exchange here: two renames, the old tree kept until the new is in.
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-oud-", dir=target.parent))
        os.replace(target, old / "tree")
        os.replace(stage, target)
        os.replace(old / "tree", stage)
        old.rmdir()


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> None:
    """Swap two directories in one atomic step (Linux renameat2, RENAME_EXCHANGE)."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 ontbreekt")
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))
