"""events.json and the extraction record.

`event_record` is the extraction contract of DESIGN.md; `tarikh extract`
prints it and `events.json` publishes it, so the two can never disagree.

An archive of 100,000 events would make one events.json of tens of
megabytes that a reader must fetch whole; past `events_json_limit` events
(site.toml) `/events.json` is an index instead, and the events are in one
file per Gregorian year, `/events/<year>.json` (`/events/undated.json`),
each in events.json's own shape.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from generator.config import SiteConfig
from generator.model_objects import Event, SiteModel


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
            **({"announced": True} if d and d.announced else {}),
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


def event_line(event: Event) -> bytes:
    """An event's line of events.json: its extraction record and its page.
    (Bytes: the lines a rebuild keeps load from the cache as a copy, where
    text is decoded, and are joined as they are published.)"""
    return json.dumps(event_record(event) | {"url": event.path}, ensure_ascii=False).encode()


def events_json(
    model: SiteModel, config: SiteConfig, line: Callable[[Event], bytes] = event_line
) -> bytes:
    """All events, one a line: diffs stay readable, a rebuild can reuse the lines
    of unchanged events (`line`), and no indent keeps json's C encoder."""
    return _document(config, model.events, line)


def _document(
    config: SiteConfig, events: list[Event], line: Callable[[Event], bytes], **head: object
) -> bytes:
    lines = b",\n".join(map(line, events))
    fields = "".join(
        f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}, "
        for k, v in {"title": config.title, **head}.items()
    )
    return f'{{{fields}"events": [\n'.encode() + lines + b"\n]}\n"


def events_files(
    model: SiteModel, config: SiteConfig, line: Callable[[Event], bytes] = event_line
) -> dict[str, bytes]:
    """`events.json`, whole, or past `config.events_json_limit` events an index
    of per-year files (`events/<year>.json`, in date order, undated last)."""
    limit = config.events_json_limit
    if not limit or len(model.events) <= limit:
        return {"events.json": events_json(model, config, line)}
    years: dict[str, list[Event]] = {}
    for event in model.events:
        key = str(event.date.start.year) if event.date is not None else "undated"
        years.setdefault(key, []).append(event)
    order = sorted(years, key=lambda k: (k == "undated", int(k) if k != "undated" else 0))
    files = {f"events/{key}.json": _document(config, years[key], line, year=key) for key in order}
    index = {
        "title": config.title,
        "count": len(model.events),
        "files": [
            {"year": key, "count": len(years[key]), "url": f"events/{key}.json"} for key in order
        ],
    }
    files["events.json"] = (json.dumps(index, ensure_ascii=False, indent=1) + "\n").encode()
    return files
