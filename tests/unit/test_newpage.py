import datetime as dt
import shutil
from pathlib import Path

from scripts import pagecheck, translations
from scripts.newpage import add_to_nav, create
from scripts.pages import parse
from scripts.site import Site

ROOT = Path(__file__).resolve().parents[2]
NAV = "nav:\n  - index.md\n  - Tecken:\n      - tecken/index.md\n      - tecken/barn.md\n      - tecken/sjalvtest.md\n  - ordlista.md\n"


def test_add_to_nav_before_selftest_and_at_end():
    out = add_to_nav(NAV, "tecken/ny.md")
    assert "      - tecken/barn.md\n      - tecken/ny.md\n      - tecken/sjalvtest.md\n" in out
    assert add_to_nav(NAV, "ny.md").endswith("  - ordlista.md\n  - ny.md\n")


def test_new_page_writes_both_languages_that_pass_structure_checks(tmp_path):
    (tmp_path / "docs").mkdir()
    shutil.copytree(ROOT / "docs" / "_data", tmp_path / "docs" / "_data")
    (tmp_path / "mkdocs.yml").write_text(NAV)
    site = Site(tmp_path, settings={"review_interval_months": 12})
    assert create(site, "tecken/nya-tecken", "Nya tecken", "New signs", dt.date(2026, 11, 23)) == []
    sv, en = (parse(tmp_path / "docs" / f, tmp_path / "docs") for f in ("tecken/nya-tecken.md", "tecken/nya-tecken.en.md"))
    assert sv.meta["title"] == "Nya tecken" and en.meta["title"] == "New signs" and sv.meta["reviewed"] == "2026-11-23"
    assert "tecken/nya-tecken.md" in (tmp_path / "mkdocs.yml").read_text()
    assert translations.compare(sv, en) == []
    msgs = [p.message for p in pagecheck.check_page(sv, {"kompetenscentrum": {}})]
    assert msgs == [msgs[0]] and msgs[0].startswith("only ")  # only the word count is left for the editor


def test_new_page_refuses_bad_name_and_existing(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(NAV)
    site = Site(tmp_path, settings={})
    assert "is not a valid page name" in create(site, "Tecken/Ny sida", "a", "b")[0].message
    assert create(site, "x", "a", "b") == []
    assert create(site, "x", "a", "b")[0].message == "the page already exists"
