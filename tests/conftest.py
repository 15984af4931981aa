"""Shared fixtures: the built example site, a static server, and a browser.

Browser tests use Debian's Chromium at /usr/bin/chromium (`make test` installs it).
If it is missing, they fail; they never skip. Never run `playwright install`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, REPO, StaticServer, write_tree

BROWSER_FIXTURES = {"browser", "page"}


@pytest.fixture(scope="session", autouse=True)
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache folder for the whole session (`generator.cache_folder`), not the user's:
    every build and check of the suite goes through it, as a user's do."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("SOCIALE_KAART_CACHE")
    os.environ["SOCIALE_KAART_CACHE"] = str(folder)
    yield folder
    if before is None:
        del os.environ["SOCIALE_KAART_CACHE"]
    else:
        os.environ["SOCIALE_KAART_CACHE"] = before


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the browser, so `-m "not browser"` leaves them out."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


# --- The example site ------------------------------------------------------


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content/ built once per test session; returns the output directory."""
    from generator.build import build

    output_dir = tmp_path_factory.mktemp("site") / "out"
    build(content_dir=REPO / "content", output_dir=output_dir)
    return output_dir


# --- A small valid content tree ----------------------------------------------

# Checked 30 days ago, so the tree never has freshness warnings (pin `today` to test them).
RECENT = (dt.date.today() - dt.timedelta(days=30)).isoformat()  # noqa: DTZ011 (local date)

MINIMAL_CONTENT: dict[str, str] = {
    "site.yaml": (
        "titel: Sociale kaart Proefdorp\n"
        "gemeente: Proefdorp\n"
        "basis_url: https://kaart.proefdorp.nl/\n"
        "wegwijzer:\n"
        "  drempel: 4\n"
        "  contact: buurthuis\n"
    ),
    "taxonomie.yaml": (
        "doelgroepen:\n"
        "  - id: ouderen\n"
        "    naam: Ouderen\n"
        "    omschrijving: Inwoners van 65 jaar en ouder.\n"
        "    zoektermen: [senioren]\n"
        "leefgebieden:\n"
        "  - id: contact\n"
        "    naam: Sociaal contact\n"
        "wijken:\n"
        "  - id: centrum\n"
        "    naam: Centrum\n"
    ),
    "organisaties/buurthuis.md": (
        "---\n"
        "naam: Buurthuis De Linde\n"
        "telefoon: 0570 123456\n"
        "email: info@delinde.nl\n"
        "website: https://www.delinde.nl/\n"
        "adres:\n"
        "  straat: Lindeplein 1\n"
        "  postcode: 7411 AB\n"
        "  plaats: Proefdorp\n"
        "wijken: [centrum]\n"
        f"gecontroleerd: {RECENT}\n"
        "---\n"
        "Het buurthuis in het centrum.\n"
    ),
    "activiteiten/koffie.md": (
        "---\n"
        "titel: Koffie-ochtend\n"
        "organisatie: buurthuis\n"
        "ladder: [1, 2]\n"
        "toegang: vrij\n"
        "doelgroepen: [ouderen]\n"
        "leefgebieden: [contact]\n"
        "wijken: [centrum]\n"
        "kosten: gratis\n"
        f"gecontroleerd: {RECENT}\n"
        "---\n"
        "Elke dinsdag koffie en een praatje.\n"
    ),
}


def buurthuis_activity(titel: str = "Extra", extra: str = "", body: str = "Tekst.") -> str:
    """A valid activity of MINIMAL_CONTENT's buurthuis. `extra` lines start at line 7;
    the body at line 9 plus the number of extra lines."""
    return (
        "---\n"
        f"titel: {titel}\n"
        "organisatie: buurthuis\n"
        "ladder: [1]\n"
        "toegang: vrij\n"
        "kosten: gratis\n"
        f"{extra}"
        f"gecontroleerd: {RECENT}\n"
        "---\n"
        f"{body}\n"
    )


@pytest.fixture
def minimal_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """Factory: `minimal_content({"activiteiten/x.md": "..."})` -> tmp_path / "content".

    Writes MINIMAL_CONTENT (valid, no warnings) plus `files` on top; a value of
    None deletes that file. tmp_path becomes the working directory, so
    diagnostics read `content/activiteiten/x.md:4: ...`.
    """
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"

    def make(files: dict[str, str | bytes | None] | None = None) -> Path:
        tree = {**MINIMAL_CONTENT, **(files or {})}
        write_tree(content, {rel: data for rel, data in tree.items() if data is not None})
        for rel, data in tree.items():
            if data is None and (content / rel).exists():
                (content / rel).unlink()
        return content

    return make


# --- A static web server ---------------------------------------------------


@pytest.fixture(scope="session")
def serve_site() -> Iterator[Callable[..., str]]:
    """Factory: `serve_site(directory, prefix="/")` -> base URL ending in "/".

    `serve_site(d, prefix="/sociale-kaart/")` gives http://127.0.0.1:PORT/sociale-kaart/,
    to prove that the site works from a sub-path. Servers stop at session end.
    """
    servers: list[StaticServer] = []

    def serve(directory: Path | str, prefix: str = "/") -> str:
        server = StaticServer(Path(directory), prefix)
        servers.append(server)
        return server.start()

    yield serve
    for server in servers:
        server.stop()


# --- The browser -----------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_session():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_session):
    """Headless Debian Chromium, shared by the whole session."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} not found: browser tests need Debian's chromium "
            "(`make test` installs it; never `playwright install`)",
            pytrace=False,
        )
    browser = playwright_session.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own context (no shared cookies, storage or cache)."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
