"""`make bench`: how fast the site builds, how light its pages are, and how both grow.

Prints a table, writes build/bench.json and rewrites the Performance section of README.md.
Figures, not tests: nothing here fails on a slow machine.

  1. build: the real site, strict, both languages (median of N interleaved runs: ours, plain, ours, plain …),
     against the same Markdown built with plain Material + mkdocs-static-i18n (no hooks, no template overrides);
     the ratio of the medians is our overhead, in wall time and in CPU time (CPU time suffers less from a
     machine shared with other work)
  2. growth: synthetic sites of 100, 300, 1000 pages x 2 languages with the project's configuration
  3. editor loop: seconds from saving a page to the change being served by `properdocs serve` (median of edits)
  4. weight (gzip): first visit of the home, a content and a quiz page; quiz assets
  4b. search (Pagefind): bytes a real Chromium fetches on a first visit before any interaction, on a first
     search and in a session of five searches; index size per language; indexing time
  5. Lighthouse (mobile, desktop) for three pages, served with gzip; installed with `npm ci` from the lock file
     when missing (a failing `npm ci` is reported, not hidden)

The build tool is ProperDocs (the maintained MkDocs 1.x), as in the Makefile.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gzip
import http.server
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
OUT = ROOT / "build"
PROPERDOCS = str(BIN / "properdocs")
# The bench site is built for, and served at, this port; the editor loop serves at the next one.
# Defaults follow TEST_PORT so that benches of several checkouts on one machine do not clash.
LH_PORT = int(os.environ.get("BENCH_PORT") or int(os.environ.get("TEST_PORT") or 8765) + 1)
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", SITE_URL=f"http://127.0.0.1:{LH_PORT}/")
GOALS = {"overhead_ratio": 1.25, "ms_per_page_lang": 25, "change_visible_s": 1.5, "content_first_visit_kb": 60,
         "quiz_assets_kb": 10, "lighthouse_mobile_performance": 95}
PAGES = {"home": "", "content": "agera/skolan/", "quiz": "tecken/sjalvtest/"}


# ------------------------------------------------------------------------------------------- helpers

def timed_build(cwd: Path, dest: Path, config: str = "mkdocs.yml", strict: bool = True) -> tuple[float, int]:
    """(seconds, peak RSS in MB) of one `properdocs build` in a fresh process."""
    return timed_build_cpu(cwd, dest, config, strict)[::2]


def timed_build_cpu(cwd: Path, dest: Path, config: str = "mkdocs.yml", strict: bool = True) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds (user + system), peak RSS in MB) of one `properdocs build` in a fresh process."""
    rss_file = Path(tempfile.mktemp())
    cmd = ["/usr/bin/time", "-f", "%U %S %M", "-o", str(rss_file), PROPERDOCS, "build", "-q", "-f", config, "-d", str(dest)]
    # -q only quiets the output here; strictness is checked by the real build below when strict is asked for
    t0 = time.perf_counter()
    res = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    if res.returncode:
        raise SystemExit(f"build failed in {cwd}:\n{res.stderr[-2000:]}")
    user, system, rss = rss_file.read_text().split()[-3:]
    rss_file.unlink()
    if strict:
        check = subprocess.run([PROPERDOCS, "build", "--strict", "-f", config, "-d", str(dest)],
                               cwd=cwd, env=ENV, capture_output=True, text=True)
        if check.returncode:
            raise SystemExit(f"strict build failed:\n{check.stderr[-2000:]}")
    return secs, float(user) + float(system), int(rss) // 1024


def plain_config(text: str) -> str:
    """The project's mkdocs.yml without our hooks and template overrides."""
    text = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", text)
    return text.replace("  custom_dir: overrides\n", "")


def project_copy(tmp: Path, docs: Path | None = None) -> Path:
    proj = tmp / "proj"
    proj.mkdir(parents=True)
    for name in ("overrides", "scripts", "quizzes"):
        (proj / name).symlink_to(ROOT / name)
    shutil.copytree(docs or ROOT / "docs", proj / "docs")
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    return proj


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def kb(n: int) -> float:
    return round(n / 1024, 1)


# ------------------------------------------------------------------------------------------- 1. build

