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
every (ref, attribute) it read still digests to what it did (a read of an
object whose own fields digest as they did holds at once: states.py). Anything this
cannot follow (a method of a model object called from a template, a model
object printed whole, a value of an unknown type) makes the page *volatile*:
it is rendered again every build, which costs speed and never correctness.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import pickle
from collections.abc import Callable, Collection, Iterable
from hashlib import blake2b
from itertools import chain
from operator import attrgetter
from sys import intern
from types import SimpleNamespace
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup

from generator.model import Actor, Event, SiteModel, Story, Term
from generator.plan import Section
from generator.states import STATE, VOUCHED, state_digest

VOLATILE = "!"  # a digest that never equals another: the value cannot be followed
Read = tuple[str, str]  # (ref of a model object, attribute name)

_Some = TypeVar("_Some", bound=Collection[tuple[str, str]])  # reads, as a set or a tuple
_SCALARS = (str, int, float, bool, type(None), dt.date, dt.datetime, dt.time, dt.timedelta)


def ref(obj: Any) -> str | None:
    """The identity of a model object, stable across builds and processes.

    Interned: the reads of every page hold it (an event's ref is in the reads
    of each page that shows the event), and one string per object instead of
    one per read was a tenth of a build's memory."""
    key = _REFS.get(type(obj))
    return intern(key(obj)) if key is not None else None


_REFS: dict[type, Callable[[Any], str]] = {
    Event: lambda o: "e:" + o.id,
    Actor: lambda o: "a:" + o.slug,
    Term: lambda o: f"{o.kind[:1]}:{o.slug}",
    Story: lambda o: "s:" + o.slug,
    Section: lambda o: "§:" + o.path,  # a page of a listing: its path is unique in the site
}
_KINDS: dict[type, Callable[[Any], str]] = {}


def track(kind: type, key: Callable[[Any], str]) -> None:
    """Follow reads of another kind of object that a plan hands templates and
    that holds model objects (plan_embed's Scope), as reads of a Section are
    followed; `key` gives its identity (unique in the site, stable)."""
    _KINDS[kind] = _REFS[kind] = key
    _TRACKED.add(kind)
    _HOW.pop(kind, None)


class _Volatile(Exception):
    pass


Memo = dict[int, tuple[Any, str]]
_SHARED_FROM = 8  # a list, tuple or dict this long is digested once per memo


class _Digest(pickle.Pickler):
    """A value as bytes, by the C pickler: atoms, lists, tuples and dicts at C
    speed, and `persistent_id` (asked of every object) turning anything else
    into what stands for it. Written without a memo (`fast`), so that a value
    seen twice is written twice: whether two parts are one object or two
    equal ones never changes a digest. A stand-in is a model object's ref (a
    str) or a tuple led by a tag that names its kind (and type), and the
    pickle marks it as a persistent id, so no plain value can spell it."""

    def __init__(self) -> None:
        self.out = io.BytesIO()
        super().__init__(self.out, protocol=5)
        self.fast = True
        self.memo_: Memo | None = None
        self.whole: Any = None  # the long value this digester is digesting on its own

    def persistent_id(self, obj: Any) -> Any:
        t = type(obj)
        if t in _ATOMS:
            return None
        if t is list or t is tuple or t is dict:
            if len(obj) < _SHARED_FROM or obj is self.whole:
                return None
            # The pages of a listing are given the very same months, pages and
            # counts: digest them once. A long value counts by the digest of
            # its items, memo or not, so the memo keeps 33 characters per
            # value, not its text (every listing page's events: 300 MB at
            # 10,000 events). It holds the value, so the id names no other.
            memo = self.memo_
            found = memo.get(id(obj)) if memo is not None else None
            if found is None or found[0] is not obj:
                found = (obj, "#" + _bytes_digest(obj, memo, obj, 16).hex())
                if memo is not None:
                    memo[id(obj)] = found
            return ("#", found[1])
        how = _HOW.get(t)
        if how is None:
            how = _HOW[t] = _how(t)
        return how(obj, self.memo_)


_FREE: list[_Digest] = []  # digesters not in use (one is busy while it digests a part)


