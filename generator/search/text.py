"""Text processing for search, the same in Python and in the browser (zoeken/tekst.js).

Lowercase, fold diacritics, every character that is not a letter or digit becomes
a space, then lunr.nl's stop words and the Dutch Porter stemmer (Snowball's
"dutch_porter" in C, from PyStemmer, which gives the same stems as lunr.nl.js). No I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer  # PyStemmer

# Letters as lunr.nl.js defines them (lunr.nl.wordCharacters), plus digits.
WORD_CHARACTERS = (
    "A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c"
    "\u1d62-\u1d65\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a"
    "\u212b\u2132\u214e\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7"
    "\ua7f7-\ua7ff\uab30-\uab5a\uab5c-\uab64\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a0-9"
)
_NOT_WORD = re.compile(f"[^{WORD_CHARACTERS}]+")
# Combining diacritical marks (the blocks js/zoeken/tekst.js strips too), removed after NFD.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_LEADING = re.compile(f"^[^{WORD_CHARACTERS}]+")
_TRAILING = re.compile(f"[^{WORD_CHARACTERS}]+$")

# lunr.nl.js's stop-word list, word for word.
STOP_WORDS = frozenset(
    "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus"
    " een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand"
    " iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets"
    " nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel"
    " voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo"
    " zonder zou".split()
)

_STEMMER = Stemmer.Stemmer("dutch_porter")


def normalize(text: str) -> str:
    """Lowercase, no diacritics, only letters and digits: "Café (gratis)" -> "cafe gratis"."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFC", _COMBINING.sub("", unicodedata.normalize("NFD", text)))
    return _NOT_WORD.sub(" ", text).strip()


def trim(word: str) -> str:
    """trimmer-nl: strip what is not a letter or digit from both ends."""
    return _TRAILING.sub("", _LEADING.sub("", word))


@lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """stemmer-nl: the Dutch Porter stem (remembered: a word comes back often)."""
    return str(_STEMMER.stemWord(word))


# Words whose Dutch Porter stem would merge them with a word of another meaning, and
# the term they get instead. Reviewed by hand; see docs/zoeken.md to add one. The index
# carries this list to the browser ("stammen"), so both sides use the same.
STEM_EXCEPTIONS = {
    # ouderen (older people) and ouders (parents) would both become "ouder".
    "ouderen": "ouderen",
    "oudere": "ouderen",
    "ouders": "ouder",
    # dementie and detentie are one letter apart; both keep their own word.
    "detentie": "detentie",
    "dementie": "dementie",
}
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")


def undouble(word_stem: str) -> str:
    """Drop a doubled final consonant, as Dutch spelling does: zwemm -> zwem, less -> les."""
    if len(word_stem) > 2 and word_stem[-1] == word_stem[-2] and word_stem[-1] in _CONSONANTS:
        return word_stem[:-1]
    return word_stem


@lru_cache(maxsize=262_144)
def term(word: str) -> str:
    """The index term of one normalized word: an exception, or its undoubled stem."""
    return STEM_EXCEPTIONS.get(word) or undouble(stem(word))


def words(text: str) -> list[str]:
    """The normalized words of a text without stop words."""
    return [w for w in normalize(text).split() if w not in STOP_WORDS]


def terms(text: str) -> list[str]:
    """The index terms of a text: normalized words, stop words left out, each `term`-ed.

    lunr.nl's index pipeline (trimmer-nl, stopWordFilter-nl, stemmer-nl) applied to
    `normalize(text)`, plus our exceptions and undoubling.
    """
    return [term(w) for w in words(text)]


# The same functions as lunr pipeline functions, registered under lunr-languages'
# names: the index names its search pipeline, and lunr.js + lunr.nl.js can only load
# an index whose pipeline functions it knows.
