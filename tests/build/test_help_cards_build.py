"""The help cards in a real build (real hooks, templates and data): one page per card language with its
lang, every number from contacts.yml (one number changed in the fixture changes every card), a language
switched off by the city, and the Swedish and English cards in their languages' search indexes."""
from __future__ import annotations

import json
import re

import pytest

from tests.helpers import build, make_project, page

SITE_URL = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    proj = make_project(tmp_path_factory.mktemp("cards"), {
        "index.md": page("Start", "## Välkommen { #valkommen }\n\nText."),
        "index.en.md": page("Home", "## Welcome { #valkommen }\n\nText."),
    })
    contacts = proj / "docs" / "_data" / "contacts.yml"
    text = contacts.read_text(encoding="utf-8")
    assert text.count('number: "020-50 50 50"') == 1
    contacts.write_text(text.replace('number: "020-50 50 50"', 'number: "020-12 34 56"'), encoding="utf-8")
    cfg = proj / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("card_languages_off: []", "card_languages_off: [th]"), encoding="utf-8")
    res = build(proj, site_url=SITE_URL)
    assert res.returncode == 0, res.stderr
    return proj / "site"


CARDS = ("sv", "en", "ro", "uk", "bg")


@pytest.mark.parametrize("lang", CARDS)
def test_each_card_builds_with_its_lang_and_the_changed_number(built, lang):
    html = (built / "hjalp" / lang / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<html lang="{lang}" dir="ltr">', html)
    assert ">020-12 34 56<" in html and 'href="tel:020123456"' in html
    assert "020-50 50 50" not in html
    assert ">112<" in html and ">114 14<" in html
    assert f'<link rel="canonical" href="{SITE_URL}hjalp/{lang}/">' in html
    assert (built / "assets" / "stylesheets" / "cards.css").exists()


def test_switched_off_language_is_not_built_nor_linked(built):
    assert not (built / "hjalp" / "th").exists()
    for lang in CARDS:
        assert 'hreflang="th"' not in (built / "hjalp" / lang / "index.html").read_text(encoding="utf-8")


def test_swedish_and_english_cards_are_in_their_search_index(built):
    sv = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["title"] for d in sv["docs"] if d["location"] == "hjalp/sv/"] == ["Här får du hjälp"]
    assert [d["title"] for d in en["docs"] if d["location"] == "../hjalp/en/"] == ["Where to get help"]
    assert not any("hjalp/en/" in d["location"] for d in sv["docs"])
