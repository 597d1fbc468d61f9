"""What the actor readers report: a mention found at a word range, made from a
registry entry or discovered in the text, and the alias reader they all share.

A discovered name gets the house spelling and a slug; its page is marked
unreviewed until an editor registers it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from generator.arabic.lexicon import Tokens
from generator.arabic.normalize import slugify
from generator.arabic.phrases import surface
from generator.arabic.registry import ActorEntry, ActorMention, Kind, Registry


@dataclass
class Found:
    start: int
    end: int
    mention: ActorMention
    # Named by a title alone, as the title's holder on the date («وزير الدفاع»
    # with no name): `actor_context` asks whether a name next to it is the one.
    by_title: bool = False


# A reader: from word i, the end of what it read (i when nothing) and the
# mentions found there. Its arguments: tokens, i, registry, the event's date,
# quoted stretches (first word → index after the last).
Reader = Callable[
    [Tokens, int, Registry, "dt.date | None", dict[int, int]], tuple[int, list[Found]]
]


def read_alias(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    hit = reg.match(t, i)
    if hit is None:
        return i, []
    end, entry, stem = hit
    return end, [Found(i, end, registered(entry, surface(t, i, end, stem)))]


def registered(entry: ActorEntry, mention: str, title: str | None = None) -> ActorMention:
    m = _new(ActorMention)
    m.__dict__.update(
        slug=entry.slug,
        name=entry.name,
        mention=mention,
        role="mentioned",
        kind=entry.kind,
        registered=True,
        title=title,
    )
    return m


_new = object.__new__


def discovered(name: str, mention: str, kind: Kind) -> ActorMention:
    name = house_spelling(name)
    return ActorMention(slug(name), name, mention, kind=kind, registered=False)


def slug(name: str) -> str:
    """The slug of a discovered name: the same names come back line after line."""
    slug = _SLUGS.get(name)
    if slug is None:
        slug = slugify(name, max_words=20)
        if len(_SLUGS) < 50_000:
            _SLUGS[name] = slug
    return slug


_SLUGS: dict[str, str] = {}


def house_spelling(name: str) -> str:
    """One spelling per discovered name, so «الإدارة الأميركية» and «الإدارة
    الأمريكية» are one actor with one page (the registry's spelling: أمريكي)."""
    return name.replace("أميرك", "أمريك").replace("اميرك", "امريك")
