"""Data files are parsed once per process (C loader, line numbers kept) and again only when the file changes."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from scripts import yamlfile
from scripts.site import Site
from scripts.yamlfile import load, loads, validate

ROOT = Path(__file__).resolve().parents[2]

OWNERS = """owners:
  - id: kompetenscentrum
    name: {sv: "Kompetenscentrum", en: "Competence centre"}
"""
# the second owner lacks its English name: the problem is on line 5 (the `name:` key)
OWNERS_BAD = OWNERS + """  - id: redaktionen
    name: {sv: "Redaktionen"}
"""


@pytest.fixture
def counted(monkeypatch):
    """Count the real parses (yamlfile.loads) that load() makes."""
    calls = []
    real = yamlfile.loads

    def spy(text, path, line_offset=0):
        calls.append(path)
        return real(text, path, line_offset)

    monkeypatch.setattr(yamlfile, "loads", spy)
    return calls


def _touch_later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_a_file_is_parsed_once_and_again_after_a_change(tmp_path, counted):
    f = tmp_path / "owners.yml"
    f.write_text(OWNERS, encoding="utf-8")
    first, p1 = load(f)
    second, p2 = load(f)
    assert counted == [str(f)]          # one parse for two loads
    assert second is first and p1 == p2 == []
    assert validate(first, "owners.schema.json", str(f)) == []

    f.write_text(OWNERS_BAD, encoding="utf-8")
    _touch_later(f)
    changed, _ = load(f)
    assert counted == [str(f), str(f)]  # the change is seen: parsed again
    assert changed is not first and [o["id"] for o in changed["owners"]] == ["kompetenscentrum", "redaktionen"]
    # line numbers are still right in the problems, after the re-parse
    assert [str(p) for p in validate(changed, "owners.schema.json", str(f))] == \
        [f"{f}:5: missing required field 'en' in owners.1.name"]
    load(f)
    assert len(counted) == 2


def test_site_data_shares_the_parse_and_gives_each_caller_its_own_problems(tmp_path, counted):
    data_dir = tmp_path / "docs" / "_data"
    data_dir.mkdir(parents=True)
    (data_dir / "broken.yml").write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    site_a = Site(tmp_path, settings={})
    site_b = Site(tmp_path, settings={})  # e.g. the check and the build in one process
    data, problems = site_a.data("broken")
    problems.append("a caller's own addition")
    again, problems_again = site_b.data("broken")
    assert data is None and again is None
    assert [str(p) for p in problems_again] == [f"{data_dir / 'broken.yml'}:2: the YAML here cannot be read: a [...] list is not closed or has a ',' too many: check the brackets, or put the text in quotes"]
    assert len(counted) == 1


def test_c_loader_keeps_every_line_of_the_pure_python_loader():
    files = sorted((ROOT / "docs" / "_data").glob("*.yml")) + sorted((ROOT / "quizzes").glob("*.yml"))
    assert yamlfile.FAST, "PyYAML without libyaml: builds use the slow loader"
    assert files

    def same(a, b):
        assert type(a) is type(b) and a == b
        if isinstance(a, dict):
            assert (a.line, a.key_lines) == (b.line, b.key_lines)
            for k in a:
                same(a[k], b[k])
        elif isinstance(a, list):
            assert (a.line, a.item_lines) == (b.line, b.item_lines)
            for x, y in zip(a, b):
                same(x, y)

    for f in files:
        text = f.read_text(encoding="utf-8")
        same(yaml.load(text, Loader=yamlfile._CLoader), yaml.load(text, Loader=yamlfile._Loader))  # noqa: S506


def test_syntax_errors_read_as_the_pure_python_parser_words_them():
    # libyaml says "did not find expected ',' or ']'"; editors (and the quiz tests) see PyYAML's wording
    _, problems = loads("a: {b: 1\nc: 2\n", "f.yml", line_offset=3)
    assert [str(p) for p in problems] == ["f.yml:5: the YAML here cannot be read: a {...} value is not closed or has a ',' too many: check the braces, or put the text in quotes"]
