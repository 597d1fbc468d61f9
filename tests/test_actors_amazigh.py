"""The Amazigh «أو» (son of) written apart («أحمد أو يحيى», as «أويحيى»):
after a given name and before another that ends the name, it is one man's
name, not a list cut at its first item (a reader bug of session 6). Before
a noun («أو نائبه») it is «or». Every sentence is written for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.arabic.actors import Registry, find_actors

ON = dt.date(2023, 5, 1)


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, Registry([]), ON)]


@pytest.mark.parametrize(
    "text",
    [
        "قال رئيس الحكومة سعيد أو يحيى إن الميزانية جاهزة.",
        "قضت المحكمة بسجن الوزير السابق سعيد أو يحيى بالحبس النافذ.",
        "وقال الوزير سعيد أو يحيى، إن الميزانية جاهزة.",
    ],
)
def test_son_of_is_one_name(text: str) -> None:
    assert names(text) == ["سعيد أو يحيى"]


def test_or_before_a_noun_is_or() -> None:
    assert names("سيحضر الوزير سعيد أو نائبه الاجتماع المقبل.") == ["سعيد"]
