"""Who is in the news? Registered actors by any alias, titles, duals, groups.

CONTRACT (used by generator/load.py and generator/understand.py):

    Registry(entries)                       compile once per build
    find_actors(text, registry, on) -> list[ActorMention]

`on` is the event's date (or None) for resolving dated roles
("وزير الخارجية الروسي" on 2015-10-01 → سيرغي لافروف).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["person", "organisation", "country", "group"]


@dataclass(frozen=True)
class Role:
    title: str  # "وزير الخارجية الروسي"
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class ActorEntry:
    slug: str  # URL slug and id, Unicode ("فلاديمير-بوتين")
    name: str
    kind: Kind = "person"
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    slug: str
    name: str
    mention: str  # the words in the text, as written
    role: Literal["subject", "mentioned"] = "mentioned"
    kind: Kind = "person"
    registered: bool = True  # False: discovered in text, page marked unreviewed
    title: str | None = None  # title used in this sentence, kept as their role


@dataclass
class Registry:
    entries: list[ActorEntry] = field(default_factory=list)

    def __init__(self, entries: Iterable[ActorEntry] = ()) -> None:
        self.entries = list(entries)


def find_actors(text: str, registry: Registry, on: dt.date | None) -> list[ActorMention]:
    raise NotImplementedError
