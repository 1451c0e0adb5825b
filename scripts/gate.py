"""One gate: every check `python -m scripts check` runs, as one function that the build hook calls too,
so `make check`, `make build` and `make serve` refuse the same things with the same `path:line: message`."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .problems import Problem, rel


def yaml_files(site) -> list[Problem]:
    """Every data file read on its own: syntax, duplicate keys, encoding, whichever feature uses it (or none).
    Through the site's cache, so a file is parsed once per change. Quizzes: the quiz check reads every file."""
    out = []
    for f in sorted(site.data_dir.glob("*.yml")) if site.data_dir.is_dir() else []:
        out += site.data(f.stem)[1]
    return out


def problems(site, today: dt.date | None = None) -> list[Problem]:
    """Everything `python -m scripts check` reports (the checks are listed once, in scripts/cli.py)."""
    from . import settings
    from .cli import CHECKS, translations

    today = today or getattr(settings, "today", dt.date.today)()  # the build date (TODAY=...) where the law module has one
    out = []
    for fn in CHECKS.values():
        out += fn(site, today) if fn is not translations.check else fn(site)
    return out


# ---------------------------------------------------------------- the build's use of it

def _fingerprint(site) -> tuple:
    """Names and times of every file the checks read: the same fingerprint means the same answer."""
    files = []
    for folder in (site.docs, Path(site.root) / "quizzes"):
        if folder.is_dir():
            files += [(str(f), f.stat().st_mtime_ns) for f in folder.rglob("*") if f.suffix in (".md", ".yml", ".txt", ".json")]
    return tuple(sorted(files))


_LAST: dict = {}


def for_build(site, today: dt.date | None = None) -> tuple[str, str]:
    """(errors, warnings) as printable text; errors is '' when the site may be built.
    Cached on the files' times: each language build and each unchanged serve rebuild costs one scan."""
    from .links import _nav_entries  # the nav's files matter, not its (translated) section titles

    from . import settings as settings_mod

    from . import strings

    strings.refresh()  # interface strings re-read if their files changed (make serve)
    today = today or getattr(settings_mod, "today", dt.date.today)()
    settings = {k: v for k, v in site.settings.items() if k != "nav"}
    key = (str(site.docs), str(today), repr(sorted(settings.items())), tuple(_nav_entries(site.settings.get("nav"))),
           _fingerprint(site))
    if _LAST.get("key") != key:
        site.render_cache = {}  # renderings of these files, shared by the checks below and the build
        found = sorted(set(problems(site, today)), key=lambda p: (rel(p.path), p.line, p.message))
        errors = [str(p) for p in found if p.level == "error"]
        warnings = [str(p) for p in found if p.level != "error"]
        text = ""
        if errors:
            text = ("\n" + "\n".join(errors) + f"\n\n{len(errors)} error(s): nothing was published. Correct each line above "
                    "(file:line: what to do), save, and the site is built again. `make check` shows the same list.")
        _LAST.update(key=key, result=(text, "\n".join(warnings)))
        _LAST["new"] = True
    else:
        _LAST["new"] = False
    return _LAST["result"]


def is_new() -> bool:
    """Whether the last for_build() call checked changed files (warnings are then printed once)."""
    return bool(_LAST.get("new"))
