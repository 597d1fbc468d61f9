"""The Atom feed of the site's newest events."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from generator.config import SiteConfig
from generator.model import SiteModel
from generator.publish import href, isolate


def atom_feed(model: SiteModel, config: SiteConfig, limit: int = 50) -> bytes:
    base = config.base_url.rstrip("/") + "/" if config.base_url else ""
    dated = [e for e in model.events if e.date]
    newest = sorted(dated, key=lambda e: (e.date.start, e.id), reverse=True)[:limit]  # type: ignore[union-attr]
    updated = f"{newest[0].date.start.isoformat()}T00:00:00Z" if newest else "1970-01-01T00:00:00Z"  # type: ignore[union-attr]
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">',
        f"<title>{escape(config.title)}</title>",
        f"<id>{escape(base or 'urn:tarikh:' + config.title)}</id>",
        f"<updated>{updated}</updated>",
        f'<link rel="alternate" href={quoteattr(base or "./")}/>',
    ]
    for e in newest:
        assert e.date is not None
        when = f"{e.date.start.isoformat()}T00:00:00Z"
        out += [
            "<entry>",
            f"<title>{escape(isolate(e.title))}</title>",
            f"<id>{escape(href(base, e.path) if base else 'urn:tarikh:' + e.id)}</id>",
            f"<link href={quoteattr(href(base, e.path))}/>",
            f"<updated>{when}</updated>",
            f"<summary>{escape(e.text)}</summary>",
            "</entry>",
        ]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode()
