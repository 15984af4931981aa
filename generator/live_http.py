"""The HTTP side of `serve`: pages with the reload script, the long poll, the error page.

Answers only Host headers that are an IP address or localhost, so a web page that
rebinds its own domain name to this machine gets nothing.
"""

from __future__ import annotations

import html
import ipaddress
import logging
import re
import socket
import sys
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, urlsplit

from . import policy
from .diagnostics import Diagnostics
from .policy import HEADER_POLICY

log = logging.getLogger(__name__)

RELOAD_SCRIPT = b"""(function () {
  var me = document.currentScript, epoch = me.getAttribute("data-epoch");
  function wait() {
    fetch("/__sociale-kaart/wacht?epoch=" + epoch, {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (now) { if (now !== epoch) { location.reload(); } else { wait(); } })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
"""
# The error page on a phone: long paths and messages wrap instead of running off screen.
ERROR_STYLE = b"""body { font-family: system-ui, sans-serif; margin: 1rem; line-height: 1.4; }
ul { padding-left: 1.2rem; }
code { white-space: pre-wrap; overflow-wrap: anywhere; }
"""
MAX_PATH = 2000  # characters; browsers send far less
EPOCH_RE = re.compile(r"[0-9]{1,9}")
SOCKET_TIMEOUT = 30  # seconds a client may take to send its request


class LiveState(Protocol):
    """What the handler needs of `serve.LiveSite`: the epoch, the error page, the files."""

    epoch: int
    error_page: bytes | None
    output_dir: Path

    def wait_for_change(self, epoch: int) -> int: ...


class Handler(SimpleHTTPRequestHandler):
    """The site, the reload script and the long poll; only for this machine's own names."""

    live: LiveState
    timeout = SOCKET_TIMEOUT  # a client that stops sending is dropped

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(with_body=False)

    def _answer(self, with_body: bool) -> None:
        self.with_body = with_body
        if not _trusted_host(self.headers.get("Host", "")):
            return self._send(b"Alleen voor een IP-adres of localhost.", "text/plain", 400)
        if len(self.path) > MAX_PATH:
            return self._send(b"Dit adres is te lang.", "text/plain", 414)
        parts = urlsplit(self.path)
        if parts.path == "/__sociale-kaart/herlaad.js":
            return self._send(RELOAD_SCRIPT, "text/javascript")
        if parts.path == "/__sociale-kaart/fout.css":
            return self._send(ERROR_STYLE, "text/css")
        if parts.path == "/__sociale-kaart/wacht":
            since = parse_qs(parts.query).get("epoch", ["0"])[0]
            if not EPOCH_RE.fullmatch(since):
                return self._send(b"epoch moet een getal zijn.", "text/plain", 400)
            return self._send(str(self.live.wait_for_change(int(since))).encode(), "text/plain")
        if self.live.error_page is not None and wants_html(parts.path):
            return self._send(
                self._inject(self.live.error_page), "text/html", HTTPStatus.INTERNAL_SERVER_ERROR
            )
        try:
            return self._static(parts.path)
        except OSError:  # a name too long for the file system, and the like
            return self._not_found()

    def _static(self, path: str) -> None:
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not path.endswith("/"):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            return self.end_headers()
        if wants_html(path) and target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return self._not_found()
        if target.suffix == ".html":
            return self._send(self._inject(target.read_bytes()), "text/html")
        kind = self.guess_type(str(target))
        return self._send(target.read_bytes(), kind.removesuffix("; charset=utf-8"))

    def _not_found(self) -> None:
        page = self.live.output_dir / "404.html"
        body = self._inject(page.read_bytes()) if page.is_file() else b"Niet gevonden."
        return self._send(body, "text/html", HTTPStatus.NOT_FOUND)

    def _inject(self, page: bytes) -> bytes:
        tag = f'<script src="/__sociale-kaart/herlaad.js" data-epoch="{self.live.epoch}"></script>'
        return page.replace(b"</body>", tag.encode() + b"</body>", 1)

    def _send(self, body: bytes, kind: str, status: int = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header(
            "Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind
        )
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        is_page = kind == "text/html"
        self.send_header(
            "Content-Security-Policy", policy.header_for(body) if is_page else HEADER_POLICY
        )
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        log.debug(format, *args)


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many tabs and scripts at once wait instead of being refused

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that closes a connection early (a reload, a closed tab) is normal
        use, not an error worth a traceback; anything else is still printed."""
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class LocalServer6(LocalServer):
    address_family = socket.AF_INET6


def _trusted_host(host: str) -> bool:
    """Whether a Host header is an IP address or localhost. A web page that points a
    domain name of its own at this machine (DNS rebinding) sends that name, so it
    gets nothing; a phone on the same network sends the IP address it was given."""
    name = host[1:].split("]", 1)[0] if host.startswith("[") else host.rsplit(":", 1)[0]
    if name == "localhost":
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def wants_html(path: str) -> bool:
    return path.endswith("/") or path.endswith(".html")


def error_page(diags: Diagnostics | None, detail: str = "") -> bytes:
    if diags is not None:
        lines = "".join(f"<li><code>{html.escape(d.format())}</code></li>" for d in diags)
        body = (
            "<h1>De site kan niet gebouwd worden</h1>"
            "<p>Er staan fouten in de inhoud. Verbeter ze en sla het bestand op;"
            " deze pagina laadt dan vanzelf opnieuw.</p>"
            f"<ul>{lines}</ul>"
        )
    else:
        body = f"<h1>Bouwen mislukt</h1><p>{html.escape(detail)}</p>"
    page = (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="stylesheet" href="/__sociale-kaart/fout.css">'
        "<title>Fout in de inhoud</title></head>"
        f"<body><main>{body}</main></body></html>"
    )
    return page.encode("utf-8", "backslashreplace")  # a file name may not be valid UTF-8
