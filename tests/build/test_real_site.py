"""The real site, built: both city editions, every phone number and e-mail traced to the contacts file,
Sources on every page, quiz assets only where there is a quiz."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("TEST_SITE", ROOT / "build" / "test-site"))
PROPERDOCS = str(Path(sys.executable).parent / "properdocs")


def build_real(dest: Path, **env) -> None:
    e = dict(os.environ, SITE_URL=f"http://127.0.0.1:{os.environ.get('TEST_PORT', '8765')}/", NO_MKDOCS_2_WARNING="1",
             DISABLE_MKDOCS_2_WARNING="true", **env)
    res = subprocess.run([PROPERDOCS, "build", "-f", "mkdocs.yml", "--strict", "-d", str(dest)], cwd=ROOT, env=e, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-3000:]


@pytest.fixture(scope="module")
def site() -> Path:
    if not (SITE / "index.html").exists():
        build_real(SITE)
    return SITE


@pytest.fixture(scope="module")
def stockholm(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("sthlm") / "site"
    build_real(dest, CITY="stockholm")
    return dest


def pages(site: Path):
    for f in sorted(site.rglob("index.html")):
        rel = f.relative_to(site).as_posix()
        if not rel.startswith(("assets/", "pagefind/")):
            yield rel, f.read_text(encoding="utf-8")


def text_of(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def contacts_file():
    return yaml.safe_load((ROOT / "docs/_data/contacts.yml").read_text(encoding="utf-8"))["contacts"]


def digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def test_every_phone_number_and_email_on_the_site_is_in_the_contacts_file(site):
    known_phones, known_mail = set(), set()
    for c in contacts_file():
        reach = c.get("reach") or {}
        for p in reach.get("phone") or []:
            assert c.get("sources") and c.get("verified"), f"{c['id']}: a number without source and date"
            known_phones.add(digits(p["number"]))
        if reach.get("email"):
            known_mail.add(reach["email"])
    number_re = re.compile(r"(?<![\w/.:\-])(0\d{1,3}[- ]\d{2,4}(?: ?\d{2,3}){0,3}|\+46[\d -]{7,14}|11[0-9] ?\d{2}|116 ?\d{3})(?![\w\-])")
    found = {}
    for rel, html in pages(site):
        for href in re.findall(r'href="tel:([^"]+)"', html):
            found.setdefault(digits(href), rel)
        for n in number_re.findall(text_of(html)):
            found.setdefault(digits(n), rel)
        for m in re.findall(r'href="mailto:([^"]+)"', html):
            assert m in known_mail, f"{rel}: e-mail {m} is not in contacts.yml"
    unknown = {n: where for n, where in found.items() if n not in known_phones}
    assert unknown == {}, f"numbers on the site that are not in contacts.yml: {unknown}"
    assert {"112", "11414", "020505050", "116111"} <= set(found)  # the confirmed lines are shown


def test_every_tel_link_dials_exactly_the_number_it_shows(site):
    links = 0
    for rel, html in pages(site):
        for href, shown in re.findall(r'<a class="contact__phone" href="tel:([^"]+)">([^<]+)</a>', html):
            links += 1
            assert re.fullmatch(r"[0-9][0-9 -]*[0-9]", shown), f"{rel}: {shown!r} is not only digits, spaces and dashes"
            assert href == digits(shown), f"{rel}: tel:{href} dials another number than {shown!r}"
    assert links > 50


def test_goteborg_edition_shows_its_own_and_national_services(site):
    html = (site / "kontakter/index.html").read_text(encoding="utf-8")
    assert "Mikamottagningen" in html and "Barnahus Göteborg" in html and "Socialjouren Göteborg" in html
    assert "Kvinnofridslinjen" in html and "BRIS" in html
    assert "Ungdomsjouren" not in html and "Barnahus Stockholm" not in html


def test_stockholm_edition_shows_its_own_and_national_services(stockholm):
    for lang in ("", "en/"):
        html = (stockholm / lang / "kontakter/index.html").read_text(encoding="utf-8")
        assert "Ungdomsjouren" in html and "Barnahus Stockholm" in html and "Mika Hälsa" in html
        assert "Kvinnofridslinjen" in html and "BRIS" in html
        assert "Barnahus Göteborg" not in html and "Socialjouren Göteborg" not in html
    box = (stockholm / "agera/skolan/index.html").read_text(encoding="utf-8")
    assert "Socialjouren Göteborg" not in box and 'href="tel:112"' in box


def test_every_page_lists_its_sources_and_facts(site):
    # the help cards (hjalp/LANG/) are hand-out pages, not site pages: they name the contacts register and its date
    missing = [rel for rel, html in pages(site) if not rel.startswith("hjalp/")
               and ('id="kallor"' not in html or "page-meta" not in html)]
    assert missing == [], missing


def test_quiz_assets_only_on_quiz_pages(site):
    with_quiz = {rel for rel, html in pages(site) if "assets/javascripts/quiz.js" in html}
    have_form = {rel for rel, html in pages(site) if "data-quiz=" in html}
    assert with_quiz == have_form and "tecken/sjalvtest/index.html" in have_form
    assert "index.html" not in with_quiz


def test_legislation_pages_show_legal_status_date(site):
    for lang in ("", "en/"):
        html = (site / lang / "lagstiftning/index.html").read_text(encoding="utf-8")
        assert re.search(r"(Rättsläget per|Legal status as of).{0,80}\d{4}-\d{2}-\d{2}", text_of(html), re.S)
