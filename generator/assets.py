"""Copy the static files (CSS, icons, scripts) into the output.

The site's own files live in templates/static/. Third-party browser
libraries come from node_modules/ (installed with `npm ci` from the committed
package-lock.json) and are copied at build time; they are never committed and
never loaded from a CDN.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from . import urls, voice
from .publish import Writer

# (file in node_modules, name in the output's static/vendor/)
# Search (js/zoeken/): lunr, then lunr-languages' stemmer support, then Dutch, loaded by
# the search page as classic scripts in this order. The minified builds of the same
# packages: a third of the bytes to download.
SEARCH_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("lunr/lunr.min.js", "lunr.min.js"),
    ("lunr-languages/min/lunr.stemmer.support.min.js", "lunr.stemmer.support.min.js"),
    ("lunr-languages/min/lunr.nl.min.js", "lunr.nl.min.js"),
)
# ES modules that our own modules import: QR codes on the wegwijzer's handout
# (js/qr.js).
VENDOR_MODULES: tuple[tuple[str, str], ...] = (("qrcode-generator/dist/qrcode.mjs", "qrcode.js"),)
VENDOR_FILES = SEARCH_SCRIPTS + VENDOR_MODULES
# The background map of /kaart/, only when site.yaml names one (kaart.achtergrond):
# Leaflet and protomaps-leaflet (which reads PMTiles), loaded after a click.
MAP_FILES: tuple[tuple[str, str], ...] = (
    ("leaflet/dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet/dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet/dist/images/layers.png", "leaflet/images/layers.png"),
    ("leaflet/dist/images/layers-2x.png", "leaflet/images/layers-2x.png"),
    ("leaflet/dist/images/marker-icon.png", "leaflet/images/marker-icon.png"),
    ("protomaps-leaflet/dist/protomaps-leaflet.js", "protomaps-leaflet.js"),
)


# A static import of one of our own modules, one per line: import { a } from "./b.js";
IMPORT_RE = re.compile(r'^import\s[^;]*?from\s+"(\.{1,2}/[^"]+\.js)";?\s*$', re.M)


def module_imports(templates_dir: Path, module: str) -> list[str]:
    """Every module that the static module `module` (such as "js/zoeken/pagina.js")
    imports, directly or not, as static names, in a stable order: for modulepreload
    links, so the browser fetches them all at once instead of one level at a time."""
    found: list[str] = []
    todo = [module]
    while todo:
        name = todo.pop(0)
        source = (templates_dir / "static" / name).read_text(encoding="utf-8")
        for target in IMPORT_RE.findall(source):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
            if resolved not in found and resolved != module:
                found.append(resolved)
                if not resolved.startswith("vendor/"):  # a library imports nothing of ours
                    todo.append(resolved)
    return found


class MissingAsset(Exception):
    """A browser library is not installed; `npm ci` installs it."""


def copy_assets(
    templates_dir: Path,
    node_modules: Path,
    writer: Writer,
    with_map: bool = False,
    form: str = "u",
) -> None:
    """Our static files (the texts of our scripts in the form of address `form`), and the
    libraries; those of the background map only `with_map`."""

    def speak(name: str, data: bytes) -> bytes:
        if form == "u" or not name.endswith(".js"):
            return data
        return voice.say(data.decode("utf-8"), form).encode("utf-8")

    writer.copy_tree(templates_dir / "static", urls.STATIC, speak)
    for source, name in VENDOR_FILES + (MAP_FILES if with_map else ()):
        path = node_modules / source
        if not path.is_file():
            raise MissingAsset(
                f"{path} ontbreekt. Installeer de JavaScript-bibliotheken met:"
                " npm ci --ignore-scripts"
            )
        writer.write(urls.vendor(name), path.read_bytes())
