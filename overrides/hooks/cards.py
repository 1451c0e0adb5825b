"""After the build: write the "where to get help" cards (scripts/cards.py), one page per card language,
and add the Swedish and English cards to those languages' search indexes. Cards are not a site language:
a few small pages rendered from data, so a new card language adds milliseconds, not a site build."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from scripts import cards  # noqa: E402
from scripts.problems import ContentError  # noqa: E402
from scripts.settings import settings_from_config  # noqa: E402
from scripts.site import Site  # noqa: E402


@event_priority(-250)  # after overrides/hooks/languages.py has split the search index per language
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner language build; the outer call, after every language, writes the cards once
    site = Site(settings=settings_from_config(config), docs=config.docs_dir)
    try:
        cards.write_cards(site, config.site_dir)
    except ContentError as e:
        raise PluginError(f"\n{e}") from None
    for lang, index in (("sv", ("search", "search_index.json")), ("en", ("en", "search", "search_index.json"))):
        path = os.path.join(config.site_dir, *index)
        if not os.path.exists(path):  # another search (Pagefind) indexes the card pages by their <html lang>
            continue
        with open(path, encoding="utf-8") as f:
            ix = json.load(f)
        if ix.get("config", {}).get("lang") != [lang]:
            continue  # not split per language (overrides/hooks/languages.py)
        have = {d.get("location") for d in ix.get("docs", [])}
        ix.setdefault("docs", []).extend(d for d in cards.search_entries(site, lang) if d["location"] not in have)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(ix, f, ensure_ascii=False, separators=(",", ":"))
