"""Every figure traced to its sources. Each number in a page or a quiz (a count, a percentage, an age, a year,
an amount) must occur in the text of a source that the page or quiz cites (`text:` in docs/_data/sources.yml).
What is justified otherwise is listed, with a reason, in docs/_data/figure-exceptions.yml.

Swedish and English number formats are read as one value: "12 474" = "12,474" = 12474, "1,5" = "1.5".
A percentage must be a percentage in the source too ("37 %", "37 procent")."""
from __future__ import annotations

import re
from pathlib import Path

from . import pages as P
from .markers import FENCE_RE
from .problems import Problem
from .yamlfile import LineList, read_source

EXCEPTIONS = "figure-exceptions.yml"
LAST_COUNTS: dict = {}

_SP = "[ \u00a0\u202f]"
# A citation-like figure read whole: SOU 2023:97, (2018:1937), (EU) 2016/679, a date 2026-11-23.
_WHOLE = r"\d{4}:\d{1,4}|\d{4}/\d{1,4}|\d{4}-\d{2}-\d{2}"
_NUM = {
    "sv": re.compile(rf"(?<![\w.,:/§\d])({_WHOLE}|\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d+)(?![\w/]|[.,:]\d)"
                     rf"({_SP}?(?:%|procent))?", re.I),
    "en": re.compile(rf"(?<![\w.,:/§\d])({_WHOLE}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w/]|[.,:]\d)"
                     rf"({_SP}?(?:%|per{_SP}?cent|percent))?", re.I),
}
# What is not prose: markers and comments, code, link targets, heading ids, HTML tags, web addresses, list numbers.
_STRIP = (re.compile(r"<!--.*?-->"), re.compile(r"`[^`]*`"), re.compile(r"\]\([^)]*\)"), re.compile(r"\{\s*[#.:][^}]*\}"),
          re.compile(r"<[^>]+>"), re.compile(r"\b(?:https?://|www\.)\S+"), re.compile(r"^\s*\d+\.\s"),
          re.compile(r"\b[\w.-]+\.(?:se|org|com|eu|nu|net)\b\S*"))


_DIGIT = re.compile(r"\d")


def value(raw: str, lang: str) -> str:
    """One spelling for a number: no group separators, a decimal comma."""
    if re.fullmatch(_WHOLE, raw):
        return raw
    if lang == "en":
        raw = raw.replace(",", "").replace(".", ",")
    return re.sub(_SP, "", raw)


def figures_in(line: str, lang: str) -> list[tuple[str, bool, str]]:
    """(value, is a percentage, as written) for each figure in one line of prose."""
    if not _DIGIT.search(line):
        return []
    for rx in _STRIP:
        line = rx.sub(lambda m: " " * len(m.group(0)), line)
    return [(value(m.group(1), lang), bool(m.group(2)), m.group(0).strip()) for m in _NUM[lang].finditer(line)]


# ---------------------------------------------------------------- source texts

_GARBLED_I = re.compile(r"(?<=[a-zåäö] )1(?= [a-zåäö])")  # a scanned "i" read as "1" ("presenteras 1 handlingsplanen")
_TEXTS: dict = {}


def source_figures(path: Path) -> tuple[set, set]:
    """(values, percentage values) in one source text; cached on the file's time."""
    key = (str(path), path.stat().st_mtime_ns)
    if key not in _TEXTS:
        text, _ = read_source(path)
        text = re.sub(r"(?<=\w)-\n(?=\w)", "", text or "")  # a word hyphenated at a line end ("24 pro-\ncent")
        text = re.sub(r"\s+", " ", text)  # a figure broken over a line ("12\n474") is one figure
        text = _GARBLED_I.sub("i", text)
        values, percents = set(), set()
        for v, pct, _ in figures_in(text, "sv"):
            values.add(v)
            if pct:
                percents.add(v)
        _TEXTS[key] = (values, percents)
    return _TEXTS[key]


def _registry(site) -> dict:
    data, _ = site.data("sources")
    return {s["id"]: s for s in (data or {}).get("sources", []) if isinstance(s, dict) and "id" in s}


def cited(meta) -> list[str]:
    out = []
    for s in (meta or {}).get("sources") or []:
        sid = s if isinstance(s, str) else s.get("id") if isinstance(s, dict) else None
        if sid and sid not in out:
            out.append(sid)
    return out


class _Sources:
    def __init__(self, site):
        self.site, self.reg, self.cache = site, _registry(site), {}

    def figures(self, ids) -> tuple[set, set]:
        key = tuple(ids)
        if key not in self.cache:
            self.cache[key] = self._figures(ids)
        return self.cache[key]

    def _figures(self, ids) -> tuple[set, set]:
        values, percents = set(), set()
        for sid in ids:
            rel = (self.reg.get(sid) or {}).get("text")
            f = self.site.docs / rel if rel else None
            if f is not None and f.exists():
                v, p = source_figures(f)
                values |= v
                percents |= p
        return values, percents


