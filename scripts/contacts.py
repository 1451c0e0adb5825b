"""Local contacts: the "Vem ringer jag? / Who do I call?" boxes and the contacts directory.

Data (docs/_data/):
- contacts.yml    every contact, keyed by a stable id, with its source and the date it was verified;
- cities.yml      the editions (goteborg, stockholm, ...): which areas' contacts each shows, and the
                  emergency contacts that head every acute box;
- situations.yml  the situations a page can show (`<!-- contacts: barn-oro -->`) and the needs that
                  group the directory (`<!-- contacts-directory -->`).
The edition is the setting `city` (mkdocs.yml `extra.city`, or CITY=...). Contacts are shown only when
their area is one of the edition's areas, so one situations file serves every city.

Phone numbers live only in contacts.yml: check() reports a number written in a page, and numbers not
in Swedish format.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field

from .markers import find_markers
from .problems import Problem
from .strings import lookup, section
from .yamlfile import line_of, validate

DIRECTORY_PAGE = "kontakter/"        # the directory's URL (docs/kontakter/index.md), per language
AUDIENCES = ("children", "young-people", "adults", "relatives", "buyers", "professionals")
REQUIRED_SITUATIONS = ("akut-fara", "barn-akut", "barn-oro", "vuxen-utsatt", "yrkesverksam-rad", "kopare-sluta", "barn-natet")
DEFAULT_REVIEW_MONTHS = 12
FILES = ("contacts", "cities", "situations")

STRINGS = section("contacts")  # docs/_data/strings/LANG.yml
# Heading ids of the directory's target-group sections (language-neutral).
AUDIENCE_IDS = {"children": "malgrupp-barn", "young-people": "malgrupp-unga", "adults": "malgrupp-vuxna",
                "relatives": "malgrupp-narstaende", "buyers": "malgrupp-kopare", "professionals": "malgrupp-yrkesverksamma"}


def _s(lang: str) -> dict:
    return STRINGS.get(lang, STRINGS["sv"])


# ---------------------------------------------------------------- phone numbers

# Swedish formats as organisations print them: 112 · 114 14 · 116 111 · 020-50 50 50 · 020-390 000 · 031-365 87 00
PHONE_FORMAT_RE = re.compile(r"^(?:112|11[0-9] [0-9]{2}|116 [0-9]{3}|0[1-9][0-9]{0,2}-[0-9]{2,3}(?: [0-9]{2,3}){1,3})$")
PHONE_EXAMPLES = "e.g. 031-123 45 67, 020-50 50 50, 020-390 000, 114 14, 116 111 or 112"


def valid_phone(number: str) -> bool:
    """A number in Swedish format: short codes, or 0 + area code + dash + grouped digits (8-10 digits)."""
    if not PHONE_FORMAT_RE.match(number or ""):
        return False
    digits = re.sub(r"\D", "", number)
    return not digits.startswith("0") or 8 <= len(digits) <= 10


PHONE_CHARS_RE = re.compile(r"[0-9][0-9 -]*[0-9]")


def phone_char_problem(number: str) -> str:
    """Why a number cannot be shown and dialled as written ('' when it can)."""
    if PHONE_CHARS_RE.fullmatch(number or ""):
        return ""
    bad = "".join(dict.fromkeys(ch for ch in number if not (ch.isdigit() or ch in " -"))) or number
    return (f"phone number '{number}' contains '{bad}': a phone number has only digits, spaces and dashes "
            f"({PHONE_EXAMPLES}), so that the link dials exactly the number shown")


def tel_href(number: str) -> str:
    """The tel: link for a number as shown: exactly its digits (refused when it has other characters)."""
    problem = phone_char_problem(number)
    if problem:
        raise LookupError(problem)
    return "tel:" + re.sub(r"[ -]", "", number)


# Numbers written in page text. Long numbers are unambiguous; short codes (112, 114 14, 116 xxx) count
# when a word about calling stands shortly before them ("ring 112", "call 116 111"), except "114 14"
# and the EU helplines, which are always numbers.
_B = r"(?<![\w/.:,§+\-–])"
_A = r"(?![\w]|[\-–.,:/]\d)"
_LONG_RE = re.compile(_B + r"(\+46[ \-]?(?:\(0\))?[1-9]\d{0,2}(?:[ \-]?\d{2,4}){2,4}|0\d{1,3}[ \-–]\d{2,4}(?: ?\d{2,3}){0,3}|0\d{8,9})" + _A)
_SHORT_RE = re.compile(_B + r"(112|11[0-9] ?\d{2}|116 ?\d{3})" + _A)
_ALWAYS_SHORT = {"114 14", "116 006", "116 016", "116 111", "116 117", "116 123"}
_CALL_WORDS_RE = re.compile(r"\b(ring\w*|call\w*|dial\w*|phone\w*|telefon\w*|tel|nummer\w*|numret|number|nödnumr\w*|larm\w*|sms\w*)\b\W*(\w+\W+){0,3}$", re.I)
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.I)
_STRIP_RES = (re.compile(r"<!--.*?-->"), re.compile(r"`[^`]*`"), re.compile(r"\]\([^)]*\)"),
              re.compile(r"\bhttps?://\S+"), re.compile(r"\{\s*#[^}]*\}"))
_FENCE_RE = re.compile(r"^\s*(```|~~~)")


def _digits(s: str) -> int:
    return len(re.sub(r"\D", "", s))


def phone_numbers_in_text(line: str) -> list[str]:
    """Phone numbers written in one line of page text (markers, code, link targets and URLs left out)."""
    for rx in _STRIP_RES:
        line = rx.sub(lambda m: " " * len(m.group(0)), line)
    found = []
    for m in _LONG_RE.finditer(line):
        n = m.group(1)
        d = _digits(n)
        if (n.startswith("+46") and 9 <= d <= 12) or (n.startswith("0") and 8 <= d <= 10):
            found.append((m.start(1), n))
    taken = [(s, s + len(n)) for s, n in found]
    for m in _SHORT_RE.finditer(line):
        if any(a <= m.start(1) < b for a, b in taken):
            continue
        n = m.group(1)
        if n in _ALWAYS_SHORT or _CALL_WORDS_RE.search(line[max(0, m.start(1) - 40):m.start(1)]):
            found.append((m.start(1), n))
    return [n for _, n in sorted(found)]


def emails_in_text(line: str) -> list[str]:
    for rx in _STRIP_RES:
        line = rx.sub(" ", line)
    return _EMAIL_RE.findall(line)


# ---------------------------------------------------------------- data

@dataclass
class Data:
    contacts: dict = field(default_factory=dict)     # id -> contact (first of a duplicated id)
    situations: dict = field(default_factory=dict)   # id -> situation, in file order
    needs: list = field(default_factory=list)
    editions: dict = field(default_factory=dict)
    areas: dict = field(default_factory=dict)
    notes: dict = field(default_factory=dict)
    owner: str = "kompetenscentrum"
    raw: dict = field(default_factory=dict)          # name -> parsed file (or None)
    problems: list = field(default_factory=list)     # YAML syntax / missing-file problems


_CACHE: dict = {}


def _path(site, name: str) -> str:
    return str(site.data_dir / f"{name}.yml")


def load(site) -> Data:
    """The three data files as one index; cached on their modification times (the build renders every page twice)."""
    files = [site.data_dir / f"{n}.yml" for n in FILES]
    key = (str(site.data_dir), tuple(f.stat().st_mtime if f.exists() else None for f in files))
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    d = Data()
    for name in FILES:
        parsed, problems = site.data(name)
        d.raw[name] = parsed if isinstance(parsed, dict) else None
        d.problems += problems
        if parsed is None and not problems:
            d.problems.append(Problem(_path(site, name), 1, f"missing data file docs/_data/{name}.yml"))
    c, ci, s = (d.raw.get(n) or {} for n in FILES)
    for item in _dicts(c.get("contacts")):
        d.contacts.setdefault(item.get("id"), item)
    d.notes = c.get("verification_notes") if isinstance(c.get("verification_notes"), dict) else {}
    d.owner = str(c.get("owner") or "kompetenscentrum")
    for item in _dicts(ci.get("areas")):
        d.areas.setdefault(item.get("id"), item)
    for item in _dicts(ci.get("editions")):
        d.editions.setdefault(item.get("id"), item)
    d.needs = _dicts(s.get("needs"))
    for item in _dicts(s.get("situations")):
        d.situations.setdefault(item.get("id"), item)
    _CACHE.clear()
    _CACHE[key] = d
    return d


def _dicts(value) -> list:
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def _t(value, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("sv") or "")
    return "" if value is None else str(value)


def _known(ids) -> str:
    return ", ".join(sorted(str(i) for i in ids))


def edition(site, data: Data | None = None) -> dict:
    """The edition chosen by the setting `city`; LookupError names the known ones."""
    data = data or load(site)
    city = str(site.settings.get("city") or "")
    ed = data.editions.get(city)
    if ed is None:
        raise LookupError(f"unknown city '{city}' (mkdocs.yml extra.city or CITY): known editions in "
                          f"docs/_data/cities.yml: {_known(data.editions) or 'none'}")
    return ed


def in_edition(contact: dict, ed: dict) -> bool:
    return contact.get("area") in (ed.get("areas") or [])


def situation_ids(data: Data, situation: dict, ed: dict) -> list[str]:
    """Contact ids of a situation's box in this edition, in order: for an acute situation the
    edition's emergency contacts (112, police, local socialjour) first. Unknown ids are kept (check() reports them)."""
    ids = list(ed.get("emergency") or []) if situation.get("acute") else []
    ids += list(situation.get("contacts") or [])
    out = []
    for cid in ids:
        c = data.contacts.get(cid)
        if cid not in out and (c is None or in_edition(c, ed)):
            out.append(cid)
    return out


