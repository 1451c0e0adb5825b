"""Course tracks (docs/_data/tracks.yml): a core hour for all staff and short tracks by kind of workplace,
composed from SECTIONS of the existing pages (page + heading id), never from copies.

Markers:
- `<!-- track: ID -->`             on the track's page: its time, then every section it names, included from its
                                   page as rendered there (markers expanded, headings and links adjusted), each
                                   with a link to where it comes from; then what the sources do not say
- `<!-- tracks -->`                on the course page: every track with its computed time and a link
- `<!-- track-progress -->`        on "Min utbildning": the learner's progress per track (filled by quiz.js)
- `<!-- track-certificate: ID -->` on the track's page: a printable certificate for the track

Times come from scripts/coursetime.py (the text shown, the number of questions). `make check` verifies every
page, heading id and quiz a track names, and that each track's time is within its limit, in both languages.
Pure module: no mkdocs import.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from . import coursetime as CT
from . import pages as P
from .problems import Problem
from .strings import lookup, section
from .yamlfile import LineDict, LineList, line_of

MIN_CORE_QUESTIONS, MAX_CORE_QUESTIONS = 12, 15
MIN_ROLE_QUESTIONS = 4

STRINGS = section("tracks")  # docs/_data/strings/LANG.yml
LANG_NAMES = {"sv": "Swedish", "en": "English"}


def s(lang: str, key: str, **kw):
    return lookup(STRINGS, lang, key, **kw)


def _text(value, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("sv") or "")
    return str(value or "")


# ---------------------------------------------------------------- data

def data(site) -> dict:
    d, _ = site.data("tracks")
    return d if isinstance(d, dict) else {}


def tracks(site) -> list[dict]:
    items = data(site).get("tracks")
    return [t for t in items if isinstance(t, dict)] if isinstance(items, list) else []


def track(site, track_id: str) -> dict:
    for t in tracks(site):
        if t.get("id") == track_id:
            return t
    known = ", ".join(str(t.get("id")) for t in tracks(site)) or "none"
    raise LookupError(f"unknown track '{track_id}' (known: {known}; see docs/_data/tracks.yml)")


def contact_refs(t: dict) -> list[str]:
    return [x for x in t.get("contacts") or [] if isinstance(x, str)]


def section_refs(t: dict) -> list[str]:
    return [x for x in t.get("sections") or [] if isinstance(x, str)]


# ---------------------------------------------------------------- sections of a page

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*\{\s*#([A-Za-z0-9_-]+)([^}]*)\}\s*$")


@dataclass
class Section:
    hid: str
    level: int
    title: str
    lines: list        # the section's body lines (heading excluded)
    line: int          # file line of the heading
    sub_ids: tuple     # heading ids inside the section


def sections(page) -> dict[str, Section]:
    """Every heading with an explicit id, with the lines up to the next heading of the same or a higher level."""
    lines = page.body.splitlines()
    heads, in_fence = [], False
    for i, line in enumerate(lines):
        if P.FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            m = HEADING_RE.match(line)
            if m:
                heads.append((i, len(m.group(1)), m.group(2).strip(), m.group(3)))
    out = {}
    for k, (i, level, title, hid) in enumerate(heads):
        end = next((j for j, lv, _, _ in heads[k + 1:] if lv <= level), len(lines))
        subs = tuple(h for j, lv, _, h in heads[k + 1:] if j < end)
        out.setdefault(hid, Section(hid, level, title, lines[i + 1:end], page.body_line + i, subs))
    return out


def split_ref(ref: str) -> tuple[str, str]:
    page, _, hid = ref.partition("#")
    return page, hid


LINK_RE = re.compile(r"(\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")


def _rebase(target: str, from_slug: str, to_slug: str) -> str:
    """A Markdown link written on page `from_slug`, made to work on page `to_slug`."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("/"):
        return target
    path, hash_, anchor = target.partition("#")
    if path:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_slug), path))
    else:
        resolved = from_slug
    rel = posixpath.relpath(resolved, posixpath.dirname(to_slug) or ".")
    return rel + (f"#{anchor}" if hash_ else "")


