"""Content is untrusted: whatever an editor writes, no page gets executable script.

A site is built whose every text field and Markdown description carries XSS
payloads. Every produced HTML file is then parsed, and the test asserts: no
<script> except files under static/, no on* attribute, no javascript:, data:
or vbscript: URL, no frames, objects, <base> or meta refresh. The payload
text itself must still be visible, escaped, so nothing is silently dropped.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.build import build, check
from generator.diagnostics import BuildFailed
from tests.conftest import RECENT
from tests.helpers import REPO, write_tree

# --- Payloads ---------------------------------------------------------------------------

# Raw HTML and Markdown tricks for the Markdown bodies (descriptions and the intro).
MARKDOWN_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<script src=static/../../evil.js></script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<math><maction xlink:href="javascript:alert(1)">m</maction></math>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="jAvAsCrIpT:alert(1)">a</a>',
    '<a href="  javascript:alert(1)">b</a>',
    '<a href="java\tscript:alert(1)">c</a>',
    '<a href="java&#x09;script:alert(1)">d</a>',
    '<a href="&#106;avascript:alert(1)">e</a>',
    '<a href="&#0000106avascript:alert(1)">f</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">g</a>',
    '<a href="javas&#99;ript&colon;alert(1)">h</a>',
    "<a href='\x01javascript:alert(1)'>i</a>",
    '<a href="vbscript:msgbox(1)">j</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">k</a>',
    '<a href="https://ok.example/" onclick="alert(1)">l</a>',
    "<a href=https://ok.example/ onmouseover=alert(1)>m</a>",
    "<details open ontoggle=alert(1)>n</details>",
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">o</div>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    '<form action="javascript:alert(1)"><button formaction=javascript:alert(1)>p</button></form>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</script>",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<img src="x" alt="""onerror=alert(1)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="https://ok.example/">veilig</a>',
    "[q](javascript:alert(1))",
    "[r](JAVASCRIPT:alert(1))",
    "[s]( javascript:alert(1) )",
    "[t](javascript&#58;alert(1))",
    "[u](&#x6A;avascript:alert(1))",
    "[v](data:text/html,<script>alert(1)</script>)",
    "[w](vbscript:msgbox(1))",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    '[y][ref2]\n\n[ref2]: <javascript:alert(1)> "titel"',
    "<javascript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "<data:text/html,alert(1)>",
    "![plaatje](javascript:alert(1))",
    '![plaatje](https://ok.example/x.png "\\" onerror=alert(1)")',
    '[z](https://ok.example/ "\\" onmouseover=alert(1) \\"")',
    "`<script>alert(1)</script>`",
    "    <script>alert(1)</script>",
    "{{ 7*7 }} {% raw %}",
]

# Tricks for plain text fields: breaking out of attributes, elements and templates.
TEXT_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "javascript:alert(1)",
    "{{ 7*7 }}",
]

# Content with a control character is refused with file and line (test_validation.py),
# so the pages are built from the other payloads; the sanitizer's own handling of a
# control character in a URL is tested below (test_a_url_scheme_is_read_as_browsers_do).
MARKDOWN = "\n\n".join(p for p in MARKDOWN_PAYLOADS if "\x01" not in p)
INTRO = MARKDOWN


def q(value: str) -> str:
    """A YAML single-quoted string."""
    return "'" + value.replace("'", "''") + "'"


def evil(index: int) -> str:
    return q(f"Naam {index} " + TEXT_PAYLOADS[index % len(TEXT_PAYLOADS)])


EVIL_TITLE = 'Koffie <script>alert(1)</script> "><img src=x onerror=alert(1)> {{ 7*7 }}'

EVIL_GEMEENTE = q('Proefdorp "><svg onload=alert(1)>')
EVIL_WEBSITE = q('https://ok.example/"onmouseover="alert(1)')

