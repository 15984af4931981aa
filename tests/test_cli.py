"""The `sociale-kaart` command: output, exit codes, and the issue's "done when".

Diagnostics go to stderr sorted by file and line; the one-line summary of a
good run goes to stdout. Exit codes: 0 good (warnings allowed), 1 content
errors (or warnings with --strict), 2 wrong use.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from tests.conftest import RECENT
from tests.helpers import write_tree
from tests.test_publish import snapshot

# An organisation without activities: one warning.
WIJKTEAM = {"organisaties/wijkteam.md": f"---\nnaam: Wijkteam\ngecontroleerd: {RECENT}\n---\n"}

SUMMARY = re.compile(
    r"Klaar: 1 organisatie, 1 activiteit, (\d+) bestanden, 0 waarschuwingen \(\d+,\d s\) → out/\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def stderr_lines(result: Result) -> list[str]:
    return result.stderr.splitlines()


# --- build ---------------------------------------------------------------------------


def test_build_prints_a_one_line_summary(minimal_content, tmp_path: Path) -> None:
    minimal_content()
    result = run("build", "--content", "content", "--output", "out")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    match = SUMMARY.fullmatch(result.stdout)
    assert match, result.stdout
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert int(match.group(1)) == len(files)


def test_build_uses_content_and_output_by_default(minimal_content, tmp_path: Path) -> None:
    minimal_content()
    result = run("build")
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("→ output/\n")
    assert (tmp_path / "output/index.html").is_file()


def test_build_with_warnings_succeeds_and_prints_them(minimal_content) -> None:
    minimal_content(WIJKTEAM)
    result = run("build", "--output", "out")
    assert result.exit_code == 0
    assert stderr_lines(result) == [
        "content/organisaties/wijkteam.md:1: waarschuwing: deze organisatie heeft nog geen"
        " activiteiten"
    ]
    assert result.stdout.startswith("Klaar: 2 organisaties, 1 activiteit, ")
    assert ", 1 waarschuwing (" in result.stdout


def test_build_strict_fails_on_warnings_and_leaves_output(minimal_content, tmp_path) -> None:
    content = minimal_content()
    assert run("build", "--output", "out").exit_code == 0
    before = snapshot(tmp_path / "out")
    write_tree(content, WIJKTEAM)
    result = run("build", "--output", "out", "--strict")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert stderr_lines(result) == [
        "content/organisaties/wijkteam.md:1: waarschuwing: deze organisatie heeft nog geen"
        " activiteiten",
        "Gestopt: 0 fouten, 1 waarschuwing (--strict: waarschuwingen tellen als fouten)."
        " out/ is niet gewijzigd.",
    ]
    assert snapshot(tmp_path / "out") == before


def test_build_with_errors_exits_1(minimal_content, tmp_path: Path) -> None:
    minimal_content({"activiteiten/wandelen.md": "---\ntitel: Wandelen\nladder: [8]\n---\n"})
    result = run("build", "--output", "out")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert stderr_lines(result) == [
        "content/activiteiten/wandelen.md:1: organisatie: dit veld ontbreekt of is leeg;"
        " het is verplicht",
        "content/activiteiten/wandelen.md:1: toegang: dit veld ontbreekt of is leeg;"
        " het is verplicht",
        "content/activiteiten/wandelen.md:3: ladder[1]: trede 8 bestaat niet; kies 1 tot en met 6",
        "Gestopt: 3 fouten, 0 waarschuwingen. out/ is niet gewijzigd.",
    ]
    assert not (tmp_path / "out").exists()


def test_build_refuses_an_unsafe_output_directory(minimal_content) -> None:
    content = minimal_content()
    before = snapshot(content)
    result = run("build", "--output", "content/organisaties")
    assert result.exit_code == 2
    assert stderr_lines(result) == [
        "Gestopt: de uitvoermap content/organisaties bestaat al, maar is niet door"
        " sociale-kaart gemaakt (het bestand .sociale-kaart-uitvoer ontbreekt); kies een lege"
        " of nieuwe map, zodat er niets verloren gaat. content/organisaties/ is niet gewijzigd."
    ]
    assert snapshot(content) == before


# --- check ---------------------------------------------------------------------------


def test_check_reports_and_writes_nothing(minimal_content, tmp_path: Path) -> None:
    minimal_content()
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout == "In orde: 1 organisatie, 1 activiteit, 0 waarschuwingen.\n"
    assert result.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_check_strict(minimal_content) -> None:
    minimal_content(WIJKTEAM)
    assert run("check").exit_code == 0
    result = run("check", "--strict")
    assert result.exit_code == 1
    assert stderr_lines(result)[-1] == (
        "Gestopt: 0 fouten, 1 waarschuwing (--strict: waarschuwingen tellen als fouten)."
    )


def test_check_with_errors(minimal_content) -> None:
    minimal_content({"activiteiten/koffie.md": "---\ntitel: Koffie\n---\n"})
    result = run("check", "--content", "content")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert stderr_lines(result)[-1] == "Gestopt: 3 fouten, 0 waarschuwingen."


def test_missing_content_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("check", "--content", "nergens")
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        "nergens/site.yaml:1: dit bestand ontbreekt",
        "nergens/taxonomie.yaml:1: dit bestand ontbreekt",
        "nergens/activiteiten:1: deze map ontbreekt",
        "nergens/organisaties:1: deze map ontbreekt",
        "Gestopt: 4 fouten, 0 waarschuwingen.",
    ]


def test_many_identical_warnings_are_summarised(minimal_content) -> None:
    orgs = {
        f"organisaties/team-{n}.md": f"---\nnaam: Team {n}\ngecontroleerd: {RECENT}\n---\n"
        for n in range(1, 9)
    }
    minimal_content(orgs)
    result = run("check")
    assert result.exit_code == 0
    assert stderr_lines(result) == [
        f"content/organisaties/team-{n}.md:1: waarschuwing: deze organisatie heeft nog geen"
        " activiteiten"
        for n in range(1, 6)
    ] + ["… en nog 3 keer dezelfde waarschuwing (alle: --alle)"]
    assert result.stdout == "In orde: 9 organisaties, 1 activiteit, 8 waarschuwingen.\n"
    every = run("check", "--alle")
    assert len(stderr_lines(every)) == 8 and "… en nog" not in every.stderr
    strict = run("check", "--strict")
    assert strict.exit_code == 1
    assert len([x for x in stderr_lines(strict) if "waarschuwing:" in x]) == 8  # all of them block


def _eight_warnings(minimal_content) -> None:
    orgs = {
        f"organisaties/team-{n}.md": f"---\nnaam: Team {n}\ngecontroleerd: {RECENT}\n---\n"
        for n in range(1, 9)
    }
    minimal_content(orgs)


def test_check_speaks_github_workflow_commands(minimal_content, tmp_path, monkeypatch) -> None:
    _eight_warnings(minimal_content)
    summary = tmp_path / "samenvatting.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("check", "--formaat", "github")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "::warning file=content/organisaties/team-1.md,line=1,title=waarschuwing::"
        "deze organisatie heeft nog geen activiteiten"
    )
    assert len([x for x in lines if x.startswith("::warning ")]) == 8  # never grouped
    assert lines[-1] == "In orde: 9 organisaties, 1 activiteit, 8 waarschuwingen."
    table = summary.read_text("utf-8").splitlines()
    assert table[0] == "## Sociale Kaart: controle"
    assert table[4] == (
        "| waarschuwing | `content/organisaties/team-1.md` | 1 |  |"
        " deze organisatie heeft nog geen activiteiten |"
    )
    assert len(table) == 4 + 8


def test_github_commands_are_escaped() -> None:
    from generator.diagnostic_formats import github_line
    from generator.diagnostics import Diagnostic

    d = Diagnostic("content/a,b:c.md", 3, "tijden[0].van", "100% fout\nnieuwe regel\r")
    assert github_line(d) == (
        "::error file=content/a%2Cb%3Ac.md,line=3,title=tijden[0].van::"
        "100%25 fout%0Anieuwe regel%0D"
    )


def test_check_gives_json(minimal_content) -> None:
    import json

    _eight_warnings(minimal_content)
    result = run("check", "--formaat", "json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    assert items[0] == {
        "bestand": "content/organisaties/team-1.md",
        "regel": 1,
        "veld": "",
        "ernst": "waarschuwing",
        "melding": "deze organisatie heeft nog geen activiteiten",
    }
    assert len(items) == 8
    assert stderr_lines(result)[-1] == "In orde: 9 organisaties, 1 activiteit, 8 waarschuwingen."


@pytest.mark.parametrize(
    "args",
    [("bouw",), ("build", "--onbekend"), ("check", "--output", "out"), ("build", "--content")],
)
def test_wrong_use_exits_2(args: tuple[str, ...]) -> None:
    assert run(*args).exit_code == 2


def test_help_and_version() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "Sociale Kaart: bouw de website" in result.stdout
    assert re.fullmatch(r"sociale-kaart \d+\.\d+\.\d+\n", run("--version").stdout)


# --- The installed command ----------------------------------------------------------


def test_installed_command(minimal_content, tmp_path: Path) -> None:
    minimal_content({"activiteiten/wandelen.md": "---\ntitel: Wandelen\n---\n"})
    # The console script that `pip install` put next to this Python (make test: .venv/bin/).
    command = Path(sys.executable).parent / "sociale-kaart"
    failed = subprocess.run(
        [command, "build", "--output", "out"], cwd=tmp_path, capture_output=True, text=True
    )
    assert failed.returncode == 1
    assert failed.stdout == ""
    assert failed.stderr.splitlines()[-1] == (
        "Gestopt: 3 fouten, 0 waarschuwingen. out/ is niet gewijzigd."
    )

    (tmp_path / "content/activiteiten/wandelen.md").unlink()
    built = subprocess.run(
        [command, "build", "--output", "out"], cwd=tmp_path, capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    assert SUMMARY.fullmatch(built.stdout)
    assert (tmp_path / "out/activiteiten/koffie/index.html").is_file()


# --- Done when: a corpus with every kind of mistake --------------------------------------

GOOD_ACTIVITY = (
    "---\ntitel: Koffie-ochtend\norganisatie: buurthuis\nladder: [1, 2]\ntoegang: vrij\n"
    "doelgroepen: [ouderen]\nleefgebieden: [contact]\nwijken: [centrum]\nkosten: gratis\n"
    f"gecontroleerd: {RECENT}\n---\nElke dinsdag koffie.\n"
)

FOUTEN: dict[str, str | bytes] = {
    "site.yaml": (
        "titel: Sociale kaart Proefdorp\n"
        "gemeente: Proefdorp\n"
        "basis_url: https://kaart.proefdorp.nl/\n"
        "intro: Welkom\n"
        "wegwijzer:\n"
        "  drempel: 4\n"
        "  contact: wijkteem\n"
        "kleur: blauw\n"
    ),
    "taxonomie.yaml": (
        "doelgroepen:\n"
        "  - id: ouderen\n"
        "    naam: Ouderen\n"
        "  - id: Jonge Mantelzorgers\n"
        "    naam: Jonge mantelzorgers\n"
        "  - id: ouderen\n"
        "    naam: Senioren\n"
        "leefgebieden:\n"
        "  - id: contact\n"
        "    naam: Sociaal contact\n"
        "    naam: Contact\n"
        "wijken:\n"
        "  - id: centrum\n"
        "    naam: Centrum\n"
        "verwijzers:\n"
        "  - id: huisarts\n"
        "    naam: de huisarts\n"
        "soorten:\n"
        "  - id: ontmoeting\n"
        "    naam: Ontmoeting\n"
    ),
    "activiteiten/plekken.md": (
        "---\n"
        "titel: Plekken\n"
        "organisatie: buurthuis\n"
        "ladder: [1]\n"
        "toegang: vrij\n"
        "soorten: [ontmoting]\n"
        "talen: [arabisch]\n"
        "vorm: [groepje]\n"
        "locaties:\n"
        "  - naam: Buurthuis\n"
        "    postcode: 1234\n"
        "    coordinaten: [4.8922, 52.3731]\n"
        "    rolstoeltoegankelijk: soms\n"
        "  - uitleg: Achterom\n"
        "---\n"
    ),
    "activiteiten/tijden.md": (
        "---\n"
        "titel: Tijden\n"
        "organisatie: buurthuis\n"
        "ladder: [1]\n"
        "toegang: vrij\n"
        "tijden:\n"
        "  - dagen: [dinsdag]\n"
        "    van: 25:00\n"
        "    tot: 12:00\n"
        "  - dagen: [za]\n"
        "    van: 12:00\n"
        "    tot: 10:00\n"
        "  - dagen: [do]\n"
        "    van: 18:00\n"
        "    tot: 20:00\n"
        "    weken: [6]\n"
        "  - dagen: [do]\n"
        "    van: 18:00\n"
        "    tot: 20:00\n"
        "    om_de_week: true\n"
        "periode: {van: 2026-10-01, tot: 2026-03-01}\n"
        "---\n"
    ),
    "activiteiten/verwijzing.md": (
        "---\n"
        "titel: Verwijzing\n"
        "organisatie: buurthuis\n"
        "ladder: [1]\n"
        "toegang: verwijzing\n"
        "verwijzers: [huisarst]\n"
        "aanmelden:\n"
        "  telefoon: bel ons\n"
        "  site: https://a.nl/\n"
        "---\n"
    ),
    "organisaties/buurthuis.md": (
        "---\nnaam: Buurthuis De Linde\ntelefoon: 0570123456\n"
        f"gecontroleerd: {RECENT}\n---\nHet buurthuis.\n"
    ),
    "organisaties/wijkteam.md": (
        "---\n"
        "naam: Wijkteam\n"
        "email: info@@wijkteam.nl\n"
        "website: javascript:alert(1)\n"
        "adres:\n"
        "  straat: Dorpsstraat 1\n"
        "  stad: Proefdorp\n"
        "gecontroleerd: 2026-02-30\n"
        "---\n"
    ),
    "organisaties/Sport_Club.md": "---\nnaam: Sportclub\n---\n",
    "organisaties/leeg.md": "",
    "organisaties/oud.md": "---\nnaam: Caf\xe9 Oud\n---\n".encode("latin-1"),
    # BOM and Windows line endings are fine.
    "activiteiten/koffie.md": ("\ufeff" + GOOD_ACTIVITY.replace("\n", "\r\n")).encode("utf-8"),
    "activiteiten/inspringen.md": (
        "---\ntitel: Inspringen\norganisatie: buurthuis\n  ladder: [1]\ntoegang: vrij\n---\n"
    ),
    "activiteiten/dubbele-punt.md": (
        "---\ntitel: Let op: koffie\norganisatie: buurthuis\nladder: [1]\ntoegang: vrij\n---\n"
    ),
    "activiteiten/tab.md": (
        "---\ntitel: Tab\norganisatie: buurthuis\nladder: [1]\ntoegang: vrij\n"
        "contact:\n\tnaam: Anja\n---\n"
    ),
    "activiteiten/niet-afgesloten.md": "---\ntitel: Open\norganisatie: buurthuis\n",
    "activiteiten/zonder-kop.md": "titel: Zonder kop\norganisatie: buurthuis\n",
    "activiteiten/verplicht.md": "---\nkosten: gratis\n---\n",
    "activiteiten/soorten.md": (
        "---\n"
        "titel: [Koffie, Thee]\n"
        "organisatie: buurthuis\n"
        "ladder: [1]\n"
        "toegang: vrij\n"
        "doelgroepen: ouderen\n"
        "wijken: {centrum: ja}\n"
        "---\n"
    ),
    "activiteiten/onbekend.md": (
        "---\n"
        "titel: Onbekend\n"
        "organisatie: buurthuis\n"
        "ladder: [1]\n"
        "toegang: vrij\n"
        "omschrijving: Een middag\n"
        "contact:\n"
        "  mail: a@b.nl\n"
        "---\n"
    ),
    "activiteiten/termen.md": (
        "---\n"
        "titel: Termen\n"
        "organisatie: buurthuis\n"
        "ladder: [1]\n"
        "toegang: vri\n"
        "doelgroepen: [oudren]\n"
        "leefgebieden: [kontakt]\n"
        "wijken: [noord]\n"
        "---\n"
    ),
    "activiteiten/ladder.md": (
        "---\ntitel: Ladder\norganisatie: buurthuis\nladder: [0, 7, twee]\ntoegang: vrij\n---\n"
    ),
    "activiteiten/ladder-leeg.md": (
        "---\ntitel: Ladder leeg\norganisatie: buurthuis\nladder: []\ntoegang: vrij\n---\n"
    ),
    "activiteiten/organisatie.md": (
        "---\ntitel: Elders\norganisatie: buurthuus\nladder: [1]\ntoegang: vrij\n---\n"
    ),
    "activiteiten/leeftijd.md": (
        "---\ntitel: Jongeren\norganisatie: buurthuis\nladder: [1]\ntoegang: vrij\n"
        "leeftijd:\n  min: 27\n  max: 18\n---\n"
    ),
    "activiteiten/dubbel.md": (
        "---\ntitel: Dubbel\norganisatie: buurthuis\nladder: [1]\ntoegang: vrij\n"
        f"titel: Nog eens\ngecontroleerd: {RECENT}\n---\n"
    ),
    "activiteiten/datum.md": (
        "---\ntitel: Datum\norganisatie: buurthuis\nladder: [1]\ntoegang: vrij\n"
        "gecontroleerd: 15-03-2026\n---\n"
    ),
    "activiteiten/notities.txt": "geen activiteit\n",
}

A = "content/activiteiten/"
ORG = "content/organisaties/"
EVERY_MISTAKE = [
    "content/site.yaml:7: wegwijzer.contact: er is geen organisatie 'wijkteem'; maak"
    " content/organisaties/wijkteem.md of kies een bestaande (bedoelde u 'wijkteam'?)",
    "content/site.yaml:8: kleur: onbekend veld; welke velden er zijn, staat in docs/inhoud.md",
    "content/taxonomie.yaml:4: doelgroepen[2].id: 'Jonge Mantelzorgers' mag alleen kleine"
    " letters, cijfers en koppeltekens bevatten, bijvoorbeeld 'jonge-mantelzorgers'",
    "content/taxonomie.yaml:6: doelgroepen[3].id: 'ouderen' staat al op regel 2; kies een ander id",
    "content/taxonomie.yaml:11: leefgebieden[1].naam: dit veld staat er twee keer in",
    f"{ORG}Sport_Club.md:1: bestandsnaam 'Sport_Club.md' mag alleen kleine letters, cijfers en"
    " koppeltekens bevatten; noem het bijvoorbeeld 'sport-club.md'",
    f"{ORG}leeg.md:1: het bestand is leeg; vul de velden in of verwijder het bestand",
    f"{ORG}oud.md:2: het bestand is niet opgeslagen als UTF-8: op deze regel staat waarschijnlijk"
    " het teken 'é' (byte 0xe9 in Windows-1252); sla het bestand op als UTF-8 (in Kladblok:"
    " Opslaan als, Codering UTF-8)",
    f"{ORG}wijkteam.md:3: email: 'info@@wijkteam.nl' is geen geldig e-mailadres; schrijf het"
    " zoals info@voorbeeld.nl, zonder ? of & erachter",
    f"{ORG}wijkteam.md:4: website: 'javascript:alert(1)' is geen geldig webadres;"
    " begin met https://",
    f"{ORG}wijkteam.md:7: adres.stad: onbekend veld (bedoelde u 'straat'?)",
    f"{ORG}wijkteam.md:8: gecontroleerd: '2026-02-30' is geen bestaande datum",
    f"{A}datum.md:6: gecontroleerd: '15-03-2026' is geen datum; schrijf JJJJ-MM-DD,"
    " bijvoorbeeld 2026-03-15",
    f"{A}dubbel.md:6: titel: dit veld staat er twee keer in",
    f"{A}dubbele-punt.md:2: de YAML klopt niet: hier staat een ':' die YAML niet verwacht;"
    ' zet de tekst tussen aanhalingstekens ("...") of controleer het inspringen',
    f"{A}inspringen.md:4: de YAML klopt niet: hier staat een ':' die YAML niet verwacht;"
    ' zet de tekst tussen aanhalingstekens ("...") of controleer het inspringen',
    f"{A}koffie.md:1: waarschuwing: soorten: zeg wat voor aanbod dit is, zodat het in het"
    " overzicht en bij 'Soort aanbod' staat; kies uit soorten in taxonomie.yaml, zoals"
    " [ontmoeting]",
    f"{A}ladder-leeg.md:4: ladder: de lijst is leeg; noem minstens één trede van 1 tot en met 6",
    f"{A}ladder.md:4: ladder[1]: trede 0 bestaat niet; kies 1 tot en met 6",
    f"{A}ladder.md:4: ladder[2]: trede 7 bestaat niet; kies 1 tot en met 6",
    f"{A}ladder.md:4: ladder[3]: 'twee' is geen trede; kies 1 tot en met 6",
    f"{A}leeftijd.md:6: leeftijd: min (27) is hoger dan max (18); wissel ze om",
    f"{A}niet-afgesloten.md:1: de velden bovenaan worden niet afgesloten met een regel '---'",
    f"{A}notities.txt:1: waarschuwing: dit bestand wordt overgeslagen: alleen bestanden op"
    " .md worden gelezen",
    f"{A}onbekend.md:6: omschrijving: onbekend veld; welke velden er zijn, staat in docs/inhoud.md",
    f"{A}onbekend.md:8: contact.mail: onbekend veld (bedoelde u 'email'?)",
    f"{A}organisatie.md:3: organisatie: er is geen organisatie 'buurthuus'; maak"
    " content/organisaties/buurthuus.md of kies een bestaande (bedoelde u 'buurthuis'?)",
    f"{A}plekken.md:6: soorten[1]: 'ontmoting' is geen bekende soort (zie soorten in"
    " taxonomie.yaml) (bedoelde u 'ontmoeting'?)",
    f"{A}plekken.md:7: talen[1]: 'arabisch' is geen taalcode (bedoelde u 'ar', Arabisch?)",
    f"{A}plekken.md:8: vorm[1]: 'groepje' is geen vorm (bedoelde u 'groep'?)",
    f"{A}plekken.md:11: locaties[1].postcode: '1234' is geen Nederlandse postcode; schrijf vier"
    " cijfers en twee letters, zoals 1234 AB",
    f"{A}plekken.md:12: locaties[1].coordinaten: [4.8922, 52.3731] staat andersom; schrijf"
    " [52.3731, 4.8922]",
    f"{A}plekken.md:13: locaties[1].rolstoeltoegankelijk: verwacht true of false, maar vond 'soms'",
    f"{A}plekken.md:14: locaties[2]: noem minstens de naam of de plaats van deze plek",
    f"{A}soorten.md:2: titel: verwacht tekst, maar vond een lijst",
    f"{A}soorten.md:6: doelgroepen: verwacht een lijst, schrijf [ouderen]",
    f"{A}soorten.md:7: wijken: verwacht een lijst, zoals [id, id], maar vond een groep velden",
    f"{A}tab.md:7: de YAML klopt niet: er staat een tab; gebruik spaties om in te springen",
    f"{A}termen.md:5: toegang: 'vri' is geen toegang; kies 'vrij', 'aanmelden', 'verwijzing'"
    " of 'indicatie' (bedoelde u 'vrij'?)",
    f"{A}termen.md:6: doelgroepen[1]: 'oudren' is geen bekende doelgroep (bedoelde u 'ouderen'?)",
    f"{A}termen.md:7: leefgebieden[1]: 'kontakt' is geen bekend leefgebied (bedoelde u 'contact'?)",
    f"{A}termen.md:8: wijken[1]: 'noord' is geen bekende wijk",
    f"{A}tijden.md:7: tijden[1].dagen[1]: 'dinsdag' is geen dag; schrijf 'di' (dagen: 'ma',"
    " 'di', 'wo', 'do', 'vr', 'za' of 'zo')",
    f"{A}tijden.md:8: tijden[1].van: '25:00' is geen tijd; schrijf bijvoorbeeld 10:00",
    f"{A}tijden.md:12: tijden[2].tot: de eindtijd 10:00 is niet later dan de begintijd 12:00;"
    " kijk van en tot na",
    f"{A}tijden.md:16: tijden[3].weken[1]: '6' kan niet; kies 1 tot en met 5, of -1 voor de"
    " laatste",
    f"{A}tijden.md:20: tijden[4].om_de_week: zet bij om_de_week ook 'vanaf' met een datum waarop"
    " het is",
    f"{A}tijden.md:21: periode: van (2026-10-01) ligt na tot (2026-03-01)",
    f"{A}verplicht.md:1: titel: dit veld ontbreekt of is leeg; het is verplicht",
    f"{A}verplicht.md:1: organisatie: dit veld ontbreekt of is leeg; het is verplicht",
    f"{A}verplicht.md:1: ladder: dit veld ontbreekt of is leeg; het is verplicht",
    f"{A}verplicht.md:1: toegang: dit veld ontbreekt of is leeg; het is verplicht",
    f"{A}verwijzing.md:6: verwijzers[1]: 'huisarst' is geen bekende verwijzer (zie verwijzers in"
    " taxonomie.yaml) (bedoelde u 'huisarts'?)",
    f"{A}verwijzing.md:8: aanmelden.telefoon: 'bel ons' is geen telefoonnummer; gebruik alleen"
    " cijfers, spaties en -",
    f"{A}verwijzing.md:9: aanmelden.site: onbekend veld (bedoelde u 'website'?)",
    f"{A}zonder-kop.md:1: het bestand moet beginnen met een regel '---', dan de velden,"
    " dan weer '---'",
    "Gestopt: 54 fouten, 2 waarschuwingen. out/ is niet gewijzigd.",
]


def test_every_mistake_is_reported_with_file_and_line(minimal_content, tmp_path: Path) -> None:
    """The issue's "done when": one run, every mistake, sorted, exit 1, output untouched."""
    content = minimal_content()
    assert run("build", "--output", "out").exit_code == 0
    before = snapshot(tmp_path / "out")
    for path in list(content.rglob("*.md")):
        path.unlink()
    write_tree(content, FOUTEN)

    result = run("build", "--output", "out")

    assert result.exit_code == 1
    assert result.stdout == ""
    assert stderr_lines(result) == EVERY_MISTAKE
    assert snapshot(tmp_path / "out") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out"]

    checked = run("check")
    assert checked.exit_code == 1
    assert stderr_lines(checked) == EVERY_MISTAKE[:-1] + ["Gestopt: 54 fouten, 2 waarschuwingen."]


def test_the_pre_commit_hook_runs_check() -> None:
    import yaml

    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "sociale-kaart-check"
    assert hook["entry"] == "sociale-kaart check"
    assert (hook["language"], hook["pass_filenames"]) == ("python", False)
    assert re.match(hook["files"], "content/activiteiten/koffie.md")