def situation_contacts(data: Data, situation: dict, ed: dict) -> list[dict]:
    out = []
    for cid in situation_ids(data, situation, ed):
        c = data.contacts.get(cid)
        if c is None:
            raise LookupError(f"situation '{situation.get('id')}': unknown contact '{cid}' (not in docs/_data/contacts.yml)")
        out.append(c)
    return out


def edition_contacts(data: Data, ed: dict) -> list[dict]:
    return [c for c in data.contacts.values() if in_edition(c, ed)]


# ---------------------------------------------------------------- rendering

def _href(address: str) -> str:
    return address if re.match(r"^https?://", address) else "https://" + address


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {_s(lang)['and']} " + items[-1]


def _reach_fields(contact: dict) -> dict:
    reach = contact.get("reach")
    return reach if isinstance(reach, dict) else {}


def _has_reach(contact: dict) -> bool:
    r = _reach_fields(contact)
    return bool(r.get("phone") or r.get("web") or r.get("email"))


def _page_date(value: str, lang: str) -> str:
    s = _s(lang)
    if not value:
        return s["undated"]
    if value.startswith("ca "):
        value = f"{s['approx']} {value[3:]}"
    return s["dated"].format(d=value)


def _sources(contact: dict, ctx, full: bool) -> list[dict]:
    """Where a contact's details come from: a registered source's title, or a page's title, address (`full`:
    the directory; boxes stay short) and date."""
    items, registry = [], None
    for src in contact.get("sources") or []:
        if not isinstance(src, dict):
            continue
        if "ref" in src:
            if registry is None:
                from .sources import registry as reg
                registry = reg(ctx.site)
            entry = registry.get(src["ref"])
            items.append({"ref": True, "title": _t(entry["title"], ctx.lang) if entry else src["ref"], "address": "", "date": ""})
            continue
        items.append({"ref": False, "title": str(src.get("title", "")), "address": str(src.get("address") or "") if full else "",
                      "date": _page_date(str(src.get("page_date") or ""), ctx.lang)})
    return items


