"""The sources registry (docs/_data/sources.yml) and each page's generated Sources section."""
from __future__ import annotations

from .problems import Problem
from .strings import t
from .yamlfile import validate

RENDERERS: dict = {}
SECTION_ID = "kallor"


def registry(site) -> dict:
    data, _ = site.data("sources")
    return {s["id"]: s for s in (data or {}).get("sources", []) if isinstance(s, dict) and "id" in s}


def _entries(sources) -> list[tuple[str, str]]:
    out = []
    for s in sources or []:
        if isinstance(s, str):
            out.append((s, ""))
        elif isinstance(s, dict) and "id" in s:
            out.append((s["id"], s.get("where", "")))
    return out


def section(sources, ctx, path: str) -> str:
    """Markdown for the page's Sources section, from its front matter."""
    if not sources:
        return ""
    reg = registry(ctx.site)
    items = []
    for sid, where in _entries(sources):
        src = reg.get(sid)
        if src is None:  # reported by check(); the build names it plainly rather than hiding it
            raise LookupError(f"unknown source '{sid}' in front matter")
        items.append(f"- {src['title'][ctx.lang]}" + (f", {where}" if where else ""))
    return f"\n\n## {t(ctx.lang, 'sources')} {{ #{SECTION_ID} }}\n\n" + "\n".join(items) + "\n"


def check(site) -> list[Problem]:
    data, problems = site.data("sources")
    path = str(site.data_dir / "sources.yml")
    if data is None:
        return problems or [Problem(path, 1, "missing sources registry")]
    problems += validate(data, "sources.schema.json", path)
    reg = registry(site)
    for page in site.pages():
        for i, (sid, _) in enumerate(_entries(page.meta.get("sources"))):
            if sid not in reg:
                items = page.meta.get("sources")
                line = items.item_lines[i] if hasattr(items, "item_lines") else page.meta_line("sources")
                problems.append(Problem(str(page.path), line, f"unknown source '{sid}' (known: {', '.join(sorted(reg))})"))
    return problems
