"""Editors' and CI's commands. Each does one job, prints one line per problem as `path:line: message`
and exits 1 when there is an error (warnings are printed, exit 0).

    python -m scripts.cli check               everything below, in a few seconds
    python -m scripts.cli check-content       front matter, page structure, sources, markers
    python -m scripts.cli check-translations  sv and en pages in step
    python -m scripts.cli check-review        pages, law entries and contacts past their review date, by owner
    python -m scripts.cli check-quizzes | check-law | check-contacts | check-glossary | check-course | check-tracks
    python -m scripts.cli untranslated        list Swedish pages without an English page
    python -m scripts.cli new-page SECTION/SLUG "Svensk titel" "English title"
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import inspect
import os
import sys
from pathlib import Path

from . import gate, links, pagecheck, render, review, sources, translations
from .problems import Problem, rel
from .settings import today as settings_today
from .site import Site


def _feature(name):
    def run(site, today=None):
        try:
            mod = importlib.import_module(f"scripts.{name}")
        except ModuleNotFoundError:
            return []
        if "today" in inspect.signature(mod.check).parameters:
            return mod.check(site, today=today)
        return mod.check(site)
    return run


def check_content(site, today=None):
    return (pagecheck.check(site) + sources.check(site) + render.check_markers(site, today) + links.check(site)
            + gate.yaml_files(site))


CHECKS = {
    "check-content": check_content,
    "check-translations": translations.check,
    "check-glossary": _feature("glossary"),
    "check-law": _feature("law"),
    "check-contacts": _feature("contacts"),
    "check-quizzes": _feature("quiz"),
    "check-course": _feature("course"),
    "check-figures": _feature("figures"),
    "check-tracks": _feature("tracks"),
    "check-cards": _feature("cards"),
}


def report(problems: list[Problem], out=None, keep_order: bool = False) -> int:
    """Print problems (deduplicated, errors first in file order, or as given); return the exit code."""
    out = out or sys.stdout
    seen, errors = set(), 0
    gh = os.environ.get("GITHUB_ACTIONS") == "true"
    ordered = problems if keep_order else sorted(set(problems), key=lambda p: (p.level != "error", rel(p.path), p.line, p.message))
    for p in ordered:
        if p in seen:
            continue
        seen.add(p)
        errors += p.level == "error"
        print(p, file=out)
        if gh:  # annotations on the pull request's diff
            kind = "error" if p.level == "error" else "warning"
            print(f"::{kind} file={rel(p.path)},line={p.line}::{p.message}", file=out)
    n_warn = len(seen) - errors
    if seen:
        print(f"{errors} error(s), {n_warn} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scripts.cli", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["check", "check-review", "untranslated", "new-page", *CHECKS])
    ap.add_argument("args", nargs="*")
    ap.add_argument("--today", help="check as of this date (YYYY-MM-DD): law changes, reviews (default: today, or TODAY=...)")
    a = ap.parse_args(argv)
    # The project in the current folder (a fixture project in the tests), else this repository.
    here = Path.cwd()
    site = Site(root=here) if (here / "mkdocs.yml").exists() and (here / "docs").is_dir() else Site()
    today = dt.date.fromisoformat(a.today) if a.today else settings_today()
    if a.command == "new-page":
        from .newpage import main as new_page
        return new_page(site, a.args)
    if a.command == "untranslated":
        for src in translations.untranslated(site):
            print(f"docs/{src}: not translated into English")
        return 0
    if a.command == "check-review":
        return report(review.check(site, today), keep_order=True)  # grouped by owner
    if a.command == "check":
        code = report(gate.problems(site, today))
        _figure_counts()
        return code
    fn = CHECKS[a.command]
    code = report(fn(site, today) if fn is not translations.check else fn(site))
    if a.command == "check-figures":
        _figure_counts()
    return code


def _figure_counts() -> None:
    try:
        from .figures import LAST_COUNTS as c
    except ModuleNotFoundError:
        return
    if c:
        print(f"figures: {c['checked']} checked against the sources their page or quiz cites, "
              f"{c['excepted']} excepted (docs/_data/figure-exceptions.yml)", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
