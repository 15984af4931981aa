"""Search in a real browser (Debian Chromium via Playwright).

Precise cases run on the small fixture tree of tests/test_search.py; the
Python-versus-browser comparisons and the sub-path check run on the built
example content. Every test also checks that the page logged no errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from generator.build import build
from generator.search import documents as search_documents
from generator.search import shards as search_shards
from generator.search.reference import Filters, Searcher, plan_query
from tests.helpers import axe_check, watch_errors, write_tree
from tests.test_parity import shards_of
from tests.test_search import SEARCH_CONTENT

READY = "#zoeken[data-klaar]"
RESULT_LINKS = "#zoekresultaten a"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("zoeken-browser")
    content = write_tree(root / "content", SEARCH_CONTENT)
    build(content_dir=content, output_dir=root / "out")
    return root / "out"


@pytest.fixture(scope="module")
def fixture_url(fixture_site: Path, serve_site: Callable[..., str]) -> str:
    return serve_site(fixture_site)


@pytest.fixture(scope="module")
def example_url(example_site: Path, serve_site: Callable[..., str]) -> str:
    return serve_site(example_site, prefix="/sociale-kaart/")


@pytest.fixture
def errors(page: Page) -> Iterator[list[str]]:
    """Console errors and uncaught exceptions; none may happen."""
    found = watch_errors(page)
    yield found
    assert found == []


def open_search(page: Page, base: str, query: str = "") -> None:
    page.goto(base + "zoeken/" + (f"?{query}" if query else ""))
    page.wait_for_selector(READY)


def result_titles(page: Page) -> list[str]:
    return [link.inner_text() for link in page.query_selector_all(RESULT_LINKS)]


def type_query(page: Page, text: str) -> None:
    """Type as a person does, key by key, and wait until the results follow."""
    field = page.locator("#zoekveld")
    field.fill("")
    field.press_sequentially(text, delay=20)
    page.wait_for_function(
        "q => new URLSearchParams(location.search).get('q') === q", arg=text.strip() or None
    )


def python_searcher(site: Path) -> Searcher:
    return Searcher.from_site(site)


# --- The same pipeline and the same results as the Python reference ------------------


# The full comparison of text processing and results with Python, for over a thousand
# questions, runs without a browser in tests/test_parity.py. Here: that the page uses
# the same core, on a few queries.


QUERIES = [
    "eenzaam",
    "eenzaamheid",
    "schuld",
    "schulden",
    "vrijwiligerswerk",
    "taalcafe",
    "cafe",
    "senioren",
    "mantelzorg",
    "hulp bij schulden",
    "koffie ouderen",
    "werk zoeken",
    "computer",
    "dementie",
    "jongeren sport",
    "geld",
    "opvoeding",
    "wandelen",
    "xyzzy",
    "de het een",
    "schulden:",
    "hulp~2",
    "Wmo-indicatie",
    "taal nederlands leren",
]
FILTERED = [
    ("", {"doelgroep": ["ouderen"]}),
    ("", {"ladder": ["1", "2"], "gratis": True}),
    ("koffie", {"toegang": ["vrij"]}),
    ("hulp", {"leefgebied": ["inkomen"], "wijk": ["binnenstad"]}),
    ("", {"doelgroep": ["voor-iedereen"], "toegang": ["aanmelden", "verwijzing"]}),
]


def test_the_browser_gives_the_same_results_as_python(
    page: Page, errors: list[str], example_site: Path, example_url: str
) -> None:
    reference = python_searcher(example_site)
    open_search(page, example_url)
    cases = [(q, {}) for q in QUERIES] + FILTERED
    found = page.evaluate(
        "cases => Promise.all(cases.map(([q, f]) => socialeKaartZoeken.search(q, f)))", cases
    )
    for (query, filters), outcome in zip(cases, found, strict=True):
        expected = reference.search(
            query,
            Filters(**{k: tuple(v) if isinstance(v, list) else v for k, v in filters.items()}),
        )
        assert outcome["complete"] == expected.complete, query
        assert tuple(outcome["unmatched"]) == expected.unmatched, query
        assert [h["ref"] for h in outcome["hits"]] == [h.ref for h in expected.hits], query
        # The same numbers in the same order: the scores are equal to the last bit.
        assert [h["score"] for h in outcome["hits"]] == [h.score for h in expected.hits], query
    assert sum(bool(o["hits"]) for o in found) >= len(cases) - 3


# --- Behaviour, on the fixture tree ------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("eenzaam", {"Koffieochtend voor ouderen", "Huisbezoek"}),  # eenzaam / eenzame
        ("schuld", {"Schuldhulpverlening", "Cursus omgaan met geld"}),  # prefix + stem
        ("vrijwiligerswerk", {"Vrijwilligerswerk zoeken"}),  # one typo
        ("cafe", {"Taalcafé"}),  # diacritics
        ("senioren", {"Koffieochtend voor ouderen", "Huisbezoek", "Wandelgroep"}),  # zoekterm
    ],
)
def test_typing_shows_results(
    page: Page, errors: list[str], fixture_url: str, query: str, expected: set[str]
) -> None:
    open_search(page, fixture_url)
    type_query(page, query)
    expect(page.locator(RESULT_LINKS)).to_have_count(len(expected))
    assert set(result_titles(page)) == expected


def test_prefix_matching_while_typing(page: Page, errors: list[str], fixture_url: str) -> None:
    open_search(page, fixture_url)
    type_query(page, "schuldhulpv")
    expect(page.locator(RESULT_LINKS)).to_have_text(["Schuldhulpverlening"])


def test_results_are_best_first_and_link_to_their_page(
    page: Page, errors: list[str], fixture_url: str
) -> None:
    open_search(page, fixture_url, "q=wandelen")
    expect(page.locator(RESULT_LINKS)).to_have_text(["Wandelgroep", "Vrijwilligerswerk zoeken"])
    first = page.locator("#zoekresultaten li").first
    expect(first.locator(".card-meta")).to_have_text(
        "Buurthuis De Linde · Vrij toegankelijk · gratis"
    )
    expect(first.locator(".card-summary")).to_contain_text("Samen een uur lopen in het park")
    assert page.locator(RESULT_LINKS).first.get_attribute("href") == "../activiteiten/wandelgroep/"
    page.locator(RESULT_LINKS).first.click()
    expect(page.locator("h1")).to_have_text("Wandelgroep")


def test_an_organisation_result_says_so(page: Page, errors: list[str], fixture_url: str) -> None:
    open_search(page, fixture_url, "q=geldwijzer")
    first = page.locator("#zoekresultaten li").first
    expect(first.locator("a")).to_have_text("Stichting Geldwijzer")
    expect(first.locator(".card-meta")).to_have_text("Organisatie")
    assert first.locator("a").get_attribute("href") == "../organisaties/geldwijzer/"


def test_filters_combine_with_the_query_and_each_other(
    page: Page, errors: list[str], fixture_url: str
) -> None:
    open_search(page, fixture_url)
    type_query(page, "koffie")
    expect(page.locator(RESULT_LINKS)).to_have_text(["Koffieochtend voor ouderen", "Wandelgroep"])
    page.locator("summary", has_text="Wijk").click()
    page.get_by_label("Noord", exact=True).check()
    expect(page.locator(RESULT_LINKS)).to_have_text(["Wandelgroep"])
    page.get_by_label("Noord", exact=True).uncheck()
    page.get_by_label("Alleen wat gratis is").check()
    # Both say gratis (an activity without kosten would not count as free).
    expect(page.locator(RESULT_LINKS)).to_have_text(["Koffieochtend voor ouderen", "Wandelgroep"])
    page.get_by_label("Centrum", exact=True).check()
    expect(page.locator(RESULT_LINKS)).to_have_text(["Koffieochtend voor ouderen"])


def test_filters_alone_list_all_matching_activities(
    page: Page, errors: list[str], fixture_url: str
) -> None:
    open_search(page, fixture_url, "doelgroep=ouderen&doelgroep=jongeren")
    # With the activities for everyone, which apply to both groups, marked as such.
    expect(page.locator(RESULT_LINKS)).to_have_text(
        [
            "Jongerenwerk Noord",
            "Koffieochtend voor ouderen",
            "Taalcafé",
            "Wandelgroep",
            "Cursus omgaan met geld",
            "Vrijwilligerswerk zoeken",
            "Schuldhulpverlening",
            "Huisbezoek",
        ]
    )
    expect(page.locator("#zoekstatus")).to_have_text("8 resultaten met 2 filters.")
    marked = page.locator(".zk-resultaat", has=page.locator(".voor-iedereen"))
    expect(marked.locator(".card-title")).to_have_text(
        ["Taalcafé", "Vrijwilligerswerk zoeken", "Schuldhulpverlening"]
    )


def test_filters_work_before_the_index_arrives(
    page: Page, errors: list[str], fixture_url: str
) -> None:
    held = []
    page.route("**/zoeken/index.json", lambda route: held.append(route))
    page.goto(fixture_url + "zoeken/?ladder=4")
    expect(page.locator(RESULT_LINKS)).to_have_text(
        ["Vrijwilligerswerk zoeken", "Schuldhulpverlening"]
    )
    type_query(page, "schuld")
    expect(page.locator("#zoekstatus")).to_have_text("De zoekfunctie wordt geladen. Een ogenblik.")
    assert page.locator(READY).count() == 0 and held
    for route in held:
        route.continue_()
    page.wait_for_selector(READY)
    expect(page.locator(RESULT_LINKS)).to_have_text(["Schuldhulpverlening"])


def test_typed_words_show_the_core_first_and_the_descriptions_after(
    page: Page, errors: list[str], fixture_url: str
) -> None:
    """The shards of the descriptions come after those of the core: a typed query shows
    what the titles find at once; a page opened with a query waits, so nothing jumps."""
    held = []
    page.route("**/zoeken/tekst/*.json", lambda route: held.append(route))
    page.goto(fixture_url + "zoeken/?q=koffie")
    page.wait_for_function("() => window.socialeKaartZoeken?.state.textReady")
    expect(page.locator("#zoekstatus")).to_have_text("De zoekfunctie wordt geladen. Een ogenblik.")
    assert page.locator(RESULT_LINKS).count() == 0
    type_query(page, "wandelgroep")
    expect(page.locator(RESULT_LINKS)).to_have_text(["Wandelgroep"])
    assert page.locator(READY).count() == 0 and held
    for route in held:
        route.continue_()
    page.wait_for_selector(READY)
    expect(page.locator(RESULT_LINKS)).to_have_text(["Wandelgroep"])
    expect(page.locator(".zk-resultaat").first.locator(".card-summary")).to_have_count(1)


@pytest.fixture(scope="module")
def small_files(tmp_path_factory: pytest.TempPathFactory, serve_site) -> tuple[Path, str]:
    """The fixture tree with shards of a few terms and cards in files of two."""
    root = tmp_path_factory.mktemp("kleine-bestanden")
    content = write_tree(root / "content", SEARCH_CONTENT)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_shards, "SHARD_NUMBERS", 10)
        patch.setattr(search_documents, "CARDS_PER_FILE", 2)
        build(content_dir=content, output_dir=root / "out")
    return root / "out", serve_site(root / "out")


def test_a_query_loads_only_the_files_it_needs(
    page: Page, errors: list[str], small_files: tuple[Path, str]
) -> None:
    site, small_files_url = small_files
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url.split("/zoeken/")[-1]))
    open_search(page, small_files_url, "q=wandelgroep")
    expect(page.locator(RESULT_LINKS)).to_have_text(["Wandelgroep"])
    data = [name for name in asked if name.endswith(".json")]
    # The facets and the term lists, one card file (Wandelgroep's), and the shards of
    # the terms that "wandelgroep" matches (itself and its parts) only.
    assert {"gegevens.json", "index.json", "index-tekst.json"} <= set(data)
    cards = [name for name in data if name.startswith("kaartjes/")]
    shards = {name for name in data if name.startswith(("kern/", "tekst/"))}
    planned = plan_query(Searcher.from_site(site).index, ["wandelgroep"]).boosts
    assert shards == shards_of(site, sorted(planned)) and len(planned) >= 2
    every = sum(len(list((site / "zoeken" / part).iterdir())) for part in ("kern", "tekst"))
    assert len(cards) == 1 and len(shards) < every / 5, data
    assert len(data) == len(set(data))  # nothing twice
    # A filter brings filters.json (asked for in the background once the rest is in).
    page.locator("summary", has_text="Toegang").click()
    page.get_by_label("Vrij toegankelijk").check()
    expect(page.locator(RESULT_LINKS)).to_have_text(["Wandelgroep"])
    assert "filters.json" in asked


def test_a_card_file_that_fails_says_that_search_does_not_work(
    page: Page, fixture_url: str
) -> None:
    found = watch_errors(page)
    page.route("**/zoeken/kaartjes/*.json", lambda route: route.fulfill(status=500, body="kapot"))
    page.goto(fixture_url + "zoeken/?q=wandelgroep")
    expect(page.locator("#zoekstatus")).to_have_text(
        "Het zoeken werkt nu niet. Probeer het later opnieuw, of kies hieronder een lijst."
    )
    assert page.locator(RESULT_LINKS).count() == 0
    assert found and all("500" in e for e in found), found


def test_without_the_index_filters_still_work(page: Page, fixture_url: str) -> None:
    found = watch_errors(page)
    page.route("**/zoeken/index.json", lambda route: route.fulfill(status=500, body="kapot"))
    open_search(page, fixture_url, "q=koffie")
    expect(page.locator("#zoekstatus")).to_contain_text("Zoeken op woorden werkt nu niet")
    page.locator("#zoekveld").fill("")
    page.locator("summary", has_text="Trede").click()
    page.get_by_label("1. Geïsoleerd").check()
    expect(page.locator(RESULT_LINKS)).to_have_text(["Koffieochtend voor ouderen", "Huisbezoek"])
    # The browser itself logs the failed request; the page adds nothing.
    assert all("500" in e for e in found), found


def test_the_count_is_announced_politely(page: Page, errors: list[str], fixture_url: str) -> None:
    open_search(page, fixture_url)
    status = page.locator("#zoekstatus")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    type_query(page, "senioren")
    expect(status).to_have_text("3 resultaten voor ‘senioren’.")
    type_query(page, "xyzzyq")
    expect(status).to_have_text("Geen resultaten voor ‘xyzzyq’. Probeer een ander woord.")
    type_query(page, "koffie schuldhulpverlening")
    expect(status).to_contain_text("Geen resultaten met al deze woorden. Wel 3 resultaten")


# --- State in the URL ---------------------------------------------------------------------


def test_the_url_fills_the_form_and_the_results(
    page: Page, errors: list[str], fixture_url: str
) -> None:
    open_search(page, fixture_url, "q=koffie&wijk=noord&gratis=1&ladder=2&ladder=3")
    expect(page.locator("#zoekveld")).to_have_value("koffie")
    assert page.locator('input[name="wijk"][value="noord"]').is_checked()
    assert page.locator('input[name="ladder"][value="2"]').is_checked()
    assert page.locator('input[name="ladder"][value="3"]').is_checked()
    assert page.locator('input[name="gratis"]').is_checked()
    expect(page.locator(RESULT_LINKS)).to_have_text(["Wandelgroep"])


def test_choices_are_written_to_the_url_and_survive_a_reload(
    page: Page, errors: list[str], fixture_url: str
) -> None:
    open_search(page, fixture_url)
    type_query(page, "eenzaam")
    page.locator("summary", has_text="Toegang").click()
    page.get_by_label("Vrij toegankelijk").check()
    page.get_by_label("Met een indicatie").check()
    page.wait_for_function("() => location.search.includes('indicatie')")
    params = parse_qs(urlsplit(page.url).query)
    assert params == {"q": ["eenzaam"], "toegang": ["vrij", "indicatie"]}
    expected = result_titles(page)
    assert set(expected) == {"Koffieochtend voor ouderen", "Huisbezoek"}
    page.reload()
    page.wait_for_selector(READY)
    expect(page.locator(RESULT_LINKS)).to_have_text(expected)
    expect(page.locator("#zoekveld")).to_have_value("eenzaam")
    page.get_by_role("button", name="Wis alle filters").click()
    page.wait_for_function("() => !location.search.includes('toegang')")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["eenzaam"]}


def test_the_search_box_on_every_page_leads_to_the_search_page(
    page: Page, errors: list[str], fixture_url: str
) -> None:
    page.goto(fixture_url + "activiteiten/koffie/")
    page.get_by_label("Zoeken").fill("wandelgroep")
    page.get_by_label("Zoeken").press("Enter")
    page.wait_for_selector(READY)
    assert urlsplit(page.url).path == "/zoeken/"
    expect(page.locator("#zoekveld")).to_have_value("wandelgroep")
    expect(page.locator(RESULT_LINKS)).to_have_text(["Wandelgroep"])


# --- Keyboard only --------------------------------------------------------------------------


def _focused(page: Page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return e.id || e.getAttribute('name') || e.textContent.trim().slice(0, 40); }"
    )


def test_keyboard_only(page: Page, errors: list[str], fixture_url: str) -> None:
    page.set_viewport_size({"width": 1200, "height": 900})
    open_search(page, fixture_url)
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Enter")
    for _ in range(15):
        page.keyboard.press("Tab")
        if _focused(page) == "zoekveld":
            break
    assert _focused(page) == "zoekveld"
    page.keyboard.type("koffie")
    page.keyboard.press("Enter")  # searches now and moves to the results
    expect(page.locator("#kop-resultaten")).to_be_focused()
    expect(page.locator(RESULT_LINKS)).to_have_text(["Koffieochtend voor ouderen", "Wandelgroep"])
    # Back to the filters with Shift+Tab, open one with the keyboard, tick a box.
    page.keyboard.press("Shift+Tab")
    for _ in range(20):
        if _focused(page).startswith("Wijk"):
            break
        page.keyboard.press("Shift+Tab")
    assert _focused(page).startswith("Wijk")
    page.keyboard.press("Enter")  # opens the <details>
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # Centrum, Noord
    assert _focused(page) == "wijk"
    page.keyboard.press("Space")
    expect(page.locator(RESULT_LINKS)).to_have_text(["Wandelgroep"])
    # Tab on to the result and follow it.
    for _ in range(10):
        page.keyboard.press("Tab")
        if _focused(page) == "Wandelgroep":
            break
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Wandelgroep")


def test_more_results_come_on_request_and_take_the_focus(
    page: Page, errors: list[str], example_url: str
) -> None:
    open_search(page, example_url, "gratis=1")
    total = int(re.match(r"\d+", page.locator("#zoekstatus").inner_text()).group())
    assert total > 30
    expect(page.locator(RESULT_LINKS)).to_have_count(30)
    expect(page.locator("#zoekstatus")).to_contain_text("De eerste 30 staan hieronder.")
    page.get_by_role("button", name="Toon meer resultaten").focus()
    page.keyboard.press("Enter")
    expect(page.locator(RESULT_LINKS)).to_have_count(min(total, 60))
    expect(page.locator(RESULT_LINKS).nth(30)).to_be_focused()


# --- Served from a sub-path, and without JavaScript -------------------------------------------


def test_search_works_from_a_sub_path(page: Page, errors: list[str], example_url: str) -> None:
    assert urlsplit(example_url).path == "/sociale-kaart/"
    page.goto(example_url + "activiteiten/")
    page.get_by_label("Zoeken").fill("taalcafe")
    page.get_by_label("Zoeken").press("Enter")
    page.wait_for_selector(READY)
    assert urlsplit(page.url).path == "/sociale-kaart/zoeken/"
    link = page.locator(RESULT_LINKS).first
    expect(link).to_have_text(re.compile("Taalcafé"))
    link.click()
    assert urlsplit(page.url).path.startswith("/sociale-kaart/activiteiten/")
    expect(page.locator("h1")).to_have_text(re.compile("Taalcafé"))


def test_without_javascript_the_listing_pages_are_the_way_in(browser, fixture_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(fixture_url + "zoeken/?q=koffie")
        expect(page.locator("#zk-zonder-js")).to_be_visible()
        expect(page.locator("#zoeken")).to_be_hidden()
        for name in (
            "Aanbod per doelgroep",
            "Aanbod per trede van de participatieladder",
            "Aanbod per wijk",
        ):
            expect(page.get_by_role("link", name=name)).to_be_visible()
        page.get_by_role("link", name="Aanbod per doelgroep").click()
        expect(page.locator("h1")).to_have_text("Doelgroepen")
    finally:
        context.close()


def test_when_the_scripts_do_not_load_the_page_still_passes_axe(
    page: Page, fixture_url: str
) -> None:
    # axe needs JavaScript itself, so here the page's own scripts fail to load instead.
    page.route(re.compile(r".*\.js$"), lambda route: route.abort())
    page.goto(fixture_url + "zoeken/?q=koffie")
    expect(page.locator("#zk-zonder-js")).to_be_visible()
    expect(page.locator("#zoeken")).to_be_hidden()
    assert axe_check(page, "zoeken zonder scripts") == []


# --- Accessibility ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "query"),
    [
        ("leeg", ""),
        ("met resultaten", "q=koffie"),
        (
            "met filters",
            "q=eenzaam&doelgroep=ouderen&ladder=1&wijk=noord&toegang=indicatie&gratis=1",
        ),
        ("alleen filters", "leefgebied=contact&leefgebied=geld"),
        ("geen resultaten", "q=xyzzyq&toegang=vrij"),
    ],
)
def test_axe_finds_nothing_on_the_search_page(
    page: Page, errors: list[str], fixture_url: str, label: str, query: str
) -> None:
    open_search(page, fixture_url, query)
    page.wait_for_timeout(800)  # let the announcement settle
    assert axe_check(page, f"zoeken {label}") == []


def test_axe_finds_nothing_on_a_phone_with_results_and_open_filters(
    page: Page, errors: list[str], example_url: str
) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    open_search(page, example_url, "q=hulp&leefgebied=inkomen")
    page.locator("#zk-filters > summary").click()
    page.locator("summary", has_text="Doelgroep").click()
    assert axe_check(page, "zoeken op een telefoon") == []


def test_the_header_search_box_passes_axe(page: Page, errors: list[str], fixture_url: str) -> None:
    page.goto(fixture_url + "activiteiten/koffie/")
    assert axe_check(page, "activiteit met zoekvak") == []


def test_no_result_offers_a_spelling_suggestion_the_wegwijzer_and_the_lists(
    page: Page, errors: list[str], fixture_url: str
) -> None:
    open_search(page, fixture_url)
    help_box = page.locator("#zk-geen")
    type_query(page, "wnadlgroep")  # two letters swapped and one left out
    expect(page.locator("#zoekstatus")).to_have_text(
        "Geen resultaten voor ‘wnadlgroep’. Probeer een ander woord."
    )
    expect(help_box).to_be_visible()
    suggestion = page.locator("#zk-suggestie-link")
    expect(suggestion).to_have_text("wandelgroep")
    assert suggestion.get_attribute("href").endswith("?q=wandelgroep")
    assert help_box.get_by_role("link", name="wegwijzer").is_visible()
    assert help_box.get_by_role("link", name="per doelgroep").is_visible()
    suggestion.click()
    expect(page.locator(RESULT_LINKS)).to_have_text(["Wandelgroep"])
    expect(help_box).to_be_hidden()
    # A word that matches nothing next to one that does is named, with a suggestion.
    type_query(page, "koffie wnadlgroep")
    expect(page.locator("#zoekstatus")).to_contain_text("Niets gevonden voor ‘wnadlgroep’.")
    expect(page.locator("#zk-suggestie-link")).to_have_text("koffie wandelgroep")
    # Filters alone never say "Probeer een ander woord".
    page.goto(fixture_url + "zoeken/?ladder=6")
    expect(page.locator("#zoekstatus")).to_have_text(
        "Geen resultaten met 1 filter. Probeer minder filters."
    )
    expect(help_box).to_be_hidden()


def test_age_filter_cards_with_when_and_where_and_removable_chips(
    page: Page, errors: list[str], fixture_url: str
) -> None:
    open_search(page, fixture_url, "doelgroep=ouderen&leeftijd=30")
    # No leeftijd in the fixture means every age: the filter keeps them all.
    chips = page.locator("#zk-gekozen .zk-chip")
    expect(chips).to_have_count(2)
    expect(chips.first).to_contain_text("Ouderen")
    expect(chips.nth(1)).to_contain_text("30 jaar")
    card = page.locator(".zk-resultaat", has_text="Koffieochtend voor ouderen")
    expect(card.locator(".card-when")).to_contain_text("Elke dinsdag van 10.00 tot 12.00 uur")
    expect(card.locator(".card-where")).to_contain_text("Centrum")
    chips.nth(1).click()
    expect(chips).to_have_count(1)
    assert "leeftijd" not in page.url
    chips.first.click()
    expect(page.locator("#zk-gekozen")).to_be_hidden()
    assert "doelgroep" not in page.url
