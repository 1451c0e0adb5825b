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

A provision with status `to-verify` is never shown with a paragraph number or a penalty: the
schema forbids `citation` and `penalty` on it, and the renderers show the act and an
"Under granskning" badge instead. Pure module: no mkdocs import.
"""
from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from urllib.parse import urlparse

from . import pages as P
from .strings import lookup as string_lookup
from .markers import find_markers
from .problems import Problem
from .review import parse_date
from .yamlfile import LineList, load, validate

SCHEMA = "law.schema.json"
CATEGORIES = ("brott", "socialtjanst", "sekretess", "uppehallstillstand", "kommun", "internationellt", "forslag")
SOON_DAYS = 60
DEFAULT_REVIEW_MONTHS = 12

STRINGS = {
    "sv": {
        "cat_brott": "Brott",
        "cat_socialtjanst": "Socialtjänst och skydd för barn",
        "cat_sekretess": "Sekretess och informationsutbyte",
        "cat_uppehallstillstand": "Uppehållstillstånd",
        "cat_kommun": "Kommunens ansvar",
        "cat_internationellt": "Internationella åtaganden",
        "cat_forslag": "Förslag (inte gällande lag)",
        "badge_review": "under granskning",
        "badge_proposal": "förslag, inte lag",
        "review_title": "Under granskning.",
        "review_text": "Uppgiften är inte kontrollerad mot gällande lagtext. Därför visas inget paragrafnummer och ingen straffskala förrän den är kontrollerad.",
        "proposal_title": "Förslag, inte lag.",
        "proposal_text": "Det här är ett förslag. Det gäller inte som lag.",
        "citation": "Lagrum",
        "citation_unverified": "{act}, paragraf under granskning",
        "penalty": "Straff",
        "penalty_caveat": "Straffskalan är kontrollerad mot material fram till januari 2026. En straffreform som föreslogs träda i kraft 3 juli 2026 kan ha ändrat den. Kontrollera aktuell lagtext innan du anger straffet.",
        "in_force": "Gäller",
        "since": "sedan {date}",
        "planned": "planerad från {date} (inte bekräftat)",
        "until": "till och med {date}",
        "ended": "upphörde att gälla efter {date}",
        "replaced_by": "ersätts av {link}",
        "changes": "Ändringar",
        "note": "Observera",
        "status": "Status",
        "status_confirmed": "Bekräftad mot källan",
        "status_to-verify": "Under granskning",
        "status_proposal": "Förslag",
        "source": "Källa",
        "source_link": "Officiell text på {host}",
        "checked": "Kontrollerad",
        "checked_text": "{date}, mot {basis}",
        "col_name": "Bestämmelse",
        "col_citation": "Lagrum",
        "col_brief": "I korthet",
        "col_penalty": "Straff",
        "col_status": "Status",
        "table_confirmed": "Bekräftad",
        "table_until": "t.o.m. {date}",
        "table_from": "från {date}",
        "legal_status": "Rättsläget per {date}.",
        "legal_status_text": "Bestämmelser märkta ”under granskning” är inte kontrollerade mot gällande lagtext ({n} av {total}).",
        "months": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
                   "oktober", "november", "december"],
    },
    "en": {
        "cat_brott": "Crimes",
        "cat_socialtjanst": "Social services and child protection",
        "cat_sekretess": "Secrecy and information sharing",
        "cat_uppehallstillstand": "Residence permits",
        "cat_kommun": "Municipal responsibility",
        "cat_internationellt": "International obligations",
        "cat_forslag": "Proposals (not law)",
        "badge_review": "under review",
        "badge_proposal": "proposal, not law",
        "review_title": "Under review.",
        "review_text": "This has not been checked against the current statute. No section number or penalty is shown until it has been.",
        "proposal_title": "Proposal, not law.",
        "proposal_text": "This is a proposal. It does not apply as law.",
        "citation": "Swedish citation",
        "citation_unverified": "{act}, section under review",
        "penalty": "Penalty",
        "penalty_caveat": "The penalty scale has been checked against material up to January 2026. A penalty reform proposed to enter into force on 3 July 2026 may have changed it. Check the current statute before you state the penalty.",
        "in_force": "In force",
        "since": "since {date}",
        "planned": "planned from {date} (not confirmed)",
        "until": "until {date} inclusive",
        "ended": "ceased to apply after {date}",
        "replaced_by": "replaced by {link}",
        "changes": "Changes",
        "note": "Note",
        "status": "Status",
        "status_confirmed": "Confirmed against the source",
        "status_to-verify": "Under review",
        "status_proposal": "Proposal",
        "source": "Source",
        "source_link": "Official text at {host}",
        "checked": "Checked",
        "checked_text": "{date}, against {basis}",
        "col_name": "Provision",
        "col_citation": "Citation",
        "col_brief": "In brief",
        "col_penalty": "Penalty",
        "col_status": "Status",
        "table_confirmed": "Confirmed",
        "table_until": "until {date}",
        "table_from": "from {date}",
        "legal_status": "Legal status as of {date}.",
        "legal_status_text": "Provisions marked “under review” have not been checked against the current statute ({n} of {total}).",
        "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December"],
    },
}


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


_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")


def md_inline(value: str) -> str:
    """Plain text made safe inside Markdown link text."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(fold(value), quote=False))


