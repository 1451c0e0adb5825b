"""Browser fixtures: a served test build and Debian's Chromium driven by Playwright.

Every page created through the `page` fixture records requests to any host other than the local
server (`page.external`) and console errors (`page.console_errors`)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("TEST_SITE", ROOT / "build" / "test-site"))
PORT = int(os.environ.get("TEST_PORT", "8765"))  # the port the test build was made for
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").exists():  # `make test` builds it first; direct pytest runs build it here
        env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{PORT}/", NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
        subprocess.run([str(Path(sys.executable).parent / "properdocs"), "build", "-f", "mkdocs.yml", "--strict", "-d", str(SITE)],
                       cwd=ROOT, env=env, check=True)
    return SITE


@pytest.fixture(scope="session")
def served_site(site_dir) -> str:
    sys.path.insert(0, str(ROOT))
    from scripts.serve_static import serve
    srv, url = serve(str(site_dir), PORT)
    yield url
    srv.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: run `make test` (it installs it) or apt-get install chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _instrument(page, base: str):
    page.external, page.console_errors = [], []
    local = (base.rstrip("/"), "data:", "blob:", "about:")
    page.on("request", lambda r: page.external.append(r.url) if not r.url.startswith(local) else None)
    page.on("console", lambda m: page.console_errors.append(f"{m.type}: {m.text} @ {page.url}") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.console_errors.append(f"pageerror: {e} @ {page.url}"))
    return page


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, served_site):
    return _instrument(context.new_page(), served_site)


@pytest.fixture
def make_page(browser, served_site):
    """Pages in contexts of your choice: make_page(java_script_enabled=False, viewport=...)."""
    contexts = []

    def make(**kw):
        kw.setdefault("viewport", {"width": 1280, "height": 900})
        ctx = browser.new_context(**kw)
        contexts.append(ctx)
        return _instrument(ctx.new_page(), served_site)
    yield make
    for c in contexts:
        c.close()
