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
import shutil
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

from .build import DEFAULT_TEMPLATES, build
from .diagnostics import BuildFailed, Diagnostics
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


class LiveSite:
    """The state shared by the watcher and the request handlers."""

    def __init__(self, content_dir: Path, templates_dir: Path, output_dir: Path) -> None:
        self.content_dir = content_dir
        self.templates_dir = templates_dir
        self.output_dir = output_dir
        self.epoch = 0
        self.error_page: bytes | None = None
        self.changed = threading.Condition()

    def rebuild(self, report: Callable[[Diagnostics], None]) -> None:
        """Build once; on content errors keep the old site and remember the error page."""
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
        with self.changed:
            self.error_page = error_page
            self.epoch += 1
            self.changed.notify_all()

    def wait_for_change(self, epoch: int) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.epoch != epoch, timeout=POLL_SECONDS)
            return self.epoch


class Handler(SimpleHTTPRequestHandler):
    live: LiveSite

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        parts = urlsplit(self.path)
        if parts.path == "/__sociale-kaart/herlaad.js":
            return self._send(RELOAD_SCRIPT, "text/javascript")
        if parts.path == "/__sociale-kaart/wacht":
            since = parse_qs(parts.query).get("epoch", ["0"])[0]
            epoch = self.live.wait_for_change(int(since) if since.isdigit() else 0)
            return self._send(str(epoch).encode(), "text/plain")
        if self.live.error_page is not None and _wants_html(parts.path):
            return self._send(
                self._inject(self.live.error_page), "text/html", HTTPStatus.INTERNAL_SERVER_ERROR
            )
        target = self.translate_path(self.path)
        if _wants_html(parts.path) and Path(target).is_dir():
            target = str(Path(target) / "index.html")
        if target.endswith(".html") and Path(target).is_file():
            return self._send(self._inject(Path(target).read_bytes()), "text/html")
        if not Path(target).exists() and (self.live.output_dir / "404.html").is_file():
            page = (self.live.output_dir / "404.html").read_bytes()
            return self._send(self._inject(page), "text/html", HTTPStatus.NOT_FOUND)
        return super().do_GET()

    def _inject(self, page: bytes) -> bytes:
        tag = f'<script src="/__sociale-kaart/herlaad.js" data-epoch="{self.live.epoch}"></script>'
        return page.replace(b"</body>", tag.encode() + b"</body>", 1)

    def _send(self, body: bytes, kind: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        log.debug(format, *args)


def serve(
    content_dir: Path,
    port: int,
    report: Callable[[Diagnostics], None],
    templates_dir: Path = DEFAULT_TEMPLATES,
) -> None:
    """Serve until Ctrl+C."""
    workdir = Path(tempfile.mkdtemp(prefix="sociale-kaart-serve-"))
    live = LiveSite(content_dir, templates_dir, workdir / "site")
    live.rebuild(report)
    handler = type("LiveHandler", (Handler,), {"live": live})
    server = ThreadingHTTPServer(
        ("127.0.0.1", port), partial(handler, directory=str(live.output_dir))
    )
    server.daemon_threads = True
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(live, report, stop), daemon=True)
    watcher.start()
    click.echo(f"De site draait op http://127.0.0.1:{port}/ (stoppen: Ctrl+C)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("\nGestopt.")
    finally:
        stop.set()
        server.server_close()
        shutil.rmtree(workdir, ignore_errors=True)


def _watch(live: LiveSite, report: Callable[[Diagnostics], None], stop: threading.Event) -> None:
    for changes in watchfiles.watch(live.content_dir, live.templates_dir, stop_event=stop):
        names = sorted({Path(path).name for _, path in changes})
        click.echo(f"Gewijzigd: {', '.join(names)}")
        live.rebuild(report)


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
    return page.encode()
