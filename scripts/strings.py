"""Interface strings of our own components, one catalogue per language: docs/_data/strings/LANG.yml, a section
per component (`ui`, `law`, `quiz`, ...). Material translates its own strings. Every key exists in every language
(tests/unit/test_strings.py). A catalogue is re-read when its file changes (for `make serve`)."""
from __future__ import annotations

from pathlib import Path

import yaml

from .problems import ROOT

CATALOGUES = ROOT / "docs" / "_data" / "strings"
_CACHE: dict[tuple, tuple[float, dict]] = {}
_FRESH: set[tuple] = set()  # catalogues whose file time was checked since the last refresh()


def refresh() -> None:
    """Look at the files' times again on the next use (the build calls this once per build, for `make serve`)."""
    _FRESH.clear()


def languages() -> list[str]:
    return sorted(p.stem for p in CATALOGUES.glob("*.yml"))


def _load(lang: str) -> dict | None:
    """One language's catalogue, or None when it has no file."""
    key = (CATALOGUES, lang)
    if key in _FRESH and key in _CACHE:
        return _CACHE[key][1]
    path = CATALOGUES / f"{lang}.yml"
    _FRESH.add(key)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        _CACHE.pop(key, None)
        return None
    cached = _CACHE.get(key)
    if cached is None or cached[0] != mtime:
        cached = (mtime, yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {})
        _CACHE[key] = cached
    return cached[1]


def catalogue(lang: str) -> dict:
    """The whole catalogue of one language, {section: {key: text}} (Swedish for an unknown language)."""
    cat = _load(lang)
    return cat if cat is not None else (_load("sv") or {})


class Section:
    """One component's strings in every language, used as a {lang: {key: text}} table."""

    def __init__(self, name: str):
        self.name = name

    def __getitem__(self, lang: str) -> dict:
        return catalogue(lang)[self.name]

    def get(self, lang: str, default=None):
        cat = _load(lang)
        return cat.get(self.name, default) if cat is not None else default

    def __contains__(self, lang: str) -> bool:
        return _load(lang) is not None


def section(name: str) -> Section:
    return Section(name)


STRINGS = section("ui")


def lookup(table, lang: str, key: str, **kw):
    """A string from a {lang: {key: text}} table, Swedish when the language is missing; formatted with kw."""
    value = table.get(lang, table["sv"])[key]
    return value.format(**kw) if kw else value


def t(lang: str, key: str, **kw) -> str:
    return lookup(STRINGS, lang, key, **kw)
