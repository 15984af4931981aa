"""Development server: build, serve on 127.0.0.1 (or --host), rebuild and reload on every change.

One watcher thread (watchfiles) rebuilds into a private output directory when
content or templates change and bumps an epoch counter; every HTML page gets a
small same-origin script that long-polls the server and reloads the page when
the epoch changes. A failed build never stops the server: the diagnostics are
printed in the terminal and shown in the browser until the content is fixed.
"""

from __future__ import annotations

import errno
import logging
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

import click
import watchfiles

from .build import DEFAULT_TEMPLATES
from .diagnostics import BuildFailed, Diagnostics
from .incremental import LiveBuild
from .live_http import Handler, LocalServer, LocalServer6, error_page
from .present import count

log = logging.getLogger(__name__)

POLL_SECONDS = 25
WATCH_TICK_MS = 500


class LiveSite:
    """The state shared by the watcher and the request handlers."""

    def __init__(self, content_dir: Path, templates_dir: Path, output_dir: Path) -> None:
        self.content_dir = content_dir
        self.templates_dir = templates_dir
        self.output_dir = output_dir
        self.site = LiveBuild(content_dir, output_dir, templates_dir)
        self.epoch = 0
        self.error_page: bytes | None = None
        self.changed = threading.Condition()
        self._building = threading.Lock()  # one build at a time into output_dir

    def rebuild(self, report: Callable[[Diagnostics], None]) -> None:
        """Build once; on content errors keep the old site and remember the error page.
        Never raises: whatever goes wrong shows in the terminal and the browser. The
        browser reloads as soon as the changed pages are written, and again when the
        rest of the site (search, open data, listings) is up to date."""
        try:
            with self._building:
                page = self._build(report)
        except Exception as exc:  # even printing a diagnostic failed: keep serving
            log.exception("bouwen mislukt")
            page = error_page(None, repr(exc))
        self._reload(page)

    def _reload(self, page: bytes | None = None) -> None:
        with self.changed:
            self.error_page = page
            self.epoch += 1
            self.changed.notify_all()

    def _build(self, report: Callable[[Diagnostics], None]) -> bytes | None:
        try:
            built = self.site.build(pages_ready=self._reload)
            result = built.report
        except BuildFailed as failed:
            report(failed.diagnostics)
            errors = len(failed.diagnostics.errors)
            click.echo(f"Gestopt: {count(errors, 'fout', 'fouten')}. Verbeter de inhoud en sla op.")
            page = error_page(failed.diagnostics)
        except Exception as exc:  # a template error: show it, keep serving
            log.exception("bouwen mislukt")
            click.echo(f"Bouwen mislukt: {exc}")
            page = error_page(None, str(exc))
        else:
            report(result.diagnostics)
            again = count(built.rendered, "pagina", "pagina's")
            what = "" if built.full else f", waarvan {again} opnieuw gemaakt"
            click.echo(
                f"Gebouwd: {count(result.files, 'bestand', 'bestanden')}{what}"
                f" ({result.seconds:.1f} s)".replace(".", ",", 1)
            )
            page = None
        return page

    def wait_for_change(self, epoch: int) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.epoch != epoch, timeout=POLL_SECONDS)
            return self.epoch


BIND_REASONS = {
    errno.EADDRINUSE: "daar draait al iets, misschien een andere serve",
    errno.EACCES: "daarvoor is geen toestemming; kies een poort boven 1024",
    errno.EADDRNOTAVAIL: "dat adres hoort niet bij deze computer",
}


class PortInUse(Exception):
    """The address cannot be listened on; nothing was started or left behind."""


def serve(
    content_dir: Path,
    port: int,
    report: Callable[[Diagnostics], None],
    templates_dir: Path = DEFAULT_TEMPLATES,
    host: str = "127.0.0.1",
) -> None:
    """Serve until Ctrl+C or SIGTERM; the private output folder goes with it.
    Raises PortInUse before anything is made when `host`:`port` cannot be used."""
    try:
        server_class = LocalServer6 if ":" in host else LocalServer
        server = server_class((host, port), Handler)
    except OSError as exc:
        reason = BIND_REASONS.get(exc.errno, exc.strerror or str(exc))
        raise PortInUse(
            f"{host}:{port} is niet te gebruiken ({reason}); kies een andere poort met --port"
        ) from exc
    workdir = Path(tempfile.mkdtemp(prefix="sociale-kaart-serve-"))
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        live = LiveSite(content_dir, templates_dir, workdir / "site")
        handler = type("LiveHandler", (Handler,), {"live": live})
        server.RequestHandlerClass = partial(handler, directory=str(live.output_dir))
        # Watch first, so that a change during the first build is not missed; requests
        # wait in the listen queue until that build is done.
        threading.Thread(target=_watch, args=(live, report, stop), daemon=True).start()
        click.echo(
            "Let op: serve schrijft niet in output/. Bouw de site die u publiceert"
            " met: sociale-kaart build"
        )
        live.rebuild(report)
        shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
        click.echo(f"De site draait op http://{_url_host(shown)}:{port}/ (stoppen: Ctrl+C)")
        if shown != host:
            click.echo(
                "Op een telefoon in hetzelfde netwerk: gebruik het IP-adres van deze computer."
            )
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("\nGestopt.")
    finally:
        server.server_close()
        stop.set()
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(workdir, ignore_errors=True)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


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
