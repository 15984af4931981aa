"""The wegwijzer in a real browser (Debian Chromium via Playwright).

The browser must give exactly what the Python reference gives (generator/wegwijzer.py),
for every rung reached through the questions and for many answer combinations on the
example content. It must work by keyboard, pass axe at every step, make no request
after loading, keep the answers in the fragment, and print a handout.
"""

from __future__ import annotations

import random
import re
from urllib.parse import urlsplit

import pytest

from generator.build import build, check
from generator.model import RUNGS
from generator.wegwijzer import match, outcome
from tests.helpers import REPO, axe_check, watch_errors
from tests.test_wegwijzer import make_content

READY = "#wegwijzer[data-klaar]"


# --- Fixtures and helpers -------------------------------------------------------------


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The small fixture tree of test_wegwijzer.py: (Site, output directory)."""
    root = tmp_path_factory.mktemp("wegwijzer-browser")
    content = make_content(root)
    build(content, root / "out")
    return check(content)[0], root / "out"


@pytest.fixture(scope="module")
def small_url(small, serve_site) -> str:
    """The wegwijzer of the small site, served from a sub-path."""
    return serve_site(small[1], prefix="/kaart/") + "wegwijzer/"


@pytest.fixture(scope="module")
def example():
    return check(REPO / "content")[0]


@pytest.fixture(scope="module")
def example_url(example_site, serve_site) -> str:
    return serve_site(example_site) + "wegwijzer/"


def fragment(
    leefgebieden=(), rung=None, doelgroepen=(), wijk=None, stap=None, leeftijd=None
) -> str:
    parts = [f"stap={stap}"] if stap else []
    if leefgebieden:
        parts.append("leefgebieden=" + ",".join(leefgebieden))
    if rung is not None:
        parts.append(f"ladder={rung}")
    if doelgroepen:
        parts.append("doelgroepen=" + ",".join(doelgroepen))
    if leeftijd is not None:
        parts.append(f"leeftijd={leeftijd}")
    if wijk:
        parts.append(f"wijk={wijk}")
    return "#" + "&".join(parts) if parts else ""


def open_page(page, url: str) -> None:
    """Load the page fresh (also when only the fragment differs) and wait for the script."""
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_selector(READY)


def wait_for_view(page, state: str) -> None:
    """Wait until the script shows exactly this state (its serialized fragment)."""
    page.wait_for_function(
        "s => document.getElementById('wegwijzer').dataset.toestand === s", arg=state
    )


def hrefs(page, list_id: str) -> list[str]:
    return page.eval_on_selector_all(
        f"#{list_id} ol > li h3 a", "links => links.map(a => a.getAttribute('href'))"
    )


def expected(site, leefgebieden=(), rung=1, doelgroepen=(), wijk=None, leeftijd=None):
    now, nxt = match(site, leefgebieden, rung, doelgroepen, wijk, leeftijd)
    return (
        [f"../activiteiten/{a.slug}/" for a in now],
        [f"../activiteiten/{a.slug}/" for a in nxt],
    )


def step(page):
    """The visible question."""
    return page.locator("form.ww-stap:visible")


def answer(page, text: str) -> None:
    step(page).get_by_role("button", name=text, exact=True).click()


# The yes/no answers that lead to each rung (paid work? support? unpaid? organised? contact?).
ANSWERS = {
    6: ["Ja", "Nee"],
    5: ["Ja", "Ja"],
    4: ["Nee", "Ja"],
    3: ["Nee", "Nee", "Ja"],
    2: ["Nee", "Nee", "Nee", "Ja"],
    1: ["Nee", "Nee", "Nee", "Nee"],
}


def click_through(page, leefgebieden: list[str], rung: int, doelgroepen=(), wijk=None) -> None:
    for naam in leefgebieden:
        step(page).get_by_label(naam, exact=True).check()
    answer(page, "Volgende")
    for text in ANSWERS[rung]:
        answer(page, text)
    for naam in doelgroepen:
        step(page).get_by_label(naam, exact=True).check()
    answer(page, "Volgende")
    step(page).get_by_label(wijk or "Dat maakt niet uit", exact=True).check()
    answer(page, "Bekijk de uitkomst")
    page.wait_for_selector("#ww-resultaat:not([hidden])")


# --- Every rung through the questions -------------------------------------------------


@pytest.mark.parametrize("rung", [1, 2, 3, 4, 5, 6])
def test_questions_lead_to_every_rung(page, small, small_url, rung):
    site, _ = small
    errors = watch_errors(page)
    open_page(page, small_url)
    click_through(page, ["Inkomen", "Sociale contacten"], rung, ["Ouderen"], "Noord")
    state = f"leefgebieden=inkomen,sociale-contacten&ladder={rung}&doelgroepen=ouderen&wijk=noord"
    assert urlsplit(page.url).fragment == state
    assert urlsplit(page.url).query == ""
    answers = page.locator("#ww-antwoorden").inner_text()
    # In plain words (the rung's description), with the rung's number only on screen.
    assert f"{RUNGS[rung].omschrijving} (trede {rung})" in answers
    now, nxt = expected(site, ["inkomen", "sociale-contacten"], rung, ["ouderen"], "noord")
    assert hrefs(page, "past-nu") == now
    assert hrefs(page, "volgende-stap") == nxt
    assert errors == []


def test_a_professional_can_set_the_rung_directly(page, small, small_url):
    open_page(page, small_url)
    answer(page, "Volgende")
    answer(page, "Kies de trede zelf")
    answer(page, "Volgende")  # nothing chosen yet
    assert step(page).locator(".ww-fout").is_visible()
    step(page).get_by_label("Trede 4: Onbetaald werk").check()
    answer(page, "Volgende")
    answer(page, "Volgende")
    answer(page, "Bekijk de uitkomst")
    wait_for_view(page, "ladder=4")
    assert hrefs(page, "past-nu") == expected(small[0], rung=4)[0]


# --- The browser gives what the Python reference gives --------------------------------


def combinations(site, count: int = 36) -> list[tuple]:
    """Answer combinations over every rung: none, a few, above the threshold, all filters;
    (leefgebieden, rung, doelgroepen, wijk, leeftijd), with an age in two of three."""
    rng = random.Random(20261123)
    leef = [t.id for t in site.taxonomy.leefgebieden]
    groups = [t.id for t in site.taxonomy.doelgroepen]
    wijken = [t.id for t in site.taxonomy.wijken]
    drempel = site.config.wegwijzer.drempel
    combos = []
    for index in range(count):
        rung = index % 6 + 1
        kind = index // 6 % 6
        if kind == 0:
            combo = ((), rung, (), None)
        elif kind == 1:
            combo = (tuple(rng.sample(leef, 1)), rung, (), None)
        elif kind == 2:
            combo = (tuple(rng.sample(leef, min(drempel, len(leef)))), rung, (), None)
        elif kind == 3:
            combo = (tuple(rng.sample(leef, 2)), rung, tuple(rng.sample(groups, 1)), None)
        elif kind == 4:
            combo = ((), rung, (), rng.choice(wijken))
        else:
            combo = (
                tuple(rng.sample(leef, rng.randint(1, 3))),
                rung,
                tuple(rng.sample(groups, min(2, len(groups)))),
                rng.choice(wijken),
            )
        # Taxonomy order, as the browser writes it.
        combo = (
            tuple(i for i in leef if i in combo[0]),
            combo[1],
            tuple(i for i in groups if i in combo[2]),
            combo[3],
            rng.choice((None, 8, 16, 18, 27, 30, 55, 67, 80)),
        )
        combos.append(combo)
    return combos


def check_combinations(page, site, url: str, combos) -> list[str]:
    """Open every combination as a fragment link; return the differences with Python."""
    differences = []
    open_page(page, url)
    for leef, rung, groups, wijk, age in combos:
        link = fragment(leef, rung, groups, wijk, leeftijd=age)
        page.goto(url + link)  # same document: the script follows the fragment
        wait_for_view(page, link[1:])
        now, nxt = expected(site, leef, rung, groups, wijk, age)
        if (hrefs(page, "past-nu"), hrefs(page, "volgende-stap")) != (now, nxt):
            differences.append(f"{link}: lists differ")
        said = outcome(site, leef, rung, wijk)
        text = page.locator("#uitkomst").inner_text()
        if said.message not in text or (said.fits and said.next_step not in text):
            differences.append(f"{link}: outcome {text!r}")
        if said.fits and said.contact and said.contact.naam not in text:
            differences.append(f"{link}: contact missing")
        page.emulate_media(media="print")
        if pdf_pages(page) != 1:  # the handout of every combination fits one A4
            differences.append(f"{link}: the handout is not one page")
        page.emulate_media(media="screen")
    return differences


# tests/test_parity.py compares the rules for hundreds of answers without a browser;
# these check that the page shows what the rules give.


def test_browser_matches_python_on_the_small_site(page, small, small_url):
    site, _ = small
    combos = combinations(site, 12)
    # And the hand-made ties of test_wegwijzer.py.
    combos += [
        (("gezondheid", "sociale-contacten"), 2, (), None, None),
        (("gezondheid", "sociale-contacten"), 3, (), None, None),
        (("werk", "sociale-contacten"), 2, ("jongeren",), "zuid", None),
        (("huisvesting",), 2, (), None, None),
    ]
    errors = watch_errors(page)
    assert check_combinations(page, site, small_url, combos) == []
    assert errors == []


def test_browser_matches_python_on_the_example_content(page, example, example_url):
    combos = combinations(example, 102)
    assert len(combos) >= 100 and {c[1] for c in combos} == set(range(1, 7))
    assert sum(c[4] is not None for c in combos) >= 50  # with an age
    # The combinations are not trivially empty.
    assert sum(1 for c in combos if match(example, c[0], c[1], c[2], c[3], c[4])[0]) >= 50
    errors = watch_errors(page)
    assert check_combinations(page, example, example_url, combos) == []
    assert errors == []


# --- Links, back and restart ----------------------------------------------------------


def test_a_fragment_link_reproduces_the_result(browser, small_url):
    first = browser.new_page()
    open_page(first, small_url)
    click_through(first, ["Werk", "Gezondheid"], 3, ["Jongeren"], "Zuid")
    link = first.url
    lists = hrefs(first, "past-nu"), hrefs(first, "volgende-stap")
    answers = first.locator("#ww-antwoorden").inner_text()
    first.close()

    second = browser.new_page()
    second.goto(link)
    second.wait_for_selector(READY)
    assert second.locator("#ww-resultaat").is_visible()
    assert (hrefs(second, "past-nu"), hrefs(second, "volgende-stap")) == lists
    assert second.locator("#ww-antwoorden").inner_text() == answers
    assert not second.locator("form.ww-stap:visible").count()
    second.close()


def test_a_link_is_cleaned_of_unknown_answers(page, small_url):
    open_page(page, small_url + "#wijk=atlantis&leefgebieden=onzin,werk,inkomen&ladder=2")
    assert urlsplit(page.url).fragment == "leefgebieden=inkomen,werk&ladder=2"
    answers = page.locator("#ww-antwoorden").inner_text()
    assert "Wijk" not in answers and "Groep" not in answers  # nothing shown for what was not asked


def test_back_and_restart(page, small_url):
    open_page(page, small_url)
    step(page).get_by_label("Inkomen", exact=True).check()
    answer(page, "Volgende")
    answer(page, "Nee")
    answer(page, "Nee")
    answer(page, "Ja")  # rung 3
    assert step(page).get_attribute("data-stap") == "doelgroepen"
    answer(page, "Vorige")  # to the question that gave rung 3
    assert step(page).get_attribute("data-stap") == "georganiseerd"
    answer(page, "Vorige")
    assert step(page).get_attribute("data-stap") == "onbetaald"
    page.go_back()  # the browser's back button works too
    wait_for_view(page, "stap=georganiseerd&leefgebieden=inkomen&ladder=3")
    answer(page, "Ja")
    answer(page, "Volgende")
    step(page).get_by_label("Zuid", exact=True).check()
    answer(page, "Bekijk de uitkomst")
    wait_for_view(page, "leefgebieden=inkomen&ladder=3&wijk=zuid")

    answer_result = page.locator("#ww-resultaat")
    answer_result.get_by_role("button", name="Antwoorden aanpassen").click()
    assert step(page).get_attribute("data-stap") == "wijk"
    assert step(page).get_by_label("Zuid", exact=True).is_checked()
    answer(page, "Vorige")
    answer(page, "Vorige")
    answer(page, "Vorige")
    answer(page, "Vorige")
    answer(page, "Vorige")
    assert step(page).get_attribute("data-stap") == "leefgebieden"
    assert step(page).get_by_label("Inkomen", exact=True).is_checked()

    answer(page, "Opnieuw beginnen")
    wait_for_view(page, "")
    assert urlsplit(page.url).fragment == ""
    assert step(page).get_attribute("data-stap") == "leefgebieden"
    assert not step(page).get_by_label("Inkomen", exact=True).is_checked()


def test_restart_from_the_result(page, small_url):
    open_page(page, small_url + fragment(["werk"], 5, [], "noord"))
    page.locator("#ww-resultaat").get_by_role("button", name="Opnieuw beginnen").click()
    wait_for_view(page, "")
    assert step(page).get_attribute("data-stap") == "leefgebieden"
    assert page.evaluate("document.activeElement.textContent").startswith("Op welke leefgebieden")


def test_skip_link_keeps_the_result_and_its_address(page, small_url):
    link = fragment(["werk"], 5)
    open_page(page, small_url + link)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    page.keyboard.press("Enter")
    page.wait_for_url(small_url + link)
    assert page.locator("#ww-resultaat").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


# --- Keyboard and screen reader -------------------------------------------------------


def tab_to(page, selector: str, text: str | None = None, limit: int = 40) -> None:
    """Press Tab until the focused element matches `selector` (and has `text`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "([s, t]) => { const e = document.activeElement;"
            " return e.matches(s) && (t === null || e.textContent.trim() === t); }",
            [selector, text],
        ):
            return
    raise AssertionError(f"Tab never reached {selector} {text or ''}")


