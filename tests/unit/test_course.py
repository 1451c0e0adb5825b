"""The course path: course.yml checks, the course overview, the progress table and the certificate."""
from __future__ import annotations

import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts import course
from scripts.render import RenderContext
from scripts.site import Site
from scripts.yamlfile import load

ROOT = Path(__file__).resolve().parents[2]
WORDS = " ".join(["ord"] * 450)  # 450 words: 3 minutes at 200 words a minute; 900 + a heading: 5

COURSE_YML = """\
title: {sv: Kursen, en: The course}
final: {quiz: slutprov, page: utbildningen/slutprov.md}
progress_page: utbildningen/min-utbildning.md
modules:
  - id: m1
    title: {sv: Första modulen, en: First module}
    quiz: m1
    pages:
      - m1/index.md
      - m1/sida.md
      - m1/sjalvtest.md
"""


def page(title, body, kind="content"):
    return f"---\ntitle: {title}\nkind: {kind}\n---\n\n{body}\n"


def quiz_yml(qid, n, final=False):
    head = f"# yaml-language-server: $schema=schema.json\nid: {qid}\nversion: 2\n" + ("final: true\n" if final else "")
    head += "title: {sv: Test, en: Test}\nquestions:\n"
    q = textwrap.dedent("""\
      - id: q{i}
        type: truefalse
        question: {{sv: "Påstående {i}.", en: "Statement {i}."}}
        answer: true
        feedback_true: {{sv: "Rätt.", en: "Right."}}
        feedback_false: {{sv: "Fel.", en: "Wrong."}}
        explanation: {{sv: "Därför.", en: "Because."}}
        link: m1/index.md#del
    """)
    return head + "".join(textwrap.indent(q.format(i=i), "  ") for i in range(n))


OBJECTIVES_SV = """!!! objectives "Det här lär du dig"
    - Du kan förklara [människohandel](../grunder/manniskohandel.md#x).
    - Du vet vad du gör
      och vem du ringer.

## Del { #del }

""" + WORDS


def make_site(tmp_path, files: dict | None = None, nav=None) -> Site:
    base = {
        "docs/_data/course.yml": COURSE_YML,
        "docs/m1/index.md": page("Början", OBJECTIVES_SV),
        "docs/m1/index.en.md": page("Beginning", OBJECTIVES_SV.replace("Du kan förklara", "You can explain")
                                    .replace("Du vet vad du gör", "You know what to do")
                                    .replace("och vem du ringer", "and whom to call")),
        "docs/m1/sida.md": page("Sida", "## Del { #del }\n\n" + WORDS + " " + WORDS),
        "docs/m1/sjalvtest.md": page("Självtest", "Svara.\n\n<!-- quiz: m1 -->", "quiz"),
        "docs/utbildningen/slutprov.md": page("Slutprov", "<!-- quiz: slutprov -->", "quiz"),
        "docs/utbildningen/min-utbildning.md": page("Min utbildning", "<!-- progress -->\n\n<!-- certificate -->", "reference"),
        "quizzes/m1.yml": quiz_yml("m1", 6),
        "quizzes/slutprov.yml": quiz_yml("slutprov", 20, final=True),
    }
    base.update(files or {})
    for rel, text in base.items():
        if text is None:
            continue
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")
    settings = {"pass_mark": 80, "city": "goteborg", "nav": nav or []}
    return Site(tmp_path, settings=settings)


def msgs(site):
    return sorted((str(p).replace(str(site.root) + "/", "") for p in course.check(site)),
                  key=lambda m: (int(m.split(":")[1]), m))


# ---------------------------------------------------------------- checks

def test_valid_course_has_no_problems(tmp_path):
    assert msgs(make_site(tmp_path)) == []


def test_missing_pages_and_quizzes(tmp_path):
    site = make_site(tmp_path, {"docs/m1/sida.md": None, "quizzes/m1.yml": None})
    assert msgs(site) == [
        "docs/_data/course.yml:7: module 'm1': quiz 'm1' does not exist (no quizzes/m1.yml)",
        "docs/_data/course.yml:10: module 'm1': page m1/sida.md does not exist (no docs/m1/sida.md)",
    ]


def test_too_few_questions_and_final_flag(tmp_path):
    site = make_site(tmp_path, {"quizzes/m1.yml": quiz_yml("m1", 5), "quizzes/slutprov.yml": quiz_yml("slutprov", 19)})
    assert msgs(site) == [
        "docs/_data/course.yml:2: final test: quiz 'slutprov' has 19 questions, at least 20 are needed",
        "docs/_data/course.yml:2: final test: quizzes/slutprov.yml needs `final: true` (questions in a new order at each attempt)",
        "docs/_data/course.yml:7: module 'm1': quiz 'm1' has 5 questions, at least 6 are needed",
    ]


def test_duplicate_module_missing_translation_and_unembedded_quiz(tmp_path):
    text = COURSE_YML + "  - id: m1\n    title: {sv: Igen}\n    quiz: m1\n    pages:\n      - m1/sida.md\n"
    site = make_site(tmp_path, {"docs/_data/course.yml": text})
    assert msgs(site) == [
        "docs/_data/course.yml:12: duplicate module id 'm1' (first at line 5)",
        "docs/_data/course.yml:13: module 'm1': title has no English text (en:)",
        "docs/_data/course.yml:14: warning: module 'm1': none of its pages embeds <!-- quiz: m1 -->",
    ]


