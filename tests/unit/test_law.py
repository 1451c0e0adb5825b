"""The law register: citations by id, cards, the summary table and the freshness checks.

Fixture site: tests/fixtures/law/site (its own docs/_data/law.yml and a few pages). "Today" is
fixed in the tests, so the fixture's dates keep their meaning."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from scripts import components, law
from scripts.markers import expand
from scripts.problems import ContentError
from scripts.render import RenderContext
from scripts.site import Site
from scripts.yamlfile import loads, validate

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "law" / "site"
FIX_REL = "tests/fixtures/law/site/docs"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def site():
    return Site(root=FIX, settings={"review_interval_months": 12}, docs=FIX / "docs")


@pytest.fixture(scope="module")
def real_site():
    return Site()


def ctx(site, src="sida.md", lang="sv", today=TODAY):
    return RenderContext(lang=lang, src=src, site=site, today=today)


def problems(site, today=TODAY):
    return sorted(str(p) for p in law.check(site, today))


# ---------------------------------------------------------------- citing by id

def test_unknown_id_fails_with_page_and_line(site):
    page = next(p for p in site.pages() if p.src == "sida.md")
    with pytest.raises(ContentError) as e:
        expand(page.body, ctx(site), law.RENDERERS, str(page.path), line_offset=page.body_line - 1)
    assert str(e.value) == (
        f"{FIX_REL}/sida.md:29: unknown law id 'okand' (known: brb-6-11, gammal-kontroll, gammal-lag, "
        "glapp, hemlos, lvu-2, ny-lag, senare, sol-brottsoffer, tva-hem, upphord)")


def test_citation_links_to_the_home_page(site):
    out = law.render_cite("brb-6-11", ctx(site))
    assert out == "([köp av sexuell handling, 6 kap. 11 § brottsbalken](lagstiftning/brott.md#brb-6-11){: .law-cite })"
    en = law.render_cite("brb-6-11", ctx(site, "sida.en.md", "en"))
    assert en == "([purchase of a sexual act, 6 kap. 11 § brottsbalken](lagstiftning/brott.md#brb-6-11){: .law-cite })"
    # on the home page itself the link is the anchor alone
    assert "](#brb-6-11)" in law.render_cite("brb-6-11", ctx(site, "lagstiftning/brott.en.md", "en"))


def test_citing_an_entry_without_a_home_fails(site):
    with pytest.raises(LookupError, match="law id 'hemlos' has no home page"):
        law.render_cite("hemlos", ctx(site))


# ---------------------------------------------------------------- to-verify: no paragraph number, no penalty

def test_to_verify_renders_without_paragraph_number(site):
    cite = law.render_cite("sol-brottsoffer", ctx(site))
    assert cite == ("([socialnämndens ansvar för brottsoffer, socialtjänstlagen (2025:400)](lagstiftning/brott.md#sol-brottsoffer)"
                    '{: .law-cite } <span class="law-badge law-badge--review">under granskning</span>)')
    card = law.render_entry("sol-brottsoffer", ctx(site, "lagstiftning/brott.md"))
    assert "§" not in cite + card
    assert "hemlig gissning" not in card  # the editors' hint is never shown
    assert "<strong>Under granskning.</strong>" in card
    assert '<p class="law-entry__citation">socialtjänstlagen (2025:400), paragraf under granskning</p>' in card
    card_en = law.render_entry("sol-brottsoffer", ctx(site, "lagstiftning/brott.en.md", "en"))
    assert "§" not in card_en and "<strong>Under review.</strong>" in card_en


def test_schema_refuses_number_or_penalty_on_a_to_verify_row():
    text = ("owner: kompetenscentrum\nprovisions:\n  - id: sol-x\n    category: socialtjanst\n    act: SoL\n"
            "    citation: \"19 kap. 9 § SoL\"\n    name: {sv: a, en: b}\n    summary: {sv: a, en: b}\n"
            "    penalty: {sv: a, en: b}\n    status: to-verify\n    source: https://www.riksdagen.se/\n"
            "    basis: x\n    checked: \"2026-11-22\"\n")
    data, errs = loads(text, "law.yml")
    assert errs == []
    assert [str(p) for p in validate(data, law.SCHEMA, "law.yml")] == [
        "law.yml:3: provisions.0: a provision under review (status to-verify) is shown without section number or "
        "penalty: remove citation, citation_short, penalty and penalty_brief (keep what you know in citation_unverified_hint)"]


def test_schema_requires_citation_on_a_confirmed_row():
    text = ("owner: kompetenscentrum\nprovisions:\n  - id: brb-x\n    category: brott\n    act: BrB\n"
            "    name: {sv: a, en: b}\n    summary: {sv: a, en: b}\n    status: confirmed\n"
            "    source: https://www.riksdagen.se/\n    basis: x\n    checked: 2026-13-01\n")
    data, _ = loads(text, "law.yml")
    assert [str(p) for p in validate(data, law.SCHEMA, "law.yml")] == [
        "law.yml:3: missing required field 'citation' in provisions.0",
        "law.yml:11: provisions.0.checked: must be a date written YYYY-MM-DD, e.g. 2026-11-22",
    ]


# ---------------------------------------------------------------- freshness and homes

def test_check_reports_everything_in_the_fixture(site):
    assert problems(site) == sorted([
        f"{FIX_REL}/_data/citation-allowlist.yml:5: warning: allowed citation '14 kap. 1 §' no longer occurs in docs/sida.md: remove it from the allow-list",
        f"{FIX_REL}/_data/law.yml:27: warning: 'lvu-2' (2 § LVU) stops applying on 2026-12-31 (in 38 days). From 2027-01-01 the pages switch by themselves: <!-- while: --> blocks change and its 1 citation(s) still shown then (docs/sida.md:15) will show 'ny-lag'. Check that 'ny-lag' and the text shown from that day are right (preview: TODAY=2027-01-01 make serve)",
        f"{FIX_REL}/_data/law.yml:50: warning: 'gammal-lag' (1 § äldre lag) stopped applying on 2020-06-30; its citations now show 'brb-6-11'. When the pages no longer need its history, remove its <!-- while: --> blocks and card",
        f"{FIX_REL}/_data/law.yml:62: warning: 'gammal-kontroll' was last checked on 2025-01-15, more than 12 months ago: check it against the official text, then update 'checked' and 'basis'",
        f"{FIX_REL}/_data/law.yml:72: 'hemlos' has no home page: put <!-- law-entry: hemlos --> on one page under docs/lagstiftning/",
        f"{FIX_REL}/_data/law.yml:91: warning: 'upphord' (3 § upphävd lag) stops applying on 2026-12-31 (in 38 days): nothing in the register replaces it: find out what does, then update the 1 citation(s) still shown from 2027-01-01 (docs/sida.md:31) and its card on the legislation pages",
        f"{FIX_REL}/_data/law.yml:102: warning: 'glapp' (4 § lag med glapp) stops applying on 2026-12-31 (in 38 days): 'senare' (the provision that replaces it) is not in force on 2027-01-01, so the check fails from then on for every citation still shown; then update the 1 citation(s) still shown from 2027-01-01 (docs/sida.md:31) and its card on the legislation pages",
        f"{FIX_REL}/lagstiftning/brott.md:25: 'tva-hem' already has its home in docs/lagstiftning/annan.md (line 13): keep only one <!-- law-entry: tva-hem --> and cite it elsewhere with <!-- law: tva-hem -->",
        f"{FIX_REL}/sida.md:17: hand-written legal citation '6 kap. 11 § brottsbalken': cite through <!-- law: ID --> instead",
        f"{FIX_REL}/sida.md:21: hand-written legal citation '2 § LVU': cite through <!-- law: ID --> instead",
    ])


def errors_on(site, day):
    return sorted(str(p) for p in law.check(site, day) if p.level == "error" and "stopped applying" in p.message)


def test_a_provision_that_ends_with_a_successor_in_force_switches_by_itself(site):
    # gammal-lag ended in 2020 and brb-6-11 replaces it: citing it is no error, and the citation shows the successor
    assert not [e for e in errors_on(site, TODAY) if "gammal-lag" in e]
    assert law.render_cite("gammal-lag", ctx(site)) == law.render_cite("brb-6-11", ctx(site))
    # LVU on the day after it ends: no error, the citation shows the new act, without a paragraph number
    day = dt.date(2027, 1, 2)
    assert not [e for e in errors_on(site, day) if "lvu-2" in e]
    cite = law.render_cite("lvu-2", ctx(site, today=day))
    assert cite == law.render_cite("ny-lag", ctx(site, today=day))
    assert "den nya lagen" in cite and "§" not in cite and "under granskning" in cite
    # the day before, it is still LVU
    assert "2 § LVU" in law.render_cite("lvu-2", ctx(site, today=dt.date(2026, 12, 31)))


def test_a_provision_that_ends_without_a_successor_in_force_fails_after_its_end(site):
    assert errors_on(site, dt.date(2026, 12, 31)) == []  # its last day: fine
    assert errors_on(site, dt.date(2027, 1, 2)) == [
        f"{FIX_REL}/sida.md:31: cites 'glapp' (4 § lag med glapp), which stopped applying on 2026-12-31: 'senare', which should replace it, is not in force on 2027-01-02: fix its in_force_from or cite the provision in force instead",
        f"{FIX_REL}/sida.md:31: cites 'upphord' (3 § upphävd lag), which stopped applying on 2026-12-31: cite the provision in force instead, or put the text in a <!-- while: upphord --> … <!-- end-while --> block",
    ]
    # once the later rule applies, the gap closes; the citation inside `while: upphord` (line 38) never counts
    assert [e for e in errors_on(site, dt.date(2027, 3, 1)) if "glapp" in e] == []


# ---------------------------------------------------------------- text shown while a provision applies

def shown(site, text, day, path="sida.md"):
    return law.prepare(text, ctx(site, today=day), path)


def test_while_blocks_follow_the_register_dates(site):
    text = ("A\n<!-- while: lvu-2 -->\nLVU gäller.\n<!-- end-while -->\n"
            "<!-- while: ny-lag -->Ny lag.<!-- end-while -->\nB\n")
    before, after = shown(site, text, dt.date(2026, 12, 31)), shown(site, text, dt.date(2027, 1, 1))
    assert "LVU gäller." in before and "Ny lag." not in before
    assert "LVU gäller." not in after and "Ny lag." in after
    # every line keeps its number, so problems further down still name the right line
    assert before.count("\n") == after.count("\n") == text.count("\n")
    assert after.split("\n")[5] == "B"


def test_unpaired_or_unknown_while_markers_fail_with_path_and_line(site):
    cases = {
        "x\n<!-- while: lvu-2 -->\ny\n": "sida.md:2: <!-- while: lvu-2 --> is never closed: add <!-- end-while --> after the text it covers",
        "x\n\n<!-- end-while -->\n": "sida.md:3: <!-- end-while --> without a <!-- while: LAW-ID --> before it: remove it or add the start",
        "<!-- while: lvu-2 -->\n<!-- while: ny-lag -->\n<!-- end-while -->\n":
            "sida.md:2: <!-- while: ny-lag --> starts before the block from line 1 is closed: end that block first with <!-- end-while -->",
        "<!-- while: finns-inte -->a<!-- end-while -->\n": "sida.md:1: <!-- while: finns-inte -->: unknown law id 'finns-inte' (known: brb-6-11, gammal-kontroll, gammal-lag, glapp, hemlos, lvu-2, ny-lag, senare, sol-brottsoffer, tva-hem, upphord)",
    }
    for text, message in cases.items():
        with pytest.raises(ContentError) as e:
            shown(site, text, TODAY)
        assert str(e.value) == message


def test_an_ended_provisions_card_says_so_and_names_its_successor(site):
    before = law.render_entry("lvu-2", ctx(site, "lagstiftning/brott.md", today=dt.date(2026, 12, 15)))
    after = law.render_entry("lvu-2", ctx(site, "lagstiftning/brott.md", today=dt.date(2027, 1, 2)))
    assert "law-entry--ended" not in before and "Gäller inte längre" not in before
    assert 'class="law-entry law-entry--confirmed law-entry--ended"' in after
    assert ('<strong>Gäller inte längre.</strong> Bestämmelsen gällde till och med 31 december 2026. I stället gäller '
            '<a href="#ny-lag">den nya lagen</a>.') in after
    # the law in brief shows the law of the day: LVU's row until its last day, then only the new act's
    assert "(lagstiftning/brott.md#lvu-2)" in law.render_table("socialtjanst", ctx(site, today=dt.date(2026, 12, 31)))
    table = law.render_table("socialtjanst", ctx(site, today=dt.date(2027, 1, 1)))
    assert "#lvu-2)" not in table and "(lagstiftning/brott.md#ny-lag)" in table
    en = law.render_entry("upphord", ctx(site, "lagstiftning/annan.md", "en", today=dt.date(2027, 1, 2)))
    assert "<strong>No longer in force.</strong> This provision applied until 31 December 2026.</p>" in en


def test_provision_ending_within_60_days_is_reported(site):
    def lvu(today):
        return [p for p in law.check(site, today) if "'lvu-2'" in p.message and "stops applying" in p.message]
    soon = lvu(dt.date(2026, 11, 1))  # 60 days before 2026-12-31
    assert len(soon) == 1 and soon[0].level == "warning" and "(in 60 days)" in soon[0].message
    assert lvu(dt.date(2026, 10, 31)) == []  # 61 days before: not yet


def test_handwritten_citations_skip_markers_comments_and_code():
    text = ("Sexköp <!-- law: brb-6-11 --> och 6 kap. 9 § brottsbalken.\n"
            "<!-- 6 kap. 12 § -->\n```\n6 kap. 4 §\n```\nEnligt LVU 3 § och section 2 of LVU, Chapter 6, Section 11.\n"
            "SOU 2023:97, artikel 34, 14 dagar.\n")
    assert [(line, snippet) for line, _, _, snippet in law.handwritten(text)] == [
        (1, "6 kap. 9 § brottsbalken"), (6, "LVU 3 §"), (6, "section 2 of LVU"), (6, "Chapter 6, Section 11")]


# ---------------------------------------------------------------- the real register

def test_real_register_is_valid():
    data, errs = law.load(ROOT / "docs" / "_data" / "law.yml")
    assert errs == [] and validate(data, law.SCHEMA, "law.yml") == []


def test_real_register_has_the_ids_pages_cite():
    required = {"brb-4-1a", "brb-4-1b", "brb-6-4", "brb-6-6", "brb-6-9", "brb-6-10a", "brb-6-11", "brb-6-12",
                "brb-16-10a", "sol-anmalningsskyldighet", "sol-brottsoffer", "sol-utredning", "sol-forhandsbedomning",
                "skollagen-29-13", "lvu-2", "lvu-3", "lvu-6", "lvu-ersattning", "osl-10-21", "osl-10-23", "osl-10-28",
                "osl-10-15a", "utll-5-15", "brottsforebyggande-lag", "barnkonventionen", "palermoprotokollet",
                "europaradets-konvention", "lanzarote", "eu-direktiv-manniskohandel", "sou-2023-97-forslag",
                "olaga-tjansteutnyttjande"}
    data, _ = law.load(ROOT / "docs" / "_data" / "law.yml")
    ids = {p["id"] for p in data["provisions"]}
    assert required <= ids
    unverified = {p["id"] for p in data["provisions"] if p["status"] == "to-verify"}
    assert {"lvu-ersattning", "osl-10-21", "osl-10-23"} <= unverified  # addendum 2, rows A8 and A11
    by_id = {p["id"]: p for p in data["provisions"]}
    # confirmed by addendum 2 (rows A1-A5), each naming its row
    for pid, cite, row in [("sol-brottsoffer", "13 kap. 1 §", "A1"), ("sol-brottsoffer-barn", "18 kap. 7 §", "A2"),
                           ("sol-utredning", "14 kap. 2 §", "A3"), ("sol-skyddsbedomning", "20 kap. 1 §", "A4"),
                           ("sol-forhandsbedomning", "20 kap. 2 §", "A4"), ("sol-utredningstid", "20 kap. 3 §", "A4"),
                           ("sol-anmalningsskyldighet", "19 kap. 1 §", "A5"), ("sol-aterkoppling", "19 kap. 6 §", "A5")]:
        assert by_id[pid]["status"] == "confirmed" and by_id[pid]["citation"].startswith(cite), pid
        assert f"rad {row}" in by_id[pid]["basis"]["sv"] and f"row {row}" in by_id[pid]["basis"]["en"], pid
    for pid in ("brb-4-1a", "brb-6-9", "brb-6-11", "brb-6-12"):
        assert "rad A9" in by_id[pid]["basis"]["sv"] and "2026-04-29" in by_id[pid]["basis"]["sv"], pid
    assert by_id["lvu-2"]["replaced_by"] == by_id["lvu-6"]["replaced_by"] == "lvu-ersattning"
    new = by_id["lvu-ersattning"]
    assert new["in_force_from"] == "2027-01-01" and "citation" not in new
    assert "Lag om omhändertagande för vård av barn och unga" in new["summary"]["sv"]
    assert "lag (2026:1601) om särskilda befogenheter för den statliga barn- och ungdomsvården" in new["summary"]["sv"]
    assert all(p.get("in_force_until") == "2026-12-31" for p in data["provisions"] if p["id"] in {"lvu-2", "lvu-3", "lvu-6"})


def test_both_languages_render_every_entry(real_site):
    reg = law.register(real_site)
    homes = law.homes(real_site)
    for pid, p in reg.items():
        home = homes[pid][0][0]
        for lang, src in (("sv", "agera/skolan.md"), ("en", "agera/skolan.en.md")):
            name = law.text(p["name"], lang)
            home_src = home if lang == "sv" else home[:-3] + ".en.md"
            card = law.render_entry(pid, ctx(real_site, home_src, lang))
            if pid in law.heading_ids(real_site, home_src):  # the page's own heading is the card's heading
                assert "###" not in card
            else:
                assert f"### {components.md_text(law.cap(name))} {{ #{pid} }}" in card
            assert law.text(p["summary"], lang).split()[0] in card
            cite = law.render_cite(pid, ctx(real_site, src, lang))
            assert f"(../{home}#{pid})" in cite
            if p["status"] == "to-verify":
                assert "§" not in card and "§" not in cite, pid
                assert ("under granskning" if lang == "sv" else "under review") in cite
            else:
                assert str(components.escape(law.text(p["citation"], lang))) in card
    for lang in ("sv", "en"):
        table = law.render_table("", ctx(real_site, "lagstiftning/lagen-i-korthet.md", lang))
        assert len(re.findall(r"\]\([a-z-]+\.md#", table)) == len(reg)


def test_legal_status_is_the_newest_checked_date(site):
    assert law.render_status("", ctx(site)) == (
        '<p class="law-status"><strong>Rättsläget per <time datetime="2026-11-22">2026-11-22</time>.</strong> '
        "Bestämmelser märkta ”under granskning” är inte kontrollerade mot gällande lagtext (2 av 11).</p>\n")
    assert 'Legal status as of <time datetime="2026-11-22">2026-11-22</time>.' in law.render_status("", ctx(site, lang="en"))


def test_review_items_for_check_review(site):
    items = {i["what"]: i for i in law.review_items(site, TODAY)}
    assert items["law register: gammal-kontroll"]["overdue"] is True
    assert items["law register: brb-6-11"]["due"] == "2027-11-22"


def test_card_shows_in_force_dates_and_replacement(site):
    card = law.render_entry("lvu-2", ctx(site, "lagstiftning/brott.md"))
    assert '<dt>Gäller</dt><dd>Till och med 31 december 2026, ersätts av <a href="#ny-lag">den nya lagen</a></dd>' in card
    after = law.render_entry("lvu-2", ctx(site, "lagstiftning/brott.en.md", "en", today=dt.date(2027, 1, 2)))
    assert "<dd>Ceased to apply after 31 December 2026, replaced by" in after
    planned = law.render_entry("ny-lag", ctx(site, "lagstiftning/brott.md"))
    assert "<dd>Planerad från 1 januari 2027 (inte bekräftat)</dd>" in planned
    # raw HTML links are resolved to built URLs, since MkDocs does not rewrite them
    assert law.html_href(ctx(site, "sida.md"), "ny-lag") == "../lagstiftning/brott/#ny-lag"


def test_a_page_heading_with_the_provision_id_is_the_cards_heading(site):
    # lagstiftning/brott.md has "## Dubbel { #brb-6-11 }"; its English page has no such heading
    sv = law.render_entry("brb-6-11", ctx(site, "lagstiftning/brott.md"))
    en = law.render_entry("brb-6-11", ctx(site, "lagstiftning/brott.en.md", "en"))
    assert "{ #brb-6-11 }" not in sv and "###" not in sv
    assert "### Purchase of a sexual act { #brb-6-11 }" in en
