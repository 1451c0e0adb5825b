"""Help cards: checks with path:line (drafts listed, claims backed by contacts.yml, no numbers in a
translation, reviewed needs reviewer and date, switch-off), and what a rendered card shows."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from scripts import cards, cli
from scripts.problems import ROOT
from scripts.render import RenderContext
from scripts.site import Site

TODAY = dt.date(2026, 12, 1)
URL = "https://hjalp.example.se/kunskapsbanken/"


def real(**settings) -> Site:
    return Site(ROOT, settings={"city": "goteborg", "site_url": URL, "quick_exit_url": "https://www.smhi.se/", **settings})


def copy_site(tmp_path: Path, edit=None, **settings) -> Site:
    """A copy of the real data files; `edit(cards_dict)` changes cards.yml before it is written back."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data")
    if edit:
        path = docs / "_data" / "cards.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        edit(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return Site(tmp_path, settings={"city": "goteborg", "site_url": URL, **settings}, docs=docs)


def errors(site) -> list[str]:
    return [str(p) for p in cards.check(site, TODAY) if p.level == "error"]


def test_real_cards_have_no_errors_and_list_every_draft():
    problems = cards.check(real(), TODAY)
    assert [str(p) for p in problems if p.level == "error"] == []
    drafts = [p for p in problems if "is a draft" in p.message]
    assert {re.search(r"card language '(\w+)'", p.message).group(1) for p in drafts} == {"en", "ro", "uk", "th", "bg"}
    assert all(p.path.endswith("docs/_data/cards.yml") and p.line > 1 and p.level == "warning" for p in drafts)


