"""Build hook: hands each page's Markdown to scripts.render and adds derived page facts.
All logic lives in scripts/ (plain Python); this file only adapts MkDocs events to it."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from mkdocs.exceptions import PluginError  # noqa: E402

from scripts import gate, glossary, pagecheck, review, templatecache  # noqa: E402
from scripts.markers import fragment_ids, restore  # noqa: E402
from scripts.problems import ContentError  # noqa: E402
from scripts.render import RenderContext, render_page  # noqa: E402
from scripts.settings import settings_from_config, today as build_date  # noqa: E402
from scripts.site import Site  # noqa: E402
from scripts.strings import STRINGS  # noqa: E402

_site = None


def on_config(config):
    # One Site for all language builds (and serve rebuilds): its data cache is keyed on file times.
    global _site
    settings = settings_from_config(config)
    if _site is None or _site.settings != settings or str(_site.docs) != str(config.docs_dir):
        _site = Site(root=os.path.dirname(os.path.abspath(config.config_file_path)), settings=settings, docs=config.docs_dir)
    _site._pages = None  # page list re-read per build; each file is parsed once per change (scripts/pages.py)
    # The gate: the same checks as `make check`; nothing is built while one of them fails.
    errors, warnings = gate.for_build(_site)
    if warnings and gate.is_new():
        print(warnings, file=sys.stderr)  # not a MkDocs warning: those would stop the strict build
    if errors:
        raise PluginError(errors)


def on_page_markdown(markdown, page, config, files):
    lang = config.theme["language"]
    # Glossary tooltips: MkDocs makes a Markdown instance per page from mdx_configs, so this is per language.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary.mapping(_site, lang)
    ctx = RenderContext(lang=lang, src=page.file.src_uri, site=_site, page_url=page.url, meta=page.meta,
                        today=build_date(), fragments=[])
    try:
        markdown = render_page(markdown, ctx, page.file.abs_src_path)
    except ContentError as e:
        raise PluginError(f"\n{e}") from None
    today = build_date()
    page.meta.update(review.page_review(page.meta, _site.settings["review_interval_months"], today))
    owner = pagecheck.owners(_site).get(page.meta.get("owner"), {})
    page.meta["owner_name"] = (owner.get("name") or {}).get(lang, page.meta.get("owner"))
    page.meta["quiz"] = "<!-- quiz:" in markdown or any('data-quiz="' in f for f in [markdown, *ctx.fragments])
    page.kb_fragments = ctx.fragments  # our HTML, put back after Markdown (on_page_content)
    return markdown


def on_page_content(html, page, config, files):
    fragments = getattr(page, "kb_fragments", None)
    html = restore(html, fragments)
    if fragments and getattr(page, "present_anchor_ids", None) is not None:
        page.present_anchor_ids.update(fragment_ids(fragments))  # so MkDocs' anchor check sees their ids
    # toc's permalink_title is one setting for all languages; give English pages English.
    return html.replace('title="Länk till det här avsnittet"', f'title="{STRINGS[config.theme["language"]]["permalink"]}"')


def on_env(env, config, files):
    # Our interface strings for templates (also the 404 page, which has no page context).
    env.globals["ui"] = STRINGS.get(config.theme["language"], STRINGS["sv"])
    return templatecache.share(env)  # templates compiled once per process, not once per language build
