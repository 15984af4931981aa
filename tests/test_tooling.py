"""Tests of the test harness itself: they pass without the generator.

They prove that each tool can fail: the browser renders what the server serves,
axe finds a known violation, and vnu rejects invalid HTML.
"""

from __future__ import annotations

import http.client
import urllib.parse

import pytest

from tests.helpers import axe_check, run_vnu, watch_errors, write_tree

GOOD_PAGE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Proefpagina</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="css/site.css">
</head>
<body>
<main>
<h1>Sociale kaart</h1>
<p id="status">zonder script</p>
<img src="logo.svg" alt="Logo van de gemeente" width="10" height="10">
</main>
<script src="js/site.js"></script>
</body>
</html>
"""

BAD_PAGE = GOOD_PAGE.replace(' alt="Logo van de gemeente"', "")

SITE = {
    "index.html": GOOD_PAGE,
    "css/site.css": "h1 { color: rgb(0, 0, 128); }\n",
    "js/site.js": "document.getElementById('status').textContent = 'script draait';\n",
    "logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n',
    "404.html": GOOD_PAGE.replace("<h1>Sociale kaart</h1>", "<h1>Niet gevonden</h1>"),
}


def http_get(url: str) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One GET without following redirects."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request("GET", parts.path or "/")
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    return write_tree(tmp_path_factory.mktemp("tooling") / "site", SITE)


def test_write_tree_writes_nested_text_and_bytes(tmp_path):
    root = write_tree(tmp_path / "r", {"a/b/c.md": "één\n", "img/x.bin": b"\x00\xff"})
    assert root == tmp_path / "r"
    assert (root / "a/b/c.md").read_text(encoding="utf-8") == "één\n"
    assert (root / "img/x.bin").read_bytes() == b"\x00\xff"


@pytest.mark.parametrize("prefix", ["/", "/sociale-kaart/"])
def test_browser_renders_served_page(page, serve_site, site_dir, prefix):
    base = serve_site(site_dir, prefix=prefix)
    assert base.startswith("http://127.0.0.1:") and base.endswith(prefix)

    errors = watch_errors(page)
    response = page.goto(base)
    assert response is not None and response.status == 200
    assert page.title() == "Proefpagina"
    # Relative CSS and JS load from the sub-path too.
    assert page.locator("#status").text_content() == "script draait"
    assert page.locator("h1").evaluate("h => getComputedStyle(h).color") == "rgb(0, 0, 128)"
    assert page.locator("img").evaluate("img => img.naturalWidth") == 10
    assert errors == []


def test_server_with_prefix_behaves_like_a_static_host(serve_site, site_dir):
    base = serve_site(site_dir, prefix="sociale-kaart")
    root = base.removesuffix("sociale-kaart/")

    assert http_get(base + "css/site.css")[0] == 200
    assert http_get(root + "css/site.css")[0] == 404  # outside the prefix
    status, headers, _ = http_get(root + "sociale-kaart")
    assert (status, headers["Location"]) == (301, "/sociale-kaart/")
    status, headers, body = http_get(base + "bestaat-niet.html")
    assert status == 404 and b"Niet gevonden" in body  # the site's own 404.html
    assert http_get(base + "js/site.js")[1]["Content-Type"].startswith("text/javascript")


def test_watch_errors_catches_script_errors(page, serve_site, tmp_path):
    write_tree(tmp_path, {"index.html": GOOD_PAGE, "js/site.js": "nietBestaand();\n"})
    errors = watch_errors(page)
    page.goto(serve_site(tmp_path))
    assert any("nietBestaand" in e for e in errors), errors


def test_axe_finds_missing_alt(page, serve_site, tmp_path):
    write_tree(tmp_path, {"slecht.html": BAD_PAGE})
    page.goto(serve_site(tmp_path) + "slecht.html")
    violations = axe_check(page, "slecht.html")
    assert [v.id for v in violations] == ["image-alt"], violations
    assert violations[0].targets == ("img",)
    assert "slecht.html: image-alt [critical]" in str(violations[0])


def test_axe_passes_good_page(page, serve_site, site_dir):
    page.goto(serve_site(site_dir))
    assert axe_check(page, "index.html") == []


def test_axe_runs_under_content_security_policy(page, serve_site, tmp_path):
    csp = '<meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
    write_tree(tmp_path, {"index.html": BAD_PAGE.replace("<title>", csp + "\n<title>")})
    page.goto(serve_site(tmp_path))
    assert [v.id for v in axe_check(page, "csp")] == ["image-alt"]


def test_vnu_flags_invalid_html(tmp_path):
    invalid = GOOD_PAGE.replace('<p id="status">', '<p id="status"><div>').replace(
        "<title>Proefpagina</title>\n", ""
    )
    write_tree(tmp_path, {"goed.html": GOOD_PAGE, "sub/fout.html": invalid, "x.js": "<p>"})
    errors = run_vnu(tmp_path)
    assert errors, "vnu found nothing wrong in invalid HTML"
    assert all(e.startswith("sub/fout.html:") for e in errors), errors
    assert any("title" in e for e in errors), errors


def test_vnu_passes_valid_html(site_dir):
    assert run_vnu(site_dir) == []
