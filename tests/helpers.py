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


def make_project(tmp: Path, pages: dict[str, str], nav: list | None = None, data_from_root: bool = True) -> Path:
    """A throw-away project: the real mkdocs.yml, overrides/ and scripts/, fixture docs."""
    proj = tmp / "proj"
    (proj / "docs").mkdir(parents=True)
    for name in ("overrides", "scripts"):
        (proj / name).symlink_to(ROOT / name)
    if data_from_root:
        shutil.copytree(ROOT / "docs" / "_data", proj / "docs" / "_data")
        shutil.copytree(ROOT / "docs" / "assets", proj / "docs" / "assets")
    (proj / "quizzes").symlink_to(ROOT / "quizzes")
    for rel, text in pages.items():
        f = proj / "docs" / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")
    cfg = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = cfg[: cfg.index("\nnav:")] + "\nnav:\n" + "".join(f"  - {p}\n" for p in (nav or [p for p in pages if not p.endswith(".en.md")]))
    (proj / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    return proj


def build(proj: Path, strict: bool = True, site_url: str = "http://127.0.0.1:8000/") -> subprocess.CompletedProcess:
    env = dict(os.environ, SITE_URL=site_url, **BUILD_ENV)
    cmd = [PROPERDOCS, "build", "-f", "mkdocs.yml", "-d", str(proj / "site")] + (["--strict"] if strict else [])
    return subprocess.run(cmd, cwd=proj, env=env, capture_output=True, text=True)


def page(title: str, body: str, kind: str = "reference", reviewed: str = "2026-11-23", extra: str = "") -> str:
    return (f"---\ntitle: {title}\ndescription: A fixture page used by the tests.\nowner: kompetenscentrum\n"
            f"reviewed: {reviewed}\nkind: {kind}\nsources:\n  - sou-2023-97\n{extra}---\n\n{body}\n")
