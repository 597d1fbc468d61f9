"""sitemap.xml: every published page, with absolute URLs."""

from __future__ import annotations

from xml.sax.saxutils import escape

from generator.config import SiteConfig
from generator.publish import href


def sitemap(paths: list[str], config: SiteConfig) -> bytes | None:
    """Sitemaps need absolute URLs: only written when base_url is set."""
    if not config.base_url:
        return None
    base = config.base_url.rstrip("/") + "/"
    # The widget's pages are for iframes on other sites, not for search (noindex).
    urls = [
        p.removesuffix("index.html")
        for p in paths
        if p.endswith(".html") and p != "404.html" and not p.startswith("embed/")
    ]
    body = "".join(f"<url><loc>{escape(href(base, u))}</loc></url>\n" for u in sorted(urls))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + body + "</urlset>\n"
    ).encode()
