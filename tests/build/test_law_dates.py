"""The law on 1 January 2027: the real site built as of a date before and after LVU is replaced.

The build date is injected with TODAY=YYYY-MM-DD (scripts/settings.py), as `make build` and `make serve`
read it. Before 2027 the pages explain LVU and its end date; from 2027-01-01 they name the new act,
without paragraph numbers, and LVU only as the act that applied until 31 December 2026."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.build.test_real_site import build_real, pages, text_of

NEW_ACT = "om omhändertagande för vård av barn och unga"  # "lag om …" or "lagen om …"
# Pages that explain care without consent (sv source; the English page has the same path under en/).
CARE_PAGES = ["agera/socialtjansten/", "lagstiftning/socialtjanstens-ansvar/", "lagstiftning/index.html"]
PAST = re.compile(r"\b(19\d\d|20[01]\d|202[0-6])\b|gällde|ersatte|användes|upphörde|applied|replaced|was often used|ceased")


@pytest.fixture(scope="module")
def after(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("law2027") / "site"
    build_real(dest, TODAY="2027-01-02")
    return dest


@pytest.fixture(scope="module")
def before(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("law2026") / "site"
    build_real(dest, TODAY="2026-12-15")
    return dest


def article(html: str) -> str:
    """The page's own text: the article, without the cards of provisions that no longer apply."""
    m = re.search(r'<article class="md-content__inner[^"]*"[^>]*>(.*)</article>', html, re.S)
    body = m.group(1) if m else html
    body = re.sub(r'<div class="law-entry [^"]*law-entry--ended.*?</dl>\s*</div>', " ", body, flags=re.S)
    return " ".join(text_of(body).split())


def built(site: Path, rel: str, lang: str) -> str:
    rel = rel if rel.endswith(".html") else rel + "index.html"
    return (site / ("en/" + rel if lang == "en" else rel)).read_text(encoding="utf-8")


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ(])", text)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_after_the_change_pages_name_the_new_act_and_lvu_only_as_history(after, lang):
    for rel in CARE_PAGES:
        text = article(built(after, rel, lang))
        assert NEW_ACT in text.lower(), (rel, lang)
        for m in re.finditer(re.escape(NEW_ACT), text, re.I):  # the new act never with a paragraph number
            assert "§" not in text[max(0, m.start() - 40): m.end() + 60], (rel, lang, text[m.start() - 40: m.end() + 60])
        current = [s for s in sentences(text) if "LVU" in s and not PAST.search(s)]
        assert current == [], (rel, lang, current)


def test_after_the_change_no_page_presents_lvu_as_current_law(after):
    """Every built page, both languages: a sentence naming LVU also dates it (e.g. 'until 31 December 2026')."""
    offenders = []
    for rel, html in pages(after):
        for s in sentences(article(html)):
            if "LVU" in s and not PAST.search(s):
                offenders.append((rel, s))
    assert offenders == []


def test_after_the_change_lvu_cards_say_they_no_longer_apply(after):
    html = built(after, "lagstiftning/socialtjanstens-ansvar/", "sv")
    for pid in ("lvu-2", "lvu-3", "lvu-6"):
        card = re.search(rf'<div class="law-entry [^"]*">\s*<h3 id="{pid}".*?</dl>', html, re.S).group(0)
        assert "law-entry--ended" in card and "Gäller inte längre." in card and "31 december 2026" in card
    new = re.search(r'<div class="law-entry [^"]*">\s*<h3 id="lvu-ersattning".*?</dl>', html, re.S).group(0)
    assert "Under granskning" in new and "§" not in new and "Sedan 1 januari 2027" in new


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_before_the_change_pages_show_lvu_with_its_end_date(before, lang):
    end = "31 december 2026" if lang == "sv" else "31 December 2026"
    for rel in ("agera/socialtjansten/", "lagstiftning/socialtjanstens-ansvar/"):
        text = article(built(before, rel, lang))
        assert "6 § LVU" in text and end in text, (rel, lang)
        assert "law-entry--ended" not in built(before, rel, lang)
    text = article(built(before, "lagstiftning/socialtjanstens-ansvar/", lang))
    assert ("LVU gäller till och med 31 december 2026" if lang == "sv" else "LVU applies until 31 December 2026") in text
    assert ("Sedan 1 januari 2027" if lang == "sv" else "Since 1 January 2027") not in text
