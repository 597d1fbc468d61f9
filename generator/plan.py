"""The plan stage: which pages exist, what each shows, and what it depends on.

Every page carries the source files its data came from (for the preview's
messages and the watcher). Whether a rebuild renders a page again is decided
by what its last render actually read (deps.py), never by a list of fields
chosen here: a site's own templates may read anything. `event_digest` is kept
for what is not a page: the lines of events.json.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import groupby
from typing import Any

from generator.model import Actor, Event, SiteModel, Term
from generator.profile import actor_facts
from generator.strip import month_index, period_of, year_groups


@dataclass
class Page:
    path: str  # output-relative, e.g. "events/<slug>/index.html"
    template: str
    context: dict[str, Any]
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
    """A digest of strings, each ended by NUL (one hash call: this runs per page)."""
    flat: list[str] = []
    for part in parts:
        if isinstance(part, str):
            flat.append(part)
        else:
            flat.extend(part)
    flat.append("")
    return hashlib.blake2b("\x00".join(flat).encode(), digest_size=16).hexdigest()


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
        [
            d.iso,
            d.precision,
            d.basis,
            d.written,
            d.calendar,
            str(d.end),
            str(d.hijri),
            str(d.announced),
        ]
        if d
        else []
    )
    parts = [
        f"{p.actor.slug}|{p.mention}|{p.role}|{p.title}|{actor_digests[p.actor.slug]}"
        for p in event.actors
    ]
    sources = [f"{s.file}|{s.line}|{s.url}|{s.name}|{s.date}" for s in event.sources]
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


class Periods(dict[Event, tuple[int, int]]):
    """Events' (year, month) in one calendar (strip.period_of), each worked
    out once for a plan: a site's listings and widgets group each event some
    ten times over. An event not given at the start is worked out when asked."""

    def __init__(self, calendar: str) -> None:
        super().__init__()
        self.calendar = calendar

    def __missing__(self, event: Event) -> tuple[int, int]:
        found = self[event] = period_of(event, self.calendar)
        return found


def periods(events: Iterable[Event], calendar: str) -> Periods:
    """The periods of `events` (a plan's: the model's) in `calendar`."""
    known = Periods(calendar)
    known.update((e, period_of(e, calendar)) for e in events)
    return known


def group_by_month(
    events: list[Event],
    descending: bool,
    calendar: str = "gregorian",
    known: Periods | None = None,
) -> list[Year]:
    """`known`: the events' periods in `calendar`, if the caller has them
    (`periods`). Events come in runs of one month: each run is added whole."""
    years: list[Year] = []
    found: dict[int, Month] = {}  # this year's months: a year-only date sorts on its 1 January
    period = known.__getitem__ if known is not None else partial(period_of, calendar=calendar)
    for (year, month), run in groupby(reversed(events) if descending else events, period):
        if not years or years[-1].year != year:
            years.append(Year(year, [], calendar))
            found = {}
        if month not in found:
            found[month] = Month(year, month, [], calendar)
            years[-1].months.append(found[month])
        found[month].events.extend(run)
    return years


@dataclass(eq=False)
class Section:
    """One page of a long event listing: a year, a month, or part of a month.

    Pages are cut at calendar boundaries, not every N events, so an edit or
    an added event re-renders the page of its own month and no other: a
    listing cut by count would shift every later page by one.
    """

    path: str  # output-relative directory; the listing's own path for its first page
    year: int  # 0: the whole listing (not paged) or its undated events
    month: int  # 0: a whole year, or a paged year's events known only by year
    part: int  # 1…n: the parts of a month with more events than a page holds
    events: list[Event]
    calendar: str = "gregorian"
    in_year: bool = False  # a month-0 section of a year paged by month


def paginate(
    events: list[Event],
    base: str,
    limit: int,
    calendar: str = "gregorian",
    latest: bool = False,
    known: Periods | None = None,
) -> list[Section]:
    """Cut a listing into pages: one if it fits, else by year, month, then count.

    The oldest section (or with `latest`, the latest dated one) is served at
    the listing's own path `base`; the others at their year or month.
    `known`: the events' periods, as for `group_by_month`.
    """
    if limit <= 0 or len(events) <= limit:
        return [Section(base, 0, 0, 1, events, calendar)]
    pages: list[Section] = []
    for y in group_by_month(events, False, calendar, known):
        key = f"{base}{y.year}/" if y.year else f"{base}undated/"
        size = sum(len(m.events) for m in y.months)
        if size <= limit:
            year_events = [e for m in y.months for e in m.events]
            pages.append(Section(key, y.year, 0, 1, year_events, calendar))
            continue
        for m in y.months:
            month_key = key if not y.year else f"{key}{m.month:02d}/" if m.month else f"{key}year/"
            for part, start in enumerate(range(0, len(m.events), limit), 1):
                path = month_key if part == 1 else f"{month_key}{part}/"
                chunk = m.events[start : start + limit]
                pages.append(Section(path, y.year, m.month, part, chunk, calendar, True))
    home = _latest(pages) if latest else 0
    pages[home].path = base
    return pages


def _latest(pages: list[Section]) -> int:
    """The page holding the listing's latest dated event, whatever the order.

    Latest by `Event.sort_key`, whose first part is the start: only the
    events that start on the latest day need their whole key."""
    starts = [e.date.start for page in pages for e in page.events if e.date is not None]
    if not starts:
        return 0
    last = max(starts)
    best, key = 0, None
    for i, page in enumerate(pages):
        for event in page.events:
            on_last = event.date is not None and event.date.start == last
            if on_last and (key is None or event.sort_key() > key):
                best, key = i, event.sort_key()
    return best


def _deps(events: Iterable[Event]) -> frozenset[str]:
    return frozenset().union(*[e.files for e in events])


def event_digests(model: SiteModel) -> dict[str, str]:
    """Every event's fingerprint, by id: what its pages and its events.json line show."""
    actor_digests = {a.slug: actor_digest(a) for a in model.actors}
    return {e.id: event_digest(e, actor_digests) for e in model.events}


