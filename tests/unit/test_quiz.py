"""Quiz files: validation messages with file and line, and the plain HTML the marker renders."""
from __future__ import annotations

import gzip
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from scripts import quiz
from scripts.markers import expand
from scripts.pages import parse
from scripts.problems import ContentError
from scripts.render import RenderContext
from scripts.site import Site

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "quiz"
Q = "tests/fixtures/quiz/quizzes"
SETTINGS = {"pass_mark": 80, "city": "goteborg"}


@pytest.fixture(scope="module")
def site():
    return Site(FIX, settings=SETTINGS)


def messages(site, name: str) -> list[str]:
    """What `make check` says about one quiz file on its own (plus its links)."""
    path = FIX / "quizzes" / f"{name}.yml"
    data, problems = quiz.load_quiz(path)
    if data is not None:
        problems = problems + quiz.link_problems(data, path, site)
    return [str(p) for p in problems]


# ---------------------------------------------------------------- malformed quiz files, one kind each

MALFORMED = {
    "syntaxfel": [f"{Q}/syntaxfel.yml:8: the YAML here cannot be read: a {{...}} value is not closed or has a ',' too many: "
                  "check the braces, or put the text in quotes"],
    "okand-typ": [f"{Q}/okand-typ.yml:7: question 'fraga': unknown type 'singel' (known: multiple, single, truefalse)"],
    "inget-ratt": [f"{Q}/inget-ratt.yml:9: question 'fraga': no option is marked correct: true (single choice needs exactly one)"],
    "flera-ratt": [f"{Q}/flera-ratt.yml:9: question 'fraga': 2 options are marked correct (a, b): "
                   "single choice allows exactly one (use type: multiple for several)"],
    "saknar-oversattning": [f"{Q}/saknar-oversattning.yml:18: question 'fraga', option 'c': text has no English text (en:)",
                            f"{Q}/saknar-oversattning.yml:20: question 'fraga': explanation has no English text (en:)"],
    "fel-lank": [f"{Q}/fel-lank.yml:13: question 'sida-saknas': link to a page that does not exist: "
                 "modul/finns-inte.md (no docs/modul/finns-inte.md)",
                 f"{Q}/fel-lank.yml:21: question 'rubrik-saknas': link to a heading id that does not exist: "
                 "#vad-du-gor-nu is not a heading id in docs/modul/index.md (ids: barn-kan-aldrig-samtycka, vad-du-gor)"],
    "dubbla-id": [f"{Q}/dubbla-id.yml:14: duplicate question id 'fraga' (first at line 6)",
                  f"{Q}/dubbla-id.yml:25: question 'fraga': duplicate option id 'a' (first at line 18)"],
    "fel-namn": [f"{Q}/fel-namn.yml:2: id 'ett-annat-namn' must equal the file name ('fel-namn')"],
    "okant-falt": [f"{Q}/okant-falt.yml:9: question 'fraga': no option is marked correct: true (single choice needs exactly one)",
                   f"{Q}/okant-falt.yml:10: question 'fraga', option 'a': unknown field 'corect' (known: id, text, correct, feedback)"],
    "sant-falskt-fel": [f"{Q}/sant-falskt-fel.yml:3: version: must be a whole number, 1 or more",
                        f"{Q}/sant-falskt-fel.yml:6: question 'pastaende': a truefalse question has no options: write answer: true or false",
                        f"{Q}/sant-falskt-fel.yml:6: question 'pastaende': missing required field 'answer'",
                        f"{Q}/sant-falskt-fel.yml:16: question 'pastaende': link: must be a page under docs/ and a heading id, "
                        "e.g. grunder/manniskohandel.md#barn-inget-medel"],
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_quiz_is_reported_with_file_and_line(site, name):
    assert messages(site, name) == MALFORMED[name]


def test_valid_quiz_has_no_problems(site):
    assert messages(site, "ok") == []
    assert messages(site, "ej-inbaddad") == []


def test_site_level_checks(site):
    msgs = [str(p) for p in quiz.check(site)]
    # a quiz that no page embeds
    assert (f"{Q}/ej-inbaddad.yml:2: quiz 'ej-inbaddad' is not embedded on any page: "
            "add <!-- quiz: ej-inbaddad --> to its self-test page") in msgs
    assert not any(m.startswith(f"{Q}/ok.yml") for m in msgs)
    # a marker naming a quiz that does not exist: reported at the page's line
    unknown = [m for m in msgs if "unknown quiz" in m]
    assert unknown == ["tests/fixtures/quiz/docs/modul/sjalvtest.md:10: unknown quiz 'saknas' (known: dubbla-id, ej-inbaddad, "
                       "fel-lank, fel-namn, flera-ratt, inget-ratt, ok, okand-typ, okant-falt, saknar-oversattning, "
                       "sant-falskt-fel, syntaxfel)"]


def test_a_quiz_embedded_twice_on_a_page(tmp_path):
    shutil.copytree(FIX / "docs", tmp_path / "docs")
    (tmp_path / "quizzes").mkdir()
    shutil.copy(FIX / "quizzes" / "ok.yml", tmp_path / "quizzes")
    page = tmp_path / "docs" / "modul" / "sjalvtest.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- quiz: saknas -->", "<!-- quiz: ok -->"), encoding="utf-8")
    problems = quiz.check(Site(tmp_path, settings=SETTINGS))
    assert [(p.line, p.message) for p in problems] == [
        (10, "quiz 'ok' is embedded twice on this page: embed each quiz once (its ids must be unique)")]


