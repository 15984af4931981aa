"""Descriptions in Markdown: never slow, never too big or deep, and no editor text lost.

Pins findings 1, 6 (the deep list) and 7 of the hardening issue. Times are not
asserted except as a generous bound on a subprocess, so that a pathological input
that hangs fails instead of stalling the suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from generator import markup
from generator.cli import main
from tests.conftest import buurthuis_activity

# The inputs that took Python-Markdown 24 s to more than 150 s each, at or near 50 KB.
PATHOLOGICAL = {
    "haken": "[" * 16_000 + "x" + "]" * 16_000,
    "a-tags": "<a " * 16_000,
    "mix": "*_[<" * 12_000,
    "nadruk": "*a **" * 9_000,
    "links": "[a](" * 12_000,
}


def _activity(body: str, titel: str = "Lange tekst") -> str:
    return buurthuis_activity(titel, body=body)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_pathological_markdown_builds_quickly_in_a_subprocess(minimal_content, tmp_path) -> None:
    minimal_content(
        {f"activiteiten/{name}.md": _activity(body, name) for name, body in PATHOLOGICAL.items()}
    )
    assert all(len(body) <= markup.MAX_CHARS for body in PATHOLOGICAL.values())
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from generator.cli import main; main()",
            "build",
            "--output",
            "out",
        ],
        capture_output=True,
        text=True,
        timeout=120,  # Python-Markdown needed more than 150 s for one of these alone
    )
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out/activiteiten/haken/index.html").read_text(encoding="utf-8")
    assert "[[[[x]]]]" in BeautifulSoup(page, "html.parser").get_text()


def test_a_description_over_the_limit_is_an_error_with_its_line(minimal_content) -> None:
    minimal_content({"activiteiten/lang.md": _activity("\n" + "woord " * 9_000)})
    result = run("check")
    assert result.exit_code == 1
    assert (
        "content/activiteiten/lang.md:10: beschrijving: de tekst is 54.000 tekens lang; de grens"
        " is 50.000. Maak hem korter, of zet de details op de eigen website en link ernaar"
    ) in result.stderr.splitlines()


def test_nesting_too_deep_is_an_error_not_a_traceback(minimal_content) -> None:
    deep_list = "".join("  " * level + "- punt\n" for level in range(500))[: markup.MAX_CHARS]
    minimal_content(
        {
            "activiteiten/citaat.md": _activity("Eerst tekst.\n\n" + ">" * 500 + " diep"),
            "activiteiten/lijst.md": _activity(deep_list, "Lijst"),
        }
    )
    result = run("check")
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert (
        "content/activiteiten/citaat.md:11: beschrijving: lijsten en citaten staan hier meer dan"
        " 8 lagen diep in elkaar; maak de opbouw eenvoudiger"
    ) in lines
    assert any(line.startswith("content/activiteiten/lijst.md:") for line in lines), lines
    assert all(":" in line.split(" ", 1)[0] for line in lines), lines


def _nested(opener: str, depth: int) -> str:
    """`depth` lists (opener "- " or "1. ") or quotes ("> ") inside each other."""
    if opener == "> ":
        lines = ["> " * (d + 1) + f"laag {d + 1}" for d in range(depth)]
    else:
        lines = [" " * len(opener) * d + opener + f"laag {d + 1}" for d in range(depth)]
    return "\n".join(lines) + "\n\nEinde."


def test_at_the_depth_limit_no_text_is_lost() -> None:
    """markdown-it drops what lies deeper than its nesting limit: never within ours."""
    for opener in ("- ", "1. ", "> "):
        rendered = markup.render(_nested(opener, markup.MAX_DEPTH))
        assert rendered.notes == (), opener
        words = [f"laag {d + 1}" for d in range(markup.MAX_DEPTH)] + ["Einde."]
        assert rendered.text == " ".join(words), opener
        deeper = markup.render(_nested(opener, markup.MAX_DEPTH + 1)).notes
        assert [(n.line, n.error) for n in deeper] == [(markup.MAX_DEPTH + 1, True)], opener


def _text_of(source: str) -> str:
    return BeautifulSoup(markup.render_markdown(source), "html.parser").get_text()


def test_text_that_is_not_markup_stays_visible() -> None:
    assert _text_of("Neem mee: <naam en adres>.") == "Neem mee: <naam en adres>."
    assert _text_of("Kom naar de <kerk>straat 5") == "Kom naar de <kerk>straat 5"
    assert _text_of("<del>€ 5</del> <ins>gratis</ins>") == "<del>€ 5</del> <ins>gratis</ins>"
    assert markup.render("Neem mee: <naam en adres>.").notes == ()


def test_html_shows_as_text_and_the_editor_hears_why() -> None:
    notes = markup.render("Eerst.\n\nNu <del>€ 5</del> <ins>gratis</ins>").notes
    assert [(n.line, n.error) for n in notes] == [(3, False)] * 4
    assert notes[0].message.startswith("'<del>' is HTML; dat werkt niet in een beschrijving")


def test_an_image_shows_its_description_and_warns() -> None:
    rendered = markup.render("Zie hier:\n![Plattegrond van het buurthuis](kaart.png)")
    assert rendered.text == "Zie hier: Plattegrond van het buurthuis"
    assert "<img" not in rendered.html
    assert [n.message for n in rendered.notes] == [
        "een afbeelding komt niet op de site; alleen de tekst 'Plattegrond van het buurthuis'"
        " staat er"
    ]


def test_an_ordered_list_keeps_its_start_number() -> None:
    html = str(markup.render_markdown("3. Derde stap\n4. Vierde stap"))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.ol["start"] == "3"
    assert [li.get_text() for li in soup.find_all("li")] == ["Derde stap", "Vierde stap"]


def test_an_unsafe_link_keeps_its_text_and_warns() -> None:
    rendered = markup.render("Bel [ons](javascript:alert(1)) of [mail](ftp://x.example/).")
    assert rendered.text == "Bel ons of mail."
    assert "href" not in rendered.html
    assert [n.message.split(" werkt")[0] for n in rendered.notes] == [
        "een link met 'javascript:'",
        "een link met 'ftp:'",
    ]


def test_warnings_reach_the_editor_with_file_and_line(minimal_content) -> None:
    minimal_content({"activiteiten/plaatje.md": _activity("Tekst.\n\n![Zaal](zaal.png)")})
    result = run("check")
    assert result.exit_code == 0
    assert (
        "content/activiteiten/plaatje.md:11: waarschuwing: beschrijving: een afbeelding komt niet"
        " op de site; alleen de tekst 'Zaal' staat er"
    ) in result.stderr.splitlines()


def test_each_description_is_parsed_once_per_build(tmp_path: Path, monkeypatch) -> None:
    """Pages, summaries, search and JSON-LD all use the one cached rendering."""
    from generator.build import build

    parsed: list[str] = []
    real_parse = markup._MD.parse
    monkeypatch.setattr(
        markup._MD, "parse", lambda src, env=None: parsed.append(src) or real_parse(src, env)
    )
    markup.forget()
    build(Path(__file__).parent.parent / "content", tmp_path / "out")
    assert parsed and len(parsed) == len(set(parsed))


def test_a_text_rendered_by_a_worker_keeps_no_blocks_but_still_checks_the_same() -> None:
    """Texts that a check worker rendered come back for the pages without their blocks;
    a check in this process (serve, after an edit elsewhere) renders them again."""
    source = "Een zin met een heel lang woord: arbeidsongeschiktheidsverzekering.\n\n- Punt een"
    markup.forget()
    fresh = markup.render(source)
    assert fresh.blocks
    markup.forget()
    markup.remember({source: fresh})
    assert markup.render(source).blocks is None
    assert markup.render(source).html == fresh.html
    assert markup.paragraphs(source) == fresh.blocks
    assert markup.render(source).blocks == fresh.blocks
