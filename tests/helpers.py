"""Plain helpers for the tests: files, a static web server, axe and vnu.

Import them as `from tests.helpers import write_tree, axe_check, run_vnu`.
Fixtures that use them live in tests/conftest.py.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import socket
import subprocess
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Debian's Chromium; Playwright's own browser download does not work here.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Lighthouse counts WCAG 2.2 target-size too, so axe checks wcag22aa as well.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# --- Files ---------------------------------------------------------------


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` ({"a/b.md": "text", "img/x.png": b"..."}) under `root`.

    Directories are created as needed; str is written as UTF-8. Returns `root`.
    """
    root = Path(root)
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


# --- A static web server -------------------------------------------------


def normalize_prefix(prefix: str) -> str:
    """Normalize a URL prefix: "sociale-kaart" -> "/sociale-kaart/", "" -> "/"."""
    parts = [p for p in prefix.split("/") if p]
    return "/" + "".join(p + "/" for p in parts)


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics")


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serve `directory` under `prefix`, quietly, like a static host would.

    Paths outside the prefix are 404; "/prefix" redirects to "/prefix/";
    a missing file gets the site's own 404.html (with status 404) if it has one.
    """

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
    }

    def __init__(self, *args, prefix: str = "/", compress: bool = False, **kwargs):
        self.prefix = prefix
        self.compress = compress
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):
        pass

    def send_head(self):
        url_path = urllib.parse.urlsplit(self.path).path
        if self.prefix != "/" and url_path == self.prefix.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if not url_path.startswith(self.prefix):
            self.send_error(404)
            return None
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            # As a web host does for text files: gzip them for a browser that accepts it.
            path = Path(self.translate_path(self.path))
            if path.is_dir() and url_path.endswith("/"):
                path = path / "index.html"
            if path.suffix in COMPRESSED and path.is_file():
                body = gzip.compress(path.read_bytes(), mtime=0)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)
        return super().send_head()

    def translate_path(self, path):
        url_path = urllib.parse.urlsplit(path).path
        if url_path.startswith(self.prefix):
            url_path = "/" + url_path[len(self.prefix) :]
        return super().translate_path(url_path)

    def send_error(self, code, message=None, explain=None):
        page_404 = Path(self.directory) / "404.html"
        if code != 404 or not page_404.is_file():
            return super().send_error(code, message, explain)
        body = page_404.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class StaticServer:
    """A threaded http.server on 127.0.0.1 and a free port, in a daemon thread."""

    def __init__(self, directory: Path, prefix: str = "/", compress: bool = False):
        """`compress`: gzip text files for clients that accept it, as a web host does."""
        self.directory = Path(directory).resolve()
        if not self.directory.is_dir():
            raise FileNotFoundError(f"cannot serve {self.directory}: not a directory")
        self.prefix = normalize_prefix(prefix)
        handler = functools.partial(
            StaticHandler, directory=str(self.directory), prefix=self.prefix, compress=compress
        )
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        # A short poll interval makes shutdown() quick.
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def start(self, timeout: float = 5.0) -> str:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self.base_url
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


# --- Accessibility: axe-core -----------------------------------------------


@dataclass(frozen=True)
class AxeViolation:
    context: str
    id: str
    impact: str | None
    help: str
    targets: tuple[str, ...]

    def __repr__(self) -> str:
        return f"{self.context}: {self.id} [{self.impact}] {self.help} -> {', '.join(self.targets)}"

    __str__ = __repr__


@functools.cache
def _axe_source() -> str:
    if not AXE_JS.is_file():
        raise FileNotFoundError(f"{AXE_JS} is missing: run `npm ci --ignore-scripts`")
    return AXE_JS.read_text(encoding="utf-8")


_AXE_RUN = """async (tags) => {
    const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    return results.violations.map(v => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
    }));
}"""


def axe_check(page, context_label: str) -> list[AxeViolation]:
    """Run axe-core (WCAG 2.0-2.2 A/AA) on the page as loaded; return its violations.

    axe is injected with page.evaluate, which a Content-Security-Policy does not block.
    Use as: `assert axe_check(page, "home") == []`.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    found = page.evaluate(_AXE_RUN, AXE_TAGS)
    return [
        AxeViolation(context_label, v["id"], v["impact"], v["help"], tuple(v["targets"]))
        for v in found
    ]


# --- Browser errors ----------------------------------------------------------


def watch_errors(page) -> list[str]:
    """Collect uncaught exceptions and console errors of `page` from now on.

    Call before page.goto(); the returned list fills as the page runs.
    """
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))

    def on_console(msg) -> None:
        if msg.type == "error":
            where = msg.location.get("url", "")
            errors.append(f"console.error: {msg.text}" + (f" ({where})" if where else ""))

    page.on("console", on_console)
    return errors


# --- Valid HTML: the Nu Html Checker -------------------------------------


def run_vnu(directory: Path | str) -> list[str]:
    """Check every HTML file under `directory` with vnu; return "file:line: message" errors.

    `file` is relative to `directory`. An empty list means valid.
    """
    directory = Path(directory).resolve()
    if not VNU_JAR.is_file():
        raise FileNotFoundError(f"{VNU_JAR} is missing: run `npm ci --ignore-scripts`")
    proc = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            str(directory),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # vnu writes its JSON report to stderr.
    try:
        report = json.loads(proc.stderr or proc.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(
            f"vnu failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        ) from None
    errors = []
    for msg in report.get("messages", []):
        if msg.get("type") == "info":
            continue
        url = msg.get("url", "")
        path = Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)) if url else directory
        try:
            name = path.relative_to(directory).as_posix()
        except ValueError:
            name = str(path)
        line = msg.get("lastLine", msg.get("firstLine", 0))
        errors.append(f"{name}:{line}: {msg.get('message', '').strip()}")
    if proc.returncode != 0 and not errors:
        raise RuntimeError(f"vnu exited {proc.returncode} without messages:\n{proc.stderr}")
    return errors


def edit_file(path: Path, old: str, new: str) -> None:
    """What an editor does: replace the first `old` in a content file by `new`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