def bench_build(runs: int) -> dict:
    with tempfile.TemporaryDirectory() as t:
        proj = project_copy(Path(t))
        (proj / "plain.yml").write_text(plain_config((proj / "mkdocs.yml").read_text()))
        ours, plain = [], []
        timed_build_cpu(proj, proj / "site-ours", strict=True)  # warm-up (disk cache, .pyc) and the strict check
        for i in range(runs):  # interleaved, so that machine noise hits both alike
            ours.append(timed_build_cpu(proj, proj / "site-ours", strict=False))
            plain.append(timed_build_cpu(proj, proj / "site-plain", "plain.yml", strict=False))
        pages = sum(1 for _ in (proj / "site-ours").rglob("index.html"))
    med = lambda runs_, i: statistics.median(r[i] for r in runs_)  # noqa: E731
    o, p, oc, pc = med(ours, 0), med(plain, 0), med(ours, 1), med(plain, 1)
    # the ratio of each interleaved pair, too: its median is robust to a burst of load hitting one pair
    pair = statistics.median(a[0] / b[0] for a, b in zip(ours, plain))
    return {"ours_s": round(o, 2), "plain_s": round(p, 2), "ratio": round(o / p, 2), "pair_ratio": round(pair, 2),
            "ours_cpu_s": round(oc, 2), "plain_cpu_s": round(pc, 2), "cpu_ratio": round(oc / pc, 2), "runs": runs,
            "pages_built": pages, "ms_per_page_lang": round(1000 * o / pages, 1),
            "ours_rss_mb": max(r[2] for r in ours), "plain_rss_mb": max(r[2] for r in plain),
            "load_average": round(os.getloadavg()[0], 1)}


def profile_build() -> list[str]:
    """Where a build spends its time: the top cumulative entries, grouped by package."""
    with tempfile.TemporaryDirectory() as t:
        proj = project_copy(Path(t))
        prof = Path(t) / "prof.out"
        code = (f"import cProfile, os, sys; os.chdir({str(proj)!r}); sys.argv=['properdocs','build','-q','-d','site'];"
                "from properdocs.__main__ import cli\n"
                f"cProfile.run('try:\\n    cli()\\nexcept SystemExit:\\n    pass', {str(prof)!r})")
        subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True)
        if not prof.exists():
            return []
        stats = pstats.Stats(str(prof))
        total = stats.total_tt
        groups: dict[str, float] = {}
        for (file, _, func), (_, _, tt, _, _) in stats.stats.items():
            key = ("our hooks/scripts" if "/scripts/" in file or "/overrides/hooks/" in file else
                   "jinja2 templates" if "jinja2" in file or file.startswith("<template") or "templates" in file else
                   "markdown + pymdownx" if "/markdown/" in file or "pymdownx" in file else
                   "mkdocs_static_i18n" if "mkdocs_static_i18n" in file else
                   "properdocs core" if "/properdocs/" in file or "/mkdocs/" in file else
                   "material plugins" if "/material/" in file else
                   "yaml" if "/yaml/" in file else "other (stdlib, regex, I/O)")
            groups[key] = groups.get(key, 0) + tt
        return [f"{k}: {100 * v / total:.0f} %" for k, v in sorted(groups.items(), key=lambda kv: -kv[1])]


# ------------------------------------------------------------------------------------------- 2. growth

WORDS = ("Socialtjänsten ska vara uppmärksam på tecken som kan tyda på att ett barn eller en vuxen utnyttjas. "
         "Tecken och riskfaktorer är inte bevis, men de är skäl att fråga, dokumentera och samråda. ")


def synthetic_page(i: int, lang: str) -> str:
    para = (WORDS if lang == "sv" else "Staff should notice signs that a child or an adult is being exploited. "
            "Signs and risk factors are not proof, but they are reasons to ask, document and consult. ") * 4
    sections = "\n".join(f"## Avsnitt {j} {{ #avsnitt-{j} }}\n\n{para}\n\n- punkt ett\n- punkt två\n" for j in range(5))
    return (f"---\ntitle: Sida {i}\ndescription: Syntetisk sida {i} för mätning.\nowner: kompetenscentrum\n"
            f"reviewed: 2026-11-23\nsources: [sou-2023-97]\n---\n\n!!! objectives \"Mål\"\n    - Ett mål.\n\n{sections}\n"
            f"| a | b |\n|---|---|\n| 1 | 2 |\n\n!!! keypoints \"Viktigast\"\n    - Punkt.\n")


