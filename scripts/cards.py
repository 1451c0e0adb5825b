""""Where to get help" cards: one small web page per language for people who are exploited, to hand over,
print (A6) or show on a phone. Not a site language: each card is one page rendered from
docs/_data/cards.yml (the texts) and docs/_data/contacts.yml (every number), written after the build.

- Numbers, e-mail addresses and the "free" / "interpreter" claims come from contacts.yml; a claim is
  allowed only where the contact's own text in contacts.yml says so (`evidence`).
- The reflection period comes from the law register (`law:`) and is shown only while that provision is
  confirmed and in force; its number of days must be the one the register states.
- Each translation has a status: source, draft (a visible notice, in its language and in Swedish) or
  reviewed (with reviewer and date). `make check` lists the drafts.
- A city switches a language off with `extra: card_languages_off: [th]` in mkdocs.yml.
- Markup: overrides/components/help-card.html (a city can override it like any component).
- The QR code encodes the card's public address: site_url + hjalp/LANG/ (see README, "Help cards").
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup

from .problems import ContentError, Problem
from .strings import section
from .yamlfile import line_of, validate

PAGE_DIR = "hjalp"                    # site/hjalp/LANG/index.html
LISTING_PAGE = "kontakter/hjalpkort/"  # the site page (sv/en) that lists every card
CSS = "assets/stylesheets/cards.css"
ICON = "assets/images/favicon.png"  # Material's, as on every page (else the browser asks for /favicon.ico)
PLACEHOLDER_HOSTS = ("example.org", "example.com")
FIELDS = {"reflection": "{days}", "source_note": "{date}"}

STRINGS = section("cards")  # docs/_data/strings/LANG.yml, section cards (the site pages' strings; card texts are in cards.yml)


def _s(lang: str) -> dict:
    return STRINGS.get(lang) or STRINGS["sv"]


def _path(site) -> str:
    return str(site.data_dir / "cards.yml")


def _today() -> dt.date:
    from .settings import today  # the build date: today, or TODAY=YYYY-MM-DD
    return today()


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def load(site):
    """(cards data or None, YAML problems)."""
    data, problems = site.data("cards")
    if data is None and not problems:
        problems = [Problem(_path(site), 1, "missing data file docs/_data/cards.yml")]
    return (data if isinstance(data, dict) else None), problems


def _languages(data) -> list:
    items = data.get("languages") if isinstance(data, dict) else None
    return [x for x in items if isinstance(x, dict)] if isinstance(items, list) else []


def switched_off(site) -> list[str]:
    value = site.settings.get("card_languages_off") or []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def enabled(site, data) -> list[dict]:
    off = set(switched_off(site))
    return [x for x in _languages(data) if x.get("lang") not in off]


def card_path(lang: str) -> str:
    """Site-relative URL of a card."""
    return f"{PAGE_DIR}/{lang}/"


def card_url(site_url: str, lang: str) -> str:
    """The card's public address, which its QR code encodes."""
    return (site_url or "/").rstrip("/") + "/" + card_path(lang)


def is_draft(entry: dict) -> bool:
    return entry.get("status") == "draft"


# ---------------------------------------------------------------- facts from the other registers

def _contacts(site) -> dict:
    from . import contacts
    return contacts.load(site).contacts


def _reach(contact: dict) -> tuple[list[str], str]:
    reach = contact.get("reach") if isinstance(contact.get("reach"), dict) else {}
    phones = [p.get("number") for p in reach.get("phone") or [] if isinstance(p, dict) and p.get("number")]
    return [str(p) for p in phones], str(reach.get("email") or "")


def reflection_in_force(site, data, today: dt.date) -> bool:
    """The reflection-period sentence is shown while its provision is confirmed and in force."""
    from . import law
    p = law.register(site).get(str(data.get("law")))
    return bool(p) and p.get("status") == "confirmed" and law.in_force(p, today)


# ---------------------------------------------------------------- checks

