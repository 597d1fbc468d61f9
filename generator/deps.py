"""What a page's render reads, so that a page is reused only when nothing it
could read has changed.

A hand-picked fingerprint (an event's title, date, actors…) is only as sound
as the list it picks from, and a site's own templates may read anything the
model reaches: an event page may print each actor's number of events. So the
render stage records what each page actually reads, Lektor- and Hugo-style:

- the page's context is digested whole, but a model object (an Event, Actor,
  Term or Story) in it counts only by its identity (`ref`), because the model
  is one graph and everything reaches everything; so does a listing's
  Section (the pager of every page of a listing holds all its sections);
- every attribute a template reads of a model object goes through
  `Environment.getattr` / `getitem` (that is how Jinja compiles `a.b` and
  `a["b"]`, and how its filters' `attribute=` arguments are read), which
  `TrackingEnvironment` (tracking.py) logs as (ref, attribute);
- a value read that way is digested the same way (model objects by ref,
  everything else by content), so what a page sees is covered either by its
  context digest or by one of its reads.

On the next build a page is reused only if its context digest is the same and
every (ref, attribute) it read still digests to what it did. Anything this
cannot follow (a method of a model object called from a template, a model
object printed whole, a value of an unknown type) makes the page *volatile*:
it is rendered again every build, which costs speed and never correctness.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Iterable
from hashlib import blake2b
from sys import intern
from types import SimpleNamespace
from typing import Any, TypeVar

import jinja2

from generator.model import Actor, Event, SiteModel, Story, Term
from generator.plan import Section

VOLATILE = "!"  # a digest that never equals another: the value cannot be followed
Read = tuple[str, str]  # (ref of a model object, attribute name)

_Some = TypeVar("_Some", bound=Collection[tuple[str, str]])  # reads, as a set or a tuple
_SCALARS = (str, int, float, bool, type(None), dt.date, dt.datetime, dt.time, dt.timedelta)


def ref(obj: Any) -> str | None:
    """The identity of a model object, stable across builds and processes.

    Interned: the reads of every page hold it (an event's ref is in the reads
    of each page that shows the event), and one string per object instead of
    one per read was a tenth of a build's memory."""
    t = type(obj)
    if t is Event:
        return intern("e:" + obj.id)
    if t is Actor:
        return intern("a:" + obj.slug)
    if t is Term:
        return intern(f"{obj.kind[:1]}:{obj.slug}")
    if t is Story:
        return intern("s:" + obj.slug)
    if t is Section:  # a page of a listing: its path is unique in the site
        return intern("§:" + obj.path)
    key = _KINDS.get(t)
    return intern(key(obj)) if key is not None else None


_KINDS: dict[type, Callable[[Any], str]] = {}


def track(kind: type, key: Callable[[Any], str]) -> None:
    """Follow reads of another kind of object that a plan hands templates and
    that holds model objects (plan_embed's Scope), as reads of a Section are
    followed; `key` gives its identity (unique in the site, stable)."""
    _KINDS[kind] = key
    _TRACKED.add(kind)


class _Volatile(Exception):
    pass


Memo = dict[int, tuple[Any, str]]
_SHARED_FROM = 8  # a list, tuple or dict this long is flattened once per memo


def _flat(value: Any, out: list[str], depth: int = 0, memo: Memo | None = None) -> None:
    if depth > 40:
        raise _Volatile
    if isinstance(value, _SCALARS):
        out.append(repr(value))
        return
    key = ref(value)
    if key is not None:
        out.append("@" + key)
        return
    t = type(value)
    if (t is list or t is tuple or t is dict) and len(value) >= _SHARED_FROM:
        # The pages of a listing are given the very same months, pages and
        # counts: flatten them once. A long value counts by the digest of its
        # items, memo or not, so the memo keeps 32 characters per value, not
        # its text (every listing page's events: 300 MB at 10,000 events).
        # The memo holds the value, so its id names no other object meanwhile.
        found = memo.get(id(value)) if memo is not None else None
        if found is None or found[0] is not value:
            inner: list[str] = []
            _flat_items(value, t, inner, depth, memo)
            whole = blake2b("\x00".join(inner).encode(), digest_size=16).hexdigest()
            found = (value, "#" + whole)
            if memo is not None:
                memo[id(value)] = found
        out.append(found[1])
        return
    _flat_items(value, t, out, depth, memo)


