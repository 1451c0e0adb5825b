"""Components rendered by our code (law cards, contact boxes, quizzes, every page's markers): snapshots of
their output, and escaping of hostile data.

The snapshots in tests/snapshots/ were taken before the markup moved into templates
(overrides/components/), on the content of the commit named in tests/snapshots/CONTENT (kept as content.tar.gz): the tests
render that frozen content with today's code and templates, so an editor's content change never breaks them,
while a change of code, template or interface string that alters the markup does. After a deliberate change of
a component, rewrite them with `UPDATE_SNAPSHOTS=1 pytest tests/unit/test_components.py` and review the diff."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from scripts import contacts, law, quiz
from scripts.render import RenderContext
from scripts.site import Site

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = ROOT / "tests" / "snapshots"
DATES = (dt.date(2026, 12, 15), dt.date(2027, 1, 2))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site as of the snapshots: the docs/ and quizzes/ of the commit named in tests/snapshots/CONTENT, kept as
    tests/snapshots/content.tar.gz (so no git history is needed), with today's settings, code and templates."""
    import tarfile

    root = tmp_path_factory.mktemp("frozen")
    with tarfile.open(SNAPSHOTS / "content.tar.gz") as tar:
        tar.extractall(root)
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return Site(root=root, settings=Site().settings, docs=root / "docs")


def law_components(site) -> dict[str, str]:
    out = {}
    for day in DATES:
        for lang in ("sv", "en"):
            here = RenderContext(lang=lang, src="agera/index.md", site=site, today=day)
            summary = RenderContext(lang=lang, src="lagstiftning/lagen-i-korthet.md", site=site, today=day)
            out[f"law-table/{lang}/{day}"] = law.render_table("", summary)
            out[f"law-status/{lang}/{day}"] = law.render_status("", summary)
            for pid in law.register(site):
                home = RenderContext(lang=lang, src=law.home_of(site, pid), site=site, today=day)
                out[f"law-entry/{pid}/{lang}/{day}"] = law.render_entry(pid, home)
                out[f"law-cite/{pid}/{lang}/{day}"] = law.render_cite(pid, here)
    return out


def contacts_components(site) -> dict[str, str]:
    out = {}
    for city in ("goteborg", "stockholm"):
        ed_site = Site(root=site.root, settings={**site.settings, "city": city}, docs=site.docs)
        data = contacts.load(ed_site)
        for lang in ("sv", "en"):
            directory = RenderContext(lang=lang, src="kontakter/index.md", site=ed_site, today=DATES[0],
                                      page_url="kontakter/" if lang == "sv" else "en/kontakter/")
            out[f"contacts-directory/{city}/{lang}"] = contacts.render_directory("", directory)
            for sid in data.situations:
                page = RenderContext(lang=lang, src="agera/skolan.md", site=ed_site, today=DATES[0],
                                     page_url="agera/skolan/" if lang == "sv" else "en/agera/skolan/")
                out[f"contacts-box/{city}/{sid}/{lang}"] = contacts.render_box(sid, page)
    return out


def quiz_components(site) -> dict[str, str]:
    out = {}
    for qid in quiz.quiz_files(site):
        for lang in ("sv", "en"):
            ctx = RenderContext(lang=lang, src="tecken/sjalvtest.md", site=site, today=DATES[0])
            out[f"quiz/{qid}/{lang}"] = quiz.render_quiz(qid, ctx)
    return out


def page_renderings(site) -> dict[str, str]:
    """Every page as the build renders its Markdown (markers expanded, sources, notices), both languages, as a
    hash of the output: proof that moving markup into templates changed no page."""
    import hashlib

    from scripts import pages as P
    from scripts.render import render_page

    out = {}
    for page in site.pages():
        for lang in ("sv", "en"):
            if page.lang != lang and not (page.lang == "sv" and not (site.docs / P.translation_src(page.slug, lang)).exists()):
                continue
            url = P.source_slug(page.src)[:-3]
            url = (url[:-5] if url.endswith("index") else url + "/") if url != "index" else ""
            ctx = RenderContext(lang=lang, src=page.src, site=site, today=DATES[0], meta=dict(page.meta),
                                page_url=("" if lang == "sv" else "en/") + url)
            text = render_page(page.body, ctx, str(page.path))
            out[f"{lang}/{page.src}"] = hashlib.sha256(same(text).encode()).hexdigest()
    return out


def same(a: str) -> str:
    """Templates escape quotes in text too (&#39;, &#34;), the old f-strings did not: the same to a reader
    and to the Markdown and HTML parsers. Everything else must match exactly."""
    return a.replace("&#39;", "'").replace("&#34;", '"').replace("&#x27;", "'").replace("&quot;", '"')


