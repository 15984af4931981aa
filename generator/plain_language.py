"""Plain language (B1) in titles and descriptions: warnings for the editor, never errors.

Per description: sentences over `zinslengte` words, words over `woordlengte` letters,
officialese from the word list (data/ambtelijke-taal.yaml plus `schrijfwijzer.woorden`
in site.yaml), a long text without a blank line, and the Flesch-Douma readability
score (206.835 - 0.93 x words per sentence - 77 x syllables per word; 60 and up reads
easily). Per title: over `titellengte` characters. Each warning names its line.

Syllables come from pyphen (the LibreOffice Dutch hyphenation patterns), cached per
word. textstat computes the same score, but at about 3.6 ms per description (36 s for
10,000) and with nltk behind it; this module takes about 0.2 ms.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyphen
import yaml

from . import markup
from .diagnostics import Diagnostics
from .site_config import WritingGuide

WORD_LIST = Path(__file__).parent / "data" / "ambtelijke-taal.yaml"
MIN_WORDS_FOR_SCORE = 40  # a shorter text gives no meaningful readability score
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A sentence ends at . ! or ? before a space and a capital or digit, unless the dot
# ends a common abbreviation.
_SENTENCE_END = re.compile(r"(?<=[.!?])[)\"'’”]*\s+(?=[A-Z0-9À-Ý\"'‘“(])")
ABBREVIATION_TAIL = 12  # characters: the longest abbreviation, its dot and what goes before
_ABBREVIATION = re.compile(
    r"(?:\b(?:bijv|bv|o\.a|m\.a\.w|d\.w\.z|enz|etc|ca|incl|excl|max|min|nr|tel|mevr|dhr"
    r"|st|jl|vgl|zgn|i\.p\.v|t\.a\.v|m\.b\.t|o\.b\.v|a\.u\.b|z\.s\.m)|\b[A-Z])\.$",
    re.IGNORECASE,
)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`#>]+")


@dataclass(frozen=True)
class Finding:
    line: int  # within the text, 1 = its first line
    message: str


@functools.cache
def builtin_words() -> dict[str, str]:
    """The word list that ships with the generator: officialese -> plain word."""
    data = yaml.safe_load(WORD_LIST.read_text(encoding="utf-8"))
    return {str(k).casefold(): str(v) for k, v in data.items()}


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


@functools.cache
def syllables(word: str) -> int:
    return len(_hyphenator().positions(word.casefold())) + 1


def flesch_douma(words: list[str], sentences: int) -> float:
    """The Flesch-Douma reading ease of a text with these words and sentences."""
    per_sentence = len(words) / max(sentences, 1)
    per_word = sum(map(syllables, words)) / max(len(words), 1)
    return 206.835 - 0.93 * per_sentence - 77 * per_word


def sentences(text: str) -> list[str]:
    """The sentences of a plain text (one paragraph), abbreviations kept whole."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()]
        if _ABBREVIATION.search(candidate[-ABBREVIATION_TAIL:]):  # its end is enough
            continue
        out.append(candidate)
        start = match.end()
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def _paragraphs(source: str) -> Iterator[tuple[int, str]]:
    """(first line, plain text) of each paragraph, list item and heading of Markdown."""
    for line, content in markup.paragraphs(source):
        yield line, _MARKUP.sub("", _LINK.sub(r"\1", content))


def _line_of(paragraph: str, sentence: str, first_line: int) -> int:
    at = paragraph.find(sentence[:20])
    return first_line + paragraph[: max(at, 0)].count("\n")


@dataclass(frozen=True)
class Measure:
    """The numbers of one description, for the report per file."""

    words: int
    sentences: int
    longest: int  # words in the longest sentence
    score: float | None  # Flesch-Douma; None for a text under MIN_WORDS_FOR_SCORE words


def _sentences_with_lines(source: str) -> Iterator[tuple[int, str, list[tuple[str, list[str]]]]]:
    """(first line, plain text, its sentences with their words) of every paragraph."""
    for first_line, paragraph in _paragraphs(source):
        yield first_line, paragraph, [(s, _WORD.findall(s)) for s in sentences(paragraph)]


def measure(source: str) -> Measure:
    found = [words for *_, found in _sentences_with_lines(source) for _, words in found]
    words = [w for ws in found for w in ws]
    score = flesch_douma(words, len(found)) if len(words) >= MIN_WORDS_FOR_SCORE else None
    return Measure(len(words), len(found), max(map(len, found), default=0), score)


def check_description(source: str, guide: WritingGuide) -> list[Finding]:
    """Every finding about one Markdown description, in text order."""
    findings: list[Finding] = []
    officialese = _officialese(guide.woorden)
    all_words: list[str] = []
    sentence_count = 0
    for first_line, paragraph, found in _sentences_with_lines(source):
        # One search per paragraph for officialese: most have none.
        official = bool(officialese.pattern and officialese.pattern.search(paragraph.casefold()))
        for sentence, words in found:
            all_words += words
            sentence_count += 1
            long_sentence = len(words) > guide.zinslengte
            long_word = max(map(len, words), default=0) > guide.woordlengte
            if long_sentence or long_word or official:  # else no line to look up
                line = _line_of(paragraph, sentence, first_line)
                findings += _sentence_findings(sentence, words, line, guide, officialese)
    findings += _length_finding(source, guide)
    if guide.leesbaarheid and len(all_words) >= MIN_WORDS_FOR_SCORE:
        score = flesch_douma(all_words, sentence_count)
        if score < guide.leesbaarheid:
            findings.append(
                Finding(
                    1,
                    f"de tekst is moeilijk te lezen: Flesch-Douma {int(score)}, voor B1 is"
                    f" {guide.leesbaarheid} of meer goed. Schrijf kortere zinnen en kortere"
                    " woorden",
                )
            )
    return findings