def test_marker_for_missing_quiz_fails_the_build_with_page_and_line(site):
    page = parse(FIX / "docs" / "modul" / "sjalvtest.md", FIX / "docs")
    ctx = RenderContext(lang="sv", src=page.src, site=site)
    with pytest.raises(ContentError) as e:
        expand(page.body, ctx, quiz.RENDERERS, str(page.path), line_offset=page.body_line - 1)
    assert [str(p) for p in e.value.problems] == [
        "tests/fixtures/quiz/docs/modul/sjalvtest.md:10: unknown quiz 'saknas' (known: dubbla-id, ej-inbaddad, fel-lank, "
        "fel-namn, flera-ratt, inget-ratt, ok, okand-typ, okant-falt, saknar-oversattning, sant-falskt-fel, syntaxfel)"]


def test_marker_for_broken_quiz_names_the_quiz_problem(site):
    with pytest.raises(LookupError) as e:
        quiz.render_quiz("okand-typ", RenderContext(lang="sv", src="modul/sjalvtest.md", site=site))
    assert str(e.value) == ("quiz 'okand-typ' has errors, run `make check`; first: "
                            f"{Q}/okand-typ.yml:7: question 'fraga': unknown type 'singel' (known: multiple, single, truefalse)")


def test_missing_schema_line_is_a_warning(tmp_path):
    (tmp_path / "quizzes").mkdir()
    text = (FIX / "quizzes" / "ej-inbaddad.yml").read_text(encoding="utf-8").split("\n", 1)[1]
    (tmp_path / "quizzes" / "ej-inbaddad.yml").write_text(text, encoding="utf-8")
    _, problems = quiz.load_quiz(tmp_path / "quizzes" / "ej-inbaddad.yml")
    assert [(p.line, p.level) for p in problems] == [(1, "warning")]
    assert "# yaml-language-server: $schema=schema.json" in problems[0].message


