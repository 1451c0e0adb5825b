"""Course tracks (docs/_data/tracks.yml): sections included from pages, computed times, the checks."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from scripts import coursetime as CT
from scripts import tracks as T
from scripts.render import RenderContext
from scripts.site import Site

ROOT = Path(__file__).resolve().parents[2]
WORDS = " ".join(["ord"] * 400)  # 400 words: 2 minutes at 200 words a minute

TRACKS_YML = """\
tracks:
  - id: karna
    title: {sv: Kärnan, en: The core}
    limit: 60
    page: spar/karna.md
    quiz: spar-karna
    sections:
      - m1/sida.md#del
      - m1/sida.md#annat
  - id: roll
    title: {sv: Rollen, en: The role}
    after: karna
    limit: 30
    page: spar/roll.md
    quiz: spar-roll
    sections:
      - m1/sida.md#annat
"""

SIDA_SV = f"""## Del {{ #del }}

Text om delen. Läs [mer](annan.md#x) och [här](#annat).

### Underrubrik {{ #under }}

{WORDS}

## Annat {{ #annat }}

Annat innehåll med fem ord.
"""


def page(title, body, kind="reference", sources="  - sou-2023-97\n"):
    return f"---\ntitle: {title}\nkind: {kind}\nsources:\n{sources}---\n\n{body}\n"


def quiz_yml(qid, n, link="m1/sida.md#del"):
    head = f"# yaml-language-server: $schema=schema.json\nid: {qid}\nversion: 1\ntitle: {{sv: Test, en: Test}}\nquestions:\n"
    q = textwrap.dedent("""\
      - id: q{i}
        type: truefalse
        question: {{sv: "Påstående {i}.", en: "Statement {i}."}}
        answer: true
        feedback_true: {{sv: "Rätt.", en: "Right."}}
        feedback_false: {{sv: "Fel.", en: "Wrong."}}
        explanation: {{sv: "Därför.", en: "Because."}}
        link: {link}
    """)
    return head + "".join(textwrap.indent(q.format(i=i, link=link), "  ") for i in range(n))


def track_page(tid, qid):
    return page("Spår", f"Inledning.\n\n<!-- track: {tid} -->\n\n## Testet {{ #test }}\n\n<!-- quiz: {qid} -->\n\n"
                        f"## Intyg {{ #intyg }}\n\n<!-- track-certificate: {tid} -->")


def make_site(tmp_path, files: dict | None = None) -> Site:
    base = {
        "docs/_data/tracks.yml": TRACKS_YML,
        "docs/_data/sources.yml": (ROOT / "docs/_data/sources.yml").read_text(encoding="utf-8"),
        "docs/m1/sida.md": page("Sida", SIDA_SV),
        "docs/m1/sida.en.md": page("Page", SIDA_SV.replace("Text om delen", "Text about the part")),
        "docs/m1/annan.md": page("Annan", "## X { #x }\n\nText."),
        "docs/spar/karna.md": track_page("karna", "spar-karna"),
        "docs/spar/karna.en.md": track_page("karna", "spar-karna"),
        "docs/spar/roll.md": track_page("roll", "spar-roll"),
        "quizzes/spar-karna.yml": quiz_yml("spar-karna", 12),
        "quizzes/spar-roll.yml": quiz_yml("spar-roll", 4, link="m1/sida.md#annat"),
    }
    base.update(files or {})
    for rel, text in base.items():
        if text is None:
            continue
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")
    return Site(tmp_path, settings={"pass_mark": 80, "city": "goteborg", "nav": []})


def msgs(site):
    return sorted(str(p).replace(str(site.root) + "/", "") for p in T.check(site))


# ---------------------------------------------------------------- checks

def test_valid_tracks_have_no_problems(tmp_path):
    assert msgs(make_site(tmp_path)) == []


def test_a_missing_heading_id_is_named_with_the_ids_there_are(tmp_path):
    site = make_site(tmp_path, {"docs/_data/tracks.yml": TRACKS_YML.replace("m1/sida.md#annat\n  - id: roll", "m1/sida.md#saknas\n  - id: roll")})
    assert msgs(site) == [
        "docs/_data/tracks.yml:9: track 'karna': #saknas is not a heading id in docs/m1/sida.en.md (ids: del, under, annat)",
        "docs/_data/tracks.yml:9: track 'karna': #saknas is not a heading id in docs/m1/sida.md (ids: del, under, annat)",
    ]


def test_a_track_over_its_limit_says_by_how_much_in_which_language(tmp_path):
    # 12 questions x (20 s + 6 words) = 262 s of test; about 430 words of reading: 3 + 5 = 8 min
    site = make_site(tmp_path, {"docs/_data/tracks.yml": TRACKS_YML.replace("limit: 60", "limit: 5")})
    assert msgs(site) == [
        "docs/_data/tracks.yml:4: track 'karna' takes 7 min in English, more than its limit of 5 min "
        "(reading 3 min in 2 sections, test 5 min with 12 questions): drop a section or a question",
        "docs/_data/tracks.yml:4: track 'karna' takes 7 min in Swedish, more than its limit of 5 min "
        "(reading 3 min in 2 sections, test 5 min with 12 questions): drop a section or a question",
    ]


def test_test_questions_must_be_answered_by_the_tracks_own_text(tmp_path):
    site = make_site(tmp_path, {"quizzes/spar-roll.yml": quiz_yml("spar-roll", 4, link="m1/annan.md#x")})
    out = msgs(site)
    assert len(out) == 4 and all(m.endswith("question 'q%d' links to m1/annan.md#x, which is not among the sections of "
                                            "track 'roll': a track's test is answered by the track's own text" % i)
                                 for i, m in enumerate(out))
    # a heading inside an included section counts as included
    site = make_site(tmp_path, {"quizzes/spar-roll.yml": None, "quizzes/spar-karna.yml": quiz_yml("spar-karna", 12, link="m1/sida.md#under")})
    assert not [m for m in msgs(site) if "spar-karna" in m]


def test_core_question_count_page_markers_unknown_ids_and_sources(tmp_path):
    site = make_site(tmp_path, {
        "quizzes/spar-karna.yml": quiz_yml("spar-karna", 16),
        "docs/spar/roll.md": page("Spår", "<!-- track: roll -->", sources="  - goteborg-rapport-2023\n"),
        "docs/_data/tracks.yml": TRACKS_YML.replace("after: karna", "after: ingen")
                                 + "    contacts: [finns-inte]\n",
    })
    assert msgs(site) == [
        "docs/_data/tracks.yml:12: track 'roll': after: 'ingen' is not a track (known: karna, roll)",
        "docs/_data/tracks.yml:18: track 'roll': unknown contacts situation 'finns-inte' (known: none)",
        "docs/_data/tracks.yml:6: track 'karna': quiz 'spar-karna' has 16 questions, 12–15 are needed",
        "docs/spar/roll.md:4: the page of track 'roll' shows sections whose pages cite sou-2023-97: add them to sources:",
        "docs/spar/roll.md:7: the page of track 'roll' does not embed its test: add <!-- quiz: spar-roll -->",
    ]


# ---------------------------------------------------------------- sections and the track page

def test_sections_run_to_the_next_heading_of_the_same_level(tmp_path):
    site = make_site(tmp_path)
    sida = next(p for p in site.pages() if p.src == "m1/sida.md")
    secs = T.sections(sida)
    assert list(secs) == ["del", "under", "annat"]
    assert secs["del"].sub_ids == ("under",) and secs["annat"].lines[:2] == ["", "Annat innehåll med fem ord."]


def test_the_track_page_includes_sections_with_links_that_still_work(tmp_path):
    site = make_site(tmp_path)
    ctx = RenderContext(lang="sv", src="spar/karna.md", site=site)
    out = T.render_track("karna", ctx)
    assert "## Del { #del }" in out and "### Underrubrik { #under }" in out and "## Annat { #annat }" in out
    assert "[mer](../m1/annan.md#x)" in out and "[här](../m1/sida.md#annat)" in out
    assert '<p class="track-source">Ur sidan <a href="../../m1/sida/#del">Sida</a></p>' in out
    tm = T.track_time(site, T.track(site, "karna"), "sv")
    assert (tm.sections, tm.questions) == (2, 12)
    assert out.startswith(f"**Tid:** cirka {tm.total} min: läsning {tm.read_min} min (2 avsnitt) och test {tm.test_min} min (12 frågor).")
    en = T.render_track("karna", RenderContext(lang="en", src="spar/karna.en.md", site=site))
    assert "Text about the part" in en and "From the page" in en


def test_an_id_used_twice_on_the_track_page_gets_the_page_prefix(tmp_path):
    tracks = TRACKS_YML.replace("      - m1/sida.md#annat\n  - id: roll", "      - m1/sida.md#annat\n      - m1/annan.md#x\n  - id: roll")
    site = make_site(tmp_path, {"docs/_data/tracks.yml": tracks, "docs/m1/annan.md": page("Annan", "## Del { #x }\n\n### Del igen { #del }\n\nText.")})
    out = T.render_track("karna", RenderContext(lang="sv", src="spar/karna.md", site=site))
    assert "## Del { #del }" in out and "## Del (Annan) { #x }" in out  # same heading twice: the page is named
    # annan.md's #del, inside its section #x, is already taken by sida.md's #del: it gets the page's prefix
    assert "### Del igen { #m1-annan-del }" in out
    assert msgs(site) == []


def test_inserted_content_and_questions_count_in_the_time(tmp_path):
    site = make_site(tmp_path)
    plain = CT.words("Ett två tre.")
    law = CT.shown_text(site, "Ett två tre <!-- law: brb-6-11 -->.", "m1/sida.md", "x", "sv")
    assert plain == 3 and CT.words(law) >= 3  # the citation's words are counted when the register has it
    # a test: every question adds 20 seconds and the words read in it
    q = {"type": "truefalse", "question": {"sv": "Ett två"}, "feedback_true": {"sv": "tre"}, "explanation": {"sv": "fyra fem"}}
    assert CT.question_words(q, "sv") == 7  # + "Sant Falskt"
    assert CT.quiz_seconds({"questions": [q, q]}, "sv") == 2 * (20 + 7 * 60 / 200)


# ---------------------------------------------------------------- `make check` on the real content

def _copy_project(tmp_path: Path) -> Path:
    proj = tmp_path / "proj"
    for name in ("docs", "quizzes", "scripts", "overrides"):
        shutil.copytree(ROOT / name, proj / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    return proj


def _check(proj: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "scripts", "check-tracks"], cwd=proj, env=env, capture_output=True, text=True)


def test_make_check_refuses_a_missing_heading_id_and_an_over_limit_track(tmp_path):
    proj = _copy_project(tmp_path)
    assert _check(proj).returncode == 0
    data = proj / "docs/_data/tracks.yml"
    text = data.read_text(encoding="utf-8")
    lines = text.splitlines()
    bad = next(i for i, line in enumerate(lines, 1) if line.strip() == "- agera/index.md#undvik")
    limit = next(i for i, line in enumerate(lines, 1) if line.strip() == "limit: 30" and i > bad)
    text = text.replace("- agera/index.md#undvik", "- agera/index.md#finns-inte")
    text = text.replace("limit: 30", "limit: 3", 1)
    data.write_text(text, encoding="utf-8")
    res = _check(proj)
    assert res.returncode == 1
    out = res.stdout.splitlines()
    assert any(line.startswith(f"docs/_data/tracks.yml:{bad}: track 'karna': #finns-inte is not a heading id in docs/agera/index.md (ids: ")
               for line in out), res.stdout
    over = [line for line in out if line.startswith(f"docs/_data/tracks.yml:{limit}: track 'skola' takes ")]
    assert len(over) == 2 and all("more than its limit of 3 min" in line and line.endswith("drop a section or a question")
                                  for line in over), res.stdout


def test_a_contacts_box_shown_again_in_a_module_or_track_is_counted_once():
    site = Site()  # the real contacts data
    first = CT.text_parts(site, "Ett två. <!-- contacts: akut-fara -->", "agera/index.md", "x", "sv")
    again = CT.text_parts(site, "Tre. <!-- contacts: akut-fara -->", "agera/skolan.md", "x", "sv")
    box = first.boxes["akut-fara"]
    assert box > 20 and first.words == 2 and again.boxes == {"akut-fara": box}
    both = CT.Parts().add(first).add(again)
    assert both.seconds == CT.seconds_for_words(2 + 1 + box)


def test_included_sections_get_the_pages_text_steps_before_their_markers(tmp_path, monkeypatch):
    """render.prepare (the law register's date blocks on main) runs on an included section as on its own page."""
    import scripts.render as R
    site = make_site(tmp_path)
    monkeypatch.setattr(R, "prepare", lambda text, ctx, path, offset: text.replace("Annat innehåll", "Förberett innehåll"), raising=False)
    out = T.render_track("karna", RenderContext(lang="sv", src="spar/karna.md", site=site))
    assert "Förberett innehåll med fem ord." in out and "Annat innehåll" not in out
