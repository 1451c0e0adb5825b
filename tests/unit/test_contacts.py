"""Contacts: data checks with path:line, phone numbers in pages, the boxes and the directory per edition."""
from __future__ import annotations

import datetime as dt
import html as html_mod
import re

import pytest

from scripts import contacts
from scripts.markers import expand
from scripts.problems import ROOT, ContentError
from scripts.render import RenderContext
from scripts.site import Site

FIX = ROOT / "tests" / "fixtures" / "contacts" / "site"
FIX_REL = "tests/fixtures/contacts/site"
TODAY = dt.date(2026, 11, 23)
HINT = "add it to docs/_data/contacts.yml and use <!-- contacts: ... -->"


def fixture_site(city: str = "a") -> Site:
    return Site(FIX, settings={"city": city, "review_interval_months": 12}, docs=FIX / "docs")


def real_site(city: str) -> Site:
    return Site(ROOT, settings={"city": city, "review_interval_months": 12})


def ctx(site: Site, lang: str = "sv", src: str = "agera/skolan.md", page_url: str = "agera/skolan/") -> RenderContext:
    return RenderContext(lang=lang, src=src, site=site, page_url=page_url, today=TODAY)


def messages(problems, level=None) -> list[str]:
    return [str(p) for p in problems if level is None or p.level == level]


@pytest.fixture(scope="module")
def fixture_problems():
    return messages(contacts.check(fixture_site(), today=TODAY))


# ---------------------------------------------------------------- checks on the fixture site

def test_fixture_problems_exactly(fixture_problems):
    assert sorted(fixture_problems) == sorted([
        f"{FIX_REL}/docs/_data/contacts.yml:48: warning: contact 'mottagning-a' was last verified 2024-01-15, "
        "more than 12 months ago: check it against its source and update `verified`",
        f"{FIX_REL}/docs/_data/contacts.yml:65: contact 'linje-x': phone number '020505050' is not in Swedish format "
        "(e.g. 031-123 45 67, 020-50 50 50, 020-390 000, 114 14, 116 111 or 112)",
        f"{FIX_REL}/docs/_data/contacts.yml:70: contact 'utan-kalla' has phone, e-mail or web but no sources and no verified: "
        "say where the details come from and when they were checked",
        f"{FIX_REL}/docs/_data/situations.yml:26: situation 'barn-oro': unknown contact 'finns-inte' (not in docs/_data/contacts.yml)",
        f"{FIX_REL}/docs/_data/situations.yml:45: warning: situation 'kopare-sluta' shows no contacts in the edition 'a'",
        f"{FIX_REL}/docs/sida.md:15: unknown contacts situation 'okand-situation' (known: akut-fara, barn-akut, barn-natet, "
        "barn-oro, kopare-sluta, vuxen-utsatt, yrkesverksam-rad)",
        f"{FIX_REL}/docs/sida.md:17: phone number '020-50 50 50' written in the page: {HINT}",
        f"{FIX_REL}/docs/sida.md:21: phone number '112' written in the page: {HINT}",
        f"{FIX_REL}/docs/sida.md:23: e-mail address 'info@example.se' written in the page: {HINT}",
        f"{FIX_REL}/docs/sida.md:30: write the contacts marker at the start of its own line, not indented inside "
        "an admonition or a list (the box is a block of its own)",
    ])


def test_stale_verification_is_a_warning_only_when_old():
    fresh = messages(contacts.check(fixture_site(), today=dt.date(2025, 1, 14)), "warning")
    assert not any("last verified" in m for m in fresh)
    stale = [p for p in contacts.check(fixture_site(), today=dt.date(2025, 1, 16)) if "last verified" in p.message]
    assert [p.level for p in stale] == ["warning"]


def test_unknown_situation_in_marker_fails_the_render_with_path_and_line():
    site = fixture_site()
    page = next(p for p in site.pages() if p.src == "sida.md")
    with pytest.raises(ContentError) as e:
        expand(page.body, ctx(site, src="sida.md", page_url="sida/"), contacts.RENDERERS, str(page.path),
               line_offset=page.body_line - 1)
    msgs = [str(p) for p in e.value.problems]
    assert f"{FIX_REL}/docs/sida.md:15: unknown contacts situation 'okand-situation' (known: akut-fara, barn-akut, " \
           "barn-natet, barn-oro, kopare-sluta, vuxen-utsatt, yrkesverksam-rad)" in msgs
    # barn-oro lists an unknown contact: the build names the situation and the id at the marker's line
    assert f"{FIX_REL}/docs/sida.md:30: situation 'barn-oro': unknown contact 'finns-inte' " \
           "(not in docs/_data/contacts.yml)" in msgs


