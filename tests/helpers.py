"""Shared test helpers: build a project (real hooks, templates and scripts) around fixture pages."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# The build tool, as the Makefile runs it: ProperDocs (maintained MkDocs 1.x). MKDOCS is kept as an alias.
PROPERDOCS = str(Path(sys.executable).parent / "properdocs")
MKDOCS = PROPERDOCS
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def make_project(tmp: Path, pages: dict[str, str], nav: list | None = None) -> Path:
    """A throw-away copy of the whole project (the real mkdocs.yml, overrides/, scripts/, quizzes/ and docs/) with
    fixture pages added or replaced. Whole, because the build runs every check of `make check` first (the gate):
    the quizzes and the course need their pages. New Swedish pages go at the end of the nav, unless `nav`
    lists which of them to add."""
    proj = tmp / "proj"
    proj.mkdir(parents=True)
    for name in ("overrides", "scripts", "quizzes"):
        (proj / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "docs", proj / "docs")
    new = [p for p in pages if not p.endswith(".en.md") and not (proj / "docs" / p).exists()]
    for rel, text in pages.items():
        f = proj / "docs" / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")
    cfg = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = cfg.rstrip("\n") + "\n" + "".join(f"  - {p}\n" for p in (new if nav is None else nav))
    (proj / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    return proj


def build(proj: Path, strict: bool = True, site_url: str = "http://127.0.0.1:8000/") -> subprocess.CompletedProcess:
    env = dict(os.environ, SITE_URL=site_url, **BUILD_ENV)
    cmd = [PROPERDOCS, "build", "-f", "mkdocs.yml", "-d", str(proj / "site")] + (["--strict"] if strict else [])
    return subprocess.run(cmd, cwd=proj, env=env, capture_output=True, text=True)


def page(title: str, body: str, kind: str = "reference", reviewed: str = "2026-11-23", extra: str = "") -> str:
    return (f"---\ntitle: {title}\ndescription: A fixture page used by the tests.\nowner: kompetenscentrum\n"
            f"reviewed: {reviewed}\nkind: {kind}\nsources:\n  - sou-2023-97\n{extra}---\n\n{body}\n")


def check(proj: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m scripts check` (what `make check` runs) in a fixture project: output lines relative to it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "scripts", "check", *args], cwd=proj, env=env, capture_output=True, text=True)


def own_quizzes(proj: Path) -> Path:
    """Give a fixture project its own copy of quizzes/ (to plant a mistake in one)."""
    (proj / "quizzes").unlink()
    shutil.copytree(ROOT / "quizzes", proj / "quizzes")
    return proj / "quizzes"
