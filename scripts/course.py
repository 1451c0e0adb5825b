"""The course path (docs/_data/course.yml): modules in order, each with its pages and self-test, then the
final test. Markers:

- `<!-- course -->`      the modules in order (### headings: put it under an ## heading), with objectives,
                         estimated time and links (Markdown)
- `<!-- progress -->`    a table of the learner's results, filled by quiz.js from localStorage (HTML)
- `<!-- certificate -->` a printable certificate once every test is passed: scripts/certificate.py

Nothing is sent anywhere: progress lives in the learner's browser only. Pure module: no mkdocs import.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from . import pages as P
from . import quiz as Q
from .strings import lookup, section
from .problems import Problem
from .yamlfile import LineDict, LineList, line_of

MIN_MODULE_QUESTIONS = 6
MIN_FINAL_QUESTIONS = 20

STRINGS = section("course")  # docs/_data/strings/LANG.yml


def s(lang: str, key: str, **kw):
    return lookup(STRINGS, lang, key, **kw)


def _e(text) -> str:
    return html.escape(str(text), quote=True)


# ---------------------------------------------------------------- data

def course(site) -> dict:
    data, _ = site.data("course")
    return data if isinstance(data, dict) else {}


def modules(site) -> list[dict]:
    mods = course(site).get("modules")
    return [m for m in mods if isinstance(m, dict)] if isinstance(mods, list) else []


def final_quiz(site) -> str:
    final = course(site).get("final")
    return str(final.get("quiz", "")) if isinstance(final, dict) else ""


def _text(value, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("sv") or "")
    return str(value or "")


def _page(site, slug: str, lang: str):
    """The page in this language, or the Swedish one (what the reader gets as a fallback)."""
    by_src = {p.src: p for p in site.pages()}
    return by_src.get(P.translation_src(slug, lang)) or by_src.get(slug)


def quiz_info(site, quiz_id: str) -> tuple[int, int]:
    """(version, number of questions) of a quiz; (0, 0) when it does not exist yet (check() says so)."""
    path = Q.quiz_files(site).get(quiz_id)
    if path is None:
        return 0, 0
    data, _ = Q.load_quiz(path)
    if not isinstance(data, dict):
        return 0, 0
    version = data.get("version") if isinstance(data.get("version"), int) else 0
    questions = data.get("questions") if isinstance(data.get("questions"), list) else []
    return version, len(questions)


LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


def objectives(body: str) -> list[str]:
    """The items of the page's `!!! objectives` list, continuation lines joined, as Markdown text."""
    items: list[str] = []
    inside = False
    for line in body.splitlines():
        if re.match(r"^!!!\s+objectives\b", line):
            inside = True
            continue
        if not inside:
            continue
        if not line.strip():
            continue
        if not line.startswith("    "):
            break
        m = re.match(r"^ {4}[-*+]\s+(.*)$", line)
        if m:
            items.append(m.group(1).strip())
        elif items:
            items[-1] += " " + line.strip()
    return items


def _clean(item: str, ctx) -> str:
    """An objective moved to another page: links dropped to their text, markers expanded or dropped."""
    item = LINK_RE.sub(r"\1", item)
    if "<!--" in item:
        try:
            from .markers import expand
            from .render import renderers
            item = expand(item, ctx, renderers(), ctx.src)
        except Exception:  # noqa: BLE001 - a marker that cannot render here is left out, not fatal
            item = COMMENT_RE.sub("", item)
    return " ".join(item.split())


def duration(minutes: int, lang: str) -> str:
    h, m = divmod(minutes, 60)
    if not h:
        text = s(lang, "minutes", m=m)
    else:
        text = s(lang, "hours", h=h, m=m) if m else s(lang, "hours0", h=h)
    return f"{s(lang, 'about')} {text}"


_SITE_NAMES: dict = {}  # (mkdocs.yml, its time, lang) -> name


def site_name(site, lang: str) -> str:
    """The site name in this language from mkdocs.yml (the i18n plugin may translate it)."""
    from .settings import _ConfigLoader

    path = Path(site.root) / "mkdocs.yml"
    try:
        key = (str(path), path.stat().st_mtime_ns, lang)
        if key in _SITE_NAMES:
            return _SITE_NAMES[key]
        cfg = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 - safe loader subclass
    except (OSError, yaml.YAMLError):
        return ""
    name = str(cfg.get("site_name") or "")
    for plugin in cfg.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for language in plugin["i18n"].get("languages") or []:
                if isinstance(language, dict) and language.get("locale") == lang and language.get("site_name"):
                    name = str(language["site_name"])
    _SITE_NAMES[key] = name
    return name


