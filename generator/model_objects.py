"""The model's objects: Event, Actor, Story, Term and the SiteModel that holds them.

Cut from model.py where the data ends and the assembly begins. These classes are
what every later stage reads (plan, render, publish) and what templates see
(themes/README.md is their contract), so they sit apart from build_model, which
only the build calls: a newcomer looking for "what does an event have?" reads
this file alone, and a module that only reads the model (publish/*) need not
import what build_model needs (dedupe, the understanding stage, the loaders).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from hashlib import blake2b
from typing import Any

from generator.arabic.actors import ActorMention, Role
from generator.arabic.classify import TYPE_LABELS
from generator.arabic.hijri import HijriDate
from generator.arabic.normalize import normalize, slugify

KIND_LABELS = {"person": "شخصية", "organisation": "مؤسسة", "country": "دولة", "group": "جماعة"}


def text_id(text: str) -> str:
    """The part of an event's id that its text gives (model.event_id puts its
    date before it): a slug of the first words and a digest of the whole.
    Here, apart from the assembly, so that the load stage can work it out
    once per file (load.EventFile.title_id) and the cache keep it."""
    digest = blake2b(normalize(text).encode(), digest_size=3).hexdigest()
    return f"{slugify(text, max_words=6) or 'event'}-{digest}"


@dataclass(eq=False)
class EventDate:
    start: dt.date
    precision: str
    basis: str
    written: str
    calendar: str
    end: dt.date | None
    hijri: HijriDate | None
    announced: bool = False  # a coming day the story announced (DateValue.announced)

    @property
    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()

    @property
    def hijri_iso(self) -> str | None:
        return self.hijri.iso(self.precision) if self.hijri else None


@dataclass(eq=False)
class Source:
    file: str  # the editor's file and line: shown in the live preview only
    line: int
    url: str | None = None
    name: str | None = None  # the outlet
    date: dt.date | None = None  # its publication date (a news file's `date`)


@dataclass(eq=False)
class Actor:
    slug: str
    name: str
    kind: str
    aliases: list[str]
    roles: list[Role]
    bio_html: str | None
    reviewed: bool
    file: str | None = None
    events: list[Event] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # the knowledge base's, for readers

    @property
    def path(self) -> str:
        return f"actors/{self.slug}/"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind) or "فاعل"  # a kind no reader could tell


@dataclass(eq=False)
class Participation:
    actor: Actor
    mention: str
    role: str
    title: str | None


@dataclass(eq=False)
class Term:
    slug: str
    name: str
    kind: str  # "place" | "tag"
    events: list[Event] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"{self.kind}s/{self.slug}/"


@dataclass(eq=False)
class Story:
    slug: str
    title: str
    file: str
    date: dt.date | None
    source: str | None
    url: str | None
    events: list[Event] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"stories/{self.slug}/"


@dataclass(eq=False)
class Event:
    id: str
    title: str
    text: str
    date: EventDate | None
    type: str
    sources: list[Source]
    actors: list[Participation] = field(default_factory=list)
    places: list[Term] = field(default_factory=list)
    tags: list[Term] = field(default_factory=list)
    body_html: str | None = None
    story: Story | None = None
    image: str | None = None
    draft: bool = False
    mentions: list[ActorMention] = field(default_factory=list)
    place_names: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.id

    @property
    def path(self) -> str:
        return f"events/{self.id}/"

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.type, self.type)

    @cached_property
    def files(self) -> frozenset[str]:
        """The source files it comes from (its pages' dependency record); the
        sources are fixed when the event is made."""
        return frozenset(s.file for s in self.sources)

    @cached_property
    def outlets(self) -> list[Source]:
        """The sources as a reader cites them (outlet, link, publication date),
        each once: two lines of one story are one source to a reader."""
        seen: dict[tuple[Any, ...], Source] = {}
        for s in self.sources:
            seen.setdefault((s.name, s.url, s.date), s)
        return list(seen.values())

    def sort_key(self) -> tuple[Any, ...]:
        start = self.date.start if self.date else dt.date.max
        first = self.sources[0]
        return (start, first.file, first.line, self.id)


@dataclass
class SiteModel:
    events: list[Event]
    actors: list[Actor]
    stories: list[Story]
    places: list[Term]
    tags: list[Term]

    def release(self) -> None:
        """Break the model's reference cycles (an actor lists its events, which
        list the actor) so that it is freed as soon as nothing points to it.

        A preview server makes a model per save; left to the cyclic garbage
        collector, old models pile up until a full collection, and a full
        collection of a 10,000-event site costs a third of a second.
        """
        for group in (self.actors, self.places, self.tags, self.stories):
            for item in group:
                item.events = []