def card_data(contact: dict, ctx, full: bool = True) -> dict:
    """One contact as the template `contacts-card` shows it: name, organisation, for whom, offers, confirmed
    reach (each phone number with the tel: link that dials exactly its digits), source and date."""
    lang, s = ctx.lang, _s(ctx.lang)
    name, org = _t(contact.get("name"), lang), _t(contact.get("organisation"), lang)
    facts = []
    audience = [s["audience"].get(a, a) for a in contact.get("audience") or []]
    if audience:
        text = _join(audience, lang)
        facts.append({"label": "for", "values": [{"text": text[:1].upper() + text[1:]}]})
    for key in ("ages", "offers"):
        if contact.get(key):
            facts.append({"label": key, "values": [{"text": _t(contact[key], lang)}]})
    reach = _reach_fields(contact)
    phones = [{"tel": tel_href(str(p["number"])), "text": str(p["number"]), "label": _t(p.get("label"), lang)}
              for p in reach.get("phone") or [] if isinstance(p, dict) and p.get("number")]
    if phones:
        facts.append({"label": "phone", "values": phones})
    web = _t(reach.get("web"), lang)
    if web:
        facts.append({"label": "web", "values": [{"href": _href(web), "text": web}]})
    if reach.get("email"):
        facts.append({"label": "email", "values": [{"href": f"mailto:{reach['email']}", "text": reach["email"]}]})
    if reach.get("hours"):
        facts.append({"label": "hours", "values": [{"text": _t(reach["hours"], lang)}]})
    org_web = contact.get("organisation_web") or ""
    for fact in facts:  # every value with every field the template reads
        fact["values"] = [{"tel": "", "href": "", "label": "", **v} for v in fact["values"]]
    return {"id": contact.get("id", ""), "name": name, "org": org, "facts": facts, "has_reach": _has_reach(contact),
            "org_web": org_web, "org_web_href": _href(org_web) if org_web else "", "note": _t(contact.get("note"), lang),
            "sources": _sources(contact, ctx, full), "verified": str(contact.get("verified") or "")}


