"""After the build: write the "where to get help" cards (scripts/cards.py), one page per card language;
Pagefind (overrides/hooks/search.py, which runs after this) indexes each by its <html lang>. Cards are not a site language:
a few small pages rendered from data, so a new card language adds milliseconds, not a site build."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from scripts import cards  # noqa: E402
from scripts.problems import ContentError  # noqa: E402
from scripts.settings import settings_from_config  # noqa: E402
from scripts.site import Site  # noqa: E402


@event_priority(-250)  # after every language is built, before the search index (-300)
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner language build; the outer call, after every language, writes the cards once
    site = Site(settings=settings_from_config(config), docs=config.docs_dir)
    try:
        cards.write_cards(site, config.site_dir)
    except ContentError as e:
        raise PluginError(f"\n{e}") from None