def esc(value: str) -> str:
    return html.escape(fold(value), quote=False)


def is_proposal(p: dict) -> bool:
    return p.get("category") == "forslag"


def is_review(p: dict) -> bool:
    return p.get("status") == "to-verify"


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


def badge(p: dict, lang: str) -> str:
    out = []
    if is_proposal(p):
        out.append(f'<span class="law-badge law-badge--proposal">{s(lang, "badge_proposal")}</span>')
    if is_review(p):
        out.append(f'<span class="law-badge law-badge--review">{s(lang, "badge_review")}</span>')
    return " ".join(out)


# ---------------------------------------------------------------- renderers

def render_cite(arg: str, ctx) -> str:
    """`<!-- law: ID -->`: "(name, citation)" linked to the provision's card, inline in a sentence."""
    p = lookup(ctx.site, arg)
    lang = ctx.lang
    label = f"{text(p['name'], lang)}, {citation_text(p, lang, short=True)}"
    mark = badge(p, lang)
    return f"([{md_inline(label)}]({link_to(ctx, arg)}){{: .law-cite }}{' ' + mark if mark else ''})"


def _in_force(p: dict, ctx) -> str:
    lang, parts = ctx.lang, []
    start, end = parse_date(p.get("in_force_from")), parse_date(p.get("in_force_until"))
    if start:
        key = "planned" if start > ctx.today else "since"
        parts.append(s(lang, key, date=fmt_date(start, lang)))
    if end:
        key = "ended" if end < ctx.today else "until"
        parts.append(s(lang, key, date=fmt_date(end, lang)))
    rep = p.get("replaced_by")
    if rep and rep in register(ctx.site):
        other = register(ctx.site)[rep]
        try:
            href = html_href(ctx, rep)
            target = f'<a href="{html.escape(href)}">{esc(text(other["name"], lang))}</a>'
        except LookupError:
            target = esc(text(other["name"], lang))
        parts.append(s(lang, "replaced_by", link=target))
    return cap(", ".join(parts)) if parts else ""


def _host(url: str) -> str:
    host = urlparse(str(url)).netloc
    return host[4:] if host.startswith("www.") else host


