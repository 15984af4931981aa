"""`sociale-kaart nieuw`: a file with every field that passes `check` once filled in."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import check
from generator.cli import main
from generator.placeholders import PLACEHOLDER
from generator.schema import ACTIVITY, ORGANISATION

REPO = Path(__file__).resolve().parent.parent
COMMENTED_FIELD = re.compile(r"^# (\s*(?:- )?[a-z_]+:)", re.MULTILINE)


@pytest.fixture
def content(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path / "content"


def nieuw(*args: str):
    return CliRunner().invoke(main, ["nieuw", *args])


def _fill(text: str, kind: str) -> str:
    values = {"titel": "Koffie op vrijdag", "ladder": "[1, 2]", "toegang": "vrij",
              "naam": "Buurtvereniging De Brink"}  # fmt: skip
    for key, value in values.items():
        text = text.replace(f"{key}: {PLACEHOLDER}", f"{key}: {value}")
    return text.replace(
        f"{PLACEHOLDER}: wat {'het is' if kind == 'activiteit' else 'de organisatie doet'}",
        "Elke vrijdag koffie",
    )


@pytest.mark.parametrize("kind, table", [("activiteit", ACTIVITY), ("organisatie", ORGANISATION)])
def test_the_new_file_has_every_field_and_passes_check_once_filled(content, kind, table):
    args = ["--organisatie", "buurthuis-de-linde"] if kind == "activiteit" else []
    result = nieuw(kind, "nieuw-gemaakt", *args)
    assert result.exit_code == 0, result.output
    folder = "activiteiten" if kind == "activiteit" else "organisaties"
    path = content / folder / "nieuw-gemaakt.md"
    assert result.stdout == (
        f"Gemaakt: content/{folder}/nieuw-gemaakt.md. Vul in waar NOG INVULLEN staat, en kijk"
        " het na met: sociale-kaart check\n"
    )
    text = path.read_text(encoding="utf-8")
    keys = set(re.findall(r"^(?:# )?([a-z_]+):", text, re.MULTILINE))
    assert keys == set(table), "every field of the schema, and no other"
    nested = {f"{key}.{sub}" for key, field in table.items() for sub in field.fields}
    found = {
        f"{outer}.{inner}"
        for outer, block in re.findall(r"^# ([a-z_]+):.*\n((?:#   .*\n)+)", text, re.MULTILINE)
        for inner in re.findall(r"^#\s+(?:- )?([a-z_]+):", block, re.MULTILINE)
    }
    assert found == nested

    # Unfilled: check warns about each placeholder and leaves the file off the site.
    site, diags = check(content)
    unfilled = [d for d in diags.warnings if d.path.endswith("nieuw-gemaakt.md")]
    required = [key for key, field in table.items() if field.required and key != "organisatie"]
    assert [d.field for d in unfilled] == [*required, "beschrijving"]
    assert "nieuw-gemaakt" not in {e.slug for e in (*site.activities, *site.organisations)}

    # Filled in: no errors, and on the site.
    path.write_text(_fill(text, kind), encoding="utf-8")
    site, diags = check(content)
    assert not diags.errors
    assert "nieuw-gemaakt" in {e.slug for e in (*site.activities, *site.organisations)}

    # Every commented example is valid too: uncomment them all (but locatie, which is the
    # short form of locaties: one of the two).
    every = COMMENTED_FIELD.sub(r"\1", _fill(text, kind)).replace("\nlocatie: ", "\n# locatie: ")
    path.write_text(every, encoding="utf-8")
    site, diags = check(content)
    assert [d.format() for d in diags.errors] == []
    assert "nieuw-gemaakt" in {e.slug for e in (*site.activities, *site.organisations)}


def test_nothing_is_overwritten_and_mistakes_are_named(content) -> None:
    assert nieuw("organisatie", "buurthuis-de-linde").stderr == (
        "Gestopt: content/organisaties/buurthuis-de-linde.md bestaat al; er is niets"
        " overschreven.\n"
    )
    result = nieuw("activiteit", "koffie", "--organisatie", "buurthuis-de-lind")
    assert result.exit_code == 2
    assert result.stderr == (
        "Gestopt: er is geen organisatie 'buurthuis-de-lind'; maak"
        " content/organisaties/buurthuis-de-lind.md (sociale-kaart nieuw organisatie"
        " buurthuis-de-lind) of kies een bestaande (bedoelde u 'buurthuis-de-linde'?).\n"
    )
    result = nieuw("activiteit", "Koffie Vrijdag", "--organisatie", "buurthuis-de-linde")
    assert (result.exit_code, result.stderr) == (
        2,
        "Gestopt: 'Koffie Vrijdag' kan geen bestandsnaam zijn; gebruik kleine letters, cijfers"
        " en koppeltekens, zoals 'koffie-vrijdag'.\n",
    )
    assert not (content / "activiteiten" / "koffie.md").exists()
