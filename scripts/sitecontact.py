"""`<!-- site-contact -->`: how a reader reaches the site's owner, from configuration and owners.yml.
An e-mail address is shown only if an owner has a confirmed one; otherwise the issue form is the route."""
from __future__ import annotations



def render(arg: str, ctx) -> str:
    from .pagecheck import owners

    owner = owners(ctx.site).get(arg or "kompetenscentrum", {})
    name = (owner.get("name") or {}).get(ctx.lang, "")
    repo = ctx.settings.get("repo_url", "").rstrip("/")
    form = f"{repo}/issues/new?template=rapportera-fel.yml"
    email = owner.get("email")
    from . import components

    return components.render("site-contact", ctx.site, lang=ctx.lang, owner=name, email=email or "", form=form)


RENDERERS = {"site-contact": render}