def check(site, today: dt.date | None = None) -> list[Problem]:
    """cards.yml on its own and against contacts.yml, law.yml and the setting card_languages_off.
    Drafts are listed as warnings, so `make check` names every translation still to be reviewed."""
    today = today or _today()
    data, problems = load(site)
    path = _path(site)
    if data is None:
        return problems
    problems += validate(data, "cards.schema.json", path)
    from . import contacts as C
    from . import law
    known = _contacts(site)
    card_ids = []
    for i, item in enumerate(data.get("contacts") or []):
        if not isinstance(item, dict):
            continue
        cid = item.get("id")
        card_ids.append(cid)
        line = line_of(data, ["contacts", i])
        contact = known.get(cid)
        if contact is None:
            problems.append(Problem(path, line, f"unknown contact '{cid}' (not in docs/_data/contacts.yml)"))
            continue
        phones, email = _reach(contact)
        if not phones and not email:
            problems.append(Problem(path, line, f"contact '{cid}' has no confirmed phone number or e-mail in contacts.yml: a card lists only contacts the reader can reach"))
        offers = str((contact.get("offers") or {}).get("sv", "")).casefold()
        for claim in item.get("claims") or []:
            word = str((data.get("evidence") or {}).get(claim, claim))
            if word.casefold() not in offers:
                problems.append(Problem(path, line_of(data, ["contacts", i, "claims"]),
                                        f"contact '{cid}': the claim '{claim}' is not backed by contacts.yml (its Swedish offers text does not say '{word}'): remove the claim or correct the contact"))
    lid = str(data.get("law"))
    provision = law.register(site).get(lid)
    if provision is None:
        problems.append(Problem(path, line_of(data, ["law"]), f"unknown law id '{lid}' (not in docs/_data/law.yml)"))
    else:
        days = data.get("reflection_days")
        summary = str((provision.get("summary") or {}).get("sv", ""))
        if f"{days} dagar" not in summary:
            problems.append(Problem(path, line_of(data, ["reflection_days"]),
                                    f"reflection_days is {days}, but the law register's text for '{lid}' does not say '{days} dagar'"))
        if not reflection_in_force(site, data, today):
            problems.append(Problem(path, line_of(data, ["law"]),
                                    f"law '{lid}' is not confirmed and in force on {today.isoformat()}: the cards leave the reflection period out", "warning"))
    seen, sources = {}, 0
    for i, entry in enumerate(_languages(data)):
        lang, where = entry.get("lang"), ["languages", i]
        line = line_of(data, where)
        if lang in seen:
            problems.append(Problem(path, line, f"duplicate card language '{lang}' (first at line {seen[lang]})"))
        seen.setdefault(lang, line)
        status = entry.get("status")
        if status == "source":
            sources += 1
        if status == "reviewed":
            for key in ("reviewer", "reviewed"):
                if not entry.get(key):
                    problems.append(Problem(path, line_of(data, where + ["status"]),
                                            f"card language '{lang}' is reviewed but has no {key}: say who reviewed the translation and when"))
            when = _date(entry.get("reviewed"))
            if when and when > today:
                problems.append(Problem(path, line_of(data, where + ["reviewed"]), f"card language '{lang}': reviewed date {when} is in the future"))
        if status == "draft":
            problems.append(Problem(path, line_of(data, where + ["status"]),
                                    f"card language '{lang}' ({entry.get('name')}) is a draft: not yet checked by a professional translator "
                                    "(the card shows a notice; set status: reviewed, reviewer and reviewed once it is)", "warning"))
        texts = entry.get("texts") if isinstance(entry.get("texts"), dict) else {}
        labels = texts.get("contacts") if isinstance(texts.get("contacts"), dict) else {}
        for cid in card_ids:
            if cid not in labels:
                problems.append(Problem(path, line_of(data, where + ["texts", "contacts"]), f"card language '{lang}': no text for contact '{cid}'"))
        for cid in labels:
            if cid not in card_ids:
                problems.append(Problem(path, line_of(data, where + ["texts", "contacts", cid]),
                                        f"card language '{lang}': text for contact '{cid}', which the card does not list (contacts: at the top)"))
        for key, value in list(texts.items()) + [(f"contacts.{k}", v) for k, v in labels.items()]:
            if not isinstance(value, str):
                continue
            kline = line_of(data, where + ["texts"] + key.split(".", 1))
            for number in C.phone_numbers_in_text(value) + C.emails_in_text(value) + re.findall(r"\b(?:https?://|www\.)\S+", value):
                problems.append(Problem(path, kline, f"card language '{lang}': '{number}' written in the translation: numbers and addresses come from contacts.yml"))
            wanted = FIELDS.get(key)
            fields = set(re.findall(r"\{[^{}]*\}", value))
            if wanted and wanted not in fields:
                problems.append(Problem(path, kline, f"card language '{lang}': {key} must contain {wanted}"))
            for f in fields - ({wanted} if wanted else set()):
                problems.append(Problem(path, kline, f"card language '{lang}': unknown placeholder {f} in {key}"))
    if sources > 1:
        problems.append(Problem(path, line_of(data, ["languages"]), "more than one card language has status: source (the original text)"))
    for lang in switched_off(site):
        if lang not in seen:
            cfg = site.root / "mkdocs.yml"
            line = next((i for i, t in enumerate(cfg.read_text(encoding="utf-8").splitlines(), 1) if "card_languages_off" in t), 1) if cfg.exists() else 1
            problems.append(Problem(str(cfg), line, f"card_languages_off: unknown card language '{lang}' (known: {', '.join(sorted(seen))})"))
    host = urlsplit(str(site.settings.get("site_url") or "")).hostname or ""
    if not host or host in PLACEHOLDER_HOSTS:
        problems.append(Problem(str(site.root / "mkdocs.yml"), 1,
                                f"site_url is '{site.settings.get('site_url') or ''}': the help cards' QR codes encode site_url, so set it "
                                "(or SITE_URL=...) to the address the site is published at", "warning"))
    return problems


