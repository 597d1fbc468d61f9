"""An unnamed body before «تابعة لـ» («هيئة تابعة لوزارة …») is no body
named «هيئة تابعة لوزارة …» (a reader bug of session 6): the head noun alone
names nothing, and the owner after «تابعة» only describes it, as after
«التابعة لـ». A named body before it is read as before. Every sentence is
written for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.arabic.actors import Registry, find_actors
from generator.arabic.words_context import BELONGING

ON = dt.date(2023, 5, 1)


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, Registry([]), ON)]


@pytest.mark.parametrize("belonging", sorted(BELONGING))
def test_an_unnamed_body_is_not_read_with_its_owner(belonging: str) -> None:
    text = f"أعلنت لجنة {belonging} لوزارة الصحة عن حملة جديدة للتطعيم."
    assert not any("لجنة" in n for n in names(text))


def test_a_named_body_before_its_owner_stays() -> None:
    text = "أعلنت هيئة الرقابة الدوائية التابعة لوزارة الصحة عن حملة جديدة."
    assert names(text) == ["هيئة الرقابة الدوائية"]