def test_unknown_city():
    site = fixture_site("c")
    problems = messages(contacts.check(site, today=TODAY))
    assert f"{FIX_REL}/mkdocs.yml:2: unknown city 'c' (extra.city or CITY): known editions in docs/_data/cities.yml: a, b" in problems
    with pytest.raises(LookupError, match=r"unknown city 'c' .*known editions in docs/_data/cities.yml: a, b"):
        contacts.render_box("akut-fara", ctx(site))


# ---------------------------------------------------------------- phone numbers

@pytest.mark.parametrize("number", ["112", "114 14", "116 016", "116 111", "020-50 50 50", "020-390 000",
                                    "020-80 80 80", "020-55 00 00", "073-920 68 17", "031-365 87 00", "08-508 437 26"])
def test_valid_phone(number):
    assert contacts.valid_phone(number)


@pytest.mark.parametrize("number", ["020505050", "0739206817", "+46 20 50 50 50", "11414", "114-14", "020 50 50 50",
                                    "02-50 50", "031-365 87 00 00 0", "08-50", "113", "phone"])
def test_invalid_phone(number):
    assert not contacts.valid_phone(number)


def test_tel_href_keeps_digits_only():
    assert contacts.tel_href("020-50 50 50") == "tel:020505050"
    assert contacts.tel_href("114 14") == "tel:11414"


@pytest.mark.parametrize("line, found", [
    ("Ring Kvinnofridslinjen på 020-50 50 50.", ["020-50 50 50"]),
    ("Numret 0739206817 står på sidan.", ["0739206817"]),
    ("Ring 031-3658700 eller +46 31 365 87 00.", ["031-3658700", "+46 31 365 87 00"]),
    ("Ring polisen på 114 14 eller BRIS på 116 111.", ["114 14", "116 111"]),
    ("Call 112 at once.", ["112"]),
    ("Ring alltid nödnumret 112 vid fara.", ["112"]),
    ("I enkäten svarade 112 personer.", []),
    ("Lagen gäller sedan 2025-07-01 (SFS 2018:601) och 6 kap. 11 §.", []),
    ("Kapitel 112, sidan 20-39 och åren 2022–2024.", []),
    ("Se <!-- contacts: akut-fara --> och `020-50 50 50` i kod.", []),
    ("Länk [här](https://example.se/020-50-50-50) fungerar.", []),
    ("Mellan 07-21 varje dag, 116 000 kronor.", []),
])
def test_phone_numbers_in_text(line, found):
    assert contacts.phone_numbers_in_text(line) == found


# ---------------------------------------------------------------- rendering: the real data, both editions

def directory(city: str, lang: str = "sv") -> str:
    site = real_site(city)
    return contacts.render_directory("", ctx(site, lang, "kontakter/index.md", "kontakter/" if lang == "sv" else "en/kontakter/"))


NATIONAL = ["Kvinnofridslinjen", "BRIS stödlinje för barn och unga", "Nationella stödtelefonen mot prostitution och människohandel",
            "ECPAT Hotline", "ECPAT Vuxenstöd", "Talita", "PrevenTell", "Stödlinjen för män", "Stödlinjen för transpersoner",
            "Unizon – kvinnojourer, tjejjourer och ungdomsjourer", "112 – nödnumret", "Polisen"]


def names(html: str) -> set[str]:
    return {html_mod.unescape(n) for n in re.findall(r'<p class="contact__name"><strong>([^<]+)</strong>', html)}


