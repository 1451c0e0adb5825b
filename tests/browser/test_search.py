"""The header search on Pagefind, as a visitor uses it: nothing fetched before the field is used, results in
the page's language, inflected forms and words typed without å/ä/ö, keyboard only with the count announced,
title + section + marked excerpt leading to the section, strings in the page's language, and without
JavaScript a link to the topic index A–Ö."""
from __future__ import annotations

import re

from tests.browser.searching import FIELD, pages_of, search

CONTENT = "agera/skolan/"
SEARCH_FILES = re.compile(r"/pagefind/|/search-ui\.js")


def test_nothing_of_the_search_is_fetched_before_the_field_is_used(page, served_site):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served_site + CONTENT)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 600)           # reading and moving around the page is not using the search
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    assert not [u for u in requests if SEARCH_FILES.search(u)], requests
    assert not page.is_checked("#__search")
    page.focus(FIELD)                  # focusing the field is: Pagefind and this language's index load
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('wasm.sv.pagefind'))")
    assert any(u.endswith("/pagefind/pagefind.js") for u in requests)
    assert not any("wasm.en" in u for u in requests)
    assert page.external == [] and page.console_errors == [], (page.external, page.console_errors)


def test_an_inflected_form_and_a_word_without_a_ring_or_umlaut_find_their_page(page, served_site):
    page.goto(served_site)
    for words, expected in (("människohandeln", "grunder/manniskohandel/"),   # definite form
                            ("riskgruppernas", "tecken/riskgrupper/"),         # genitive plural
                            ("manniskohandel", "grunder/manniskohandel/"),     # ä typed as a
                            ("betanketid", "lagstiftning/uppehallstillstand/")):
        assert expected in pages_of(search(page, words), served_site)[:3], words


def test_results_stay_in_the_page_language(page, served_site):
    page.goto(served_site + CONTENT)
    sv = search(page, "Barnahus")
    assert sv and all("/en/" not in u for u in sv), sv
    page.goto(served_site + "en/" + CONTENT)
    en = search(page, "Barnahus")
    assert en and all(u.startswith(served_site + "en/") for u in en), en
    assert page.get_attribute("html", "lang") == "en"


def test_the_index_follows_html_lang_for_any_language(page, served_site):
    """No language is named in the search code: Pagefind loads the index of the page's <html lang>."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served_site + CONTENT)
    page.evaluate("document.documentElement.lang = 'en'")
    urls = search(page, "trafficking")
    assert any("wasm.en.pagefind" in u for u in requests) and not any("wasm.sv" in u for u in requests)
    assert urls and all("/en/" in u for u in urls)


def test_search_by_keyboard_only_with_the_count_announced(page, served_site):
    page.goto(served_site + CONTENT)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")                                   # Material's shortcut opens the search
    assert page.evaluate("document.activeElement.id") == "kb-search-input"
    assert page.is_checked("#__search")
    page.keyboard.type("grooming", delay=20)
    page.wait_for_function("() => document.querySelector('[data-kb-search]').dataset.kbSearchDone === 'grooming'")
    status = page.locator("[data-kb-search-status]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    shown = page.locator("[data-kb-search-results] a").count()
    m = re.fullmatch(r"(\d+) sökresultat", status.inner_text().strip())
    assert m and int(m.group(1)) >= shown >= 1, status.inner_text()
    assert page.locator(".kb-search-more").count() == (1 if int(m.group(1)) > shown else 0)
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.href")
    assert page.evaluate("document.activeElement.classList.contains('kb-search-result')")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.href") == first
    page.keyboard.press("Enter")
    page.wait_for_url(first)
    assert "grooming" in page.url
    page.keyboard.press("s")                                   # the other shortcut, then Esc closes
    assert page.evaluate("document.activeElement.id") == "kb-search-input" and page.is_checked("#__search")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search") and page.evaluate("document.activeElement.id") != "kb-search-input"
    assert page.console_errors == [], page.console_errors


def test_enter_in_the_field_opens_the_best_result(page, served_site):
    page.goto(served_site)
    urls = search(page, "koppleri", typed=True)
    page.keyboard.press("Enter")
    page.wait_for_url(urls[0])


def test_a_result_shows_title_section_and_marked_excerpt_and_leads_to_the_section(page, served_site):
    page.goto(served_site)
    search(page, "Barnahus")
    first = page.locator("[data-kb-search-results] a").first
    assert first.locator(".kb-search-result__title").inner_text() == "Samverkan och samordning"
    section = first.locator(".kb-search-result__section").inner_text()
    marks = first.locator(".kb-search-result__excerpt mark").all_inner_texts()
    assert section == "Barnahus" and marks and all(m.lower().startswith("barnahus") for m in marks), (section, marks)
    href = first.get_attribute("href")
    assert "#" in href
    first.click()
    page.wait_for_url(re.compile(re.escape(href.split("#")[1]) + "$"))
    heading = page.locator(f"#{href.split('#')[1]}")
    assert heading.inner_text().replace("¶", "").strip() == section


def test_search_strings_are_in_the_page_language(page, served_site):
    for root, placeholder, count in (("", "Skriv sökord", r"\d+ sökresultat"), ("en/", "Type to start searching", r"\d+ matching documents")):
        page.goto(served_site + root)
        page.focus(FIELD)
        assert page.inner_text("[data-kb-search-status]").strip() == placeholder
        search(page, "Barnahus")
        assert re.fullmatch(count, page.inner_text("[data-kb-search-status]").strip())
        assert page.get_attribute(".md-search", "aria-label") == ("Sök" if not root else "Search")


def test_self_tests_and_the_topic_index_are_not_results(page, served_site):
    page.goto(served_site)
    for words in ("självtest", "Ämnen"):
        assert not [u for u in search(page, words) if "sjalvtest" in u or "slutprov" in u or "/amnen/" in u], words


def test_without_javascript_the_field_gives_way_to_the_topic_index(make_page, served_site):
    page = make_page(java_script_enabled=False)
    for root, link_text, terms in (("", "Ämnen A–Ö", ["Sugardejting", "Människohandel", "Barnahus", "sugar daddy"]),
                                   ("en/", "Topics A–Z", ["Sugar dating", "Human trafficking", "Barnahus", "sugardaddy"])):
        page.goto(served_site + root + CONTENT)
        assert not page.is_visible(".md-search") and not page.is_visible(FIELD)
        link = page.locator(".kb-topics-link")
        assert link.is_visible() and link.inner_text().strip() == link_text
        link.click()
        page.wait_for_url(served_site + root + "amnen/")
        index = page.locator("article")
        links = index.locator("li a").all_inner_texts()
        for term in terms:
            assert term in links, (root, term)
        assert index.locator("h2").count() >= 15                      # one heading per letter
        assert page.locator("article a[href*='ordlista/#']").count() >= 30  # every glossary term
