"""The platform: ProperDocs builds the site (not the unmaintained `mkdocs` command), at the pinned versions."""
from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from tests.helpers import PROPERDOCS, ROOT, build, make_project, page


def test_the_build_runs_on_properdocs_without_notices(tmp_path):
    proj = make_project(tmp_path, {"index.md": page("Start", "## Välkommen { #valkommen }\n\nText.")})
    res = build(proj)
    assert Path(PROPERDOCS).name == "properdocs"
    assert res.returncode == 0, res.stderr
    # no MkDocs-2 or end-of-life banner and no config-name notice: what an editor sees is the build's own output
    for notice in ("MkDocs may break", "end of life", "should be renamed", "NO_MKDOCS_2_WARNING"):
        assert notice not in res.stderr, res.stderr
    assert (proj / "site" / "index.html").exists() and (proj / "site" / "en" / "index.html").exists()


def test_installed_versions_are_the_pinned_ones():
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==([^\s#]+)", (ROOT / "requirements.txt").read_text(), re.M))
    assert pins["properdocs"] == version("properdocs")
    assert pins["mkdocs-material"] == version("mkdocs-material") and pins["mkdocs-material"].startswith("9.8.")