# ---------------------------------------------------------------- exceptions

def exceptions(site) -> tuple[list[dict], list[Problem]]:
    path = site.data_dir / EXCEPTIONS
    if not path.exists():
        return [], []
    data, problems = site.data(EXCEPTIONS[:-4])
    items = (data or {}).get("exceptions") if isinstance(data, dict) else None
    out = []
    for i, e in enumerate(items or []):
        line = items.item_lines[i] if isinstance(items, LineList) else 1
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) and e[k].strip() for k in ("path", "figure", "reason")):
            problems.append(Problem(str(path), line, "each exception needs 'path' (the Swedish page relative to docs/, or "
                                                     "quizzes/NAME.yml), 'figure' (as written on the Swedish page) and 'reason'"))
            continue
        out.append({**e, "line": line, "value": value(e["figure"], "sv"), "used": False})
    return out, problems


def _excepted(excs, where: str, v: str) -> bool:
    hit = False
    for e in excs:  # "2.1" on the Swedish page is "2.1" on the English page too (a version, not a decimal)
        if e["path"] == where and e["value"].replace(".", ",") == v.replace(".", ","):
            e["used"] = hit = True
    return hit


# ---------------------------------------------------------------- the check

def _prose_lines(body: str):
    in_fence = False
    for i, line in enumerate(body.splitlines()):
        if FENCE_RE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            yield i, line


_QUIZ_TEXT = re.compile(r"""\b(sv|en):\s*"((?:[^"\\]|\\.)*)\"""")


def check(site) -> list[Problem]:
    src = _Sources(site)
    excs, problems = exceptions(site)
    checked = excepted = 0

    def judge(path, line, fig, pct, written, ids, where, what):
        nonlocal checked, excepted
        checked += 1
        values, percents = src.figures(ids)
        if (v := fig) in (percents if pct else values):
            return
        if _excepted(excs, where, v):
            excepted += 1
            return
        names = ", ".join(ids) or "none"
        problems.append(Problem(str(path), line, f"{written} is not in the sources {what} cites ({names}): correct it to what "
                                                 f"the source says, cite the source it comes from, or give the reason in "
                                                 f"docs/_data/{EXCEPTIONS}"))

    pages = [p for p in site.pages() if not p.unreadable]
    for page in pages:
        ids = cited(page.meta)
        for key in ("title", "description"):  # shown on the page, in the menu and in search results
            if isinstance(page.meta.get(key), str):
                for fig, pct, written in figures_in(page.meta[key], page.lang):
                    judge(page.path, page.meta_line(key), fig, pct, written, ids, page.slug, "this page")
        for i, line in _prose_lines(page.body):
            for fig, pct, written in figures_in(line, page.lang):
                judge(page.path, page.body_line + i, fig, pct, written, ids, page.slug, "this page")

    # quizzes: the sources of the page each question links to and of the page the quiz is embedded on
    by_slug = {p.slug: p for p in pages if p.lang == P.DEFAULT_LANG}
    from .markers import find_markers
    embedded: dict = {}
    for p in by_slug.values():
        for m in find_markers(p.body):
            if m.name == "quiz":
                embedded.setdefault(m.arg, []).extend(cited(p.meta))
    qdir = Path(site.root) / "quizzes"
    from .quiz import load_quiz  # cached on the file's time
    for qf in sorted(qdir.glob("*.yml")) if qdir.is_dir() else []:
        data, _ = load_quiz(qf)
        if not isinstance(data, dict):
            continue
        questions = data.get("questions") if isinstance(data.get("questions"), LineList) else []
        starts = list(questions.item_lines) if questions else []
        text, _ = read_source(qf)
        base = embedded.get(str(data.get("id")), [])
        for n, line in enumerate((text or "").splitlines(), 1):
            if not _DIGIT.search(line):
                continue
            k = max((j for j, s in enumerate(starts) if s <= n), default=None)
            q = questions[k] if k is not None else {}
            link = str(q.get("link") or "").split("#")[0] if isinstance(q, dict) else ""
            ids = list(dict.fromkeys(base + cited((by_slug.get(link) or P.Page(qf, "", "sv", {}, "", 1)).meta)))
            for m in _QUIZ_TEXT.finditer(line):
                for fig, pct, written in figures_in(m.group(2), m.group(1)):
                    judge(qf, n, fig, pct, written, ids, f"quizzes/{qf.name}", "this question")

    for e in excs:
        if not e["used"]:
            problems.append(Problem(str(site.data_dir / EXCEPTIONS), e["line"],
                                    f"exception for {e['figure']} on {e['path']} is no longer needed: delete it", "warning"))
    LAST_COUNTS.update(checked=checked, excepted=excepted)
    return problems