def city_name(site, lang: str) -> str:
    """The edition's city: its name from docs/_data/cities.yml when that file has it, else the id."""
    city = str(site.settings.get("city") or "")
    data, _ = site.data("cities")
    entries = []
    if isinstance(data, dict):
        found = data.get("editions") or data.get("cities", data)
        if isinstance(found, list):
            entries = [c for c in found if isinstance(c, dict) and c.get("id") == city]
        elif isinstance(found, dict) and isinstance(found.get(city), dict):
            entries = [found[city]]
    elif isinstance(data, list):
        entries = [c for c in data if isinstance(c, dict) and c.get("id") == city]
    if entries:
        name = entries[0].get("name") or entries[0].get("title")
        if name:
            return _text(name, lang)
    return city.replace("-", " ").title()


# ---------------------------------------------------------------- renderers

def render_course(arg: str, ctx) -> str:
    lang, site = ctx.lang, ctx.site
    mods = modules(site)
    docs = Path(site.docs)
    out = [s(lang, "intro", n=len(mods), p=int(ctx.settings.get("pass_mark", 80))), ""]
    out += _total_time_line(site, lang)
    for i, mod in enumerate(mods, 1):
        title = _text(mod.get("title"), lang)
        slugs = [p for p in mod.get("pages") or [] if isinstance(p, str)]
        found = [(slug, _page(site, slug, lang)) for slug in slugs]
        found = [(slug, page) for slug, page in found if page is not None]
        reading = [(slug, page) for slug, page in found if page.kind != "quiz"]
        minutes = _module_minutes(site, mod, lang)
        _, n_questions = quiz_info(site, str(mod.get("quiz", "")))
        facts = [s(lang, "pages_n", n=len(reading))] + ([s(lang, "quiz_n", n=n_questions)] if n_questions else [])
        out += [f"### {s(lang, 'module', i=i, title=title)} {{ #modul-{mod.get('id')} }}", ""]
        if found:
            out += [f"**{s(lang, 'time')}** {duration(minutes, lang)} ({', '.join(facts)}).", ""]
        if found and found[0][0] == slugs[0]:
            items = [_clean(x, ctx) for x in objectives(found[0][1].body)]
            if items:
                out += [f"**{s(lang, 'objectives')}**", ""] + [f"- {x}" for x in items] + [""]
        links = []
        if found and found[0][0] == slugs[0]:
            links.append(f"[{s(lang, 'start', title=title)}]({ctx.link(slugs[0])}){{ .md-button }}")
        test = [slug for slug, page in found if page.kind == "quiz"]
        if test:
            links.append(f"[{s(lang, 'selftest', title=title)}]({ctx.link(test[-1])})")
        if links:
            out += [" ".join(links), ""]
        if reading:
            out += [f'??? info "{s(lang, "list")} ({len(reading)})"', ""]
            for slug, page in reading:
                ptitle = str(page.meta.get("title") or slug)
                out.append(f"    1. [{ptitle}]({ctx.link(slug)}) ({s(lang, 'minutes', m=_page_minutes(site, page, lang))})")
            out.append("")
    final = course(site).get("final") if isinstance(course(site).get("final"), dict) else {}
    _, n_final = quiz_info(site, final_quiz(site))
    out += [f"### {s(lang, 'final')} {{ #slutprov }}", "", s(lang, "final_text", n=n_final or MIN_FINAL_QUESTIONS), ""]
    out += _final_time_line(site, final, lang)
    final_page = str(final.get("page") or "")
    links = []
    if final_page and (docs / final_page).exists():
        links.append(f"[{s(lang, 'final_link')}]({ctx.link(final_page)}){{ .md-button }}")
    progress = str(course(site).get("progress_page") or "")
    if progress and (docs / progress).exists():
        links.append(f"[{s(lang, 'progress_link')}]({ctx.link(progress)})")
    if links:
        out += [" ".join(links), ""]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- honest time (scripts/coursetime.py)

TIME_STRINGS = section("coursetime")  # docs/_data/strings/LANG.yml


