"""`leeftijd` reads the same wherever an activity is described (present.age).

On the activity page (Voor wie), in listings, on search result cards (in Chromium)
and on the wegwijzer handout: "18 tot en met 27 jaar", "vanaf 55 jaar", "tot en met
12 jaar". Both ends count: "tot en met", because 27-year-olds may join.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from generator.build import build
from generator.search.reference import read_columns
from tests.conftest import buurthuis_activity


@pytest.mark.parametrize(
    ("leeftijd", "said"),
    [
        ("{min: 18, max: 27}", "18 tot en met 27 jaar"),
        ("{min: 55}", "vanaf 55 jaar"),
        ("{max: 12}", "tot en met 12 jaar"),
    ],
)
def test_the_age_reads_the_same_on_page_listing_and_handout(
    minimal_content, tmp_path, leeftijd: str, said: str
) -> None:
    content = minimal_content(
        {"activiteiten/jong.md": buurthuis_activity("Jong", f"leeftijd: {leeftijd}\n")}
    )
    out = tmp_path / "out"
    build(content, out)
    page = BeautifulSoup((out / "activiteiten/jong/index.html").read_text("utf-8"), "html.parser")
    who = page.find("dt", string="Voor wie").find_next_sibling("dd")
    assert who.get_text() == f"Iedereen ({said})"
    listing = BeautifulSoup((out / "ladder/1/index.html").read_text("utf-8"), "html.parser")
    card = next(
        c for c in listing.select(".card") if c.select_one(".card-title").get_text() == "Jong"
    )
    assert card.select_one(".leeftijd").get_text() == said
    data = json.loads((out / "wegwijzer/data.json").read_text("utf-8"))
    entry = next(e for e in data["activiteiten"] if e["slug"] == "jong")
    facts = {f["label"]: "".join(p["tekst"] for p in f["delen"]) for f in entry["feiten"]}
    assert facts["Leeftijd"] == said
    columns = read_columns(out)
    assert columns["leeftijdstekst"][columns["url"].index("activiteiten/jong/")] == said


def test_a_search_result_card_says_the_age(page, example_site: Path, serve_site) -> None:
    base = serve_site(example_site)
    page.goto(base + "zoeken/?q=boerderijclub")
    page.wait_for_selector("#zoeken[data-klaar]")
    card = page.locator(".zk-resultaat", has_text="Boerderijclub voor kinderen").first
    expect(card.locator(".card-meta .leeftijd")).to_have_text("6 tot en met 17 jaar")
