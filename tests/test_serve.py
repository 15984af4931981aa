"""`sociale-kaart serve`: serves, rebuilds on change, shows content errors in the browser."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 30) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(condition, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def server(minimal_content, tmp_path: Path):
    minimal_content({})
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--content", "content", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"

    def up() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            return process.poll() is not None

    wait_for(up)
    yield base, tmp_path / "content", process
    process.terminate()
    process.wait(timeout=10)


def test_serve_rebuilds_and_shows_errors_in_the_browser(server):
    base, content, process = server
    status, home = fetch(base)
    assert status == 200
    assert '<script src="/__sociale-kaart/herlaad.js" data-epoch="1"></script></body>' in home

    activity = content / "activiteiten" / "koffie.md"
    good = activity.read_text(encoding="utf-8")
    activity.write_text(good.replace("toegang: vrij", "toegang: vrijj"), encoding="utf-8")
    # The long poll answers as soon as the rebuild has happened.
    _, epoch = fetch(base + "__sociale-kaart/wacht?epoch=1")
    assert epoch == "2"
    status, page = fetch(base + "activiteiten/koffie/")
    assert status == 500
    assert "De site kan niet gebouwd worden" in page
    assert "content/activiteiten/koffie.md:" in page and "&#x27;vrijj&#x27; is geen toegang" in page

    activity.write_text(good.replace("Koffie", "Koffie en thee", 1), encoding="utf-8")
    _, epoch = fetch(base + "__sociale-kaart/wacht?epoch=2")
    assert epoch == "3"
    status, page = fetch(base + "activiteiten/koffie/")
    assert status == 200 and "Koffie en thee" in page
    status, _ = fetch(base + "bestaat/niet/")
    assert status == 404
    assert process.poll() is None  # still serving
