"""A predecessor named after «خلفاً لـ» takes no part in the succession
(GOLD.md 9), also behind the noun of what he led («خلفاً لحكومة فلان»).
Every sentence is written for the test."""

from __future__ import annotations

import datetime as dt

from generator.arabic.actors import Registry, find_actors

ON = dt.date(2024, 1, 1)


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, Registry([]), ON)]


def test_the_government_of_a_predecessor() -> None:
    text = "أدت الحكومة الجديدة اليمين الدستورية خلفاً لحكومة سامي العطار المستقيلة."
    assert "سامي العطار" not in names(text)


def test_the_successor_stays() -> None:
    text = "عين الملك سامي العطار رئيساً للوزراء خلفاً لحكومة مستقيلة."
    assert "سامي العطار" in names(text)