def render_entry(arg: str, ctx) -> str:
    """`<!-- law-entry: ID -->`: the provision's card. Its heading carries the provision id as anchor."""
    p = lookup(ctx.site, arg)
    lang = ctx.lang
    kind = "proposal" if is_proposal(p) else ("to-verify" if is_review(p) else "confirmed")
    out = [f'<div class="law-entry law-entry--{kind}" markdown="1">', ""]
    if arg not in heading_ids(ctx.site, ctx.src):  # else the page's own heading with this id is the card's heading
        out += [f"### {md_inline(cap(text(p['name'], lang)))} {{ #{arg} }}", ""]
    if is_proposal(p):
        out += [f'<p class="law-entry__flag law-entry__flag--proposal"><strong>{s(lang, "proposal_title")}</strong> '
                f'{s(lang, "proposal_text")}</p>', ""]
    if is_review(p):
        out += [f'<p class="law-entry__flag law-entry__flag--review"><strong>{s(lang, "review_title")}</strong> '
                f'{s(lang, "review_text")}</p>', ""]
    if is_review(p) or not p.get("citation"):
        cite = s(lang, "citation_unverified", act=text(p.get("act"), lang)) if is_review(p) else text(p.get("act"), lang)
    else:
        cite = text(p["citation"], lang)
    out += [f'<p class="law-entry__citation">{esc(cite)}</p>', "", fold(text(p["summary"], lang)), ""]
    facts = []
    if p.get("penalty") and not is_review(p):
        pen = esc(text(p["penalty"], lang))
        if p.get("penalty_caveat"):
            pen += f' <span class="law-entry__caveat">{s(lang, "penalty_caveat")}</span>'
        facts.append((s(lang, "penalty"), pen))
    force = _in_force(p, ctx)
    if force:
        facts.append((s(lang, "in_force"), force))
    if p.get("changes"):
        items = "".join(f"<li>{fmt_date(c.get('date'), lang)}: {esc(text(c.get('text'), lang))}</li>"
                        for c in p["changes"] if isinstance(c, dict))
        facts.append((s(lang, "changes"), f'<ul class="law-entry__changes">{items}</ul>'))
    if p.get("note"):
        facts.append((s(lang, "note"), esc(text(p["note"], lang))))
    status = s(lang, "status_proposal") if is_proposal(p) else s(lang, f"status_{p.get('status', 'to-verify')}")
    facts.append((s(lang, "status"), status))
    src = str(p.get("source", ""))
    if src.startswith("https://"):
        facts.append((s(lang, "source"), f'<a href="{html.escape(src)}">{s(lang, "source_link", host=esc(_host(src)))}</a>'))
    else:  # a text reference, e.g. an SFS number at riksdagen.se: no guessed deep link
        facts.append((s(lang, "source"), esc(src)))
    facts.append((s(lang, "checked"), s(lang, "checked_text", date=fmt_date(p.get("checked"), lang),
                                        basis=esc(text(p.get("basis"), lang)))))
    out.append('<dl class="law-entry__facts">')
    out += [f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in facts]
    out += ["</dl>", "", "</div>", ""]
    return "\n".join(out)


def _cell(value: str) -> str:
    return fold(value).replace("|", "\\|")


def _table(items: list[dict], ctx) -> list[str]:
    lang = ctx.lang
    with_penalty = any(p.get("penalty") and not is_review(p) for p in items)
    cols = ["col_name", "col_citation", "col_brief"] + (["col_penalty"] if with_penalty else []) + ["col_status"]
    rows = ["| " + " | ".join(s(lang, c) for c in cols) + " |", "|" + "---|" * len(cols)]
    for p in items:
        pid = p["id"]
        name = f"[{md_inline(cap(text(p['name'], lang)))}]({link_to(ctx, pid)})"
        brief = text(p.get("brief") or p.get("summary"), lang)
        status = s(lang, "status_proposal") if is_proposal(p) else (
            s(lang, "status_to-verify") if is_review(p) else s(lang, "table_confirmed"))
        end, start = parse_date(p.get("in_force_until")), parse_date(p.get("in_force_from"))
        if end and end >= ctx.today:
            status += ", " + s(lang, "table_until", date=end.isoformat())
        elif end:
            status += ", " + s(lang, "ended", date=end.isoformat())
        elif start and start > ctx.today:
            status += ", " + s(lang, "table_from", date=start.isoformat())
        cells = [name, _cell(html.escape(citation_text(p, lang, short=True), quote=False)), _cell(html.escape(brief, quote=False))]
        if with_penalty:
            pen = p.get("penalty_brief") or p.get("penalty")
            cells.append(_cell(html.escape(text(pen, lang), quote=False)) if pen and not is_review(p) else "–")
        cells.append(_cell(status))
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def render_table(arg: str, ctx) -> str:
    """`<!-- law-table -->`: "Lagen i korthet", one table per category with an H2 heading.
    `<!-- law-table: CATEGORY -->`: only that category's table, without a heading."""
    reg = register(ctx.site)
    if arg and arg not in CATEGORIES:
        raise LookupError(f"unknown law category '{arg}' (known: {', '.join(CATEGORIES)})")
    out = ['<div class="law-summary" markdown="1">', ""]
    for cat in ([arg] if arg else CATEGORIES):
        items = [p for p in reg.values() if p.get("category") == cat]
        if not items:
            continue
        if not arg:
            out += [f"## {s(ctx.lang, 'cat_' + cat)} {{ #kategori-{cat} }}", ""]
        out += _table(items, ctx) + [""]
    out += ["</div>", ""]
    return "\n".join(out)


