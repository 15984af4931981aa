"""`sociale-kaart serve`: serves, rebuilds on change, shows content errors in the browser."""

from __future__ import annotations

import os
import re
import signal
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
    if process.poll() is None:
        # Requests wait until the first build is done: a test's edits then come after it,
        # and are not already part of that build (on a slow machine they could be).
        fetch(base)
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


# --- Hardening (finding 8) ---------------------------------------------------------------


def request(base: str, method: str, path: str, host: str | None = None):
    """(status, headers, body) of one raw request, with any Host header."""
    import http.client
    from urllib.parse import urlsplit

    port = urlsplit(base).port
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest(method, path, skip_host=True)
    connection.putheader("Host", host or f"127.0.0.1:{port}")
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def test_serve_answers_odd_requests_with_a_status(server):
    base, _, process = server
    assert request(base, "GET", "/" + "a" * 5000)[0] == 414
    assert request(base, "GET", "/" + "a" * 1500 + "/")[0] == 404  # too long a file name
    for epoch in ("%C2%B2", "%D9%A1", "9" * 50, "-1", "x"):
        assert request(base, "GET", f"/__sociale-kaart/wacht?epoch={epoch}")[0] == 400, epoch
    assert request(base, "GET", "/activiteiten")[1]["Location"] == "/activiteiten/"
    assert process.poll() is None


def test_serve_answers_head_like_get(server):
    base, _, _ = server
    for path in ("/", "/static/style.css", "/bestaat-niet/"):
        get_status, get_headers, body = request(base, "GET", path)
        head_status, head_headers, nothing = request(base, "HEAD", path)
        assert (head_status, nothing) == (get_status, b""), path
        assert head_headers["Content-Length"] == get_headers["Content-Length"] == str(len(body))
        assert head_headers["Content-Type"] == get_headers["Content-Type"]


def test_serve_only_answers_its_own_host_names(server):
    """A page on evil.example that rebinds its DNS to 127.0.0.1 gets nothing."""
    base, _, _ = server
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example"):
        status, _, body = request(base, "GET", "/", host=host)
        assert status == 400 and b"<html" not in body, host
    for host in ("localhost", "127.0.0.1", "localhost:1234", "192.168.1.5:8000", "[::1]:8000"):
        assert request(base, "GET", "/", host=host)[0] == 200, host


def test_serve_says_that_it_does_not_write_output_and_hides_closed_connections(server):
    """A browser that drops a connection (a reload, a closed tab) is normal use: no
    traceback. And the editor is told that output/ stays as `build` left it."""
    import struct

    base, content, process = server
    port = int(base.rsplit(":", 1)[1].strip("/"))
    for path in ("/static/vendor/lunr.min.js", "/__sociale-kaart/wacht?epoch=1", "/"):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        # Close with a reset, as a browser does when a tab goes away.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    activity = content / "activiteiten" / "koffie.md"
    activity.write_text(activity.read_text(encoding="utf-8") + "\nMeer.\n", encoding="utf-8")
    fetch(base + "__sociale-kaart/wacht?epoch=1")  # the dropped poll was answered too
    # The edited pages first (epoch 2: the browser reloads), then the rest (epoch 3).
    assert fetch(base + "__sociale-kaart/wacht?epoch=2")[1] == "3"
    process.terminate()
    output = process.communicate(timeout=20)[0]
    assert "Traceback" not in output and "Error" not in output, output
    # Only the activity's page and its organisation's were made again (incremental).
    again = r"^Gebouwd: \d+ bestanden, waarvan 2 pagina's opnieuw gemaakt \("
    assert re.search(again, output, re.M), output
    assert output.startswith(
        "Let op: serve schrijft niet in output/. Bouw de site die u publiceert met:"
        " sociale-kaart build\n"
    )
    assert not (content.parent / "output").exists()


def test_serve_error_page_wraps_on_a_phone(server, browser):
    base, content, _ = server
    activity = content / "activiteiten" / "koffie.md"
    long_value = "x" * 300
    text = activity.read_text(encoding="utf-8").replace("toegang: vrij", f"toegang: {long_value}")
    activity.write_text(text, encoding="utf-8")
    fetch(base + "__sociale-kaart/wacht?epoch=1")
    page = browser.new_page(viewport={"width": 360, "height": 640})
    try:
        page.goto(base + "activiteiten/koffie/")
        assert "De site kan niet gebouwd worden" in page.inner_text("h1")
        widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1], widths
    finally:
        page.close()


def test_serve_sends_the_pages_policy_as_a_header(server):
    from generator.policy import HEADER_POLICY

    base, _, _ = server
    _, headers, _ = request(base, "GET", "/")
    assert headers["Content-Security-Policy"] == HEADER_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_serve_keeps_rebuilding_after_a_name_that_is_not_utf8(server):
    base, content, process = server
    (content / "activiteiten").joinpath(os.fsdecode(b"caf\xe9.md")).write_text("x")
    _, epoch = fetch(base + "__sociale-kaart/wacht?epoch=1")
    status, page = fetch(base)
    assert status == 500 and "bestandsnaam" in page
    os.remove(os.path.join(os.fsencode(content / "activiteiten"), b"caf\xe9.md"))
    _, epoch = fetch(base + f"__sociale-kaart/wacht?epoch={epoch}")
    assert fetch(base)[0] == 200
    assert process.poll() is None


def test_serve_leaves_no_temp_folder_after_sigterm_or_a_failed_start(minimal_content, tmp_path):
    minimal_content({})
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = free_port()
    command = [sys.executable, "-m", "generator", "serve", "--content", "content", "--port"]
    options = {"cwd": tmp_path, "env": {**os.environ, "TMPDIR": str(temp)}, "text": True}
    process = subprocess.Popen([*command, str(port)], stdout=subprocess.PIPE, **options)
    wait_for(lambda: _open(port) and fetch(f"http://127.0.0.1:{port}/", timeout=5)[0] == 200)
    # A second server on the same port cannot start: a message, and no temp folder of its own.
    second = subprocess.run([*command, str(port)], capture_output=True, timeout=60, **options)
    assert second.returncode == 2
    assert second.stderr == (
        f"Gestopt: 127.0.0.1:{port} is niet te gebruiken (daar draait al iets, misschien een"
        " andere serve); kies een andere poort met --port.\n"
    )
    assert second.stdout == ""
    assert len(list(temp.iterdir())) == 1  # the first server's
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
    assert list(temp.iterdir()) == []


def _open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False
