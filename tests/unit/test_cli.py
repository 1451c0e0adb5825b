"""The editors' commands on the real content: exit codes and the lines they print."""
from scripts.cli import main


def test_check_passes_today_and_warns_about_lvu(capsys):
    assert main(["check-law", "--today", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert "warning: 'lvu-3' (3 § LVU) stops applying on 2026-12-31 (in 38 days)" in out


def test_lvu_citations_fail_after_the_replacement(capsys):
    assert main(["check-law", "--today", "2027-01-05"]) == 1
    out = capsys.readouterr().out
    assert "docs/agera/socialtjansten.md:42: cites 'lvu-3' (3 § LVU), which stopped applying on 2026-12-31: cite 'lvu-ersattning' instead" in out


def test_check_review_groups_by_owner_and_names_the_line(capsys):
    assert main(["check-review", "--today", "2026-11-23"]) == 0
    assert main(["check-review", "--today", "2028-01-01"]) == 1
    lines = capsys.readouterr().out.splitlines()
    n = next(i for i, line in enumerate(open("docs/agera/skolan.md", encoding="utf-8"), 1) if line.startswith("reviewed:"))
    assert f"docs/agera/skolan.md:{n}: [kompetenscentrum] review overdue since 2027-11-23: I skolan: när en elev berättar" in lines
    owners = [line.split("[", 1)[1].split("]", 1)[0] for line in lines if "[" in line]
    assert owners == sorted(owners)


def test_untranslated_lists_nothing_when_all_pages_are_translated(capsys):
    assert main(["untranslated"]) == 0
    assert capsys.readouterr().out == ""
