"""Site search with Pagefind: what each built page offers to the index, and running the indexer.

Pagefind (pip `pagefind-bin`, a static binary) reads the built HTML after the build and writes
`site/pagefind/`: one index per `<html lang>`, fetched in fragments by the browser on the first search.

- Only the article of a page is indexed, and only pages that are marked: `mark_page` puts
  `data-pagefind-body` on the article of knowledge pages. Self-tests (`kind: quiz`, `search: exclude`), the home page,
  pages shown in another language than their text (untranslated fallbacks) and the 404 page (a template,
  never marked) stay out, so a result is always a page in the language of the page searched from.
- `search: boost: N` in the front matter weights the whole article (`data-pagefind-weight`).
- Words people type that the text does not use (`sugar daddy` for sugardejting, `hallick`) come from the
  glossary's `search:` lists and a page's own `search: keywords:`: they are indexed as the text of a `hidden`
  element after the title (`data-pagefind-weight`, a section heading's weight), so results rank by them.

`Indexer` runs Pagefind once (build) or in the background after each rebuild (`make serve`), swapping the
finished bundle into the served folder so a rebuild is not held up by indexing.
"""
from __future__ import annotations

import html as html_mod
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BUNDLE = "pagefind"
ARTICLE = '<article class="md-content__inner md-typeset">'
# Inside the article, still not worth finding: reading time, permalink signs, the edit button.
EXCLUDE = [".reading-time", ".headerlink", ".md-content__button", ".md-source-file"]
KEYWORD_WEIGHT = 6.0  # as an h2: a typed synonym is as strong a sign as a section heading


class SearchIndexError(Exception):
    """Pagefind failed; the message says why in words an editor can act on."""


# ---------------------------------------------------------------- what a page offers

def settings(meta: dict | None) -> dict:
    s = (meta or {}).get("search")
    return s if isinstance(s, dict) else {}


def is_indexed(meta: dict | None, page_lang: str, build_lang: str) -> bool:
    """A page is offered in search unless it is a self-test, excluded, or shown in another language."""
    meta = meta or {}
    if page_lang != build_lang:
        return False
    if meta.get("kind") in ("quiz", "start") or settings(meta).get("exclude"):
        return False  # self-tests; the home page (a table of contents: its topics have their own pages)
    return True


def page_keywords(meta: dict | None, glossary_terms: list[dict], lang: str, src_slug: str) -> list[str]:
    """Words that find this page though its text may not use them: the page's `search: keywords:`, and the name
    and `search:` words of glossary terms whose `page:` is this page (no duplicates)."""
    words = [str(w) for w in settings(meta).get("keywords") or []]
    for term in glossary_terms:
        if term.get("page") == src_slug:
            entry = term.get(lang) or {}
            words += ([str(entry["term"])] if entry.get("term") else []) + [str(w) for w in entry.get("search") or []]
    seen, out = set(), []
    for w in words:
        key = " ".join(w.split()).casefold()
        if key and key not in seen:
            seen.add(key)
            out.append(" ".join(w.split()))
    return out


def keywords_html(words: list[str]) -> str:
    """A `hidden` element (not shown, not read out) whose text Pagefind indexes with a heading's weight.
    (Pagefind's data-pagefind-index-attrs would index an attribute, but always with weight 1.)"""
    if not words:
        return ""
    return (f'<span class="search-keywords" data-pagefind-weight="{KEYWORD_WEIGHT:g}" hidden>'
            f'{html_mod.escape(", ".join(words))}</span>')


def mark_page(output: str, *, weight: float | None = None, keywords: list[str] = ()) -> str:
    """The built page with its article marked for the index (and the keywords after the title)."""
    start = output.find(ARTICLE)
    if start < 0:
        raise SearchIndexError("the page has no Material article element to index "
                               f"({ARTICLE!r}); did the theme change? see scripts/search.py")
    attrs = " data-pagefind-body" + (f' data-pagefind-weight="{float(weight):g}"' if weight and float(weight) != 1 else "")
    tag = ARTICLE[:-1] + attrs + ">"
    output = output[:start] + tag + output[start + len(ARTICLE):]
    extra = keywords_html(list(keywords))
    if extra:
        h1_end = output.find("</h1>", start)
        at = h1_end + len("</h1>") if h1_end >= 0 else start + len(tag)
        output = output[:at] + extra + output[at:]
    return output


def boost(meta: dict | None) -> float | None:
    b = settings(meta).get("boost")
    try:
        return float(b) if b is not None else None
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------- running Pagefind

def executable() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError as e:  # pragma: no cover - the pinned requirement is missing
        raise SearchIndexError("Pagefind is not installed: run `make .venv/bin/.installed` "
                               "(requirements.txt pins pagefind-bin)") from e
    return str(get_executable())


def command(site_dir: str | Path, output: str | Path | None = None) -> list[str]:
    cmd = [executable(), "--site", str(site_dir), "--exclude-selectors", ", ".join(EXCLUDE), "--quiet"]
    if output is not None:
        cmd += ["--output-path", str(output)]
    return cmd


