"""Self-tests and the final test: quizzes/ID.yml, validated and rendered as plain, accessible HTML.

`<!-- quiz: ID -->` becomes a <form class="quiz"> whose questions are <fieldset>s with native radios or
checkboxes. Without JavaScript every question shows its answers, each option's feedback and the
explanation inside a closed <details>; docs/assets/javascripts/quiz.js only enhances it (check, score,
progress in localStorage). Pure module: no mkdocs import.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import jsonschema

from . import pages as P
from .strings import lookup, section
from .markers import find_markers
from .problems import Problem
from .yamlfile import LineDict, LineList, line_of, load, schema

SCHEMA = "schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema=schema.json"
LINK_RE = re.compile(r"^[^#]+\.md(#|$)")
TYPES = ("multiple", "single", "truefalse")
LANG_NAMES = {"sv": "Swedish", "en": "English"}
QUESTION_TEXTS = ("question", "explanation", "feedback_true", "feedback_false")
OPTION_TEXTS = ("text", "feedback")

STRINGS = section("quiz")  # docs/_data/strings/LANG.yml


def s(lang: str, key: str, **kw):
    return lookup(STRINGS, lang, key, **kw)


# ---------------------------------------------------------------- files and cache

def quiz_dir(site) -> Path:
    return Path(site.root) / "quizzes"


def quiz_files(site) -> dict[str, Path]:
    """Quiz id (file name) -> path, for every quizzes/*.yml."""
    return {p.stem: p for p in sorted(quiz_dir(site).glob("*.yml"))}


_cache: dict[str, tuple] = {}  # path -> (mtime, data, problems of the file alone)


def load_quiz(path: Path) -> tuple[object, list[Problem]]:
    """A quiz file and the problems found in it alone (syntax, schema, ids, answers, translations).
    Cached on the file's mtime: the build renders every page once per language."""
    key = str(path)
    mtime = path.stat().st_mtime
    hit = _cache.get(key)
    if hit and hit[0] == mtime:
        return hit[1], hit[2]
    data, problems = load(path)
    if data is not None:
        problems = problems + file_problems(data, path)  # keep duplicate-key problems from the loader
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        first = fh.readline().strip()
    if data is not None and first != SCHEMA_LINE:
        problems = [Problem(str(path), 1, f"the first line should be '{SCHEMA_LINE}' (hover help and checks in the editor)",
                            "warning")] + problems
    _cache[key] = (mtime, data, problems)
    return data, problems


# ---------------------------------------------------------------- validation of one file

def _qid(data, i) -> str:
    try:
        q = data["questions"][i]
        return str(q.get("id", i + 1)) if isinstance(q, dict) else str(i + 1)
    except (KeyError, IndexError, TypeError):
        return str(i + 1)


def _where(data, path: list) -> tuple[str, list]:
    """("question 'x', option 'b'", rest of the path) for a JSON path inside a quiz."""
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        label = f"question '{_qid(data, path[1])}'"
        rest = path[2:]
        if len(rest) >= 2 and rest[0] == "options" and isinstance(rest[1], int):
            try:
                opt = data["questions"][path[1]]["options"][rest[1]]
                oid = opt.get("id", rest[1] + 1) if isinstance(opt, dict) else rest[1] + 1
            except (KeyError, IndexError, TypeError):
                oid = rest[1] + 1
            label += f", option '{oid}'"
            rest = rest[2:]
        return label, rest
    return "", path


def _question(data, path: list) -> dict:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        q = data["questions"][path[1]]
        return q if isinstance(q, dict) else {}
    return {}


def _join(label: str, text: str) -> str:
    return f"{label}: {text}" if label else text


def schema_problems(data, path: Path) -> list[Problem]:
    """JSON Schema errors as editor messages. Answers, types and translations are left to the
    clearer checks in file_problems()."""
    validator = jsonschema.Draft202012Validator(schema(SCHEMA))
    out = []
    for err in validator.iter_errors(data):
        where = list(err.absolute_path)
        last = where[-1] if where else None
        if err.validator in ("contains", "minContains", "maxContains"):
            continue  # correct answers: see _answer_problems
        if err.validator == "enum" and last == "type":
            continue  # unknown type: see file_problems
        if err.validator == "required" and re.search(r"'(sv|en)' is a required", err.message):
            continue  # missing translation: see _text_problems
        if err.validator == "minLength" and last in ("sv", "en"):
            continue  # empty translation: see _text_problems
        label, rest = _where(data, where)
        if rest[:1] == ["options"] and _question(data, where).get("type") == "truefalse":
            continue  # options on a truefalse question: one message from the `not` rule below
        field = ".".join(map(str, rest))
        line = line_of(data, where)
        custom = err.schema.get("errorMessage") if isinstance(err.schema, dict) else None
        if err.validator == "required":
            missing = err.message.split("'")[1]
            msg = _join(label, f"missing required field '{missing}'" + (f" in {field}" if field else ""))
        elif err.validator == "additionalProperties":
            unknown = ", ".join(f"'{x}'" for x in re.findall(r"'([^']+)'", err.message.split("(")[-1]))
            known = ", ".join(err.schema.get("properties", {}))
            msg = _join(label, f"unknown field {unknown}" + (f" in {field}" if field else "") + f" (known: {known})")
        elif err.validator == "not":
            if _question(data, where).get("type") == "truefalse":
                msg = _join(label, "a truefalse question has no options: write answer: true or false")
            else:
                msg = _join(label, "answer, feedback_true and feedback_false belong only to truefalse questions")
        else:
            msg = _join(label, f"{field or '(top level)'}: {custom or err.message}")
        out.append(Problem(str(path), line, msg))
    return out


def _text_problems(data, node, path: list, field: str) -> list[Problem]:
    value = node.get(field) if isinstance(node, dict) else None
    if not isinstance(value, dict):
        return []  # absent or not a mapping: reported by the schema
    label, _ = _where(data, path)
    out = []
    for lang in ("sv", "en"):
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            line = line_of(data, path + [field, lang]) if lang in value else line_of(data, path + [field])
            out.append(Problem("", line, _join(label, f"{field} has no {LANG_NAMES[lang]} text ({lang}:)")))
    return out


def _answer_problems(data, i: int, q: dict) -> list[Problem]:
    opts = q.get("options")
    if q.get("type") not in ("single", "multiple") or not isinstance(opts, list):
        return []
    right = [str(o.get("id")) for o in opts if isinstance(o, dict) and o.get("correct") is True]
    label = f"question '{_qid(data, i)}'"
    line = line_of(data, ["questions", i, "options"])
    if not right:
        need = "exactly one" if q["type"] == "single" else "at least one"
        return [Problem("", line, f"{label}: no option is marked correct: true ({q['type']} choice needs {need})")]
    if q["type"] == "single" and len(right) > 1:
        return [Problem("", line, f"{label}: {len(right)} options are marked correct ({', '.join(right)}): "
                                  "single choice allows exactly one (use type: multiple for several)")]
    return []


def file_problems(data, path: Path) -> list[Problem]:
    """Everything wrong in one quiz file that can be seen without the rest of the site."""
    if not isinstance(data, dict):
        return [Problem(str(path), 1, "a quiz file is a YAML mapping starting with id:, version:, title: and questions:")]
    out = schema_problems(data, path)
    extra: list[Problem] = []
    qid = data.get("id")
    if isinstance(qid, str) and qid != path.stem:
        extra.append(Problem("", line_of(data, ["id"]), f"id '{qid}' must equal the file name ('{path.stem}')"))
    extra += _text_problems(data, data, [], "title")
    questions = data.get("questions") if isinstance(data.get("questions"), list) else []
    seen_q: dict = {}
    for i, q in enumerate(questions):
        if not isinstance(q, dict):
            continue
        qpath = ["questions", i]
        if "id" in q:
            if q["id"] in seen_q:
                extra.append(Problem("", line_of(data, qpath + ["id"]), f"duplicate question id '{q['id']}' (first at line {seen_q[q['id']]})"))
            else:
                seen_q[q["id"]] = line_of(data, qpath + ["id"])
        qtype = q.get("type")
        if qtype is not None and qtype not in TYPES:
            extra.append(Problem("", line_of(data, qpath + ["type"]),
                                 f"question '{_qid(data, i)}': unknown type '{qtype}' (known: {', '.join(TYPES)})"))
        for field in QUESTION_TEXTS:
            extra += _text_problems(data, q, qpath, field)
        extra += _answer_problems(data, i, q)
        seen_o: dict = {}
        for j, o in enumerate(q.get("options") if isinstance(q.get("options"), list) else []):
            if not isinstance(o, dict):
                continue
            opath = qpath + ["options", j]
            if "id" in o:
                if o["id"] in seen_o:
                    extra.append(Problem("", line_of(data, opath + ["id"]),
                                         f"question '{_qid(data, i)}': duplicate option id '{o['id']}' (first at line {seen_o[o['id']]})"))
                else:
                    seen_o[o["id"]] = line_of(data, opath + ["id"])
            for field in OPTION_TEXTS:
                extra += _text_problems(data, o, opath, field)
    out += [Problem(str(path), p.line, p.message) for p in extra]
    return sorted(out, key=lambda p: (p.line, p.message))


# ---------------------------------------------------------------- cross-checks with the site

_index: dict = {}


def heading_ids(site) -> dict[str, set]:
    """Swedish page slug ("grunder/index.md") -> heading ids written `{ #id }` in it."""
    pages = site.pages()
    hit = _index.get(id(site))
    if hit and hit[0] is pages:
        return hit[1]
    ids = {}
    for page in pages:
        if page.lang == P.DEFAULT_LANG:
            ids[page.src] = {b.key.split("#", 1)[1] for b in P.outline(page) if b.kind == "heading" and "#" in b.key}
            ids[page.src].discard("")
    _index[id(site)] = (pages, ids)
    return ids


def link_problems(data, path: Path, site) -> list[Problem]:
    ids = heading_ids(site)
    out = []
    for i, q in enumerate(data.get("questions") or [] if isinstance(data, dict) else []):
        link = q.get("link") if isinstance(q, dict) else None
        if not isinstance(link, str) or not LINK_RE.match(link):
            continue  # not a page link at all: reported by the schema
        target, _, anchor = link.partition("#")
        line = line_of(data, ["questions", i, "link"])
        label = f"question '{_qid(data, i)}'"
        if target not in ids:
            out.append(Problem(str(path), line, f"{label}: link to a page that does not exist: {target} (no docs/{target})"))
        elif anchor and anchor not in ids[target]:
            known = ", ".join(sorted(ids[target])) or "none"
            out.append(Problem(str(path), line, f"{label}: link to a heading id that does not exist: "
                                                f"#{anchor} is not a heading id in docs/{target} (ids: {known})"))
    return out


def quiz(site, quiz_id: str) -> dict:
    """The valid quiz with this id, or LookupError (turned into `page:line: message` by the marker code)."""
    files = quiz_files(site)
    if quiz_id not in files:
        raise LookupError(f"unknown quiz '{quiz_id}' (known: {', '.join(files) or 'none'})")
    data, problems = load_quiz(files[quiz_id])
    if data is not None and not problems:
        problems = link_problems(data, files[quiz_id], site)
    errors = [p for p in problems if p.level == "error"]
    if errors:
        raise LookupError(f"quiz '{quiz_id}' has errors, run `make check`; first: {errors[0]}")
    return data


def check(site) -> list[Problem]:
    files = quiz_files(site)
    out: list[Problem] = []
    for qid, path in files.items():
        data, problems = load_quiz(path)
        out += problems
        if data is not None:
            out += link_problems(data, path, site)
    embedded: set = set()
    for page in site.pages():
        on_page: set = set()
        for m in find_markers(page.body):
            if m.name != "quiz":
                continue
            embedded.add(m.arg)
            if m.arg in on_page:
                out.append(Problem(str(page.path), page.body_line + m.line - 1,
                                   f"quiz '{m.arg}' is embedded twice on this page: embed each quiz once (its ids must be unique)"))
            on_page.add(m.arg)
            if m.arg not in files:
                out.append(Problem(str(page.path), page.body_line + m.line - 1,
                                   f"unknown quiz '{m.arg}' (known: {', '.join(files) or 'none'})"))
    for qid, path in files.items():
        if qid not in embedded:
            data, _ = load_quiz(path)
            line = line_of(data, ["id"]) if isinstance(data, LineDict) else 1
            out.append(Problem(str(path), line, f"quiz '{qid}' is not embedded on any page: add <!-- quiz: {qid} --> to its self-test page"))
    return out


# ---------------------------------------------------------------- links from raw HTML

def page_url(src: str) -> str:
    """Site-relative URL of a docs page (directory URLs): "grunder/index.md" -> "grunder/"."""
    slug = P.source_slug(src)[:-3]
    if slug == "index" or slug.endswith("/index"):
        slug = slug[:-5]
    else:
        slug += "/"
    return slug


def url_to(ctx, target: str) -> str:
    """Relative URL from the page being rendered to `page.md#anchor`, for raw HTML (which MkDocs does not
    rewrite). The same in both languages: the English site mirrors the Swedish one under en/."""
    target_md, hash_, anchor = target.partition("#")
    here = page_url(ctx.src).rstrip("/") or "."
    there = page_url(target_md).rstrip("/") or "."
    rel = posixpath.relpath(there, here)
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if hash_ else "")


def page_title(site, target_md: str, lang: str) -> str:
    by_src = {p.src: p for p in site.pages()}
    for src in (P.translation_src(target_md, lang), target_md):
        page = by_src.get(src)
        if page is not None and page.meta.get("title"):
            return str(page.meta["title"])
    return ""


# ---------------------------------------------------------------- rendering

def _options(q: dict, lang: str) -> list[tuple[str, str, bool, str]]:
    """(value, label, correct, feedback) for each option, true/false included."""
    if q["type"] == "truefalse":
        return [("true", s(lang, "true"), q["answer"] is True, q["feedback_true"][lang]),
                ("false", s(lang, "false"), q["answer"] is False, q["feedback_false"][lang])]
    return [(str(o["id"]), o["text"][lang], o.get("correct") is True, o["feedback"][lang]) for o in q["options"]]


def question_data(q: dict, prefix: str, ctx) -> dict:
    """One question as the template shows it: options with their feedback, the right answers, the explanation
    and a link to the page that answers it."""
    lang = ctx.lang
    opts = _options(q, lang)
    target = q["link"].partition("#")[0]
    return {"id": q["id"], "base": f"{prefix}-{q['id']}", "type": q["type"],
            "kind": "checkbox" if q["type"] == "multiple" else "radio",
            "correct": " ".join(o[0] for o in opts if o[2]), "question": q["question"][lang],
            "options": [{"value": v, "label": label, "feedback": fb} for v, label, _, fb in opts],
            "right": [o[1] for o in opts if o[2]], "explanation": q["explanation"][lang],
            "href": url_to(ctx, q["link"]), "page_title": page_title(ctx.site, target, lang)}


def render(data: dict, ctx) -> str:
    """A quiz (overrides/components/quiz.html)."""
    from . import components

    lang = ctx.lang
    qid = data["id"]
    prefix = f"quiz-{qid}"
    questions = data["questions"]
    final = data.get("final") is True
    pass_mark = int(ctx.settings.get("pass_mark", 80))
    intro = s(lang, "intro", n=len(questions), p=pass_mark) + (" " + s(lang, "intro_final") if final else "")
    t = components.strings(lambda lang_, key: lookup(STRINGS, lang_, key), lang)
    return components.render("quiz", ctx.site, t=t, id=qid, prefix=prefix, version=int(data["version"]),
                             pass_mark=pass_mark, final=final, title=data["title"][lang], intro=intro,
                             questions=[question_data(q, prefix, ctx) for q in questions])


def render_quiz(arg: str, ctx) -> str:
    return render(quiz(ctx.site, arg), ctx)


RENDERERS = {"quiz": render_quiz}