def wait_for_announcement(page, start: str) -> None:
    # A function, not an expression: the page's CSP forbids eval of strings.
    page.wait_for_function(
        "s => document.getElementById('ww-melding').textContent.startsWith(s)", arg=start
    )


def focused_heading(page) -> str:
    return page.evaluate(
        "(() => { const e = document.activeElement;"
        " return e.matches('h2.ww-vraag') && e.offsetParent !== null ? e.textContent : ''; })()"
    )


def test_keyboard_only_completion_moves_focus_and_announces(page, small, small_url):
    open_page(page, small_url)
    tab_to(page, "input[name=leefgebieden][value=werk]")
    page.keyboard.press("Space")
    tab_to(page, "#stap-leefgebieden button[type=submit]")
    page.keyboard.press("Enter")
    assert focused_heading(page) == "Heeft u betaald werk?"
    wait_for_announcement(page, "Vraag 2 van 4")
    for text in ("Nee", "Nee", "Ja"):  # rung 3
        tab_to(page, "form.ww-stap:not([hidden]) .ww-janee button", text)
        page.keyboard.press("Enter")
        assert focused_heading(page)
    assert focused_heading(page) == "Hoort u bij een van deze groepen?"
    tab_to(page, "#stap-doelgroepen button[type=submit]")
    page.keyboard.press("Enter")
    assert focused_heading(page) == "In welke wijk woont u?"
    tab_to(page, "input[name=wijk]:checked")
    page.keyboard.press("ArrowDown")  # radios: arrow keys pick the next wijk
    tab_to(page, "#stap-wijk button[type=submit]")
    page.keyboard.press("Enter")
    wait_for_view(page, "leefgebieden=werk&ladder=3&wijk=noord")
    assert page.evaluate("document.activeElement.id") == "kop-resultaat"
    wait_for_announcement(page, "Uw uitkomst staat klaar")
    now, nxt = expected(small[0], ["werk"], 3, (), "noord")
    assert (hrefs(page, "past-nu"), hrefs(page, "volgende-stap")) == (now, nxt)
    # And back again by keyboard.
    tab_to(page, "#ww-resultaat button[data-actie=vorige]")
    page.keyboard.press("Enter")
    assert focused_heading(page) == "In welke wijk woont u?"


