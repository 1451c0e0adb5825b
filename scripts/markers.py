"""Author-facing markers: HTML comments such as `<!-- quiz: tecken -->`, replaced at build time.

Without the hook they stay comments, so a page still reads. With it, an unknown marker name or id
fails loudly with `path:line`. Renderers register themselves by name (see scripts/render.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .problems import ContentError, Problem

# `<!-- name -->` or `<!-- name: arg -->`; names are lower-case words with dashes.
MARKER_RE = re.compile(r"<!--\s*([a-z][a-z-]*)\s*(?::\s*([^\s>]*)\s*)?-->")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
# The one way a marker is written; anything else that resembles one is reported (see lookalikes()).
CANONICAL_RE = re.compile(r"<!-- [a-z][a-z-]*(?:: [^\s>]+)? -->")
COMMENT_RE = re.compile(r"<!--(.*?)-->")
# A comment shaped like a marker: one word, maybe a colon, maybe one argument.
SHAPE_RE = re.compile(r"^\s*([A-Za-z][A-Za-z-]*)\s*(:?)\s*([^\s:>]*)\s*$")


@dataclass(frozen=True)
class Marker:
    name: str
    arg: str
    line: int  # 1-based, within the text given
    start: int  # offsets within the whole text
    end: int


def find_markers(text: str) -> list[Marker]:
    """Markers outside fenced code blocks and inline code spans."""
    out, offset, in_fence = [], 0, False
    for lineno, line in enumerate(text.splitlines(keepends=True), 1):
        if FENCE_RE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            for m in MARKER_RE.finditer(line):
                before = line[: m.start()]
                if before.count("`") % 2 == 1:  # inside `inline code`
                    continue
                out.append(Marker(m.group(1), m.group(2) or "", lineno, offset + m.start(), offset + m.end()))
        offset += len(line)
    return out


def _outside_code(text: str):
    """(line number, line, offset) of each line outside fenced code blocks."""
    offset, in_fence = 0, False
    for lineno, line in enumerate(text.splitlines(keepends=True), 1):
        if FENCE_RE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            yield lineno, line, offset
        offset += len(line)


def lookalikes(text: str, known) -> list[tuple[int, str]]:
    """(line, message) for each comment that looks like a marker but is not one the build will replace:
    a missing colon or space, capitals, or an unknown name written with a colon. Other comments are left alone."""
    known = sorted(known)
    names = ", ".join(known)
    out = []
    for lineno, line, _ in _outside_code(text):
        for m in COMMENT_RE.finditer(line):
            if line[: m.start()].count("`") % 2 == 1 or CANONICAL_RE.fullmatch(m.group(0)):
                continue
            shape = SHAPE_RE.match(m.group(1))
            if not shape:
                continue
            word, colon, arg = shape.groups()
            name = word.lower().strip("-")
            if name in known:
                fixed = f"<!-- {name}: {arg} -->" if arg else f"<!-- {name} -->"
                out.append((lineno, f"'{m.group(0)}' looks like a marker but is not written exactly like one "
                                    f"(the build would not replace it): write it as '{fixed}' (lower case, spaces inside "
                                    f"the comment, a colon and a space after the name; known markers: {names})"))
            elif colon and not MARKER_RE.fullmatch(m.group(0)):
                out.append((lineno, f"'{m.group(0)}' looks like a marker, but '{word}' is not a marker name: "
                                    f"use one of the known markers ({names}), written like '<!-- law: brb-6-11 -->'"))
    return out


Renderer = Callable[[str, "object"], str]


# A rendered fragment kept out of Markdown: the build parses our HTML only once (scripts/render.restore).
FRAGMENT = "<!--@kb-fragment-{}@-->"
FRAGMENT_RE = re.compile(r"<!--@kb-fragment-(\d+)@-->")


def _alone(text: str, m: Marker) -> bool:
    """The marker is a block of its own: at the start of a line, nothing after it, blank lines around."""
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    end = len(text) if end == -1 else end
    if start != m.start or text[m.end:end].strip():
        return False
    before = text[:start].rstrip(" \t")
    after = text[end + 1:] if end < len(text) else ""
    return (not before or before.endswith("\n\n") or before == "\n") and \
        (not after.strip() or after.lstrip(" \t").startswith("\n"))


# Python-Markdown's block-level tags: a block that starts with one of them is raw HTML to Markdown.
BLOCK_TAGS = frozenset("""address article aside blockquote details dialog dd div dl dt fieldset figcaption figure footer
form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section table ul summary canvas colgroup legend
noscript output progress tbody td tfoot th thead tr video""".split())
CHUNK_START_RE = re.compile(r"(?:^|\n[ \t]*\n)[ \t]*(?=\S)(?!<!--|</|<([a-z][a-z0-9]*)[\s>/])")
BLOCK_START_RE = re.compile(r"(?:^|\n[ \t]*\n)[ \t]*<([a-z][a-z0-9]*)[\s>/]")


def _pure_html(html: str) -> bool:
    """HTML that Markdown would pass through untouched: every line starts with a tag, every block after a blank
    line starts with a block-level tag, and nothing asks for Markdown inside (markdown="1"). Conservative: a
    fragment that fails this simply goes through Markdown as before."""
    s = html.strip()
    if not s or "markdown=" in s or CHUNK_START_RE.search(s):
        return False
    if any(line.strip() and not line.lstrip().startswith("<") for line in s.split("\n")):
        return False
    return all(tag in BLOCK_TAGS for tag in BLOCK_START_RE.findall(s))


def _cache_key(m: Marker, render, ctx, seen: dict):
    """What a rendering depends on: the marker, its renderer, the page and language, the date, and which
    occurrence of the same marker on the page it is (a second box on a page gets its own element id).
    None for renderers made on the fly (lambdas), which are not cached."""
    name = getattr(render, "__qualname__", "<lambda>")
    if "<lambda>" in name or "<locals>" in name:
        return None
    n = seen[(m.name, m.arg)] = seen.get((m.name, m.arg), -1) + 1
    return (m.name, m.arg, n, render.__module__, name, ctx.lang, ctx.src, getattr(ctx, "page_url", ""),
            getattr(ctx, "today", None))


def expand(text: str, ctx, renderers: dict[str, Renderer], path: str, line_offset: int = 0,
           fragments: list | None = None) -> str:
    """Replace every marker with its rendering. Collects all problems before failing.
    With `fragments` (a list), a marker that stands alone as a block and renders pure HTML is replaced by a
    placeholder and its HTML appended to the list: the build puts it back after Markdown (same page, less work)."""
    problems, parts, pos = [], [], 0
    cache = getattr(getattr(ctx, "site", None), "render_cache", None)
    seen: dict = {}
    for lineno, message in lookalikes(text, renderers):
        problems.append(Problem(path, lineno + line_offset, message))
    for m in find_markers(text):
        render = renderers.get(m.name)
        line = m.line + line_offset
        if render is None:
            known = ", ".join(sorted(renderers))
            problems.append(Problem(path, line, f"unknown marker '{m.name}' (known markers: {known})"))
            continue
        key = _cache_key(m, render, ctx, seen) if cache is not None else None
        html = cache.get(key) if key is not None else None
        if html is None:
            try:
                html = render(m.arg, ctx)
            except LookupError as e:
                problems.append(Problem(path, line, str(e.args[0] if e.args else e)))
                continue
            if key is not None:
                cache[key] = html
        parts.append(text[pos : m.start])
        if fragments is not None and _pure_html(html) and _alone(text, m):
            fragments.append(html)
            html = FRAGMENT.format(len(fragments) - 1)
        parts.append(html)
        pos = m.end
    if problems:
        raise ContentError(problems)
    parts.append(text[pos:])
    return "".join(parts)


ID_RE = re.compile(r'\bid="([^"]+)"')


def fragment_ids(fragments: list | None) -> set[str]:
    """The element ids in fragments kept out of Markdown: anchors that links to the page may point at."""
    return {i for f in fragments or [] for i in ID_RE.findall(f)}


def restore(html: str, fragments: list | None) -> str:
    """Put the fragments kept out of Markdown back into the page's HTML."""
    if not fragments:
        return html
    return FRAGMENT_RE.sub(lambda m: fragments[int(m.group(1))].strip(), html)
