"""Per-language search indexes and sitemaps.

mkdocs-static-i18n writes one search index for all languages and one sitemap at the root. We give each
language its own index and sitemap under its root (`/en/search/search_index.json`, `/en/sitemap.xml`),
so that search on an English page finds English pages only, and Material's sitemap probe beside each
alternate-language root finds a file instead of a 404.
"""
from __future__ import annotations

import copy
import re


# Pages built from a source in another language (untranslated fallbacks), by site-relative URL.
# Recorded by the content hook while rendering; left out of that language's search index.
FALLBACK_URLS: set[str] = set()


def split_search_index(index: dict, langs: list[str], default: str, skip: set[str] = frozenset()) -> dict[str, dict] | None:
    """{lang: index} with locations relative to that language's root; None if not a combined index.
    Entries whose page URL is in `skip` (fallback pages) are dropped."""
    parts = {lang: [] for lang in langs}
    for doc in index.get("docs", []):
        loc = doc.get("location", "")
        if loc.split("#")[0] in skip:
            continue
        lang = next((x for x in langs if x != default and (loc == f"{x}/" or loc.startswith(f"{x}/"))), default)
        if lang != default:
            doc = dict(doc, location=loc[len(lang) + 1:])
        parts[lang].append(doc)
    if sum(1 for docs in parts.values() if docs) < 2:
        return None
    out = {}
    for lang, docs in parts.items():
        ix = copy.deepcopy({k: v for k, v in index.items() if k != "docs"})
        ix.setdefault("config", {})["lang"] = [lang]
        ix["docs"] = docs
        out[lang] = ix
    return out


URL_RE = re.compile(r"\s*<url>.*?</url>", re.S)
LOC_RE = re.compile(r"<loc>(.*?)</loc>")


def sitemap_for(sitemap_xml: str, prefix: str) -> str:
    """The sitemap restricted to URLs under `prefix` (a language root URL)."""
    head, _, _ = sitemap_xml.partition("<url>")
    head = head.rstrip()
    urls = [m.group(0) for m in URL_RE.finditer(sitemap_xml) if LOC_RE.search(m.group(0)).group(1).startswith(prefix)]
    return head + "".join(urls) + "\n</urlset>\n"
