"""Plain language (B1): warnings with their line, settings in site.yaml, the score."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.markup import plain_text
from generator.plain_language import flesch_douma, measure, sentences
from tests.conftest import MINIMAL_CONTENT, buurthuis_activity

REPO = Path(__file__).resolve().parent.parent
A = "content/activiteiten/"
TERMS = "doelgroepen: [ouderen]\nleefgebieden: [contact]\n"  # no unused-term warnings
LONG = (
    "Indien u wilt, komt u langs bij ons in het gebouw aan de overkant van de straat, naast"
    " de bakker en de slager en de groenteboer en de bloemist en de kapper."
)
BODY = f"Kom gerust.\n\n{LONG}\nEen arbeidsongeschiktheidsverzekering bij de Werkgeversvereniging."


def warnings(*args: str) -> list[str]:
    return CliRunner().invoke(main, ["check", "--alle", *args]).stderr.splitlines()


def test_each_finding_names_its_line(minimal_content) -> None:
    minimal_content({"activiteiten/koffie.md": buurthuis_activity(extra=TERMS, body=BODY)})
    assert warnings() == [
        f"{A}koffie.md:13: waarschuwing: beschrijving: deze zin heeft 32 woorden ('Indien u"
        " wilt, komt u langs bij ons in h…'); houd zinnen onder de 25 woorden, maak er twee"
        " zinnen van",
        f"{A}koffie.md:13: waarschuwing: beschrijving: 'indien' is ambtelijke taal; schrijf"
        " liever 'als'",
        f"{A}koffie.md:14: waarschuwing: beschrijving: 'arbeidsongeschiktheidsverzekering' is een"
        " lang woord (33 letters); kan het korter, of in twee woorden?",
    ]


def test_titles_long_texts_and_hard_texts(minimal_content) -> None:
    title = "Koffie " * 14
    wall = " ".join(["Wij organiseren verschillende laagdrempelige activiteiten."] * 15)
    minimal_content({"activiteiten/koffie.md": buurthuis_activity(title, TERMS, wall)})
    assert warnings() == [
        f"{A}koffie.md:2: waarschuwing: titel: de titel is 97 tekens lang; houd hem onder de 80,"
        " zodat hij op een telefoonscherm past (de details kunnen in de beschrijving)",
        f"{A}koffie.md:11: waarschuwing: beschrijving: de beschrijving is 884 tekens lang zonder"
        " witregel; zet een lege regel tussen de alinea's, dat leest makkelijker op een telefoon",
        f"{A}koffie.md:11: waarschuwing: beschrijving: de tekst is moeilijk te lezen: Flesch-Douma"
        " -105, voor B1 is 60 of meer goed. Schrijf kortere zinnen en kortere woorden",
    ]


def test_site_yaml_tunes_or_switches_off_the_checks(minimal_content) -> None:
    content = minimal_content(
        {
            "activiteiten/koffie.md": buurthuis_activity(extra=TERMS, body=BODY),
            "site.yaml": MINIMAL_CONTENT["site.yaml"]
            + "schrijfwijzer:\n  zinslengte: 40\n  woordlengte: 40\n"
            "  woorden:\n    indien: ''\n    bakker: banketbakker\n",
        }
    )
    assert warnings() == [
        f"{A}koffie.md:13: waarschuwing: beschrijving: 'bakker' is ambtelijke taal; schrijf"
        " liever 'banketbakker'",
    ]
    site = MINIMAL_CONTENT["site.yaml"] + "schrijfwijzer:\n  aan: false\n"
    (content / "site.yaml").write_text(site, encoding="utf-8")
    assert warnings() == []
    bad = MINIMAL_CONTENT["site.yaml"] + "schrijfwijzer:\n  zinslengte: 2\n  woorden: [indien]\n"
    (content / "site.yaml").write_text(bad, encoding="utf-8")
    assert warnings()[:2] == [
        "content/site.yaml:8: schrijfwijzer.zinslengte: 2 ligt niet tussen 5 en 100",
        "content/site.yaml:9: schrijfwijzer.woorden: verwacht woorden eronder, zoals 'indien:"
        " als', maar vond een lijst",
    ]


def test_the_example_content_passes() -> None:
    result = CliRunner().invoke(main, ["check", "--strict", "--content", str(REPO / "content")])
    assert result.exit_code == 0 and result.stderr == ""


def test_sentences_keep_abbreviations_and_times_whole() -> None:
    text = "Neem bijv. een boek mee. Dat kan o.a. in de bieb! Kom om 10.00 uur. Wat? Ja."
    assert sentences(text) == [
        "Neem bijv. een boek mee.", "Dat kan o.a. in de bieb!", "Kom om 10.00 uur.", "Wat?", "Ja.",
    ]  # fmt: skip


def test_flesch_douma_matches_textstat_on_the_example_content() -> None:
    """The same formula as textstat's Dutch Flesch-Douma, on every example description
    without a list (we count each list item as a sentence; textstat runs them together);
    only word and sentence splitting may differ a little (textstat counts "9.00" as a
    sentence end and numbers as words)."""
    textstat = pytest.importorskip("textstat")
    textstat.set_lang("nl")
    checked = 0
    for path in sorted((REPO / "content").glob("*/*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        ours = measure(body).score
        if ours is None or "\n- " in body or "\n1. " in body:
            continue
        theirs = textstat.flesch_reading_ease(plain_text(body))
        assert abs(ours - theirs) < 4, (path.name, ours, theirs)
        checked += 1
    assert checked >= 100
    assert round(flesch_douma(["kat", "hond"], 1), 3) == round(206.835 - 0.93 * 2 - 77 * 1, 3)


def test_the_report_lists_the_hardest_text_first(minimal_content) -> None:
    hard = " ".join(["Wij organiseren verschillende laagdrempelige activiteiten."] * 8)
    easy = " ".join(["Kom maar. Het is fijn. Er is koffie."] * 6)
    minimal_content(
        {
            "activiteiten/koffie.md": buurthuis_activity("Koffie", TERMS, easy),
            "activiteiten/moeilijk.md": buurthuis_activity("Moeilijk", TERMS, hard),
        }
    )
    lines = CliRunner().invoke(main, ["taal"]).stdout.splitlines()
    assert lines[0].startswith(f"{A}moeilijk.md: Flesch-Douma -105,8,")
    assert lines[0].endswith(", 40 woorden, 8 zinnen, langste zin 5 woorden")
    assert lines[1].startswith(f"{A}koffie.md: Flesch-Douma 1")
    assert lines[2] == (
        "content/organisaties/buurthuis.md: Flesch-Douma te kort, 5 woorden, 1 zin,"
        " langste zin 5 woorden"
    )
    csv = CliRunner().invoke(main, ["taal", "--formaat", "csv"]).stdout_bytes.decode("utf-8-sig")
    assert csv.split("\r\n")[0] == "Bestand;Woorden;Zinnen;Langste zin;Flesch douma"
