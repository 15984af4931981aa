"""Pages of entries taken from the previous output instead of rendered again.

Rendering the pages of the activities and organisations is most of a build's work,
and after an edit nearly all of them come out the same. A build therefore keeps, per
output folder, a list of those pages: each with a key of what it was made from, and
the file's stamp (size, time, inode). The next build into that folder makes the same
key of each page (`page_inputs`: the page's own content and what every page depends
on, with this code and its templates) and, where both match, links the file of the
previous output into the new one (`publish.Writer.link`) instead of rendering it.

Anything in doubt renders the page again: no list, another code version, a file that
was changed, moved or replaced since, a list someone else could have written. The list
is JSON in the cache folder (`cache_folder`), kept only after the new output is in
place. tests/test_kept_pages.py builds after each kind of edit and compares the folder,
byte for byte, with a build that renders everything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import pickle
import stat
from pathlib import Path

from . import cache_folder, urls
from .assemble import Site
from .kept_checks import code_version
from .page_inputs import entry_inputs, site_key, template_files
from .publish import Writer

Stamp = tuple[int, int, int, int]  # size, mtime_ns, inode, device


def page_keys(site: Site, templates_dir: Path, today: dt.date) -> dict[str, str]:
    """Per page of an entry (its file in the output), a key of everything it is made
    from: when two builds give a page the same key, they give it the same bytes."""
    every_page = hashlib.sha256(code_version().encode())
    for path in template_files(templates_dir):
        every_page.update(f"\0{path.relative_to(templates_dir)}\0".encode())
        every_page.update(path.read_bytes())
    every_page.update(_pickled(site_key(site, None, today)))
    digests: dict[int, bytes] = {}  # per entry, once: an organisation is on many pages

    def digest(entry: object) -> bytes:
        found = digests.get(id(entry))
        if found is None:
            found = digests[id(entry)] = hashlib.sha256(_pickled(entry)).digest()
        return found

    keys = {}
    for url, inputs in entry_inputs(site).items():
        key = every_page.copy()
        for item in inputs:  # an entry, or a listed activity with its organisation
            for entry in item if isinstance(item, tuple) else (item,):
                key.update(digest(entry))
        keys[urls.output_path(url)] = key.hexdigest()
    return keys


def _pickled(value: object) -> bytes:
    """The bytes of a value of the model; equal values of one code version give equal
    bytes, as long as they share the same objects (each entry is pickled on its own)."""
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def previous(output_dir: Path) -> dict[str, tuple[str, Stamp]]:
    """The pages the last build kept for `output_dir`: per file, its key and stamp."""
    file = cache_folder.open_own(_list_of(output_dir))
    if file is None:
        return {}
    try:
        with file:
            kept = json.load(file)
        if kept["code"] != code_version() or kept["output"] != str(output_dir.resolve()):
            return {}
        return {path: (key, tuple(found)) for path, (key, *found) in kept["pages"].items()}
    except (ValueError, KeyError, TypeError):  # damaged: render every page
        return {}


def unchanged(
    output_dir: Path, keys: dict[str, str], kept: dict[str, tuple[str, Stamp]]
) -> list[str]:
    """The pages whose key is the one `kept` says, and whose file in `output_dir` is as
    `kept` says too: these can be linked into the new output (`link`)."""
    old = output_dir.resolve()
    return [
        path
        for path, key in keys.items()
        if (found := kept.get(path)) is not None
        and found[0] == key
        and _stamp(old / path) == found[1]
    ]


def link(writer: Writer, old: Path, paths: list[str]) -> int:
    """Link the files `paths` of the old output `old` into the new one; how many. The old
    output is still in place: the swap comes after the build."""
    for path in paths:
        writer.link(path, old / path)
    return len(paths)


def stamps(root: Path, keys: dict[str, str]) -> dict[str, Stamp]:
    """The stamp of every page of an entry in `root`, the new output just before it
    replaces the old one (the swap keeps each file's inode and time)."""
    return {path: found for path in keys if (found := _stamp(root / path)) is not None}


def keep(output_dir: Path, keys: dict[str, str], found: dict[str, Stamp]) -> None:
    """Keep the key and stamp of every page of an entry now in `output_dir`; with no
    keys (a build without kept pages), forget what was kept for it."""
    if not keys:
        with contextlib.suppress(OSError):
            _list_of(output_dir).unlink(missing_ok=True)
        return
    pages = {path: [keys[path], *stamp] for path, stamp in found.items()}
    kept = {"code": code_version(), "output": str(output_dir.resolve()), "pages": pages}

    def write(part: Path) -> None:
        with open(part, "w", encoding="utf-8") as file:
            os.fchmod(file.fileno(), 0o600)
            json.dump(kept, file, sort_keys=True, separators=(",", ":"))

    cache_folder.keep(_list_of(output_dir), write)


def _list_of(output_dir: Path) -> Path:
    name = hashlib.sha256(str(output_dir.resolve()).encode()).hexdigest()[:16]
    return cache_folder.cache_dir() / f"paginas-{name}.json"


def _stamp(path: Path) -> Stamp | None:
    """A regular file's size, time, inode and device; None for anything else."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ino, found.st_dev)
