"""The markup of our components (law cards, contact boxes, quizzes, ...): one Jinja template per component in
overrides/components/, autoescaped, rendered by `render`. Python builds the data; templates make the markup.

A city changes a component without touching code the way it overrides Material's partials: it puts a file of
the same name in a folder of its own and lists that folder in mkdocs.yml (`extra: components: [stad/components]`);
those folders are searched first. Pure module: no mkdocs import."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .problems import ROOT

COMPONENTS = ROOT / "overrides" / "components"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")


def fold(value) -> str:
    return " ".join(str(value).split())


def md_text(value) -> Markup:
    """Plain text made safe inside Markdown (e.g. link text or a heading): HTML-escaped, Markdown's
    special characters backslash-escaped."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(fold(value)))))


def cap(value) -> Markup:
    """The first letter upper-case (markup kept as it is)."""
    value = value if isinstance(value, Markup) else escape(value)
    return Markup(value[:1].upper() + value[1:])


def md_cell(value) -> Markup:
    """Plain text made safe inside a Markdown table cell."""
    return Markup(str(escape(fold(value))).replace("|", "\\|"))


@lru_cache(maxsize=None)
def environment(dirs: tuple[str, ...] = ()) -> Environment:
    env = Environment(loader=FileSystemLoader([*dirs, str(COMPONENTS)]), autoescape=True, extensions=["jinja2.ext.do"],
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=True)
    env.filters.update(md=md_text, cell=md_cell, fold=fold, cap=cap)
    return env


def component_dirs(site) -> tuple[str, ...]:
    """The city's own component folders from `extra.components`, relative to the project root."""
    dirs = ((getattr(site, "settings", None) or {}).get("components") or []) if site is not None else []
    root = Path(getattr(site, "root", ROOT))
    return tuple(str(root / d) for d in ([dirs] if isinstance(dirs, str) else dirs))


def render(name: str, site=None, **data) -> str:
    """Render overrides/components/NAME.html (or the city's own) with `data`; `t` in the template looks up
    interface strings when the caller passes one."""
    return environment(component_dirs(site)).get_template(f"{name}.html").render(**data)


def strings(lookup, lang: str):
    """A `t(key, **kw)` for templates: the catalogue text, its arguments escaped unless they are markup."""
    def t(key: str, **kw):
        value = lookup(lang, key)
        return Markup(value).format(**kw) if kw else Markup(value)
    return t