def _bytes_digest(value: Any, memo: Memo | None, whole: Any, size: int) -> bytes:
    try:
        d = _FREE.pop()
    except IndexError:
        d = _Digest()
    d.memo_, d.whole = memo, whole
    d.out.seek(0)
    d.out.truncate()
    d.dump(value)  # if it raises, `d` is dropped: its state is not known
    data = d.out.getvalue()
    d.memo_ = d.whole = None
    _FREE.append(d)
    return blake2b(data, digest_size=size).digest()


# How each type other than an atom or a plain list, tuple or dict is written,
# found once per type: a function of the object and the memo giving its
# stand-in (None: as the pickler writes it).
_HOW: dict[type, Callable[[Any, Memo | None], Any]] = {}
_DATES = (dt.datetime, dt.date, dt.time, dt.timedelta)
_ATOMS = frozenset({str, int, float, bool, type(None), bytes})


def _how(t: type) -> Callable[[Any, Memo | None], Any]:
    key = _REFS.get(t)
    if key is not None:  # a model object counts by its identity
        return lambda obj, memo: key(obj)
    if t is dt.date:  # the commonest after atoms (an event's date): its day number
        return lambda obj, memo: ("D", obj.toordinal())
    for base in (str, int, float, *_DATES):  # Markup, an IntEnum: the type and plain value
        if issubclass(t, base):
            return _scalar("r" + _name(t), base.__repr__)
    if issubclass(t, tuple) and hasattr(t, "_fields"):  # a namedtuple
        tag = "t" + _name(t)
        return lambda obj, memo: (tag, *obj)
    if t is set or t is frozenset:  # in no order of their own: ordered by digest
        tag = "{" if t is set else "}"
        return lambda obj, memo: (
            tag,
            *sorted(_bytes_digest(item, memo, None, 16) for item in obj),
        )
    if dataclasses.is_dataclass(t):
        tag = "(" + _name(t)
        names = [f.name for f in dataclasses.fields(t)]
        if len(names) == 1:
            return lambda obj, memo: (tag, getattr(obj, names[0]))
        fields = attrgetter(*names) if names else lambda obj: ()
        return lambda obj, memo: (tag, *fields(obj))
    if t is SimpleNamespace:
        return lambda obj, memo: ("n", vars(obj))
    if issubclass(t, jinja2.Undefined):
        tag = "u" + _name(t)
        return lambda obj, memo: (tag, obj._undefined_name)
    return _call_or_volatile


def _scalar(tag: str, plain: Callable[[Any], str]) -> Callable[[Any, Memo | None], Any]:
    def scalar(obj: Any, memo: Memo | None) -> Any:
        zone = getattr(obj, "tzinfo", None)
        if zone is not None and type(zone) is not dt.timezone:
            raise _Volatile  # a zone of its own: its repr may not tell it apart
        return (tag, plain(obj))

    return scalar


def _call_or_volatile(value: Any, memo: Memo | None) -> Any:
    if callable(value) and not isinstance(value, type):
        receiver = getattr(value, "__self__", None)
        if receiver is None or ref(receiver) is not None or isinstance(receiver, type):
            raise _Volatile  # what a model object's method reads cannot be followed
        return ("m", getattr(value, "__name__", "?"), receiver)
    raise _Volatile


def _name(t: type) -> str:
    return f"{t.__module__}.{t.__qualname__}"


# A lone atom (most reads: a title, a count) is hashed as it is, each kind
# led by a byte that no other kind and no pickle (0x80 first) starts with.
_PLAIN: dict[type, Callable[[Any], bytes]] = {
    str: lambda s: b"s" + s.encode("utf-8", "surrogatepass"),
    int: lambda n: b"i%d" % n,
    bool: lambda b: b"b1" if b else b"b0",
    type(None): lambda n: b"n",
    Markup: lambda s: b"m" + str.__str__(s).encode("utf-8", "surrogatepass"),
}


