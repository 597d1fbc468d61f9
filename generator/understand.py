"""The understand stage: one news sentence in, the facts an editor would note out.

It composes the pure readers of `generator.arabic` and applies the one policy
that belongs to the pipeline rather than to any reader: an item whose text
names no date takes its story's date, marked `basis: document` so pages show it
as the story's date and never as an exact one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.arabic.actor_surnames import story_people
from generator.arabic.actors import ActorMention, Registry, find_actors, story_actors
from generator.arabic.classify import event_type, find_places
from generator.arabic.date_value import Make
from generator.arabic.dates import DateValue, find_date


@dataclass
class Understanding:
    date: DateValue | None
    actors: list[ActorMention]
    type: str
    places: list[str]
    mentions: list[DateValue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def understand(
    text: str,
    *,
    reference: dt.date | None,
    today: dt.date,
    registry: Registry,
    hijri_adjust: int = 0,
    story: Sequence[ActorMention] = (),
) -> Understanding:
    """`story`: the actors understood in the story's earlier lines (a news
    file's lines before this one), so that a family name alone («المشهداني»)
    is read as the person named in full before."""
    found = find_date(text, reference, today, hijri_adjust)
    date = found.date
    warnings = list(found.warnings)
    if date is None and reference is not None:
        date = _DOCUMENT(reference, "day", "document")  # DateValue(…, written="")
    elif date is None:
        warnings.append("no date in the text and no story date: the event is undated")
    on = date.start if date else reference
    actors = find_actors(text, registry, on)
    # In field order: date, actors, type, places, mentions, warnings.
    return Understanding(
        date,
        with_story(text, actors, story),
        event_type(text),
        find_places(text),
        found.mentions,
        warnings,
    )


# The story's date given to a line that names none: built as the date reader
# builds its values (a frozen dataclass's keyword __init__ costs more).
_DOCUMENT = Make("", (0, 0))


def with_story(
    text: str, actors: list[ActorMention], story: Sequence[ActorMention]
) -> list[ActorMention]:
    """A sentence's actors read with its story's earlier lines (`story`): the
    people named again by the family name alone, whether a reader left those
    words («أكد الصفدي») or took them for a new person («المشهداني»).

    `tarikh build` memoises `understand` by sentence, without its story, and
    applies this after, keeping what it made by file (reading.py);
    `understand(story=…)` does both at once. A `Story` (actor_surnames.py)
    as `story` keeps its family-name table from line to line; a plain
    sequence has it made again from every mention, each call."""
    if not story:
        return actors
    return story_people([*actors, *story_actors(text, actors, story)], story)
