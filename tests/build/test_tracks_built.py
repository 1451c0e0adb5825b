"""Every course track, built in both languages: its sections included from their pages as rendered there,
its computed time, its test and its certificate; the course page offers each track with the same time."""
from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import pages as P
from scripts import tracks as T
from scripts.course import duration
from scripts.site import Site

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("TEST_SITE", ROOT / "build" / "test-site"))
SITE_DATA = Site()
TRACKS = T.tracks(SITE_DATA)


@pytest.fixture(scope="module")
def site() -> Path:
    if not (SITE / "index.html").exists():
        env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{os.environ.get('TEST_PORT', '8765')}/", NO_MKDOCS_2_WARNING="1")
        subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-d", str(SITE)], cwd=ROOT, env=env, check=True)
    return SITE


def built(site: Path, slug: str, lang: str) -> str:
    url = slug[:-3] + "/" if not slug.endswith("index.md") else slug[: -len("index.md")]
    return (site / ("en/" if lang == "en" else "") / url / "index.html").read_text(encoding="utf-8")


def text(page_html: str) -> str:
    body = page_html[page_html.index("<article"):page_html.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def section_text(page_html: str, hid: str) -> str:
    """The rendered text of a section of a built page: from its heading to the next heading of that level."""
    m = re.search(rf'<h([2-6]) id="{re.escape(hid)}"', page_html)
    assert m, hid
    rest = page_html[m.end():]
    rest = rest[rest.index(f"</h{m.group(1)}>") + 5:]  # the body, without the heading itself
    end = re.search(rf"<h[2-{m.group(1)}][ >]", rest)
    return text("<article>" + rest[: end.start() if end else len(rest)] + "</article>")


def test_there_is_a_core_and_five_role_tracks():
    assert [t["id"] for t in TRACKS] == ["karna", "skola", "socialtjanst", "vard", "tillsyn", "fritid"]
    assert TRACKS[0].get("after") is None and TRACKS[0]["limit"] == 60
    assert all(t["after"] == "karna" and t["limit"] == 30 for t in TRACKS[1:])


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("track", TRACKS, ids=[t["id"] for t in TRACKS])
def test_every_track_builds_with_its_sections_time_test_and_certificate(site, track, lang):
    page = built(site, track["page"], lang)
    assert f'<html lang="{lang}"' in page
    shown = text(page)
    tm = T.track_time(SITE_DATA, track, lang)
    assert tm.total <= track["limit"]
    when = duration(tm.total, lang)
    assert ("Tid: " if lang == "sv" else "Time: ") + when in shown
    assert page.count('class="track-source"') == len(track["sections"])
    for ref in track["sections"]:
        slug, hid = T.split_ref(ref)
        # the section as the reader sees it on its own page is there, word for word, on the track page
        source = section_text(built(site, slug, lang), hid)
        assert source[:200] in shown, (ref, source[:200])
        # with a link back to where it comes from
        there = P.source_slug(slug)[:-3].removesuffix("/index").removesuffix("index")
        assert re.search(rf'class="track-source">[^<]*<a href="[./]*{re.escape(there)}/#{hid}"', page), ref
    assert f'id="quiz-{track["quiz"]}"' in page
    assert f'data-certificate data-track="{track["id"]}"' in page
    if track.get("gaps"):
        assert "".join(track["gaps"][lang].split()) in "".join(shown.split())  # glossary <abbr> tags add spaces


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_course_page_offers_every_track_with_its_time(site, lang):
    shown = text(built(site, "utbildningen/index.md", lang))
    for t in TRACKS:
        tm = T.track_time(SITE_DATA, t, lang)
        assert f"{t['title'][lang]} " in shown
        assert duration(tm.total, lang) in shown
    assert ("Hela utbildningen" if lang == "sv" else "The full course") in shown
    # honest time: every module's time includes its test, and the total is given
    assert ("Hela utbildningen: cirka" if lang == "sv" else "The whole course: about") in shown


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_min_utbildning_has_a_row_per_track(site, lang):
    page = built(site, "utbildningen/min-utbildning.md", lang)
    rows = re.findall(r'<tr data-track="([^"]+)" data-quiz="([^"]+)" data-version="(\d+)" data-needs="([^"]*)"', page)
    assert [r[0] for r in rows] == [t["id"] for t in TRACKS]
    assert rows[0][3] == "" and all(r[3] == "spar-karna:1" for r in rows[1:])
