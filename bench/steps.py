"""Where a build spends its time: the seconds of each step, for synthetic content.

    .venv/bin/python -m bench.steps            # N = 1,000 and 10,000
    .venv/bin/python -m bench.steps 10000      # one size

Generates the content (bench/generate.py), builds it once in this process and prints
BuildReport.steps as a Markdown table, with the machine. Not a test: the figures depend
on the machine; docs record them (see issue #15 in the closing notes).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import tempfile
from pathlib import Path

from bench.generate import generate
from generator.build import build


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    sizes = parser.parse_args().sizes
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores,"
          f" Python {platform.python_version()}\n")  # fmt: skip
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            content = generate(n, Path(tmp) / "content")
            report = build(content, Path(tmp) / "out")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"## N = {n:,}".replace(",", "."))
        print(f"\n{report.files} files, {report.seconds:.1f} s, peak {peak:.0f} MB so far\n")
        # Steps on workers count the seconds of every worker: the shares add up to more
        # than 100% when two processes worked at once.
        print("| Step | Seconds | Share of the wall time |\n|---|---:|---:|")
        for name, seconds in report.steps:
            share = 100 * seconds / report.seconds
            print(f"| {name} | {seconds:.2f} | {share:.0f}% |")
        print()


if __name__ == "__main__":
    main()
