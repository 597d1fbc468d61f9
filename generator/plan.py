"""The plan stage: which pages exist, what each shows, and what it depends on.

Every page carries a fingerprint of the data it shows and the source files its
data came from (its dependency record). A page is re-rendered only when its
fingerprint or its template's digest changed, which is what makes rebuilds
incremental and yet byte-identical to a clean build: rendering is a pure
function of (template, data), and the fingerprint covers the data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.model import Actor, Event, SiteModel, Term


@dataclass
class Page:
    path: str  # output-relative, e.g. "events/<slug>/index.html"
    template: str
    context: dict[str, Any]
    digest: str  # fingerprint of the data shown
    deps: frozenset[str] = field(default_factory=frozenset)  # source files
    origin: str = ""  # what asked for this path, for collision messages


@dataclass
class Month:
    year: int
    month: int  # 0: the month is unknown (a year-only date)
    events: list[Event]
    calendar: str = "gregorian"


@dataclass
class Year:
    year: int  # 0: undated events
    months: list[Month]
    calendar: str = "gregorian"


def _h(*parts: Iterable[str] | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        for piece in [part] if isinstance(part, str) else part:
            h.update(piece.encode())
            h.update(b"\x00")
    return h.hexdigest()


def actor_digest(actor: Actor) -> str:
    roles = [f"{r.title}|{r.start}|{r.end}" for r in actor.roles]
    return _h(
        actor.slug,
        actor.name,
        actor.kind,
        str(actor.reviewed),
        actor.aliases,
        roles,
        actor.bio_html or "",
    )


def event_digest(event: Event, actor_digests: dict[str, str]) -> str:
    d = event.date
    date = (
        [d.iso, d.precision, d.basis, d.written, d.calendar, str(d.end), str(d.hijri)] if d else []
    )
    parts = [
        f"{p.actor.slug}|{p.mention}|{p.role}|{p.title}|{actor_digests[p.actor.slug]}"
        for p in event.actors
    ]
    sources = [f"{s.file}|{s.line}|{s.url}|{s.name}" for s in event.sources]
    story = [event.story.slug, event.story.title] if event.story else []
    return _h(
        event.id,
        event.title,
        event.text,
        event.type,
        date,
        parts,
        sources,
        story,
        [t.name for t in event.places],
        [t.name for t in event.tags],
        event.body_html or "",
        event.image or "",
    )


def _period(event: Event, calendar: str) -> tuple[int, int]:
    """The (year, month) an event is listed under, in the site's primary calendar."""
    d = event.date
    if d is None:
        return 0, 0
    if calendar == "hijri" and d.hijri is not None:
        return d.hijri.year, d.hijri.month if d.precision != "year" else 0
    return d.start.year, d.start.month if d.precision != "year" else 0


def group_by_month(
    events: list[Event], descending: bool, calendar: str = "gregorian"
) -> list[Year]:
    years: list[Year] = []
    for event in reversed(events) if descending else events:
        year, month = _period(event, calendar)
        if not years or years[-1].year != year:
            years.append(Year(year, [], calendar))
        months = years[-1].months
        if not months or months[-1].month != month:
            months.append(Month(year, month, [], calendar))
        months[-1].events.append(event)
    return years


def _deps(events: Iterable[Event]) -> frozenset[str]:
    return frozenset(f for e in events for f in e.files)


def plan_pages(
    model: SiteModel, descending: bool = False, calendar: str = "gregorian"
) -> list[Page]:
    actor_digests = {a.slug: actor_digest(a) for a in model.actors}
    ev = {e.id: event_digest(e, actor_digests) for e in model.events}
    all_events = [ev[e.id] for e in model.events]
    listed = [a for a in model.actors if a.events or a.reviewed]

    def events_digest(events: list[Event]) -> list[str]:
        return [ev[e.id] for e in events]

    pages = [
        Page(
            "index.html",
            "index.html",
            {
                "page": {"path": "index.html", "title": "", "kind": "timeline"},
                "years": group_by_month(model.events, descending, calendar),
                "events": model.events,
                "actors": [a for a in model.actors if a.events],
            },
            _h(
                all_events,
                [f"{a.slug}|{a.name}|{len(a.events)}" for a in model.actors],
                str(descending),
            ),
            _deps(model.events),
        ),
        Page(
            "404.html",
            "404.html",
            {"page": {"path": "404.html", "title": "الصفحة غير موجودة", "kind": "404"}},
            _h("404"),
        ),
        Page(
            "actors/index.html",
            "actors.html",
            {
                "page": {"path": "actors/index.html", "title": "الفاعلون", "kind": "actors"},
                "actors": listed,
            },
            _h([f"{actor_digests[a.slug]}|{len(a.events)}" for a in listed]),
            frozenset(a.file for a in listed if a.file) | _deps(model.events),
        ),
    ]
    for event in model.events:
        path = f"{event.path}index.html"
        pages.append(
            Page(
                path,
                "event.html",
                {"page": {"path": path, "title": event.title, "kind": "event"}, "event": event},
                ev[event.id],
                _deps([event]) | {a.actor.file for a in event.actors if a.actor.file},
                f"{event.sources[0].file}:{event.sources[0].line}",
            )
        )
    for actor in listed:
        path = f"{actor.path}index.html"
        pages.append(
            Page(
                path,
                "actor.html",
                {"page": {"path": path, "title": actor.name, "kind": "actor"}, "actor": actor},
                _h(actor_digests[actor.slug], events_digest(actor.events)),
                _deps(actor.events) | ({actor.file} if actor.file else set()),
                actor.file or f"the actor {actor.name!r} found in the text",
            )
        )
    for kind, terms in (("place", model.places), ("tag", model.tags)):
        pages.append(_terms_page(kind, terms))
        for term in terms:
            path = f"{term.path}index.html"
            pages.append(
                Page(
                    path,
                    "term.html",
                    {"page": {"path": path, "title": term.name, "kind": kind}, "term": term},
                    _h(term.slug, term.name, events_digest(term.events)),
                    _deps(term.events),
                )
            )
    for story in model.stories:
        path = f"{story.path}index.html"
        pages.append(
            Page(
                path,
                "story.html",
                {"page": {"path": path, "title": story.title, "kind": "story"}, "story": story},
                _h(
                    story.slug,
                    story.title,
                    str(story.date),
                    story.source or "",
                    story.url or "",
                    events_digest(story.events),
                ),
                frozenset({story.file}),
                story.file,
            )
        )
    return pages


def _terms_page(kind: str, terms: list[Term]) -> Page:
    path = f"{kind}s/index.html"
    title = "الأماكن" if kind == "place" else "الوسوم"
    return Page(
        path,
        "terms.html",
        {"page": {"path": path, "title": title, "kind": f"{kind}s"}, "terms": terms, "kind": kind},
        _h(kind, [f"{t.slug}|{t.name}|{len(t.events)}" for t in terms]),
        _deps(e for t in terms for e in t.events),
    )