def test_goteborg_edition_shows_its_own_and_national_contacts():
    html = directory("goteborg")
    shown = names(html)
    for name in ["Mikamottagningen", "KAST – Köpare av sexuella tjänster", "Barnahus Göteborg", "Socialjouren Göteborg",
                 "Regionalt stödcentrum heder", "Sexualmedicinskt centrum Pilen (SMC-Pilen)", "Boendet Ruth",
                 "Regionkoordinatorerna mot prostitution och människohandel, region Väst", *NATIONAL]:
        assert name in shown, name
    for name in ["Barnahus Stockholm", "Ungdomsjouren", "Mika Hälsa", "Stödcentrum för unga brottsutsatta",
                 "Regionkoordinatorer mot prostitution och människohandel i Stockholms län"]:
        assert name not in shown, name
    assert "Den här upplagan gäller Göteborg." in html


def test_stockholm_edition_shows_its_own_and_national_contacts():
    html = directory("stockholm", "en")
    shown = names(html)
    for name in ["Barnahus Stockholm (children's advocacy centre)", "Ungdomsjouren (youth outreach service)", "Mika Hälsa",
                 "Regional coordinators against prostitution and human trafficking in Stockholm County", "Mikamottagningen",
                 "Kvinnofridslinjen (national support line for women)", "BRIS support line for children and young people"]:
        assert name in shown, name
    for name in ["Barnahus Gothenburg (children's advocacy centre)", "Socialjouren Göteborg (social services on call)",
                 "Ruth, a safe house", "Rosenlundstödet"]:
        assert name not in shown, name
    assert "This edition is for Stockholm." in html
    assert "18 and over (National Board of Health and Welfare, Kunskapsguiden)" in html  # Mikamottagningen Stockholm


def test_directory_is_plain_sections_with_ids():
    md = directory("goteborg")
    headings = re.findall(r"^(#{2,3}) (.+?) \{ #([a-z0-9-]+) \}$", md, re.M)
    assert [(h, i) for h, _, i in headings][:5] == [("##", "akut"), ("##", "barn"), ("###", "barn-akut"),
                                                     ("###", "barn-oro"), ("###", "barn-natet")]
    titles = [t for h, t, _ in headings if h == "##"]
    assert titles[:5] == ["Akut fara", "Ett barn", "En vuxen", "Jag är yrkesverksam och behöver råd",
                          "Någon som köper sex och vill sluta"]
    assert "## Efter målgrupp { #malgrupp }" in md and "### Yrkesverksamma { #malgrupp-yrkesverksamma }" in md
    ids = re.findall(r' id="([^"]+)"', md)
    assert len(ids) == len(set(ids))  # each contact card is anchored once
    for target in re.findall(r'href="#(kontakt-[^"]+)"', md):
        assert target in ids


def box(city: str, situation: str, lang: str = "sv") -> str:
    url = "agera/skolan/" if lang == "sv" else "en/agera/skolan/"
    return contacts.render_box(situation, ctx(real_site(city), lang, page_url=url))


def first_numbers(html: str) -> list[str]:
    return re.findall(r'<a class="contact__phone" href="tel:(\d+)">', html)


@pytest.mark.parametrize("city", ["goteborg", "stockholm"])
def test_every_acute_box_starts_with_112_then_the_police(city):
    data = contacts.load(real_site(city))
    acute = [sid for sid, s in data.situations.items() if s.get("acute")]
    assert {"akut-fara", "barn-akut"} <= set(acute)
    for sid in acute:
        html = box(city, sid)
        cards = re.findall(r'<li class="contact">.*?</li>', html)
        assert 'href="tel:112"' in cards[0] and 'href="tel:11414"' in cards[1], sid
        assert first_numbers(html)[:2] == ["112", "11414"]


def test_goteborg_acute_box_has_socialjour_third_without_a_number():
    html = box("goteborg", "akut-fara")
    cards = re.findall(r'<li class="contact">.*?</li>', html)
    assert "Socialjouren Göteborg" in cards[2]
    assert "tel:" not in cards[2] and "Inga kontaktuppgifter bekräftade" in cards[2]
    assert "031" not in html  # the unconfirmed number is never published


def test_non_acute_box_has_no_emergency_prefix():
    html = box("goteborg", "kopare-sluta")
    assert "tel:112" not in html and "KAST" in html and "PrevenTell" in html


