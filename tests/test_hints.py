"""Hints that lead to the fix: the cause first, the character named, no wrong suggestion."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.diagnostics import suggest
from tests.conftest import MINIMAL_CONTENT, buurthuis_activity

REPO = Path(__file__).resolve().parent.parent
A = "content/activiteiten/"


def check_lines(*args: str) -> list[str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.stderr.splitlines()


def test_a_deleted_organisation_gets_no_lookalike_suggestion() -> None:
    """After any one organisation file of the example is deleted, no other organisation
    is suggested to its activities: only a near-certain typo gets a 'bedoelde u'."""
    slugs = {p.stem for p in (REPO / "content/organisaties").glob("*.md")}
    wrong = {slug: suggest(slug, slugs - {slug}, cutoff=0.85) for slug in slugs}
    assert {slug: hint for slug, hint in wrong.items() if hint} == {}
    assert suggest("buurthuus", {"buurthuis", "dorpshuis"}, cutoff=0.85) == (
        " (bedoelde u 'buurthuis'?)"
    )


def test_a_missing_organisation_says_which_file_to_make(minimal_content) -> None:
    minimal_content(
        {"activiteiten/koffie.md": buurthuis_activity().replace("buurthuis", "zonnebloem")}
    )
    assert check_lines() == [
        f"{A}koffie.md:3: organisatie: er is geen organisatie 'zonnebloem'; maak"
        " content/organisaties/zonnebloem.md of kies een bestaande",
        "Gestopt: 1 fout, 0 waarschuwingen.",
    ]


def test_curly_quotes_and_hard_spaces_are_named(minimal_content) -> None:
    minimal_content(
        {
            "activiteiten/krul.md": buurthuis_activity("“Koffie: samen”"),
            "activiteiten/spatie.md": buurthuis_activity().replace("toegang: ", "toegang:\u00a0"),
        }
    )
    assert check_lines() == [
        f"{A}krul.md:2: de YAML klopt niet: op deze regel staan gekrulde aanhalingstekens"
        " (“ ” of ‘ ’), bijvoorbeeld uit Word; YAML kent alleen rechte. Vervang ze door \" of '",
        f"{A}spatie.md:5: de YAML klopt niet: op deze regel staat een harde spatie (een"
        " niet-afbrekende spatie, vaak uit Word of een webpagina) waar YAML een gewone spatie"
        " verwacht; vervang die door een gewone spatie",
        "Gestopt: 2 fouten, 0 waarschuwingen.",
    ]


def test_curly_quotes_in_a_valid_text_are_fine(minimal_content) -> None:
    minimal_content({"activiteiten/krul.md": buurthuis_activity("Het “Anker” en ‘t Hofje")})
    result = CliRunner().invoke(main, ["check"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_the_cause_comes_first_and_its_follow_ons_are_grouped(minimal_content) -> None:
    """A broken id in taxonomie.yaml: that line first, then one line for the activities
    that use the id, each listed under it (five, then a count; all with --alle)."""
    taxonomy = MINIMAL_CONTENT["taxonomie.yaml"].replace("  - id: ouderen", "  - idd: ouderen")
    uses = "doelgroepen: [ouderen]\n"
    files = {f"activiteiten/a{n}.md": buurthuis_activity(f"A{n}", uses) for n in range(1, 8)}
    minimal_content({"taxonomie.yaml": taxonomy, **files, "activiteiten/koffie.md": None})
    lines = check_lines()
    unknown = "doelgroepen[1]: 'ouderen' is geen bekende doelgroep"
    assert lines == [
        "content/taxonomie.yaml:2: doelgroepen[1].idd: onbekend veld (bedoelde u 'id'?)",
        "content/taxonomie.yaml:2: doelgroepen[1].id: dit veld ontbreekt of is leeg; het is"
        " verplicht",
        "7 activiteiten gebruiken de onbekende doelgroep 'ouderen':",
        *[f"  {A}a{n}.md:7: {unknown}" for n in range(1, 6)],
        "  … en nog 2 keer (alle: --alle)",
        "Gestopt: 9 fouten, 0 waarschuwingen.",
    ]
    every = check_lines("--alle")
    assert every[3:10] == [f"  {A}a{n}.md:7: {unknown}" for n in range(1, 8)]


def test_a_relative_link_gets_a_warning(minimal_content) -> None:
    body = "Zie de folder.\n\nLees [de folder](folder.pdf) of [meer](https://www.delinde.nl/)."
    terms = "doelgroepen: [ouderen]\nleefgebieden: [contact]\n"
    minimal_content({"activiteiten/koffie.md": buurthuis_activity(extra=terms, body=body)})
    assert check_lines() == [
        f"{A}koffie.md:13: waarschuwing: beschrijving: de link 'folder.pdf' heeft geen volledig"
        " adres en werkt daarom niet op de site of in de open data; schrijf het hele adres,"
        " zoals https://www.voorbeeld.nl/folder.pdf",
    ]


def test_an_image_gets_a_warning(minimal_content) -> None:
    terms = "doelgroepen: [ouderen]\nleefgebieden: [contact]\n"
    body = "Kijk maar.\n\n![Het buurthuis van voren](buurthuis.jpg)"
    minimal_content({"activiteiten/koffie.md": buurthuis_activity(extra=terms, body=body)})
    assert check_lines() == [
        f"{A}koffie.md:13: waarschuwing: beschrijving: een afbeelding komt niet op de site;"
        " alleen de tekst 'Het buurthuis van voren' staat er",
    ]
