"""The checked entry files of the last `check` or `build`, kept on disk for the next one.

An editor runs `check` again after each edit, and a build follows a check: both read
and check only the entry files whose bytes changed since (`entry_files.EntryCache`
decides per file, by its stamp and else its sha256). What is kept holds for one content
folder seen from one working folder (the messages name files relative to it), and only
for this very code: `code_version` covers every file of the generator, Python's version
and every installed package's. A change elsewhere in the content (site.yaml, the
taxonomy, the organisations that exist, the day) makes every file be checked again,
as `EntryCache` does for `serve`.

They are kept in a folder per content folder: `inhoud.pickle` holds the `Entries` with a
generation (a random name), and SHARDS files the checked files by path, each with the
generation it belongs to; an edit rewrites one of them. The files are pickles, so one is
read only when this user owns it and no one else may write it (as pip does with its
cache); anything else is ignored and made again.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import os
import pickle
import secrets
import sys
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from . import cache_folder
from .entry_files import EntryCache

GENERATOR = Path(__file__).resolve().parent


@cache
def code_version() -> str:
    """What the result of a check depends on besides the content: this code and its
    packages."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(GENERATOR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"\0{path.relative_to(GENERATOR)}\0".encode())
            digest.update(path.read_bytes())
    found = importlib.metadata.distributions()
    # Each once: an egg-info in the working folder is found beside the installed package.
    packages = sorted({f"{d.metadata['Name']}=={d.version}" for d in found})
    digest.update("\0".join(packages).encode())
    return digest.hexdigest()


SHARDS = 32  # files of kept checks: an edit rewrites one, not all of them


@dataclass
class KeptCache(EntryCache):
    """An `EntryCache` as it was read from disk: which generation (the `Entries` the files
    were checked against) and what each shard held, so `save` writes only what changed."""

    generation: str = ""
    shards: list[dict[str, Any]] = field(default_factory=lambda: [{} for _ in range(SHARDS)])


def kept_dir(content_dir: Path) -> Path:
    """Where the checks of `content_dir`, seen from this working folder, are kept."""
    seen_from = f"{os.path.abspath(content_dir)}\0{os.getcwd()}".encode()
    return cache_folder.cache_dir() / f"controles-{hashlib.sha256(seen_from).hexdigest()[:16]}"


def load(content_dir: Path) -> KeptCache:
    """The checks kept for `content_dir`, or an empty cache (nothing kept, another code
    version, a file that is damaged or that someone else could have written). A shard
    of another generation (a build beside this one, of other content) is left out."""
    folder = kept_dir(content_dir)
    head = read_kept(folder / "inhoud.pickle")
    if head is None:
        return KeptCache()
    generation, entries = head
    cache = KeptCache(entries=entries, generation=generation)
    for index in range(SHARDS):
        shard = read_kept(folder / f"deel-{index:02}.pickle")
        if shard is not None and shard[0] == generation:
            cache.shards[index] = shard[1]
            cache.files.update(shard[1])
    return cache


def save(cache: KeptCache, content_dir: Path) -> None:
    """Keep the checks of this run: the shards that differ from what was kept (all of
    them in a new generation, when the `Entries` changed)."""
    if not cache.changed:
        return
    folder = kept_dir(content_dir)
    if read_kept(folder / "inhoud.pickle") != (cache.generation, cache.entries):
        cache.generation = secrets.token_hex(8)
        cache.shards = [{} for _ in range(SHARDS)]  # none of them holds for this one
        write_kept(folder / "inhoud.pickle", (cache.generation, cache.entries))
        cache_folder.prune(cache_folder.cache_dir())  # when a generation begins: a new day, ...
    shards: list[dict[str, Any]] = [{} for _ in range(SHARDS)]
    for path, kept in cache.files.items():
        shards[zlib.crc32(path.encode()) % SHARDS][path] = kept
    for index, (shard, before) in enumerate(zip(shards, cache.shards, strict=True)):
        if shard != before:
            write_kept(folder / f"deel-{index:02}.pickle", (cache.generation, shard))
    cache.shards = shards


def read_kept(path: Path) -> Any:
    """What `write_kept` kept in `path` for this code version, or None (see
    `cache_folder.open_own`). The code version comes first, so what other code kept is
    not unpickled at all."""
    version = code_version().encode()
    file = cache_folder.open_own(path)
    if file is None:
        return None
    try:
        with file:
            return _unpickle(file) if file.read(len(version)) == version else None
    except Exception:  # noqa: BLE001 - damaged: checked again
        return None


def write_kept(path: Path, kept: object) -> None:
    """Keep `kept` in `path` for this code version, for this user only (0600)."""

    def write(part: Path) -> None:
        with open(part, "wb") as file:
            os.fchmod(file.fileno(), 0o600)
            file.write(code_version().encode())
            pickle.dump(kept, file, pickle.HIGHEST_PROTOCOL)

    cache_folder.keep(path, write)


def _unpickle(file: BinaryIO) -> Any:
    """pickle.load, without the garbage collector: it would walk the objects made so far
    again and again (a load at 10,000 takes 0.3 s instead of 0.85 s)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(file)
    finally:
        if was_on:
            gc.enable()