def _module_minutes(site, mod: dict, lang: str) -> int:
    """A module's time: its pages as shown (markers expanded) and its self-test."""
    from . import coursetime as CT
    return CT.minutes(CT.module_seconds(site, mod, lang))


def _page_minutes(site, page, lang: str) -> int:
    from . import coursetime as CT
    return CT.minutes(CT.page_seconds(site, page, lang))


def _total_time_line(site, lang: str) -> list[str]:
    from . import coursetime as CT
    total = CT.minutes(CT.course_seconds(site, course(site), lang))
    return [lookup(TIME_STRINGS, lang, "total", time=duration(total, lang)), ""] if total else []


def _final_time_line(site, final: dict, lang: str) -> list[str]:
    from . import coursetime as CT
    page = CT.page_for(site, str(final.get("page") or ""), lang) if final.get("page") else None
    minutes = CT.minutes(CT.page_seconds(site, page, lang)) if page is not None else 0
    return [lookup(TIME_STRINGS, lang, "final_time", time=duration(minutes, lang)), ""] if minutes else []


def _tests(site, lang: str) -> list[dict]:
    """Every test of the course in order: id, version, title and its page (docs-relative)."""
    out = []
    for mod in modules(site):
        qid = str(mod.get("quiz", ""))
        pages = [p for p in mod.get("pages") or [] if isinstance(p, str)]
        test_pages = [p for p in pages if (_page(site, p, lang) is not None and _page(site, p, lang).kind == "quiz")]
        out.append({"id": qid, "version": quiz_info(site, qid)[0], "title": _text(mod.get("title"), lang),
                    "page": test_pages[-1] if test_pages else (pages[0] if pages else "")})
    final = course(site).get("final") if isinstance(course(site).get("final"), dict) else {}
    fid = final_quiz(site)
    if fid:
        out.append({"id": fid, "version": quiz_info(site, fid)[0], "title": s(lang, "final"),
                    "page": str(final.get("page") or "")})
    return out


def render_progress(arg: str, ctx) -> str:
    """`<!-- progress -->`: the progress table of "Min utbildning" (overrides/components/course-progress.html)."""
    from . import components

    lang = ctx.lang
    rows = [{"id": t["id"], "version": t["version"], "title": t["title"],
             "href": Q.url_to(ctx, t["page"]) if t["page"] and (Path(ctx.site.docs) / t["page"]).exists() else ""}
            for t in _tests(ctx.site, lang)]
    t = components.strings(lambda lang_, key: lookup(STRINGS, lang_, key), lang)
    return components.render("course-progress", ctx.site, t=t, rows=rows)


RENDERERS = {"course": render_course, "progress": render_progress}  # the certificate: scripts/certificate.py


# ---------------------------------------------------------------- checks

def _text_missing(value) -> list[str]:
    if not isinstance(value, dict):
        return ["sv", "en"]
    return [lang for lang in ("sv", "en") if not isinstance(value.get(lang), str) or not value[lang].strip()]


