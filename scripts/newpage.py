"""`new-page SECTION/SLUG "Svensk titel" "English title"`: writes docs/SECTION/SLUG.md and .en.md with
front matter and the required structure filled in, and adds the page to the navigation in mkdocs.yml
(after the last page of its section, before the section's self-test)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .problems import Problem

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")

TEMPLATE = {
    "sv": """---
title: {title}
description: Skriv en mening om vad sidan handlar om.
owner: kompetenscentrum
reviewed: {today}
sources:
  - sou-2023-97
---

!!! objectives "Det här lär du dig"
    - Skriv ett lärandemål.

## Första avsnittet {{ #forsta-avsnittet }}

Skriv texten här. En kunskapssida behöver minst 300 ord. Varje fakta ska gå att hitta i en källa.

!!! keypoints "Viktigast att komma ihåg"
    - Skriv det viktigaste.
""",
    "en": """---
title: {title}
description: Write one sentence about what the page is about.
owner: kompetenscentrum
reviewed: {today}
sources:
  - sou-2023-97
---

!!! objectives "What you will learn"
    - Write a learning objective.

## First section {{ #forsta-avsnittet }}

Write the text here. A knowledge page needs at least 300 words. Every fact must be found in a source.

!!! keypoints "Key points"
    - Write the key points.
""",
}


def add_to_nav(config_text: str, page: str) -> str:
    """Insert `- page` into the nav list of its folder (before the folder's sjalvtest.md), else at the end."""
    lines = config_text.splitlines(keepends=True)
    folder = page.rsplit("/", 1)[0] + "/" if "/" in page else ""
    entry_re = re.compile(r"^(\s*)- (" + re.escape(folder) + r"[^\s:]+\.md)\s*$")
    last, test = None, None
    for i, line in enumerate(lines):
        m = entry_re.match(line)
        if m and folder:
            last = (i, m.group(1))
            if m.group(2).endswith("/sjalvtest.md") and test is None:
                test = (i, m.group(1))
    if test:
        i, indent = test
    elif last:
        i, indent = last[0] + 1, last[1]
    else:
        i, indent = len(lines), "  "
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
    lines.insert(i, f"{indent}- {page}\n")
    return "".join(lines)


def create(site, slug: str, title_sv: str, title_en: str, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    slug = slug.strip().removesuffix(".md")
    cfg = site.root / "mkdocs.yml"
    if not SLUG_RE.match(slug):
        return [Problem("mkdocs.yml", 1, f"'{slug}' is not a valid page name: use lower-case a-z, 0-9 and dashes, e.g. tecken/nya-tecken (å, ä, ö → a, a, o)")]
    if not title_sv or not title_en:
        return [Problem("mkdocs.yml", 1, 'give both titles: make new-page PAGE=tecken/ny-sida SV="Svensk titel" EN="English title"')]
    files = {"sv": site.docs / f"{slug}.md", "en": site.docs / f"{slug}.en.md"}
    for f in files.values():
        if f.exists():
            return [Problem(str(f), 1, "the page already exists")]
    for lang, f in files.items():
        f.parent.mkdir(parents=True, exist_ok=True)
        title = (title_sv if lang == "sv" else title_en).replace('"', "'")
        f.write_text(TEMPLATE[lang].format(title=title, today=today.isoformat()), encoding="utf-8")
    cfg.write_text(add_to_nav(cfg.read_text(encoding="utf-8"), f"{slug}.md"), encoding="utf-8")
    return []


def main(site, args: list[str]) -> int:
    from .cli import report

    if len(args) != 3:
        print('usage: make new-page PAGE=tecken/ny-sida SV="Svensk titel" EN="English title"')
        return 2
    problems = create(site, *args)
    if not problems:
        slug = args[0].removesuffix(".md")
        print(f"docs/{slug}.md and docs/{slug}.en.md written; added to the navigation in mkdocs.yml. Preview: make serve")
        print("If the page belongs to the course, also add it under its module's `pages:` in docs/_data/course.yml.")
    return report(problems)
