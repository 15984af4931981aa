"""`sociale-kaart importeer hsds`: our own export round-trips to the same pages, the
official examples import, and bad input stops with the file and JSON path."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import build, check
from generator.cli import main
from generator.importer import ImportFailed, import_hsds
from generator.search.reference import read_index
from tests.conftest import MINIMAL_CONTENT
from tests.helpers import write_tree

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO.parent / "shared" / "hsds-3.0" / "examples"
EVERY_FIELD = REPO / "tests" / "fixtures" / "alle-velden"

# What HSDS cannot carry, so what differs after a round trip (docs/open-data.md says why):
# the wijk outlines of content/kaart/ (the map), the contact of a wijk (the wegwijzer's
# data) and the zoektermen of taxonomy terms (the search index).
CHECKED = dt.date(2026, 12, 1)
NOT_IN_HSDS = {"kaart/index.html", "wegwijzer/data.json"}
# The search index: its term lists and shards, compared by what they hold (_without_s).
INDEX_FILES = ("zoeken/index.json", "zoeken/index-tekst.json", "zoeken/kern/", "zoeken/tekst/")


def _without_index(tree: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in tree.items() if not name.startswith(INDEX_FILES)}


def _without_s(site: Path) -> dict[str, list[list[int]]]:
    """Every term's postings in every field but s (the taxonomy's zoektermen)."""
    index = read_index(site)
    s = index["fields"].index("s")
    rows = ([p for n, p in enumerate(row) if n != s] for row in index["postings"])
    return {term: row for term, row in zip(index["terms"], rows, strict=True) if any(row)}


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _round_trip(content: Path, export: str, tmp_path: Path) -> tuple[dict, dict]:
    original = tmp_path / "voor"
    build(content, original)
    again = tmp_path / "inhoud"
    again.mkdir()
    shutil.copy(content / "site.yaml", again / "site.yaml")  # the site's settings are no HSDS
    if (content / "paginas").is_dir():  # nor are its own pages
        shutil.copytree(content / "paginas", again / "paginas")
    report = import_hsds(original / export, again)
    assert report.warnings == () and report.placeholders == 0
    _, diags = check(again, today=CHECKED)  # pinned: the content's dates do not age here
    assert [d.format() for d in diags] == []
    build(again, tmp_path / "na")
    return _tree(original), _tree(tmp_path / "na")


@pytest.mark.parametrize("export", ["open-data/hsds", "open-data/hsds/csv"])
def test_the_example_site_round_trips_to_the_same_pages(tmp_path: Path, export: str) -> None:
    before, after = _round_trip(REPO / "content", export, tmp_path)
    assert _without_s(tmp_path / "voor") == _without_s(tmp_path / "na")
    before, after = _without_index(before), _without_index(after)
    assert set(before) == set(after)
    differ = {name for name in before if before[name] != after[name]}
    assert differ == NOT_IN_HSDS
    pages = [n for n in before if n.startswith(("activiteiten/", "organisaties/"))]
    assert len(pages) > 140 and not differ & set(pages)


def test_the_every_field_corpus_round_trips(tmp_path: Path) -> None:
    before, after = _round_trip(EVERY_FIELD, "open-data/hsds", tmp_path)
    assert _without_s(tmp_path / "voor") == _without_s(tmp_path / "na")
    before, after = _without_index(before), _without_index(after)
    differ = {name for name in before if before[name] != after[name]}
    assert differ <= NOT_IN_HSDS


def _minimal(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    write_tree(content, MINIMAL_CONTENT)
    return content


@pytest.mark.parametrize(
    ("example", "organisations", "activities"),
    [
        ("service_full.json", 1, 1),
        ("service_list.json", 1, 1),
        ("organization_full.json", 1, 1),
        ("organization_list.json", 1, 0),
        ("csv", 1, 1),
    ],
)
def test_the_official_examples_import(tmp_path, example, organisations, activities) -> None:
    content = _minimal(tmp_path)
    report = import_hsds(EXAMPLES / example, content)
    assert (report.organisations, report.activities) == (organisations, activities)
    assert report.placeholders == 2 * activities  # ladder and toegang: HSDS cannot say
    _, diags = check(content)
    assert diags.errors == []
    unfilled = [d.field for d in diags.warnings if "NOG INVULLEN" in d.message]
    assert unfilled == ["ladder", "toegang"] * activities


def test_what_our_rules_reject_is_left_out_and_named(tmp_path: Path) -> None:
    report = import_hsds(EXAMPLES / "service_full.json", _minimal(tmp_path))
    assert (
        "service_full.json: phones[0].number: '\"+44 1234 234567\"' is geen telefoonnummer;"
        " gebruik alleen cijfers, spaties en -; niet overgenomen"
    ) in report.warnings
    assert (
        "service_full.json: service_at_locations[0].location.latitude: [100, 101] ligt niet in"
        " Nederland of Caribisch Nederland; kijk de getallen na, zoals [53.3201, 6.8612] (eerst"
        " de breedtegraad, dan de lengtegraad); niet overgenomen"
    ) in report.warnings
    assert (
        "service_full.json: attributes[0]: de indeling 'taxonomy' kent deze site niet;"
        " niet overgenomen"
    ) in report.warnings


def test_a_placeholder_keeps_the_activity_off_the_site_until_it_is_filled(tmp_path) -> None:
    content = _minimal(tmp_path)
    import_hsds(EXAMPLES / "service_full.json", content)
    path = content / "activiteiten/community-counselling.md"
    text = path.read_text("utf-8")
    assert "ladder: NOG INVULLEN  # welke treden van de participatieladder? zoals [1, 2]" in text
    assert "toegang: NOG INVULLEN  # vrij, aanmelden, verwijzing of indicatie" in text
    site, diags = check(content)
    assert "community-counselling" not in {a.slug for a in site.activities}
    assert (
        "content/activiteiten/community-counselling.md:4: waarschuwing: ladder: is nog niet"
        " ingevuld (NOG INVULLEN); dit bestand staat pas op de site als alles is ingevuld"
    ) in [d.format().replace(str(tmp_path) + "/", "") for d in diags.warnings]
    text = text.replace("ladder: NOG INVULLEN", "ladder: [3]")
    path.write_text(text.replace("toegang: NOG INVULLEN", "toegang: aanmelden"), "utf-8")
    site, diags = check(content)
    assert "community-counselling" in {a.slug for a in site.activities}
    assert diags.errors == []


def test_invalid_input_names_file_and_json_path_and_writes_nothing(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "service_list.json").read_text("utf-8"))
    data["contents"][0]["name"] = 12
    data["contents"][0]["minimum_age"] = "twaalf"
    source = tmp_path / "services.json"
    source.write_text(json.dumps(data), "utf-8")
    content = _minimal(tmp_path)
    before = _tree(content)
    with pytest.raises(ImportFailed) as failed:
        import_hsds(source, content)
    assert failed.value.problems == [
        "services.json: contents[0].name: verwacht tekst, maar vond 12",
        "services.json: contents[0].minimum_age: verwacht een getal, maar vond 'twaalf'",
    ]
    assert _tree(content) == before


def test_nested_mistakes_are_named_by_path(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "service_full.json").read_text("utf-8"))
    data["phones"][0]["number"] = 612345678
    data["service_at_locations"][0]["location"]["latitude"] = "52,1"
    source = tmp_path / "dienst.json"
    source.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ImportFailed) as failed:
        import_hsds(source, _minimal(tmp_path))
    assert failed.value.problems == [
        "dienst.json: phones[0].number: verwacht tekst, maar vond 612345678",
        "dienst.json: service_at_locations[0].location.latitude: verwacht een getal,"
        " maar vond '52,1'",
    ]


def test_nothing_is_overwritten(tmp_path: Path) -> None:
    content = _minimal(tmp_path)
    import_hsds(EXAMPLES / "service_list.json", content)
    before = _tree(content)
    with pytest.raises(ImportFailed) as failed:
        import_hsds(EXAMPLES / "service_list.json", content)
    assert all(
        p.endswith("bestaat al; het importeren overschrijft niets") for p in failed.value.problems
    )
    assert _tree(content) == before


def test_the_command_reports_and_exits(tmp_path: Path) -> None:
    content = _minimal(tmp_path)
    runner = CliRunner()
    done = runner.invoke(
        main, ["importeer", "hsds", str(EXAMPLES / "service_list.json"), "--naar", str(content)]
    )
    assert done.exit_code == 0, done.output
    assert done.output.splitlines()[-2] == (
        f"Overgenomen: 1 organisatie, 1 activiteit in {content}/ (0 waarschuwingen,"
        " 2 keer NOG INVULLEN)."
    )
    again = runner.invoke(
        main, ["importeer", "hsds", str(EXAMPLES / "service_list.json"), "--naar", str(content)]
    )
    assert again.exit_code == 1
    assert again.output.splitlines()[-1] == (
        f"Gestopt: 2 problemen; er is niets geschreven in {content}/."
    )
    missing = runner.invoke(
        main, ["importeer", "hsds", str(tmp_path / "nergens"), "--naar", str(content)]
    )
    assert missing.exit_code == 1
    assert "dit bestand of deze map bestaat niet" in missing.output