@dataclass(frozen=True)
class _WordList:
    plain: dict[str, str]  # officialese -> plain word
    pattern: re.Pattern[str] | None  # any of them, as whole words


@functools.cache
def _officialese(extra: tuple[tuple[str, str], ...]) -> _WordList:
    """The built-in list with `schrijfwijzer.woorden` on top, as one pattern (one search per
    sentence, not one per word of the list)."""
    words = {**builtin_words(), **{k.casefold(): v for k, v in extra}}
    plain = {k: v for k, v in words.items() if v}
    alternatives = "|".join(re.escape(k) for k in sorted(plain, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if plain else None
    return _WordList(plain, pattern)


def _sentence_findings(
    sentence: str, words: list[str], line: int, guide: WritingGuide, officialese: _WordList
) -> list[Finding]:
    """A sentence too long, its long words and its officialese."""
    findings = []
    if len(words) > guide.zinslengte:
        findings.append(
            Finding(
                line,
                f"deze zin heeft {len(words)} woorden ('{sentence[:40]}…'); houd zinnen"
                f" onder de {guide.zinslengte} woorden, maak er twee zinnen van",
            )
        )
    for position, word in enumerate(dict.fromkeys(words)):
        if position and word[0].isupper():
            continue  # a name, such as Sollicitatiewerkplaats: the editor cannot shorten it
        letters = len(word)
        if letters > guide.woordlengte and "-" not in word:
            findings.append(
                Finding(
                    line,
                    f"'{word}' is een lang woord ({letters} letters); kan het korter, of in"
                    " twee woorden?",
                )
            )
    found = officialese.pattern.findall(sentence.casefold()) if officialese.pattern else []
    for phrase in sorted(set(found), key=list(officialese.plain).index):  # the list's order
        plain = officialese.plain[phrase]
        findings.append(Finding(line, f"'{phrase}' is ambtelijke taal; schrijf liever '{plain}'"))
    return findings


def _length_finding(source: str, guide: WritingGuide) -> list[Finding]:
    """A long text that is one block: on a phone it reads as a wall."""
    text = source.strip()
    if guide.alinealengte and len(text) > guide.alinealengte and "\n\n" not in text:
        return [
            Finding(
                1,
                f"de beschrijving is {len(text)} tekens lang zonder witregel; zet een lege"
                " regel tussen de alinea's, dat leest makkelijker op een telefoon",
            )
        ]
    return []


def check_title(title: str, guide: WritingGuide) -> str | None:
    """The warning for a title too long for a phone screen, if it is."""
    if len(title) > guide.titellengte:
        return (
            f"de titel is {len(title)} tekens lang; houd hem onder de {guide.titellengte},"
            " zodat hij op een telefoonscherm past (de details kunnen in de beschrijving)"
        )
    return None


def report(
    diags: Diagnostics,
    path: str,
    guide: WritingGuide,
    title: tuple[str, str, int],
    body: str,
    body_line: int,
    form: str = "u",
) -> None:
    """Record the warnings of one entry: `title` is (field, value, line); `form` is the
    site's form of address (`aanspreekvorm`)."""
    if not guide.aan:
        return
    field, value, line = title
    message = check_title(value, guide)
    if message:
        diags.warning(path, line, field, message)
    findings = check_description(body, guide) + check_address(body, form)
    for finding in sorted(findings, key=lambda f: f.line):
        diags.warning(path, body_line + finding.line - 1, "beschrijving", finding.message)


# The words of the other form of address, as a description would use them.
OTHER_FORM = {
    "je": re.compile(r"\b(?:[Uu]|[Uu]w)\b"),
    "u": re.compile(r"\b(?:[Jj]e|[Jj]ij|[Jj]ou|[Jj]ouw)\b"),
}


def check_address(source: str, form: str) -> list[Finding]:
    """One finding at the first word that addresses the reader the other way than the
    site does: the pages mix "u" and "je" otherwise."""
    pattern = OTHER_FORM.get(form)
    match = pattern.search(source) if pattern else None
    if not match:
        return []
    other = "je" if form == "u" else "u"
    word = match.group(0)
    found = "" if word.casefold() == other else f" ('{word}')"  # 'uw', 'jouw', 'jij', ...
    return [
        Finding(
            source[: match.start()].count("\n") + 1,
            f"deze tekst spreekt de lezer aan met '{other}'{found}, de site met"
            f" '{form}' (aanspreekvorm in site.yaml); kies één vorm, dan klinkt de site overal"
            " hetzelfde",
        )
    ]
