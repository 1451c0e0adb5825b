"""The figure check: numbers read in Swedish and English formats, source texts normalised, the whole site traced."""
from __future__ import annotations

from scripts import figures
from scripts.site import Site
from tests.helpers import make_project, own_quizzes


def test_swedish_and_english_formats_are_one_value():
    assert figures.figures_in("12 474 annonser, 1,5 procent, 15 år, 2,8 %", "sv") == [
        ("12474", False, "12 474"), ("1,5", True, "1,5 procent"), ("15", False, "15"), ("2,8", True, "2,8 %")]
    assert figures.figures_in("12,474 ads, 1.5 per cent, aged 15, 2.8%", "en") == [
        ("12474", False, "12,474"), ("1,5", True, "1.5 per cent"), ("15", False, "15"), ("2,8", True, "2.8%")]
    assert figures.figures_in("SOU 2023:97 och lag (2018:1937)", "sv") == [("2023:97", False, "2023:97"), ("2018:1937", False, "2018:1937")]


def test_what_is_not_prose_is_not_a_figure():
    line = "Se [steg 3](../agera/steg-3.md#steg-3) <!-- law: brb-6-11 --> `kod 42` www.example.se/2024 {: #id-7 }"
    assert [v for v, _, _ in figures.figures_in(line, "sv")] == ["3"]


def test_source_text_is_normalised(tmp_path):
    f = tmp_path / "kalla.txt"
    # a figure broken over lines, a word hyphenated at a line end, a scanned "i" read as "1"
    f.write_text("hade 12\n474 annonser och 24 pro-\ncent av dem presenteras 1 handlingsplanen", encoding="utf-8")
    values, percents = figures.source_figures(f)
    assert "12474" in values and "24" in percents and "1" not in values


def test_the_whole_site_is_traced_with_few_exceptions():
    site = Site()
    problems = [p for p in figures.check(site) if p.level == "error"]
    assert problems == []
    assert figures.LAST_COUNTS["checked"] > 2000
    excs, _ = figures.exceptions(site)
    assert 0 < figures.LAST_COUNTS["excepted"] and len(excs) <= 10 and all(e["reason"].strip() for e in excs)


def test_a_quiz_figure_is_looked_up_in_the_sources_of_its_question(tmp_path):
    proj = make_project(tmp_path, {})
    q = own_quizzes(proj) / "grunder.yml"
    text = q.read_text(encoding="utf-8")
    old = 'sv: "Eftersom hon har fyllt 15 år och samtycker är det inget brott."'
    assert old in text
    q.write_text(text.replace(old, 'sv: "Eftersom hon har fyllt 15 år och 4 711 andra samtycker är det inget brott."'), encoding="utf-8")
    line = next(n for n, s in enumerate(q.read_text(encoding="utf-8").splitlines(), 1) if "4 711" in s)
    msgs = [str(p) for p in figures.check(Site(root=proj))]
    assert any(m.startswith(f"{proj}/quizzes/grunder.yml:{line}: 4 711 is not in the sources this question cites (") or
               m.startswith(f"quizzes/grunder.yml:{line}: 4 711 is not in the sources this question cites (") for m in msgs), msgs


def test_an_exception_no_longer_needed_is_a_warning(tmp_path):
    proj = make_project(tmp_path, {})
    f = proj / "docs" / "_data" / "figure-exceptions.yml"
    f.write_text(f.read_text(encoding="utf-8") + '  - path: om.md\n    figure: "99"\n    reason: "test"\n', encoding="utf-8")
    msgs = [str(p) for p in figures.check(Site(root=proj))]
    assert any("exception for 99 on om.md is no longer needed: delete it" in m and ": warning: " in m for m in msgs), msgs