def digest(value: Any, memo: Memo | None = None) -> str:
    """A digest of a value, model objects by their ref; VOLATILE if it cannot be
    followed. `memo` (one build's) digests a long list, tuple or dict given
    to many pages once; the digest is the same with or without it."""
    try:
        plain = _PLAIN.get(type(value))
        if plain is not None:
            return blake2b(plain(value), digest_size=12).hexdigest()
        return _bytes_digest(value, memo, None, 12).hex()
    except Exception:  # _Volatile, a cycle, too deep: not something to follow
        return VOLATILE


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
        self._groups: dict[int, tuple[Collection[Read], bool]] = {}  # failed sets
        self._held: set[Read] = set()  # reads found to hold against `_against`
        self._against: dict[Read, str] | None = None
        self._lists: dict[int, list[Any]] = {}  # lists of sections registered

    def register(self, context: dict[str, Any]) -> None:
        """Know the listing sections a page is given (they are made by the plan,
        not the model), so that reads of them can be checked. Every page of a
        listing is given the list of all its sections: it is gone through once
        (kept here, so that its id names no other list meanwhile)."""
        for value in context.values():
            if type(value) is list:
                if not value or (type(value[0]) is not Section and type(value[0]) not in _KINDS):
                    items: Iterable[Any] = value
                elif self._lists.get(id(value)) is value:
                    continue
                else:
                    items = self._lists[id(value)] = value
            else:
                items = (value,)
            for item in items:
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

        Each read is checked once a build: the pages that show an event, or
        the listing pages of one actor, read mostly the same things, and a
        page whose reads were all checked already is one set look-up in C.
        A set shared by many pages (an event card's reads) that fails is
        remembered as failing."""
        if self._against is not old:
            self._against, self._held = old, set()
        held = self._held
        if held.issuperset(reads):
            return True
        memo = self._groups.get(id(reads))
        if memo is not None and memo[0] is reads:
            return memo[1]
        for read in reads:
            if read in held:
                continue
            was = old.get(read)
            if was is None or was == VOLATILE or self.current(read) != was:
                self._groups[id(reads)] = (reads, False)
                return False
            held.add(read)
        return True

    def settle(self, old: dict[Read, str]) -> None:
        """Check every read of `old` at once, so that most pages' checks are
        one set look-up in C. A read of an object whose state (states.py)
        digests as it did in `old` holds without being digested again (of
        some 200,000 reads at 10,000 events, all but those of the changed
        events and of the listings' sections); the rest are digested. Called
        once the pages' sections are registered (`register`)."""
        if self._against is not old:
            self._against, self._held = old, set()
        held, table, current = self._held, self.table, self.current
        objects = self.objects
        vouched: dict[str, frozenset[str]] = {}
        for read, was in old.items():
            key, name = read
            if name == STATE:
                continue
            trusted = vouched.get(key)
            if trusted is None:
                obj = objects.get(key)
                trusted = vouched[key] = (
                    VOUCHED[type(obj)]
                    if type(obj) in VOUCHED and old.get((key, STATE)) == self.state(key) != VOLATILE
                    else frozenset()
                )
            if name in trusted or (name.endswith(LENGTH) and name[: -len(LENGTH)] in trusted):
                table[read] = was
                held.add(read)
            elif was != VOLATILE and current(read) == was:
                held.add(read)

    def state(self, key: str) -> str:
        """The digest of model object `key`'s state (states.py), put in the
        table for the next build; VOLATILE for one that cannot be told by it."""
        found = self.table.get((key, STATE))
        if found is None:
            found = state_digest(self.objects[key], _REFS) or VOLATILE
            self.table[(key, STATE)] = found
        return found

    def keep_states(self) -> None:
        """Every model object's state in the table, for the next build's `settle`."""
        for key, obj in self.objects.items():
            if type(obj) in VOUCHED and (key, STATE) not in self.table:
                self.state(key)

    def page_holds(
        self, own: Collection[Read], cards: Iterable[Collection[Read]], old: dict[Read, str]
    ) -> bool:
        """Whether a page's own reads and its cards' all still hold: once every
        read it made was checked (by an earlier page), one pass in C."""
        held = self._held
        if (
            self._against is old
            and held.issuperset(own)
            and held.issuperset(chain.from_iterable(cards))
        ):
            return True
        return self.holds(own, old) and all(self.holds(group, old) for group in cards)

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
