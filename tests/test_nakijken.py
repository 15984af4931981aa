"""Fresh data by routine: `nakijken_na_maanden` and the review queue of `nakijken`."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from click.testing import CliRunner

from generator.cli import main
from generator.freshness import months_before
from tests.conftest import MINIMAL_CONTENT, buurthuis_activity

TODAY = dt.datetime.now(dt.UTC).date()  # what the command uses
OLD = months_before(TODAY, 14).isoformat()
SITE = MINIMAL_CONTENT["site.yaml"] + "redactie:\n  email: redactie@proefdorp.nl\n"


def _content(minimal_content, site: str = SITE):
    old_org = MINIMAL_CONTENT["organisaties/buurthuis.md"].replace(
        "gecontroleerd: ", f"gecontroleerd: {OLD}\n# was: "
    )
    never = "---\nnaam: Zonder Mail\n---\nTekst.\n"
    stale = buurthuis_activity("Oud en | raar", body="Tekst.").replace(
        "gecontroleerd: ", f"gecontroleerd: {OLD}\n# was: "
    )
    return minimal_content(
        {
            "site.yaml": site,
            "organisaties/buurthuis.md": old_org,
            "organisaties/zonder-mail.md": never,
            "activiteiten/oud.md": stale,
            "activiteiten/bij-zonder-mail.md": buurthuis_activity("Nieuw").replace(
                "organisatie: buurthuis", "organisatie: zonder-mail"
            ),
        }
    )


def nakijken(*args: str):
    result = CliRunner().invoke(main, ["nakijken", *args])
    assert result.exit_code == 0, result.output
    return result


def test_the_queue_lists_each_organisation_with_its_stale_entries(minimal_content) -> None:
    _content(minimal_content)
    lines = nakijken().stdout.splitlines()
    assert lines[:4] == [
        "Zonder Mail (geen e-mailadres: vul 'email' in): 1 gegeven",
        "  content/organisaties/zonder-mail.md: Zonder Mail, nooit nagekeken",
        "",
        "Buurthuis De Linde (info@delinde.nl): 2 gegevens",
    ]
    assert lines[4:6] == [
        "  content/organisaties/buurthuis.md: Buurthuis De Linde, 14 maanden geleden",
        "  content/activiteiten/oud.md: Oud en | raar, 14 maanden geleden",
    ]
    assert lines[7:] == ["", "Na te kijken: 3 gegevens van 2 organisaties."]
    parts = urlsplit(lines[6].removeprefix("  Mail: "))
    assert (parts.scheme, parts.path) == ("mailto", "info@delinde.nl")
    query = parse_qs(parts.query)
    assert query["subject"] == ["Kloppen uw gegevens op de Sociale Kaart Proefdorp?"]
    body = query["body"][0]
    assert "- Buurthuis De Linde: https://kaart.proefdorp.nl/organisaties/buurthuis/\n" in body
    assert "- Oud en | raar: https://kaart.proefdorp.nl/activiteiten/oud/\n" in body
    assert "Wilt u ze nakijken?" in body and body.endswith("redactie@proefdorp.nl")
    assert "Nieuw" not in body  # checked recently


def test_the_queue_as_markdown_and_csv(minimal_content) -> None:
    _content(minimal_content)
    md = nakijken("--formaat", "md").stdout
    assert md.startswith("# Na te kijken: Sociale Kaart Proefdorp\n\n## Zonder Mail\n\n")
    assert "Geen e-mailadres: vul `email` in bij de organisatie." in md
    assert "[Mail info@delinde.nl met het verzoek om na te kijken](<mailto:info@delinde.nl?" in md
    assert (
        "| activiteit | [Oud en \\| raar](https://kaart.proefdorp.nl/activiteiten/oud/) |"
        " `content/activiteiten/oud.md` | 14 maanden geleden |"
    ) in md
    data = nakijken("--formaat", "csv").stdout_bytes
    assert data.startswith("\ufeff".encode())
    rows = [r.split(";") for r in data.decode("utf-8-sig").split("\r\n") if r]
    assert rows[0] == ["Organisatie", "Email", "Soort", "Gegeven", "Bestand", "Adres",
                       "Gecontroleerd", "Nagekeken", "Mail"]  # fmt: skip
    assert [r[:4] + r[6:8] for r in rows[1:]] == [
        ["Zonder Mail", "", "organisatie", "Zonder Mail", "", "nooit nagekeken"],
        ["Buurthuis De Linde", "info@delinde.nl", "organisatie", "Buurthuis De Linde", OLD,
         "14 maanden geleden"],
        ["Buurthuis De Linde", "info@delinde.nl", "activiteit", "Oud en | raar", OLD,
         "14 maanden geleden"],
    ]  # fmt: skip


def test_nakijken_na_maanden_sets_the_period(minimal_content) -> None:
    """At 24 months the 14-month-old entries are fresh; the warnings follow the setting."""
    content = _content(minimal_content, SITE + "nakijken_na_maanden: 24\n")
    assert nakijken().stdout.splitlines()[0].startswith("Zonder Mail")
    assert "14 maanden" not in nakijken().stdout
    result = CliRunner().invoke(main, ["check"])
    assert "is meer dan" not in result.stderr
    (content / "site.yaml").write_text(SITE + "nakijken_na_maanden: 13\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check"])
    assert (
        f"content/activiteiten/oud.md:7: waarschuwing: gecontroleerd: {OLD} is meer dan 13"
        " maanden geleden; kijk de gegevens na en zet hier de nieuwe datum"
    ) in result.stderr.splitlines()


def test_an_up_to_date_site_has_an_empty_queue(minimal_content) -> None:
    minimal_content()
    assert nakijken().stdout == "Alles is op tijd nagekeken.\n"


def test_an_activity_is_in_its_own_organisations_queue_not_its_partners(minimal_content):
    """The organisation in `organisatie` keeps an activity up to date, not its partners."""
    partner = MINIMAL_CONTENT["organisaties/buurthuis.md"].replace("Buurthuis De Linde", "Wijkteam")
    stale = buurthuis_activity("Samen oud", "partners: [wijkteam]\n").replace(
        "gecontroleerd: ", f"gecontroleerd: {OLD}\n# was: "
    )
    minimal_content({"organisaties/wijkteam.md": partner, "activiteiten/samen.md": stale})
    lines = nakijken().stdout.splitlines()
    assert lines[0] == "Buurthuis De Linde (info@delinde.nl): 1 gegeven"
    assert lines[1] == "  content/activiteiten/samen.md: Samen oud, 14 maanden geleden"
    assert not any(line.startswith("Wijkteam") for line in lines)
