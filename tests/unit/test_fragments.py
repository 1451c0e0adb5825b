"""Pure-HTML renderings kept out of Markdown and put back after it give the same page as Markdown would."""
from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from scripts import glossary, pages as pages_mod
from scripts.markers import FRAGMENT_RE, _pure_html, expand, restore
from scripts.render import RenderContext, renderers
from scripts.settings import _ConfigLoader
from scripts.site import Site

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("html, pure", [
    ('<aside class="box"><h2 id="x">T</h2><p>a &amp; b</p></aside>', True),
    ("\n\n<form>\n<fieldset>\n<p>q</p>\n</fieldset>\n</form>\n", True),
    ("<p>a</p>\n\n<ul>\n<li>b</li>\n</ul>", True),
    ("<p>intro</p>\n\n## Heading { #h }\n\n<div>x</div>", False),   # Markdown between the blocks
    ('<div markdown="1">\n\n**bold**\n\n</div>', False),              # asks for Markdown inside
    ("<a href='x'>inline</a>", False),                                # inline tag: Markdown wraps it in <p>
    ("<p>\ntext on its own line\n</p>", False),                       # conservative: a line of text
    ("[link](x.md)", False),
])
def test_pure_html(html, pure):
    assert _pure_html(html) is pure


def test_only_a_marker_that_is_a_block_of_its_own_is_kept_out():
    rend = {"box": lambda arg, ctx: f'<aside class="{arg}"><p>x</p></aside>'}
    frags = []
    out = expand("Text.\n\n<!-- box: a -->\n\nMore <!-- box: b --> inline.\nText\n<!-- box: c -->\n", None, rend,
                 "docs/a.md", fragments=frags)
    assert frags == ['<aside class="a"><p>x</p></aside>']
    assert FRAGMENT_RE.search(out) and '<aside class="b">' in out and '<aside class="c">' in out
    assert restore(out, frags) == out.replace("<!--@kb-fragment-0@-->", frags[0])


def _markdown_for(lang: str, site: Site) -> markdown.Markdown:
    cfg = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506
    names, configs = [], {}
    for ext in cfg["markdown_extensions"]:
        name, conf = next(iter(ext.items())) if isinstance(ext, dict) else (ext, {})
        names.append(name)
        configs[name] = dict(conf or {})
    configs.setdefault("abbr", {})["glossary"] = glossary.mapping(site, lang)  # as the build hook does
    return markdown.Markdown(extensions=names, extension_configs=configs)


def test_every_real_page_renders_the_same_with_fragments_kept_out():
    site = Site()
    rend = renderers()
    kept_out = 0
    for lang in pages_mod.LANGS:
        md = _markdown_for(lang, site)
        for page in site.pages():
            if page.lang != lang:
                continue
            def ctx():  # a fresh context per rendering: renderers number repeated ids per page
                return RenderContext(lang=lang, src=page.src, site=site, meta=page.meta)
            whole = expand(page.body, ctx(), rend, str(page.path))
            frags = []
            body = expand(page.body, ctx(), rend, str(page.path), fragments=frags)
            kept_out += len(frags)
            assert restore(md.reset().convert(body), frags) == md.reset().convert(whole), page.src
    assert kept_out > 50  # contact boxes and quizzes are kept out of Markdown
