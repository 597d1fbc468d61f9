"""The machine-readable outputs: the extraction record, events.json, Atom, sitemap.

`event_record` is the extraction contract of DESIGN.md; `tarikh extract`
prints it and `events.json` publishes it, so the two can never disagree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from generator.config import SiteConfig
from generator.model import Event, SiteModel


def event_record(event: Event) -> dict[str, Any]:
    d = event.date
    first = event.sources[0]
    return {
        "id": event.id,
        "text": event.text,
        "source": {"file": first.file, "line": first.line},
        "sources": [{"file": s.file, "line": s.line} for s in event.sources],
        "date": {
            "gregorian": d.iso if d else None,
            "hijri": d.hijri_iso if d else None,
            "precision": d.precision if d else None,
            "basis": d.basis if d else "none",
            "written": d.written if d else "",
            "calendar": d.calendar if d else None,
            **({"end": d.end.isoformat()} if d and d.end else {}),
        },
        "actors": [
            {"id": p.actor.slug, "name": p.actor.name, "mention": p.mention, "role": p.role}
            for p in event.actors
        ],
        "type": event.type,
        "places": [t.name for t in event.places],
    }


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=False)


def event_line(event: Event) -> str:
    """An event's line of events.json: its extraction record and its page."""
    return json.dumps(event_record(event) | {"url": event.path}, ensure_ascii=False)


def events_json(
    model: SiteModel, config: SiteConfig, line: Callable[[Event], str] = event_line
) -> bytes:
    """All events, one a line: diffs stay readable, a rebuild can reuse the lines
    of unchanged events (`line`), and no indent keeps json's C encoder."""
    lines = ",\n".join(map(line, model.events))
    head = json.dumps(config.title, ensure_ascii=False)
    return f'{{"title": {head}, "events": [\n{lines}\n]}}\n'.encode()


def _href(base: str, path: str) -> str:
    """Arabic slugs percent-encoded: feed readers and crawlers want plain URIs."""
    return base + quote(path, safe="/")


def _isolate(text: str) -> str:
    """Plain-text contexts cannot use <bdi>: wrap in FSI…PDI so Latin and
    numbers inside Arabic do not reorder the title in feed readers."""
    return f"\u2068{text}\u2069"


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
            f"<title>{escape(_isolate(e.title))}</title>",
            f"<id>{escape(_href(base, e.path) if base else 'urn:tarikh:' + e.id)}</id>",
            f"<link href={quoteattr(_href(base, e.path))}/>",
            f"<updated>{when}</updated>",
            f"<summary>{escape(e.text)}</summary>",
            "</entry>",
        ]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode()


def sitemap(paths: list[str], config: SiteConfig) -> bytes | None:
    """Sitemaps need absolute URLs: only written when base_url is set."""
    if not config.base_url:
        return None
    base = config.base_url.rstrip("/") + "/"
    urls = [p.removesuffix("index.html") for p in paths if p.endswith(".html") and p != "404.html"]
    body = "".join(f"<url><loc>{escape(_href(base, u))}</loc></url>\n" for u in sorted(urls))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + body + "</urlset>\n"
    ).encode()
