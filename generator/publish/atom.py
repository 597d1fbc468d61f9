"""Atom feeds (RFC 4287): the site's newest events, and one feed per actor,
place and tag (`<scope>/feed.xml`, beside the scope's page).

With a base_url every link is absolute; without one a link is relative to the
feed itself (Atom resolves it against the feed's URL), and ids are `urn:`s.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from generator.config import SiteConfig
from generator.model_objects import Event, SiteModel
from generator.publish import absolute_base, href, isolate

LIMIT = 50


def feed_path(scope_path: str) -> str:
    """Where a scope's feed is published: `feed.xml`, `actors/<slug>/feed.xml`…"""
    return f"{scope_path}feed.xml"


def atom_feed(model: SiteModel, config: SiteConfig, limit: int = LIMIT) -> bytes:
    """The site's feed, `/feed.xml`."""
    return scope_feed(model.events, config, "", config.title, limit)


def scope_feed(
    events: Sequence[Event], config: SiteConfig, scope_path: str, title: str, limit: int = LIMIT
) -> bytes:
    """The newest `limit` dated events of a scope (the site, an actor, a place
    or a tag), newest first."""
    base = absolute_base(config.base_url)
    # Links from the feed's own directory when there is no base URL to start from.
    up = base or "../" * scope_path.count("/")
    dated = [e for e in events if e.date]
    # sorted(…, reverse=True)[:limit], without sorting a scope of thousands
    newest = heapq.nlargest(limit, dated, key=lambda e: (e.date.start, e.id))  # type: ignore[union-attr]
    updated = f"{newest[0].date.start.isoformat()}T00:00:00Z" if newest else "1970-01-01T00:00:00Z"  # type: ignore[union-attr]
    name = config.title if not scope_path else f"{title} | {config.title}"
    page = href(up, scope_path) or "./"
    # Without a base URL, ids are URNs (an IRI, so percent-encoded like a URL).
    urn = href("urn:tarikh:", f"{config.title}/{scope_path}")
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">',
        f"<title>{escape(isolate(name) if scope_path else name)}</title>",
        f"<id>{escape(href(base, scope_path) if base else urn)}</id>",
        f"<updated>{updated}</updated>",
        f"<author><name>{escape(config.title)}</name></author>",
        f'<link rel="alternate" type="text/html" href={quoteattr(page)}/>',
    ]
    if base:
        own = quoteattr(href(base, feed_path(scope_path)))
        out.append(f'<link rel="self" type="application/atom+xml" href={own}/>')
    for e in newest:
        assert e.date is not None
        when = f"{e.date.start.isoformat()}T00:00:00Z"
        out += [
            "<entry>",
            f"<title>{escape(isolate(e.title))}</title>",
            f"<id>{escape(href(base, e.path) if base else href('urn:tarikh:', e.id))}</id>",
            f'<link rel="alternate" type="text/html" href={quoteattr(href(up, e.path))}/>',
            f"<updated>{when}</updated>",
            f"<summary>{escape(e.text)}</summary>",
            "</entry>",
        ]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode()
