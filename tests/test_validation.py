"""The content contract, rule by rule: every mistake gets `<path>:<line>: <field>: <message>`.

Each test writes the small valid tree of the `minimal_content` fixture plus one
bad file, runs generator.build.check (load, validate, assemble) and compares the
complete list of diagnostics, so a rule that reports too much fails as well.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.build import build, check
from generator.diagnostics import BuildFailed
from tests.conftest import RECENT

ACT = "content/activiteiten/wandelen.md"
ORG = "content/organisaties/wijkteam.md"
SITE = "content/site.yaml"
TAX = "content/taxonomie.yaml"


def activity(
    *extra: str, base: tuple[str, ...] | None = None, body: str = "Samen wandelen.\n"
) -> str:
    """An activity file. Lines 2-6 are valid fields; `extra` lines start at line 7.

    `kosten: gratis` comes last, unless a line of `extra` names the kosten itself.
    """
    if base is None:
        base = (
            "titel: Wandelen",
            "organisatie: buurthuis",
            "ladder: [2]",
            "toegang: vrij",
            f"gecontroleerd: {RECENT}",
        )
    costs = () if any(line.startswith("kosten:") for line in extra) else ("kosten: gratis",)
    lines = (*base, *extra, *costs)
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body


def organisation(*extra: str) -> str:
    """An organisation file. Lines 2-3 are valid fields; `extra` lines start at line 4."""
    return (
        "---\nnaam: Wijkteam\n"
        + f"gecontroleerd: {RECENT}\n"
        + "".join(line + "\n" for line in extra)
        + "---\n"
    )


def diagnostics(content: Path, strict: bool = False, today: dt.date | None = None) -> list[str]:
    """Every diagnostic of a check that must succeed."""
    _, diags = check(content, strict=strict, today=today)
    return [d.format() for d in diags]


def failure(content: Path, strict: bool = False, today: dt.date | None = None) -> list[str]:
    """Every diagnostic of a check that must fail."""
    with pytest.raises(BuildFailed) as failed:
        check(content, strict=strict, today=today)
    return [d.format() for d in failed.value.diagnostics]


def test_minimal_content_is_valid_without_warnings(minimal_content) -> None:
    assert diagnostics(minimal_content()) == []


# --- Reading the file -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "---\ntitel: Wandelen\norganisatie: buurthuis\n  ladder: [2]\n---\n",
            f"{ACT}:4: de YAML klopt niet: hier staat een ':' die YAML niet verwacht; zet de tekst"
            ' tussen aanhalingstekens ("...") of controleer het inspringen',
            id="bad-indentation",
        ),
        pytest.param(
            "---\ntitel: Wandelen\ncontact:\n    naam: Anja\n  telefoon: 0570 1\n---\n",
            f"{ACT}:5: de YAML klopt niet: controleer het inspringen"
            " (alle velden even ver naar rechts)",
            id="bad-nested-indentation",
        ),
        pytest.param(
            "---\ntitel: Wandelen\nwanneer: dinsdag: 10 uur\n---\n",
            f"{ACT}:3: de YAML klopt niet: hier staat een ':' die YAML niet verwacht; zet de tekst"
            ' tussen aanhalingstekens ("...") of controleer het inspringen',
            id="unquoted-colon",
        ),
        pytest.param(
            "---\ntitel: Wandelen\ncontact:\n\tnaam: Anja\n---\n",
            f"{ACT}:4: de YAML klopt niet: er staat een tab; gebruik spaties om in te springen",
            id="tab",
        ),
        pytest.param(
            "---\ntitel: 'Wandelen\norganisatie: buurthuis\n---\n",
            f"{ACT}:2: de YAML klopt niet: een aanhalingsteken wordt niet afgesloten",
            id="unclosed-quote",
        ),
        pytest.param(
            "---\ntitel: Wandelen\nladder: [1, 2\ntoegang: vrij\n---\n",
            f"{ACT}:3: de YAML klopt niet: een lijst die begint met '[' wordt niet goed afgesloten;"
            " zet komma's tussen de items en sluit af met ']'",
            id="unclosed-list",
        ),
        pytest.param(
            "---\ntitel: Wandelen\norganisatie: buurthuis\n",
            f"{ACT}:1: de velden bovenaan worden niet afgesloten met een regel '---'",
            id="missing-closing-line",
        ),
        pytest.param(
            "titel: Wandelen\norganisatie: buurthuis\n",
            f"{ACT}:1: het bestand moet beginnen met een regel '---', dan de velden,"
            " dan weer '---'",
            id="no-front-matter",
        ),
        pytest.param(
            "---\n---\nSamen wandelen.\n",
            f"{ACT}:1: er staan geen velden tussen de regels '---'",
            id="empty-front-matter",
        ),
        pytest.param(
            "---\n- titel: Wandelen\n---\n",
            f"{ACT}:2: verwacht velden als 'naam: waarde', één per regel, maar vond een lijst",
            id="front-matter-is-a-list",
        ),
        pytest.param(
            "",
            f"{ACT}:1: het bestand is leeg; vul de velden in of verwijder het bestand",
            id="empty-file",
        ),
        pytest.param(
            "\n   \n",
            f"{ACT}:1: het bestand is leeg; vul de velden in of verwijder het bestand",
            id="blank-file",
        ),
        pytest.param(
            "---\ntitel: Wandelen\nkosten: *gratis\n---\n",
            f"{ACT}:3: de YAML klopt niet: een waarde mag niet beginnen met '*'; zet de tekst"
            ' tussen aanhalingstekens ("...")',
            id="alias",
        ),
    ],
)
def test_malformed_files(minimal_content, text: str, expected: str) -> None:
    content = minimal_content({"activiteiten/wandelen.md": text})
    assert failure(content) == [expected]


def test_non_utf8_file(minimal_content) -> None:
    text = activity("locatie: Café De Linde").encode("latin-1")
    content = minimal_content({"activiteiten/wandelen.md": text})
    assert failure(content) == [
        f"{ACT}:7: het bestand is niet opgeslagen als UTF-8: op deze regel staat waarschijnlijk"
        " het teken 'é' (byte 0xe9 in Windows-1252); sla het bestand op als UTF-8 (in Kladblok:"
        " Opslaan als, Codering UTF-8)"
    ]


def test_utf16_file(minimal_content) -> None:
    content = minimal_content({"activiteiten/wandelen.md": activity().encode("utf-16")})
    assert failure(content) == [
        f"{ACT}:1: het bestand is opgeslagen als UTF-16 (Unicode), niet als UTF-8; sla het"
        " bestand op als UTF-8 (in Kladblok: Opslaan als, Codering UTF-8)"
    ]


def test_bom_and_crlf_give_the_right_lines(minimal_content) -> None:
    text = "\ufeff" + activity("wijken: [centrm]").replace("\n", "\r\n")
    content = minimal_content({"activiteiten/wandelen.md": text.encode("utf-8")})
    assert failure(content) == [
        f"{ACT}:7: wijken[1]: 'centrm' is geen bekende wijk (bedoelde u 'centrum'?)"
    ]


def test_bom_and_crlf_build_correctly(minimal_content, tmp_path: Path) -> None:
    crlf = {
        "activiteiten/wandelen.md": "\ufeff" + activity("kosten: gratis", body="Elke **week**.\n"),
        "site.yaml": "\ufefftitel: Kaart\r\ngemeente: Proefdorp\r\nbasis_url: https://k.nl/\r\n",
    }
    content = minimal_content(
        {name: text.replace("\n", "\r\n").encode("utf-8") for name, text in crlf.items()}
    )
    build(content, tmp_path / "out")
    page = (tmp_path / "out/activiteiten/wandelen/index.html").read_text(encoding="utf-8")
    assert "<h1>Wandelen</h1>" in page
    assert "<p>Elke <strong>week</strong>.</p>" in page
    assert "\r" not in page and "\ufeff" not in page
    home = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert "<title>Kaart</title>" in home


def test_duplicate_keys(minimal_content) -> None:
    text = activity("contact:", "  naam: Anja", "  naam: Piet", "titel: Fietsen")
    content = minimal_content({"activiteiten/wandelen.md": text})
    assert failure(content) == [
        f"{ACT}:9: contact.naam: dit veld staat er twee keer in",
        f"{ACT}:10: titel: dit veld staat er twee keer in",
    ]


def test_duplicate_keys_in_site_yaml(minimal_content) -> None:
    site = "titel: Kaart\ngemeente: Proefdorp\ntitel: Andere kaart\nbasis_url: https://k.nl/\n"
    content = minimal_content({"site.yaml": site})
    assert failure(content) == [f"{SITE}:3: titel: dit veld staat er twee keer in"]


def test_second_document_in_site_yaml(minimal_content) -> None:
    site = "titel: Kaart\n---\ngemeente: Proefdorp\nbasis_url: https://k.nl/\n"
    content = minimal_content({"site.yaml": site})
    assert failure(content) == [
        f"{SITE}:2: de YAML klopt niet: er staat een regel '---' te veel; haal die weg"
    ]


# --- YAML traps -----------------------------------------------------------------------


def test_phone_number_keeps_its_leading_zero(minimal_content) -> None:
    content = minimal_content(
        {"activiteiten/wandelen.md": activity("contact:", "  telefoon: 0570123456")}
    )
    site, diags = check(content)
    assert len(diags) == 0
    walk = next(a for a in site.activities if a.slug == "wandelen")
    assert walk.contact.telefoon == "0570123456"


def test_no_off_yes_are_text_not_booleans(minimal_content) -> None:
    text = activity(
        "kosten: no",
        "wanneer: off",
        "locatie: yes",
        base=(
            "titel: no",
            "organisatie: buurthuis",
            "ladder: [2]",
            "toegang: vrij",
            f"gecontroleerd: {RECENT}",
        ),
    )
    content = minimal_content({"activiteiten/wandelen.md": text})
    site, _ = check(content)
    walk = next(a for a in site.activities if a.slug == "wandelen")
    assert (walk.titel, walk.kosten, walk.wanneer, walk.locatie) == ("no", "no", "off", "yes")


def test_impossible_date_is_an_error_with_its_line(minimal_content) -> None:
    text = activity(
        base=(
            "titel: Wandelen",
            "organisatie: buurthuis",
            "ladder: [2]",
            "toegang: vrij",
            "gecontroleerd: 2026-02-30",
        )
    )
    content = minimal_content({"activiteiten/wandelen.md": text})
    assert failure(content) == [f"{ACT}:6: gecontroleerd: '2026-02-30' is geen bestaande datum"]


@pytest.mark.parametrize(
    "value, message",
    [
        ("2026-13-01", "'2026-13-01' is geen bestaande datum"),
        ("15-03-2026", "'15-03-2026' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-15"),
        ("maart 2026", "'maart 2026' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-15"),
        ("[2026-03-15]", "een lijst is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-15"),
    ],
)
def test_bad_dates(minimal_content, value: str, message: str) -> None:
    text = f"---\nnaam: Wijkteam\ngecontroleerd: {value}\n---\n"
    content = minimal_content({"organisaties/wijkteam.md": text})
    assert failure(content) == [f"{ORG}:3: gecontroleerd: {message}"]


# --- Required fields and types ------------------------------------------------------------


def test_missing_required_fields_of_an_activity(minimal_content) -> None:
    content = minimal_content({"activiteiten/wandelen.md": "---\ntitel: Wandelen\n---\n"})
    assert failure(content) == [
        f"{ACT}:1: organisatie: dit veld ontbreekt of is leeg; het is verplicht",
        f"{ACT}:1: ladder: dit veld ontbreekt of is leeg; het is verplicht",
        f"{ACT}:1: toegang: dit veld ontbreekt of is leeg; het is verplicht",
    ]


def test_empty_required_fields_point_at_their_line(minimal_content) -> None:
    text = activity(base=("titel: ''", "organisatie:", "ladder: [2]", "toegang: vrij"))
    content = minimal_content({"activiteiten/wandelen.md": text})
    assert failure(content) == [
        f"{ACT}:2: titel: dit veld ontbreekt of is leeg; het is verplicht",
        f"{ACT}:3: organisatie: dit veld ontbreekt of is leeg; het is verplicht",
    ]


def test_missing_name_of_an_organisation(minimal_content) -> None:
    content = minimal_content({"organisaties/wijkteam.md": "---\ntelefoon: 0570 1234\n---\n"})
    assert failure(content) == [f"{ORG}:1: naam: dit veld ontbreekt of is leeg; het is verplicht"]


def test_missing_fields_of_site_yaml(minimal_content) -> None:
    content = minimal_content({"site.yaml": "titel: Kaart\n"})
    assert failure(content) == [
        f"{SITE}:1: gemeente: dit veld ontbreekt of is leeg; het is verplicht",
        f"{SITE}:1: basis_url: dit veld ontbreekt of is leeg; het is verplicht",
    ]


def test_missing_files_and_folders(minimal_content) -> None:
    content = minimal_content(
        {"site.yaml": None, "taxonomie.yaml": None, "activiteiten/koffie.md": None}
    )
    assert failure(content) == [
        f"{SITE}:1: dit bestand ontbreekt",
        f"{TAX}:1: dit bestand ontbreekt",
        "content/activiteiten:1: deze map ontbreekt",
    ]


@pytest.mark.parametrize(
    "line, expected",
    [
        pytest.param(
            "kosten: [5 euro, 10 euro]",
            "kosten: verwacht tekst, maar vond een lijst",
            id="list-where-text",
        ),
        pytest.param(
            "locatie: {straat: Dorpsstraat}",
            "locatie: verwacht tekst, maar vond een groep velden",
            id="mapping-where-text",
        ),
        pytest.param(
            "doelgroepen: ouderen",
            "doelgroepen: verwacht een lijst, schrijf [ouderen]",
            id="text-where-list",
        ),
        pytest.param(
            "wijken: {centrum: ja}",
            "wijken: verwacht een lijst, zoals [id, id], maar vond een groep velden",
            id="mapping-where-list",
        ),
        pytest.param(
            "contact: Anja de Vries",
            "contact: verwacht velden eronder, zoals 'naam:' en 'telefoon:' (ingesprongen),"
            " maar vond 'Anja de Vries'",
            id="text-where-mapping",
        ),
        pytest.param(
            "leeftijd: [18, 27]",
            "leeftijd: verwacht velden eronder, zoals 'min:' en 'max:' (ingesprongen),"
            " maar vond een lijst",
            id="list-where-mapping",
        ),
    ],
)
def test_wrong_types(minimal_content, line: str, expected: str) -> None:
    content = minimal_content({"activiteiten/wandelen.md": activity(line)})
    assert failure(content) == [f"{ACT}:7: {expected}"]


def test_empty_list_item(minimal_content) -> None:
    text = activity("doelgroepen:", "  - ouderen", "  -")
    content = minimal_content({"activiteiten/wandelen.md": text})
    assert failure(content) == [f"{ACT}:9: doelgroepen[2]: verwacht tekst, maar vond niets"]


def test_text_where_list_in_taxonomy(minimal_content) -> None:
    taxonomy = (
        "doelgroepen:\n  - id: ouderen\n    naam: Ouderen\n    zoektermen: senioren\n"
        "leefgebieden:\n  - id: contact\n    naam: Sociaal contact\n"
        "wijken:\n  - id: centrum\n    naam: Centrum\n"
    )
    content = minimal_content({"taxonomie.yaml": taxonomy})
    assert failure(content) == [
        f"{TAX}:4: doelgroepen[1].zoektermen: verwacht een lijst, zoals [woord, woord],"
        " maar vond 'senioren'"
    ]


# --- Unknown fields ---------------------------------------------------------------------


def test_unknown_top_level_field(minimal_content) -> None:
    content = minimal_content({"activiteiten/wandelen.md": activity("doelgroep: [ouderen]")})
    assert failure(content) == [f"{ACT}:7: doelgroep: onbekend veld (bedoelde u 'doelgroepen'?)"]


def test_unknown_field_without_a_close_match_lists_the_options(minimal_content) -> None:
    content = minimal_content({"organisaties/wijkteam.md": organisation("prijs: 5 euro")})
    assert failure(content) == [
        f"{ORG}:4: prijs: onbekend veld; de velden hier heten 'naam', 'telefoon', 'email',"
        " 'website', 'adres', 'wijken', 'zoektermen' of 'gecontroleerd'"
    ]


def test_unknown_nested_fields(minimal_content) -> None:
    org = organisation("adres:", "  straat: Dorpsstraat 1", "  stad: Proefdorp")
    act = activity("contact:", "  mail: a@b.nl", "leeftijd:", "  minimum: 18")
    content = minimal_content({"organisaties/wijkteam.md": org, "activiteiten/wandelen.md": act})
    assert failure(content) == [
        f"{ORG}:6: adres.stad: onbekend veld (bedoelde u 'straat'?)",
        f"{ACT}:8: contact.mail: onbekend veld (bedoelde u 'email'?)",
        f"{ACT}:10: leeftijd.minimum: onbekend veld (bedoelde u 'min'?)",
    ]


def test_unknown_fields_in_site_and_taxonomy(minimal_content) -> None:
    site = (
        "titel: Kaart\ngemeente: Proefdorp\nbasis_url: https://k.nl/\nintroductie: Welkom\n"
        "wegwijzer:\n  drempel: 4\n  kontakt: buurthuis\n"
    )
    taxonomy = (
        "doelgroepen:\n  - id: ouderen\n    naam: Ouderen\n    omschrijvng: 65+\n"
        "leefgebieden:\n  - id: contact\n    naam: Sociaal contact\n"
        "wijken:\n  - id: centrum\n    naam: Centrum\n"
        "wijk:\n  - id: noord\n    naam: Noord\n"
    )
    content = minimal_content({"site.yaml": site, "taxonomie.yaml": taxonomy})
    assert failure(content) == [
        f"{SITE}:4: introductie: onbekend veld (bedoelde u 'intro'?)",
        f"{SITE}:7: wegwijzer.kontakt: onbekend veld (bedoelde u 'contact'?)",
        f"{TAX}:4: doelgroepen[1].omschrijvng: onbekend veld (bedoelde u 'omschrijving'?)",
        f"{TAX}:11: wijk: onbekende lijst (bedoelde u 'wijken'?)",
    ]


# --- References and values ------------------------------------------------------------


def test_unknown_taxonomy_ids(minimal_content) -> None:
    act = activity(
        "doelgroepen: [ouderen, oudren]",
        "leefgebieden: [kontakt]",
        "wijken:",
        "  - centrum",
        "  - noord",
        "  - centrum",
    )
    org = organisation("wijken: [centrumm]")
    content = minimal_content({"activiteiten/wandelen.md": act, "organisaties/wijkteam.md": org})
    assert failure(content) == [
        f"{ORG}:4: wijken[1]: 'centrumm' is geen bekende wijk (bedoelde u 'centrum'?)",
        f"{ACT}:7: doelgroepen[2]: 'oudren' is geen bekende doelgroep (bedoelde u 'ouderen'?)",
        f"{ACT}:8: leefgebieden[1]: 'kontakt' is geen bekend leefgebied (bedoelde u 'contact'?)",
        f"{ACT}:11: wijken[2]: 'noord' is geen bekende wijk",
        f"{ACT}:12: wijken[3]: 'centrum' staat er twee keer in",
    ]


@pytest.mark.parametrize(
    "ladder, expected",
    [
        ("[0]", ["ladder[1]: trede 0 bestaat niet; kies 1 tot en met 6"]),
        ("[7]", ["ladder[1]: trede 7 bestaat niet; kies 1 tot en met 6"]),
        ("[twee]", ["ladder[1]: 'twee' is geen trede; kies 1 tot en met 6"]),
        ("[]", ["ladder: de lijst is leeg; noem minstens één trede van 1 tot en met 6"]),
        ("2", ["ladder: verwacht een lijst van treden, schrijf [2]"]),
        ("1-2", ["ladder: verwacht een lijst van treden, schrijf [1, 2]"]),
        ("1 t/m 3", ["ladder: verwacht een lijst van treden, schrijf [1, 2, 3]"]),
        ("'1, 2'", ["ladder: verwacht een lijst van treden, schrijf [1, 2]"]),
        ("twee", ["ladder: verwacht een lijst van treden, zoals [1, 2], maar vond 'twee'"]),
        ("[1-2]", ["ladder[1]: '1-2' is geen trede; schrijf de lijst als [1, 2]"]),
        ("[2, 2]", ["ladder[2]: trede 2 staat er twee keer in"]),
        (
            "[-1, 1.5, '²']",
            [
                "ladder[1]: '-1' is geen trede; kies 1 tot en met 6",
                "ladder[2]: '1.5' is geen trede; kies 1 tot en met 6",
                "ladder[3]: '²' is geen trede; kies 1 tot en met 6",
            ],
        ),
        (
            "{trede: 2}",
            ["ladder: verwacht een lijst van treden, zoals [1, 2], maar vond een groep velden"],
        ),
    ],
)
def test_ladder_outside_one_to_six(minimal_content, ladder: str, expected: list[str]) -> None:
    text = activity(
        base=(
            "titel: Wandelen",
            "organisatie: buurthuis",
            f"ladder: {ladder}",
            "toegang: vrij",
            f"gecontroleerd: {RECENT}",
        )
    )
    content = minimal_content({"activiteiten/wandelen.md": text})
    assert failure(content) == [f"{ACT}:4: {line}" for line in expected]


def test_ladder_is_sorted(minimal_content) -> None:
    text = activity(
        base=(
            "titel: Wandelen",
            "organisatie: buurthuis",
            "ladder: [' 3', 1]",
            "toegang: vrij",
            f"gecontroleerd: {RECENT}",
        )
    )
    site, _ = check(minimal_content({"activiteiten/wandelen.md": text}))
    assert next(a for a in site.activities if a.slug == "wandelen").ladder == (1, 3)


def test_unknown_toegang(minimal_content) -> None:
    text = activity(
        base=(
            "titel: Wandelen",
            "organisatie: buurthuis",
            "ladder: [2]",
            "toegang: Vrij toegankelijk",
            f"gecontroleerd: {RECENT}",
        )
    )
    content = minimal_content({"activiteiten/wandelen.md": text})
    assert failure(content) == [
        f"{ACT}:5: toegang: 'Vrij toegankelijk' is geen toegang; kies 'vrij', 'aanmelden',"
        " 'verwijzing' of 'indicatie' (bedoelde u 'vrij'?)"
    ]


def test_organisation_that_does_not_exist(minimal_content) -> None:
    text = activity(
        base=(
            "titel: Wandelen",
            "organisatie: buurthuus",
            "ladder: [2]",
            "toegang: vrij",
            f"gecontroleerd: {RECENT}",
        )
    )
    content = minimal_content({"activiteiten/wandelen.md": text})
    assert failure(content) == [
        f"{ACT}:3: organisatie: er is geen organisatie 'buurthuus'; maak"
        " content/organisaties/buurthuus.md of kies een bestaande (bedoelde u 'buurthuis'?)"
    ]


def test_wegwijzer_contact_unknown(minimal_content) -> None:
    site = (
        "titel: Kaart\ngemeente: Proefdorp\nbasis_url: https://k.nl/\n"
        "wegwijzer:\n  drempel: 25\n  contact: wijkteam\n"
    )
    content = minimal_content({"site.yaml": site})
    assert failure(content) == [
        f"{SITE}:5: wegwijzer.drempel: 25 ligt niet tussen 1 en 20",
        f"{SITE}:6: wegwijzer.contact: er is geen organisatie 'wijkteam'; maak"
        " content/organisaties/wijkteam.md of kies een bestaande",
    ]


def test_bad_file_names(minimal_content) -> None:
    content = minimal_content(
        {
            "activiteiten/Wandelen Zondag.md": activity(),
            "organisaties/wijk_team.md": organisation(),
            "activiteiten/notities.txt": "los bestand",
        }
    )
    assert failure(content) == [
        "content/organisaties/wijk_team.md:1: bestandsnaam 'wijk_team.md' mag alleen kleine"
        " letters, cijfers en koppeltekens bevatten; noem het bijvoorbeeld 'wijk-team.md'",
        "content/activiteiten/Wandelen Zondag.md:1: bestandsnaam 'Wandelen Zondag.md' mag alleen"
        " kleine letters, cijfers en koppeltekens bevatten; noem het bijvoorbeeld"
        " 'wandelen-zondag.md'",
        "content/activiteiten/notities.txt:1: waarschuwing: dit bestand wordt overgeslagen: alleen"
        " bestanden op .md worden gelezen",
    ]


def test_bad_taxonomy_ids_and_duplicates(minimal_content) -> None:
    taxonomy = (
        "doelgroepen:\n"
        "  - id: ouderen\n"
        "    naam: Ouderen\n"
        "  - id: Jonge Mantelzorgers\n"
        "    naam: Jonge mantelzorgers\n"
        "  - id: ouderen\n"
        "    naam: Senioren\n"
        "  - id: voor-iedereen\n"
        "    naam: Iedereen\n"
        "  - naam: Zonder id\n"
        "leefgebieden:\n"
        "  - id: contact\n"
        "    naam: Sociaal contact\n"
        "wijken:\n"
        "  - id: centrum\n"
        "    naam: Centrum\n"
    )
    content = minimal_content({"taxonomie.yaml": taxonomy})
    assert failure(content) == [
        f"{TAX}:4: doelgroepen[2].id: 'Jonge Mantelzorgers' mag alleen kleine letters, cijfers en"
        " koppeltekens bevatten, bijvoorbeeld 'jonge-mantelzorgers'",
        f"{TAX}:6: doelgroepen[3].id: 'ouderen' staat al op regel 2; kies een ander id",
        f"{TAX}:8: doelgroepen[4].id: 'voor-iedereen' is al in gebruik voor een vaste pagina;"
        " kies een ander id",
        f"{TAX}:10: doelgroepen[5].id: dit veld ontbreekt of is leeg; het is verplicht",
    ]


def test_empty_taxonomy_lists(minimal_content) -> None:
    taxonomy = "doelgroepen:\n  - id: ouderen\n    naam: Ouderen\nleefgebieden:\nwijken: centrum\n"
    content = minimal_content({"taxonomie.yaml": taxonomy})
    # The activity's leefgebied and wijk are then unknown as well.
    assert failure(content) == [
        f"{TAX}:4: leefgebieden: deze lijst ontbreekt of is leeg; noem minstens één item met"
        " '- id:' en 'naam:'",
        f"{TAX}:5: wijken: verwacht een lijst, maar vond 'centrum'; noem minstens één item met"
        " '- id:' en 'naam:'",
        "content/organisaties/buurthuis.md:10: wijken[1]: 'centrum' is geen bekende wijk",
        "content/activiteiten/koffie.md:7: leefgebieden[1]: 'contact' is geen bekend leefgebied",
        "content/activiteiten/koffie.md:8: wijken[1]: 'centrum' is geen bekende wijk",
    ]


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "email: info@@wijkteam.nl",
            "email: 'info@@wijkteam.nl' is geen geldig e-mailadres;"
            " schrijf het zoals info@voorbeeld.nl, zonder ? of & erachter",
        ),
        (
            "email: info.wijkteam.nl",
            "email: 'info.wijkteam.nl' is geen geldig e-mailadres;"
            " schrijf het zoals info@voorbeeld.nl, zonder ? of & erachter",
        ),
        (
            "email: info@wijkteam",
            "email: 'info@wijkteam' is geen geldig e-mailadres;"
            " schrijf het zoals info@voorbeeld.nl, zonder ? of & erachter",
        ),
        (
            "website: www.wijkteam.nl",
            "website: 'www.wijkteam.nl' is geen geldig webadres; begin met https://",
        ),
        (
            "website: javascript:alert(1)",
            "website: 'javascript:alert(1)' is geen geldig webadres; begin met https://",
        ),
        (
            "website: 'data:text/html,<b>x</b>'",
            "website: 'data:text/html,<b>x</b>' is geen geldig webadres; begin met https://",
        ),
        (
            "website: https://wijkteam",
            "website: 'https://wijkteam' is geen geldig webadres; de naam van de site heeft een"
            " punt nodig, zoals voorbeeld.nl",
        ),
        (
            "website: https://wijk team.nl",
            "website: 'https://wijk team.nl' is geen geldig webadres; een webadres heeft geen"
            " spaties of \\",
        ),
        (
            "website: ftp://wijkteam.nl",
            "website: 'ftp://wijkteam.nl' is geen geldig webadres; begin met https://",
        ),
        (
            "telefoon: bel ons",
            "telefoon: 'bel ons' is geen telefoonnummer; gebruik alleen cijfers, spaties en -",
        ),
    ],
)
def test_malformed_email_url_and_phone(minimal_content, line: str, expected: str) -> None:
    content = minimal_content({"organisaties/wijkteam.md": organisation(line)})
    assert failure(content) == [f"{ORG}:4: {expected}"]


def test_basis_url_must_be_http(minimal_content) -> None:
    content = minimal_content(
        {"site.yaml": "titel: Kaart\ngemeente: Proefdorp\nbasis_url: kaart.proefdorp.nl\n"}
    )
    assert failure(content) == [
        f"{SITE}:3: basis_url: 'kaart.proefdorp.nl' is geen geldig webadres; begin met https://"
    ]


def test_basis_url_gets_a_trailing_slash(minimal_content) -> None:
    content = minimal_content(
        {"site.yaml": "titel: Kaart\ngemeente: Proefdorp\nbasis_url: https://k.nl/kaart\n"}
    )
    site, _ = check(content)
    assert site.config.basis_url == "https://k.nl/kaart/"


@pytest.mark.parametrize(
    "lines, expected",
    [
        (
            ("leeftijd:", "  min: 30", "  max: 20"),
            "7: leeftijd: min (30) is hoger dan max (20); wissel ze om",
        ),
        (
            ("leeftijd: {min: achttien}",),
            "7: leeftijd.min: verwacht een heel getal, maar vond 'achttien'",
        ),
        (("leeftijd: {max: 150}",), "7: leeftijd.max: 150 ligt niet tussen 0 en 120"),
    ],
)
def test_leeftijd(minimal_content, lines: tuple[str, ...], expected: str) -> None:
    content = minimal_content({"activiteiten/wandelen.md": activity(*lines)})
    assert failure(content) == [f"{ACT}:{expected}"]


def test_all_errors_of_a_file_are_reported_together(minimal_content) -> None:
    """A bad organisatie does not hide the leeftijd error (checked after the fields)."""
    act = activity(
        "leeftijd: {min: 30, max: 20}",
        "doelgroepen: [oudren]",
        base=(
            "titel: Wandelen",
            "organisatie: niemand",
            "ladder: [9]",
            "toegang: vrij",
            "gecontroleerd: 2026-02-30",
        ),
    )
    content = minimal_content({"activiteiten/wandelen.md": act})
    assert failure(content) == [
        f"{ACT}:3: organisatie: er is geen organisatie 'niemand'; maak"
        " content/organisaties/niemand.md of kies een bestaande",
        f"{ACT}:4: ladder[1]: trede 9 bestaat niet; kies 1 tot en met 6",
        f"{ACT}:6: gecontroleerd: '2026-02-30' is geen bestaande datum",
        f"{ACT}:7: leeftijd: min (30) is hoger dan max (20); wissel ze om",
        f"{ACT}:8: doelgroepen[1]: 'oudren' is geen bekende doelgroep (bedoelde u 'ouderen'?)",
    ]


# --- Warnings ---------------------------------------------------------------------------


def dated(checked_org: str, checked_act: str) -> dict[str, str]:
    """The minimal organisation and activity with other `gecontroleerd` dates."""
    org = (
        "---\nnaam: Buurthuis De Linde\nwijken: [centrum]\n"
        + (f"gecontroleerd: {checked_org}\n" if checked_org else "")
        + "---\n"
    )
    act = (
        "---\ntitel: Koffie-ochtend\norganisatie: buurthuis\nladder: [1, 2]\ntoegang: vrij\n"
        "doelgroepen: [ouderen]\nleefgebieden: [contact]\nwijken: [centrum]\n"
        + (f"gecontroleerd: {checked_act}\n" if checked_act else "")
        + "kosten: gratis\n"
        + "---\n"
    )
    return {"organisaties/buurthuis.md": org, "activiteiten/koffie.md": act}


def test_gecontroleerd_missing_is_a_warning(minimal_content) -> None:
    content = minimal_content(dated("", "2026-01-10"))
    assert diagnostics(content, today=dt.date(2026, 3, 1)) == [
        "content/organisaties/buurthuis.md:1: waarschuwing: gecontroleerd: ontbreekt; voeg"
        " 'gecontroleerd: JJJJ-MM-DD' toe met de datum waarop u de gegevens hebt nagekeken"
    ]


@pytest.mark.parametrize(
    "today, fresh, stale",
    [
        (dt.date(2026, 3, 1), "2025-03-01", "2025-02-28"),
        (dt.date(2024, 2, 29), "2023-02-28", "2023-02-27"),
        (dt.date(2026, 3, 31), "2025-03-31", "2025-03-30"),
    ],
)
def test_gecontroleerd_older_than_twelve_months(minimal_content, today, fresh, stale) -> None:
    content = minimal_content(dated(fresh, stale))
    assert diagnostics(content, today=today) == [
        f"content/activiteiten/koffie.md:9: waarschuwing: gecontroleerd: {stale} is meer dan 12"
        " maanden geleden; kijk de gegevens na en zet hier de nieuwe datum"
    ]


def test_gecontroleerd_in_the_future(minimal_content) -> None:
    content = minimal_content(dated("2026-03-01", "2026-03-02"))
    assert diagnostics(content, today=dt.date(2026, 3, 1)) == [
        "content/activiteiten/koffie.md:9: waarschuwing: gecontroleerd: 2026-03-02 ligt in de"
        " toekomst; klopt dit?"
    ]


def test_organisation_without_activities(minimal_content) -> None:
    content = minimal_content({"organisaties/wijkteam.md": organisation()})
    assert diagnostics(content) == [
        f"{ORG}:1: waarschuwing: deze organisatie heeft nog geen activiteiten"
    ]


def test_taxonomy_id_used_by_nothing(minimal_content) -> None:
    taxonomy = (
        "doelgroepen:\n  - id: ouderen\n    naam: Ouderen\n  - id: jongeren\n    naam: Jongeren\n"
        "leefgebieden:\n  - id: contact\n    naam: Sociaal contact\n  - id: werk\n    naam: Werk\n"
        "wijken:\n  - id: centrum\n    naam: Centrum\n  - id: noord\n    naam: Noord\n"
        "  - id: zuid\n    naam: Zuid\n"
    )
    # A wijk where an organisation works counts as used.
    org = organisation("wijken: [zuid]")
    act = activity(
        base=(
            "titel: Wandelen",
            "organisatie: wijkteam",
            "ladder: [2]",
            "toegang: vrij",
            f"gecontroleerd: {RECENT}",
        )
    )
    content = minimal_content(
        {
            "taxonomie.yaml": taxonomy,
            "organisaties/wijkteam.md": org,
            "activiteiten/wandelen.md": act,
        }
    )
    assert diagnostics(content) == [
        f"{TAX}:4: waarschuwing: doelgroepen: doelgroep 'jongeren' wordt door geen enkele"
        " activiteit gebruikt",
        f"{TAX}:9: waarschuwing: leefgebieden: leefgebied 'werk' wordt door geen enkele"
        " activiteit gebruikt",
        f"{TAX}:14: waarschuwing: wijken: wijk 'noord' wordt door geen enkele activiteit gebruikt",
    ]


def test_strict_turns_warnings_into_failure(minimal_content) -> None:
    content = minimal_content({"organisaties/wijkteam.md": organisation()})
    assert failure(content, strict=True) == [
        f"{ORG}:1: waarschuwing: deze organisatie heeft nog geen activiteiten"
    ]
    assert len(diagnostics(content, strict=False)) == 1


def test_paths_are_relative_to_the_working_directory(minimal_content, monkeypatch) -> None:
    content = minimal_content({"organisaties/wijkteam.md": organisation()})
    monkeypatch.chdir(content / "organisaties")
    assert diagnostics(content) == [
        "wijkteam.md:1: waarschuwing: deze organisatie heeft nog geen activiteiten"
    ]


# --- zoekwoorden.yaml -------------------------------------------------------------------


def test_zoekwoorden_groups_are_checked_with_file_and_line(minimal_content) -> None:
    content = minimal_content(
        {
            "zoekwoorden.yaml": (
                "groepen:\n"
                "  - [schulden, schuldhulp]\n"
                "  - [alleen]\n"
                "  - [thuiszorg, thuiszorg]\n"
                "  - geen lijst\n"
            )
        }
    )
    assert failure(content) == [
        "content/zoekwoorden.yaml:3: groepen[2]: een groep heeft minstens twee woorden,"
        " zoals [schulden, schuldhulp]",
        "content/zoekwoorden.yaml:4: groepen[3]: een woord staat twee keer in deze groep",
        "content/zoekwoorden.yaml:5: groepen[4]: verwacht een lijst, zoals [woord, woord],"
        " maar vond 'geen lijst'",
    ]


def test_zoekwoorden_without_groups_or_with_unknown_fields(minimal_content) -> None:
    content = minimal_content({"zoekwoorden.yaml": "woorden:\n  - [a, b]\n"})
    assert failure(content) == [
        "content/zoekwoorden.yaml:1: woorden: onbekend veld; het enige veld hier is 'groepen'",
        "content/zoekwoorden.yaml:1: groepen: dit veld ontbreekt of is leeg; het is verplicht",
    ]


def test_missing_costs_are_a_warning_and_read_as_unknown(minimal_content) -> None:
    content = minimal_content({"activiteiten/wandelen.md": activity("kosten:")})
    assert diagnostics(content) == [
        f"{ACT}:1: waarschuwing: kosten: de kosten ontbreken, dus de site zegt 'niet bekend';"
        " schrijf wat het kost, of 'gratis' als het niets kost"
    ]


# --- Text that is no text -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ('"A\\ud800"', "D800"),  # a lone surrogate: used to crash every build
        ('"\\x1b[31mrood"', "001B"),  # a terminal colour code
        ('"nul\\0"', "0000"),
        ('"\\x85"', "0085"),
    ],
)
def test_characters_that_are_no_text_are_an_error_with_file_and_line(
    minimal_content, value: str, code: str
) -> None:
    content = minimal_content({"activiteiten/wandelen.md": activity(f"wanneer: {value}")})
    assert failure(content) == [
        f"{ACT}:7: wanneer: hier staat een teken dat geen gewone tekst is (code U+{code}),"
        " bijvoorbeeld uit een escape als \\u of \\x; haal het weg"
    ]


def test_an_escaped_surrogate_pair_is_the_character_it_stands_for(minimal_content) -> None:
    content = minimal_content(
        {"activiteiten/wandelen.md": activity('wanneer: "Zon \\ud83d\\ude00"')}
    )
    site, _ = check(content)
    assert next(a for a in site.activities if a.slug == "wandelen").wanneer == "Zon \U0001f600"


def test_a_control_character_in_the_description_is_an_error_on_its_line(minimal_content) -> None:
    body = "Eerste regel.\nTweede \x1b[31m regel.\n"
    content = minimal_content({"activiteiten/wandelen.md": activity(body=body)})
    assert failure(content) == [
        f"{ACT}:10: hier staat een teken dat geen gewone tekst is (code U+001B),"
        " bijvoorbeeld uit een escape als \\u of \\x; haal het weg"
    ]


# --- addresses that mislead a visitor (hardening, finding 9) ----------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "email: info@a.example?bcc=spy%40evil.example",
            "email: 'info@a.example?bcc=spy%40evil.example' is geen geldig e-mailadres; schrijf"
            " het zoals info@voorbeeld.nl, zonder ? of & erachter",
        ),
        (
            "website: https://ok.example@evil.example/",
            "website: 'https://ok.example@evil.example/' is geen geldig webadres; er staat een @"
            " voor de naam van de site; zo'n adres gaat naar een andere site",
        ),
        (
            "website: https://ok.example:99999/",
            "website: 'https://ok.example:99999/' is geen geldig webadres; het poortnummer na de"
            " : klopt niet",
        ),
        (
            "website: https://ok.example:poort/",
            "website: 'https://ok.example:poort/' is geen geldig webadres; het poortnummer na de"
            " : klopt niet",
        ),
        (
            'website: "https://ok.example/\\u202egnp.exe"',
            "website: 'https://ok.example/\u202egnp.exe' is geen geldig webadres; er staat een"
            " onzichtbaar teken in (U+202E); typ het adres opnieuw",
        ),
        (
            "website: https://ok..example/",
            "website: 'https://ok..example/' is geen geldig webadres; de naam van de site klopt"
            " niet",
        ),
    ],
)
def test_addresses_that_mislead_are_refused(minimal_content, line: str, expected: str) -> None:
    content = minimal_content({"organisaties/wijkteam.md": organisation(line)})
    assert failure(content) == [f"{ORG}:4: {expected}"]


def test_a_nul_in_a_website_is_refused(minimal_content) -> None:
    content = minimal_content(
        {"organisaties/wijkteam.md": organisation('website: "https://a.nl/\\0"')}
    )
    assert [line.split(":")[1] for line in failure(content)] == ["4"]


def test_an_internationalised_domain_name_warns_with_its_ascii_form(minimal_content) -> None:
    content = minimal_content(
        {
            "organisaties/wijkteam.md": organisation(
                "website: https://delinde.example/", "email: info@dеlinde.example"
            )
        }
    )
    # The "е" of the e-mail address is Cyrillic: a look-alike of delinde.example.
    assert diagnostics(content)[1:] == [
        f"{ORG}:5: waarschuwing: email: 'dеlinde.example' heeft letters buiten het gewone"
        " alfabet; voor de computer is het 'xn--dlinde-3of.example'. Controleer dat dit het"
        " echte adres is"
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://k.example//evil.example/", "in het pad van basis_url staat //; haal een / weg"),
        (
            "https://k.example/?x=1",
            "basis_url is alleen het adres van de site, zonder ? of # erachter",
        ),
        (
            "https://k.example/#boven",
            "basis_url is alleen het adres van de site, zonder ? of # erachter",
        ),
        (
            "https://ok.example@evil.example/",
            "'https://ok.example@evil.example/' is geen geldig webadres; er staat een @ voor de"
            " naam van de site; zo'n adres gaat naar een andere site",
        ),
    ],
)
def test_basis_url_is_only_a_site_address(minimal_content, value: str, expected: str) -> None:
    site = f"titel: Kaart\ngemeente: Proefdorp\nbasis_url: '{value}'\n"
    content = minimal_content({"site.yaml": site})
    assert failure(content) == [f"{SITE}:3: basis_url: {expected}"]
