"""After the last language is built: split search index and sitemap per language (scripts/languages.py)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from mkdocs.plugins import event_priority  # noqa: E402

from scripts.languages import FALLBACK_URLS, sitemap_for, split_search_index  # noqa: E402

LANGS, DEFAULT = ["sv", "en"], "sv"


@event_priority(-200)  # after mkdocs-static-i18n has built every language and written the combined index
def on_post_build(config, **kwargs):
    site = config.site_dir
    path = os.path.join(site, "search", "search_index.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        parts = split_search_index(json.load(f), LANGS, DEFAULT, FALLBACK_URLS)
    if parts is None:  # an inner, single-language step of the i18n build; the final call splits
        return
    for lang, index in parts.items():
        out = path if lang == DEFAULT else os.path.join(site, lang, "search", "search_index.json")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            json.dump(index, f, ensure_ascii=False, separators=(",", ":"))
    sitemap = os.path.join(site, "sitemap.xml")
    if os.path.exists(sitemap) and config.site_url:
        with open(sitemap, encoding="utf-8") as f:
            xml = f.read()
        for lang in LANGS:
            if lang != DEFAULT:
                with open(os.path.join(site, lang, "sitemap.xml"), "w", encoding="utf-8") as f:
                    f.write(sitemap_for(xml, config.site_url.rstrip("/") + f"/{lang}/"))


def on_post_template(output, template_name, config):
    """Each language its own 404 page: the English build writes en/404.html instead of overwriting 404.html."""
    lang = config.theme["language"]
    if template_name != "404.html" or lang == DEFAULT:
        return output
    os.makedirs(os.path.join(config.site_dir, lang), exist_ok=True)
    with open(os.path.join(config.site_dir, lang, "404.html"), "w", encoding="utf-8") as f:
        f.write(output)
    return ""  # MkDocs skips an empty template: the Swedish 404.html stays
