"""Open data: the HSDS 3.0 export against the official schemas, the tabular form, the
spreadsheets, the calendar, the GeoJSON and the /open-data/ page.

The official schemas are read from ../shared/hsds-3.0/ (see its README).
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path

import geojson
import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from generator import opendata, urls
from generator.build import build, check
from generator.cli import main
from generator.opendata import api, spreadsheet, tabular
from generator.opendata.page import size
from generator.opendata.services import ServiceRecords
from generator.opendata.validate import Schemas, check_files, check_output
from generator.schema import ACTIVITY, ORGANISATION, PAGINA, SITE, TERM, WIJK

REPO = Path(__file__).resolve().parent.parent
HSDS = REPO.parent / "shared" / "hsds-3.0"
SCHEMAS = HSDS / "schema"
EVERY_FIELD = REPO / "tests" / "fixtures" / "alle-velden"


@pytest.fixture(scope="module")
def every_field_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("alle-velden") / "out"
    build(EVERY_FIELD, out)
    return out


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    assert SCHEMAS.is_dir(), f"the official HSDS schemas are missing: {SCHEMAS}"
    return Schemas(SCHEMAS)


def _json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


# --- HSDS JSON ---------------------------------------------------------------


def test_every_hsds_file_of_the_example_site_is_valid(example_site: Path) -> None:
    hsds = example_site / "open-data/hsds"
    assert len(list((hsds / "services").glob("*.json"))) == 111
    assert len(list((hsds / "organizations").glob("*.json"))) == 29
    assert check_output(example_site, SCHEMAS) == []


def test_every_hsds_file_of_the_every_field_corpus_is_valid(every_field_site: Path) -> None:
    assert check_output(every_field_site, SCHEMAS) == []


def test_the_validation_finds_a_broken_file(every_field_site: Path, schemas: Schemas) -> None:
    """The check can fail: a service without a name, a phone number that is no text."""
    service = _service(every_field_site, "koffie")
    del service["name"]
    service["phones"][0]["number"] = 612345678
    service["url"] = "geen adres"
    problems = schemas.api_file("services/x.json", service)
    assert "(het hele bestand): 'name' is a required property" in problems
    assert "phones[0].number: 612345678 is not of type 'string'" in problems
    assert "url: 'geen adres' is not a 'uri'" in problems
    page = _json(every_field_site / "open-data/hsds/services.json")
    page["contents"][1]["status"] = "open"
    found = schemas.api_file("services.json", page)
    assert found == ["contents[1].status: 'open' is not one of "
                     "['active', 'inactive', 'defunct', 'temporarily closed']"]  # fmt: skip


def test_the_every_field_corpus_uses_every_field() -> None:
    """So that the validity test above covers every field the content can have."""
    text = "\n".join(p.read_text("utf-8") for p in EVERY_FIELD.rglob("*.*"))

    def names(table: dict) -> set[str]:
        found = set(table)
        for field in table.values():
            found |= names(field.fields) if field.fields else set()
        return found

    every = names(SITE) | names(ACTIVITY) | names(ORGANISATION) | names(TERM) | names(WIJK)
    every |= names(PAGINA)
    # kaart.achtergrond takes pmtiles or tegels, not both; tests/test_kaart_achtergrond.py
    # builds with tegels.
    missing = sorted(n for n in every - {"tegels"} if f"{n}:" not in text)
    assert missing == []


def test_ids_are_uuid5_of_the_public_address(every_field_site: Path) -> None:
    base = "https://kaart.alleveld.example/"
    expected = str(uuid.uuid5(uuid.NAMESPACE_URL, base + "activiteiten/koffie"))
    service = _json(every_field_site / f"open-data/hsds/services/{expected}.json")
    assert service["name"] == "Koffieochtend De Linde"
    org = str(uuid.uuid5(uuid.NAMESPACE_URL, base + "organisaties/buurthuis"))
    assert service["organization_id"] == org == service["organization"]["id"]


def test_ids_differ_between_municipalities(minimal_content, tmp_path: Path) -> None:
    first = minimal_content()
    site_a, _ = check(first)
    other = minimal_content(
        {"site.yaml": (first / "site.yaml").read_text().replace("proefdorp.nl", "ander.nl")}
    )
    site_b, _ = check(other)
    from generator.opendata.records import Records

    assert Records(site_a).ids.activity("koffie") != Records(site_b).ids.activity("koffie")


def _service(site_dir: Path, slug: str) -> dict:
    base = _json(site_dir / "open-data/hsds/index.json")["profile"].split("open-data/")[0]
    sid = uuid.uuid5(uuid.NAMESPACE_URL, base + "activiteiten/" + slug)
    return _json(site_dir / f"open-data/hsds/services/{sid}.json")


def test_the_service_holds_every_fact_of_the_activity(every_field_site: Path) -> None:
    koffie = _service(every_field_site, "koffie")
    codes = {}
    for attribute in koffie["attributes"]:
        codes.setdefault(attribute["link_type"], []).append(
            attribute.get("value") or attribute["taxonomy_term"]["code"]
        )
    assert codes["doelgroep"] == ["ouderen"]
    assert codes["trede"] == ["1", "2"]
    assert codes["toegang"] == ["vrij"]
    assert codes["soort"] == ["ontmoeting"]
    assert codes["wijk"] == ["centrum"]
    assert codes["vorm"] == ["groep"]
    assert codes["zoekterm"] == ["kopje koffie", "praatje"]
    assert len(codes["partner"]) == 1
    assert koffie["minimum_age"] == 55 and "maximum_age" not in koffie
    assert koffie["assured_date"] == "2026-09-01"
    assert [lang["code"] for lang in koffie["languages"]] == ["nl", "ar"]
    assert koffie["cost_options"][0]["amount"] == 1.5
    assert koffie["cost_options"][0]["currency"] == "EUR"
    monthly = koffie["schedules"][1]
    assert (monthly["freq"], monthly["byday"]) == ("MONTHLY", "1SA,-1SA")
    assert koffie["schedules"][0]["notes"] == (
        "niet in de zomervakantie\nGesloten op: 2026-12-24, 2026-12-31"
    )
    first, second = (s["location"] for s in koffie["service_at_locations"])
    assert (first["latitude"], first["longitude"]) == (52.0907, 5.1214)
    assert first["addresses"][0]["state_province"] == "Utrecht"
    assert first["accessibility"][0]["description"] == "Toegankelijk met een rolstoel."
    assert second["name"] == "Kerkzaal Noord"
    assert (second["addresses"][0]["city"], second["addresses"][0]["address_1"]) == ("Alleveld", "")
    jobcoach = _service(every_field_site, "jobcoach")
    assert jobcoach["application_process"] == "Je huisarts of het wijkteam meldt je aan."
    assert jobcoach["cost_options"][0]["amount"] == 0
    assert [p["description"] for p in jobcoach["phones"]] == ["Aanmelden"]
    assert jobcoach["schedules"][0]["description"] == "op afspraak"
    fortnightly = _service(every_field_site, "wandelen")["schedules"][0]
    assert (fortnightly["interval"], fortnightly["dtstart"]) == (2, "2026-01-07")


def test_taxonomies_cover_every_list_and_the_ladder(every_field_site: Path) -> None:
    names = [
        t["name"] for t in _json(every_field_site / "open-data/hsds/taxonomies.json")["contents"]
    ]
    assert names == [
        "Doelgroepen", "Leefgebieden", "Wijken", "Soorten aanbod", "Verwijzers",
        "Participatieladder", "Toegang", "Vorm", "Kenmerken",
    ]  # fmt: skip
    terms = _json(every_field_site / "open-data/hsds/taxonomy_terms.json")["contents"]
    ladder = [t["code"] for t in terms if t["taxonomy"] == "Participatieladder"]
    assert ladder == ["1", "2", "3", "4", "5", "6"]


def test_the_api_root_names_version_profile_and_licence(every_field_site: Path) -> None:
    root = _json(every_field_site / "open-data/hsds/index.json")
    assert root["version"] == "3.0"
    assert root["profile"] == "https://kaart.alleveld.example/open-data/#profiel"
    assert root["license"] == "https://spdx.org/licenses/CC-BY-4.0.html"


# --- the tabular form --------------------------------------------------------


def test_the_columns_are_those_of_the_official_tabular_schema() -> None:
    official = _json(SCHEMAS / "compiled/tabular.json")["properties"]
    for table, (file, columns) in tabular.TABLES.items():
        item = official[table]["items"]
        scalar = [
            k for k, v in item["properties"].items() if v.get("type") not in ("array", "object")
        ]
        assert (file, columns) == (item["path"], tuple(scalar)), table
        numbers = {k for k in columns if item["properties"][k]["type"] == "number"}
        assert numbers == tabular.NUMBERS & set(columns), table


def test_the_tabular_form_is_valid(example_site: Path, every_field_site: Path) -> None:
    for site_dir in (example_site, every_field_site):
        csv_dir = site_dir / "open-data/hsds/csv"
        files = {f"csv/{f.name}": f.read_bytes() for f in csv_dir.iterdir()}
        assert check_files(files, SCHEMAS) == []


def test_the_tabular_form_finds_a_missing_link(every_field_site: Path) -> None:
    csv_dir = every_field_site / "open-data/hsds/csv"
    text = (csv_dir / "services.csv").read_bytes().decode("utf-8")
    header, first, *rest = text.split("\r\n")
    broken = first.split(",", 2)
    broken[1] = ""  # organization_id
    files = {"csv/services.csv": "\r\n".join([header, ",".join(broken), *rest]).encode()}
    assert check_files(files, SCHEMAS) == [
        "open-data/hsds/csv/services.csv: rij 2: organization_id ontbreekt"
    ]


def test_every_link_between_tables_points_to_a_row(every_field_site: Path) -> None:
    csv_dir = every_field_site / "open-data/hsds/csv"
    rows = {
        f.stem: list(csv.DictReader(io.StringIO(f.read_text("utf-8"))))
        for f in csv_dir.glob("*.csv")
    }
    ids = {table: {r["id"] for r in found} for table, found in rows.items()}
    links = {
        "organization_id": "organizations", "service_id": "services",
        "location_id": "locations", "taxonomy_term_id": "taxonomy_terms",
        "taxonomy_id": "taxonomies",
    }  # fmt: skip
    checked = 0
    for found in rows.values():
        for row in found:
            for column, table in links.items():
                if row.get(column):
                    assert row[column] in ids[table], (column, row)
                    checked += 1
    assert checked > 50
    package = _json(csv_dir / "datapackage.json")
    assert {r["path"] for r in package["resources"]} == {f.name for f in csv_dir.glob("*.csv")}
    assert package["licenses"][0]["name"] == "CC-BY-4.0"


# --- spreadsheets, calendar, GeoJSON -----------------------------------------


def _spreadsheet(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_the_spreadsheet_has_one_row_per_activity(example_site: Path) -> None:
    rows = _spreadsheet(example_site / "open-data/activiteiten.csv")
    assert len(rows) == 111
    first = rows[0]
    assert list(first)[:4] == ["Titel", "Adres op de site", "Code", "Organisatie"]
    assert all(r["Adres op de site"].startswith("https://") for r in rows)
    organisations = _spreadsheet(example_site / "open-data/organisaties.csv")
    assert len(organisations) == 29
    assert sum(int(o["Aantal activiteiten"]) for o in organisations) >= 111


def test_a_formula_in_the_content_stays_text(minimal_content, tmp_path: Path) -> None:
    from tests.conftest import buurthuis_activity

    content = minimal_content(
        {"activiteiten/som.md": buurthuis_activity("'=HYPERLINK(\"https://x.example\")'")}
    )
    build(content, tmp_path / "out")
    rows = _spreadsheet(tmp_path / "out/open-data/activiteiten.csv")
    titles = [r["Titel"] for r in rows]
    assert '\'=HYPERLINK("https://x.example")' in titles


def test_a_number_is_no_formula() -> None:
    from generator.opendata.spreadsheet import _safe

    cells = ["-68,2", "-1", "+31 6 1234", "-x", "@a"]
    assert [_safe(c) for c in cells] == ["-68,2", "-1", "'+31 6 1234", "'-x", "'@a"]


def test_the_calendar_has_every_time_slot(example_site: Path) -> None:
    site, _ = check(REPO / "content")
    cal = Calendar.from_ical((example_site / "open-data/agenda.ics").read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == sum(len(a.tijden) for a in site.activities) > 60
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert len(cal.walk("VTIMEZONE")) == 1


def test_the_geojson_has_every_place_with_coordinates(example_site: Path) -> None:
    site, _ = check(REPO / "content")
    data = geojson.loads((example_site / "open-data/locaties.geojson").read_text("utf-8"))
    assert data.is_valid, data.errors()
    points = {tuple(f["geometry"]["coordinates"]) for f in data["features"]}
    expected = {
        (p.coordinaten[1], p.coordinaten[0])
        for a in site.activities
        for p in a.places
        if p.coordinaten
    } | {
        (o.adres.coordinaten[1], o.adres.coordinaten[0])
        for o in site.organisations
        if o.adres.coordinaten
    }
    assert points == expected
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 50.7 < lat < 53.6 and 3.3 < lon < 7.3, "RFC 7946 order: longitude first"
        assert feature["properties"]["activiteiten"] or feature["properties"]["organisaties"]
    titles = {a["titel"] for f in data["features"] for a in f["properties"]["activiteiten"]}
    assert titles == {a.titel for a in site.activities if any(p.coordinaten for p in a.places)}


# --- the page, the licence and the command -----------------------------------


def test_the_page_lists_every_download_with_its_size(example_site: Path) -> None:
    html = (example_site / "open-data/index.html").read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    rows = soup.select("table.downloads tbody tr")
    linked = 0
    for row in rows:
        link = row.select_one("a")
        if link is None:
            continue
        target = (example_site / "open-data" / link["href"]).resolve()
        assert target.is_file(), link["href"]
        assert row.select_one(".grootte").get_text() == size(target.stat().st_size)
        linked += 1
    csv_files = list((example_site / "open-data/hsds/csv").glob("*"))
    assert linked == 4 + 5 + len(csv_files)
    assert "CC0-1.0" in soup.select_one("#licentie + p").get_text()
    home = BeautifulSoup((example_site / "index.html").read_text("utf-8"), "html.parser")
    assert home.select_one('footer a[href="open-data/"]').get_text() == "Open data"


def test_sizes_read_as_dutch() -> None:
    assert [size(850), size(12_400), size(1_940_000)] == ["850 bytes", "12 kB", "1,9 MB"]


def test_a_licence_is_checked_and_spelled_officially(minimal_content) -> None:
    from tests.conftest import MINIMAL_CONTENT

    site_yaml = MINIMAL_CONTENT["site.yaml"]
    site, _ = check(minimal_content({"site.yaml": site_yaml + "licentie: cc-by-sa-4.0\n"}))
    assert site.config.licentie == "CC-BY-SA-4.0"
    from generator.diagnostics import BuildFailed

    with pytest.raises(BuildFailed) as failed:
        check(minimal_content({"site.yaml": site_yaml + "licentie: CC-BY-4\n"}))
    messages = [d.message for d in failed.value.diagnostics.errors]
    assert messages == ["'CC-BY-4' is geen bekende licentie (bedoelde u 'CC-BY-4.0'?)"]


def test_check_open_data_validates_against_the_schemas(minimal_content) -> None:
    from click.testing import CliRunner

    minimal_content()
    result = CliRunner().invoke(main, ["check", "--open-data", str(SCHEMAS)])
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[-1]
        == "Open data: alle 19 HSDS-bestanden kloppen met de schema's."
    )
    wrong = CliRunner().invoke(main, ["check", "--open-data", str(HSDS / "examples")])
    assert wrong.exit_code == 2


# --- Large files, written in pieces ------------------------------------------------------


def test_the_spreadsheets_come_in_pieces_with_the_same_bytes(
    example_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large spreadsheet is written a few hundred rows at a time: the same file."""
    site, _ = check(REPO / "content")
    monkeypatch.setattr(spreadsheet, "ROWS_PER_PIECE", 7)
    for path, make in (
        (urls.SPREADSHEET_ACTIVITIES, spreadsheet.activities),
        (urls.SPREADSHEET_ORGANISATIONS, spreadsheet.organisations),
    ):
        pieces = list(make(site))
        assert len(pieces) >= 4
        assert b"".join(pieces) == (example_site / path).read_bytes()


@pytest.mark.parametrize("count", [0, 1, 3])
def test_a_list_written_item_by_item_is_the_same_json(count: int) -> None:
    items = [
        {"id": str(n), "name": f"Dienst {n} é", "nested": {"a": [n, None]}} for n in range(count)
    ]
    pieces = list(opendata._json_chunks(api.Listing(iter(items), count)))
    assert len(pieces) == count + 2
    assert b"".join(pieces) == opendata._json(api.page(items))


def test_the_services_list_is_the_same_as_one_made_at_once(example_site: Path) -> None:
    site, _ = check(REPO / "content")
    records = ServiceRecords(site)
    whole = api.page([records.service(a, nested=False) for a in site.activities])
    assert (example_site / "open-data/hsds/services.json").read_bytes() == opendata._json(whole)