def _t_markup(lang: str):
    from . import components
    return components.strings(lambda lang_, key: lookup(STRINGS, lang_, key), lang)


def contact_card(contact: dict, ctx, anchor: bool = False, full: bool = True) -> str:
    """One contact as a list item (overrides/components/contacts-card.html)."""
    from . import components
    return components.render("contacts-card", ctx.site, t=_t_markup(ctx.lang), c=card_data(contact, ctx, full), anchor=anchor)


def _notes(contacts: list[dict], data: Data, lang: str) -> list[str]:
    seen = []
    for c in contacts:
        n = c.get("verified_note")
        if n and n in data.notes and n not in seen:
            seen.append(n)
    return [_t(data.notes[n], lang) for n in seen]


def _directory_url(ctx) -> str:
    """URL of the directory page relative to the page being rendered (raw HTML is not rewritten by MkDocs)."""
    target = ("" if ctx.lang == "sv" else f"{ctx.lang}/") + DIRECTORY_PAGE
    here = getattr(ctx, "page_url", "") or ""
    if not here:
        return target
    start = here if here.endswith("/") else posixpath.dirname(here) or "."
    rel = posixpath.relpath(target, start.rstrip("/") or ".")
    return rel + "/" if not rel.endswith("/") else rel


def _box_id(ctx, situation_id: str) -> str:
    used = ctx.__dict__.setdefault("_contacts_box_ids", set()) if hasattr(ctx, "__dict__") else set()
    base, n = f"vem-ringer-{situation_id}", 1
    hid = base
    while hid in used:
        n += 1
        hid = f"{base}-{n}"
    used.add(hid)
    return hid


def render_box(arg: str, ctx) -> str:
    """`<!-- contacts: SITUATION -->`: the "Vem ringer jag?" box for the edition's city
    (overrides/components/contacts-box.html)."""
    from markupsafe import Markup

    from . import components
    from .cards import handover_html  # "material att lämna över": the help cards (scripts/cards.py)

    data = load(ctx.site)
    if not arg:
        raise LookupError(f"the contacts marker needs a situation, e.g. <!-- contacts: barn-oro --> (known: {_known(data.situations)})")
    situation = data.situations.get(arg)
    if situation is None:
        raise LookupError(f"unknown contacts situation '{arg}' (known: {_known(data.situations)})")
    ed = edition(ctx.site, data)
    contacts = situation_contacts(data, situation, ed)
    lang = ctx.lang
    return components.render(
        "contacts-box", ctx.site, t=_t_markup(lang), box_id=_box_id(ctx, arg), acute=bool(situation.get("acute")),
        title=_t(situation.get("title"), lang), intro=_t(situation.get("intro"), lang),
        contacts=[card_data(c, ctx, full=False) for c in contacts],
        notes=_notes(contacts, data, lang), notes_class="contacts-box__check",
        directory_href=f"{_directory_url(ctx)}#{situation.get('need', '')}", handover=Markup(handover_html(ctx)))


