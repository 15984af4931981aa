"""PyYAML's errors in Dutch for editors, with the line to report.

The English problem text is shown only as a last resort, inside a Dutch sentence.
"""

from __future__ import annotations

import re

import yaml

_YAML_HINTS = {
    "mapping values are not allowed here": (
        "hier staat een ':' die YAML niet verwacht; zet de tekst tussen aanhalingstekens"
        ' ("...") of controleer het inspringen'
    ),
    "found character '\\t' that cannot start any token": (
        "er staat een tab; gebruik spaties om in te springen"
    ),
    "could not find expected ':'": "hier mist een ':' na de veldnaam",
    "found alias": (
        "een waarde mag niet beginnen met '*'; zet de tekst tussen aanhalingstekens (\"...\")"
    ),
    "found anchor": (
        "een waarde mag niet beginnen met '&'; zet de tekst tussen aanhalingstekens (\"...\")"
    ),
    "found tag": (
        "een waarde mag niet beginnen met '!'; zet de tekst tussen aanhalingstekens (\"...\")"
    ),
    "found unexpected end of stream": "een aanhalingsteken wordt niet afgesloten",
    "found a tab character that violates indentation": "er staat een tab; gebruik spaties",
    "but found another document": "er staat een regel '---' te veel; haal die weg",
    "expected ',' or ']'": (
        "een lijst die begint met '[' wordt niet goed afgesloten; zet komma's tussen de"
        " items en sluit af met ']'"
    ),
    "expected ',' or '}'": (
        "een groep die begint met '{' wordt niet goed afgesloten; sluit af met '}'"
    ),
    "expected escape sequence": (
        "na een '\\' tussen dubbele aanhalingstekens staat een onbekend teken;"
        " gebruik enkele aanhalingstekens ('...')"
    ),
    "found unknown escape character": (
        "na een '\\' tussen dubbele aanhalingstekens staat een onbekend teken;"
        " gebruik enkele aanhalingstekens ('...')"
    ),
}
_BAD_START = re.compile(r"found character '(.+)' that cannot start any token")


# Characters pasted from Word or a web page that look right but are not YAML's own.
CURLY_QUOTES = "“”„‘’‚"
HARD_SPACES = "\u00a0\u202f\u2007"
_CURLY = (
    "op deze regel staan gekrulde aanhalingstekens (“ ” of ‘ ’), bijvoorbeeld uit Word;"
    " YAML kent alleen rechte. Vervang ze door \" of '"
)
_HARD_SPACE = (
    "op deze regel staat een harde spatie (een niet-afbrekende spatie, vaak uit Word of een"
    " webpagina) waar YAML een gewone spatie verwacht; vervang die door een gewone spatie"
)


def error_line(exc: yaml.MarkedYAMLError) -> int:
    """The 1-based line to report: a line with a pasted character that caused the error,
    else where an unclosed quote or bracket opened, else the problem."""
    pasted = _pasted_character(exc)
    if pasted:
        return pasted[0]
    context = exc.context or ""
    opened = any(word in context for word in ("quoted scalar", "flow", "simple key"))
    mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark else 1


def _pasted_character(exc: yaml.MarkedYAMLError) -> tuple[int, str] | None:
    """(line, hint) when the problem's line (or, for a hard space, the one before it, which
    a plain text may run on from) holds a curly quote or a hard space: the likely cause,
    whatever PyYAML's own problem is."""
    mark = exc.problem_mark
    buffer = getattr(mark, "buffer", None)
    if mark is None or not isinstance(buffer, str):
        return None
    lines = buffer.split("\n")
    for number in (mark.line - 1, mark.line):
        if not 0 <= number < len(lines):
            continue
        if any(c in lines[number] for c in HARD_SPACES):
            return number + 1, _HARD_SPACE
        if number == mark.line and any(c in lines[number] for c in CURLY_QUOTES):
            return number + 1, _CURLY
    return None


def explain(exc: yaml.MarkedYAMLError) -> str:
    """A Dutch explanation of a PyYAML error, with the English problem only as a last resort."""
    pasted = _pasted_character(exc)
    if pasted:
        return f"de YAML klopt niet: {pasted[1]}"
    problem = exc.problem or "onbekend probleem"
    for english, dutch in _YAML_HINTS.items():
        if problem.startswith(english):
            return f"de YAML klopt niet: {dutch}"
    bad_start = _BAD_START.match(problem)
    if bad_start:
        return (
            f"de YAML klopt niet: een waarde mag niet beginnen met '{bad_start.group(1)}';"
            ' zet de tekst tussen aanhalingstekens ("...")'
        )
    if "found '<scalar>'" in problem:
        return (
            "de YAML klopt niet: hier staat tekst die YAML niet verwacht; staat er tekst"
            " na een aanhalingsteken, of springt de regel verkeerd in?"
        )
    if "expected" in problem and ("block end" in problem or "<block" in problem):
        return "de YAML klopt niet: controleer het inspringen (alle velden even ver naar rechts)"
    return (
        "de YAML klopt niet; controleer aanhalingstekens, dubbele punten en inspringen"
        f" (technische melding: {problem})"
    )
