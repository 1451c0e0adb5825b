"""The site as a visitor's browser sees it: privacy, console, search per language, switching language,
keyboard, reading without JavaScript."""
from __future__ import annotations

import re

from tests.browser.searching import search as search_field

CONTENT = "agera/skolan/"


def settle(page, ms=600):
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(ms)


def search(page, words: str) -> list[str]:
    return search_field(page, words, typed=True)


def test_no_request_leaves_the_local_server_and_no_console_errors(page, served_site):
    # home, a content page, a search, a language switch, the English home
    for path in ("", CONTENT, "en/"):
        page.goto(served_site + path)
        settle(page)
    page.goto(served_site + CONTENT)
    settle(page)
    assert search(page, "orosanmälan")
    page.keyboard.press("Escape")
    page.hover(".md-select")
    page.click("a.md-select__link[hreflang=en]")
    settle(page)
    assert page.url == served_site + "en/" + CONTENT
    assert page.external == [], page.external
    assert page.console_errors == [], page.console_errors
    assert page.context.cookies() == []


def test_search_stays_in_the_page_language(page, served_site):
    page.goto(served_site)
    settle(page)
    sv = search(page, "Barnahus")
    assert sv and all("/en/" not in u for u in sv), sv
    page.goto(served_site + "en/")
    settle(page)
    en = search(page, "Barnahus")
    assert en and all(u.startswith(served_site + "en/") for u in en), en


def test_each_language_searches_with_its_own_stemmer(page, served_site):
    """Pagefind keeps one index per language and stems query and index alike with that language's stemmer:
    the Swedish page loads the Swedish WebAssembly (and finds a genitive plural), the English page the English."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served_site)
    assert "tecken/riskgrupper/" in [u.replace(served_site, "").split("#")[0] for u in search(page, "riskgruppernas")][:3]
    assert any(u.endswith("/pagefind/wasm.sv.pagefind") for u in requests), requests
    assert not any("wasm.en" in u for u in requests)
    requests.clear()
    page.goto(served_site + "en/")
    assert any(u.split("#")[0].endswith("/en/tecken/riskgrupper/") for u in search(page, "risk groups")[:3])
    assert any(u.endswith("/pagefind/wasm.en.pagefind") for u in requests) and not any("wasm.sv" in u for u in requests)


def test_language_switch_keeps_the_page(page, served_site):
    page.goto(served_site + "en/" + CONTENT)
    settle(page)
    assert page.get_attribute("html", "lang") == "en"
    page.hover(".md-select")
    page.click("a.md-select__link[hreflang=sv]")
    settle(page)
    assert page.url == served_site + CONTENT
    assert page.get_attribute("html", "lang") == "sv"


def test_keyboard_quick_exit_first_then_skip_link(page, served_site):
    page.goto(served_site + CONTENT)
    settle(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.quickExit") == ""  # the quick-exit link
    page.keyboard.press("Tab")
    assert "md-skip" in page.evaluate("document.activeElement.className")
    assert page.evaluate("getComputedStyle(document.activeElement).height") != "0px"  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#innehall"
    outline = page.evaluate("""() => { const a = document.querySelector('.md-typeset a[href]'); a.focus();
        const s = getComputedStyle(a); return s.outlineStyle + ' ' + s.outlineWidth; }""")
    assert not outline.startswith("none"), outline


def _neutral_page(page):
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1).*"), lambda r: r.fulfill(status=200, body="<title>neutral</title>ok", content_type="text/html"))


def test_quick_exit_by_mouse_replaces_history(page, served_site):
    _neutral_page(page)
    page.goto(served_site)
    page.goto(served_site + CONTENT)
    settle(page)
    page.click("[data-quick-exit]")
    page.wait_for_url(re.compile(r"^https://www\.smhi\.se/"))
    page.go_back()
    assert page.url == served_site  # the content page left the history; back leads past it


def test_quick_exit_by_pressing_shift_three_times(page, served_site):
    _neutral_page(page)
    page.goto(served_site + CONTENT)
    settle(page)
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(re.compile(r"^https://www\.smhi\.se/"))


def test_quick_exit_by_keyboard_enter(page, served_site):
    _neutral_page(page)
    page.goto(served_site + CONTENT)
    settle(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^https://www\.smhi\.se/"))


def test_reading_without_javascript(make_page, served_site):
    page = make_page(java_script_enabled=False)
    page.goto(served_site + CONTENT)
    text = page.inner_text("article")
    assert "Gör så här" in text and len(text.split()) > 250
    assert page.is_visible("[data-quick-exit]")
    page.goto(served_site + "kontakter/")
    assert page.locator("article h2").count() >= 3