def test_nav_must_follow_course_order(tmp_path):
    nav = [{"Modul": ["m1/sida.md", "m1/index.md", "m1/sjalvtest.md"]}, {"Kursen": ["utbildningen/slutprov.md"]}]
    assert msgs(make_site(tmp_path, nav=nav)) == [
        "docs/_data/course.yml:1: warning: the nav in mkdocs.yml does not follow the course order: it has m1/sida.md "
        "where the course has m1/index.md (next/previous links follow the nav)"]
    good = [{"Modul": ["m1/index.md", "m1/sida.md", "extra.md", "m1/sjalvtest.md"]}, "utbildningen/slutprov.md"]
    assert msgs(make_site(tmp_path, nav=good)) == []


def test_the_real_course_lists_the_modules_in_order():
    data, problems = load(ROOT / "docs" / "_data" / "course.yml")
    assert problems == []
    assert [m["id"] for m in data["modules"]] == ["grunder", "tecken", "agera", "barn-unga", "efterfragan", "lagstiftning"]
    assert all(m["quiz"] == m["id"] and m["pages"][0] == f"{m['id']}/index.md" and m["pages"][-1] == f"{m['id']}/sjalvtest.md"
               for m in data["modules"])
    assert data["final"] == {"quiz": "slutprov", "page": "utbildningen/slutprov.md"}


# ---------------------------------------------------------------- the course overview

def test_objectives_are_read_with_continuation_lines():
    assert course.objectives(OBJECTIVES_SV) == ["Du kan förklara [människohandel](../grunder/manniskohandel.md#x).",
                                                "Du vet vad du gör och vem du ringer."]
    assert course.objectives("## Utan mål { #x }\n\ntext") == []


@pytest.mark.parametrize("minutes,lang,text", [(7, "sv", "cirka 7 min"), (60, "sv", "cirka 1 tim"),
                                               (95, "en", "about 1 h 35 min")])
def test_duration(minutes, lang, text):
    assert course.duration(minutes, lang) == text


def test_course_overview_swedish(tmp_path):
    site = make_site(tmp_path)
    out = course.render_course("", RenderContext(lang="sv", src="utbildningen/index.md", site=site))
    assert "minst 80 procent rätt" in out
    assert "### Modul 1: Första modulen { #modul-m1 }" in out
    # honest time: 1367 words shown at 200 a minute (410 s) + 6 questions x (20 s + 6 words read) = 541 s -> 10 min
    assert "**Uppskattad tid:** cirka 10 min (2 sidor, självtest med 6 frågor)." in out
    # the whole course: the module and the final test (20 x 21.8 s = 436 s -> 8 min), 977 s -> 17 min
    assert "**Hela utbildningen:** cirka 17 min, med självtester och slutprov." in out
    assert "### Slutprov { #slutprov }" in out and "**Uppskattad tid:** cirka 8 min." in out
    assert "- Du kan förklara människohandel.\n- Du vet vad du gör och vem du ringer.\n" in out
    assert "[Börja med modulen Första modulen](../m1/index.md){ .md-button }" in out
    assert "[Gör självtestet för Första modulen](../m1/sjalvtest.md)" in out
    assert '??? info "Modulens sidor (2)"' in out and "    1. [Sida](../m1/sida.md) (5 min)" in out
    assert "### Slutprov { #slutprov }" in out and "20 frågor" in out
    assert "[Gå till slutprovet](slutprov.md){ .md-button }" in out
    assert "(min-utbildning.md)" in out


def test_course_overview_english_uses_english_pages(tmp_path):
    site = make_site(tmp_path)
    out = course.render_course("", RenderContext(lang="en", src="utbildningen/index.en.md", site=site))
    assert "### Module 1: First module { #modul-m1 }" in out
    assert "- You can explain människohandel.\n- You know what to do and whom to call.\n" in out
    assert "    1. [Beginning](../m1/index.md) (3 min)" in out
    assert "    1. [Sida](../m1/sida.md) (5 min)" in out  # no English page: the Swedish one
    assert "**Estimated time:** about 10 min (2 pages, self-test with 6 questions)." in out


# ---------------------------------------------------------------- progress and certificate

class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements, self.stack, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in ("input", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def parsed(html):
    p = Tags()
    p.feed(html)
    assert p.errors == [] and p.stack == []
    return p.elements


def test_progress_table(tmp_path):
    site = make_site(tmp_path)
    out = course.render_progress("", RenderContext(lang="sv", src="utbildningen/min-utbildning.md", site=site))
    assert out.startswith("\n\n<div ") and "data-course-progress" in out
    rows = [a for t, a in parsed(out) if t == "tr" and "data-quiz" in a]
    assert [(r["data-quiz"], r["data-version"], r["data-title"]) for r in rows] == [("m1", "2", "Första modulen"), ("slutprov", "2", "Slutprov")]
    assert '<a href="../../m1/sjalvtest/">Första modulen</a>' in out and '<a href="../slutprov/">Slutprov</a>' in out
    assert "<caption>" in out and '<th scope="col">' in out and '<th scope="row">' in out
    assert '<p class="js-hide">Dina resultat visas här bara när JavaScript är påslaget.' in out
    assert "skickas aldrig någonstans" in out
