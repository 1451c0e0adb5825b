"""`make serve` and the gate: a saved mistake is shown with its `path:line: message`, the preview keeps the
last good site (the mistake is not published), and saving the fixed file brings the preview back."""
from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

from tests.helpers import MKDOCS, make_project, page

BODY = "## Rubrik {{ #rubrik }}\n\n{}\n\n{}\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 10) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:  # 127.0.0.1 only
            return r.read().decode("utf-8")
    except OSError:
        return ""


def _wait(cond, what: str, limit: float = 600) -> None:
    """Wait for a condition (a build under load can take minutes); this is not a timing assertion."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if cond():
            return
        time.sleep(1)
    raise AssertionError(f"gave up waiting for: {what}")


def test_serve_shows_the_error_keeps_the_last_good_site_and_recovers(tmp_path):
    proj = make_project(tmp_path, {"prov/sida.md": page("Start", BODY.format("Den första texten.", "<!-- law: brb-6-11 -->"))})
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    (tmp_path / "t").mkdir()  # serve builds into a temporary folder: this one, so the test can read it
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{port}/", NO_MKDOCS_2_WARNING="1", TMPDIR=str(tmp_path / "t"))
    srv = subprocess.Popen([MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=proj, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/prov/sida/"
    try:
        _wait(lambda: "Den första texten." in _get(url), "the first build")
        f = proj / "docs" / "prov" / "sida.md"
        f.write_text(page("Start", BODY.format("Den andra texten.", "<!-- law brb-6-11 -->")), encoding="utf-8")
        expected = "docs/prov/sida.md:15: '<!-- law brb-6-11 -->' looks like a marker but is not written exactly like one"
        _wait(lambda: expected in (tmp_path / "serve.log").read_text(encoding="utf-8"), "the error in the serve output")
        # Not published: MkDocs' preview holds requests until a build succeeds (the browser waits), and the
        # files it would serve are still the last good build's.
        assert "Den andra texten." not in _get(url, timeout=5)
        served, = (tmp_path / "t").glob("mkdocs_*/prov/sida/index.html")
        html = served.read_text(encoding="utf-8")
        assert "Den första texten." in html and "Den andra texten." not in html
        assert srv.poll() is None  # the preview keeps running
        f.write_text(page("Start", BODY.format("Den tredje texten.", "<!-- law: brb-6-11 -->")), encoding="utf-8")
        _wait(lambda: "Den tredje texten." in _get(url), "the rebuild after the fix")
    finally:
        srv.terminate()
        srv.wait(timeout=60)
        log.close()