def included_markdown(site, ref: str, ctx, used: set) -> tuple[str, str]:
    """(Markdown of the section for the track page, title). Headings start at level 2 with ids unique on the
    page; links still lead where they led; markers are expanded by the caller."""
    slug, hid = split_ref(ref)
    page = CT.page_for(site, slug, ctx.lang)
    sec = sections(page).get(hid) if page is not None else None
    if sec is None:
        raise LookupError(f"track section {ref}: no heading {{ #{hid} }} in docs/{slug} (run `make check`)")
    here = P.source_slug(ctx.src)
    shift = 2 - sec.level

    def unique(h: str) -> str:
        new, n = h, 1
        stem = slug[:-3].replace("/", "-")
        while new in used:
            n += 1
            new = f"{stem}-{h}" if n == 2 else f"{stem}-{h}-{n}"
        used.add(new)
        return new

    out, in_fence = [], False
    src_title = str(page.meta.get("title") or slug)
    title = sec.title
    if "\0" + title in used:  # two sections with the same heading: name the page (headings, and the table of contents, stay distinct)
        title = f"{title} ({src_title})"
    used.add("\0" + title)
    out.append(f"## {title} {{ #{unique(hid)} }}")
    out.append("")
    from . import components
    out.append(components.render("tracks-source", ctx.site, t=_tpl_strings(ctx.lang), href=_url(ctx, f"{slug}#{hid}"),
                                 title=src_title))
    out.append("")
    for line in sec.lines:
        if P.FENCE_RE.match(line):
            in_fence = not in_fence
        if not in_fence:
            m = HEADING_RE.match(line)
            if m:
                level = max(2, min(6, len(m.group(1)) + shift))
                line = f"{'#' * level} {m.group(2).strip()} {{ #{unique(m.group(3))}{m.group(4)}}}"
            line = LINK_RE.sub(lambda m: m.group(1) + _rebase(m.group(2), slug, here) + m.group(3), line)
        out.append(line)
    return "\n".join(out).rstrip() + "\n", title


def _url(ctx, target: str) -> str:
    from .quiz import url_to
    return url_to(ctx, target)


def _expand(text: str, ctx, path: str) -> str:
    """An included section's markers, expanded as on its own page (text-level steps first, such as the law
    register's date blocks, when the build has them)."""
    from . import render as R
    from .markers import expand
    prepare = getattr(R, "prepare", None)
    if prepare is not None:
        text = prepare(text, ctx, path, 0)
    return expand(text, ctx, R.renderers(), path)


# ---------------------------------------------------------------- times

@dataclass
class Time:
    read: float        # seconds of reading: the sections and the track page's own text
    test: float        # seconds of the test
    questions: int
    sections: int

    @property
    def total(self) -> int:
        return CT.minutes(self.read + self.test)

    @property
    def read_min(self) -> int:
        return CT.minutes(self.read)

    @property
    def test_min(self) -> int:
        return CT.minutes(self.test)


_time_cache: dict = {}


def track_time(site, t: dict, lang: str) -> Time:
    """The track's time in this language, from the text it shows (sections rendered as on the track page)."""
    from .render import RenderContext

    key = (id(site), id(site.pages()), str(t.get("id")), lang)
    if key in _time_cache:
        return _time_cache[key]
    page_slug = str(t.get("page") or "")
    src = P.translation_src(page_slug, lang) if page_slug else "utbildningen/index.md"
    ctx = RenderContext(lang=lang, src=src, site=site)
    parts, n = CT.Parts(), 0
    used: set = set()
    for ref in section_refs(t):
        try:
            md, _ = included_markdown(site, ref, ctx, used)
        except LookupError:
            continue
        slug, _ = split_ref(ref)
        parts.add(CT.text_parts(site, md, src, f"docs/{slug}", lang, ctx=ctx))
        n += 1
    for sid in contact_refs(t):
        parts.add(CT.text_parts(site, f"<!-- contacts: {sid} -->", src, "docs/_data/tracks.yml", lang, ctx=ctx))
    page = CT.page_for(site, page_slug, lang) if page_slug else None
    if page is not None:  # the track page's own text (introduction, headings); its test is counted below
        parts.words += CT.page_parts(site, page, lang).words
    parts.test = 0.0
    read = parts.seconds
    qid = str(t.get("quiz") or "")
    qdata = CT.quiz_data(site, qid)
    nq = len(qdata.get("questions") or []) if qdata else 0
    out = Time(read, CT.quiz_seconds(qdata, lang) if qdata else 0.0, nq, n)
    _time_cache[key] = out
    return out


def duration(minutes: int, lang: str) -> str:
    from .course import duration as d
    return d(minutes, lang)


# ---------------------------------------------------------------- renderers