def test_make_check_lists_the_drafts(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert cli.main(["check-cards"]) == 0
    out = capsys.readouterr().out
    for lang in ("ro", "uk", "th", "bg"):
        assert re.search(rf"docs/_data/cards\.yml:\d+: warning: card language '{lang}' .* is a draft", out)


def test_every_card_shows_the_numbers_of_contacts_yml(tmp_path):
    site = copy_site(tmp_path)
    path = site.data_dir / "contacts.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count('number: "073-920 68 17"') == 1
    path.write_text(text.replace('number: "073-920 68 17"', 'number: "073-111 22 33"'), encoding="utf-8")
    rendered = cards.render_cards(site, TODAY)
    assert len(rendered) == 6
    for rel, html in rendered.items():
        assert "073-111 22 33" in html and 'href="tel:0731112233"' in html, rel
        assert "073-920 68 17" not in html, rel
        assert ">112<" in html and ">114 14<" in html and ">020-50 50 50<" in html


def test_card_page_language_direction_qr_and_draft_notice():
    rendered = cards.render_cards(real(), TODAY)
    for lang in ("sv", "en", "ro", "uk", "th", "bg"):
        html = rendered[f"hjalp/{lang}/index.html"]
        assert f'<html lang="{lang}" dir="ltr">' in html
        assert f'<link rel="canonical" href="{URL}hjalp/{lang}/">' in html
        assert '<svg aria-hidden="true"' in html and "help-card__qr-code" in html
        assert ("help-card__draft" in html) == (lang != "sv")
        assert "30" in html.split("help-card__reflection", 1)[1][:600]  # the reflection period from the law register
        assert "<script" not in html and "style=" not in html
    ro = rendered["hjalp/ro/index.html"]
    assert '<span lang="sv" dir="ltr">Utkast: översättningen är ännu inte granskad' in ro
    assert "traducător profesionist" in ro


def test_claims_appear_only_where_contacts_yml_says_so():
    html = cards.render_cards(real(), TODAY)["hjalp/en/index.html"]
    items = html.split('<li class="help-card__contact')[1:]
    by_label = {re.search(r'help-card__what">([^<:.]+)', i).group(1): i for i in items}
    assert "free of charge" not in by_label["Immediate danger"] and "interpreter" not in by_label["The police"]
    assert "free of charge" in by_label["Kvinnofridslinjen"] and "interpreter" in by_label["Kvinnofridslinjen"]
    assert "free of charge" in by_label["Safe Havens (the Salvation Army)"]
    assert "interpreter" not in by_label["Safe Havens (the Salvation Army)"]


def test_a_claim_that_contacts_yml_does_not_back_is_an_error(tmp_path):
    def edit(d):
        d["contacts"][1]["claims"] = ["interpreter"]  # the police: contacts.yml says nothing about interpreters
    msgs = errors(copy_site(tmp_path, edit))
    assert any(re.search(r"cards\.yml:\d+: contact 'polisen': the claim 'interpreter' is not backed by contacts\.yml", m) for m in msgs), msgs


def test_a_number_typed_into_a_translation_is_an_error(tmp_path):
    def edit(d):
        d["languages"][2]["texts"]["contacts"]["polisen"] = "Poliția: sună la 114 14."
    msgs = errors(copy_site(tmp_path, edit))
    assert any("card language 'ro': '114 14' written in the translation" in m for m in msgs), msgs


def test_reviewed_needs_reviewer_and_date_and_then_shows_no_notice(tmp_path):
    def half(d):
        d["languages"][2]["status"] = "reviewed"
    msgs = errors(copy_site(tmp_path / "a", half))
    assert any("card language 'ro' is reviewed but has no reviewer" in m for m in msgs)
    assert any("card language 'ro' is reviewed but has no reviewed" in m for m in msgs)

    def full(d):
        d["languages"][2].update(status="reviewed", reviewer="Auktoriserad translator", reviewed="2026-11-30")
    site = copy_site(tmp_path / "b", full)
    assert errors(site) == []
    assert "help-card__draft" not in cards.render_cards(site, TODAY)["hjalp/ro/index.html"]
    assert "help-card__draft" in cards.render_cards(site, TODAY)["hjalp/uk/index.html"]


def test_missing_text_for_a_contact_and_a_missing_placeholder(tmp_path):
    def edit(d):
        del d["languages"][4]["texts"]["contacts"]["safe-havens"]
        d["languages"][5]["texts"]["reflection"] = "30 дни."
    msgs = errors(copy_site(tmp_path, edit))
    assert any("card language 'th': no text for contact 'safe-havens'" in m for m in msgs), msgs
    assert any("card language 'bg': reflection must contain {days}" in m for m in msgs), msgs


def test_a_city_switches_a_card_language_off(tmp_path):
    site = copy_site(tmp_path, card_languages_off=["th"])
    rendered = cards.render_cards(site, TODAY)
    assert "hjalp/th/index.html" not in rendered and len(rendered) == 5
    assert 'hreflang="th"' not in rendered["hjalp/sv/index.html"]
    bad = copy_site(tmp_path / "x", card_languages_off=["xx"])
    assert any("card_languages_off: unknown card language 'xx'" in m for m in errors(bad))


def test_reflection_period_only_while_the_law_register_confirms_it(tmp_path):
    site = copy_site(tmp_path)
    law = site.data_dir / "law.yml"
    text = law.read_text(encoding="utf-8")
    start = text.index("  - id: utll-5-15\n")
    end = text.index("  - id: utll-5-15d\n")
    law.write_text(text[:start] + text[start:end].replace("status: confirmed", "status: to-verify") + text[end:], encoding="utf-8")
    problems = cards.check(site, TODAY)
    assert any(p.level == "warning" and "leave the reflection period out" in p.message for p in problems)
    html = cards.render_cards(site, TODAY)["hjalp/sv/index.html"]
    assert "help-card__reflection" not in html and "betänketid" not in html.lower()


def test_wrong_number_of_days_is_an_error(tmp_path):
    msgs = errors(copy_site(tmp_path, lambda d: d.update(reflection_days=45)))
    assert any("reflection_days is 45, but the law register's text for 'utll-5-15' does not say '45 dagar'" in m for m in msgs)


def test_right_to_left_language_gets_dir_rtl(tmp_path):
    def edit(d):
        ar = {**d["languages"][1], "lang": "ar", "name": "العربية", "dir": "rtl"}
        d["languages"].append(ar)
    html = cards.render_cards(copy_site(tmp_path, edit), TODAY)["hjalp/ar/index.html"]
    assert '<html lang="ar" dir="rtl">' in html
    assert 'class="help-card__phone" href="tel:112" dir="ltr"' in html  # numbers stay left to right


def test_placeholder_site_url_is_a_warning():
    problems = cards.check(Site(ROOT, settings={"city": "goteborg", "site_url": "https://example.org/kunskapsbanken/"}), TODAY)
    assert any(p.level == "warning" and "QR codes encode site_url" in p.message for p in problems)


def test_listing_and_handover_link_on_site_pages():
    site = real()
    sv = RenderContext(lang="sv", src="kontakter/hjalpkort.md", site=site, page_url="kontakter/hjalpkort/", today=TODAY)
    listing = cards.render_listing("", sv)
    assert '<a href="../../hjalp/ro/" hreflang="ro"><span lang="ro" dir="ltr">Română: Unde poți primi ajutor</span></a>' in listing
    assert "utkast, inte granskad av professionell översättare" in listing
    en = RenderContext(lang="en", src="narstaende/index.en.md", site=site, page_url="en/narstaende/", today=TODAY)
    assert 'href="../kontakter/hjalpkort/"' in cards.handover_html(en) and "Material to hand over" in cards.handover_html(en)
