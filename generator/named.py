"""Actors an editor names (an event file's `actors:`, a correction's): who
they are and what kind of actor.

An editor's word is a review: such an actor is not «لم يُراجَع». Its kind is
read by tarikh's own Arabic readers, as for any actor found in a sentence:
the name alone («وزارة الخارجية المصرية»: an organisation; «حركة حماس»: a
group; a personal name: a person), else as the subject of a sentence, which
is where the readers tell a country that acts («روسيا»). A name the readers
cannot tell (an acronym, «الأمم المتحدة») is an organisation when it starts
with the definite article, as personal names do not; otherwise its kind is
left unknown (the actors' index files it under «أخرى») rather than guessed,
and registering the actor (content/actors/) says it.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.arabic.actors import ActorMention, Registry, find_actors
from generator.arabic.normalize import normalize, slugify

# A sentence whose subject is the name: where the readers find a country acting.
SUBJECT_FRAME = "أعلن {} أمس"


def _whole(name: str, mentions: list[ActorMention]) -> ActorMention | None:
    """The one mention that is the whole name, if the readers found it."""
    key = normalize(name)
    found = [m for m in mentions if key in (normalize(m.mention), normalize(m.name))]
    return found[0] if len(found) == 1 else None


def read_named(name: str, registry: Registry) -> ActorMention:
    """An editor-named actor, as the readers read the name; reviewed."""
    for text in (name, SUBJECT_FRAME.format(name)):
        found = _whole(name, find_actors(text, registry, None))
        if found is not None:
            if found.registered:  # a registered actor by a longer name («الرئيس الروسي بوتين»)
                return ActorMention(found.slug, found.name, name, kind=found.kind)
            return ActorMention(slugify(name), name, name, kind=found.kind)
    first = normalize(name).split()[0] if name.split() else ""
    kind = "organisation" if first.startswith("ال") and len(first) > 3 else ""
    return ActorMention(slugify(name), name, name, kind=kind)  # type: ignore[arg-type]


def named_mentions(names: Iterable[str], registry: Registry) -> list[ActorMention]:
    """Actors an editor named: registry entries by name, alias or slug; any
    other name is an actor of its own, reviewed, of the kind its name reads as."""
    by_key = registry.by_name()
    cache: dict[str, ActorMention] = registry.__dict__.setdefault("_named", {})
    mentions = []
    for name in names:
        entry = by_key.get(normalize(name))
        if entry:
            mentions.append(ActorMention(entry.slug, entry.name, name, kind=entry.kind))
        elif slugify(name):
            found = cache.get(name)
            if found is None:
                found = cache[name] = read_named(name, registry)
            mentions.append(found)
    return mentions