def plan_pages(
    model: SiteModel,
    descending: bool = False,
    calendar: str = "gregorian",
    page_size: int = 0,
    embeds: dict[str, dict[str, str] | None] | None = None,
) -> list[Page]:
    """Every page of the site but the widget's (plan_embed). `embeds` gives,
    by page path, what the timeline, actor, tag and place pages offer about
    embedding them (none without a base_url). Whether a rebuild reuses a page
    is decided by what its render read (deps.py), so no digest is made here."""
    listed = [a for a in model.actors if a.events or a.reviewed]
    known = periods(model.events, calendar)

    def listing(
        base: str,
        template: str,
        page: dict[str, str],
        events: list[Event],
        *,
        only_home: dict[str, Any] | None = None,  # context for the first page only (else None)
        deps: frozenset[str] = frozenset(),
        origin: str = "",
        **extra: Any,  # template context
    ) -> list[Page]:
        """The pages of one event listing, each depending only on its own events
        and on which pages exist (the pager), so that an edit re-renders one page."""
        ordered = events[::-1] if descending else events
        sections = paginate(ordered, base, page_size, calendar, latest=True, known=known)
        months = month_index(sections, calendar)
        # Every page shows the strip and the pager: which pages exist, and how
        # many events each month and page holds.
        page_counts = {s.path: len(s.events) for s in sections}
        pager_years = year_groups(sections, page_counts) if len(sections) > 1 else []
        out = []
        for section in sections:
            path = f"{section.path}index.html"
            home = section.path == base
            shown = section.events
            if not base:  # the timeline: where each event's month is, for its page's breadcrumb
                placed.update((e.id, section.path) for e in shown)
            counts: dict[str, int] = {}
            on_page: dict[str, Actor] = {}
            for e in shown:
                for p in e.actors:  # an actor takes part in an event once (model)
                    on_page[p.actor.slug] = p.actor
                    counts[p.actor.slug] = counts.get(p.actor.slug, 0) + 1
            # Ordered by this page's own counts: another page's edit must not reorder it.
            actors = sorted(on_page.values(), key=lambda a: (-counts[a.slug], a.name, a.slug))
            context = {
                "page": {**page, "path": path},
                "events": shown,
                "years": group_by_month(shown, False, calendar, known),
                "actors": actors,
                "actor_counts": counts,
                "section": section,
                "sections": sections if len(sections) > 1 else [],
                "month_counts": months,
                "page_counts": page_counts,
                "pager_years": pager_years,
                "first": home,
                **extra,
                **{k: v if home else None for k, v in (only_home or {}).items()},
            }
            where = origin if home else f"{origin or template} ({section.path})"
            out.append(Page(path, template, context, deps | _deps(shown), where))
        return out

    placed: dict[str, str] = {}  # event id → the timeline page that lists it
    pages = listing(
        "",
        "index.html",
        {"title": "", "kind": "timeline"},
        model.events,
        total=len(model.events),
        total_actors=sum(1 for a in model.actors if a.events),
        embed=(embeds or {}).get(""),
    )
    pages += [
        Page(
            "404.html",
            "404.html",
            {"page": {"path": "404.html", "title": "الصفحة غير موجودة", "kind": "404"}},
        ),
        Page(
            "actors/index.html",
            "actors.html",
            {
                "page": {"path": "actors/index.html", "title": "الفاعلون", "kind": "actors"},
                "actors": listed,
            },
            frozenset(a.file for a in listed if a.file) | _deps(model.events),
        ),
    ]
    for event in model.events:
        path = f"{event.path}index.html"
        pages.append(
            Page(
                path,
                "event.html",
                {
                    "page": {"path": path, "title": event.title, "kind": "event"},
                    "event": event,
                    "crumb": (placed[event.id], Month(*known[event], [], calendar)),
                },
                _deps([event]) | {a.actor.file for a in event.actors if a.actor.file},
                f"{event.sources[0].file}:{event.sources[0].line}",
            )
        )
    for actor in listed:
        pages += listing(
            actor.path,
            "actor.html",
            {"title": actor.name, "kind": "actor"},
            actor.events,
            actor=actor,
            embed=(embeds or {}).get(actor.path),
            total=len(actor.events),
            only_home={"facts": actor_facts(actor)},
            deps=frozenset({actor.file} if actor.file else ()),
            origin=actor.file or f"the actor {actor.name!r} found in the text",
        )
    for kind, terms in (("place", model.places), ("tag", model.tags)):
        pages.append(_terms_page(kind, terms))
        for term in terms:
            pages += listing(
                term.path,
                "term.html",
                {"title": term.name, "kind": kind},
                term.events,
                term=term,
                embed=(embeds or {}).get(term.path),
                total=len(term.events),
            )
    for story in model.stories:
        path = f"{story.path}index.html"
        pages.append(
            Page(
                path,
                "story.html",
                {"page": {"path": path, "title": story.title, "kind": "story"}, "story": story},
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
        _deps(e for t in terms for e in t.events),
    )
