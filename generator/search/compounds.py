"""Dutch compound words split into their parts, so "zwemles" is found by "zwemmen".

Index time (`WordList.parts`): a word is split into words of the Dutch word list
of OpenTaal, as Debian's `wdutch` package installs it (/usr/share/dict/nederlands;
another file can be named with SOCIALE_KAART_WOORDENLIJST). Query time
(`split_term`): a query term that matches nothing whole is split into terms of the
index itself, in Python (reference.py) and in the browser (zoek.js) alike, so no
word list goes to the browser.

Both use the same rule: the fewest parts, at most 4; the first parts of at least
4 letters, the last (the head, which says what it is: zwem-les) of at least 3 and
not a suffix that the word list also holds as a word (-ing, -heid, ...); parts may
be joined by a linking "s" (arbeid-s-markt). Among splits with as many parts, the
longest first part wins. At index time a part of 8 letters or more is split again.
The normalized word list is kept as a MARISA trie file in the cache folder (`cache_folder`),
keyed on the list's bytes and on this code, so a build maps it in instead of normalizing
390,000 words again (some 3 s); without a usable cache folder it is made in memory.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable, Collection, Iterable
from functools import cache, lru_cache
from pathlib import Path

import marisa_trie

from .. import cache_folder
from . import text
from .text import normalize

DEFAULT_WORD_LIST = Path("/usr/share/dict/nederlands")
MIN_WORD = 6  # shorter words are never split
MIN_PART = 4
MIN_HEAD = 3
MAX_PARTS = 4
SPLIT_AGAIN = 8
# Endings that the word list also holds as words, but that never are a compound's head.
NOT_A_HEAD = frozenset(
    "ing ingen heid heden lijk lijke ijk isch ische ster sters tje tjes sen len ren nen den"
    " gen ten ent enten ers ste del lig ige baar".split()
)


def split(word: str, known: Callable[[str], bool]) -> list[str] | None:
    """The parts of `word` by the rule above, or None when it is no compound of known parts."""
    n = len(word)
    # best[i]: the best split of word[i:] as (number of parts, parts), or None.
    best: list[tuple[int, list[str]] | None] = [None] * (n + 1)
    best[n] = (0, [])
    for i in range(n - MIN_HEAD, -1, -1):
        choice: tuple[int, list[str]] | None = None
        for j in range(n, i + MIN_HEAD - 1, -1):  # longest first part first
            rest = best[j]
            if (i == 0 and j == n) or rest is None or rest[0] + 1 > MAX_PARTS:
                continue
            part = word[i:j]
            is_head = j == n
            if len(part) < (MIN_HEAD if is_head else MIN_PART) or (is_head and part in NOT_A_HEAD):
                continue
            if not known(part):
                linked = not is_head and part.endswith("s") and len(part) > MIN_PART
                if not (linked and known(part[:-1])):
                    continue
                part = part[:-1]  # the linking s
            if choice is None or rest[0] + 1 < choice[0]:
                choice = (rest[0] + 1, [part, *rest[1]])
        best[i] = choice
    found = best[0]
    return found[1] if found and found[0] >= 2 else None


class WordList:
    """The Dutch word list, normalized as search normalizes text, in a MARISA trie: some
    1 MB, where a set of the 390,000 words took 40 MB in every build."""

    def __init__(self, words: Iterable[str] | marisa_trie.Trie, source: str) -> None:
        self.words = words if isinstance(words, marisa_trie.Trie) else marisa_trie.Trie(words)
        self.source = source
        self._parts: dict[str, tuple[str, ...]] = {}

    @classmethod
    def from_file(cls, path: Path, cache: Path | None = None) -> WordList:
        """The word list in `path`, through the trie file kept in `cache` when there is one."""
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:16]
        kept = cache / f"woordenlijst-{digest}-{_code()}.marisa" if cache else None
        words = _read_trie(kept) if kept else None
        if words is not None:
            cache_folder.used(kept)  # type: ignore[arg-type] # read from it
        else:
            words = marisa_trie.Trie(_normalized(data))
            if kept:
                cache_folder.keep(kept, lambda part: words.save(str(part)))
        return cls(words, f"{path.resolve().name} sha256:{digest} ({len(words)} woorden)")

    def parts(self, word: str) -> tuple[str, ...]:
        """Every part of a compound word, its parts' parts too; empty for a plain word."""
        found = self._parts.get(word)
        if found is None:
            found = ()
            if len(word) >= MIN_WORD:
                top = split(word, self.words.__contains__)
                if top:
                    out: list[str] = []
                    for part in top:
                        out.append(part)
                        if len(part) >= SPLIT_AGAIN:
                            out += self.parts(part)
                    found = tuple(dict.fromkeys(out))
            self._parts[word] = found
        return found


def _normalized(data: bytes) -> set[str]:
    """The words of the list as search normalizes them, of at least MIN_HEAD letters."""
    words = set()
    for line in data.decode("utf-8").splitlines():
        word = normalize(line)
        if len(word) >= MIN_HEAD and word.isalpha():
            words.add(word)
    return words


@cache
def _code() -> str:
    """What the kept trie depends on besides the list: this rule, text.normalize and the
    Unicode tables it uses (read only when a cache folder is used)."""
    rule = f"{MIN_HEAD} {unicodedata.unidata_version}".encode()
    return hashlib.sha256(Path(text.__file__).read_bytes() + rule).hexdigest()[:12]


def _read_trie(kept: Path) -> marisa_trie.Trie | None:
    """The trie kept in `kept`, mapped into memory (shared by every process), or None."""
    try:
        return marisa_trie.Trie().mmap(str(kept))
    except Exception:  # noqa: BLE001 - missing or damaged: made again
        return None


def word_list_path() -> Path:
    """Where the word list is read from: SOCIALE_KAART_WOORDENLIJST, or Debian's place."""
    return Path(os.environ.get("SOCIALE_KAART_WOORDENLIJST", DEFAULT_WORD_LIST))


@cache
def word_list() -> WordList | None:
    """The word list of this machine, or None when it is not installed."""
    path = word_list_path()
    return WordList.from_file(path, cache_folder.cache_dir()) if path.is_file() else None


def missing_word_list() -> str:
    """What the build says when the word list is not there."""
    return (
        f"De Nederlandse woordenlijst ontbreekt ({word_list_path()}), dus zoeken splitst"
        " samengestelde woorden niet: 'zwemmen' vindt dan geen 'zwemles'. Installeer hem met:"
        " sudo apt-get install wdutch"
    )


def split_term(term: str, index_terms: Collection[str]) -> list[str] | None:
    """A query term as index terms, by the same rule (the browser: zoek.js splitTerm)."""
    if len(term) < MIN_WORD:
        return None
    return split(term, index_terms.__contains__)


def field_terms(source: str, words: WordList | None) -> list[str]:
    """The terms of one field: each word's term, then the terms of its compound parts."""
    out: list[str] = []
    for word in text.words(source):
        out += _word_terms(word, words)
    return out


@lru_cache(maxsize=262_144)
def _word_terms(word: str, words: WordList | None) -> tuple[str, ...]:
    """One word's term and its parts' terms (a million words at 10,000 activities)."""
    parts = words.parts(word) if words is not None else ()
    return (text.term(word), *(text.term(part) for part in parts))
