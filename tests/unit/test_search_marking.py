"""Site search (scripts/search.py) and the topic index (scripts/topics.py) as plain functions."""
from __future__ import annotations

import pytest

from scripts import search, topics
from scripts.site import Site

PAGE = ('<html lang="sv"><body><article class="md-content__inner md-typeset">\n<h1>Sugardejting</h1>\n'
        '<p>Text.</p></article></body></html>')


def test_what_is_indexed():
    assert search.is_indexed({"title": "x"}, "sv", "sv")
    assert not search.is_indexed({"title": "x"}, "sv", "en")          # untranslated fallback in the English build
    assert not search.is_indexed({"kind": "quiz"}, "sv", "sv")         # self-test
    assert not search.is_indexed({"kind": "start"}, "sv", "sv")        # the home page
    assert not search.is_indexed({"search": {"exclude": True}}, "en", "en")


def test_mark_page_marks_the_article_and_adds_keywords_after_the_title():
    out = search.mark_page(PAGE, weight=2, keywords=["sugar daddy", 'a "quoted" <word>'])
    assert '<article class="md-content__inner md-typeset" data-pagefind-body data-pagefind-weight="2">' in out
    h1 = out.index("</h1>")
    span = out.index('<span class="search-keywords"')
    assert span == h1 + len("</h1>")
    assert out[span:].startswith('<span class="search-keywords" data-pagefind-weight="6" hidden>'
                                 'sugar daddy, a &quot;quoted&quot; &lt;word&gt;</span>')
    assert 'data-pagefind-weight' not in search.mark_page(PAGE)  # weight 1 is the default: no attribute


def test_mark_page_fails_in_words_when_the_theme_changed():
    with pytest.raises(search.SearchIndexError, match="no Material article"):
        search.mark_page("<html><body><main>x</main></body></html>")


def test_page_keywords_from_front_matter_and_glossary():
    terms = [{"id": "sugardejting", "page": "grunder/sugardejting.md",
              "sv": {"term": "Sugardejting", "search": ["sugar daddy", "Sugar  Daddy", "sugarbaby"]},
              "en": {"term": "Sugar dating", "search": ["sugardaddy"]}},
             {"id": "annan", "sv": {"term": "Annan", "search": ["nej"]}}]
    meta = {"search": {"keywords": ["sugar dejting"]}}
    assert search.page_keywords(meta, terms, "sv", "grunder/sugardejting.md") == ["sugar dejting", "Sugardejting", "sugar daddy", "sugarbaby"]
    assert search.page_keywords({}, terms, "en", "grunder/sugardejting.md") == ["Sugar dating", "sugardaddy"]
    assert search.page_keywords({}, terms, "sv", "grunder/annan.md") == []


def test_boost_is_a_number_or_nothing():
    assert search.boost({"search": {"boost": 2}}) == 2.0
    assert search.boost({"search": {"boost": "x"}}) is None and search.boost({}) is None


def test_swedish_alphabet_files_a_ring_and_umlauts_after_z():
    words = ["Övergrepp", "Ärende", "Åklagare", "Zon", "Arena", "Émigré", "ungdom"]
    assert sorted(words, key=lambda w: topics.sort_key(w, "sv")) == ["Arena", "Émigré", "ungdom", "Zon", "Åklagare", "Ärende", "Övergrepp"]
    assert [topics.letter_of(w, "sv") for w in ("Åklagare", "Ärende", "Övergrepp", "Émigré", "112")] == ["å", "ä", "ö", "e", "#"]
    assert topics.letter_of("Åklagare", "en") == "a"  # English files å under a


def test_topic_entries_from_headings_titles_and_glossary():
    site = Site()
    sv = topics.entries(site, "sv")
    labels = {e.label for e in sv}
    assert "Sugardejting" in labels                        # a page title and a glossary term
    assert "sugar daddy" in labels                         # a glossary search word, leading to the term's page
    assert any(e.label == "sugar daddy" and e.target == "grunder/sugardejting.md" for e in sv)
    assert not any("Självtest" in e.label for e in sv)     # self-tests are not topics
    assert all(not e.target.startswith("amnen") for e in sv)
    heading = next(e for e in sv if e.target == "agera/skolan.md#anmalningsskyldighet")
    assert heading.where == "I skolan: när en elev berättar"
    en = {e.label for e in topics.entries(site, "en")}
    assert "Sugar dating" in en and "Human trafficking" in en and "Sugardejting" not in en


def test_glossary_page_must_exist(tmp_path):
    from scripts import glossary
    data = tmp_path / "docs" / "_data"
    data.mkdir(parents=True)
    import shutil
    from scripts.problems import ROOT
    for name in ("sources.yml",):
        shutil.copy(ROOT / "docs/_data" / name, data / name)
    (data / "glossary.yml").write_text(
        "terms:\n  - id: x\n    page: finns/inte.md\n    sv: {term: X, definition: En förklaring av X.}\n"
        "    en: {term: X, definition: An explanation of X.}\n    sources: [sou-2023-97]\n", encoding="utf-8")
    problems = glossary.check(Site(docs=tmp_path / "docs"))
    assert [str(p).split("glossary.yml:")[1] for p in problems] == [
        "2: term 'x': page 'finns/inte.md' does not exist (write the Swedish page's path under docs/, e.g. grunder/sugardejting.md)"]
