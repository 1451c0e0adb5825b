"""The glossary (docs/_data/glossary.yml): the glossary page and tooltips on every page.

Tooltips use the Markdown `abbr` extension (Material shows them as tooltips with content.tooltips):
its `glossary` option gets the page language's word forms (`mapping`). Appending `*[word]: definition`
lines to every page instead made the block parser re-scan each page once per definition (4 s a build).
"""
from __future__ import annotations


from .problems import Problem
from .yamlfile import validate


def terms(site) -> list[dict]:
    data, _ = site.data("glossary")
    return [x for x in (data or {}).get("terms", []) if isinstance(x, dict)]


def mapping(site, lang: str) -> dict[str, str]:
    """{word form: definition} for the abbr extension's `glossary` option."""
    out = {}
    for term in terms(site):
        entry = term.get(lang) or {}
        definition = " ".join(str(entry.get("definition", "")).split())
        for form in entry.get("forms") or []:
            out[form] = definition
    return out


def render_glossary(arg: str, ctx) -> str:
    """`<!-- glossary -->`: the whole glossary as a definition list (overrides/components/glossary.html)."""
    from . import components

    items = sorted(terms(ctx.site), key=lambda x: x[ctx.lang]["term"].casefold())
    return components.render("glossary", ctx.site, terms=[
        {"id": term["id"], "term": term[ctx.lang]["term"], "definition": term[ctx.lang]["definition"],
         "words": "" if term.get("page") else ", ".join(str(w) for w in term[ctx.lang].get("search") or [])}
        for term in items])


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
        if term.get("page") and not (site.docs / str(term["page"])).is_file():
            problems.append(Problem(path, line, f"term '{term.get('id')}': page '{term['page']}' does not exist "
                                                "(write the Swedish page's path under docs/, e.g. grunder/sugardejting.md)"))
    return problems