def test_opening_the_page_does_not_steal_focus(page, small_url):
    open_page(page, small_url)
    assert page.evaluate("document.activeElement === document.body")


# --- Privacy: no requests -------------------------------------------------------------


def test_no_request_after_the_page_has_loaded(page, small_url):
    requests = []
    page.on("request", lambda r: requests.append(r))
    open_page(page, small_url)
    loaded = [r.url for r in requests]
    assert [u for u in loaded if u.endswith("/data.json")] == [small_url + "data.json"]
    assert all("?" not in u and "#" not in u for u in loaded)
    requests.clear()
    click_through(page, ["Inkomen", "Werk", "Scholing", "Huisvesting"], 2, ["Ouderen"], "Zuid")
    page.locator("#ww-resultaat").get_by_role("button", name="Antwoorden aanpassen").click()
    answer(page, "Bekijk de uitkomst")
    page.locator(".ww-houden-vinkje").first.uncheck()
    page.go_back()
    page.go_forward()
    page.emulate_media(media="print")
    page.emulate_media(media="screen")
    page.wait_for_timeout(300)
    # Chromium itself re-checks the page's icon whenever the URL changes, even for a
    # fragment (a skip link does the same on every page). That is the static icon, and
    # browsers never send the fragment, so the answers still go nowhere.
    icon = small_url.replace("wegwijzer/", "static/favicon.svg")
    assert [r.url for r in requests if r.url != icon] == []
    for request in requests:
        assert request.method == "GET" and request.post_data is None
        assert request.headers.get("referer") in (None, small_url)


