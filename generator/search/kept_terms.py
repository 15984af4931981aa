"""The index terms of each field text, kept on disk between builds.

Making the terms of a text (normalising, stemming, splitting compounds: `compounds`)
is most of the index's work, and after an edit nearly every text is the one of the
build before. What a text gives depends only on the text, this code and the word list,
so the terms are kept per text: by its BLAKE2 digest, in one file per code version and
word list in the cache folder (`cache_folder`), read and written as `kept_checks`
reads and writes its files. A build keeps the terms of the texts it indexed, no others.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from .. import cache_folder, kept_checks
from .compounds import WordList, field_terms

Counted = tuple[int, tuple[str, ...], tuple[int, ...]]
"""A field's number of terms, its distinct terms in order of appearance, and how often each."""


class KeptTerms:
    """`counted(text)` for every field text of one build, from disk where it can."""

    def __init__(self, words: WordList | None, keep: bool = True) -> None:
        self.words = words
        self.path: Path | None = None
        self.kept: dict[bytes, Counted] = {}
        if keep:
            source = words.source if words else "geen woordenlijst"
            name = hashlib.sha256(f"{kept_checks.code_version()}\0{source}".encode())
            self.path = cache_folder.cache_dir() / f"zoektermen-{name.hexdigest()[:16]}.pickle"
            found = kept_checks.read_kept(self.path)
            self.kept = found if isinstance(found, dict) else {}
        self.used: dict[bytes, Counted] = {}
        self.made = 0  # how many texts were not kept: for the tests

    def counted(self, text: str) -> Counted:
        """The terms of `text` as `field_terms` makes them, counted."""
        digest = hashlib.blake2b(text.encode(), digest_size=16).digest()
        found = self.used.get(digest) or self.kept.get(digest)
        if found is None:
            self.made += 1
            terms = field_terms(text, self.words)
            counts = Counter(terms)
            found = (len(terms), tuple(counts), tuple(counts.values()))
        self.used[digest] = found
        return found

    def save(self) -> None:
        """Keep the terms of the texts of this build (when any was not kept yet)."""
        if self.path is None:
            return
        if self.made or len(self.used) != len(self.kept):
            kept_checks.write_kept(self.path, self.used)
        else:
            cache_folder.used(self.path)