def bench_growth(sizes: list[int], prune: tuple = ()) -> list[dict]:
    """Synthetic sites; sizes in `prune` are built a second time with Material's navigation.prune (each page
    then carries only the navigation around it, not the whole tree)."""
    out = []
    for n, pruned in [(n, False) for n in sizes] + [(n, True) for n in prune]:
        with tempfile.TemporaryDirectory() as t:
            proj = Path(t) / "proj"
            (proj / "docs").mkdir(parents=True)
            for name in ("overrides", "scripts", "quizzes"):
                (proj / name).symlink_to(ROOT / name)
            shutil.copytree(ROOT / "docs" / "_data", proj / "docs" / "_data")
            shutil.copytree(ROOT / "docs" / "assets", proj / "docs" / "assets")
            for i in range(n):
                folder = proj / "docs" / f"del{i // 30}"
                folder.mkdir(exist_ok=True)
                (folder / f"sida-{i}.md").write_text(synthetic_page(i, "sv"))
                (folder / f"sida-{i}.en.md").write_text(synthetic_page(i, "en"))
            cfg = (ROOT / "mkdocs.yml").read_text()
            cfg = cfg[: cfg.index("\nnav:")] + "\n"
            if pruned:
                cfg = cfg.replace("  features:\n", "  features:\n    - navigation.prune\n", 1)
            (proj / "mkdocs.yml").write_text(cfg)
            secs, rss = timed_build(proj, proj / "site", strict=False)
        out.append({"pages_per_lang": n, "build_s": round(secs, 1), "ms_per_page_lang": round(1000 * secs / (2 * n), 1),
                    "peak_rss_mb": rss, "prune": pruned})
    return out


# ------------------------------------------------------------------------------------------- 3. editor loop

def bench_editor_loop(port: int = LH_PORT + 1, edits: int = 5, extra: tuple = ()) -> dict:
    """`properdocs serve` as `make serve` runs it: seconds until the first page is served, then, for each of
    `edits` saves of a page, seconds from the save until the served page shows the change (median, and all)."""
    with tempfile.TemporaryDirectory() as t:
        proj = project_copy(Path(t))
        env = dict(ENV, SITE_URL=f"http://127.0.0.1:{port}/")
        srv = subprocess.Popen([PROPERDOCS, "serve", "-f", "mkdocs.yml", "-w", "quizzes", "-a", f"127.0.0.1:{port}", *extra],
                               cwd=proj, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}/om/"
            t0 = time.perf_counter()
            while time.perf_counter() - t0 < 180:
                try:
                    urllib.request.urlopen(url, timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.2)
            startup = time.perf_counter() - t0
            page = proj / "docs" / "om.md"
            original = page.read_text()
            times = []
            for i in range(edits):
                time.sleep(1.5)  # let the watcher settle after the previous rebuild
                token = f"Mätpunkt {i} {int(time.time())}"
                page.write_text(original + f"\n{token}\n")
                t1 = time.perf_counter()
                while time.perf_counter() - t1 < 180:
                    try:
                        if token in urllib.request.urlopen(url, timeout=2).read().decode():
                            break
                    except OSError:
                        pass
                    time.sleep(0.02)
                times.append(round(time.perf_counter() - t1, 2))
            # the live preview's search: the Swedish index is replaced once the background indexing is done
            entry_url = f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json"
            searchable = None
            try:
                first = json.loads(urllib.request.urlopen(entry_url, timeout=2).read())["languages"]["sv"]["hash"]
            except (OSError, ValueError, KeyError):
                first = None
            t2 = time.perf_counter()
            page.write_text(original + "\nSökbar mätpunkt\n")
            while first is not None and time.perf_counter() - t2 < 180:
                try:
                    if json.loads(urllib.request.urlopen(entry_url, timeout=2).read())["languages"]["sv"]["hash"] != first:
                        searchable = time.perf_counter() - t2
                        break
                except (OSError, ValueError, KeyError):
                    pass
                time.sleep(0.1)
            return {"serve_startup_s": round(startup, 1), "change_visible_s": round(statistics.median(times), 2),
                    "change_visible_all_s": times, "change_searchable_s": round(searchable, 1) if searchable else None}
        finally:
            srv.terminate()
            srv.wait(10)


