"""A title cut short to find its holder is never cut past a state's
nationality (issue 11): «وزير الشؤون الخارجية الإيراني» in a Lebanese
outlet named the home state's «وزير الشؤون الخارجية». A cut past it stands
only when the holder's roles name that nation. Every sentence is written for
the test.
"""

from __future__ import annotations

import datetime as dt

from generator.arabic.actors import ActorEntry, Registry, Role, find_actors

ON = dt.date(2023, 5, 1)
HOME_FM = ActorEntry(
    slug="home-fm",
    name="سمير الحداد",
    roles=(
        Role(title="وزير الخارجية", start=dt.date(2020, 1, 1)),
        Role(title="وزير الشؤون الخارجية", start=dt.date(2020, 1, 1)),
        Role(title="وزير الخارجية والمغتربين اللبناني", start=dt.date(2020, 1, 1)),
    ),
)
IRAN_FM = ActorEntry(
    slug="iran-fm",
    name="كريم رضائي",
    roles=(Role(title="وزير الخارجية الإيراني", start=dt.date(2020, 1, 1)),),
)
REGISTRY = Registry([HOME_FM, IRAN_FM])


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, REGISTRY, ON)]


def test_a_filler_is_dropped_before_the_nationality() -> None:
    assert names("وصل وزير الشؤون الخارجية الإيراني إلى المطار مساء أمس.") == ["كريم رضائي"]


def test_another_states_minister_is_not_the_home_ones() -> None:
    assert names("وصل وزير الخارجية الموريتاني إلى المطار مساء أمس.") == []


def test_the_home_nationality_still_finds_the_home_holder() -> None:
    """His roles write «اللبناني»: the cut past it is his title still."""
    assert names("وصل وزير الخارجية اللبناني إلى المطار مساء أمس.") == ["سمير الحداد"]


def test_a_title_without_a_nationality_is_the_home_one() -> None:
    assert names("وصل وزير الخارجية إلى المطار مساء أمس.") == ["سمير الحداد"]
