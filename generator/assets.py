"""Copy the static files (CSS, icons, scripts) into the output.

The site's own files live in templates/static/. Third-party browser
libraries come from node_modules/ (installed with `npm ci` from the committed
package-lock.json) and are copied at build time; they are never committed and
never loaded from a CDN.
"""

from __future__ import annotations

from pathlib import Path

from . import urls
from .publish import Writer

# (file in node_modules, name in the output's static/vendor/)
VENDOR_FILES: tuple[tuple[str, str], ...] = (
    # Search (js/zoeken/): lunr, then lunr-languages' stemmer support, then Dutch.
    # The minified builds of the same packages: a third of the bytes to download.
    ("lunr/lunr.min.js", "lunr.min.js"),
    ("lunr-languages/min/lunr.stemmer.support.min.js", "lunr.stemmer.support.min.js"),
    ("lunr-languages/min/lunr.nl.min.js", "lunr.nl.min.js"),
)


class MissingAsset(Exception):
    """A browser library is not installed; `npm ci` installs it."""


def copy_assets(templates_dir: Path, node_modules: Path, writer: Writer) -> None:
    writer.copy_tree(templates_dir / "static", urls.STATIC)
    for source, name in VENDOR_FILES:
        path = node_modules / source
        if not path.is_file():
            raise MissingAsset(
                f"{path} ontbreekt. Installeer de JavaScript-bibliotheken met:"
                " npm ci --ignore-scripts"
            )
        writer.write(urls.vendor(name), path.read_bytes())