EVIL_SITE: dict[str, str] = {
    "site.yaml": (
        f"titel: {q('Kaart </title><script>alert(1)</script>')}\n"
        f"gemeente: {EVIL_GEMEENTE}\n"
        "basis_url: https://kaart.proefdorp.nl/\n"
        "intro: |\n" + "".join(f"  {line}\n" for line in INTRO.splitlines())
    ),
    "taxonomie.yaml": (
        "doelgroepen:\n"
        "  - id: ouderen\n"
        f"    naam: {evil(0)}\n"
        f"    omschrijving: {evil(1)}\n"
        f"    zoektermen: [{evil(2)}, {evil(3)}]\n"
        "leefgebieden:\n"
        "  - id: contact\n"
        f"    naam: {evil(4)}\n"
        f"    omschrijving: {evil(5)}\n"
        "wijken:\n"
        "  - id: centrum\n"
        f"    naam: {evil(6)}\n"
        f"    omschrijving: {evil(0)}\n"
    ),
    "organisaties/buurthuis.md": (
        "---\n"
        f"naam: {evil(1)}\n"
        "telefoon: 0570 123456\n"
        "email: info&co@delinde.example\n"
        f"website: {EVIL_WEBSITE}\n"
        "adres:\n"
        f"  straat: {evil(2)}\n"
        "  postcode: 7411 AB\n"  # checked as a postcode, so no payload gets through here
        f"  plaats: {evil(4)}\n"
        "wijken: [centrum]\n"
        f"gecontroleerd: {RECENT}\n"
        "---\n" + MARKDOWN + "\n"
    ),
    "organisaties/tweede.md": (
        "---\n"
        f"naam: {evil(5)}\n"
        f"website: {q('https://ok.example/?q=<script>alert(1)</script>')}\n"
        f"gecontroleerd: {RECENT}\n"
        "---\n"
        "[ref]: javascript:alert(1)\n\n[hier][ref]\n"
    ),
    "activiteiten/koffie.md": (
        "---\n"
        f"titel: {q(EVIL_TITLE)}\n"
        "organisatie: buurthuis\n"
        "ladder: [1, 2]\n"
        "toegang: vrij\n"
        "doelgroepen: [ouderen]\n"
        "leefgebieden: [contact]\n"
        "wijken: [centrum]\n"
        f"kosten: {evil(6)}\n"
        f"wanneer: {evil(0)}\n"
        f"locatie: {evil(1)}\n"
        "contact:\n"
        f"  naam: {evil(2)}\n"
        "  telefoon: 0570 654321\n"
        "  email: koffie@delinde.example\n"
        f"gecontroleerd: {RECENT}\n"
        "---\n" + MARKDOWN + "\n"
    ),
    "activiteiten/thee.md": (
        "---\n"
        f"titel: {evil(3)}\n"
        "organisatie: tweede\n"
        "ladder: [3]\n"
        "toegang: aanmelden\n"
        "locaties:\n"  # a place's text goes into geo: and map links too
        f"  - naam: {evil(1)}\n"
        f"    straat: {evil(2)}\n"
        f"    plaats: {evil(4)}\n"
        "    coordinaten: [52.25, 6.16]\n"
        f"    uitleg: {evil(3)}\n"
        f"gecontroleerd: {RECENT}\n"
        "---\n"
        "<script>alert(1)</script>\n"
    ),
}

# --- What counts as executable -------------------------------------------------------------

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "cite",
    "codebase",
    "longdesc",
    "usemap",
    "manifest",
    "ping",
    "srcset",
    "lowsrc",
    "dynsrc",
}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
# How browsers read a URL (WHATWG URL standard): leading and trailing C0 controls and
# spaces are stripped, tabs and newlines are removed everywhere, the scheme is
# case-insensitive. "java   script:" (inner spaces) has no scheme: it is a relative URL.
_EDGES = "".join(chr(c) for c in range(0x21))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def scheme_is_bad(url: str) -> bool:
    cleaned = _TAB_OR_NEWLINE.sub("", url.strip(_EDGES)).lower()
    return cleaned.startswith(BAD_SCHEMES)


def page_problems(output: Path, page: Path) -> list[str]:
    """Everything executable in one built HTML file."""
    rel = page.relative_to(output).as_posix()
    return html_problems(output, rel, page.read_text(encoding="utf-8"))


def html_problems(output: Path, rel: str, raw: str) -> list[str]:
    """Everything executable in the HTML of the page at `rel` (a file of `output`)."""
    soup = BeautifulSoup(raw, "html.parser")
    problems: list[str] = []
    scripts = soup.find_all("script")
    for script in scripts:
        if script.get("type") == "application/ld+json" and not script.get("src"):
            # A data block (schema.org), never executed; it must be pure JSON with no markup.
            try:
                json.loads(script.string or "")
            except ValueError:
                problems.append(f"{rel}: JSON-LD is geen geldige JSON")
            if "<" in (script.string or ""):
                problems.append(f"{rel}: '<' in JSON-LD")
            continue
        src = script.get("src")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), src)) if src else ""
        if not (target.startswith("static/") and (output / target).is_file()):
            problems.append(f"{rel}: <script> zonder eigen bestand: {str(script)[:80]}")
    if len(re.findall(r"<script\b", raw, re.IGNORECASE)) != len(scripts):
        problems.append(f"{rel}: '<script' in de bron die de parser niet als element zag")
    for tag in soup.find_all(True):
        if tag.name in FORBIDDEN_ELEMENTS:
            problems.append(f"{rel}: <{tag.name}>")
        if tag.name == "meta" and str(tag.get("http-equiv", "")).lower() == "refresh":
            problems.append(f"{rel}: <meta http-equiv=refresh>")
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                problems.append(f"{rel}: <{tag.name} {name}=...>")
            if name.lower() in URL_ATTRIBUTES and scheme_is_bad(value):
                problems.append(f"{rel}: <{tag.name} {name}={value[:40]!r}>")
    return problems