# ------------------------------------------------------------------------------------------- 4. weight

ASSET_RE = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def first_visit(site: Path, path: str) -> dict:
    """Compressed bytes a first visit downloads: the HTML and the CSS and JS it references."""
    html_file = site / path / "index.html"
    html = html_file.read_bytes()
    sizes = {"html": gz(html), "css": 0, "js": 0}
    for ref in ASSET_RE.findall(html.decode()):
        if ref.startswith(("http:", "https:", "//")):
            raise SystemExit(f"{path}: references another host: {ref}")
        f = (html_file.parent / ref.split("?")[0]).resolve()
        sizes["css" if f.suffix == ".css" else "js"] += gz(f.read_bytes())
    sizes["total"] = sum(sizes.values())
    return {k: kb(v) for k, v in sizes.items()}


def bench_weight(site: Path) -> dict:
    out = {name: first_visit(site, p) for name, p in PAGES.items() if (site / p / "index.html").exists()}
    assets = [site / "assets/javascripts/quiz.js", site / "assets/stylesheets/quiz.css"]
    out["quiz_assets_kb"] = kb(sum(gz(f.read_bytes()) for f in assets if f.exists()))
    home = (site / "index.html").read_text()
    out["quiz_assets_only_on_quiz_pages"] = "quiz.js" not in home and "quiz.css" not in home
    return out


# ------------------------------------------------------------------------------------------- 4b. search

SEARCHES = ["människohandel", "sugar daddy", "vem ringer jag", "orosanmälan", "betänketid"]


def bench_search(site: Path, runs: int = 3) -> dict:
    """Pagefind in a real Chromium against the site served with gzip: compressed bytes of every response."""
    from scripts import search as pf
    out = {"index_kb": {}, "indexing_s": None}
    for lang, sz in pf.language_sizes(site / pf.BUNDLE).items():
        out["index_kb"][lang] = {"pages": sz["pages"], "total": kb(sz["meta"] + sz["index_and_fragments"] + sz["wasm"]),
                                 "index_and_fragments": kb(sz["index_and_fragments"]), "wasm": kb(sz["wasm"])}
    with tempfile.TemporaryDirectory() as t:
        out["indexing_s"] = round(statistics.median(pf.index(site, Path(t) / f"b{i}") for i in range(runs)), 2)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        out["browser"] = {"skipped": "playwright not installed"}
        return out
    from scripts.serve_static import serve
    srv, base = serve(str(site), LH_PORT, handler=GzipHandler)
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=args)
            page = browser.new_page()
            got: list = []
            page.on("requestfinished", lambda r: got.append((r.url, r.sizes()["responseBodySize"])))
            page.goto(base + PAGES["content"])
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            before = list(got)
            got.clear()
            sizes = []
            for q in SEARCHES:
                page.fill("#kb-search-input", q)
                page.wait_for_function("q => document.querySelector('[data-kb-search]').dataset.kbSearchDone === q", arg=q)
                page.wait_for_load_state("networkidle")
                sizes.append(sum(n for _, n in got))
            browser.close()
    finally:
        srv.shutdown()
    out["first_visit_kb"] = kb(sum(n for _, n in before))
    out["first_visit_requests"] = len(before)
    out["search_requests_before_use"] = sum(1 for u, _ in before if "/pagefind/" in u or "search-ui" in u)
    out["first_search_kb"] = kb(sizes[0])
    out["five_searches_kb"] = kb(sizes[-1])
    return out


