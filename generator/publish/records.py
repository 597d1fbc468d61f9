"""events.json and the extraction record.

`event_record` is the extraction contract of DESIGN.md; `tarikh extract`
prints it and `events.json` publishes it, so the two can never disagree.

An archive of 100,000 events would make one events.json of tens of
megabytes that a reader must fetch whole; past `events_json_limit` events
(site.toml) `/events.json` is an index instead, and the events are in one
file per Gregorian year, `/events/<year>.json` (`/events/undated.json`),
each in events.json's own shape.

Each document is written into its file piece by piece (`write_events` and a
`Sink`; `stream` hands it to `SiteFiles.set_chunks`, which stages it on
disk), not joined in memory first: at 10,000 events the joined events.json
was a 17 MiB transient of the publish stage.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import Any

from generator.config import SiteConfig
from generator.model_objects import Event, SiteModel
from generator.write import SiteFiles

Sink = Callable[[str, Iterable[bytes]], None]  # an output path and its document's pieces
_CHUNK = 1 << 18  # pieces are written (and hashed) in chunks of about this many bytes


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
    return b"".join(_document(config, model.events, line))


def _document(
    config: SiteConfig, events: list[Event], line: Callable[[Event], bytes], **head: object
) -> Iterator[bytes]:
    """One events.json-shaped document, in pieces: its head, each line, its end."""
    fields = "".join(
        f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}, "
        for k, v in {"title": config.title, **head}.items()
    )
    yield f'{{{fields}"events": [\n'.encode()
    sep = b""
    for event in events:
        yield sep
        yield line(event)
        sep = b",\n"
    yield b"\n]}\n"


def write_events(
    model: SiteModel,
    config: SiteConfig,
    sink: Sink,
    line: Callable[[Event], bytes] = event_line,
) -> None:
    """`events.json`, whole, or past `config.events_json_limit` events an index
    of per-year files (`events/<year>.json`, in date order, undated last),
    each handed to `sink` as pieces."""
    limit = config.events_json_limit
    if not limit or len(model.events) <= limit:
        sink("events.json", _document(config, model.events, line))
        return
    years: dict[str, list[Event]] = {}
    for event in model.events:
        key = str(event.date.start.year) if event.date is not None else "undated"
        years.setdefault(key, []).append(event)
    order = sorted(years, key=lambda k: (k == "undated", int(k) if k != "undated" else 0))
    for key in order:
        sink(f"events/{key}.json", _document(config, years[key], line, year=key))
    index = {
        "title": config.title,
        "count": len(model.events),
        "files": [
            {"year": key, "count": len(years[key]), "url": f"events/{key}.json"} for key in order
        ],
    }
    sink("events.json", [(json.dumps(index, ensure_ascii=False, indent=1) + "\n").encode()])


def events_files(
    model: SiteModel, config: SiteConfig, line: Callable[[Event], bytes] = event_line
) -> dict[str, bytes]:
    """`write_events`' documents, each joined: for tests and callers that want bytes."""
    files: dict[str, bytes] = {}
    write_events(model, config, collect(files), line)
    return files


def collect(files: MutableMapping[str, bytes]) -> Sink:
    """A sink that joins each document and sets it in `files`."""

    def put(path: str, pieces: Iterable[bytes]) -> None:
        files[path] = b"".join(pieces)

    return put


def stream(files: SiteFiles) -> Sink:
    """A sink that writes each document into `files` in chunks
    (`SiteFiles.set_chunks`: straight into the staging folder of `tarikh
    build`, joined in the preview's memory): the bytes, and so the digest,
    are the same either way."""
    return lambda path, pieces: files.set_chunks(path, _chunks(pieces))


def _chunks(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """The pieces joined into chunks of about `_CHUNK` bytes: a write and a hash
    update a chunk rather than one per line, with little held at once."""
    held: list[bytes] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= _CHUNK:
            yield b"".join(held)
            held.clear()
            size = 0
    if held:
        yield b"".join(held)
