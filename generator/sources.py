"""Reading the content folder as untrusted input: which files, and their text.

A content repository takes pull requests from many people, so a file may be a
symlink to /etc/shadow, a symlink loop, a FIFO that never ends, a gigabyte, or a
folder without read rights. `ContentFolder` reads only regular files whose real
path lies inside the content folder, up to MAX_FILE_BYTES, and reports every
other case as a diagnostic with the file's name (line 1) that never shows what is
in it. It lists a folder's entry files, and warns about what it skips.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostics, display_path
from .frontmatter import decode

MAX_FILE_BYTES = 1_000_000  # far above MAX_CHARS of a description plus its fields
KEPT_QUIET = {".gitkeep", ".keep"}  # files that only keep an empty folder in git
NOT_REGULAR = "dit is geen gewoon bestand; zet hier een tekstbestand neer"
LOOP = "deze link verwijst in een kring naar zichzelf; vervang hem door het bestand"
TOO_BIG = f"dit bestand is groter dan {MAX_FILE_BYTES // 1_000_000} MB; dat is geen inhoud"
# Open without following a link and without waiting on a FIFO; the open file itself is
# then checked, so a file swapped after the checks above cannot slip through.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class ContentFolder:
    """The content folder; paths outside its real path are never read."""

    root: Path

    @functools.cached_property
    def _real_root(self) -> Path:
        return self.root.resolve()

    def _problem(self, path: Path) -> tuple[str | None, str]:
        """Why `path` may not be read, or None; and its real path."""
        try:
            real = os.path.realpath(path, strict=True)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return LOOP, ""
            if isinstance(exc, FileNotFoundError):
                if path.is_symlink():
                    return "deze link verwijst naar een bestand dat niet bestaat", ""
                return "dit bestand ontbreekt", ""
            return _unreadable(exc), ""
        root = str(self._real_root)
        if not (real == root or real.startswith(root.rstrip(os.sep) + os.sep)):
            return (
                "deze link verwijst naar een bestand buiten de map met inhoud; dat wordt niet"
                " gelezen. Zet het bestand zelf in de map"
            ), real
        try:
            found = os.stat(real)
        except OSError as exc:
            return _unreadable(exc), real
        if not stat.S_ISREG(found.st_mode):
            return NOT_REGULAR, real
        if found.st_size > MAX_FILE_BYTES:
            return TOO_BIG, real
        return None, real

    def exists(self, path: Path) -> bool:
        return path.exists() or path.is_symlink()

    def read(self, path: Path, diags: Diagnostics) -> str | None:
        """The text of a content file, or None with the reason reported."""
        data = self.read_bytes(path, diags)
        return decode(data, display_path(path), diags) if data is not None else None

    def read_bytes(self, path: Path, diags: Diagnostics) -> bytes | None:
        """The bytes of a content file, or None with the reason reported."""
        problem, real = self._problem(path)
        if problem is None:
            try:
                data = _read_regular(real)
                if data is not None:
                    return data
                problem = NOT_REGULAR  # it changed after it was checked
            except OSError as exc:
                problem = _unreadable(exc)
        diags.error(display_path(path), 1, "", problem)
        return None

    def entry_files(self, folder: Path, diags: Diagnostics) -> list[Path]:
        """The names of a folder's `.md` files, sorted; what it skips, it warns about."""
        shown = display_path(folder)
        problem = None if folder.is_dir() else "deze map ontbreekt"
        if problem is None and not folder.resolve().is_relative_to(self._real_root):
            problem = (
                "deze map verwijst naar een map buiten de map met inhoud; die wordt niet gelezen"
            )
        entries: list[os.DirEntry[str]] = []
        if problem is None:
            try:
                with os.scandir(folder) as found:
                    entries = sorted(found, key=lambda entry: entry.name)
            except OSError as exc:
                problem = _unreadable(exc)
        if problem:
            diags.error(shown, 1, "", problem)
            return []
        files = []
        for entry in entries:  # DirEntry: its type without a stat per file
            path = folder / entry.name
            if entry.name in KEPT_QUIET:
                continue
            skipped = _skipped(entry, folder)
            if skipped:
                diags.warning(display_path(path), 1, "", skipped)
            else:
                files.append(path)
        return files


def _read_regular(real: str) -> bytes | None:
    """The first MAX_FILE_BYTES + 1 bytes of a regular file, or None if it is not one."""
    with os.fdopen(os.open(real, OPEN_FLAGS), "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            return None
        return file.read(MAX_FILE_BYTES + 1)


def _skipped(path: os.DirEntry[str], folder: Path) -> str | None:
    """Why an entry of a content folder is not read (a warning), or None."""
    if path.is_dir(follow_symlinks=False):
        return f"deze map wordt overgeslagen: zet de bestanden direct in {folder.name}/"
    if path.name.startswith("."):
        return (
            "dit bestand wordt overgeslagen: bestanden waarvan de naam met een punt begint,"
            " worden niet gelezen"
        )
    if not path.name.endswith(".md"):
        return "dit bestand wordt overgeslagen: alleen bestanden op .md worden gelezen"
    return None


def _unreadable(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "dit kan niet worden gelezen: er zijn geen leesrechten. Controleer de rechten"
    reason = os.strerror(exc.errno) if exc.errno else type(exc).__name__
    return f"dit kan niet worden gelezen ({reason})"