# --- Accessibility --------------------------------------------------------------------


STEPS = ["leefgebieden", "werk", "steun", "onbetaald", "georganiseerd", "contact", "trede"]


@pytest.mark.parametrize("width", [360, 1280])
def test_axe_at_every_question_and_on_a_result(browser, small_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    found: list[str] = []
    wide: list[str] = []
    views = [fragment(stap=s) if s != "leefgebieden" else "" for s in STEPS]
    views += [fragment(rung=2, stap="doelgroepen"), fragment(rung=2, stap="wijk")]
    views += [
        fragment(["inkomen", "werk", "scholing", "huisvesting"], 2),  # fits: contact shown
        fragment(["huisvesting"], 6),  # empty lists
    ]
    for view in views:
        open_page(page, small_url + view)
        if view == fragment(stap="trede"):
            answer(page, "Volgende")  # with its error message showing
        found += [str(v) for v in axe_check(page, view or "start")]
        if page.evaluate("document.documentElement.scrollWidth") > width:
            wide.append(view)
    context.close()
    assert found == []
    assert wide == []


def test_axe_on_the_example_content_result(page, example_url, example):
    leef = [t.id for t in example.taxonomy.leefgebieden][:4]
    open_page(page, example_url + fragment(leef, 2))
    assert axe_check(page, "example result") == []
    page.locator("#past-nu button.ww-toon-alle").click()  # the expanded list
    assert axe_check(page, "example result, expanded") == []
    open_page(page, example_url + fragment(leef, 2, stap="doelgroepen"))
    page.locator("#ww-leeftijd").fill("200")
    answer(page, "Volgende")  # the age question with its error message showing
    assert page.locator("#fout-leeftijd").is_visible()
    assert axe_check(page, "age question with error") == []


# --- The example of the issue: a man of 67 in De Horst --------------------------------


def test_a_man_of_67_in_de_horst_gets_his_wijk_contact_and_fitting_activities(
    page, example, example_url
):
    """Problems on income, work, health and social contacts, no weekly contact outside
    the home (rung 1), living in De Horst, 67 years old: answered through the questions."""
    leef = ["inkomen", "werk", "gezondheid", "sociale-contacten"]
    errors = watch_errors(page)
    open_page(page, example_url)
    assert page.locator(".direct-hulp").get_by_role("link", name="0800-0113").is_visible()
    for naam in ("Inkomen", "Werk", "Gezondheid", "Sociale contacten"):
        step(page).get_by_label(naam, exact=True).check()
    answer(page, "Volgende")
    for text in ANSWERS[1]:
        answer(page, text)
    page.locator("#ww-leeftijd").fill("67")
    answer(page, "Volgende")
    step(page).get_by_label("De Horst", exact=True).check()
    answer(page, "Bekijk de uitkomst")
    page.wait_for_selector("#ww-resultaat:not([hidden])")
    assert urlsplit(page.url).fragment == (
        "leefgebieden=inkomen,werk,gezondheid,sociale-contacten&ladder=1&leeftijd=67&wijk=de-horst"
    )
    said = outcome(example, leef, 1, "de-horst")
    assert said.fits and said.contact.slug == "wijkcentrum-het-anker"
    box = page.locator("#uitkomst").inner_text()
    assert said.next_step in box and "Wijkcentrum Het Anker" in box and "0123 46 11 20" in box
    now, nxt = expected(example, leef, 1, (), "de-horst", 67)
    assert hrefs(page, "past-nu") == now and hrefs(page, "volgende-stap") == nxt
    by_slug = {a.slug: a for a in example.activities}
    shown = [by_slug[h.split("/")[-2]] for h in now + nxt]
    assert all(a.leeftijd.min in (None,) or a.leeftijd.min <= 67 for a in shown)
    assert all(a.leeftijd.max is None or a.leeftijd.max >= 67 for a in shown)
    assert not any(a.slug == "boerderijclub-voor-kinderen" for a in shown)  # 6 to 17
    # The first five are freely accessible; the first and most of them are for social
    # contacts (the others share as many of his leefgebieden, such as money help).
    top = [by_slug[h.split("/")[-2]] for h in now[:5]]
    assert [a.toegang.value for a in top] == ["vrij"] * 5
    assert "sociale-contacten" in top[0].leefgebieden
    assert sum("sociale-contacten" in a.leefgebieden for a in top) >= 3
    assert page.locator("#past-nu ol > li:visible").count() == 5
    answers = page.locator("#ww-antwoorden").inner_text()
    assert "Leeftijd\n67 jaar" in answers and "Wijk\nDe Horst" in answers
    page.emulate_media(media="print")
    assert pdf_pages(page) == 1
    assert errors == []


def test_targets_are_at_least_24_pixels_on_a_phone(browser, small_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    small_targets: list[str] = []
    for view in ["", fragment(stap="werk"), fragment(["werk"], 4)]:
        open_page(page, small_url + view)
        small_targets += page.evaluate(
            """() => [...document.querySelectorAll('#wegwijzer :is(button, input, a)')]
                .filter(e => e.offsetParent !== null)
                .map(e => [e, (e.closest('label') || e).getBoundingClientRect()])
                .filter(([e, r]) => r.width < 24 || r.height < 24)
                .map(([e, r]) => e.outerHTML.slice(0, 80) + ` ${r.width}x${r.height}`)"""
        )
    context.close()
    assert small_targets == []


def test_without_javascript_the_page_explains_ladder_and_leefgebieden(browser, small_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(small_url)
    assert not page.locator("#wegwijzer").is_visible()
    fallback = page.locator("#ww-zonder-js")
    assert fallback.is_visible()
    assert (
        fallback.get_by_role("link", name="Meer over de participatieladder").get_attribute("href")
        == "../ladder/"
    )
    assert fallback.get_by_role("link", name="Alle leefgebieden").get_attribute("href") == (
        "../leefgebieden/"
    )
    assert fallback.get_by_role("link", name=re.compile("^Trede 1")).is_visible()
    assert page.locator("details.ww-hoe").is_visible()
    context.close()


# --- Print: the handout ---------------------------------------------------------------


def test_print_shows_the_handout_and_hides_questions_and_navigation(page, small, small_url):
    site, _ = small
    leef = ["inkomen", "werk", "scholing", "sociale-contacten"]
    open_page(page, small_url + fragment(leef, 2))
    first = page.locator("#past-nu li").first
    title = first.locator("h3").inner_text()
    page.locator(".ww-houden-vinkje").nth(1).uncheck()  # leave the second one off
    left_out = page.locator("#past-nu li").nth(1).locator("h3").inner_text()
    page.emulate_media(media="print")

    for hidden in (
        "nav",
        ".skiplink",
        ".site-footer",
        "form.ww-stap",
        ".ww-knoppen",
        "details.ww-hoe",
        ".ww-houden",
        ".ww-intro",
    ):
        assert page.locator(hidden).evaluate_all(
            "els => els.every(e => getComputedStyle(e).display === 'none'"
            " || e.offsetParent === null)"
        ), hidden
    assert page.locator("#uitkomst").is_visible()
    uitkomst = page.locator("#uitkomst").inner_text()
    assert outcome(site, leef, 2).message in uitkomst
    assert "0123 45 00 00" in uitkomst  # the contact's phone
    assert first.is_visible() and title
    assert not page.get_by_role("heading", name=left_out, exact=True).is_visible()
    handout = page.locator("#ww-resultaat").inner_text()
    koffie = next(a for a in site.activities if a.slug == "a-koffie")
    assert koffie.wanneer in handout and koffie.locatie in handout
    assert "info@anker.example" in handout and "0123 45 11 11" in handout
    # The address under basis_url, not the local test server's.
    public = site.config.basis_url + "wegwijzer/#" + urlsplit(page.url).fragment
    assert page.locator("#ww-adres").inner_text() == public
    assert pdf_pages(page) == 1


def pdf_pages(page) -> int:
    pdf = page.pdf(format="A4")
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_answer_shows_the_best_five_and_three_first(page, example, example_url):
    """The lists hold every match in order; all but the first 5 and 3 are collapsed
    behind "Toon alle N", which opens and closes them (aria-expanded)."""
    open_page(page, example_url + fragment(rung=2))
    now, nxt = expected(example, rung=2)
    assert hrefs(page, "past-nu") == now and hrefs(page, "volgende-stap") == nxt
    for list_id, matches, shown in (("past-nu", now, 5), ("volgende-stap", nxt, 3)):
        items = page.locator(f"#{list_id} ol > li")
        assert [items.nth(i).is_visible() for i in range(len(matches))] == (
            [True] * shown + [False] * (len(matches) - shown)
        )
        button = page.locator(f"#{list_id} button.ww-toon-alle")
        assert button.inner_text() == f"Toon alle {len(matches)}"
        assert button.get_attribute("aria-expanded") == "false"
        button.click()
        assert all(items.nth(i).is_visible() for i in range(len(matches)))
        assert button.get_attribute("aria-expanded") == "true"
        assert button.inner_text() == f"Toon alleen de eerste {shown}"
        button.click()
        assert not items.nth(shown).is_visible()
    leef, rung = next(  # answers with a few matches: then there is nothing to show more of
        ([t.id], r)
        for t in example.taxonomy.leefgebieden
        for r in range(1, 7)
        if 0 < len(expected(example, [t.id], r, leeftijd=67)[0]) <= 5
    )
    open_page(page, example_url + fragment(leef, rung, leeftijd=67))
    assert len(hrefs(page, "past-nu")) <= 5
    assert page.locator("#past-nu button.ww-toon-alle").count() == 0
    assert page.locator("#past-nu ol > li:visible").count() == len(hrefs(page, "past-nu"))


def test_handout_starts_with_the_top_of_each_list_on_one_page(page, example, example_url):
    # Without filters, rung 2 matches most of the example content.
    open_page(page, example_url + fragment(rung=2))
    now, nxt = expected(example, rung=2)
    assert len(now) > 5 and len(nxt) > 3
    page.emulate_media(media="print")
    printed = page.eval_on_selector_all(
        ".ww-item h3 a",
        "links => links.filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))",
    )
    assert printed == now[:5] + nxt[:3]
    assert pdf_pages(page) == 1
    page.emulate_media(media="screen")
    page.locator("#past-nu").get_by_role("button", name=f"Toon alle {len(now)}").click()
    page.locator("#past-nu .ww-houden-vinkje").nth(7).check()  # one more
    page.emulate_media(media="print")
    assert page.locator("#past-nu li").nth(7).is_visible()


# --- The handout: date, note, at most eight, and a QR code that reads back ------------


def read_qr(page, selector: str) -> list[str]:
    """The text of the QR code(s) in the element, read from a screenshot by zxing-cpp."""
    import io

    import zxingcpp
    from PIL import Image

    shot = page.locator(selector).screenshot(scale="device")
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))]