def check_snapshot(name: str, rendered: dict[str, str]):
    path = SNAPSHOTS / f"{name}.json"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(rendered, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(rendered) == sorted(expected)
    changed = [k for k in expected if same(rendered[k]) != same(expected[k])]
    assert changed == [], f"{len(changed)} rendering(s) differ from {path.name}, first: {changed[:3]}"


def test_law_components_unchanged(site):
    check_snapshot("law", law_components(site))


def test_every_page_renders_unchanged(site):
    check_snapshot("pages", page_renderings(site))


def test_quiz_components_unchanged(site):
    check_snapshot("quiz", quiz_components(site))


def test_contacts_components_unchanged(site):
    check_snapshot("contacts", contacts_components(site))


# ---------------------------------------------------------------- hostile data is escaped

EVIL = '<script>alert("x")</script> & "quotes" \'apostrophes\' <b>bold</b>'
EVIL_URL = 'https://example.org/"><script>alert(1)</script>'


def hostile_law_site(tmp_path):
    import yaml
    docs = tmp_path / "docs"
    (docs / "_data").mkdir(parents=True)
    (docs / "lagstiftning").mkdir()
    text = {"sv": EVIL, "en": EVIL}
    base = {"category": "brott", "act": EVIL, "name": text, "summary": text, "brief": text, "source": EVIL_URL,
            "basis": text, "checked": "2026-11-22", "note": text}
    provisions = [
        dict(base, id="ond", citation=EVIL, citation_short=EVIL, status="confirmed", penalty=text, penalty_brief=text,
             penalty_caveat=True, in_force_until="2026-12-31", replaced_by="ny",
             changes=[{"date": "2025-07-01", "text": text}]),
        dict(base, id="ny", status="to-verify", in_force_from="2027-01-01", source=EVIL),
    ]
    (docs / "_data" / "law.yml").write_text(yaml.safe_dump({"owner": "x", "provisions": provisions}, allow_unicode=True),
                                            encoding="utf-8")
    page = "---\ntitle: T\n---\n\n<!-- law-entry: ond -->\n\n<!-- law-entry: ny -->\n"
    (docs / "lagstiftning" / "brott.md").write_text(page, encoding="utf-8")
    return Site(root=tmp_path, settings={"review_interval_months": 12}, docs=docs)


def assert_escaped(out: str):
    assert "<script" not in out and "<b>" not in out, out
    assert "&lt;script&gt;" in out or "\\&lt;script\\&gt;" in out
    assert "&amp;" in out


def test_law_components_escape_hostile_data(tmp_path):
    site = hostile_law_site(tmp_path)
    law._INDEX_CACHE.clear()
    for day in DATES:
        for lang in ("sv", "en"):
            home = RenderContext(lang=lang, src="lagstiftning/brott.md", site=site, today=day)
            other = RenderContext(lang=lang, src="sida.md", site=site, today=day)
            for out in (law.render_entry("ond", home), law.render_entry("ny", home), law.render_cite("ond", other),
                        law.render_table("", home)):
                assert_escaped(out)
    card = law.render_entry("ond", RenderContext(lang="sv", src="lagstiftning/brott.md", site=site, today=DATES[0]))
    assert 'href="https://example.org/&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in card
    law._INDEX_CACHE.clear()


def test_contacts_components_escape_hostile_data(site):
    text = {"sv": EVIL, "en": EVIL}
    evil = {"id": "ond", "name": text, "organisation": {"sv": EVIL + " org", "en": EVIL + " org"}, "audience": ["adults"],
            "ages": text, "offers": text, "note": text, "verified": "2026-11-22",
            "reach": {"phone": [{"number": "020-50 50 50", "label": text}], "web": EVIL_URL, "email": 'a"b@example.org',
                      "hours": text},
            "sources": [{"title": EVIL, "address": EVIL_URL, "page_date": "2026-01-01"}]}
    bare = dict(evil, reach={}, organisation_web=EVIL_URL)
    for lang in ("sv", "en"):
        ctx = RenderContext(lang=lang, src="agera/skolan.md", site=site, today=DATES[0])
        for c in (evil, bare):
            out = contacts.contact_card(c, ctx, anchor=True)
            assert_escaped(out)
            assert 'href="https://example.org/&#34;&gt;&lt;script&gt;' in out
        assert 'href="mailto:a&#34;b@example.org"' in contacts.contact_card(evil, ctx)
        assert 'href="tel:020505050"' in contacts.contact_card(evil, ctx)


def test_quiz_component_escapes_hostile_data(site):
    text = {"sv": EVIL, "en": EVIL}
    data = {"id": "ond", "version": 1, "title": text, "questions": [
        {"id": "q1", "type": "single", "question": text, "explanation": text, "link": "tecken/index.md",
         "options": [{"id": "a", "text": text, "feedback": text, "correct": True},
                     {"id": "b", "text": text, "feedback": text}]},
        {"id": "q2", "type": "truefalse", "question": text, "explanation": text, "link": "tecken/index.md",
         "answer": False, "feedback_true": text, "feedback_false": text}]}
    for lang in ("sv", "en"):
        out = quiz.render(data, RenderContext(lang=lang, src="tecken/sjalvtest.md", site=site, today=DATES[0]))
        assert_escaped(out)
        assert 'aria-label="&lt;script&gt;alert(&#34;x&#34;)' in out


def test_a_city_overrides_a_component_from_its_own_folder(tmp_path, site):
    from scripts import components

    (tmp_path / "stad").mkdir()
    (tmp_path / "stad" / "contacts-notes.html").write_text('<p class="stadens">{{ notes|length }}</p>', encoding="utf-8")
    own = Site(root=tmp_path, settings={**site.settings, "components": ["stad"]}, docs=site.docs)
    out = components.render("contacts-notes", own, t=lambda k: k, notes=["a", "b"], notes_class="x")
    assert out == '<p class="stadens">2</p>'
    # without the setting, the project's own template
    assert "about_check" in components.render("contacts-notes", site, t=lambda k: k, notes=["a"], notes_class="x")
