"""Checks of each page on its own: front matter against the schema, owner, and the body structure
every knowledge page must have (objectives first, key points last, explicit heading ids, 300 words)."""
from __future__ import annotations

from . import pages as P
from .problems import Problem
from .yamlfile import validate


def owners(site) -> dict:
    data, _ = site.data("owners")
    return {o["id"]: o for o in (data or {}).get("owners", []) if isinstance(o, dict) and "id" in o}


def check_page(page, known_owners: dict) -> list[Problem]:
    path = str(page.path)
    problems = list(page.problems)
    if not page.meta and not page.problems:
        return [Problem(path, 1, "missing front matter: start the file with --- and the fields title, description, owner, reviewed, sources")]
    problems += validate(page.meta, "page.schema.json", path)
    owner = page.meta.get("owner")
    if isinstance(owner, str) and known_owners and owner not in known_owners:
        problems.append(Problem(path, page.meta_line("owner"),
                                f"unknown owner '{owner}' (known: {', '.join(sorted(known_owners))}; see docs/_data/owners.yml)"))
    blocks = P.outline(page)
    for b in blocks:
        if b.kind == "heading":
            level, hid = b.key.split("#", 1)
            if level == "h1":
                problems.append(Problem(path, b.line, "no '# heading' in the text: the page title comes from `title:` in the front matter"))
            elif not hid:
                problems.append(Problem(path, b.line, f"heading without an explicit id: write it as '{b.text} {{ #some-id }}' (same id in both languages)"))
    if page.kind == "content":
        admonitions = [b for b in blocks if b.kind == "admonition"]
        if not blocks or blocks[0].kind != "admonition" or blocks[0].key != "objectives":
            problems.append(Problem(path, page.body_line, "a knowledge page starts with its learning objectives: '!!! objectives \"Det här lär du dig\"'"))
        # markers inside the key points (indented lines) belong to them
        body_lines = page.body.splitlines()
        outer = [b for b in blocks if not (b.kind == "marker" and 0 <= b.line - page.body_line < len(body_lines)
                                             and body_lines[b.line - page.body_line].startswith("    "))]
        if not admonitions or admonitions[-1].key != "keypoints" or outer[-1].key != "keypoints":
            problems.append(Problem(path, page.body_line, "a knowledge page ends with its key points: '!!! keypoints \"Viktigast att komma ihåg\"'"))
        words = P.prose_words(page.body)
        if words < P.MIN_WORDS:
            problems.append(Problem(path, page.body_line, f"only {words} words: a knowledge page needs at least {P.MIN_WORDS} words of content"))
    return problems


def check(site) -> list[Problem]:
    known = owners(site)
    out = []
    for page in site.pages():
        out += check_page(page, known)
    return out
