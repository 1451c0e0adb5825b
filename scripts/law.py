"""The law register (docs/_data/law.yml): legal provisions cited by id, their cards on the
legislation pages, the one-page summary table, and checks that keep the register current.

Markers (see .spec/AUTHORING.md):
    <!-- law: ID -->         inline citation, linked to the provision's card on its home page
    <!-- law-entry: ID -->   the provision's card; the page holding it is the provision's *home*.
                             The card has a heading whose id is the provision id, unless the page
                             already has a heading with that id (`## Barnkonventionen { #barnkonventionen }`):
                             then that heading is the card's heading.
    <!-- law-table -->       "Lagen i korthet": every provision, grouped by category
                             (`<!-- law-table: brott -->` shows one category without headings)
    <!-- law-status -->      "Rättsläget per <newest checked date>"
    <!-- while: ID --> … <!-- end-while -->
                             text shown only while provision ID is in force on the build date
                             (from its in_force_from to its in_force_until), so that a page can say what
                             the law is before and after a known change without being edited that day

A citation of a provision that has stopped applying shows its registered successor (`replaced_by`)
once that is in force: a foreseen change switches by itself. Without a successor in force the check fails.

A provision with status `to-verify` is never shown with a paragraph number or a penalty: the
schema forbids `citation` and `penalty` on it, and the renderers show the act and an
"Under granskning" badge instead. Pure module: no mkdocs import.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from urllib.parse import urlparse

from . import components
from . import pages as P
from .strings import lookup as string_lookup, section
from .markers import find_markers
from .problems import ContentError, Problem
from .review import parse_date
from .yamlfile import LineList, load, validate

SCHEMA = "law.schema.json"
CATEGORIES = ("brott", "socialtjanst", "sekretess", "uppehallstillstand", "kommun", "internationellt", "forslag")
SOON_DAYS = 60
DEFAULT_REVIEW_MONTHS = 12

STRINGS = section("law")  # docs/_data/strings/LANG.yml


def s(lang: str, key: str, **kw):
    return string_lookup(STRINGS, lang, key, **kw)


# ---------------------------------------------------------------- the register

_INDEX_CACHE: dict = {}


def data_path(site):
    return site.data_dir / "law.yml"


def register(site) -> dict:
    """Provision id -> provision (a LineDict), in file order. Cached on the file's mtime."""
    path = data_path(site)
    mtime = path.stat().st_mtime if path.exists() else None
    key = str(path)
    cached = _INDEX_CACHE.get(key)
    if cached and cached[0] == mtime:
        return cached[1]
    data, _ = site.data("law") if mtime is not None else (None, [])
    index = {}
    items = data.get("provisions") if isinstance(data, dict) else None
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            index.setdefault(item["id"], item)
    _INDEX_CACHE[key] = (mtime, index)
    return index


def lookup(site, pid: str) -> dict:
    reg = register(site)
    if pid not in reg:
        known = ", ".join(sorted(reg)) or "none: docs/_data/law.yml is missing or empty"
        raise LookupError(f"unknown law id '{pid}' (known: {known})")
    return reg[pid]


def homes(site) -> dict[str, list[tuple[str, str, int]]]:
    """Provision id -> [(page slug, file path, line)] of its `law-entry` markers, one place per slug:
    a Swedish page and its English translation are one home (the Swedish page's line is given).
    Cached per list of pages."""
    pages = site.pages()
    cache = getattr(site, "_law_homes", None)
    if cache and cache[0] is pages:
        return cache[1]
    found: dict[str, dict] = {}
    for page in pages:
        for m in find_markers(page.body):
            if m.name != "law-entry":
                continue
            per = found.setdefault(m.arg, {})
            is_default = page.lang == P.DEFAULT_LANG
            if page.slug not in per or (is_default and not per[page.slug][2]):
                per[page.slug] = (str(page.path), page.body_line + m.line - 1, is_default)
    out = {pid: sorted((slug, path, line) for slug, (path, line, _) in per.items()) for pid, per in found.items()}
    site._law_homes = (pages, out)
    return out


