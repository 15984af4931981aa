"""Screenshots of the example site for the README: docs/screenshots/<page>-<width>.png.

Usage: .venv/bin/python scripts/screenshots.py

Builds content/ into a temporary directory, serves it on 127.0.0.1 and takes
screenshots of the first screen at 360 and 1280 CSS px wide with Debian's Chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from playwright.sync_api import sync_playwright  # noqa: E402

from generator.build import build  # noqa: E402
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, StaticServer  # noqa: E402

OUT = REPO / "docs" / "screenshots"
PAGES = {
    "home": "",
    "activiteit": "activiteiten/koffieochtend-in-de-linde/",
    "overzicht": "overzicht/",
    "zoeken": "zoeken/?q=eenzaam&toegang=vrij",
    "wegwijzer": "wegwijzer/#leefgebieden=inkomen,sociale-contacten,gezondheid,werk&ladder=2",
}
VIEWPORTS = ((360, 740), (1280, 900))  # a phone and a desktop, what a visitor sees first


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(REPO / "content", site)
        server = StaticServer(site)
        base = server.start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width, height in VIEWPORTS:
                page = browser.new_page(viewport={"width": width, "height": height})
                for name, url in PAGES.items():
                    if not (site / url.split("?")[0].split("#")[0]).exists():
                        print(f"overgeslagen: {url} bestaat niet")  # noqa: T201
                        continue
                    page.goto(base + url)
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(300)  # let search results or the wegwijzer settle
                    target = OUT / f"{name}-{width}.png"
                    page.screenshot(path=str(target))
                    print(target.relative_to(REPO))  # noqa: T201
                page.close()
            browser.close()
        server.stop()


if __name__ == "__main__":
    main()
