"""Review dates: when each page (and each law entry and contact) is due for review, and who owns it."""
from __future__ import annotations

import calendar
import datetime as dt

from .problems import Problem


def parse_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def page_review(meta: dict, default_months: int, today: dt.date) -> dict:
    """Derived review facts for a page's front matter: next review date and whether it is overdue."""
    reviewed = parse_date(meta.get("reviewed"))
    if reviewed is None:
        return {}
    nxt = add_months(reviewed, int(meta.get("review_interval_months") or default_months))
    return {"next_review": nxt.isoformat(), "review_due": nxt < today}


def items(site, today: dt.date) -> list[dict]:
    """Everything with a review date: pages, plus what feature modules report (law entries, contacts)."""
    from .pagecheck import owners
    from .render import features

    names = owners(site)
    out = []
    months = site.settings["review_interval_months"]
    for page in site.pages():
        r = page_review(page.meta, months, today)
        if r:
            owner = page.meta.get("owner", "")
            out.append({"owner": owner, "owner_name": names.get(owner, {}).get("name", {}).get("sv", owner),
                        "path": str(page.path), "line": page.meta_line("reviewed"),
                        "what": page.meta.get("title", page.src), "due": r["next_review"], "overdue": r["review_due"]})
    for mod in features():
        fn = getattr(mod, "review_items", None)
        if fn:
            out += fn(site, today)
    return out


def check(site, today: dt.date | None = None) -> list[Problem]:
    """`check-review`: one line per item past its review date, grouped by owner (sorted)."""
    today = today or dt.date.today()
    due = [i for i in items(site, today) if i["overdue"]]
    due.sort(key=lambda i: (i["owner"], i["path"], i["line"]))
    return [Problem(i["path"], i["line"], f"[{i['owner']}] review overdue since {i['due']}: {i['what']}") for i in due]
