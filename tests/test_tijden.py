"""Opening times (`tijden`, `periode`, `gesloten`): Dutch text, agenda.ics, JSON-LD.

The calendar files are read back with the icalendar library's own parser, and their
rules are expanded with dateutil (which icalendar uses) to the real dates.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from dateutil.rrule import rrulestr
from icalendar import Calendar

from generator.build import build
from generator.search.reference import read_columns
from tests.test_validation import failure

TIMES = (
    "tijden:\n"
    "  - dagen: [di, do]\n"
    "    van: 10:00\n"  # unquoted: YAML 1.1 would read 600
    "    tot: 12:00\n"
    "  - dagen: [za]\n"
    "    van: 9.30\n"
    "    tot: 11.00\n"
    "    weken: [1, -1]\n"
    "    let_op: niet in juli\n"
    "  - dagen: [wo]\n"
    "    van: 19:00\n"
    "    tot: 21:00\n"
    "    om_de_week: true\n"
    "    vanaf: 2026-09-02\n"
    "periode: {van: 2026-09-01, tot: 2026-12-31}\n"
    "gesloten: [2026-12-24, 2026-12-29]\n"
    "wanneer: Ook op afspraak\n"
)


def activity(extra: str) -> str:
    return (
        "---\ntitel: Inloop\norganisatie: buurthuis\nladder: [2]\ntoegang: vrij\n"
        "kosten: gratis\nlocatie: Buurthuis De Linde\ngecontroleerd: 2026-11-01\n"
        f"{extra}---\nKom langs.\n"
    )


@pytest.fixture
def site(minimal_content, tmp_path: Path) -> Path:
    content = minimal_content({"activiteiten/inloop.md": activity(TIMES)})
    build(content, tmp_path / "out")
    return tmp_path / "out"


def test_times_read_as_plain_dutch_on_the_page(site: Path) -> None:
    soup = BeautifulSoup(
        (site / "activiteiten/inloop/index.html").read_text("utf-8"), "html.parser"
    )
    when = soup.find("dt", string="Wanneer").find_next("dd")
    assert list(when.stripped_strings) == [
        "Elke dinsdag en donderdag van 10.00 tot 12.00 uur",
        "De 1e en laatste zaterdag van de maand, van 9.30 tot 11.00 uur (niet in juli)",
        "Om de week op woensdag van 19.00 tot 21.00 uur (vanaf 2 september 2026)",
        "Van 1 september 2026 tot en met 31 december 2026",
        "Ook op afspraak",
        "Niet op 24 december 2026 en 29 december 2026",
    ]
    assert soup.select_one("p.agenda a")["href"] == "agenda.ics"


def test_a_range_of_days_reads_as_van_tot_en_met(minimal_content, tmp_path) -> None:
    week = "tijden:\n  - dagen: [vr, ma, wo, di, do]\n    van: 09:00\n    tot: 17:00\n"
    build(minimal_content({"activiteiten/inloop.md": activity(week)}), tmp_path / "out")
    page = (tmp_path / "out/activiteiten/inloop/index.html").read_text("utf-8")
    assert "Van maandag tot en met vrijdag, van 9.00 tot 17.00 uur" in page
    every = "tijden:\n  - dagen: [zo, ma, di, wo, do, vr, za]\n    van: 9:00\n    tot: 10:00\n"
    build(minimal_content({"activiteiten/inloop.md": activity(every)}), tmp_path / "out")
    page = (tmp_path / "out/activiteiten/inloop/index.html").read_text("utf-8")
    assert "Elke dag van 9.00 tot 10.00 uur" in page


def _dates(event, count: int) -> list[dt.date]:
    start = event.decoded("dtstart")
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
    exdates = event.get("exdate", [])
    lists = exdates if isinstance(exdates, list) else [exdates]
    skipped = {d.dt.date() for x in lists for d in x.dts}
    return [d.date() for d in rule[: count + len(skipped)] if d.date() not in skipped][:count]


def test_agenda_ics_round_trips_through_icalendar(site: Path) -> None:
    cal = Calendar.from_ical((site / "activiteiten/inloop/agenda.ics").read_bytes())
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert [str(tz["comment"]) for tz in cal.walk("VTIMEZONE")] == [
        "Deze tijdzone geldt van 2026-01-01 tot 2036-01-01."  # in Dutch, as all the file says
    ]
    weekly, monthly, fortnightly = cal.walk("VEVENT")
    assert {str(e["summary"]) for e in (weekly, monthly, fortnightly)} == {"Inloop"}
    assert weekly.decoded("dtstart") == dt.datetime(
        2026, 9, 1, 10, 0, tzinfo=weekly.decoded("dtstart").tzinfo
    )
    assert str(weekly.decoded("dtstart").tzinfo) == "Europe/Amsterdam"
    assert weekly["rrule"]["FREQ"] == ["WEEKLY"] and weekly["rrule"]["BYDAY"] == ["TU", "TH"]
    # The season ends on 31 December; the 24th (a Thursday) and the 29th are skipped.
    assert _dates(weekly, 40)[-4:] == [
        dt.date(2026, 12, 15),
        dt.date(2026, 12, 17),
        dt.date(2026, 12, 22),
        dt.date(2026, 12, 31),
    ]
    assert _dates(monthly, 4) == [
        dt.date(2026, 9, 5),
        dt.date(2026, 9, 26),
        dt.date(2026, 10, 3),
        dt.date(2026, 10, 31),
    ]
    assert _dates(fortnightly, 3) == [
        dt.date(2026, 9, 2),
        dt.date(2026, 9, 16),
        dt.date(2026, 9, 30),
    ]
    assert str(monthly["location"]) == "Buurthuis De Linde"


def test_json_ld_has_the_weekly_opening_hours(site: Path) -> None:
    soup = BeautifulSoup(
        (site / "activiteiten/inloop/index.html").read_text("utf-8"), "html.parser"
    )
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["hoursAvailable"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Tuesday", "https://schema.org/Thursday"],
            "opens": "10:00",
            "closes": "12:00",
            "validFrom": "2026-09-01",
            "validThrough": "2026-12-31",
        }
    ]


def test_without_tijden_there_is_no_agenda(minimal_content, tmp_path) -> None:
    build(minimal_content(), tmp_path / "out")
    assert not list((tmp_path / "out" / "activiteiten").rglob("agenda.ics"))
    assert "agenda.ics" not in (tmp_path / "out/activiteiten/koffie/index.html").read_text()


def test_the_same_times_read_the_same_in_search_and_the_handout(site: Path) -> None:
    wegwijzer = json.loads((site / "wegwijzer/data.json").read_text("utf-8"))
    entry = next(e for e in wegwijzer["activiteiten"] if e["slug"] == "inloop")
    handout = next(f for f in entry["feiten"] if f["label"] == "Wanneer")["delen"][0]["tekst"]
    columns = read_columns(site)
    card = columns["wanneer"][columns["url"].index("activiteiten/inloop/")]
    assert handout.startswith(card)
    assert handout.endswith("Niet op 24 december 2026 en 29 december 2026")


@pytest.mark.parametrize(
    ("item", "line", "expected"),
    [
        ("  - dagen: [dinsdag]\n    van: 10:00\n    tot: 12:00\n", 10,
         "tijden[1].dagen[1]: 'dinsdag' is geen dag; schrijf 'di' (dagen: 'ma', 'di', 'wo', 'do',"
         " 'vr', 'za' of 'zo')"),
        ("  - dagen: [di]\n    van: 10:00\n    tot: 24:00\n", 12,
         "tijden[1].tot: '24:00' is geen tijd; schrijf bijvoorbeeld 10:00"),
        ("  - dagen: [di]\n    van: 12:00\n    tot: 12:00\n", 12,
         "tijden[1].tot: de eindtijd 12:00 is niet later dan de begintijd 12:00; kijk van en tot"
         " na"),
        ("  - dagen: [di]\n    van: 10:00\n    tot: 12:00\n    weken: [0]\n", 13,
         "tijden[1].weken[1]: '0' kan niet; kies 1 tot en met 5, of -1 voor de laatste"),
        ("  - dagen: [di]\n    van: 10:00\n    tot: 12:00\n    vanaf: 2026-09-01\n", 13,
         "tijden[1].vanaf: vanaf is alleen nodig bij om de week; zet 'om_de_week: true' erbij,"
         " of haal vanaf weg"),
        ("  - dagen: [di]\n    van: 10:00\n    tot: 12:00\n    om_de_week: true\n"
         "    vanaf: 2026-09-02\n", 14,
         "tijden[1].vanaf: 2026-09-02 is een woensdag; kies een datum op een dinsdag"),
        ("  - dagen: [di]\n    van: 10:00\n    tot: 12:00\n    om_de_week: ja graag\n", 13,
         "tijden[1].om_de_week: verwacht true of false, maar vond 'ja graag'"),
    ],
)  # fmt: skip
def test_bad_times_are_errors_with_their_line(minimal_content, item, line, expected) -> None:
    content = minimal_content({"activiteiten/inloop.md": activity("tijden:\n" + item)})
    assert failure(content) == [f"content/activiteiten/inloop.md:{line}: {expected}"]


def test_bad_gesloten_dates_are_errors(minimal_content) -> None:
    content = minimal_content({"activiteiten/inloop.md": activity("gesloten: [2026-02-30]\n")})
    assert failure(content) == [
        "content/activiteiten/inloop.md:9: gesloten[1]: '2026-02-30' is geen bestaande datum"
    ]
