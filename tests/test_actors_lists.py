"""People listed after «كل من» (`actor_lists`, issue 11): each item is read as
a name by its shape. Sentences written for this test."""

from __future__ import annotations

import pytest

from generator.arabic.actors import Registry, find_actors


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, Registry(), None)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # first words that are no given name, or a common word, in a list
        (
            "وتضم اللجنة كلا من مطر الساعدي نائبا للرئيس، وعمر الفقهاء، وبدر الكعبي.",
            ["مطر الساعدي", "عمر الفقهاء", "بدر الكعبي"],
        ),
        ("وحضر اللقاء كل من غانم الدوسري وعمر الفقهاء", ["غانم الدوسري", "عمر الفقهاء"]),
        # the list ends at the first item that is no name
        ("وزار كل من غانم الدوسري، والوفد المرافق له المعرض", ["غانم الدوسري"]),
        # no «كل من», no list: «عمر» before a plural noun is no one
        ("وحضر اللقاء عمر الفقهاء", []),
    ],
)
def test_a_list_after_each_of(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_titles_in_a_list_are_left_to_the_title_reader() -> None:
    text = "وضم الوفد كلا من وزيري المالية والتخطيط"
    assert names(text) == []


def test_places_and_bodies_in_a_list_are_no_names() -> None:
    """«كل من دار القضاء العالي ونادي القضاة»: a building and a club."""
    assert names("وحاصرت القوات كلا من دار القضاء العالي ونادي القضاة") == []
