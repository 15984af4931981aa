"""Markdown benchmark: how long one description takes to render, for hostile inputs.

    .venv/bin/python -m bench.markdown

Renders each input of the hardening issue, at the size limit (markup.MAX_CHARS)
and at a quarter of it, with `markup.render` (markdown-it-py and nh3, as the build
does), and prints a Markdown table; the median of 3 runs, the cache cleared each
time. Not a test: docs/beveiliging.md records the figures with the machine.
"""

from __future__ import annotations

import platform
import statistics
import time

from generator import markup

# Each case as a unit repeated to the wanted length.
CASES = {
    "haken `[` × n + `x` + `]` × n": lambda n: "[" * (n // 2 - 1) + "x" + "]" * (n // 2 - 1),
    "`<a ` × n": lambda n: "<a " * (n // 3),
    "`*_[<` × n": lambda n: "*_[<" * (n // 4),
    "`*a **` × n": lambda n: "*a **" * (n // 5),
    "`[a](` × n": lambda n: "[a](" * (n // 4),
    "`>` × n (diep citaat, wordt een fout)": lambda n: ">" * (n - 2) + " x",
    "gewone tekst met vet en links": lambda n: (
        "Dit is een zin met **vet** en een [link](https://x.example/). " * n
    )[:n],
}


def seconds(source: str) -> float:
    runs = []
    for _ in range(3):
        markup.forget()
        started = time.perf_counter()
        markup.render(source)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    sizes = (markup.MAX_CHARS // 4, markup.MAX_CHARS)
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}.")
    print()
    print("| invoer | " + " | ".join(f"{n:,} tekens" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name, make in CASES.items():
        cells = [f"{seconds(make(n)) * 1000:,.0f} ms" for n in sizes]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
