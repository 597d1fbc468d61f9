"""The digests behind sound reuse (generator/deps.py): equal values digest
alike whatever their identity or the process, different values never do, and
what cannot be followed is VOLATILE; a build checks each read once."""

from __future__ import annotations

import collections
import copy
import datetime as dt
import os
import subprocess
import sys
import types
import zoneinfo

import jinja2
from conftest import ROOT
from markupsafe import Markup

from generator.deps import VOLATILE, Reads, digest
from generator.model import Actor, Event, SiteModel, Term
from generator.model_objects import EventDate, Participation

Pair = collections.namedtuple("Pair", "a b")


def _event(id_: str, title: str = "t") -> Event:
    return Event(id_, title, "text", None, "type", [])


def _actor(slug: str = "s") -> Actor:
    return Actor(slug, "n", "person", [], [], None, True)


def _values() -> list[object]:
    """Values a template may be given or read, pairwise different."""
    e1, e2, a = _event("x1"), _event("x2"), _actor()
    day = dt.date(2020, 1, 1)
    return [
        *(1, True, 1.0, "1", Markup("1"), None, b"1", (1,), [1], {1: 1}, {1}, frozenset({1})),
        *(0, False, 0.0, -0.0, "", (), [], {}, set(), frozenset(), 2**70),
        *(day, dt.datetime(2020, 1, 1), dt.datetime(2020, 1, 1, tzinfo=dt.UTC)),
        *(dt.time(1), dt.timedelta(1), "2020-01-01"),
        *(e1, e2, a, _actor("t"), Term("s", "n", "place"), Term("s", "n", "tag")),
        *(e1.id, "e:x1", ("e:x1",), [e1] * 10, [e1, e2] * 5, {"a": e1}, {"a": e2}),
        *([e1, e2], [e2, e1], list(range(8)), tuple(range(8)), list(range(9))),
        *({"a": 1, "b": 2}, {"b": 2, "a": 1}),  # a template may print a dict in its order
        *(types.SimpleNamespace(a=1), {"a": 1, "z": 0}, jinja2.Undefined()),
        *(jinja2.Undefined(name="x"), jinja2.ChainableUndefined()),
        *(Participation(a, "m", "r", None), Participation(a, "m", "r", "t")),
        *(Participation(_actor("t"), "m", "r", None), Pair(1, 2), (1, 2)),
        EventDate(day, "day", "b", "w", "g", None, None),
        EventDate(day, "month", "b", "w", "g", None, None),
        *({"x": 1}.get, {"x": 2}.get, {"a", "b", "c"}, {"a", "b", "d"}, {("a", 1)}),
    ]


def test_different_values_digest_differently_and_equal_ones_alike() -> None:
    values = _values()
    digests = [digest(v) for v in values]
    assert VOLATILE not in digests
    assert len(set(digests)) == len(values)
    again = [digest(v) for v in _values()]  # equal values, other objects
    assert again == digests


def test_identity_changes_no_digest() -> None:
    """Written without the pickler's memo: one object shown twice digests as two
    equal ones, so whether the plan shares a list never makes a page stale-looking."""
    part = [1, "x", {"k": (2, 3)}]
    assert digest([part, part]) == digest([part, copy.deepcopy(part)])
    big = list(range(20))
    memo: dict = {}
    assert digest([big, big], memo) == digest([big, list(big)]) == digest([big, list(big)], memo)


def test_a_set_digests_alike_in_every_process() -> None:
    """Sets have no order of their own (strings hash differently per process)."""
    code = (
        "from generator.deps import digest\n"
        "print(digest([{'a', 'b', 'c', 'dd', 'ee'}, frozenset({('x', 1), ('y', 2)}), {1: {'q'}}]))"
    )
    seen = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
        seen.add(out.stdout.strip())
    assert len(seen) == 1 and VOLATILE not in seen


def test_what_cannot_be_followed_is_volatile() -> None:
    cycle: list[object] = []
    cycle.append(cycle)
    deep: object = 1
    for _ in range(5000):
        deep = Pair(deep, 0)
    zone = dt.datetime(2020, 1, 1, tzinfo=zoneinfo.ZoneInfo("Asia/Riyadh"))
    for value in (
        lambda: 1,
        _event("x").sort_key,  # a model object's method: what it reads is not logged
        str,
        object(),
        cycle,
        deep,
        zone,
        collections.OrderedDict(a=1),
        [1, 2, object()],
        {"a": {1, object()}},
        bytearray(b"x"),
    ):
        assert digest(value) == VOLATILE, value


def _model() -> SiteModel:
    events = [_event("x1", "one"), _event("x2", "two")]
    return SiteModel(events, [], [], [], [])


def test_a_read_is_checked_once_a_build_and_a_changed_one_always_fails() -> None:
    old_model, model = _model(), _model()
    before = Reads(old_model)
    own = (("e:x1", "title"), ("e:x2", "title"))
    before.note(own)
    old = dict(before.table)
    reads = Reads(model)
    assert reads.holds(own, old) and reads.holds(tuple(reversed(own)), old)
    model.events[1].title = "changed"  # as a new build's model would be
    changed = Reads(model)
    assert changed.holds(own[:1], old)  # held, and remembered as held
    assert not changed.holds(own, old)
    assert not changed.holds(frozenset(own), old)
    assert not changed.holds((("e:x1", "title"), ("e:x9", "title")), old)  # not in the table
    assert not changed.holds((("e:x1", "text"),), old)  # never read before
    # Another table: nothing carried over from the first one.
    assert not changed.holds(own[:1], {("e:x1", "title"): "other"})
    assert changed.holds(own[:1], old)


def test_a_page_holds_only_when_its_own_reads_and_every_cards_do() -> None:
    old_model, model = _model(), _model()
    before = Reads(old_model)
    own, card, other = (("e:x1", "title"),), frozenset({("e:x2", "title")}), (("e:x1", "text"),)
    before.note((*own, *card, *other))
    old = dict(before.table)
    reads = Reads(model)
    assert reads.page_holds(own, (card,), old)
    assert reads.page_holds(own, (card, card), old)  # now in one pass
    model.events[1].title = "changed"
    changed = Reads(model)
    assert changed.page_holds(own, (), old)
    assert not changed.page_holds(own, (card,), old)
    assert not changed.page_holds(other, (frozenset(own), card), old)
    assert changed.page_holds(other, (frozenset(own),), old)
