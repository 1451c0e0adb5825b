"""The glossary (docs/_data/glossary.yml): the glossary page and tooltips on every page.

Tooltips use the Markdown `abbr` extension (Material shows them as tooltips with content.tooltips):
we append `*[word]: definition` lines for the page's language.
"""
from __future__ import annotations

import html

from .problems import Problem
from .yamlfile import validate


def terms(site) -> list[dict]:
    data, _ = site.data("glossary")
    return [x for x in (data or {}).get("terms", []) if isinstance(x, dict)]


def abbreviations(ctx) -> str:
    lines = []
    for term in terms(ctx.site):
        entry = term.get(ctx.lang) or {}
        definition = " ".join(str(entry.get("definition", "")).split())
        for form in entry.get("forms") or []:
            lines.append(f"*[{form}]: {definition}")
    return ("\n\n" + "\n".join(lines) + "\n") if lines else ""


def render_glossary(arg: str, ctx) -> str:
    """`<!-- glossary -->`: the whole glossary as a definition list, sorted in the page's language."""
    items = sorted(terms(ctx.site), key=lambda x: x[ctx.lang]["term"].casefold())
    out = ['<dl class="glossary">']
    for term in items:
        e = term[ctx.lang]
        out.append(f'<dt id="{term["id"]}">{html.escape(e["term"])}</dt>')
        out.append(f"<dd>{html.escape(e['definition'])}</dd>")
    out.append("</dl>")
    return "\n".join(out) + "\n"


RENDERERS = {"glossary": render_glossary}


def check(site) -> list[Problem]:
    path = str(site.data_dir / "glossary.yml")
    data, problems = site.data("glossary")
    if data is None:
        return problems
    problems += validate(data, "glossary.schema.json", path)
    from .sources import registry
    reg = registry(site)
    seen = {}
    for i, term in enumerate(data.get("terms") or []):
        if not isinstance(term, dict):
            continue
        line = data["terms"].item_lines[i]
        if term.get("id") in seen:
            problems.append(Problem(path, line, f"duplicate term id '{term['id']}' (first at line {seen[term['id']]})"))
        seen.setdefault(term.get("id"), line)
        for sid in term.get("sources") or []:
            if sid not in reg:
                problems.append(Problem(path, line, f"term '{term.get('id')}': unknown source '{sid}'"))
    return problems
