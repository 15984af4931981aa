"""Mijn lijstje in Chromium: collect activities anywhere, then print, mail or share the list.

The list lives in the URL fragment of /lijstje/ and in this tab's sessionStorage; it is
never sent anywhere (no request after load). Its handout is one A4 for 1 to 8 activities,
and its QR code reads back as the list's address under basis_url.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from generator.build import check
from tests.helpers import REPO, axe_check, watch_errors
from tests.test_wegwijzer_browser import pdf_pages, read_qr

READY = "#lijstje[data-klaar]"


@pytest.fixture(scope="module")
def example():
    return check(REPO / "content")[0]


@pytest.fixture
def base(example_site: Path, serve_site) -> str:
    return serve_site(example_site)


def open_list(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY)


def listed(page) -> list[str]:
    return page.eval_on_selector_all(
        "#lijstje-inhoud li h3 a", "links => links.map(a => a.getAttribute('href'))"
    )


def test_collect_from_an_activity_page_a_listing_search_and_the_wegwijzer(page, example, base):
    errors = watch_errors(page)
    first, second, third, fourth = (a.slug for a in example.activities[:4])
    page.goto(base + f"activiteiten/{first}/")
    button = page.locator(".entry .lijstje-knop")
    expect(button).to_be_visible()
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    page.goto(base + "ladder/1/")  # a listing page: one button per card
    card = page.locator(".card", has=page.locator(f"a[href$='activiteiten/{second}/']")).first
    card.get_by_role("button", name=re.compile("^Zet op mijn lijstje")).click()
    page.goto(base + "zoeken/?q=" + example.activities[2].titel.split()[0])
    page.wait_for_selector("#zoeken[data-klaar]")
    result = page.locator(".zk-resultaat", has=page.locator(f"a[href$='activiteiten/{third}/']"))
    result.get_by_role("button", name=re.compile("^Zet op mijn lijstje")).click()
    page.goto(base + "wegwijzer/#ladder=" + str(example.activities[3].ladder[0]))
    page.wait_for_selector("#wegwijzer[data-klaar]")
    if page.locator("#past-nu button.ww-toon-alle").count():
        page.locator("#past-nu button.ww-toon-alle").click()
    item = page.locator("#past-nu li", has=page.locator(f"a[href$='activiteiten/{fourth}/']"))
    item.get_by_role("button", name=re.compile("^Zet op mijn lijstje")).click()
    # The footer's "Mijn lijstje" link counts them, and leads to the list.
    expect(page.locator("nav#menu").get_by_role("link", name="Mijn lijstje (4)")).to_be_visible()
    page.locator("nav#menu").get_by_role("link", name="Mijn lijstje (4)").click()
    page.wait_for_selector(READY)
    assert listed(page) == [f"../activiteiten/{s}/" for s in (first, second, third, fourth)]
    assert urlsplit(page.url).fragment == f"a={first},{second},{third},{fourth}"
    assert urlsplit(page.url).query == ""
    assert errors == []


def test_the_list_opens_from_its_link_and_shares_without_a_server(browser, example, base):
    slugs = [a.slug for a in example.activities[5:8]]
    context = browser.new_context()  # a fresh browser: nothing in its storage
    page = context.new_page()
    open_list(page, base + "lijstje/#a=" + ",".join([*slugs, "bestaat-niet", slugs[0]]))
    assert listed(page) == [f"../activiteiten/{s}/" for s in slugs]
    assert urlsplit(page.url).fragment == "a=" + ",".join(slugs)  # cleaned
    public = example.config.basis_url + "lijstje/#a=" + ",".join(slugs)
    mail = page.locator("#lijstje-mail").get_attribute("href")
    sms = page.locator("#lijstje-sms").get_attribute("href")
    assert mail.startswith("mailto:?subject=Mijn%20lijstje&body=") and public in unquote(mail)
    assert sms.startswith("sms:?&body=") and public in unquote(sms)
    # Take one off, then wipe the list: the address and the tab's storage follow.
    titel = re.escape(example.activities[6].titel)
    page.get_by_role("button", name=re.compile(f"^Haal van mijn lijstje.*{titel}$")).click()
    assert listed(page) == [f"../activiteiten/{s}/" for s in (slugs[0], slugs[2])]
    assert page.evaluate("sessionStorage.getItem('sociale-kaart-lijstje')") == (
        f"{slugs[0]},{slugs[2]}"
    )
    page.get_by_role("button", name="Lijstje wissen").click()
    assert listed(page) == [] and urlsplit(page.url).fragment == ""
    assert page.evaluate("sessionStorage.length") == 0
    expect(page.locator("#lijstje-leeg")).to_be_visible()
    context.close()


def test_copy_link_puts_the_address_on_the_clipboard(browser, example, base):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    slug = example.activities[0].slug
    open_list(page, base + f"lijstje/#a={slug}")
    page.get_by_role("button", name="Kopieer link").click()
    expect(page.locator("#lijstje-melding")).to_have_text("De link is gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()") == (
        example.config.basis_url + f"lijstje/#a={slug}"
    )
    context.close()


@pytest.mark.parametrize("count", [1, 4, 8, 11])
def test_the_list_prints_on_one_a4_with_a_qr_code(browser, example, base, count):
    context = browser.new_context(device_scale_factor=3)
    page = context.new_page()
    # The activities with the most to say first: the hardest case for one page.
    longest = sorted(example.activities, key=lambda a: -len(a.beschrijving + a.wanneer))
    slugs = [a.slug for a in longest[:count]]
    open_list(page, base + "lijstje/#a=" + ",".join(slugs))
    page.locator("#lijstje-notitie").fill("Bel gerust als er vragen zijn.")
    page.emulate_media(media="print")
    printed = page.eval_on_selector_all(
        "#lijstje-inhoud li h3 a",
        "links => links.filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))",
    )
    assert printed == [f"../activiteiten/{s}/" for s in slugs[:8]]
    if count > 8:
        assert page.locator("#lijstje-nog-meer").inner_text() == (
            f"En nog {count - 8} activiteiten: zie de link hieronder."
        )
    assert page.locator("#lijstje-notitie-print").inner_text() == "Bel gerust als er vragen zijn."
    public = example.config.basis_url + "lijstje/#a=" + ",".join(slugs)
    assert read_qr(page, "#lijstje-qr") == [public]
    assert pdf_pages(page) == 1
    context.close()


def test_no_request_after_load_and_axe_on_the_list(page, example, base):
    slug = example.activities[0].slug
    open_list(page, base + "lijstje/")
    assert axe_check(page, "empty list") == []
    open_list(page, base + f"lijstje/#a={slug}")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.get_by_role("button", name=re.compile("^Haal van mijn lijstje")).click()
    page.goto(base + f"lijstje/#a={slug}")  # same document: only the fragment changes
    page.locator("#lijstje-notitie").fill("notitie")
    page.get_by_role("button", name="Kopieer link").click()
    # The browser itself may fetch the tab's icon again; the page asks for nothing.
    assert [r for r in requests if not r.endswith("/static/favicon.svg")] == []
    assert axe_check(page, "list with an activity") == []


def test_keyboard_only_expand_the_answer_and_keep_a_list(page, example, base):
    """Tab and Enter alone: open the collapsed list on the wegwijzer's result, put an
    activity on the list, and take it off again on the list page."""
    page.goto(base + "wegwijzer/#ladder=2")
    page.wait_for_selector("#wegwijzer[data-klaar]")

    def tab_to(selector: str) -> None:
        for _ in range(400):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("#past-nu button.ww-toon-alle")
    page.keyboard.press("Enter")
    expect(page.locator("#past-nu button.ww-toon-alle")).to_have_attribute("aria-expanded", "true")
    tab_to("#past-nu li:nth-child(6) button.lijstje-knop")  # one that was collapsed
    page.keyboard.press("Enter")
    sixth = page.locator("#past-nu li:nth-child(6)")
    expect(sixth.locator("button.lijstje-knop")).to_have_attribute("aria-pressed", "true")
    href = sixth.locator("h3 a").get_attribute("href")
    page.goto(base + "lijstje/")
    page.wait_for_selector(READY)
    assert listed(page) == [href]
    tab_to("#lijstje-inhoud button[data-actie='weg']")
    page.keyboard.press("Enter")
    assert listed(page) == []
    expect(page.locator("#lijstje-melding")).to_contain_text("staat niet meer op je lijstje")
