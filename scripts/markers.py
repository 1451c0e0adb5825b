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


Renderer = Callable[[str, "object"], str]


def expand(text: str, ctx, renderers: dict[str, Renderer], path: str, line_offset: int = 0) -> str:
    """Replace every marker with its rendering. Collects all problems before failing."""
    problems, parts, pos = [], [], 0
    for m in find_markers(text):
        render = renderers.get(m.name)
        line = m.line + line_offset
        if render is None:
            known = ", ".join(sorted(renderers))
            problems.append(Problem(path, line, f"unknown marker '{m.name}' (known markers: {known})"))
            continue
        try:
            html = render(m.arg, ctx)
        except LookupError as e:
            problems.append(Problem(path, line, str(e.args[0] if e.args else e)))
            continue
        parts.append(text[pos : m.start])
        parts.append(html)
        pos = m.end
    if problems:
        raise ContentError(problems)
    parts.append(text[pos:])
    return "".join(parts)
