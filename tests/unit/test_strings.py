"""The interface-string catalogues (docs/_data/strings/LANG.yml): every key in every language, with the same
placeholders, and every key a component template asks for exists."""
from __future__ import annotations

import re
import string
from pathlib import Path

from scripts import strings

ROOT = Path(__file__).resolve().parents[2]
COMPONENTS = ROOT / "overrides" / "components"


def placeholders(value) -> set[str]:
    if isinstance(value, list):
        return set().union(*(placeholders(v) for v in value))
    return {f for _, f, _, _ in string.Formatter().parse(str(value)) if f}


def test_every_key_exists_in_every_language_with_the_same_placeholders():
    langs = strings.languages()
    assert {"sv", "en"} <= set(langs)
    base = strings.catalogue("sv")
    problems = []
    for lang in langs:
        cat = strings.catalogue(lang)
        for section in base.keys() | cat.keys():
            a, b = base.get(section) or {}, cat.get(section) or {}
            for key in a.keys() ^ b.keys():
                problems.append(f"{lang}.yml: {section}.{key} is in only one of sv.yml and {lang}.yml")
            for key in a.keys() & b.keys():
                if type(a[key]) is not type(b[key]) or placeholders(a[key]) != placeholders(b[key]):
                    problems.append(f"{lang}.yml: {section}.{key} has other placeholders or form than in sv.yml")
                if isinstance(b[key], list) and len(b[key]) != len(a[key]):
                    problems.append(f"{lang}.yml: {section}.{key} has {len(b[key])} items, sv.yml {len(a[key])}")
    assert problems == []


def test_every_key_a_template_uses_exists():
    cat = strings.catalogue("sv")
    missing = []
    for tpl in sorted(COMPONENTS.glob("*.html")):
        section = tpl.stem.split("-")[0]
        for key in re.findall(r'\bt\("([a-z0-9_-]+)"\s*[,)]', tpl.read_text(encoding="utf-8")):
            if key not in (cat.get(section) or {}):
                missing.append(f"{tpl.name}: {section}.{key}")
    assert missing == []


def test_a_missing_key_is_noticed(tmp_path, monkeypatch):
    # the check above can fail: a catalogue without one key is reported
    (tmp_path / "sv.yml").write_text("law:\n  a: A\n  b: B {n}\n", encoding="utf-8")
    (tmp_path / "en.yml").write_text("law:\n  a: A\n  b: B\n", encoding="utf-8")
    monkeypatch.setattr(strings, "CATALOGUES", tmp_path)
    strings._CACHE.clear()
    try:
        test_every_key_exists_in_every_language_with_the_same_placeholders()
    except AssertionError as e:
        assert "law.b has other placeholders" in str(e)
    else:
        raise AssertionError("a placeholder missing in en.yml was not reported")
    finally:
        strings._CACHE.clear()
