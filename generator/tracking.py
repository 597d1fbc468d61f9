"""How a page's render logs what it reads of the model (deps.py says why).

Jinja compiles `a.b` and `a["b"]` to `Environment.getattr` / `getitem`, and
its filters' `attribute=` arguments read the same way: `TrackingEnvironment`
logs each (object, attribute) of a model object there. A model object's list
of model objects comes back as a `ListView`, so that counting it is one read
and what it holds another. What cannot be followed (a model object printed
whole, or handed to a helper written in Python) is logged as `PRINTED`,
which makes the page volatile.
"""

from __future__ import annotations

from typing import Any

import jinja2

from generator.deps import _KINDS, _TRACKED, LENGTH, Read, ref


def _who(obj: Any) -> Any:
    """What a log holds for an object: itself (cheap), or its ref when it is
    not hashable (a frozen dataclass holding a list)."""
    return ref(obj) if type(obj) in _KINDS else obj


class TrackingEnvironment(jinja2.Environment):
    """A Jinja environment that logs every attribute read of a model object.

    The log holds (object, attribute) while a page renders (cheap: no string
    is built per read); `reads` turns it into refs once per distinct pair."""

    log: set[tuple[Any, str]] | None = None

    def getattr(self, obj: Any, attribute: str) -> Any:
        try:  # Jinja's own first step, inlined: this runs for every `a.b` of every page
            value = getattr(obj, attribute)
        except AttributeError:
            value = super().getattr(obj, attribute)
        log = self.log
        if log is not None and type(obj) in _TRACKED:
            who = _who(obj)
            if type(value) is list and value and type(value[0]) in _TRACKED:
                return ListView(value, log, who, attribute)
            log.add((who, attribute))
        return value

    def getitem(self, obj: Any, argument: Any) -> Any:
        if self.log is not None and type(obj) in _TRACKED and isinstance(argument, str):
            self.log.add((_who(obj), argument))
        return super().getitem(obj, argument)


class ListView:
    """A model object's list of model objects (an actor's events), as a
    template gets it: how long it is (`|length`, `{% if actor.events %}`) is
    one read, what it holds (anything else) another, so a page that only
    counts an actor's events is not re-rendered when one of them changes."""

    __slots__ = ("_attr", "_items", "_log", "_obj")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, items: list[Any], log: set[tuple[Any, str]], obj: Any, attr: str):
        self._items, self._log, self._obj, self._attr = items, log, obj, attr

    def _all(self) -> list[Any]:
        self._log.add((self._obj, self._attr))
        return self._items

    def __len__(self) -> int:
        self._log.add((self._obj, self._attr + LENGTH))
        return len(self._items)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Any:
        return iter(self._all())

    def __reversed__(self) -> Any:
        return reversed(self._all())

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]

    def __contains__(self, item: Any) -> bool:
        return item in self._all()

    def __eq__(self, other: object) -> bool:
        return self._all() == (other._all() if isinstance(other, ListView) else other)

    def __add__(self, other: Any) -> list[Any]:
        return self._all() + list(other)

    def __radd__(self, other: Any) -> list[Any]:
        return list(other) + self._all()

    def __getattr__(self, name: str) -> Any:  # .index(), .count()
        return getattr(self._all(), name)

    def __repr__(self) -> str:
        return repr(self._all())


def reads(log: set[tuple[Any, str]]) -> frozenset[Read]:
    return frozenset(
        (PRINTED[0] if o is None else o if type(o) is str else ref(o), a)  # type: ignore[misc]
        for o, a in log
    )


@jinja2.pass_environment
def finalize(env: jinja2.Environment, value: Any) -> Any:
    """`{{ event }}` prints a model object whole: not something a read can follow."""
    log = getattr(env, "log", None)
    if log is not None and (type(value) in _TRACKED or type(value) is ListView):
        log.add((None, PRINTED[1]))
    return value


PRINTED: Read = ("!", "printed")  # never in the model: a page that has it is volatile

# Jinja's own filters and globals read through Environment.getattr, except these,
# which turn whatever they are given into text.
_TEXT_FILTERS = {"string", "join", "pprint", "tojson", "format", "xmlattr", "dictsort", "items"}


def guard_helpers(env: TrackingEnvironment) -> None:
    """Wrap every filter and global written in Python (a theme helper, a
    formatter) so that a call given a model object makes the page volatile:
    what Python code reads of it does not go through `getattr`. Jinja's own
    filters are left as they are, since they do, but for those that print
    an object whole. Called once the environment is complete; idempotent."""
    own_filters = jinja2.filters.FILTERS
    own_globals = jinja2.defaults.DEFAULT_NAMESPACE
    for table, own in ((env.filters, own_filters), (env.globals, own_globals)):
        for name, fn in list(table.items()):
            if not callable(fn) or getattr(fn, "_tarikh_guarded", False) or isinstance(fn, type):
                continue
            if own.get(name) is fn and name not in _TEXT_FILTERS:
                continue
            table[name] = _guarded(env, fn)


def _guarded(env: TrackingEnvironment, fn: Any) -> Any:
    # A helper may say which attributes it reads of what it is given (`fn.reads`):
    # those are logged as reads instead of making the page volatile.
    declared: tuple[str, ...] | None = getattr(fn, "reads", None)
    # The last tuple found to hold no model object: a listing's pages hand
    # `strip` the same tuple of 420 months, one page after another. A tuple
    # cannot change what it holds, and holding it keeps its id unique, so
    # that tuple is not scanned again. A list can change: always scanned.
    clean: list[Any] = [None]

    def call(*args: Any, **kwargs: Any) -> Any:
        log = env.log
        if log is not None:
            for arg in (*args, *kwargs.values()):
                kind = type(arg)
                if declared is not None and kind in _TRACKED:
                    log.update((_who(arg), name) for name in declared)
                elif (
                    kind in _TRACKED
                    or kind is ListView
                    or ((kind is tuple or kind is list) and _holds_model(arg, kind, clean))
                ):
                    log.add((None, PRINTED[1]))
                    break
        return fn(*args, **kwargs)

    call._tarikh_guarded = True  # type: ignore[attr-defined]
    # Keep Jinja's pass_context / pass_environment markers.
    for marker in ("jinja_pass_arg",):
        if hasattr(fn, marker):
            setattr(call, marker, getattr(fn, marker))
    call.__name__ = getattr(fn, "__name__", "helper")
    return call


def _holds_model(arg: Any, kind: type, clean: list[Any]) -> bool:
    """Whether a list or tuple holds a model object (one level, as Jinja's
    own filters would hand one to Python); the scan runs at C speed."""
    if kind is tuple:
        if arg is clean[0]:
            return False
        if _TRACKED.isdisjoint(map(type, arg)):
            clean[0] = arg
            return False
        return True
    return not _TRACKED.isdisjoint(map(type, arg))
