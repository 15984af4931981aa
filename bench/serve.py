"""Dev-server benchmark: many clients at once on `sociale-kaart serve`.

    .venv/bin/python -m bench.serve            # 200 clients, the example content

Starts the real server on the example content in a child process, then opens 200
connections at the same moment, each asking for the home page, and prints the
median, p99 and slowest answer and how many failed. Not a test.
"""

from __future__ import annotations

import concurrent.futures
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLIENTS = 200


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _one(url: str) -> float | None:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
    except OSError:
        return None
    return time.perf_counter() - started


def main() -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "generator", "serve", "--content", "content"]
    server = subprocess.Popen([*command, "--port", str(port)], cwd=REPO, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while _one(url) is None:
            if time.monotonic() > deadline:
                raise SystemExit("de server start niet")
            time.sleep(0.2)
        with concurrent.futures.ThreadPoolExecutor(CLIENTS) as pool:
            times = list(pool.map(_one, [url] * CLIENTS))
    finally:
        server.terminate()
        server.wait(timeout=20)
    good = sorted(t for t in times if t is not None)
    p99 = good[max(0, round(len(good) * 0.99) - 1)]
    print(
        f"{CLIENTS} clients at once: median {statistics.median(good) * 1000:.0f} ms,"
        f" p99 {p99 * 1000:.0f} ms, slowest {good[-1] * 1000:.0f} ms,"
        f" failed {len(times) - len(good)}"
    )


if __name__ == "__main__":
    main()
