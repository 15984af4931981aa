"""Shared fixtures: the built example site, a static server, and a browser.

Browser tests use Debian's Chromium at /usr/bin/chromium (`make test` installs it).
If it is missing, they fail; they never skip. Never run `playwright install`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, REPO, StaticServer

BROWSER_FIXTURES = {"browser", "page"}


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