def _flat_items(value: Any, t: type, out: list[str], depth: int, memo: Memo | None) -> None:
    if t is list or t is tuple or (isinstance(value, tuple) and hasattr(value, "_fields")):
        out.append(f"[{t.__name__}")
        for item in value:
            _flat(item, out, depth + 1, memo)
        out.append("]")
    elif t is dict:
        out.append("{")
        for k, v in value.items():
            _flat(k, out, depth + 1, memo)
            _flat(v, out, depth + 1, memo)
        out.append("}")
    elif t is set or t is frozenset:
        parts = []
        for item in value:
            one: list[str] = []
            _flat(item, one, depth + 1)
            parts.append("\x01".join(one))
        out.append("{" + "\x02".join(sorted(parts)) + "}")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        out.append(f"({t.__module__}.{t.__qualname__}")
        for f in dataclasses.fields(value):
            _flat(getattr(value, f.name), out, depth + 1, memo)
        out.append(")")
    elif t is SimpleNamespace:
        _flat(vars(value), out, depth + 1, memo)
    elif isinstance(value, jinja2.Undefined):
        out.append("undefined")
    elif callable(value):
        receiver = getattr(value, "__self__", None)
        if receiver is None or ref(receiver) is not None or isinstance(receiver, type):
            raise _Volatile  # what a model object's method reads cannot be followed
        out.append(f"m:{getattr(value, '__name__', '?')}")
        _flat(receiver, out, depth + 1, memo)
    else:
        raise _Volatile


def digest(value: Any, memo: Memo | None = None) -> str:
    """A digest of a value, model objects by their ref; VOLATILE if it cannot be
    followed. `memo` (one build's) flattens a long list, tuple or dict given
    to many pages once; the digest is the same with or without it."""
    out: list[str] = []
    try:
        _flat(value, out, 0, memo)
    except _Volatile:
        return VOLATILE
    return blake2b("\x00".join(out).encode(), digest_size=12).hexdigest()


def context_digest(context: dict[str, Any], *salt: str, memo: Memo | None = None) -> str:
    return digest([*salt, context], memo)


_TRACKED = {Event, Actor, Term, Story, Section}


LENGTH = "#len"  # a read of how many items a list holds, not which


class Reads:
    """One build's view of the model: the current digest of any (ref, attribute),
    computed once, and whether an earlier build's reads still hold."""

    def __init__(self, model: SiteModel) -> None:
        self.objects: dict[str, Any] = {}
        ambiguous: set[str] = set()
        groups: Iterable[list[Any]] = (
            model.events,
            model.actors,
            model.places,
            model.tags,
            model.stories,
        )
        for group in groups:
            for obj in group:
                key = ref(obj)
                if key is None:
                    continue
                if key in self.objects:
                    ambiguous.add(key)
                self.objects[key] = obj
        for key in ambiguous:  # two objects, one ref: no read of either is trusted
            del self.objects[key]
        self.table: dict[Read, str] = {}  # this build's digests of every read it checked
        self._groups: dict[int, tuple[Collection[Read], bool]] = {}

    def register(self, context: dict[str, Any]) -> None:
        """Know the listing sections a page is given (they are made by the plan,
        not the model), so that reads of them can be checked."""
        for value in context.values():
            for item in value if type(value) is list else (value,):
                if type(item) is Section or type(item) in _KINDS:
                    self.objects[ref(item)] = item  # type: ignore[index]

    def current(self, read: Read) -> str:
        found = self.table.get(read)
        if found is None:
            obj = self.objects.get(read[0], _GONE)
            if obj is _GONE:
                found = VOLATILE
            else:
                try:  # as Jinja reads it: a missing attribute is undefined
                    name = read[1]
                    if name.endswith(LENGTH):
                        found = digest(len(getattr(obj, name[: -len(LENGTH)])))
                    else:
                        found = digest(getattr(obj, name, _UNDEFINED))
                except Exception:  # the page could not have read it either
                    found = VOLATILE
            self.table[read] = found
        return found

    def holds(self, reads: Collection[Read], old: dict[Read, str]) -> bool:
        """Whether every read still digests as it did (`old`: the earlier build's table).

        A set shared by many pages (an event card's reads) is checked once."""
        memo = self._groups.get(id(reads))
        if memo is not None and memo[0] is reads:
            return memo[1]
        ok = True
        for read in reads:
            was = old.get(read)
            if was is None or was == VOLATILE or self.current(read) != was:
                ok = False
                break
        self._groups[id(reads)] = (reads, ok)
        return ok

    def note(self, reads: _Some) -> _Some:
        """Put reads made by a render into this build's table."""
        for read in reads:
            self.current(read)
        return reads


_GONE = object()
_UNDEFINED = jinja2.Undefined()
# A page's record: its context digest, its own reads (a tuple: a set of each
# page's took 36 MB at 10,000 events, a tuple 4), and its cards' reads (one
# set per card, shared by the pages that show it).
PageReads = tuple[str, tuple[Read, ...], tuple[frozenset[Read], ...]]
