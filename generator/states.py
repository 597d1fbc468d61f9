"""A model object's whole state in one digest, so that checking a reused
page's reads need not digest each read again (issue 12).

A 10,000-event rebuild after one edit checks some 200,000 reads of the
model (deps.Reads.holds), 170,000 of them of events, and digesting each
was a second of it. Yet what a read of an event gives (`event.title`,
`event.actors`) is a function of the event's own fields: model objects in
them count by their identity (deps.ref), so what an actor or a story holds
is another object's reads, checked on their own. So the record of a build
keeps one digest of each object's fields beside its reads' digests; an
object whose fields digest as they did gives every read of a field, or of a
property made from its fields alone (`DERIVED`), what it gave then, and
the reads' old digests stand without being made again. A read of anything
else (an attribute set on the object later, a method, a name it lacks) is
digested as before.

`DERIVED` must name every property of these classes, and only those made
from the object's own fields and constants: tests/test_states.py fails when
a class gains a property the list does not name, so that a property that
reads another object (which the object's own digest cannot cover) is never
trusted by accident.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import marshal
from collections.abc import Callable
from hashlib import blake2b
from typing import Any

from generator.model import Actor, Event, Story, Term

# A key in the record's table (deps.Reads.table) under a ref: that object's
# state. A template can read no attribute so named by `a.b`; should one ask
# `a["\0state"]`, the two entries clash, and either check fails: a page drawn
# again, never one reused wrongly.
STATE = "\0state"

# The properties of each class that are made from its own fields and constants.
DERIVED: dict[type, tuple[str, ...]] = {
    Event: ("slug", "path", "type_label", "files", "outlets"),
    Actor: ("path", "kind_label"),
    Term: ("path",),
    Story: ("path",),
}

FIELDS: dict[type, tuple[str, ...]] = {
    t: tuple(f.name for f in dataclasses.fields(t)) for t in DERIVED
}

# The attributes whose reads an unchanged state vouches for, by class.
VOUCHED: dict[type, frozenset[str]] = {t: frozenset(FIELDS[t] + DERIVED[t]) for t in DERIVED}


class _Volatile(Exception):
    pass


# A value's plain form: what `marshal` writes at C speed (version 2: no
# references, so the bytes are the values', not how they share objects).
# Atoms stay as they are; a list stays a list; anything else becomes a tuple
# led by a tag that names its kind, so that no plain value can spell it
# (a tuple is one kind too): a model object is its ref, a data class its
# fields, a date its day number, a str or an int of a subclass its type and
# plain value. Anything else (a set, a function, a class…) makes the state
# volatile.
_ATOMS = frozenset({str, int, float, bool, type(None), bytes})


def _plain(value: Any, refs: dict[type, Callable[[Any], str]]) -> Any:
    t = type(value)
    if t in _ATOMS:
        return value
    if t is list:
        return [_plain(v, refs) for v in value]
    key = refs.get(t)
    if key is not None:
        return ("r", key(value))
    how = _HOW.get(t)
    if how is None:
        how = _HOW[t] = _how(t)
    return how(value, refs)


# How each type other than an atom, a list or a model object becomes plain
# (found once per type).
_HOW: dict[type, Callable[[Any, dict[type, Callable[[Any], str]]], Any]] = {}


def _how(t: type) -> Callable[[Any, dict[type, Callable[[Any], str]]], Any]:
    tag = f"{t.__module__}.{t.__qualname__}"
    if t is tuple:
        return lambda obj, refs: ("t", *[_plain(v, refs) for v in obj])
    if t is dict:
        return lambda obj, refs: ("d", [(_plain(k, refs), _plain(v, refs)) for k, v in obj.items()])
    if dataclasses.is_dataclass(t):
        names = tuple(f.name for f in dataclasses.fields(t))
        return lambda obj, refs: ("(", tag, *[_plain(getattr(obj, n), refs) for n in names])
    if t is dt.date:
        return lambda obj, refs: ("D", obj.toordinal())
    if issubclass(t, tuple) and hasattr(t, "_fields"):  # a namedtuple
        return lambda obj, refs: ("n", tag, *[_plain(v, refs) for v in obj])
    if issubclass(t, str):  # Markup: the type and the text (as a plain str, not repr'd)
        return lambda obj, refs: ("s", tag, str.__str__(obj))
    for base in (int, float, dt.datetime, dt.date, dt.time, dt.timedelta):
        if issubclass(t, base):  # an IntEnum, a datetime: the type and plain value
            plain = base.__repr__
            return lambda obj, refs: _zoned(obj) or ("s", tag, plain(obj))
    return _volatile


def _zoned(obj: Any) -> None:
    zone = getattr(obj, "tzinfo", None)
    if zone is not None and type(zone) is not dt.timezone:
        raise _Volatile  # a zone of its own: its repr may not tell it apart


def _volatile(obj: Any, refs: Any) -> Any:
    raise _Volatile


def state_digest(obj: Any, refs: dict[type, Callable[[Any], str]]) -> str | None:
    """A digest of an object's class and fields (a class of DERIVED), model
    objects in them by their ref (`refs`, deps.py's); None if some value
    cannot be told by its plain form."""
    t = type(obj)
    try:
        plain = (t.__qualname__, *[_plain(getattr(obj, name), refs) for name in FIELDS[t]])
        data = marshal.dumps(plain, 2)
    except (_Volatile, ValueError, RecursionError):  # ValueError: marshal refused it
        return None
    return blake2b(data, digest_size=12).hexdigest()
