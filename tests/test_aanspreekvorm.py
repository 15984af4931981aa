"""`aanspreekvorm: u | je`: every text of the site itself in one form of address."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from generator.build import build
from generator.cli import main
from generator.voice import phrases, say
from tests.conftest import MINIMAL_CONTENT, buurthuis_activity

REPO = Path(__file__).resolve().parent.parent
U_WORDS = re.compile(r"\b(?:u|uw|U|Uw)\b")
JE_WORDS = re.compile(r"\b(?:je|jij|jou|jouw|Je|Jij|Jouw)\b")


def test_say_follows_the_rules_of_dutch() -> None:
    cases = {
        "Heeft u een vraag?": "Heb je een vraag?",
        "U heeft een verwijzing nodig.": "Je hebt een verwijzing nodig.",
        "Kunt u de trap niet op?": "Kun je de trap niet op?",
        "Waar staat u nu?": "Waar sta je nu?",
        "U kunt gewoon binnenlopen.": "Je kunt gewoon binnenlopen.",
        "Uw antwoorden blijven bij uw apparaat.": "Je antwoorden blijven bij je apparaat.",
        "De webpagina waarop u zich aanmeldt.": "De webpagina waarop je je aanmeldt.",
        "U meldt zich zelf aan.": "Je meldt je zelf aan.",
        "activiteiten voor mensen op dezelfde trede als u.": (
            "activiteiten voor mensen op dezelfde trede als jij."
        ),
        "Het UWV en de huisarts": "Het UWV en de huisarts",  # no "u" in a word
    }
    assert {text: say(text, "je") for text in cases} == cases
    assert say("Heeft u een vraag?", "u") == "Heeft u een vraag?"


def test_every_phrase_of_the_list_is_one_of_our_texts() -> None:
    """No dead entries in data/je-vorm.yaml: each is said somewhere by the site."""
    sources = [p.read_text("utf-8") for p in (REPO / "templates").rglob("*.html")]
    sources += [p.read_text("utf-8") for p in (REPO / "templates/static/js").rglob("*.js")]
    sources += [p.read_text("utf-8") for p in (REPO / "generator").rglob("*.py")]
    text = "\n".join(sources)
    assert [u for u, _ in phrases() if u not in text] == []


def _texts(root: Path) -> dict[str, list[str]]:
    """Every text a visitor may read: page text and attributes, data files, our scripts.
    Left out: /schema/ (for editors, who are addressed with "u") and other sites' code."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(("schema/", "static/vendor/")) or not path.is_file():
            continue
        if path.suffix == ".html":
            soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
            for tag in soup(["script", "style"]):
                tag.decompose()
            found[rel] = [soup.get_text(" ")] + [
                str(tag.get(attr)) for tag in soup.find_all(True)
                for attr in ("aria-label", "title", "content", "placeholder", "href")
                if tag.get(attr)
            ]  # fmt: skip
        elif path.suffix in (".json", ".js"):
            found[rel] = [path.read_text("utf-8")]
    return found


@pytest.mark.parametrize("form, other", [("je", U_WORDS), ("u", JE_WORDS)])
def test_the_site_uses_one_form_everywhere(minimal_content, tmp_path, form, other) -> None:
    """Content without either form, so every word found comes from the site itself."""
    activity = buurthuis_activity(extra="vorm: [individueel, huisbezoek]\n").replace(
        "toegang: vrij", "toegang: aanmelden"
    )
    content = minimal_content(
        {
            "site.yaml": MINIMAL_CONTENT["site.yaml"]
            + f"aanspreekvorm: {form}\nredactie:\n  email: redactie@proefdorp.nl\n",
            "activiteiten/aanmelden.md": activity,
        }
    )
    build(content, tmp_path / "out")
    texts = _texts(tmp_path / "out")
    assert len(texts) > 40
    wrong = {
        (rel, match) for rel, parts in texts.items() for part in parts
        for match in other.findall(part)
    }  # fmt: skip
    assert sorted(wrong) == []
    wegwijzer = (tmp_path / "out/wegwijzer/index.html").read_text("utf-8")
    assert ("Waar sta je nu?" if form == "je" else "Waar staat u nu?") in wegwijzer
    data = json.loads((tmp_path / "out/wegwijzer/data.json").read_text("utf-8"))
    assert data["teksten"]["geen"].startswith("Je hebt" if form == "je" else "U heeft")


def test_a_description_in_the_other_form_gets_a_warning(minimal_content) -> None:
    body = "Kom gerust langs.\nHeeft u een vraag? Bel ons."
    minimal_content(
        {
            "site.yaml": MINIMAL_CONTENT["site.yaml"] + "aanspreekvorm: je\n",
            "activiteiten/koffie.md": buurthuis_activity(
                extra="doelgroepen: [ouderen]\nleefgebieden: [contact]\n", body=body
            ),
        }
    )
    result = CliRunner().invoke(main, ["check"])
    assert result.stderr.splitlines() == [
        "content/activiteiten/koffie.md:12: waarschuwing: beschrijving: deze tekst spreekt de"
        " lezer aan met 'u', de site met 'je' (aanspreekvorm in site.yaml); kies één"
        " vorm, dan klinkt de site overal hetzelfde",
    ]
    bad = MINIMAL_CONTENT["site.yaml"] + "aanspreekvorm: jij\n"
    (Path("content") / "site.yaml").write_text(bad, encoding="utf-8")
    result = CliRunner().invoke(main, ["check"])
    assert "content/site.yaml:7: aanspreekvorm: 'jij' kan niet; kies 'u' of 'je'" in (
        result.stderr.splitlines()
    )


def test_the_warning_names_the_word_only_when_it_is_not_the_form_itself() -> None:
    from generator.plain_language import check_address

    (plain,) = check_address("Heeft u een vraag?", "je")
    (owned,) = check_address("Neem uw pas mee.", "je")
    (jij,) = check_address("Dan bel jij ons.", "u")
    assert "met 'u', de site met 'je'" in plain.message
    assert "met 'u' ('uw'), de site met 'je'" in owned.message
    assert "met 'je' ('jij'), de site met 'u'" in jij.message
