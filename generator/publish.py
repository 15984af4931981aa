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
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .writer import UnsafeOutput, Writer, dumps, dumps_pieces

__all__ = ["MARKER", "UnsafeOutput", "Writer", "check_output_dir", "dumps", "dumps_pieces",
           "staging"]  # fmt: skip


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
                writer = Writer(stage, previous=target if target.is_dir() else None)
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