# ------------------------------------------------------------------------------------------- 5. lighthouse

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser asks (as a real host would)."""

    def log_message(self, *a):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.endswith("/"):
                return super().send_head()
            path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path) or \
                not path.endswith((".html", ".css", ".js", ".json", ".xml", ".svg")):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def install_lighthouse() -> str | None:
    """Lighthouse from the committed lock file (`npm ci`) when node_modules lacks it. None when it is there;
    otherwise why not, in words (a failing `npm ci` is reported, never hidden)."""
    lh = ROOT / "node_modules" / ".bin" / "lighthouse"
    if lh.exists():
        return None
    if not (ROOT / "package-lock.json").exists():
        return "not installed: no package-lock.json"
    if not shutil.which("npm"):
        return "not installed: npm is missing (Node.js 20 with npm is needed for Lighthouse)"
    print("  installing Lighthouse: npm ci (from package-lock.json) …", flush=True)
    res = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True)
    if res.returncode:
        out = (res.stderr or res.stdout or "no output").strip().splitlines()
        said = [l.replace("npm error", "").strip() for l in out if l.startswith(("npm error", "npm ERR"))]
        why = " ".join(x for x in said if x and x != "code EUSAGE")[:300] or out[-1][:300]
        return f"npm ci failed (exit {res.returncode}): {why.split(' Clean install')[0]}"
    return None if lh.exists() else "npm ci ran, but node_modules/.bin/lighthouse is still missing"


def bench_lighthouse(site: Path) -> dict:
    lh = ROOT / "node_modules" / ".bin" / "lighthouse"
    why = install_lighthouse()
    if why:
        print(f"  Lighthouse skipped: {why}", flush=True)
        return {"skipped": why}
    from scripts.serve_static import serve
    srv, base = serve(str(site), LH_PORT, handler=GzipHandler)
    flags = ("--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
             "--disable-sync --no-first-run")
    out = {}
    try:
        for name, path in PAGES.items():
            for preset in ("mobile", "desktop"):
                with tempfile.TemporaryDirectory() as t:
                    cmd = [str(lh), base + path, f"--chrome-flags={flags}", "--output=json", f"--output-path={t}/r.json",
                           "--quiet"] + (["--preset=desktop"] if preset == "desktop" else [])
                    subprocess.run(cmd, env=dict(os.environ, CHROME_PATH=os.environ.get("CHROMIUM", "/usr/bin/chromium")),
                                   capture_output=True, timeout=300)
                    try:
                        r = json.loads(Path(t, "r.json").read_text())
                    except (OSError, ValueError):
                        out[f"{name}/{preset}"] = {"error": "no report"}
                        continue
                out[f"{name}/{preset}"] = {k: round(v["score"] * 100) for k, v in r["categories"].items() if v["score"] is not None}
    finally:
        srv.shutdown()
    return out


# ------------------------------------------------------------------------------------------- report

def machine() -> str:
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    mem = next((int(l.split()[1]) // 1024 // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB, {platform.platform()}, Python {platform.python_version()}"


def table(r: dict) -> str:
    b, w = r["build"], r["weight"]
    rows = [("Build, real site, strict (median of %d)" % b["runs"], f"{b['ours_s']} s ({b['pages_built']} pages, {b['ms_per_page_lang']} ms/page/lang)", ""),
            ("Build, same Markdown, plain Material + i18n", f"{b['plain_s']} s", ""),
            ("Our overhead (ratio of medians, wall)", f"{b['ratio']}× (median of pair ratios {b.get('pair_ratio', '–')}×)", f"≤ {GOALS['overhead_ratio']}×"),
            ("Our overhead (ratio of medians, CPU time)", f"{b.get('cpu_ratio', '–')}× ({b.get('ours_cpu_s', '–')} / {b.get('plain_cpu_s', '–')} s)", f"≤ {GOALS['overhead_ratio']}×"),
            ("Peak memory (ours / plain)", f"{b['ours_rss_mb']} / {b['plain_rss_mb']} MB", "")]
    for g in r["growth"]:
        rows.append((f"Synthetic {g['pages_per_lang']} pages × 2 languages" + (", `navigation.prune`" if g.get("prune") else ""),
                     f"{g['build_s']} s, {g['ms_per_page_lang']} ms/page/lang, {g['peak_rss_mb']} MB",
                     f"≤ {GOALS['ms_per_page_lang']} ms/page/lang"))
    e = r.get("editor_loop", {})
    if e:
        rows.append(("Editor loop: `make serve` start / change visible (median of edits)",
                     f"{e['serve_startup_s']} s / {e['change_visible_s']} s (all: {', '.join(map(str, e.get('change_visible_all_s', [])))})",
                     f"change ≤ {GOALS['change_visible_s']} s"))
        if e.get("change_searchable_s"):
            rows.append(("Editor loop: change findable in the preview's search (background indexing)", f"{e['change_searchable_s']} s", ""))
    for name in PAGES:
        if name in w:
            rows.append((f"First visit, {name} page (gzip: HTML + CSS + JS)", f"{w[name]['total']} KB (html {w[name]['html']}, css {w[name]['css']}, js {w[name]['js']})",
                         f"≤ {GOALS['content_first_visit_kb']} KB" if name == "content" else ""))
    sr = r.get("search", {})
    if sr.get("first_visit_kb") is not None:
        rows.append(("First visit, content page, as Chromium fetches it (all responses, gzip)",
                     f"{sr['first_visit_kb']} KB in {sr['first_visit_requests']} requests, "
                     f"{sr['search_requests_before_use']} of them for search", f"≤ {GOALS['content_first_visit_kb']} KB"))
        rows.append(("Search: first search / session of five searches (Pagefind, compressed)",
                     f"{sr['first_search_kb']} / {sr['five_searches_kb']} KB", ""))
    if sr.get("index_kb"):
        rows.append(("Search index per language (pages; stored compressed, incl. its WebAssembly)",
                     "; ".join(f"{k} {v['pages']} pages {v['total']} KB ({v['index_and_fragments']} index + fragments)"
                               for k, v in sorted(sr["index_kb"].items())), ""))
        rows.append(("Search indexing time (Pagefind, whole site, median of 3)", f"{sr['indexing_s']} s", ""))
    rows.append(("Quiz script + styles (gzip), only on quiz pages", f"{w['quiz_assets_kb']} KB, {'yes' if w['quiz_assets_only_on_quiz_pages'] else 'NO'}", f"≤ {GOALS['quiz_assets_kb']} KB"))
    for k, v in r.get("lighthouse", {}).items():
        rows.append((f"Lighthouse {k}", ", ".join(f"{a} {b}" for a, b in v.items()) if isinstance(v, dict) else str(v),
                     "perf ≥ 95, others 100" if k.endswith("mobile") else ""))
    out = ["| measure | figure | goal |", "|---|---|---|"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(out)


def update_readme(r: dict, text_table: str) -> None:
    readme = ROOT / "README.md"
    s = readme.read_text()
    load = r.get("build", {}).get("load_average")
    block = (f"<!-- bench:start -->\nMeasured {r['date']} on {r['machine']}"
             + (f", load average {load} while measuring (a machine shared with other work: wall times are inflated;"
                " the ratios of interleaved runs are the figures to compare)" if load else "") + f".\n\n{text_table}\n\n"
             + ("Where the time goes (cProfile of one build, own time by package): " + "; ".join(r["profile"]) + ".\n" if r.get("profile") else "")
             + "<!-- bench:end -->")
    if "<!-- bench:start -->" in s:
        s = re.sub(r"<!-- bench:start -->.*<!-- bench:end -->", lambda _: block, s, flags=re.S)
    else:
        s = s.rstrip() + "\n\n" + block + "\n"
    readme.write_text(s)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="100,300,1000")
    ap.add_argument("--prune", default="1000", help="sizes also built with navigation.prune (comma list, or empty)")
    ap.add_argument("--skip", default="", help="comma list of: growth,editor,search,lighthouse,profile")
    a = ap.parse_args(argv)
    skip = set(a.skip.split(","))
    OUT.mkdir(exist_ok=True)
    r = {"date": dt.date.today().isoformat(), "machine": machine(), "goals": GOALS}
    print("build …", flush=True)
    r["build"] = bench_build(a.runs)
    site = OUT / "bench-site"
    shutil.rmtree(site, ignore_errors=True)
    timed_build(ROOT, site, strict=False)
    r["weight"] = bench_weight(site)
    if "search" not in skip:
        print("search …", flush=True)
        r["search"] = bench_search(site)
    if "profile" not in skip:
        print("profile …", flush=True)
        r["profile"] = profile_build()
    if "growth" not in skip:
        print("growth …", flush=True)
        r["growth"] = bench_growth([int(x) for x in a.sizes.split(",")], tuple(int(x) for x in a.prune.split(",") if x))
    else:
        r["growth"] = []
    if "editor" not in skip:
        print("editor loop …", flush=True)
        r["editor_loop"] = bench_editor_loop()
    if "lighthouse" not in skip:
        print("lighthouse …", flush=True)
        r["lighthouse"] = bench_lighthouse(site)
    (OUT / "bench.json").write_text(json.dumps(r, indent=2, ensure_ascii=False))
    t = table(r)
    print(t)
    update_readme(r, t)
    print(f"\nwritten: {OUT / 'bench.json'}, README.md (Performance)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
