"""Every page type in a real browser: axe-core, keyboard, zoom, narrow screens, no third parties."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.build import check
from tests.helpers import REPO, axe_check, watch_errors


@pytest.fixture(scope="module")
def example():
    site, _ = check(REPO / "content")
    return site


@pytest.fixture(scope="module")
def page_types(example) -> dict[str, str]:
    """One URL of every kind of page of the example site."""
    activity = next(a for a in example.activities if a.doelgroepen and a.wijken)
    return {
        "home": "",
        "activiteit": f"activiteiten/{activity.slug}/",
        "organisatie": f"organisaties/{activity.organisatie}/",
        "doelgroep": f"doelgroepen/{activity.doelgroepen[0]}/",
        "voor iedereen": "doelgroepen/voor-iedereen/",
        "doelgroepen": "doelgroepen/",
        "trede": "ladder/3/",
        "ladder": "ladder/",
        "leefgebied": f"leefgebieden/{example.taxonomy.leefgebieden[0].id}/",
        "leefgebieden": "leefgebieden/",
        "wijk": f"wijken/{activity.wijken[0]}/",
        "wijken": "wijken/",
        "overzicht": "overzicht/",
        "overzicht van een wijk": f"overzicht/wijken/{activity.wijken[0]}/",
        "overzicht per leefgebied": "overzicht/leefgebieden/",
        "overzicht per soort": "overzicht/soorten/",
        "overzicht per toegang": "overzicht/toegang/",
        "analyse": "overzicht/analyse/",
        "alle activiteiten": "activiteiten/",
        "organisaties": "organisaties/",
        "404": "404.html",
        "zoeken": "zoeken/",
        "zoeken met resultaten en filters": "zoeken/?q=eenzaam&toegang=vrij&ladder=2",
        "wegwijzer": "wegwijzer/",
        "wegwijzer-uitkomst": (
            "wegwijzer/#leefgebieden=inkomen,werk,gezondheid,sociale-contacten&ladder=2"
        ),
        "soorten": "soorten/",
        "soort": f"soorten/{example.taxonomy.soorten[0].id}/",
        "lijstje": f"lijstje/#a={activity.slug},{example.activities[1].slug}",
        "open data": "open-data/",
        "kaart": "kaart/",
        "toegankelijkheid": "toegankelijkheid/",
        "privacy": "privacy/",
        "eigen pagina": "over-deze-site/",
    }


@pytest.fixture(scope="module")
def base_url(example_site, serve_site) -> str:
    return serve_site(example_site)


@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_violations_on_any_page_type(page, base_url, page_types, width):
    page.set_viewport_size({"width": width, "height": 800})
    found = []
    for label, url in page_types.items():
        page.goto(base_url + url)
        found += [str(v) for v in axe_check(page, label)]
    assert found == []


def test_no_request_leaves_the_site(page, base_url, page_types):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors = watch_errors(page)
    for url in page_types.values():
        page.goto(base_url + url)
    origin = urlsplit(base_url).netloc
    assert [r for r in requests if urlsplit(r).netloc != origin] == []
    assert errors == []


def test_skip_link_is_first_and_moves_focus_to_main(page, base_url, page_types):
    page.goto(base_url + page_types["activiteit"])
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Naar de inhoud"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0  # visible
    page.keyboard.press("Enter")
    page.wait_for_url("**#inhoud")  # following the link is asynchronous
    page.keyboard.press("Tab")
    inside_main = page.evaluate("document.querySelector('main').contains(document.activeElement)")
    assert inside_main


def test_keyboard_focus_is_visible(page, base_url, page_types):
    page.goto(base_url + page_types["home"])
    for _ in range(4):
        page.keyboard.press("Tab")
        style = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
        )
        assert style[0] != "none" and style[1] != "0px", style


def test_landmarks_and_single_h1(page, base_url, page_types):
    for label, url in page_types.items():
        page.goto(base_url + url)
        assert page.locator("html").get_attribute("lang") == "nl", label
        assert page.locator("h1").count() == 1, label
        assert page.get_by_role("banner").count() == 1, label
        assert page.get_by_role("main").count() == 1, label
        assert page.get_by_role("contentinfo").count() == 1, label
        assert page.get_by_role("navigation", name="Hoofdmenu").count() == 1, label


@pytest.mark.parametrize("width", [320, 640])
def test_no_horizontal_scrolling_on_narrow_screens_and_at_200_percent(
    browser, base_url, page_types, width
):
    # 640 CSS px at zoom 200% is a 1280 px window: WCAG 1.4.10 reflow and 1.4.4 resize text.
    context = browser.new_context(
        viewport={"width": width, "height": 800}, device_scale_factor=2 if width == 640 else 1
    )
    page = context.new_page()
    wide = []
    for label, url in page_types.items():
        page.goto(base_url + url)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide.append(f"{label}: {scroll}px")
    context.close()
    assert wide == []


def test_text_can_be_zoomed_to_200_percent(page, base_url, page_types):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + page_types["activiteit"])
    before = page.evaluate("getComputedStyle(document.querySelector('h1')).fontSize")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    after = page.evaluate("getComputedStyle(document.querySelector('h1')).fontSize")
    assert float(after.rstrip("px")) == pytest.approx(2 * float(before.rstrip("px")))
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_activity_essentials_fit_a_phone_screen(browser, base_url, example):
    """What, for whom, when, where, cost, access and whom to call: all before scrolling."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    too_long = []
    for activity in example.activities:
        page.goto(base_url + f"activiteiten/{activity.slug}/")
        bottom = page.evaluate("document.querySelector('dl.facts').getBoundingClientRect().bottom")
        if bottom > 640:
            too_long.append(f"{activity.slug}: {bottom:.0f}px")
    context.close()
    assert too_long == []