def heading_ids(site, src: str) -> set[str]:
    """Explicit heading ids written in a page's source (cached per list of pages)."""
    pages = site.pages()
    cache = getattr(site, "_law_heading_ids", None)
    if not cache or cache[0] is not pages:
        cache = (pages, {})
        site._law_heading_ids = cache
    ids = cache[1].get(src)
    if ids is None:
        page = next((pg for pg in pages if pg.src == src), None)
        ids = {b.key.split("#", 1)[1] for b in P.outline(page) if b.kind == "heading" and "#" in b.key} if page else set()
        cache[1][src] = ids
    return ids


def home_of(site, pid: str) -> str:
    places = homes(site).get(pid) or []
    if not places:
        raise LookupError(f"law id '{pid}' has no home page: put <!-- law-entry: {pid} --> on one page under docs/lagstiftning/")
    return places[0][0]


# ---------------------------------------------------------------- text helpers

def text(value, lang: str) -> str:
    """A field that is either one text for both languages or {sv: ..., en: ...}."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("sv") or "")
    return "" if value is None else str(value)


def fold(value: str) -> str:
    return " ".join(value.split())


def fmt_date(value, lang: str) -> str:
    d = parse_date(value)
    if d is None:
        return str(value)
    return f"{d.day} {s(lang, 'months')[d.month - 1]} {d.year}"


def cap(value: str) -> str:
    return value[:1].upper() + value[1:]


def is_proposal(p: dict) -> bool:
    return p.get("category") == "forslag"


def is_review(p: dict) -> bool:
    return p.get("status") == "to-verify"


def in_force(p: dict, today: dt.date) -> bool:
    """Whether the provision applies on `today` (no dates: always)."""
    start, end = parse_date(p.get("in_force_from")), parse_date(p.get("in_force_until"))
    return (start is None or start <= today) and (end is None or today <= end)


def has_ended(p: dict, today: dt.date) -> bool:
    end = parse_date(p.get("in_force_until"))
    return bool(end and end < today)


def current(site, pid: str, today: dt.date) -> dict:
    """The provision that a citation of `pid` shows on `today`: itself, or, once it has stopped applying,
    the first successor in its `replaced_by` chain that is in force. Unchanged when none is in force
    (the check reports that)."""
    reg, p, seen = register(site), lookup(site, pid), {pid}
    q = p
    while has_ended(q, today) and q.get("replaced_by") in reg and q["replaced_by"] not in seen:
        seen.add(q["replaced_by"])
        q = reg[q["replaced_by"]]
        if in_force(q, today):
            return q
    return p


def citation_text(p: dict, lang: str, short: bool = False) -> str:
    """The citation as readers see it; never a paragraph number for a to-verify provision."""
    if is_review(p) or not p.get("citation"):
        return text(p.get("act_short") if short and p.get("act_short") else p.get("act"), lang)
    if short and p.get("citation_short"):
        return text(p["citation_short"], lang)
    return text(p["citation"], lang)


def link_to(ctx, pid: str) -> str:
    slug = home_of(ctx.site, pid)
    if P.source_slug(ctx.src) == slug:
        return f"#{pid}"
    return f"{ctx.link(slug)}#{pid}"


def _page_url(src: str) -> str:
    """Directory URL of a page source, as MkDocs builds it: "a/index.md" -> "a/", "a/b.md" -> "a/b/"."""
    slug = P.source_slug(src)[:-3]
    if slug == "index" or slug.endswith("/index"):
        slug = slug[: -len("index")]
    else:
        slug += "/"
    return slug


def html_href(ctx, pid: str) -> str:
    """Link target for raw HTML (which MkDocs does not rewrite): relative to the built page's URL."""
    slug = home_of(ctx.site, pid)
    if P.source_slug(ctx.src) == slug:
        return f"#{pid}"
    here, there = _page_url(ctx.src), _page_url(slug)
    rel = posixpath.relpath(there or ".", here or ".")
    return ("" if rel == "." else rel.rstrip("/") + "/") + f"#{pid}"


def badge(p: dict, lang: str, site=None) -> str:
    return components.render("law-badge", site, t=_t(lang), proposal=is_proposal(p), review=is_review(p))


def _t(lang: str):
    return components.strings(lambda lang_, key: string_lookup(STRINGS, lang_, key), lang)


# ---------------------------------------------------------------- renderers

def render_cite(arg: str, ctx) -> str:
    """`<!-- law: ID -->`: "(name, citation)" linked to the provision's card, inline in a sentence."""
    p = current(ctx.site, arg, ctx.today)
    lang = ctx.lang
    return components.render("law-cite", ctx.site, t=_t(lang), label=f"{text(p['name'], lang)}, {citation_text(p, lang, short=True)}",
                             href=link_to(ctx, p["id"]), proposal=is_proposal(p), review=is_review(p))


