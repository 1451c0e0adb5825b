"""`<!-- site-contact -->`: how a reader reaches the site's owner, from configuration and owners.yml.
An e-mail address is shown only if an owner has a confirmed one; otherwise the issue form is the route."""
from __future__ import annotations

import html


def render(arg: str, ctx) -> str:
    from .pagecheck import owners

    owner = owners(ctx.site).get(arg or "kompetenscentrum", {})
    name = (owner.get("name") or {}).get(ctx.lang, "")
    repo = ctx.settings.get("repo_url", "").rstrip("/")
    form = f"{repo}/issues/new?template=rapportera-fel.yml"
    email = owner.get("email")
    if ctx.lang == "sv":
        items = [f"Skriv till {html.escape(name)}: <a href=\"mailto:{email}\">{email}</a>" if email else None,
                 f'Fyll i formuläret <a href="{form}">Rapportera fel i innehållet</a> (kräver ett konto hos kodplattformen).',
                 "Använd länken <em>Rapportera fel i innehållet</em> längst ned på varje sida."]
    else:
        items = [f"Write to the {html.escape(name)}: <a href=\"mailto:{email}\">{email}</a>" if email else None,
                 f'Fill in the form <a href="{form}">Report an error in the content</a> (needs an account on the code platform).',
                 "Use the link <em>Report an error in the content</em> at the bottom of every page."]
    return '<ul class="site-contact">\n' + "\n".join(f"<li>{i}</li>" for i in items if i) + "\n</ul>\n"


RENDERERS = {"site-contact": render}
