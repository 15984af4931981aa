"""The folder where builds keep what they may reuse: the word list's trie (`compounds`)
and the checked entry files (`kept_checks`). Anything in it may be deleted at any time;
the next build makes it again."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path


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
