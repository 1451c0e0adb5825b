"""Translations kept in step: every Swedish page has its English page with the same headings,
heading ids, admonitions and markers, in the same order, and the same owner, review date and sources."""
from __future__ import annotations

from . import pages as P
from .problems import Problem

SAME_META = ("owner", "reviewed", "kind")


def _source_ids(meta) -> list[str]:
    return [s if isinstance(s, str) else s.get("id") for s in (meta.get("sources") or [])]


def compare(sv, en) -> list[Problem]:
    """Problems in the English page `en` compared with its Swedish original `sv`."""
    path = str(en.path)
    out = []
    for key in SAME_META:
        if sv.meta.get(key) != en.meta.get(key):
            out.append(Problem(path, en.meta_line(key),
                               f"front matter '{key}' is {en.meta.get(key)!r}, the Swedish page has {sv.meta.get(key)!r}"))
    if _source_ids(sv.meta) != _source_ids(en.meta):
        out.append(Problem(path, en.meta_line("sources"), f"sources {_source_ids(en.meta)} differ from the Swedish page's {_source_ids(sv.meta)}"))
    a, b = P.outline(sv), P.outline(en)
    names = {"heading": "heading", "admonition": "admonition", "marker": "marker"}
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else None
        y = b[i] if i < len(b) else None
        if x and y and x.kind == y.kind and x.key == y.key:
            continue
        if x is None:
            out.append(Problem(path, y.line, f"extra {names[y.kind]} '{y.text}' that the Swedish page does not have"))
        elif y is None:
            out.append(Problem(path, b[-1].line if b else en.body_line,
                               f"missing {names[x.kind]} '{x.text}' (Swedish page {P.source_slug(sv.src)} line {x.line})"))
        else:
            out.append(Problem(path, y.line,
                               f"{names[y.kind]} №{i + 1} is '{y.text}', the Swedish page has '{x.text}' at line {x.line}"))
        break  # after the first difference the rest is shifted: report one problem per page
    return out


def check(site, warn_missing: bool = True) -> list[Problem]:
    by_src = {p.src: p for p in site.pages()}
    out = []
    for page in by_src.values():
        if page.lang == P.DEFAULT_LANG:
            for lang in P.LANGS[1:]:
                other = by_src.get(P.translation_src(page.src, lang))
                if other is None:
                    if warn_missing:
                        out.append(Problem(str(page.path), 1, f"not translated: {P.translation_src(page.src, lang)} is missing (shown in Swedish with a notice)", "warning"))
                else:
                    out += compare(page, other)
        elif P.source_slug(page.src) not in by_src:
            out.append(Problem(str(page.path), 1, f"translation without a Swedish original {P.source_slug(page.src)}"))
    return out


def untranslated(site) -> list[str]:
    srcs = {p.src for p in site.pages()}
    return sorted(s for s in srcs if P.lang_of_src(s) == P.DEFAULT_LANG and P.translation_src(s, "en") not in srcs)
