"""After the last language is built: one sitemap per language root (scripts/languages.py)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from mkdocs.plugins import event_priority  # noqa: E402

from scripts.languages import sitemap_for  # noqa: E402

LANGS, DEFAULT = ["sv", "en"], "sv"


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner, single-language step of the i18n build; the final call splits
    site = config.site_dir
    sitemap = os.path.join(site, "sitemap.xml")
    if os.path.exists(sitemap) and config.site_url:
        with open(sitemap, encoding="utf-8") as f:
            xml = f.read()
        for lang in LANGS:
            if lang != DEFAULT and os.path.isdir(os.path.join(site, lang)):
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
