"""Render planned pages with Jinja2, and write the sitemap and robots.txt.

Templates are autoescaped and strict: a typo in a template is a bug that stops
the build, and the only HTML that is not escaped comes from `markup`. Which
pages exist is decided in `pages`; what a value reads like, in `present`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import assets, happens, present, urls, voice
from .assemble import Site
from .markup import json_ld, render_markdown, summary
from .model import LADDER, RUNGS, Activity, Toegang
from .page import Page
from .policy import CONTENT_SECURITY_POLICY
from .publish import Writer


def _rooster(activity: Activity) -> str:
    """The schedule for js/vandaag.js as compact JSON, or empty without tijden."""
    data = happens.rooster(activity)
    return json.dumps(data, separators=(",", ":")) if data else ""


class VoiceLoader(jinja2.FileSystemLoader):
    """The templates, their texts in the site's form of address (`voice.say`)."""

    def __init__(self, templates_dir: Path, form: str) -> None:
        super().__init__(templates_dir)
        self.form = form

    def get_source(self, environment: jinja2.Environment, template: str) -> Any:
        source, filename, uptodate = super().get_source(environment, template)
        return voice.say(source, self.form), filename, uptodate


def make_environment(templates_dir: Path, form: str = "u") -> jinja2.Environment:
    env = jinja2.Environment(
        loader=VoiceLoader(templates_dir, form),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        datum=present.date,
        tel=present.tel_href,
        markdown=render_markdown,
        json_ld=json_ld,
        samenvatting=summary,
        leeftijd=present.age,
        wanneer=present.when,
        rooster=_rooster,
        aantal=present.count,
        toegang_label=present.toegang_label,
        aan=lambda text: voice.say(text, form),  # a text of ours made in Python
    )
    env.globals.update(
        card_details=_CardDetails(env),
        module_imports=functools.cache(lambda name: assets.module_imports(templates_dir, name)),
        urls=urls,
        LADDER=LADDER,
        RUNGS=RUNGS,
        Toegang=Toegang,
    )
    return env


class _CardDetails:
    """An activity's card below its title (partials/_card.html), rendered once per activity:
    the same card is on the pages of its doelgroepen, leefgebieden, wijken, treden and
    organisation, and rendering it again for each took a fifth of the build."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.rendered: dict[str, Markup] = {}

    def __call__(self, activity: Activity, site: Site) -> Markup:
        found = self.rendered.get(activity.slug)
        if found is None:
            template = self.env.get_template("partials/_card.html")
            found = self.rendered[activity.slug] = Markup(template.render(a=activity, site=site))
        return found


def forget_cards(env: jinja2.Environment) -> None:
    """Render every card again (the activities may have changed since: `incremental`)."""
    env.globals["card_details"].rendered.clear()


def preload(env: jinja2.Environment) -> None:
    """Compile every template now, so that forked workers inherit them compiled."""
    for name in env.list_templates(filter_func=lambda name: name.endswith((".html", ".xml"))):
        env.get_template(name)


def render_pages(
    env: jinja2.Environment,
    site: Site,
    pages: Iterable[Page],
    writer: Writer,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Render every planned page into its output file."""
    for page in pages:
        template = env.get_template(page.template)
        html = template.render(
            site=site,
            config=site.config,
            page=page,
            url=_linker(site, page),
            canonical=urls.absolute_url(site.config.basis_url, page.url),
            page_policy=Markup(page.policy or CONTENT_SECURITY_POLICY),  # ours, with ' as is
            **page.context,
        )
        writer.write(urls.output_path(page.url), html)
        if progress:
            progress(1)


def write_sitemap(
    env: jinja2.Environment, site: Site, listed: Iterable[str], writer: Writer
) -> None:
    """sitemap.xml (the URLs of every page in it, sorted) and a robots.txt that points to it."""
    base = site.config.basis_url
    sitemap = env.get_template("sitemap.xml").render(
        locations=[urls.absolute_url(base, url) for url in sorted(listed)]
    )
    writer.write(urls.SITEMAP, sitemap)
    sitemap_url = urls.absolute_url(base, urls.SITEMAP)
    writer.write(urls.ROBOTS, f"User-agent: *\nAllow: /\nSitemap: {sitemap_url}\n")


def _linker(site: Site, page: Page) -> Callable[[str], str]:
    if page.url == urls.NOT_FOUND:
        # The 404 page is served at any depth, so its links start from the site root.
        root = urls.root_path(site.config.basis_url)
        return lambda to: root + to
    return urls.linker(page.url)
