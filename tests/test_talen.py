"""`talen` and `vorm`: checked codes and a fixed set, in plain Dutch on the page and in search."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from generator.build import build
from generator.search.reference import Filters, Searcher
from tests.test_validation import activity, failure


def test_unknown_codes_get_the_code_they_mean(minimal_content) -> None:
    content = minimal_content({"activiteiten/taal.md": activity("talen: [nl, arabisch]")})
    assert failure(content) == [
        "content/activiteiten/taal.md:7: talen[2]: 'arabisch' is geen taalcode"
        " (bedoelde u 'ar', Arabisch?)"
    ]
    content = minimal_content({"activiteiten/taal.md": activity("talen: [zz]")})
    assert failure(content) == [
        "content/activiteiten/taal.md:7: talen[1]: 'zz' is geen taalcode; gebruik een ISO"
        " 639-code zoals nl, en, ar, tr, pl of uk"
    ]


def test_languages_show_in_dutch_and_in_json_ld(minimal_content, tmp_path: Path) -> None:
    content = minimal_content({"activiteiten/taal.md": activity("talen: [nl, ar, ti]")})
    build(content, tmp_path / "out")
    soup = BeautifulSoup(
        (tmp_path / "out/activiteiten/taal/index.html").read_text("utf-8"), "html.parser"
    )
    who = soup.find("dt", string="Voor wie").find_next("dd").get_text()
    assert who.endswith("In het Nederlands, Arabisch en Tigrinya")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["availableLanguage"] == ["nl", "ar", "ti"]
    koffie = BeautifulSoup(
        (tmp_path / "out/activiteiten/koffie/index.html").read_text("utf-8"), "html.parser"
    )
    assert "In het" not in koffie.find("dt", string="Voor wie").find_next("dd").get_text()
    assert json.loads(koffie.find("script", type="application/ld+json").string)[
        "availableLanguage"
    ] == ["nl"]


def test_the_taal_filter_keeps_what_can_be_followed_in_that_language(
    minimal_content, tmp_path: Path
) -> None:
    content = minimal_content({"activiteiten/taal.md": activity("talen: [nl, ar]")})
    build(content, tmp_path / "out")
    page = BeautifulSoup((tmp_path / "out/zoeken/index.html").read_text("utf-8"), "html.parser")
    options = {
        box["value"]: box.parent.get_text(strip=True) for box in page.select('input[name="taal"]')
    }
    assert options == {"nl": "Nederlands", "ar": "Arabisch"}
    searcher = Searcher.from_site(tmp_path / "out")
    titles = searcher.data["kolommen"]["titel"]

    def found(*codes: str) -> set[str]:
        return {titles[h.ref] for h in searcher.search("", Filters(taal=codes)).hits}

    assert found("ar") == {"Wandelen"}
    assert found("nl") == {"Wandelen", "Koffie-ochtend"}  # no talen: Dutch


def test_vorm_is_a_fixed_set_said_in_plain_dutch(minimal_content, tmp_path: Path) -> None:
    content = minimal_content({"activiteiten/taal.md": activity("vorm: [groep, ondine]")})
    assert failure(content) == [
        "content/activiteiten/taal.md:7: vorm[2]: 'ondine' is geen vorm (bedoelde u 'online'?)"
    ]
    content = minimal_content({"activiteiten/taal.md": activity("vorm: [huisbezoek, telefonisch]")})
    build(content, tmp_path / "out")
    page = (tmp_path / "out/activiteiten/taal/index.html").read_text("utf-8")
    assert "<p>Zo gaat het: bij u thuis of aan de telefoon.</p>" in page
    searcher = Searcher.from_site(tmp_path / "out")
    titles = searcher.data["kolommen"]["titel"]
    assert [titles[h.ref] for h in searcher.search("huisbezoek").hits] == ["Wandelen"]
