"""Content diagnostics: errors and warnings with file, line and field.

Diagnostics are data, not log records: the loader and the assembler record
them in a `Diagnostics` collector and keep going, so one run reports every
problem at once. Only `Diagnostics.failed` (asked by `build.check`) decides
whether the build stops.
This module knows nothing about YAML, Jinja or click.
"""

from __future__ import annotations

import difflib
import enum
import functools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem in one place of the content."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR
    # What many diagnostics have in common ("de onbekende doelgroep 'x'"): one cause,
    # shown once above them.
    group: str = field(default="", compare=False)

    def format(self) -> str:
        """`<path>:<line>: [waarschuwing: ]<field>: <message>`, always on one line: a line
        break in a file name or value shows as `\\n`, so it cannot fake another diagnostic."""
        label = "waarschuwing: " if self.severity is Severity.WARNING else ""
        where = f"{self.field}: " if self.field else ""
        return _one_line(f"{self.path}:{self.line}: {label}{where}{self.message}")


# Every character that ends a line somewhere (str.splitlines), written as its escape.
_LINE_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def _one_line(text: str) -> str:
    return text.translate(_LINE_BREAKS)


SHOWN_CHARS = 60  # of a value quoted in a message


def excerpt(value: object) -> str:
    """At most SHOWN_CHARS characters of a value, for a message."""
    text = str(value)
    return f"{text[: SHOWN_CHARS - 1]}…" if len(text) > SHOWN_CHARS else text


def display_path(path: Path) -> str:
    """The path as editors see it: relative to the working directory if possible. Not
    resolve(): a symlink is shown by its own name, never by what it points to. (String
    operations, remembered: this runs several times for every file of a large site.)"""
    return _display_path(os.fspath(path), os.getcwd())


@functools.lru_cache(maxsize=65536)
def _display_path(path: str, cwd: str) -> str:
    absolute = os.path.abspath(path)
    if absolute == cwd:
        return "."
    prefix = cwd if cwd.endswith(os.sep) else cwd + os.sep
    if absolute.startswith(prefix):
        return Path(absolute[len(prefix) :]).as_posix()
    return Path(path).as_posix()


def suggest(value: str, options: Iterable[str], cutoff: float = 0.6) -> str:
    """` (bedoelde u 'x'?)` for the closest option, or an empty string. An option that the
    value starts with, or that starts with the value, goes first ('introductie' is 'intro',
    not 'redactie'). `cutoff` is difflib's similarity a suggestion needs otherwise."""
    options = list(options)
    folded = value.casefold()
    prefixed = [
        o
        for o in options
        if min(len(o), len(value)) >= 3
        and (folded.startswith(o.casefold()) or o.casefold().startswith(folded))
    ]
    if prefixed:
        return f" (bedoelde u '{max(prefixed, key=len)}'?)"
    matches = difflib.get_close_matches(value, options, n=1, cutoff=cutoff)
    return f" (bedoelde u '{matches[0]}'?)" if matches else ""


def dutch_list(options: Iterable[str]) -> str:
    """`'a', 'b' of 'c'`."""
    quoted = [f"'{o}'" for o in options]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " of " + quoted[-1]


# Files that others refer to, in the order their problems are best read and fixed.
CAUSE_FILES = ("site.yaml", "taxonomie.yaml", "zoekwoorden.yaml")


def _cause_rank(path: str) -> int:
    name = path.rsplit("/", 1)[-1]
    if name in CAUSE_FILES:
        return CAUSE_FILES.index(name)
    return len(CAUSE_FILES) + (0 if "/organisaties/" in f"/{path}" else 1)


@dataclass
class Diagnostics:
    """Collects every diagnostic of one run."""

    items: list[Diagnostic] = field(default_factory=list)
    _error_paths: set[str] = field(default_factory=set, repr=False)  # asked once per file

    def error(self, path: str, line: int, field_name: str, message: str, group: str = "") -> None:
        self.items.append(Diagnostic(path, line, field_name, message, Severity.ERROR, group))
        self._error_paths.add(path)

    def warning(self, path: str, line: int, field_name: str, message: str) -> None:
        self.items.append(Diagnostic(path, line, field_name, message, Severity.WARNING))

    def extend(self, found: Iterable[Diagnostic]) -> None:
        """Add diagnostics recorded elsewhere (by a worker, `workers`), in their order."""
        for diagnostic in found:
            self.items.append(diagnostic)
            if diagnostic.severity is Severity.ERROR:
                self._error_paths.add(diagnostic.path)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.WARNING]

    def sorted(self) -> list[Diagnostic]:
        """The files every other file depends on first (a broken id in taxonomie.yaml is
        the cause of the unknown terms in the activities), then by path and line, and
        the recording order for ties."""
        indexed = sorted(
            enumerate(self.items),
            key=lambda p: (_cause_rank(p[1].path), p[1].path, p[1].line, p[0]),
        )
        return [d for _, d in indexed]

    def has_errors_in(self, path: str) -> bool:
        """Whether one file has errors (its smaller problems can wait until they are fixed)."""
        return path in self._error_paths

    def has_errors(self) -> bool:
        return bool(self._error_paths)

    def failed(self, strict: bool) -> bool:
        return self.has_errors() or (strict and bool(self.items))

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)


class BuildFailed(Exception):
    """The content has errors (or warnings under --strict); nothing was written."""

    def __init__(self, diagnostics: Diagnostics, strict: bool) -> None:
        super().__init__(f"{len(diagnostics.errors)} fouten")
        self.diagnostics = diagnostics
        self.strict = strict