def check(site) -> list[Problem]:
    path = str(Path(site.data_dir) / "course.yml")
    data, problems = site.data("course")
    if data is None:
        return problems or [Problem(path, 1, "missing course file docs/_data/course.yml")]
    if not isinstance(data, LineDict):
        return [Problem(path, 1, "the course file is a YAML mapping with title:, final: and modules:")]
    out = list(problems)
    docs = Path(site.docs)
    files = Q.quiz_files(site)
    by_src = {p.src: p for p in site.pages()}

    def embeds(slugs, qid) -> bool:
        from .markers import find_markers
        return any(m.name == "quiz" and m.arg == qid for slug in slugs if slug in by_src for m in find_markers(by_src[slug].body))

    def page_ok(slug, line, what) -> bool:
        if not isinstance(slug, str) or not slug.endswith(".md"):
            out.append(Problem(path, line, f"{what}: '{slug}' is not a page: write the docs-relative file name, e.g. grunder/index.md"))
            return False
        if not (docs / slug).exists():
            out.append(Problem(path, line, f"{what}: page {slug} does not exist (no docs/{slug})"))
            return False
        return True

    def quiz_ok(qid, line, what, minimum) -> bool:
        if not isinstance(qid, str) or qid not in files:
            out.append(Problem(path, line, f"{what}: quiz '{qid}' does not exist (no quizzes/{qid}.yml)"))
            return False
        _, n = quiz_info(site, qid)
        if n < minimum:
            out.append(Problem(path, line, f"{what}: quiz '{qid}' has {n} questions, at least {minimum} are needed"))
        return True

    for lang in _text_missing(data.get("title")):
        out.append(Problem(path, line_of(data, ["title"]), f"title has no {Q.LANG_NAMES[lang]} text ({lang}:)"))
    mods = data.get("modules")
    if not isinstance(mods, LineList) or not mods:
        out.append(Problem(path, line_of(data, ["modules"]), "modules: list the course's modules in order"))
        mods = LineList()
    seen: dict = {}
    course_pages: list[str] = []
    for i, mod in enumerate(mods):
        line = mods.item_lines[i]
        if not isinstance(mod, LineDict):
            out.append(Problem(path, line, "a module has id:, title:, quiz: and pages:"))
            continue
        mid = mod.get("id")
        what = f"module '{mid}'"
        for field in ("id", "title", "quiz", "pages"):
            if field not in mod:
                out.append(Problem(path, line, f"{what}: missing required field '{field}'"))
        if mid in seen:
            out.append(Problem(path, line_of(mod, ["id"]), f"duplicate module id '{mid}' (first at line {seen[mid]})"))
        seen.setdefault(mid, line_of(mod, ["id"]))
        if "title" in mod:
            for lang in _text_missing(mod.get("title")):
                out.append(Problem(path, line_of(mod, ["title"]), f"{what}: title has no {Q.LANG_NAMES[lang]} text ({lang}:)"))
        pages = mod.get("pages")
        ok_pages = []
        if "pages" in mod and (not isinstance(pages, LineList) or not pages):
            out.append(Problem(path, line_of(mod, ["pages"]), f"{what}: pages: list the module's pages in reading order"))
        elif isinstance(pages, LineList):
            for j, slug in enumerate(pages):
                if page_ok(slug, pages.item_lines[j], what):
                    ok_pages.append(slug)
                course_pages.append(str(slug))
        if "quiz" in mod and quiz_ok(mod.get("quiz"), line_of(mod, ["quiz"]), what, MIN_MODULE_QUESTIONS):
            if ok_pages and not embeds(ok_pages, mod["quiz"]):
                out.append(Problem(path, line_of(mod, ["quiz"]), f"{what}: none of its pages embeds <!-- quiz: {mod['quiz']} -->", "warning"))
    final = data.get("final")
    if not isinstance(final, LineDict):
        out.append(Problem(path, line_of(data, ["final"]), "final: give the final test as {quiz: ID, page: utbildningen/slutprov.md}"))
    else:
        fid = final.get("quiz")
        if quiz_ok(fid, line_of(final, ["quiz"]), "final test", MIN_FINAL_QUESTIONS):
            fdata, _ = Q.load_quiz(files[fid])
            if isinstance(fdata, dict) and fdata.get("final") is not True:
                out.append(Problem(path, line_of(final, ["quiz"]), f"final test: quizzes/{fid}.yml needs `final: true` (questions in a new order at each attempt)"))
        if page_ok(final.get("page"), line_of(final, ["page"]), "final test") and isinstance(fid, str) and not embeds([final["page"]], fid):
            out.append(Problem(path, line_of(final, ["page"]), f"final test: {final['page']} does not embed <!-- quiz: {fid} -->"))
        course_pages.append(str(final.get("page")))
    if "progress_page" in data:
        page_ok(data.get("progress_page"), line_of(data, ["progress_page"]), "progress_page")
    out += _nav_order(site, course_pages, path)
    return out


def _nav_pages(nav) -> list[str]:
    out = []
    for item in nav or []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out += _nav_pages(value) if isinstance(value, list) else ([value] if isinstance(value, str) else [])
    return out


def _nav_order(site, course_pages: list[str], path: str) -> list[Problem]:
    """Material's footer links follow the nav: warn when the nav does not list the course in course order."""
    nav = _nav_pages(site.settings.get("nav"))
    if not nav:
        return []
    in_nav = [p for p in nav if p in set(course_pages)]
    wanted = [p for p in course_pages if p in set(nav)]
    if in_nav != wanted:
        first = next(i for i, (a, b) in enumerate(zip(in_nav, wanted)) if a != b)
        return [Problem(path, 1, f"the nav in mkdocs.yml does not follow the course order: it has {in_nav[first]} "
                                 f"where the course has {wanted[first]} (next/previous links follow the nav)", "warning")]
    return []