def _link(ctx, pid: str) -> dict:
    """A provision as a link target in raw HTML: its name, and its card's address if it has a home."""
    try:
        href = html_href(ctx, pid)
    except LookupError:
        href = ""
    return {"name": text(register(ctx.site)[pid]["name"], ctx.lang), "href": href}


def _in_force(p: dict, ctx) -> list[dict]:
    lang, parts = ctx.lang, []
    start, end = parse_date(p.get("in_force_from")), parse_date(p.get("in_force_until"))
    if start:
        parts.append({"replaced_by": False, "key": "planned" if start > ctx.today else "since", "date": fmt_date(start, lang)})
    if end:
        parts.append({"replaced_by": False, "key": "ended" if end < ctx.today else "until", "date": fmt_date(end, lang)})
    rep = p.get("replaced_by")
    if rep and rep in register(ctx.site):
        parts.append({"replaced_by": True, **_link(ctx, rep)})
    return parts


def _host(url: str) -> str:
    host = urlparse(str(url)).netloc
    return host[4:] if host.startswith("www.") else host


def render_entry(arg: str, ctx) -> str:
    """`<!-- law-entry: ID -->`: the provision's card. Its heading carries the provision id as anchor."""
    p = lookup(ctx.site, arg)
    lang = ctx.lang
    ended = has_ended(p, ctx.today)
    succ = current(ctx.site, arg, ctx.today) if ended else p
    if is_review(p):
        citation = s(lang, "citation_unverified", act=text(p.get("act"), lang))
    else:
        citation = text(p.get("citation") or p.get("act"), lang)
    src = str(p.get("source", ""))
    return components.render(
        "law-entry", ctx.site, t=_t(lang), id=arg,
        kind="proposal" if is_proposal(p) else ("to-verify" if is_review(p) else "confirmed"),
        # the page's own heading with this id, if it has one, is the card's heading
        heading="" if arg in heading_ids(ctx.site, ctx.src) else cap(text(p["name"], lang)),
        ended=fmt_date(p.get("in_force_until"), lang) if ended else "",
        successor=_link(ctx, succ["id"]) if succ["id"] != arg else None,
        proposal=is_proposal(p), review=is_review(p), citation=citation, summary=text(p["summary"], lang),
        penalty=text(p["penalty"], lang) if p.get("penalty") and not is_review(p) else "",
        penalty_caveat=bool(p.get("penalty_caveat")), in_force=_in_force(p, ctx),
        changes=[{"date": fmt_date(c.get("date"), lang), "text": text(c.get("text"), lang)}
                 for c in p.get("changes") or [] if isinstance(c, dict)],
        note=text(p.get("note"), lang),
        status=s(lang, "status_proposal") if is_proposal(p) else s(lang, f"status_{p.get('status', 'to-verify')}"),
        # a text reference (e.g. an SFS number at riksdagen.se) is shown as text: no guessed deep link
        source=src, source_url=src if src.startswith("https://") else "", source_host=_host(src),
        checked=fmt_date(p.get("checked"), lang), basis=text(p.get("basis"), lang))


def _table(cat: str, items: list[dict], ctx, heading: bool) -> dict:
    lang = ctx.lang
    with_penalty = any(p.get("penalty") and not is_review(p) for p in items)
    rows = []
    for p in items:
        status = s(lang, "status_proposal") if is_proposal(p) else (
            s(lang, "status_to-verify") if is_review(p) else s(lang, "table_confirmed"))
        end, start = parse_date(p.get("in_force_until")), parse_date(p.get("in_force_from"))
        if end:  # (provisions that have ended are not in the table)
            status += ", " + s(lang, "table_until", date=end.isoformat())
        elif start and start > ctx.today:
            status += ", " + s(lang, "table_from", date=start.isoformat())
        pen = p.get("penalty_brief") or p.get("penalty")
        rows.append({"name": cap(text(p["name"], lang)), "href": link_to(ctx, p["id"]),
                     "citation": citation_text(p, lang, short=True), "brief": text(p.get("brief") or p.get("summary"), lang),
                     "penalty": text(pen, lang) if pen and not is_review(p) else "", "status": status})
    return {"category": cat, "heading": s(lang, "cat_" + cat) if heading else "", "with_penalty": with_penalty,
            "columns": ["col_name", "col_citation", "col_brief"] + (["col_penalty"] if with_penalty else []) + ["col_status"],
            "rows": rows}


