"""Free pages (content/paginas/) and the accessibility and privacy statements."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from generator.build import build
from tests.test_validation import diagnostics, failure

REPO = Path(__file__).resolve().parent.parent
PAGE = "---\ntitel: {titel}\n{extra}---\nDit is de tekst van de pagina.\n"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_the_example_has_its_own_page_in_every_menu_and_both_statements(example_site) -> None:
    own = soup(example_site / "over-deze-site/index.html")
    assert own.h1.get_text() == "Over deze site"
    assert own.select_one(".beschrijving p").get_text().startswith("Op deze site vind je")
    for path in (example_site / "activiteiten").glob("*/index.html"):
        footer = soup(path).select_one("footer")
        links = {a.get_text(): a["href"] for a in footer.select("a")}
        assert links["Over deze site"] == "../../over-deze-site/"
        assert links["Toegankelijkheid"] == "../../toegankelijkheid/"
        assert links["Privacy"] == "../../privacy/"
    statement = soup(example_site / "toegankelijkheid/index.html")
    assert statement.h1.get_text() == "Toegankelijkheid"
    rows = [r.th.get_text() for r in statement.select("tbody tr")]
    assert rows[:2] == ["WCAG 2.1 niveau A en AA", "Geldige HTML"]
    assert statement.select_one('a[href^="mailto:redactie@"]')
    privacy = soup(example_site / "privacy/index.html")
    assert "bewaart niets over jou" in privacy.select_one(".lead").get_text()  # je-site
    assert "Geen cookies" in privacy.select_one('meta[name="description"]')["content"]
    sitemap = (example_site / "sitemap.xml").read_text("utf-8")
    for url in ("over-deze-site/", "toegankelijkheid/", "privacy/"):
        assert f"/{url}</loc>" in sitemap


def test_a_content_page_replaces_a_statement_and_needs_no_menu(minimal_content, tmp_path):
    content = minimal_content(
        {
            "paginas/privacy.md": PAGE.format(titel="Privacyverklaring van Proefdorp", extra=""),
            "paginas/contact.md": PAGE.format(titel="Contact", extra="menu: false\n"),
        }
    )
    assert diagnostics(content) == []
    build(content, tmp_path / "out")
    privacy = soup(tmp_path / "out/privacy/index.html")
    assert privacy.h1.get_text() == "Privacyverklaring van Proefdorp"
    assert "bewaart niets" not in privacy.get_text()
    home = soup(tmp_path / "out/index.html")
    assert [a.get_text() for a in home.select("footer a") if a["href"] == "contact/"] == []
    assert soup(tmp_path / "out/contact/index.html").h1.get_text() == "Contact"
    # Without a map background, the privacy statement does not speak of one.
    assert "De kaart" not in soup(tmp_path / "out/toegankelijkheid/index.html").get_text()


def test_content_pages_are_checked_like_every_file(minimal_content) -> None:
    content = minimal_content(
        {
            "paginas/kaart.md": PAGE.format(titel="Kaart", extra=""),
            "paginas/leeg.md": "---\nmenu: soms\nkleur: rood\n---\nTekst.\n",
        }
    )
    assert failure(content) == [
        "content/paginas/kaart.md:1: deze pagina zou op /kaart/ komen, maar daar staat al een"
        " deel van de site; kies een andere bestandsnaam",
        "content/paginas/leeg.md:1: titel: dit veld ontbreekt of is leeg; het is verplicht",
        "content/paginas/leeg.md:2: menu: verwacht true of false, maar vond 'soms'",
        "content/paginas/leeg.md:3: kleur: onbekend veld; de velden hier heten 'titel' of 'menu'",
    ]
