"""Content pages: discovery, front matter and structure.

Suffix structure: `docs/x.md` is Swedish (the default language), `docs/x.en.md` its English translation.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .yamlfile import LineDict, loads, read_source

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"
WORDS_PER_MINUTE = 200
MIN_WORDS = 300

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID_RE = re.compile(r"\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
ADMONITION_RE = re.compile(r"^(?:!!!|\?\?\?\+?)\s+([a-z-]+)")
FENCE_RE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Page:
    path: Path            # absolute path of the file
    src: str              # docs-relative, e.g. "agera/skolan.en.md"
    lang: str             # "sv" | "en"
    meta: LineDict        # front matter (line numbers kept)
    body: str             # Markdown after the front matter
    body_line: int        # file line number of the first body line
    problems: list = field(default_factory=list)  # front-matter syntax problems
    unreadable: bool = False  # not UTF-8: the other checks skip it

    @property
    def slug(self) -> str:
        """Language-neutral source name: "agera/skolan.md" for both languages."""
        return source_slug(self.src)

    @property
    def kind(self) -> str:
        return str(self.meta.get("kind", "content")) if isinstance(self.meta, dict) else "content"

    def meta_line(self, key: str) -> int:
        if isinstance(self.meta, LineDict):
            return self.meta.key_lines.get(key, self.meta.line)
        return 1


def source_slug(src: str) -> str:
    for lang in LANGS:
        if lang != DEFAULT_LANG and src.endswith(f".{lang}.md"):
            return src[: -len(f".{lang}.md")] + ".md"
    return src


def built_url(src: str, lang: str) -> str:
    """The URL the build gives a page in one language's build (directory URLs; other languages under LANG/):
    "grunder/index.md" -> "grunder/", "tecken/x.en.md" in English -> "en/tecken/x/"."""
    slug = source_slug(src)[:-3]
    slug = slug[:-5] if slug == "index" or slug.endswith("/index") else slug + "/"
    return ("" if lang == DEFAULT_LANG else f"{lang}/") + slug


def lang_of_src(src: str) -> str:
    for lang in LANGS:
        if lang != DEFAULT_LANG and src.endswith(f".{lang}.md"):
            return lang
    return DEFAULT_LANG


def translation_src(slug: str, lang: str) -> str:
    return slug if lang == DEFAULT_LANG else slug[:-3] + f".{lang}.md"


# MkDocs' own rule (mkdocs.utils.meta.YAML_RE), so the checks and the build see the same front matter.
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
OPENING_RE = re.compile(r"^-{3}[ \t]*\n")


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter text, body, line number of the first body line)."""
    text = text.lstrip("\ufeff")
    m = FRONT_MATTER_RE.match(text)
    if m:
        return m.group(1), text[m.end():], text[: m.end()].count("\n") + 1
    return "", text, 1


def unclosed_front_matter(text: str, path: str) -> list[Problem]:
    """Front matter opened with --- but never closed: MkDocs would show it as page text."""
    text = text.lstrip("\ufeff")
    if OPENING_RE.match(text) and not FRONT_MATTER_RE.match(text):
        return [Problem(path, 1, "the front matter that starts here is never closed: add a line with only --- "
                                 "after the last field (sources:), before the page text")]
    return []


_PARSED: dict = {}  # (path, mtime) -> Page: each file is parsed once per process (both language builds, serve)


def parse(path: Path, docs: Path) -> Page:
    key = (str(path), path.stat().st_mtime_ns, str(docs))
    if key not in _PARSED:
        text, problems = read_source(path)
        src = path.relative_to(docs).as_posix()
        if text is None:  # not UTF-8: one problem naming this file, and an empty page for the other checks
            page = parse_text("", src, path)
            page.problems = problems
            page.unreadable = True
        else:
            page = parse_text(text, src, path)
        _PARSED[key] = page
    return _PARSED[key]


def parse_text(text: str, src: str, path: Path | str) -> Page:
    fm, body, body_line = split_front_matter(text)
    meta, problems = loads(fm, str(path), line_offset=1) if fm else (None, unclosed_front_matter(text, str(path)))
    if not isinstance(meta, LineDict):
        if fm and not problems:
            problems = [Problem(str(path), 2, "front matter must be a YAML mapping (key: value lines)")]
        meta = LineDict()
        meta.line, meta.key_lines = 1, {}
    return Page(Path(path), src, lang_of_src(src), meta, body, body_line, problems)


def discover(docs: Path) -> list[Page]:
    return [parse(p, docs) for p in sorted(docs.rglob("*.md")) if not any(part.startswith(("_", ".")) for part in p.relative_to(docs).parts)]


# ---------------------------------------------------------------- body structure

@dataclass(frozen=True)
class Block:
    kind: str   # "heading" | "admonition" | "marker"
    key: str    # heading: "h2#id"; admonition: type; marker: "name:arg"
    text: str
    line: int   # file line


def outline(page: Page) -> list[Block]:
    """Headings, admonitions and markers in document order (fenced code skipped)."""
    from .markers import find_markers

    blocks, in_fence = [], False
    lines = page.body.splitlines()
    marker_lines = {}
    for m in find_markers(page.body):
        marker_lines.setdefault(m.line, []).append(m)
    for i, line in enumerate(lines, 1):
        fline = page.body_line + i - 1
        if FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        h = HEADING_RE.match(line)
        if h:
            mid = HEADING_ID_RE.search(h.group(2))
            hid = mid.group(1) if mid else ""
            blocks.append(Block("heading", f"h{len(h.group(1))}#{hid}", line.strip(), fline))
            continue
        a = ADMONITION_RE.match(line.strip()) if not line.startswith(" " * 8) else None
        if a:
            blocks.append(Block("admonition", a.group(1), line.strip(), fline))
        for m in marker_lines.get(i, []):
            blocks.append(Block("marker", f"{m.name}:{m.arg}", line.strip(), fline))
    return blocks


def prose_words(body: str) -> int:
    """Words a reader reads: markers, comments, code fences and Markdown syntax left out."""
    text = re.sub(r"<!--.*?-->", " ", body, flags=re.S)
    text = re.sub(r"^\s*(```|~~~).*?^\s*(```|~~~)", " ", text, flags=re.S | re.M)
    text = re.sub(r"\{\s*#[^}]*\}", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"^(!!!|\?\?\?\+?)\s+\S+", " ", text, flags=re.M)
    return len(re.findall(r"[0-9A-Za-zÀ-ÿ]+(?:[-'’][0-9A-Za-zÀ-ÿ]+)*", text))


def reading_minutes(body: str) -> int:
    return max(1, math.ceil(prose_words(body) / WORDS_PER_MINUTE))