def render_table(arg: str, ctx) -> str:
    """`<!-- law-table -->`: "Lagen i korthet", one table per category with an H2 heading.
    `<!-- law-table: CATEGORY -->`: only that category's table, without a heading."""
    reg = register(ctx.site)
    if arg and arg not in CATEGORIES:
        raise LookupError(f"unknown law category '{arg}' (known: {', '.join(CATEGORIES)})")
    tables = []
    for cat in ([arg] if arg else CATEGORIES):
        # the law in brief is the law of the build date: provisions that have stopped applying keep only their cards
        items = [p for p in reg.values() if p.get("category") == cat and not has_ended(p, ctx.today)]
        if items:
            tables.append(_table(cat, items, ctx, heading=not arg))
    return components.render("law-table", ctx.site, t=_t(ctx.lang), tables=tables)


def newest_checked(site) -> dt.date | None:
    dates = [d for d in (parse_date(p.get("checked")) for p in register(site).values()) if d]
    return max(dates) if dates else None


def render_status(arg: str, ctx) -> str:
    """`<!-- law-status -->`: "Rättsläget per <newest checked date>" and how much is under review."""
    reg = register(ctx.site)
    newest = newest_checked(ctx.site)
    if newest is None:
        raise LookupError("the law register docs/_data/law.yml has no provisions with a 'checked' date")
    return components.render("law-status", ctx.site, t=_t(ctx.lang), newest=newest.isoformat(),
                             n=sum(1 for p in reg.values() if is_review(p)), total=len(reg))


# ---------------------------------------------------------------- text shown while a provision applies

WHILE, END_WHILE = "while", "end-while"


def while_blocks(text_: str) -> tuple[list[tuple[object, object]], list[tuple[int, str]]]:
    """Pairs of (`while` marker, `end-while` marker) in the text, and (line, message) for markers that do
    not pair up. Blocks do not nest."""
    pairs, problems, open_ = [], [], None
    for m in find_markers(text_):
        if m.name == WHILE:
            if open_ is not None:
                problems.append((m.line, f"<!-- while: {m.arg} --> starts before the block from line {open_.line} "
                                         "is closed: end that block first with <!-- end-while -->"))
                continue
            if not m.arg:
                problems.append((m.line, "write which provision the text depends on: <!-- while: LAW-ID -->"))
            open_ = m
        elif m.name == END_WHILE:
            if open_ is None:
                problems.append((m.line, "<!-- end-while --> without a <!-- while: LAW-ID --> before it: remove it or add the start"))
                continue
            pairs.append((open_, m))
            open_ = None
    if open_ is not None:
        problems.append((open_.line, f"<!-- while: {open_.arg} --> is never closed: add <!-- end-while --> after the text it covers"))
    return pairs, problems


def _hidden(text_: str, site, today: dt.date) -> list[tuple[int, int]]:
    """Offsets (start, end) of the `while` blocks whose provision is not in force on `today`."""
    reg, out = register(site), []
    for start, end in while_blocks(text_)[0]:
        p = reg.get(start.arg)
        if p is not None and not in_force(p, today):
            out.append((start.start, end.end))
    return out


def shown_text(text_: str, site, today: dt.date) -> str:
    """The text as a build on `today` shows it: `while` blocks of provisions not in force are blanked
    (their newlines kept, so every later line keeps its number)."""
    parts, pos = [], 0
    for a, b in _hidden(text_, site, today):
        parts += [text_[pos:a], "\n" * text_.count("\n", a, b)]
        pos = b
    return "".join(parts) + text_[pos:]


def prepare(text_: str, ctx, path: str, line_offset: int = 0) -> str:
    """Render step before markers are expanded (called by scripts.render): drop `while` blocks that do
    not apply on the build date. Unpaired or unknown `while` markers fail with path:line."""
    _, bad = while_blocks(text_)
    problems = [Problem(path, line + line_offset, msg) for line, msg in bad]
    reg = register(ctx.site)
    for start, _end in while_blocks(text_)[0]:
        if start.arg and start.arg not in reg:
            problems.append(Problem(path, start.line + line_offset, f"<!-- while: {start.arg} -->: unknown law id "
                                    f"'{start.arg}' (known: {', '.join(sorted(reg))})"))
    if problems:
        raise ContentError(problems)
    return shown_text(text_, ctx.site, ctx.today)


