"""`make serve` searches too: the live preview has a Pagefind index from its start, and a saved change reaches
the index after the rebuild (indexed in the background, so the rebuild itself does not wait for it)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.helpers import make_project, page

MKDOCS = str(Path(sys.executable).parent / "mkdocs")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> bytes | None:
    try:
        return urllib.request.urlopen(url, timeout=5).read()
    except OSError:
        return None


def wait_for(check, timeout: float = 240.0):
    """Poll until check() returns something truthy (the deadline only guards against a hang)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"gave up after {timeout:.0f} s")


def test_live_preview_has_a_search_index_that_follows_changes(tmp_path):
    sv = page("Start", "## Välkommen { #valkommen }\n\nMänniskohandel är ett brott.")
    proj = make_project(tmp_path, {"index.md": sv, "index.en.md": page("Home", "## Welcome { #valkommen }\n\nText.")})
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, SITE_URL=base, NO_MKDOCS_2_WARNING="1")
    srv = subprocess.Popen([MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=proj, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        entry = json.loads(wait_for(lambda: fetch(base + "pagefind/pagefind-entry.json")))
        assert set(entry["languages"]) == {"sv", "en"}
        first_hash = entry["languages"]["sv"]["hash"]
        index = proj / "docs" / "index.md"
        time.sleep(1.5)  # let the watcher settle
        index.write_text(index.read_text(encoding="utf-8") + "\nMätpunkt loverboy.\n", encoding="utf-8")
        wait_for(lambda: b"loverboy" in (fetch(base) or b""))
        # the bundle stays available across the rebuild and is replaced once the new index is ready
        new = wait_for(lambda: (e := fetch(base + "pagefind/pagefind-entry.json")) and
                       json.loads(e)["languages"]["sv"]["hash"] != first_hash and json.loads(e))
        assert new["languages"]["sv"]["page_count"] == 1
        assert fetch(base + f"pagefind/pagefind.{new['languages']['sv']['hash']}.pf_meta")
    finally:
        srv.terminate()
        try:
            srv.wait(20)
        except subprocess.TimeoutExpired:
            srv.kill()
