import datetime as dt

import pytest

from scripts.languages import sitemap_for
from scripts.markers import expand, find_markers
from scripts.problems import ContentError
from scripts.review import add_months, page_review
from scripts.yamlfile import loads


def test_find_markers_skips_code():
    text = "a <!-- law: brb-6-11 --> b\n```\n<!-- quiz: x -->\n```\n`<!-- quiz: y -->`\n<!-- contacts: barn-akut -->\n"
    assert [(m.name, m.arg, m.line) for m in find_markers(text)] == [("law", "brb-6-11", 1), ("contacts", "barn-akut", 6)]


def test_expand_collects_all_problems():
    def quiz(arg, ctx):
        if arg != "ok":
            raise LookupError(f"unknown quiz '{arg}' (known: ok)")
        return "<form></form>"
    out = expand("x <!-- quiz: ok --> y", None, {"quiz": quiz}, "docs/a.md")
    assert out == "x <form></form> y"
    with pytest.raises(ContentError) as e:
        expand("<!-- quiz: nej -->\n\n<!-- qiuz: ok -->", None, {"quiz": quiz}, "docs/a.md", line_offset=10)
    assert [str(p) for p in e.value.problems] == ["docs/a.md:11: unknown quiz 'nej' (known: ok)",
                                                  "docs/a.md:13: unknown marker 'qiuz' (known markers: quiz)"]


def test_yaml_lines_and_syntax_error():
    data, problems = loads("a:\n  b: 1\nlist:\n  - x\n  - y\n", "f.yml")
    assert problems == [] and data.key_lines == {"a": 1, "list": 3} and data["list"].item_lines == [4, 5]
    assert data["a"].key_lines == {"b": 2}
    _, problems = loads("a: [1, 2\nb: 3\n", "f.yml")
    assert [str(p) for p in problems] == ["f.yml:2: the YAML here cannot be read: a [...] list is not closed or has a ',' too many: check the brackets, or put the text in quotes"]
    data, _ = loads("d: 2026-11-23\n", "f.yml")
    assert data["d"] == "2026-11-23"  # dates stay text


def test_sitemap_for():
    xml = ('<?xml version="1.0"?>\n<urlset>\n    <url>\n        <loc>https://x/</loc>\n    </url>\n'
           '    <url>\n        <loc>https://x/en/</loc>\n    </url>\n</urlset>')
    out = sitemap_for(xml, "https://x/en/")
    assert "<loc>https://x/en/</loc>" in out and "<loc>https://x/</loc>" not in out and out.strip().endswith("</urlset>")


def test_review_dates():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert page_review({"reviewed": "2025-11-01"}, 12, dt.date(2026, 11, 23)) == {"next_review": "2026-11-01", "review_due": True}
    assert page_review({"reviewed": "2026-11-23", "review_interval_months": 6}, 12, dt.date(2026, 11, 23))["next_review"] == "2027-05-23"