def _nothing(arg: str, ctx) -> str:
    return ""


RENDERERS = {"law": render_cite, "law-entry": render_entry, "law-table": render_table, "law-status": render_status,
             WHILE: _nothing, END_WHILE: _nothing}


# ---------------------------------------------------------------- hand-written citations

ACT_WORDS = (r"(?:LVU|LVM|SoL|OSL|UtlL|BrB|RB|HSL|FB|brottsbalk\w*|socialtjänstlag\w*|utlänningslag\w*|skollag\w*|"
             r"sekretesslag\w*|offentlighets\w*|föräldrabalk\w*|rättegångsbalk\w*|lag\w*|förordning\w*|"
             r"Act|Code|Ordinance)")
CITATION_PATTERNS = [
    # 6 kap. 11 §, 4 kap. 1 a §, 10 kap. 21 och 23 §§, 20 kap 2§
    re.compile(r"\b\d+\s*kap\.?\s*\d+\s*[a-z]?(?:\s*(?:,|och|–|-)\s*\d+\s*[a-z]?)*\s*§§?"),
    # the seeds' notation: BrB kap. 4 § 1 a
    re.compile(r"\bkap\.?\s*\d+\s*§+\s*\d+(?:\s*[a-z]\b)?"),
    # Chapter 6, Section 11 / Chapter 6 Section 11 / chapter 6 § 11
    re.compile(r"\bchapter\s+\d+\s*,?\s*(?:section|sec\.|§)\s*\d+\s*[a-z]?\b", re.I),
    # a section sign near an act's name: 2 § LVU, 5 § andra stycket lagen ..., LVU 2 §
    re.compile(r"\b\d+\s*[a-z]?\s*§§?[^\n§\d]{0,40}?\b" + ACT_WORDS + r"\b"),
    re.compile(r"\b" + ACT_WORDS + r"[^\n§]{0,20}?\b\d+\s*[a-z]?\s*§§?"),
    # section 2 of LVU / section 15 of the Aliens Act
    re.compile(r"\bsection\s+\d+\s*[a-z]?\s+of\s+(?:the\s+)?" + ACT_WORDS, re.I),
]
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def prose_lines(text_: str) -> list[str]:
    """The file's lines with HTML comments (markers) and fenced code blocks blanked out,
    so line numbers stay those of the file."""
    text_ = COMMENT_RE.sub(_blank, text_)
    out, in_fence = [], False
    for line in text_.split("\n"):
        if P.FENCE_RE.match(line):
            in_fence = not in_fence
            out.append("")
        else:
            out.append("" if in_fence else line)
    return out


def _tidy(snippet: str) -> str:
    return " ".join(snippet.split())


def handwritten(text_: str) -> list[tuple[int, int, int, str]]:
    """Hand-written legal citations: (line, start, end, text), one per place (overlaps merged)."""
    found = []
    for lineno, line in enumerate(prose_lines(text_), 1):
        spans = []
        for rx in CITATION_PATTERNS:
            spans += [(m.start(), m.end()) for m in rx.finditer(line)]
        spans.sort()
        merged = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        for a, b in merged:
            found.append((lineno, a, b, _tidy(line[a:b])))
    return found


def allowlist(site) -> tuple[list[dict], list[Problem]]:
    path = site.data_dir / "citation-allowlist.yml"
    if not path.exists():
        return [], []
    data, problems = load(path)
    if data is None:
        return [], problems
    entries = (data or {}).get("allow") if isinstance(data, dict) else None
    if entries is None:
        entries = []
    if not isinstance(entries, list) or not isinstance(data, dict):
        return [], problems + [Problem(str(path), 1, "write the allow-list as 'allow:' followed by a list of {path, text, reason}")]
    out = []
    for i, e in enumerate(entries):
        line = entries.item_lines[i] if isinstance(entries, LineList) else 1
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) and e.get(k).strip() for k in ("path", "text", "reason")):
            problems.append(Problem(str(path), line, "each allowed citation needs 'path' (docs-relative page), 'text' (the exact quote) and 'reason'"))
            continue
        out.append({"path": e["path"], "text": e["text"], "reason": e["reason"], "line": line, "file": str(path), "used": False})
    return out, problems


