"""Site search (Pagefind): mark what each page offers to the index; index after the last language is built.
The logic is in scripts/search.py; `make serve` re-indexes in the background after each rebuild."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority, get_plugin_logger  # noqa: E402

from scripts import glossary, search, topics  # noqa: E402
from scripts.pages import lang_of_src, source_slug  # noqa: E402
from scripts.settings import settings_from_config  # noqa: E402
from scripts.site import Site  # noqa: E402

log = get_plugin_logger("search")
_state = {"command": "build", "indexer": None, "site": None}


def on_startup(command, dirty):
    _state["command"] = command


def on_config(config):
    site = _state["site"]
    if site is None or str(site.docs) != str(config.docs_dir):
        _state["site"] = Site(settings=settings_from_config(config), docs=config.docs_dir)


def on_env(env, config, files):
    # Where the header's no-JavaScript link leads: this build's topic index A–Ö, if the site has one.
    page = next((f for f in files.documentation_pages() if source_slug(f.src_uri) == topics.PAGE), None)
    env.globals["topic_index_url"] = page.url if page else None
    return env


def on_post_page(output, page, config):
    lang = config.theme["language"]
    if not search.is_indexed(page.meta, lang_of_src(page.file.src_uri), lang):
        return output
    words = search.page_keywords(page.meta, glossary.terms(_state["site"]), lang, source_slug(page.file.src_uri))
    try:
        return search.mark_page(output, weight=search.boost(page.meta), keywords=words)
    except search.SearchIndexError as e:
        raise PluginError(f"{page.file.src_uri}: {e}") from None


@event_priority(-300)  # after mkdocs-static-i18n has built every language (and after the sitemap split)
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner language build; the outer call indexes the whole site once
    try:
        if _state["command"] == "serve":
            if _state["indexer"] is None:
                _state["indexer"] = search.Indexer(log=log.info)
            _state["indexer"].after_build(config.site_dir)
        else:
            secs = search.index(config.site_dir)
            log.info(f"Search index built in {secs:.2f} s")
    except search.SearchIndexError as e:
        raise PluginError(str(e)) from None


def on_shutdown():
    if _state["indexer"] is not None:
        _state["indexer"].close()
        _state["indexer"] = None
