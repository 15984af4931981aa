"""The QR code on a printed activity or organisation page reads back as its address."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import check
from tests.test_wegwijzer_browser import read_qr

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def sharp(browser):
    """Three device pixels per CSS pixel, as a phone camera sees print."""
    context = browser.new_context(device_scale_factor=3)
    yield context.new_page()
    context.close()


def test_the_printed_qr_code_is_the_pages_public_address(sharp, example_site, serve_site):
    site, _ = check(REPO / "content")
    base = serve_site(example_site)
    pages = [f"activiteiten/{a.slug}/" for a in site.activities[:3]]
    pages += [f"organisaties/{o.slug}/" for o in site.organisations[:2]]
    sharp.emulate_media(media="print")
    for url in pages:
        sharp.goto(base + url)
        assert read_qr(sharp, ".print-qr svg") == [site.config.basis_url + url], url
