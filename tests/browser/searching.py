"""Searching as a visitor does, in the header field (overrides/partials/search.html, search-ui.js)."""
from __future__ import annotations

FIELD = "#kb-search-input"


def search(page, words: str, typed: bool = False, timeout: float = 15000) -> list[str]:
    """Result links (absolute URLs, best first) once the list shown answers `words`."""
    if typed:
        page.click(FIELD)
        page.keyboard.type(words, delay=20)
    else:
        page.fill(FIELD, words)
    page.wait_for_function(
        "q => document.querySelector('[data-kb-search]').dataset.kbSearchDone === q", arg=words.strip(), timeout=timeout)
    return page.eval_on_selector_all("[data-kb-search-results] a", "els => els.map(e => e.href)")


def pages_of(urls: list[str], base: str) -> list[str]:
    """Site paths of the result pages, in order, one per page, without the #section."""
    out = []
    for u in urls:
        path = u.split("#")[0].split("?")[0].replace(base, "", 1)
        if path not in out:
            out.append(path)
    return out
