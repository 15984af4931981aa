"""How the site addresses its reader: `aanspreekvorm: u` (the default) or `je` in site.yaml.

Every text of the site itself (templates, scripts and the texts made in Python) is
written with "u"; `say` turns such a text into the "je" form. It applies a few whole
phrases first (data/je-vorm.yaml, where a word-for-word change reads wrong), then the
rules of Dutch: an inverted verb loses its -t ("Heeft u" -> "Heb je", "kunt u" ->
"kun je"), "u heeft" becomes "je hebt", "u zich" "je je", and every other "u" and "uw"
becomes "je". Content (what editors write) is never changed: it does not pass here.
The tools for editors (check, the docs) keep "u".
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

FORMS = ("u", "je")
PHRASES = Path(__file__).parent / "data" / "je-vorm.yaml"
# A verb before "u" ("Heeft u", "kunt u"), as it is before "je".
INVERTED = {
    "heeft": "heb", "kunt": "kun", "bent": "ben", "wilt": "wil", "zoekt": "zoek",
    "staat": "sta", "woont": "woon", "ziet": "zie", "vindt": "vind", "hoort": "hoor",
    "weet": "weet", "vult": "vul", "sluit": "sluit", "krijgt": "krijg", "doet": "doe",
    "spreekt": "spreek", "laadt": "laad", "kiest": "kies", "deelt": "deel", "mag": "mag",
    "meldt": "meld", "gaat": "ga", "komt": "kom", "wordt": "word", "noemt": "noem",
    "vraagt": "vraag", "belt": "bel", "kijkt": "kijk", "leest": "lees", "neemt": "neem",
}  # fmt: skip
_INVERTED = re.compile(r"\b(" + "|".join(INVERTED) + r") u\b", re.IGNORECASE)
_REST = [
    (re.compile(r"\bu heeft\b"), "je hebt"),
    (re.compile(r"\bU heeft\b"), "Je hebt"),
    (re.compile(r"\b([uU]) zich\b"), lambda m: ("Je" if m.group(1) == "U" else "je") + " je"),
    (re.compile(r"\buw\b"), "je"),
    (re.compile(r"\bUw\b"), "Je"),
    (re.compile(r"\bu\b"), "je"),
    (re.compile(r"\bU\b"), "Je"),
]


@functools.cache
def phrases() -> tuple[tuple[str, str], ...]:
    """The whole phrases of data/je-vorm.yaml, longest first."""
    data = yaml.safe_load(PHRASES.read_text(encoding="utf-8")) or {}
    return tuple(sorted(((str(k), str(v)) for k, v in data.items()), key=lambda p: -len(p[0])))


def _inverted(match: re.Match[str]) -> str:
    verb = match.group(1)
    new = INVERTED[verb.lower()]
    return (new.capitalize() if verb[0].isupper() else new) + " je"


@functools.cache
def say(text: str, form: str = "u") -> str:
    """`text` (written with "u") in the form of address `form`."""
    if form == "u" or not text:
        return text
    for u_form, je_form in phrases():
        text = text.replace(u_form, je_form)
    text = _INVERTED.sub(_inverted, text)
    for pattern, replacement in _REST:
        text = pattern.sub(replacement, text)
    return text
