from scripts.pages import parse_text
from scripts.translations import compare

FM = "---\ntitle: T\nowner: kompetenscentrum\nreviewed: 2026-11-23\nsources: [sou-2023-97]\n---\n"


def pair(sv_body, en_body, en_fm=FM):
    return parse_text(FM + sv_body, "a.md", "docs/a.md"), parse_text(en_fm + en_body, "a.en.md", "docs/a.en.md")


def msgs(sv, en):
    return [str(p) for p in compare(sv, en)]


def test_same_structure_passes():
    assert msgs(*pair("## Tecken { #tecken }\n\n!!! do \"Gör så här\"\n    x\n", "## Signs { #tecken }\n\n!!! do \"Do this\"\n    x\n")) == []


def test_heading_id_differs():
    sv, en = pair("## A { #a }\n\n## B { #b }\n", "## A { #a }\n\n## B { #bee }\n")
    assert msgs(sv, en) == ["docs/a.en.md:9: heading №2 is '## B { #bee }', the Swedish page has '## B { #b }' at line 9"]


def test_missing_admonition_and_marker():
    sv, en = pair("## A { #a }\n\n<!-- contacts: barn-akut -->\n", "## A { #a }\n")
    assert msgs(sv, en) == ["docs/a.en.md:7: missing marker '<!-- contacts: barn-akut -->' (Swedish page a.md line 9)"]


def test_extra_heading_and_meta():
    sv, en = pair("## A { #a }\n", "## A { #a }\n\n### C { #c }\n", FM.replace("2026-11-23", "2025-01-01"))
    assert msgs(sv, en) == ["docs/a.en.md:4: front matter 'reviewed' is '2025-01-01', the Swedish page has '2026-11-23'",
                            "docs/a.en.md:9: extra heading '### C { #c }' that the Swedish page does not have"]
