"""tracking.guard_helpers: a helper written in Python that is given a model
object, or a list or tuple holding one, makes the page volatile (what Python
reads of it is not logged), however often it is called with the same value;
a tuple found clean is not scanned again, a list always is (it can change)."""

from __future__ import annotations

from typing import Any

import jinja2

from generator.model_objects import Event
from generator.tracking import PRINTED, TrackingEnvironment, guard_helpers


def _env() -> TrackingEnvironment:
    env = TrackingEnvironment(undefined=jinja2.StrictUndefined)
    env.globals["helper"] = lambda value: "ok"
    guard_helpers(env)
    return env


def _printed(env: TrackingEnvironment, value: Any) -> bool:
    env.log = set()
    try:
        env.from_string("{{ helper(v) }}").render(v=value)
        return (None, PRINTED[1]) in env.log
    finally:
        env.log = None


def test_a_helper_given_a_model_object_in_a_list_or_tuple_makes_the_page_volatile() -> None:
    env = _env()
    event = Event("x", "t", "text", None, "type", [])
    plain = tuple((2000 + i, 1, i) for i in range(420))
    held = (*plain, event)
    for _ in range(3):  # the same objects again: the same answer every time
        assert not _printed(env, plain)
        assert _printed(env, held)
        assert not _printed(env, plain)
    assert _printed(env, (event,)) and _printed(env, [event]) and _printed(env, event)
    changing: list[Any] = [1, 2, 3]
    assert not _printed(env, changing)
    changing.append(event)  # the same list, now holding an event
    assert _printed(env, changing)
    changing.pop()
    assert not _printed(env, changing)
