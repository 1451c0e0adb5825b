"""Search quality: realistic queries in Swedish and English (search_queries.yml), run in Chromium in the header
field of the built site. Prints hit@1, hit@3 and the queries with no result per language; fails below 90 %
hit@3 in a language or with more than one query that finds nothing."""
from __future__ import annotations

from pathlib import Path

import yaml

from tests.browser.searching import pages_of, search

QUERIES = yaml.safe_load((Path(__file__).with_name("search_queries.yml")).read_text(encoding="utf-8"))
ROOTS = {"sv": "", "en": "en/"}
MIN_HIT3, MAX_NO_RESULT = 0.90, 1


def run_queries(page, served_site, lang):
    root = served_site + ROOTS[lang]
    page.goto(root)
    rows = []
    for item in QUERIES[lang]:
        got = pages_of(search(page, item["q"]), served_site)
        expect = [ROOTS[lang] + e for e in item["expect"]]
        rank = next((i + 1 for i, p in enumerate(got) if p in expect), None)
        rows.append({"q": item["q"], "rank": rank, "none": not got, "top": got[:3]})
    return rows


def test_queries_find_their_pages(page, served_site, capsys):
    assert len(QUERIES["sv"]) + len(QUERIES["en"]) >= 40
    report, failures, no_result = [], [], 0
    for lang in ("sv", "en"):
        rows = run_queries(page, served_site, lang)
        n = len(rows)
        hit1 = sum(r["rank"] == 1 for r in rows)
        hit3 = sum(r["rank"] is not None and r["rank"] <= 3 for r in rows)
        none = [r["q"] for r in rows if r["none"]]
        no_result += len(none)
        report.append(f"{lang}: {n} queries, hit@1 {hit1}/{n} ({100 * hit1 / n:.0f} %), hit@3 {hit3}/{n} "
                      f"({100 * hit3 / n:.0f} %), no result {len(none)}{' (' + ', '.join(none) + ')' if none else ''}")
        for r in rows:
            if r["rank"] is None or r["rank"] > 3:
                report.append(f"  miss [{lang}] {r['q']!r}: top {r['top']}")
        if hit3 / n < MIN_HIT3:
            failures.append(f"{lang}: hit@3 {hit3}/{n} is below {MIN_HIT3:.0%}")
    if no_result > MAX_NO_RESULT:
        failures.append(f"{no_result} queries found nothing (at most {MAX_NO_RESULT} allowed)")
    with capsys.disabled():
        print("\nsearch quality\n" + "\n".join(report))
    assert not failures, "\n".join(failures + report)
    assert page.external == [], page.external
