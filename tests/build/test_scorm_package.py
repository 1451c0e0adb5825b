"""The SCORM 1.2 packages (`make scorm`, scripts/scorm.py): manifest valid against the SCORM 1.2 schemas with
xmllint, every file listed and every listed file there, links relative and inside the package, one language each."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scorm_build import packages, unzip  # noqa: E402

from scripts import scorm  # noqa: E402

NS = {"cp": scorm.NS_CP, "adlcp": scorm.NS_ADLCP}


def xmllint(manifest: Path, schema_dir: Path) -> subprocess.CompletedProcess:
    if not shutil.which("xmllint"):
        pytest.fail("xmllint is missing: run `make test` (it installs Debian's libxml2-utils)")
    # adlcp_rootv1p2.xsd imports imscp_rootv1p1p2.xsd (and it ims_xml.xsd): both namespaces are checked strictly.
    return subprocess.run(["xmllint", "--noout", "--schema", str(schema_dir / "adlcp_rootv1p2.xsd"), str(manifest)],
                          capture_output=True, text=True)


@pytest.fixture(scope="module", params=["sv", "en"])
def pkg(request, tmp_path_factory):
    return request.param, unzip(request.param, tmp_path_factory.mktemp(f"pkg-{request.param}"))


def listed(root: Path) -> tuple[ET.Element, list[str]]:
    tree = ET.parse(root / "imsmanifest.xml").getroot()
    return tree, [f.get("href") for f in tree.iterfind(".//cp:resource/cp:file", NS)]


def test_the_manifest_is_valid_scorm_1_2(pkg):
    lang, root = pkg
    res = xmllint(root / "imsmanifest.xml", root)
    assert res.returncode == 0 and "validates" in res.stderr, res.stderr
    tree, _ = listed(root)
    assert tree.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert tree.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    scos = tree.findall(".//cp:resource[@adlcp:scormtype='sco']", NS)
    assert len(scos) == 1 and scos[0].get("href") == "scorm/launch.html"  # one SCO: the launch page
    items = tree.findall(".//cp:organization/cp:item", NS)
    assert len(items) == 1 and items[0].get("identifierref") == scos[0].get("identifier")
    title = tree.findtext(".//cp:organization/cp:title", namespaces=NS)
    assert title.endswith("(Göteborg)" if lang == "sv" else "(Gothenburg)"), title
    for f in scorm.SCHEMA_FILES:
        assert (root / f).is_file()  # the schema files travel with the package


def test_xmllint_refuses_a_broken_manifest(pkg, tmp_path):
    _, root = pkg
    text = (root / "imsmanifest.xml").read_text(encoding="utf-8")
    for f in scorm.SCHEMA_FILES:
        shutil.copy(root / f, tmp_path / f)
    broken = tmp_path / "imsmanifest.xml"
    broken.write_text(text.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"'), encoding="utf-8")
    assert xmllint(broken, tmp_path).returncode != 0
    broken.write_text(text.replace("<organizations", "<organisations").replace("</organizations>", "</organisations>"), encoding="utf-8")
    assert xmllint(broken, tmp_path).returncode != 0


def test_every_file_is_listed_and_every_listed_file_is_there(pkg):
    _, root = pkg
    _, hrefs = listed(root)
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert len(hrefs) == len(set(hrefs))
    assert sorted(set(hrefs) - files) == []                       # listed but missing
    assert sorted(files - set(hrefs)) == ["imsmanifest.xml"]      # there but not listed: only the manifest itself
    with zipfile.ZipFile(packages()[pkg[0]]) as z:
        assert z.namelist()[0] == "imsmanifest.xml"


def test_one_language_relative_links_nothing_from_another_host(pkg):
    lang, root = pkg
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert scorm.check_package(root, files) == []
    # the help cards (hjalp/LANG/) are hand-out pages in their own languages, shared by both packages; they keep
    # their public address as canonical (no browser fetches it)
    cards = [f for f in files if f.startswith("hjalp/") and f.endswith(".html")]
    assert "hjalp/sv/index.html" in cards and "hjalp/en/index.html" in cards
    for f in cards:
        assert not re.search(r'\s(?:href|src)="/', (root / f).read_text(encoding="utf-8")), f
    pages = [f for f in files if f.endswith(".html") and not f.startswith(("scorm/", "hjalp/"))]
    assert len(pages) > 50
    if lang == "sv":
        assert not any(f.startswith("en/") for f in files) and "index.html" in files
    else:
        assert all(f.startswith("en/") for f in pages) and "en/index.html" in files
    for f in pages:
        text = (root / f).read_text(encoding="utf-8")
        assert not re.search(r'\s(?:href|src)="/', text), f               # no root-absolute link
        assert 'class="md-select"' not in text and 'rel="canonical"' not in text, f  # no language switcher, no address
        assert not re.search(r'\s(?:href|src)="(?!https?:|mailto:|tel:|#)[^"]*/(?:#[^"]*)?"', text), f  # folders: index.html
        assert "scorm/links.js" in text, f
    launch = (root / "scorm/launch.html").read_text(encoding="utf-8")
    assert f'src="../{"index.html" if lang == "sv" else "en/index.html"}"' in launch
    assert "<script>" not in launch and "style=" not in launch  # strict CSP: no inline script or style


def test_check_package_finds_what_would_break_in_an_lms(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example/x.css"><a href="/en/">x</a><a href="../b/">y</a>'
        '<script src="../app.js"></script><a href="https://example.org/">fine</a>', encoding="utf-8")
    (tmp_path / "app.js").write_text("", encoding="utf-8")
    problems = scorm.check_package(tmp_path, ["a/index.html", "app.js"])
    assert "a/index.html: loads https://cdn.example/x.css from another host" in problems
    assert "a/index.html: link /en/ starts with '/': it would leave the package" in problems
    assert "a/index.html: link ../b/ points to b, which is not in the package" in problems
    assert len(problems) == 3


def test_folder_links_get_index_html(tmp_path):
    for rel in ("index.html", "a/index.html", "a/b/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "index.html").write_text('<a href="a/">a</a><a href="./">home</a>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<a href="../">up</a><a href="b/#x">b</a><a href="#top">t</a>', encoding="utf-8")
    (tmp_path / "a" / "b" / "index.html").write_text('<a href="../../a/">a</a>', encoding="utf-8")
    files = ["index.html", "a/index.html", "a/b/index.html"]
    assert scorm.rewrite_folder_links(tmp_path, files) == 5
    assert (tmp_path / "index.html").read_text() == '<a href="a/index.html">a</a><a href="index.html">home</a>'
    assert (tmp_path / "a/index.html").read_text() == '<a href="../index.html">up</a><a href="b/index.html#x">b</a><a href="#top">t</a>'
    assert (tmp_path / "a/b/index.html").read_text() == '<a href="../../a/index.html">a</a>'


def test_an_unknown_course_is_refused():
    from scripts.site import Site
    with pytest.raises(scorm.PackageError, match="unknown course or track 'chefer' \\(known: kurs"):
        scorm.course_spec(Site(), "sv", "chefer")
    spec = scorm.course_spec(Site(), "en", scorm.DEFAULT_COURSE)
    assert [t["id"] for t in spec["tests"]][-1] == spec["final"] == "slutprov" and spec["start"] == "en/index.html"
    assert len(spec["tests"]) == 7 and spec["pass"] == 80 and spec["version"] == "1"


def test_each_track_gets_its_own_package(tmp_path):
    """Course tracks (docs/_data/tracks.yml): a package per track, opening at the track's page, complete when the
    tests of the tracks it builds on and its own are passed, scored by its own test."""
    import json

    from scorm_build import OUT
    from scripts import tracks as T
    from scripts.site import Site

    packages()  # builds the SCORM site once (OUT/site)
    site = Site()
    found = T.tracks(site)
    assert len(found) >= 6
    for t in found:
        spec = scorm.course_spec(site, "sv", t["id"])
        own = [x["id"] for x in T._tests(site, t, "sv")]
        assert spec["final"] == t["quiz"] and [x["id"] for x in spec["tests"]] == own, t["id"]
        assert spec["start"] == t["page"][:-3] + "/index.html"
        path = scorm.make_package(site, OUT / "site", "sv", tmp_path, t["id"])
        assert path.name == f"kunskapsbanken-goteborg-{t['id']}-sv.zip"
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            launch = z.read("scorm/launch.html").decode("utf-8")
            manifest = z.read("imsmanifest.xml").decode("utf-8")
        assert spec["start"] in names and json.dumps(spec["final"]) in launch
        assert T._text(t["title"], "sv") in manifest
    en = scorm.course_spec(site, "en", "skola")
    assert en["start"] == "en/utbildningen/spar/skola/index.html" and [x["id"] for x in en["tests"]] == ["spar-karna", "spar-skola"]