def check_handwritten(site) -> list[Problem]:
    allowed, problems = allowlist(site)
    for page in site.pages():
        try:
            raw = page.path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):  # reported by pagecheck with the file's own path
            continue
        lines = raw.split("\n")
        for lineno, a, b, snippet in handwritten(raw):
            line = lines[lineno - 1]
            ok = False
            for e in allowed:
                if e["path"] != page.src:
                    continue
                for m in re.finditer(re.escape(e["text"]), line):
                    if m.start() <= a and b <= m.end():
                        ok = e["used"] = True
            if not ok:
                problems.append(Problem(str(page.path), lineno,
                                        f"hand-written legal citation '{snippet}': cite through <!-- law: ID --> instead"))
    for e in allowed:
        if not e["used"]:
            problems.append(Problem(e["file"], e["line"], f"allowed citation '{e['text']}' no longer occurs in docs/{e['path']}: remove it from the allow-list", "warning"))
    return problems


# ---------------------------------------------------------------- checks

def _citations(site, today: dt.date | None = None) -> list[tuple[str, object, int]]:
    """(provision id, page, file line) of every inline `law` marker; with `today`, only those a build on
    that date shows (not inside a `while` block of a provision that does not apply then)."""
    out = []
    for page in site.pages():
        body = shown_text(page.body, site, today) if today else page.body
        for m in find_markers(body):
            if m.name == "law":
                out.append((m.arg, page, page.body_line + m.line - 1))
    return out


def _label(p: dict) -> str:
    return f"'{p['id']}' ({citation_text(p, 'sv', short=True)})"


def _where(cites: list) -> str:
    shown = [f"docs/{page.src}:{line}" for _, page, line in cites[:6]]
    more = f" and {len(cites) - 6} more" if len(cites) > 6 else ""
    return ", ".join(shown) + more


