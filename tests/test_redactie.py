"""'Meld een wijziging': a mailto: to the redactie on every activity and organisation page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from bs4 import BeautifulSoup

from generator.build import build, check

REPO = Path(__file__).resolve().parent.parent


def _link(path: Path):
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    return soup.select_one(".meld-wijziging a"), soup.select_one("h1").get_text(strip=True)


def test_every_entry_page_has_a_mail_about_itself(example_site: Path) -> None:
    site, _ = check(REPO / "content")
    pages = [("activiteiten", a.slug) for a in site.activities]
    pages += [("organisaties", o.slug) for o in site.organisations]
    for folder, slug in pages:
        link, title = _link(example_site / folder / slug / "index.html")
        parts = urlsplit(link["href"])
        assert parts.scheme == "mailto" and parts.path == site.config.redactie.email
        query = parse_qs(parts.query)
        assert query["subject"] == [title]
        body = query["body"][0]
        assert f"Pagina: {site.config.basis_url}{folder}/{slug}/\n" in body
        assert "Wat klopt er niet?" in body
        assert link.get_text() == "Klopt er iets niet? Meld een wijziging"
    assert len(pages) == 140


def test_a_title_with_odd_characters_stays_in_the_subject(minimal_content, tmp_path) -> None:
    from tests.conftest import MINIMAL_CONTENT, buurthuis_activity

    site_yaml = MINIMAL_CONTENT["site.yaml"] + "redactie:\n  email: redactie@proefdorp.nl\n"
    title = "Koffie & thee: 100% gezellig? #ja"
    content = minimal_content(
        {"site.yaml": site_yaml, "activiteiten/raar.md": buurthuis_activity(f"'{title}'")}
    )
    build(content, tmp_path / "out")
    link, _ = _link(tmp_path / "out/activiteiten/raar/index.html")
    subject = link["href"].split("subject=")[1].split("&")[0]
    assert unquote(subject) == title


def test_without_a_redactie_there_is_no_link(minimal_content, tmp_path) -> None:
    build(minimal_content(), tmp_path / "out")
    link, _ = _link(tmp_path / "out/activiteiten/koffie/index.html")
    assert link is None