@pytest.fixture
def sharp(browser):
    """A page with three device pixels per CSS pixel, as a phone camera sees print."""
    context = browser.new_context(device_scale_factor=3)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_the_handout_has_the_date_a_note_and_a_qr_code_of_its_address(sharp, example, example_url):
    page = sharp
    import datetime as dt

    link = fragment(["inkomen", "werk", "gezondheid", "sociale-contacten"], 1, (), "de-horst")
    link += "&leeftijd=67"
    open_page(page, example_url + link)
    note = "Maandag 10 uur: Sanne belt u."
    page.locator("#ww-notitie").fill(note)
    assert note not in page.url
    assert page.evaluate("sessionStorage.length + localStorage.length") == 0
    page.emulate_media(media="print")
    assert page.locator("#ww-notitie-print").inner_text() == note
    assert not page.locator("#ww-notitie").is_visible()
    months = (
        "januari februari maart april mei juni juli augustus september oktober november december"
    )
    today = dt.date.today()  # noqa: DTZ011 (the browser's local date, on this machine)
    assert (
        f"{today.day} {months.split()[today.month - 1]} {today.year}"
        in page.locator("#ww-resultaat").inner_text()
    )
    public = example.config.basis_url + "wegwijzer/#" + urlsplit(page.url).fragment  # not 127.0.0.1
    assert page.locator("#ww-adres").inner_text() == public
    assert read_qr(page, "#ww-qr-code") == [public]
    assert pdf_pages(page) == 1


