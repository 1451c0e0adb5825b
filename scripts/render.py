"""Turns an editor's Markdown into what the build renders: markers expanded, the Sources section and
glossary tooltips appended, the untranslated-page notice added. Called by overrides/hooks/content.py."""
from __future__ import annotations

import datetime as dt
import importlib
import posixpath
from dataclasses import dataclass, field

from . import pages as pages_mod
from .markers import expand
from .problems import ContentError, Problem
from .settings import today as settings_today
from .strings import t

# Feature modules, each exposing RENDERERS and check(site). Order is irrelevant.
FEATURES = ("sources", "glossary", "sitecontact", "law", "contacts", "quiz", "course", "topics", "certificate",
            "tracks", "cards")


def features():
    mods = []
    for name in FEATURES:
        try:
            mods.append(importlib.import_module(f"scripts.{name}"))
        except ModuleNotFoundError as e:
            if e.name != f"scripts.{name}":
                raise
    return mods


def renderers() -> dict:
    out = {}
    for mod in features():
        out.update(getattr(mod, "RENDERERS", {}))
    return out


def prepare(text: str, ctx, path: str, line_offset: int = 0) -> str:
    """Features' text-level steps before markers are expanded (e.g. law.prepare drops text that is
    shown only while a provision is in force). Line numbers are kept."""
    for mod in features():
        step = getattr(mod, "prepare", None)
        if step:
            text = step(text, ctx, path, line_offset)
    return text


@dataclass
class RenderContext:
    lang: str
    src: str                      # docs-relative source path of the page
    site: object                  # scripts.site.Site
    page_url: str = ""
    today: dt.date = field(default_factory=settings_today)
    meta: dict = field(default_factory=dict)
    fragments: list | None = None  # a list: pure-HTML renderings kept out of Markdown (markers.restore)

    @property
    def settings(self) -> dict:
        return self.site.settings

    def link(self, target_md: str) -> str:
        """Relative link from this page's source to another page's (Swedish) source; i18n picks the language."""
        here = posixpath.dirname(self.src)
        return posixpath.relpath(target_md, here or ".")


def render_page(markdown: str, ctx: RenderContext, path: str) -> str:
    """The whole Markdown transformation for one page in one language."""
    page = pages_mod.Page(path=path, src=ctx.src, lang=pages_mod.lang_of_src(ctx.src), meta=ctx.meta,
                          body=markdown, body_line=body_line_of(path))
    markdown = prepare(markdown, ctx, path, page.body_line - 1)
    body = expand(markdown, ctx, renderers(), path, line_offset=page.body_line - 1, fragments=ctx.fragments)
    if page.kind == "content":
        minutes = pages_mod.reading_minutes(markdown)
        from . import components, strings
        reading = components.strings(lambda lang, key: strings.lookup(strings.STRINGS, lang, key), ctx.lang)
        body = components.render("ui-reading-time", ctx.site, t=reading, minutes=minutes) + body
    from . import sources

    body += sources.section(ctx.meta.get("sources") or [], ctx, path)
    if page.lang != ctx.lang:  # a fallback: the Swedish source shown in another language's build
        body = untranslated(body, ctx)
    return body


def untranslated(body: str, ctx: RenderContext) -> str:
    src_lang = pages_mod.lang_of_src(ctx.src)
    note = (f'!!! warning "{t(ctx.lang, "untranslated_title")}"\n'
            f'    {t(ctx.lang, "untranslated_text")}\n\n')
    return f'{note}<div lang="{src_lang}" markdown="1">\n\n{body}\n\n</div>\n'


def body_line_of(path: str) -> int:
    try:
        with open(path, encoding="utf-8-sig") as f:
            _, body, line = pages_mod.split_front_matter(f.read())
        # MkDocs hands hooks the body without its leading blank lines
        return line + len(body) - len(body.lstrip("\n"))
    except OSError:
        return 1


def check_markers(site, today: dt.date | None = None) -> list[Problem]:
    """Expand every page's markers in every language (no build) to find unknown names and ids."""
    problems = []
    rend = renderers()
    for page in site.pages():
        for lang in pages_mod.LANGS:
            if page.lang != pages_mod.DEFAULT_LANG and page.lang != lang:
                continue
            if page.lang == pages_mod.DEFAULT_LANG and lang != page.lang:
                # the Swedish page is rendered in the English build only when it has no translation
                if (site.docs / pages_mod.translation_src(page.slug, lang)).exists():
                    continue
            # the page's URL as the build gives it, so the build reuses these renderings (Site.render_cache)
            ctx = RenderContext(lang=lang, src=page.src, site=site, meta=page.meta, today=today or settings_today(),
                                page_url=pages_mod.built_url(page.src, lang))
            try:
                expand(prepare(page.body, ctx, str(page.path), page.body_line - 1), ctx, rend, str(page.path),
                       line_offset=page.body_line - 1)
            except ContentError as e:
                problems.extend(p for p in e.problems if p not in problems)
    return problems
