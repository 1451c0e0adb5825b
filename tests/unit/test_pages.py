from pathlib import Path

from scripts import pagecheck
from scripts.pages import outline, parse_text, prose_words, reading_minutes, split_front_matter
from scripts.problems import Problem
from scripts.site import Site

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "pages"
OWNERS = {"kompetenscentrum": {}}


def check(name):
    page = parse_text((FIX / name).read_text(encoding="utf-8"), name, FIX / name)
    return [str(p) for p in pagecheck.check_page(page, OWNERS)]


def test_missing_reviewed_is_reported_with_path_and_line():
    assert check("utan-granskning.md") == ["tests/fixtures/pages/utan-granskning.md:2: missing required field 'reviewed'"]


def test_bad_date_unknown_owner_heading_rules():
    msgs = check("fel-datum.md")
    assert "tests/fixtures/pages/fel-datum.md:5: reviewed: must be a date written YYYY-MM-DD, e.g. 2026-11-23" in msgs
    assert any(m.startswith("tests/fixtures/pages/fel-datum.md:4: unknown owner 'okand-enhet'") for m in msgs)
    assert "tests/fixtures/pages/fel-datum.md:11: heading without an explicit id: write it as '## Rubrik utan id { #some-id }' (same id in both languages)" in msgs
    assert "tests/fixtures/pages/fel-datum.md:13: no '# heading' in the text: the page title comes from `title:` in the front matter" in msgs


def test_unknown_source_reported_at_its_line():
    from scripts import sources

    class FakeSite(Site):
        def pages(self):
            return [parse_text((FIX / "fel-datum.md").read_text(), "fel-datum.md", FIX / "fel-datum.md")]

    msgs = [str(p) for p in sources.check(FakeSite(ROOT))]
    assert any(m.startswith("tests/fixtures/pages/fel-datum.md:7: unknown source 'finns-inte'") for m in msgs)


def test_content_page_needs_objectives_keypoints_and_300_words():
    text = "---\ntitle: T\n---\n\n## A { #a }\n\nKort text.\n"
    page = parse_text(text, "x.md", "x.md")
    msgs = [p.message for p in pagecheck.check_page(page, OWNERS)]
    assert any("starts with its learning objectives" in m for m in msgs)
    assert any("ends with its key points" in m for m in msgs)
    assert any(m.startswith("only 3 words") for m in msgs)


def test_outline_and_words():
    body = "!!! objectives \"Mål\"\n    - Ett\n\n## Rubrik { #r }\n\n```\n## inte en rubrik\n```\n\n<!-- quiz: q -->\n\n!!! keypoints \"K\"\n    - x\n"
    page = parse_text("---\ntitle: T\n---\n" + body, "x.md", "x.md")
    assert [(b.kind, b.key) for b in outline(page)] == [
        ("admonition", "objectives"), ("heading", "h2#r"), ("marker", "quiz:q"), ("admonition", "keypoints")]
    assert prose_words("Ett två [tre](x.md) <!-- quiz: q --> fyra-fem { #id }") == 4
    assert reading_minutes("ord " * 401) == 3


def test_front_matter_split_lines():
    fm, body, line = split_front_matter("---\na: 1\nb: 2\n---\nText\n")
    assert fm == "a: 1\nb: 2\n" and body == "Text\n" and line == 5


def test_problem_format():
    assert str(Problem(str(ROOT / "docs/x.md"), 3, "boom")) == "docs/x.md:3: boom"
    assert str(Problem("docs/x.md", 3, "hm", "warning")) == "docs/x.md:3: warning: hm"
