"""What an actor's page tells at a glance: their first and last dated event,
and the actors they appear with most.

Computed once per actor in the plan stage; the first page of the actor's
listing shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model import Actor, Event

COMPANIONS = 6  # how many of the actors they appear with most are named


@dataclass(frozen=True)
class Companion:
    actor: Actor
    count: int  # events the two share


@dataclass(frozen=True)
class ActorFacts:
    first: Event | None  # the earliest dated event
    last: Event | None  # the latest one (None when it is the first too)
    companions: list[Companion] = field(default_factory=list)


def actor_facts(actor: Actor) -> ActorFacts:
    dated = [e for e in actor.events if e.date is not None]  # timeline order
    first = dated[0] if dated else None
    last = dated[-1] if len(dated) > 1 else None
    shared: dict[str, Companion] = {}
    for event in actor.events:
        for p in event.actors:
            other = p.actor
            if other is not actor:
                seen = shared.get(other.slug)
                shared[other.slug] = Companion(other, seen.count + 1 if seen else 1)
    ranked = sorted(shared.values(), key=lambda c: (-c.count, c.actor.name, c.actor.slug))
    return ActorFacts(first, last, ranked[:COMPANIONS])
