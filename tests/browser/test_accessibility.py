"""axe-core on every page of the site in both languages (WCAG 2.1 A/AA, plus best practices)."""
from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe

from tests.browser.searching import FIELD, search

OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
           "resultTypes": ["violations"]}


def all_pages(site_dir) -> list[str]:
    """Every built page (Swedish and English), as site-relative URLs."""
    urls = []
    for f in sorted(site_dir.rglob("index.html")):
        rel = f.parent.relative_to(site_dir).as_posix()
        if rel.startswith(("assets", "pagefind")):
            continue
        urls.append("" if rel == "." else rel + "/")
    return urls


def test_every_page_has_no_axe_violations(page, served_site, site_dir):
    axe = Axe()
    urls = all_pages(site_dir)
    assert len(urls) > 20 and "en/" in urls
    failures = {}
    for url in urls:
        page.goto(served_site + url)
        page.wait_for_load_state("load")
        res = axe.run(page, options=OPTIONS).response
        if res["violations"]:
            failures[url] = [(v["id"], v["nodes"][0]["target"], v["nodes"][0]["failureSummary"][:200]) for v in res["violations"]]
    assert failures == {}, failures


def test_404_page_and_search_dialog(page, served_site):
    axe = Axe()
    page.goto(served_site + "finns-inte/")
    res = axe.run(page, options=OPTIONS).response
    assert res["violations"] == [], [(v["id"], v["nodes"][0]["target"]) for v in res["violations"]]
    for root in ("", "en/"):
        page.goto(served_site + root + "agera/skolan/")
        page.focus(FIELD)                                      # search open, nothing typed yet
        page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('.pagefind'))")
        res = axe.run(page, options=OPTIONS).response
        assert res["violations"] == [], [(root, "open", v["id"], v["nodes"][0]["target"]) for v in res["violations"]]
        assert search(page, "barn" if not root else "child")   # results listed, with a "show more" button
        assert page.locator(".kb-search-more button").count() == 1
        res = axe.run(page, options=OPTIONS).response
        assert res["violations"] == [], [(root, "results", v["id"], v["nodes"][0]["target"]) for v in res["violations"]]
        assert re.search(r"\S", page.get_attribute(".md-search", "aria-label") or "")
