"""The course certificate (`<!-- certificate -->` on the progress page): what a manager needs to read on it.

The learner's name, the issuer (the edition's competence centre from docs/_data/cities.yml), the course title
and version (docs/_data/course.yml `version:`), each test with its date and score, the date of issue, and an
honest line: it is printed from this browser's own record, and an LMS record (SCORM package) is the one that
counts. The markup is the template overrides/components/course-certificate.html; quiz.js fills in the name, the results and
the date, and unlocks the form once every test is passed. A track's certificate (`<!-- track-certificate: ID -->`, scripts/tracks.py)
uses the same template. Pure module: no mkdocs import.
"""
from __future__ import annotations


from . import course as C
from .strings import lookup, section


STRINGS = section("certificate")  # docs/_data/strings/LANG.yml


def s(lang: str, key: str, **kw) -> str:
    return lookup(STRINGS, lang, key, **kw)


def edition(site) -> dict:
    """The edition's entry in docs/_data/cities.yml (`editions:`), or {}."""
    data, _ = site.data("cities")
    city = str(site.settings.get("city") or "")
    for e in (data or {}).get("editions") or [] if isinstance(data, dict) else []:
        if isinstance(e, dict) and e.get("id") == city:
            return e
    return {}


def issuer(site, lang: str) -> str:
    """The competence centre that issues the course, spelled as in cities.yml, with the city's name."""
    e = edition(site)
    centre = C._text(e.get("competence_centre"), lang)
    city = C._text(e.get("name"), lang) or C.city_name(site, lang)
    return f"{centre}, {city}" if centre and city and city not in centre else centre or city


def course_title(site, lang: str) -> str:
    return C._text(C.course(site).get("title"), lang)


def render(site, lang: str, *, tests: list, course: str, track: str = "", done: str = "", within: str = "") -> str:
    """The certificate block for these tests: the whole course's, or a track's (`track`, `done`, `within`)."""
    from . import components

    version = C.course(site).get("version")
    t = {k: s(lang, k) for k in STRINGS["sv"]}
    if done:
        t["done"] = done
    html = components.render(
        "course-certificate", site, t=t, tests=tests, course=course, track=track, within=within,
        version=s(lang, "version", v=version) if version not in (None, "") else "",
        issuer=issuer(site, lang),
        site_name=C.site_name(site, lang),
    )
    # No blank lines inside: Markdown must leave the block alone.
    return "\n\n" + "\n".join(line for line in html.splitlines() if line.strip()) + "\n\n"


def render_certificate(arg: str, ctx) -> str:
    return render(ctx.site, ctx.lang, tests=C._tests(ctx.site, ctx.lang), course=course_title(ctx.site, ctx.lang))


RENDERERS = {"certificate": render_certificate}