def render_track(arg: str, ctx) -> str:
    site, lang = ctx.site, ctx.lang
    t = track(site, arg)
    tm = track_time(site, t, lang)
    out = [f"**{s(lang, 'time')}** " + s(lang, "facts", time=duration(tm.total, lang), read=tm.read_min,
                                             n=tm.sections, test=tm.test_min, q=tm.questions), ""]
    after = t.get("after")
    if after:
        try:
            core = track(site, after)
            out += [s(lang, "after", title=_text(core.get("title"), lang), link=ctx.link(str(core.get("page")))), ""]
        except LookupError:
            pass
    own = CT.page_for(site, P.source_slug(ctx.src), lang)
    used = {b.key.split("#", 1)[1] for b in P.outline(own) if b.kind == "heading"} if own is not None else set()
    used |= {"kallor"}
    for ref in section_refs(t):
        md, _ = included_markdown(site, ref, ctx, used)
        slug, _ = split_ref(ref)
        out += [_expand(md, ctx, f"docs/{slug}"), ""]
    for sid in contact_refs(t):
        out += [_expand(f"<!-- contacts: {sid} -->", ctx, "docs/_data/tracks.yml"), ""]
    gaps = _text(t.get("gaps"), lang)
    if gaps:
        out += [f'!!! warning "{s(lang, "gaps")}"', "", "    " + " ".join(gaps.split()), ""]
    return "\n".join(out) + "\n"


def render_tracks(arg: str, ctx) -> str:
    site, lang = ctx.site, ctx.lang
    items = tracks(site)
    core = next((t for t in items if not t.get("after")), None)
    out = []
    if core:
        out += [s(lang, "choose", core=f"**{_text(core.get('title'), lang)}**"), ""]
    for t in items:
        tm = track_time(site, t, lang)
        title = _text(t.get("title"), lang)
        when = duration(tm.total, lang)
        if t.get("after"):
            try:
                when += f", {s(lang, 'after_short', title=_text(track(site, t['after']).get('title'), lang))}"
            except LookupError:
                pass
        out += [f"### {title} {{ #spar-{t.get('id')} }}", ""]
        who = _text(t.get("for"), lang)
        if who:
            out += [f"**{s(lang, 'for')}** {who}", ""]
        out += [f"**{s(lang, 'time')}** {when} ({s(lang, 'sections_n', n=tm.sections)}, {s(lang, 'quiz_n', n=tm.questions)}).",
                "", f"[{s(lang, 'start', title=title)}]({ctx.link(str(t.get('page')))}){{ .md-button }}", ""]
    from . import course as C
    mods = C.modules(site)
    if mods:
        total = CT.minutes(CT.course_seconds(site, C.course(site), lang))
        out += [f"### {s(lang, 'full')} {{ #spar-hela }}", "", s(lang, "full_text", n=len(mods)), "",
                f"**{s(lang, 'time')}** {duration(total, lang)}.", "", f"[{s(lang, 'full_link')}](#moduler)", ""]
    return "\n".join(out) + "\n"


def _tests(site, t: dict, lang: str) -> list[dict]:
    """The tests a track needs passed: those of the tracks it builds on, then its own."""
    chain, seen, cur = [], set(), t
    while isinstance(cur, dict) and cur.get("id") not in seen:
        seen.add(cur.get("id"))
        chain.insert(0, cur)
        try:
            cur = track(site, cur["after"]) if cur.get("after") else None
        except LookupError:
            cur = None
    out = []
    for x in chain:
        qid = str(x.get("quiz") or "")
        data = CT.quiz_data(site, qid) or {}
        out.append({"id": qid, "version": int(data.get("version") or 0), "title": _text(x.get("title"), lang),
                    "page": str(x.get("page") or "")})
    return out


def _tpl_strings(lang: str):
    from . import components
    return components.strings(lambda lang_, key: lookup(STRINGS, lang_, key), lang)


def render_track_progress(arg: str, ctx) -> str:
    """`<!-- track-progress -->` (overrides/components/tracks-progress.html)."""
    from . import components
    from .quiz import url_to

    site, lang = ctx.site, ctx.lang
    rows = []
    for t in tracks(site):
        tests = _tests(site, t, lang)
        own, needs = tests[-1], tests[:-1]
        rows.append({"id": t.get("id"), "quiz": own["id"], "version": own["version"],
                     "needs": " ".join(f"{x['id']}:{x['version']}" for x in needs),
                     "needs_title": ", ".join(x["title"] for x in needs), "href": url_to(ctx, own["page"]),
                     "title": own["title"], "time": duration(track_time(site, t, lang).total, lang)})
    return components.render("tracks-progress", site, t=_tpl_strings(lang), rows=rows) if rows else ""


