"""Site settings from mkdocs.yml, read without MkDocs (so checks run in a second)."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import yaml


class _ConfigLoader(yaml.SafeLoader):
    pass


def _env(loader, node):
    # `!ENV [NAME, default]` or `!ENV NAME`, as MkDocs resolves it.
    if isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
        *vars_, default = names if len(names) > 1 else (names + [None])
        for v in vars_:
            if os.environ.get(v):
                return os.environ[v]
        return default
    return os.environ.get(loader.construct_scalar(node))


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)

DEFAULTS = {"city": "goteborg", "pass_mark": 80, "review_interval_months": 12, "quick_exit_url": "", "components": [],
            "card_languages_off": []}


def load_settings(root: Path) -> dict:
    cfg = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506
    return settings_from_config(cfg)


def settings_from_config(cfg: dict) -> dict:
    """The settings our logic needs, from a (mkdocs or plain) config mapping."""
    extra = dict(cfg.get("extra") or {})
    s = {k: extra.get(k, v) for k, v in DEFAULTS.items()}
    s["pass_mark"] = int(s["pass_mark"])
    s["review_interval_months"] = int(s["review_interval_months"])
    s["site_url"] = cfg.get("site_url") or ""
    s["repo_url"] = cfg.get("repo_url") or ""
    s["edit_uri"] = cfg.get("edit_uri") or ""
    s["nav"] = cfg.get("nav") or []
    return s


def today() -> dt.date:
    """The date the site is built and checked as of: today, or the environment's TODAY=YYYY-MM-DD
    (to preview the site as it will be on a coming date, e.g. when a law changes)."""
    value = os.environ.get("TODAY", "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SystemExit(f"TODAY={value!r} is not a date: write it as YYYY-MM-DD, e.g. TODAY=2027-01-02") from None
