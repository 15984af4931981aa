"""The wegwijzer's Python reference (match, outcome) and the files the build writes for it.

The browser applies the same rules (tests/test_wegwijzer_browser.py compares the two);
these tests pin the rules themselves on a small fixture tree where every tie is known.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import wegwijzer
from generator.build import build, check
from generator.wegwijzer import match, outcome, rung_from_answers
from tests.helpers import write_tree

RECENT = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=30)).isoformat()

LEEFGEBIEDEN = [
    ("inkomen", "Inkomen"),
    ("werk", "Werk"),
    ("scholing", "Scholing"),
    ("huisvesting", "Huisvesting"),
    ("gezondheid", "Gezondheid"),
    ("sociale-contacten", "Sociale contacten"),
    ("opvoeding", "Opvoeding"),
]


def _taxonomy() -> str:
    lines = ["doelgroepen:"]
    lines += [
        "  - id: ouderen",
        "    naam: Ouderen",
        "    omschrijving: Inwoners van 65 jaar en ouder.",
    ]
    lines += ["  - id: jongeren", "    naam: Jongeren"]
    lines += ["leefgebieden:"]
    for term_id, naam in LEEFGEBIEDEN:
        lines += [f"  - id: {term_id}", f"    naam: {naam}"]
    lines += ["wijken:", "  - id: noord", "    naam: Noord", "  - id: zuid", "    naam: Zuid"]
    return "\n".join(lines) + "\n"


def _org(naam: str, extra: str = "") -> str:
    return f"---\nnaam: {naam}\n{extra}gecontroleerd: {RECENT}\n---\nOver {naam}.\n"


def _act(
    titel: str, org: str, ladder: str, toegang: str, leefgebieden: str, extra: str = ""
) -> str:
    return (
        f"---\ntitel: {titel}\norganisatie: {org}\nladder: {ladder}\ntoegang: {toegang}\n"
        f"leefgebieden: {leefgebieden}\n{extra}gecontroleerd: {RECENT}\n---\nOver {titel}.\n"
    )


# Every tie in the ordering rules has a case here (see the comments).
CONTENT: dict[str, str] = {
    "site.yaml": (
        "titel: Sociale Kaart Proefstad\ngemeente: Proefstad\n"
        "basis_url: https://kaart.proefstad.example/\n"
        "wegwijzer:\n  drempel: 4\n  contact: wijkteam\n"
    ),
    "taxonomie.yaml": _taxonomy(),
    "organisaties/wijkteam.md": _org(
        "Sociaal Wijkteam Proefstad",
        "telefoon: 0123 45 00 00\nemail: wijkteam@proefstad.example\n"
        "adres:\n  straat: Marktplein 1\n  postcode: 1234 AB\n  plaats: Proefstad\n",
    ),
    "organisaties/buurthuis.md": _org(
        "Buurthuis Het Anker", "telefoon: 0123 45 11 11\nemail: info@anker.example\n"
    ),
    "organisaties/stichting.md": _org("Stichting Op Weg"),
    # Same title as z-koffie, other case: the slug decides.
    "activiteiten/a-koffie.md": _act(
        "Koffie-ochtend",
        "buurthuis",
        "[1, 2]",
        "vrij",
        "[sociale-contacten]",
        "wanneer: Elke dinsdag van 10.00 tot 12.00 uur\nlocatie: Het Anker, Dorpsstraat 3\n",
    ),
    "activiteiten/z-koffie.md": _act(
        "koffie-ochtend", "buurthuis", "[1]", "vrij", "[sociale-contacten]", "wijken: [zuid]\n"
    ),
    # Lower case title sorts among the others case-insensitively.
    "activiteiten/b-wandelen.md": _act(
        "wandelgroep",
        "buurthuis",
        "[2, 3]",
        "vrij",
        "[gezondheid, sociale-contacten]",
        "doelgroepen: [ouderen]\nwijken: [noord]\n",
    ),
    "activiteiten/c-atelier.md": _act(
        "Atelier", "buurthuis", "[2]", "aanmelden", "[sociale-contacten]", "wijken: [zuid]\n"
    ),
    "activiteiten/d-schuld.md": _act(
        "Schuldhulp",
        "wijkteam",
        "[1, 2, 3, 4, 5, 6]",
        "verwijzing",
        "[inkomen]",
        "contact:\n  naam: Fatima (schuldhulp)\n  telefoon: 0123 45 00 01\n",
    ),
    "activiteiten/e-dagbesteding.md": _act(
        "Dagbesteding",
        "stichting",
        "[1, 2]",
        "indicatie",
        "[gezondheid, sociale-contacten, werk]",
    ),
    "activiteiten/f-taal.md": _act(
        "Taalcafé", "buurthuis", "[3]", "vrij", "[scholing, sociale-contacten]"
    ),
    "activiteiten/g-vrijwilligers.md": _act(
        "Vrijwilligerswerk met begeleiding",
        "stichting",
        "[3, 4]",
        "aanmelden",
        "[werk, sociale-contacten]",
        "doelgroepen: [jongeren]\n",
    ),
    "activiteiten/h-jobcoach.md": _act("Jobcoaching", "wijkteam", "[4, 5]", "verwijzing", "[werk]"),
    "activiteiten/i-ondernemers.md": _act(
        "Ondernemerscafé", "buurthuis", "[6]", "vrij", "[werk, inkomen]", "kosten: € 5 per keer\n"
    ),
    "activiteiten/j-opvoeden.md": _act(
        "Opvoedsteunpunt",
        "wijkteam",
        "[2, 3]",
        "aanmelden",
        "[opvoeding]",
        "doelgroepen: [ouderen, jongeren]\nwijken: [noord]\n",
    ),
}


def make_content(root: Path, files: dict[str, str] | None = None) -> Path:
    """The fixture tree (plus `files` on top) under root/content."""
    return write_tree(root / "content", {**CONTENT, **(files or {})})


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = make_content(tmp_path_factory.mktemp("wegwijzer"))
    return check(content)[0]


def slugs(activities) -> list[str]:
    return [a.slug for a in activities]


# --- match: which activities ----------------------------------------------------------


def test_past_nu_holds_the_rung_and_volgende_stap_the_next_rung_only(site):
    now, nxt = match(site, [], 3)
    assert slugs(now) == ["f-taal", "b-wandelen", "j-opvoeden", "g-vrijwilligers", "d-schuld"]
    # Rung 4, but not 3: g-vrijwilligers and d-schuld are already in "past nu".
    assert slugs(nxt) == ["h-jobcoach"]


def test_empty_answers_filter_nothing(site):
    now, nxt = match(site, [], 1)
    # vrij (a-koffie before z-koffie: same title apart from case, slug decides),
    # then verwijzing, then indicatie.
    assert slugs(now) == ["a-koffie", "z-koffie", "d-schuld", "e-dagbesteding"]
    # Rung 2 but not rung 1, in toegang order, titles case-insensitive.
    assert slugs(nxt) == ["b-wandelen", "c-atelier", "j-opvoeden"]


def test_leefgebieden_must_share_one_and_more_shared_comes_first(site):
    now, _ = match(site, ["gezondheid", "sociale-contacten"], 2)
    # vrij: b-wandelen shares 2, a-koffie 1; aanmelden: c-atelier;
    # indicatie: e-dagbesteding (shares 2, but toegang goes first).
    assert slugs(now) == ["b-wandelen", "a-koffie", "c-atelier", "e-dagbesteding"]
    now, _ = match(site, ["inkomen"], 2)
    assert slugs(now) == ["d-schuld"]


def test_shared_count_beats_the_title_within_one_toegang(site):
    now, _ = match(site, ["gezondheid", "sociale-contacten"], 3)
    # Both vrij: wandelgroep shares 2, Taalcafé 1, so "w" comes before "T" here.
    assert slugs(now) == ["b-wandelen", "f-taal", "g-vrijwilligers"]


def test_doelgroep_matches_its_own_and_activities_open_to_everyone(site):
    now, _ = match(site, [], 3, doelgroepen=["ouderen"])
    # Both vrij and sharing nothing: b-wandelen names ouderen, so it comes before f-taal
    # (for everyone), although "T" sorts before "w".
    assert slugs(now) == ["b-wandelen", "f-taal", "j-opvoeden", "d-schuld"]
    assert "g-vrijwilligers" not in slugs(now)  # jongeren only
    now, _ = match(site, [], 3, doelgroepen=["ouderen", "jongeren"])
    assert "g-vrijwilligers" in slugs(now)


def test_wijk_matches_that_wijk_and_activities_without_wijken(site):
    now, _ = match(site, [], 2, wijk="zuid")
    assert slugs(now) == ["a-koffie", "c-atelier", "d-schuld", "e-dagbesteding"]
    now, _ = match(site, [], 2, wijk="noord")
    # Both vrij: b-wandelen is in noord, a-koffie is for the whole municipality.
    assert slugs(now) == ["b-wandelen", "a-koffie", "j-opvoeden", "d-schuld", "e-dagbesteding"]


def test_all_filters_together(site):
    now, nxt = match(site, ["sociale-contacten", "werk"], 2, ["jongeren"], "zuid")
    assert slugs(now) == ["a-koffie", "c-atelier", "e-dagbesteding"]
    assert slugs(nxt) == ["f-taal", "g-vrijwilligers"]


def test_rung_6_has_no_next_step(site):
    now, nxt = match(site, [], 6)
    assert slugs(now) == ["i-ondernemers", "d-schuld"]
    assert nxt == []


def test_rung_5_next_step_is_rung_6(site):
    now, nxt = match(site, [], 5)
    assert slugs(now) == ["h-jobcoach", "d-schuld"]
    assert slugs(nxt) == ["i-ondernemers"]


def test_no_match_gives_empty_lists(site):
    assert match(site, ["huisvesting"], 2) == ([], [])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((["onbekend"], 2), "onbekende leefgebieden: onbekend"),
        (([], 0), "trede 0 bestaat niet"),
        (([], 7), "trede 7 bestaat niet"),
        (([], 2, ["kinderen"]), "onbekende doelgroepen: kinderen"),
        (([], 2, (), "west"), "onbekende wijken: west"),
    ],
)
def test_unknown_answers_are_an_error_not_an_empty_result(site, args, message):
    with pytest.raises(ValueError, match=message):
        match(site, *args)


# --- outcome --------------------------------------------------------------------------


def test_outcome_at_the_threshold_fits_and_names_the_contact(site):
    result = outcome(site, ["inkomen", "werk", "scholing", "huisvesting"], 2)
    assert result.fits and result.aantal == 4 and result.totaal == 7 and result.drempel == 4
    assert result.contact is not None and result.contact.slug == "wijkteam"
    assert result.message == (
        "Sociale activering past waarschijnlijk bij uw situatie: u noemt problemen"
        " op 4 van de 7 leefgebieden."
    )
    assert result.next_step == (
        "Bespreek met Sociaal Wijkteam Proefstad of sociale activering iets voor u is."
    )


def test_outcome_below_the_threshold_says_what_it_means(site):
    result = outcome(site, ["inkomen", "werk", "scholing"], 2)
    assert not result.fits
    assert result.message == (
        "Sociale activering is bedoeld voor mensen met problemen op 4 of meer leefgebieden;"
        " u noemt er 3 van de 7. Het gewone aanbod hieronder past dan waarschijnlijk beter bij u."
    )
    assert result.next_step == ""


def test_outcome_without_leefgebieden(site):
    result = outcome(site, [], 2)
    assert not result.fits and result.aantal == 0
    assert result.message.startswith("U heeft geen leefgebied gekozen")


def test_outcome_counts_each_leefgebied_once(site):
    assert outcome(site, ["werk", "werk", "inkomen", "inkomen"], 2).aantal == 2


def test_threshold_and_contact_come_from_site_yaml(tmp_path):
    site_yaml = CONTENT["site.yaml"].replace("drempel: 4\n  contact: wijkteam\n", "drempel: 3\n")
    content = make_content(tmp_path, {"site.yaml": site_yaml})
    other = check(content)[0]
    result = outcome(other, ["inkomen", "werk", "scholing"], 2)
    assert result.fits and result.contact is None
    assert (
        result.next_step
        == "Bespreek met de gemeente Proefstad of sociale activering iets voor u is."
    )


def test_default_threshold_is_4(tmp_path):
    site_yaml = CONTENT["site.yaml"].split("wegwijzer:")[0]
    other = check(make_content(tmp_path, {"site.yaml": site_yaml}))[0]
    assert other.config.wegwijzer.drempel == 4
    assert not outcome(other, ["inkomen", "werk", "scholing"], 2).fits
    assert outcome(other, ["inkomen", "werk", "scholing", "opvoeding"], 2).fits


# --- Age, rung, wijk contact and the order ties (Wegwijzer 2) ------------------------

AGED = {
    "activiteiten/k-kinderclub.md": _act(
        "Kinderclub", "buurthuis", "[2]", "vrij", "[sociale-contacten]", "leeftijd: {max: 12}\n"
    ),
    "activiteiten/l-soos.md": _act(
        "Soos", "buurthuis", "[2]", "vrij", "[sociale-contacten]", "leeftijd: {min: 55}\n"
    ),
    "activiteiten/m-jong.md": _act(
        "Jong", "buurthuis", "[2]", "vrij", "[sociale-contacten]", "leeftijd: {min: 18, max: 27}\n"
    ),
}


@pytest.fixture(scope="module")
def aged(tmp_path_factory):
    return check(make_content(tmp_path_factory.mktemp("aged"), AGED))[0]


@pytest.mark.parametrize(
    ("age", "kept"),
    [
        (None, {"k-kinderclub", "l-soos", "m-jong"}),  # skipped: nothing filtered
        (0, {"k-kinderclub"}),
        (12, {"k-kinderclub"}),  # both ends count
        (13, set()),
        (18, {"m-jong"}),
        (27, {"m-jong"}),
        (28, set()),
        (55, {"l-soos"}),
        (67, {"l-soos"}),
    ],
)
def test_an_age_leaves_out_what_is_not_for_that_age(aged, age, kept):
    now, _ = match(aged, ["sociale-contacten"], 2, leeftijd=age)
    assert {s for s in slugs(now) if s[0] in "klm"} == kept
    assert {"a-koffie", "b-wandelen"} <= set(slugs(now))  # no leeftijd: every age


def test_a_named_doelgroep_and_wijk_break_ties_in_that_order(tmp_path):
    """Same toegang and shared leefgebieden: doelgroep first, then wijk, then title."""
    files = {
        "activiteiten/n-iedereen-hier.md": _act(
            "A iedereen in noord", "buurthuis", "[6]", "vrij", "[werk]", "wijken: [noord]\n"
        ),
        "activiteiten/o-ouderen-overal.md": _act(
            "B ouderen overal", "buurthuis", "[6]", "vrij", "[werk]", "doelgroepen: [ouderen]\n"
        ),
        "activiteiten/p-ouderen-hier.md": _act(
            "C ouderen in noord",
            "buurthuis",
            "[6]",
            "vrij",
            "[werk]",
            "doelgroepen: [ouderen]\nwijken: [noord]\n",
        ),
        "activiteiten/q-iedereen-overal.md": _act(
            "D iedereen", "buurthuis", "[6]", "vrij", "[werk]"
        ),
    }
    other = check(make_content(tmp_path, files))[0]
    now, _ = match(other, ["werk"], 6, ["ouderen"], "noord")
    ours = [s for s in slugs(now) if s[0] in "nopq"]
    assert ours == ["p-ouderen-hier", "o-ouderen-overal", "n-iedereen-hier", "q-iedereen-overal"]
    now, _ = match(other, ["werk"], 6)  # nothing chosen: the title decides
    assert [s for s in slugs(now) if s[0] in "nopq"] == sorted(ours)


@pytest.mark.parametrize("rung", [5, 6])
def test_social_activation_does_not_fit_above_the_rungs_it_is_for(site, rung):
    result = outcome(site, ["inkomen", "werk", "gezondheid", "sociale-contacten"], rung)
    assert not result.fits and result.next_step == ""
    assert result.message == (
        "Sociale activering is bedoeld voor mensen op trede 1 tot en met 4 van de"
        f" participatieladder, en u staat op trede {rung}. Daarom passen de activiteiten"
        " hieronder waarschijnlijk beter bij u, zoals steun bij uw werk."
    )
    assert outcome(site, ["inkomen", "werk", "gezondheid", "sociale-contacten"], 4).fits


def test_the_rungs_come_from_site_yaml(tmp_path):
    site_yaml = CONTENT["site.yaml"].replace("drempel: 4\n", "drempel: 4\n  treden: [1, 2]\n")
    other = check(make_content(tmp_path, {"site.yaml": site_yaml}))[0]
    four = ["inkomen", "werk", "gezondheid", "sociale-contacten"]
    assert outcome(other, four, 2).fits and not outcome(other, four, 3).fits
    assert "mensen op trede 1 en 2 van de" in outcome(other, four, 3).message


def test_a_wijk_with_its_own_contact_is_named_instead(tmp_path):
    taxonomy = _taxonomy().replace(
        "  - id: noord\n    naam: Noord\n",
        "  - id: noord\n    naam: Noord\n    contact: buurthuis\n",
    )
    other = check(make_content(tmp_path, {"taxonomie.yaml": taxonomy}))[0]
    four = ["inkomen", "werk", "gezondheid", "sociale-contacten"]
    assert outcome(other, four, 1, "noord").contact.slug == "buurthuis"
    assert outcome(other, four, 1, "noord").next_step == (
        "Bespreek met Buurthuis Het Anker of sociale activering iets voor u is."
    )
    assert outcome(other, four, 1, "zuid").contact.slug == "wijkteam"  # no contact of its own
    assert outcome(other, four, 1).contact.slug == "wijkteam"


def test_a_wijk_contact_and_treden_are_checked(tmp_path, monkeypatch):
    from tests.test_validation import failure

    monkeypatch.chdir(tmp_path)
    taxonomy = _taxonomy().replace(
        "  - id: noord\n    naam: Noord\n",
        "  - id: noord\n    naam: Noord\n    contact: buurthuus\n",
    )
    site_yaml = CONTENT["site.yaml"].replace("drempel: 4\n", "drempel: 4\n  treden: [0, 4]\n")
    content = make_content(tmp_path, {"taxonomie.yaml": taxonomy, "site.yaml": site_yaml})
    errors = [line for line in failure(content) if "waarschuwing" not in line]
    assert errors == [
        "content/site.yaml:6: wegwijzer.treden[1]: trede 0 bestaat niet; kies 1 tot en met 6",
        "content/taxonomie.yaml:25: wijken[1].contact: er is geen organisatie 'buurthuus'; maak"
        " content/organisaties/buurthuus.md of kies een bestaande (bedoelde u 'buurthuis'?)",
    ]


# --- The ladder questions -------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "rung"),
    [
        ([True, False], 6),  # paid work, no support
        ([True, True], 5),  # paid work with support
        ([False, True], 4),  # unpaid work
        ([False, False, True], 3),  # organised activities
        ([False, False, False, True], 2),  # weekly contact outside the home
        ([False, False, False, False], 1),
    ],
)
def test_yes_no_questions_lead_to_every_rung(answers, rung):
    assert rung_from_answers(answers) == rung


def test_too_few_answers_give_no_rung():
    with pytest.raises(ValueError):
        rung_from_answers([False, False])


# --- The data file and the page -------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wegwijzer-build")
    out = root / "out"
    build(make_content(root), out)
    return out


def test_data_file_is_compact_deterministic_json(built, site):
    raw = (built / "wegwijzer" / "data.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert raw == json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
    assert "Taalcafé" in raw  # not \u00e9
    assert raw.count("\n") == 1
    assert data == json.loads(json.dumps(wegwijzer.data(site)))


def test_data_file_has_what_matching_and_the_handout_need(built):
    data = json.loads((built / "wegwijzer" / "data.json").read_text(encoding="utf-8"))
    assert data["drempel"] == 4
    assert [t["id"] for t in data["leefgebieden"]] == [i for i, _ in LEEFGEBIEDEN]
    assert [t["id"] for t in data["toegang"]] == ["vrij", "aanmelden", "verwijzing", "indicatie"]
    assert [r["trede"] for r in data["ladder"]] == [1, 2, 3, 4, 5, 6]
    assert data["contact"] == {
        "naam": "Sociaal Wijkteam Proefstad",
        "url": "organisaties/wijkteam/",
        "telefoon": "0123 45 00 00",
        "tel": "tel:0123450000",
        "email": "wijkteam@proefstad.example",
        "adres": "Marktplein 1, 1234 AB Proefstad",
    }
    acts = {a["slug"]: a for a in data["activiteiten"]}
    # Listed by title case-insensitively, then slug: the browser's final tie-break.
    assert [a["slug"] for a in data["activiteiten"]][:3] == [
        "c-atelier",
        "e-dagbesteding",
        "h-jobcoach",
    ]
    assert list(acts).index("a-koffie") + 1 == list(acts).index("z-koffie")

    def facts(slug: str) -> dict[str, list[dict[str, str]]]:
        return {f["label"]: f["delen"] for f in acts[slug]["feiten"]}

    assert acts["a-koffie"]["url"] == "activiteiten/a-koffie/"
    # In the order the handout prints them; text with, where it has one, its link.
    assert facts("a-koffie") == {
        "Wanneer": [{"tekst": "Elke dinsdag van 10.00 tot 12.00 uur"}],
        "Waar": [{"tekst": "Het Anker, Dorpsstraat 3"}],
        # No kosten given: unknown, never free.
        "Kosten": [{"tekst": "Niet bekend, vraag het na bij Buurthuis Het Anker"}],
        # No contact of its own: the organisation's.
        "Contact": [
            {"tekst": "0123 45 11 11", "link": "tel:0123451111"},
            {"tekst": ", "},
            {"tekst": "info@anker.example", "link": "mailto:info@anker.example"},
        ],
    }
    assert [f["label"] for f in acts["a-koffie"]["feiten"]] == [
        "Wanneer",
        "Waar",
        "Kosten",
        "Contact",
    ]
    # Its own name and phone, the organisation's e-mail.
    assert facts("d-schuld")["Contact"] == [
        {"tekst": "Fatima (schuldhulp)"},
        {"tekst": ", "},
        {"tekst": "0123 45 00 01", "link": "tel:0123450001"},
        {"tekst": ", "},
        {"tekst": "wijkteam@proefstad.example", "link": "mailto:wijkteam@proefstad.example"},
    ]
    assert "Wanneer" not in facts("d-schuld")
    assert facts("z-koffie")["Waar"] == [{"tekst": "Zuid"}]  # as the activity page says it
    assert facts("d-schuld")["Waar"] == [{"tekst": "In de hele gemeente"}]
    assert facts("i-ondernemers")["Kosten"] == [{"tekst": "€ 5 per keer"}]
    # Nobody to call: the organisation, by name.
    assert facts("e-dagbesteding")["Contact"] == [{"tekst": "Via Stichting Op Weg"}]


def test_two_builds_write_the_same_data_file(tmp_path, built):
    out = tmp_path / "again"
    build(make_content(tmp_path), out)
    assert (out / "wegwijzer" / "data.json").read_bytes() == (
        built / "wegwijzer" / "data.json"
    ).read_bytes()


def test_page_explains_the_rules_and_works_without_javascript(built):
    soup = BeautifulSoup(
        (built / "wegwijzer" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    app = soup.find(id="wegwijzer")
    assert app.has_attr("hidden") and app["data-root"] == "../"
    assert app["data-data"] == "wegwijzer/data.json"
    assert soup.find("script", src="../static/js/wegwijzer/pagina.js")["type"] == "module"
    fallback = soup.find(id="ww-zonder-js")
    links = [a["href"] for a in fallback.find_all("a")]
    assert "../ladder/" in links and "../leefgebieden/" in links
    assert [f"../ladder/{n}/" for n in range(1, 7)] == [
        h for h in links if h.startswith("../ladder/") and h != "../ladder/"
    ]
    assert "../leefgebieden/werk/" in links
    how = soup.find("details").get_text(" ", strip=True)
    for source in ("Divosa", "Wmo 2015", "4 van de 7", "algemene voorziening gaat voor"):
        assert source in how
    assert "grens 4 van de 7" in how
    # The yes/no questions follow the ladder definitions.
    flow = {
        form["data-stap"]: [
            (b.get("data-naar"), b.get("data-trede")) for b in form.select(".ww-janee button")
        ]
        for form in soup.select("form.ww-stap")
        if form.select(".ww-janee")
    }
    assert flow == {
        "werk": [("steun", None), ("onbetaald", None)],
        "steun": [(None, "5"), (None, "6")],
        "onbetaald": [(None, "4"), ("georganiseerd", None)],
        "georganiseerd": [(None, "3"), ("contact", None)],
        "contact": [(None, "2"), (None, "1")],
    }


def test_navigation_and_home_page_point_to_the_wegwijzer(built):
    home = BeautifulSoup((built / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = home.find("nav", attrs={"aria-label": "Hoofdmenu"})
    assert nav.find("a", string="Wegwijzer")["href"] == "wegwijzer/"
    assert home.find(id="kop-wegwijzer").find_parent("section").find("a", href="wegwijzer/")
    activity = BeautifulSoup(
        (built / "activiteiten" / "a-koffie" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert activity.find("nav").find("a", string="Wegwijzer")["href"] == "../../wegwijzer/"
