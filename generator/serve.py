"""Development server: build, serve on 127.0.0.1, rebuild and reload on every change.

One watcher thread (watchfiles) rebuilds into a private output directory when
content or templates change and bumps an epoch counter; every HTML page gets a
small same-origin script that long-polls the server and reloads the page when
the epoch changes. A failed build never stops the server: the diagnostics are
printed in the terminal and shown in the browser until the content is fixed.
"""

from __future__ import annotations

import html
import logging
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import click
import watchfiles

from . import policy
from .build import DEFAULT_TEMPLATES, build
from .diagnostics import BuildFailed, Diagnostics
from .policy import HEADER_POLICY
from .present import count

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
POLL_SECONDS = 25
SOCKET_TIMEOUT = 30  # seconds a client may take to send its request
MAX_PATH = 2000  # characters; browsers send far less
EPOCH_RE = re.compile(r"[0-9]{1,9}")
WATCH_TICK_MS = 500


class LiveSite:
    """The state shared by the watcher and the request handlers."""

    def __init__(self, content_dir: Path, templates_dir: Path, output_dir: Path) -> None:
        self.content_dir = content_dir
        self.templates_dir = templates_dir
        self.output_dir = output_dir
        self.epoch = 0
        self.error_page: bytes | None = None
        self.changed = threading.Condition()
        self._building = threading.Lock()  # one build at a time into output_dir

    def rebuild(self, report: Callable[[Diagnostics], None]) -> None:
        """Build once; on content errors keep the old site and remember the error page.
        Never raises: whatever goes wrong shows in the terminal and the browser."""
        try:
            with self._building:
                error_page = self._build(report)
        except Exception as exc:  # even printing a diagnostic failed: keep serving
            log.exception("bouwen mislukt")
            error_page = _error_page(None, repr(exc))
        with self.changed:
            self.error_page = error_page
            self.epoch += 1
            self.changed.notify_all()

    def _build(self, report: Callable[[Diagnostics], None]) -> bytes | None:
        try:
            result = build(self.content_dir, self.output_dir, templates_dir=self.templates_dir)
        except BuildFailed as failed:
            report(failed.diagnostics)
            errors = len(failed.diagnostics.errors)
            click.echo(f"Gestopt: {count(errors, 'fout', 'fouten')}. Verbeter de inhoud en sla op.")
            error_page = _error_page(failed.diagnostics)
        except Exception as exc:  # a template error: show it, keep serving
            log.exception("bouwen mislukt")
            click.echo(f"Bouwen mislukt: {exc}")
            error_page = _error_page(None, str(exc))
        else:
            report(result.diagnostics)
            click.echo(
                f"Gebouwd: {count(result.files, 'bestand', 'bestanden')}"
                f" ({result.seconds:.1f} s)".replace(".", ",", 1)
            )
            error_page = None
        return error_page

    def wait_for_change(self, epoch: int) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.epoch != epoch, timeout=POLL_SECONDS)
            return self.epoch


class Handler(SimpleHTTPRequestHandler):
    """The site, the reload script and the long poll; only for this machine's own names."""

    live: LiveSite
    timeout = SOCKET_TIMEOUT  # a client that stops sending is dropped

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(with_body=False)

    def _answer(self, with_body: bool) -> None:
        self.with_body = with_body
        if not _local_host(self.headers.get("Host", "")):
            return self._send(b"Alleen voor 127.0.0.1 en localhost.", "text/plain", 400)
        if len(self.path) > MAX_PATH:
            return self._send(b"Dit adres is te lang.", "text/plain", 414)
        parts = urlsplit(self.path)
        if parts.path == "/__sociale-kaart/herlaad.js":
            return self._send(RELOAD_SCRIPT, "text/javascript")
        if parts.path == "/__sociale-kaart/wacht":
            since = parse_qs(parts.query).get("epoch", ["0"])[0]
            if not EPOCH_RE.fullmatch(since):
                return self._send(b"epoch moet een getal zijn.", "text/plain", 400)
            return self._send(str(self.live.wait_for_change(int(since))).encode(), "text/plain")
        if self.live.error_page is not None and _wants_html(parts.path):
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
        if _wants_html(path) and target.is_dir():
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


def _local_host(host: str) -> bool:
    """Whether a Host header names this machine (no DNS rebinding from a web page)."""
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name in ("127.0.0.1", "localhost", "[::1]")


def serve(
    content_dir: Path,
    port: int,
    report: Callable[[Diagnostics], None],
    templates_dir: Path = DEFAULT_TEMPLATES,
) -> None:
    """Serve until Ctrl+C or SIGTERM; the private output folder goes with it."""
    workdir = Path(tempfile.mkdtemp(prefix="sociale-kaart-serve-"))
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        live = LiveSite(content_dir, templates_dir, workdir / "site")
        handler = type("LiveHandler", (Handler,), {"live": live})
        try:
            server = LocalServer(
                ("127.0.0.1", port), partial(handler, directory=str(live.output_dir))
            )
        except OSError as exc:
            raise click.ClickException(
                f"poort {port} is niet te gebruiken ({exc.strerror or exc});"
                " kies een andere met --port"
            ) from exc
        # Watch first, so that a change during the first build is not missed; requests
        # wait in the listen queue until that build is done.
        threading.Thread(target=_watch, args=(live, report, stop), daemon=True).start()
        live.rebuild(report)
        click.echo(f"De site draait op http://127.0.0.1:{port}/ (stoppen: Ctrl+C)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("\nGestopt.")
        finally:
            server.server_close()
    finally:
        stop.set()
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(workdir, ignore_errors=True)


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # the same clean stop as Ctrl+C


def _watch(live: LiveSite, report: Callable[[Diagnostics], None], stop: threading.Event) -> None:
    """Rebuild on every change, for good: nothing that goes wrong stops the watcher.

    watchfiles itself gives up on a file name that is not valid UTF-8. Then we watch
    again, and rebuild (the content did change) as soon as the new watch is running,
    so that no change is missed in between."""
    missed = False
    while not stop.is_set():
        try:
            for changes in watchfiles.watch(
                live.content_dir,
                live.templates_dir,
                stop_event=stop,
                yield_on_timeout=True,  # an empty set each rust_timeout: the watch is running
                rust_timeout=WATCH_TICK_MS,
            ):
                if changes or missed:
                    _echo_changes(changes)
                    missed = False
                    live.rebuild(report)
        except Exception:
            log.exception("wijziging niet te lezen")
            missed = True
            stop.wait(0.1)


def _echo_changes(changes: set[tuple[object, str]]) -> None:
    try:
        names = sorted({Path(path).name for _, path in changes}) or [
            "een bestand met een vreemde naam"
        ]
        click.echo(f"Gewijzigd: {', '.join(names)}".encode("utf-8", "backslashreplace"))
    except Exception:  # a name the terminal cannot show: the rebuild matters, not this line
        log.exception("melding mislukt")


def _wants_html(path: str) -> bool:
    return path.endswith("/") or path.endswith(".html")


def _error_page(diags: Diagnostics | None, detail: str = "") -> bytes:
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
        "<title>Fout in de inhoud</title></head>"
        f"<body><main>{body}</main></body></html>"
    )
    return page.encode("utf-8", "backslashreplace")  # a file name may not be valid UTF-8
