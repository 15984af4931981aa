"""What a referrer needs: who may refer (`verwijzers`) and how to sign up (`aanmelden`).

Validation with file, line and suggestion; the activity page, the wegwijzer handout,
JSON-LD and search all say the same, through generator/present.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from generator.build import build
from tests.conftest import MINIMAL_CONTENT
from tests.test_validation import diagnostics, failure

A = "content/activiteiten/"
TAXONOMY = MINIMAL_CONTENT["taxonomie.yaml"] + (
    "verwijzers:\n"
    "  - id: huisarts\n"
    "    naam: de huisarts\n"
    "    zoektermen: [dokter]\n"
    "  - id: uwv\n"
    "    naam: het UWV\n"
)


def referred(*extra: str, toegang: str = "verwijzing") -> str:
    """An activity file; `extra` lines start at line 8."""
    lines = (
        "titel: Werkfit",
        "organisatie: buurthuis",
        "ladder: [3]",
        f"toegang: {toegang}",
        "kosten: gratis",
        "gecontroleerd: 2026-11-01",
        *extra,
    )
    return "---\n" + "".join(line + "\n" for line in lines) + "---\nEen traject naar werk.\n"


def test_unknown_referrer_ids_get_a_suggestion(minimal_content) -> None:
    content = minimal_content(
        {
            "taxonomie.yaml": TAXONOMY,
            "activiteiten/werk.md": referred("verwijzers: [huisarst, uwv]"),
        }
    )
    assert failure(content) == [
        f"{A}werk.md:8: verwijzers[1]: 'huisarst' is geen bekende verwijzer (zie verwijzers in"
        " taxonomie.yaml) (bedoelde u 'huisarts'?)"
    ]


def test_aanmelden_is_checked_field_by_field(minimal_content) -> None:
    content = minimal_content(
        {
            "taxonomie.yaml": TAXONOMY,
            "activiteiten/werk.md": referred(
                "verwijzers: [uwv]",
                "aanmelden:",
                "  uitleg: Bel ons.",
                "  email: aanmelden@@a.nl",
                "  website: www.a.nl",
                "  formulier: ja",
            ),
        }
    )
    assert failure(content) == [
        f"{A}werk.md:11: aanmelden.email: 'aanmelden@@a.nl' is geen geldig e-mailadres; schrijf"
        " het zoals info@voorbeeld.nl, zonder ? of & erachter",
        f"{A}werk.md:12: aanmelden.website: 'www.a.nl' is geen geldig webadres; begin met https://",
        f"{A}werk.md:13: aanmelden.formulier: onbekend veld; de velden hier heten 'uitleg',"
        " 'telefoon', 'email' of 'website'",
    ]


def test_referral_without_referrers_warns_and_names_no_example(minimal_content, tmp_path) -> None:
    content = minimal_content({"activiteiten/werk.md": referred(toegang="indicatie")})
    assert diagnostics(content) == [
        f"{A}werk.md:5: waarschuwing: verwijzers: bij toegang 'indicatie' hoort wie kan verwijzen;"
        " zet ze in 'verwijzers', zoals [huisarts, wijkteam] (de lijst staat in taxonomie.yaml)"
    ]
    build(content, tmp_path / "out")
    page = _facts(tmp_path / "out/activiteiten/werk/index.html")
    assert page["Toegang"] == (
        "Met een indicatie U heeft een besluit nodig, zoals een Wmo-indicatie. Vraag Buurthuis"
        " De Linde wie u kan aanmelden."
    )
    assert "huisarts" not in page["Toegang"]


def test_referrers_and_sign_up_show_on_the_page_handout_and_json_ld(minimal_content, tmp_path):
    content = minimal_content(
        {
            "taxonomie.yaml": TAXONOMY,
            "activiteiten/werk.md": referred(
                "verwijzers: [huisarts, uwv]",
                "aanmelden:",
                "  uitleg: Uw verwijzer stuurt het formulier; wij bellen u binnen een week.",
                "  telefoon: 0123 45 67 89",
                "  website: https://a.example/aanmelden",
            ),
        }
    )
    assert diagnostics(content) == []
    out = tmp_path / "out"
    build(content, out)
    soup = BeautifulSoup((out / "activiteiten/werk/index.html").read_text("utf-8"), "html.parser")
    page = _facts(out / "activiteiten/werk/index.html")
    said = "U heeft een verwijzing nodig van de huisarts of het UWV."
    assert page["Toegang"] == f"Via een verwijzing {said}"
    sign_up = soup.find("h2", string="Aanmelden").find_parent("section")
    assert (
        sign_up.p.get_text() == "Uw verwijzer stuurt het formulier; wij bellen u binnen een week."
    )
    assert [a["href"] for a in sign_up.find_all("a")] == [
        "tel:0123456789",
        "https://a.example/aanmelden",
    ]
    # The handout (wegwijzer data) says the same, with the same links.
    data = json.loads((out / "wegwijzer/data.json").read_text("utf-8"))
    entry = next(e for e in data["activiteiten"] if e["slug"] == "werk")
    facts = {f["label"]: f["delen"] for f in entry["feiten"]}
    assert "".join(p["tekst"] for p in facts["Toegang"]) == said
    assert [p.get("link") for p in facts["Aanmelden"] if "link" in p] == [
        "tel:0123456789",
        "https://a.example/aanmelden",
    ]
    # JSON-LD: a ServiceChannel for signing up.
    ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert ld["availableChannel"] == {
        "@type": "ServiceChannel",
        "name": "Aanmelden",
        "description": "Uw verwijzer stuurt het formulier; wij bellen u binnen een week.",
        "serviceUrl": "https://a.example/aanmelden",
        "servicePhone": {"@type": "ContactPoint", "telephone": "0123 45 67 89"},
    }


def test_a_referrer_s_name_finds_what_it_can_refer_to(minimal_content, tmp_path) -> None:
    from generator.search.reference import Searcher

    content = minimal_content(
        {"taxonomie.yaml": TAXONOMY, "activiteiten/werk.md": referred("verwijzers: [huisarts]")}
    )
    build(content, tmp_path / "out")
    searcher = Searcher.from_site(tmp_path / "out")
    for query in ("huisarts", "dokter"):
        found = [searcher.data["kolommen"]["titel"][h.ref] for h in searcher.search(query).hits]
        assert found == ["Werkfit"], query


def _facts(path: Path) -> dict[str, str]:
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    return {
        dt.get_text(" ", strip=True): " ".join(dd.get_text(" ", strip=True).split())
        for dt, dd in zip(soup.select("dl.facts dt"), soup.select("dl.facts dd"), strict=True)
    }


def test_an_indicatie_names_where_to_apply(minimal_content, tmp_path) -> None:
    content = minimal_content(
        {
            "taxonomie.yaml": TAXONOMY,
            "activiteiten/werk.md": referred("verwijzers: [huisarts]", toegang="indicatie"),
        }
    )
    build(content, tmp_path / "out")
    assert _facts(tmp_path / "out/activiteiten/werk/index.html")["Toegang"] == (
        "Met een indicatie U heeft een besluit nodig, zoals een Wmo-indicatie."
        " Vraag het aan via de huisarts."
    )


def test_partners_share_the_activity_and_are_checked(minimal_content, tmp_path) -> None:
    wijkteam = "---\nnaam: Wijkteam\ngecontroleerd: 2026-11-01\n---\nHet wijkteam.\n"
    content = minimal_content(
        {"organisaties/wijkteam.md": wijkteam, "activiteiten/werk.md": referred(
            "verwijzers: [uwv]", "partners: [wijkteem]"), "taxonomie.yaml": TAXONOMY}
    )  # fmt: skip
    assert failure(content) == [
        f"{A}werk.md:9: partners[1]: er is geen organisatie 'wijkteem'; maak"
        " content/organisaties/wijkteem.md of kies een bestaande (bedoelde u 'wijkteam'?)"
    ]
    (content / "activiteiten/werk.md").write_text(referred("partners: [buurthuis]"))
    assert failure(content) == [
        f"{A}werk.md:8: partners: de organisatie zelf hoeft niet ook bij partners"
    ]
    (content / "activiteiten/werk.md").write_text(
        referred("verwijzers: [uwv]", "partners: [wijkteam]")
    )
    out = tmp_path / "out"
    build(content, out)
    page = BeautifulSoup((out / "activiteiten/werk/index.html").read_text("utf-8"), "html.parser")
    assert page.select_one(".by").get_text() == "Door Buurthuis De Linde en Wijkteam"
    assert [a["href"] for a in page.select(".by a")] == [
        "../../organisaties/buurthuis/",
        "../../organisaties/wijkteam/",
    ]
    partner = (out / "organisaties/wijkteam/index.html").read_text("utf-8")
    assert "Werkfit" in partner  # on the partner's page too
