"""The model stage: raw items + what was understood → Events, Actors, Stories.

Here duplicates become one event with several sources, editors' corrections
are applied, and everything is put in timeline order. The objects built here
are also what templates see (see themes/README.md for the contract), so
there is no second "view model" to keep in step.

The objects themselves (Event, Actor, Story, Term, SiteModel) are in
model_objects.py, apart from how they are assembled here; they stay importable
from this module.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from generator.arabic.actors import ActorEntry, Registry
from generator.arabic.date_value import DateValue
from generator.arabic.dedupe import Sketches, group_duplicates
from generator.arabic.hijri import HijriDate, to_hijri
from generator.arabic.normalize import normalize, slugify
from generator.load import ActorFile, EventFile, NewsFile, NewsLine, Problems, parse_date
from generator.model_objects import (
    Actor,
    Event,
    EventDate,
    Participation,
    SiteModel,
    Source,
    Story,
    Term,
    text_id,
)
from generator.named import named_mentions

if TYPE_CHECKING:  # the readers are imported by who reads, not by the model
    from generator.understand import Understanding


def event_date(value: DateValue | None, hijri_adjust: int) -> EventDate | None:
    if value is None:
        return None
    return EventDate(
        start=value.start,
        precision=value.precision,
        basis=value.basis,
        written=value.written,
        calendar=value.calendar,
        end=value.end,
        hijri=_hijri(value.start, hijri_adjust),
        announced=value.announced,
    )


@lru_cache(maxsize=1 << 16)
def _hijri(day: dt.date, adjust: int) -> HijriDate | None:
    """Converting is most of the cost of modelling an event, and a site has
    far fewer distinct days than events (the cache holds 180 years of days)."""
    return to_hijri(day, adjust)


def event_id(date: EventDate | None, text: str, text_ids: dict[str, str] | None = None) -> str:
    """Stable across edits to other lines: only the event's own date and text
    count. `text_ids`: the caller's memo of `text_id` by text (reading.py
    keeps one from build to build), filled as it goes."""
    if text_ids is None:
        return f"{date.iso if date else 'undated'}-{text_id(text)}"
    found = text_ids.get(text)
    if found is None:
        found = text_ids[text] = text_id(text)
    return f"{date.iso if date else 'undated'}-{found}"


def _news_events(
    news: list[NewsFile],
    understood: dict[tuple[str, int], Understanding],
    corrections: dict[str, dict[str, Any]],
    hijri_adjust: int,
    dedupe: Sketches | None = None,
    text_ids: dict[str, str] | None = None,
) -> list[Event]:
    lines: list[NewsLine] = [item for f in news for item in f.items]
    story_of = {f.file: f for f in news}
    groups = group_duplicates([item.text for item in lines], memory=dedupe)
    events: list[Event] = []
    pending = deque(groups)
    while pending:
        group = pending.popleft()
        first = lines[group[0]]
        facts = understood[(first.file, first.line)]
        date = event_date(facts.date, hijri_adjust)
        eid = event_id(date, first.text, text_ids)
        if len(group) > 1 and corrections.get(eid, {}).get("unmerge"):
            pending.extendleft([i] for i in reversed(group))
            continue
        sources = []
        for i in group:
            item = lines[i]
            story = story_of[item.file]
            sources.append(Source(item.file, item.line, story.url, story.source, story.date))
        events.append(
            Event(
                id=eid,
                title=first.text,
                text=first.text,
                date=date,
                type=facts.type,
                sources=sources,
                mentions=facts.actors,
                place_names=facts.places,
            )
        )
    return events


def _file_events(
    files: list[EventFile], registry: Registry, problems: Problems, hijri_adjust: int
) -> list[Event]:
    events = []
    for f in files:
        if f.draft:
            continue
        parsed = f.when  # parse_date's, worked out by the load stage
        if isinstance(parsed, str):
            problems.error(f.file, f.line, parsed)
            continue
        start, precision, calendar, written = parsed
        end = None
        if f.until is not None:
            if isinstance(f.until, str):
                problems.error(f.file, f.line, "end_date: " + f.until)
                continue
            end = f.until[0]
        value = DateValue(start, precision, "explicit", written, calendar, end)  # type: ignore[arg-type]
        date = event_date(value, hijri_adjust)
        mentions = named_mentions(f.actors, registry)
        events.append(
            Event(
                id=f"{date.iso if date else 'undated'}-{f.title_id}",  # event_id's
                title=f.title,
                text=f.body_text or f.title,
                date=date,
                type="other",
                sources=[Source(f.file, f.line, f.url, f.source)],
                body_html=Markup(f.body_html) if f.body_html else None,  # sanitised by nh3
                image=f.image,
                mentions=mentions,
                place_names=[f.place] if f.place else [],
                tags=[Term(slug, t, "tag") for slug, t in f.tag_slugs],
            )
        )
    return events


def _apply_corrections(
    events: list[Event],
    corrections: dict[str, dict[str, Any]],
    registry: Registry,
    problems: Problems,
    hijri_adjust: int,
    file: str,
) -> list[Event]:
    ids = {e.id for e in events}
    for key in sorted(set(corrections) - ids):
        problems.warning(file, None, f"correction for {key!r}: no event has this id any more")
    kept = []
    for event in events:
        fix = corrections.get(event.id)
        if not fix:
            kept.append(event)
            continue
        if fix.get("drop"):
            continue
        if "date" in fix:
            parsed = parse_date(fix["date"])
            if isinstance(parsed, str):
                problems.error(file, None, f"{event.id}: {parsed}")
            else:
                start, precision, calendar, written = parsed
                value = DateValue(start, precision, "explicit", written, calendar)  # type: ignore[arg-type]
                event.date = event_date(value, hijri_adjust)
        if "type" in fix:
            event.type = str(fix["type"])
        if "places" in fix and isinstance(fix["places"], list):
            event.place_names = [str(p) for p in fix["places"]]
        if "actors" in fix and isinstance(fix["actors"], list):
            event.mentions = named_mentions(map(str, fix["actors"]), registry)
        kept.append(event)
    return kept


def build_model(
    news: list[NewsFile],
    understood: dict[tuple[str, int], Understanding],
    event_files: list[EventFile],
    actor_files: list[ActorFile],
    registry: Registry,
    corrections: dict[str, dict[str, Any]],
    problems: Problems,
    hijri_adjust: int = 0,
    corrections_file: str = "content/corrections.yaml",
    dedupe: Sketches | None = None,
    text_ids: dict[str, str] | None = None,
) -> SiteModel:
    """The site as readers see it. `dedupe` is what the caller's dedupe kept
    from its last build (a rebuild sketches only the edited lines);
    `text_ids` its memo of the news events' text ids (`event_id`)."""
    events = _news_events(news, understood, corrections, hijri_adjust, dedupe, text_ids)
    events += _file_events(event_files, registry, problems, hijri_adjust)
    events = _apply_corrections(
        events, corrections, registry, problems, hijri_adjust, corrections_file
    )
    events.sort(key=Event.sort_key)
    events = _unique_ids(events, problems)

    bios = {a.entry.slug: a for a in actor_files}
    actors: dict[str, Actor] = {}
    builtin: dict[str, ActorEntry] = {}
    for entry in registry.entries:
        if entry.builtin:  # a page only when the content names them
            builtin[entry.slug] = entry
        else:
            actors[entry.slug] = _actor(entry, bios.get(entry.slug))
    places: dict[str, Term] = {}
    tags: dict[str, Term] = {}
    place_slugs: dict[str, str] = {}  # a site names far fewer places than it has events
    for event in events:
        for m in event.mentions:
            actor = actors.get(m.slug)
            if actor is None and m.slug in builtin:
                actor = actors[m.slug] = _actor(builtin[m.slug], None)
            elif actor is None:
                actor = actors[m.slug] = Actor(m.slug, m.name, m.kind, [], [], None, m.registered)
            elif m.registered and not actor.reviewed:  # found in text, and named by an editor
                actor.reviewed = True
            if any(p.actor is actor for p in event.actors):
                continue
            event.actors.append(Participation(actor, m.mention, m.role, m.title))
            actor.events.append(event)
        for name in dict.fromkeys(event.place_names):
            slug = place_slugs.get(name)
            if slug is None:
                slug = place_slugs[name] = slugify(name)
            if slug:
                term = places.setdefault(slug, Term(slug, name, "place"))
                if not term.events or term.events[-1] is not event:
                    term.events.append(event)
                    event.places.append(term)
        event_tags = []
        for tag in event.tags:
            term = tags.setdefault(tag.slug, Term(tag.slug, tag.name, "tag"))
            if not term.events or term.events[-1] is not event:
                term.events.append(event)
                event_tags.append(term)
        event.tags = event_tags

    stories = []
    by_file = {}
    for f in news:
        slug = slugify(f.file.rsplit("/", 1)[-1].rsplit(".", 1)[0], max_words=20)
        if not slug:
            problems.error(f.file, None, "the file name gives an empty slug; rename the file")
            continue
        story = Story(slug, f.title or slug, f.file, f.date, f.source, f.url)
        stories.append(story)
        by_file[f.file] = story
    for event in events:
        story = by_file.get(event.sources[0].file)
        if story:
            event.story = story
            story.events.append(event)

    return SiteModel(
        events=events,
        actors=sorted(actors.values(), key=lambda a: (-len(a.events), normalize(a.name), a.slug)),
        stories=sorted(stories, key=lambda s: s.file),
        places=sorted(places.values(), key=lambda t: (-len(t.events), t.slug)),
        tags=sorted(tags.values(), key=lambda t: (-len(t.events), t.slug)),
    )


def _unique_ids(events: list[Event], problems: Problems) -> list[Event]:
    """Two events with one id would want one page: the second is an error, named."""
    first: dict[str, Source] = {}
    unique = []
    for event in events:
        src = event.sources[0]
        if event.id in first:
            other = first[event.id]
            problems.error(
                src.file,
                src.line,
                f"events/{event.id}/ is wanted by both {other.file}:{other.line} and "
                f"{src.file}:{src.line} (same date and text); the second is left out",
            )
            continue
        first[event.id] = src
        unique.append(event)
    return unique


def _actor(entry: ActorEntry, file: ActorFile | None) -> Actor:
    roles = list(entry.roles)
    if entry.builtin:  # each term is listed under all its titles: show it once
        roles = list({(r.start, r.end): r for r in reversed(roles)}.values())[::-1]
    return Actor(
        slug=entry.slug,
        name=entry.name,
        kind=entry.kind,
        aliases=list(entry.aliases),
        roles=roles,
        bio_html=Markup(file.bio_html) if file and file.bio_html else None,  # nh3
        reviewed=True,
        file=file.file if file else None,
        sources=list(entry.sources),
    )