def _sort_key(text: str) -> str:
    return text.casefold().translate(str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"}))


def render_directory(arg: str, ctx) -> str:
    """`<!-- contacts-directory -->`: every contact of the edition, grouped by need and by target group
    (overrides/components/contacts-directory.html)."""
    from . import components

    data = load(ctx.site)
    ed = edition(ctx.site, data)
    lang, s = ctx.lang, _s(ctx.lang)
    all_contacts = edition_contacts(data, ed)
    local = [_t(data.areas[a]["name"], lang) for a in ed.get("areas") or [] if a != "national" and a in data.areas]
    anchored: set = set()

    def cards(contacts):
        items = []
        for c in contacts:
            items.append({"contact": card_data(c, ctx), "anchor": c.get("id") not in anchored})
            anchored.add(c.get("id"))
        return items

    needs = []
    for need in data.needs:
        sits = [x for x in data.situations.values() if x.get("need") == need.get("id")]
        if sits:
            needs.append({"id": need.get("id"), "title": _t(need.get("title"), lang), "situations": [
                {"id": sit.get("id"), "title": _t(sit.get("title"), lang), "intro": _t(sit.get("intro"), lang),
                 "contacts": cards(situation_contacts(data, sit, ed))} for sit in sits]})
    rest = sorted((c for c in all_contacts if c.get("id") not in anchored), key=lambda c: _sort_key(_t(c.get("name"), lang)))
    rest = cards(rest)
    audiences = []
    for aud in AUDIENCES:
        members = sorted((c for c in all_contacts if aud in (c.get("audience") or [])),
                         key=lambda c: _sort_key(_t(c.get("name"), lang)))
        if members:
            label = s["audience"][aud]
            audiences.append({"id": AUDIENCE_IDS[aud], "label": label[:1].upper() + label[1:], "members": [
                {"id": c.get("id"), "name": _t(c.get("name"), lang), "org": _t(c.get("organisation"), lang)} for c in members]})
    return components.render(
        "contacts-directory", ctx.site, t=_t_markup(lang), city=_t(ed.get("name"), lang), areas=_join(local, lang),
        national="national" in (ed.get("areas") or []), centre=_t(ed.get("competence_centre"), lang) if ed.get("competence_centre") else "",
        notes=_notes(all_contacts, data, lang), notes_class="contacts-check", needs=needs, rest=rest, audiences=audiences)


RENDERERS = {"contacts": render_box, "contacts-directory": render_directory}


# ---------------------------------------------------------------- checks

def _months(site) -> int:
    try:
        return int(site.settings.get("review_interval_months") or DEFAULT_REVIEW_MONTHS)
    except (TypeError, ValueError):
        return DEFAULT_REVIEW_MONTHS


def _parse_date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _city_line(site) -> tuple[str, int]:
    path = site.root / "mkdocs.yml"
    try:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"^\s+city\s*:", line):
                return str(path), i
    except OSError:
        pass
    return str(path), 1


