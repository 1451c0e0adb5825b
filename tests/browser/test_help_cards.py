"""The "where to get help" cards in a real Chromium: their language, the draft notice, one printed page
each (A6, print emulation to PDF), a QR code that decodes (zbarimg) to the card's own address, and axe
on the cards and on the parents' pages in both languages."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts import cards  # noqa: E402
from scripts.site import Site  # noqa: E402

OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
           "resultTypes": ["violations"]}
DATA, _ = cards.load(Site())
LANGS = [x["lang"] for x in cards.enabled(Site(), DATA)]
DRAFTS = {x["lang"] for x in DATA["languages"] if x["status"] == "draft"}
A6_POINTS = (105 / 25.4 * 72, 148 / 25.4 * 72)


def test_the_six_languages_of_the_issue_are_published():
    assert {"sv", "en", "ro", "uk", "th", "bg"} <= set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_card_language_draft_notice_and_numbers(page, served_site, lang):
    page.goto(served_site + cards.card_path(lang))
    assert page.get_attribute("html", "lang") == lang
    assert page.get_attribute("html", "dir") in ("ltr", "rtl")
    notice = page.locator(".help-card__draft")
    if lang in DRAFTS:
        assert notice.is_visible()
        entry = next(x for x in DATA["languages"] if x["lang"] == lang)
        assert entry["texts"]["draft_notice"] in notice.inner_text()
        assert page.locator('.help-card__draft [lang="sv"]').inner_text() == DATA["draft_notice_sv"]
    else:
        assert notice.count() == 0
    numbers = page.locator(".help-card__phone").all_inner_texts()
    assert "112" in numbers and "114 14" in numbers
    assert page.external == [] and page.console_errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_card_prints_on_one_a6_page(page, served_site, lang):
    from pypdf import PdfReader
    page.goto(served_site + cards.card_path(lang))
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == 1, f"{lang}: {len(pdf.pages)} pages"
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(x) for x in A6_POINTS)
    # the QR code is printed at a scannable size (at least 20 mm)
    assert page.locator(".help-card__qr-code").bounding_box()["width"] >= 20 / 25.4 * 96 - 1


@pytest.mark.parametrize("lang", LANGS)
def test_qr_code_decodes_to_the_cards_own_address(page, served_site, lang, tmp_path):
    if not shutil.which("zbarimg"):
        pytest.fail("zbarimg is missing: run `make test` (it installs Debian's zbar-tools) or apt-get install zbar-tools")
    page.goto(served_site + cards.card_path(lang))
    shot = tmp_path / f"qr-{lang}.png"
    page.locator(".help-card__qr-code").screenshot(path=str(shot))
    res = subprocess.run(["zbarimg", "--quiet", "--raw", str(shot)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == served_site + cards.card_path(lang) == page.url


@pytest.mark.parametrize("url", [cards.card_path(lang) for lang in LANGS]
                         + ["narstaende/", "en/narstaende/", "kontakter/hjalpkort/", "en/kontakter/hjalpkort/"])
def test_axe_clean(page, served_site, url):
    page.goto(served_site + url)
    res = Axe().run(page, options=OPTIONS).response
    assert res["violations"] == [], [(v["id"], v["nodes"][0]["target"]) for v in res["violations"]]


def test_parents_page_is_one_click_from_home_and_links_to_cards(page, served_site):
    for home, parents in (("", "narstaende/"), ("en/", "en/narstaende/")):
        page.goto(served_site + home)
        page.locator(f'.md-content a[href$="narstaende/"]').first.click()
        assert page.url == served_site + parents
        page.locator('.md-content a[href$="kontakter/hjalpkort/"]').first.click()
        page.locator(f'a[href$="{cards.card_path("ro")}"]').first.click()
        assert page.get_attribute("html", "lang") == "ro"


@pytest.mark.parametrize("home,query,lang", [("", "tid att tänka efter", "sv"), ("en/", "time to think", "en")])
def test_site_search_finds_the_card_in_its_language(page, served_site, home, query, lang):
    """The site's search (Pagefind, one index per <html lang>) offers the card in the page's own language."""
    from tests.browser.searching import pages_of, search

    page.goto(served_site + home)
    found = pages_of(search(page, query), served_site)
    assert cards.card_path(lang) in found, found
    other = cards.card_path("en" if lang == "sv" else "sv")
    assert other not in found, found
