"""events.json and the extraction record.

`event_record` is the extraction contract of DESIGN.md; `tarikh extract`
prints it and `events.json` publishes it, so the two can never disagree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

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
