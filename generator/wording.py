"""Small rules of Dutch wording that every description uses. Plain text only."""

from __future__ import annotations


def joined(items: list[str], word: str = "en") -> str:
    """`a`, `a en b`, `a, b en c` (or with `of`)."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"
