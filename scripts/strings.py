"""Interface strings of our own components, one catalogue per language: docs/_data/strings/LANG.yml, a section
per component (`ui`, `law`, `quiz`, ...). Material translates its own strings. Every key exists in every language
(tests/unit/test_strings.py). A catalogue is re-read when its file changes (for `make serve`)."""
from __future__ import annotations

from pathlib import Path

import yaml

from .problems import ROOT

CATALOGUES = ROOT / "docs" / "_data" / "strings"
_CACHE: dict[str, tuple[float, dict]] = {}


def languages() -> list[str]:
    return sorted(p.stem for p in CATALOGUES.glob("*.yml"))


def catalogue(lang: str) -> dict:
    """The whole catalogue of one language, {section: {key: text}} (Swedish for an unknown language)."""
    path = CATALOGUES / f"{lang}.yml"
    if not path.exists():
        path = CATALOGUES / "sv.yml"
    mtime = path.stat().st_mtime
    cached = _CACHE.get(str(path))
    if cached is None or cached[0] != mtime:
        cached = (mtime, yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {})
        _CACHE[str(path)] = cached
    return cached[1]


class Section:
    """One component's strings in every language, used as a {lang: {key: text}} table."""

    def __init__(self, name: str):
        self.name = name

    def __getitem__(self, lang: str) -> dict:
        return catalogue(lang)[self.name]

    def get(self, lang: str, default=None):
        return catalogue(lang).get(self.name, default) if (CATALOGUES / f"{lang}.yml").exists() else default

    def __contains__(self, lang: str) -> bool:
        return (CATALOGUES / f"{lang}.yml").exists()


def section(name: str) -> Section:
    return Section(name)


STRINGS = section("ui")


def lookup(table, lang: str, key: str, **kw):
    """A string from a {lang: {key: text}} table, Swedish when the language is missing; formatted with kw."""
    value = table.get(lang, table["sv"])[key]
    return value.format(**kw) if kw else value


def t(lang: str, key: str, **kw) -> str:
    return lookup(STRINGS, lang, key, **kw)