def render_track_certificate(arg: str, ctx) -> str:
    """`<!-- track-certificate: ID -->`: the course certificate's template (overrides/components/course-certificate.html)
    with the track's title and tests (its own and those of the tracks it builds on), so quiz.js unlocks and prints
    it the same way and a manager reads the same fields: issuer, course version, each test's score and date."""
    from . import certificate as CE

    site, lang = ctx.site, ctx.lang
    t = track(site, arg)
    return CE.render(site, lang, tests=_tests(site, t, lang), course=_text(t.get("title"), lang), track=arg,
                     done=lookup(STRINGS, lang, "cert_done"),
                     within=lookup(STRINGS, lang, "cert_in", course=CE.course_title(site, lang)))


RENDERERS = {"track": render_track, "tracks": render_tracks, "track-progress": render_track_progress,
             "track-certificate": render_track_certificate}


# ---------------------------------------------------------------- checks

def _missing_text(value) -> list[str]:
    if not isinstance(value, dict):
        return ["sv", "en"]
    return [lang for lang in ("sv", "en") if not isinstance(value.get(lang), str) or not value[lang].strip()]


def check(site) -> list[Problem]:
    from . import quiz as Q
    from .markers import find_markers

    path = str(Path(site.data_dir) / "tracks.yml")
    d, problems = site.data("tracks")
    if d is None:
        return list(problems)  # tracks are optional: a city may have none
    if not isinstance(d, LineDict) or not isinstance(d.get("tracks"), LineList):
        return list(problems) + [Problem(path, 1, "the tracks file is a YAML mapping with tracks: (a list of tracks)")]
    out = list(problems)
    docs = Path(site.docs)
    files = Q.quiz_files(site)
    items = d["tracks"]
    by_src = {p.src: p for p in site.pages()}
    ids = {t.get("id"): items.item_lines[i] for i, t in enumerate(items) if isinstance(t, LineDict)}
    seen: dict = {}
    for i, t in enumerate(items):
        line = items.item_lines[i]
        if not isinstance(t, LineDict):
            out.append(Problem(path, line, "a track has id:, title:, limit:, page:, quiz: and sections:"))
            continue
        tid = t.get("id")
        what = f"track '{tid}'"
        for field in ("id", "title", "limit", "page", "quiz", "sections"):
            if field not in t:
                out.append(Problem(path, line, f"{what}: missing required field '{field}'"))
        if tid in seen:
            out.append(Problem(path, line_of(t, ["id"]), f"duplicate track id '{tid}' (first at line {seen[tid]})"))
        seen.setdefault(tid, line_of(t, ["id"]))
        for field in ("title", "for", "gaps"):
            if field in t or field == "title":
                for lang in _missing_text(t.get(field)) if field in t else []:
                    out.append(Problem(path, line_of(t, [field]), f"{what}: {field} has no {LANG_NAMES[lang]} text ({lang}:)"))
        after = t.get("after")
        if after is not None and after not in ids:
            out.append(Problem(path, line_of(t, ["after"]), f"{what}: after: '{after}' is not a track (known: {', '.join(map(str, ids))})"))
        limit = t.get("limit")
        if "limit" in t and (not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0):
            out.append(Problem(path, line_of(t, ["limit"]), f"{what}: limit: write the most minutes the track may take, e.g. 30"))
            limit = None
        # the page, which must show the track and embed its test
        tpage = t.get("page")
        page_ok = isinstance(tpage, str) and tpage.endswith(".md") and (docs / tpage).exists()
        if "page" in t and not page_ok:
            out.append(Problem(path, line_of(t, ["page"]), f"{what}: page {tpage} does not exist (no docs/{tpage})"))
        qid = t.get("quiz")
        if "quiz" in t:
            if not isinstance(qid, str) or qid not in files:
                out.append(Problem(path, line_of(t, ["quiz"]), f"{what}: quiz '{qid}' does not exist (no quizzes/{qid}.yml)"))
                qid = None
            else:
                qdata = CT.quiz_data(site, qid) or {}
                nq = len(qdata.get("questions") or [])
                lo, hi = (MIN_CORE_QUESTIONS, MAX_CORE_QUESTIONS) if after is None else (MIN_ROLE_QUESTIONS, None)
                if nq < lo or (hi and nq > hi):
                    want = f"{lo}–{hi}" if hi else f"at least {lo}"
                    out.append(Problem(path, line_of(t, ["quiz"]), f"{what}: quiz '{qid}' has {nq} questions, {want} are needed"))
        if page_ok:
            for src in (tpage, P.translation_src(tpage, "en")):
                pg = by_src.get(src)
                if pg is None:
                    continue
                have = {x if isinstance(x, str) else x.get("id") for x in pg.meta.get("sources") or [] if isinstance(x, (str, dict))}
                need = []
                for ref in section_refs(t):
                    inc = by_src.get(split_ref(ref)[0])
                    for x in (inc.meta.get("sources") or []) if inc is not None else []:
                        sid = x if isinstance(x, str) else x.get("id") if isinstance(x, dict) else None
                        if sid and sid not in have and sid not in need:
                            need.append(sid)
                if need:
                    out.append(Problem(str(pg.path), pg.meta_line("sources"),
                                       f"the page of {what} shows sections whose pages cite {', '.join(need)}: add them to sources:"))
                marks = {(m.name, m.arg) for m in find_markers(pg.body)}
                if ("track", tid) not in marks:
                    out.append(Problem(str(pg.path), pg.body_line, f"the page of {what} does not show it: add <!-- track: {tid} -->"))
                if qid and ("quiz", qid) not in marks:
                    out.append(Problem(str(pg.path), pg.body_line, f"the page of {what} does not embed its test: add <!-- quiz: {qid} -->"))
        # the sections
        refs = t.get("sections")
        covered: set = set()
        if "sections" in t and (not isinstance(refs, LineList) or not refs):
            out.append(Problem(path, line_of(t, ["sections"]), f"{what}: sections: list page.md#heading-id in reading order"))
        elif isinstance(refs, LineList):
            seen_refs: dict = {}
            for j, ref in enumerate(refs):
                rline = refs.item_lines[j]
                slug, hid = split_ref(str(ref))
                if not isinstance(ref, str) or not slug.endswith(".md") or not hid:
                    out.append(Problem(path, rline, f"{what}: '{ref}' is not a section: write page.md#heading-id, e.g. agera/index.md#gor-sa-har-forst"))
                    continue
                if ref in seen_refs:
                    out.append(Problem(path, rline, f"{what}: section {ref} is named twice (first at line {seen_refs[ref]})"))
                seen_refs.setdefault(ref, rline)
                if not (docs / slug).exists():
                    out.append(Problem(path, rline, f"{what}: page {slug} does not exist (no docs/{slug})"))
                    continue
                for lang in P.LANGS:
                    src = P.translation_src(slug, lang)
                    pg = by_src.get(src)
                    if pg is None:
                        continue  # no English page: the Swedish one is shown (check-translations reports it)
                    secs = sections(pg)
                    if hid not in secs:
                        known = ", ".join(secs) or "none"
                        out.append(Problem(path, rline, f"{what}: #{hid} is not a heading id in docs/{src} (ids: {known})"))
                        continue
                    if lang == P.DEFAULT_LANG:
                        covered |= {(slug, hid), *((slug, x) for x in secs[hid].sub_ids)}
                        body = "\n".join(secs[hid].lines)
                        if any(m.name in ("quiz", "track", "tracks", "certificate", "track-certificate", "progress", "track-progress")
                               for m in find_markers(body)):
                            out.append(Problem(path, rline, f"{what}: section {ref} holds a test, course or certificate marker; name a section of reading text"))
        cons = t.get("contacts")
        if "contacts" in t and not isinstance(cons, LineList):
            out.append(Problem(path, line_of(t, ["contacts"]), f"{what}: contacts: list situation ids from docs/_data/situations.yml"))
        elif isinstance(cons, LineList):
            from . import contacts as K
            known = K.load(site).situations
            for j, sid in enumerate(cons):
                if sid not in known:
                    out.append(Problem(path, cons.item_lines[j], f"{what}: unknown contacts situation '{sid}' (known: {', '.join(known) or 'none'})"))
        # its test must be answered by its text
        if qid:
            qdata, _ = Q.load_quiz(files[qid])
            qs = qdata.get("questions") if isinstance(qdata, dict) else None
            for k, q in enumerate(qs if isinstance(qs, list) else []):
                link = q.get("link") if isinstance(q, dict) else None
                if not isinstance(link, str):
                    continue
                slug, _, hid = link.partition("#")
                if (slug, hid) not in covered:
                    out.append(Problem(str(files[qid]), line_of(qdata, ["questions", k, "link"]),
                                       f"question '{q.get('id')}' links to {link}, which is not among the sections of {what}: "
                                       "a track's test is answered by the track's own text"))
        # the time, in both languages
        if isinstance(limit, int):
            for lang in P.LANGS:
                tm = track_time(site, t, lang)
                if tm.total > limit:
                    out.append(Problem(path, line_of(t, ["limit"]),
                                       f"{what} takes {tm.total} min in {LANG_NAMES[lang]}, more than its limit of {limit} min "
                                       f"(reading {tm.read_min} min in {tm.sections} sections, test {tm.test_min} min with "
                                       f"{tm.questions} questions): drop a section or a question"))
    return out