@pytest.mark.parametrize(
    "url, bad",
    [
        ("javascript:alert(1)", True),
        (" \tJaVa\nScRiPt:alert(1)", True),
        ("\x01javascript:x", True),
        ("java\tscript:x", True),
        ("java   script:x", False),
        ("DATA:text/html,x", True),
        ("vbscript:x", True),
        ("https://ok.example/javascript:", False),
        ("../static/app.js", False),
        ("mailto:a@b.nl", False),
    ],
)
def test_scheme_check(url: str, bad: bool) -> None:
    assert scheme_is_bad(url) is bad


def test_page_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The checker itself must be able to fail."""
    (tmp_path / "static").mkdir()
    (tmp_path / "static/app.js").write_text("", encoding="utf-8")
    page = tmp_path / "a/index.html"
    page.parent.mkdir()
    page.write_text(
        "<script src='../static/app.js'></script><script>x()</script>"
        "<script src='../evil.js'></script><img src=x onerror=y>"
        "<a href=' java\tscript:x'>a</a><iframe></iframe>",
        encoding="utf-8",
    )
    assert page_problems(tmp_path, page) == [
        "a/index.html: <script> zonder eigen bestand: <script>x()</script>",
        'a/index.html: <script> zonder eigen bestand: <script src="../evil.js"></script>',
        "a/index.html: <img onerror=...>",
        "a/index.html: <a href=' java\\tscript:x'>",
        "a/index.html: <iframe>",
    ]


# --- The evil site -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("evil")
    content = write_tree(root / "content", EVIL_SITE)
    output = root / "out"
    build(content, output)
    return output


def html_files(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def test_no_page_contains_executable_script(evil_site: Path) -> None:
    pages = html_files(evil_site)
    assert len(pages) > 10
    problems = [p for page in pages for p in page_problems(evil_site, page)]
    assert problems == []


def test_payload_text_is_shown_escaped_not_dropped(evil_site: Path) -> None:
    page = evil_site / "activiteiten/koffie/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text() == EVIL_TITLE
    assert EVIL_TITLE in soup.title.get_text()
    text = soup.get_text()
    assert "{{ 7*7 }}" in text and "49" not in text
    assert "<script>alert(1)</script>" in text  # as text, from the code span


def test_safe_links_survive(evil_site: Path) -> None:
    page = evil_site / "organisaties/buurthuis/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]
    assert "https://ok.example/" in hrefs
    assert 'https://ok.example/"onmouseover="alert(1)' in hrefs  # one attribute, escaped
    assert "mailto:info&co@delinde.example" in hrefs


def test_website_must_be_http(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    bad = dict(EVIL_SITE)
    bad["organisaties/tweede.md"] = bad["organisaties/tweede.md"].replace(
        "website: 'https://ok.example/?q=<script>alert(1)</script>'",
        "website: javascript:alert(1)",
    )
    content = write_tree(tmp_path / "content", bad)
    with pytest.raises(BuildFailed) as failed:
        check(content)
    assert [d.format() for d in failed.value.diagnostics.errors] == [
        "content/organisaties/tweede.md:3: website: 'javascript:alert(1)' is geen geldig"
        " webadres; begin met https://"
    ]


# Search result pages: the site's own scripts put payload titles into the page.
SEARCHES = ["zoeken/?q=koffie", "zoeken/?q=naam", "zoeken/?q=script", "zoeken/?q=alert"]


def test_no_script_runs_in_the_browser(evil_site: Path, serve_site, page) -> None:
    """Load every page in Chromium: no payload opens an alert, and the DOM the site's
    own scripts build (search results, wegwijzer) passes the same checks as the files."""
    base = serve_site(evil_site)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visits = [
        p.relative_to(evil_site).as_posix().removesuffix("index.html")
        for p in html_files(evil_site)
    ]
    problems: list[str] = []
    for rel in visits + SEARCHES:
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        page.mouse.move(5, 5)
        path = rel.split("?")[0]
        path = path + "index.html" if path == "" or path.endswith("/") else path
        problems += html_problems(evil_site, path, page.content())
    assert dialogs == []
    assert problems == []


def test_the_example_server_configs_send_the_page_s_policy_and_more() -> None:
    """docs/server/: the CSP of every page, plus frame-ancestors, nosniff and no-referrer."""
    from generator.policy import HEADER_POLICY

    built = (REPO / "tests/golden/proefdorp-verwacht/index.html").read_text(encoding="utf-8")
    page_policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', built)[1]
    expected = page_policy + "; frame-ancestors 'none'"
    assert expected == HEADER_POLICY
    for name in ("nginx.conf", ".htaccess", "_headers"):
        text = (REPO / "docs" / "server" / name).read_text(encoding="utf-8")
        assert expected in text, name
        assert "nosniff" in text and "no-referrer" in text, name
    assert expected in (REPO / "docs" / "beveiliging.md").read_text(encoding="utf-8")