def check_data(site, today: dt.date | None = None) -> list[Problem]:
    """contacts.yml, cities.yml and situations.yml on their own and against each other."""
    today = today or dt.date.today()
    data = load(site)
    problems = list(data.problems)
    cpath, cipath, spath = (_path(site, n) for n in FILES)
    c, ci, s = (data.raw.get(n) for n in FILES)
    if c is not None:
        problems += validate(c, "contacts.schema.json", cpath)
    if ci is not None:
        problems += validate(ci, "cities.schema.json", cipath)
    if s is not None:
        problems += validate(s, "situations.schema.json", spath)

    # ids unique
    for raw, key, path, what in ((c, "contacts", cpath, "contact"), (ci, "areas", cipath, "area"),
                                 (ci, "editions", cipath, "edition"), (s, "needs", spath, "need"),
                                 (s, "situations", spath, "situation")):
        seen = {}
        items = (raw or {}).get(key)
        for i, item in enumerate(_dicts(items)):
            iid = item.get("id")
            line = line_of(raw, [key, i])
            if iid in seen:
                problems.append(Problem(path, line, f"duplicate {what} id '{iid}' (first at line {seen[iid]})"))
            seen.setdefault(iid, line)

    # contacts
    from .sources import registry
    sources = registry(site)
    months = _months(site)
    for i, contact in enumerate(_dicts((c or {}).get("contacts"))):
        cid = contact.get("id")
        where = ["contacts", i]
        area = contact.get("area")
        if data.areas and area is not None and area not in data.areas:
            problems.append(Problem(cpath, line_of(c, where + ["area"]),
                                    f"contact '{cid}': unknown area '{area}' (known areas in docs/_data/cities.yml: {_known(data.areas)})"))
        reach = _reach_fields(contact)
        for j, phone in enumerate(reach.get("phone") or []):
            number = phone.get("number") if isinstance(phone, dict) else None
            if isinstance(number, str) and not valid_phone(number):
                why = phone_char_problem(number) or f"phone number '{number}' is not in Swedish format ({PHONE_EXAMPLES})"
                problems.append(Problem(cpath, line_of(c, where + ["reach", "phone", j, "number"]), f"contact '{cid}': {why}"))
        if reach and contact.get("confidence") == "low":
            problems.append(Problem(cpath, line_of(c, where + ["reach"]),
                                    f"contact '{cid}': confidence is low, so no contact details may be published: remove reach or find a better source"))
        if _has_reach(contact):
            missing = [k for k in ("sources", "verified") if not contact.get(k)]
            if missing:
                problems.append(Problem(cpath, line_of(c, where),
                                        f"contact '{cid}' has phone, e-mail or web but no {' and no '.join(missing)}: say where the details come from and when they were checked"))
        note = contact.get("verified_note")
        if note is not None and note not in data.notes:
            problems.append(Problem(cpath, line_of(c, where + ["verified_note"]),
                                    f"contact '{cid}': unknown verified_note '{note}' (known: {_known(data.notes)})"))
        for k, src in enumerate(contact.get("sources") or []):
            if isinstance(src, dict) and "ref" in src and src["ref"] not in sources:
                problems.append(Problem(cpath, line_of(c, where + ["sources", k]),
                                        f"contact '{cid}': unknown source '{src['ref']}' (known: {_known(sources)})"))
        verified = _parse_date(contact.get("verified")) if contact.get("verified") else None
        if verified:
            from .review import add_months
            due = add_months(verified, months)
            if due < today:
                problems.append(Problem(cpath, line_of(c, where + ["verified"]),
                                        f"contact '{cid}' was last verified {verified.isoformat()}, more than {months} months ago: "
                                        "check it against its source and update `verified`", "warning"))
            if verified > today:
                problems.append(Problem(cpath, line_of(c, where + ["verified"]),
                                        f"contact '{cid}': verified date {verified.isoformat()} is in the future"))

    # cities
    for i, ed in enumerate(_dicts((ci or {}).get("editions"))):
        eid = ed.get("id")
        for j, area in enumerate(ed.get("areas") or []):
            if data.areas and area not in data.areas:
                problems.append(Problem(cipath, line_of(ci, ["editions", i, "areas", j]),
                                        f"edition '{eid}': unknown area '{area}' (known: {_known(data.areas)})"))
        for j, cid in enumerate(ed.get("emergency") or []):
            contact = data.contacts.get(cid)
            line = line_of(ci, ["editions", i, "emergency", j])
            if contact is None:
                problems.append(Problem(cipath, line, f"edition '{eid}': unknown emergency contact '{cid}' (not in docs/_data/contacts.yml)"))
            elif not in_edition(contact, ed):
                problems.append(Problem(cipath, line, f"edition '{eid}': emergency contact '{cid}' has area '{contact.get('area')}', which the edition does not show"))
    if data.editions:
        city = str(site.settings.get("city") or "")
        if city not in data.editions:
            path, line = _city_line(site)
            problems.append(Problem(path, line, f"unknown city '{city}' (extra.city or CITY): known editions in docs/_data/cities.yml: {_known(data.editions)}"))

    # situations
    if s is not None:
        needs = {n.get("id") for n in data.needs}
        for rid in REQUIRED_SITUATIONS:
            if rid not in data.situations:
                problems.append(Problem(spath, line_of(s, ["situations"]), f"missing situation '{rid}' (pages use <!-- contacts: {rid} -->)"))
        for i, sit in enumerate(_dicts(s.get("situations"))):
            sid = sit.get("id")
            if needs and sit.get("need") is not None and sit.get("need") not in needs:
                problems.append(Problem(spath, line_of(s, ["situations", i, "need"]),
                                        f"situation '{sid}': unknown need '{sit.get('need')}' (known: {_known(needs)})"))
            seen = set()
            for j, cid in enumerate(sit.get("contacts") or []):
                line = line_of(s, ["situations", i, "contacts", j])
                if cid not in data.contacts:
                    problems.append(Problem(spath, line, f"situation '{sid}': unknown contact '{cid}' (not in docs/_data/contacts.yml)"))
                elif cid in seen:
                    problems.append(Problem(spath, line, f"situation '{sid}': contact '{cid}' is listed twice", "warning"))
                seen.add(cid)
            for eid, ed in data.editions.items():
                if not situation_ids(data, sit, ed):
                    problems.append(Problem(spath, line_of(s, ["situations", i]),
                                            f"situation '{sid}' shows no contacts in the edition '{eid}'", "warning"))
    return problems


