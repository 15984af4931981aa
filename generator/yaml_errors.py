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


def error_line(exc: yaml.MarkedYAMLError) -> int:
    """The 1-based line to report: where an unclosed quote or bracket opened, else the problem."""
    context = exc.context or ""
    opened = any(word in context for word in ("quoted scalar", "flow", "simple key"))
    mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark else 1


def explain(exc: yaml.MarkedYAMLError) -> str:
    """A Dutch explanation of a PyYAML error, with the English problem only as a last resort."""
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
