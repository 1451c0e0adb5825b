"""Components rendered by our code (law cards, citations, tables, ...): snapshots of their output on the
real content, and escaping of hostile data.

The snapshots in tests/snapshots/ were taken before the markup moved into templates
(overrides/components/): the move must not change a byte. After a deliberate change of a component,
rewrite them with `UPDATE_SNAPSHOTS=1 pytest tests/unit/test_components.py` and review the diff."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from scripts import law
from scripts.render import RenderContext
from scripts.site import Site

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = ROOT / "tests" / "snapshots"
DATES = (dt.date(2026, 12, 15), dt.date(2027, 1, 2))


@pytest.fixture(scope="module")
def site():
    return Site()


def law_components(site) -> dict[str, str]:
    out = {}
    for day in DATES:
        for lang in ("sv", "en"):
            here = RenderContext(lang=lang, src="agera/index.md", site=site, today=day)
            summary = RenderContext(lang=lang, src="lagstiftning/lagen-i-korthet.md", site=site, today=day)
            out[f"law-table/{lang}/{day}"] = law.render_table("", summary)
            out[f"law-status/{lang}/{day}"] = law.render_status("", summary)
            for pid in law.register(site):
                home = RenderContext(lang=lang, src=law.home_of(site, pid), site=site, today=day)
                out[f"law-entry/{pid}/{lang}/{day}"] = law.render_entry(pid, home)
                out[f"law-cite/{pid}/{lang}/{day}"] = law.render_cite(pid, here)
    return out


def check_snapshot(name: str, rendered: dict[str, str]):
    path = SNAPSHOTS / f"{name}.json"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(rendered, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(rendered) == sorted(expected)
    changed = [k for k in expected if rendered[k] != expected[k]]
    assert changed == [], f"{len(changed)} rendering(s) differ from {path.name}, first: {changed[:3]}"


def test_law_components_unchanged(site):
    check_snapshot("law", law_components(site))