def index(site_dir: str | Path, output: str | Path | None = None) -> float:
    """Index the built site (bundle into SITE/pagefind, or `output`); returns the seconds it took."""
    t0 = time.perf_counter()
    res = subprocess.run(command(site_dir, output), capture_output=True, text=True)
    if res.returncode != 0:
        raise SearchIndexError("Pagefind could not index the built site:\n" + (res.stderr or res.stdout).strip()[-3000:])
    return time.perf_counter() - t0


def entry(bundle_dir: str | Path) -> dict:
    """pagefind-entry.json: {"languages": {lang: {"page_count": n, ...}}, ...}."""
    import json
    return json.loads((Path(bundle_dir) / "pagefind-entry.json").read_text(encoding="utf-8"))


def language_sizes(bundle_dir: str | Path) -> dict[str, dict]:
    """Bytes of each language's index as stored (Pagefind's files are already compressed): metadata, index
    chunks, fragments and the language's WebAssembly, with the page count."""
    bundle_dir = Path(bundle_dir)
    out = {}
    for lang, info in entry(bundle_dir)["languages"].items():
        h = info["hash"]
        files = list((bundle_dir / "index").glob(f"{lang}_*.pf_index")) + list((bundle_dir / "fragment").glob(f"{lang}_*.pf_fragment"))
        meta = bundle_dir / f"pagefind.{h}.pf_meta"
        wasm = bundle_dir / f"wasm.{info.get('wasm') or 'unknown'}.pagefind"
        out[lang] = {"pages": info["page_count"], "meta": meta.stat().st_size,
                     "index_and_fragments": sum(f.stat().st_size for f in files), "wasm": wasm.stat().st_size}
    return out


def _swap(new_bundle: Path, site_dir: Path) -> None:
    """Put a finished bundle in place of SITE/pagefind with the shortest possible gap."""
    target = site_dir / BUNDLE
    old = site_dir / f".{BUNDLE}-old-{os.getpid()}-{time.monotonic_ns()}"
    if target.exists():
        target.rename(old)
    shutil.move(str(new_bundle), str(target))
    shutil.rmtree(old, ignore_errors=True)


class Indexer:
    """Indexing for `make serve`: the first build is indexed before the site is served; each rebuild gets the
    last bundle copied back at once (the rebuild cleaned the folder) and a fresh index in the background,
    swapped in when done. A newer rebuild cancels an older indexing run."""

    def __init__(self, log=None):
        self.log = log or (lambda msg: print(msg, file=sys.stderr))
        self.cache = Path(tempfile.mkdtemp(prefix="kb-pagefind-"))
        self.generation = 0
        self.proc: subprocess.Popen | None = None
        self.thread: threading.Thread | None = None
        self.lock = threading.Lock()
        self.last_seconds: float | None = None

    def after_build(self, site_dir: str | Path) -> None:
        site_dir = Path(site_dir)
        cached = self.cache / BUNDLE
        if not cached.exists():  # serve start: index now, so search works from the first page load
            self.last_seconds = index(site_dir, cached)
            shutil.copytree(cached, site_dir / BUNDLE, dirs_exist_ok=True)
            self.log(f"Search index built in {self.last_seconds:.1f} s")
            return
        shutil.copytree(cached, site_dir / BUNDLE, dirs_exist_ok=True)
        with self.lock:
            self.generation += 1
            gen = self.generation
            if self.proc and self.proc.poll() is None:
                self.proc.terminate()
        self.thread = threading.Thread(target=self._run, args=(site_dir, gen), daemon=True)
        self.thread.start()

    def _run(self, site_dir: Path, gen: int) -> None:
        out = self.cache / f"gen-{gen}"
        shutil.rmtree(out, ignore_errors=True)
        t0 = time.perf_counter()
        with self.lock:
            if gen != self.generation:
                return
            self.proc = subprocess.Popen(command(site_dir, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            proc = self.proc
        _, err = proc.communicate()
        with self.lock:
            if gen != self.generation:
                shutil.rmtree(out, ignore_errors=True)
                return
            if proc.returncode != 0:
                self.log("Search index not updated: Pagefind failed:\n" + (err or "").strip()[-2000:])
                return
            self.last_seconds = time.perf_counter() - t0
            shutil.rmtree(self.cache / BUNDLE, ignore_errors=True)
            shutil.copytree(out, self.cache / BUNDLE)
            if site_dir.exists():
                _swap(out, site_dir)
            else:
                shutil.rmtree(out, ignore_errors=True)
        self.log(f"Search index updated in {self.last_seconds:.1f} s (in the background)")

    def wait(self, timeout: float = 60) -> None:
        if self.thread:
            self.thread.join(timeout)

    def close(self) -> None:
        with self.lock:
            self.generation += 1
            if self.proc and self.proc.poll() is None:
                self.proc.terminate()
        shutil.rmtree(self.cache, ignore_errors=True)


def main(argv=None) -> int:
    """`python -m scripts.search SITE_DIR`: index a built site and print the time and pages per language."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m scripts.search SITE_DIR", file=sys.stderr)
        return 2
    try:
        secs = index(argv[0])
    except SearchIndexError as e:
        print(e, file=sys.stderr)
        return 1
    langs = entry(Path(argv[0]) / BUNDLE)["languages"]
    print(f"indexed in {secs:.2f} s: " + ", ".join(f"{k} {v['page_count']} pages" for k, v in sorted(langs.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
