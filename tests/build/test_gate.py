"""One gate: each mistake an editor makes is refused by `make check` and by the build with the same
`path:line: message`. The mistakes are planted together in one copy of the whole project (real hooks, data,
quizzes and pages), which is checked once and built once: every expected line must be in both outputs."""
from __future__ import annotations

import re

import pytest

from tests.helpers import build, check, make_project, own_quizzes, page

OK = page("Start", "## Välkommen { #valkommen }\n\nMänniskohandel är ett brott. Läs [mer](#valkommen).")
BODY = "## Rubrik {{ #rubrik }}\n\nText.\n\n{}\n"
LOOKS_LIKE = {  # page: (as written, the right form)
    "prov/kolon.md": ("<!-- law brb-6-11 -->", "<!-- law: brb-6-11 -->"),   # the colon missing
    "prov/mellanslag.md": ("<!--law:brb-6-11-->", "<!-- law: brb-6-11 -->"),  # the spaces missing
    "prov/versaler.md": ("<!-- LAW: brb-6-11 -->", "<!-- law: brb-6-11 -->"),  # capitals
}
LINKS = "## Rubrik { #rubrik }\n\nSe [sidan](finns-inte.md) och [rubriken](#saknas) och [den](annan.md#rubrk).\n"
PHONE = "the link dials exactly the number shown"


def _lines(path, needle):
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle(line)]


def _known_markers() -> str:
    from scripts.render import renderers
    return ", ".join(sorted(renderers()))  # the registry: markers added later are listed too


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """(expected lines, check output, build output) for a project with one of each mistake."""
    pages = {"prov/sida.md": OK,
             "prov/dubbel.md": OK.replace("owner: kompetenscentrum\n", "owner: kompetenscentrum\nowner: någon\n"),
             "prov/datum.md": page("Start", "## A { #a }\n\nText.", reviewed="2026-13-45"),
             "prov/oavslutad.md": OK.replace("---\n\n## Välkommen", "\n## Välkommen"),
             "prov/lankar.md": page("Start", LINKS), "prov/annan.md": page("Annan", "## Rubrik { #rubrik }\n\nText."),
             "prov/glomd.md": OK, "prov/latin1.md": OK,
             "prov/siffror.md": page("Siffror", "## Rubrik { #rubrik }\n\nDet fanns 4 711 offer och 12 474 annonser.")}
    for name, (written, _) in LOOKS_LIKE.items():
        pages[name] = page("Start", BODY.format(written))
        pages[name.replace(".md", ".en.md")] = page("Home", BODY.format(written))  # the same typo in both languages
    proj = make_project(tmp_path_factory.mktemp("gate"), pages, nav=[p for p in pages if p != "prov/glomd.md" and ".en." not in p])
    docs = proj / "docs"
    (docs / "prov" / "latin1.md").write_bytes(OK.replace("Människohandel", "Människohandel är så").encode("latin-1"))
    contacts = docs / "_data" / "contacts.yml"
    text = contacts.read_text(encoding="utf-8").replace("  - id: safe-havens\n", "  - id: safe-havens\n    area: goteborg\n", 1)
    contacts.write_text(text.replace('"073-920 68 17"', '"073-92S 68 17"'), encoding="utf-8")
    quiz = own_quizzes(proj) / "grunder.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("version: ", 'title: {sv: "Dubbel", en: "Double"}\nversion: ', 1),
                    encoding="utf-8")

    first = _lines(contacts, lambda s: s == "  - id: safe-havens")[0] + 1
    second = next(n for n in _lines(contacts, lambda s: s == "    area: national") if n > first)
    t1, t2 = _lines(quiz, lambda s: s.startswith("title:"))
    phone = _lines(contacts, lambda s: '"073-92S 68 17"' in s)[0]
    twice = "keep one of them and delete the other, only one value can be used"
    expected = {
        "duplicate key in a data file": f"docs/_data/contacts.yml:{second}: 'area' is written twice in the same block (first on line {first}): {twice}",
        "duplicate key in a quiz": f"quizzes/grunder.yml:{max(t1, t2)}: 'title' is written twice in the same block (first on line {min(t1, t2)}): {twice}",
        "duplicate key in front matter": f"docs/prov/dubbel.md:5: 'owner' is written twice in the same block (first on line 4): {twice}",
        "a date that does not exist": "docs/prov/datum.md:5: reviewed: '2026-13-45' is not a real date: write a date that exists, "
                                      "as YYYY-MM-DD (year, month 01-12, day), e.g. 2026-11-23",
        "front matter not closed": "docs/prov/oavslutad.md:1: the front matter that starts here is never closed: add a line with "
                                   "only --- after the last field (sources:), before the page text",
        "phone number with a letter": f"docs/_data/contacts.yml:{phone}: contact 'safe-havens': phone number '073-92S 68 17' contains "
                                      "'S': a phone number has only digits, spaces and dashes (e.g. 031-123 45 67, 020-50 50 50, "
                                      f"020-390 000, 114 14, 116 111 or 112), so that {PHONE}",
        "link to a missing page": "docs/prov/lankar.md:13: link to 'finns-inte.md', which does not exist: link to the Swedish file "
                                  "name (e.g. ../tecken/barn.md), also from English pages",
        "link to a missing anchor": "docs/prov/lankar.md:13: link to '#saknas': prov/lankar.md has no heading with the id '#saknas': "
                                    "use an id written as { #id } after a heading on that page",
        "link to a mistyped anchor": "docs/prov/lankar.md:13: link to 'annan.md#rubrk': prov/annan.md has no heading with the id "
                                     "'#rubrk': did you mean '#rubrik'? use an id written as { #id } after a heading on that page",
        "page missing from the nav": "docs/prov/glomd.md:1: this page is not in the menu: add the line '- prov/glomd.md' under its "
                                     "section in nav: in mkdocs.yml (make new-page does it for new pages)",
        "a figure not in the sources": "docs/prov/siffror.md:13: 4 711 is not in the sources this page cites (sou-2023-97): "
                                       "correct it to what the source says, cite the source it comes from, or give the reason "
                                       "in docs/_data/figure-exceptions.yml",
        "file not in UTF-8": "docs/prov/latin1.md:11: the file is not saved as UTF-8 (the character on this line, byte 0xe4, is in "
                             "another encoding, e.g. Latin-1): in your editor choose 'Save with encoding' UTF-8, check that å, ä "
                             "and ö look right, and save again",
    }
    for name, (written, fixed) in LOOKS_LIKE.items():
        for n in (name, name.replace(".md", ".en.md")):
            expected[f"marker look-alike {written} in {n}"] = (
                f"docs/{n}:15: '{written}' looks like a marker but is not written exactly like one (the build would not "
                f"replace it): write it as '{fixed}' (lower case, spaces inside the comment, a colon and a space after the "
                f"name; known markers: {_known_markers()})")
    chk = check(proj)
    res = build(proj)
    return expected, chk, res, proj


