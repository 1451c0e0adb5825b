"""Per-language sitemaps.

mkdocs-static-i18n writes one sitemap at the root. We give each other language its own sitemap under its
root (`/en/sitemap.xml`), so that Material's sitemap probe beside each alternate-language root finds a file
instead of a 404. (Search keeps to the page's language by itself: Pagefind indexes per `<html lang>`.)
"""
from __future__ import annotations

import re

URL_RE = re.compile(r"\s*<url>.*?</url>", re.S)
LOC_RE = re.compile(r"<loc>(.*?)</loc>")


def sitemap_for(sitemap_xml: str, prefix: str) -> str:
    """The sitemap restricted to URLs under `prefix` (a language root URL)."""
    head, _, _ = sitemap_xml.partition("<url>")
    head = head.rstrip()
    urls = [m.group(0) for m in URL_RE.finditer(sitemap_xml) if LOC_RE.search(m.group(0)).group(1).startswith(prefix)]
    return head + "".join(urls) + "\n</urlset>\n"