def check(site, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    path = str(data_path(site))
    data, problems = site.data("law") if data_path(site).exists() else (None, [Problem(path, 1, "missing law register")])
    if data is None:
        return list(problems)
    problems = list(problems) + validate(data, SCHEMA, path)
    items = data.get("provisions") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return problems
    months = int((getattr(site, "settings", None) or {}).get("review_interval_months") or DEFAULT_REVIEW_MONTHS)
    from .review import add_months

    reg = register(site)
    cites = _citations(site)
    shown = _citations(site, today)
    seen: dict[str, int] = {}
    for i, p in enumerate(items):
        if not isinstance(p, dict) or not isinstance(p.get("id"), str):
            continue
        line = items.item_lines[i] if isinstance(items, LineList) else 1
        pid = p["id"]
        if pid in seen:
            problems.append(Problem(path, line, f"duplicate provision id '{pid}' (first at line {seen[pid]})"))
            continue
        seen[pid] = line
        start, end = parse_date(p.get("in_force_from")), parse_date(p.get("in_force_until"))
        if start and end and end < start:
            problems.append(Problem(path, line, f"'{pid}': in_force_until {end} is before in_force_from {start}"))
        rep = p.get("replaced_by")
        if rep is not None and rep not in reg:
            problems.append(Problem(path, line, f"'{pid}': replaced_by '{rep}' is not a provision in the register"))
        citing = [c for c in cites if c[0] == pid]
        succ = current(site, pid, end + dt.timedelta(days=1)) if end else p
        if end and end < today:
            if succ["id"] != pid:
                problems.append(Problem(path, line, f"{_label(p)} stopped applying on {end}; its citations now show "
                                        f"'{succ['id']}'. When the pages no longer need its history, remove its "
                                        "<!-- while: --> blocks and card", "warning"))
            else:
                problems.append(Problem(path, line, f"{_label(p)} stopped applying on {end}: "
                                        + (f"cite '{rep}' instead where it is cited, " if rep else "")
                                        + "move it to history or remove it, and re-check the pages that explain it", "warning"))
        elif end and (end - today).days <= SOON_DAYS:
            days = (end - today).days
            if succ["id"] != pid:
                day = end + dt.timedelta(days=1)
                later = [c for c in _citations(site, day) if c[0] == pid]
                switched = (f"its {len(later)} citation(s) still shown then ({_where(later)}) will show '{succ['id']}'"
                            if later else "none of its citations is shown then")
                problems.append(Problem(path, line, f"{_label(p)} stops applying on {end} (in {days} days). From {day} "
                                        f"the pages switch by themselves: <!-- while: --> blocks change and {switched}. "
                                        f"Check that '{succ['id']}' and the text shown from that day are right "
                                        f"(preview: TODAY={day} make serve)", "warning"))
            else:
                day = end + dt.timedelta(days=1)
                later = [c for c in _citations(site, day) if c[0] == pid]
                what = (f"'{rep}' (the provision that replaces it) is not in force on {day}, so the check fails from then on "
                        "for every citation still shown; " if rep else "nothing in the register replaces it: find out what does, ")
                where = (f"then update the {len(later)} citation(s) still shown from {day} ({_where(later)})" if later
                         else "then update the pages that explain it")
                problems.append(Problem(path, line, f"{_label(p)} stops applying on {end} (in {days} days): {what}{where}"
                                        " and its card on the legislation pages", "warning"))
        checked = parse_date(p.get("checked"))
        if checked and add_months(checked, months) < today:
            problems.append(Problem(path, line, f"'{pid}' was last checked on {checked}, more than {months} months ago: "
                                    "check it against the official text, then update 'checked' and 'basis'", "warning"))
        elif checked and checked > today:
            problems.append(Problem(path, line, f"'{pid}': checked {checked} is in the future"))
    # citations shown on `today` of provisions no longer in force and without a successor in force
    for pid, page, line in shown:
        p = reg.get(pid)
        end = parse_date(p.get("in_force_until")) if p else None
        if end and end < today and current(site, pid, today)["id"] == pid:
            rep = p.get("replaced_by")
            problems.append(Problem(str(page.path), line, f"cites {_label(p)}, which stopped applying on {end}: "
                                    + (f"'{rep}', which should replace it, is not in force on {today}: fix its "
                                       "in_force_from or cite the provision in force instead" if rep
                                       else "cite the provision in force instead, or put the text in a "
                                       f"<!-- while: {pid} --> … <!-- end-while --> block")))
    # each provision has exactly one home
    places = homes(site)
    for pid, p in reg.items():
        home = places.get(pid) or []
        if not home:
            problems.append(Problem(path, seen.get(pid, 1), f"'{pid}' has no home page: put <!-- law-entry: {pid} --> on one page under docs/lagstiftning/"))
        for slug, fpath, fline in home[1:]:
            problems.append(Problem(fpath, fline, f"'{pid}' already has its home in docs/{home[0][0]} (line {home[0][2]}): "
                                    f"keep only one <!-- law-entry: {pid} --> and cite it elsewhere with <!-- law: {pid} -->"))
    for page in site.pages():
        seen_here: dict[str, int] = {}
        for m in find_markers(page.body):
            if m.name == "law-entry":
                line = page.body_line + m.line - 1
                if m.arg in seen_here:
                    problems.append(Problem(str(page.path), line, f"'{m.arg}' has a card on this page already (line {seen_here[m.arg]})"))
                seen_here.setdefault(m.arg, line)

    problems += check_handwritten(site)
    return problems


def review_items(site, today: dt.date) -> list[dict]:
    """For `check-review`: each provision is due `review_interval_months` after `checked`."""
    from .review import add_months

    data, _ = site.data("law")
    if not isinstance(data, dict):
        return []
    from .pagecheck import owners

    owner = data.get("owner", "kompetenscentrum")
    owner_name = ((owners(site).get(owner) or {}).get("name") or {}).get("sv", owner)
    months = int((getattr(site, "settings", None) or {}).get("review_interval_months") or DEFAULT_REVIEW_MONTHS)
    items = data.get("provisions") or []
    out = []
    for i, p in enumerate(items):
        checked = parse_date(p.get("checked")) if isinstance(p, dict) else None
        if checked is None:
            continue
        due = add_months(checked, months)
        line = items.item_lines[i] if isinstance(items, LineList) else 1
        out.append({"owner": owner, "owner_name": owner_name, "path": str(data_path(site)), "line": line,
                    "what": f"law register: {p.get('id')}", "due": due.isoformat(), "overdue": due < today})
    return out


__all__ = ["RENDERERS", "check", "review_items", "register", "homes", "handwritten"]
