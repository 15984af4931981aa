"""How `check` and `build` print what they found: for a person, for GitHub, or as JSON.

- `tekst`: one line per diagnostic on stderr; identical warnings beyond GROUP_AFTER become
  one line "… en nog N keer", unless every one is asked for (`--alle`, or a failed
  `--strict`, where each one blocks). Errors with one cause in several files (an unknown
  doelgroep) go under a line that names the cause.
- `github`: GitHub Actions workflow commands on stdout (`::error file=...,line=...,
  title=...::message`), escaped as the runner expects, so a pull request shows each one
  at its line; GitHub shows only 10 per step, so the full list also goes to the step
  summary (the file in $GITHUB_STEP_SUMMARY) when there is one.
- `json`: every diagnostic as an object, on stdout.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from .diagnostics import Diagnostic, Diagnostics, Severity

GROUP_AFTER = 5  # identical warnings beyond this many are summarised in one line
FORMATS = ("tekst", "github", "json")


def _warning_kind(d: Diagnostic) -> str:
    """The message up to its first quoted value, without numbers, so alike warnings group."""
    return "".join(ch for ch in d.message.split("'", 1)[0] if not ch.isdigit())


def text_lines(diags: Iterable[Diagnostic], every: bool = False) -> list[str]:
    """Each diagnostic as a line; alike warnings grouped unless `every`. Diagnostics with
    one cause (`Diagnostic.group`) in two or more files go under one line that names it,
    where the first of them would be."""
    diags = list(diags)
    members: dict[str, list[Diagnostic]] = {}
    for d in diags:
        if d.group:
            members.setdefault(d.group, []).append(d)
    shown: Counter[tuple[str, str]] = Counter()
    hidden: Counter[tuple[str, str]] = Counter()
    lines = []
    for d in diags:
        group = members.get(d.group, [])
        if len({m.path for m in group}) > 1:
            if group[0] is d:
                lines.extend(_group_lines(d.group, group, every))
            continue
        if d.severity is Severity.WARNING and not every:
            key = (d.field, _warning_kind(d))
            shown[key] += 1
            if shown[key] > GROUP_AFTER:
                hidden[key] += 1
                continue
        lines.append(d.format())
    for (field, _kind), times in sorted(hidden.items()):
        about = f" over {field}" if field else ""
        lines.append(f"… en nog {times} keer dezelfde waarschuwing{about} (alle: --alle)")
    return lines


def _group_lines(cause: str, group: list[Diagnostic], every: bool) -> list[str]:
    files = {d.path for d in group}
    kinds = {d.path.rsplit("/", 2)[-2] if d.path.count("/") else "" for d in group}
    noun = kinds.pop() if kinds in ({"activiteiten"}, {"organisaties"}) else "bestanden"
    lines = [f"{len(files)} {noun} gebruiken {cause}:"]
    limit = len(group) if every else GROUP_AFTER
    lines += [f"  {d.format()}" for d in group[:limit]]
    if len(group) > limit:
        lines.append(f"  … en nog {len(group) - limit} keer (alle: --alle)")
    return lines


def _data(value: str) -> str:
    """Escape the message of a workflow command (GitHub's escapeData)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    """Escape a property of a workflow command (GitHub's escapeProperty)."""
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def github_line(d: Diagnostic) -> str:
    kind = "error" if d.severity is Severity.ERROR else "warning"
    title = d.field or ("fout" if kind == "error" else "waarschuwing")
    props = f"file={_property(d.path)},line={d.line},title={_property(title)}"
    return f"::{kind} {props}::{_data(d.message)}"


def summary_markdown(diags: Iterable[Diagnostic]) -> str:
    """The full list as a Markdown table, for the step summary."""
    rows = []
    for d in diags:
        kind = "fout" if d.severity is Severity.ERROR else "waarschuwing"
        message = d.message.replace("|", "\\|")
        rows.append(f"| {kind} | `{d.path}` | {d.line} | {d.field} | {message} |")
    title = "## Sociale Kaart: controle\n\n"
    if not rows:
        return title + "Geen meldingen.\n"
    head = "| Soort | Bestand | Regel | Veld | Melding |\n|---|---|---:|---|---|"
    return title + "\n".join([head, *rows]) + "\n"


def as_json(diags: Iterable[Diagnostic]) -> str:
    items = [
        {
            "bestand": d.path,
            "regel": d.line,
            "veld": d.field,
            "ernst": d.severity.value,
            "melding": d.message,
        }
        for d in diags
    ]
    return json.dumps(items, ensure_ascii=False, indent=2)


def emit(
    diags: Diagnostics,
    fmt: str,
    err: Callable[[str], None],
    out: Callable[[str], None],
    every: bool = False,
) -> None:
    """Print `diags` in format `fmt` (stderr for a person, stdout for a machine)."""
    ordered = diags.sorted()
    if fmt == "github":
        for d in ordered:
            out(github_line(d))
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with Path(summary).open("a", encoding="utf-8") as file:
                file.write(summary_markdown(ordered))
    elif fmt == "json":
        out(as_json(ordered))
    else:
        for line in text_lines(ordered, every):
            err(line)
