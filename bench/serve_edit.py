"""Editing while serving (issue #15): from saving an activity file to the reloaded page.

    .venv/bin/python -m bench.serve_edit              # N = 1,000 and 10,000
    .venv/bin/python -m bench.serve_edit 1000         # one size

For every N it generates the synthetic content (bench/generate.py), starts the real
`sociale-kaart serve` on it in a child process, and opens one activity page in headless
Debian Chromium (Playwright). Then, EDITS times, it changes that activity's title in its
file and measures two things: how long until the browser shows the page with the new
title (the server reloads it: save -> reloaded page), and how long until serve says the
whole site is up to date ("Gebouwd: ..."). Prints the median and the slowest of each.
Not a test: the figures depend on the machine; docs/snelheid.md records them.
"""

from __future__ import annotations

import argparse
import os
import platform
import queue
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
EDITS = 5


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _lines(stream, into: queue.Queue) -> None:  # type: ignore[type-arg]
    for line in iter(stream.readline, b""):
        into.put((time.perf_counter(), line.decode("utf-8", "replace")))


def _wait_for(lines: queue.Queue, text: str, timeout: float) -> float:  # type: ignore[type-arg]
    deadline = time.perf_counter() + timeout
    while True:
        at, line = lines.get(timeout=max(deadline - time.perf_counter(), 0.01))
        if text in line:
            return at


def measure(n: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix=f"serve-{n}-") as tmp:
        content = generate(n, Path(tmp) / "content")
        path = sorted((content / "activiteiten").glob("*.md"))[0]
        port = _free_port()
        command = [sys.executable, "-m", "generator", "serve", "--content", str(content),
                   "--port", str(port)]  # fmt: skip
        unbuffered = {**os.environ, "PYTHONUNBUFFERED": "1"}  # its lines as they come
        server = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=unbuffered
        )
        lines: queue.Queue = queue.Queue()  # type: ignore[type-arg]
        threading.Thread(target=_lines, args=(server.stdout, lines), daemon=True).start()
        visible, complete = [], []
        try:
            _wait_for(lines, "De site draait op", timeout=600)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM)
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{port}/activiteiten/{path.stem}/")
                original = path.read_text(encoding="utf-8")
                for i in range(EDITS):
                    title = f"Gewijzigde titel {i}"
                    text = original.replace("titel: ", f"titel: {title} ", 1)
                    saved = time.perf_counter()
                    path.write_text(text, encoding="utf-8")
                    page.wait_for_function(
                        "t => document.querySelector('h1')?.textContent.includes(t)",
                        arg=title,
                        timeout=120_000,
                    )
                    visible.append(time.perf_counter() - saved)
                    complete.append(_wait_for(lines, "Gebouwd:", timeout=600) - saved)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {"visible": visible, "complete": complete}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    sizes = parser.parse_args().sizes
    print(f"Command: `python -m bench.serve_edit {' '.join(sys.argv[1:])}`".replace(" `", "`"))
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python"
          f" {platform.python_version()}, {time.strftime('%Y-%m-%d')}\n")  # fmt: skip
    print("| N | save -> reloaded page, median (s) | slowest (s) |"
          " save -> whole site up to date, median (s) | slowest (s) |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|")
    for n in sizes:
        f = measure(n)
        print(f"| {n:,} | {statistics.median(f['visible']):.2f} | {max(f['visible']):.2f} |"
              f" {statistics.median(f['complete']):.2f} | {max(f['complete']):.2f} |")  # fmt: skip


if __name__ == "__main__":
    main()