def test_schema_is_valid_and_described_in_swedish():
    schema = json.loads((ROOT / "quizzes" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "Höj" in schema["properties"]["version"]["description"]
    assert set(schema["$defs"]["question"]["properties"]["type"]["enum"]) == {"single", "multiple", "truefalse"}


# ---------------------------------------------------------------- rendering

class Tags(HTMLParser):
    """Checks that the markup is balanced and collects every element with its attributes."""
    VOID = {"input", "br", "img", "hr", "meta", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.elements, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def rendered(site, lang="sv", name="ok", src="modul/sjalvtest.md"):
    out = quiz.render_quiz(name, RenderContext(lang=lang, src=src if lang == "sv" else src[:-3] + ".en.md", site=site))
    parser = Tags()
    parser.feed(out)
    assert parser.errors == [] and parser.stack == []
    return out, parser.elements


def test_render_form_fieldsets_and_no_preselection(site):
    out, elements = rendered(site)
    assert out.startswith("\n\n<form ") and out.endswith("</form>\n\n")  # an HTML block at column 0
    form = elements[0]
    assert form[0] == "form" and form[1]["class"] == "quiz" and form[1]["data-quiz"] == "ok"
    assert form[1]["data-version"] == "3" and form[1]["data-pass"] == "80" and "data-final" not in form[1]
    assert [e[0] for e in elements].count("fieldset") == 3 == [e[0] for e in elements].count("legend")
    assert "checked" not in out and "selected" not in out
    inputs = [a for t, a in elements if t == "input"]
    assert [i["type"] for i in inputs] == ["radio"] * 3 + ["checkbox"] * 3 + ["radio"] * 2
    labels = {a["for"] for t, a in elements if t == "label"}
    assert labels == {i["id"] for i in inputs}
    ids = [a["id"] for _, a in elements if "id" in a]
    assert len(ids) == len(set(ids))
    assert "&lt;något&gt;" in out  # text is escaped


def test_render_answers_in_closed_details(site):
    out, elements = rendered(site)
    details = [a for t, a in elements if t == "details"]
    assert len(details) == 3 and all("open" not in d for d in details)
    assert out.count("<summary>Visa svar och förklaring</summary>") == 3
    assert '<p class="quiz__key"><strong>Rätta svar:</strong> Ett / Två</p>' in out
    assert '<div data-option="b"><dt>Fel alternativ</dt><dd>Nej: inte så.</dd></div>' in out
    # explanation + link to the page and heading that teaches it, relative to the quiz page
    assert ('Därför att barn aldrig kan samtycka. <a href="../#barn-kan-aldrig-samtycka">Läs mer: Modulen</a>') in out
    fieldsets = [a for t, a in elements if t == "fieldset"]
    assert [f["data-correct"] for f in fieldsets] == ["a", "a b", "false"]


def test_render_truefalse_and_english(site):
    out, elements = rendered(site, lang="en")
    assert '<label for="quiz-ok-pastaende-true">True</label>' in out
    assert '<label for="quiz-ok-pastaende-false">False</label>' in out
    assert "<summary>Show answer and explanation</summary>" in out
    assert "Read more: Modulen" in out  # no English page in the fixture: the Swedish title
    assert "Question 1 of 3" in out and "3 questions. To pass you need at least 80 per cent right." in out
    sv, _ = rendered(site)
    assert '<label for="quiz-ok-pastaende-true">Sant</label>' in sv and "Fråga 3 av 3" in sv


def test_final_test_is_marked_for_shuffling(tmp_path):
    shutil.copytree(FIX / "docs", tmp_path / "docs")
    (tmp_path / "quizzes").mkdir()
    text = (FIX / "quizzes" / "ok.yml").read_text(encoding="utf-8").replace("version: 3\n", "version: 3\nfinal: true\n")
    (tmp_path / "quizzes" / "ok.yml").write_text(text, encoding="utf-8")
    out = quiz.render_quiz("ok", RenderContext(lang="sv", src="modul/sjalvtest.md", site=Site(tmp_path, settings=SETTINGS)))
    assert 'data-final="true"' in out and "ny ordning vid varje försök" in out


def test_pass_mark_comes_from_settings(site):
    other = Site(FIX, settings={**SETTINGS, "pass_mark": 70})
    out = quiz.render_quiz("ok", RenderContext(lang="sv", src="modul/sjalvtest.md", site=other))
    assert 'data-pass="70"' in out and "minst 70 procent" in out


@pytest.mark.parametrize("src,target,url", [
    ("agera/sjalvtest.md", "grunder/manniskohandel.md#barn", "../../grunder/manniskohandel/#barn"),
    ("agera/sjalvtest.en.md", "agera/index.md", "../"),
    ("utbildningen/min-utbildning.md", "utbildningen/slutprov.md", "../slutprov/"),
    ("index.md", "grunder/index.md", "grunder/"),
    ("grunder/index.md", "index.md#x", "../#x"),
    ("agera/skolan.md", "agera/skolan.md#a", "./#a"),
])
def test_url_to(src, target, url):
    assert quiz.url_to(RenderContext(lang="sv", src=src, site=None), target) == url


def test_script_and_styles_stay_small():
    js = ROOT / "docs" / "assets" / "javascripts" / "quiz.js"
    css = ROOT / "docs" / "assets" / "stylesheets" / "quiz.css"
    size = sum(len(gzip.compress(p.read_bytes(), 9)) for p in (js, css))
    assert size < 10 * 1024, size
    text = js.read_text(encoding="utf-8")
    assert "localStorage" in text and "kb:quiz:" in text and not re.search(r"\bfetch\(|XMLHttpRequest|sendBeacon", text)