CASES = ["duplicate key in a data file", "duplicate key in a quiz", "duplicate key in front matter", "a date that does not exist",
         "front matter not closed", "phone number with a letter", "link to a missing page", "link to a missing anchor",
         "link to a mistyped anchor", "page missing from the nav", "file not in UTF-8", "a figure not in the sources"] + [
         f"marker look-alike {w} in {n}" for name, (w, _) in LOOKS_LIKE.items() for n in (name, name.replace(".md", ".en.md"))]


@pytest.mark.parametrize("case", CASES)
def test_check_and_build_refuse_with_the_same_line(planted, case):
    expected, chk, res, proj = planted
    line = expected[case]
    assert chk.returncode == 1
    assert line in chk.stdout.splitlines(), chk.stdout
    assert res.returncode != 0
    assert line in res.stderr.replace(str(proj) + "/", "").splitlines(), res.stderr[-3000:]


def test_the_build_publishes_nothing_and_says_so(planted):
    _, chk, res, proj = planted
    assert "nothing was published" in res.stderr
    assert not (proj / "site" / "index.html").exists()
    # check and build list exactly the same errors
    errors = sorted(line for line in chk.stdout.splitlines() if ": warning: " not in line)
    built = res.stderr.replace(str(proj) + "/", "").splitlines()
    assert errors and all(e in built for e in errors)
    assert "cannot start any token" not in chk.stdout + res.stderr
    assert "12 474 is not" not in chk.stdout  # in SOU 2023:97, written the same way
    assert "figures: " in chk.stderr and " checked against the sources" in chk.stderr


def test_known_markers_come_from_the_registry():
    from scripts.markers import lookalikes
    (line, msg), = lookalikes("<!-- while x -->", {"law": None, "while": None})
    assert "write it as '<!-- while: x -->'" in msg and "known markers: law, while" in msg
    assert lookalikes("<!-- anteckning till redaktören: ses över -->", {"law": None}) == []  # ordinary comments are left alone


def test_tel_link_dials_exactly_the_digits_shown():
    from scripts.contacts import tel_href
    assert tel_href("031-365 87 00") == "tel:0313658700"
    with pytest.raises(LookupError, match="contains 'S'"):
        tel_href("031-36S 87 00")


def test_yaml_syntax_errors_are_explained_in_plain_words():
    from scripts.yamlfile import loads
    _, problems = loads("owners:\n\t- id: x\n", "docs/_data/owners.yml")
    assert [str(p) for p in problems] == [
        "docs/_data/owners.yml:2: the YAML here cannot be read: a tab or a character YAML does not allow here: indent with "
        "spaces (never tabs), and put text that starts with @, ` or % in quotes"]


def test_a_correct_copy_with_a_byte_order_mark_passes_check_and_build(tmp_path):
    """An editor whose editor saves a BOM (Windows Notepad) gets the same page as one whose does not."""
    proj = make_project(tmp_path, {"prov/sida.md": OK})
    (proj / "docs" / "prov" / "sida.md").write_text("\ufeff" + OK, encoding="utf-8")
    f = proj / "docs" / "_data" / "owners.yml"
    f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes())
    chk = check(proj)
    assert chk.returncode == 0, chk.stdout
    res = build(proj)
    assert res.returncode == 0, res.stderr[-3000:]
    html = (proj / "site" / "prov" / "sida" / "index.html").read_text(encoding="utf-8")
    assert 'id="kallor"' in html and "Senast granskad" in html and "title: Start" not in html
