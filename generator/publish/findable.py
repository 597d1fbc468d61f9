"""What makes a site findable by feed readers and search engines, made in one
place: the site's Atom feed and one per actor, place and tag, robots.txt, and
the sitemap (an index past 50,000 URLs). The pages' own part (canonical link,
Open Graph, Twitter card, JSON-LD) is the theme's `partials/seo.html`, with
the `absolute` global and the `ld_json` filter below.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.config import SiteConfig
from generator.model_objects import SiteModel
from generator.publish import absolute_base, href
from generator.publish.atom import atom_feed, feed_path, scope_feed
from generator.publish.sitemap import robots_txt, sitemaps

# The one message of a build without a base_url (a note: such a site is not at
# fault): every output that needs an absolute URL, and that is left out.
NO_BASE_URL = (
    "no base_url: what needs absolute URLs is left out: canonical links, og:url and "
    "the URLs in JSON-LD, sitemap.xml and robots.txt's Sitemap line, the embed code on "
    "pages and the oEmbed files (feeds link relatively); set base_url in site.toml or "
    "--base-url"
)


def absolute(config: SiteConfig, target: str) -> str:
    """The absolute URL of an output path (`events/x/index.html` → …/events/x/),
    or "" without a base_url. A URL that is already absolute stays as it is."""
    if target.startswith(("https://", "http://")):
        return target
    base = absolute_base(config.base_url)
    if not base:
        return ""
    path = target.lstrip("/")
    return href(base, path.removesuffix("index.html"))


def feeds(model: SiteModel) -> Iterable[tuple[str, str, list]]:
    """(scope path, title, events) of every actor, place and tag with events."""
    for actor in model.actors:
        if actor.events:
            yield actor.path, actor.name, actor.events
    for terms in (model.places, model.tags):
        for term in terms:
            if term.events:
                yield term.path, term.name, term.events


def findable(model: SiteModel, config: SiteConfig, paths: Iterable[str]) -> dict[str, bytes]:
    """Feeds, robots.txt and sitemaps; `paths` are the site's other files."""
    files = {"feed.xml": atom_feed(model, config)}
    for path, title, events in feeds(model):
        files[feed_path(path)] = scope_feed(events, config, path, title)
    files["robots.txt"] = robots_txt(config)
    files.update(sitemaps(paths, config))
    return files
