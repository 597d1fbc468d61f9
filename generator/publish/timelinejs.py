"""/timeline.json: the site in TimelineJS3's JSON format.

Newsrooms run TimelineJS (Knight Lab) and have templates, habits and pages
built on it; this file lets them keep it while tarikh reads the Arabic.
Format: https://timeline.knightlab.com/docs/json-format.html

Choices, and why:
- `headline` and `text` are HTML-escaped plain text. TimelineJS inserts both
  as HTML, and what tarikh publishes comes from untrusted wire copy; escaping
  is what keeps `<script>` a string whatever TimelineJS's own sanitiser does.
- `display_date` is the date as tarikh's pages write it, both calendars with
  the site's primary one first: TimelineJS knows only the Gregorian calendar.
- `group` (TimelineJS draws one row per group) is the event's first tag, else
  its type label (تصريح، محادثات…): a handful of rows, where the first actor
  would make one row per person.
- `unique_id`: TimelineJS slugifies ids to [a-z0-9-], which leaves nothing of
  an Arabic id, so each slide gets `t-` + a short hash of the event id, and
  the top-level `tarikh.ids` maps it back (`tarikh import timelinejs` reads it).
- Undated events are left out (TimelineJS needs a year on every slide, and a
  guessed date would be presented as fact) and reported in one warning.
- Past `timeline_json_limit` dated events (site.toml), `/timeline.json` holds
  the latest that many, its title slide says so, and each Gregorian year has
  its own `/timeline/<year>.json`, each a whole TimelineJS document (one
  TL.Timeline reads one JSON, and has no paging): a newsroom embeds the recent
  timeline or a year's, never 100,000 slides (148 MB) no browser can draw.
  Knight Lab's own advice is a story of some twenty slides, and a few hundred
  already take seconds to draw. `tarikh.files` in /timeline.json lists the
  years (year, count, url), as /events.json's index does; a slide keeps its
  `unique_id` in every file it is in.
- Each document is handed to a sink in pieces (records.Sink), never joined.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from hashlib import blake2b
from typing import Any

from generator.config import SiteConfig
from generator.load_text import Problems
from generator.model_objects import Event, EventDate, SiteModel
from generator.publish import absolute_base, href
from generator.publish.records import Sink, collect
from generator.render import Formatter
from generator.strip import events_count

ID_PREFIX = "t-"
_SHOWN_UNDATED = 3


@lru_cache(maxsize=1 << 17)
def slide_id(event_id: str, size: int = 5) -> str:
    """`t-` and a hash of the event id: ASCII, so TimelineJS keeps it as it is."""
    return ID_PREFIX + blake2b(event_id.encode(), digest_size=size).hexdigest()


def unique_ids(events: list[Event]) -> dict[str, str]:
    """event id → slide id, unique per site. A clash of two 10-digit hashes is
    settled by giving the later event (in timeline order) a longer one, so
    the ids stay deterministic and no event's id depends on an unrelated one
    unless they clash."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for event in events:
        size = 5
        sid = slide_id(event.id, size)
        while sid in taken:
            size += 3
            sid = slide_id(event.id, size)
        ids[event.id] = sid
        taken.add(sid)
    return ids


def _date(start: Any, precision: str) -> dict[str, str]:
    """TimelineJS's date object, only as precise as tarikh knows the date."""
    out = {"year": str(start.year)}
    if precision in ("month", "day"):
        out["month"] = str(start.month)
    if precision == "day":
        out["day"] = str(start.day)
    return out


def display_date(date: EventDate, fmt: Formatter, calendar: str) -> str:
    """Both calendars, the primary first, as the pages' date partial writes them."""
    greg, hijri = fmt.gdate(date), fmt.hdate(date)
    text = f"{hijri} · {greg}" if calendar == "hijri" else f"{greg} · {hijri}"
    if date.basis == "document":
        text += " (بتاريخ الخبر)"
    return text


_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def media_url(image: str | None, base: str) -> str | None:
    """An http(s) URL as it is; a site path made absolute when base_url is set,
    else left site-relative. Any other scheme (javascript:, data:) is dropped."""
    if not image:
        return None
    if re.match(r"(?i)^https?://", image):
        return image
    if _SCHEME.match(image) or image.startswith("//"):
        return None
    return href(base, image.lstrip("/")) if base else image.lstrip("/")


def slide(event: Event, sid: str, fmt: Formatter, config: SiteConfig) -> dict[str, Any]:
    date = event.date
    assert date is not None
    out: dict[str, Any] = {"start_date": _date(date.start, date.precision)}
    if date.end and date.end != date.start:
        out["end_date"] = _date(date.end, date.precision)
    text = html.escape(event.text) if event.text != event.title else ""
    out["text"] = {"headline": html.escape(event.title), "text": text and f"<p>{text}</p>"}
    out["display_date"] = html.escape(display_date(date, fmt, config.calendar))
    out["group"] = html.escape(event.tags[0].name if event.tags else event.type_label)
    url = media_url(event.image, absolute_base(config.base_url))
    if url:
        out["media"] = {"url": url}
        if event.sources[0].name:
            out["media"]["credit"] = html.escape(event.sources[0].name)
    out["unique_id"] = sid
    return out


class Slides:
    """Each slide's JSON line by a digest of all that it shows, from the last
    build: kept by the Publisher, in memory while serving and in the cache
    between `tarikh build` runs (publish/site.py), so a rebuild of a
    10,000-event site does not spend a third of a second making them again.
    The key holds every input of `slide`, so reuse never changes output."""

    def __init__(self, lines: dict[str, bytes] | None = None) -> None:
        self.lines: dict[str, bytes] = lines if lines is not None else {}