def test_entry_pages_print_on_one_clean_sheet(browser, base_url, example):
    """A GP prints an activity or organisation page: one A4, no menu, link targets written out."""
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(media="print")
    urls = [f"activiteiten/{a.slug}/" for a in example.activities]
    urls += [f"organisaties/{o.slug}/" for o in example.organisations]
    too_long, visible_menu = [], []
    for url in urls:
        page.goto(base_url + url)
        if page.get_by_role("navigation", name="Hoofdmenu").is_visible():
            visible_menu.append(url)
        pdf = page.pdf(format="A4", print_background=False)
        sheets = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        if sheets != 1:
            too_long.append(f"{url}: {sheets}")
    mail = page.locator('.entry a[href^="mailto:"]').first
    written_out = mail.evaluate("a => getComputedStyle(a, '::after').content")
    context.close()
    assert visible_menu == []
    assert too_long == []
    assert "mailto:" in written_out


def test_on_a_phone_the_first_result_shows_and_every_menu_link_is_one_tap_away(browser, base_url):
    """At 360x640: after a search with two filters the first result card is in view, and
    each main destination is in the header or behind its "Menu" link (one tap)."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(base_url + "zoeken/?q=koffie&doelgroep=ouderen&wijk=de-horst")
    page.wait_for_selector("#zoeken[data-klaar]")
    card = page.locator(".zk-resultaat").first
    box = card.bounding_box()
    assert box is not None and box["y"] + 40 <= 640, box  # at least its title is in view
    header = page.locator(".site-header nav[aria-label='Hoofdmenu']")
    destinations = [a.inner_text() for a in header.locator("a").all()]
    visible = [a.inner_text() for a in header.locator("a").all() if a.is_visible()]
    assert "Wegwijzer" in visible and "Menu" in visible
    page.locator(".site-header").get_by_role("link", name="Menu").click()
    menu = page.locator("nav#menu")
    assert menu.is_visible() and menu.bounding_box()["y"] < page.viewport_size["height"]
    in_menu = {a.inner_text().split(":")[0] for a in menu.locator("a").all()}
    hidden = [d for d in destinations if d not in visible]
    assert hidden and all(d in in_menu or f"Alle {d.lower()}" in in_menu for d in hidden), (
        hidden,
        in_menu,
    )
    context.close()
