"""`<!-- topics -->`: the topic index A–Ö of one language, generated at build time.

Every knowledge page's title and section headings (`## Rubrik { #id }`), the glossary's terms and the words
people type for them (the glossary's `search:` lists), sorted in the language's alphabet under one heading per
letter. It is where the search field leads without JavaScript, so that nothing is a dead end. Links are
Markdown links to the Swedish sources, so the build resolves them to the page's language and checks every
anchor (a renamed heading id fails the strict build).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import pages as pages_mod
from .strings import section

PAGE = "amnen.md"  # the page with the marker; the header links to it when JavaScript is off
ALPHABETS = {"sv": "abcdefghijklmnopqrstuvwxyzåäö"}
DEFAULT_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
FOLD = {"sv": {"æ": "ä", "ø": "ö", "ü": "y"}}   # how Swedish dictionaries file these letters
LETTER_IDS = {"å": "aa", "ä": "ae", "ö": "oe"}
STRINGS = section("topics")  # docs/_data/strings/LANG.yml
HEADING_RE = re.compile(r"^(#{2,3})\s+(.*?)\s*\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")


@dataclass(frozen=True)
class Entry:
    label: str       # what the reader looks for
    target: str      # Swedish source path, optionally with #anchor
    where: str       # the page it leads to (or "ordlista"), shown after the link
    lang: str = ""   # set when the label is in another language than the index


def plain(md: str) -> str:
    """Heading text without Markdown: links, emphasis, code and attribute lists removed."""
    text = re.sub(r"\{[^}]*\}", "", md)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split())


def letter_of(label: str, lang: str) -> str:
    alphabet = ALPHABETS.get(lang, DEFAULT_ALPHABET)
    for ch in label.casefold():
        ch = FOLD.get(lang, {}).get(ch, ch)
        if ch in alphabet:
            return ch
        base = unicodedata.normalize("NFKD", ch)[:1]
        if base in alphabet:
            return base
        if ch.isalnum():
            return "#"
    return "#"


def sort_key(label: str, lang: str):
    alphabet = ALPHABETS.get(lang, DEFAULT_ALPHABET)
    key = []
    for ch in label.casefold():
        ch = FOLD.get(lang, {}).get(ch, ch)
        if ch not in alphabet:
            ch = unicodedata.normalize("NFKD", ch)[:1]
        key.append((alphabet.index(ch) + 10) if ch in alphabet else (ord(ch) if ch.isdigit() else 0))
    return (key, label)


def _title(page) -> str:
    return plain(str(page.meta.get("title", ""))) if page.meta else ""


def _indexable(page) -> bool:
    if page.kind == "quiz" or not page.meta:
        return False
    search = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
    return not search.get("exclude") and "<!-- topics" not in page.body


def entries(site, lang: str) -> list[Entry]:
    """All entries of the language's topic index (unsorted, duplicates removed)."""
    default = pages_mod.DEFAULT_LANG
    by_slug = {}
    for page in site.pages():
        by_slug.setdefault(page.slug, {})[page.lang] = page
    out: list[Entry] = []
    for slug, versions in sorted(by_slug.items()):
        page = versions.get(lang)
        other_lang = ""
        if page is None and default in versions and lang != default:
            page, other_lang = versions[default], default  # untranslated: shown in Swedish in this build
        if page is None or not _indexable(page):
            continue
        title = _title(page)
        if page.kind != "start":
            out.append(Entry(title, slug, "", other_lang))
        in_fence = False
        for line in page.body.splitlines():
            if pages_mod.FENCE_RE.match(line):
                in_fence = not in_fence
                continue
            m = None if in_fence else HEADING_RE.match(line)
            if m:
                out.append(Entry(plain(m.group(2)), f"{slug}#{m.group(3)}", title, other_lang))
    from .glossary import terms
    s = STRINGS.get(lang, STRINGS["en"])
    for term in terms(site):
        e = term.get(lang) or term.get(default) or {}
        if not e.get("term"):
            continue
        out.append(Entry(plain(e["term"]), f"ordlista.md#{term['id']}", s["glossary"]))
        for word in e.get("search") or []:
            target = term.get("page") or f"ordlista.md#{term['id']}"
            out.append(Entry(plain(str(word)), target, f"{s['see']} {plain(e['term'])}"))
    seen, unique = set(), []
    for x in out:
        key = (x.label.casefold(), x.target)
        if x.label and key not in seen:
            seen.add(key)
            unique.append(x)
    return unique


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def render_topics(arg: str, ctx) -> str:
    """The index as Markdown: a letter bar, then `## A` … with one list item per entry."""
    lang = ctx.lang
    s = STRINGS.get(lang, STRINGS["en"])
    groups: dict[str, list[Entry]] = {}
    for x in entries(ctx.site, lang):
        groups.setdefault(letter_of(x.label, lang), []).append(x)
    alphabet = ALPHABETS.get(lang, DEFAULT_ALPHABET)
    order = sorted(groups, key=lambda ch: alphabet.index(ch) if ch in alphabet else -1)
    ids = {ch: "bokstav-" + ("0" if ch == "#" else LETTER_IDS.get(ch, ch)) for ch in order}
    out = [f'<nav class="topic-letters" aria-label="{s["letters"]}" markdown="1">',
           "", " ".join(f"[{ch.upper()}](#{ids[ch]})" for ch in order), "", "</nav>", ""]
    for ch in order:
        out.append(f"## {ch.upper()} {{ #{ids[ch]} }}\n")
        for x in sorted(groups[ch], key=lambda e: sort_key(e.label, lang)):
            label = _escape(x.label)
            note = f" ({s['in_sv']})" if x.lang and x.lang != lang else ""
            path, _, anchor = x.target.partition("#")
            link = f"[{label}]({ctx.link(path)}{'#' + anchor if anchor else ''})"
            out.append(f"- {link} – {_escape(x.where)}{note}" if x.where else f"- **{link}**{note}")
        out.append("")
    return "\n".join(out) + "\n"


RENDERERS = {"topics": render_topics}