def newest_checked(site) -> dt.date | None:
    dates = [d for d in (parse_date(p.get("checked")) for p in register(site).values()) if d]
    return max(dates) if dates else None


def render_status(arg: str, ctx) -> str:
    """`<!-- law-status -->`: "Rättsläget per <newest checked date>" and how much is under review."""
    reg = register(ctx.site)
    newest = newest_checked(ctx.site)
    if newest is None:
        raise LookupError("the law register docs/_data/law.yml has no provisions with a 'checked' date")
    n = sum(1 for p in reg.values() if is_review(p))
    date = f'<time datetime="{newest.isoformat()}">{newest.isoformat()}</time>'
    return (f'<p class="law-status"><strong>{s(ctx.lang, "legal_status", date=date)}</strong> '
            f'{s(ctx.lang, "legal_status_text", n=n, total=len(reg))}</p>\n')


RENDERERS = {"law": render_cite, "law-entry": render_entry, "law-table": render_table, "law-status": render_status}


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

def _citations(site) -> list[tuple[str, object, int]]:
    """(provision id, page, file line) of every inline `law` marker."""
    out = []
    for page in site.pages():
        for m in find_markers(page.body):
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
        if end and end < today:
            problems.append(Problem(path, line, f"{_label(p)} stopped applying on {end}: "
                                    + (f"cite '{rep}' instead where it is cited, " if rep else "")
                                    + "move it to history or remove it, and re-check the pages that explain it", "warning"))
        elif end and (end - today).days <= SOON_DAYS:
            days = (end - today).days
            what = (f"check that '{rep}' (the provision that replaces it) is confirmed, " if rep else "find out what replaces it, ")
            where = f"then update the {len(citing)} citation(s) ({_where(citing)})" if citing else "then update the pages that explain it"
            problems.append(Problem(path, line, f"{_label(p)} stops applying on {end} (in {days} days): {what}{where}"
                                    " and its card on the legislation pages", "warning"))
        checked = parse_date(p.get("checked"))
        if checked and add_months(checked, months) < today:
            problems.append(Problem(path, line, f"'{pid}' was last checked on {checked}, more than {months} months ago: "
                                    "check it against the official text, then update 'checked' and 'basis'", "warning"))
        elif checked and checked > today:
            problems.append(Problem(path, line, f"'{pid}': checked {checked} is in the future"))
    # citations of provisions no longer in force
    for pid, page, line in cites:
        p = reg.get(pid)
        end = parse_date(p.get("in_force_until")) if p else None
        if end and end < today:
            rep = p.get("replaced_by")
            problems.append(Problem(str(page.path), line, f"cites {_label(p)}, which stopped applying on {end}: "
                                    + (f"cite '{rep}' instead" if rep else "cite the provision in force instead")))
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
