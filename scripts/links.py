"""Links between pages and the menu, checked in the Markdown (so `make check` names the file and line):
a link to a page that does not exist or to a heading id the page does not have, a page left out of
`nav:` in mkdocs.yml, and a `nav:` entry naming a missing file. The strict build refuses the same things."""
from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path

from markdown.extensions.toc import slugify

from . import pages as P
from .markers import FENCE_RE
from .problems import Problem

# [text](target "title") and ![alt](target); the target is what we check.
LINK_RE = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
ID_RES = (re.compile(r"\{\s*[^}]*?#([A-Za-z0-9_-]+)[^}]*\}"), re.compile(r"""\bid=["']([^"']+)["']"""))
EXTERNAL_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)


def _code_free_lines(body: str):
    in_fence = False
    for i, line in enumerate(body.splitlines(), 0):
        if FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield i, re.sub(r"`[^`]*`", lambda m: " " * len(m.group(0)), line)


def _ids(text: str) -> set[str]:
    ids = set()
    for rx in ID_RES:
        ids.update(rx.findall(text))
    for h in HEADING_RE.findall(text):  # headings without an explicit id get toc's slug
        if not ID_RES[0].search(h):
            ids.add(slugify(re.sub(r"<[^>]+>", "", h), "-"))
    return ids


class _Anchors:
    """Ids a page has once built: its own, the Sources section's, and those its markers render."""

    def __init__(self, site):
        self.site, self.cache = site, {}

    def of(self, page, anchor: str = "") -> set[str]:
        """The page's ids; its markers are rendered only when the anchor is not among the written ones."""
        if page.src not in self.cache:
            ids = _ids(page.body)
            if page.meta.get("sources"):
                from .sources import SECTION_ID
                ids.add(SECTION_ID)
            self.cache[page.src] = ids
            if anchor in ids:
                return ids
        if (page.src, "full") not in self.cache:
            ids = self.cache[page.src]
            try:
                from .markers import expand
                from .render import RenderContext, renderers
                ctx = RenderContext(lang=page.lang, src=page.src, site=self.site, meta=page.meta)
                ids |= _ids(expand(page.body, ctx, renderers(), str(page.path)))
            except Exception:  # noqa: BLE001 - marker problems are reported by the marker check
                pass
            self.cache[(page.src, "full")] = True
        return self.cache[page.src]


def check_links(site) -> list[Problem]:
    by_src = {p.src: p for p in site.pages()}
    slug_set = {p.slug for p in by_src.values()}
    slugs = sorted(slug_set)
    anchors = _Anchors(site)
    out = []
    for page in site.pages():
        if page.unreadable:
            continue
        here = posixpath.dirname(page.src)
        for i, line in _code_free_lines(page.body):
            for m in LINK_RE.finditer(line):
                target = m.group(1)
                if not target or EXTERNAL_RE.match(target):
                    continue
                path_part, _, anchor = target.partition("#")
                lineno = page.body_line + i
                if path_part:
                    if not path_part.endswith(".md"):
                        continue  # assets and folders: the strict build and linkchecker check those
                    slug = P.source_slug(posixpath.normpath(posixpath.join(here, path_part)))
                    if slug not in slug_set:
                        close = difflib.get_close_matches(slug, slugs, n=1, cutoff=0.8)
                        hint = f"did you mean '{posixpath.relpath(close[0], here or '.')}'? " if close else ""
                        out.append(Problem(str(page.path), lineno,
                                           f"link to '{path_part}', which does not exist: {hint}link to the Swedish file name "
                                           f"(e.g. ../tecken/barn.md), also from English pages"))
                        continue
                    target_page = by_src.get(P.translation_src(slug, page.lang)) or by_src.get(slug)
                else:
                    target_page = page
                if anchor and anchor not in anchors.of(target_page, anchor):
                    ids = sorted(anchors.of(target_page))
                    close = difflib.get_close_matches(anchor, ids, n=1)
                    hint = f"did you mean '#{close[0]}'? " if close else ""
                    out.append(Problem(str(page.path), lineno,
                                       f"link to '{target}': {target_page.src} has no heading with the id '#{anchor}': {hint}"
                                       f"use an id written as {{ #id }} after a heading on that page"))
    return out


def _nav_entries(nav) -> list[str]:
    out = []
    for item in nav or []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for v in item.values():
                out += _nav_entries(v) if isinstance(v, list) else ([v] if isinstance(v, str) else [])
    return out


def config_path(site) -> Path:
    for d in (site.docs.parent, Path(site.root)):
        if (d / "mkdocs.yml").exists():
            return d / "mkdocs.yml"
    return Path(site.root) / "mkdocs.yml"


def check_nav(site) -> list[Problem]:
    entries = [e for e in _nav_entries(site.settings.get("nav")) if not EXTERNAL_RE.match(e)]
    if not entries:
        return []  # no nav: MkDocs lists every page
    cfg = config_path(site)
    try:
        cfg_lines = cfg.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        cfg_lines = []

    def line_of(entry: str) -> int:
        rx = re.compile(r"^\s*-\s*(?:[^:]+:\s*)?['\"]?" + re.escape(entry) + r"['\"]?\s*$")
        return next((n for n, text in enumerate(cfg_lines, 1) if rx.match(text)), 1)

    out = []
    slugs = {p.slug for p in site.pages()}
    listed = set(entries)
    for e in entries:
        if e not in slugs:
            out.append(Problem(str(cfg), line_of(e), f"the menu (nav:) lists '{e}', but docs/{e} does not exist: "
                                                     f"correct the file name or remove the line"))
    for page in site.pages():
        if page.lang == P.DEFAULT_LANG and page.slug not in listed:
            out.append(Problem(str(page.path), 1, f"this page is not in the menu: add the line '- {page.slug}' under "
                                                  f"its section in nav: in mkdocs.yml (make new-page does it for new pages)"))
    return out


def check(site) -> list[Problem]:
    return check_links(site) + check_nav(site)
