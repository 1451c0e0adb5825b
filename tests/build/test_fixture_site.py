"""A small project built with the real hooks and templates: untranslated notice, markers, strict links."""
from __future__ import annotations

import re

import pytest

from tests.helpers import build, make_project, page

SV = page("Start", "## Välkommen { #valkommen }\n\nMänniskohandel är ett brott. [Sidan](bara-svenska.md).")
EN = page("Home", "## Welcome { #valkommen }\n\nTrafficking is a crime. [The page](bara-svenska.md).")
ONLY_SV = page("Bara svenska", "## Rubrik { #rubrik }\n\nDen här sidan finns bara på svenska.")
SELF_TEST = page("Självtest", "## Frågor { #fragor }\n\nFrågor om människohandel.", kind="quiz")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    proj = make_project(tmp_path_factory.mktemp("fx"), {"prov/index.md": SV, "prov/index.en.md": EN, "prov/bara-svenska.md": ONLY_SV,
                                                        "prov/sjalvtest.md": SELF_TEST})
    res = build(proj)
    assert res.returncode == 0, res.stderr
    return proj / "site"


def test_untranslated_page_has_notice_and_swedish_lang(built):
    html = (built / "en" / "prov" / "bara-svenska" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert "Not translated yet" in html
    assert "has not been translated into English yet and is shown in Swedish" in html
    start = html.index('<div lang="sv">')
    assert html.index("Den här sidan finns bara på svenska.") > start


def test_translated_page_has_no_notice(built):
    html = (built / "en" / "prov" / "index.html").read_text(encoding="utf-8")
    assert "Not translated yet" not in html and '<div lang="sv">' not in html


def test_sources_section_and_page_facts(built):
    html = (built / "prov" / "index.html").read_text(encoding="utf-8")
    assert 'id="kallor"' in html and "SOU 2023:97 Ut ur utsatthet" in html
    assert "Senast granskad" in html and "2026-11-23" in html and "Nästa granskning" in html and "2027-11-23" in html
    en = (built / "en" / "prov" / "index.html").read_text(encoding="utf-8")
    assert 'id="kallor"' in en and "Sources" in en and "Last reviewed" in en


def test_overdue_review_is_visible(tmp_path):
    proj = make_project(tmp_path, {"prov/index.md": page("Gammal", "## Rubrik { #rubrik }\n\nText.", reviewed="2024-01-01")})
    assert build(proj, strict=False).returncode == 0
    html = (proj / "site" / "prov" / "index.html").read_text(encoding="utf-8")
    assert "page-meta--due" in html and "Granskning försenad" in html


def test_search_index_per_language(built):
    """Pagefind indexed the built site: one bundle, one index per language; only knowledge pages are offered
    (not the untranslated page in the English build, not a self-test, not the 404 page)."""
    import json
    entry = json.loads((built / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {"sv", "en"} <= set(entry["languages"])
    assert not (built / "en" / "pagefind").exists()
    marked = {str(f.relative_to(built)) for f in built.rglob("*.html") if "data-pagefind-body" in f.read_text(encoding="utf-8")}
    assert {"prov/index.html", "prov/bara-svenska/index.html", "en/prov/index.html"} <= marked
    assert not marked & {"en/prov/bara-svenska/index.html", "prov/sjalvtest/index.html", "404.html", "en/404.html"}
    assert (built / "prov" / "sjalvtest" / "index.html").exists() and (built / "404.html").exists()


def test_each_language_root_has_a_sitemap(built):
    en = (built / "en" / "sitemap.xml").read_text()
    assert "<loc>http://127.0.0.1:8000/en/</loc>" in en
    assert "<loc>http://127.0.0.1:8000/</loc>" not in en  # only this language's pages
    assert "<loc>http://127.0.0.1:8000/</loc>" in (built / "sitemap.xml").read_text()


def test_unknown_marker_fails_build_with_path_and_line(tmp_path):
    body = "## Rubrik { #rubrik }\n\nText.\n\n<!-- quizz: grunder -->\n"
    proj = make_project(tmp_path, {"prov/index.md": page("Start", body)})
    res = build(proj)
    assert res.returncode != 0
    assert "docs/prov/index.md:15: unknown marker 'quizz'" in res.stderr.replace(str(proj) + "/", "")


def test_broken_link_and_anchor_fail_strict_build(tmp_path):
    proj = make_project(tmp_path, {"prov/index.md": page("Start", "## A { #a }\n\n[x](finns-inte.md) [y](#saknas)")})
    res = build(proj)
    assert res.returncode != 0
    assert "finns-inte.md" in res.stderr and "#saknas" in res.stderr


def test_linkchecker_catches_a_planted_broken_link(tmp_path):
    """A raw-HTML link that the strict build cannot see; linkchecker over the built site must fail on it, and on
    nothing else (the rest of the copy is the real site, which `make linkcheck` also passes)."""
    from scripts.linkcheck import linkcheck

    broken = page("Start", '## A { #a }\n\n<p><a href="finns-inte/">en trasig länk</a></p>')
    proj = make_project(tmp_path, {"prov/index.md": broken, "prov/index.en.md": broken})
    assert build(proj).returncode == 0  # the build cannot see links in raw HTML
    res = linkcheck(str(proj / "site"), port=0)
    assert res.returncode == 1
    errors = [b for b in res.stdout.split("\n\n") if re.search(r"^Result\s+Error", b, re.M)]
    assert errors and all("finns-inte" in b for b in errors), res.stdout[-3000:]