def test_box_markup():
    html = box("goteborg", "barn-oro", "en")
    assert html.startswith('<aside class="contacts-box" aria-labelledby="vem-ringer-barn-oro">')
    assert '<h2 class="contacts-box__title" id="vem-ringer-barn-oro"><span class="contacts-box__kicker">Who do I call?</span>' in html
    assert '<a class="contact__phone" href="tel:116111">116 111</a>' in html
    assert "Verified: <time datetime=\"2026-11-22\">2026-11-22</time>." in html
    assert '<a href="../../kontakter/#barn">' in html  # from en/agera/skolan/ to en/kontakter/
    assert "\n" not in html  # one line: safe inside any Markdown block


def test_two_boxes_on_one_page_get_unique_ids():
    c = ctx(real_site("goteborg"))
    a, b = contacts.render_box("barn-oro", c), contacts.render_box("barn-oro", c)
    assert 'id="vem-ringer-barn-oro"' in a and 'id="vem-ringer-barn-oro-2"' in b


def test_unconfirmed_contact_texts():
    sv = directory("goteborg")
    ruth = re.search(r'<li class="contact" id="kontakt-raddningsmissionen-ruth">.*?</li>', sv).group(0)
    assert ('Kontaktuppgifter ej bekräftade – se organisationens webbplats: '
            '<a href="https://raddningsmissionen.se">raddningsmissionen.se</a>') in ruth
    preventell = re.search(r'<li class="contact" id="kontakt-preventell">.*?</li>', sv).group(0)
    assert "Inga kontaktuppgifter bekräftade" in preventell and "tel:" not in preventell
    assert "Källor: Regeringen, pressmeddelande" in preventell and "Kontrollerad: <time" in preventell


# ---------------------------------------------------------------- the real data is clean

@pytest.mark.parametrize("city", ["goteborg", "stockholm"])
def test_real_data_has_no_errors(city):
    errors = [str(p) for p in contacts.check_data(real_site(city), today=TODAY) if p.level == "error"]
    assert errors == []


def test_real_data_publishes_only_allowed_numbers():
    allowed = {"112", "114 14", "020-390 000", "020-50 50 50", "116 016", "116 111", "020-80 80 80", "020-55 00 00", "073-920 68 17"}
    data = contacts.load(real_site("goteborg"))
    numbers = {p["number"] for c in data.contacts.values() for p in (c.get("reach") or {}).get("phone") or []}
    assert numbers <= allowed
    assert not (data.contacts["preventell"].get("reach") or {}).get("phone")
    assert not data.contacts["socialjouren-goteborg"].get("reach")


def test_render_cache_keeps_two_boxes_on_one_page_apart_and_matches_an_uncached_render():
    # the checks and the build share renderings (Site.render_cache); a second box on a page keeps its own id
    text = "<!-- contacts: barn-oro -->\n\nText.\n\n<!-- contacts: barn-oro -->\n"
    plain = expand(text, ctx(real_site("goteborg")), contacts.RENDERERS, "docs/agera/skolan.md")
    site = real_site("goteborg")
    site.render_cache = {}
    first = expand(text, ctx(site), contacts.RENDERERS, "docs/agera/skolan.md")
    assert len(site.render_cache) == 2
    again = expand(text, ctx(site), contacts.RENDERERS, "docs/agera/skolan.md")  # all from the cache
    assert plain == first == again
    assert 'id="vem-ringer-barn-oro"' in again and 'id="vem-ringer-barn-oro-2"' in again
    # another page or language is another rendering, never a hit
    other = expand(text, ctx(site, lang="en", src="agera/skolan.en.md", page_url="en/agera/skolan/"),
                   contacts.RENDERERS, "docs/agera/skolan.en.md")
    assert "Who do I call?" in other and len(site.render_cache) == 4


def test_the_gate_starts_a_new_render_cache_when_a_file_changes(tmp_path):
    import shutil
    from scripts import gate
    shutil.copytree(FIX, tmp_path / "p")
    site = Site(tmp_path / "p", settings={"city": "a", "review_interval_months": 12}, docs=tmp_path / "p" / "docs")
    gate.for_build(site)
    site.render_cache["x"] = "stale"
    gate.for_build(site)  # nothing changed: the cache is kept
    assert site.render_cache.get("x") == "stale"
    page = next((tmp_path / "p" / "docs").rglob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nNy rad.\n", encoding="utf-8")
    import os
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    gate.for_build(site)
    assert "x" not in site.render_cache