class _Lines:
    """The slides of one call, from `Slides`' lines where they hold."""

    def __init__(self, config: SiteConfig, fmt: Formatter, slides: Slides) -> None:
        self.config, self.fmt, self.slides = config, fmt, slides
        self.settings = (config.calendar, config.months, config.digits, config.hijri_adjust)
        self.base = config.base_url
        self.used: dict[str, bytes] = {}
        self.encode = json.JSONEncoder(ensure_ascii=False).encode

    def __call__(self, e: Event, sid: str) -> bytes:
        d = e.date
        assert d is not None
        group = e.tags[0].name if e.tags else e.type
        key = (self.settings, self.base, sid, e.title, e.text, d.start, d.precision, d.end,
               d.basis, group, e.image, e.sources[0].name)  # fmt: skip
        digest = blake2b(repr(key).encode(), digest_size=16).hexdigest()
        # A slide in two documents (the latest and its year's) is made once.
        line = self.used.get(digest) or self.slides.lines.get(digest)
        if line is None:  # bytes, as events.json's lines (records.event_line)
            line = self.encode(slide(e, sid, self.fmt, self.config)).encode()
        self.used[digest] = line
        return line

    def done(self) -> None:
        self.slides.lines = self.used


def timeline_json(
    model: SiteModel,
    config: SiteConfig,
    problems: Problems | None = None,
    slides: Slides | None = None,
) -> bytes:
    """/timeline.json as `write_timeline` writes it, joined (tests, callers that
    want bytes); byte-identical for the same model and config."""
    files: dict[str, bytes] = {}
    write_timeline(model, config, collect(files), problems, slides)
    return files["timeline.json"]


def write_timeline(
    model: SiteModel,
    config: SiteConfig,
    sink: Sink,
    problems: Problems | None = None,
    slides: Slides | None = None,
) -> None:
    """The site's dated events as TimelineJS3 JSON, one slide a line (diffs
    stay readable): `timeline.json`, whole, or past `timeline_json_limit` the
    latest events there and one `timeline/<year>.json` a year, each handed to
    `sink` in pieces; `slides`: the last build's lines, to reuse."""
    dated = [e for e in model.events if e.date is not None]
    undated = [e.id for e in model.events if e.date is None]
    if undated and problems is not None:
        shown = ", ".join(undated[:_SHOWN_UNDATED]) + ("…" if len(undated) > _SHOWN_UNDATED else "")
        problems.warning(
            None,
            None,
            f"timeline.json leaves out {len(undated)} undated event(s), since TimelineJS "
            f"needs a year on every slide: {shown}",
        )
    fmt = Formatter(config)
    doc = _Document(config, fmt, unique_ids(dated), slides if slides is not None else Slides())
    about = f"<p>{html.escape(config.description)}</p>" if config.description else ""
    limit = config.timeline_json_limit
    if not limit or len(dated) <= limit:
        sink("timeline.json", doc.pieces(config.title, about, dated, {}))
        doc.lines.done()
        return
    years: dict[int, list[Event]] = {}
    for event in dated:
        assert event.date is not None
        years.setdefault(event.date.start.year, []).append(event)
    era = " م" if config.calendar == "hijri" else ""  # the years are Gregorian
    for year, events in sorted(years.items()):
        named = f"عام {fmt.num(year)}{era}"
        text = f"<p>أحداث {named} وحدها، وعددها {fmt.num(len(events))}.</p>"
        extra = {"year": str(year)}
        sink(f"timeline/{year}.json", doc.pieces(f"{config.title}: {named}", text, events, extra))
    latest = dated[-limit:]
    text = (
        f"<p>يعرض هذا الخط الزمني آخر {_counted(len(latest), fmt)} من أصل "
        f"{_counted(len(dated), fmt)}، ولأحداث كل عام خط زمني خاص بها.</p>"
    )
    files = [
        {"year": str(year), "count": len(events), "url": f"timeline/{year}.json"}
        for year, events in sorted(years.items())
    ]
    extra = {"count": len(dated), "files": files}
    sink("timeline.json", doc.pieces(config.title, about + text, latest, extra))
    doc.lines.done()


def _counted(n: int, fmt: Formatter) -> str:
    """«3 أحداث», «11 حدثًا», «100 حدث» after a noun («آخر …», «من أصل …»):
    genitive, so two is «حدثين»."""
    return "حدثين" if n == 2 else events_count(n, fmt.num)


class _Document:
    """TimelineJS documents of one build: the site's slide ids and lines, shared
    by every file a slide is in."""

    def __init__(self, config: SiteConfig, fmt: Formatter, ids: dict[str, str], slides: Slides):
        self.ids = ids
        self.lines = _Lines(config, fmt, slides)
        self.dump = json.JSONEncoder(ensure_ascii=False, sort_keys=False).encode

    def pieces(
        self, headline: str, text: str, events: list[Event], extra: dict[str, object]
    ) -> Iterator[bytes]:
        """A title slide (`headline` is escaped here, `text` is HTML), a slide a
        line, and `tarikh`: `ids` (slide → event) and `extra`."""
        dump = self.dump
        title = {"text": {"headline": html.escape(headline), "text": text}}
        yield f'{{"title": {dump(title)},\n"scale": "human",\n"events": [\n'.encode()
        mapping: dict[str, str] = {}
        sep = b""
        for event in events:
            sid = self.ids[event.id]
            mapping[sid] = event.id
            yield sep
            yield self.lines(event, sid)
            sep = b",\n"
        more = "".join(f", {dump(k)}: {dump(v)}" for k, v in extra.items())
        yield f'\n],\n"tarikh": {{"ids": {dump(mapping)}{more}}}}}\n'.encode()