def test_more_than_eight_on_the_handout_are_counted_not_printed(page, example, example_url):
    open_page(page, example_url + fragment(rung=2))
    now, _ = expected(example, rung=2)
    page.locator("#past-nu button.ww-toon-alle").click()
    boxes = page.locator("#past-nu .ww-houden-vinkje")
    for index in range(5, 12):
        boxes.nth(index).check()  # 12 past nu and 3 volgende stap: 15 ticked
    page.emulate_media(media="print")
    printed = page.eval_on_selector_all(
        ".ww-item h3 a",
        "links => links.filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))",
    )
    assert printed == now[:8]
    assert page.locator("#ww-nog-meer").inner_text() == (
        "En nog 7 activiteiten: zie de link hieronder."
    )
    assert pdf_pages(page) == 1


def test_a_printed_activity_or_organisation_page_has_a_qr_code_of_its_address(
    sharp, example, example_site, serve_site
):
    page = sharp
    base = serve_site(example_site)
    pages = [f"activiteiten/{a.slug}/" for a in example.activities[:3]]
    pages += [f"organisaties/{o.slug}/" for o in example.organisations[:2]]
    for path in pages:
        page.goto(base + path)
        assert not page.locator(".print-qr").is_visible()  # on paper only
        page.emulate_media(media="print")
        assert read_qr(page, ".print-qr svg") == [example.config.basis_url + path], path
        page.emulate_media(media="screen")
