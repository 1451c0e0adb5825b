"""The certificate's markup (scripts/certificate.py + overrides/course/certificate.html): what a manager reads."""
from __future__ import annotations

from scripts import certificate
from scripts.render import RenderContext

from test_course import make_site, parsed  # noqa: E402  (tests/unit is on sys.path under pytest)

CITIES = """editions:
  - id: goteborg
    name: {sv: "Göteborg", en: "Gothenburg"}
    areas: [goteborg]
    competence_centre:
      sv: "Socialnämnden Centrum, kompetenscentrum mot människohandel"
      en: "Social Welfare Committee Centrum, competence centre on human trafficking"
"""


def render(site, lang="en"):
    src = "utbildningen/min-utbildning" + (".en.md" if lang == "en" else ".md")
    return certificate.render_certificate("", RenderContext(lang=lang, src=src, site=site))


def test_certificate_names_issuer_course_version_and_every_test(tmp_path):
    site = make_site(tmp_path, {"docs/_data/cities.yml": CITIES})
    (tmp_path / "docs/_data/course.yml").write_text(
        (tmp_path / "docs/_data/course.yml").read_text(encoding="utf-8") + "version: 3\n", encoding="utf-8")
    out = render(site)
    elements = parsed(out)
    assert ("form", {"class": "certificate__form", "hidden": None}) in elements
    assert ("input", {"type": "text", "id": "certificate-name", "name": "name", "autocomplete": "name",
                      "aria-describedby": "certificate-privacy certificate-error"}) in elements
    # the error is a live region present from the start (announced when filled)
    assert ("p", {"class": "certificate__error", "id": "certificate-error", "role": "alert"}) in elements
    rows = [a for t, a in elements if t == "tr" and "data-quiz" in a]
    assert [(r["data-quiz"], r["data-version"]) for r in rows] == [("m1", "2"), ("slutprov", "2")]
    assert "<td data-certificate-score>" in out and "<td data-certificate-test-date>" in out
    assert "Issued by: Social Welfare Committee Centrum, competence centre on human trafficking, Gothenburg" in out
    assert '<p class="certificate__course">The course</p>' in out and "Version 3" in out
    assert "printed from the results saved in this browser" in out and "platform&#39;s record is the one that counts" in out
    assert '<span data-certificate-date></span>' in out
    assert "\n\n" not in out.strip()  # one HTML block for Markdown


def test_swedish_issuer_is_spelled_as_in_cities_yml(tmp_path):
    site = make_site(tmp_path, {"docs/_data/cities.yml": CITIES})
    out = render(site, "sv")
    assert "Utfärdare: Socialnämnden Centrum, kompetenscentrum mot människohandel, Göteborg" in out
    assert "Goteborg" not in out
    assert "Version" not in out  # no version in this course.yml: no empty line for it


def test_the_real_edition_is_goteborg_with_its_competence_centre():
    from scripts.site import Site
    site = Site()
    assert certificate.issuer(site, "sv").startswith("Socialnämnden Centrum, kompetenscentrum mot människohandel")
    assert certificate.issuer(site, "sv").endswith("Göteborg")
    assert certificate.issuer(site, "en").endswith("Gothenburg")
