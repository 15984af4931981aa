""" "Vandaag": the browser's rule (js/vandaag.js) equals generator/happens.py, and shows.

Parity over every example activity with tijden and every day of 2026 and 2027, run in
Node on the module the pages load; then in Chromium with a fixed clock, on a listing
page and in the search results.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import zoneinfo

import pytest

from generator import happens
from generator.build import check
from tests.helpers import REPO

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
DAYS = [dt.date(2026, 1, 1) + dt.timedelta(n) for n in range(730)]
NODE = """
import { happensOn } from "%s";
import { readFileSync } from "node:fs";
const { roosters, days } = JSON.parse(readFileSync(0, "utf-8"));
const at = (iso) => new Date(iso + "T14:30:00");
console.log(JSON.stringify(roosters.map((r) => days.filter((d) => happensOn(r, at(d))))));
"""


@pytest.fixture(scope="module")
def example():
    site, _ = check(REPO / "content")
    return site


@pytest.fixture(scope="module")
def base_url(example_site, serve_site) -> str:
    return serve_site(example_site)


def test_the_browser_and_python_agree_on_every_day(example) -> None:
    timed = [a for a in example.activities if a.tijden]
    assert len(timed) >= 25
    script = NODE % (REPO / "templates/static/js/vandaag.js").as_uri()
    request = {
        "roosters": [happens.rooster(a) for a in timed],
        "days": [d.isoformat() for d in DAYS],
    }
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=True,
    )
    browser = json.loads(done.stdout)
    python = [[d.isoformat() for d in DAYS if happens.happens_on(a, d)] for a in timed]
    assert browser == python
    assert all(python), "every example schedule happens at least once"


@pytest.mark.browser
def test_vandaag_shows_on_listings_and_search_results(page, base_url) -> None:
    # Tuesday 1 December 2026: the Koffieochtend in De Linde (every Tuesday) is on.
    page.clock.set_fixed_time(dt.datetime(2026, 12, 1, 9, 0, tzinfo=AMSTERDAM))
    page.goto(base_url + "doelgroepen/ouderen/")
    # The card is there once per rung it fits; each says it.
    cards = page.locator(".card", has_text="Koffieochtend in De Linde")
    assert cards.count() >= 1
    assert cards.locator(".vandaag").all_inner_texts() == ["Vandaag"] * cards.count()
    assert page.locator(".card", has_text="Stoelyoga").locator(".vandaag").count() == 0  # Mondays
    page.goto(base_url + "zoeken/?q=koffieochtend")
    page.wait_for_selector("#zoeken[data-klaar]")
    result = page.locator(".zk-resultaat", has_text="Koffieochtend in De Linde")
    assert result.locator(".vandaag").inner_text() == "Vandaag"


@pytest.mark.browser
def test_not_on_a_day_it_is_closed(page, base_url) -> None:
    # 29 December 2026 is a Tuesday on which the Koffieochtend is gesloten.
    page.clock.set_fixed_time(dt.datetime(2026, 12, 29, 9, 0, tzinfo=AMSTERDAM))
    page.goto(base_url + "doelgroepen/ouderen/")
    cards = page.locator(".card", has_text="Koffieochtend in De Linde")
    assert cards.locator(".card-when").count() == cards.count() >= 1
    assert cards.locator(".vandaag").count() == 0
