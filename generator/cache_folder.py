"""The folder where builds keep what they may reuse: the word list's trie (`compounds`)
and the checked entry files (`kept_checks`). Anything in it may be deleted at any time;
the next build makes it again. What no build used for UNUSED_DAYS is removed (`prune`):
the checks of a content folder that is gone, a word list of an earlier version."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

UNUSED_DAYS = 30


def cache_dir() -> Path:
    """SOCIALE_KAART_CACHE, else the XDG cache folder (~/.cache/sociale-kaart)."""
    if chosen := os.environ.get("SOCIALE_KAART_CACHE"):
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sociale-kaart"


def keep(kept: Path, write: Callable[[Path], None]) -> None:
    """Have `write` make `kept` through a file beside it, so it is whole or not there,
    also beside another build. A cache that cannot be written is no error."""
    part = kept.with_name(f"{kept.name}.{os.getpid()}.deel")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        write(part)
        os.replace(part, kept)
    except (OSError, RuntimeError):  # marisa reports some I/O errors as RuntimeError
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)


def open_own(path: Path) -> BinaryIO | None:
    """`path` opened for reading when it is a regular file of this user, with no other
    name, that no one else may write (as pip trusts its cache); else None. Never through
    a link: one could point at a file of this user with other bytes in it."""
    try:
        file = os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb")
    except OSError:
        return None
    found = os.fstat(file.fileno())
    if (
        stat.S_ISREG(found.st_mode)
        and found.st_nlink == 1
        and found.st_uid == os.getuid()
        and not found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    ):
        return file
    file.close()
    return None


def used(path: Path) -> None:
    """Note that a build used `path` now, so `prune` leaves it."""
    with contextlib.suppress(OSError):
        os.utime(path)


def prune(folder: Path, days: int = UNUSED_DAYS) -> None:
    """Remove what is in `folder` and was not written or `used` for `days`: a file, or a
    folder of which no file was. Never an error: another build may be removing it too."""
    before = time.time() - days * 86_400
    with contextlib.suppress(OSError), os.scandir(folder) as found:
        for entry in list(found):
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False):
                    inside = [os.lstat(p).st_mtime for p in Path(entry.path).iterdir()]
                    if max(inside, default=0) < before:
                        shutil.rmtree(entry.path, ignore_errors=True)
                elif entry.stat(follow_symlinks=False).st_mtime < before:
                    os.unlink(entry.path)
