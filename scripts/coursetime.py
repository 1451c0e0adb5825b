"""Honest course times: minutes computed from the text a learner is actually shown, never typed by hand.

- A page or a page section counts its words after its markers are expanded (the law citations, "who do I call?"
  boxes and law tables inserted into it), HTML tags and Markdown syntax left out. The generated Sources list at
  the bottom of a page is not counted (a reference list, not reading), nor are glossary tooltips (shown on hover).
- A test counts what the learner reads in it: each question, all its options, and after grading the feedback on
  one answer and the explanation; plus ANSWER_SECONDS per question to think and choose.
- A "who do I call?" box (`<!-- contacts: X -->`) shown again in the same module or track is counted once:
  the learner has read it already and recognises it.
- Reading is at the same speed as the page's "Lästid" (scripts/pages.py, WORDS_PER_MINUTE), so the two agree.

Pure module: no mkdocs import.
"""
from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field

from . import pages as P

STUDY_WPM = P.WORDS_PER_MINUTE
ANSWER_SECONDS = 20

TAG_RE = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)
QUIZ_MARKER_RE = re.compile(r"<!--\s*quiz\s*:\s*([^\s>]*)\s*-->")
CONTACTS_MARKER_RE = re.compile(r"<!--\s*contacts\s*:\s*([^\s>]*)\s*-->")


def words(text: str) -> int:
    """Words of rendered text: Markdown with raw HTML from expanded markers (tags and entities removed)."""
    text = TAG_RE.sub(" ", text)
    return P.prose_words(html.unescape(text))


def seconds_for_words(n: int) -> float:
    return n * 60.0 / STUDY_WPM


def minutes(seconds: float) -> int:
    """Whole minutes, rounded up; at least 1 for anything at all."""
    return max(1, math.ceil(seconds / 60 - 1e-9)) if seconds > 0 else 0


# ---------------------------------------------------------------- tests

def question_words(q: dict, lang: str) -> int:
    """Words a learner reads in one question: the question, every option, one feedback and the explanation."""
    def t(value) -> str:
        return str(value.get(lang) or value.get("sv") or "") if isinstance(value, dict) else ""

    parts = [t(q.get("question")), t(q.get("explanation"))]
    if q.get("type") == "truefalse":
        parts += ["Sant Falskt", t(q.get("feedback_true"))]
    else:
        opts = [o for o in q.get("options") or [] if isinstance(o, dict)]
        parts += [t(o.get("text")) for o in opts]
        if opts:
            parts.append(t(opts[0].get("feedback")))
    return P.prose_words(" ".join(parts))


def quiz_seconds(data, lang: str) -> float:
    questions = [q for q in (data.get("questions") or [] if isinstance(data, dict) else []) if isinstance(q, dict)]
    return sum(seconds_for_words(question_words(q, lang)) + ANSWER_SECONDS for q in questions)


def quiz_data(site, quiz_id: str):
    from . import quiz as Q
    path = Q.quiz_files(site).get(quiz_id)
    if path is None:
        return None
    data, _ = Q.load_quiz(path)
    return data if isinstance(data, dict) else None


def test_seconds(site, quiz_id: str, lang: str) -> float:
    return quiz_seconds(quiz_data(site, quiz_id), lang)


# ---------------------------------------------------------------- pages

_cache: dict = {}


def shown_text(site, body: str, src: str, path: str, lang: str, line_offset: int = 0, ctx=None) -> str:
    """The body with its markers expanded as the build would (quiz markers left out: tests are timed apart)."""
    from .markers import expand
    from .render import RenderContext, renderers

    body = QUIZ_MARKER_RE.sub(" ", body)
    rend = dict(renderers())
    for name in ("course", "tracks", "track", "track-progress", "track-certificate", "progress", "certificate"):
        rend[name] = lambda arg, c: ""  # overviews and progress tables are not reading matter
    ctx = ctx or RenderContext(lang=lang, src=src, site=site)
    try:
        from . import render as R
        prepare = getattr(R, "prepare", None)  # text-level steps, e.g. the law register's date blocks
        if prepare is not None:
            body = prepare(body, ctx, path, line_offset)
        return expand(body, ctx, rend, path, line_offset=line_offset)
    except Exception:  # noqa: BLE001 - a broken marker is reported by `make check`; count the text without it
        return re.sub(r"<!--.*?-->", " ", body, flags=re.S)


@dataclass
class Parts:
    """What a piece of text takes to read: its own words, the "who do I call?" boxes in it (situation -> words)
    and the tests it embeds (seconds)."""
    words: int = 0
    boxes: dict = field(default_factory=dict)
    test: float = 0.0

    def add(self, other: "Parts") -> "Parts":
        self.words += other.words
        for k, v in other.boxes.items():
            self.boxes.setdefault(k, v)  # a box seen before is recognised, not read again
        self.test += other.test
        return self

    @property
    def seconds(self) -> float:
        return seconds_for_words(self.words + sum(self.boxes.values())) + self.test


def text_parts(site, body: str, src: str, path: str, lang: str, line_offset: int = 0, ctx=None, reading: bool = True) -> Parts:
    """The parts of a Markdown text as shown in this language (markers expanded)."""
    boxes = {}
    for sid in CONTACTS_MARKER_RE.findall(body):
        if sid not in boxes:
            boxes[sid] = words(shown_text(site, f"<!-- contacts: {sid} -->", src, path, lang, ctx=ctx))
    plain = CONTACTS_MARKER_RE.sub(" ", body)
    own = words(shown_text(site, plain, src, path, lang, line_offset, ctx=ctx)) if reading else 0
    tests = sum(test_seconds(site, qid, lang) for qid in QUIZ_MARKER_RE.findall(body))
    return Parts(own, boxes if reading else {}, tests)


def page_parts(site, page, lang: str) -> Parts:
    key = (id(site), id(site.pages()), page.src, lang)
    if key not in _cache:
        _cache[key] = text_parts(site, page.body, page.src, str(page.path), lang, page.body_line - 1,
                                 reading=page.kind != "quiz")
    hit = _cache[key]
    return Parts(hit.words, dict(hit.boxes), hit.test)


def page_seconds(site, page, lang: str) -> float:
    """Reading time of a whole page as shown in this language, plus the tests it embeds."""
    return page_parts(site, page, lang).seconds


def page_for(site, slug: str, lang: str):
    by_src = {p.src: p for p in site.pages()}
    return by_src.get(P.translation_src(slug, lang)) or by_src.get(slug)


def module_seconds(site, mod: dict, lang: str) -> float:
    """A course module: every page as shown (its self-test page with the test)."""
    total = Parts()
    for slug in mod.get("pages") or []:
        page = page_for(site, slug, lang) if isinstance(slug, str) else None
        if page is not None:
            total.add(page_parts(site, page, lang))
    return total.seconds


def course_seconds(site, course: dict, lang: str) -> float:
    """The whole course: every module and the final test."""
    total = sum(module_seconds(site, m, lang) for m in course.get("modules") or [] if isinstance(m, dict))
    final = course.get("final")
    if isinstance(final, dict) and isinstance(final.get("page"), str):
        page = page_for(site, final["page"], lang)
        if page is not None:
            total += page_seconds(site, page, lang)
    return total
