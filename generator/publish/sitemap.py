"""sitemap.xml (every published page, absolute URLs) and robots.txt.

A sitemap holds at most 50,000 URLs (sitemaps.org); past that, sitemap.xml is
a sitemap index of `sitemaps/1.xml`, `sitemaps/2.xml`…, each a part of the
sorted list, so robots.txt and search consoles keep one address.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from generator.config import SiteConfig
from generator.publish import absolute_base, href

MAX_URLS = 50_000
XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_urls(paths: Iterable[str]) -> list[str]:
    """The site's pages as URL paths, sorted. Left out: 404.html, and the
    widget's pages under embed/ (for iframes on other sites; noindex)."""
    return sorted(
        p.removesuffix("index.html")
        for p in paths
        if p.endswith(".html") and p != "404.html" and not p.startswith("embed/")
    )


def _document(root: str, tag: str, locs: list[str]) -> bytes:
    body = "".join(f"<{tag}><loc>{escape(loc)}</loc></{tag}>\n" for loc in locs)
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<{root} xmlns="{XMLNS}">\n{body}</{root}>\n'
    ).encode()


def sitemaps(paths: Iterable[str], config: SiteConfig, limit: int = MAX_URLS) -> dict[str, bytes]:
    """sitemap.xml, and its parts past `limit` URLs; nothing without a
    base_url (a sitemap's URLs must be absolute)."""
    base = absolute_base(config.base_url)
    if not base:
        return {}
    urls = [href(base, u) for u in page_urls(paths)]
    if len(urls) <= limit:
        return {"sitemap.xml": _document("urlset", "url", urls)}
    files: dict[str, bytes] = {}
    for n, start in enumerate(range(0, len(urls), limit), 1):
        files[f"sitemaps/{n}.xml"] = _document("urlset", "url", urls[start : start + limit])
    parts = [href(base, p) for p in files]
    files["sitemap.xml"] = _document("sitemapindex", "sitemap", parts)
    return files


def sitemap(paths: list[str], config: SiteConfig) -> bytes | None:
    """The sitemap.xml of a site that fits in one (kept for callers of old)."""
    return sitemaps(paths, config).get("sitemap.xml")


def robots_txt(config: SiteConfig) -> bytes:
    """Every page may be crawled; the sitemap is named when its URL is known.
    Crawlers read robots.txt only at a host's root: under a sub-path this
    file is not read (the README says what to do instead)."""
    lines = ["User-agent: *", "Allow: /"]
    base = absolute_base(config.base_url)
    if base:
        lines += ["", f"Sitemap: {href(base, 'sitemap.xml')}"]
    return ("\n".join(lines) + "\n").encode()