def check_pages(site) -> list[Problem]:
    """Markers name known situations; no phone number or e-mail address is written in a page."""
    data = load(site)
    problems = []
    hint = "add it to docs/_data/contacts.yml and use <!-- contacts: ... -->"
    for page in site.pages():
        path = str(page.path)
        lines = page.body.splitlines()
        for m in find_markers(page.body):
            if m.name != "contacts":
                continue
            line = m.line + page.body_line - 1
            if not m.arg:
                problems.append(Problem(path, line, f"the contacts marker needs a situation, e.g. <!-- contacts: barn-oro --> (known: {_known(data.situations)})"))
            elif data.situations and m.arg not in data.situations:
                problems.append(Problem(path, line, f"unknown contacts situation '{m.arg}' (known: {_known(data.situations)})"))
            text = lines[m.line - 1] if m.line - 1 < len(lines) else ""
            if text[:1].isspace():
                problems.append(Problem(path, line, "write the contacts marker at the start of its own line, "
                                                    "not indented inside an admonition or a list (the box is a block of its own)"))
        in_fence = False
        for i, text in enumerate(lines, 1):
            if _FENCE_RE.match(text):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            line = page.body_line + i - 1
            for number in phone_numbers_in_text(text):
                problems.append(Problem(path, line, f"phone number '{number}' written in the page: {hint}"))
            for address in emails_in_text(text):
                problems.append(Problem(path, line, f"e-mail address '{address}' written in the page: {hint}"))
    return problems


def check(site, today: dt.date | None = None) -> list[Problem]:
    return check_data(site, today) + check_pages(site)


def review_items(site, today: dt.date) -> list[dict]:
    """For `check-review`: each contact's next verification date, under the contacts file's owner."""
    data = load(site)
    raw = data.raw.get("contacts")
    if raw is None:
        return []
    from .pagecheck import owners
    names = owners(site)
    months = _months(site)
    from .review import add_months
    out = []
    for i, contact in enumerate(_dicts(raw.get("contacts"))):
        verified = _parse_date(contact.get("verified")) if contact.get("verified") else None
        if verified is None:
            continue
        due = add_months(verified, months)
        out.append({"owner": data.owner, "owner_name": names.get(data.owner, {}).get("name", {}).get("sv", data.owner),
                    "path": _path(site, "contacts"), "line": line_of(raw, ["contacts", i, "verified"]),
                    "what": f"contact {contact.get('id')}", "due": due.isoformat(), "overdue": due < today})
    return out
