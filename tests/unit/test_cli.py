"""The editors' commands on the real content: exit codes and the lines they print."""
from scripts.cli import main


def test_check_passes_today_and_warns_about_lvu(capsys):
    assert main(["check-law", "--today", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "warning: 'lvu-3' (3 § LVU) stops applying on 2026-12-31 (in 30 days). From 2027-01-01 the pages switch by themselves" in out


def test_check_passes_after_lvu_is_replaced(capsys):
    # the law on 1 January 2027: the whole check (not only the law register) passes on both sides of the date
    assert main(["check", "--today", "2026-12-31"]) == 0
    assert main(["check", "--today", "2027-01-02"]) == 0
    out = capsys.readouterr().out
    assert "'lvu-3' (3 § LVU) stopped applying on 2026-12-31; its citations now show 'lvu-ersattning'" in out


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