# ---------------------------------------------------------------- rendering

def _qr_svg(url: str) -> str:
    import segno
    svg = segno.make(url, error="m").svg_inline(scale=1, border=2, omitsize=True, svgclass="help-card__qr-code")
    # decorative for screen readers: the address is written next to it
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def card_context(site, data, entry: dict, today: dt.date) -> dict:
    """Everything the template shows for one language: texts, contacts (numbers from contacts.yml), QR code."""
    from .contacts import tel_href
    texts, lang = entry["texts"], entry["lang"]
    known = _contacts(site)
    rows, verified = [], []
    for item in data.get("contacts") or []:
        contact = known[item["id"]]
        phones, email = _reach(contact)
        rows.append({"label": texts["contacts"][item["id"]], "acute": bool(item.get("acute")),
                     "claims": [texts[c] for c in item.get("claims") or []],
                     "phones": [{"number": n, "href": tel_href(n)} for n in phones], "email": email})
        if contact.get("verified"):
            verified.append(str(contact["verified"]))
    site_url = str(site.settings.get("site_url") or "")
    url = card_url(site_url, lang)
    here = card_path(lang)
    others = [{"lang": o["lang"], "name": o["name"], "dir": o.get("dir", "ltr"),
               "href": posixpath.relpath(card_path(o["lang"]), here) + "/", "url": card_url(site_url, o["lang"])}
              for o in enabled(site, data) if o["lang"] != lang]
    return {
        "lang": lang, "dir": entry.get("dir", "ltr"), "t": texts, "url": url, "rows": rows,
        "draft": is_draft(entry), "draft_notice_sv": data.get("draft_notice_sv", "") if lang != "sv" else "",
        "reflection": texts["reflection"].replace("{days}", str(data.get("reflection_days")))
        if reflection_in_force(site, data, today) else "",
        "source_note": texts["source_note"].replace("{date}", max(verified)) if verified else "",
        "qr": Markup(_qr_svg(url)), "css": posixpath.relpath(CSS, here), "icon": posixpath.relpath(ICON, here), "others": others,
        "quick_exit_url": str(site.settings.get("quick_exit_url") or ""),
    }


def render_cards(site, today: dt.date | None = None) -> dict[str, str]:
    """{site-relative file path: HTML} for every enabled card language. ContentError on any error."""
    today = today or _today()
    errors = [p for p in check(site, today) if p.level == "error"]
    if errors:
        raise ContentError(errors)
    data, _ = load(site)
    from .components import render
    out = {}
    for entry in enabled(site, data):
        out[card_path(entry["lang"]) + "index.html"] = render("help-card", site, **card_context(site, data, entry, today))
    return out


def write_cards(site, site_dir: str, today: dt.date | None = None) -> list[str]:
    written = []
    for rel, html in render_cards(site, today).items():
        target = Path(site_dir) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        written.append(rel)
    return written


# ---------------------------------------------------------------- on the site's pages

def _rel_from(ctx, target: str) -> str:
    here = getattr(ctx, "page_url", "") or ""
    start = here if here.endswith("/") else (posixpath.dirname(here) or ".")
    rel = posixpath.relpath(target, start.rstrip("/") or ".")
    return rel if rel.endswith("/") else rel + "/"


def handover_html(ctx) -> str:
    """The "material to hand over" line under each "Who do I call?" box: a link to the cards page."""
    target = ("" if ctx.lang == "sv" else f"{ctx.lang}/") + LISTING_PAGE
    if not getattr(ctx, "page_url", ""):
        return ""
    from . import components
    return components.render("cards-handover", ctx.site, t=_tpl_strings(ctx.lang), href=_rel_from(ctx, target))


def _tpl_strings(lang: str):
    from . import components
    from .strings import lookup
    return components.strings(lambda lang_, key: lookup(STRINGS, lang_, key), lang)


def render_listing(arg: str, ctx) -> str:
    """`<!-- help-cards -->`: the enabled cards, each linked in its own language, with its translation status
    (overrides/components/cards-listing.html)."""
    from . import components

    data, problems = load(ctx.site)
    if data is None:
        raise LookupError(str(problems[0]) if problems else "missing docs/_data/cards.yml")
    s = _s(ctx.lang)
    items = []
    for entry in enabled(ctx.site, data):
        lang = entry.get("lang")
        status = entry.get("status")
        note = (s["draft"] if status == "draft" else s["source"] if status == "source"
                else s["reviewed"].format(who=entry.get("reviewer", ""), date=entry.get("reviewed", "")))
        title = (entry.get("texts") or {}).get("title", "")
        items.append({"href": _rel_from(ctx, card_path(lang)), "lang": lang, "dir": entry.get("dir", "ltr"),
                      "name": entry.get("name", ""), "title": title, "note": note})
    return components.render("cards-listing", ctx.site, t=_tpl_strings(ctx.lang), cards=items)


RENDERERS = {"help-cards": render_listing}
